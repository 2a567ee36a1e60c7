"""The strict bilingual build: fiche pages, fiches.json, per-language search, refusal of bad fiches, drafts."""

from __future__ import annotations

import json
import re
import shutil
from html import unescape
from pathlib import Path

import pytest
from conftest import ROOT, build_site, fixture_project, load_fiches

from scripts.fiche.collection import load_collection
from scripts.lang import ui_text

# Page sections (anchors) and the YAML fields that bring them: a section is there exactly when its data is.
SECTION_FIELDS = {"inspiration": ["inspiration"], "problem": ["problem"], "objectives": ["objectives"],
                  "target-group": ["target_group"], "staffing": ["staffing"], "approach": ["approach", "modules"],
                  "competences": ["competences"], "support": ["support"], "budget": ["budget"],
                  "vision": ["vision"], "pros-cons": ["pros", "cons", "future", "what_works"]}
HEADINGS = {"overview": {"nl": "In vogelvlucht", "fr": "En bref"}, "approach": {"nl": "De aanpak", "fr": "L'approche"},
            "vision": {"nl": "Visie", "fr": "Vision"},
            "pros-cons": {"nl": "Plus- en minpunten", "fr": "Points forts et points faibles"},
            "practical": {"nl": "Praktisch", "fr": "Informations pratiques"}}
MODULE_ROWS = {"nl": ["Doel", "Inhoud", "Opzet"], "fr": ["Objectifs", "Contenu", "Organisation"]}


def read(site: Path, url: str) -> str:
    return (site / url / "index.html").read_text(encoding="utf-8")


def main_text(html: str) -> str:
    body = html.split('<article class="md-content__inner', 1)[1].split("</article>", 1)[0]
    return re.sub(r"\s+", " ", re.sub(r"<[^>]+>", " ", body))


def headings(html: str) -> dict[str, str]:
    """Section anchor -> heading text of a fiche page."""
    found = re.findall(r'<h([23]) id="([a-z-]+)"[^>]*>(.*?)</h\1>', html, re.S)
    return {anchor: unescape(re.sub(r"<[^>]+>", "", text)).strip() for _, anchor, text in found}


def test_every_fiche_has_a_page_in_both_languages(site):
    fiches = load_fiches()
    assert fiches
    for fiche in fiches:
        expected = {"overview", "practical"} | {anchor for anchor, fields in SECTION_FIELDS.items()
                                               if any(field in fiche for field in fields)}
        for lang in ("nl", "fr"):
            html = read(site, f"{'' if lang == 'nl' else 'fr/'}fiches/{fiche['id']}")
            assert f'<html lang="{lang}"' in html
            found = headings(html)
            assert {a for a in found if a in SECTION_FIELDS or a in HEADINGS} == expected, (fiche["id"], lang)
            for anchor, text in HEADINGS.items():
                if anchor in expected:
                    assert found[anchor].startswith(text[lang]), (fiche["id"], lang, anchor, found[anchor])


def test_modules_are_row_headed_tables(site):
    for fiche in load_fiches():
        for lang in ("nl", "fr"):
            html = read(site, f"{'' if lang == 'nl' else 'fr/'}fiches/{fiche['id']}")
            tables = re.findall(r'<table class="kb-module".*?</table>', html, re.S)
            assert len(tables) == len(fiche.get("modules", [])), (fiche["id"], lang)
            for table in tables:
                rows = re.findall(r'<th scope="row">(.*?)</th>', table)
                assert rows and set(rows) <= set(MODULE_ROWS[lang]), (fiche["id"], lang, rows)
            assert " ".join(MODULE_ROWS[lang][:2]) not in main_text(html)  # not a run-on list


