"""A third language is data: a fixture site in nl, fr and de builds with no code change.

The fixture brings what a new language needs as data only: an entry in mkdocs.yml's i18n
languages, the interface texts (docs/_data/interface.de.yml), pages page.de.md and a fiche
with de texts."""

from __future__ import annotations

import csv
import io
import re
import shutil

import yaml
from conftest import ROOT, build_site, fixture_project, plugin_options, read_config, write_config

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


def test_a_third_language_builds_from_data_alone(tmp_path):
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
    interface = {"labels": {key: german(texts["nl"]) for key, texts in ui_text.LABELS.items()},
                 "choices": {name: {code: german(labels["nl"]) for code, labels in values.items()}
                             for name, values in lists.items()}}
    (docs / "_data").mkdir(exist_ok=True)  # fixture_project gives it the map outline
    (docs / "_data" / "interface.de.yml").write_text(yaml.safe_dump(interface, allow_unicode=True), encoding="utf-8")
    fiches = tmp_path / "fiches"
    fiches.mkdir()
    fiche = add_german(yaml.safe_load((ROOT / "tests" / "fixtures" / "valid" / "ocmw-antwerpen-amie.yml")
                                      .read_text(encoding="utf-8")))
    fiche["related"], fiche["see_also"] = [], []
    (fiches / f"{fiche['id']}.yml").write_text(yaml.safe_dump(fiche, allow_unicode=True), encoding="utf-8")

    site = tmp_path / "site"
    result = build_site(site, fiches_dir=fiches, config=config)
    assert result.returncode == 0, result.stderr[-3000:]
    page = (site / "de" / "fiches" / fiche["id"] / "index.html").read_text(encoding="utf-8")
    assert '<html lang="de"' in page
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
