"""The one per-language fact record of a fiche and of a module's set-up.

Fiche page, module page, catalogue card, compare table, CSV and charts all read
these records, so a label, a number or a phrase such as "ongeveer 6 maanden" is
written once and cannot differ between them.
"""

from __future__ import annotations

import datetime as dt
import os

from babel import Locale
from babel.lists import format_list
from babel.numbers import format_currency

from scripts.fiche import richtext
from scripts.fiche import schema as s
from scripts.fiche.collection import (
    Fiche,
    planned_end_state,
    stated_number,
    total_fte,
    weekly_hours,
)
from scripts.lang import ui_text

# How a figure came about; it travels with the value to every view, and a view that cannot show it leaves the
# value out. stated: the source gives it; computed: the editors multiplied frequency by hours per session;
# contradicted: the source gives two values (shown as a range, never ranked or bucketed as one number);
# inherited: taken over from the fiche where the module itself says nothing.
BASES = ("stated", "computed", "contradicted", "inherited")


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


def project_weekly_hours(data: dict) -> float | None:
    """The project's weekly hours, to rank by: only a figure the source states for the whole project. A module's
    hours are that module's (AMIE's three-hour group is not the project's week), so without a project figure
    the project is not ranked at all."""
    return stated_number((data.get("intensity") or {}).get("hours_per_week"))


def duration_unit(duration: dict, lang: str) -> str:
    """'1 dag', '3 maanden', '1 an', '6 semaines': the unit's singular or plural by the language's CLDR rule."""
    forms = s.DURATION_UNIT_FORMS[duration["unit"]]
    if lang not in forms:  # a language added as data only: its value-list label
        return s.DURATION_UNITS[duration["unit"]][lang]
    category = Locale.parse(ui_text.locale(lang)).plural_form(abs(duration["amount"]))
    return forms[lang][0 if category == "one" else 1]


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
        record.update(_contradicted(record, [x for c in conflicts for x in c["numbers"]], lang))
    return record


def _contradicted(record: dict, numbers: list[float], lang: str) -> dict:
    """A figure the source contradicts: the range its statements span, marked, and nothing to rank by."""
    n = ui_text.number
    own = [x for x in (record.get("min"), record.get("max")) if x is not None]
    values = sorted(set(numbers + own))
    mark = ui_text.t("source_contradicts", lang)
    if len(values) > 1:
        low, high = values[0], values[-1]
        short = f"{n(low, lang)}–{n(high, lang)}"
        text = f"{short} {plural('hour', high, lang)} {ui_text.t('per_week', lang)} ({mark})"
    elif record.get("text"):  # a contradiction in words only: the figure is in doubt all the same
        low = high = values[0] if values else None
        short, text = f"{bare(record['short'])} ({mark})", f"{bare(record['text'])} ({mark})"
    else:
        return {"basis": "contradicted"}
    return {"value": None, "min": low, "max": high, "qualifier": "contradicted", "basis": "contradicted",
            "text": text, "short": short}


def bare(text: str) -> str:
    """A figure's words without a trailing parenthesised basis, so that a second qualifier is never added to
    the first ('2,5 (bron tegenstrijdig: 2,5–3 (bron tegenstrijdig))')."""
    return text.split(" (", 1)[0] if text.endswith(")") else text


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


def fiche_facts(fiche: Fiche, lang: str) -> dict:
    """What every summary of a fiche shows, in one language: names as plain text, labels, figures."""
    data = fiche.data
    plain = richtext.plain
    codes = facet_codes(data)
    return {
        "id": fiche.id,
        "lang": lang,
        "title": plain(data["title"][lang]),
        "organisation": plain(data["organisation"]["name"][lang]),
        "organisation_type": s.ORG_TYPES[data["organisation"]["type"]][lang],
        "municipality": plain(data["municipality"][lang]),
        "region": s.REGIONS[data["region"]][lang],
        "codes": codes,
        "labels": {key: [FACET_VALUES[key][c][lang] for c in found] for key, found in codes.items()},
        "total_fte": total_fte(data),
        "budget_personnel_fte": data.get("budget", {}).get("personnel_fte"),
        "project_weekly_hours": project_weekly_hours(data),  # rankable, project figure only; words in "hours"
        "modules": module_facts(data, lang),
        "period": data.get("period"),
        "last_reviewed": data["last_reviewed"],
        "draft": fiche.is_draft,
        "contact": contact_facts(data, lang),
        "team": team_facts(data),
        **provenance_facts(fiche, lang),
    }


