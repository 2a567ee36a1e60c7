"""The glossary (docs/_data/glossary.yml): loaded with positions and checked like a fiche.

Its problems are `file:line:col` records, reported by `python -m scripts.validate` and
stopping the build, the same way as a fiche's.
"""

from __future__ import annotations

import re
from pathlib import Path

import yaml

from scripts import fiche_schema as s
from scripts.fiche_collection import ROOT, display_path
from scripts.problems import Problem

GLOSSARY_FILE = ROOT / "docs" / "_data" / "glossary.yml"
PARTS = ("term", "expansion", "definition")
ID = re.compile(r"^[a-z0-9]+(?:-[a-z0-9]+)*$")
UNSAFE_EXPANSION = re.compile(r"[\[\]*\n\"]")  # shown in a title="" tooltip: one plain line


def load_glossary(path: Path = GLOSSARY_FILE) -> tuple[list[dict], list[Problem]]:
    """The entries and every problem found (entries with problems are left out)."""
    if not path.is_file():
        return [], []
    name = display_path(path)

    def problem(node, field: str, message: str) -> Problem:
        mark = node.start_mark if node is not None else None
        return Problem(name, mark.line + 1 if mark else 1, mark.column + 1 if mark else 1, field, message)

    try:
        root = yaml.compose(path.read_text(encoding="utf-8"), Loader=yaml.SafeLoader)
    except (yaml.YAMLError, UnicodeDecodeError) as exc:
        mark = getattr(exc, "problem_mark", None)
        return [], [Problem(name, mark.line + 1 if mark else 1, mark.column + 1 if mark else 1, "",
                            f"invalid YAML: {getattr(exc, 'problem', None) or exc}")]
    if root is None:
        return [], []
    if not isinstance(root, yaml.SequenceNode):
        return [], [problem(root, "", "the glossary is a list of entries")]
    entries, problems = [], []
    seen_ids: set[str] = set()
    seen_terms: dict[str, set[str]] = {lang: set() for lang in s.LANGS}
    for index, node in enumerate(root.value):
        where = f"[{index}]"
        if not isinstance(node, yaml.MappingNode):
            problems.append(problem(node, where, "an entry is a mapping with id and one block per language"))
            continue
        fields = {key.value: value for key, value in node.value}
        found = []
        entry_id = fields.get("id")
        if not isinstance(entry_id, yaml.ScalarNode) or not ID.match(entry_id.value):
            found.append(problem(entry_id or node, f"{where}.id", "expected a lowercase id such as ocmw or ila"))
        elif entry_id.value in seen_ids:
            found.append(problem(entry_id, f"{where}.id", f"duplicate id {entry_id.value!r}"))
        entry = {"id": entry_id.value if isinstance(entry_id, yaml.ScalarNode) else ""}
        for lang in s.LANGS:
            block = fields.get(lang)
            if not isinstance(block, yaml.MappingNode):
                found.append(problem(block or node, f"{where}.{lang}", f"missing {lang} block ({', '.join(PARTS)})"))
                continue
            texts = {key.value: value for key, value in block.value}
            entry[lang] = {}
            for part in PARTS:
                value = texts.get(part)
                if not isinstance(value, yaml.ScalarNode) or not value.value.strip():
                    found.append(problem(value or block, f"{where}.{lang}.{part}", "expected a non-empty text"))
                    continue
                entry[lang][part] = value.value
            if part_problem := _expansion_problem(entry[lang].get("expansion")):
                found.append(problem(texts.get("expansion"), f"{where}.{lang}.expansion", part_problem))
            term = entry[lang].get("term")
            if term in seen_terms[lang]:
                found.append(problem(texts.get("term"), f"{where}.{lang}.term", f"duplicate {lang} term {term!r}"))
        problems.extend(found)
        if not found:
            seen_ids.add(entry["id"])
            for lang in s.LANGS:
                seen_terms[lang].add(entry[lang]["term"])
            entries.append(entry)
    return entries, problems


def _expansion_problem(expansion: str | None) -> str | None:
    if expansion and UNSAFE_EXPANSION.search(expansion):
        return "an expansion is one plain line: no [ ] *, quotes or line breaks"
    return None
