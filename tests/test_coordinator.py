"""A coordinator adds fiches and touches no test.

The content site every content test reads (tests/conftest.py) is built once from the repository's fiches plus
tests/fixtures/coordinator/: a new published fiche without coordinates and a new draft. These tests prove that
the run really contained them, so a green content suite means a new valid fiche needs no test edit."""

from __future__ import annotations

import json

import yaml
from conftest import COORDINATOR, ROOT, fiches_dir

from scripts.lang.languages import LANGS
from scripts.site import urls


def coordinator_fiches() -> dict[str, dict]:
    """status -> fiche, read independently of the code under test."""
    fiches = [yaml.safe_load(p.read_text(encoding="utf-8")) for p in sorted(COORDINATOR.glob("*.yml"))]
    return {fiche["status"]: fiche for fiche in fiches}


def test_the_fixtures_are_a_new_published_fiche_without_coordinates_and_a_new_draft():
    fiches = coordinator_fiches()
    assert set(fiches) == {"published", "draft"}
    assert "coordinates" not in fiches["published"]
    real = {p.stem for p in (ROOT / "fiches").glob("*.yml")}
    assert not real & {f["id"] for f in fiches.values()}


def test_the_content_site_reads_every_real_fiche_and_the_new_ones():
    content = {p.name for p in fiches_dir().glob("*.yml")}
    assert content == {p.name for p in (ROOT / "fiches").glob("*.yml")} | {p.name for p in COORDINATOR.glob("*.yml")}


def test_the_new_fiche_is_published_in_every_language_and_the_draft_nowhere(site):
    fiches = coordinator_fiches()
    published, draft = fiches["published"], fiches["draft"]
    data = json.loads((site / "fiches.json").read_text(encoding="utf-8"))
    ids = {entry["id"] for entry in data["fiches"]}
    assert published["id"] in ids and draft["id"] not in ids
    sitemap = (site / "sitemap.xml").read_text(encoding="utf-8")
    assert draft["id"] not in sitemap
    for lang in LANGS:
        page = site / urls.lang_prefix(lang) / urls.path_for("fiche", published["id"]) / "index.html"
        html = page.read_text(encoding="utf-8")
        assert published["title"][lang] in html, lang
        catalogue = (site / urls.lang_prefix(lang) / "fiches" / "index.html").read_text(encoding="utf-8")
        assert f'data-id="{published["id"]}"' in catalogue and f'data-id="{draft["id"]}"' not in catalogue
        assert not (site / urls.lang_prefix(lang) / "fiches" / draft["id"]).exists()
