"""The glossary (docs/_data/glossary.yml): loaded with positions and checked like a fiche.

Its problems are `file:line:col` records, reported by `python -m scripts.validate` and
stopping the build, the same way as a fiche's. The file is read by the fiche loader, so size,
encoding, control characters, aliases and nesting are refused the same way, never with a traceback.

A term and its expansion become `*[term]: expansion` in the Markdown of every hand-written page (the abbr
extension) and a title="" tooltip: they are contributor input, so they are checked to be one line of plain
text by construction (`plain_term`, `plain_expansion`), and the build emits nothing else (`tooltip_line`).
"""

from __future__ import annotations

import re
import unicodedata
from pathlib import Path

import yaml

from scripts.fiche import schema as s
from scripts.fiche.collection import display_path
from scripts.fiche.loader import read_file
from scripts.fiche.problems import Msg, Problem, msg
from scripts.lang import languages

GLOSSARY_NAME = "glossary.yml"  # in the data folder (languages.current().data_dir)
PARTS = ("term", "expansion", "definition")
ID = re.compile(r"[a-z0-9]+(?:-[a-z0-9]+)*")

# A term is words joined by single spaces or a few joining characters (K&G, revenu d'intégration, primo-arrivants).
TERM_JOINERS = frozenset(" &'’.-/")
# An expansion is one line of text: no character Markdown or HTML acts on, no line break of any kind.
EXPANSION_REFUSED = frozenset("<>&[]*_`\\\"|")
# Invisible characters: controls, line and paragraph separators, format characters (bidi, zero-width), private use.
INVISIBLE = frozenset(("Cc", "Cf", "Cs", "Co", "Cn", "Zl", "Zp"))


def _word_char(char: str) -> bool:
    return char.isalnum() or unicodedata.category(char) in ("Mn", "Mc")


def plain_term(term: str) -> int | None:
    """The offset of the first character a term may not hold (None when it is a plain term)."""
    for offset, char in enumerate(term):
        if _word_char(char):
            continue
        if char not in TERM_JOINERS or offset == 0 or not _word_char(term[offset - 1]):
            return offset
    return None if term and (_word_char(term[-1]) or term[-1] == ".") else max(len(term) - 1, 0)


def plain_expansion(expansion: str) -> int | None:
    """The offset of the first character an expansion may not hold (None when it is one plain line)."""
    for offset, char in enumerate(expansion):
        if char in EXPANSION_REFUSED or unicodedata.category(char) in INVISIBLE:
            return offset
    return None


def tooltip_line(term: str, expansion: str) -> str | None:
    """The abbr definition of a term, only when both parts are plain (the loader already refused any other)."""
    if plain_term(term) is not None or plain_expansion(expansion) is not None or not expansion.strip():
        return None
    return f"*[{term}]: {expansion}"


def _shown(char: str) -> str:
    """A refused character as the contributor can recognise it: visible ones quoted, others as U+XXXX."""
    if unicodedata.category(char) in INVISIBLE or char.isspace():
        return f"U+{ord(char):04X}"
    return f"'{char}'"


def _problem(name: str, node, field: str, text: Msg, offset: int | None = None) -> Problem:
    mark = getattr(node, "start_mark", None)
    line, col = (mark.line + 1, mark.column + 1) if mark else (1, 1)
    if offset is not None and isinstance(node, yaml.ScalarNode) and node.style in (None, "") \
            and "\n" not in node.value[:offset]:
        col += offset  # a plain scalar: the character is where it stands on the line
    return Problem.of(name, line, col, field, text)


def load_glossary(path: Path | None = None) -> tuple[list[dict], list[Problem]]:
    """The entries and every problem found (entries with problems are left out)."""
    path = path or languages.current().data_dir / GLOSSARY_NAME
    if not path.is_file():
        return [], []
    name = display_path(path)
    loaded = read_file(path, name)
    if loaded.node is None:
        return [], [p for p in loaded.problems if p.code != "empty"]  # an empty glossary is no glossary
    problems = list(loaded.problems)
    root = loaded.node
    if not isinstance(root, yaml.SequenceNode):
        return [], problems + [_problem(name, root, "", msg("glossary_not_list"))]
    entries = []
    seen: dict[str, set[str]] = {"id": set()} | {lang: set() for lang in s.LANGS}  # ids and terms per language
    for index, node in enumerate(root.value):
        entry, found = _entry(name, node, f"[{index}]", seen)
        problems.extend(found)
        if not found:
            for key in seen:
                seen[key].add(entry["id"] if key == "id" else entry[key]["term"])
            entries.append(entry)
    return entries, problems


def _fields(name: str, node: yaml.MappingNode, where: str) -> tuple[dict, list[Problem]]:
    """The mapping's values by key; a key that is not a plain word (a list, a mapping) is a problem."""
    fields, found = {}, []
    for key, value in node.value:
        if isinstance(key, yaml.ScalarNode):
            fields.setdefault(key.value, value)
        else:
            found.append(_problem(name, key, where, msg("key_not_word")))
    return fields, found


def _entry(name: str, node, where: str, seen: dict[str, set[str]]) -> tuple[dict, list[Problem]]:
    if not isinstance(node, yaml.MappingNode):
        return {}, [_problem(name, node, where, msg("glossary_entry"))]
    fields, found = _fields(name, node, where)
    entry_id = fields.get("id")
    if not isinstance(entry_id, yaml.ScalarNode) or not ID.fullmatch(entry_id.value):
        found.append(_problem(name, entry_id or node, f"{where}.id", msg("glossary_id")))
    elif entry_id.value in seen["id"]:
        found.append(_problem(name, entry_id, f"{where}.id", msg("glossary_duplicate", value=repr(entry_id.value))))
    entry = {"id": entry_id.value if isinstance(entry_id, yaml.ScalarNode) else ""}
    for lang in s.LANGS:
        entry[lang], lang_problems = _language_block(name, fields.get(lang) or node, f"{where}.{lang}", seen[lang])
        found.extend(lang_problems)
    return entry, found


def _language_block(name: str, block, where: str, terms: set[str]) -> tuple[dict, list[Problem]]:
    if not isinstance(block, yaml.MappingNode):
        return {}, [_problem(name, block, where, msg("glossary_block", parts=", ".join(PARTS)))]
    texts, found = _fields(name, block, where)
    if not any(key in PARTS for key in texts):
        return {}, found + [_problem(name, block, where, msg("glossary_block", parts=", ".join(PARTS)))]
    part = {}
    for key in PARTS:
        value = texts.get(key)
        if not isinstance(value, yaml.ScalarNode) or not value.value.strip():
            found.append(_problem(name, value or block, f"{where}.{key}", msg("glossary_empty")))
        else:
            part[key] = value.value
    for key, check, code in (("term", plain_term, "glossary_term"), ("expansion", plain_expansion,
                                                                      "glossary_expansion")):
        offset = check(part[key]) if key in part else None
        if offset is not None:
            found.append(_problem(name, texts[key], f"{where}.{key}", msg(code, char=_shown(part[key][offset])),
                                  offset))
    if part.get("term") in terms:
        found.append(_problem(name, texts["term"], f"{where}.term", msg("glossary_duplicate_term",
                                                                         value=repr(part["term"]))))
    return part, found
