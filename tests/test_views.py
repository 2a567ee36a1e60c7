"""Every view says the same qualified, dated fact: fiche page, card, compare data, chart table, CSV, fiches.json.

Expected values are derived from fiches/ (whatever fiches exist) and from a fixture fiche that has every kind of
qualifier (min, max, approximate, a contradicted team size, an amount in euro); the ended-period wording is
decided with a fixed clock; the language checks run over every built page of both languages.
"""

from __future__ import annotations

import csv
import datetime as dt
import html
import io
import json
import re
from pathlib import Path

import pytest

from scripts.fiche import collection as fiche_collection
from scripts.lang import typography, ui_text
from scripts.site import catalogue, charts, facts, open_data, urls
from scripts.site import modules as mod

ROOT = Path(__file__).resolve().parent.parent
MINIMAL = (ROOT / "tests" / "fixtures" / "valid" / "minimal.yml").read_text(encoding="utf-8")
FICHES = fiche_collection.load_collection([ROOT / "fiches"]).fiches
LANGS = urls.LANGS

FIXTURE_EXTRA = """
period: {start: "2015", end: "2021", end_planned: yes, source: {ref: 1}}
intensity:
  hours_per_week: {max: 12, approximate: yes}
  days_per_week: {min: 1}
  source: {ref: 1}
staffing:
  roles:
    - {role: {nl: Begeleider, fr: Accompagnateur}, count: 2, fte: 1}
budget:
  personnel_fte: 3
  amount_eur: 45000
  amount_source: {ref: 1}
conflicts:
  - applies_to: [staffing, budget.personnel_fte]
    statements:
      - {says: {nl: Twee begeleiders, fr: Deux accompagnateurs}, number: 2, source: {ref: 1, at: p. 1}}
      - {says: {nl: Drie VTE, fr: Trois ETP}, number: 3, source: {ref: 1, at: p. 2}}
    note: {nl: De bron telt anders., fr: La source compte autrement.}
modules:
  - id: groep
    name: {nl: Groep, fr: Groupe}
    kind: collective
    goals: [{nl: Doel, fr: But}]
    content: {text: {nl: Tekst., fr: Texte.}}
    setup: {hours_per_week: {min: 21}}
"""


@pytest.fixture(scope="module")
def fixture_fiche(tmp_path_factory):
    path = tmp_path_factory.mktemp("views") / "minimal.yml"
    text = MINIMAL
    for key in ("period", "staffing", "budget", "modules", "intensity", "conflicts"):
        assert not re.search(rf"^{key}:", text, re.M), key  # the extra block adds these
    path.write_text(text + FIXTURE_EXTRA, encoding="utf-8")
    collection = fiche_collection.load_collection([path])
    assert [p for p in collection.problems if p.severity == "error"] == []
    return collection.fiches[0]


# --- phrases -------------------------------------------------------------------------------------------------------

@pytest.mark.parametrize(("quantity", "lang", "text", "value"), [
    ({"min": 21}, "nl", "minstens 21 uur per week", 21),
    ({"min": 21}, "fr", "au moins 21 heures par semaine", 21),
    ({"max": 12}, "nl", "hoogstens 12 uur per week", None),
    ({"max": 12, "approximate": "yes"}, "fr", "environ au plus 12 heures par semaine", None),
    ({"value": 6, "approximate": "yes"}, "nl", "ongeveer 6 uur per week", 6),
    ({"value": 1.5}, "fr", "1,5 heure par semaine", 1.5),  # French: 0 ≤ n < 2 is singular
    ({"value": 1}, "fr", "1 heure par semaine", 1),
    ({"min": 2, "max": 4}, "fr", "de 2 à 4 heures par semaine", 2),  # ranked by its lower bound
])
def test_qualified_quantity_in_words(quantity, lang, text, value):
    record = facts.quantity_facts(quantity, "hour", lang, "per_week")
    assert record["text"] == text
    assert record["value"] == fiche_collection.stated_number(quantity) == value


def test_real_plurals_from_babel():
    assert facts.plural("day", 1, "nl") == "dag" and facts.plural("day", 2, "nl") == "dagen"
    assert facts.plural("day", 1, "fr") == "jour" and facts.plural("day", 5, "fr") == "jours"


