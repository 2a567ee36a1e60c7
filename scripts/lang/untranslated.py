"""What reads as not yet translated: the shared rules of scripts/translation_status.py for fiche texts and
hand-written pages (a text in which language, a name that reads the same in every language), and its record."""

from __future__ import annotations

import re
from pathlib import Path

from babel import Locale

from scripts.fiche.collection import display_path
from scripts.lang import languages, wording

IDENTICAL_MIN = 20  # characters; shorter identical texts are names or labels

WORD = re.compile(r"[^\W\d_]+(?:['’][^\W\d_]+)?", re.UNICODE)


def record(kind: str, path: Path, line: int, field: str, problem: str, detail: str) -> dict:
    return {"kind": kind, "path": display_path(path), "line": line, "field": field, "problem": problem,
            "detail": detail}


def normal(text: str) -> str:
    return " ".join(text.split())


def join_and(items: list[str]) -> str:
    """'nl and fr', 'nl, fr and de'."""
    return " and ".join([", ".join(items[:-1]), items[-1]] if len(items) > 1 else items)


def english_name(lang: str) -> str:
    """'Dutch' for nl: the report is in English (Babel's language names)."""
    return Locale.parse(lang).get_display_name("en")


def language_of(text: str) -> str | None:
    """The language whose common words (`words.common` of its wording file) the text clearly uses, else None."""
    words = [w.lower() for w in WORD.findall(text.replace("’", "'"))]
    words = [w.split("'")[-1] if "'" in w else w for w in words]  # l'équipe → équipe, d'un → un
    common = {lang: set(wording.words(lang, "common")) for lang in languages.codes()}
    counts = {lang: sum(w in stop for w in words) for lang, stop in common.items()}
    best = max(counts, key=counts.get)
    others = [n for lang, n in counts.items() if lang != best]
    return best if counts[best] and counts[best] > max(others) else None


def looks_like_a_name(text: str) -> bool:
    """Proper names and addresses: every word capitalised or a number ("Boulevard Joseph II 13, 6000 Charleroi")."""
    tokens = [t.strip("()[]{},.;:!?«»\"'–-/&+|") for t in text.split()]
    tokens = [t for t in tokens if t]
    return bool(tokens) and all(t[0].isupper() or t[0].isdigit() for t in tokens)


def worth_translating(text: str) -> bool:
    """Whether the same text in both languages means a translation is missing (rather than a name)."""
    text = normal(text)
    return len(text) >= IDENTICAL_MIN and " " in text and not looks_like_a_name(text)
