"""What the open data publishes is safe to render, and short values are what they say they are (issue 23).

The site escapes fiche text, but fiches.json carries the Markdown as written: a consumer rendering it must get no
live script link. So the validator checks links as a Markdown reader sees them (HTML entities decoded, reference
definitions `[r]: target` included, addresses without a scheme), short codes such as `sources[].at` take no
markup, invisible bidi and zero-width characters are refused, patterns match the whole value (no trailing newline),
a contact e-mail is an address (no `mailto:…?cc=…`), and every text cell of the CSV is quoted.
"""

from __future__ import annotations

import copy
import csv
import io
import json
import re
import subprocess
import sys

import pytest
from conftest import ROOT, build_site, cli_env, fixture_project

from scripts.fiche import schema as s
from scripts.fiche.collection import load_collection
from scripts.site import open_data, urls

VALID = ROOT / "tests" / "fixtures" / "valid"


def with_summary(tmp_path, nl: str, name: str = "minimal.yml"):
    """The minimal fixture fiche with `nl` as its Dutch summary (a YAML double-quoted string: escapes work)."""
    text = (VALID / "minimal.yml").read_text(encoding="utf-8")
    quoted = nl.replace("\\", "\\\\").replace('"', '\\"').replace("\n", "\\n")
    text = re.sub(r"summary: \{[^}]*\}\n", lambda _: f'summary: {{nl: "{quoted}", fr: "Un résumé."}}\n', text)
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return path


def errors(path) -> list:
    return [p for p in load_collection([path]).problems if p.severity == "error"]


HOSTILE_LINKS = [
    "Klik [hier][r].\n\n[r]: &#106;avascript:alert(1)",                  # the reference definition
    "Klik [hier][r].\n\n[r]: java&#x73;cript:alert(1)",
    "Zie [beeld][d].\n\n[d]: &#100;ata:text/html;base64,PHNjcmlwdD4=",
    "Klik [hier][r].\n\n[r]:\n  javascript:alert(1)",                     # the target on the next line
    "Klik [hier][r].\n\n   [r]: <&#x6A;avascript:alert(1)>",
    "Klik [hier](java&#x73;cript:alert(1)).",
    "Klik [hier](&#x6A;&#x61;&#x76;&#x61;&#x73;&#x63;&#x72;&#x69;&#x70;&#x74;&#x3A;alert(1)).",
    "Klik [hier](java&Tab;script&colon;alert(1)).",                       # named entities, a tab dropped
    "Klik [hier](//evil.example/pad).",                                   # no colon anywhere in the text
    "Klik [hier](../../admin/).",
    "Klik [hier](/admin/).",
    "Klik [hier][r].\n\n[r]: //evil.example",
    "Klik [hier](&#47;&#47;evil.example).",
]


@pytest.mark.parametrize("text", HOSTILE_LINKS)
def test_every_link_is_checked_as_a_markdown_reader_sees_it(tmp_path, text):
    found = errors(with_summary(tmp_path, text))
    assert "link_not_allowed" in [p.code for p in found], (text, [str(p) for p in found])
    assert {p.field for p in found} == {"summary.nl"}


@pytest.mark.parametrize("text", [
    "Zie [de gids](https://www.mi-is.be/nl) en [mail](mailto:info@mi-is.be).",
    "Zie [de gids][g].\n\n[g]: https://www.mi-is.be/nl",
    "Tekst met &amp; en &lt;geen tag&gt;, javascript&#58;alert(1) als gewone tekst.",
    "Een [vierkante haak] zonder link, en (haakjes).",
])
def test_ordinary_links_and_text_stay_valid(tmp_path, text):
    assert errors(with_summary(tmp_path, text)) == []


