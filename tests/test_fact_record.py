"""One fact record feeds every view: the fiche page (its key facts and staffing table), the compare data and the
competence overview (data.json) show the team, the modules by kind and the intensity in the same words, worded
in Python; the browser only places them. Expectations come from fiches/ (read as plain YAML) and ui_text."""

from __future__ import annotations

import csv
import html
import io
import json
import re
from collections import Counter

import pytest
from conftest import load_fiches

from scripts.fiche import richtext
from scripts.fiche import schema as s
from scripts.lang import ui_text
from scripts.site import open_data, urls

LANGS = urls.LANGS


def _text(fragment: str) -> str:
    """The text of an HTML fragment, ordinary whitespace collapsed (French no-break spaces are kept)."""
    return re.sub(r"[ \t\r\n]+", " ", html.unescape(re.sub(r"<[^>]+>", "", fragment))).strip()


def _page(site, fiche_id: str, lang: str) -> str:
    return (site / urls.url_for("fiche", fiche_id, lang) / "index.html").read_text(encoding="utf-8")


def _data(site, fiche_id: str, lang: str) -> dict:
    return json.loads((site / urls.url_for("fiche-data", fiche_id, lang)).read_text(encoding="utf-8"))


def _key_fact(page: str, name: str) -> str:
    found = re.search(rf'data-kb-fact="{name}"><dt>.*?</dt><dd[^>]*>(.*?)</dd>', page, re.S)
    assert found, name
    return _text(found.group(1))


def _contradicted_team(fiche: dict) -> bool:
    return any({"staffing", "staffing.roles", "budget.personnel_fte"} & set(c["applies_to"])
               and sum("number" in st for st in c["statements"]) >= 2 for c in fiche.get("conflicts", []))


@pytest.mark.parametrize("lang", LANGS)
def test_the_staffing_table_and_the_compare_data_word_the_same_roles(site, lang):
    staffed = [f for f in load_fiches() if f.get("staffing", {}).get("roles")]
    assert staffed, "no fiche names its team"
    fte = ui_text.t("fte", lang)
    for fiche in staffed:
        roles = fiche["staffing"]["roles"]
        table = re.search(r'<table class="kb-staffing">.*?<tbody>(.*?)</tbody>', _page(site, fiche["id"], lang), re.S)
        cells = [[_text(c) for c in re.findall(r"<td>(.*?)</td>", row)] for row in re.findall(r"<tr>(.*?)</tr>",
                                                                                            table.group(1))]
        assert [cell[1:] for cell in cells] == [[str(r.get("count", 1)), ui_text.number(r["fte"], lang)]
                                                for r in roles], fiche["id"]
        data = _data(site, fiche["id"], lang)
        words = [f"{r.get('count', 1)} × {richtext.plain(r['role'][lang])} ({ui_text.number(r['fte'], lang)} {fte})"
                 for r in roles]
        assert data["roles"] == words, fiche["id"]
        total = round(sum(r.get("count", 1) * r["fte"] for r in roles), 2)
        assert data["staffing_text"].startswith(f"{ui_text.t('semicolon', lang)} ".join(words)), fiche["id"]
        assert data["staffing_text"].endswith(f" — {ui_text.t('total_fte', lang)} {data['total_fte_text']}")
        if not _contradicted_team(fiche):
            assert data["total_fte_text"] == ui_text.number(total, lang)
            # the key facts count the people the roles name (a role without a count is one person)
            people = ui_text.plural("persons", sum(r.get("count", 1) for r in roles), lang)
            assert people in _key_fact(_page(site, fiche["id"], lang), "team"), fiche["id"]


@pytest.mark.parametrize("lang", LANGS)
def test_modules_by_kind_read_the_same_on_the_page_and_in_the_compare_data(site, lang):
    with_modules = [f for f in load_fiches() if f.get("modules")]
    assert with_modules, "no fiche has modules"
    for fiche in with_modules:
        counts = Counter(s.MODULE_KINDS[m["kind"]][lang] for m in fiche["modules"])
        kinds = sorted(counts.items(), key=lambda kc: kc[0].lower())
        summary = _data(site, fiche["id"], lang)["module_summary"]
        assert summary["count_text"] == ui_text.plural("module_count", len(fiche["modules"]), lang)
        assert [k["text"] for k in summary["kinds"]] == [f"{n} × {kind}" for kind, n in kinds], fiche["id"]
        assert _key_fact(_page(site, fiche["id"], lang), "modules") == ", ".join(
            f"{n} × {kind.lower()}" for kind, n in kinds), fiche["id"]


@pytest.mark.parametrize("lang", LANGS)
def test_the_intensity_line_of_the_key_facts_is_the_compare_datas(site, lang):
    for fiche in load_fiches():
        hours = _data(site, fiche["id"], lang)["hours"]
        shown = _key_fact(_page(site, fiche["id"], lang), "intensity")
        assert shown == (hours["key_text"] or ui_text.t("not_given", lang)), fiche["id"]
        assert hours["key_text"] == (" · ".join(hours["lines"]) or None)
        # the project's own figure heads the line; without one, no module's hours stand alone as the project's
        if hours["text"]:
            assert hours["lines"][0] == hours["text"]
        else:
            for module in hours["modules"]:
                assert f"{module['name']}{ui_text.t('colon', lang)} {module['text']}" in hours["lines"]


@pytest.mark.parametrize("lang", LANGS)
def test_a_contradiction_reads_the_same_on_the_page_in_the_compare_data_and_the_csv(site, lang):
    contradicted = [f for f in load_fiches() if f.get("conflicts")]
    assert contradicted, "no fiche records a contradiction of its source"
    rows = {row[0]: row for row in csv.reader(io.StringIO(
        (site / urls.url_for("csv", "", lang)).read_text(encoding="utf-8-sig")), delimiter=";")}
    column = list(rows.values())[0].index(ui_text.t("csv_conflicts", lang))
    for fiche in contradicted:
        conflicts = _data(site, fiche["id"], lang)["conflicts"]
        assert len(conflicts) == len(fiche["conflicts"])
        page = _page(site, fiche["id"], lang)
        items = [_text(li) for li in re.findall(r"<li data-conflict=[^>]*>(.*?)</li>", page, re.S)]
        for conflict, source in zip(conflicts, fiche["conflicts"], strict=True):
            says = [richtext.plain(st["says"][lang]) for st in source["statements"]]
            assert conflict["text"].split(" ≠ ")[0].startswith(says[0] + " (")
            assert len(conflict["text"].split(" ≠ ")) == len(says)
            assert conflict["summary"] == (f"{conflict['text']} — {conflict['note']}" if conflict["note"]
                                           else conflict["text"])
            assert any(item.startswith(conflict["text"]) for item in items), fiche["id"]
        assert rows[fiche["id"]][column] == open_data.neutralise_formula(" | ".join(c["text"] for c in conflicts))
