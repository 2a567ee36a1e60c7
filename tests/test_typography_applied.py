"""French typography is the site's job: a fiche typed with plain spaces before `: ; ? !` (nobody can type U+00A0)
validates, and the real build gives every French view and the open data the no-break space, while Dutch text, web
addresses, code and times such as 10:00 keep their characters.

One fixture fiche, one real `mkdocs build --strict` of the small fixture project (tests/conftest.py).
"""

from __future__ import annotations

import csv
import html
import io
import json
import re
import subprocess
import sys
from pathlib import Path

import pytest
import yaml
from conftest import ROOT, build_site, cli_env, fixture_project

from scripts.site import urls

NO_BREAK = "[\u00a0\u202f]"
FICHE = """\
id: typo-test
status: published
title: {nl: "Taalcafé: Leuven", fr: "Café des langues : Louvain"}
organisation:
  name: {nl: OCMW Leuven, fr: CPAS de Louvain}
  type: ocmw
municipality: {nl: Leuven, fr: Louvain}
region: vlaanderen
themes: [taal]
summary:
  nl: "Let op : deze tekst blijft zoals hij is ; echt ? Ja ! Om 10:00 op https://example.be/a:b."
  fr: >-
    Le revenu d'intégration : chaque mois ; vraiment ? Oui ! Rendez-vous à 10:00 sur
    https://example.be/a:b et le code `a : b`.
modules:
  - id: accueil
    name: {nl: Onthaal, fr: Accueil}
    kind: collective
    goals:
      - {nl: "Doel: spreken", fr: "But : parler"}
    content: {text: {nl: "Inhoud: gesprekken.", fr: "Contenu : des conversations."}}
contact:
  organisation: {nl: OCMW Leuven, fr: CPAS de Louvain}
sources:
  - document: {nl: Een bron, fr: Une source}
    date: "2020"
last_reviewed: 2026-01-31
as_of: "2020"
as_of_source: {ref: 1}
"""


def _text(path: Path) -> str:
    page = re.sub(r"<(script|style)\b.*?</\1>", " ", path.read_text(encoding="utf-8"), flags=re.S)
    return html.unescape(re.sub(r"<[^>]+>", "", page))


@pytest.fixture(scope="module")
def built(tmp_path_factory):
    tmp = tmp_path_factory.mktemp("typography")
    fiches = tmp / "fiches"
    fiches.mkdir()
    (fiches / "typo-test.yml").write_text(FICHE, encoding="utf-8")
    assert "\u00a0" not in FICHE and "\u202f" not in FICHE
    site = tmp / "site"
    result = build_site(site, fiches_dir=fiches, config=fixture_project(tmp))
    assert result.returncode == 0, result.stderr[-4000:]
    return fiches, site


def test_the_fiche_with_plain_spaces_validates(built):
    fiches, _ = built
    for lang in ("nl", "fr"):
        result = subprocess.run([sys.executable, "-m", "scripts.validate", "--lang", lang, str(fiches)],
                                cwd=ROOT, env=cli_env(), capture_output=True, text=True, timeout=120)
        assert result.returncode == 0, result.stdout + result.stderr
        assert "U+00A0" not in result.stdout


@pytest.mark.parametrize("view", ["fiche", "module", "catalogue", "compare"])
def test_every_french_view_has_the_no_break_space(built, view):
    _, site = built
    paths = {"fiche": lambda lang: site / urls.url_for("fiche", "typo-test", lang) / "index.html",
             "module": lambda lang: site / urls.url_for("fiche", "typo-test", lang) / "accueil" / "index.html",
             "catalogue": lambda lang: site / urls.url_for("page", "fiches/", lang) / "index.html",
             "compare": lambda lang: site / urls.url_for("fiche-data", "typo-test", lang)}
    french = paths[view]("fr")
    dutch = paths[view]("nl")
    text_fr = _text(french) if french.suffix == ".html" else french.read_text(encoding="utf-8")
    text_nl = _text(dutch) if dutch.suffix == ".html" else dutch.read_text(encoding="utf-8")
    if view == "compare":
        text_fr = json.dumps(json.loads(text_fr), ensure_ascii=False)
        text_nl = json.dumps(json.loads(text_nl), ensure_ascii=False)
    assert re.search(f"Café des langues{NO_BREAK}: Louvain", text_fr), view
    assert "Café des langues : Louvain" not in text_fr
    assert "Taalcafé: Leuven" in text_nl  # Dutch is never touched
    if view == "fiche":
        for wanted in (f"d'intégration{NO_BREAK}: chaque", f"mois{NO_BREAK}; vraiment{NO_BREAK}\\? Oui{NO_BREAK}!",
                       f"Contenu{NO_BREAK}: des", f"But{NO_BREAK}: parler"):
            assert re.search(wanted, text_fr), wanted
        assert "10:00" in text_fr and "https://example.be/a:b" in text_fr and "a : b" in text_fr
        assert "Let op : deze tekst blijft zoals hij is ; echt ? Ja !" in text_nl
    if view == "module":
        assert re.search(f"But{NO_BREAK}: parler", text_fr) and "Doel: spreken" in text_nl


def test_open_data_has_the_no_break_space(built):
    _, site = built
    payload = json.loads((site / "fiches.json").read_text(encoding="utf-8"))
    fiche = next(f for f in payload["fiches"] if f["id"] == "typo-test")
    assert re.search(f"d'intégration{NO_BREAK}: chaque", fiche["summary"]["fr"])
    assert "https://example.be/a:b" in fiche["summary"]["fr"] and "10:00" in fiche["summary"]["fr"]
    assert fiche["summary"]["nl"].startswith("Let op : deze tekst")
    assert re.search(f"But{NO_BREAK}: parler", fiche["modules"][0]["goals"][0]["fr"])
    rows = {lang: list(csv.reader(io.StringIO((site / urls.url_for("csv", "", lang)).read_text("utf-8-sig")),
                                  delimiter=";")) for lang in ("nl", "fr")}
    assert any(re.fullmatch(f"Café des langues{NO_BREAK}: Louvain", cell) for row in rows["fr"] for cell in row)
    assert any(cell == "Taalcafé: Leuven" for row in rows["nl"] for cell in row)


def test_the_source_file_is_left_as_typed(built):
    fiches, _ = built
    data = yaml.safe_load((fiches / "typo-test.yml").read_text(encoding="utf-8"))
    assert data["title"]["fr"] == "Café des langues : Louvain"
