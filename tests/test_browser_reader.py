"""Reading the site as its users do, in Debian's chromium: on a phone without sideways scrolling, tables that
read, a fiche on paper, the language switch that keeps what the reader was doing, a 404 page per language
and a home page that starts the three tasks. Every page and fiche is derived from fiches/ and the built site."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
import ui_text
import yaml
from conftest import ROOT

pytestmark = pytest.mark.browser

PHONE = {"width": 390, "height": 844}
DESKTOP = {"width": 1280, "height": 800}
LANGS = ("nl", "fr")
MAX_PRINT_PAGES = 8


def published_fiches() -> dict[str, int]:
    """Published fiche ids with the size of their YAML (a stand-in for how much there is to read)."""
    found = {}
    for path in sorted((ROOT / "fiches").glob("*.yml")):
        data = yaml.safe_load(path.read_text(encoding="utf-8"))
        if isinstance(data, dict) and data.get("status", "published") == "published" and data.get("id"):
            found[data["id"]] = len(path.read_bytes())
    return found


def largest_fiche() -> str:
    fiches = published_fiches()
    return max(fiches, key=lambda fiche_id: (fiches[fiche_id], fiche_id))


def prefix(lang: str) -> str:
    return "" if lang == "nl" else f"{lang}/"


def page_types(site: Path) -> dict[str, str]:
    """One address (NL, without language prefix) per kind of page."""
    big = largest_fiche()
    module = sorted(p.parent.name for p in (site / "fiches" / big).glob("*/index.html"))
    theme = sorted(p.parent.name for p in (site / "themas").glob("*/index.html"))
    ids = sorted(published_fiches())[:3]
    kinds = {
        "home": "",
        "catalogue": "fiches/",
        "fiche": f"fiches/{big}/",
        "compare": "fiches/vergelijk/?ids=" + ",".join(ids),
        "figures": "fiches/cijfers/",
        "module-catalogue": "modules/",
        "competences": "modules/competenties/",
        "glossary": "woordenlijst/",
        "schema": "bijdragen/schema/",
        "text": "sociale-activering/",
        "contributing": "bijdragen/",
        "404": "404.html",
    }
    if module:
        kinds["module"] = f"fiches/{big}/{module[0]}/"
    if theme:
        kinds["theme"] = f"themas/{theme[0]}/"
    return kinds


def open_page(page, url: str) -> None:
    page.goto(url, wait_until="networkidle")
    if "vergelijk/?ids=" in url:
        page.wait_for_selector(".kb-compare-table")


def test_no_page_scrolls_sideways_on_a_phone(browser, base_url, site):
    context = browser.new_context(viewport=PHONE)
    page = context.new_page()
    wide = []
    for kind, path in page_types(site).items():
        for lang in LANGS:
            open_page(page, base_url + prefix(lang) + path)
            sizes = page.evaluate("() => [document.documentElement.scrollWidth, document.documentElement.clientWidth]")
            if sizes[0] > sizes[1]:
                culprits = page.evaluate("""() => [...document.querySelectorAll('.md-content *')]
                    .filter(e => e.getBoundingClientRect().right > document.documentElement.clientWidth + 1)
                    .slice(0, 3).map(e => e.tagName + '.' + e.className)""")
                wide.append((kind, lang, sizes, culprits))
    context.close()
    assert wide == []


TABLE_PAGES = ("fiche", "module", "glossary", "schema")
TABLE_REPORT = """() => [...document.querySelectorAll('.md-content .kb-table > table[class]')].map(t => {
    const box = t.getBoundingClientRect();
    const shown = c => (c.closest('thead') || c).getBoundingClientRect().width > 2;  // not a screen-reader-only head
    const cells = [...t.querySelectorAll('th, td')].filter(shown);
    const rows = [...t.querySelectorAll('tbody tr')]
        .filter(r => r.querySelector('th[scope=row]') && r.querySelector('td'));
    const label = r => r.querySelector('th[scope=row]').getBoundingClientRect();
    return {
      cls: t.className, width: box.width,
      wrapAnywhere: cells.filter(c => getComputedStyle(c).overflowWrap === 'anywhere').length,
      hyphens: cells.filter(c => c.tagName === 'TD').every(c => getComputedStyle(c).hyphens === 'auto'),
      padded: cells.every(c => parseFloat(getComputedStyle(c).paddingLeft) >= 4),
      overflowing: cells.filter(c => c.scrollWidth > c.clientWidth + 1).length,
      labelShare: Math.max(0, ...rows.map(r => label(r).width / box.width)),
      stacked: rows.every(r => label(r).bottom <= r.querySelector('td').getBoundingClientRect().top + 1),
      headersAbove: [...t.querySelectorAll('thead th')].every((h, i) => {  // aligned like the values below them
        const cell = t.querySelector('tbody tr').children[i];
        return !cell || getComputedStyle(h).textAlign === getComputedStyle(cell).textAlign;
      }),
    };
})"""


@pytest.mark.parametrize("lang", LANGS)
def test_tables_read_on_desktop_and_stack_on_a_phone(browser, base_url, site, lang):
    kinds = page_types(site)
    for viewport in (DESKTOP, PHONE):
        context = browser.new_context(viewport=viewport)
        page = context.new_page()
        for kind in TABLE_PAGES:
            if kind not in kinds:
                continue
            open_page(page, base_url + prefix(lang) + kinds[kind])
            report = page.evaluate(TABLE_REPORT)
            assert report, (kind, lang)
            for table in report:
                where = (kind, lang, viewport["width"], table["cls"])
                assert table["wrapAnywhere"] == 0, where  # no "Agentsch ap": words are not split anywhere
                assert table["hyphens"], where  # hyphenation by the page's language instead
                assert table["padded"], where
                assert table["overflowing"] == 0, where
                if viewport is DESKTOP:
                    assert table["labelShare"] <= 0.3, (where, table["labelShare"])
                    assert table["headersAbove"], where
                else:
                    assert table["stacked"], where  # label above its value on a phone
        context.close()


def pdf_pages(data: bytes) -> int:
    """Page count of a PDF without a PDF library: chromium writes one /Type /Page object per page."""
    return len(re.findall(rb"/Type\s*/Page(?![A-Za-z])", data))


@pytest.mark.parametrize("lang", LANGS)
def test_largest_fiche_prints_whole_on_at_most_eight_a4_pages(browser, base_url, tmp_path, lang):
    fiche = largest_fiche()
    context = browser.new_context(viewport=DESKTOP)
    page = context.new_page()
    address = base_url + prefix(lang) + f"fiches/{fiche}/"
    open_page(page, address)
    page.emulate_media(media="print")
    # every section, every table and every module is on paper (nothing hidden by print CSS)
    hidden = page.evaluate("""() => [...document.querySelectorAll(['h1', 'h2', 'h3', 'table', '.kb-text', 'details > *']
            .map(s => '.md-content ' + s).join(', '))]
        .filter(e => !e.closest('.kb-actions, .kb-contents'))
        .filter(e => e.getClientRects().length === 0 || getComputedStyle(e).visibility === 'hidden')
        .map(e => e.tagName + '#' + e.id + '.' + e.className)""")
    assert hidden == []
    chrome = page.evaluate("""() => ['.md-header', '.md-sidebar--primary', '.md-sidebar--secondary', '.md-footer']
        .map(s => document.querySelector(s)).filter(Boolean).map(e => getComputedStyle(e).display)""")
    assert set(chrome) == {"none"}
    # the footer of every page: the fiche's address and the day it is printed
    footer = page.evaluate("() => document.querySelector('style[data-kb-print-page]').textContent")
    assert "@bottom-left" in footer and address in footer, footer
    day = page.evaluate("""lang => new Intl.DateTimeFormat(lang === 'fr' ? 'fr-BE' : 'nl-BE',
        {day: 'numeric', month: 'long', year: 'numeric'}).format(new Date())""", lang)
    assert ui_text.t("printed_on", lang, date=day) in footer
    assert "counter(page)" in footer
    pdf = tmp_path / f"{fiche}-{lang}.pdf"
    page.pdf(path=str(pdf), prefer_css_page_size=True)
    context.close()
    pages = pdf_pages(pdf.read_bytes())
    assert 2 <= pages <= MAX_PRINT_PAGES, pages


def catalogue_facet(site: Path) -> tuple[str, str]:
    """A facet value offered by the built catalogue (name and code of its first checkbox)."""
    html = (site / "fiches" / "index.html").read_text(encoding="utf-8")
    match = re.search(r'<input type="checkbox" name="([a-z_]+)" value="([a-z0-9-]+)"', html)
    assert match, "the catalogue offers no facet"
    return match.group(1), match.group(2)


def switch_language(page, lang: str) -> None:
    page.hover(".md-header__option .md-select")
    page.click(f".md-select__link[hreflang='{lang}']")
    page.wait_for_load_state("networkidle")


@pytest.mark.parametrize("source,target", [("nl", "fr"), ("fr", "nl")])
def test_language_switch_keeps_query_and_anchor(page, base_url, site, source, target):
    ids = sorted(published_fiche for published_fiche in published_fiches())[:2]
    name, code = catalogue_facet(site)
    fiche = largest_fiche()
    # a shared comparison opens with the same fiches in the other language
    open_page(page, base_url + prefix(source) + "fiches/vergelijk/?ids=" + ",".join(ids))
    switch_language(page, target)
    assert page.url == base_url + prefix(target) + "fiches/vergelijk/?ids=" + ",".join(ids)
    page.wait_for_selector(".kb-compare-table")
    shown = page.eval_on_selector_all(".kb-compare-table thead a", "els => els.map(a => a.getAttribute('href'))")
    assert [href.rstrip("/").rsplit("/", 1)[-1] for href in shown] == ids
    # a fiche read at an anchor stays at that anchor
    open_page(page, base_url + prefix(source) + f"fiches/{fiche}/#approach")
    switch_language(page, target)
    assert page.url == base_url + prefix(target) + f"fiches/{fiche}/#approach"
    # filters chosen on the page (the URL changes as the reader works) travel along
    open_page(page, base_url + prefix(source) + "fiches/")
    page.check(f"input[name='{name}'][value='{code}']")
    switch_language(page, target)
    assert page.url.startswith(base_url + prefix(target) + "fiches/?")
    assert page.is_checked(f"input[name='{name}'][value='{code}']")


@pytest.mark.parametrize("lang", LANGS)
def test_each_language_has_its_own_404_page(page, base_url, site, lang):
    assert (site / prefix(lang) / "404.html").is_file()
    open_page(page, base_url + prefix(lang) + "404.html")
    assert page.get_attribute("html", "lang") == lang
    assert page.inner_text("article h1").strip() == ui_text.t("not_found_title", lang)
    links = page.eval_on_selector_all("article a", "els => els.map(a => a.href)")
    assert base_url + prefix(lang) + "fiches/" in links
    assert page.watch.failures == [] and page.watch.console_errors == []


@pytest.mark.parametrize("lang", LANGS)
@pytest.mark.parametrize("viewport", [DESKTOP, PHONE], ids=["desktop", "phone"])
def test_home_starts_the_three_tasks(browser, base_url, lang, viewport):
    context = browser.new_context(viewport=viewport)
    page = context.new_page()
    open_page(page, base_url + prefix(lang))
    tiles = page.eval_on_selector_all(".kb-tasks a.kb-task", "els => els.map(a => a.href)")
    assert tiles == [base_url + prefix(lang) + path for path in ("fiches/", "fiches/vergelijk/", "bijdragen/")]
    box = page.locator("[data-kb-home-search] input[name=q]").bounding_box()
    assert box and box["y"] + box["height"] <= viewport["height"]  # the search box is in the first screen
    if viewport is DESKTOP:
        last = page.locator(".kb-tasks a.kb-task").last.bounding_box()
        assert last["y"] + last["height"] <= viewport["height"]
    # a word typed on the home page runs the site search (Pagefind) with that word
    word = max(re.findall(r"\w+", page.inner_text("article h1")), key=len)  # the home page itself is indexed
    page.fill("[data-kb-home-search] input[name=q]", word)
    page.press("[data-kb-home-search] input[name=q]", "Enter")
    page.wait_for_selector(".md-search-result__item", timeout=10000)
    assert page.input_value(".md-search__input") == word
    context.close()
