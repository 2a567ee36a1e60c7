"""Serving, the whole guide keeps each fiche's part while nothing it shows changed, and renews it when the fiche,
or the name of a fiche it relates to, changes: the same result as rendering everything again."""

from __future__ import annotations

import re
import shutil

import pytest
import yaml
from test_statements import template_env

from scripts.site import render, site_data
from tests.conftest import ROOT

VALID = ROOT / "tests" / "fixtures" / "valid"
DOCS = ROOT / "docs"
PAGE = "fiches/gids/"


@pytest.fixture
def fiches(tmp_path):
    folder = tmp_path / "fiches"
    folder.mkdir()
    for path in sorted(VALID.glob("*.yml")):
        shutil.copy(path, folder / path.name)
    copy = (folder / "minimal.yml").read_text(encoding="utf-8").replace("id: minimal\n", "id: minimal-twee\n", 1)
    assert "id: minimal-twee" in copy
    (folder / "minimal-twee.yml").write_text(copy, encoding="utf-8")
    return folder


def parts(site, env) -> dict[str, str]:
    return {item["id"]: render.guide_fiche(site, env, "nl", item["id"], PAGE, "stamp") for item in site.items("nl")}


def test_the_guide_keeps_unchanged_fiches_and_renews_an_edited_one_and_those_relating_to_it(fiches):
    env = template_env()
    cache, memo = {}, site_data.FicheMemo()
    first = site_data.load(preview=True, fiches_dir=fiches, docs_dir=DOCS, tolerant=True, cache=cache, memo=memo)
    ids = [f.id for f in first.fiches]
    assert len(ids) >= 3
    edited, relating, other = ids[0], ids[1], ids[2]
    path = fiches / f"{relating}.yml"
    data = yaml.safe_load(path.read_text(encoding="utf-8"))
    data["related"] = [edited]
    path.write_text(yaml.safe_dump(data, allow_unicode=True, sort_keys=False), encoding="utf-8")
    first = site_data.load(preview=True, fiches_dir=fiches, docs_dir=DOCS, tolerant=True, cache=cache, memo=memo)
    before = parts(first, env)

    path = fiches / f"{edited}.yml"
    text = path.read_text(encoding="utf-8")
    edited_text, count = re.subn(r"(?m)^(title:\s*\{nl:\s*)[^,}]+|^(title:\n  nl: ).+$",
                                 lambda m: (m.group(1) or m.group(2)) + "Titel na bewerking", text, count=1)
    assert count == 1
    path.write_text(edited_text, encoding="utf-8")
    second = site_data.load(preview=True, fiches_dir=fiches, docs_dir=DOCS, tolerant=True, cache=cache, memo=memo)
    after = parts(second, env)
    fresh = parts(site_data.load(preview=True, fiches_dir=fiches, docs_dir=DOCS, tolerant=True), env)  # the reference
    assert after == fresh
    assert "Titel na bewerking" in after[edited] and "Titel na bewerking" in after[relating]
    assert "Titel na bewerking" not in before[relating]
    assert after[other] is before[other]  # reused, not rendered again
