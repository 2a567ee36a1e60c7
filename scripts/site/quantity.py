"""A qualified figure in words, and the source's contradictions about it: the pieces the fact record
(scripts/site/facts.py) words every number with, so that '± 6 maanden', 'minstens 21 uur per week' or
'2,5–3 (bron tegenstrijdig)' is written by one function for every view."""

from __future__ import annotations

from babel import Locale

from scripts.fiche import richtext
from scripts.fiche import schema as s
from scripts.fiche.collection import stated_number
from scripts.lang import ui_text


def plural_category(value: float, lang: str) -> str:
    """The CLDR plural category of a number in the language (Babel): French 1,5 is 'one', Dutch 1,5 'other'."""
    return Locale.parse(ui_text.locale(lang)).plural_form(abs(value))


def plural(unit: str, value: float, lang: str) -> str:
    """The unit's word for this number by the language's CLDR plural rule (Babel): 1,5 heure, 2 heures, 2 dagen."""
    key = f"unit_{unit}_{plural_category(value, lang)}"
    return ui_text.t(key if key in ui_text.LABELS else f"unit_{unit}_other", lang)


def duration_unit(duration: dict, lang: str) -> str:
    """'1 dag', '3 maanden', '1 an', '6 semaines': the unit's singular or plural by the language's CLDR rule."""
    forms = s.DURATION_UNIT_FORMS[duration["unit"]]
    if lang not in forms:  # a language added as data only: its value-list label
        return s.DURATION_UNITS[duration["unit"]][lang]
    return forms[lang][0 if plural_category(duration["amount"], lang) == "one" else 1]


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


def contradicted(record: dict, numbers: list[float], lang: str) -> dict:
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


def conflicts_for(data: dict, paths: frozenset[str] | set[str], lang: str, numeric: bool = False) -> list[dict]:
    """The source's contradictions about any of these field paths, as plain text in one language."""
    out = []
    for conflict in data.get("conflicts", []):
        if not paths & set(conflict["applies_to"]):
            continue
        numbers = [st["number"] for st in conflict["statements"] if "number" in st]
        if numeric and len(numbers) < 2:
            continue
        statements = [{"says": richtext.plain(st["says"][lang]), "number": st.get("number"),
                       "at": _source_place(data, st["source"], lang)} for st in conflict["statements"]]
        note = richtext.plain(conflict["note"][lang]) if "note" in conflict else None
        # what each statement says and where, side by side: 'Twee begeleiders (Gids, p. 1) ≠ Drie VTE (Gids, p. 2)'
        text = " ≠ ".join(f"{st['says']} ({st['at']})" for st in statements)
        out.append({"applies_to": list(conflict["applies_to"]), "numbers": numbers, "note": note,
                    "statements": statements, "text": text, "summary": f"{text} — {note}" if note else text})
    return out


def _source_place(data: dict, ref: dict, lang: str) -> str:
    sources = data.get("sources", [])
    index = ref["ref"] - 1
    title = richtext.plain(sources[index]["document"][lang]) if index < len(sources) else str(ref["ref"])
    return f"{title}, {ref['at']}" if ref.get("at") else title
