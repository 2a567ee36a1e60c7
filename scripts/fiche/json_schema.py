"""The fiche schema as JSON Schema (draft-07), from `fiche_schema.FICHE`: `python -m scripts.fiche.json_schema`.

Why: text editors with the YAML language server (VS Code's YAML extension and others) complete keys, show each
field's description in Dutch and French and flag a wrong value while the coordinator types, before the validator
runs. The build publishes it at `/schema/fiche.schema.json`; each fiche names it on its first line
(`# yaml-language-server: $schema=…`, written by `scripts.new_fiche`).

The validator stays the authority: a few of its rules cannot be said in JSON Schema (both languages of a text in a
published fiche, a personal-looking e-mail, a period that ends before it starts, references across fiches), and
what is said here never refuses what the validator accepts (YAML's `yes` and `true` for a flag, a year as a number).
"""

from __future__ import annotations

import json
import os
import sys

from scripts.fiche import schema as s
from scripts.fiche.check_values import EMAIL, FICHE_ID
from scripts.lang import languages

PATH = "schema/fiche.schema.json"  # site-root-relative address of the published schema
DRAFT = "http://json-schema.org/draft-07/schema#"
DEFAULT_SITE_URL = "http://127.0.0.1:8000/"  # mkdocs.yml's default: the preview of `bash scripts/serve.sh`
MODELINE = "# yaml-language-server: $schema="


def schema_url(site_url: str | None = None) -> str:
    """The schema's address on the site: SITE_URL (the public address, as in mkdocs.yml) or the preview's."""
    base = site_url or os.environ.get("SITE_URL") or DEFAULT_SITE_URL
    return base.rstrip("/") + "/" + PATH


def modeline(site_url: str | None = None) -> str:
    """The first line of a fiche: tells the YAML language server which schema the file follows."""
    return MODELINE + schema_url(site_url)


def _described(node: s.Node, out: dict) -> dict:
    texts = {lang: node.description[lang] for lang in languages.codes() if node.description.get(lang)}
    if texts:
        out["description"] = "\n\n".join(f"{lang.upper()}: {text}" for lang, text in texts.items())
        out["markdownDescription"] = "\n\n".join(f"**{lang.upper()}** {text}" for lang, text in texts.items())
    return out


def _date_pattern(partial: bool) -> str:
    return r"^\d{4}(-\d{2}(-\d{2})?)?$" if partial else r"^\d{4}-\d{2}-\d{2}$"


def node_schema(node: s.Node) -> dict:
    """One schema node as JSON Schema (recursive over objects and lists)."""
    for kind in type(node).__mro__:
        if kind in _SCHEMAS:
            return _described(node, _SCHEMAS[kind](node))
    raise TypeError(f"no JSON Schema for {type(node).__name__}")  # pragma: no cover - a new node type


def _text(node: s.Text) -> dict:
    text: dict = {"type": "string", "maxLength": node.max_len}
    if node.inline:
        text["pattern"] = r"^[^\n\r]*$"
    return {"type": "object", "properties": {lang: dict(text) for lang in languages.codes()},
            "additionalProperties": False, "minProperties": 1}


def _str(node: s.Str) -> dict:
    out = {"type": "string", "maxLength": node.max_len}
    if node.pattern:
        out["pattern"] = node.pattern
    if node.example:
        out["examples"] = [node.example]
    return out


def _fiche_ref(node: s.FicheRef) -> dict:
    return {"type": "string", "pattern": FICHE_ID.pattern, "maxLength": FICHE_ID.max_len}


def _number(node: s.Number) -> dict:
    out = {"type": "integer" if node.integer else "number", "maximum": node.maximum}
    out["exclusiveMinimum" if node.exclusive_minimum else "minimum"] = node.minimum
    return out


def _enum(node: s.Enum) -> dict:
    codes: list = list(node.values)
    labels = [" / ".join(labels[lang] for lang in languages.codes() if labels.get(lang))
              for labels in node.values.values()]
    if node.values is s.YES:  # what YAML 1.1 reads as a boolean, and what dumpers and editors write
        codes, labels = codes + [True, False], labels + labels[:1] + ["—"]
    return {"enum": codes, "enumDescriptions": labels, "markdownEnumDescriptions": labels}


def _date(node: s.Date) -> dict:
    out = {"type": ["string", "integer"] if node.partial else "string", "pattern": _date_pattern(node.partial)}
    if node.partial:
        out["minimum"] = 1000
        out["maximum"] = 9999
    return out


def _url(node: s.Url) -> dict:
    schemes = "|".join(node.schemes)
    return {"type": "string", "format": "uri", "pattern": rf"^({schemes})://[^\s<>\"']+$"}


def _email(node: s.Email) -> dict:
    return {"type": "string", "pattern": EMAIL.pattern}


def _list(node: s.List) -> dict:
    out = {"type": "array", "items": node_schema(node.item), "maxItems": node.max_items}
    if node.min_items:
        out["minItems"] = node.min_items
    if node.unique:
        out["uniqueItems"] = True
    return out


def _object(node: s.Obj) -> dict:
    out: dict = {"type": "object", "properties": {f.name: node_schema(f.node) for f in node.fields},
                 "additionalProperties": False}
    required = [f.name for f in node.fields if f.required]
    if required:
        out["required"] = required
    alternatives = []
    if node.min_fields:  # at least one of the fields
        alternatives.append({"anyOf": [{"required": [f.name]} for f in node.fields]})
    if node.needs_one_of:  # the whole object says where it comes from
        alternatives.append({"anyOf": [{"required": [name]} for name in node.needs_one_of]})
    if alternatives:
        out["allOf"] = alternatives
    dependencies = {f.name: {"anyOf": [{"required": [name]} for name in f.needs_one_of]}
                    for f in node.fields if f.needs_one_of}
    if dependencies:
        out["dependencies"] = dependencies
    return out


_SCHEMAS = {s.Text: _text, s.Str: _str, s.FicheRef: _fiche_ref, s.Number: _number, s.Enum: _enum, s.Date: _date,
            s.Url: _url, s.Email: _email, s.List: _list, s.Obj: _object}


def fiche_schema() -> dict:
    return {"$schema": DRAFT, "title": "Fiche", **node_schema(s.FICHE)}


def text() -> str:
    """The schema as the build writes it (stable key order, UTF-8: the descriptions are Dutch and French)."""
    return json.dumps(fiche_schema(), ensure_ascii=False, indent=1) + "\n"


if __name__ == "__main__":
    sys.stdout.write(text())
