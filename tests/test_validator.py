"""The fiche validator: the corpus of bad fiches, the CLI contract, checks across files.

Every file in tests/fixtures/invalid/ has its full list of expected problems in
tests/fixtures/expected_errors.yml; the validator must report exactly those, in process
and through the CLI.
"""

from __future__ import annotations

import json
import os
import re
import string
import subprocess
import sys
from collections import Counter
from pathlib import Path

import pytest
import yaml
from conftest import cli_env

from scripts.fiche import collection as fiche_collection
from scripts.fiche import problems
from scripts.fiche.problems import Problem
from scripts.site import fiche_view

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
    """The text line of a JSON record: the field in words (1-based positions), the same message."""
    return Problem(**record).format()


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


def test_expectation_records_are_well_formed():
    """The fixture table itself, checked once for every fixture (not a test per file: it tests no code)."""
    for name, records in sorted(EXPECTED.items()):
        assert isinstance(records, list) and records, f"{name}: every fixture must produce at least one problem"
        for record in records:
            assert set(record) <= RECORD_KEYS and RECORD_KEYS - {"col"} <= set(record), (name, record)
            assert isinstance(record["line"], int) and record["line"] >= 1, name
            assert isinstance(record.get("col", 1), int) and record.get("col", 1) >= 1, name
            assert isinstance(record["field"], str), name
            assert isinstance(record["message_contains"], str) and record["message_contains"].strip(), name
            assert record["severity"] in ("error", "warning"), name


def test_fixture_ids_equal_file_names():
    """Only the intended defect may show: the id must match the file name unless the id is the defect."""
    for name in FIXTURE_NAMES:
        text = (INVALID / name).read_bytes().decode("utf-8", errors="replace").lstrip("\ufeff")
        found = re.search(r"^[- ]*id: *(\S+)", text, re.MULTILINE)
        stem = name[: -len(".yml")]
        if name in ("empty-file.yml", "comment-only.yml", "toplevel-scalar.yml"):
            assert found is None, name
        elif name == "id-mismatch.yml":
            assert found is not None and found.group(1) != stem, name
        else:
            assert found is not None and found.group(1) == stem, name


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


def test_every_fixture_through_the_cli_in_one_run():
    """The command line reports, per file, what the table expects (each file alone: test_fixture_in_process)."""
    result = run_cli("--json", rel(INVALID))
    assert "Traceback" not in result.stderr
    assert result.returncode == 1, result.stderr
    by_file: dict[str, list[Problem]] = {}
    for record in json.loads(result.stdout):
        by_file.setdefault(record["file"], []).append(Problem(**record))
    assert sorted(by_file) == sorted(rel(INVALID / name) for name in FIXTURE_NAMES)
    differences = {name: compare(EXPECTED[name], by_file[rel(INVALID / name)]) for name in FIXTURE_NAMES}
    assert {name: d for name, d in differences.items() if d} == {}


# --- valid fiches -------------------------------------------------------------------------


def test_valid_fixtures_in_process():
    collection = fiche_collection.load_collection([VALID], docs_dir=DOCS)
    assert collection.problems == []
    assert sorted(f.id for f in collection.fiches) == ["minimal", "ocmw-antwerpen-amie"]


def test_valid_fixtures_through_cli():
    result = run_cli(rel(VALID))
    assert result.returncode == 0
    assert result.stdout == ""
    assert result.stderr.strip() == "valid fiches: 2, warnings: 0"


def test_real_fiches_folder_is_valid():
    result = run_cli()  # no path: the fiches/ folder
    count = len(list((ROOT / "fiches").glob("*.yml")))
    assert count > 0
    assert result.returncode == 0, result.stdout
    assert " error: " not in result.stdout
    assert result.stderr.startswith(f"valid fiches: {count}, ")


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
    assert result.stderr.strip() == f"errors: {errors}, warnings: {len(rows) - errors}"
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
    assert result.stdout == (f"{path}:8:9: error: region: 'walonie' must be one of wallonie, vlaanderen, brussel "
                             "(did you mean wallonie?)\n")
    assert result.stderr == "errors: 1, warnings: 0\n"


def test_gcc_line_for_a_file_problem():
    path = rel(INVALID / "encoding-latin1.yml")
    result = run_cli(path)
    assert result.stdout == f"{path}:7:41: error: file is not valid UTF-8 (byte 0xe9); save it as UTF-8\n"


def test_warnings_only_exit_0_and_are_printed():
    path = rel(INVALID / "long-word.yml")
    result = run_cli(path)
    assert result.returncode == 0
    assert re.fullmatch(re.escape(path) + r":10:15: warning: summary › nl: word of 200 characters would break "
                        r"the layout: a{30}…\n", result.stdout)
    assert result.stderr == "valid fiches: 1, warnings: 1\n"


