"""House-style YAML for fiches saved by the web editor (the normaliser in the save path).

The editor (Decap CMS) serialises a whole entry its own way. So that a fiche saved from
the form keeps the house style and a save produces only the lines that changed:
- an edit of an existing fiche is applied to the original text: a changed value is
  replaced in place (one title → one line of diff), a changed section (an item added,
  a field removed) is rewritten alone; unchanged data gives back the file byte for byte;
- a new fiche is written in schema key order with `{nl:, fr:}` texts.
Values compare as the validator reads them: empty values dropped, texts without trailing
blanks, dates and `yes` as strings.

A save never loses what a contributor wrote: the text written must read back as exactly what was saved
(checked after writing it, every time), a file that does not parse is never replaced by the form's data, and
anchors/aliases, oversized or deeply nested input are refused before anything is built from them. A refused
save raises SaveRefused with the reason in the site's languages; nothing is written.
"""

from __future__ import annotations

import re
import textwrap

import yaml

from scripts.editor.config import SCHEMA as s
from scripts.fiche import json_schema as fiche_jsonschema
from scripts.fiche.loader import MAX_BYTES
from scripts.lang import languages, ui_text

WIDTH = 110
BOOL_TAG = "tag:yaml.org,2002:bool"
TIMESTAMP_TAG = "tag:yaml.org,2002:timestamp"


class PlainLoader(yaml.SafeLoader):
    """YAML as the validator sees it: dates and yes/no stay text."""


PlainLoader.yaml_implicit_resolvers = {
    first: [(tag, rx) for tag, rx in resolvers if tag not in (BOOL_TAG, TIMESTAMP_TAG)]
    for first, resolvers in yaml.SafeLoader.yaml_implicit_resolvers.items()
}


def load(text: str):
    return yaml.load(text, Loader=PlainLoader)


class SaveRefused(ValueError):
    """Nothing was written: saving would have lost or changed what the contributor wrote. `code` names the
    wording (ui_text `editor_refused_<code>`), shown in every language of the site."""

    def __init__(self, code: str, detail: str = ""):
        self.code, self.detail = code, " ".join(detail.split())[:200]
        super().__init__(self.message(languages.codes()[0]))

    def message(self, lang: str) -> str:
        return ui_text.t(f"editor_refused_{self.code}", lang, detail=self.detail)

    def messages(self) -> str:
        """One line for the editor's notice: the reason in each language of the site."""
        return " / ".join(self.message(lang) for lang in languages.codes())


def _has_alias(text: str) -> bool:
    """Any alias (*name), from the parser's events: nothing is expanded, so an alias bomb costs nothing."""
    if "*" not in text:
        return False
    return any(isinstance(event, yaml.AliasEvent) for event in yaml.parse(text, Loader=PlainLoader))


def _read(text: str, unreadable: str):
    """`text` loaded, or SaveRefused(`unreadable`): too big, aliases, nesting or syntax never get further."""
    if len(text.encode("utf-8")) > MAX_BYTES:
        raise SaveRefused("too_big", str(MAX_BYTES))
    try:
        if _has_alias(text):
            raise SaveRefused("alias")
        return load(text)
    except yaml.YAMLError as exc:
        raise SaveRefused(unreadable, str(getattr(exc, "problem", None) or exc)) from None
    except RecursionError:
        raise SaveRefused(unreadable, "nesting too deep") from None


# --- the data as the validator reads it ----------------------------------------------

def clean(value, node: s.Node | None = None):
    """Drop empty values, order keys as the schema does, strip texts like the validator."""
    if isinstance(value, dict):
        fields = node.fields if isinstance(node, s.Obj) else ()
        order = [f.name for f in fields] if fields else (list(s.LANGS) if isinstance(node, s.Text) else [])
        out = {}
        for key in order + [k for k in value if k not in order]:
            if key not in value:
                continue
            sub = None
            if isinstance(node, s.Obj):
                found = node.get(key)
                sub = found.node if found else None
            elif isinstance(node, s.Text):
                sub = node
            item = clean(value[key], sub)
            if item not in (None, "", [], {}):
                out[key] = item
        return out
    if isinstance(value, list):
        item_node = node.item if isinstance(node, s.List) else None
        items = [clean(v, item_node) for v in value]
        return [v for v in items if v not in (None, "", [], {})]
    if isinstance(value, str):
        if isinstance(node, s.Text):
            return value.strip() if node.inline else value.rstrip()
        return value.strip()
    if isinstance(value, float) and value.is_integer() and isinstance(node, s.Number) and node.integer:
        return int(value)
    return value


# --- writing a new fiche -----------------------------------------------------------------

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
    pad = " " * indent
    if "\n" in value:
        if not literal_ok(value):
            return [quoted(value)]
        return ["|-"] + [pad + line if line else "" for line in value.split("\n")]
    if prefix_len + len(value) <= WIDTH:
        return [scalar(value)]
    if folded and folded_ok(value):
        return [">-"] + [pad + line for line in textwrap.wrap(value, WIDTH - indent, break_long_words=False,
                                                                break_on_hyphens=False)]
    return [scalar(value)]


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


