"""The seed content on the built site: every section and figure of the sources, in both languages, and
nothing left untranslated, no staff names, place names in the reader's language."""

from __future__ import annotations

import hashlib
import json
import re
from pathlib import Path

import pytest
import yaml
from conftest import ROOT, load_fiches, seed_facts

# sha256 of "kb-staff:" + surname, for the staff named in the source documents: the names themselves are never
# committed. Add one with: python3 -c 'import hashlib,sys; print(hashlib.sha256(b"kb-staff:"+sys.argv[1].encode())
# .hexdigest()[:20])' 'Surname'   (two-word surnames with one space: 'Van Name').
STAFF_NAME_HASHES = set((ROOT / "tests" / "fixtures" / "staff_names.sha256").read_text(encoding="utf-8").split())
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
        if url == "admin":  # the web editor's page, not a content page
            continue
        pages.append("" if url == "." else url)
    return pages


def fiche_html(site: Path, fiche_id: str, lang: str) -> str:
    return (site / ("" if lang == "nl" else "fr") / "fiches" / fiche_id / "index.html").read_text(encoding="utf-8")


def fr_plain(text: str) -> str:
    return text.replace("\u202f", " ").replace("\xa0", " ")


@pytest.mark.parametrize("fiche_id,sections", seed_facts("sections"))
def test_fiche_has_every_section_its_source_supports_in_both_languages(site, fiche_id, sections):
    for lang in ("nl", "fr"):
        anchors = set(re.findall(r'<h[23] id="([a-z-]+)"', fiche_html(site, fiche_id, lang)))
        assert [a for a in sections if a not in anchors] == [], lang


@pytest.mark.parametrize("fiche_id,count", seed_facts("modules"))
def test_fiche_has_the_modules_of_its_source(site, fiche_id, count):
    for lang in ("nl", "fr"):
        assert fiche_html(site, fiche_id, lang).count('class="kb-module"') == count, lang


@pytest.mark.fiche
def test_every_fiche_page_shows_each_module_of_its_yaml(site):
    fiches = load_fiches()
    assert fiches
    for fiche in fiches:
        for lang in ("nl", "fr"):
            html = fiche_html(site, fiche["id"], lang)
            assert html.count('class="kb-module"') == len(fiche.get("modules", [])), (fiche["id"], lang)
            for module in fiche.get("modules", []):
                assert f'id="module-{module["id"]}"' in html, (fiche["id"], module["id"])


@pytest.mark.parametrize("fiche_id,figures", seed_facts("figures"))
def test_figures_of_the_source_appear_in_both_languages(site, fiche_id, figures):
    nl = page_text(site, f"fiches/{fiche_id}")
    fr = fr_plain(page_text(site, f"fr/fiches/{fiche_id}"))
    for nl_figure, fr_figure in figures:
        assert nl_figure in nl, nl_figure
        assert fr_figure in fr, fr_figure


@pytest.mark.parametrize("fiche_id,phrases", seed_facts("phrases"))
def test_phrases_of_the_source_appear(site, fiche_id, phrases):
    for lang, expected in phrases.items():
        text = fr_plain(page_text(site, f"{'' if lang == 'nl' else 'fr/'}fiches/{fiche_id}"))
        assert [p for p in expected if p not in text] == [], lang


@pytest.mark.parametrize("fiche_id,absent", seed_facts("absent"))
def test_what_the_source_does_not_say_is_absent(site, fiche_id, absent):
    for lang, phrases in absent.items():
        text = page_text(site, f"{'' if lang == 'nl' else 'fr/'}fiches/{fiche_id}")
        assert [p for p in phrases if p in text] == [], lang


@pytest.mark.parametrize("fiche_id,names", seed_facts("module_names"))
def test_module_names_of_the_source(site, fiche_id, names):
    for lang, expected in names.items():
        text = page_text(site, f"{'' if lang == 'nl' else 'fr/'}fiches/{fiche_id}")
        assert [n for n in expected if n not in text] == [], lang


@pytest.mark.parametrize("fiche_id,anchors", seed_facts("toc"))
def test_table_of_contents_lists_the_guide_sections(site, fiche_id, anchors):
    toc = fiche_html(site, fiche_id, "nl").split('class="md-nav md-nav--secondary"', 1)[1]
    links = re.findall(r'<a href="(#[^"]+)" class="md-nav__link">', toc)
    assert [a for a in anchors if a not in links] == []


@pytest.mark.parametrize("fiche_id,total", seed_facts("total_fte"))
def test_total_fte_of_the_source(site, fiche_id, total):
    data = json.loads((site / "fiches.json").read_text(encoding="utf-8"))
    assert next(f for f in data["fiches"] if f["id"] == fiche_id)["total_fte"] == total


