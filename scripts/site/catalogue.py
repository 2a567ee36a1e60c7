"""The comparable view of fiches: catalogue items and facets, compare data, CSV.

One definition of each comparable field serves the catalogue cards, the facet
counts, the compare table and the CSV, so they cannot disagree.
"""

from __future__ import annotations

from dataclasses import dataclass

from scripts.fiche import richtext
from scripts.fiche import schema as s
from scripts.fiche.collection import Fiche
from scripts.lang import ui_text
from scripts.site import fiche_view


@dataclass(frozen=True)
class Facet:
    key: str  # URL parameter and data attribute
    label: str  # ui_text key
    values: dict[str, dict[str, str]]


FACETS = (
    Facet("region", "region", s.REGIONS),
    Facet("theme", "themes", s.THEMES),
    Facet("profile", "target_brief", s.PROFILES),
    Facet("kind", "module_kinds", s.MODULE_KINDS),
    Facet("funding", "funding", s.FUNDING),
    Facet("lifecycle", "lifecycle", s.LIFECYCLE),
)


FACET_KEYS = tuple(f.key for f in FACETS)


def catalogue_item(fiche: Fiche, facts: dict, lang: str) -> dict:
    """A catalogue card: the fiche's facts plus its summary and what the free-text filter searches."""
    data = fiche.data
    search = " ".join([facts["title"], facts["organisation"], facts["municipality"],
                       richtext.plain(data["summary"][lang])] +
                      [label for key in FACET_KEYS for label in facts["labels"][key]]).lower()
    return {
        **{key: facts[key] for key in ("id", "title", "organisation", "municipality", "codes", "total_fte",
                                       "project_weekly_hours", "period", "last_reviewed", "draft", "fte", "hours",
                                       "as_of", "period_facts", "conflicts", "place")},
        "labels": {key: facts["labels"][key] for key in FACET_KEYS},
        "summary": richtext.to_html(data["summary"][lang]),
        "criteria": [richtext.plain(c[lang]) for c in data.get("target_group", {}).get("criteria", [])],
        "modules": len(facts["modules"]),
        "search": " ".join(search.split()),
    }


def facet_options(items: list[dict], lang: str) -> list[dict]:
    """Each facet with its values and how many fiches have each (before any filter)."""
    out = []
    for facet in FACETS:
        counts = {code: 0 for code in facet.values}
        for item in items:
            for code in item["codes"][facet.key]:
                counts[code] += 1
        values = [{"code": code, "label": labels[lang], "count": counts[code]}
                  for code, labels in facet.values.items() if counts[code]]
        if values:
            out.append({"key": facet.key, "label": ui_text.t(facet.label, lang), "options": values})
    return out


def _texts(items, lang: str) -> list[str]:
    return [richtext.plain(item[lang]) for item in items or [] if lang in item]


def _outlines(items, lang: str) -> list:
    return [richtext.plain_outline(item[lang]) for item in items or [] if lang in item]


def compare_data(fiche: Fiche, facts: dict, lang: str, url: str) -> dict:
    """Plain-text, localised facts of one fiche for the compare view (rendered with textContent)."""
    data = fiche.data
    modules = [{key: m[key] for key in ("name", "kind", "frequency", "hours_per_session", "weekly_hours",
                                        "weekly_hours_text", "weekly_hours_basis", "duration", "max_group_size")}
               for m in facts["modules"]]
    competences = data.get("competences", {})
    competence_labels = {row.key: row.label for row in fiche_view.section_rows("competences", lang)}
    budget = data.get("budget", {})
    return {
        "id": fiche.id,
        "url": url,
        **{key: facts[key] for key in ("title", "organisation", "municipality", "region", "total_fte")},
        "total_fte_text": facts["fte"]["text"],  # '2,5–3 (bron tegenstrijdig)' where the source contradicts itself
        "fte": facts["fte"],
        # the project's figure with its basis, or each module's intensity named (never one module's as the project's)
        "hours": {key: facts["hours"][key] for key in ("value", "qualifier", "basis", "text", "short", "display",
                                                       "modules", "source_text")},
        "as_of": facts["as_of"]["text"],
        "period": facts["period_facts"]["text"] if facts["period_facts"] else None,
        "budget_amount_eur": facts["budget_amount"]["value"],
        "budget_amount": facts["budget_amount"]["text"],
        "conflicts": facts["conflicts"],
        "profiles": facts["labels"]["profile"],
        "criteria": _texts(data.get("target_group", {}).get("criteria"), lang),
        "roles": [{"role": richtext.plain(r["role"][lang]), "count": r.get("count", 1), "fte": r["fte"]}
                  for r in data.get("staffing", {}).get("roles", [])],
        "budget_personnel": richtext.plain(budget["personnel"][lang]) if "personnel" in budget else None,
        "budget_personnel_fte": facts["budget_personnel_fte"],
        "budget_material": richtext.plain(budget["material"][lang]) if "material" in budget else None,
        "modules": modules,
        "competences": {key: _texts(competences[key], lang) for key in competence_labels if competences.get(key)},
        "competence_labels": {key: competence_labels[key] for key in competences},
        "pros": _texts(data.get("pros"), lang),
        "cons": _texts(data.get("cons"), lang),
        "future": _texts(data.get("future"), lang),
        # the same texts with the lists they hold kept apart ({"text", "items"}), drawn as lists by kb-compare.js
        "outlines": {
            "criteria": _outlines(data.get("target_group", {}).get("criteria"), lang),
            "competences": {key: _outlines(competences[key], lang) for key in competence_labels
                            if competences.get(key)},
            **{key: _outlines(data.get(key), lang) for key in ("pros", "cons", "future")},
        },
    }
