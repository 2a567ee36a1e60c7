"""Site search: what the index holds (weights, filters, names in both languages), the data the search box reads,
and what a reader sees in chromium. Expected values come from fiches.json, the glossary and the schema."""

from __future__ import annotations

import html
import json
import re
from types import SimpleNamespace
from urllib.parse import quote

import pytest
import yaml
from conftest import ROOT
from test_browser import open_page, unique_word

from scripts.fiche import schema as s
from scripts.lang import ui_text, wording
from scripts.lang.languages import LANGS
from scripts.site import search_data, search_index

GLOSSARY = ROOT / "docs" / "_data" / "glossary.yml"


def fiches(site) -> list[dict]:
    return json.loads((site / "fiches.json").read_text(encoding="utf-8"))["fiches"]


def lang_root(site, lang):
    return site if lang == "nl" else site / lang


def indexed_pages(site, lang):
    root = lang_root(site, lang)
    for page in sorted(root.rglob("index.html")):
        relative = page.parent.relative_to(root).as_posix()
        if lang == "nl" and relative.split("/")[0] in LANGS:
            continue
        text = page.read_text(encoding="utf-8")
        body = re.search(r"<div data-pagefind-body([^>]*)>", text)
        if body:
            yield relative, text, body.group(1)


# --- the index ------------------------------------------------------------------------------------------------

@pytest.mark.parametrize("lang", LANGS)
def test_fiches_rank_at_full_weight_and_every_other_page_is_weighted_down(site, lang):
    fiche_pages = {f"fiches/{f['id']}" for f in fiches(site)}
    seen = set()
    for relative, _text, body in indexed_pages(site, lang):
        weight = re.search(r'data-pagefind-weight="([^"]+)"', body)
        if relative in fiche_pages:
            assert weight is None, relative
            seen.add(relative)
        else:
            assert weight and float(weight.group(1)) == search_index.OTHER_PAGE_WEIGHT, relative
    assert seen == fiche_pages
    # lists that repeat fiche titles and summaries are not indexed at all
    catalogue = (lang_root(site, lang) / "fiches" / "index.html").read_text(encoding="utf-8")
    assert re.search(r'<ol class="kb-cards"[^>]*data-pagefind-ignore', catalogue)
    theme = next((lang_root(site, lang) / "themas").glob("*/index.html")).read_text(encoding="utf-8")
    assert re.search(r'<ul class="kb-theme-list"[^>]*data-pagefind-ignore', theme)


def test_page_weight_rules():
    assert search_index.page_weight("fiche", {}) is None
    assert search_index.page_weight("theme", {}) == search_index.OTHER_PAGE_WEIGHT
    assert search_index.page_weight(None, {"search_weight": 0.5}) == 0.5
    assert search_index.page_weight(None, {"search_weight": "high"}) == search_index.OTHER_PAGE_WEIGHT


@pytest.mark.parametrize("lang", LANGS)
def test_fiche_pages_carry_filters_and_their_names_in_both_languages(site, lang):
    others = [code for code in LANGS if code != lang]
    for fiche in fiches(site):
        page = (lang_root(site, lang) / "fiches" / fiche["id"] / "index.html").read_text(encoding="utf-8")
        filters = {(key, html.unescape(re.sub(r"<[^>]+>", "", value)).strip())
                   for key, value in re.findall(r'data-pagefind-filter="(\w+)"[^>]*>(.*?)</', page)}
        assert ("region", s.REGIONS[fiche["region"]][lang]) in filters
        assert {v for k, v in filters if k == "theme"} == {s.THEMES[t][lang] for t in fiche["themes"]}
        assert {v for k, v in filters if k == "kind"} == {s.MODULE_KINDS[m["kind"]][lang]
                                                         for m in fiche.get("modules", [])}
        facts = re.search(r'<dl class="kb-facts"[^>]*>', page).group(0)
        assert 'data-pagefind-meta="fiche[data-kb-fiche], organisation[data-kb-organisation]' in facts
        alias = html.unescape(re.search(r'data-kb-alias="([^"]*)"', facts).group(1))
        for other in others:
            assert fiche["municipality"][other] in alias and fiche["organisation"]["name"][other] in alias


# --- the data the search box reads ------------------------------------------------------------------------------

