"""A third language is data: a fixture site in nl, fr and de builds with no code change.

The fixture brings what a new language needs as data only: an entry in mkdocs.yml's i18n
languages, its wording file (docs/_data/interface.de.yml: locale, interface texts, validator messages,
preview texts, scaffold words, value lists), pages page.de.md and a fiche with de texts. The validator
then speaks it too, and a wording file that lacks a key stops the build naming the file and the key."""

from __future__ import annotations

import csv
import io
import re
import shutil
import subprocess
import sys
from pathlib import Path

import yaml
from conftest import ROOT, build_site, cli_env, fixture_project, plugin_options, read_config, write_config

from scripts.fiche import schema as s
from scripts.lang import ui_text

DE = {"locale": "de", "name": "Deutsch", "build": True, "site_name": "Wissensdatenbank soziale Aktivierung",
      "theme": {"language": "de"}}


def german(text: str) -> str:
    return f"[de] {text}"


def add_german(value):
    """Every {nl, fr} text of a fiche gets a de text too."""
    if isinstance(value, dict):
        out = {key: add_german(item) for key, item in value.items()}
        if set(value) == {"nl", "fr"}:
            out["de"] = german(value["nl"])
        return out
    if isinstance(value, list):
        return [add_german(item) for item in value]
    if value is True:  # safe_load reads the schema's `yes` flags as booleans; write them back as written
        return "yes"
    return value


def german_interface() -> dict:
    """Every section of the Dutch wording file (labels, validator messages, preview, scaffold), marked [de]."""
    dutch = yaml.safe_load((ROOT / "docs" / "_data" / "interface.nl.yml").read_text(encoding="utf-8"))
    out = {name: {key: german(text) for key, text in section.items()}
           for name, section in dutch.items() if isinstance(section, dict) and name != "words"}
    out["locale"] = "de-BE"  # no word lists: a language without them goes without (every query word highlighted)
    return out


def german_project(tmp_path: Path) -> tuple[Path, Path, dict]:
    """The fixture site in nl, fr and de: (mkdocs.yml, fiches folder, the German fiche)."""
    config = fixture_project(tmp_path)
    settings = read_config(config)
    plugin_options(settings, "i18n")["languages"][1:1] = [DE]  # before fr, as a coordinator would add it
    settings["extra"]["alternate"].append({"name": "Deutsch", "link": "de/", "lang": "de"})
    write_config(config, settings)
    docs = tmp_path / "docs"
    for page in (docs / "index.nl.md", docs / "fiches" / "index.nl.md"):
        shutil.copy(page, page.with_name(page.name.replace(".nl.", ".de.")))
    lists = {name: value for name, value in vars(s).items() if name.isupper() and isinstance(value, dict)
             and value and all(isinstance(v, dict) and "nl" in v for v in value.values())}
    interface = german_interface()
    interface["choices"] = {name: {code: german(labels["nl"]) for code, labels in values.items()}
                            for name, values in lists.items()}
    (docs / "_data").mkdir(exist_ok=True)  # fixture_project gives it the map outline
    (docs / "_data" / "interface.de.yml").write_text(yaml.safe_dump(interface, allow_unicode=True), encoding="utf-8")
    fiches = tmp_path / "fiches"
    fiches.mkdir()
    fiche = add_german(yaml.safe_load((ROOT / "tests" / "fixtures" / "valid" / "ocmw-antwerpen-amie.yml")
                                      .read_text(encoding="utf-8")))
    fiche["related"], fiche["see_also"] = [], []
    (fiches / f"{fiche['id']}.yml").write_text(yaml.safe_dump(fiche, allow_unicode=True), encoding="utf-8")

    return config, fiches, fiche


def test_a_third_language_builds_from_data_alone(tmp_path):
    config, fiches, fiche = german_project(tmp_path)
    site = tmp_path / "site"
    result = build_site(site, fiches_dir=fiches, config=config)
    assert result.returncode == 0, result.stderr[-3000:]
    page = (site / "de" / "fiches" / fiche["id"] / "index.html").read_text(encoding="utf-8")
    assert '<html lang="de"' in page
    assert 'data-locale="de-BE"' in page  # the browser's dates (kb-page.js) from the same data
    assert german(fiche["title"]["nl"]) in page and german(ui_text.LABELS["overview"]["nl"]) in page
    assert german(s.REGIONS[fiche["region"]]["nl"]) in page
    module = fiche["modules"][0]
    assert (site / "de" / "fiches" / fiche["id"] / module["id"] / "index.html").is_file()
    rows = list(csv.reader(io.StringIO((site / "de" / "fiches.csv").read_text(encoding="utf-8-sig")),
                           delimiter=";"))
    assert rows[0][0] == german(ui_text.LABELS["csv_id"]["nl"]) and rows[1][0] == fiche["id"]
    nl_page = (site / "fiches" / fiche["id"] / "index.html").read_text(encoding="utf-8")
    # no German text on the Dutch page (the search metadata names the place in every language: an attribute)
    shown = re.sub(r"<[^>]+>", " ", nl_page.split("<article", 1)[1])
    assert fiche["title"]["nl"] in nl_page and "[de]" not in shown
    alias = re.search(r'data-kb-alias="([^"]*)"', nl_page).group(1)
    assert german(fiche["municipality"]["nl"]) in alias and fiche["municipality"]["fr"] in alias


def test_the_validator_speaks_the_third_language_from_its_data(tmp_path):
    config, fiches, fiche = german_project(tmp_path)
    path = fiches / f"{fiche['id']}.yml"
    path.write_text(path.read_text(encoding="utf-8").replace(f"id: {fiche['id']}", "id: Not-Kebab"), encoding="utf-8")
    result = subprocess.run([sys.executable, "-m", "scripts.validate", "-f", str(config), "--lang", "de", str(path)],
                            cwd=ROOT, env=cli_env(), capture_output=True,
                            text=True)
    dutch = yaml.safe_load((ROOT / "docs" / "_data" / "interface.nl.yml").read_text(encoding="utf-8"))
    summary = re.escape(german(dutch["messages"]["summary_errors"]))
    summary = summary.replace(re.escape("{errors}"), r"\d+").replace(re.escape("{warnings}"), r"\d+")
    assert result.returncode == 1, result.stderr
    assert any(": error: " in line and "[de] " in line for line in result.stdout.splitlines()), \
        result.stdout + result.stderr
    assert re.search(summary, result.stderr), result.stderr


def test_a_wording_file_that_lacks_a_key_stops_the_build_naming_file_and_key(tmp_path):
    config, fiches, _ = german_project(tmp_path)
    wording = tmp_path / "docs" / "_data" / "interface.de.yml"
    data = yaml.safe_load(wording.read_text(encoding="utf-8"))
    del data["labels"]["overview"], data["messages"]["required_empty"]
    wording.write_text(yaml.safe_dump(data, allow_unicode=True), encoding="utf-8")
    result = build_site(tmp_path / "site", fiches_dir=fiches, config=config)
    assert result.returncode != 0
    # both missing keys in one run, each with its file
    assert f"{wording}: labels.overview is missing" in result.stderr, result.stderr[-3000:]
    assert f"{wording}: messages.required_empty is missing" in result.stderr, result.stderr[-3000:]
    assert not (tmp_path / "site" / "de" / "fiches" / "index.html").exists()
