"""Open data files as a spreadsheet reads them: no fiche text can become a formula."""

from __future__ import annotations

import copy
import csv
import io
import json

import pytest
from conftest import ROOT

from scripts.fiche import richtext
from scripts.fiche import schema as s
from scripts.fiche.collection import load_collection
from scripts.lang import ui_text
from scripts.site import open_data, urls

FORMULAS = ["=HYPERLINK(\"http://x.test\",\"ok\")", "+1+1", "-2+3", "@SUM(A1:A9)", "\t=1+1", "\r=1+1"]


@pytest.fixture(scope="module")
def fiche():
    collection = load_collection([ROOT / "tests" / "fixtures" / "valid" / "minimal.yml"])
    assert collection.ok, collection.problems
    return collection.fiches[0]


def read_cells(path) -> list[list[str]]:
    """What Excel or LibreOffice gets: the decoded CSV, split on semicolons."""
    return list(csv.reader(io.StringIO(path.read_bytes().decode("utf-8-sig")), delimiter=";"))


@pytest.mark.parametrize("payload", FORMULAS)
def test_text_cells_never_start_a_formula(tmp_path, fiche, payload):
    hostile = copy.deepcopy(fiche)
    for key in ("title", "municipality"):
        hostile.data[key] = {lang: payload for lang in s.LANGS}
    hostile.data["organisation"]["name"] = {lang: payload for lang in s.LANGS}
    for lang in s.LANGS:
        (tmp_path / urls.lang_prefix(lang)).mkdir(parents=True, exist_ok=True)
    open_data.write_open_data([hostile], tmp_path)
    for lang in s.LANGS:
        header, *rows = read_cells(tmp_path / urls.url_for("csv", "", lang))
        assert header == [ui_text.t(f"csv_{key}", lang) for key in open_data.CSV_COLUMNS]
        for row in rows:
            for cell in row:
                assert not cell.startswith(open_data.FORMULA_START), cell
        column = {key: i for i, key in enumerate(open_data.CSV_COLUMNS)}
        for key in ("title", "organisation", "municipality"):
            assert rows[0][column[key]] == "'" + richtext.plain(payload)  # shown as text, nothing else lost
    data = json.loads((tmp_path / "fiches.json").read_text(encoding="utf-8"))
    assert data["fiches"][0]["title"] == {lang: payload for lang in s.LANGS}  # JSON keeps the text as written


def test_numbers_and_plain_text_are_left_alone(tmp_path, fiche):
    assert open_data.neutralise_formula("Antwerpen") == "Antwerpen"
    assert open_data.neutralise_formula("a = b") == "a = b"
    for lang in s.LANGS:
        (tmp_path / urls.lang_prefix(lang)).mkdir(parents=True, exist_ok=True)
    open_data.write_open_data([fiche], tmp_path)
    header, row = read_cells(tmp_path / urls.url_for("csv", "", urls.DEFAULT_LANG))
    assert row[0] == fiche.id and not row[0].startswith("'")

