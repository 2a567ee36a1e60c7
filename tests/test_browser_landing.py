"""Landing where the answer is, and reaching everything with the keyboard and a finger (issue 27), in Debian's
chromium at 1280×800 and 390×844: a search result marks its words on the page it leads to, a module page names its
project's team and contact, glossary tooltips take focus, the hidden phone menu stays out of the Tab order, the
map's places are fingertip-sized, a table wider than the phone says it scrolls, and the competence overview
answers next to its checkboxes. Expectations come from fiches/ and the built site, never from one fiche's id."""

from __future__ import annotations

import math
import re
from html import unescape

import pytest
from conftest import axe_violations, load_fiches

from scripts.lang import ui_text
from scripts.site import charts, urls

PHONE = {"width": 390, "height": 844}
DESKTOP = {"width": 1280, "height": 800}
LANGS = ("nl", "fr")
DONE = ("q => { const box = document.querySelector('[data-kb-search]');"
        " return box.dataset.kbDone === q && !('kbBusy' in box.dataset); }")


def plain(html: str) -> str:
    return re.sub(r"\s+", " ", unescape(re.sub(r"<[^>]+>", "", html))).strip()


def search(page, query: str) -> None:
    """Type a query into the header's search box at any width (on a phone the box opens from its icon)."""
    page.evaluate("() => { const t = document.getElementById('__search'); t.checked = true;"
                  " t.dispatchEvent(new Event('change')); }")
    page.fill(".md-search__input", query)
    page.wait_for_function(DONE, arg=query, timeout=10000)


def module_results(page, fiche_id: str, module_id: str, lang: str) -> list[str]:
    path = "/" + urls.url_for("fiche", fiche_id, lang)
    return [href for href in page.eval_on_selector_all("[data-kb-result]", "els => els.map(e => e.href)")
            if re.search(re.escape(path) + r"\?[^#]*#module-" + re.escape(module_id) + "$", href)]


# --- 1. landing from the site search -------------------------------------------------------------------------

@pytest.mark.browser
@pytest.mark.parametrize("lang", LANGS)
def test_a_module_result_lands_on_its_section_with_the_words_marked(browser, base_url, lang):
    """A module's name typed into the search box gives a result that leads to that module's section of its
    fiche; the page opens there on a phone and marks the query's words inside the section."""
    context = browser.new_context(viewport=PHONE)
    page = context.new_page()
    page.goto(base_url + ("" if lang == "nl" else f"{lang}/"))
    found = None
    for fiche in load_fiches():
        for module in fiche.get("modules", []):
            name = plain(module["name"][lang])
            if len(name.split()) < 2:
                continue  # a one-word name ("Taal") is every fiche's word: no answer of one section
            search(page, name)
            hits = module_results(page, fiche["id"], module["id"], lang)
            if hits:
                found = (module["id"], hits[0])
                break
        if found:
            break
    assert found, f"no module name ({lang}) gives a result leading to that module's section"
    module_id, href = found
    assert "pagefind-highlight=" in href  # the words travel with the link
    page.click(f"[data-kb-result][href='{href}']")
    page.wait_for_function("() => 'kbHighlighted' in document.documentElement.dataset")
    assert page.url == href
    marks = page.evaluate("""id => {
        const heading = document.getElementById(id);
        const next = [...document.querySelectorAll('.md-content h2, .md-content h3')]
            .find(h => h.compareDocumentPosition(heading) & Node.DOCUMENT_POSITION_PRECEDING);
        const inside = m => (heading.compareDocumentPosition(m) & Node.DOCUMENT_POSITION_FOLLOWING)
            && (!next || (next.compareDocumentPosition(m) & Node.DOCUMENT_POSITION_PRECEDING));
        const top = heading.getBoundingClientRect().top;
        return {inside: [...document.querySelectorAll('mark.kb-highlight')].filter(inside).length,
                headingInView: top >= 0 && top < innerHeight};
    }""", f"module-{module_id}")
    assert marks["inside"] > 0, "the query's words are not marked in the section the result leads to"
    assert marks["headingInView"]
    assert axe_violations(page) == []
    context.close()


