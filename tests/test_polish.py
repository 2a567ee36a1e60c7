"""Details a visual review of the built site found: lists inside compare cells, the permalink title in the page's
language, the team's unit before its qualifier, the filter chip's typeset separator, search text that keeps a
label apart from its value. Expectations come from the fiches and the wording tables, never from today's text."""

from __future__ import annotations

import gzip
import html
import json
import re
from pathlib import Path

import pytest

from scripts.fiche import richtext
from scripts.fiche import schema as s
from scripts.lang import ui_text
from scripts.lang.languages import LANGS
from tests.conftest import ROOT, load_fiches


def prefix(lang: str) -> str:
    return "" if lang == LANGS[0] else f"{lang}/"


def html_pages(site: Path, lang: str) -> list[Path]:
    """The built pages of one language (the default language's are those outside every other prefix)."""
    others = [f"{other}/" for other in LANGS if other != LANGS[0]]
    pages = sorted(site.rglob("*.html"))
    if lang == LANGS[0]:
        return [p for p in pages if not any(p.relative_to(site).as_posix().startswith(o) for o in others)]
    return [p for p in pages if p.relative_to(site).as_posix().startswith(f"{lang}/")]


# --------------------------------------------------------------------------------------- 2. permalink titles

@pytest.mark.parametrize("lang", LANGS)
def test_permalink_titles_are_in_the_page_language(site, lang):
    """Markdown's headings and the generated ones alike: every ¶ link carries its page's own wording."""
    wanted = html.escape(ui_text.t("permalink_title", lang), quote=True)
    found, wrong = 0, []
    for path in html_pages(site, lang):
        for title in re.findall(r'<a class="headerlink" href="#[^"]*" title="([^"]*)"',
                                path.read_text(encoding="utf-8")):
            found += 1
            if title != wanted:
                wrong.append(f"{path.relative_to(site)}: {title}")
    assert found, f"no permalink found on the {lang} pages"
    assert not wrong, wrong[:10]


# ----------------------------------------------------------------------------- 3. the team's unit and qualifier

def team_values(page: str) -> list[str]:
    return [re.sub(r"<[^>]+>", "", v) for v in re.findall(r'<dd data-fact="fte"><strong>(.*?)</strong>', page)]


@pytest.mark.parametrize("lang", LANGS)
def test_key_facts_put_the_team_unit_before_its_qualifier(site, lang):
    catalogue = json.loads((site / "fiches.json").read_text(encoding="utf-8"))["fiches"]
    contradicted = [f["id"] for f in catalogue if (f.get("total_fte_range") or {}).get("contradicted")]
    assert contradicted, "no fiche whose source contradicts itself on the team: nothing to check"
    unit = ui_text.t("fte", lang)
    qualified = re.compile(rf"^\S+ {re.escape(unit)} \(")
    guide = (site / prefix(lang) / "fiches" / "gids" / "index.html").read_text(encoding="utf-8")
    guide_values = [v for v in team_values(guide) if "(" in v]
    assert len(guide_values) == len(contradicted), guide_values
    for fiche_id in contradicted:
        page = (site / prefix(lang) / "fiches" / fiche_id / "index.html").read_text(encoding="utf-8")
        values = [v for v in team_values(page) if "(" in v]
        assert values, f"{fiche_id}: the key facts do not say the source contradicts itself"
        for value in values + guide_values:
            assert qualified.match(html.unescape(value)), value


# ------------------------------------------------------------------------ 5. search text: label, then value

def fragments(site: Path, lang: str) -> dict[str, str]:
    """Pagefind's stored text of each page of a language (what its excerpts are cut from), by address."""
    out = {}
    for path in (site / "pagefind" / "fragment").glob(f"{lang}_*.pf_fragment"):
        raw = gzip.decompress(path.read_bytes())
        data = json.loads(raw[raw.index(b"{"):])
        out[data["url"]] = data["content"]
    return out


@pytest.mark.parametrize("lang", LANGS)
def test_search_text_keeps_fact_labels_apart_from_their_values(site, lang):
    stored = fragments(site, lang)
    label = ui_text.t("region", lang).replace("\u00a0", " ")
    checked = 0
    for fiche in load_fiches():
        url = next((u for u in stored if u.rstrip("/").endswith(f"/fiches/{fiche['id']}")), None)
        assert url, f"{fiche['id']}: no {lang} search text"
        text = stored[url].replace("\u00a0", " ")
        region = s.REGIONS[fiche["region"]][lang]
        assert label + region not in text, f"{url}: {label}{region}"
        assert re.search(rf"{re.escape(label)} ?: {re.escape(region)}\b", text), url
        checked += 1
    assert checked


# ------------------------------------------------------------------------------ 1. lists inside compare cells

def list_lines(text: str) -> list[str]:
    """The plain items of the Markdown lists in a text (lines '- item' without other markup)."""
    return [line.strip()[2:].strip() for line in text.splitlines()
            if re.match(r"\s*[-*+] \S", line) and not re.search(r"[*_`\[\]<>&\\]", line.strip()[2:])]


def test_outline_keeps_list_items_apart_as_plain_text():
    """The compare data's outline: the lead and each item (nested ones too) apart, markup characters as text."""
    text = "Lead:\n\n- a <b>x</b> & y\n- two\n    - nested *em*\n- three"
    assert richtext.plain_outline(text) == {"text": "Lead:", "items": ["a <b>x</b> & y", "two", "nested em", "three"]}
    assert richtext.plain_outline("no list, *some* markup") == richtext.plain("no list, *some* markup")