@pytest.mark.parametrize(("today", "nl", "fr"), [
    (dt.date(2021, 12, 31), "2015 – gepland tot eind 2021", "2015 – prévu jusqu'à fin 2021"),
    (dt.date(2022, 1, 1), "2015 – gepland tot eind 2021 — huidige stand niet bekend",
     "2015 – prévu jusqu'à fin 2021 — situation actuelle inconnue"),
])
def test_ended_period_with_a_fixed_clock(today, nl, fr):
    period = {"start": "2015", "end": "2021", "end_planned": "yes"}
    assert facts.period_facts(period, "nl", today)["text"] == nl
    assert facts.period_facts(period, "fr", today)["text"] == fr


def test_build_date_follows_source_date_epoch(monkeypatch):
    monkeypatch.setenv("SOURCE_DATE_EPOCH", str(int(dt.datetime(2022, 1, 1, 12, tzinfo=dt.UTC).timestamp())))
    assert facts.build_date() == dt.date(2022, 1, 1)
    period = {"start": "2015", "end": "2021", "end_planned": "yes"}
    assert facts.period_facts(period, "nl")["planned_end"] == "passed"
    monkeypatch.setenv("SOURCE_DATE_EPOCH", str(int(dt.datetime(2021, 6, 1, tzinfo=dt.UTC).timestamp())))
    assert facts.period_facts(period, "nl")["planned_end"] == "ahead"


# --- the fixture fiche in every view (no site build) -----------------------------------------------------------------

def test_fixture_fiche_in_every_view(fixture_fiche):
    for lang in LANGS:
        record = facts.fiche_facts(fixture_fiche, lang)
        fte, hours = record["fte"], record["hours"]
        assert (fte["min"], fte["max"]) == (2, 3)
        assert fte["text"] == f"2–3 ({ui_text.t('source_contradicts', lang)})"
        assert hours["value"] is None  # "about at most 12" gives nothing to rank by
        assert hours["qualifier"] == "max" and hours["approximate"]
        assert record["budget_amount"]["value"] == 45000
        assert "45" in record["budget_amount"]["text"] and "€" in record["budget_amount"]["text"]
        assert record["modules"][0]["weekly_hours_text"] == facts.quantity_facts({"min": 21}, "hour", lang,
                                                                                 "per_week")["text"]
        card = catalogue.catalogue_item(fixture_fiche, record, lang)
        assert card["fte"]["text"] == fte["text"] and card["hours"]["text"] == hours["text"]
        compare = catalogue.compare_data(fixture_fiche, record, lang, "x/")
        assert compare["total_fte_text"] == fte["text"]
        assert compare["budget_amount_eur"] == 45000
        assert compare["hours"]["text"] == hours["text"]
        assert compare["modules"][0]["weekly_hours_text"].startswith(ui_text.t("q_min", lang, n="21"))
        assert [st["number"] for st in compare["conflicts"][0]["statements"]] == [2, 3]
        row = open_data.csv_row(record, "x/")
        assert (row["total_fte_min"], row["total_fte_max"], row["budget_amount_eur"]) == (2, 3, 45000)
        assert row["weekly_hours"] is None and row["weekly_hours_qualifier"] == hours["text"]
        assert "≠" in row["conflicts"]
    payload = open_data.fiches_json([fixture_fiche])["fiches"][0]
    assert payload["conflicts"][0]["statements"][1]["number"] == 3
    assert payload["total_fte_range"] == {"min": 2, "max": 3, "contradicted": True}
    assert payload["intensity"]["hours_per_week"] == {"max": 12, "approximate": "yes"}
    assert payload["weekly_hours"]["qualifier"] == "max"


