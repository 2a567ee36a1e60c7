"""Wording is data: every language's texts are in docs/_data/interface.<lang>.yml, none in Python or JS.

The third language's build (tests/test_third_language.py) shows that a language needs no code; these tests
keep the Dutch and French texts out of the code and the data files complete."""

from __future__ import annotations

import ast
import dataclasses
import re
from pathlib import Path

import pytest
import yaml
from conftest import ROOT

from scripts.fiche import problems
from scripts.lang import languages, ui_text, wording

DATA = ROOT / "docs" / "_data"
# Words in Python that are not the site's wording: what Decap's own interface says (the screenshot tool looks for
# its login button) and a query the search benchmark types. Each is named here with its reason.
NOT_WORDING = {("scripts/editor/screenshots.py", "LOGIN"), ("scripts/search_quality.py", "PAYLOAD_QUERY")}
LEFT_OUT = ("scripts/bench/", "scripts/fiche/schema.py")  # the benchmark; the schema's descriptions and value lists


def _is_text(node: ast.AST) -> bool:
    if isinstance(node, ast.Constant):
        return isinstance(node.value, str)
    if isinstance(node, (ast.Tuple, ast.List, ast.Set)):  # a language's word list: {"nl": ["de", "het"]}
        return any(_is_text(item) for item in node.elts)
    if isinstance(node, ast.Dict):  # a language's own table: {"nl": {"title": "…"}}
        return any(_is_text(value) for value in node.values)
    return isinstance(node, (ast.JoinedStr, ast.BinOp))


def wording_tables(source: str, langs: tuple[str, ...]) -> list[tuple[int, str]]:
    """(line, assigned name) of each dict literal or call that gives a text per language code."""
    tree = ast.parse(source)
    names = {}
    for node in ast.walk(tree):
        if isinstance(node, (ast.Assign, ast.AnnAssign)) and node.value is not None:
            target = node.targets[0] if isinstance(node, ast.Assign) else node.target
            for inner in ast.walk(node.value):
                names[id(inner)] = getattr(target, "id", "")
    found = []
    for node in ast.walk(tree):
        texts = []
        if isinstance(node, ast.Dict):
            texts = [value for key, value in zip(node.keys, node.values, strict=True)
                     if isinstance(key, ast.Constant) and key.value in langs]
        elif isinstance(node, ast.Call):
            texts = [keyword.value for keyword in node.keywords if keyword.arg in langs]
        if any(_is_text(text) for text in texts):
            found.append((node.lineno, names.get(id(node), "")))
    return sorted(found)


def test_the_scan_finds_a_wording_table():
    """The scan itself: today's tables as they stood in Python (ui_text.LABELS, problems.MESSAGES) are found."""
    old = ('LABELS = {"overview": {"nl": "In vogelvlucht", "fr": "En bref"}}\nX = d(nl=f"{n} fiche", fr="…")\n'
           'TEXT = {"nl": {"title": "Fouten"}}\nSTOP = {"fr": ["le", "la"], "nl": {"de"}}\n')
    assert wording_tables(old, ("nl", "fr")) == [(1, "LABELS"), (2, "X"), (3, "TEXT"), (4, "STOP")]
    assert wording_tables('RULES = {"fr": fix}\nlang = {"nl": 1}\n', ("nl", "fr")) == []


def test_no_python_module_holds_a_dutch_or_french_wording_table():
    found = []
    for path in sorted((ROOT / "scripts").rglob("*.py")):
        name = path.relative_to(ROOT).as_posix()
        if name.startswith(LEFT_OUT):
            continue
        tables = wording_tables(path.read_text(encoding="utf-8"), languages.codes())
        found += [f"{name}:{line}: {target or 'a table'} gives texts per language; move them to "
                  f"docs/_data/interface.<lang>.yml" for line, target in tables if (name, target) not in NOT_WORDING]
    assert not found, "\n".join(found)