def test_json_emits_the_same_records(monkeypatch):
    records = json.loads(run_cli("--json", rel(INVALID)).stdout)
    assert isinstance(records, list) and records
    for record in records:
        assert set(record) == JSON_KEYS
        assert isinstance(record["line"], int) and isinstance(record["col"], int)
        assert record["severity"] in ("error", "warning")
    monkeypatch.chdir(ROOT)
    in_process = fiche_collection.load_collection([INVALID], docs_dir=DOCS).problems
    assert records == [p.record() for p in sorted(in_process)]


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
    assert result.stderr == "errors: 1, warnings: 0\n"


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
    assert result.stderr == "valid fiches: 2, warnings: 0\n"
    # the same file alone: b is not there
    alone = run_cli("a.yml", cwd=tmp_path)
    assert alone.returncode == 1
    related_line = len(fiche_text("a").splitlines()) + 1  # the line appended after the minimal fiche
    assert alone.stdout == f"a.yml:{related_line}:11: error: related fiche 1: no fiche with id 'b'\n"


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
    # the second `- id: groep`: after the minimal fiche, the key `modules:` and the first module (5 lines)
    second = len(fiche_text("a").splitlines()) + 1 + 5 + 1
    assert [(r["line"], r["field"], r["severity"]) for r in records] == [(second, "modules[1].id", "error")]
    assert "'groep' is used twice" in records[0]["message"]


# --- safe texts are not refused -----------------------------------------------------------


