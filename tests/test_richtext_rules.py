"""The validator's Markdown warnings follow the renderer (CommonMark, markdown-it): it warns about a list that will
show as text, and only then; and it refuses a list nested deeper than the renderer shows whole."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from conftest import ROOT

from scripts.fiche import richtext
from scripts.fiche.collection import load_collection

MINIMAL = ROOT / "tests" / "fixtures" / "valid" / "minimal.yml"


def _problems(folder: Path, text: str) -> list:
    """The minimal fixture fiche with `text` as its Dutch summary: the problems the validator reports."""
    fiche = MINIMAL.read_text(encoding="utf-8").replace(
        "summary: {nl: Een korte samenvatting., fr: Un résumé court.}\n", "")
    fiche += f"summary:\n  nl: {json.dumps(text)}\n  fr: Un résumé court.\n"
    path = folder / "minimal.yml"
    path.write_text(fiche, encoding="utf-8")
    return load_collection([path]).problems


@pytest.mark.parametrize("text, shown_as_list", [
    ("Stappen:\n- een\n- twee", True),
    ("Stappen:\n1. een\n2. twee", True),
    ("Stappen:\n01) een", True),
    ("Stappen:\n2. twee\n3. drie", False),
    ("Stappen:\n\n2. twee\n3. drie", True),
])
def test_a_list_after_a_line_of_text_is_flagged_exactly_when_it_shows_as_text(tmp_path, text, shown_as_list):
    html = str(richtext.to_html(text))
    assert (("<ul>" in html or "<ol" in html) == shown_as_list), html
    warned = [p for p in _problems(tmp_path, text) if p.code == "list_after_text"]
    assert bool(warned) != shown_as_list, warned
    assert all(p.severity == "warning" and p.field == "summary.nl" for p in warned)


def test_a_tightly_indented_list_deeper_than_the_limit_is_refused(tmp_path):
    """Two spaces per level nest a list in CommonMark: the validator counts them, so nothing it accepts is
    deeper than the renderer shows whole."""
    depth = richtext.MAX_LIST_DEPTH
    accepted = "\n".join("  " * level + f"- item{level}" for level in range(depth))
    refused = "\n".join("  " * level + f"- item{level}" for level in range(depth + 1))
    assert [p for p in _problems(tmp_path, accepted) if p.severity == "error"] == []
    assert [p.code for p in _problems(tmp_path, refused) if p.severity == "error"] == ["list_too_deep"]
    assert str(richtext.to_html(accepted)).count("<ul>") == depth
