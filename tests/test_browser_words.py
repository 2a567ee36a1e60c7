"""Readers find fiches in their own words and compare them on a phone (issue 27), in Debian's chromium at
1280×800 and 390×844. Expectations come from docs/_data/thesaurus.yml, fiches/ and the built site, never from
today's wording of one fiche."""

from __future__ import annotations

import json

import pytest
from conftest import load_fiches

from scripts.fiche.glossary import load_glossary
from scripts.fiche.thesaurus import fold, load_thesaurus
from scripts.lang import ui_text, wording
from scripts.site import catalogue_text, search_data

pytestmark = pytest.mark.browser

PHONE = {"width": 390, "height": 844}
DESKTOP = {"width": 1280, "height": 800}
LANGS = ("nl", "fr")


def prefix(lang: str) -> str:
    return "" if lang == "nl" else f"{lang}/"


def fiche_words(lang: str) -> dict[str, str]:
    """Every fiche's words in `lang`, from fiches/ (not from the build under test)."""
    return {f["id"]: catalogue_text.words([json.dumps(catalogue_text.texts(f, lang), ensure_ascii=False)])
            for f in load_fiches()}


def holders(word: str, words: dict[str, str]) -> set[str]:
    return {i for i, text in words.items() if f" {fold(word)}" in text}


def synonym_pair(lang: str) -> tuple[str, str, set[str]]:
    """A thesaurus word no fiche uses and a word of its group that some fiches use, with the fiches holding any
    word of the group (each is a right first answer)."""
    words = fiche_words(lang)
    groups, _ = load_thesaurus(glossary_ids={e["id"] for e in load_glossary()[0]})
    for group in groups:
        single = [w for w in group[lang] if " " not in w and w.isalpha() and len(w) >= 4]
        unused = [w for w in single if not holders(w, words)]
        used = [w for w in single if holders(w, words)]
        if unused and used:
            return unused[0], used[0], set().union(*(holders(w, words) for w in group[lang]))
    raise AssertionError(f"no thesaurus group of {lang} pairs a word the fiches use with one they do not")


def open_catalogue(page, url: str) -> None:
    page.goto(url)
    page.wait_for_selector("[data-kb-catalogue][data-kb-ready]", state="attached")


def type_text(page, text: str) -> None:
    page.fill(".kb-filters input[name='text']", text)
    page.wait_for_selector("[data-kb-catalogue][data-kb-vocabulary]", state="attached")


def shown(page) -> set[str]:
    return set(page.eval_on_selector_all(".kb-card:not([hidden])", "els => els.map(e => e.dataset.id)"))


def test_an_old_q_address_opens_the_catalogue_filtered_not_the_site_search(page, base_url):
    place = sorted(f["municipality"]["nl"] for f in load_fiches())[0].split()[0]
    open_catalogue(page, base_url + f"fiches/?q={place}")
    page.wait_for_selector("[data-kb-catalogue][data-kb-vocabulary]", state="attached")
    assert "text=" in page.url and "q=" not in page.url.replace("text=", "")
    assert page.input_value(".kb-filters input[name='text']") == place
    assert not page.evaluate("document.getElementById('__search').checked")  # the search box stays closed
    assert 0 < len(shown(page)) < len(load_fiches())


@pytest.mark.parametrize("lang", LANGS)
def test_a_thesaurus_word_finds_the_fiches_that_use_another_word_of_its_group(page, base_url, lang):
    unused, used, owners = synonym_pair(lang)
    open_catalogue(page, base_url + prefix(lang) + "fiches/")
    type_text(page, unused)
    assert owners <= shown(page), (unused, used)
    note = page.text_content(".kb-text-note")
    assert used in note  # the reader is told which words were searched too


def test_a_term_of_the_other_language_is_named_and_finds_what_its_equivalent_finds(page, base_url):
    entries, _ = load_glossary()
    groups, _ = load_thesaurus(glossary_ids={e["id"] for e in entries})
    bridge = search_data.browser_data("fr", entries, [], ("nl", "fr"), thesaurus=groups)["bridge"]
    words = fiche_words("fr")
    term = next(b for b in bridge if b["kind"] == "thesaurus" and " " not in b["term"]
                and any(holders(w, words) for w in b["equivalent"].split() if len(w) > 3))
    open_catalogue(page, base_url + "fr/fiches/")
    type_text(page, term["equivalent"])
    expected = shown(page)
    assert expected, term
    type_text(page, term["term"])
    assert shown(page) == expected
    note = page.text_content(".kb-text-note")
    assert term["term"] in note and search_data.language_name("nl", "fr") in note