@pytest.mark.parametrize("text", [
    "Zie [de website](https://www.example.org/pagina?a=1&b=2) of https://example.org.",
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


# --- messages in the coordinator's language -------------------------------------------------


def test_every_message_exists_in_every_language_with_the_same_parameters():
    for code, templates in problems.MESSAGES.items():
        assert set(templates) == set(problems.MESSAGE_LANGS), code
        fields = {lang: sorted(name for _, name, _, _ in string.Formatter().parse(text) if name)
                  for lang, text in templates.items()}
        assert fields["nl"] == fields["en"] == fields["fr"], code


def test_french_messages_use_french_typography():
    for code, templates in problems.MESSAGES.items():
        text = templates["fr"]
        assert not re.search(r" [:;?!](?:\s|$)", text), (code, text)  # a no-break space, never a plain one
        assert "« " not in text and " »" not in text, (code, text)


@pytest.mark.parametrize("lang, words", [
    ("en", "staffing › role 1 › fte: expected a number, got 'halftijds' (write 0.5 for 'halftijds')"),
    ("nl", "staffing › rol 1 › fte: getal verwacht, gekregen: 'halftijds' (schrijf 0.5 voor 'halftijds')"),
    ("fr", "staffing › rôle 1 › fte: nombre attendu, reçu\u00a0: 'halftijds' "
           "(écrivez 0.5 pour «\u00a0halftijds\u00a0»)"),
])
def test_lang_words_the_message_and_the_position(lang, words):
    path = rel(INVALID / "staffing-fte-string.yml")
    result = run_cli("--lang", lang, path)
    assert result.returncode == 1
    assert result.stdout == f"{path}:20:12: error: {words}\n"
    # no "error(s)": each language words its counts without a plural to guess
    summary = {"en": "errors: 1, warnings: 0", "nl": "fouten: 1, waarschuwingen: 0",
               "fr": "erreurs\u00a0: 1, avertissements\u00a0: 0"}
    assert result.stderr == summary[lang] + "\n"


def test_lang_json_keeps_the_machine_path_and_words_the_message():
    path = rel(INVALID / "staffing-fte-string.yml")
    records = json.loads(run_cli("--json", "--lang", "fr", path).stdout)
    assert [(r["field"], r["line"]) for r in records] == [("staffing.roles[0].fte", 20)]
    assert records[0]["message"].startswith("nombre attendu")


def test_every_fixture_message_renders_in_every_language(monkeypatch):
    """No message falls back to English or fails to render in nl/fr."""
    monkeypatch.chdir(ROOT)
    found = fiche_collection.load_collection([INVALID], docs_dir=DOCS).problems
    assert found
    for problem in found:
        assert problem.text is not None, problem
        english = problem.message_in("en")
        for lang in ("nl", "fr"):
            assert problem.message_in(lang) != english or english.startswith(("YAML syntax", "id ")), (lang, problem)
            assert GCC.match(problem.format(lang)), problem.format(lang)


def test_unknown_lang_is_a_usage_error():
    result = run_cli("--lang", "de", rel(VALID))
    assert result.returncode == 2 and "usage:" in result.stderr


@pytest.mark.parametrize("path, words", [
    ("themes[1]", {"en": "theme 2", "nl": "thema 2", "fr": "thème 2"}),
    ("modules[0].setup.duration.amount", {"en": "module 1 › setup › duration › amount"}),
    ("pros[2]", {"en": "pro 3", "nl": "pluspunt 3"}),
    ("objectives.groups[0].goals[1].nl", {"en": "objectives › group 1 › goal 2 › nl",
                                          "fr": "objectives › groupe 1 › objectif 2 › nl"}),
    ("x[0]", {"en": "x › item 1", "nl": "x › element 1", "fr": "x › élément 1"}),
])
def test_positions_are_one_based_words(path, words):
    for lang, expected in words.items():
        assert problems.worded_path(path, lang) == expected


# --- reserved ids -------------------------------------------------------------------------


def test_reserved_ids_come_from_docs_fiches():
    reserved = fiche_collection.reserved_ids(DOCS)
    pages = {p.name.split(".")[0] for p in (DOCS / "fiches").iterdir()}
    assert set(reserved) == pages
    assert {"index", "vergelijk", "cijfers"} <= set(reserved)


@pytest.mark.parametrize("page", sorted({p.name.split(".")[0] for p in (DOCS / "fiches").iterdir()}))
def test_fiche_with_the_id_of_a_hand_written_page_is_refused(tmp_path, page):
    (tmp_path / f"{page}.yml").write_text(fiche_text(page), encoding="utf-8")
    result = run_cli("--json", f"{page}.yml", cwd=tmp_path)
    assert result.returncode == 1
    records = json.loads(result.stdout)
    assert [(r["line"], r["col"], r["field"]) for r in records] == [(2, 5, "id")]
    assert f"id '{page}' is taken by the site's page docs/fiches/{page}." in records[0]["message"]


def test_a_new_page_in_docs_fiches_is_reserved_at_once(tmp_path, monkeypatch):
    docs = tmp_path / "docs"
    (docs / "fiches" / "kaart").mkdir(parents=True)
    (docs / "fiches" / "overzicht.nl.md").write_text("# x\n", encoding="utf-8")
    for name in ("kaart", "overzicht", "gewoon"):
        (tmp_path / f"{name}.yml").write_text(fiche_text(name), encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    found = fiche_collection.load_collection([Path(".")], docs_dir=docs).problems
    assert sorted((p.file, p.field, p.code) for p in found) == [("kaart.yml", "id", "reserved_id"),
                                                                 ("overzicht.yml", "id", "reserved_id")]


# --- what is under fiches/ besides files --------------------------------------------------


def test_symlinks_and_non_files_are_reported_not_followed(tmp_path):
    outside = tmp_path / "outside"
    outside.mkdir()
    (outside / "secret.yml").write_text(fiche_text("secret"), encoding="utf-8")
    folder = tmp_path / "fiches"
    folder.mkdir()
    (folder / "ok.yml").write_text(fiche_text("ok"), encoding="utf-8")
    (folder / "secret.yml").symlink_to(outside / "secret.yml")
    (folder / "inside.yml").symlink_to(folder / "ok.yml")
    (folder / "dangling.yml").symlink_to(tmp_path / "nowhere.yml")
    (folder / "x.yml").mkdir()
    os.mkfifo(folder / "pipe.yml")
    result = run_cli("--json", "fiches", cwd=tmp_path)
    assert result.returncode == 1
    records = json.loads(result.stdout)
    by_file = {Path(r["file"]).name: r["message"] for r in records}
    assert set(by_file) == {"secret.yml", "inside.yml", "dangling.yml", "x.yml", "pipe.yml"}
    assert by_file["secret.yml"] == (f"symbolic link (to {outside / 'secret.yml'}) is not read; "
                                     "put the fiche itself here")
    assert by_file["dangling.yml"].startswith("symbolic link (to ")
    assert by_file["x.yml"].startswith("a folder named like a fiche is not read")
    assert by_file["pipe.yml"].startswith("a special file named like a fiche is not read")
    assert all(r["severity"] == "error" and r["line"] == 1 for r in records)


def test_symlink_given_on_the_command_line_is_not_followed(tmp_path):
    (tmp_path / "real.yml").write_text(fiche_text("link"), encoding="utf-8")
    (tmp_path / "link.yml").symlink_to(tmp_path / "real.yml")
    result = run_cli("link.yml", cwd=tmp_path)
    assert result.returncode == 1
    assert result.stdout.startswith("link.yml:1:1: error: symbolic link (to ")


@pytest.mark.parametrize("name, shown", [
    ("fake\nx.yml:1:1: error: injected.yml", "fake\\nx.yml:1:1: error: injected.yml"),
    ("\x1b[2Jclear.yml", "\\x1b[2Jclear.yml"),
    ("bidi\u202eLMY.yml", "bidi\\u202eLMY.yml"),
])
def test_printed_file_names_are_escaped(tmp_path, name, shown):
    (tmp_path / name).write_text(fiche_text("other"), encoding="utf-8")  # id differs from the name: an error
    result = run_cli(".", cwd=tmp_path)
    assert result.returncode == 1
    lines = result.stdout.splitlines()
    assert len(lines) == 1 and lines[0].startswith(shown + ":2:5: error: id: ")
    assert "\x1b" not in result.stdout and "\u202e" not in result.stdout
    record = json.loads(run_cli("--json", ".", cwd=tmp_path).stdout)[0]
    assert record["file"] == name  # tools get the real name (JSON escapes it)


# --- encodings, line endings, broken files ---------------------------------------------------


def test_crlf_line_endings_are_accepted(tmp_path):
    text = fiche_text("crlf", "problem:\n  nl: |\n    Eerste regel.\n\n    - punt\n  fr: \"Texte.\"\n")
    (tmp_path / "crlf.yml").write_bytes(text.replace("\n", "\r\n").encode("utf-8"))
    result = run_cli("crlf.yml", cwd=tmp_path)
    assert (result.returncode, result.stdout) == (0, "")
    collection = fiche_collection.load_collection([tmp_path / "crlf.yml"])
    assert "\r" not in collection.fiches[0].data["problem"]["nl"]


def test_bom_and_crlf_together(tmp_path):
    (tmp_path / "win.yml").write_bytes(b"\xef\xbb\xbf" + fiche_text("win").replace("\n", "\r\n").encode("utf-8"))
    result = run_cli("win.yml", cwd=tmp_path)
    assert result.returncode == 0
    assert result.stdout.startswith("win.yml:1:1: warning: file starts with a UTF-8 byte order mark")


def test_a_syntax_error_never_hides_other_files(tmp_path):
    (tmp_path / "a.yml").write_text(fiche_text("a", **{"region: brussel": "region: brussel: extra"}),
                                    encoding="utf-8")
    (tmp_path / "b.yml").write_text(fiche_text("b", **{"region: brussel": "region: walonie"}), encoding="utf-8")
    (tmp_path / "c.yml").write_text(fiche_text("c", "related: [a, b]\n"), encoding="utf-8")
    records = json.loads(run_cli("--json", ".", cwd=tmp_path).stdout)
    assert [(r["file"], r["field"]) for r in records] == [("a.yml", ""), ("b.yml", "region")]
    assert "YAML syntax" in records[0]["message"]


def test_repaired_lines_and_absences_are_not_reported_twice(tmp_path):
    """After `region: brussel: extra` is repaired for checking, the guessed value is not reported as an
    unknown region: the syntax error is the one problem on that line."""
    (tmp_path / "a.yml").write_text(fiche_text("a", **{"region: brussel": "region: brussel: extra"}),
                                    encoding="utf-8")
    found = fiche_collection.load_collection([tmp_path / "a.yml"]).problems
    assert [(p.line, p.code) for p in found] == [(9, "syntax")]


def test_several_colon_texts_each_get_their_corrected_line(tmp_path):
    extra = "problem:\n  nl: Doel: taal leren\n  fr: But : apprendre la langue\n"
    (tmp_path / "a.yml").write_text(fiche_text("a", extra), encoding="utf-8")
    found = fiche_collection.load_collection([tmp_path / "a.yml"]).problems
    first = len(fiche_text("a").splitlines()) + 2  # the two text lines after "problem:"
    assert [(p.line, p.code) for p in found] == [(first, "syntax"), (first + 1, "syntax")]
    assert '`nl: "Doel: taal leren"`' in found[0].message
    assert '`fr: "But : apprendre la langue"`' in found[1].message


def test_tabs_do_not_stop_the_checks(tmp_path):
    text = fiche_text("a", **{"  type: ocmw": "\ttype: ocmw", "region: brussel": "region: walonie"})
    (tmp_path / "a.yml").write_text(text, encoding="utf-8")
    found = fiche_collection.load_collection([tmp_path / "a.yml"]).problems
    assert [(p.line, p.code) for p in found] == [(7, "tab"), (9, "enum_unknown")]