@pytest.mark.parametrize("lang, words", [("nl", "niet toegelaten"), ("fr", "refusé")])
def test_the_validator_words_a_refused_reference_link_in_nl_and_fr(tmp_path, lang, words):
    path = with_summary(tmp_path, HOSTILE_LINKS[0])
    result = subprocess.run([sys.executable, "-m", "scripts.validate", "--lang", lang, str(path)], cwd=ROOT,
                            env=cli_env(), capture_output=True, text=True, timeout=120)
    assert result.returncode == 1
    assert re.search(rf"minimal\.yml:\d+:\d+: error: summary › nl: .*{words}", result.stdout), result.stdout


INVISIBLE = {"right-to-left override": "\u202e", "left-to-right isolate": "\u2066", "zero width space": "\u200b",
             "zero width joiner": "\u200d", "right-to-left mark": "\u200f", "byte order mark": "\ufeff",
             "word joiner": "\u2060"}


@pytest.mark.parametrize("name", sorted(INVISIBLE))
@pytest.mark.parametrize("written", ["raw", "escape"])
def test_bidi_and_zero_width_characters_are_refused_with_a_message(tmp_path, name, written):
    char = INVISIBLE[name]
    text = (VALID / "minimal.yml").read_text(encoding="utf-8")
    value = char if written == "raw" else f"\\u{ord(char):04x}"
    text = text.replace("title: {nl: Minimaal project,", f'title: {{nl: "Minimaal {value}project",')
    text = text.replace("as_of_source: {ref: 1}", f'as_of_source: {{ref: 1, at: "p. {value}2"}}')
    path = tmp_path / "minimal.yml"
    path.write_text(text, encoding="utf-8")
    found = errors(path)
    assert sorted((p.field, p.code) for p in found) == [("as_of_source.at", "invisible"), ("title.nl", "invisible")]
    assert all(f"U+{ord(char):04X}" in p.message for p in found)
    assert "onzichtbaar" in found[0].message_in("nl") and "invisible" in found[0].message_in("fr")


@pytest.mark.parametrize("at", ["p. 2 [x](javascript:alert(1))", "<b>p. 2</b>", "p. *2*", "p. 2`x`", "p. 2\\nregel",
                                "p. &#106;2", "p. 2 | 3", "p_2_"])
def test_a_short_code_takes_no_markup(tmp_path, at):
    text = (VALID / "minimal.yml").read_text(encoding="utf-8")
    text = text.replace("as_of_source: {ref: 1}", f'as_of_source: {{ref: 1, at: "{at}"}}')
    path = tmp_path / "minimal.yml"
    path.write_text(text, encoding="utf-8")
    found = errors(path)
    assert [(p.field, p.code) for p in found] == [("as_of_source.at", "code_markup")], [str(p) for p in found]


def test_ordinary_page_references_stay_valid(tmp_path):
    for at in ("p. 2", "p. 26, 1.5", "p. 40, 1.3; p. 42, 2.1", "blz. 12-14 (bijlage 2)"):
        text = (VALID / "minimal.yml").read_text(encoding="utf-8")
        path = tmp_path / "minimal.yml"
        path.write_text(text.replace("as_of_source: {ref: 1}", f'as_of_source: {{ref: 1, at: "{at}"}}'),
                        encoding="utf-8")
        assert errors(path) == [], at


def test_a_pattern_matches_the_whole_value_not_up_to_a_trailing_newline(tmp_path):
    """`re.match(…$)` let "groepssessies\\n" through: a folder named with a newline, `%0A` in the sitemap."""
    text = (VALID / "ocmw-antwerpen-amie.yml").read_text(encoding="utf-8")
    text = text.replace("  - id: groepssessies\n", '  - id: "groepssessies\\n"\n', 1)
    text = text.replace("contact:\n", 'contact:\n  phone: "+32 3 338 48 00\\n"\n', 1)
    path = tmp_path / "ocmw-antwerpen-amie.yml"
    path.write_text(text, encoding="utf-8")
    found = {(p.field, p.code) for p in errors(path)}
    assert ("contact.phone", "wrong_form") in found
    assert any(field.startswith("modules[") and field.endswith("].id") and code == "wrong_form"
               for field, code in found), found


