"""Robustness: random, broken or hostile input never crashes the validator, and never makes it slow or greedy.

Property-based (hypothesis): arbitrary bytes, arbitrary YAML trees and mutations of the complete valid
fiche go through the loader and the checker; every outcome is either data or at least one well-formed
problem. Then the classic attacks: alias bombs, oversized files, special files, slow regular expressions.
"""

from __future__ import annotations

import copy
import datetime as dt
import os
import random
import subprocess
import sys
import time
import tracemalloc
from pathlib import Path

import pytest
import yaml
from conftest import cli_env
from hypothesis import HealthCheck, event, given, settings
from hypothesis import strategies as st

from scripts.fiche import collection as fiche_collection
from scripts.fiche import schema as s
from scripts.fiche.check import Checker
from scripts.fiche.loader import MAX_BYTES, load_bytes, load_nodes
from scripts.fiche.problems import Problem, has_errors
from scripts.site import fiche_view

ROOT = Path(__file__).resolve().parent.parent
VALID = ROOT / "tests" / "fixtures" / "valid"
VALIDATE = ("-m", "scripts.validate")
MINIMAL_BYTES = (VALID / "minimal.yml").read_bytes()
MINIMAL_TEXT = MINIMAL_BYTES.decode("utf-8")
COMPLETE_NAME = "ocmw-antwerpen-amie.yml"
COMPLETE_DATA = yaml.safe_load((VALID / COMPLETE_NAME).read_text(encoding="utf-8"))

PROPERTY = settings(max_examples=200, deadline=None,
                    suppress_health_check=[HealthCheck.too_slow, HealthCheck.function_scoped_fixture])


def _names(node: s.Node, out: set[str]) -> set[str]:
    if isinstance(node, s.Obj):
        for field in node.fields:
            out.add(field.name)
            _names(field.node, out)
    elif isinstance(node, s.List):
        _names(node.item, out)
    return out


def _codes(node: s.Node, out: set[str]) -> set[str]:
    if isinstance(node, s.Enum):
        out.update(node.values)
    elif isinstance(node, s.Obj):
        for field in node.fields:
            _codes(field.node, out)
    elif isinstance(node, s.List):
        _codes(node.item, out)
    return out


FIELD_NAMES = sorted(_names(s.FICHE, set()) | set(s.LANGS))
ENUM_CODES = sorted(_codes(s.FICHE, set()))
REQUIRED = [f.name for f in s.FICHE.fields if f.required]


def max_line(data: bytes) -> int:
    return len(data.decode("utf-8", errors="replace").splitlines()) + 1


def assert_well_formed(problems: list[Problem], name: str, data: bytes) -> None:
    for problem in problems:
        assert isinstance(problem, Problem)
        assert problem.file == name
        assert isinstance(problem.line, int) and 1 <= problem.line <= max_line(data), problem
        assert isinstance(problem.col, int) and problem.col >= 1, problem
        assert problem.severity in ("error", "warning")
        assert isinstance(problem.field, str)
        assert isinstance(problem.message, str) and problem.message.strip()


def load_and_check(data: bytes, name: str = "hostile.yml") -> tuple[dict | None, list[Problem]]:
    """The validator's two steps on bytes; asserts the outcome is data or at least one problem."""
    node, problems = load_bytes(data, name)
    assert_well_formed(problems, name, data)
    if node is None:
        event("refused by the loader")
        assert problems, "no document and no problem"
        return None, problems
    # A repaired or partial document (tabs, control characters, syntax errors) is still checked; the file
    # stays refused through the loader's own errors.
    event("loader: " + ("errors" if has_errors(problems) else "warnings" if problems else "clean"))
    checker = Checker(name)
    result = checker.check_fiche(node)
    assert_well_formed(checker.problems, name, data)
    found = problems + checker.problems
    event("checked: " + ("no data" if result is None else "errors" if has_errors(found) else "accepted"))
    for problem in found:
        for lang in ("en", "nl", "fr"):
            assert "\n" not in problem.format(lang)
    if result is None:
        assert has_errors(found), "no data and no error"
    else:
        assert isinstance(result, dict)
        if not has_errors(found):
            required = REQUIRED if result.get("status") == "published" else \
                [f.name for f in s.FICHE.fields if f.required and not isinstance(f.node, s.Text)]
            assert set(required) <= set(result), "accepted without a required field"
    return result, found


def run_cli(*args, cwd: Path = ROOT, timeout: float = 60) -> subprocess.CompletedProcess:
    env = {k: v for k, v in os.environ.items() if k != "KB_FICHES_DIR"}
    return subprocess.run([sys.executable, *VALIDATE, *map(str, args)], cwd=cwd, env=cli_env(env),
                          capture_output=True, text=True, timeout=timeout)


# --- strategies -----------------------------------------------------------------------------

