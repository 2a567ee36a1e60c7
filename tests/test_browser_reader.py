"""Reading the site as its users do, in Debian's chromium: on a phone without sideways scrolling, tables that
read, a fiche on paper, the language switch that keeps what the reader was doing, a 404 page per language
and a home page that starts the three tasks. Every page and fiche is derived from fiches/ and the built site."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
import yaml
from conftest import fiches_dir, next_frames
from playwright.sync_api import expect

from scripts.lang import ui_text
from scripts.site import urls

pytestmark = pytest.mark.browser

PHONE = {"width": 390, "height": 844}
DESKTOP = {"width": 1280, "height": 800}
LANGS = ("nl", "fr")
MAX_PRINT_PAGES = 8


def published_fiches() -> dict[str, int]:
    """Published fiche ids with the size of their YAML (a stand-in for how much there is to read)."""
    found = {}
    for path in sorted(fiches_dir().glob("*.yml")):
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
        "guide": urls.url_for("guide", "", "nl"),
        "accessibility": urls.url_for("doc", "toegankelijkheid.md", "nl"),
        "privacy": urls.url_for("doc", "privacy.md", "nl"),
    }
    if module:
        kinds["module"] = f"fiches/{big}/{module[0]}/"
    if theme:
        kinds["theme"] = f"themas/{theme[0]}/"
    return kinds


def open_page(page, url: str) -> None:
    page.goto(url)  # "load": the page's scripts have run
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


TABLE_PAGES = ("fiche", "module", "glossary", "schema", "guide")
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
    day = page.evaluate("""locale => new Intl.DateTimeFormat(locale,
        {day: 'numeric', month: 'long', year: 'numeric'}).format(new Date())""", ui_text.locale_tag(lang))
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


def default_sitemap_last(page, base_url: str) -> None:
    """Hold the default language's sitemap.xml until every other language's has arrived: the order in which
    Material's own switch went wrong (it then sent readers home, or dropped the query string)."""
    others = {base_url + prefix(lang) + "sitemap.xml" for lang in LANGS if prefix(lang)}
    arrived: set[str] = set()
    held: list = []

    def release() -> None:
        while arrived >= others and held:
            held.pop().continue_()

    def hold(route) -> None:
        held.append(route)
        release()

    def finished(request) -> None:
        if request.url in others:
            arrived.add(request.url)
            release()

    page.on("requestfinished", finished)
    page.route(base_url + "sitemap.xml", hold)


def switch_language(page, lang: str) -> None:
    # As a reader would: after the page has settled, when Material has read every language's sitemap.xml (its
    # own language switch would then take over the click, and it drops the query string).
    page.wait_for_function("n => performance.getEntriesByType('resource')"
                           ".filter(e => e.name.endsWith('/sitemap.xml') && e.responseEnd > 0).length >= n",
                           arg=len(LANGS))
    next_frames(page)  # Material has handled the sitemaps it fetched
    page.hover(".md-header__option .md-select")
    with page.expect_navigation():
        page.click(f".md-select__link[hreflang='{lang}']")


@pytest.mark.parametrize("source,target", [("nl", "fr"), ("fr", "nl")])
def test_language_switch_keeps_query_and_anchor(page, base_url, site, source, target):
    # The default language's sitemap arrives last: the order in which Material's own switch went wrong.
    default_sitemap_last(page, base_url)
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
    box = page.locator("[data-kb-home-search] input[name=text]").bounding_box()
    assert box and box["y"] + box["height"] <= viewport["height"]  # the search box is in the first screen
    if viewport is DESKTOP:
        last = page.locator(".kb-tasks a.kb-task").last.bounding_box()
        assert last["y"] + last["height"] <= viewport["height"]
    # a word typed on the home page runs the site search (Pagefind) with that word
    word = max(re.findall(r"\w+", page.inner_text("article h1")), key=len)  # the home page itself is indexed
    page.fill("[data-kb-home-search] input[name=text]", word)
    page.press("[data-kb-home-search] input[name=text]", "Enter")
    page.wait_for_selector(".md-search-result__item", timeout=10000)
    assert page.input_value(".md-search__input") == word
    context.close()


def fiches_json(site: Path) -> list[dict]:
    import json

    return json.loads((site / "fiches.json").read_text(encoding="utf-8"))["fiches"]


def fold(text: str) -> str:
    import unicodedata

    return "".join(c for c in unicodedata.normalize("NFD", text) if not unicodedata.combining(c)).lower()


