"""What the local web editor writes for a save: the fiche file, changed only where the form changed it.

Decap CMS serialises a whole entry its own way (its YAML format: every comment dropped, flow style undone), so
saved as it is, one title edit rewrote the whole file: measured on the eight fiches, 287–1,041 changed lines and
every comment gone (31 lines, the schema line and each fiche's source note among them). Instead:
- an edit of an existing fiche is applied to the original text: a changed value is replaced in place (one title
  → one line of diff), a changed section (an item added, a field removed) is rewritten alone in house style
  (yaml_style.py), comments and the rest stay as written; unchanged data gives back the file byte for byte;
- a new fiche is written in house style under the schema line (the JSON Schema for text editors).

A save never loses what a contributor wrote (issue 23): a file that does not parse is never replaced by the form,
and the text written must read back as exactly what was saved (as the validator reads it), or SaveRefused.
"""

from __future__ import annotations

from dataclasses import dataclass, field

import yaml

from scripts.editor import yaml_read
from scripts.editor import yaml_style as house
from scripts.editor.config import SCHEMA as s
from scripts.editor.yaml_read import EMPTY, SaveRefused, child, clean, compose, guarded, load, node_value
from scripts.fiche import json_schema as fiche_jsonschema

__all__ = ["SaveRefused", "clean", "load", "save", "update"]  # what the proxy, preview and tests use


class _Structural(Exception):
    """The change is not one value: rewrite the enclosing top-level section."""


def _replace_scalar(text: str, node: yaml.ScalarNode, value, schema: s.Node | None, edits: list) -> None:
    start, end = node.start_mark.index, node.end_mark.index
    if node.style not in ("|", ">"):
        if isinstance(value, str) and "\n" in value:
            raise _Structural
        edits.append((start, end, house.leaf(schema, value)))
        return
    end = start + len(text[start:end].rstrip())
    before = text[:start].rsplit("\n", 1)[-1]  # what stands before the indicator on its line
    body = text[start:end].split("\n")
    indent = len(body[1]) - len(body[1].lstrip(" ")) if len(body) > 1 else len(before) + 2
    value = str(value)
    if node.style == ">" and house.folded_ok(value):
        out = house.folded_lines(value, indent)
    else:
        out = house.literal_lines(value, indent) if house.literal_ok(value) else [house.quoted(value)]
    edits.append((start, end, "\n".join(out)))


def _diff(text: str, node: yaml.Node, old, new, schema: s.Node | None, edits: list) -> None:
    """The edits that turn `old` into `new` inside `node`, value by value; _Structural when the shape changed."""
    if old == new:
        return
    if isinstance(node, yaml.ScalarNode) and not isinstance(new, (dict, list)) and not isinstance(old, (dict, list)):
        _replace_scalar(text, node, new, schema, edits)
    elif isinstance(node, yaml.MappingNode) and isinstance(old, dict) and isinstance(new, dict):
        _diff_mapping(text, node, old, new, schema, edits)
    elif isinstance(node, yaml.SequenceNode) and isinstance(old, list) and isinstance(new, list):
        _diff_sequence(text, node, old, new, schema, edits)
    else:
        raise _Structural


def _diff_mapping(text: str, node: yaml.MappingNode, old: dict, new: dict, schema: s.Node | None,
                  edits: list) -> None:
    if set(old) != set(new):
        raise _Structural
    for key_node, value_node in node.value:
        if key_node.value in old:  # else an empty value the cleaner dropped
            key = key_node.value
            _diff(text, value_node, old[key], new[key], child(schema, key), edits)


def _diff_sequence(text: str, node: yaml.SequenceNode, old: list, new: list, schema: s.Node | None,
                   edits: list) -> None:
    kept = [n for n in node.value if clean(node_value(n)) not in EMPTY]
    if len(old) != len(new) or len(kept) != len(old):
        raise _Structural
    item = schema.item if isinstance(schema, s.List) else None
    for item_node, a, b in zip(kept, old, new, strict=True):
        _diff(text, item_node, a, b, item, edits)


