"""The comparable view of fiches: catalogue items and facets, compare data, CSV.

One definition of each comparable field serves the catalogue cards, the facet
counts, the compare table and the CSV, so they cannot disagree.
"""

from __future__ import annotations

import csv
import io
from dataclasses import dataclass

import fiche_schema as s
import richtext
import ui_text
from fiche_collection import Fiche, project_weekly_hours, sessions_per_week, total_fte, weekly_hours


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


def facet_codes(data: dict) -> dict[str, list[str]]:
    """The codes a fiche has for each facet (a fiche can have several themes, kinds, ...)."""
    return {
        "region": [data["region"]],
        "theme": list(data.get("themes", [])),
        "profile": list(data.get("target_group", {}).get("profiles", [])),
        "kind": sorted({m["kind"] for m in data.get("modules", [])}),
        "funding": list(data.get("funding", [])),
        "lifecycle": [data["lifecycle"]] if "lifecycle" in data else [],
    }


def max_weekly_hours(data: dict) -> float | None:
    hours = [h for h in (weekly_hours(m.get("setup", {})) for m in data.get("modules", [])) if h is not None]
    return project_weekly_hours(data, hours)


def catalogue_item(fiche: Fiche, lang: str) -> dict:
    data = fiche.data
    plain = richtext.plain
    title = plain(data["title"][lang])
    organisation = plain(data["organisation"]["name"][lang])
    municipality = plain(data["municipality"][lang])
    codes = facet_codes(data)
    labels = {f.key: [f.values[c][lang] for c in codes[f.key]] for f in FACETS}
    search = " ".join([title, organisation, municipality, plain(data["summary"][lang])] +
                      [label for values in labels.values() for label in values]).lower()
    return {
        "id": fiche.id,
        "title": title,
        "organisation": organisation,
        "municipality": municipality,
        "codes": codes,
        "labels": labels,
        "summary": richtext.to_html(data["summary"][lang]),
        "criteria": [plain(c[lang]) for c in data.get("target_group", {}).get("criteria", [])],
        "total_fte": total_fte(data),
        "max_weekly_hours": max_weekly_hours(data),
        "modules": len(data.get("modules", [])),
        "period": data.get("period"),
        "last_reviewed": data["last_reviewed"],
        "draft": fiche.is_draft,
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


def compare_data(fiche: Fiche, lang: str, url: str) -> dict:
    """Plain-text, localised facts of one fiche for the compare view (rendered with textContent)."""
    data = fiche.data
    t = ui_text.t
    modules = []
    for module in data.get("modules", []):
        setup = module.get("setup", {})
        freq = setup.get("frequency")
        duration = setup.get("duration")
        modules.append({
            "name": richtext.plain(module["name"][lang]),
            "kind": s.MODULE_KINDS[module["kind"]][lang],
            "frequency": (f"{ui_text.number(freq['times'], lang)} × {s.FREQUENCY_UNITS[freq['per']][lang]}"
                          if freq else None),
            "sessions_per_week": sessions_per_week(setup),
            "hours_per_session": setup.get("hours_per_session"),
            "weekly_hours": weekly_hours(setup),
            "duration": (f"{ui_text.number(duration['amount'], lang)} {s.DURATION_UNITS[duration['unit']][lang]}"
                         if duration else None),
            "max_group_size": setup.get("max_group_size"),
        })
    competences = data.get("competences", {})
    budget = data.get("budget", {})
    return {
        "id": fiche.id,
        "url": url,
        "title": richtext.plain(data["title"][lang]),
        "organisation": richtext.plain(data["organisation"]["name"][lang]),
        "municipality": richtext.plain(data["municipality"][lang]),
        "region": s.REGIONS[data["region"]][lang],
        "profiles": [s.PROFILES[p][lang] for p in data.get("target_group", {}).get("profiles", [])],
        "criteria": _texts(data.get("target_group", {}).get("criteria"), lang),
        "roles": [{"role": richtext.plain(r["role"][lang]), "count": r.get("count", 1), "fte": r["fte"]}
                  for r in data.get("staffing", {}).get("roles", [])],
        "total_fte": total_fte(data),
        "budget_personnel": richtext.plain(budget["personnel"][lang]) if "personnel" in budget else None,
        "budget_personnel_fte": budget.get("personnel_fte"),
        "budget_material": richtext.plain(budget["material"][lang]) if "material" in budget else None,
        "modules": modules,
        "competences": {key: _texts(competences.get(key), lang)
                        for key in ("required", "training", "knowledge", "traits", "further_training",
                                    "supervision") if competences.get(key)},
        "competence_labels": {key: t(f"comp_{key}", lang) for key in competences},
        "pros": _texts(data.get("pros"), lang),
        "cons": _texts(data.get("cons"), lang),
        "future": _texts(data.get("future"), lang),
    }


CSV_COLUMNS = (
    ("id", "ID", "ID"),
    ("title", "Project", "Projet"),
    ("organisation", "Organisatie", "Organisation"),
    ("organisation_type", "Soort organisatie", "Type d'organisation"),
    ("municipality", "Gemeente", "Commune"),
    ("region", "Gewest", "Région"),
    ("themes", "Thema's", "Thèmes"),
    ("profiles", "Doelgroep", "Public cible"),
    ("module_kinds", "Soorten begeleiding", "Types d'accompagnement"),
    ("modules", "Aantal modules", "Nombre de modules"),
    ("max_weekly_hours", "Max. uren per week (module)", "Max. heures par semaine (module)"),
    ("total_fte", "Totaal VTE", "Total ETP"),
    ("budget_personnel_fte", "VTE volgens budgetlijn", "ETP selon la ligne budgétaire"),
    ("funding", "Financiering", "Financement"),
    ("lifecycle", "Stand van zaken", "État"),
    ("period_start", "Begin", "Début"),
    ("period_end", "Einde", "Fin"),
    ("last_reviewed", "Laatst nagekeken", "Dernière vérification"),
    ("url", "Webpagina", "Page web"),
)


def csv_row(fiche: Fiche, lang: str, url: str) -> dict:
    data = fiche.data
    codes = facet_codes(data)
    join = " | ".join
    return {
        "id": fiche.id,
        "title": richtext.plain(data["title"][lang]),
        "organisation": richtext.plain(data["organisation"]["name"][lang]),
        "organisation_type": s.ORG_TYPES[data["organisation"]["type"]][lang],
        "municipality": richtext.plain(data["municipality"][lang]),
        "region": s.REGIONS[data["region"]][lang],
        "themes": join(s.THEMES[c][lang] for c in codes["theme"]),
        "profiles": join(s.PROFILES[c][lang] for c in codes["profile"]),
        "module_kinds": join(s.MODULE_KINDS[c][lang] for c in codes["kind"]),
        "modules": len(data.get("modules", [])),
        "max_weekly_hours": max_weekly_hours(data),
        "total_fte": total_fte(data),
        "budget_personnel_fte": data.get("budget", {}).get("personnel_fte"),
        "funding": join(s.FUNDING[c][lang] for c in codes["funding"]),
        "lifecycle": join(s.LIFECYCLE[c][lang] for c in codes["lifecycle"]),
        "period_start": data.get("period", {}).get("start"),
        "period_end": data.get("period", {}).get("end"),
        "last_reviewed": data["last_reviewed"],
        "url": url,
    }


def to_csv(rows: list[dict], lang: str) -> bytes:
    """Semicolon-separated, decimal comma, UTF-8 with BOM, CRLF: what Excel with a Belgian locale opens as is."""
    buffer = io.StringIO()
    writer = csv.writer(buffer, delimiter=";", lineterminator="\r\n", quoting=csv.QUOTE_MINIMAL)
    writer.writerow([nl if lang == "nl" else fr for _, nl, fr in CSV_COLUMNS])
    for row in rows:
        writer.writerow([_cell(row[key], lang) for key, _, _ in CSV_COLUMNS])
    return ("\ufeff" + buffer.getvalue()).encode("utf-8")


def _cell(value, lang: str) -> str:
    if value is None:
        return ""
    if isinstance(value, float | int) and not isinstance(value, bool):
        return ui_text.number(value, lang)
    return str(value)
