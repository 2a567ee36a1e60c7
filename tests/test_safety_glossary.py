"""The glossary is contributor input like a fiche: its terms and expansions never become markup (issue 23).

A term and its expansion are appended to the Markdown of every hand-written page as `*[term]: expansion`
(Markdown's abbr extension). A term holding a blank line or a carriage return split that line and the rest was
rendered as HTML (`<img src=x onerror=…>` on every page, after a clean validation and a strict build). Now the
validator refuses anything but one plain line, with `file:line:col` in NL and FR, the strict build stops with the
same messages, and the build itself emits an abbreviation only for plain parts (by construction).
"""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from html.parser import HTMLParser
from pathlib import Path

import markdown
import pytest
import yaml
from conftest import ROOT, build_site, cli_env, fixture_project
from test_injection_build import audit

from scripts.fiche.glossary import load_glossary
from scripts.site.site_data import SiteData

VALID_FICHE = ROOT / "tests" / "fixtures" / "valid" / "ocmw-antwerpen-amie.yml"
PAGE_TEXT = "# Start\n\nOCMW en CPAS. Een zin.\n\nNog een zin, K&G.\n"

# (term, expansion, the part that must be refused): YAML double-quoted scalars, so escapes are real characters.
HOSTILE = [
    (r".\n\n", "<img src=x onerror=alert(1)>", "term"),                     # the case: a blank line
    ("OCMW", r"Openbaar\r\r<img src=x onerror=alert(2)>", "expansion"),     # CR is a line break for Markdown
    (r"CPAS]: x\n\n<svg onload=alert(3)>\n\n*[Y", "Centre", "term"),
    ("K&G", r"Kind\u2028<script>alert(4)</script>", "expansion"),            # a line separator
    ("<img src=x onerror=alert(5)>", "Iets", "term"),
    ("ZIN", r"Een \u202Eomgekeerde\u202C tekst", "expansion"),              # a bidi override
    ("Een\u200bzin", "zero width", "term"),
    ("VTE", "voltijds equivalent", None),                                    # plain: accepted
]


def glossary_yaml() -> tuple[str, dict[tuple[int, str, str], int]]:
    """The hostile glossary and, for each refused part, the line it stands on."""
    lines, where = [], {}
    for index, (term, expansion, refused) in enumerate(HOSTILE):
        lines.append(f"- id: e{index}")
        for lang in ("nl", "fr"):
            lines.append(f"  {lang}:")
            if refused == "term":
                where[(index, lang, "term")] = len(lines) + 1
            lines.append(f'    term: "{term}"')
            if refused == "expansion":
                where[(index, lang, "expansion")] = len(lines) + 1
            lines.append(f'    expansion: "{expansion}"')
            lines.append("    definition: Een definitie.")
    return "\n".join(lines) + "\n", where


def hostile_project(tmp_path: Path) -> tuple[Path, Path]:
    config = fixture_project(tmp_path)
    docs = config.parent / "docs"
    for lang in ("nl", "fr"):
        (docs / f"index.{lang}.md").write_text(PAGE_TEXT, encoding="utf-8")
    (docs / "_data").mkdir(exist_ok=True)  # fixture_project gives it the map outline
    text, _ = glossary_yaml()
    (docs / "_data" / "glossary.yml").write_text(text, encoding="utf-8")
    fiches = tmp_path / "fiches"
    fiches.mkdir()
    shutil.copy(VALID_FICHE, fiches)
    return config, fiches


def test_the_strict_build_refuses_a_hostile_glossary_with_the_validator_messages_and_no_live_markup(tmp_path):
    config, fiches = hostile_project(tmp_path)
    result = build_site(tmp_path / "site", fiches_dir=fiches, config=config)
    assert result.returncode != 0, "a hostile glossary was built"
    assert "Traceback" not in result.stderr
    _, where = glossary_yaml()
    for (index, lang, part), line in where.items():
        assert f"glossary.yml:{line}:" in result.stderr and f"error: item {index + 1} › {lang} › {part}:" \
            in result.stderr, (index, lang, part, result.stderr[-3000:])
    assert "item 8" not in result.stderr  # the plain entry is accepted
    written = {str(p): found for p in (tmp_path / "site").rglob("*.html") if (found := audit(p, "127.0.0.1:8000"))}
    assert written == {}


