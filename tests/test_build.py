"""The strict bilingual build: fiche pages, fiches.json, per-language search, refusal of bad fiches, drafts."""

from __future__ import annotations

import json
import re
import shutil
from pathlib import Path

import pytest
import yaml
from conftest import ROOT, build_site, fixture_project

from scripts.fiche_collection import load_collection

FICHES = sorted(p.stem for p in (ROOT / "fiches").glob("*.yml"))


def read(site: Path, url: str) -> str:
    return (site / url / "index.html").read_text(encoding="utf-8")


def main_text(html: str) -> str:
    body = html.split('<article class="md-content__inner', 1)[1].split("</article>", 1)[0]
    return re.sub(r"\s+", " ", re.sub(r"<[^>]+>", " ", body))


def test_every_fiche_has_a_page_in_both_languages(site):
    for fiche_id in FICHES:
        nl = read(site, f"fiches/{fiche_id}")
        fr = read(site, f"fr/fiches/{fiche_id}")
        assert '<html lang="nl"' in nl and '<html lang="fr"' in fr
        assert "In vogelvlucht" in nl or "De aanpak" in nl, fiche_id
        assert "En bref" in fr or "L'approche" in fr or "L&#39;approche" in fr, fiche_id
        assert "Praktisch" in nl and "Informations pratiques" in fr


def test_amie_page_reads_like_the_guide(site):
    nl = main_text(read(site, "fiches/ocmw-antwerpen-amie"))
    fr = main_text(read(site, "fr/fiches/ocmw-antwerpen-amie"))
    for heading in ["In vogelvlucht", "De aanpak", "Visie", "Plus- en minpunten", "Doel", "Inhoud", "Opzet"]:
        assert heading in nl
    for heading in ["En bref", "approche", "Vision", "Points forts et points faibles", "Objectifs", "Contenu",
                    "Organisation"]:
        assert heading in fr
    # figures from the source, in both languages
    assert "1,6%" in nl and "1,6 %" in fr
    assert "zes maanden" in nl and "six mois" in fr
    assert "Totaal VTE 2,5" in nl and "Total ETP 2,5" in fr
    # every module of the guide is there with its own table
    for module in ["Beginfase individuele begeleiding", "Middenfase individuele begeleiding",
                   "Eindfase individuele begeleiding", "Groepssessies"]:
        assert module in nl
    assert nl.count("Doel Inhoud") == 0  # tables are row-headed, not a run-on list
    html = read(site, "fiches/ocmw-antwerpen-amie")
    assert html.count('class="kb-module"') == 4
    assert 'id="module-groepssessies"' in html
    # the table of contents lists the guide's sections
    toc = html.split('class="md-nav md-nav--secondary"', 1)[1]
    toc_links = re.findall(r'<a href="(#[^"]+)" class="md-nav__link">', toc)
    for anchor in ["#overview", "#inspiration", "#approach", "#module-groepssessies", "#vision", "#pros-cons"]:
        assert anchor in toc_links


def test_budget_contradiction_is_shown_not_hidden(site):
    nl = main_text(read(site, "fiches/ocmw-charleroi-activ-up"))
    fr = main_text(read(site, "fr/fiches/ocmw-charleroi-activ-up"))
    assert "de budgetlijn 3 VTE" in nl and "2,5 VTE" in nl
    assert "3 ETP" in fr and "2,5 ETP" in fr
    amie = main_text(read(site, "fiches/ocmw-antwerpen-amie"))
    assert "budgetlijn" not in amie  # staffing and budget agree there


def test_fiches_json(site):
    data = json.loads((site / "fiches.json").read_text(encoding="utf-8"))
    assert data["count"] == len(FICHES) == len(data["fiches"])
    by_id = {f["id"]: f for f in data["fiches"]}
    assert sorted(by_id) == FICHES
    assert by_id["ocmw-antwerpen-amie"]["total_fte"] == 2.5
    assert by_id["ocmw-gent-interactief"]["total_fte"] == 6.5
    assert by_id["ocmw-luik-modactions"]["total_fte"] == 4
    assert by_id["beersel-integratiecoach"]["total_fte"] is None  # no staffing in the source: nothing invented
    for fiche in data["fiches"]:
        assert set(fiche["url"]) == {"nl", "fr"}
        for lang, url in fiche["url"].items():
            assert not url.startswith("/") and (site / url / "index.html").is_file(), (fiche["id"], lang)
        source = yaml.safe_load((ROOT / "fiches" / f"{fiche['id']}.yml").read_text(encoding="utf-8"))
        assert fiche["summary"] == {k: v.strip() for k, v in source["summary"].items()} or \
            fiche["summary"]["nl"].strip() == source["summary"]["nl"].strip()
        assert fiche["region"] == source["region"]


def test_each_language_has_its_own_search_index(site):
    entry = json.loads((site / "pagefind" / "pagefind-entry.json").read_text(encoding="utf-8"))
    def indexed(page) -> bool:  # module pages repeat their fiche and stay out of the index
        return "data-pagefind-body" in page.read_text(encoding="utf-8")

    nl_pages = [p for p in site.rglob("index.html") if p.relative_to(site).parts[0] != "fr" and indexed(p)]
    fr_pages = [p for p in (site / "fr").rglob("index.html") if indexed(p)]
    module_page = site / "fiches" / "ocmw-antwerpen-amie" / "groepssessies" / "index.html"
    assert not indexed(module_page) and indexed(site / "fiches" / "ocmw-antwerpen-amie" / "index.html")
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


def test_build_refuses_invalid_fiche_with_validator_message(tmp_path):
    fiches = tmp_path / "fiches"
    fiches.mkdir()
    shutil.copy(ROOT / "fiches" / "ocmw-antwerpen-amie.yml", fiches)
    bad = (ROOT / "tests" / "fixtures" / "valid" / "minimal.yml").read_text(encoding="utf-8")
    (fiches / "minimal.yml").write_text(bad.replace("region: brussel", "region: walonie"), encoding="utf-8")
    result = build_site(tmp_path / "site", fiches_dir=fiches, config=fixture_project(tmp_path))
    assert result.returncode != 0
    assert "minimal.yml:" in result.stderr
    assert "error: region: 'walonie' must be one of vlaanderen, wallonie, brussel (did you mean wallonie?)" \
        in result.stderr
    assert "Traceback" not in result.stderr


def _with_draft(tmp_path: Path) -> Path:
    fiches = tmp_path / "fiches"
    fiches.mkdir()
    shutil.copy(ROOT / "fiches" / "ocmw-antwerpen-amie.yml", fiches)
    draft = (ROOT / "tests" / "fixtures" / "valid" / "minimal.yml").read_text(encoding="utf-8")
    draft = draft.replace("id: minimal", "id: concept").replace("status: published", "status: draft")
    draft = draft.replace("summary: {nl: Een korte samenvatting., fr: Un résumé court.}",
                          "summary: {nl: Een korte samenvatting.}")
    (fiches / "concept.yml").write_text(draft, encoding="utf-8")
    return fiches


def test_production_build_leaves_drafts_out(tmp_path):
    result = build_site(tmp_path / "site", fiches_dir=_with_draft(tmp_path), config=fixture_project(tmp_path))
    assert result.returncode == 0, result.stderr[-3000:]
    assert "left out 1 draft fiche(s)" in result.stderr
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
                                     "yaml-anchor-alias-block.yml", "yaml-bom.yml", "toplevel-list.yml"])
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