@pytest.mark.browser
def test_a_marked_word_is_whole_never_the_start_of_a_longer_word(page, base_url):
    """The page marks the words its address names as words: the first letters of a long word of the page are
    not marked inside it (the search box already sends the page's own forms, plurals included)."""
    fiche = load_fiches()[0]
    address = base_url + urls.url_for("fiche", fiche["id"], "nl")
    page.goto(address)
    text = page.inner_text(".md-content article")
    words = set(re.findall(r"\w+", text.lower()))
    word = next((w for w in sorted(words, key=lambda w: (-len(w), w))
                 if w.isalpha() and w[:5] not in words), None)
    assert word, fiche["id"]
    for asked, expected in ((word[:5], False), (word, True)):
        page.goto(f"{address}?pagefind-highlight={asked}")
        page.wait_for_function("() => 'kbHighlighted' in document.documentElement.dataset")
        marked = page.eval_on_selector_all("mark.kb-highlight", "els => els.map(e => e.textContent.toLowerCase())")
        assert bool(marked) == expected, (asked, marked)
        assert set(marked) <= {asked}


def strip_of(html: str) -> str:
    match = re.search(r'<section class="kb-project-strip"[^>]*>(.*?)</section>', html, re.S)
    assert match, "a module page has no strip of its project"
    return match.group(1)


def team_fact(html: str) -> str:
    match = re.search(r'data-kb-fact="team"><dt>.*?</dt><dd[^>]*>(.*?)</dd>', html, re.S)
    assert match, "no team"
    return plain(match.group(1))


@pytest.mark.parametrize("lang", LANGS)
def test_a_module_page_names_its_projects_team_and_contact(site, lang):
    """Every module page carries its project's team in FTE and its contact, worded as the fiche's own key
    facts word the team (the one fact record)."""
    checked = 0
    for fiche in load_fiches():
        page = (site / urls.url_for("fiche", fiche["id"], lang) / "index.html").read_text(encoding="utf-8")
        fiche_team = team_fact(page)
        for module in fiche.get("modules", []):
            path = site / urls.url_for("module", (fiche["id"], module["id"]), lang) / "index.html"
            strip = strip_of(path.read_text(encoding="utf-8"))
            team = team_fact(strip)
            assert team.startswith(fiche_team), (path, team, fiche_team)
            if fiche.get("staffing", {}).get("roles"):
                assert ui_text.t("fte", lang) in team, (path, team)
            contact = plain(strip.split('data-kb-fact="contact"', 1)[1])
            assert plain(fiche["contact"]["organisation"][lang]) in contact, path
            for key in ("phone", "email"):
                if fiche["contact"].get(key):
                    assert fiche["contact"][key] in contact, (path, key)
            checked += 1
    assert checked, "no module pages"


# --- 2. keyboard ---------------------------------------------------------------------------------------------

def focused(page) -> dict:
    return page.evaluate("""() => { const e = document.activeElement;
        return {tag: e.tagName, inDrawer: Boolean(e.closest('.md-sidebar--primary')),
                inSearch: Boolean(e.closest('[data-kb-search]')), inContent: Boolean(e.closest('.md-content')),
                outline: getComputedStyle(e).outlineStyle,
                searchOpen: document.getElementById('__search').checked}; }""")


def tab_until(page, condition, limit: int = 80) -> list[dict]:
    """Press Tab until `condition(focused)` holds; every stop on the way (the last one satisfies it)."""
    stops = []
    for _ in range(limit):
        page.keyboard.press("Tab")
        stops.append(focused(page))
        if condition(stops[-1]):
            return stops
    raise AssertionError(f"not reached in {limit} Tab presses: {stops[-3:]}")


def a_fiche_with_abbreviations(site, lang: str) -> str:
    for fiche in load_fiches():
        address = urls.url_for("fiche", fiche["id"], lang)
        if "<abbr title=" in (site / address / "index.html").read_text(encoding="utf-8"):
            return address
    raise AssertionError(f"no {lang} fiche page with a glossary abbreviation")


