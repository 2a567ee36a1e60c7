"""What a coordinator hits with a real new fiche (issue "a coordinator publishes a fiche alone"): syntax errors in
the coordinator's language with the corrected line and the rest of the file still checked, YAML's own booleans,
a budget with a thousands separator, a personal e-mail address, and the closest allowed values named first.

Everything runs through the real validator: the CLI (`python -m scripts.validate --lang nl|fr`) or the loader and
collection it uses.
"""

from __future__ import annotations

import json
import re
import subprocess
import sys
from pathlib import Path

import pytest
import yaml
from conftest import ROOT, cli_env, fiches_dir

from scripts.fiche import collection as fiche_collection
from scripts.fiche import problems

FIXTURES = ROOT / "tests" / "fixtures"
MINIMAL = (FIXTURES / "valid" / "minimal.yml").read_text(encoding="utf-8")
# PyYAML's own English: none of it may reach a coordinator who asked for Dutch or French
PYYAML_WORDS = re.compile(r"while (parsing|scanning)|did not find|expected key|mapping values|could not find|"
                          r"found character|block mapping|block end")


def fiche(fiche_id: str, extra: str = "", **replace: str) -> str:
    text = MINIMAL.replace("id: minimal\n", f"id: {fiche_id}\n")
    for old, new in replace.items():
        assert old in text, old
        text = text.replace(old, new)
    return text + extra


def validate(folder: Path, lang: str) -> tuple[int, list[dict]]:
    result = subprocess.run([sys.executable, "-m", "scripts.validate", "--json", "--lang", lang, str(folder)],
                            cwd=ROOT, env=cli_env(), capture_output=True, text=True, timeout=120)
    assert result.returncode in (0, 1), result.stderr
    return result.returncode, json.loads(result.stdout)


def line_of(text: str, needle: str) -> int:
    return next(i for i, line in enumerate(text.splitlines(), 1) if needle in line)


# --- syntax errors -----------------------------------------------------------------------------------------------

INDENTATION = [
    ("over", {"  type: ocmw": "   type: ocmw"}, "  type: ocmw", (4, 3)),
    ("under", {"  type: ocmw": " type: ocmw"}, "  type: ocmw", (2, 3)),
    ("list-over", {'    date: "2020"': '      date: "2020"'}, '    date: "2020"', (7, 5)),
    ("list-under", {'    date: "2020"': '   date: "2020"'}, '    date: "2020"', (4, 5)),
    ("top-level", {"themes: [taal]": " themes: [taal]"}, "themes: [taal]", (2, 1)),
]


@pytest.mark.parametrize(("name", "replace", "fixed", "columns"), INDENTATION, ids=[c[0] for c in INDENTATION])
@pytest.mark.parametrize("lang", ["nl", "fr"])
def test_an_indentation_error_names_the_line_and_its_correction_and_the_rest_is_checked(
        tmp_path, lang, name, replace, fixed, columns):
    # a second, unrelated problem further down proves that the rest of the file is still checked
    text = fiche(name, **replace, **{"region: brussel": "region: brusel"})
    (tmp_path / f"{name}.yml").write_text(text, encoding="utf-8")
    code, records = validate(tmp_path, lang)
    assert code == 1
    bad_line = line_of(text, list(replace.values())[0])
    assert [(r["line"], r["field"]) for r in records] == sorted([(bad_line, ""), (line_of(text, "brusel"),
                                                                                   "region")])
    indent = next(r for r in records if r["line"] == bad_line)["message"]
    assert f"`{fixed}`" in indent
    found, expected = columns
    words = {"nl": f"deze regel begint in kolom {found}, de regels eromheen in kolom {expected}",
             "fr": f"cette ligne commence en colonne {found}, les lignes voisines en colonne {expected}"}
    assert indent.startswith(words[lang]), indent
    assert not PYYAML_WORDS.search(indent)
    # the corrected line makes the file valid apart from the other problem
    (tmp_path / f"{name}.yml").write_text(text.replace(list(replace.values())[0], fixed), encoding="utf-8")
    assert [r["field"] for r in validate(tmp_path, lang)[1]] == ["region"]


OTHER_SYNTAX = [
    ("unclosed-quote", {"region: brussel": "region: 'brussel"}, {"nl": "aanhalingsteken", "fr": "guillemet"}),
    ("unclosed-brace", {"title: {nl: Minimaal project, fr: Projet minimal}":
                        "title: {nl: Minimaal project, fr: Projet minimal"}, {"nl": "gesloten", "fr": "fermé"}),
    ("no-colon", {"region: brussel": "region brussel"}, {"nl": "dubbelpunt", "fr": "deux-points"}),
    ("at-sign", {"region: brussel": "region: @brussel"}, {"nl": "`@`", "fr": "`@`"}),
    ("colon-in-text", {"summary: {nl: Een korte samenvatting., fr: Un résumé court.}":
                       "summary:\n  nl: Doel: een korte samenvatting.\n  fr: Un résumé court."},
     {"nl": "aanhalingstekens", "fr": "guillemets"}),
]


