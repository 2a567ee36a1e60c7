"""Check a YAML node tree against the schema, collecting every problem with its position.

Works on composed nodes (not constructed Python values) so that each problem can
name line and column, duplicate keys are seen, and tags or aliases are refused
before anything is built from them.
"""

from __future__ import annotations

import datetime as dt
import math
import re

import yaml

from scripts import fiche_schema as s
from scripts.problems import Problem, did_you_mean

YAML_STR = "tag:yaml.org,2002:str"
YAML_INT = "tag:yaml.org,2002:int"
YAML_FLOAT = "tag:yaml.org,2002:float"
YAML_BOOL = "tag:yaml.org,2002:bool"
YAML_NULL = "tag:yaml.org,2002:null"
YAML_TIMESTAMP = "tag:yaml.org,2002:timestamp"
YAML_MAP = "tag:yaml.org,2002:map"
YAML_SEQ = "tag:yaml.org,2002:seq"
ALLOWED_TAGS = {YAML_STR, YAML_INT, YAML_FLOAT, YAML_BOOL, YAML_NULL, YAML_TIMESTAMP, YAML_MAP, YAML_SEQ}

RAW_HTML = re.compile(r"</?[a-zA-Z!?]")
AUTOLINK = re.compile(r"<(?:https?://|mailto:)[^<>\s]*>")
MD_LINK = re.compile(r"\]\(\s*<?([^)\s>]*)")
BARE_SCHEME = re.compile(r"\b([a-zA-Z][a-zA-Z0-9+.-]{0,31}):(?!\s)")
LONG_WORD = 60
EMAIL = re.compile(r"^[^@\s<>\"']+@[^@\s<>\"']+\.[a-zA-Z]{2,}$")
SAFE_SCHEMES = {"http", "https", "mailto"}
FICHE_ID = s.Str(pattern=s.ID_PATTERN, example="ocmw-antwerpen-amie")  # how a reference to a fiche is checked