def contact_facts(data: dict, lang: str) -> dict:
    """The project's organisation-level contact in one language, with the addresses a link needs (a phone
    number without spaces for tel:), so a page that shows it beside another view writes it the same way."""
    contact = data["contact"]
    phone = contact.get("phone")
    return {
        "organisation": richtext.plain(contact["organisation"][lang]),
        "address": richtext.plain(contact["address"][lang]) if "address" in contact else None,
        "phone": phone,
        "tel": f"tel:{phone.replace(' ', '')}" if phone else None,
        "email": contact.get("email"),
        "website": contact.get("website"),
        "contact_page": contact.get("contact_page"),
    }


def team_facts(data: dict) -> dict:
    """How many people the roles name (a role without a count is one person); 0 when the source names none."""
    roles = (data.get("staffing") or {}).get("roles") or []
    return {"persons": sum(role.get("count", 1) for role in roles)}


def module_facts(data: dict, lang: str) -> list[dict]:
    return [{"id": m["id"], "name": richtext.plain(m["name"][lang]), "kind": s.MODULE_KINDS[m["kind"]][lang],
             **setup_facts(m.get("setup", {}), lang, module_setup_conflicts(data, m["id"], lang))}
            for m in data.get("modules", [])]


def module_intensities(modules: list[dict]) -> list[dict]:
    """Each module's intensity, named: its weekly hours with their basis, else its frequency as the source
    gives it. What a project shows when the source gives no figure for the whole project."""
    out = []
    for m in modules:
        text = m["weekly_hours_text"] or m["frequency"]
        if text:
            basis = m["weekly_hours_basis"] or ("contradicted" if m["hours"]["conflicts"] else "stated")
            out.append({"id": m["id"], "name": m["name"], "text": text, "basis": basis})
    return out


# --- provenance and qualified numbers: one ready-to-show phrase per fact, the same in every view ---------

FTE_PATHS = frozenset({"staffing", "staffing.roles", "budget.personnel_fte"})  # conflicts about the team's size


def build_date() -> dt.date:
    """The date the build decides "has this planned end passed?" by: SOURCE_DATE_EPOCH when set (the hook sets
    it to the last commit's time), so the same commit builds the same pages on any day."""
    epoch = os.environ.get("SOURCE_DATE_EPOCH")
    if epoch:
        return dt.datetime.fromtimestamp(int(epoch), tz=dt.UTC).date()
    return dt.date.today()


def plural(unit: str, value: float, lang: str) -> str:
    """The unit's word for this number by the language's CLDR plural rule (Babel): 1,5 heure, 2 heures, 2 dagen."""
    category = Locale.parse(ui_text.locale(lang)).plural_form(abs(value))
    key = f"unit_{unit}_{category}"
    return ui_text.t(key if key in ui_text.LABELS else f"unit_{unit}_other", lang)


