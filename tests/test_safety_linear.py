"""Every tool stays linear in its input, and what the renderer cannot render is refused with a message (issue 23).

The inputs are the issue's own: a valid fiche whose texts are 19,990 empty lines then `x` (the build took 100 s
for one such text, 343 s for six; `richtext._MARKUP` was quadratic in leading blank lines), a syntax error line
holding 261,000 spaces (the validator took 332 s; `repair._BLOCK_KEY` was quadratic in trailing spaces), and
`"- "` repeated 500 times (Python-Markdown's list parser raised RecursionError and the build crashed). The time
bounds are far above what the fixed code needs (well under a second for the tools, a few seconds for a build) and
far below what the old code took, so they never flake and still fail on a quadratic regression.
"""

from __future__ import annotations

import json
import subprocess
import sys
import time
from pathlib import Path

import pytest
from conftest import ROOT, build_site, cli_env, fixture_project

from scripts.fiche import richtext
from scripts.fiche.collection import load_collection
from scripts.site import fiche_view

MINIMAL = ROOT / "tests" / "fixtures" / "valid" / "minimal.yml"
BLANK_LINES = 19_990  # the text: 19,990 empty lines then "x" (under the 20,000-character limit)
TOOL_BOUND_S = 10  # the bound for any tool on any file under the size limit
BUILD_BOUND_S = 60  # a fixture build takes a few seconds; the old code needed over 100 s for six such texts


def _literal(indent: int, text: str) -> str:
    """`text` as a YAML literal block (its leading empty lines kept) at `indent` spaces."""
    pad = " " * indent
    return "|-\n" + "\n".join(pad + line if line else "" for line in text.split("\n"))


TOP_TEXTS = ("summary", "problem", "approach")
NESTED_TEXTS = ("inspiration", "target_group", "support")  # each with a `text` field


def stalling_fiche(folder: Path, text: str, nested: bool = False) -> Path:
    """The minimal fixture fiche with summary, problem and approach (six texts) all set to `text`; `nested`:
    also the `text` of inspiration, target group and support (twelve texts, still under the size limit)."""
    fiche = MINIMAL.read_text(encoding="utf-8").replace(
        "summary: {nl: Een korte samenvatting., fr: Un résumé court.}\n", "")
    for field in TOP_TEXTS:
        fiche += f"{field}:\n  nl: {_literal(4, text)}\n  fr: {_literal(4, text)}\n"
    for field in NESTED_TEXTS if nested else ():
        fiche += f"{field}:\n  text:\n    nl: {_literal(6, text)}\n    fr: {_literal(6, text)}\n"
    path = folder / "minimal.yml"
    path.write_text(fiche, encoding="utf-8")
    return path


def test_a_fiche_of_blank_lines_validates_and_renders_in_seconds(tmp_path):
    text = "\n" * BLANK_LINES + "x"
    path = stalling_fiche(tmp_path, text)
    start = time.perf_counter()
    collection = load_collection([path])
    assert [p for p in collection.problems if p.severity == "error"] == []
    fiche = collection.fiches[0]
    assert fiche.data["summary"]["nl"] == text
    for lang in ("nl", "fr"):  # the fiche page's view and the plain text of catalogue, search and CSV
        view = fiche_view.fiche_view(fiche.data, lang)
        assert str(view["summary"]).strip() == "<p>x</p>"
        assert richtext.plain(fiche.data["problem"][lang]) == "x"
    elapsed = time.perf_counter() - start
    assert elapsed < TOOL_BOUND_S, f"validating and rendering took {elapsed:.1f} s"


