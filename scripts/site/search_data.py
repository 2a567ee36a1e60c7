"""What the search box needs besides Pagefind's index, written at build time as one small JSON per language.

- `bridge`: terms of the site's *other* languages (glossary terms, thesaurus words, place names of the fiches)
  with their equivalent in this language, so that a reader who types "rusthuis" on the French site is told
  "« rusthuis » est du néerlandais. En français : maison de repos" and can search that. Derived from
  docs/_data/glossary.yml and fiches/, never hand-copied.
- `synonyms`: the thesaurus groups of this language (docs/_data/thesaurus.yml), each word with its folded key:
  the box searches every word of a group when the reader types one ("woonzorgcentrum" finds "rusthuis"), and
  the catalogue filters read the same groups.
- `others`: the other languages' sites (root and name in this language), to repeat a query there.
- `stopwords` and `endings`: short function words that are searched but never highlighted ("de", "des", "het"),
  and the plural endings a highlighted word may carry ("bemiddelaar" → "bemiddelaars").
- `ranking`: Pagefind's ranking options (one definition, read by docs/assets/kb-search.js).
- `labels`: the search box's wording (ui_text, keys search_*), so a language added as data brings it too.

Every file stays small (about 2 kB gzip, also at 1,000 fiches); the browser fetches it once, when search opens.
"""

from __future__ import annotations

import json
from pathlib import Path

from babel import Locale

from scripts.fiche.thesaurus import fold
from scripts.lang import languages, ui_text, wording
from scripts.site import urls

FOLDER = "assets/search"
RESULTS_SHOWN = 10  # results the search box shows (and whose fragments it loads); kb-search.js reads data-results

# Pagefind 1.5 ranking (pagefind.options({ranking})). pageLength 0.5 (default 0.75): fiches are long pages and
# must not lose to short pages that merely mention a word; termSimilarity 2.0 (default 1.0): "Luik" prefers
# "Luik" over longer words that start with it; metaWeights: a query that names the fiche's title, organisation
# or place (in any of the site's languages: see kb-fiche.html) ranks that fiche first.
RANKING = {
    "pageLength": 0.5,
    "termSimilarity": 2.0,
    "metaWeights": {"title": 6.0, "organisation": 8.0, "place": 8.0, "alias": 8.0},
}

LABEL_KEYS = ("none", "one", "other", "error", "bridge", "bridge_action", "other_site", "filter_any",
              "filter_region", "filter_theme", "filter_kind", "synonyms")


def language_name(code: str, lang: str) -> str:
    """The name of language `code` in language `lang` ("Frans", "néerlandais"), from Babel's CLDR data."""
    return Locale.parse(ui_text.locale(lang)).languages.get(code, code)


def _pairs(glossary: list[dict], fiches: list, source: str, target: str,
           thesaurus: list[dict] = ()) -> list[tuple[str, str, str]]:
    """(term in `source`, equivalent in `target`, where it comes from) for every term that differs."""
    pairs = [*_glossary_pairs(glossary, source, target), *_thesaurus_pairs(thesaurus, source, target),
             *_place_pairs(fiches, source, target)]
    own = _own_words(glossary, thesaurus, target)
    seen: set[str] = set()
    unique = []
    for term, equivalent, kind in pairs:
        key = fold(term)
        if key in seen or key == fold(equivalent) or (kind != "place" and key in own):
            continue  # the same word in both languages ("Charleroi", "VDAB"): nothing to bridge
        seen.add(key)
        unique.append((term, equivalent, kind))
    return sorted(unique, key=lambda p: fold(p[0]))


def _glossary_pairs(glossary: list[dict], source: str, target: str):
    for entry in glossary:
        if isinstance(entry.get(source), dict) and isinstance(entry.get(target), dict):
            yield entry[source]["term"], entry[target]["term"], "glossary"


def _thesaurus_pairs(thesaurus: list[dict], source: str, target: str):
    """Every word of a group, to the group's first word in the target language."""
    for group in thesaurus:
        if group.get(source) and group.get(target):
            yield from ((word, group[target][0], "thesaurus") for word in group[source])


def _place_pairs(fiches: list, source: str, target: str):
    """Places only: organisation names ("OCMW Gent" / "CPAS de Gand") differ for every fiche and would make this
    file grow with the collection; the fiche page indexes them in every language anyway (alias)."""
    for fiche in fiches:
        field = fiche.data.get("municipality")
        if isinstance(field, dict) and isinstance(field.get(source), str) and isinstance(field.get(target), str):
            yield field[source], field[target], "place"


def _own_words(glossary: list[dict], thesaurus: list[dict], target: str) -> set[str]:
    """A word the target language uses too ("art. 60", "jobhunting") is not the other language's."""
    own = {fold(entry[target]["term"]) for entry in glossary if isinstance(entry.get(target), dict)}
    return own | {fold(word) for group in thesaurus for word in group.get(target) or []}


def synonyms(thesaurus: list[dict], lang: str) -> list[list[dict]]:
    """The thesaurus groups of `lang` with two words or more, each word with its folded key."""
    return [[{"term": word, "key": fold(word)} for word in group[lang]]
            for group in thesaurus if len(group.get(lang) or []) > 1]


def browser_data(lang: str, glossary: list[dict], fiches: list, langs: tuple[str, ...] | None = None,
                 thesaurus: list[dict] = ()) -> dict:
    """The JSON the search box of `lang` pages reads (see the module docstring)."""
    langs = langs or languages.codes()
    others = [code for code in langs if code != lang]
    return {
        "lang": lang,
        "others": [{"lang": code, "root": urls.lang_prefix(code), "name": language_name(code, lang)}
                   for code in others],
        "ranking": RANKING,
        "stopwords": sorted(fold(w) for w in wording.words(lang, "search_stopwords")),
        "endings": list(wording.words(lang, "plural_endings")),
        "bridge": [{"term": term, "key": fold(term), "equivalent": equivalent, "kind": kind, "lang": code}
                   for code in others for term, equivalent, kind in _pairs(glossary, fiches, code, lang, thesaurus)],
        "synonyms": synonyms(thesaurus, lang),
        "labels": {key: ui_text.t(f"search_{key}", lang) for key in LABEL_KEYS},
    }


def write(site_dir: Path, glossary: list[dict], fiches: list, thesaurus: list[dict] = ()) -> None:
    """One `assets/search/<lang>.json` per language."""
    folder = site_dir / FOLDER
    folder.mkdir(parents=True, exist_ok=True)
    for lang in languages.codes():
        data = browser_data(lang, glossary, fiches, thesaurus=thesaurus)
        (folder / f"{lang}.json").write_text(
            json.dumps(data, ensure_ascii=False, sort_keys=True, separators=(",", ":")), encoding="utf-8")
