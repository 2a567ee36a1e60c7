"""The accessibility and privacy statements: linked from every page in both languages, their facts from
docs/_data/statements.yml only, and what the privacy statement promises (no cookie, nothing stored in the
browser, no third-party request) kept true in chromium."""

from __future__ import annotations

import copy
import html as htmllib
import json
import re
from pathlib import Path

import jinja2
import pytest
import yaml
from conftest import ROOT, axe_violations, load_fiches

from scripts.lang import ui_text
from scripts.site import render, statements, urls

STATEMENTS = ROOT / "docs" / "_data" / "statements.yml"
PAGES = {"accessibility": "toegankelijkheid.md", "privacy": "privacy.md"}
FOOTER = re.compile(r'<nav class="kb-footer-links"[^>]*>(.*?)</nav>', re.S)


def built_pages(site: Path, lang: str) -> list[Path]:
    """Every HTML page of one language (the admin page is the web editor's app, not a page of the site)."""
    root = site / urls.lang_prefix(lang)
    others = {code for code in urls.LANGS if code != lang and lang == urls.DEFAULT_LANG}
    found = []
    for path in sorted(root.rglob("*.html")):
        parts = path.relative_to(root).parts
        if parts[0] in others or parts[0] in ("admin", "pagefind") or path.name.startswith("google"):
            continue
        found.append(path)
    return found


@pytest.mark.parametrize("lang", urls.LANGS)
def test_every_page_links_both_statements_in_its_language(site, lang):
    wanted = {kind: "/" + urls.url_for("doc", source, lang) for kind, source in PAGES.items()}
    pages = built_pages(site, lang)
    assert len(pages) > 20
    for path in pages:
        html = path.read_text(encoding="utf-8")
        footer = FOOTER.search(html)
        assert footer, f"{path}: no footer links"
        hrefs = re.findall(r'href="([^"]+)"', footer.group(1))
        for kind, href in wanted.items():
            assert href in hrefs, (path, kind, hrefs)
    for href in wanted.values():
        assert (site / href.lstrip("/") / "index.html").is_file(), href


@pytest.mark.parametrize("lang", urls.LANGS)
def test_statement_pages_state_the_facts_of_the_data_file(site, lang):
    data = yaml.safe_load(STATEMENTS.read_text(encoding="utf-8"))
    a11y = data["accessibility"]
    page = (site / urls.url_for("doc", PAGES["accessibility"], lang) / "index.html").read_text(encoding="utf-8")
    assert f'data-kb-status="{a11y["status"]}"' in page
    assert ui_text.date(a11y["last_checked"].isoformat(), lang) in page
    assert a11y["standard"] in page
    lock = json.loads((ROOT / "package-lock.json").read_text(encoding="utf-8"))
    assert f"axe-core {lock['packages']['node_modules/axe-core']['version']}" in page
    text = htmllib.unescape(page).replace("\u00a0", " ")
    for entry in a11y["exceptions"] + a11y["automated"] + a11y["manual"]:
        assert " ".join(entry[lang].split()).replace("\u00a0", " ") in text
    privacy = (site / urls.url_for("doc", PAGES["privacy"], lang) / "index.html").read_text(encoding="utf-8")
    for html in (page, privacy):
        email = data["contact"]["email"]
        assert f'href="mailto:{email}"' in html if email else ui_text.t("not_yet_stated", lang) in html
    assert a11y["complaint"]["url"][lang] in page


def template_env():
    """The project's templates over Material's, as the build renders them (autoescaping on)."""
    material = Path(jinja2.__file__).parents[1] / "material" / "templates"
    loader = jinja2.FileSystemLoader([str(ROOT / "overrides"), str(material)])
    return render.add_filters(jinja2.Environment(loader=loader, autoescape=True))


@pytest.mark.parametrize("lang", urls.LANGS)
def test_an_empty_fact_reads_not_yet_stated_and_data_never_becomes_markup(lang, tmp_path):
    data = yaml.safe_load(STATEMENTS.read_text(encoding="utf-8"))
    data["contact"] = {"organisation": None, "email": None}
    data["accessibility"]["last_checked"] = None
    data["accessibility"]["exceptions"] = [{code: "<script>alert(1)</script> [x](javascript:y)"
                                            for code in urls.LANGS}]
    data["host"] = {"name": "<b>host</b>", "privacy_url": None}
    path = tmp_path / "statements.yml"
    path.write_text(yaml.safe_dump(data, allow_unicode=True), encoding="utf-8")
    facts = statements.load(path)
    env = template_env()
    unstated = ui_text.t("not_yet_stated", lang)
    for name in ("accessibility", "privacy"):
        html = env.get_template(f"partials/kb-{name}.html").render(render.context(lang, "x/", s=facts))
        assert "<script>" not in html and "<b>" not in html
        assert "mailto:" not in html
        assert re.search(r'data-kb-contact>[^<]*' + re.escape(unstated), html), html
    assert "&lt;script&gt;" in env.get_template("partials/kb-accessibility.html").render(
        render.context(lang, "x/", s=facts))


def test_a_malformed_status_or_date_stops_the_build(tmp_path):
    data = yaml.safe_load(STATEMENTS.read_text(encoding="utf-8"))
    path = tmp_path / "statements.yml"
    for key, value in (("status", "compliant-ish"), ("last_checked", "5 december")):
        broken = copy.deepcopy(data)
        broken["accessibility"][key] = value
        path.write_text(yaml.safe_dump(broken, allow_unicode=True), encoding="utf-8")
        with pytest.raises(Exception, match=key.split("_")[0]):
            statements.load(path)


# -- in chromium ------------------------------------------------------------------------------------------------

FICHES = load_fiches()
BROWSED = ["", "fiches/", f"fiches/{FICHES[0]['id']}/", "fiches/cijfers/", "toegankelijkheid/", "privacy/",
           "fiches/vergelijk/?ids=" + ",".join(f["id"] for f in FICHES[:2])]
STORAGE = "() => [localStorage.length, sessionStorage.length]"


@pytest.mark.browser
@pytest.mark.parametrize("lang", urls.LANGS)
def test_browsing_and_searching_set_no_cookie_store_nothing_and_ask_no_other_host(page, base_url, lang):
    """What the privacy statement says, measured: after the key pages and a search, the browser holds no cookie
    and nothing in localStorage or sessionStorage, and every request went to the site itself."""
    for path in BROWSED:
        page.goto(base_url + urls.lang_prefix(lang) + path)
        page.wait_for_selector(".kb-footer-links")
    page.click(".md-search__input")
    page.fill(".md-search__input", FICHES[0]["municipality"][lang])
    page.wait_for_selector(".md-search-result__item", timeout=15000)
    assert page.context.cookies() == []
    assert page.evaluate(STORAGE) == [0, 0]
    outside = [url for url in page.watch.requests if not url.startswith(base_url) and not url.startswith("data:")]
    assert outside == []
    assert page.watch.failures == [] and page.watch.console_errors == []


@pytest.mark.browser
@pytest.mark.parametrize("path", [urls.url_for("doc", source, lang) for source in PAGES.values()
                                  for lang in urls.LANGS])
def test_axe_finds_no_violations_on_the_statements(page, base_url, path):
    page.goto(base_url + path)
    page.wait_for_selector(".kb-footer-links")
    assert axe_violations(page) == []