def quantity_facts(quantity: dict | None, unit: str, lang: str, suffix_key: str | None = None) -> dict:
    """A qualified quantity ({value|min|max, approximate}) as data and as words: 'minstens 21 uur per week'.
    `value` is what it may be ranked by (stated_number): None when the source gives no rankable number."""
    if not quantity:
        return {"value": None, "qualifier": None, "text": None, "short": None}
    n = ui_text.number
    low, high, exact = quantity.get("min"), quantity.get("max"), quantity.get("value")
    approx = quantity.get("approximate") == "yes"
    if exact is not None:
        qualifier, shown = ("approximate" if approx else "exact"), exact
        short = ("± " if approx else "") + n(exact, lang)
        words = ui_text.t("q_approximate" if approx else "q_exact", lang, n=n(exact, lang))
    elif low is not None and high is not None:
        qualifier, shown, short = "range", high, f"{n(low, lang)}–{n(high, lang)}"
        words = ui_text.t("q_range", lang, low=n(low, lang), high=n(high, lang))
    elif low is not None:
        qualifier, shown, short = "min", low, f"≥ {n(low, lang)}"
        words = ui_text.t("q_min", lang, n=n(low, lang))
    else:
        qualifier, shown, short = "max", high, f"≤ {n(high, lang)}"
        words = ui_text.t("q_max", lang, n=n(high, lang))
    if approx and exact is None:
        words = f"{ui_text.t('approximately', lang)} {words}"
        short = f"± {short}"
    text = f"{words} {plural(unit, shown, lang)}"
    if suffix_key:
        text += f" {ui_text.t(suffix_key, lang)}"
    return {"value": stated_number(quantity), "min": low if exact is None else exact,
            "max": high if exact is None else exact, "approximate": approx, "qualifier": qualifier,
            "text": text, "short": short}


def conflicts_for(data: dict, paths: frozenset[str] | set[str], lang: str, numeric: bool = False) -> list[dict]:
    """The source's contradictions about any of these field paths, as plain text in one language."""
    out = []
    for conflict in data.get("conflicts", []):
        if not paths & set(conflict["applies_to"]):
            continue
        numbers = [st["number"] for st in conflict["statements"] if "number" in st]
        if numeric and len(numbers) < 2:
            continue
        out.append({
            "applies_to": list(conflict["applies_to"]),
            "numbers": numbers,
            "note": richtext.plain(conflict["note"][lang]) if "note" in conflict else None,
            "statements": [{"says": richtext.plain(st["says"][lang]), "number": st.get("number"),
                            "at": _source_place(data, st["source"], lang)} for st in conflict["statements"]],
        })
    return out


def _source_place(data: dict, ref: dict, lang: str) -> str:
    sources = data.get("sources", [])
    index = ref["ref"] - 1
    title = richtext.plain(sources[index]["document"][lang]) if index < len(sources) else str(ref["ref"])
    return f"{title}, {ref['at']}" if ref.get("at") else title


def fte_facts(data: dict, lang: str) -> dict:
    """The team's size: the sum of the roles, or the range the source's contradicting statements span."""
    n = ui_text.number
    team = total_fte(data)
    conflicts = conflicts_for(data, FTE_PATHS, lang, numeric=True)
    numbers = [x for c in conflicts for x in c["numbers"]] + ([team] if team is not None else [])
    if not numbers:
        return {"value": None, "min": None, "max": None, "conflict": None, "text": None, "short": None,
                "with_unit": None}
    low, high = min(numbers), max(numbers)
    unit = ui_text.t("fte", lang)
    if conflicts and low != high:
        short = f"{n(low, lang)}–{n(high, lang)}"
        mark = f" ({ui_text.t('source_contradicts', lang)})"
    else:
        short, mark = n(team if team is not None else low, lang), ""
    # the unit belongs to the figure, the qualifier follows both: '2,5–3 VTE (bron tegenstrijdig)'
    return {"value": team, "min": low, "max": high, "conflict": conflicts[0] if conflicts else None,
            "conflicts": conflicts, "text": short + mark, "short": short, "with_unit": f"{short} {unit}{mark}"}


def hours_facts(data: dict, lang: str, modules: list[dict] | None = None) -> dict:
    """The project's weekly hours: only what the source states for the whole project (basis "stated", or
    "contradicted" when the source gives two values). Without it the project has no figure (never zero, never
    one module's hours): `modules` then holds each module's intensity, named, and `display` says it that way."""
    intensity = data.get("intensity") or {}
    record = quantity_facts(intensity.get("hours_per_week"), "hour", lang, "per_week")
    record["basis"] = "stated" if record["text"] else None
    record["days_text"] = quantity_facts(intensity.get("days_per_week"), "day", lang, "per_week")["text"]
    record["source_text"] = richtext.plain(intensity["text"][lang]) if "text" in intensity else None
    record["conflicts"] = conflicts_for(data, {"intensity", "intensity.hours_per_week"}, lang)
    numbers = [x for c in record["conflicts"] for x in c["numbers"]]
    if numbers:
        record.update(_contradicted(record, numbers, lang))
    if record["text"] is None:
        named = module_intensities(module_facts(data, lang) if modules is None else modules)
        record["modules"] = named
        record["display"] = (ui_text.t("semicolon", lang) + " ").join(
            f"{m['name']}{ui_text.t('colon', lang)} {m['text']}" for m in named) or ui_text.t("not_given", lang)
    else:
        record["modules"] = []
        record["display"] = record["text"]
    return record