@pytest.mark.parametrize("email", ["mailto:info@ocmw.be", "info@ocmw.be?subject=Vraag&body=zie.be",
                                   "info@ocmw.be?cc=baas@ocmw.be&subject=x&body=y.com", "info@ocmw.be\\n",
                                   "info@ocmw.be?subject=hallo", "<info@ocmw.be>", "info@ocmw.be,ander@ocmw.be"])
def test_a_contact_email_is_an_address_and_nothing_more(tmp_path, email):
    text = (VALID / "minimal.yml").read_text(encoding="utf-8")
    text = text.replace("contact:\n", f'contact:\n  email: "{email}"\n', 1)
    path = tmp_path / "minimal.yml"
    path.write_text(text, encoding="utf-8")
    assert [(p.field, p.code) for p in errors(path)] == [("contact.email", "not_email")]


def test_an_ordinary_contact_email_stays_valid(tmp_path):
    text = (VALID / "minimal.yml").read_text(encoding="utf-8")
    for email in ("info@ocmw-voorbeeld.be", "sociale.dienst+nt2@cpas.brussels"):
        path = tmp_path / "minimal.yml"
        path.write_text(text.replace("contact:\n", f"contact:\n  email: {email}\n", 1), encoding="utf-8")
        assert errors(path) == [], email


def test_the_strict_build_refuses_a_hostile_link_in_the_open_data(tmp_path):
    fiches = tmp_path / "fiches"
    fiches.mkdir()
    with_summary(fiches, HOSTILE_LINKS[0])
    result = build_site(tmp_path / "site", fiches_dir=fiches, config=fixture_project(tmp_path / "project"))
    assert result.returncode != 0 and "Traceback" not in result.stderr
    assert "error: summary › nl: link 'javascript:alert(1)' not allowed" in result.stderr, result.stderr[-2000:]
    assert not (tmp_path / "site" / "fiches.json").exists()


# --- the CSV ------------------------------------------------------------------------------------------------------

@pytest.mark.parametrize("payload", ["Tekst, =2+3", "Naam, @SUM(A1:A9)", "a,+1+1", "x, -2+3", 'Een "citaat", =1'])
def test_a_formula_after_a_comma_stays_inside_its_quoted_cell(tmp_path, payload):
    """A spreadsheet that splits the file on commas (another locale, or a user's choice) must not find a cell
    starting with a formula: every text cell is quoted, so the comma stays inside its cell."""
    fiche = load_collection([VALID / "minimal.yml"]).fiches[0]
    hostile = copy.deepcopy(fiche)
    hostile.data["title"] = {lang: payload for lang in s.LANGS}
    for lang in s.LANGS:
        (tmp_path / urls.lang_prefix(lang)).mkdir(parents=True, exist_ok=True)
    open_data.write_open_data([hostile], tmp_path)
    for lang in s.LANGS:
        text = (tmp_path / urls.url_for("csv", "", lang)).read_bytes().decode("utf-8-sig")
        for delimiter in (",", ";"):
            cells = [cell for row in csv.reader(io.StringIO(text), delimiter=delimiter) for cell in row]
            starting = [c for c in cells if c.lstrip(" ").startswith(open_data.FORMULA_START)]
            assert starting == [], (delimiter, starting)
        rows = list(csv.reader(io.StringIO(text), delimiter=";"))
        shown = rows[1][open_data.CSV_COLUMNS.index("title")]
        assert shown.replace("'", "") == payload.replace("'", "")  # only apostrophes added, nothing lost
        assert f'"{shown}"' in text.replace('""', '"')  # the cell is quoted in the file
    data = json.loads((tmp_path / "fiches.json").read_text(encoding="utf-8"))
    assert data["fiches"][0]["title"] == {lang: payload for lang in s.LANGS}