def test_browser_data_bridges_terms_of_the_other_language_only_where_they_differ():
    glossary = [{"id": "a", "nl": {"term": "rusthuis"}, "fr": {"term": "maison de repos"}},
                {"id": "b", "nl": {"term": "VDAB"}, "fr": {"term": "VDAB"}}]
    fiche = SimpleNamespace(data={"municipality": {"nl": "Luik", "fr": "Liège"},
                                  "organisation": {"name": {"nl": "OCMW Luik", "fr": "CPAS de Liège"}}})
    same = SimpleNamespace(data={"municipality": {"nl": "Charleroi", "fr": "Charleroi"},
                                 "organisation": {"name": {"nl": "OCMW Charleroi", "fr": "CPAS de Charleroi"}}})
    fr = search_data.browser_data("fr", glossary, [fiche, same, fiche], ("nl", "fr"))
    assert [(b["term"], b["equivalent"], b["kind"]) for b in fr["bridge"]] == [
        ("Luik", "Liège", "place"), ("rusthuis", "maison de repos", "glossary")]  # same names need no bridge
    nl = search_data.browser_data("nl", glossary, [fiche], ("nl", "fr"))
    assert ("maison de repos", "rusthuis") in {(b["term"], b["equivalent"]) for b in nl["bridge"]}
    assert {b["key"] for b in nl["bridge"]} >= {"liege", "maison de repos"}  # folded as Pagefind folds
    assert nl["others"] == [{"lang": "fr", "root": "fr/", "name": "Frans"}]
    assert fr["others"] == [{"lang": "nl", "root": "", "name": "néerlandais"}]
    assert {b["lang"] for b in fr["bridge"]} == {"nl"}
    assert nl["labels"]["one"] == "1 overeenkomend document"
    assert set(nl["stopwords"]) >= {"de", "het"} and set(fr["stopwords"]) >= {"de", "des", "a"}


@pytest.mark.parametrize("lang", LANGS)
def test_built_search_data_holds_every_glossary_term_of_the_other_language(site, lang):
    data = json.loads((site / search_data.FOLDER / f"{lang}.json").read_text(encoding="utf-8"))
    other = next(code for code in LANGS if code != lang)
    bridged = {(b["term"], b["equivalent"]) for b in data["bridge"]}
    for entry in yaml.safe_load(GLOSSARY.read_text(encoding="utf-8")):
        if search_data.fold(entry[other]["term"]) != search_data.fold(entry[lang]["term"]):
            assert (entry[other]["term"], entry[lang]["term"]) in bridged or \
                search_data.fold(entry[other]["term"]) in {search_data.fold(t) for t, _ in bridged}, entry["id"]
    for fiche in fiches(site):
        names = fiche["municipality"]
        if search_data.fold(names[other]) != search_data.fold(names[lang]):
            assert search_data.fold(names[other]) in {b["key"] for b in data["bridge"]}
    assert data["ranking"] == search_data.RANKING


# --- in the browser ------------------------------------------------------------------------------------------

DONE = ("q => { const box = document.querySelector('[data-kb-search]');"
        " return box.dataset.kbDone === q && !('kbBusy' in box.dataset); }")


def search(page, query: str) -> None:
    page.click(".md-search__input")
    page.fill(".md-search__input", query)
    page.wait_for_function(DONE, arg=query, timeout=10000)


def glossary_phrase(lang: str) -> str:
    """A glossary term of several words that holds a stop word ('maison de repos', "revenu d'intégration")."""
    stop = set(wording.words(lang, "search_stopwords"))
    for entry in yaml.safe_load(GLOSSARY.read_text(encoding="utf-8")):
        words = re.split(r"[\s']+", entry[lang]["term"].lower())
        if len(words) >= 2 and stop & set(words):
            return entry[lang]["term"]
    pytest.fail(f"no {lang} glossary term of several words with a stop word")


@pytest.mark.browser
@pytest.mark.parametrize("lang", LANGS)
def test_results_point_to_a_section_and_highlight_only_the_query_words(page, base_url, site, lang):
    query = glossary_phrase(lang)
    open_page(page, base_url, "" if lang == "nl" else "fr/")
    search(page, query)
    results = page.eval_on_selector_all("[data-kb-result]", """links => links.map(a => ({
        href: a.href, title: a.querySelector('h1').textContent,
        where: a.querySelector('.kb-search-result__where')?.textContent || '',
        marks: [...a.querySelectorAll('mark')].map(m => m.textContent)}))""")
    assert results, query
    # the words the box says it searched too (thesaurus, a term of the other language) are highlighted as well
    added = page.text_content(".kb-search-added") if page.is_visible(".kb-search-added") else ""
    added = added.split(ui_text.t("search_synonyms", lang, words="|").split("|")[0], 1)[-1] if added else ""
    terms = [t for t in re.split(r"[^\w]+", search_data.fold(f"{query} {added}"))
             if t and t not in wording.words(lang, "search_stopwords")]
    endings = ["", *wording.words(lang, "plural_endings")]
    for result in results:
        assert result["title"].strip()
        for mark in result["marks"]:
            pieces = [p for p in re.split(r"[^\w]+", search_data.fold(mark)) if p]
            assert any(p == t + e for p in pieces for t in terms for e in endings), (mark, query)
        path, _, anchor = result["href"][len(base_url):].partition("#")
        path = path.partition("?")[0]  # the words the page marks travel in the query string
        if anchor:  # the section named in the result exists on that page
            target = (site / path / "index.html").read_text(encoding="utf-8")
            assert f'id="{anchor}"' in target
            assert result["where"], result
    assert any(result["marks"] for result in results)


