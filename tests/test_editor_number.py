"""The editor's number box refuses an amount written with a thousands separator as the validator does, with the
validator's own words: `45.000` euro is never saved as 45, and neither is `+45.000` (the validator reads the sign
away before it checks). In chromium against a temporary git repository (the fixtures of tests/test_editor.py);
the expected words come from the real validator reading the same value from a fixture fiche."""

from __future__ import annotations

import pytest
import test_editor
import yaml
from conftest import ROOT
from test_editor import WAIT, control, fill_text
from test_editor_coordinator import fill_a_new_fiche

from scripts.editor.config import SCHEMA as s
from scripts.fiche.collection import load_collection
from scripts.lang import ui_text

NL = s.LANGS[0]
MINIMAL = ROOT / "tests" / "fixtures" / "valid" / "minimal.yml"
editor_session, editor = test_editor.editor_session, test_editor.editor


def validator_words(tmp_path, typed: str) -> str:
    """The validator's message, in the form's language, for `typed` as a fiche's budget.amount_eur."""
    text = MINIMAL.read_text(encoding="utf-8") + f"budget:\n  amount_eur: {typed}\n"
    (tmp_path / "minimal.yml").write_text(text, encoding="utf-8")
    found = [p for p in load_collection([tmp_path / "minimal.yml"]).problems if p.field == "budget.amount_eur"]
    assert [p.code for p in found] == ["thousands_money"], found
    return found[0].message_in(NL)


@pytest.mark.browser
@pytest.mark.parametrize("typed", ["45.000", "+45.000"])
def test_an_amount_with_a_thousands_separator_is_refused_in_the_form(editor, tmp_path, typed):
    page, repo, _ = editor
    words = validator_words(tmp_path, typed)
    fte = fill_a_new_fiche(page, "ocmw-leuven-budget")
    fte.fill("0,5")
    budget = control(page, "budget")
    budget.locator("button").first.click()  # unfold the optional section
    fill_text(control(budget, "personnel"), "Een begeleider", "Un animateur")
    budget.locator('input[id^="amount_eur-field-"]').first.fill(typed)
    page.get_by_text(ui_text.t("editor_save", NL), exact=True).first.click()
    page.get_by_role("menuitem", name=ui_text.t("editor_save_now", NL)).click()
    page.get_by_text(words).first.wait_for(timeout=WAIT)
    assert not (repo / "fiches" / "ocmw-leuven-budget.yml").exists()
    assert yaml.safe_load(f"x: {typed}")["x"] == 45.0  # what YAML would have saved: 45 euro