@pytest.mark.browser
@pytest.mark.parametrize("lang", LANGS)
def test_an_abbreviation_tooltip_is_reached_with_tab_and_shows_its_expansion(page, site, base_url, lang):
    page.goto(base_url + a_fiche_with_abbreviations(site, lang))
    titles = page.eval_on_selector_all(".md-content abbr[title]", "els => els.map(e => e.title)")
    stops = tab_until(page, lambda stop: stop["tag"] == "ABBR")
    assert stops[-1]["outline"] != "none"  # the focus is visible
    tip = page.wait_for_selector(".md-tooltip2--active")
    assert tip.text_content().strip() in titles
    assert axe_violations(page) == []


@pytest.mark.browser
@pytest.mark.parametrize("lang", LANGS)
def test_on_a_phone_tab_skips_the_closed_menu_and_the_menu_opens_with_the_keyboard(browser, site, base_url, lang):
    context = browser.new_context(viewport=PHONE)
    page = context.new_page()
    page.goto(base_url + a_fiche_with_abbreviations(site, lang))
    assert page.locator(".md-sidebar--primary a[href]").count() > 0
    stops = tab_until(page, lambda stop: stop["inContent"])
    walked = [stop for stop in stops if stop["inDrawer"]]
    assert not walked, f"Tab walked through {len(walked)} links of the closed menu"
    # the menu button: Enter opens the drawer with focus inside, Escape closes it and returns to the button
    button = page.locator(".md-header label[for='__drawer']")
    button.focus()
    assert button.get_attribute("aria-label") == ui_text.t("menu", lang)
    page.keyboard.press("Enter")
    assert page.evaluate("document.getElementById('__drawer').checked")
    assert focused(page)["inDrawer"]
    assert button.get_attribute("aria-expanded") == "true"
    page.keyboard.press("Escape")
    assert not page.evaluate("document.getElementById('__drawer').checked")
    assert page.evaluate("document.activeElement.getAttribute('for')") == "__drawer"
    assert axe_violations(page) == []
    context.close()


@pytest.mark.browser
@pytest.mark.parametrize("viewport", [DESKTOP, PHONE], ids=["desktop", "phone"])
def test_tabbing_past_the_search_box_closes_its_panel(browser, base_url, viewport):
    context = browser.new_context(viewport=viewport)
    page = context.new_page()
    page.goto(base_url)
    tab_until(page, lambda stop: stop["inSearch"] and stop["tag"] == "INPUT")
    assert focused(page)["searchOpen"]
    stops = tab_until(page, lambda stop: not stop["inSearch"])
    assert not stops[-1]["searchOpen"], "the search panel stays open over the page"
    context.close()


# --- 3. the map's places are fingertip-sized ------------------------------------------------------------------

@pytest.mark.browser
@pytest.mark.parametrize("lang", LANGS)
def test_every_place_on_the_map_is_a_24px_target_and_no_dot_covers_a_name(browser, base_url, lang):
    """WCAG 2.5.8 on a 390 px phone: each place's link takes a tap of at least 24×24 px at its dot (two places
    closer than that share the ground between them fairly), its name is a tap on its own link (no other place's
    target lies over it), and no dot is drawn over another place's name."""
    placed = sum("coordinates" in f for f in load_fiches())
    context = browser.new_context(viewport=PHONE)
    page = context.new_page()
    page.goto(base_url + ("" if lang == "nl" else f"{lang}/") + "fiches/cijfers/")
    page.locator("svg.kb-map").scroll_into_view_if_needed()
    report = page.evaluate("""() => {
        const svg = document.querySelector('svg.kb-map');
        const links = [...svg.querySelectorAll('a[aria-label]')];
        const box = e => e.getBoundingClientRect();
        const centre = r => [r.left + r.width / 2, r.top + r.height / 2];
        const meets = (a, b) => a.left < b.right && b.left < a.right && a.top < b.bottom && b.top < a.bottom;
        // what a tap at (x, y) lands on: a place's link (its href) or another place's name (drawn on top)
        const tap = (x, y) => { const e = document.elementFromPoint(x, y); const a = e && e.closest('a');
                                return {href: a ? a.getAttribute('href') : null, name: e && e.tagName === 'text'}; };
        return links.map(link => {
            const href = link.getAttribute('href');
            const dot = box(link.querySelector('circle'));
            const name = box(link.querySelector('text'));
            const [dx, dy] = centre(dot);
            const nearest = Math.min(...links.filter(o => o !== link).map(o => {
                const [ox, oy] = centre(box(o.querySelector('circle'))); return Math.hypot(ox - dx, oy - dy); }));
            // 12 px from the dot in eight directions: this place, unless another place's name lies there
            const missed = [...Array(8).keys()].map(k => [dx + 12 * Math.cos(k * Math.PI / 4),
                                                          dy + 12 * Math.sin(k * Math.PI / 4)])
                .map(([x, y]) => tap(x, y)).filter(t => t.href !== href && !t.name);
            const covered = links.filter(o => o !== link && meets(box(o.querySelector('circle')), name)).length;
            return {href, nearest, missed: missed.length, name: tap(...centre(name)).href === href, covered};
        });
    }""")
    context.close()
    assert len(report) == placed
    for place in report:
        if place["nearest"] >= 24:  # closer places share the ground between them
            assert not place["missed"], place  # a 24 px circle around the dot is this place's (or a name's)
        assert place["name"], place  # its name is a tap on its own link
        assert not place["covered"], place  # no dot lies over its name


