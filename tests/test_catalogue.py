"""Catalogue, facets, theme pages, figures and open data, checked on the built site."""

from __future__ import annotations

import csv
import io
import json
import re

import pytest
from conftest import ROOT, parse_cards

from scripts import fiche_schema as s
from scripts import ui_text
from scripts.build import facts, open_data


def parse_catalogue(site, lang: str):
    return parse_cards(site / ("" if lang == "nl" else "fr") / "fiches" / "index.html")


@pytest.fixture(scope="module")
def fiches_json(site):
    return json.loads((site / "fiches.json").read_text(encoding="utf-8"))["fiches"]


@pytest.mark.parametrize("lang", ["nl", "fr"])
def test_catalogue_lists_every_published_fiche(site, fiches_json, lang):
    cards = parse_catalogue(site, lang).cards
    assert sorted(c["data-id"] for c in cards) == sorted(f["id"] for f in fiches_json if f["status"] == "published")
    by_id = {f["id"]: f for f in fiches_json}
    titles = [by_id[c["data-id"]]["title"][lang].lower() for c in cards]
    assert titles == sorted(titles)  # default order: by name


@pytest.mark.parametrize("lang", ["nl", "fr"])
def test_facet_counts_match_the_fiches(site, fiches_json, lang):
    parsed = parse_catalogue(site, lang)
    expected: dict[str, int] = {}
    for fiche in fiches_json:
        for key, codes in facts.facet_codes(fiche).items():
            for code in codes:
                expected[f"{key}:{code}"] = expected.get(f"{key}:{code}", 0) + 1
    assert parsed.counts == expected
    assert parsed.counts["region:vlaanderen"] == 5 and parsed.counts["region:wallonie"] == 2
    # the data attributes the filters use carry the same codes
    by_id = {f["id"]: f for f in fiches_json}
    for card in parsed.cards:
        codes = facts.facet_codes(by_id[card["data-id"]])
        pairs = card["data-f"].split()
        for key, values in codes.items():
            assert [p.split(":", 1)[1] for p in pairs if p.startswith(f"{key}:")] == values


@pytest.mark.parametrize("lang", ["nl", "fr"])
def test_csv_round_trips_fiches_json(site, fiches_json, lang):
    raw = (site / ("" if lang == "nl" else "fr") / "fiches.csv").read_bytes()
    assert raw.startswith(b"\xef\xbb\xbf")  # BOM: Excel reads UTF-8 with accents intact
    text = raw.decode("utf-8-sig")
    assert "\r\n" in text
    rows = list(csv.DictReader(io.StringIO(text), delimiter=";"))
    headers = [ui_text.t(f"csv_{key}", lang) for key in open_data.CSV_COLUMNS]
    assert list(rows[0].keys()) == headers
    column = {key: ui_text.t(f"csv_{key}", lang) for key in open_data.CSV_COLUMNS}
    by_id = {f["id"]: f for f in fiches_json}
    assert sorted(r["ID"] for r in rows) == sorted(by_id)

    def number(cell):
        return None if cell == "" else float(cell.replace(",", "."))

    for row in rows:
        fiche = by_id[row["ID"]]
        assert number(row[column["total_fte"]]) == fiche["total_fte"]
        assert number(row[column["budget_personnel_fte"]]) == fiche.get("budget", {}).get("personnel_fte")
        assert row[column["region"]] == s.REGIONS[fiche["region"]][lang]
        assert row[column["themes"]].split(" | ") == [s.THEMES[c][lang] for c in fiche["themes"]]
        assert row[column["last_reviewed"]] == fiche["last_reviewed"]
        assert row[column["period_start"]] == fiche.get("period", {}).get("start", "")
        assert row[column["url"]] == fiche["url"][lang]
        assert int(row[column["modules"]]) == len(fiche.get("modules", []))
    amie = next(r for r in rows if r["ID"] == "ocmw-antwerpen-amie")
    assert amie[column["total_fte"]] == "2,5"  # decimal comma for a Belgian locale
    assert amie[column["municipality"]] == ("Antwerpen" if lang == "nl" else "Anvers")
    if lang == "fr":
        assert "Liège" in text and "Flandre" in text  # accents intact


def test_theme_pages_list_their_fiches(site, fiches_json):
    for code in s.THEMES:
        for lang, prefix in (("nl", ""), ("fr", "fr/")):
            html = (site / prefix / "themas" / code / "index.html").read_text(encoding="utf-8")
            html = html.split("md-content__inner", 1)[1].split("</article>", 1)[0]
            listed = set(re.findall(r'href="\.\./\.\./fiches/([a-z0-9-]+)/"', html))
            assert listed == {f["id"] for f in fiches_json if code in f["themes"]}, (code, lang)
            assert s.THEMES[code][lang] in html


def test_compare_data_per_fiche_and_language(site, fiches_json):
    for fiche in fiches_json:
        for prefix in ("", "fr/"):
            data = json.loads((site / prefix / "fiches" / fiche["id"] / "data.json").read_text(encoding="utf-8"))
            assert data["id"] == fiche["id"] and data["total_fte"] == fiche["total_fte"]
            assert len(data["modules"]) == len(fiche.get("modules", []))
            assert data["url"] == f"../{fiche['id']}/"
    amie_fr = json.loads((site / "fr/fiches/ocmw-antwerpen-amie/data.json").read_text(encoding="utf-8"))
    assert amie_fr["municipality"] == "Anvers"
    group = next(m for m in amie_fr["modules"] if m["name"] == "Séances collectives")
    assert group["weekly_hours"] == 3 and group["hours_per_session"] == 3


def test_figures_have_text_alternatives_and_tables(site):
    for prefix, title in (("", "Team per project"), ("fr/", "Équipe par projet")):
        html = (site / prefix / "fiches" / "cijfers" / "index.html").read_text(encoding="utf-8")
        # each chart twice (names beside the bars; names above them for phones), and the map
        charts = ("chart-fte", "chart-fte-narrow", "chart-hours", "chart-hours-narrow", "map")
        assert html.count('role="group" aria-labelledby=') == len(charts)
        for chart in charts:
            assert f'aria-labelledby="{chart}-title {chart}-desc"' in html
            assert f'<title id="{chart}-title">' in html and f'<desc id="{chart}-desc">' in html
        assert title in html
        assert html.count("<circle") == len(list((ROOT / "fiches").glob("*.yml")))  # every fiche has coordinates
        assert html.count('<details class="kb-data"') == 2