def test_fiches_json(site):
    data = json.loads((site / "fiches.json").read_text(encoding="utf-8"))
    published = {f["id"]: f for f in load_fiches()}
    assert data["count"] == len(published) == len(data["fiches"])
    by_id = {f["id"]: f for f in data["fiches"]}
    assert sorted(by_id) == sorted(published)
    for fiche in data["fiches"]:
        source = published[fiche["id"]]
        roles = source.get("staffing", {}).get("roles", [])
        expected = round(sum(role.get("count", 1) * role["fte"] for role in roles), 2) if roles else None
        assert fiche["total_fte"] == expected, fiche["id"]  # computed from the roles, never typed
        assert set(fiche["url"]) == {"nl", "fr"}
        for lang, url in fiche["url"].items():
            assert not url.startswith("/") and (site / url / "index.html").is_file(), (fiche["id"], lang)
        # as written, with the language's typography applied by the site (French: no-break spaces)
        assert fiche["summary"] == {k: ui_text.typeset(v.strip(), k) for k, v in source["summary"].items()}
        assert fiche["region"] == source["region"]


def test_each_language_has_its_own_search_index(site):
    entry = json.loads((site / "pagefind" / "pagefind-entry.json").read_text(encoding="utf-8"))
    def indexed(page) -> bool:  # module pages repeat their fiche and stay out of the index
        return "data-pagefind-body" in page.read_text(encoding="utf-8")

    nl_pages = [p for p in site.rglob("index.html") if p.relative_to(site).parts[0] != "fr" and indexed(p)]
    fr_pages = [p for p in (site / "fr").rglob("index.html") if indexed(p)]
    fiche = next(f for f in load_fiches() if f.get("modules"))
    module_page = site / "fiches" / fiche["id"] / fiche["modules"][0]["id"] / "index.html"
    assert not indexed(module_page) and indexed(site / "fiches" / fiche["id"] / "index.html")
    assert set(entry["languages"]) == {"nl", "fr"}
    assert entry["languages"]["nl"]["page_count"] == len(nl_pages)
    assert entry["languages"]["fr"]["page_count"] == len(fr_pages)
    chunks = list((site / "pagefind" / "index").glob("*.pf_index"))  # chunked: no file holds a whole language
    assert {c.name.split("_")[0] for c in chunks} == {"nl", "fr"}
    assert not (site / "search" / "search_index.json").exists()  # Material's whole-site index is not shipped


def test_no_third_party_urls_in_built_assets(site):
    offenders = []
    for path in site.rglob("*"):
        if path.suffix not in (".html", ".css", ".js"):
            continue
        if path.parent.name == "admin" and path.name.endswith("decap-cms.js"):
            continue  # the pinned editor bundle names media libraries it never loads here; test_editor.py
            # records every request /admin/ makes (only the site itself)
        text = path.read_text(encoding="utf-8", errors="replace")
        for match in re.finditer(r'(?:src|href)="(https?://[^"]+)"', text):
            url = match.group(1)
            if path.suffix == ".html" and ("<a " in text[max(0, match.start() - 300):match.start()].rsplit(">", 1)[-1]
                                           or 'rel="canonical"' in text[match.start() - 40:match.start()]):
                continue  # ordinary outgoing links and the canonical URL are not loaded by the browser
            offenders.append(f"{path.relative_to(site)}: {url}")
        if "fonts.googleapis" in text or "fonts.gstatic" in text:
            offenders.append(f"{path.relative_to(site)}: Google Fonts")
    assert offenders == []


VALID_FICHE = ROOT / "tests" / "fixtures" / "valid" / "ocmw-antwerpen-amie.yml"  # a fixture, not fiches/


def test_build_refuses_invalid_fiche_with_validator_message(tmp_path):
    fiches = tmp_path / "fiches"
    fiches.mkdir()
    shutil.copy(VALID_FICHE, fiches)
    bad = (ROOT / "tests" / "fixtures" / "valid" / "minimal.yml").read_text(encoding="utf-8")
    (fiches / "minimal.yml").write_text(bad.replace("region: brussel", "region: walonie"), encoding="utf-8")
    result = build_site(tmp_path / "site", fiches_dir=fiches, config=fixture_project(tmp_path))
    assert result.returncode != 0
    assert "minimal.yml:" in result.stderr
    assert "error: region: 'walonie' must be one of wallonie, vlaanderen, brussel (did you mean wallonie?)" \
        in result.stderr
    assert "Traceback" not in result.stderr


