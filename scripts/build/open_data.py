"""Open data next to the site: fiches.json (all languages) and one fiches.csv per language.

The CSV is what Excel with a Belgian locale opens as is: semicolons, decimal comma,
UTF-8 with BOM, CRLF. A text cell that a spreadsheet would read as a formula is
neutralised (OWASP "CSV injection": a leading single quote).
"""

from __future__ import annotations

import csv
import io
import json
from pathlib import Path

from mkdocs.utils import get_relative_url

from scripts import ui_text
from scripts.build import catalogue, urls
from scripts.build.facts import fiche_facts
from scripts.fiche_collection import Fiche, total_fte

FORMULA_START = ("=", "+", "-", "@", "\t", "\r")

# the columns in order; each header is the interface text "csv_<column>" in the file's language
CSV_COLUMNS = ("id", "title", "organisation", "organisation_type", "municipality", "region", "themes", "profiles",
               "module_kinds", "modules", "max_weekly_hours", "total_fte", "budget_personnel_fte", "funding",
               "lifecycle", "period_start", "period_end", "last_reviewed", "url")


def csv_row(facts: dict, url: str) -> dict:
    """One CSV row, from the fiche's fact record (labels joined with a bar)."""
    join = " | ".join
    labels = facts["labels"]
    period = facts["period"] or {}
    return {
        **{key: facts[key] for key in ("id", "title", "organisation", "organisation_type", "municipality", "region",
                                       "max_weekly_hours", "total_fte", "budget_personnel_fte", "last_reviewed")},
        "themes": join(labels["theme"]),
        "profiles": join(labels["profile"]),
        "module_kinds": join(labels["kind"]),
        "modules": len(facts["modules"]),
        "funding": join(labels["funding"]),
        "lifecycle": join(labels["lifecycle"]),
        "period_start": period.get("start"),
        "period_end": period.get("end"),
        "url": url,
    }


def to_csv(rows: list[dict], lang: str) -> bytes:
    buffer = io.StringIO()
    writer = csv.writer(buffer, delimiter=";", lineterminator="\r\n", quoting=csv.QUOTE_MINIMAL)
    writer.writerow([ui_text.t(f"csv_{key}", lang) for key in CSV_COLUMNS])
    for row in rows:
        writer.writerow([_cell(row[key], lang) for key in CSV_COLUMNS])
    return ("\ufeff" + buffer.getvalue()).encode("utf-8")


def _cell(value, lang: str) -> str:
    if value is None:
        return ""
    if isinstance(value, float | int) and not isinstance(value, bool):
        return ui_text.number(value, lang)  # never negative in a fiche: no formula to fear
    return neutralise_formula(str(value))


def neutralise_formula(text: str) -> str:
    """A spreadsheet runs a cell starting with = + - @ (or tab/CR before them) as a formula: show it as text."""
    return "'" + text if text.startswith(FORMULA_START) else text


def fiches_json(fiches: list[Fiche]) -> dict:
    items = []
    for fiche in sorted(fiches, key=lambda f: f.id):
        item = dict(fiche.data)
        item["total_fte"] = total_fte(fiche.data)
        item["url"] = {lang: urls.url_for("fiche", fiche.id, lang) for lang in urls.LANGS}
        items.append(item)
    return {"count": len(items), "languages": list(urls.LANGS), "fiches": items}


def write_open_data(fiches: list[Fiche], site_dir: Path) -> None:
    payload = json.dumps(fiches_json(fiches), ensure_ascii=False, indent=1, sort_keys=True)
    (site_dir / "fiches.json").write_text(payload + "\n", encoding="utf-8")
    ordered = sorted(fiches, key=lambda f: f.id)
    for lang in urls.LANGS:
        record = {f.id: fiche_facts(f, lang) for f in ordered}
        rows = [csv_row(record[f.id], urls.url_for("fiche", f.id, lang)) for f in ordered]
        (site_dir / urls.url_for("csv", "", lang)).write_bytes(to_csv(rows, lang))
        compare_page = urls.url_for("page", "fiches/vergelijk/", lang)
        for fiche in fiches:
            target = site_dir / urls.url_for("fiche-data", fiche.id, lang)
            target.parent.mkdir(parents=True, exist_ok=True)
            url = get_relative_url(urls.url_for("fiche", fiche.id, lang), compare_page)
            data = catalogue.compare_data(fiche, record[fiche.id], lang, url)
            target.write_text(json.dumps(data, ensure_ascii=False, sort_keys=True, separators=(",", ":")),
                              encoding="utf-8")