def test_no_script_of_the_site_picks_a_locale_by_language_code():
    """The browser's number and date formats come from the page (data-locale), not from a branch in JS."""
    codes = "|".join(re.escape(code) for code in languages.codes())
    branch = re.compile(rf"""===?\s*["']({codes})["']|["']({codes})-[A-Z]{{2}}["']""")
    found = [f"{path.name}:{number}: {line.strip()}" for path in sorted((ROOT / "docs" / "assets").glob("*.js"))
             for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1) if branch.search(line)]
    assert not found, "\n".join(found)


def _sections(lang: str) -> dict:
    return yaml.safe_load((DATA / f"interface.{lang}.yml").read_text(encoding="utf-8"))


def test_every_language_file_has_the_same_keys():
    files = {lang: _sections(lang) for lang in languages.codes()}
    default = files[languages.current().default]
    for lang, data in files.items():
        assert re.fullmatch(r"[a-z]{2,3}-[A-Z]{2}", data.get("locale") or ""), (lang, data.get("locale"))
        for name, section in default.items():
            if isinstance(section, dict) and name != "words":  # word lists tune behaviour; each language has its own
                assert set(data.get(name) or {}) == set(section), (lang, name, set(section) ^ set(data.get(name) or {}))
    # the validator's default language has its messages too
    english = _sections(problems.DEVELOPER_LANG)
    for name in ("messages", "item_nouns"):
        assert set(english[name]) == set(default[name]), (name, set(english[name]) ^ set(default[name]))


def test_a_language_without_a_file_is_an_error_naming_the_file_not_a_fallback():
    with pytest.raises(wording.WordingError, match=re.escape(str(Path("_data") / "interface.xx.yml"))):
        ui_text.t("overview", "xx")
    with pytest.raises(wording.WordingError, match=r"interface\.xx\.yml"):
        problems.msg("bom").render("xx")


def test_the_page_ships_its_locale_for_the_browser(site):
    for lang in languages.codes():
        folder = site if lang == languages.current().default else site / lang
        page = (folder / "fiches" / "index.html").read_text(encoding="utf-8")
        assert f'data-locale="{_sections(lang)["locale"]}"' in page, lang


@pytest.fixture
def data_dir_in_use():
    """Put another data folder in use for one test (as a site configured with `data:` does), then the project's."""
    before = languages.current()
    yield lambda folder: languages.use(dataclasses.replace(before, data_dir=folder))
    languages.use(before)
    wording.clear()


def test_an_edited_wording_file_is_read_again(tmp_path, data_dir_in_use):
    """Serving: each rebuild asks wording.refresh(), so a changed file counts without a restart."""
    for lang in (*languages.codes(), problems.DEVELOPER_LANG):
        (tmp_path / f"interface.{lang}.yml").write_bytes((DATA / f"interface.{lang}.yml").read_bytes())
    data_dir_in_use(tmp_path)
    lang = languages.current().default
    before = ui_text.t("overview", lang)
    edited = tmp_path / f"interface.{lang}.yml"
    edited.write_text(edited.read_text(encoding="utf-8").replace(f"overview: {before}\n", "overview: Anders\n", 1),
                      encoding="utf-8")
    wording.refresh()
    assert ui_text.t("overview", lang) == "Anders"


def test_word_lists_are_lists_of_words_or_an_error_naming_the_file(tmp_path, data_dir_in_use):
    """Word lists (search stopwords, plural endings …) are read from the language's file; a list that is not one is
    an error naming the file and the list, and a language without lists goes without."""
    (tmp_path / "interface.nl.yml").write_text("locale: nl-BE\nwords:\n  plural_endings: [s, en]\n"
                                               "  common: de het\n", encoding="utf-8")
    data_dir_in_use(tmp_path)
    wording.clear()
    assert wording.words("nl", "plural_endings") == ("s", "en")
    assert wording.words("nl", "search_stopwords") == ()
    with pytest.raises(wording.WordingError, match=r"interface\.nl\.yml: words\.common is a list of words"):
        wording.words("nl", "common")
