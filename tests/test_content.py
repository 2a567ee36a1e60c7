"""The seed content on the built site: every section and figure of the sources, in both languages, and
nothing left untranslated, no staff names, place names in the reader's language."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
import yaml
from conftest import ROOT

GUIDE = ["overview", "inspiration", "problem", "objectives", "target-group", "staffing", "approach", "competences",
         "support", "budget", "vision"]
# Which sections each source supports (anchors of the fiche page); absent sections are absent on purpose.
SECTIONS = {
    "ocmw-antwerpen-amie": GUIDE + ["pros", "cons", "future"],
    "ocmw-gent-interactief": GUIDE + ["pros", "cons", "future"],
    "ocmw-charleroi-activ-up": [s for s in GUIDE if s != "approach"] + ["pros", "cons", "future"],
    "ocmw-luik-modactions": GUIDE + ["pros", "cons", "future"],
    "ocmw-brussel-move-up": GUIDE + ["what-works"],
    "beersel-integratiecoach": ["overview", "target-group", "approach"],
    "noord-limburg-actieplan-integratie": ["overview", "objectives", "approach"],
    "ocmw-heusden-zolder-vluchtelingen": ["overview", "problem", "target-group", "approach", "support", "future"],
}
# Modules per fiche, as the guide lists them.
MODULES = {"ocmw-antwerpen-amie": 4, "ocmw-gent-interactief": 5, "ocmw-charleroi-activ-up": 6,
           "ocmw-luik-modactions": 4, "ocmw-brussel-move-up": 1}
# Figures from the sources, as each language writes them.
FIGURES = {
    "ocmw-antwerpen-amie": [("1,6%", "1,6 %"), ("2016", "2016"), ("Totaal VTE 2,5", "Total ETP 2,5"),
                            ("3 uur", "3 heures"), ("1 à 2 dagen", "1 à 2 jours"), ("15 min", "15 min")],
    "ocmw-gent-interactief": [("60%", "60 %"), ("Totaal VTE 6,5", "Total ETP 6,5"), ("max. 10", "10"),
                              ("3 maanden", "3 mois"), ("veertig", "quarante")],
    "ocmw-charleroi-activ-up": [("Totaal VTE 2,5", "Total ETP 2,5"), ("3 VTE", "3 ETP"), ("10 dagen", "10 jours"),
                                ("3 uur", "3 heures")],
    "ocmw-luik-modactions": [("Totaal VTE 4", "Total ETP 4"), ("6 weken", "6 semaines"), ("3 uur", "3 heures"),
                             ("2 uur", "2 heures"), ("16 mei 2019", "16 mai 2019")],
    "ocmw-brussel-move-up": [("Totaal VTE 2,5", "Total ETP 2,5"), ("21 uur", "21 heures"), ("15 deelnemers", "15")],
    "beersel-integratiecoach": [("oktober 2016", "octobre 2016")],
    "noord-limburg-actieplan-integratie": [("9", "9"), ("31 januari", "31 janvier")],
    "ocmw-heusden-zolder-vluchtelingen": [("33.259", "33 259"), ("6,5 %", "6,5 %"), ("37", "37"), ("23", "23"),
                                          ("165", "165"), ("63", "63"), ("77", "77"), ("43", "43"), ("600", "600"),
                                          ("500", "500"), ("300", "300"), ("2.000", "2 000"), ("180", "180"),
                                          ("71 %", "71 %"), ("34 %", "34 %"), ("6 %", "6 %")],
}
STAFF_NAMES = ["Asselman", "Maekelberg", "De Roo", "Laaroussi", "Aguelmin", "Soares", "Gbambili", "Darras",
               "Baslari", "Elfargani", "Dubus", "Kerkhof", "Kaya", "Coninx", "Clijsters", "Van Avermaet", "Lesiw",
               "De Coninck", "Homans", "Claudine"]
# Function words of one language only ("de" and "en" are both Dutch and French, so they count for neither).
DUTCH = set("het een van is zijn wordt worden niet voor met op aan dat die ook naar bij om te hun deze er "
            "wat hoe kan moet of als nog door".split())
FRENCH = set("le la les des du un une et est sont pour avec dans sur que qui au aux pas ne à ou par leur leurs "
             "ces cette se ce il elle".split())


def page_text(site: Path, url: str) -> str:
    html = (site / url / "index.html").read_text(encoding="utf-8")
    body = html.split('<article class="md-content__inner', 1)[1].split("</article>", 1)[0]
    body = re.sub(r'<abbr title="[^"]*">', "", body)
    body = re.sub(r"<pre.*?</pre>|<code>.*?</code>", " ", body, flags=re.S)  # examples quote the other language
    return " ".join(re.sub(r"<[^>]+>", " ", body).replace("&#39;", "'").replace("&amp;", "&").split())


def content_pages(site: Path, lang: str) -> list[str]:
    root = site if lang == "nl" else site / "fr"
    pages = []
    for path in sorted(root.rglob("index.html")):
        url = path.parent.relative_to(site).as_posix()
        if lang == "nl" and (url == "fr" or url.startswith("fr/")):
            continue
        pages.append("" if url == "." else url)
    return pages


@pytest.mark.parametrize("fiche_id", sorted(SECTIONS))
def test_fiche_has_every_section_its_source_supports_in_both_languages(site, fiche_id):
    for prefix in ("", "fr/"):
        html = (site / prefix / "fiches" / fiche_id / "index.html").read_text(encoding="utf-8")
        anchors = set(re.findall(r'<h[23] id="([a-z-]+)"', html))
        missing = [a for a in SECTIONS[fiche_id] if a not in anchors]
        assert missing == [], (prefix, missing)
        if fiche_id in MODULES:
            assert html.count('class="kb-module"') == MODULES[fiche_id]


def test_every_fiche_is_listed_in_the_sections_table():
    assert sorted(SECTIONS) == sorted(p.stem for p in (ROOT / "fiches").glob("*.yml"))


@pytest.mark.parametrize("fiche_id", sorted(FIGURES))
def test_figures_of_the_source_appear_in_both_languages(site, fiche_id):
    nl = page_text(site, f"fiches/{fiche_id}")
    fr = page_text(site, f"fr/fiches/{fiche_id}")
    for nl_figure, fr_figure in FIGURES[fiche_id]:
        assert nl_figure in nl, (fiche_id, nl_figure)
        assert fr_figure in fr.replace("\u202f", " ").replace("\xa0", " "), (fiche_id, fr_figure)


def sentences(text: str) -> list[str]:
    return [s for s in re.split(r"(?<=[.!?:;])\s+|\s+[•·–]\s+", text) if len(s.split()) >= 6]


def language_score(sentence: str) -> tuple[int, int]:
    words = re.findall(r"[a-zàâçéèêëîïôûùüÿœ']+", sentence.lower())
    return sum(w in DUTCH for w in words), sum(w in FRENCH for w in words)


@pytest.mark.parametrize("lang", ["nl", "fr"])
def test_no_sentence_left_in_the_other_language(site, lang):
    leftovers = []
    pages = content_pages(site, lang)
    assert len(pages) > 20
    for url in pages:
        for sentence in sentences(page_text(site, url)):
            dutch, french = language_score(sentence)
            foreign, own = (dutch, french) if lang == "fr" else (french, dutch)
            if foreign >= 3 and foreign > 2 * own:
                leftovers.append(f"{url}: {sentence[:120]}")
    assert leftovers == []


def test_language_check_catches_a_dutch_sentence():
    dutch, french = language_score("Het project richt zich op nieuwkomers die een leefloon ontvangen van het OCMW.")
    assert dutch >= 3 and french == 0
    dutch, french = language_score("Le projet s'adresse aux primo-arrivants qui perçoivent le revenu d'intégration.")
    assert french >= 3 and dutch == 0


def test_no_staff_names_anywhere(site):
    sources = list((ROOT / "fiches").glob("*.yml")) + list((ROOT / "docs").rglob("*.md")) + \
        list((ROOT / "docs").rglob("*.yml"))
    built = list(site.rglob("*.html")) + list(site.rglob("*.json"))
    found = []
    for path in sources + built:
        text = path.read_text(encoding="utf-8")
        found += [f"{path.name}: {name}" for name in STAFF_NAMES if re.search(rf"\b{name}\b", text)]
    assert found == []


@pytest.mark.parametrize("lang,forbidden", [
    # organisation names (IN-Gent, VDAB Brussel, Bruxelles Formation) keep their own spelling
    ("fr", [r"\bAntwerpen\b", r"(?<!IN-)\bGent\b(?!/Gand)", r"\bLuik\b", r"(?<!VDAB )\bBrussel\b"]),
    ("nl", [r"\bAnvers\b", r"(?<!Gent/)\bGand\b", r"\bBruxelles\b(?! Formation)"]),
])
def test_place_names_in_the_readers_language(site, lang, forbidden):
    wrong = []
    for url in content_pages(site, lang):
        text = page_text(site, url)
        text = re.sub(r"Grote Markt 1|Sint-Martensstraat 13", "", text)
        for pattern in forbidden:
            for match in re.finditer(pattern, text):
                wrong.append(f"{url}: …{text[max(0, match.start() - 40):match.end() + 20]}…")
    assert wrong == []


def test_glossary_defines_every_term_in_both_languages(site):
    entries = yaml.safe_load((ROOT / "docs" / "_data" / "glossary.yml").read_text(encoding="utf-8"))
    assert len(entries) >= 25
    ids = [e["id"] for e in entries]
    assert len(ids) == len(set(ids))
    for lang in ("nl", "fr"):
        terms = [e[lang]["term"] for e in entries]
        assert len(terms) == len(set(terms)), lang
        for entry in entries:
            for key in ("term", "expansion", "definition"):
                assert entry[lang][key].strip(), (entry["id"], lang, key)
        page = (site / ("" if lang == "nl" else "fr") / "woordenlijst" / "index.html").read_text(encoding="utf-8")
        for entry in entries:
            assert f'id="term-{entry["id"]}"' in page
    required = {("OCMW", "CPAS"), ("leefloon", "revenu d'intégration"), ("VTE", "ETP"), ("LOI", "ILA"),
                ("GPMI", "PIIS"), ("AMIF", "FAMI"), ("SVK", "AIS")}
    pairs = {(e["nl"]["term"], e["fr"]["term"]) for e in entries}
    assert required <= pairs


def test_glossary_terms_become_tooltips(site):
    nl = (site / "fiches" / "ocmw-antwerpen-amie" / "index.html").read_text(encoding="utf-8")
    fr = (site / "fr" / "fiches" / "ocmw-antwerpen-amie" / "index.html").read_text(encoding="utf-8")
    assert re.search(r'<abbr title="Openbaar Centrum voor Maatschappelijk Welzijn">OCMW</abbr>', nl)
    assert re.search(r'<abbr title="Centre public d(&#39;|&#x27;|\')action sociale">CPAS</abbr>', fr)
    assert "<abbr" in (site / "sociale-activering" / "index.html").read_text(encoding="utf-8")