@dataclass
class _Sections:
    """The top-level fields of the old text and the character range each one's lines take."""

    text: str
    root: yaml.MappingNode
    top: list = field(init=False)
    starts: list = field(init=False)
    lines: list = field(init=False)
    offsets: list = field(init=False)

    def __post_init__(self) -> None:
        self.lines = self.text.split("\n")
        self.top = [(k.value, v) for k, v in self.root.value if isinstance(k, yaml.ScalarNode)]
        self.starts = [k.start_mark.line for k, _ in self.root.value if isinstance(k, yaml.ScalarNode)]
        self.starts.append(len(self.lines))
        self.offsets = [0]
        for line in self.lines:
            self.offsets.append(self.offsets[-1] + len(line) + 1)

    def region(self, index: int) -> tuple[int, int]:
        """Section `index` from its key to its last value line (comments and blank lines after it stay)."""
        first, last = self.starts[index], self.starts[index + 1]
        while last - 1 > first and (not self.lines[last - 1].strip() or self.lines[last - 1].lstrip().startswith("#")):
            last -= 1
        return self.offsets[first], self.offsets[last]

    def insertion_point(self, key: str) -> int:
        """Where a field new to this fiche goes: after the present field that precedes it in the schema."""
        order = [f.name for f in s.FICHE.fields]
        present = [k for k, _ in self.top]
        before = [k for k in order[: order.index(key)] if k in present] if key in order else present
        anchor = max((i for i, k in enumerate(present) if k in before), default=-1)
        if anchor >= 0:
            return self.region(anchor)[1]
        return self.region(0)[0] if self.top else len(self.text)


def _section_lines(key: str, value) -> str:
    return "\n".join(house.field_lines(key, child(s.FICHE, key), value, 0)) + "\n"


def _section_edits(sections: _Sections, old: dict, new: dict) -> list:
    """Edits for the fields the old text has: removed, changed in place, or rewritten whole."""
    edits: list = []
    for index, (key, value_node) in enumerate(sections.top):
        if key not in new:
            if key in old:
                edits.append((*sections.region(index), ""))
            continue
        if old.get(key) == new[key]:
            continue
        local: list = []
        try:
            if key not in old:
                raise _Structural
            _diff(sections.text, value_node, old[key], new[key], child(s.FICHE, key), local)
            edits += local
        except _Structural:
            edits.append((*sections.region(index), _section_lines(key, new[key])))
    return edits


def _insert_edits(sections: _Sections, new: dict) -> list:
    """Fields new to this fiche; `new` is in schema order (clean), so fields inserted at one place stay in order."""
    present = {key for key, _ in sections.top}
    inserts: dict[int, str] = {}
    for key in new:
        if key not in present:
            at = sections.insertion_point(key)
            inserts[at] = inserts.get(at, "") + _section_lines(key, new[key])
    return [(at, at, text) for at, text in inserts.items()]


def update(old_text: str, new_data: dict) -> str:
    """`old_text` with `new_data` applied, touching only what changed. A file that cannot be read is never
    replaced by the form (which then holds only what the editor could show of it): SaveRefused."""
    root = guarded(compose, old_text, "file_unreadable")
    if root is None:  # an empty file: nothing in it to keep
        return house.dump(new_data)
    if not isinstance(root, yaml.MappingNode):
        raise SaveRefused("file_unreadable", "not a mapping of fields")
    old, new = clean(node_value(root), s.FICHE), clean(new_data, s.FICHE)
    if old == new:
        return old_text
    sections = _Sections(old_text, root)
    out = old_text
    edits = _section_edits(sections, old, new) + _insert_edits(sections, new)
    for a, b, replacement in sorted(edits, key=lambda e: (e[0], e[1]), reverse=True):
        out = out[:a] + replacement + out[b:]
    return out


def save(old_text: str | None, raw_from_editor: str) -> str:
    """The file to write for what the editor sent: a new fiche dumped, an existing one updated. The result is
    read back and must hold exactly what was sent (as the validator reads it), or nothing is written."""
    data = guarded(load, raw_from_editor, "form_unreadable")
    if data is None:
        data = {}
    if not isinstance(data, dict):
        raise SaveRefused("form_unreadable", "not a mapping of fields")
    # a new fiche's first line: the JSON Schema for text editors, as the scaffold writes it
    text = fiche_jsonschema.modeline() + "\n" + house.dump(data) if old_text is None else update(old_text, data)
    if text != old_text:
        wanted = clean(data, s.FICHE)
        try:
            written = clean(load(text), s.FICHE)
        except (yaml.YAMLError, RecursionError) as exc:
            raise SaveRefused("round_trip", str(exc)) from None
        if written != wanted:
            raise SaveRefused("round_trip", yaml_read.first_difference(written, wanted))
    return text
