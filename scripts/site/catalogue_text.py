"""What the catalogues' text filter reads: every word a fiche or a module says, folded once, at build time.

A reader filtering the catalogue on "rusthuis" means the fiches and modules that speak of it, not only the
cards (title, summary, facts): a module page says "activiteit in een rusthuis" and its card does not. So the
build writes, per language, `assets/catalogue/fiches-<lang>.json` and `modules-<lang>.json`: for each card its
words (every text of the fiche or module in that language, its title, organisation, place, themes and target
groups), folded by scripts/thesaurus.fold (lower case, no accents) and each word once, in a string the browser
searches as it is (kb-catalogue.js, which folds only the reader's words, with kb-words.js). The catalogue page
stays small (its cards); the browser fetches the file when the reader first filters on text.
"""

from __future__ import annotations

import functools
import json
import re
from pathlib import Path

from scripts.fiche.thesaurus import fold
from scripts.lang import languages

FOLDER = "assets/catalogue"
_WORD = re.compile(r"[^\W_]+")


def url(kind: str, lang: str) -> str:
    """Site-relative path of the words of one catalogue (`fiches` or `modules`) in `lang`."""
    return f"{FOLDER}/{kind}-{lang}.json"


# A link's address and the Markdown around words are not what a fiche says; only the words are kept, so the
# text is not rendered (Markdown of every text of 1,000 fiches took most of the time).
_LINK_TARGET = re.compile(r"\]\([^)\s]*\)|<(?:https?|mailto):[^>\s]*>")


def texts(node, lang: str) -> list[str]:
    """Every text of `lang` in a fiche's data or part of it: the `lang` value of each {nl: …, fr: …} pair,
    without link addresses."""
    found: list[str] = []
    stack = [node]
    while stack:
        item = stack.pop()
        if isinstance(item, dict):
            value = item.get(lang)
            if isinstance(value, str):
                found.append(_LINK_TARGET.sub(" ", value))
            stack.extend(v for k, v in item.items() if k not in languages.codes())
        elif isinstance(item, list):
            stack.extend(item)
    return found


def words(parts: list[str], phrases: frozenset[str] = frozenset()) -> str:
    """The folded words of `parts`, each once, in order of first use, between spaces (" rusthuis ocmw … "):
    a reader's word matches where " " + word starts a word. Then each of `phrases` (folded words of several
    parts, such as the thesaurus's "maison de repos") that one of the texts holds as written, so that the phrase
    is not matched by "maison" in one place and "reposer" in another. One pass over all the texts."""
    text = fold(_SEPARATOR.join(parts))
    seen = dict.fromkeys(_WORD.findall(text))
    found = sorted({" ".join(_WORD.findall(m)) for m in _phrase_pattern(phrases).findall(text)}) if phrases else []
    return " " + " ".join([*seen, *found]) + " "


_SEPARATOR = "\x00"  # between two texts: neither a word nor a space, so no phrase runs from one text to the next


@functools.cache
def _phrase_pattern(phrases: frozenset[str]) -> re.Pattern:
    """The phrases as whole words, any spaces or punctuation inside a text between their words."""
    alternatives = sorted((r"[^\w\x00]+".join(map(re.escape, p.split())) for p in phrases), key=len, reverse=True)
    return re.compile(r"(?<![^\W_])(?:" + "|".join(alternatives) + r")(?![^\W_])")


def phrases(thesaurus: list[dict], glossary: list[dict], lang: str) -> frozenset[str]:
    """The words of several parts that the text filter matches as a whole: thesaurus words and glossary terms."""
    terms = [word for group in thesaurus for word in group.get(lang) or []]
    terms += [entry[lang]["term"] for entry in glossary if isinstance(entry.get(lang), dict)]
    return frozenset(p for p in (" ".join(_WORD.findall(fold(t))) for t in terms) if " " in p)


def _labels(item: dict) -> list[str]:
    return [label for values in item["labels"].values() for label in values]


def fiche_words(fiche, item: dict, lang: str, known: frozenset[str] = frozenset()) -> str:
    return words([item["title"], item["organisation"], item["municipality"], *_labels(item),
                  *texts(fiche.data, lang)], known)


def module_words(module, item: dict, fiche_item: dict, lang: str, known: frozenset[str] = frozenset()) -> str:
    """A module's own texts, its card, and its fiche's target group (a module is done for the fiche's public)."""
    return words([item["title"], item["fiche_title"], item["organisation"], *_labels(item),
                  *fiche_item["labels"].get("profile", []), *fiche_item["criteria"],
                  *texts(module.data, lang)], known)


def language_words(site, lang: str) -> dict[str, dict[str, str]]:
    """The words of every fiche and module card in `lang`; serving keeps each fiche's while its file's bytes (and
    the thesaurus's phrases) stay the same."""
    items = {i["id"]: i for i in site.items(lang)}
    modules_index = site.module_item_index(lang)
    known = phrases(site.thesaurus, site.glossary, lang)
    fiches = {f.id: site.remembered(f, ("words", lang, known), lambda f=f: fiche_words(f, items[f.id], lang, known))
              for f in site.fiches}
    modules = {m.key: site.remembered(m.fiche, ("module_words", m.data["id"], lang, known),
                                      lambda m=m: module_words(m, modules_index[m.key], items[m.fiche.id], lang, known))
               for m in site.modules}
    return {"fiches": fiches, "modules": modules}


def write(site_dir: Path, site) -> None:
    folder = site_dir / FOLDER
    folder.mkdir(parents=True, exist_ok=True)
    for lang in languages.codes():
        for kind, data in language_words(site, lang).items():
            (site_dir / url(kind, lang)).write_text(
                json.dumps(data, ensure_ascii=False, sort_keys=True, separators=(",", ":")), encoding="utf-8")
