"""What visitors do, in Debian's chromium: search, switch language, stay private, stay accessible, print."""

from __future__ import annotations

import json
import re
from collections import Counter

import pytest
from conftest import ROOT

pytestmark = pytest.mark.browser

AXE = ROOT / "node_modules" / "axe-core" / "axe.min.js"
KEY_PAGES = {
    "home": ("", "fr/"),
    "catalogue": ("fiches/", "fr/fiches/"),
    "fiche": ("fiches/ocmw-antwerpen-amie/", "fr/fiches/ocmw-antwerpen-amie/"),
    "glossary": ("woordenlijst/", "fr/woordenlijst/"),
    "network": ("netwerk/uitwisseling-luik-2019/", "fr/netwerk/uitwisseling-luik-2019/"),
}
ALL_KEY_URLS = [url for pair in KEY_PAGES.values() for url in pair]


def open_page(page, base_url: str, path: str) -> None:
    page.goto(base_url + path, wait_until="networkidle")


def unique_word(site, lang: str) -> tuple[str, str]:
    """A word that occurs on exactly one fiche page of this language and on no other page."""
    path = site / ("search" if lang == "nl" else "fr/search") / "search_index.json"
    docs = json.loads(path.read_text(encoding="utf-8"))["docs"]
    where: dict[str, set[str]] = {}
    for doc in docs:
        page = doc["location"].split("#", 1)[0]
        for word in set(re.findall(r"[a-zà-ÿ]{9,}", re.sub(r"<[^>]+>", " ", doc["text"]).lower())):
            where.setdefault(word, set()).add(page)
    other_path = site / ("fr/search" if lang == "nl" else "search") / "search_index.json"
    other_text = json.loads(other_path.read_text(encoding="utf-8"))
    other_words = Counter(re.findall(r"[a-zà-ÿ]{9,}", json.dumps(other_text, ensure_ascii=False).lower()))
    for word, pages in sorted(where.items()):
        if len(pages) == 1 and next(iter(pages)).startswith("fiches/") and word not in other_words \
                and "-" not in word and word.isalpha():
            return word, next(iter(pages))
    raise AssertionError(f"no word unique to one {lang} fiche")


@pytest.mark.parametrize("lang", ["nl", "fr"])
def test_search_finds_the_fiche_in_the_page_language_only(page, base_url, site, lang):
    word, location = unique_word(site, lang)
    open_page(page, base_url, "" if lang == "nl" else "fr/")
    page.click(".md-search__input")
    page.keyboard.type(word, delay=20)
    page.wait_for_selector(".md-search-result__item", timeout=10000)
    hrefs = page.eval_on_selector_all(".md-search-result__item > a, .md-search-result__link",
                                      "els => els.map(e => e.href)")
    assert hrefs, f"no result for {word!r}"
    expected = base_url + ("" if lang == "nl" else "fr/") + location
    assert any(h.split("#")[0].split("?")[0] == expected for h in hrefs), (word, hrefs)
    for href in hrefs:
        if lang == "nl":
            assert "/fr/" not in href, href
        else:
            assert href.startswith(base_url + "fr/"), href


@pytest.mark.parametrize("kind", sorted(KEY_PAGES))
def test_language_switch_leads_to_the_same_page(page, base_url, kind):
    nl, fr = KEY_PAGES[kind]
    for source, target, lang in ((nl, fr, "fr"), (fr, nl, "nl")):
        open_page(page, base_url, source)
        page.hover(".md-header__option .md-select")
        page.click(f".md-select__link[hreflang='{lang}']")
        page.wait_for_load_state("networkidle")
        assert page.url == base_url + target, (source, page.url)
        assert page.get_attribute("html", "lang") == lang


def test_key_pages_make_no_third_party_requests_and_no_errors(page, base_url):
    for path in ALL_KEY_URLS:
        page.watch.requests.clear()
        open_page(page, base_url, path)
        page.wait_for_timeout(300)
        outside = [url for url in page.watch.requests if not url.startswith(base_url) and not url.startswith("data:")]
        assert outside == [], (path, outside)
    assert page.watch.failures == []
    assert page.watch.console_errors == []


AXE_EXTRA = ["bijdragen/schema/", "fr/bijdragen/schema/", "fiches/cijfers/", "fr/fiches/cijfers/", "themas/taal/",
             "fiches/vergelijk/?ids=ocmw-antwerpen-amie,ocmw-gent-interactief",
             "fr/fiches/vergelijk/?ids=ocmw-luik-modactions,ocmw-brussel-move-up",
             "fiches/?region=vlaanderen&theme=taal"]


@pytest.mark.parametrize("path", ALL_KEY_URLS + AXE_EXTRA)
def test_axe_finds_no_wcag_a_or_aa_violations(page, base_url, path):
    open_page(page, base_url, path)
    if "vergelijk" in path:
        page.wait_for_selector(".kb-compare-table")
    page.add_script_tag(path=str(AXE))
    result = page.evaluate("""async () => {
        const r = await axe.run(document, {runOnly: {type: 'tag',
            values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']}});
        return r.violations.map(v => ({id: v.id, impact: v.impact,
            nodes: v.nodes.slice(0, 3).map(n => n.target.join(' ') + ' :: ' + n.failureSummary)}));
    }""")
    assert result == [], json.dumps(result, indent=1, ensure_ascii=False)


def test_fiche_prints_without_site_chrome_and_tables_fit_a4(page, base_url, tmp_path):
    open_page(page, base_url, "fiches/ocmw-gent-interactief/")
    page.emulate_media(media="print")
    page.set_viewport_size({"width": 718, "height": 1000})  # A4 width at 96 dpi minus 1 cm margins
    hidden = page.evaluate("""() => ['.md-header', '.md-sidebar--primary', '.md-sidebar--secondary', '.md-footer']
        .map(sel => document.querySelector(sel)).filter(Boolean)
        .map(el => getComputedStyle(el).display)""")
    assert hidden and set(hidden) == {"none"}
    overflow = page.evaluate("""() => [...document.querySelectorAll('.md-content table')]
        .filter(t => t.getBoundingClientRect().right > document.documentElement.clientWidth + 1)
        .map(t => t.className)""")
    assert overflow == []
    pdf = tmp_path / "fiche.pdf"
    page.pdf(path=str(pdf), format="A4", print_background=True)
    data = pdf.read_bytes()
    assert data.startswith(b"%PDF") and data.count(b"/Type /Page") - data.count(b"/Type /Pages") >= 2
