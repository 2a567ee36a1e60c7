"""Interface wording in each language. Language is data: the texts are in docs/_data/interface.<lang>.yml
(section `labels`, read by scripts/lang/wording.py); templates and views look them up here by key."""

from __future__ import annotations

import datetime as dt

from babel import Locale
from babel.dates import format_date
from babel.numbers import format_decimal

from scripts.lang import typography, wording

NUMBER_FORMAT = "0.##"  # no thousands separator, up to two decimals: 0,5 · 1,25 · 12
DATE_FORMATS = {2: "MMMM y", 3: "d MMMM y"}  # month and year; day, month and year


def typeset(text: str, lang: str) -> str:
    """A language's typographic rules (French: a no-break space before : ; ? ! and inside guillemets), applied
    once to its interface strings, so no template or label can forget them."""
    fixer = typography.LABELS.get(lang)
    return fixer(text) if fixer and text else text


def labels() -> dict[str, dict[str, str]]:
    """key → {lang: text}, typeset, for the site's languages (read at first use, kept per data folder)."""
    return wording.section("labels", rules=typography.LABELS)


def __getattr__(name: str):
    if name == "LABELS":  # the table under its old name: ui_text.LABELS[key][lang]
        return labels()
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")


def t(key: str, lang: str, **values) -> str:
    text = wording.text("labels", key, lang, labels())
    return text.format(**values) if values else text


def locale(lang: str) -> str:
    """The language's conventions for numbers and dates, as Babel names them (nl_BE): its file's `locale`."""
    return locale_tag(lang).replace("-", "_")


def locale_tag(lang: str) -> str:
    """The same locale as the browser names it (nl-BE): the page ships it to its scripts (Intl)."""
    return wording.value(lang, "locale")


def plural(key: str, n: float, lang: str, **values) -> str:
    """The _one or _other form of a label, by the language's own plural rule (CLDR via Babel: in French
    0 and 1 are singular, in Dutch only 1)."""
    form = "one" if Locale.parse(locale(lang)).plural_form(n) == "one" else "other"
    return t(f"{key}_{form}", lang, n=number(n, lang), **values)


def number(value: float | int | None, lang: str) -> str:
    """A figure as the reader's language writes it (decimal comma in Belgium), at most two decimals."""
    if value is None:
        return ""
    return format_decimal(value, format=NUMBER_FORMAT, locale=locale(lang))


def date(value: str, lang: str) -> str:
    """Human date from YYYY, YYYY-MM or YYYY-MM-DD (a fiche's dates are as precise as its source)."""
    parts = [int(part) for part in value.split("-")]
    if len(parts) == 1:
        return str(parts[0])
    pattern = DATE_FORMATS[len(parts)]
    return format_date(dt.date(parts[0], parts[1], parts[2] if len(parts) == 3 else 1), pattern, locale=locale(lang))