@pytest.mark.parametrize("lang", LANGS)
def test_catalogue_results_filters_chips_and_empty_state(browser, base_url, site, lang):
    fiches = fiches_json(site)
    context = browser.new_context(viewport=DESKTOP)
    page = context.new_page()
    open_page(page, base_url + prefix(lang) + "fiches/")
    first = page.locator(".kb-card").first.bounding_box()
    assert first["y"] < DESKTOP["height"] - 100  # the first result starts in the first screen
    # free text ignores case and accents: a place name typed without its accents still finds its fiche
    names = {f["id"]: f["municipality"][lang] for f in fiches}
    accented = next((i for i, n in names.items() if fold(n) != n.lower()), None) or sorted(names)[0]
    page.fill(".kb-filters input[name='text']", fold(names[accented]).upper())
    page.wait_for_selector("[data-kb-catalogue][data-kb-vocabulary]", state="attached")  # every card's words in
    shown = page.eval_on_selector_all(".kb-card:not([hidden])", "els => els.map(e => e.dataset.id)")
    assert accented in shown
    # the query is a removable chip
    assert page.locator(".kb-chips .kb-chip").count() == 1
    page.click(".kb-chips .kb-chip")
    assert page.input_value(".kb-filters input[name='text']") == ""
    expect(page.locator(".kb-card:not([hidden])")).to_have_count(len(fiches))
    # a facet becomes a chip; removing the chip unchecks the box
    name, code = catalogue_facet(site)
    page.check(f"input[name='{name}'][value='{code}']")
    assert page.locator(".kb-chips .kb-chip").count() == 1
    page.click(".kb-chips .kb-chip")
    assert not page.is_checked(f"input[name='{name}'][value='{code}']")
    # nothing found: say so, offer the site search with the same words and clearing the filters
    page.fill(".kb-filters input[name='text']", "zqxjzqxj")
    assert page.locator(".kb-card:not([hidden])").count() == 0
    assert page.is_visible(".kb-empty")
    page.click(".kb-empty .md-button--primary")
    page.wait_for_function("document.querySelector('.md-search__input').value === 'zqxjzqxj'")
    assert page.evaluate("document.getElementById('__search').checked")
    page.keyboard.press("Escape")
    page.evaluate("document.getElementById('__search').checked = false")
    page.click(".kb-empty__actions button:not(.md-button--primary)")
    expect(page.locator(".kb-card:not([hidden])")).to_have_count(len(fiches))
    # choosing fiches shows a bar in view with a real plural, leading to the comparison
    ids = [f["id"] for f in fiches][:2]
    for i, fiche_id in enumerate(ids, start=1):
        page.check(f"[data-kb-compare][value='{fiche_id}']")
        expected = ui_text.t("chosen_one" if i == 1 else "chosen_other", lang, n=i)
        assert page.text_content("[data-kb-compare-count]") == expected
    page.evaluate("window.scrollTo(0, 0)")
    bar = page.locator("[data-kb-compare-bar]").bounding_box()
    assert 0 <= bar["y"] and bar["y"] + bar["height"] <= DESKTOP["height"] + 1
    href = page.get_attribute("[data-kb-compare-link]", "href")
    assert sorted(href.split("?ids=", 1)[1].split(",")) == sorted(ids)
    context.close()


@pytest.mark.parametrize("lang", LANGS)
def test_catalogue_facets_fold_behind_a_button_on_a_phone(browser, base_url, site, lang):
    context = browser.new_context(viewport=PHONE)
    page = context.new_page()
    name, code = catalogue_facet(site)
    open_page(page, base_url + prefix(lang) + f"fiches/?{name}={code}")
    toggle = page.locator(".kb-filters__toggle")
    assert toggle.is_visible() and not page.is_visible(".kb-facets")
    assert toggle.text_content() == f"{ui_text.t('filters', lang)} (1)"
    first = page.locator(".kb-card:not([hidden])").first.bounding_box()
    assert first["y"] < 2 * PHONE["height"]
    toggle.click()
    assert page.is_visible(".kb-facets") and toggle.get_attribute("aria-expanded") == "true"
    context.close()


