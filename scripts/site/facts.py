"""The one per-language fact record of a fiche and of a module's set-up.

The fiche page (its key facts, staffing table, module set-ups, contradictions), module page, catalogue card,
compare table and competence overview (through data.json: the browser only places the words), CSV, fiches.json
and charts all read these records, so a label, a number or a phrase such as "ongeveer 6 maanden" is written
once and cannot differ between them. quantity.py words a qualified figure, module_setup.py a module's set-up;
their names are importable from here too.
"""

from __future__ import annotations

import datetime as dt
import os

from babel import Locale
from babel.lists import format_list
from babel.numbers import format_currency

from scripts.fiche import richtext
from scripts.fiche import schema as s
from scripts.fiche.collection import Fiche, planned_end_state, stated_number, total_fte
from scripts.lang import ui_text
from scripts.site.module_setup import intensity_phrases as intensity_phrases
from scripts.site.module_setup import module_hours_facts as module_hours_facts
from scripts.site.module_setup import module_setup_conflicts as module_setup_conflicts
from scripts.site.module_setup import setup_facts as setup_facts
from scripts.site.quantity import bare as bare
from scripts.site.quantity import conflicts_for as conflicts_for
from scripts.site.quantity import contradicted
from scripts.site.quantity import duration_unit as duration_unit
from scripts.site.quantity import plural as plural
from scripts.site.quantity import quantity_facts as quantity_facts

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


def fiche_facts(fiche: Fiche, lang: str) -> dict:
    """What every view of a fiche shows, in one language: names as plain text, labels, figures with their
    basis, each worded once (the page, its key facts, card, compare, open data and module pages read it)."""
    data = fiche.data
    plain = richtext.plain
    codes = facet_codes(data)
    modules = module_facts(data, lang)
    record = {
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
        "modules": modules,
        "module_kinds": module_kinds(modules, lang),
        "period": data.get("period"),
        "last_reviewed": data["last_reviewed"],
        "draft": fiche.is_draft,
        "contact": contact_facts(data, lang),
        **provenance_facts(fiche, lang, modules=modules),
    }
    record["team"] = team_facts(data, lang, record["fte"])
    record["budget_mismatch"] = budget_mismatch(record["budget_personnel_fte"], record["total_fte"], lang)
    return record


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


def team_facts(data: dict, lang: str, fte: dict) -> dict:
    """The roles as every view words them ('2 × trajectbegeleider (0,5 VTE)'), how many people they name (a
    role without a count is one person; 0 when the source names none) and the one line that sums them up."""
    n, t = ui_text.number, ui_text.t
    roles = []
    for role in (data.get("staffing") or {}).get("roles") or []:
        count, name = role.get("count", 1), richtext.plain(role["role"][lang])
        roles.append({"count": count, "fte": role["fte"], "fte_text": n(role["fte"], lang),
                      "text": f"{count} × {name} ({n(role['fte'], lang)} {t('fte', lang)})"})
    text = f"{t('semicolon', lang)} ".join(role["text"] for role in roles)
    if fte["value"] is not None:
        text += f" — {t('total_fte', lang)} {fte['text']}"
    return {"persons": sum(role["count"] for role in roles), "roles": roles, "text": text}


def budget_mismatch(budget_fte: float | None, team_fte: float | None, lang: str) -> str | None:
    """The warning where the budget line's FTE differs from the team's sum: both figures stand in the source."""
    if budget_fte is None or team_fte is None or abs(budget_fte - team_fte) <= 1e-6:
        return None
    n = ui_text.number
    return ui_text.t("budget_mismatch", lang, budget=n(budget_fte, lang), team=n(team_fte, lang))


def module_facts(data: dict, lang: str) -> list[dict]:
    """Each module's set-up facts (module_setup.setup_facts), with the phrases of its set-up line."""
    out = []
    for m in data.get("modules", []):
        record = {"id": m["id"], "name": richtext.plain(m["name"][lang]), "kind": s.MODULE_KINDS[m["kind"]][lang],
                  **setup_facts(m.get("setup", {}), lang, module_setup_conflicts(data, m["id"], lang))}
        record["phrases"] = intensity_phrases(record, lang)
        out.append(record)
    return out


