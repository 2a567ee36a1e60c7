"""The fiche validator: the corpus of bad fiches, the CLI contract, checks across files.

Every file in tests/fixtures/invalid/ has its full list of expected problems in
tests/fixtures/expected_errors.yml; the validator must report exactly those, in process
and through the CLI.
"""

from __future__ import annotations

import json
import os
import re
import subprocess
import sys
from collections import Counter
from dataclasses import asdict
from pathlib import Path

import pytest
import yaml
from conftest import cli_env

from scripts import fiche_collection
from scripts.build import fiche_view
from scripts.problems import Problem

ROOT = Path(__file__).resolve().parent.parent
FIXTURES = ROOT / "tests" / "fixtures"
INVALID = FIXTURES / "invalid"
VALID = FIXTURES / "valid"
DOCS = ROOT / "docs"
VALIDATE = ("-m", "scripts.validate")
MINIMAL = (VALID / "minimal.yml").read_text(encoding="utf-8")
EXPECTED: dict[str, list[dict]] = yaml.safe_load((FIXTURES / "expected_errors.yml").read_text(encoding="utf-8"))
FIXTURE_NAMES = sorted(p.name for p in INVALID.iterdir())
RECORD_KEYS = {"line", "col", "field", "message_contains", "severity"}
JSON_KEYS = {"file", "line", "col", "field", "message", "severity"}
# file:line:col: severity: [field: ]message, one problem per line.
GCC = re.compile(r"^(?P<file>[^:\n]+):(?P<line>[1-9][0-9]*):(?P<col>[1-9][0-9]*): (?P<severity>error|warning): "
                 r"(?P<rest>\S[^\n]*)$")


def run_cli(*args, cwd: Path = ROOT) -> subprocess.CompletedProcess:
    env = {k: v for k, v in os.environ.items() if k != "KB_FICHES_DIR"}
    return subprocess.run([sys.executable, *VALIDATE, *map(str, args)], cwd=cwd, env=cli_env(env),
                          capture_output=True, text=True, timeout=120)


def rel(path: Path) -> str:
    return str(path.relative_to(ROOT))


def gcc_line(record: dict) -> str:
    field = f"{record['field']}: " if record["field"] else ""
    return f"{record['file']}:{record['line']}:{record['col']}: {record['severity']}: {field}{record['message']}"


def compare(expected: list[dict], problems: list[Problem]) -> str:
    """'' when expected and actual problems match one to one, else a readable account of the difference."""
    left = sorted(problems, key=lambda p: (p.line, p.col, p.field, p.message))
    missing = []
    for record in expected:
        for problem in left:
            if (problem.line == record["line"] and record.get("col", problem.col) == problem.col
                    and problem.field == record["field"] and record["message_contains"] in problem.message
                    and problem.severity == record["severity"]):
                left.remove(problem)
                break
        else:
            missing.append(record)
    if not missing and not left:
        return ""
    lines = ["expected but not reported:"] + [f"  {r}" for r in missing]
    lines += ["reported but not expected:"] + [f"  {p.line}:{p.col}: {p.severity}: {p.field}: {p.message!r}"
                                               for p in left]
    lines += ["all reported:"] + [f"  {p.line}:{p.col}: {p.severity}: {p.field}: {p.message!r}"
                                  for p in sorted(problems)]
    return "\n".join(lines)


def fiche_text(fiche_id: str, extra: str = "", **replace: str) -> str:
    text = MINIMAL.replace("id: minimal\n", f"id: {fiche_id}\n")
    for old, new in replace.items():
        assert old in text
        text = text.replace(old, new)
    return text + extra


# --- the table and the folder -------------------------------------------------------------


def test_every_fixture_has_expectations():
    assert sorted(set(FIXTURE_NAMES) - set(EXPECTED)) == []


def test_every_expectation_has_a_fixture():
    assert sorted(set(EXPECTED) - set(FIXTURE_NAMES)) == []


