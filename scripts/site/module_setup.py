"""A module's set-up in words: its weekly hours with their basis, its frequency, duration and group size, and
the phrases of its set-up line. Part of the fact record (scripts/site/facts.py), kept apart because a module's
figures are worded without the rest of its fiche (the module catalogue's intensity bands read them too)."""

from __future__ import annotations

from scripts.fiche import schema as s
from scripts.fiche.collection import weekly_hours
from scripts.lang import ui_text
from scripts.site.quantity import conflicts_for, contradicted, duration_unit, plural, quantity_facts


def module_setup_conflicts(data: dict, module_id: str, lang: str) -> list[dict]:
    """The source's contradictions about one module's set-up (numbers on them are weekly hours, as numbers on
    the team are FTE)."""
    return conflicts_for(data, {f"modules[{module_id}].setup", f"modules[{module_id}].setup.hours_per_week"}, lang)


def module_hours_facts(setup: dict, lang: str, conflicts: list[dict] | tuple = ()) -> dict:
    """A module's weekly hours with their basis: stated by the source, computed (frequency × hours per session,
    an average), or contradicted (the source's values as a range: never one rankable number)."""
    if "hours_per_week" in setup:
        record = quantity_facts(setup["hours_per_week"], "hour", lang, "per_week")
        record["basis"] = "stated"
    else:
        hours = weekly_hours(setup)
        record = quantity_facts(None if hours is None else {"value": hours}, "hour", lang, "per_week")
        if hours is None:
            record["basis"] = None
        else:
            record["text"] += f" ({ui_text.t('computed', lang)})"
            record["short"] += f" ({ui_text.t('computed_short', lang)})"
            record["qualifier"] = record["basis"] = "computed"
    record["conflicts"] = list(conflicts)
    if conflicts:
        record.update(contradicted(record, [x for c in conflicts for x in c["numbers"]], lang))
    return record


def setup_facts(setup: dict, lang: str, conflicts: list[dict] | tuple = ()) -> dict:
    """A module's numeric set-up in the reader's language; None where the source gives nothing. `conflicts`:
    the source's contradictions about this set-up (module_setup_conflicts): the frequency and the weekly hours
    then say so."""
    n = ui_text.number
    freq = setup.get("frequency")
    duration = setup.get("duration")
    about = f"{ui_text.t('approximately', lang)} " if duration and duration.get("approximate") else ""
    per_session = setup.get("hours_per_session")
    hours = module_hours_facts(setup, lang, conflicts)
    frequency = f"{n(freq['times'], lang)} × {s.FREQUENCY_UNITS[freq['per']][lang]}" if freq else None
    if frequency and conflicts:
        frequency += f" ({ui_text.t('source_contradicts', lang)})"
    return {
        "frequency": frequency,
        "hours_per_session": per_session,
        "hours_per_session_text": (f"{n(per_session, lang)} {plural('hour', per_session, lang)} "
                                   f"{ui_text.t('per_session', lang)}" if per_session is not None else None),
        "weekly_hours": hours["value"],  # rankable: stated, at least, or computed; None when contradicted
        "weekly_hours_text": hours["text"],  # with its qualifier and basis: 'minstens 21 uur per week'
        "weekly_hours_basis": hours["basis"],
        "hours": hours,
        "duration": (f"{about}{n(duration['amount'], lang)} {duration_unit(duration, lang)}" if duration else None),
        "min_group_size": setup.get("min_group_size"),
        "max_group_size": setup.get("max_group_size"),
        # the module's intensity in one phrase (card, module page): the hours with their basis, else the
        # frequency; else only that the source contradicts itself
        "intensity_text": hours["text"] or frequency or (
            ui_text.t("source_contradicts", lang) if hours["basis"] == "contradicted" else None),
    }


def intensity_phrases(facts: dict, lang: str) -> list[str]:
    """Short phrases for the set-up line of a module table, e.g. '1 × per week', '3 uur per sessie'."""
    t = ui_text.t
    colon = t("colon", lang)
    parts = []
    if facts["frequency"]:
        parts.append(facts["frequency"])
    if facts["hours_per_session_text"]:
        parts.append(facts["hours_per_session_text"])
    if facts["weekly_hours_text"]:
        parts.append(facts["weekly_hours_text"])
    if facts["duration"]:
        parts.append(f"{t('duration', lang)}{colon} {facts['duration']}")
    sizes = [f"{t(short, lang)} {ui_text.number(facts[key], lang)}"
             for key, short in (("min_group_size", "min_short"), ("max_group_size", "max_short"))
             if facts[key] is not None]
    if sizes:
        parts.append(f"{t('group_size', lang)}{colon} {' – '.join(sizes)} {t('persons', lang)}")
    return parts