def test_module_catalogue_counts_modules(page, base_url, site):
    for lang in LANGS:
        open_page(page, base_url + prefix(lang) + "modules/")
        total = page.locator(".kb-card").count()
        key = "shown_modules_one" if total == 1 else "shown_modules_other"
        assert page.text_content("[data-kb-count]") == ui_text.t(key, lang, shown=total, total=total)
        # every card says what the module is for, and never shows a bare "not stated"
        assert page.locator(".kb-card .kb-card__goal").count() == total
        facts = page.eval_on_selector_all(".kb-card__facts", "els => els.map(e => e.textContent)")
        assert not [f for f in facts if ui_text.t("not_given", lang) in f]


@pytest.mark.parametrize("lang", LANGS)
def test_compare_keeps_names_in_view_and_shows_where_projects_differ(browser, base_url, site, lang):
    import json

    ids = sorted(published_fiches())[:3]
    data = {i: json.loads((site / prefix(lang) / "fiches" / i / "data.json").read_text(encoding="utf-8"))
            for i in ids}
    context = browser.new_context(viewport=DESKTOP)
    page = context.new_page()
    open_page(page, base_url + prefix(lang) + "fiches/vergelijk/?ids=" + ",".join(ids + ["no-such-fiche"]))
    # an id in the address that matches no fiche is named, not dropped silently
    assert page.is_visible("[data-kb-compare-notice]")
    assert "no-such-fiche" in page.text_content("[data-kb-compare-notice]")
    # the picker never offers a fiche already in the table
    offered = page.eval_on_selector_all("select[name='add'] option", "els => els.map(e => e.value)")
    assert not set(offered) & set(ids)
    # module summary: count by kind, per fiche (no "highest intensity": modules' hours are not ranked together)
    summary = page.eval_on_selector_all("tr[data-row='module_summary'] td", "els => els.map(e => e.textContent)")
    for cell, fiche_id in zip(summary, ids, strict=True):
        modules = data[fiche_id]["modules"]
        for kind in {m["kind"] for m in modules}:
            assert f"{sum(m['kind'] == kind for m in modules)} × {kind}" in cell
    # no row is empty for every project
    rows = page.eval_on_selector_all(".kb-compare-table tbody tr", """rows => rows.map(r =>
        [...r.querySelectorAll('td')].every(td => td.textContent.trim() === '' ||
                                                  td.querySelector(':scope > .kb-muted:only-child')))""")
    assert rows and not any(rows)
    # the project names stay in view while the page scrolls
    page.evaluate("window.scrollTo(0, document.documentElement.scrollHeight / 2)")
    head = page.locator(".kb-compare-table thead th").first.bounding_box()
    assert 0 <= head["y"] <= 120, head
    # only the rows where projects differ
    same = page.locator("tr[data-same]").count()
    before = page.locator(".kb-compare-table tbody tr:visible").count()
    page.check("input[name='only_differences']")
    after = page.locator(".kb-compare-table tbody tr:visible").count()
    assert after == before - same
    assert page.locator("tr[data-same]:visible").count() == 0
    context.close()


KEY_FACTS = ["target-group", "team", "budget", "intensity", "modules", "period", "contact"]


@pytest.mark.parametrize("lang", LANGS)
@pytest.mark.parametrize("viewport,screens", [(DESKTOP, 1), (PHONE, 2)], ids=["desktop", "phone"])
def test_fiche_key_facts_come_first(browser, base_url, lang, viewport, screens):
    context = browser.new_context(viewport=viewport)
    page = context.new_page()
    for fiche in sorted(published_fiches()):
        open_page(page, base_url + prefix(lang) + f"fiches/{fiche}/")
        facts = page.evaluate("""() => Object.fromEntries([...document.querySelectorAll('[data-kb-fact]')]
            .map(e => [e.dataset.kbFact, e.getBoundingClientRect().bottom + scrollY]))""")
        assert list(facts) == KEY_FACTS, fiche
        limit = screens * viewport["height"]
        assert max(facts.values()) <= limit, (fiche, facts)
        # every jump link of the key facts leads to a section of the page
        targets = page.eval_on_selector_all(".kb-keyfacts a[href^='#']", "els => els.map(a => a.hash.slice(1))")
        assert targets and all(page.locator(f"[id='{t}']").count() == 1 for t in targets), (fiche, targets)
        if viewport is PHONE:
            # fiches are outside the navigation: the page's contents fold open under the key facts
            toggle = page.locator(".kb-toc-toggle")
            assert toggle.is_visible()
            toggle.locator("summary").click()
            links = toggle.locator("a")
            assert links.count() >= 3
            first = links.first.get_attribute("href")
            assert page.locator(f"[id='{first[1:]}']").count() == 1
    context.close()