def test_corpus_is_large_and_only_yml_files():
    assert len(FIXTURE_NAMES) >= 45
    assert all(name.endswith(".yml") for name in FIXTURE_NAMES)


@pytest.mark.parametrize("name", sorted(EXPECTED))
def test_expectation_records_are_well_formed(name):
    records = EXPECTED[name]
    assert isinstance(records, list) and records, "every fixture must produce at least one problem"
    for record in records:
        assert set(record) <= RECORD_KEYS and RECORD_KEYS - {"col"} <= set(record), record
        assert isinstance(record["line"], int) and record["line"] >= 1
        assert isinstance(record.get("col", 1), int) and record.get("col", 1) >= 1
        assert isinstance(record["field"], str)
        assert isinstance(record["message_contains"], str) and record["message_contains"].strip()
        assert record["severity"] in ("error", "warning")


@pytest.mark.parametrize("name", FIXTURE_NAMES)
def test_fixture_id_equals_file_name(name):
    """Only the intended defect may show: the id must match the file name unless the id is the defect."""
    text = (INVALID / name).read_bytes().decode("utf-8", errors="replace").lstrip("\ufeff")
    found = re.search(r"^[- ]*id: *(\S+)", text, re.MULTILINE)
    stem = name[: -len(".yml")]
    if name in ("empty-file.yml", "comment-only.yml", "toplevel-scalar.yml"):
        assert found is None
    elif name == "id-mismatch.yml":
        assert found is not None and found.group(1) != stem
    else:
        assert found is not None and found.group(1) == stem


# --- each bad fiche on its own ------------------------------------------------------------


@pytest.mark.parametrize("name", FIXTURE_NAMES)
def test_fixture_in_process(name, monkeypatch):
    monkeypatch.chdir(ROOT)
    path = INVALID / name
    collection = fiche_collection.load_collection([path], docs_dir=DOCS)
    assert {p.file for p in collection.problems} <= {rel(path)}
    difference = compare(EXPECTED[name], collection.problems)
    assert not difference, f"{name}:\n{difference}"
    has_error = any(r["severity"] == "error" for r in EXPECTED[name])
    assert collection.ok is not has_error
    if not has_error:  # warnings only: the fiche is accepted
        assert [f.id for f in collection.fiches] == [name[: -len(".yml")]]


@pytest.mark.parametrize("name", FIXTURE_NAMES)
def test_fixture_through_cli(name):
    path = INVALID / name
    result = run_cli("--json", rel(path))
    assert "Traceback" not in result.stderr
    has_error = any(r["severity"] == "error" for r in EXPECTED[name])
    assert result.returncode == (1 if has_error else 0), result.stderr
    problems = [Problem(**record) for record in json.loads(result.stdout)]
    assert {p.file for p in problems} == {rel(path)}
    difference = compare(EXPECTED[name], problems)
    assert not difference, f"{name}:\n{difference}"


# --- valid fiches -------------------------------------------------------------------------


def test_valid_fixtures_in_process():
    collection = fiche_collection.load_collection([VALID], docs_dir=DOCS)
    assert collection.problems == []
    assert sorted(f.id for f in collection.fiches) == ["minimal", "ocmw-antwerpen-amie"]


def test_valid_fixtures_through_cli():
    result = run_cli(rel(VALID))
    assert result.returncode == 0
    assert result.stdout == ""
    assert result.stderr.strip() == "2 fiche(s) valid, 0 warning(s)"


def test_real_fiches_folder_is_valid():
    result = run_cli()  # no path: the fiches/ folder
    count = len(list((ROOT / "fiches").glob("*.yml")))
    assert count > 0
    assert result.returncode == 0, result.stdout
    assert " error: " not in result.stdout
    assert result.stderr.startswith(f"{count} fiche(s) valid, ")