@pytest.mark.parametrize("lang", LANGS)
def test_no_match_says_so_and_offers_themes_or_target_groups(page, base_url, lang):
    open_catalogue(page, base_url + prefix(lang) + "fiches/")
    type_text(page, "zqxjzqxj")
    assert not shown(page)
    assert ui_text.t("no_text_fiches", lang, q="zqxjzqxj") in page.text_content(".kb-empty")
    offers = page.locator(".kb-empty__suggestions button")
    assert offers.count() > 0
    offers.first.click()
    assert page.input_value(".kb-filters input[name='text']") == ""
    assert page.locator(".kb-facets input:checked").count() == 1
    assert shown(page)


@pytest.mark.parametrize("lang", LANGS)
def test_the_module_catalogue_filters_on_module_texts_and_says_so(page, base_url, lang):
    open_catalogue(page, base_url + prefix(lang) + "modules/")
    label = page.text_content(".kb-filters label.kb-field:has(input[name='text'])").strip()
    assert label == ui_text.t("search_text_modules", lang) != ui_text.t("search_text", lang)
    fiche = next(f for f in load_fiches() if f.get("modules"))
    module = fiche["modules"][0]
    cards = page.text_content("[data-kb-list]").lower()
    text = " ".join(catalogue_text.texts(module.get("content", {}), lang))
    candidates = catalogue_text.words([text]).split()
    word = next((w for w in candidates if len(w) > 6 and w.isalpha() and w not in fold(cards)), None)
    assert word, "the module's content has no word that its card does not show: the test needs one"
    type_text(page, word)
    assert f"{fiche['id']}--{module['id']}" in shown(page)


@pytest.mark.parametrize("viewport", [PHONE, DESKTOP], ids=["phone", "desktop"])
def test_catalogue_cards_are_short_with_the_same_four_slots(browser, base_url, viewport):
    context = browser.new_context(viewport=viewport)
    page = context.new_page()
    open_catalogue(page, base_url + "fiches/")
    cards = page.locator(".kb-card")
    assert cards.count() == len(load_fiches())
    slots = page.eval_on_selector_all(".kb-card", "els => els.map(e => e.querySelectorAll('dl > div').length)")
    assert set(slots) == {4}
    lines = page.eval_on_selector_all(".kb-card__summary > p:first-child", """els => els.map(p =>
        p.getBoundingClientRect().height / parseFloat(getComputedStyle(p).lineHeight))""")
    assert lines and max(lines) <= 2.05, lines
    if viewport is PHONE:
        # after ticking a filter, the count is where the reader is
        page.click(".kb-filters__toggle")
        page.locator(".kb-facets input[type=checkbox]").last.check()
        near = page.locator(".kb-filters__near")
        box = near.bounding_box()
        assert box and 0 <= box["y"] and box["y"] + box["height"] <= PHONE["height"] + 1, box
        assert page.text_content("[data-kb-count]") in near.text_content()
        near.locator("button").click()
        assert page.evaluate("document.activeElement.matches('[data-kb-count]')")
    context.close()


