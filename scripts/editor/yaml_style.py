"""House-style YAML lines for fiche values the web editor writes: a new fiche, or a section an edit rewrote.

Schema key order, `{nl:, fr:}` texts, short objects and code lists on one line, long texts as block scalars
(folded when they are one wrapped line, literal when they hold line breaks) — the way fiches are written by hand,
so a saved fiche reads like the others and its diff shows only what changed. A text a block scalar cannot hold
exactly is written double-quoted, where YAML escapes it: every value reads back as it was.
"""

from __future__ import annotations

import re
import textwrap

import yaml

from scripts.editor.config import SCHEMA as s
from scripts.editor.yaml_read import clean

WIDTH = 110

# Characters a block scalar (| or >) cannot hold as they are: YAML's other line breaks (CR, NEL, U+2028, U+2029)
# would read back as newlines or spaces, a tab or a BOM may be expanded or refused, and non-printable characters
# are not YAML. A text holding one is written double-quoted, where YAML escapes them.
_NOT_IN_BLOCK = re.compile("[^\n\x20-\x7e\xa0-\u2027\u202a-\ud7ff\ue000-\ufefe\uff00-\ufffd"
                           "\U00010000-\U0010ffff]")


def literal_ok(value: str) -> bool:
    """A literal block (|-) reads back as `value`: no character it cannot hold, and its first line of text does
    not start with a space (YAML takes the block's indentation from that line; "   x" pasted from a PDF made
    the lines after it unreadable)."""
    if _NOT_IN_BLOCK.search(value):
        return False
    first = value.lstrip("\n").split("\n", 1)[0]
    return not first.startswith(" ") and first.strip() != ""


def folded_ok(value: str) -> bool:
    """A folded block (>-) of wrapped lines reads back as `value`: one line, single spaces, nothing to escape."""
    return "\n" not in value and value == value.strip() and "  " not in value and not _NOT_IN_BLOCK.search(value)


def quoted(value: str) -> str:
    """A text as one double-quoted line: YAML escapes every line break and special character in it."""
    text = yaml.safe_dump([value], default_flow_style=True, default_style='"', allow_unicode=True,
                          width=10**9).strip()
    return text[1:-1]


def scalar(value) -> str:
    """One value on one line, safe inside both block and flow collections."""
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, int):
        return str(value)
    if isinstance(value, float):
        return str(int(value)) if value.is_integer() else repr(value)
    if isinstance(value, str) and ("\n" in value or _NOT_IN_BLOCK.search(value)):
        return quoted(value)
    text = yaml.safe_dump([value], default_flow_style=True, allow_unicode=True, width=10**9).strip()
    return text[1:-1] if "\n" not in text else quoted(str(value))


def _text_value(value: str, indent: int, prefix_len: int, folded: bool = True) -> list[str]:
    """`key: ` is already written (prefix_len columns); return the value's first part and further lines."""
    if "\n" in value:
        return literal_lines(value, indent) if literal_ok(value) else [quoted(value)]
    if prefix_len + len(value) <= WIDTH:
        return [scalar(value)]
    if folded and folded_ok(value):
        return folded_lines(value, indent)
    return [scalar(value)]


def literal_lines(value: str, indent: int) -> list[str]:
    """A literal block (|-): the indicator, then each line of the text."""
    return ["|-"] + [" " * indent + line if line else "" for line in value.split("\n")]


def folded_lines(value: str, indent: int) -> list[str]:
    """A folded block (>-): the indicator, then the one-line text wrapped at the house width."""
    return [">-"] + [" " * indent + line for line in textwrap.wrap(value, WIDTH - indent, break_long_words=False,
                                                                     break_on_hyphens=False)]


def _text_lines(value: dict, indent: int) -> list[str]:
    pad = " " * indent
    lines = []
    for lang, text in value.items():
        first, *rest = _text_value(str(text), indent + 2, indent + len(lang) + 2)
        lines.append(f"{pad}{lang}: {first}")
        lines += rest
    return lines


def _flat(node: s.Obj) -> bool:
    return all(isinstance(f.node, (s.Number, s.Enum, s.Date, s.Str)) for f in node.fields)


def field_lines(name: str, node: s.Node | None, value, indent: int) -> list[str]:
    pad = " " * indent
    if isinstance(node, s.Text) and isinstance(value, dict):
        return [f"{pad}{name}:"] + _text_lines(value, indent + 2)
    if isinstance(node, s.Obj) and isinstance(value, dict):
        if _flat(node):
            return [f"{pad}{name}: {{" + ", ".join(f"{k}: {leaf(node.get(k), v)}" for k, v in value.items()) + "}"]
        return [f"{pad}{name}:"] + _obj_lines(node, value, indent + 2)
    if isinstance(node, s.List) and isinstance(value, list):
        item = node.item
        if not isinstance(item, (s.Obj, s.Text)):
            return [f"{pad}{name}: [" + ", ".join(leaf(item, v) for v in value) + "]"]
        lines = [f"{pad}{name}:"]
        for entry in value:
            sub = _obj_lines(item, entry, indent + 4) if isinstance(item, s.Obj) else _text_lines(entry, indent + 4)
            lines.append(f"{pad}  - " + sub[0][indent + 4:])
            lines += sub[1:]
        return lines
    if isinstance(value, (dict, list)):  # not in the schema: the validator will name it; keep it readable
        dumped = yaml.safe_dump({name: value}, allow_unicode=True, sort_keys=False, width=WIDTH)
        return [pad + line for line in dumped.rstrip("\n").split("\n")]
    return [f"{pad}{name}: {leaf(node, value)}"]


def leaf(node: s.Node | None, value) -> str:
    if isinstance(node, s.Date) and isinstance(value, str) and len(value) < 10:
        return f'"{value}"'  # 2016-10 stays text for every YAML reader
    return scalar(value)


def _obj_lines(node: s.Obj, value: dict, indent: int) -> list[str]:
    lines = []
    for key, item in value.items():
        field = node.get(key)
        lines += field_lines(key, field.node if field else None, item, indent)
    return lines


def dump(data: dict) -> str:
    """A new fiche in house style: schema key order, `{nl:, fr:}` texts, block scalars for long text."""
    return "\n".join(_obj_lines(s.FICHE, clean(data, s.FICHE), 0)) + "\n"