def _with_draft(tmp_path: Path) -> Path:
    fiches = tmp_path / "fiches"
    fiches.mkdir()
    shutil.copy(VALID_FICHE, fiches)
    draft = (ROOT / "tests" / "fixtures" / "valid" / "minimal.yml").read_text(encoding="utf-8")
    draft = draft.replace("id: minimal", "id: concept").replace("status: published", "status: draft")
    draft = draft.replace("summary: {nl: Een korte samenvatting., fr: Un résumé court.}",
                          "summary: {nl: Een korte samenvatting.}")
    (fiches / "concept.yml").write_text(draft, encoding="utf-8")
    return fiches


def test_production_build_leaves_drafts_out(tmp_path):
    result = build_site(tmp_path / "site", fiches_dir=_with_draft(tmp_path), config=fixture_project(tmp_path))
    assert result.returncode == 0, result.stderr[-3000:]
    assert "drafts left out: 1" in result.stderr
    assert not (tmp_path / "site" / "fiches" / "concept").exists()
    data = json.loads((tmp_path / "site" / "fiches.json").read_text(encoding="utf-8"))
    assert [f["id"] for f in data["fiches"]] == ["ocmw-antwerpen-amie"]


def test_preview_build_shows_drafts_with_a_banner(tmp_path):
    result = build_site(tmp_path / "site", fiches_dir=_with_draft(tmp_path), preview=True,
                        config=fixture_project(tmp_path))
    assert result.returncode == 0, result.stderr[-3000:]
    page = (tmp_path / "site" / "fiches" / "concept" / "index.html").read_text(encoding="utf-8")
    assert "kb-draft" in page and "Ontwerp" in page
    fr = (tmp_path / "site" / "fr" / "fiches" / "concept" / "index.html").read_text(encoding="utf-8")
    assert "Brouillon" in fr


def test_preview_build_has_the_translation_status_page(tmp_path):
    result = build_site(tmp_path / "site", fiches_dir=_with_draft(tmp_path), preview=True,
                        config=fixture_project(tmp_path))
    assert result.returncode == 0, result.stderr[-3000:]
    page = (tmp_path / "site" / "bijdragen" / "vertaalstatus" / "index.html").read_text(encoding="utf-8")
    assert "Vertaalstatus" in page and "summary.fr" in page and 'data-problem="missing"' in page
    assert (tmp_path / "site" / "fr" / "bijdragen" / "vertaalstatus" / "index.html").is_file()
    other = tmp_path / "x"
    other.mkdir()
    production = build_site(tmp_path / "prod", fiches_dir=_with_draft(other), config=fixture_project(other))
    assert production.returncode == 0
    assert not (tmp_path / "prod" / "bijdragen" / "vertaalstatus").exists()


@pytest.mark.parametrize("fixture", ["staffing-fte-string.yml", "duplicate-key.yml", "text-script.yml",
                                     "yaml-anchor-alias-block.yml", "yaml-syntax-colon-in-text.yml",
                                     "toplevel-list.yml"])
def test_build_refuses_what_the_validator_refuses_with_the_same_messages(tmp_path, fixture):
    fiches = tmp_path / "fiches"
    fiches.mkdir()
    shutil.copy(ROOT / "tests" / "fixtures" / "invalid" / fixture, fiches / fixture)
    expected = [str(p) for p in load_collection([fiches / fixture]).problems if p.severity == "error"]
    assert expected
    result = build_site(tmp_path / "site", fiches_dir=fiches, config=fixture_project(tmp_path))
    assert result.returncode != 0
    for line in expected:
        assert line in result.stderr, line
    assert "Traceback" not in result.stderr
    assert not (tmp_path / "site" / "fiches" / fixture[:-4]).exists()