def test_map_targets_are_cut_against_every_close_place_as_the_grid_finds_them():
    """The grid that finds close places skips none: the same targets as comparing every pair, and a target is the
    whole circle where no place is closer than a target's width."""
    import random

    rng = random.Random(27)
    dots = [(rng.uniform(0, charts.MAP_WIDTH), rng.uniform(0, charts.MAP_HEIGHT)) for _ in range(300)]
    dots += dots[:20]  # places on the same spot keep the whole circle
    found = charts._tap_targets(dots)
    r = charts.MAP_HIT_RADIUS
    turns = [2 * math.pi * k / charts.MAP_HIT_SIDES for k in range(charts.MAP_HIT_SIDES)]
    circle = [(r * math.cos(a), r * math.sin(a)) for a in turns]
    for (x, y), target in zip(dots, found, strict=True):
        shape = [(x + dx, y + dy) for dx, dy in circle]
        for qx, qy in dots:
            if (qx, qy) != (x, y) and math.hypot(qx - x, qy - y) < 2 * r:
                shape = charts._nearer_half(shape, (x, y), (qx, qy))
        assert target == " ".join(f"{px:.1f},{py:.1f}" for px, py in shape)
    alone = charts._tap_targets([(100.0, 100.0), (400.0, 400.0)])
    assert all(len(t.split()) == charts.MAP_HIT_SIDES for t in alone)


# --- 4. tables wider than the screen -------------------------------------------------------------------------

SCROLLING_TABLES = """() => [...document.querySelectorAll('.kb-table')].filter(b => b.getClientRects().length)
    .map(box => {
        const hint = box.previousElementSibling;
        const shown = hint && hint.classList.contains('kb-table__hint') && !hint.hidden
            && hint.getClientRects().length > 0;
        const cells = [...box.querySelectorAll('tr')].map(r => r.lastElementChild).filter(Boolean);
        return {table: box.querySelector('table').className, scrolls: box.scrollWidth > box.clientWidth + 1,
                hint: shown ? hint.textContent : null,
                lastColumnRight: Math.max(...cells.map(c => c.getBoundingClientRect().right)),
                width: document.documentElement.clientWidth};
    })"""


@pytest.mark.browser
@pytest.mark.parametrize("lang", LANGS)
def test_the_staffing_tables_fte_column_is_in_view_on_a_phone_or_the_table_says_it_scrolls(browser, base_url,
                                                                                             lang):
    context = browser.new_context(viewport=PHONE)
    page = context.new_page()
    staffed = [f for f in load_fiches() if f.get("staffing", {}).get("roles")]
    assert staffed, "no fiche with a staffing table"
    for fiche in staffed:
        page.goto(base_url + urls.url_for("fiche", fiche["id"], lang))
        tables = [t for t in page.evaluate(SCROLLING_TABLES) if "kb-staffing" in t["table"]]
        assert tables, fiche["id"]
        for table in tables:
            assert table["lastColumnRight"] <= table["width"] or table["hint"], (fiche["id"], table)
    context.close()