def test_complete_fiche_comes_back_as_data():
    """Nothing of the complete fixture is dropped on the way from YAML to data."""
    collection = fiche_collection.load_collection([VALID / "ocmw-antwerpen-amie.yml"])
    data = collection.fiches[0].data
    raw = yaml.safe_load((VALID / "ocmw-antwerpen-amie.yml").read_text(encoding="utf-8"))
    assert set(data) == set(raw)
    assert data["staffing"]["roles"] == raw["staffing"]["roles"]
    assert [m["id"] for m in data["modules"]] == [m["id"] for m in raw["modules"]]
    assert data["last_reviewed"] == "2026-11-25"
    assert data["sources"][0]["date"] == "2020-03-18"


# --- the whole corpus in one run ----------------------------------------------------------


def test_whole_invalid_folder_in_one_run(monkeypatch):
    result = run_cli(rel(INVALID))
    assert result.returncode == 1
    assert "Traceback" not in result.stderr
    rows = [m for m in map(GCC.match, result.stdout.splitlines()) if m]
    keys = [(m["file"], int(m["line"]), int(m["col"])) for m in rows]
    assert keys == sorted(keys), "problems must be sorted by file and line"
    errors = sum(m["severity"] == "error" for m in rows)
    assert result.stderr.strip() == f"{errors} error(s), {len(rows) - errors} warning(s)"
    # one run over the folder reports what single-file runs report, file by file
    monkeypatch.chdir(ROOT)
    alone = Counter((p.file, p.line, p.col, p.severity) for name in FIXTURE_NAMES
                    for p in fiche_collection.load_collection([INVALID / name], docs_dir=DOCS).problems)
    together = Counter((m["file"], int(m["line"]), int(m["col"]), m["severity"]) for m in rows)
    assert together == alone
    files = {Path(m["file"]).name for m in rows}
    assert sorted(set(FIXTURE_NAMES) - files) == [], "every file must be reported in the same run"


# --- output formats -----------------------------------------------------------------------


def test_output_is_gcc_style_one_problem_per_line():
    text = run_cli(rel(INVALID))
    records = json.loads(run_cli("--json", rel(INVALID)).stdout)
    assert text.stdout == "\n".join(gcc_line(r) for r in records) + "\n"
    bad = [line for line in text.stdout.splitlines() if not GCC.match(line)]
    assert bad == [], "every output line must be file:line:col: severity: [field: ]message"
    assert len(text.stdout.splitlines()) == len(records)


def test_gcc_line_for_a_field_problem():
    path = rel(INVALID / "region-unknown.yml")
    result = run_cli(path)
    assert result.stdout == (f"{path}:8:9: error: region: 'walonie' must be one of vlaanderen, wallonie, brussel "
                             "(did you mean wallonie?)\n")
    assert result.stderr == "1 error(s), 0 warning(s)\n"


def test_gcc_line_for_a_file_problem():
    path = rel(INVALID / "yaml-bom.yml")
    result = run_cli(path)
    assert result.stdout == (f"{path}:1:1: error: file starts with a UTF-8 byte order mark (BOM); "
                             "save it as UTF-8 without BOM\n")


def test_warnings_only_exit_0_and_are_printed():
    path = rel(INVALID / "long-word.yml")
    result = run_cli(path)
    assert result.returncode == 0
    assert re.fullmatch(re.escape(path) + r":10:15: warning: summary\.nl: word of 200 characters would break "
                        r"the layout: a{30}…\n", result.stdout)
    assert result.stderr == "1 fiche(s) valid, 1 warning(s)\n"


def test_json_emits_the_same_records(monkeypatch):
    records = json.loads(run_cli("--json", rel(INVALID)).stdout)
    assert isinstance(records, list) and records
    for record in records:
        assert set(record) == JSON_KEYS
        assert isinstance(record["line"], int) and isinstance(record["col"], int)
        assert record["severity"] in ("error", "warning")
    monkeypatch.chdir(ROOT)
    in_process = fiche_collection.load_collection([INVALID], docs_dir=DOCS).problems
    assert records == [asdict(p) for p in sorted(in_process)]


def test_json_of_valid_fiches_is_an_empty_list():
    result = run_cli("--json", rel(VALID))
    assert result.returncode == 0
    assert json.loads(result.stdout) == []


