"""The reader's query is folded in the browser (docs/assets/kb-words.js), the texts it is matched against at build
time (scripts/fiche/thesaurus.fold, and the catalogue's words cut by catalogue_text's word rule): in Debian's
chromium, the two must give the same letters for every string, or a word typed as it is written would not find
itself. The corpus is what Dutch and French texts (and texts copied from PDF guides) hold: accents, ligatures,
apostrophes, the Dutch ij, the French œ, no-break spaces, and a few strings that tell case mappings apart."""

from __future__ import annotations

import re

import pytest

from scripts.fiche.thesaurus import fold

pytestmark = pytest.mark.browser

CORPUS = [
    "", "   ", "Liège", "LIÈGE", "Maison  de REPOS", "Schaerbeek – Schaarbeek", "coördinatie", "reëel", "één",
    "ÉÉN", "Zoë", "naïve", "Noël", "Citroën", "ça", "À la carte", "Ærø", "Øresund", "Łódź", "Čapek",
    "œuvre", "Œuvre", "cœur", "main-d’œuvre", "main-d'œuvre", "l’Office", "l'Office", "’s-Hertogenbosch",
    "«\u00a0guillemets\u00a0»", "Région\u00a0: Flandre", "10\u202f000", "IJsselmonde", "Ĳzer", "ĳverig",
    "ﬁche", "ﬂux", "eﬀort", "ﬃ", "ﬆ", "Straße", "STRASSE", "ẞ", "ſ", "e\u0301te\u0301", "n\u0303",
    "Kırşehir", "İstanbul", "ΟΔΟΣ", "οδός", "µ", "ǅ", "Ǆ", "ǰ", "ŉ", "ＡＢＣ", "½ dag", "m²", "Ⅻ", "№ 5",
    "❤️ vrijwilliger", "tab\tand\nnewline", "\ufeffBOM", "x\u0085y", "a\x1cb", "a\u2028b", "art. 60 §1",
    "OCMW/CPAS", "K&G", "d'asile", "(GOAL),", "jobhunting…", "1,5–3 uur", "≥ 21", "Ⅷ\u0301",
]

WORD = re.compile(r"[^\W_]+")  # scripts/site/catalogue_text's word rule: the words the catalogue ships


def test_the_browser_folds_the_query_as_the_build_folds_the_texts(page, base_url):
    page.goto(base_url + "fiches/")
    page.wait_for_function("() => window.kbWords !== undefined")
    folded, parts = page.evaluate(
        "corpus => [corpus.map(window.kbWords.fold), corpus.map(window.kbWords.parts)]", CORPUS)
    expected = [fold(text) for text in CORPUS]
    assert [(text, js) for text, js, py in zip(CORPUS, folded, expected, strict=True) if js != py] == []
    expected_parts = [WORD.findall(fold(text)) for text in CORPUS]
    assert [(text, js) for text, js, py in zip(CORPUS, parts, expected_parts, strict=True) if js != py] == []
    # the rule folds what it should: accents, case, ligatures copied from a PDF, no-break spaces
    assert fold("LIÈGE") == fold("liege") and fold("ﬁche") == "fiche" and fold("Région\u00a0: x") == "region : x"