@pytest.mark.browser
@pytest.mark.parametrize("lang", LANGS)
def test_a_table_that_scrolls_sideways_says_so_above_it(browser, base_url, lang):
    """On the narrowest phones (280 px) some tables of the fiches are wider than the screen: each says so above
    it, in the reader's language, and the line goes when the screen is wide enough again."""
    context = browser.new_context(viewport={"width": 280, "height": 700})
    page = context.new_page()
    seen = 0
    for fiche in load_fiches():
        page.goto(base_url + urls.url_for("fiche", fiche["id"], lang))
        for table in page.evaluate(SCROLLING_TABLES):
            if table["scrolls"]:
                seen += 1
                assert table["hint"] == ui_text.t("table_scroll", lang), (fiche["id"], table)
        if seen:
            break
    assert seen, "no table of the fiches scrolls at 280 px: nothing to check the hint on"
    page.set_viewport_size(DESKTOP)
    page.wait_for_function("() => [...document.querySelectorAll('.kb-table__hint')].every(h => h.hidden)")
    assert axe_violations(page) == []
    context.close()


# --- 5. the competence overview ------------------------------------------------------------------------------

def spaces(text: str) -> str:
    return re.sub(r"[\s\u00a0\u202f]+", " ", text).strip()


@pytest.mark.browser
@pytest.mark.parametrize("lang", LANGS)
def test_the_competence_overview_counts_beside_the_checkboxes_and_names_each_competences_project(browser,
                                                                                                 base_url, lang):
    """On a phone, ticking modules of two projects shows how many modules and competences that gives right under
    the checkboxes, with a link down to the overview; each competence there names the project it comes from."""
    fiches = {f["id"]: f for f in load_fiches() if f.get("competences") and f.get("modules")}
    assert len(fiches) >= 2, "fewer than two fiches with competences and modules"
    chosen = sorted(fiches)[:2]
    context = browser.new_context(viewport=PHONE)
    page = context.new_page()
    page.goto(base_url + ("" if lang == "nl" else f"{lang}/") + "modules/competenties/")
    for fiche_id in chosen:
        box = page.locator(f"input[name='module'][data-fiche='{fiche_id}']").first
        box.check()
    page.wait_for_selector(".kb-overview__from")
    expected = {fiche_id: [spaces(plain(item[lang])) for items in fiches[fiche_id]["competences"].values()
                           for item in items] for fiche_id in chosen}
    total = len({text for texts in expected.values() for text in texts})
    count = ui_text.plural("overview_count", total, lang)
    page.wait_for_function("t => document.querySelector('[data-kb-overview-count]').textContent.includes(t)", arg=count)
    status = page.locator("[data-kb-overview-status]")
    assert ui_text.plural("overview_chosen", 2, lang) in status.text_content()
    # right under the checkboxes: within one phone screen of the last one ticked
    gap = page.evaluate("""() => {
        const boxes = [...document.querySelectorAll("input[name='module']:checked")];
        const last = boxes[boxes.length - 1].getBoundingClientRect();
        return document.querySelector('[data-kb-overview-status]').getBoundingClientRect().bottom - last.top; }""")
    assert 0 < gap < PHONE["height"], gap
    status.locator("a[href='#overview-result']").click()
    page.wait_for_function("() => location.hash === '#overview-result'")
    shown = page.eval_on_selector_all("[data-kb-overview-result] li:has(.kb-overview__from)", """els => els.map(li => ({
        text: li.firstChild.textContent.trim(), from: li.querySelector('.kb-overview__from').textContent }))""")
    for fiche_id, texts in expected.items():
        title = spaces(plain(fiches[fiche_id]["title"][lang]))
        for text in texts:
            entry = next((s for s in shown if spaces(s["text"]) == text), None)
            assert entry, (fiche_id, text)
            assert title in spaces(entry["from"]), (fiche_id, text, entry)
    assert axe_violations(page) == []
    context.close()
