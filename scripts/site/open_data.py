"""Open data next to the site: fiches.json (all languages) and one fiches.csv per language.

The CSV is what Excel with a Belgian locale opens as is: semicolons, decimal comma,
UTF-8 with BOM, CRLF. A text cell that a spreadsheet would read as a formula is
neutralised (OWASP "CSV injection": a leading single quote), and so is a formula character
after a comma inside a text ("Tekst, '=2+3"); every text cell is quoted. A spreadsheet that
splits the file on commas instead then finds no cell it would run. Number cells stay bare, so
that they are read as numbers.
"""

from __future__ import annotations

import functools
import json
import re
from pathlib import Path

from mkdocs.utils import get_relative_url

from scripts.fiche.collection import Fiche, planned_end_state, total_fte
from scripts.lang import ui_text
from scripts.site import catalogue, urls
from scripts.site.facts import build_date, fiche_facts, fte_facts, hours_facts, module_facts

FORMULA_START = ("=", "+", "-", "@", "\t", "\r")

# the columns in order; each header is the interface text "csv_<column>" in the file's language
CSV_COLUMNS = ("id", "title", "organisation", "organisation_type", "municipality", "region", "themes", "profiles",
               "module_kinds", "modules", "weekly_hours", "weekly_hours_qualifier", "module_weekly_hours",
               "total_fte", "total_fte_min", "total_fte_max", "budget_personnel_fte", "budget_amount_eur",
               "conflicts", "funding", "lifecycle",
               "as_of", "period_start", "period_end", "period_state", "last_reviewed", "url")