class Checker:
    """One instance per file; `draft` relaxes translation completeness to warnings."""

    def __init__(self, filename: str):
        self.filename = filename
        self.problems: list[Problem] = []
        self.seen: set[int] = set()
        self.draft = False

    # -- reporting --------------------------------------------------------------
    def report(self, node: yaml.Node | None, path: str, message: str, severity: str = "error") -> None:
        mark = node.start_mark if node is not None else None
        line, col = (mark.line + 1, mark.column + 1) if mark else (1, 1)
        self.problems.append(Problem(self.filename, line, col, path, message, severity))

    # -- entry point ------------------------------------------------------------
    def check_fiche(self, root: yaml.Node) -> dict | None:
        if not isinstance(root, yaml.MappingNode):
            kind = "a list" if isinstance(root, yaml.SequenceNode) else "a single value"
            self.report(root, "", f"a fiche must be a YAML mapping of fields, got {kind}")
            return None
        status = self._peek_scalar(root, "status")
        self.draft = status == "draft"
        return self.check(s.FICHE, root, "")

    @staticmethod
    def _peek_scalar(mapping: yaml.MappingNode, key: str) -> str | None:
        for k, v in mapping.value:
            if isinstance(k, yaml.ScalarNode) and k.value == key and isinstance(v, yaml.ScalarNode):
                return v.value
        return None

    # -- dispatch ---------------------------------------------------------------
    def check(self, schema: s.Node, node: yaml.Node, path: str):
        if id(node) in self.seen:
            self.report(node, path, "YAML anchors and aliases (&name / *name) are not allowed; write the value out")
            return None
        self.seen.add(id(node))
        if node.tag not in ALLOWED_TAGS:
            self.report(node, path, f"YAML tag {node.tag!r} is not allowed")
            return None
        handler = getattr(self, "_" + type(schema).__name__.lower())
        return handler(schema, node, path)

    def _expect(self, node: yaml.Node, path: str, wanted: str) -> None:
        if isinstance(node, yaml.ScalarNode):
            got = repr(node.value) if node.tag != YAML_NULL else "nothing (empty value)"
        elif isinstance(node, yaml.SequenceNode):
            got = "a list"
        else:
            got = "a mapping"
        self.report(node, path, f"expected {wanted}, got {got}")

    # -- containers -------------------------------------------------------------
    def _mapping_items(self, node: yaml.MappingNode, path: str):
        """Yield (key, key_node, value_node), reporting duplicate and non-string keys."""
        keys: dict[str, yaml.Node] = {}
        for key_node, value_node in node.value:
            if not isinstance(key_node, yaml.ScalarNode) or key_node.tag not in (YAML_STR, YAML_INT, YAML_BOOL):
                self.report(key_node, path, "keys must be plain words")
                continue
            key = key_node.value
            if key in keys:
                first = keys[key].start_mark.line + 1
                self.report(key_node, _join(path, key), f"duplicate key (first defined on line {first}); "
                                                        "YAML would silently keep only the last one")
                continue
            keys[key] = key_node
            yield key, key_node, value_node

    def _obj(self, schema: s.Obj, node: yaml.Node, path: str):
        if not isinstance(node, yaml.MappingNode):
            self._expect(node, path, "a mapping of fields")
            return None
        out: dict = {}
        names = [f.name for f in schema.fields]
        for key, key_node, value_node in self._mapping_items(node, path):
            field = schema.get(key)
            if field is None:
                self.report(key_node, _join(path, key), "unknown field" + did_you_mean(key, names))
                continue
            if _is_null(value_node):
                if field.required:
                    self.report(value_node, _join(path, key), "required field is empty")
                else:
                    self.report(value_node, _join(path, key), "empty value; fill it in or remove the field")
                continue
            value = self.check(field.node, value_node, _join(path, key))
            if value is not None:
                out[key] = value
        present = {k.value for k, _ in node.value if isinstance(k, yaml.ScalarNode)}
        for field in schema.fields:
            if field.required and field.name not in present:
                self.report(node, _join(path, field.name), "required field is missing")
        if schema.min_fields and not present & set(names):
            self.report(node, path, f"give at least one of: {', '.join(names)}")
        return out

    def _list(self, schema: s.List, node: yaml.Node, path: str):
        if not isinstance(node, yaml.SequenceNode):
            self._expect(node, path, "a list (lines starting with '- ')")
            return None
        if len(node.value) < schema.min_items:
            self.report(node, path, f"needs at least {schema.min_items} item(s)")
        if len(node.value) > schema.max_items:
            self.report(node, path, f"has {len(node.value)} items; at most {schema.max_items} are allowed")
            return None
        out = []
        seen_values: dict = {}
        for index, item in enumerate(node.value):
            item_path = f"{path}[{index}]"
            if _is_null(item):
                self.report(item, item_path, "empty list item")
                continue
            value = self.check(schema.item, item, item_path)
            if value is None:
                continue
            if schema.unique:
                marker = repr(value)
                if marker in seen_values:
                    self.report(item, item_path, f"{_short(value)} is listed twice")
                    continue
                seen_values[marker] = True
            out.append(value)
        return out

    # -- texts ------------------------------------------------------------------
    def _text(self, schema: s.Text, node: yaml.Node, path: str):
        if not isinstance(node, yaml.MappingNode):
            self._expect(node, path, "a text in both languages, e.g. {nl: ..., fr: ...}")
            return None
        out = {}
        reported: set[str] = set()
        for key, key_node, value_node in self._mapping_items(node, path):
            lang_path = _join(path, key)
            if key not in s.LANGS:
                comma_trap = node.flow_style and (" " in key or _is_null(value_node))
                hint = (" (a comma inside {nl: ..., fr: ...} starts a new key: put the text in quotes)"
                        if comma_trap else did_you_mean(key, s.LANGS))
                self.report(key_node, lang_path, f"unknown language{hint}; use {' and '.join(s.LANGS)}")
                continue
            if _is_null(value_node):
                continue  # reported as missing below
            reported.add(key)
            if id(value_node) in self.seen:
                self.report(value_node, lang_path, "YAML anchors and aliases (&name / *name) are not allowed; "
                                                   "write the value out")
                continue
            self.seen.add(id(value_node))
            if value_node.tag not in ALLOWED_TAGS:
                self.report(value_node, lang_path, f"YAML tag {value_node.tag!r} is not allowed")
                continue
            if not isinstance(value_node, yaml.ScalarNode):
                self._expect(value_node, lang_path, "text")
                continue
            value = str(value_node.value)
            if value_node.tag != YAML_STR:
                self.report(value_node, lang_path, f"expected text, got {value!r}; put it in quotes")
                continue
            self._text_content(schema, value_node, lang_path, value)
            if value.strip():
                out[key] = value.strip() if schema.inline else value.rstrip()
            else:
                reported.discard(key)
        if not out and not reported and self.draft:
            self.report(node, path, "text missing in both languages (even a draft needs one)")
            return None
        for lang in s.LANGS:
            if lang not in out and lang not in reported:
                if self.draft:
                    self.report(node, _join(path, lang), "translation missing (allowed in a draft)", "warning")
                else:
                    self.report(node, _join(path, lang), "text missing or empty in this language")
        return out or None

    def _text_content(self, schema: s.Text, node: yaml.Node, path: str, value: str) -> None:
        if len(value) > schema.max_len:
            self.report(node, path, f"text is {len(value)} characters; the limit is {schema.max_len}")
            return
        if schema.inline and "\n" in value.strip():
            self.report(node, path, "must be a single line")
        without_autolinks = AUTOLINK.sub("", value)
        if RAW_HTML.search(without_autolinks):
            self.report(node, path, "raw HTML is not allowed in text; use Markdown (see the contributor guide)")
        for target in MD_LINK.findall(value):
            self._link_target(node, path, target)
        for scheme in BARE_SCHEME.findall(value):
            if scheme.lower() in ("javascript", "data", "vbscript", "file"):
                self.report(node, path, f"'{scheme}:' links are not allowed; use http, https or mailto")
        for word in value.split():
            if len(word) > LONG_WORD and "://" not in word and "@" not in word:
                self.report(node, path, f"word of {len(word)} characters would break the layout: "
                                        f"{word[:30]}…", "warning")
                break

    def _link_target(self, node: yaml.Node, path: str, target: str) -> None:
        scheme = target.split(":", 1)[0].lower() if ":" in target else ""
        if scheme not in SAFE_SCHEMES:
            self.report(node, path, f"link {target[:60]!r} not allowed; links must start with http://, "
                                    "https:// or mailto:")

    # -- scalars ----------------------------------------------------------------
    def _scalar(self, node: yaml.Node, path: str, wanted: str) -> str | None:
        if not isinstance(node, yaml.ScalarNode):
            self._expect(node, path, wanted)
            return None
        return node.value

    def _str(self, schema: s.Str, node: yaml.Node, path: str):
        value = self._scalar(node, path, "a short text")
        if value is None:
            return None
        if len(value) > schema.max_len:
            self.report(node, path, f"is {len(value)} characters; the limit is {schema.max_len}")
            return None
        if schema.pattern and not re.match(schema.pattern, value):
            hint = f" (e.g. {schema.example})" if schema.example else ""
            self.report(node, path, f"{value!r} has the wrong form{hint}")
            return None
        return value

    def _ficheref(self, schema: s.FicheRef, node: yaml.Node, path: str):
        return self._str(FICHE_ID, node, path)

    def _number(self, schema: s.Number, node: yaml.Node, path: str):
        value = self._scalar(node, path, "a number")
        if value is None:
            return None
        if node.tag not in (YAML_INT, YAML_FLOAT):
            hint = ""
            if re.fullmatch(r"\s*-?\d+,\d+\s*", value):
                hint = f" (use a decimal point: {value.strip().replace(',', '.')})"
            self.report(node, path, f"expected a number, got {value!r}{hint}")
            return None
        try:
            number = float(value.replace("_", ""))
        except ValueError:
            self.report(node, path, f"expected a number, got {value!r}")
            return None
        if not math.isfinite(number):
            self.report(node, path, f"expected a finite number, got {value!r}")
            return None
        if schema.integer and not number.is_integer():
            self.report(node, path, f"expected a whole number, got {value}")
            return None
        if number < schema.minimum or (schema.exclusive_minimum and number <= schema.minimum):
            op = ">" if schema.exclusive_minimum else "≥"
            self.report(node, path, f"{value} is out of range; must be {op} {_num(schema.minimum)}")
            return None
        if number > schema.maximum:
            self.report(node, path, f"{value} is out of range; must be ≤ {_num(schema.maximum)}")
            return None
        return int(number) if number.is_integer() else number

    def _enum(self, schema: s.Enum, node: yaml.Node, path: str):
        value = self._scalar(node, path, "one of " + ", ".join(schema.values))
        if value is None:
            return None
        if value not in schema.values:
            self.report(node, path, f"{value!r} must be one of {', '.join(schema.values)}"
                        + did_you_mean(value, schema.values))
            return None
        return value

    def _date(self, schema: s.Date, node: yaml.Node, path: str):
        value = self._scalar(node, path, "a date (YYYY-MM-DD)")
        if value is None:
            return None
        value = value.strip()
        forms = [r"\d{4}-\d{2}-\d{2}"] + ([r"\d{4}-\d{2}", r"\d{4}"] if schema.partial else [])
        if not any(re.fullmatch(form, value) for form in forms):
            wanted = "YYYY, YYYY-MM or YYYY-MM-DD" if schema.partial else "YYYY-MM-DD"
            self.report(node, path, f"expected a date as {wanted}, got {value!r}")
            return None
        try:
            padded = value + "-01" * (2 - value.count("-"))
            dt.date.fromisoformat(padded)
        except ValueError:
            self.report(node, path, f"{value!r} is not a real date")
            return None
        return value

    def _url(self, schema: s.Url, node: yaml.Node, path: str):
        value = self._scalar(node, path, "a web address")
        if value is None:
            return None
        schemes = "|".join(schema.schemes)
        if not re.fullmatch(rf"(?:{schemes})://[^\s<>\"']+", value):
            self.report(node, path, f"{value[:60]!r} is not allowed; a link must start with "
                                    + " or ".join(f"{x}://" for x in schema.schemes))
            return None
        return value

    def _email(self, schema: s.Email, node: yaml.Node, path: str):
        value = self._scalar(node, path, "an e-mail address")
        if value is None:
            return None
        if not EMAIL.match(value):
            self.report(node, path, f"{value[:60]!r} is not an e-mail address")
            return None
        return value


def _is_null(node: yaml.Node) -> bool:
    return isinstance(node, yaml.ScalarNode) and node.tag == YAML_NULL


def _join(path: str, key: str) -> str:
    return f"{path}.{key}" if path else key


def _num(value: float) -> str:
    return str(int(value)) if float(value).is_integer() else str(value)


def _short(value) -> str:
    text = value if isinstance(value, str) else repr(value)
    return repr(text[:40])