@pytest.mark.parametrize("fiche_id,module", seed_facts("compare"))
def test_compare_data_of_the_source(site, fiche_id, module):
    data = json.loads((site / "fr" / "fiches" / fiche_id / "data.json").read_text(encoding="utf-8"))
    found = next(m for m in data["modules"] if m["name"] == module["module"])
    assert (found["weekly_hours"], found["hours_per_session"]) == (module["weekly_hours"], module["hours_per_session"])


def test_seed_facts_name_known_fields_only():
    """A typo in the fact table would silently check nothing."""
    table = yaml.safe_load((ROOT / "tests" / "fixtures" / "seed_facts.yml").read_text(encoding="utf-8"))
    used = {"sections", "modules", "module_names", "figures", "toc", "total_fte", "phrases", "absent", "compare"}
    assert table and all(set(facts) <= used for facts in table.values())


def sentences(text: str) -> list[str]:
    return [s for s in re.split(r"(?<=[.!?:;])\s+|\s+[•·–]\s+", text) if len(s.split()) >= 6]


def language_score(sentence: str) -> tuple[int, int]:
    words = re.findall(r"[a-zàâçéèêëîïôûùüÿœ']+", sentence.lower())
    return sum(w in DUTCH for w in words), sum(w in FRENCH for w in words)


@pytest.mark.fiche
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


def staff_names_in(text: str) -> list[str]:
    """Capitalised words and word pairs of the text whose hash is a staff member's surname."""
    words = re.findall(r"\b[A-Z][\w'-]*\b", text)
    candidates = set(words) | set(re.findall(r"\b(?:De|Van|Le|La|Du|Den|Der) [A-Z][\w'-]*\b", text))
    return sorted(w for w in candidates if hashlib.sha256(f"kb-staff:{w}".encode()).hexdigest()[:20]
                  in STAFF_NAME_HASHES)


def test_staff_name_check_finds_a_listed_name():
    probe = "Zzyzxqk"  # not a staff name: add its hash for the duration of the test
    STAFF_NAME_HASHES.add(hashlib.sha256(f"kb-staff:{probe}".encode()).hexdigest()[:20])
    try:
        assert staff_names_in(f"Contact: mevrouw {probe}, OCMW.") == [probe]
        assert staff_names_in("Contact: het OCMW, dienst activering.") == []
    finally:
        STAFF_NAME_HASHES.discard(hashlib.sha256(f"kb-staff:{probe}".encode()).hexdigest()[:20])
    assert len(STAFF_NAME_HASHES) >= 20


@pytest.mark.fiche
def test_no_staff_names_anywhere(site):
    sources = list((ROOT / "fiches").glob("*.yml")) + list((ROOT / "docs").rglob("*.md")) + \
        list((ROOT / "docs").rglob("*.yml"))
    built = list(site.rglob("*.html")) + list(site.rglob("*.json"))
    found = []
    for path in sources + built:
        found += [f"{path.name}: {name}" for name in staff_names_in(path.read_text(encoding="utf-8"))]
    assert found == []


ADDRESSES = sorted({text for f in load_fiches() for text in f.get("contact", {}).get("address", {}).values()},
                   key=len, reverse=True)


@pytest.mark.parametrize("lang,forbidden", [
    # organisation names (IN-Gent, VDAB Brussel, Bruxelles Formation) keep their own spelling
    ("fr", [r"\bAntwerpen\b", r"(?<!IN-)\bGent\b(?!/Gand)", r"\bLuik\b", r"(?<!VDAB )\bBrussel\b"]),
    ("nl", [r"\bAnvers\b", r"(?<!Gent/)\bGand\b", r"\bBruxelles\b(?! Formation)"]),
])
@pytest.mark.fiche
def test_place_names_in_the_readers_language(site, lang, forbidden):
    wrong = []
    for url in content_pages(site, lang):
        text = page_text(site, url)
        for address in ADDRESSES:  # a postal address is written as it is (2000 Antwerpen), in every language
            text = text.replace(address, "")
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
    expansions = {"nl": ("OCMW", r"Openbaar Centrum voor Maatschappelijk Welzijn"),
                  "fr": ("CPAS", r"Centre public d(&#39;|&#x27;|')action sociale")}
    checked = 0
    for fiche in load_fiches():
        for lang, (term, expansion) in expansions.items():
            html = fiche_html(site, fiche["id"], lang)
            if re.search(rf"\b{term}\b", page_text(site, f"{'' if lang == 'nl' else 'fr/'}fiches/{fiche['id']}")):
                assert re.search(rf'<abbr title="{expansion}">{term}</abbr>', html), (fiche["id"], lang)
                checked += 1
    assert checked  # the network is about OCMW/CPAS: some fiche names one
    assert "<abbr" in (site / "sociale-activering" / "index.html").read_text(encoding="utf-8")