@pytest.mark.parametrize("lang", LANGS)
def test_fiche_team_heading_and_grouped_history(page, base_url, lang):
    fiche = largest_fiche()
    open_page(page, base_url + prefix(lang) + f"fiches/{fiche}/")
    assert page.inner_text("h3#staffing").strip().rstrip("¶").strip() == ui_text.t("staffing", lang)
    days = page.eval_on_selector_all(".kb-history time", "els => els.map(e => e.getAttribute('datetime'))")
    assert len(days) == len(set(days))  # one line per day, however many changes that day
    assert days == sorted(days, reverse=True)


@pytest.mark.parametrize("lang", LANGS)
def test_figures_readable_on_a_phone_and_name_what_is_missing(browser, base_url, lang):
    context = browser.new_context(viewport=PHONE)
    page = context.new_page()
    open_page(page, base_url + prefix(lang) + "fiches/cijfers/")
    report = page.evaluate("""notGiven => [...document.querySelectorAll('figure.kb-figure')].map(fig => {
        const svg = [...fig.querySelectorAll('svg')].find(s => s.getClientRects().length);
        const texts = [...svg.querySelectorAll('text')].map(t => t.getBoundingClientRect().height);
        const table = fig.nextElementSibling && fig.nextElementSibling.querySelector('table');
        const missing = table ? [...table.querySelectorAll('tbody tr')]
            .filter(r => r.querySelector('td').textContent.trim() === notGiven)
            .map(r => r.querySelector('th').textContent.trim()) : [];
        const note = fig.querySelector('[data-kb-missing]');
        const frame = svg.getBoundingClientRect();
        const inside = [...svg.querySelectorAll('text')].every(t => {
            const box = t.getBoundingClientRect();
            return box.left >= frame.left - 1 && box.right <= frame.right + 1;
        });
        return {cls: svg.getAttribute('class'), smallest: Math.min(...texts), labels: texts.length, inside,
                dots: svg.querySelectorAll('circle.kb-map__place').length, missing, note: note ? note.textContent : ''};
    })""", ui_text.t("not_given", lang))
    context.close()
    assert len(report) >= 3
    for figure in report:
        assert figure["smallest"] >= 11, figure  # rendered text at least ~11 px high on a 390 px screen
        assert figure["inside"], figure  # no name runs off the picture
        for title in figure["missing"]:
            assert title in figure["note"], figure  # a project left out of a chart is named under it
        if figure["dots"]:
            assert figure["labels"] >= figure["dots"]  # every dot of the map carries its place name


@pytest.mark.parametrize("viewport", [DESKTOP, PHONE], ids=["desktop", "phone"])
def test_competence_result_appears_near_the_chosen_module(browser, base_url, viewport):
    context = browser.new_context(viewport=viewport)
    page = context.new_page()
    open_page(page, base_url + "modules/competenties/")
    # the reader scrolls to the list of modules and ticks the last one
    page.evaluate("document.querySelector('.kb-overview__picker').scrollIntoView({block: 'start'})")
    last = page.locator("input[name='module']").last
    last.scroll_into_view_if_needed()
    last.check()
    page.wait_for_selector("[data-kb-overview-result] li")
    result = page.locator("[data-kb-overview-result]").bounding_box()
    assert result["y"] < viewport["height"] and result["y"] + result["height"] > 0  # in the same screen
    context.close()


def test_competence_overview_writes_french_typography(browser, base_url):
    """The overview is written in the browser: its punctuation comes from the interface texts, so French gets
    its no-break space before ':' and ';' like every page built in Python."""
    context = browser.new_context(viewport=DESKTOP)
    page = context.new_page()
    open_page(page, base_url + urls.url_for("page", "modules/competenties/", "fr"))
    boxes = page.locator("input[name='module']")
    for index in range(min(boxes.count(), 3)):
        boxes.nth(index).check()
    page.wait_for_selector("[data-kb-overview-result] li strong")
    projects = page.locator("[data-kb-overview-result] li strong").all_inner_texts()  # "<title> – <organisation> :"
    staffing = page.locator("[data-kb-overview-result] li:has(strong)").all_inner_texts()
    context.close()
    assert projects and all(p.rstrip().endswith(ui_text.t("colon", "fr")) for p in projects), projects
    assert any(";" in line for line in staffing), staffing  # several roles: the case that needs the check
    assert not any(re.search(r"[^\u00a0];", line) for line in staffing), staffing