@pytest.mark.browser
def test_one_result_reads_in_correct_dutch_and_one_clear_button_shows(page, base_url, site):
    word, location = unique_word(site, "nl")
    open_page(page, base_url, "")
    search(page, word)
    assert page.text_content("[data-kb-search-meta]").strip() == "1 overeenkomend document"
    assert page.eval_on_selector_all("[data-kb-result]", "ls => ls.map(a => a.href)")[0].startswith(base_url + location)
    # one clear button: Material's reset, not also the browser's own (type="search" draws one)
    assert page.get_attribute(".md-search__input", "type") == "text"
    assert page.is_visible(".md-search__options button[type=reset]")


@pytest.mark.browser
def test_a_term_of_the_other_language_is_bridged_and_the_other_site_offered(page, base_url, site):
    entry = next(e for e in yaml.safe_load(GLOSSARY.read_text(encoding="utf-8"))
                 if search_data.fold(e["fr"]["term"]) != search_data.fold(e["nl"]["term"])
                 and len(e["fr"]["term"]) > 3)
    open_page(page, base_url, "")
    search(page, entry["fr"]["term"])
    bridge = page.text_content(".kb-search-bridge")
    assert f"In het Nederlands: {entry['nl']['term']}" in bridge
    link = page.get_attribute(".kb-search-other a", "href")
    assert link == f"{base_url}fr/?q={quote(entry['fr']['term'], safe='')}".replace("%20", "+") or \
        link == f"{base_url}fr/?q={quote(entry['fr']['term'])}"
    page.click(".kb-search-bridge__action")
    page.wait_for_function(DONE, arg=entry["nl"]["term"], timeout=10000)
    assert page.input_value(".md-search__input") == entry["nl"]["term"]
    page.goto(link)  # the French site opens its search box with the query
    page.wait_for_function(DONE, arg=entry["fr"]["term"], timeout=10000)
    hrefs = page.eval_on_selector_all("[data-kb-result]", "ls => ls.map(a => a.href)")
    assert hrefs and all(h.startswith(base_url + "fr/") for h in hrefs)


@pytest.mark.browser
@pytest.mark.parametrize("lang", LANGS)
def test_region_filter_shows_counts_and_keeps_the_fiches_of_that_region(page, base_url, site, lang):
    region = sorted({f["region"] for f in fiches(site)})[0]
    label = s.REGIONS[region][lang]
    expected = sorted(f["url"][lang] for f in fiches(site) if f["region"] == region)
    open_page(page, base_url, "" if lang == "nl" else "fr/")
    page.click(".md-search__input")
    page.wait_for_selector(f"select[data-kb-filter=region] option[value='{label}']", state="attached")
    page.select_option("select[data-kb-filter=region]", label)
    page.wait_for_function(DONE, arg="", timeout=10000)
    hrefs = [h[len(base_url):] for h in page.eval_on_selector_all("[data-kb-result]", "ls => ls.map(a => a.href)")]
    assert set(hrefs) <= set(expected) and len(hrefs) == min(search_data.RESULTS_SHOWN, len(expected))
    option = page.text_content(f"select[data-kb-filter=region] option[value='{label}']")
    assert option == f"{label} ({len(expected)})"


@pytest.mark.browser
@pytest.mark.parametrize("lang", LANGS)
def test_axe_finds_no_violations_in_the_open_search_panel(page, base_url, lang):
    other = yaml.safe_load(GLOSSARY.read_text(encoding="utf-8"))[0][next(c for c in LANGS if c != lang)]["term"]
    open_page(page, base_url, "" if lang == "nl" else "fr/")
    search(page, other)  # results, the bridge to this language and the link to the other site all show
    page.add_script_tag(path=str(ROOT / "node_modules" / "axe-core" / "axe.min.js"))
    result = page.evaluate("""async () => {
        const r = await axe.run(document.querySelector('[data-kb-search]'), {runOnly: {type: 'tag',
            values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']}});
        return r.violations.map(v => ({id: v.id, nodes: v.nodes.slice(0, 3).map(n => n.target.join(' '))}));
    }""")
    assert result == [], json.dumps(result, indent=1, ensure_ascii=False)


@pytest.mark.browser
def test_arrow_keys_move_through_the_results_and_enter_opens_one(page, base_url, site):
    word, location = unique_word(site, "nl")
    open_page(page, base_url, "")
    search(page, word)
    href = page.get_attribute("[data-kb-result]", "href")
    page.keyboard.press("ArrowDown")
    assert page.evaluate("document.activeElement.hasAttribute('data-kb-result')")
    page.keyboard.press("ArrowUp")
    assert page.evaluate("document.activeElement.matches('.md-search__input')")
    with page.expect_navigation():
        page.keyboard.press("Enter")
    assert page.url == href and page.url.startswith(base_url + location)
