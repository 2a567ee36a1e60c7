"""The glossary (docs/_data/glossary.yml): loaded with positions and checked like a fiche.

Its problems are `file:line:col` records, reported by `python -m scripts.validate` and
stopping the build, the same way as a fiche's.
"""

from __future__ import annotations

import re
from pathlib import Path

import yaml

from scripts import fiche_schema as s
from scripts.fiche_collection import display_path
from scripts.languages import DATA_DIR
from scripts.problems import Problem

GLOSSARY_FILE = DATA_DIR / "glossary.yml"
PARTS = ("term", "expansion", "definition")
ID = re.compile(r"^[a-z0-9]+(?:-[a-z0-9]+)*$")
UNSAFE_EXPANSION = re.compile(r"[\[\]*\n\"]")  # shown in a title="" tooltip: one plain line


def _problem(name: str, node, field: str, message: str) -> Problem:
    mark = getattr(node, "start_mark", None) or getattr(node, "problem_mark", None)
    return Problem(name, mark.line + 1 if mark else 1, mark.column + 1 if mark else 1, field, message)


def load_glossary(path: Path = GLOSSARY_FILE) -> tuple[list[dict], list[Problem]]:
    """The entries and every problem found (entries with problems are left out)."""
    if not path.is_file():
        return [], []
    name = display_path(path)
    try:
        root = yaml.compose(path.read_text(encoding="utf-8"), Loader=yaml.SafeLoader)
    except (yaml.YAMLError, UnicodeDecodeError) as exc:
        return [], [_problem(name, exc, "", f"invalid YAML: {getattr(exc, 'problem', None) or exc}")]
    if root is None:
        return [], []
    if not isinstance(root, yaml.SequenceNode):
        return [], [_problem(name, root, "", "the glossary is a list of entries")]
    entries, problems = [], []
    seen: dict[str, set[str]] = {"id": set()} | {lang: set() for lang in s.LANGS}  # ids and terms per language
    for index, node in enumerate(root.value):
        entry, found = _entry(name, node, f"[{index}]", seen)
        problems.extend(found)
        if not found:
            for key in seen:
                seen[key].add(entry["id"] if key == "id" else entry[key]["term"])
            entries.append(entry)
    return entries, problems


def _entry(name: str, node, where: str, seen: dict[str, set[str]]) -> tuple[dict, list[Problem]]:
    if not isinstance(node, yaml.MappingNode):
        return {}, [_problem(name, node, where, "an entry is a mapping with id and one block per language")]
    fields = {key.value: value for key, value in node.value}
    found = []
    entry_id = fields.get("id")
    if not isinstance(entry_id, yaml.ScalarNode) or not ID.match(entry_id.value):
        found.append(_problem(name, entry_id or node, f"{where}.id", "expected a lowercase id such as ocmw or ila"))
    elif entry_id.value in seen["id"]:
        found.append(_problem(name, entry_id, f"{where}.id", f"duplicate id {entry_id.value!r}"))
    entry = {"id": entry_id.value if isinstance(entry_id, yaml.ScalarNode) else ""}
    for lang in s.LANGS:
        entry[lang], lang_problems = _language_block(name, fields.get(lang) or node, f"{where}.{lang}", seen[lang])
        found.extend(lang_problems)
    return entry, found


def _language_block(name: str, block, where: str, terms: set[str]) -> tuple[dict, list[Problem]]:
    if not isinstance(block, yaml.MappingNode) or not any(key.value in PARTS for key, _ in block.value):
        return {}, [_problem(name, block, where, f"missing block ({', '.join(PARTS)})")]
    texts = {key.value: value for key, value in block.value}
    part, found = {}, []
    for key in PARTS:
        value = texts.get(key)
        if not isinstance(value, yaml.ScalarNode) or not value.value.strip():
            found.append(_problem(name, value or block, f"{where}.{key}", "expected a non-empty text"))
        else:
            part[key] = value.value
    if UNSAFE_EXPANSION.search(part.get("expansion", "")):
        found.append(_problem(name, texts["expansion"], f"{where}.expansion",
                              "an expansion is one plain line: no [ ] *, quotes or line breaks"))
    if part.get("term") in terms:
        found.append(_problem(name, texts["term"], f"{where}.term", f"duplicate term {part['term']!r}"))
    return part, found