def as_of_facts(data: dict, lang: str) -> dict:
    text = ui_text.t("as_of", lang, date=ui_text.date(data["as_of"], lang))
    inferred = data.get("as_of_inferred") == "yes"
    if inferred:
        text += f" ({ui_text.t('date_inferred', lang)})"
    return {"date": data["as_of"], "inferred": inferred, "text": text}


def period_facts(period: dict | None, lang: str, today: dt.date | None = None) -> dict | None:
    """The period in words; a planned end that lies before the build date reads 'planned until end 2021 —
    current state not known' (decided at build time, never 'running')."""
    if not period:
        return None
    date = ui_text.date
    start = date(period["start"], lang)
    state = planned_end_state(period, today or build_date())
    if "end" not in period:
        text = ui_text.t("period_open", lang, start=start)
    elif state is None:
        text = f"{start} – {date(period['end'], lang)}"
    else:
        end = period["end"]
        end_text = ui_text.t("end_of", lang, date=date(end, lang)) if len(end) == 4 else date(end, lang)
        text = ui_text.t("period_planned", lang, start=start, end=end_text)
        if state == "passed":
            text += f" — {ui_text.t('state_unknown', lang)}"
    inferred = period.get("inferred") == "yes"
    if inferred:
        text += f" ({ui_text.t('inferred', lang)})"
    return {"start": period["start"], "end": period.get("end"), "planned_end": state, "inferred": inferred,
            "text": text}


def budget_amount_facts(data: dict, lang: str) -> dict:
    amount = data.get("budget", {}).get("amount_eur")
    if amount is None:
        return {"value": None, "text": None}
    return {"value": amount, "text": format_currency(amount, "EUR", locale=ui_text.locale(lang),
                                                     format_type="standard")}


def source_facts(source: dict, lang: str) -> dict:
    """Flags of one source: a date the editors inferred, a title they translated (document not in `lang`)."""
    flags = []
    if source.get("date_inferred") == "yes":
        flags.append(ui_text.t("date_inferred", lang))
    languages = source.get("languages")
    if languages and lang not in languages:
        names = Locale.parse(ui_text.locale(lang)).languages
        flags.append(ui_text.t("title_translated", lang, languages=format_list(
            [names.get(code, code) for code in languages], style="standard", locale=ui_text.locale(lang))))
    return {"flags": flags, "note": richtext.plain(source["note"][lang]) if "note" in source else None}


def place_facts(data: dict, lang: str) -> dict | None:
    coordinates = data.get("coordinates")
    if not coordinates:
        return None
    approximate = coordinates.get("approximate") == "yes"
    return {"lat": coordinates["lat"], "lon": coordinates["lon"], "approximate": approximate,
            "flag": ui_text.t("approximate_place", lang) if approximate else None,
            "basis": richtext.plain(coordinates["basis"][lang]) if "basis" in coordinates else None}


def provenance_facts(fiche: Fiche, lang: str, today: dt.date | None = None) -> dict:
    """Everything a view needs to say how sure and how dated a fiche's figures are."""
    data = fiche.data
    return {
        "as_of": as_of_facts(data, lang),
        "period_facts": period_facts(data.get("period"), lang, today),
        "fte": fte_facts(data, lang),
        "hours": hours_facts(data, lang),  # the project's figure, or its modules' each named
        "budget_amount": budget_amount_facts(data, lang),
        "place": place_facts(data, lang),
        "conflicts": conflicts_for(data, {p for c in data.get("conflicts", []) for p in c["applies_to"]}, lang),
    }