def csv_row(facts: dict, url: str) -> dict:
    """One CSV row, from the fiche's fact record (labels joined with a bar)."""
    join = " | ".join
    labels = facts["labels"]
    period = facts["period"] or {}
    return {
        **{key: facts[key] for key in ("id", "title", "organisation", "organisation_type", "municipality", "region",
                                       "total_fte", "budget_personnel_fte", "last_reviewed")},
        # a number column a spreadsheet can sort (empty = not stated, never 0) and the source's words beside it
        # the project's figure only where the source states one for the whole project; the words column holds
        # what the source says, never a computed value; each module's hours, named, with their basis, beside it
        "weekly_hours": facts["hours"]["value"],
        "weekly_hours_qualifier": facts["hours"]["text"] if facts["hours"]["basis"] in ("stated", "contradicted")
        else "",
        "module_weekly_hours": join(f"{m['name']}{ui_text.t('colon', facts['lang'])} {m['weekly_hours_text']}"
                                    for m in facts["modules"] if m["weekly_hours_text"]),
        "total_fte_min": facts["fte"]["min"],
        "total_fte_max": facts["fte"]["max"],
        "budget_amount_eur": facts["budget_amount"]["value"],
        "conflicts": " | ".join(" ≠ ".join(f"{st['says']} ({st['at']})" for st in c["statements"])
                                for c in facts["conflicts"]),
        "as_of": facts["as_of"]["date"],
        "period_state": facts["period_facts"]["text"] if facts["period_facts"] else None,
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
    lines = [";".join(_quoted(ui_text.t(f"csv_{key}", lang)) for key in CSV_COLUMNS)]
    lines += [";".join(_cell(row[key], lang) for key in CSV_COLUMNS) for row in rows]
    return ("\ufeff" + "".join(line + "\r\n" for line in lines)).encode("utf-8")


def _cell(value, lang: str) -> str:
    """One cell as written in the file: a number bare, a text neutralised and quoted."""
    if value is None or value == "":
        return ""
    if isinstance(value, float | int) and not isinstance(value, bool):
        return ui_text.number(value, lang)  # never negative in a fiche: no formula to fear
    return _quoted(neutralise_formula(str(value)))


def _quoted(text: str) -> str:
    """A text cell in double quotes (a quote inside doubled, RFC 4180), whatever it holds."""
    return '"' + text.replace('"', '""') + '"'


# A formula character after a comma: where a cell would start for a spreadsheet that splits on commas.
_AFTER_COMMA = re.compile(r"(,[ \t\r\n]*)(?=[=+\-@])")


def neutralise_formula(text: str) -> str:
    """A spreadsheet runs a cell starting with = + - @ (or tab/CR before them) as a formula: show it as text.
    The same after a comma inside the text ("Tekst, =2+3"), for a spreadsheet that splits the file on commas."""
    if "," in text:
        text = _AFTER_COMMA.sub(r"\1'", text)
    return "'" + text if text.startswith(FORMULA_START) else text


def fiches_json(fiches: list[Fiche]) -> dict:
    items = [fiche_item(fiche) for fiche in sorted(fiches, key=lambda f: f.id)]
    return {"count": len(items), "languages": list(urls.LANGS), "fiches": items}


def fiche_item(fiche: Fiche) -> dict:
    """One fiche's record in fiches.json."""
    item = dict(fiche.data)
    item["total_fte"] = total_fte(fiche.data)
    # the same qualified figures the pages show, as data (conflicts and quantities are in the fiche itself)
    fte = fte_facts(fiche.data, urls.LANGS[0])
    item["total_fte_range"] = {"min": fte["min"], "max": fte["max"], "contradicted": fte["min"] != fte["max"]}
    hours = hours_facts(fiche.data, urls.LANGS[0])
    # the project's figure (basis "stated"/"contradicted", or none); modules' hours per module, each with its basis
    item["weekly_hours"] = {key: hours.get(key) for key in ("value", "min", "max", "approximate", "qualifier",
                                                            "basis")}
    item["module_weekly_hours"] = {
        m["id"]: {key: m["hours"].get(key) for key in ("value", "min", "max", "approximate", "qualifier", "basis")}
        for m in module_facts(fiche.data, urls.LANGS[0]) if m["hours"]["text"]}
    item["period_planned_end"] = planned_end_state(fiche.data.get("period"), build_date())
    item["url"] = {lang: urls.url_for("fiche", fiche.id, lang) for lang in urls.LANGS}
    return item


JSON_FORMAT = {"ensure_ascii": False, "indent": 1, "sort_keys": True}


def fiches_json_text(fiches: list[Fiche], remember=None) -> str:
    """fiches.json as json.dumps(fiches_json(fiches), **JSON_FORMAT) writes it, assembled from one text per fiche
    (at its depth in the file), so that `remember(fiche, what, compute)` can keep a fiche's text between serve
    builds: Python's JSON encoder with indent is pure Python, seconds for thousands of fiches."""
    remember = remember or (lambda fiche, what, compute: compute())
    ordered = sorted(fiches, key=lambda f: f.id)
    parts = [remember(fiche, ("fiches.json", build_date()),
                      lambda fiche=fiche: json.dumps(fiche_item(fiche), **JSON_FORMAT).replace("\n", "\n  "))
             for fiche in ordered]
    head = {"count": len(parts), "fiches": [], "languages": list(urls.LANGS)}
    text = json.dumps(head, **JSON_FORMAT)  # the keys in order, "fiches": [] between the others
    return text.replace('"fiches": []', '"fiches": [\n  ' + ",\n  ".join(parts) + "\n ]") if parts else text


def write_open_data(fiches: list[Fiche], site_dir: Path, facts_of=fiche_facts, remember=None) -> None:
    """`facts_of(fiche, lang)`: the fiche's fact record (the build's own, already computed for the pages);
    `remember(fiche, what, compute)`: serving, keeps what is made from one fiche file while it is unchanged."""
    remember = remember or (lambda fiche, what, compute: compute())
    payload = fiches_json_text(fiches, remember)
    (site_dir / "fiches.json").write_text(payload + "\n", encoding="utf-8")
    ordered = sorted(fiches, key=lambda f: f.id)
    for lang in urls.LANGS:
        record = {f.id: facts_of(f, lang) for f in ordered}
        rows = [csv_row(record[f.id], urls.url_for("fiche", f.id, lang)) for f in ordered]
        (site_dir / urls.url_for("csv", "", lang)).write_bytes(to_csv(rows, lang))
        compare_page = urls.url_for("page", "fiches/vergelijk/", lang)
        for fiche in fiches:
            target = site_dir / urls.url_for("fiche-data", fiche.id, lang)
            target.parent.mkdir(parents=True, exist_ok=True)
            url = get_relative_url(urls.url_for("fiche", fiche.id, lang), compare_page)
            text = remember(fiche, ("data.json", lang, url, build_date()),
                            functools.partial(_compare_json, fiche, record[fiche.id], lang, url))
            target.write_text(text, encoding="utf-8")


def _compare_json(fiche: Fiche, facts: dict, lang: str, url: str) -> str:
    return json.dumps(catalogue.compare_data(fiche, facts, lang, url), ensure_ascii=False, sort_keys=True,
                      separators=(",", ":"))
