"""The thesaurus (docs/_data/thesaurus.yml): readers' words for what the fiches call otherwise.

A reader types "woonzorgcentrum" where the fiche says "rusthuis", "bénévolat" where it says "volontariat".
Coordinators keep the groups of synonyms as data next to the glossary; the build ships them to the search box
and the catalogue filters (scripts/site/search_data.py), which look for any word of a group. The file is
checked like a fiche: every problem is a `file:line:col` record in the coordinator's language, all in one run,
and a word never becomes markup (it is only ever inserted as text).
"""

from __future__ import annotations

import functools
import re
import unicodedata
from pathlib import Path

import yaml

from scripts.fiche.collection import display_path
from scripts.fiche.problems import Joined, Problem, msg
from scripts.lang import languages

THESAURUS_NAME = "thesaurus.yml"  # in the data folder (languages.current().data_dir)
ID = re.compile(r"^[a-z0-9]+(?:-[a-z0-9]+)*$")
MAX_WORD = 60
MARKUP = "<>[]{}*`|\\\""  # a word is shown as text in the search box; markup characters are refused outright


@functools.cache
def _marks() -> dict[int, None]:
    """Every mark (Unicode category M: accents, other combining and enclosing marks), to delete with
    str.translate (a character-by-character test was most of the time of folding every text of 1,000 fiches)."""
    return dict.fromkeys(c for c in range(0x110000) if unicodedata.category(chr(c)).startswith("M"))


def fold(text: str) -> str:
    """Lower case without accents, spaces collapsed: the one folding rule of the site's text matching (the
    search box's data, the catalogue's words, the thesaurus). docs/assets/kb-words.js folds the reader's query
    with the same steps in the same order, each one both languages have built in: canonical decomposition,
    Unicode's default upper then lower case ("ﬁ" → "fi", "ß" → "ss", "ı" → "i"), one sigma, marks dropped,
    split on Python's whitespace. tests/test_browser_fold.py checks in chromium that the two agree."""
    if text.isascii():
        return " ".join(text.lower().split())
    text = unicodedata.normalize("NFD", text).upper().lower().replace("ς", "σ").replace("ß", "ss")
    return " ".join(text.translate(_marks()).split())


def _problem(name: str, node, field: str, text) -> Problem:
    mark = getattr(node, "start_mark", None) or getattr(node, "problem_mark", None)
    return Problem.of(name, mark.line + 1 if mark else 1, mark.column + 1 if mark else 1, field, text)


def load_thesaurus(path: Path | None = None, glossary_ids: set[str] | None = None) -> tuple[list[dict],
                                                                                             list[Problem]]:
    """The groups and every problem found (a group with a problem is left out). `glossary_ids`: when given,
    a group's `glossary:` must name one of them."""
    path = path or languages.current().data_dir / THESAURUS_NAME
    if not path.is_file():
        return [], []
    name = display_path(path)
    try:
        root = yaml.compose(path.read_text(encoding="utf-8"), Loader=yaml.SafeLoader)
    except (yaml.YAMLError, UnicodeDecodeError) as exc:
        detail = str(getattr(exc, "problem", None) or exc)
        return [], [_problem(name, exc, "", msg("syntax", what=detail, hint=""))]
    if root is None:
        return [], []
    if not isinstance(root, yaml.SequenceNode):
        return [], [_problem(name, root, "", msg("thesaurus_list"))]
    groups, problems = [], []
    ids: set[str] = set()
    owners: dict[str, dict[str, str]] = {lang: {} for lang in languages.codes()}  # folded word → id of its group
    for index, node in enumerate(root.value):
        group, found = _group(name, node, f"[{index}]", ids, owners, glossary_ids)
        problems.extend(found)
        if group is not None:
            ids.add(group["id"])
            for lang in languages.codes():  # a group left out still owns its words: a second use is named, too
                for word in group[lang]:
                    owners[lang].setdefault(fold(word), group["id"] or f"[{index}]")
            if not found:
                groups.append(group)
    return groups, problems


def _group(name, node, where, ids, owners, glossary_ids) -> tuple[dict | None, list[Problem]]:
    if not isinstance(node, yaml.MappingNode):
        return None, [_problem(name, node, where, msg("thesaurus_group"))]
    fields = {key.value: (key, value) for key, value in node.value}
    found = _unknown_keys(name, fields, where)
    group_id = _group_id(name, node, fields, where, ids, found)
    group: dict = {"id": group_id}
    if "glossary" in fields:
        group["glossary"] = _glossary(name, fields["glossary"][1], where, glossary_ids, found)
    for lang in languages.codes():
        group[lang] = []
        if lang in fields:
            group[lang] = _words(name, fields[lang][1], f"{where}.{lang}", group_id, owners[lang], found)
    if not any(fields.get(lang) for lang in languages.codes()):
        found.append(_problem(name, node, where,
                              msg("thesaurus_no_words", langs=Joined(tuple(languages.codes()), "or"))))
    return group, found


def _unknown_keys(name, fields, where) -> list[Problem]:
    langs = Joined(tuple(languages.codes()), "and")
    return [_problem(name, key_node, f"{where}.{key}", msg("thesaurus_key", key=key, langs=langs))
            for key, (key_node, _value) in fields.items() if key not in ("id", "glossary", *languages.codes())]


def _group_id(name, node, fields, where, ids, found) -> str:
    _key, id_node = fields.get("id", (None, None))
    group_id = id_node.value if isinstance(id_node, yaml.ScalarNode) else ""
    if not ID.match(group_id):
        found.append(_problem(name, id_node or node, f"{where}.id", msg("thesaurus_id")))
    elif group_id in ids:
        found.append(_problem(name, id_node, f"{where}.id", msg("thesaurus_id_twice", id=group_id)))
    return group_id


def _glossary(name, gloss, where, glossary_ids, found) -> str:
    value = gloss.value if isinstance(gloss, yaml.ScalarNode) else ""
    if glossary_ids is not None and value not in glossary_ids:
        found.append(_problem(name, gloss, f"{where}.glossary", msg("thesaurus_glossary", id=value)))
    return value


def _words(name, words_node, where, group_id, owners, found) -> list[str]:
    """One language's words, each kept once across the whole file (`owners`: folded word → its group)."""
    if not isinstance(words_node, yaml.SequenceNode) or not words_node.value:
        found.append(_problem(name, words_node, where, msg("thesaurus_words")))
        return []
    words, seen = [], set()
    for position, word_node in enumerate(words_node.value):
        at = f"{where}[{position}]"
        word = word_node.value if isinstance(word_node, yaml.ScalarNode) else None
        if not _acceptable(word):
            found.append(_problem(name, word_node, at, msg("thesaurus_word", max=MAX_WORD, chars=" ".join(MARKUP))))
            continue
        key = fold(word)
        other = owners.get(key) or (group_id if key in seen else None)
        if other:
            found.append(_problem(name, word_node, at, msg("thesaurus_word_twice", word=word, other=other)))
            continue
        seen.add(key)
        words.append(" ".join(word.split()))
    return words


def _acceptable(word) -> bool:
    """Plain text of a sensible length: no markup character, no control or format character."""
    return (isinstance(word, str) and bool(word.strip()) and len(word) <= MAX_WORD
            and not any(c in MARKUP for c in word) and not any(unicodedata.category(c)[0] == "C" for c in word))