TOKENS = [b"&a ", b"*a", b"!!python/object/apply:os.system [ls]", b"!foo ", b"{", b"}", b"[", b"]", b"- ",
          b"\t", b": ", b"'", b'"', b"\xef\xbb\xbf", b"---\n", b"...\n", b"\n", b"\r", b"# ", b"%TAG ! tag:x,1:\n",
          b"<<: ", b"? ", b"|\n", b">-\n", b"\x00", b"\x01", b"\xe9", b"\xff\xfe", b"~", b"null", b"0,5",
          b"2020-02-30", b"<script>", b"[x](javascript:alert(1))", b"\xe2\x80\xa8", b"\xc2\x85"]


@st.composite
def mutated_minimal(draw) -> bytes:
    """minimal.yml with a few byte-level edits: mostly still YAML-like, so deeper code is reached."""
    data = bytearray(MINIMAL_BYTES)
    for _ in range(draw(st.integers(1, 6))):
        where = draw(st.integers(0, len(data)))
        action = draw(st.sampled_from(["token", "byte", "delete", "duplicate"]))
        if action == "token":
            data[where:where] = draw(st.sampled_from(TOKENS))
        elif action == "byte":
            data[where:where + 1] = bytes([draw(st.integers(0, 255))])
        elif action == "delete":
            del data[where:where + draw(st.integers(1, 40))]
        else:
            data[where:where] = data[where:where + draw(st.integers(1, 60))]
    return bytes(data)


scalars = (st.none() | st.booleans() | st.integers() | st.floats() | st.text(max_size=40)
           | st.sampled_from(ENUM_CODES) | st.dates() | st.just("<b>x</b>") | st.just("[x](javascript:alert(1))"))
keys = st.sampled_from(FIELD_NAMES) | st.text(min_size=1, max_size=12)
trees = st.recursive(scalars, lambda children: st.lists(children, max_size=5)
                     | st.dictionaries(keys, children, max_size=6), max_leaves=30)
fiche_like = st.dictionaries(st.sampled_from(FIELD_NAMES), trees, max_size=12) | trees
small_values = st.recursive(scalars, lambda children: st.lists(children, max_size=3)
                            | st.dictionaries(keys, children, max_size=3), max_leaves=6)


def containers(tree, path=()):
    """Every dict or list in the tree, with its path."""
    yield path, tree
    items = tree.items() if isinstance(tree, dict) else enumerate(tree)
    for key, value in items:
        if isinstance(value, (dict, list)):
            yield from containers(value, (*path, key))


def mutate(tree, pick, new_value, new_key, count: int):
    """Drop a key or item, replace a value, or insert an unknown key or item, `count` times."""
    for _ in range(count):
        _, node = pick(list(containers(tree)))
        action = pick(["drop", "replace", "insert"])
        if isinstance(node, dict):
            names = list(node)
            if action == "insert" or not names:
                node[new_key()] = new_value()
            elif action == "drop":
                del node[pick(names)]
            else:
                node[pick(names)] = new_value()
        else:
            if action == "insert" or not node:
                node.insert(pick(list(range(len(node) + 1))), new_value())
            elif action == "drop":
                del node[pick(list(range(len(node))))]
            else:
                node[pick(list(range(len(node))))] = new_value()
    return tree


HOSTILE_VALUES = [None, "", " ", "halftijds", "0,5", -1, 0, 3, 10 ** 30, float("inf"), float("nan"), True, [], {},
                  [None], {"nl": None}, {"nl": "x"}, {"en": "x"}, "javascript:alert(1)", ["taal", "taal"],
                  {"nl": "<script>alert(1)</script>", "fr": "[x](javascript:alert(1))"}, {"x": [1, {"y": 2}]},
                  "2020-02-30", dt.date(2020, 1, 1), "a" * 300, "draft"]


# --- properties -----------------------------------------------------------------------------


@PROPERTY
@given(st.binary(max_size=3000))
def test_arbitrary_bytes_never_crash(data):
    load_and_check(data)


@PROPERTY
@given(mutated_minimal())
def test_damaged_minimal_fiche_never_crashes(data):
    load_and_check(data)


@PROPERTY
@given(fiche_like)
def test_arbitrary_yaml_trees_never_crash(tree):
    data = yaml.safe_dump(tree, allow_unicode=True, sort_keys=False).encode("utf-8")
    result, problems = load_and_check(data)
    if not isinstance(tree, dict):
        assert result is None and problems


