"""A thesaurus that is not YAML is one problem with its place, like a fiche: not a crash of the validator."""

from __future__ import annotations

from scripts.fiche import thesaurus
from scripts.fiche.problems import format_problems


def test_a_yaml_syntax_error_in_the_thesaurus_is_a_problem_at_its_line(tmp_path):
    path = tmp_path / "thesaurus.yml"
    path.write_text("- id: rusthuis\n  nl:\n    - rusthuis\n  - [woonzorgcentrum\n", encoding="utf-8")
    groups, problems = thesaurus.load_thesaurus(path)
    assert groups == []
    assert [(p.line, p.field) for p in problems] == [(4, "")]
    nl, fr = format_problems(problems, lang="nl"), format_problems(problems, lang="fr")
    assert "thesaurus.yml:4:" in nl and "YAML-syntaxis: " in nl
    assert "syntaxe YAML\u00a0: " in fr