@pytest.mark.parametrize("text", ["\n" * BLANK_LINES + "- x", " \n" * (BLANK_LINES // 2) + "x",
                                  "\n" * BLANK_LINES + "1. x", "\n" * BLANK_LINES + "    x"])
def test_the_renderer_is_linear_in_blank_lines_before_any_markup(text):
    start = time.perf_counter()
    for _ in range(6):  # six texts, as in one fiche under the size limit
        richtext.to_html(text)
        richtext.plain(text)
    elapsed = time.perf_counter() - start
    assert elapsed < TOOL_BOUND_S, f"{elapsed:.1f} s"


def test_the_strict_build_of_a_fiche_with_twelve_such_texts_takes_seconds(tmp_path):
    fiches = tmp_path / "fiches"
    fiches.mkdir()
    path = stalling_fiche(fiches, "\n" * BLANK_LINES + "x", nested=True)
    assert path.stat().st_size < 256 * 1024
    start = time.perf_counter()
    result = build_site(tmp_path / "site", fiches_dir=fiches, config=fixture_project(tmp_path / "project"))
    elapsed = time.perf_counter() - start
    assert result.returncode == 0, result.stderr[-3000:]
    assert elapsed < BUILD_BOUND_S, f"the build took {elapsed:.0f} s"
    page = (tmp_path / "site" / "fiches" / "minimal" / "index.html").read_text(encoding="utf-8")
    assert "Minimaal project" in page


def test_a_syntax_error_line_of_261000_spaces_is_reported_in_seconds(tmp_path):
    path = tmp_path / "spaces.yml"
    path.write_text("id: spaces\nsummary: Doel: iets" + " " * 261_000 + "x\n", encoding="utf-8")
    assert path.stat().st_size < 256 * 1024  # under the loader's size limit: the validator reads all of it
    start = time.perf_counter()
    try:
        result = subprocess.run([sys.executable, "-m", "scripts.validate", "--json", str(path)], cwd=ROOT,
                                env=cli_env(), capture_output=True, text=True, timeout=120)
    except subprocess.TimeoutExpired:
        pytest.fail("the validator ran for more than 120 s on one line of spaces")
    elapsed = time.perf_counter() - start
    assert result.returncode == 1 and "Traceback" not in result.stderr, result.stderr[-2000:]
    records = json.loads(result.stdout)
    assert any(r["line"] == 2 and "YAML" in r["message"] for r in records), records
    assert elapsed < TOOL_BOUND_S, f"the validator took {elapsed:.1f} s"


DEEP = "- " * 500 + "x"  # the input; also as an ordered list and as one line of a longer text
DEEP_TEXTS = [DEEP, "1. " * 500 + "x", "Inleiding.\n\n" + "* " * 400 + "x\n\nSlot."]


@pytest.mark.parametrize("text", DEEP_TEXTS, ids=["dashes", "numbers", "in-a-text"])
@pytest.mark.parametrize("lang, words", [("nl", "niveaus diep genest"), ("fr", "imbriquée sur")])
def test_the_validator_refuses_a_list_nested_deeper_than_it_can_render(tmp_path, text, lang, words):
    path = stalling_fiche(tmp_path, text)
    result = subprocess.run([sys.executable, "-m", "scripts.validate", "--lang", lang, "--json", str(path)],
                            cwd=ROOT, env=cli_env(), capture_output=True, text=True, timeout=120)
    assert result.returncode == 1 and "Traceback" not in result.stderr, result.stderr[-2000:]
    deep = [r for r in json.loads(result.stdout) if words in r["message"]]
    assert {r["field"] for r in deep} == {f"{f}.{code}" for f in ("summary", "problem", "approach")
                                          for code in ("nl", "fr")}
    assert all(r["line"] > 1 and r["col"] >= 1 for r in deep)


def test_a_one_line_name_of_nested_list_markers_is_refused_too(tmp_path):
    fiche = MINIMAL.read_text(encoding="utf-8").replace("{nl: Minimaal project,", '{nl: "' + DEEP + '",')
    path = tmp_path / "minimal.yml"
    path.write_text(fiche, encoding="utf-8")
    problems = [p for p in load_collection([path]).problems if p.code == "list_too_deep"]
    assert [p.field for p in problems] == ["title.nl"]


@pytest.mark.parametrize("text", DEEP_TEXTS + ["    " * 40 + "- x", "- " * 5000 + "x"])
def test_the_renderer_never_raises_on_deep_lists(text):
    """What slips past the validator (the preview renders invalid fiches) still renders, as escaped text."""
    html = richtext.to_html(text)
    assert "x" in html and "<script" not in html
    assert "x" in richtext.plain(text)


def test_ordinary_nested_lists_are_accepted(tmp_path):
    text = "Inleiding.\n\n- een\n    - twee\n        - drie\n\n1. a\n2. b"
    path = stalling_fiche(tmp_path, text)
    assert [p for p in load_collection([path]).problems if p.severity == "error"] == []
    assert richtext.to_html(text).count("<ul>") == 3


def test_the_strict_build_stops_on_a_deep_list_with_the_validator_message_not_a_traceback(tmp_path):
    fiches = tmp_path / "fiches"
    fiches.mkdir()
    stalling_fiche(fiches, DEEP)
    result = build_site(tmp_path / "site", fiches_dir=fiches, config=fixture_project(tmp_path / "project"))
    assert result.returncode != 0
    assert "Traceback" not in result.stderr and "RecursionError" not in result.stderr
    assert "error: summary › nl: a list nested 500 levels deep cannot be shown" in result.stderr


def test_a_deep_list_leaves_the_renderer_as_it_found_it():
    """The renderer's Markdown converter is shared: after a text it could not parse, the next renders as before."""
    texts = ["Alinea.\n\n- een\n- twee\n\nSlot.", "1. a\n2. b", "*nadruk* en [link](https://x.be)"]
    before = [str(richtext.to_html(text)) for text in texts]
    richtext.to_html(DEEP)
    assert [str(richtext.to_html(text)) for text in texts] == before


# Lines Python-Markdown handled one at a time, searching the rest of the block again for each (headings, rules).
# And characters Markdown saw as one entity each (&amp; &lt; &gt;), every one an inline match that rebuilt the text.
LINE_SHAPES = ["=\n", "-\n", "# a\n", "---\n", "a\n=\n", "&", "<", "> ", "a&b "]


@pytest.mark.parametrize("shape", LINE_SHAPES)
def test_heading_rule_and_entity_shapes_render_in_linear_time(shape):
    text = shape * (20_000 // len(shape))  # the longest text the schema allows
    start = time.perf_counter()
    for _ in range(6):  # six such texts in one fiche
        richtext.to_html(text)
    elapsed = time.perf_counter() - start
    assert elapsed < 2, f"{shape!r}: {elapsed:.1f} s"  # about 0.1 s in all; quadratic took 0.4-1.4 s per text


def test_the_strict_build_of_a_fiche_of_underline_lines_takes_seconds(tmp_path):
    """Eight texts of 10,000 "=" lines (240 kB, under the size limit): the build took 33 s."""
    fiches = tmp_path / "fiches"
    fiches.mkdir()
    value = '"' + "=\\n" * 9_995 + '"'
    fiche = MINIMAL.read_text(encoding="utf-8").replace(
        "summary: {nl: Een korte samenvatting., fr: Un résumé court.}\n", "")
    fiche += "".join(f"{field}: {{nl: {value}, fr: {value}}}\n" for field in TOP_TEXTS)
    fiche += f"inspiration: {{text: {{nl: {value}, fr: {value}}}}}\n"
    (fiches / "minimal.yml").write_text(fiche, encoding="utf-8")
    assert (fiches / "minimal.yml").stat().st_size < 256 * 1024
    start = time.perf_counter()
    result = build_site(tmp_path / "site", fiches_dir=fiches, config=fixture_project(tmp_path / "project"))
    elapsed = time.perf_counter() - start
    assert result.returncode == 0, result.stderr[-3000:]
    assert elapsed < 20, f"the build took {elapsed:.0f} s"


def test_heading_syntax_is_paragraph_text_in_a_fiche():
    """Headings and rules are not fiche syntax (the allowlist dropped their tags anyway): their lines stay text."""
    assert str(richtext.to_html("# Titel\n\ntekst")) == "<p># Titel</p>\n<p>tekst</p>"
    assert "<h" not in str(richtext.to_html("Titel\n=====\n\n---"))