@pytest.mark.parametrize(("name", "replace", "words"), OTHER_SYNTAX, ids=[c[0] for c in OTHER_SYNTAX])
@pytest.mark.parametrize("lang", ["nl", "fr"])
def test_other_syntax_errors_read_in_the_coordinators_language_and_the_rest_is_checked(
        tmp_path, lang, name, replace, words):
    text = fiche(name, **replace, **{"themes: [taal]": "themes: [tall]"})
    (tmp_path / f"{name}.yml").write_text(text, encoding="utf-8")
    code, records = validate(tmp_path, lang)
    assert code == 1
    syntax = [r for r in records if r["field"] == ""]
    assert len(syntax) == 1 and words[lang] in syntax[0]["message"], records
    assert not PYYAML_WORDS.search(syntax[0]["message"])
    assert syntax[0]["line"] == line_of(text, list(replace.values())[0].splitlines()[-2 if "\n" in
                                                                                       list(replace.values())[0]
                                                                                       else 0])
    # `themes` comes after the broken line in none of these cases but is still checked, and nothing is
    # claimed to be missing because of the line that could not be read
    assert [r["field"] for r in records if r["field"]] == ["themes[0]"], records


def test_no_syntax_message_falls_back_to_english():
    for code in [c for c in problems.MESSAGES if c.startswith("syntax") or c == "indent"]:
        english = problems.MESSAGES[code]["en"]
        for lang in ("nl", "fr"):
            assert problems.MESSAGES[code][lang] != english, (code, lang)


# --- booleans, money, e-mail, did-you-mean ------------------------------------------------------------------------

PERIOD = 'period: {{start: "2015", end: "2021", end_planned: {flag}, source: {{ref: 1}}}}\n'


@pytest.mark.parametrize(("flag", "kept"), [("true", True), ("True", True), ("yes", True), ("false", False),
                                            ("no", False)])
def test_yaml_booleans_are_accepted_for_a_flag(tmp_path, flag, kept):
    path = tmp_path / "flag.yml"
    path.write_text(fiche("flag", PERIOD.format(flag=flag)), encoding="utf-8")
    collection = fiche_collection.load_collection([path])
    assert collection.problems == []
    assert ("end_planned" in collection.fiches[0].data["period"]) is kept


def _fixture_fiches() -> list[Path]:
    paths = sorted([*(FIXTURES / "valid").glob("*.yml"), *(FIXTURES / "coordinator").glob("*.yml"),
                    *fiches_dir().glob("*.yml")])
    assert len(paths) >= 4
    return paths


@pytest.mark.parametrize("path", _fixture_fiches(), ids=lambda p: f"{p.parent.name}/{p.name}")
def test_a_yaml_dump_of_a_valid_fiche_stays_valid(tmp_path, path):
    """What editors and scripts write (yaml.safe_dump: true/false, quoted dates, other key order) validates."""
    before = fiche_collection.load_collection([path])
    assert before.ok, before.problems
    dumped = tmp_path / path.name
    dumped.write_text(yaml.safe_dump(yaml.safe_load(path.read_text(encoding="utf-8")), allow_unicode=True,
                                     sort_keys=True), encoding="utf-8")
    after = fiche_collection.load_collection([dumped])
    assert [p for p in after.problems if p.severity == "error"] == []
    assert after.fiches[0].data == before.fiches[0].data


@pytest.mark.parametrize("lang", ["nl", "fr", "en"])
def test_a_budget_with_a_thousands_separator_is_an_error_with_the_fix(tmp_path, lang):
    text = fiche("budget", "budget:\n  amount_eur: 45.000\n  amount_source: {ref: 1}\n")
    (tmp_path / "budget.yml").write_text(text, encoding="utf-8")
    code, records = validate(tmp_path, lang)
    assert code == 1
    assert [(r["field"], r["severity"]) for r in records] == [("budget.amount_eur", "error")]
    assert "45000" in records[0]["message"] and "45.000" in records[0]["message"]


@pytest.mark.parametrize(("address", "personal"), [
    ("jan.peeters@leuven.be", True), ("j.peeters@ocmw-leuven.be", True), ("marie_dupont@cpas.be", True),
    ("anne-marie.dubois@cpas-liege.be", True),
    ("info@ocmw-leuven.be", False), ("integratie@leuven.be", False), ("activation@cpas-liege.be", False),
    ("sociale.dienst@ocmw.be", False), ("cpas.activation@liege.be", False), ("onthaal@gent.be", False),
])
def test_a_personal_email_address_is_refused(tmp_path, address, personal):
    text = fiche("mail", **{"  organisation: {nl: OCMW Voorbeeld, fr: CPAS Exemple}":
                            f"  organisation: {{nl: OCMW Voorbeeld, fr: CPAS Exemple}}\n  email: {address}"})
    (tmp_path / "mail.yml").write_text(text, encoding="utf-8")
    code, records = validate(tmp_path, "nl")
    assert code == (1 if personal else 0), records
    if personal:
        assert records[0]["field"] == "contact.email" and "organisatieniveau" in records[0]["message"]


@pytest.mark.parametrize(("replace", "first"), [
    ({"region: brussel": "region: walonie"}, "wallonie"),
    ({"themes: [taal]": "themes: [wonnen]"}, "wonen"),
    ({"  type: ocmw": "  type: cpas"}, "ocmw"),
])
def test_the_closest_allowed_values_come_first(tmp_path, replace, first):
    (tmp_path / "near.yml").write_text(fiche("near", **replace), encoding="utf-8")
    _, records = validate(tmp_path, "en")
    listed = re.search(r"must be one of ([^(]+)", records[0]["message"]).group(1).split(", ")
    assert listed[0].strip() == first, records[0]["message"]


def test_an_unknown_field_lists_the_closest_fields_first(tmp_path):
    (tmp_path / "near.yml").write_text(fiche("near", "sumary_extra: x\n"), encoding="utf-8")
    _, records = validate(tmp_path, "en")
    allowed = records[0]["message"].split("allowed here: ")[1].split(", ")
    assert allowed[0] == "summary"
