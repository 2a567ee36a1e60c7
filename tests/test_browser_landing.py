"""Landing where the answer is, and reaching everything with the keyboard and a finger (issue 27), in Debian's
chromium at 1280×800 and 390×844: a search result marks its words on the page it leads to, a module page names its
project's team and contact, glossary tooltips take focus, the hidden phone menu stays out of the Tab order, the
map's places are fingertip-sized, a table wider than the phone says it scrolls, and the competence overview
answers next to its checkboxes. Expectations come from fiches/ and the built site, never from one fiche's id."""

from __future__ import annotations

import re
from html import unescape

import pytest
from conftest import load_fiches
from test_browser import axe_violations

from scripts import ui_text
from scripts.build import urls

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