def module_kinds(modules: list[dict], lang: str) -> dict:
    """How many modules of each kind ('2 × Groepssessie'), kinds in alphabetical order, and their number."""
    counts: dict[str, int] = {}
    for m in modules:
        counts[m["kind"]] = counts.get(m["kind"], 0) + 1
    kinds = [{"label": kind, "count": count, "text": f"{count} × {kind}"}
             for kind, count in sorted(counts.items(), key=lambda item: item[0].lower())]
    return {"count_text": ui_text.plural("module_count", len(modules), lang) if modules else None,
            "kinds": kinds}


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


def fte_facts(data: dict, lang: str) -> dict:
    """The team's size: the sum of the roles, or the range the source's contradicting statements span."""
    n = ui_text.number
    team = total_fte(data)
    conflicts = conflicts_for(data, FTE_PATHS, lang, numeric=True)
    numbers = [x for c in conflicts for x in c["numbers"]] + ([team] if team is not None else [])
    if not numbers:
        return {"value": None, "min": None, "max": None, "conflict": None, "text": None, "short": None,
                "with_unit": None, "sum_text": ""}
    low, high = min(numbers), max(numbers)
    unit = ui_text.t("fte", lang)
    if conflicts and low != high:
        short = f"{n(low, lang)}–{n(high, lang)}"
        mark = f" ({ui_text.t('source_contradicts', lang)})"
    else:
        short, mark = n(team if team is not None else low, lang), ""
    # the unit belongs to the figure, the qualifier follows both: '2,5–3 VTE (bron tegenstrijdig)'
    return {"value": team, "min": low, "max": high, "conflict": conflicts[0] if conflicts else None,
            "conflicts": conflicts, "text": short + mark, "short": short, "with_unit": f"{short} {unit}{mark}",
            "sum_text": n(team, lang)}  # the roles' sum alone, under the staffing table


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
        record.update(contradicted(record, numbers, lang))
    named = module_intensities(module_facts(data, lang) if modules is None else modules)
    record["modules"] = named if record["text"] is None else []
    record.update(_intensity_lines(record, lang))
    return record


def _intensity_lines(hours: dict, lang: str) -> dict:
    """How the project's intensity reads: on a card (`display`: its figure, else each module's, named) and in
    the key facts and compare table (`lines`, joined in `key_text`: its figures, else the source's words about
    its week and each module's intensity, named), so that no module's hours are read as the whole project's."""
    colon = ui_text.t("colon", lang)
    named = [f"{m['name']}{colon} {m['text']}" for m in hours["modules"]]
    stated = [text for text in (hours["text"], hours["days_text"]) if text]
    lines = stated or ([hours["source_text"]] if hours["source_text"] else []) + named
    return {"display": hours["text"] or (ui_text.t("semicolon", lang) + " ").join(named)
            or ui_text.t("not_given", lang),
            "lines": lines, "key_text": " · ".join(lines) or None}


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
    lat, lon = coordinates["lat"], coordinates["lon"]
    return {"lat": lat, "lon": lon, "approximate": approximate,
            "text": f"{ui_text.number(lat, lang)}, {ui_text.number(lon, lang)}",
            "flag": ui_text.t("approximate_place", lang) if approximate else None,
            "basis": richtext.plain(coordinates["basis"][lang]) if "basis" in coordinates else None}


def provenance_facts(fiche: Fiche, lang: str, today: dt.date | None = None,
                     modules: list[dict] | None = None) -> dict:
    """Everything a view needs to say how sure and how dated a fiche's figures are."""
    data = fiche.data
    return {
        "as_of": as_of_facts(data, lang),
        "period_facts": period_facts(data.get("period"), lang, today),
        "fte": fte_facts(data, lang),
        "hours": hours_facts(data, lang, modules),  # the project's figure, or its modules' each named
        "budget_amount": budget_amount_facts(data, lang),
        "place": place_facts(data, lang),
        "conflicts": conflicts_for(data, {p for c in data.get("conflicts", []) for p in c["applies_to"]}, lang),
    }