def test_json_exit_code_follows_errors():
    assert run_cli("--json", rel(INVALID / "region-unknown.yml")).returncode == 1
    assert run_cli("--json", rel(INVALID / "long-word.yml")).returncode == 0


# --- usage --------------------------------------------------------------------------------


@pytest.mark.parametrize("args", [["--bogus"], ["--json", "--no-such-option", "fiches"], ["-x"]])
def test_usage_error_exits_2(args):
    result = run_cli(*args)
    assert result.returncode == 2
    assert result.stdout == ""
    assert "usage:" in result.stderr


def test_help_exits_0():
    result = run_cli("--help")
    assert result.returncode == 0
    assert "usage:" in result.stdout and "--json" in result.stdout


def test_missing_path_is_a_clear_error():
    result = run_cli("no/such/fiche.yml")
    assert result.returncode == 1
    assert result.stdout == "no/such/fiche.yml:1:1: error: no such file or folder\n"
    assert result.stderr == "1 error(s), 0 warning(s)\n"


def test_missing_path_does_not_hide_other_files():
    result = run_cli("no/such/fiche.yml", rel(INVALID / "region-unknown.yml"), rel(VALID / "minimal.yml"))
    assert result.returncode == 1
    files = [GCC.match(line)["file"] for line in result.stdout.splitlines()]
    assert files == ["no/such/fiche.yml", rel(INVALID / "region-unknown.yml")]


def test_stray_file_in_folder_is_a_warning(tmp_path):
    (tmp_path / "ok.yml").write_text(fiche_text("ok"), encoding="utf-8")
    (tmp_path / "notes.txt").write_text("hello", encoding="utf-8")
    result = run_cli(".", cwd=tmp_path)
    assert result.returncode == 0
    assert result.stdout == "notes.txt:1:1: warning: not a fiche: fiches are .yml files\n"


# --- across files -------------------------------------------------------------------------


def test_same_id_in_two_files_names_the_other_file(tmp_path, monkeypatch):
    for folder in ("one", "two"):
        (tmp_path / folder).mkdir()
        (tmp_path / folder / "dup.yml").write_text(fiche_text("dup"), encoding="utf-8")
    result = run_cli("--json", "one", "two", cwd=tmp_path)
    assert result.returncode == 1
    records = json.loads(result.stdout)
    assert len(records) == 1
    assert records[0]["file"] == os.path.join("two", "dup.yml")
    assert records[0]["field"] == "id" and records[0]["line"] == 2
    assert "already used by " + os.path.join("one", "dup.yml") in records[0]["message"]
    monkeypatch.chdir(tmp_path)
    collection = fiche_collection.load_collection([Path("one"), Path("two")])
    assert [(p.file, p.field) for p in collection.problems] == [(os.path.join("two", "dup.yml"), "id")]


def test_related_fiche_in_another_file(tmp_path):
    (tmp_path / "a.yml").write_text(fiche_text("a", "related: [b]\n"), encoding="utf-8")
    (tmp_path / "b.yml").write_text(fiche_text("b", "related: [a]\n"), encoding="utf-8")
    result = run_cli(".", cwd=tmp_path)
    assert (result.returncode, result.stdout) == (0, "")
    assert result.stderr == "2 fiche(s) valid, 0 warning(s)\n"
    # the same file alone: b is not there
    alone = run_cli("a.yml", cwd=tmp_path)
    assert alone.returncode == 1
    assert alone.stdout == "a.yml:18:11: error: related[0]: no fiche with id 'b'\n"


def test_related_typo_suggests_the_existing_id(tmp_path):
    (tmp_path / "ocmw-gent-interactief.yml").write_text(fiche_text("ocmw-gent-interactief"), encoding="utf-8")
    (tmp_path / "c.yml").write_text(fiche_text("c", "related: [ocmw-gent-interactif]\n"), encoding="utf-8")
    records = json.loads(run_cli("--json", ".", cwd=tmp_path).stdout)
    assert [(r["file"], r["field"]) for r in records] == [("c.yml", "related[0]")]
    assert "(did you mean ocmw-gent-interactief?)" in records[0]["message"]


