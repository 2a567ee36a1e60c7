"""Check a YAML node tree against the schema, collecting every problem with its position.

Works on composed nodes (not constructed Python values) so that each problem can
name line and column, duplicate keys are seen, and tags or aliases are refused
before anything is built from them. This module walks the tree (mappings, lists, what every node must be);
the checks of texts (scripts/fiche/check_text.py) and of single values (check_values.py) are mixed into the
one Checker, which dispatches on the schema node's type.
"""

from __future__ import annotations

import datetime as dt
import re
import unicodedata

import yaml

from scripts.fiche import schema as s
from scripts.fiche.check_text import TextChecks
from scripts.fiche.check_values import ValueChecks
from scripts.fiche.hints import suggest_field
from scripts.fiche.loader import INVISIBLE
from scripts.fiche.nodes import ALLOWED_TAGS, YAML_BOOL, YAML_INT, YAML_NULL, YAML_STR, is_null, join
from scripts.fiche.problems import Joined, Problem, closest_first, msg

# Control characters that reach a value through escapes in double quotes ("\r", "\x00", "\e" …); raw ones
# are refused by the loader. A tab and a newline are ordinary text.
CONTROL = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f]")


class Checker(TextChecks, ValueChecks):
    """One instance per file; `draft` relaxes translation completeness to warnings."""

    def __init__(self, filename: str):
        self.filename = filename
        self.problems: list[Problem] = []
        self.seen: set[int] = set()
        self.draft = False
        # Control characters can only arrive through escapes ("\x00"): the loader replaced raw ones. A file
        # without a backslash (most) skips the per-value scan; raw NEL and CR are line breaks to YAML.
        self.escapes = True

    # -- reporting --------------------------------------------------------------
    def report(self, node: yaml.Node | None, path: str, text, severity: str = "error", line: int | None = None) -> None:
        mark = node.start_mark if node is not None else None
        at_line, col = (mark.line + 1, mark.column + 1) if mark else (1, 1)
        if line is not None and line != at_line:
            at_line, col = line, 1
        self.problems.append(Problem.of(self.filename, at_line, col, path, text, severity))

    # -- entry point ------------------------------------------------------------
    def check_fiche(self, root: yaml.Node) -> dict | None:
        if not isinstance(root, yaml.MappingNode):
            kind = msg("kind_list") if isinstance(root, yaml.SequenceNode) else msg("kind_scalar")
            self.report(root, "", msg("not_mapping", kind=kind))
            return None
        status = self._peek_scalar(root, "status")
        self.draft = status == "draft"
        data = self.check(s.FICHE, root, "")
        if data is not None:
            self._period_order(root, data)
        return data

    def _period_order(self, root: yaml.MappingNode, data: dict) -> None:
        """A period ends after it starts: compare the latest day `end` can mean with the first of `start`."""
        period = data.get("period") or {}
        start, end = period.get("start"), period.get("end")
        if start and end and _last_day(end) < _first_day(start):
            node = _child(_child(root, "period"), "end")
            self.report(node, "period.end", msg("period_order", start=start, end=end))

    @staticmethod
    def _peek_scalar(mapping: yaml.MappingNode, key: str) -> str | None:
        for k, v in mapping.value:
            if isinstance(k, yaml.ScalarNode) and k.value == key and isinstance(v, yaml.ScalarNode):
                return v.value
        return None

    # -- dispatch ---------------------------------------------------------------
    def admitted(self, node: yaml.Node, path: str) -> bool:
        """A node read once (a second visit is an alias) and with a tag YAML's safe loader gives; else reported."""
        if id(node) in self.seen:
            self.report(node, path, msg("alias"))
            return False
        self.seen.add(id(node))
        if node.tag not in ALLOWED_TAGS:
            self.report(node, path, msg("tag", tag=repr(node.tag)))
            return False
        return True

    def check(self, schema: s.Node, node: yaml.Node, path: str):
        if not self.admitted(node, path):
            return None
        if self.escapes and isinstance(node, yaml.ScalarNode) and self._unsafe_chars(node, path, node.value):
            return None
        handler = getattr(self, "_" + type(schema).__name__.lower())
        return handler(schema, node, path)

    def _unsafe_chars(self, node: yaml.Node, path: str, value: str) -> bool:
        """A control character (through an escape) or an invisible one (bidi override, zero-width): reported."""
        control = CONTROL.search(value)
        if control:
            self.report(node, path, msg("control_escape", code=f"{ord(control.group(0)):04X}"))
            return True
        invisible = INVISIBLE.search(value)
        if invisible:
            char = invisible.group(0)
            self.report(node, path, msg("invisible", code=f"{ord(char):04X}",
                                        name=unicodedata.name(char, "").lower() or "?"))
            return True
        return False

    def _expect(self, node: yaml.Node, path: str, wanted) -> None:
        if isinstance(node, yaml.ScalarNode):
            got = repr(node.value) if node.tag != YAML_NULL else msg("kind_empty")
        elif isinstance(node, yaml.SequenceNode):
            got = msg("kind_list")
        else:
            got = msg("kind_mapping")
        self.report(node, path, msg("expected", wanted=wanted, got=got))

    # -- containers -------------------------------------------------------------
    def _mapping_items(self, node: yaml.MappingNode, path: str):
        """Yield (key, key_node, value_node), reporting duplicate and non-string keys."""
        keys: dict[str, yaml.Node] = {}
        for key_node, value_node in node.value:
            if not isinstance(key_node, yaml.ScalarNode) or key_node.tag not in (YAML_STR, YAML_INT, YAML_BOOL):
                self.report(key_node, path, msg("key_not_word"))
                continue
            key = key_node.value
            if key in keys:
                first = keys[key].start_mark.line + 1
                self.report(key_node, join(path, key), msg("duplicate_key", line=first))
                continue
            keys[key] = key_node
            yield key, key_node, value_node

    def _obj(self, schema: s.Obj, node: yaml.Node, path: str):
        if not isinstance(node, yaml.MappingNode):
            self._expect(node, path, msg("want_mapping"))
            return None
        out: dict = {}
        names = [f.name for f in schema.fields]
        for key, key_node, value_node in self._mapping_items(node, path):
            field = schema.get(key)
            if field is None:
                self.report(key_node, join(path, key), msg("unknown_field", hint=suggest_field(schema, key),
                                                            allowed=", ".join(closest_first(key, names))))
                continue
            if is_null(value_node):
                if field.required:
                    self.report(value_node, join(path, key), msg("required_empty"))
                else:
                    self.report(value_node, join(path, key), msg("empty_value"))
                continue
            value = self.check(field.node, value_node, join(path, key))
            if value is not None:
                out[key] = value
        present = {k.value for k, _ in node.value if isinstance(k, yaml.ScalarNode)}
        for field in schema.fields:
            if field.required and field.name not in present:
                self.report(node, join(path, field.name), msg("required_missing"))
        if schema.min_fields and not present & set(names):
            self.report(node, path, msg("min_fields", names=", ".join(names)))
        self._provenance(schema, node, path, present)
        return out

    def _provenance(self, schema: s.Obj, node: yaml.MappingNode, path: str, present: set) -> None:
        """A value whose schema names `needs_one_of` must say where it comes from (its source or `inferred`)."""
        if schema.needs_one_of and not present & set(schema.needs_one_of):
            self.report(node, path, msg("needs_source", names=Joined(tuple(schema.needs_one_of)), tail=""))
        for field in schema.fields:
            if field.needs_one_of and field.name in present and not present & set(field.needs_one_of):
                key_node = next(k for k, _ in node.value if isinstance(k, yaml.ScalarNode) and k.value == field.name)
                self.report(key_node, join(path, field.name),
                            msg("needs_source", names=Joined(tuple(field.needs_one_of)), tail=msg("needs_source_tail")))

    def _list(self, schema: s.List, node: yaml.Node, path: str):
        if not isinstance(node, yaml.SequenceNode):
            self._expect(node, path, msg("want_list"))
            return None
        if len(node.value) < schema.min_items:
            self.report(node, path, msg("min_items", count=schema.min_items))
        if len(node.value) > schema.max_items:
            self.report(node, path, msg("max_items", count=len(node.value), limit=schema.max_items))
            return None
        out = []
        seen_values: dict = {}
        for index, item in enumerate(node.value):
            item_path = f"{path}[{index}]"
            if is_null(item):
                self.report(item, item_path, msg("empty_item"))
                continue
            value = self.check(schema.item, item, item_path)
            if value is None:
                continue
            if schema.unique:
                marker = repr(value)
                if marker in seen_values:
                    self.report(item, item_path, msg("listed_twice", value=_short(value)))
                    continue
                seen_values[marker] = True
            out.append(value)
        return out


def _short(value) -> str:
    text = value if isinstance(value, str) else repr(value)
    return repr(text[:40])


def _first_day(value: str) -> str:
    return value + "-01" * (2 - value.count("-"))


def _last_day(value: str) -> str:
    if value.count("-") == 2:
        return value
    if value.count("-") == 1:
        year, month = map(int, value.split("-"))
        following = dt.date(year + month // 12, month % 12 + 1, 1)
        return (following - dt.timedelta(days=1)).isoformat()
    return value + "-12-31"


def _child(node: yaml.Node | None, key: str) -> yaml.Node | None:
    if isinstance(node, yaml.MappingNode):
        for key_node, value_node in node.value:
            if getattr(key_node, "value", None) == key:
                return value_node
    return None
