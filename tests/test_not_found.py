"""A missing address on a host that serves only the root 404.html (GitHub Pages, GitLab Pages, most static hosts)
reads in the language its path names, and suggests the nearest fiche."""

from __future__ import annotations

import html as htmllib
import json
import re

import pytest
from conftest import axe_violations, load_fiches

from scripts import local_servers
from scripts.lang import ui_text
from scripts.site import urls

FICHES = load_fiches()


def typo(fiche_id: str) -> str:
    """The id with its last letter changed: one edit away from this fiche only."""
    return fiche_id[:-1] + ("x" if fiche_id[-1] != "x" else "y")


def test_the_root_404_holds_every_language_and_the_fiche_names(site):
    html = (site / "404.html").read_text(encoding="utf-8")
    for lang in urls.LANGS:
        assert f'<section lang="{lang}" data-lang="{lang}"' in html
        assert ui_text.t("not_found_title", lang) in html
    data = json.loads(htmllib.unescape(re.search(r"data-kb-data='([^']*)'", html).group(1)))
    assert [entry[0] for entry in data["fiches"]] == [f["id"] for f in FICHES]
    assert data["fiche_url"]["fr"].endswith("/" + urls.url_for("fiche", "{id}", "fr"))


@pytest.fixture(scope="module")
def host_url(site):
    """The built site as a static host serves it: a missing address gets the root 404.html, status 404."""
    with local_servers.serve_static(site, root_not_found=True) as url:
        yield url


def visible_text(page, selector: str) -> list[str]:
    return page.eval_on_selector_all(selector, "els => els.filter(e => e.offsetParent !== null)"
                                               ".map(e => e.textContent.trim())")


@pytest.mark.browser
@pytest.mark.parametrize("lang", urls.LANGS)
def test_a_missing_fiche_address_reads_in_its_language_and_suggests_the_nearest_fiche(page, host_url, lang):
    fiche = FICHES[len(FICHES) // 2]["id"]
    response = page.goto(host_url + urls.url_for("fiche", typo(fiche), lang))
    assert response.status == 404
    page.wait_for_selector("[data-kb-suggest]:not([hidden]) a")
    assert page.get_attribute("html", "lang") == lang
    assert visible_text(page, ".kb-not-found h1") == [ui_text.t("not_found_title", lang)]
    assert page.title() == ui_text.t("not_found_title", lang)
    href = page.get_attribute("[data-kb-suggest]:not([hidden]) a", "href")
    assert href.endswith("/" + urls.url_for("fiche", fiche, lang)), href
    page.click("[data-kb-suggest]:not([hidden]) a")
    page.wait_for_url(host_url + urls.url_for("fiche", fiche, lang))


@pytest.mark.browser
def test_an_unrelated_missing_address_under_fr_reads_in_french_without_a_suggestion(page, host_url):
    response = page.goto(host_url + "fr/xyz")
    assert response.status == 404
    page.wait_for_function("document.documentElement.lang === 'fr'")
    assert visible_text(page, ".kb-not-found h1") == [ui_text.t("not_found_title", "fr")]
    assert visible_text(page, "[data-kb-suggest]") == []
    links = page.eval_on_selector_all("section[data-lang='fr'] li a", "els => els.map(e => e.getAttribute('href'))")
    assert links == ["/" + urls.url_for("page", "fiches/", "fr"), "/" + urls.lang_prefix("fr")]
    assert axe_violations(page) == []


@pytest.mark.browser
def test_without_javascript_every_language_shows(browser, host_url):
    context = browser.new_context(java_script_enabled=False)
    try:
        page = context.new_page()
        page.goto(host_url + "fr/xyz")
        shown = visible_text(page, ".kb-not-found h1")
        assert shown == [ui_text.t("not_found_title", lang) for lang in urls.LANGS]
    finally:
        context.close()