@PROPERTY
@given(st.data())
def test_mutated_complete_fiche(tmp_path, data):
    tree = mutate(copy.deepcopy(COMPLETE_DATA),
                  pick=lambda options: data.draw(st.sampled_from(options)),
                  new_value=lambda: data.draw(small_values | st.sampled_from(HOSTILE_VALUES).map(copy.deepcopy)),
                  new_key=lambda: data.draw(keys),
                  count=data.draw(st.integers(1, 3)))
    path = tmp_path / COMPLETE_NAME
    raw = yaml.safe_dump(tree, allow_unicode=True, sort_keys=False).encode("utf-8")
    path.write_bytes(raw)
    # validated once, as the CLI and the build do (their exit codes: test_mutated_complete_fiche_through_the_cli)
    collection = fiche_collection.load_collection([path])
    event("refused" if has_errors(collection.problems) else "accepted")
    assert_well_formed(collection.problems, fiche_collection.display_path(path), raw)
    for problem in collection.problems:
        for lang in ("en", "nl", "fr"):
            assert "\n" not in problem.format(lang)
    if not has_errors(collection.problems):  # what the validator accepts, the site can show
        for lang in s.LANGS:
            fiche_view.fiche_view(collection.fiches[0].data, lang)


def test_mutated_complete_fiche_through_the_cli(tmp_path):
    """A few seeded mutations through the real command line: exit 0 or 1, never a traceback."""
    rng = random.Random(20260131)
    codes = []
    for index in range(12):
        folder = tmp_path / str(index)
        folder.mkdir()
        tree = mutate(copy.deepcopy(COMPLETE_DATA), pick=rng.choice,
                      new_value=lambda: copy.deepcopy(rng.choice(HOSTILE_VALUES)),
                      new_key=lambda: rng.choice(["x", "themse", "colour", "pros", "nl", "fr", "en"]),
                      count=rng.randint(1, 3))
        (folder / COMPLETE_NAME).write_text(yaml.safe_dump(tree, allow_unicode=True, sort_keys=False),
                                            encoding="utf-8")
        result = run_cli(folder / COMPLETE_NAME)
        assert result.returncode in (0, 1), result.stderr
        assert "Traceback" not in result.stderr
        codes.append(result.returncode)
    assert 1 in codes  # the mutations do break the fiche


# --- alias bombs ----------------------------------------------------------------------------


def bomb(indent: str = "  ") -> str:
    """'Billion laughs': 9 levels of lists, each repeating the previous anchor 9 times (9**9 leaves)."""
    lines = [f"{indent}- &l0 [{', '.join(['lol'] * 9)}]"]
    for level in range(1, 9):
        lines.append(f"{indent}- &l{level} [{', '.join([f'*l{level - 1}'] * 9)}]")
    return "\n".join(lines) + "\n"


BOMBS = {
    "in-known-list-field": ("pros:\n" + bomb() + "  - *l8\n", "aliases"),
    "in-unknown-field": ("lolz:\n" + bomb(), "aliases"),
    "anchors-in-unknown-field-used-in-pros": ("lolz:\n" + bomb() + "pros: *l8\n", "aliases"),
    "in-text": ("lolz:\n" + bomb() + "problem: {nl: *l8, fr: *l8}\n", "aliases"),
}


@pytest.mark.parametrize("case", sorted(BOMBS))
def test_alias_bomb_is_refused_quickly_and_cheaply(tmp_path, case):
    extra, wanted = BOMBS[case]
    path = tmp_path / "bomb.yml"
    path.write_text(MINIMAL_TEXT.replace("id: minimal", "id: bomb") + extra, encoding="utf-8")
    tracemalloc.start()
    start = time.perf_counter()
    try:
        collection = fiche_collection.load_collection([path])
        elapsed = time.perf_counter() - start
        _, peak = tracemalloc.get_traced_memory()
    finally:
        tracemalloc.stop()
    assert elapsed < 2, f"{elapsed:.1f} s"
    assert peak < 50 * 1024 * 1024, f"peak {peak / 1e6:.0f} MB"
    assert not collection.ok
    assert any(wanted in p.message for p in collection.problems), collection.problems
    assert len(collection.problems) < 100
    result = run_cli(path, timeout=20)
    assert result.returncode == 1 and wanted in result.stdout


# --- size limit and special files -----------------------------------------------------------


def padded_minimal(size: int) -> bytes:
    data = MINIMAL_BYTES + b"# "
    return data + b"x" * (size - len(data) - 1) + b"\n"


def test_file_at_the_limit_is_accepted(tmp_path):
    path = tmp_path / "minimal.yml"
    path.write_bytes(padded_minimal(MAX_BYTES))
    assert path.stat().st_size == MAX_BYTES
    assert fiche_collection.load_collection([path]).problems == []