def _field_lines(name: str, node: s.Node | None, value, indent: int) -> list[str]:
    pad = " " * indent
    if isinstance(node, s.Text) and isinstance(value, dict):
        return [f"{pad}{name}:"] + _text_lines(value, indent + 2)
    if isinstance(node, s.Obj) and isinstance(value, dict):
        if _flat(node):
            return [f"{pad}{name}: {{" + ", ".join(f"{k}: {_leaf(node.get(k), v)}" for k, v in value.items()) + "}"]
        return [f"{pad}{name}:"] + _obj_lines(node, value, indent + 2)
    if isinstance(node, s.List) and isinstance(value, list):
        item = node.item
        if not isinstance(item, (s.Obj, s.Text)):
            return [f"{pad}{name}: [" + ", ".join(_leaf(item, v) for v in value) + "]"]
        lines = [f"{pad}{name}:"]
        for entry in value:
            sub = _obj_lines(item, entry, indent + 4) if isinstance(item, s.Obj) else _text_lines(entry, indent + 4)
            lines.append(f"{pad}  - " + sub[0][indent + 4:])
            lines += sub[1:]
        return lines
    if isinstance(value, (dict, list)):  # not in the schema: the validator will name it; keep it readable
        dumped = yaml.safe_dump({name: value}, allow_unicode=True, sort_keys=False, width=WIDTH)
        return [pad + line for line in dumped.rstrip("\n").split("\n")]
    return [f"{pad}{name}: {_leaf(node, value)}"]


def _leaf(node: s.Node | None, value) -> str:
    if isinstance(node, s.Date) and isinstance(value, str) and len(value) < 10:
        return f'"{value}"'  # 2016-10 stays text for every YAML reader
    return scalar(value)


def _obj_lines(node: s.Obj, value: dict, indent: int) -> list[str]:
    lines = []
    for key, item in value.items():
        field = node.get(key)
        lines += _field_lines(key, field.node if field else None, item, indent)
    return lines


def dump(data: dict) -> str:
    """A new fiche in house style: schema key order, `{nl:, fr:}` texts, block scalars for long text."""
    return "\n".join(_obj_lines(s.FICHE, clean(data, s.FICHE), 0)) + "\n"


# --- updating an existing fiche in place ---------------------------------------------------

class _Structural(Exception):
    """The change is not one value: rewrite the enclosing top-level section."""


def _replace_scalar(text: str, node: yaml.ScalarNode, value, schema: s.Node | None,
                    edits: list[tuple[int, int, str]]) -> None:
    start, end = node.start_mark.index, node.end_mark.index
    if node.style in ("|", ">"):
        end = start + len(text[start:end].rstrip())
        lines = text[:start].rsplit("\n", 1)[-1]  # what stands before the indicator on its line
        body = text[start:end].split("\n")
        indent = len(body[1]) - len(body[1].lstrip(" ")) if len(body) > 1 else len(lines) + 2
        value = str(value)
        if node.style == ">" and folded_ok(value):
            out = [">-"] + [" " * indent + line for line in
                            textwrap.wrap(value, WIDTH - indent, break_long_words=False, break_on_hyphens=False)]
        elif literal_ok(value):
            out = ["|-"] + [" " * indent + line if line else "" for line in value.split("\n")]
        else:
            out = [quoted(value)]
        edits.append((start, end, "\n".join(out)))
        return
    if isinstance(value, str) and "\n" in value:
        raise _Structural
    edits.append((start, end, _leaf(schema, value)))


def _diff(text: str, node: yaml.Node, old, new, schema: s.Node | None, edits: list) -> None:
    if old == new:
        return
    if isinstance(node, yaml.ScalarNode) and not isinstance(new, (dict, list)) and not isinstance(old, (dict, list)):
        _replace_scalar(text, node, new, schema, edits)
        return
    if isinstance(node, yaml.MappingNode) and isinstance(old, dict) and isinstance(new, dict):
        if set(old) != set(new):
            raise _Structural
        for key_node, value_node in node.value:
            key = key_node.value
            if key not in old:  # an empty value the cleaner dropped
                continue
            if isinstance(schema, s.Obj):
                field = schema.get(key)
                sub = field.node if field else None
            else:
                sub = schema if isinstance(schema, s.Text) else None
            _diff(text, value_node, old[key], new[key], sub, edits)
        return
    if isinstance(node, yaml.SequenceNode) and isinstance(old, list) and isinstance(new, list):
        kept = [n for n in node.value if clean(load_node_value(n)) not in (None, "", [], {})]
        if len(old) != len(new) or len(kept) != len(old):
            raise _Structural
        item = schema.item if isinstance(schema, s.List) else None
        for item_node, a, b in zip(kept, old, new, strict=True):
            _diff(text, item_node, a, b, item, edits)
        return
    raise _Structural


def load_node_value(node: yaml.Node):
    loader = PlainLoader("")
    try:
        return loader.construct_object(node, deep=True)
    finally:
        loader.dispose()


