"""What the search box needs besides Pagefind's index, written at build time as one small JSON per language.

- `bridge`: terms of the *other* language (glossary terms, place names of the fiches) with
  their equivalent in this language, so that a reader who types "rusthuis" on the French site is told
  "En néerlandais : rusthuis → maison de repos" and can search that. Derived from docs/_data/glossary.yml and
  fiches/, never hand-copied.
- `stopwords`: short function words that are searched but never highlighted ("de", "des", "het" …).
- `ranking`: Pagefind's ranking options (one definition, read by docs/assets/kb-search.js).
- `labels` and `filters`: the search box's wording and the names of its filters, in the page's language.

Every file stays small (a few kB gzip at 1,000 fiches); the browser fetches it once, when search opens.
"""

from __future__ import annotations

import json
import unicodedata
from pathlib import Path

import fiche_schema as s

LANGS = s.LANGS
DEFAULT_LANG = "nl"
FOLDER = "assets/search"

# Pagefind 1.5 ranking (pagefind.options({ranking})). pageLength 0.5 (default 0.75): fiches are long pages and
# must not lose to short pages that merely mention a word; termSimilarity 2.0 (default 1.0): "Luik" prefers
# "Luik" over longer words that start with it; metaWeights: a query that names the fiche's title, organisation
# or place (in either language: see kb-fiche.html) ranks that fiche first.
RANKING = {
    "pageLength": 0.5,
    "termSimilarity": 2.0,
    "metaWeights": {"title": 6.0, "organisation": 8.0, "place": 8.0, "alias": 8.0},
}

# Words that are searched but never highlighted on their own (Pagefind matches them as prefixes too,
# which highlighted "Depuis" for "de").
STOPWORDS = {
    "nl": ["de", "het", "een", "en", "van", "in", "op", "te", "met", "voor", "aan", "bij", "om", "of", "door",
           "naar", "uit", "als", "dat", "die", "is", "zijn", "er", "ook", "niet", "tot", "over", "per"],
    "fr": ["de", "des", "du", "d", "la", "le", "les", "l", "un", "une", "et", "en", "à", "a", "au", "aux", "pour",
           "par", "sur", "dans", "avec", "ou", "que", "qui", "se", "sa", "son", "ses", "est", "ne", "pas", "y"],
}

# The search box's wording. Material's Dutch "1 overeenkomende document" is replaced by the correct
# "1 overeenkomend document" (an adjective before a het-word in the singular, indefinite, takes no -e).
LABELS = {
    "none": {"nl": "Geen overeenkomende documenten", "fr": "Aucun document trouvé"},
    "one": {"nl": "1 overeenkomend document", "fr": "1 document trouvé"},
    "other": {"nl": "# overeenkomende documenten", "fr": "# documents trouvés"},
    "error": {"nl": "Zoeken lukt nu niet. Probeer het later opnieuw.",
              "fr": "La recherche est indisponible pour l'instant. Réessayez plus tard."},
    "bridge": {"nl": "„{term}” is {language}. In het Nederlands: {equivalent}",
               "fr": "«\u00a0{term}\u00a0» est du {language}. En français\u00a0: {equivalent}"},
    "bridge_action": {"nl": "zoeken", "fr": "rechercher"},
    "other_site": {"nl": "Zoek „{query}” op de Franstalige site",
                   "fr": "Rechercher «\u00a0{query}\u00a0» sur le site en néerlandais"},
    "filters": {"nl": "Verfijnen", "fr": "Affiner"},
    "filter_any": {"nl": "Alle", "fr": "Tous"},
    "filter_region": {"nl": "Gewest", "fr": "Région"},
    "filter_theme": {"nl": "Thema", "fr": "Thème"},
    "filter_kind": {"nl": "Soort begeleiding", "fr": "Type d'accompagnement"},
    "in_section": {"nl": "in", "fr": "dans"},
}

# Plural endings: a result word that is a query word plus one of these is highlighted too
# ("bemiddelaar" → "bemiddelaars", "vluchteling" → "vluchtelingen"); other longer words are not ("repose").
ENDINGS = {"nl": ["s", "en", "n"], "fr": ["s", "x"]}

LANGUAGE_NAMES = {
    "nl": {"nl": "Nederlands", "fr": "néerlandais"},
    "fr": {"nl": "Frans", "fr": "français"},
}


def fold(text: str) -> str:
    """Lower case without accents, as Pagefind compares words."""
    decomposed = unicodedata.normalize("NFD", text.casefold())
    return "".join(c for c in decomposed if not unicodedata.combining(c))


def other(lang: str) -> str:
    return next(code for code in LANGS if code != lang)


def _pairs(glossary: list[dict], fiches: list, source: str, target: str) -> list[tuple[str, str, str]]:
    """(term in `source`, equivalent in `target`, where it comes from) for every term that differs."""
    pairs: list[tuple[str, str, str]] = []
    for entry in glossary:
        pairs.append((entry[source]["term"], entry[target]["term"], "glossary"))
    for fiche in fiches:
        data = fiche.data
        # Places only: organisation names ("OCMW Gent" / "CPAS de Gand") differ for every fiche and would make
        # this file grow with the collection; the fiche page indexes them in both languages anyway (alias).
        field = data.get("municipality")
        if isinstance(field, dict) and isinstance(field.get(source), str) and isinstance(field.get(target), str):
            pairs.append((field[source], field[target], "place"))
    seen: set[str] = set()
    unique = []
    for term, equivalent, kind in pairs:
        key = fold(term)
        if key in seen or fold(term) == fold(equivalent):
            continue  # same word in both languages ("Charleroi", "VDAB"): nothing to bridge
        seen.add(key)
        unique.append((term, equivalent, kind))
    return sorted(unique, key=lambda p: fold(p[0]))


def browser_data(lang: str, glossary: list[dict], fiches: list) -> dict:
    """The JSON the search box of `lang` pages reads (see the module docstring)."""
    source = other(lang)
    return {
        "lang": lang,
        "other": {
            "lang": source,
            "root": "" if source == DEFAULT_LANG else f"{source}/",
            "name": LANGUAGE_NAMES[source][lang],
        },
        "ranking": RANKING,
        "stopwords": sorted(fold(w) for w in STOPWORDS[lang]),
        "endings": ENDINGS[lang],
        "bridge": [{"term": term, "key": fold(term), "equivalent": equivalent, "kind": kind}
                   for term, equivalent, kind in _pairs(glossary, fiches, source, lang)],
        "labels": {key: text[lang] for key, text in LABELS.items()},
    }


def write(site_dir: Path, glossary: list[dict], fiches: list) -> None:
    """One `assets/search/<lang>.json` per language."""
    folder = site_dir / FOLDER
    folder.mkdir(parents=True, exist_ok=True)
    for lang in LANGS:
        data = browser_data(lang, glossary, fiches)
        (folder / f"{lang}.json").write_text(
            json.dumps(data, ensure_ascii=False, sort_keys=True, separators=(",", ":")), encoding="utf-8")