def test_file_over_the_limit_is_refused(tmp_path):
    assert MAX_BYTES == 256 * 1024
    path = tmp_path / "minimal.yml"
    path.write_bytes(padded_minimal(MAX_BYTES + 1))
    message = f"file is {MAX_BYTES + 1} bytes; the limit is {MAX_BYTES} bytes"
    assert load_nodes(path, "minimal.yml") == (None, [Problem("minimal.yml", 1, 1, "", message)])
    assert load_bytes(path.read_bytes(), "minimal.yml") == (None, [Problem("minimal.yml", 1, 1, "", message)])
    result = run_cli("minimal.yml", cwd=tmp_path)
    assert result.returncode == 1
    assert result.stdout == f"minimal.yml:1:1: error: {message}\n"


def test_huge_file_is_not_read(tmp_path):
    path = tmp_path / "huge.yml"
    with path.open("wb") as handle:
        handle.truncate(1 << 30)  # 1 GiB, sparse
    tracemalloc.start()
    start = time.perf_counter()
    try:
        node, problems = load_nodes(path, "huge.yml")
        _, peak = tracemalloc.get_traced_memory()
    finally:
        tracemalloc.stop()
    assert time.perf_counter() - start < 1
    assert peak < 5 * 1024 * 1024
    assert node is None
    assert [p.message for p in problems] == [f"file is {1 << 30} bytes; the limit is {MAX_BYTES} bytes"]


def test_named_pipe_does_not_hang(tmp_path):
    pipe = tmp_path / "pipe.yml"
    os.mkfifo(pipe)
    result = run_cli("pipe.yml", cwd=tmp_path, timeout=20)
    assert result.returncode == 1
    assert result.stdout.startswith("pipe.yml:1:1: error: ")


# --- slow paths -----------------------------------------------------------------------------


def text_fiche(texts: dict[str, str]) -> str:
    """minimal.yml (id slow) with the given top-level texts, the same value in both languages."""
    text = MINIMAL_TEXT.replace("id: minimal", "id: slow")
    text = text.replace("summary: {nl: Een korte samenvatting., fr: Un résumé court.}\n", "")
    return text + "".join(f"{field}:\n  nl: {value}\n  fr: {value}\n" for field, value in texts.items())


SLOW_TEXTS = {
    # two texts of ~129 000 characters: over the text limit (an error), under the file limit
    "huge-texts": ({"summary": "a-" * ((MAX_BYTES - 4000) // 4)}, 1),
    # six texts of exactly 20 000 characters: every limit respected (a long-word warning each)
    "texts-at-the-limit": ({field: "a-" * 10000 for field in ("summary", "problem", "approach")}, 0),
}


@pytest.mark.parametrize("case", sorted(SLOW_TEXTS))
def test_text_with_many_word_boundaries_is_checked_quickly(tmp_path, case):
    """Texts like 'a-a-a-a-…' must not make the link checks take quadratic time."""
    texts, code = SLOW_TEXTS[case]
    path = tmp_path / "slow.yml"
    path.write_text(text_fiche(texts), encoding="utf-8")
    assert path.stat().st_size <= MAX_BYTES
    start = time.perf_counter()
    try:
        result = run_cli(path, timeout=10)
    except subprocess.TimeoutExpired:
        pytest.fail(f"validating {path.stat().st_size} bytes took more than 10 s")
    assert time.perf_counter() - start < 2, "the validator without this slowness takes ~0.2 s"
    assert result.returncode == code, result.stdout[:2000]


# --- repairs stay cheap -------------------------------------------------------------------------


def test_many_colon_texts_and_a_late_syntax_error_are_cheap():
    """Each repair re-parses the file: the number of repairs is bounded and the rest is read up to the error."""
    lines = "".join(f"  - {{nl: doel{i}: taal, fr: but{i} : langue}}\n" for i in range(60))
    body = MINIMAL_TEXT + "pros:\n" + lines
    pad = "# " + "x" * 200 + "\n"
    body += pad * ((MAX_BYTES - len(body) - 1000) // len(pad)) + 'cons: ["x\n'
    data = body.encode("utf-8")
    assert len(data) <= MAX_BYTES
    start = time.perf_counter()
    node, problems = load_bytes(data, "minimal.yml")
    assert time.perf_counter() - start < 3
    syntax = [p for p in problems if p.code == "syntax"]
    assert 10 <= len(syntax) <= 30
    assert all("must be in quotes" in p.message for p in syntax[:-1])  # the last one stopped the repairs
    assert node is not None  # the lines before the last repair are still checked
    assert Checker("minimal.yml").check_fiche(node) is not None


def test_control_characters_in_values_never_reach_the_output(tmp_path):
    path = tmp_path / "minimal.yml"
    path.write_text(MINIMAL_TEXT.replace("id: minimal", 'id: "mini\\e[2Jmal\\nx.yml:1:1: error: fake"'),
                    encoding="utf-8")
    for lang in ("en", "nl", "fr"):
        result = run_cli("--lang", lang, path)
        assert result.returncode == 1
        assert "\x1b" not in result.stdout
        assert len(result.stdout.splitlines()) == 1, result.stdout