def test_chart_draws_a_range_and_keeps_the_qualifier():
    bars = [{"label": "A", "value": 2, "high": 3, "text": "2–3", "flag": "bron tegenstrijdig", "href": "a"},
            {"label": "B", "value": 21, "high": None, "text": "≥ 21", "flag": None, "href": "b"},
            {"label": "C", "value": None, "href": "c"}]
    chart = charts.bar_chart("c", "t", "d", bars, "u", "nl")
    assert [b["label"] for b in chart["bars"]] == ["A", "B"]  # not stated: no bar at all, never a zero
    assert chart["bars"][0]["range"] and chart["bars"][0]["value"] == "2–3 u (bron tegenstrijdig)"
    assert chart["bars"][1]["range"] is None and chart["bars"][1]["value"] == "≥ 21 u"


# --- comparable modules ----------------------------------------------------------------------------------------------

def test_comparable_modules_are_above_the_threshold_with_content_and_a_shared_theme():
    modules = mod.all_modules(FICHES)
    by_key = {m.key: m for m in modules}
    related = mod.related_modules(modules)
    for key, others in related.items():
        for other in others:
            a, b = by_key[key], by_key[other]
            assert mod.score(a, b) >= mod.SIMILARITY_THRESHOLD, (key, other)
            assert mod.has_content(a) and mod.has_content(b)
            assert set(a.themes) & set(b.themes) and a.data["kind"] == b.data["kind"]
            assert a.fiche.id != b.fiche.id
            assert mod.shared(a, b, "nl")[0].startswith(ui_text.t("shared_kind", "nl"))
    # the pairs the issue found misleading are gone wherever they fall under the threshold
    low = [(a.key, b.key) for a in modules for b in modules
           if a.data["kind"] == b.data["kind"] and mod.score(a, b) < mod.SIMILARITY_THRESHOLD]
    assert low and all(b not in related[a] for a, b in low)


def test_a_module_without_content_links_to_nothing():
    fiches = [fiche_collection.Fiche(data=json.loads(json.dumps(f.data)), path=f.path, display=f.display)
              for f in FICHES]
    target = next(m for f in fiches for m in f.data.get("modules", []) if m["kind"] == "collective")
    target["content"] = {"text": {lang: " " for lang in LANGS}}
    target.get("setup", {}).pop("notes", None)
    related = mod.related_modules(mod.all_modules(fiches))
    empty = next(m.key for m in mod.all_modules(fiches) if m.data is target)
    assert related[empty] == []
    assert all(empty not in others for others in related.values())


# --- the built site: every view of every fiche with a qualified or contradicted figure --------------------------------

def _qualified(fiche) -> bool:
    data = fiche.data
    quantities = [data.get("intensity", {}).get("hours_per_week")]
    quantities += [m.get("setup", {}).get("hours_per_week") for m in data.get("modules", [])]
    qualified = any(q and (set(q) & {"min", "max", "approximate"}) for q in quantities)
    return qualified or bool(facts.fte_facts(data, LANGS[0])["conflict"])


def _text(path: Path, lang: str | None = None) -> str:
    """The page's text; with `lang`, without the passages marked as another language (`<section lang="nl">`)."""
    page = path.read_text(encoding="utf-8")
    page = re.sub(r"<(script|style|code|pre)\b.*?</\1>", " ", page, flags=re.S)
    if lang:
        page = re.sub(rf'<(section|div|p|span|td|li)\b[^>]*\blang="(?!{lang}")[^"]*"[^>]*>.*?</\1>', " ", page,
                      flags=re.S)
    return html.unescape(re.sub(r"<[^>]+>", " ", page))


def _squash(text: str) -> str:
    return " ".join(text.split())


QUALIFIED = [f for f in FICHES if _qualified(f) and not f.is_draft]


