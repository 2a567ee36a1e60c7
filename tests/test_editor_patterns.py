"""The form's patterns are the validator's own: a date, a link or an e-mail address the form accepts is one
validate.py accepts, and the other way round (issue 25: the rules live in one place, scripts/fiche/check.py).

Each value goes into a fixture fiche read by the real validator; the form's pattern comes from the generated
Decap configuration."""

from __future__ import annotations

import re

import pytest
import yaml
from conftest import ROOT

from scripts.editor import config as cms_config
from scripts.fiche import check_values as check
from scripts.fiche import schema as s
from scripts.fiche.collection import load_collection
from scripts.fiche.hints import THOUSANDS

MINIMAL = ROOT / "tests" / "fixtures" / "valid" / "minimal.yml"
# The validator's codes for a value of the wrong form (other codes, such as a date that does not exist, are
# checks the form leaves to the validator).
FORM_CODES = {"date_form", "url_scheme", "not_email"}
CASES = {
    "as_of": ["2016", "2016-10", "2016-10-01", "16-10", "2016/10", "oktober 2016", "2016-1", "20161", "2016-10-01x"],
    "last_reviewed": ["2026-01-31", "2026-01", "2026", "31-01-2026", "2026-1-31"],
    "contact.website": ["https://example.be/x", "http://ocmw.be", "ftp://ocmw.be", "javascript:alert(1)",
                        "https://ocmw.be/a b", "ocmw.be", "https://ocmw.be/<x>", "//ocmw.be"],
    "contact.email": ["info@ocmw.be", "info@ocmw", "mailto:info@ocmw.be", "info@ocmw.be?cc=x@y.be", "in fo@ocmw.be",
                      "@ocmw.be"],
}


def form_field(dotted: str) -> dict:
    field: dict = {"fields": cms_config.collection()["fields"]}
    for name in dotted.split("."):
        field = next(f for f in field["fields"] if f["name"] == name)
    return field


def schema_node(dotted: str) -> s.Node:
    node: s.Node = s.FICHE
    for name in dotted.split("."):
        node = node.get(name).node
    return node


def validator_accepts(tmp_path, dotted: str, value: str) -> bool:
    data = yaml.safe_load(MINIMAL.read_text(encoding="utf-8"))
    *parents, last = dotted.split(".")
    target = data
    for name in parents:
        target = target.setdefault(name, {})
    target[last] = value
    path = tmp_path / "minimal.yml"
    path.write_text(yaml.safe_dump(data, allow_unicode=True, sort_keys=False), encoding="utf-8")
    found = [p for p in load_collection([path]).problems if p.field == dotted]
    assert all(p.code for p in found), found
    return not any(p.code in FORM_CODES for p in found)


@pytest.mark.parametrize("dotted", sorted(CASES))
def test_the_form_accepts_what_the_validator_accepts(tmp_path, dotted):
    pattern = form_field(dotted)["pattern"][0]
    verdicts = {value: (bool(re.search(pattern, value)), validator_accepts(tmp_path, dotted, value))
                for value in CASES[dotted]}
    assert {v: form for v, (form, _) in verdicts.items()} == {v: valid for v, (_, valid) in verdicts.items()}
    assert any(form for form, _ in verdicts.values()) and not all(form for form, _ in verdicts.values())


@pytest.mark.parametrize("dotted", sorted(CASES))
def test_the_form_takes_its_pattern_from_the_validator(dotted):
    node = schema_node(dotted)
    own = {s.Date: lambda: check.date_form(node), s.Url: lambda: check.url_form(node),
           s.Email: lambda: check.EMAIL.pattern}[type(node)]()
    assert form_field(dotted)["pattern"][0] == f"^{own}$"


def test_the_number_box_takes_the_thousands_pattern_from_the_validator():
    """kb-admin.js refuses an amount such as 45.000 with this pattern (the browser side: test_editor_number.py)."""
    assert cms_config.config()["kb_forms"] == {"thousands": THOUSANDS.pattern}
    assert form_field("budget.amount_eur")["money"] is True