def update(old_text: str, new_data: dict) -> str:
    """`old_text` with `new_data` applied, touching only what changed. A file that cannot be read is never
    replaced by the form (which then holds only what the editor could show of it): SaveRefused."""
    if len(old_text.encode("utf-8")) > MAX_BYTES:
        raise SaveRefused("too_big", str(MAX_BYTES))
    try:
        if _has_alias(old_text):
            raise SaveRefused("alias")
        root = yaml.compose(old_text, Loader=PlainLoader)
    except yaml.YAMLError as exc:
        raise SaveRefused("file_unreadable", str(getattr(exc, "problem", None) or exc)) from None
    except RecursionError:
        raise SaveRefused("file_unreadable", "nesting too deep") from None
    if root is None:  # an empty file: nothing in it to keep
        return dump(new_data)
    if not isinstance(root, yaml.MappingNode):
        raise SaveRefused("file_unreadable", "not a mapping of fields")
    old = clean(load_node_value(root), s.FICHE)
    new = clean(new_data, s.FICHE)
    if old == new:
        return old_text
    lines = old_text.split("\n")
    top = [(k.value, k, v) for k, v in root.value if isinstance(k, yaml.ScalarNode)]
    starts = [k.start_mark.line for _, k, _ in top] + [len(lines)]
    edits: list[tuple[int, int, str]] = []  # character offsets in old_text
    line_offsets = [0]
    for line in lines:
        line_offsets.append(line_offsets[-1] + len(line) + 1)

    def region(index: int) -> tuple[int, int]:
        first, last = starts[index], starts[index + 1]
        while last - 1 > first and (not lines[last - 1].strip() or lines[last - 1].lstrip().startswith("#")):
            last -= 1
        return line_offsets[first], line_offsets[last]

    present = set()
    for index, (key, _key_node, value_node) in enumerate(top):
        present.add(key)
        field = s.FICHE.get(key)
        node = field.node if field else None
        if key not in new:
            if key in old:
                a, b = region(index)
                edits.append((a, b, ""))
            continue
        if old.get(key) == new[key]:
            continue
        local: list = []
        try:
            if key not in old:
                raise _Structural
            _diff(old_text, value_node, old[key], new[key], node, local)
            edits += local
        except _Structural:
            a, b = region(index)
            edits.append((a, b, "\n".join(_field_lines(key, node, new[key], 0)) + "\n"))
    # Fields new to this fiche go after the field that precedes them in the schema.
    order = [f.name for f in s.FICHE.fields]
    inserts: dict[int, str] = {}
    for key in new:  # `new` is in schema order (clean), so fields inserted at one place stay in order
        if key in present:
            continue
        before = [k for k in order[: order.index(key)] if k in present] if key in order else list(present)
        anchor = max((i for i, (k, _, _) in enumerate(top) if k in before), default=-1)
        at = region(anchor)[1] if anchor >= 0 else (region(0)[0] if top else len(old_text))
        field = s.FICHE.get(key)
        inserts[at] = inserts.get(at, "") + "\n".join(_field_lines(key, field.node if field else None,
                                                                    new[key], 0)) + "\n"
    edits += [(at, at, text) for at, text in inserts.items()]
    out = old_text
    for a, b, replacement in sorted(edits, key=lambda e: (e[0], e[1]), reverse=True):
        out = out[:a] + replacement + out[b:]
    return out


def save(old_text: str | None, raw_from_editor: str) -> str:
    """The file to write for what the editor sent: a new fiche dumped, an existing one updated. The result is
    read back and must hold exactly what was sent (as the validator reads it), or nothing is written."""
    data = _read(raw_from_editor, "form_unreadable")
    if data is None:
        data = {}
    if not isinstance(data, dict):
        raise SaveRefused("form_unreadable", "not a mapping of fields")
    # a new fiche's first line: the JSON Schema for text editors, as the scaffold writes it
    text = fiche_jsonschema.modeline() + "\n" + dump(data) if old_text is None else update(old_text, data)
    if text != old_text:
        try:
            written = clean(load(text), s.FICHE)
        except (yaml.YAMLError, RecursionError) as exc:
            raise SaveRefused("round_trip", str(exc)) from None
        if written != clean(data, s.FICHE):
            raise SaveRefused("round_trip", _first_difference(written, clean(data, s.FICHE)))
    return text


def _first_difference(written, wanted, path: str = "") -> str:
    """Where the text read back differs from the form (for the message), e.g. `summary.nl`."""
    if isinstance(written, dict) and isinstance(wanted, dict):
        for key in list(wanted) + [k for k in written if k not in wanted]:
            if written.get(key) != wanted.get(key):
                return _first_difference(written.get(key), wanted.get(key), f"{path}.{key}" if path else str(key))
    if isinstance(written, list) and isinstance(wanted, list) and len(written) == len(wanted):
        for index, (a, b) in enumerate(zip(written, wanted, strict=True)):
            if a != b:
                return _first_difference(a, b, f"{path}[{index}]")
    return path or "the file"
