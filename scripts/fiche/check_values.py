"""The checks of a single value against its schema node: short text, fiche reference, number, choice, date,
web address, e-mail address. A mixin of scripts.fiche.check.Checker (it reports through the checker).
"""

from __future__ import annotations

import datetime as dt
import math
import re
import unicodedata

import yaml

from scripts.fiche import schema as s
from scripts.fiche.hints import number_hint, thousands
from scripts.fiche.nodes import YAML_BOOL, YAML_FLOAT, YAML_INT, YAML_TRUE
from scripts.fiche.problems import Joined, closest_first, did_you_mean, msg

# What a short code (a page reference such as `p. 26, 1.5`, an id) may not hold: markup a Markdown reader of the
# open data would act on, an HTML entity, a line break.
CODE_MARKUP = re.compile(r"[<>\[\]`*_\\|]|&(?:#[0-9]|#[xX][0-9a-fA-F]|[A-Za-z][A-Za-z0-9]*;)|[\n\r\x85\u2028\u2029]")
EMAIL = re.compile(s.EMAIL_PATTERN)
FICHE_ID = s.Str(pattern=s.ID_PATTERN, example="ocmw-antwerpen-amie")  # how a reference to a fiche is checked
# The forms a date, a partial date and a link take (whole value, fullmatch); the editor's form uses these too.
DATE_FULL = r"\d{4}-\d{2}-\d{2}"
DATE_PARTIAL = r"\d{4}(-\d{2}(-\d{2})?)?"


def date_form(schema: s.Date) -> str:
    return DATE_PARTIAL if schema.partial else DATE_FULL


def url_form(schema: s.Url) -> str:
    return "(?:" + "|".join(schema.schemes) + r")://[^\s<>\"']+"


class ValueChecks:
    def _scalar(self, node: yaml.Node, path: str, wanted: str) -> str | None:
        if not isinstance(node, yaml.ScalarNode):
            self._expect(node, path, wanted)
            return None
        return node.value

    def _str(self, schema: s.Str, node: yaml.Node, path: str):
        value = self._scalar(node, path, msg("want_short"))
        if value is None:
            return None
        if len(value) > schema.max_len:
            self.report(node, path, msg("str_too_long", length=len(value), limit=schema.max_len))
            return None
        if schema.pattern and not re.fullmatch(schema.pattern, value):  # fullmatch: `$` alone lets "x\n" pass
            hint = msg("example", example=schema.example) if schema.example else ""
            self.report(node, path, msg("wrong_form", value=repr(value), example=hint))
            return None
        markup = None if schema.pattern else CODE_MARKUP.search(value)  # a pattern says the form itself
        if markup:
            char = markup.group(0)
            shown = f"U+{ord(char):04X}" if char.isspace() else repr(char)
            self.report(node, path, msg("code_markup", char=shown))
            return None
        return value

    def _ficheref(self, schema: s.FicheRef, node: yaml.Node, path: str):
        return self._str(FICHE_ID, node, path)

    def _number(self, schema: s.Number, node: yaml.Node, path: str):
        value = self._scalar(node, path, msg("want_number"))
        if value is None:
            return None
        if node.tag not in (YAML_INT, YAML_FLOAT):
            self.report(node, path, msg("number_expected", value=repr(value), hint=number_hint(value)))
            return None
        try:
            number = float(value.replace("_", ""))
        except ValueError:
            self.report(node, path, msg("number_expected", value=repr(value), hint=""))
            return None
        if not math.isfinite(number):
            self.report(node, path, msg("not_finite", value=repr(value)))
            return None
        meant = thousands(value)
        if meant is not None and schema.money:  # `45.000` euro is never 45 euro
            self.report(node, path, msg("thousands_money", value=value, read=num(number), meant=meant))
            return None
        too_small = number < schema.minimum or (schema.exclusive_minimum and number <= schema.minimum)
        out_of_range = too_small or number > schema.maximum
        if meant is not None and (out_of_range or _in_range(schema, meant)):
            self.report(node, path, msg("thousands_warning", value=value, read=num(number), meant=meant),
                        "warning")
        if schema.integer and not number.is_integer():
            self.report(node, path, msg("not_whole", value=value))
            return None
        if too_small:
            op = ">" if schema.exclusive_minimum else "≥"
            self.report(node, path, msg("out_of_range", value=value, op=op, bound=num(schema.minimum)))
            return None
        if number > schema.maximum:
            self.report(node, path, msg("out_of_range", value=value, op="≤", bound=num(schema.maximum)))
            return None
        return int(number) if number.is_integer() else number

    def _enum(self, schema: s.Enum, node: yaml.Node, path: str):
        value = self._scalar(node, path, msg("want_one_of", values=", ".join(schema.values)))
        if value is None:
            return None
        if schema.values is s.YES and node.tag == YAML_BOOL:
            # what editors and YAML dumpers write for a flag (true/false): false is the flag left out
            return "yes" if value.lower() in YAML_TRUE else None
        if value not in schema.values:
            self.report(node, path, msg("enum_unknown", value=repr(value),
                                        values=", ".join(closest_first(value, schema.values, schema.values)),
                                        hint=did_you_mean(value, schema.values)))
            return None
        return value

    def _date(self, schema: s.Date, node: yaml.Node, path: str):
        value = self._scalar(node, path, msg("want_date"))
        if value is None:
            return None
        value = value.strip()
        if not re.fullmatch(date_form(schema), value):
            wanted = msg("forms_partial") if schema.partial else msg("forms_full")
            self.report(node, path, msg("date_form", forms=wanted, value=repr(value)))
            return None
        try:
            padded = value + "-01" * (2 - value.count("-"))
            dt.date.fromisoformat(padded)
        except ValueError:
            self.report(node, path, msg("not_real_date", value=repr(value)))
            return None
        return value

    def _url(self, schema: s.Url, node: yaml.Node, path: str):
        value = self._scalar(node, path, msg("want_url"))
        if value is None:
            return None
        if not re.fullmatch(url_form(schema), value):
            self.report(node, path, msg("url_scheme", value=repr(value[:60]),
                                        schemes=Joined(tuple(f"{x}://" for x in schema.schemes))))
            return None
        return value

    def _email(self, schema: s.Email, node: yaml.Node, path: str):
        value = self._scalar(node, path, msg("want_email"))
        if value is None:
            return None
        if not EMAIL.fullmatch(value):
            self.report(node, path, msg("not_email", value=repr(value[:60])))
            return None
        if schema.organisation_only and looks_personal(value):
            self.report(node, path, msg("personal_email", value=repr(value[:60])))
            return None
        return value


_NAME_PART = re.compile(r"[a-z]+")


def looks_personal(address: str) -> bool:
    """jan.peeters@, j.peeters@, jan_peeters@: two or more name-like words, none of them a service's word."""
    local = unicodedata.normalize("NFKD", address.split("@", 1)[0].lower()).encode("ascii", "ignore").decode()
    parts = re.split(r"[._-]", local)
    if len(parts) < 2 or not all(_NAME_PART.fullmatch(part) for part in parts):
        return False
    return not any(part in s.MAILBOX_WORDS for part in parts)


def num(value: float) -> str:
    return str(int(value)) if float(value).is_integer() else str(value)


def _in_range(schema: s.Number, value: str) -> bool:
    number = float(value)
    above = number > schema.minimum or (not schema.exclusive_minimum and number == schema.minimum)
    return above and number <= schema.maximum