def test_related_to_a_fiche_with_errors_is_not_called_missing(tmp_path):
    """b.yml exists with id b but has its own error: a.yml must not be told there is no fiche b."""
    (tmp_path / "a.yml").write_text(fiche_text("a", "related: [b]\n"), encoding="utf-8")
    (tmp_path / "b.yml").write_text(fiche_text("b", **{"region: brussel": "region: walonie"}), encoding="utf-8")
    records = json.loads(run_cli("--json", ".", cwd=tmp_path).stdout)
    assert [(r["file"], r["field"]) for r in records] == [("b.yml", "region")], records


def test_see_also_page_that_exists(tmp_path):
    assert (DOCS / "netwerk" / "uitwisseling-luik-2019.nl.md").is_file()
    extra = "see_also:\n  - {page: netwerk/uitwisseling-luik-2019.md, label: {nl: Luik 2019, fr: Liège 2019}}\n"
    (tmp_path / "a.yml").write_text(fiche_text("a", extra), encoding="utf-8")
    result = run_cli("a.yml", cwd=tmp_path)
    assert (result.returncode, result.stdout) == (0, "")


def test_yaml_extension_is_refused(tmp_path):
    (tmp_path / "a.yaml").write_text(fiche_text("a"), encoding="utf-8")
    result = run_cli("a.yaml", cwd=tmp_path)
    assert result.returncode == 1
    assert result.stdout == "a.yaml:1:1: error: fiche files end in .yml (rename the file)\n"


def test_duplicate_module_ids(tmp_path):
    module = ("  - id: groep\n    name: {nl: Groep, fr: Groupe}\n    kind: collective\n"
              "    goals: [{nl: Doel, fr: But}]\n    content: {text: {nl: Tekst., fr: Texte.}}\n")
    (tmp_path / "a.yml").write_text(fiche_text("a", "modules:\n" + module + module), encoding="utf-8")
    records = json.loads(run_cli("--json", "a.yml", cwd=tmp_path).stdout)
    # the second `- id: groep` is on line 24 (line 18 holds only the key `modules:`)
    assert [(r["line"], r["field"], r["severity"]) for r in records] == [(24, "modules[1].id", "error")]
    assert "'groep' is used twice" in records[0]["message"]


# --- safe texts are not refused -----------------------------------------------------------


@pytest.mark.parametrize("text", [
    "Zie [de website](https://www.example.org/pagina?a=1&b=2) of <https://example.org>.",
    "Mail [ons](mailto:info@example.org) of bel.",
    "Voor 3 < 4 en 5 > 2 geldt: 18+ en max. 12 deelnemers.",
    "Groepen van < tien personen.",  # '<' then a space opens no HTML tag
    "Datum: 2020, **vet** en *cursief*.",
])
def test_safe_text_is_accepted(tmp_path, text):
    path = tmp_path / "safe.yml"
    path.write_text(fiche_text("safe", **{"fr: Un résumé court.}": f"fr: {json.dumps(text)}}}"}), encoding="utf-8")
    assert fiche_collection.load_collection([path]).problems == []


# --- what the validator accepts, the site can show ----------------------------------------


def test_accepted_draft_renders_in_both_languages(tmp_path, monkeypatch):
    """A draft may lack a translation (a warning); the preview build must still render it in both languages."""
    path = tmp_path / "draft.yml"
    path.write_text(fiche_text("draft", **{"status: published": "status: draft",
                                           "title: {nl: Minimaal project, fr: Projet minimal}":
                                           "title: {nl: Minimaal project}"}), encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    collection = fiche_collection.load_collection([path])
    assert collection.ok
    assert [(p.field, p.severity) for p in collection.problems] == [("title.fr", "warning")]
    for lang in ("nl", "fr"):
        view = fiche_view.fiche_view(collection.fiches[0].data, lang)
        assert isinstance(view["title_plain"], str)
