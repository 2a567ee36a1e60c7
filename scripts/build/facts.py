"""The one per-language fact record of a fiche and of a module's set-up.

Fiche page, module page, catalogue card, compare table, CSV and charts all read
these records, so a label, a number or a phrase such as "ongeveer 6 maanden" is
written once and cannot differ between them.
"""

from __future__ import annotations

from scripts import fiche_schema as s
from scripts import richtext, ui_text
from scripts.fiche_collection import Fiche, project_weekly_hours, total_fte, weekly_hours


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


FACET_VALUES = {"region": s.REGIONS, "theme": s.THEMES, "profile": s.PROFILES, "kind": s.MODULE_KINDS,
                "funding": s.FUNDING, "lifecycle": s.LIFECYCLE}


def max_weekly_hours(data: dict) -> float | None:
    hours = [h for h in (weekly_hours(m.get("setup", {})) for m in data.get("modules", [])) if h is not None]
    return project_weekly_hours(data, hours)


def setup_facts(setup: dict, lang: str) -> dict:
    """A module's numeric set-up in the reader's language; None where the source gives nothing."""
    n = ui_text.number
    freq = setup.get("frequency")
    duration = setup.get("duration")
    about = f"{ui_text.t('approximately', lang)} " if duration and duration.get("approximate") else ""
    return {
        "frequency": f"{n(freq['times'], lang)} × {s.FREQUENCY_UNITS[freq['per']][lang]}" if freq else None,
        "hours_per_session": setup.get("hours_per_session"),
        "weekly_hours": weekly_hours(setup),  # stated, or frequency × hours per session (an average)
        "duration": (f"{about}{n(duration['amount'], lang)} {s.DURATION_UNITS[duration['unit']][lang]}"
                     if duration else None),
        "min_group_size": setup.get("min_group_size"),
        "max_group_size": setup.get("max_group_size"),
    }


def intensity_phrases(facts: dict, lang: str) -> list[str]:
    """Short phrases for the set-up line of a module table, e.g. '1 × per week', '3 uur per sessie'."""
    t = ui_text.t
    n = ui_text.number
    parts = []
    if facts["frequency"]:
        parts.append(facts["frequency"])
    if facts["hours_per_session"] is not None:
        parts.append(f"{n(facts['hours_per_session'], lang)} {t('hours_per_session', lang)}")
    if facts["weekly_hours"] is not None:
        parts.append(f"{n(facts['weekly_hours'], lang)} {t('hours_per_week', lang)}")
    if facts["duration"]:
        parts.append(f"{t('duration', lang)}: {facts['duration']}")
    sizes = [f"{t(short, lang)} {facts[key]}" for key, short in (("min_group_size", "min_short"),
                                                                  ("max_group_size", "max_short"))
             if facts[key] is not None]
    if sizes:
        parts.append(f"{t('group_size', lang)}: {' – '.join(sizes)} {t('persons', lang)}")
    return parts


def fiche_facts(fiche: Fiche, lang: str) -> dict:
    """What every summary of a fiche shows, in one language: names as plain text, labels, figures."""
    data = fiche.data
    plain = richtext.plain
    codes = facet_codes(data)
    return {
        "id": fiche.id,
        "title": plain(data["title"][lang]),
        "organisation": plain(data["organisation"]["name"][lang]),
        "organisation_type": s.ORG_TYPES[data["organisation"]["type"]][lang],
        "municipality": plain(data["municipality"][lang]),
        "region": s.REGIONS[data["region"]][lang],
        "codes": codes,
        "labels": {key: [FACET_VALUES[key][c][lang] for c in found] for key, found in codes.items()},
        "total_fte": total_fte(data),
        "budget_personnel_fte": data.get("budget", {}).get("personnel_fte"),
        "max_weekly_hours": max_weekly_hours(data),
        "modules": [{"id": m["id"], "name": plain(m["name"][lang]), "kind": s.MODULE_KINDS[m["kind"]][lang],
                     **setup_facts(m.get("setup", {}), lang)} for m in data.get("modules", [])],
        "period": data.get("period"),
        "last_reviewed": data["last_reviewed"],
        "draft": fiche.is_draft,
    }
