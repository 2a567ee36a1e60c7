"""The glossary is checked like a fiche: every problem with file, line and field."""

from __future__ import annotations

from scripts.fiche.glossary import load_glossary


def test_glossary_problems_name_file_line_and_field(tmp_path):
    path = tmp_path / "glossary.yml"
    path.write_text("- id: ocmw\n  nl: {term: OCMW, expansion: Openbaar centrum, definition: Een centrum.}\n"
                    "  fr: {term: CPAS, expansion: '[x]', definition: ''}\n"
                    "- id: ocmw\n  nl: {term: OCMW, expansion: a, definition: b}\n", encoding="utf-8")
    entries, problems = load_glossary(path)
    assert entries == []
    found = {(p.line, p.field) for p in problems}
    assert (3, "[0].fr.expansion") in found and (3, "[0].fr.definition") in found
    assert any(p.field == "[1].fr" and p.line == 4 for p in problems)  # missing language block
    real_entries, real_problems = load_glossary()
    assert real_problems == [] and {e["id"] for e in real_entries}  # the repository's glossary is valid
