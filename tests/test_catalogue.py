"""Catalogue, facets, theme pages, figures and open data, checked on the built site."""

from __future__ import annotations

import csv
import io
import json
import re

import pytest
from conftest import load_fiches, parse_cards

from scripts.fiche import schema as s
from scripts.lang import ui_text
from scripts.site import open_data

pytestmark = pytest.mark.fiche  # what a change to fiches/ alone can break


def yaml_facets(fiche: dict) -> dict[str, list[str]]:
    """The facet codes of a fiche, read from its YAML here (not with catalogue.facet_codes, which is under test)."""
    return {
        "region": [fiche["region"]],
        "theme": fiche["themes"],
        "profile": fiche.get("target_group", {}).get("profiles", []),
        "kind": sorted({module["kind"] for module in fiche.get("modules", [])}),
        "funding": fiche.get("funding", []),
        "lifecycle": [fiche["lifecycle"]] if "lifecycle" in fiche else [],
    }


def number_nl(value) -> str:
    return "" if value is None else f"{value:g}".replace(".", ",")


def parse_catalogue(site, lang: str):
    return parse_cards(site / ("" if lang == "nl" else "fr") / "fiches" / "index.html")


@pytest.fixture(scope="module")
def fiches_json(site):
    return json.loads((site / "fiches.json").read_text(encoding="utf-8"))["fiches"]


@pytest.mark.parametrize("lang", ["nl", "fr"])
def test_catalogue_lists_every_published_fiche(site, fiches_json, lang):
    cards = parse_catalogue(site, lang).cards
    fiches = load_fiches()
    assert sorted(c["data-id"] for c in cards) == [f["id"] for f in fiches]
    by_id = {f["id"]: f for f in fiches}
    titles = [by_id[c["data-id"]]["title"][lang].lower() for c in cards]
    assert titles == sorted(titles)  # default order: by name


@pytest.mark.parametrize("lang", ["nl", "fr"])
def test_facet_counts_match_the_fiches(site, fiches_json, lang):
    parsed = parse_catalogue(site, lang)
    fiches = load_fiches()
    expected: dict[str, int] = {}
    for fiche in fiches:
        for key, codes in yaml_facets(fiche).items():
            for code in codes:
                expected[f"{key}:{code}"] = expected.get(f"{key}:{code}", 0) + 1
    assert parsed.counts == expected
    assert sum(v for k, v in parsed.counts.items() if k.startswith("region:")) == len(fiches) > 0
    # the data attributes the filters use carry the same codes
    by_id = {f["id"]: f for f in fiches}
    for card in parsed.cards:
        pairs = card["data-f"].split()
        for key, values in yaml_facets(by_id[card["data-id"]]).items():
            assert sorted(p.split(":", 1)[1] for p in pairs if p.startswith(f"{key}:")) == sorted(values)


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
    sources = {f["id"]: f for f in load_fiches()}
    for row in rows:  # as written, not just as parsed: decimal comma for a Belgian locale, names per language
        source = sources[row["ID"]]
        assert row[column["total_fte"]] == number_nl(by_id[row["ID"]]["total_fte"])
        assert row[column["municipality"]] == source["municipality"][lang]


def test_theme_pages_list_their_fiches(site, fiches_json):
    for code in s.THEMES:
        for lang, prefix in (("nl", ""), ("fr", "fr/")):
            html = (site / prefix / "themas" / code / "index.html").read_text(encoding="utf-8")
            html = html.split("md-content__inner", 1)[1].split("</article>", 1)[0]
            listed = set(re.findall(r'href="\.\./\.\./fiches/([a-z0-9-]+)/"', html))
            assert listed == {f["id"] for f in load_fiches() if code in f["themes"]}, (code, lang)
            assert s.THEMES[code][lang] in html


def test_compare_data_per_fiche_and_language(site, fiches_json):
    for fiche in fiches_json:
        for prefix in ("", "fr/"):
            data = json.loads((site / prefix / "fiches" / fiche["id"] / "data.json").read_text(encoding="utf-8"))
            assert data["id"] == fiche["id"] and data["total_fte"] == fiche["total_fte"]
            assert len(data["modules"]) == len(fiche.get("modules", []))
            assert data["url"] == f"../{fiche['id']}/"
    for fiche in load_fiches():
        for lang in ("nl", "fr"):
            data = json.loads((site / ("" if lang == "nl" else "fr") / "fiches" / fiche["id"] / "data.json")
                              .read_text(encoding="utf-8"))
            assert data["municipality"] == fiche["municipality"][lang]
            for module, source in zip(data["modules"], fiche.get("modules", []), strict=True):
                setup = source.get("setup", {})
                assert module["hours_per_session"] == setup.get("hours_per_session")
                assert module["max_group_size"] == setup.get("max_group_size")


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
        # one point per published fiche that has coordinates (optional in the schema)
        assert html.count('class="kb-map__place"') == sum("coordinates" in f for f in load_fiches())
        assert html.count('<details class="kb-data"') == 2