@pytest.mark.parametrize("lang", LANGS)
def test_three_fiches_compare_on_a_phone_without_sideways_scrolling(browser, base_url, lang):
    ids = sorted(f["id"] for f in load_fiches())[:3]
    context = browser.new_context(viewport=PHONE)
    page = context.new_page()
    page.goto(base_url + prefix(lang) + "fiches/vergelijk/?ids=" + ",".join(ids))
    page.wait_for_selector(".kb-compare-table tbody tr")
    assert page.evaluate("document.documentElement.scrollWidth") <= PHONE["width"]
    assert page.evaluate("document.querySelector('[data-kb-compare-table]').scrollWidth") <= PHONE["width"]
    # criterion by criterion: every value says whose it is
    projects = page.eval_on_selector_all(".kb-compare-table tbody td", "els => els.map(e => e.dataset.project)")
    assert projects and all(projects)
    widths = page.eval_on_selector_all(".kb-compare-table tbody td",
                                       "els => els.map(e => e.getBoundingClientRect().right)")
    assert max(widths) <= PHONE["width"]
    # values that differ are marked in words
    differs = page.locator("tr[data-differs]")
    assert differs.count() > 0
    assert differs.first.locator(".kb-compare__differs").text_content() == ui_text.t("compare_differs", lang)
    assert page.locator("tr[data-same] .kb-compare__differs").count() == 0
    # "only differences" hides the equal rows
    page.check("input[name='only_differences']")
    assert page.locator("tr[data-same]:visible").count() == 0
    assert page.locator("tr[data-differs]:visible").count() == differs.count()
    # share and print are visible buttons
    for key, selector in (("compare_share", "[data-kb-compare-share]"), ("compare_print", "[data-kb-compare-print]")):
        assert page.is_visible(selector) and page.text_content(selector) == ui_text.t(key, lang)
    page.click("[data-kb-compare-share]")
    page.wait_for_function("document.querySelector('[data-kb-compare-shared]').textContent !== ''")
    # on paper: the full address with the selection, and no controls
    page.emulate_media(media="print")
    address = page.text_content("[data-kb-compare-address]")
    assert page.is_visible("[data-kb-compare-address]") and "ids=" + ",".join(ids) in address
    for control in ("[data-kb-compare-tools]", "[data-kb-picker]", ".kb-compare__remove"):
        assert not page.locator(control).first.is_visible(), control
    context.close()


@pytest.mark.parametrize("lang", LANGS)
def test_the_search_box_finds_a_fiche_by_a_synonym_and_says_which_words_it_added(page, base_url, lang):
    unused, used, owners = synonym_pair(lang)
    page.goto(base_url + prefix(lang))
    box = page.locator(".md-search__input")
    box.click()
    box.fill(unused)
    page.wait_for_function("q => { const b = document.querySelector('[data-kb-search]'); "
                           "return b.dataset.kbDone === q && !('kbBusy' in b.dataset); }", arg=unused)
    first = page.locator("[data-kb-result]").first.get_attribute("href")
    assert any(f"/fiches/{owner}/" in first for owner in owners), (unused, first)
    assert used in page.text_content(".kb-search-added")


@pytest.mark.parametrize("path", ["fiches/vergelijk/?ids={ids}", "fr/fiches/?text=zqxjzqxj", "modules/?text=rusthuis"])
def test_the_new_views_pass_axe_on_a_phone(browser, base_url, path):
    from conftest import AXE

    ids = ",".join(sorted(f["id"] for f in load_fiches())[:3])
    context = browser.new_context(viewport=PHONE)
    page = context.new_page()
    page.goto(base_url + path.format(ids=ids))
    ready = ".kb-compare-table tbody tr" if "vergelijk" in path else "[data-kb-catalogue][data-kb-vocabulary]"
    page.wait_for_selector(ready, state="attached")
    page.add_script_tag(path=str(AXE))
    violations = page.evaluate("""async () => (await axe.run(document, {runOnly: {type: 'tag',
        values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']}})).violations.map(v => v.id + ': ' +
        v.nodes.slice(0, 2).map(n => n.target.join(' ')).join(', '))""")
    assert violations == []
    context.close()


def test_a_page_holding_every_word_ranks_first_and_pages_holding_one_still_follow(page, base_url):
    words = fiche_words("nl")
    stop = set(wording.words("nl", "search_stopwords"))
    vocabulary = sorted({w for text in words.values() for w in text.split() if len(w) >= 8 and w.isalpha()} - stop)
    common = max(vocabulary, key=lambda w: (len(holders(w, words)), w))
    owners = holders(common, words)
    rare = next((w for w in vocabulary if len(holders(w, words)) == 1 and holders(w, words) <= owners), None)
    assert len(owners) >= 3 and rare, "the fiches need a common and a rare word for this test"
    both = next(iter(holders(rare, words)))
    query = f"{common} {rare}"
    page.goto(base_url)
    page.click(".md-search__input")
    page.fill(".md-search__input", query)
    page.wait_for_function("q => { const b = document.querySelector('[data-kb-search]'); "
                           "return b.dataset.kbDone === q && !('kbBusy' in b.dataset); }", arg=query)
    hrefs = page.eval_on_selector_all("[data-kb-result]", "els => els.map(a => a.href)")
    fiches = [h.split("/fiches/")[1].split("/")[0] for h in hrefs if "/fiches/" in h]
    assert fiches and fiches[0] == both, (query, fiches)
    assert set(fiches[1:]) & (owners - {both}), (query, fiches)  # pages holding one word are not dropped
