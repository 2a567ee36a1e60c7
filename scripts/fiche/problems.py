"""Problem records, printed GCC style so editors can jump to them, in the reader's language.

A problem carries a message code and its parameters (a `Msg`); the wording is data, one template per
language in the section `messages` of docs/_data/interface.<lang>.yml. English is the default (developers, CI logs);
`validate.py --lang nl|fr` prints the same records for coordinators. `message` always
holds the English text so that tools and tests have one stable string.
"""

from __future__ import annotations

import difflib
import json
import re
from dataclasses import dataclass, field

from scripts.lang import typography, wording

DEVELOPER_LANG = "en"  # the validator's default language (CI logs, tools); not a language of the site


def message_langs() -> tuple[str, ...]:
    """The languages a message can be printed in: the developers' and the site's (each from its data file)."""
    return tuple(dict.fromkeys((DEVELOPER_LANG, *wording.site_langs())))


def messages() -> dict[str, dict[str, str]]:
    """code → {lang: template}; French templates get their no-break spaces as read (typography.TEMPLATES)."""
    return wording.section("messages", message_langs(), typography.TEMPLATES)


def template(code: str, lang: str) -> str:
    return wording.text("messages", code, lang, messages())


def __getattr__(name: str):
    if name == "MESSAGES":  # the table under its old name: MESSAGES[code][lang]
        return messages()
    if name == "MESSAGE_LANGS":
        return message_langs()
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")


@dataclass(frozen=True)
class Msg:
    """A message code with its parameters; rendered in a language only when printed."""

    code: str
    params: tuple = ()

    def render(self, lang: str = "en") -> str:
        values = {key: _render_value(value, lang) for key, value in self.params}
        return template(self.code, lang).format(**values)


def msg(_code: str, **params) -> Msg:
    if _code not in messages():
        raise KeyError(f"no message {_code!r}")
    return Msg(_code, tuple(params.items()))


def _render_value(value, lang: str) -> str:
    if isinstance(value, Msg):
        return value.render(lang)
    if isinstance(value, Joined):
        return value.render(lang)
    return str(value)


@dataclass(frozen=True)
class Joined:
    """Words joined with commas and a final 'and'/'or' in the reader's language."""

    items: tuple
    last: str = "or"

    def render(self, lang: str) -> str:
        words = [_render_value(item, lang) for item in self.items]
        if len(words) < 2:
            return "".join(words)
        return ", ".join(words[:-1]) + template(self.last, lang) + words[-1]


@dataclass(frozen=True, order=True)
class Problem:
    file: str
    line: int
    col: int
    field: str  # the machine path, 0-based (staffing.roles[0].fte): stable for tools
    message: str  # English text
    severity: str = "error"
    text: Msg | None = field(default=None, compare=False, repr=False)

    @classmethod
    def of(cls, file: str, line: int, col: int, path: str, text: Msg, severity: str = "error") -> Problem:
        return cls(file, line, col, path, text.render("en"), severity, text)

    @property
    def code(self) -> str:
        return self.text.code if self.text else ""

    def message_in(self, lang: str = "en") -> str:
        return self.text.render(lang) if self.text else self.message

    def where(self, lang: str = "en") -> str:
        return worded_path(self.field, lang)

    def format(self, lang: str = "en") -> str:
        where = f"{self.where(lang)}: " if self.field else ""
        # the severity word stays `error`/`warning` in every language: editors and CI parse it (GCC style)
        return escape_controls(f"{self.file}:{self.line}:{self.col}: {self.severity}: {where}{self.message_in(lang)}")

    def record(self, lang: str = "en") -> dict:
        return {"file": self.file, "line": self.line, "col": self.col, "field": self.field,
                "message": self.message_in(lang), "severity": self.severity}

    def __str__(self) -> str:
        return self.format("en")


_PATH_PART = re.compile(r"\[(\d+)\]|([^.\[\]]+)")


def worded_path(path: str, lang: str = "en") -> str:
    """`staffing.roles[0].fte` → `staffing › role 1 › fte` (1-based, in the reader's words)."""
    nouns = wording.section("item_nouns", message_langs())  # by list field: "rol", "rôle"
    parts: list[str] = []
    for index, key in _PATH_PART.findall(path):
        if key:
            parts.append(key)
        elif parts and parts[-1] in nouns:
            parts[-1] = f"{wording.text('item_nouns', parts[-1], lang, nouns)} {int(index) + 1}"
        else:
            parts.append(f"{template('item', lang)} {int(index) + 1}")
    return " › ".join(parts)


def _escape_char(char: str) -> str:
    code = ord(char)
    return {"\n": "\\n", "\r": "\\r", "\t": "\\t"}.get(char) or (f"\\x{code:02x}" if code < 0x100 else
                                                               f"\\u{code:04x}")


_UNSAFE = re.compile(r"[\x00-\x1f\x7f-\x9f\u00ad\u061c\u180e\u200b-\u200f\u2028-\u202e\u2060-\u2069"
                     r"\ufeff\ufff9-\ufffb]")


def escape_controls(text: str) -> str:
    """Control, line-separator and bidi characters as visible escapes: a file name or a value can
    never fake an output line or send terminal escapes."""
    return _UNSAFE.sub(lambda m: _escape_char(m.group(0)), text)


WORD_COMPARED = 60  # characters of a wrong value compared with the allowed ones (difflib is quadratic)


def did_you_mean(word: str, options) -> Msg | str:
    close = difflib.get_close_matches(str(word)[:WORD_COMPARED], list(options), n=1, cutoff=0.6)
    return msg("did_you_mean", name=close[0]) if close else ""


def closest_first(word: str, options, labels: dict | None = None) -> list[str]:
    """The allowed values, the few most like `word` first (closest first), then the others in the schema's order.

    `labels`: a value's names in each language ({"ocmw": {"nl": "OCMW", "fr": "CPAS"}}), so that `cpas` brings
    `ocmw` first."""
    options = list(options)
    names = {option.lower(): option for option in options}
    for option, texts in (labels or {}).items():
        for text in texts.values():
            names.setdefault(str(text).lower(), option)
    close = difflib.get_close_matches(str(word)[:WORD_COMPARED].lower(), list(names), n=8, cutoff=0.5)
    first = list(dict.fromkeys(names[name] for name in close))[:5]
    return first + [option for option in options if option not in first]


def format_problems(problems: list[Problem], as_json: bool = False, lang: str = DEVELOPER_LANG) -> str:
    ordered = sorted(problems)
    if as_json:
        return json.dumps([p.record(lang) for p in ordered], ensure_ascii=False, indent=2)
    return "\n".join(p.format(lang) for p in ordered)


def has_errors(problems: list[Problem]) -> bool:
    return any(p.severity == "error" for p in problems)