@pytest.mark.browser
@pytest.mark.parametrize("lang", LANGS)
def test_compare_shows_lists_inside_cells_as_lists(page, base_url, lang):
    fiches = load_fiches()
    expected: dict[str, list[str]] = {}
    for fiche in fiches:
        items = [line for texts in (fiche.get("competences") or {}).values() for item in texts or []
                 for line in list_lines(item.get(lang, ""))]
        if items:
            expected[fiche["id"]] = items
    assert expected, "no fiche whose competences hold a list: nothing to check"
    chosen = sorted(expected)[:2]
    if len(chosen) < 2:
        chosen.append(next(f["id"] for f in fiches if f["id"] not in chosen))
    page.goto(base_url + prefix(lang) + "fiches/vergelijk/?ids=" + ",".join(chosen))
    page.wait_for_selector(".kb-compare-table tr[data-row=competences]")
    own_texts = page.eval_on_selector_all(
        ".kb-compare-table tr[data-row=competences] li",
        "els => els.map(li => [...li.childNodes].filter(n => n.nodeType === 3).map(n => n.textContent).join('')"
        ".replace(/\\s+/g, ' ').trim())")
    for fiche_id in chosen:
        for item in expected.get(fiche_id, []):
            assert " ".join(item.split()) in own_texts, f"{fiche_id}: '{item}' is not an item of its own"
    nested = ".kb-compare-table tr[data-row=competences] li li"
    assert page.locator(nested).count() >= sum(len(expected.get(i, [])) for i in chosen)
    page.emulate_media(media="print")
    assert page.eval_on_selector_all(nested, "els => els.every(li => getComputedStyle(li).display === 'list-item')")


# -------------------------------------------------------------------------- 4. the active filter chip's wording

@pytest.mark.browser
@pytest.mark.parametrize("lang", LANGS)
def test_filter_chip_is_typeset_in_the_page_language(page, base_url, lang):
    page.goto(base_url + prefix(lang) + "fiches/")
    page.wait_for_selector("[data-kb-catalogue][data-kb-ready]", state="attached")
    box = page.locator(".kb-filters fieldset input[type=checkbox]").first
    facet = box.evaluate("b => b.closest('fieldset').querySelector('legend').textContent.trim()")
    value = box.evaluate("b => b.nextSibling.textContent.trim()")
    box.check()
    page.wait_for_selector(".kb-chips .kb-chip")
    chip = page.locator(".kb-chips .kb-chip span").first.text_content().strip()
    # French sets a no-break space before the colon, Dutch none: the wording table's format, typeset
    assert chip == ui_text.t("filter_chip", lang, facet=facet, value=value)
    assert chip.startswith(facet + ui_text.t("colon", lang) + " ")


# --------------------------------------------------------------- 10. a Dutch title quoted on a French page

def test_dutch_source_titles_on_other_language_pages_are_marked(site):
    """A screen reader reads a quoted Dutch title with a Dutch voice: wherever a hand-written page of another
    language quotes a source's Dutch title, the text sits in an element with lang="nl"."""
    titles = {src["document"]["nl"] for fiche in load_fiches() for src in fiche.get("sources", [])
              if src.get("document", {}).get("nl") and src["document"]["nl"] != src["document"].get("fr")}
    assert titles, "no source with a Dutch title: nothing to check"
    quoted = 0
    for lang in LANGS[1:]:
        for source in sorted((ROOT / "docs").glob(f"*.{lang}.md")):
            built = site / prefix(lang) / ("" if source.stem == f"index.{lang}" else source.stem.split(".")[0])
            page = (built / "index.html").read_text(encoding="utf-8")
            for title in titles:
                for match in re.finditer(re.escape(html.escape(title, quote=False)), page):
                    quoted += 1
                    opening = page[:match.start()].rsplit("<", 1)[1]
                    assert 'lang="nl"' in opening, f"{built.relative_to(site)}: {title} without lang=nl"
    assert quoted, "no page of another language quotes a Dutch source title: nothing to check"


# ------------------------------------------------------------------------- 7 and 12. layout at 1280 pixels

@pytest.mark.browser
@pytest.mark.parametrize("lang", LANGS)
def test_card_slots_and_home_title_take_no_needless_height(page, base_url, lang):
    page.goto(base_url + prefix(lang) + "fiches/")
    page.wait_for_selector(".kb-card .kb-card__slots dd")
    # no slot squeezed into a narrow column: none runs longer than five lines
    lines = page.eval_on_selector_all(".kb-card__slots dd", "els => els.map(dd => dd.getBoundingClientRect().height"
                                      " / parseFloat(getComputedStyle(dd).lineHeight))")
    assert lines and max(lines) <= 5.01, lines
    page.goto(base_url + prefix(lang))
    # the title's invisible permalink does not wrap onto an empty line of its own
    heights = page.evaluate("""() => { const h = document.querySelector('.md-typeset h1');
        const r = document.createRange(); r.selectNodeContents(h.firstChild);
        return [h.getBoundingClientRect().height, r.getBoundingClientRect().height]; }""")
    assert heights[0] <= heights[1] + 8, heights


# ------------------------------------------------------------------------------- 6. a fiche's sources on paper

@pytest.mark.browser
def test_printed_sources_stand_in_one_column(page, base_url):
    """A citation split over two columns is hard to read: on paper the sources stand one under the other."""
    fiches = [f for f in load_fiches() if f.get("sources")]
    assert fiches, "no fiche with sources: nothing to check"
    page.emulate_media(media="print")
    for fiche in fiches:
        page.goto(base_url + f"fiches/{fiche['id']}/")
        lefts = page.eval_on_selector_all(".kb-sources > li", "els => els.map(li => [...li.getClientRects()]"
                                          ".map(r => Math.round(r.left)))")
        assert len(lefts) == len(fiche["sources"]), fiche["id"]
        assert len({x for rects in lefts for x in rects}) == 1, (fiche["id"], lefts)