@pytest.mark.fiche
@pytest.mark.parametrize("fiche", QUALIFIED or [None], ids=lambda f: getattr(f, "id", "none"))
def test_qualifiers_in_every_built_view(site, fiche):
    assert fiche is not None, "no published fiche with a qualified or contradicted figure to check"
    for lang in LANGS:
        record = facts.fiche_facts(fiche, lang)
        phrases = [p for p in (record["fte"]["text"] if record["fte"]["conflict"] else None,
                               record["hours"]["text"] if record["hours"]["qualifier"] not in (None, "exact",
                                                                                                "computed") else None)
                   if p]
        assert phrases
        fiche_page = _squash(_text(site / urls.url_for("fiche", fiche.id, lang) / "index.html"))
        card_page = _squash(_text(site / urls.url_for("page", "fiches/", lang) / "index.html"))
        figures = _squash(_text(site / urls.url_for("page", "fiches/cijfers/", lang) / "index.html"))
        compare = json.loads((site / urls.url_for("fiche-data", fiche.id, lang)).read_text(encoding="utf-8"))
        rows = list(csv.DictReader(io.StringIO((site / urls.url_for("csv", "", lang)).read_text("utf-8-sig")),
                                   delimiter=";"))
        row = next(r for r in rows if r[ui_text.t("csv_id", lang)] == fiche.id)
        for phrase in phrases:
            # the key facts name the unit between the figure and its qualifier: '2,5–3 VTE (bron tegenstrijdig)'
            with_unit = record["fte"]["with_unit"] if phrase == record["fte"]["text"] else phrase
            assert phrase in fiche_page or with_unit in fiche_page, (lang, phrase)
            assert phrase in card_page, (lang, phrase)
            assert phrase in figures, (lang, phrase)
            assert phrase in json.dumps(compare, ensure_ascii=False), (lang, phrase)
            assert phrase in ";".join(row.values()) or (
                record["fte"]["conflict"] and row[ui_text.t("csv_total_fte_min", lang)]
                != row[ui_text.t("csv_total_fte_max", lang)]), (lang, phrase)
    payload = json.loads((site / "fiches.json").read_text(encoding="utf-8"))
    item = next(i for i in payload["fiches"] if i["id"] == fiche.id)
    assert item.get("conflicts") == fiche.data.get("conflicts")
    assert item.get("intensity") == fiche.data.get("intensity")
    fte = facts.fte_facts(fiche.data, LANGS[0])
    assert item["total_fte_range"] == {"min": fte["min"], "max": fte["max"], "contradicted": fte["min"] != fte["max"]}


@pytest.mark.fiche
def test_unstated_figures_are_listed_apart_never_ranked(site):
    for lang in LANGS:
        page = (site / urls.url_for("page", "fiches/cijfers/", lang) / "index.html").read_text(encoding="utf-8")
        for fiche in FICHES:
            if fiche.is_draft:
                continue
            record = facts.fiche_facts(fiche, lang)
            text = page.replace("&#39;", "'")
            with_hours = [m for m in record["modules"] if m["hours"]["text"]]
            if not with_hours:
                title = html.escape(record["title"], quote=False)
                assert f">{title}</a></th><td></td><td>{ui_text.t('not_given', lang)}" in text, title
            for module in with_hours:  # each module's figure, named, with its basis in the words
                row = re.search(rf'<tr data-module="{fiche.id}--{module["id"]}">(.*?)</tr>', text)
                assert row and html.escape(module["hours"]["text"], quote=False) in row.group(1), module["id"]


# --- language of every built page ---------------------------------------------------------------------------------

PLURAL_HACK = re.compile(r"\w\((?:s|en|e|n)\)(?!\w)")


def _pages(site: Path):
    return sorted(site.rglob("*.html"))


def _lang_of(path: Path) -> str:
    match = re.search(r'<html[^>]*\blang="([a-z]{2})', path.read_text(encoding="utf-8")[:2000])
    return match.group(1) if match else ""


@pytest.mark.fiche
def test_no_plural_hacks_on_any_built_page(site):
    found = []
    for path in _pages(site):
        for match in PLURAL_HACK.finditer(_text(path)):
            found.append(f"{path.relative_to(site)}: {match.group(0)}")
    assert found == []


@pytest.mark.fiche
def test_french_typography_on_every_built_french_page(site):
    found = []
    pages = [p for p in _pages(site) if _lang_of(p) == "fr"]
    assert pages
    for path in pages:
        text = _text(path, "fr")
        text = re.sub(r"\b\d{1,2}:\d{2}\b", "00h00", text)  # times such as 10:00
        for offset, message in typography.problems(text):
            found.append(f"{path.relative_to(site)}: {message}: {_squash(text[max(0, offset - 40):offset + 20])!r}")
    assert found == [], "\n".join(found[:30])
