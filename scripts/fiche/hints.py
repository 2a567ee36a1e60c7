"""Did-you-mean hints of the checks, read from the schema so they follow it: a field named in the coordinator's
own words ("doelgroep" → target_group), a number written as a word ("halftijds" → 0.5) or the Belgian way."""

from __future__ import annotations

import difflib
import re
import unicodedata
from functools import lru_cache

from scripts.fiche import schema as s
from scripts.fiche.problems import msg

# An amount written with a thousands separator (45.000); the editor's number box refuses it with this pattern too.
THOUSANDS = re.compile(r"[1-9]\d{0,2}(?:\.\d{3})+")


def thousands(value: str) -> str | None:
    """'45.000' → '45000': what a Belgian writer may mean by a dot every three digits."""
    value = value.strip().lstrip("+")
    return value.replace(".", "") if THOUSANDS.fullmatch(value) else None


def number_hint(value: str):
    text = value.strip()
    if re.fullmatch(r"-?\d+,\d+", text):
        return msg("decimal_point", fixed=text.replace(",", "."))
    if thousands(text) is not None:
        return msg("thousands_in_string", fixed=thousands(text))
    words = number_words()
    close = difflib.get_close_matches(_normal(text), list(words), n=1, cutoff=0.75)
    if close:
        return msg("number_word", fixed=words[close[0]], word=text)
    return ""


@lru_cache(maxsize=1)
def number_words() -> dict[str, str]:
    """'halftijds' → '0.5', 'temps plein' → '1': read from the schema's own descriptions of numbers
    ("1 = voltijds, 0.5 = halftijds"), so the hint follows the schema."""
    words: dict[str, str] = {}
    for node in _walk(s.FICHE):
        if isinstance(node, s.Number):
            for text in node.description.values():
                for number, word in re.findall(r"(\d+(?:\.\d+)?)\s*=\s*([^,;()=\d]+)", text):
                    words.setdefault(_normal(word), number)
    return words


def _walk(node: s.Node):
    yield node
    if isinstance(node, s.Obj):
        for field in node.fields:
            yield from _walk(field.node)
    elif isinstance(node, s.List):
        yield from _walk(node.item)


def _normal(word: str) -> str:
    """Lower case, no accents, words joined by '_' (how field names are written)."""
    plain = unicodedata.normalize("NFKD", word).encode("ascii", "ignore").decode("ascii").lower()
    return "_".join(re.findall(r"[a-z0-9]+", plain))


_SYNONYMS: dict[int, dict[str, str]] = {}


def field_synonyms(schema: s.Obj) -> dict[str, str]:
    """The names a coordinator may use for the fields of one object: the field name itself, and the
    NL/FR wording of its description and interface label (data, not a list per field)."""
    from scripts.lang import ui_text

    if id(schema) in _SYNONYMS:
        return _SYNONYMS[id(schema)]
    synonyms: dict[str, str] = {}
    for field in schema.fields:
        synonyms[field.name] = field.name
        wordings = list(field.node.description.values()) + list(ui_text.LABELS.get(field.name, {}).values())
        for wording in wordings:
            first = re.split(r"[,.:;(]", wording, maxsplit=1)[0]
            name = _normal(first)
            if name and len(name) <= 40:
                synonyms.setdefault(name, field.name)
    _SYNONYMS[id(schema)] = synonyms
    return synonyms


def suggest_field(schema: s.Obj, key: str):
    synonyms = field_synonyms(schema)
    wanted = _normal(str(key))
    if wanted in synonyms:
        return msg("did_you_mean", name=synonyms[wanted])
    close = difflib.get_close_matches(wanted, list(synonyms), n=1, cutoff=0.6)
    return msg("did_you_mean", name=synonyms[close[0]]) if close else ""