@pytest.mark.parametrize("lang, words", [("nl", "is niet toegelaten"), ("fr", "n'est pas admis")])
def test_the_validator_names_file_line_and_column_of_every_hostile_part_in_nl_and_fr(tmp_path, lang, words):
    config, fiches = hostile_project(tmp_path)
    env = cli_env(dict(os.environ, KB_FICHES_DIR=str(fiches)))
    result = subprocess.run([sys.executable, "-m", "scripts.validate", "--lang", lang, "--json", "-f", str(config)],
                            cwd=ROOT, env=env, capture_output=True, text=True, timeout=120)
    assert result.returncode == 1 and "Traceback" not in result.stderr, result.stderr[-2000:]
    records = [r for r in json.loads(result.stdout) if r["file"].endswith("glossary.yml")]
    _, where = glossary_yaml()
    found = {(r["field"], r["line"]) for r in records}
    for (index, block, part), line in where.items():
        assert (f"[{index}].{block}.{part}", line) in found, (index, block, part, records)
    assert all(words.replace("'", "\u2019") in r["message"] or words in r["message"] for r in records)
    assert all(r["col"] >= 1 for r in records)


def test_a_character_in_a_plain_scalar_is_pointed_at_by_its_column(tmp_path):
    path = tmp_path / "glossary.yml"
    path.write_text("- id: x\n  nl: {term: OC*MW, expansion: a, definition: b}\n"
                    "  fr: {term: CPAS, expansion: Centre <b> public, definition: b}\n", encoding="utf-8")
    entries, problems = load_glossary(path)
    assert entries == []
    assert [(p.line, p.col, p.field) for p in problems] == [(2, 16, "[0].nl.term"), (3, 38, "[0].fr.expansion")]
    assert "'*'" in problems[0].message and "'<'" in problems[1].message


@pytest.mark.parametrize("text", [
    "- id: x\n  nl: {[a]: 1, term: OCMW}\n",                        # a key that is a list
    "- id: x\n  {a: b}: c\n",                                       # a key that is a mapping
    "- " + "[" * 5000 + "]" * 5000 + "\n",                          # nesting deeper than the parser's stack
    "- &a [x, x]\n- *a\n",                                          # an alias
    "\t- id: x\n",                                                  # a tab
    "- id: x\n  nl: {term: OCMW, expansion: \x07, definition: b}\n",  # a raw control character
])
def test_a_malformed_glossary_gives_problems_never_a_traceback(tmp_path, text):
    path = tmp_path / "glossary.yml"
    path.write_text(text, encoding="utf-8")
    entries, problems = load_glossary(path)
    assert entries == [] and problems and all(p.line >= 1 and p.col >= 1 for p in problems)
    assert all(p.text is not None for p in problems)  # worded through the message tables (NL and FR)


class _Tags(HTMLParser):
    def __init__(self):
        super().__init__()
        self.tags: set[tuple[str, str]] = set()

    def handle_starttag(self, tag, attrs):
        self.tags.add((tag, ",".join(sorted(name for name, _ in attrs))))


def test_the_build_emits_an_abbreviation_only_for_plain_parts_even_without_the_validator():
    """By construction: SiteData.abbreviations is handed entries that never went through load_glossary."""
    entries = [{"id": f"e{i}", "nl": {"term": yaml.safe_load(f'"{term}"').upper(),
                                       "expansion": yaml.safe_load(f'"{expansion}"')}}
               for i, (term, expansion, _) in enumerate(HOSTILE)]
    site = SiteData(collection=None, fiches=[], drafts_left_out=0, glossary=entries, preview=False)
    page = "# T\n\nEen zin.\n\nDe VTE.\n"
    rendered = markdown.markdown(page + site.abbreviations("nl"), extensions=["abbr"])  # every term
    parser = _Tags()
    parser.feed(rendered)
    assert parser.tags <= {("h1", ""), ("p", ""), ("abbr", "title")}, parser.tags
    assert not {"\u202e", "\u2028", "\r"} & set(rendered)
    assert '<abbr title="voltijds equivalent">VTE</abbr>' in rendered  # the plain entry still works
