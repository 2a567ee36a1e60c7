"""The JSON Schema that text editors read (scripts/fiche/json_schema.py) agrees with the validator, is published by
the real build at /schema/fiche.schema.json, and is named on the first line of a new fiche.

Fiches are read as the YAML language server reads them (YAML 1.2: `2026-01-31` and `yes` stay strings), and
checked with the `jsonschema` library (requirements-dev.txt): every valid fixture fiche and every fiche of fiches/
conforms, and bad values the validator refuses are refused here too.
"""

from __future__ import annotations

import json
import re
import subprocess
import sys
from pathlib import Path

import jsonschema
import pytest
import yaml
from conftest import ROOT, build_site, cli_env, fiches_dir, fixture_project

from scripts.fiche import collection as fiche_collection
from scripts.fiche import json_schema as fiche_jsonschema
from scripts.fiche import schema as s

FIXTURES = ROOT / "tests" / "fixtures"
MINIMAL = (FIXTURES / "valid" / "minimal.yml").read_text(encoding="utf-8")
BOOL = "tag:yaml.org,2002:bool"
TIMESTAMP = "tag:yaml.org,2002:timestamp"


class Yaml12Loader(yaml.SafeLoader):
    """YAML 1.2's core schema, as the YAML language server reads a file: no timestamps, only true/false."""


Yaml12Loader.yaml_implicit_resolvers = {
    first: [(tag, regexp) for tag, regexp in resolvers if tag not in (BOOL, TIMESTAMP)]
    for first, resolvers in yaml.SafeLoader.yaml_implicit_resolvers.items()}
Yaml12Loader.add_implicit_resolver(BOOL, re.compile(r"^(?:true|True|TRUE|false|False|FALSE)$"), list("tTfF"))


def validator() -> jsonschema.Draft7Validator:
    schema = fiche_jsonschema.fiche_schema()
    jsonschema.Draft7Validator.check_schema(schema)
    return jsonschema.Draft7Validator(schema)


def errors(text: str, loader=Yaml12Loader) -> list[str]:
    return [f"{'.'.join(map(str, e.absolute_path))}: {e.message}"
            for e in validator().iter_errors(yaml.load(text, Loader=loader))]


def _valid_fiches() -> list[Path]:
    paths = sorted([*(FIXTURES / "valid").glob("*.yml"), *(FIXTURES / "coordinator").glob("*.yml"),
                    *fiches_dir().glob("*.yml")])
    assert len(paths) >= 4
    return paths


@pytest.mark.parametrize("path", _valid_fiches(), ids=lambda p: f"{p.parent.name}/{p.name}")
def test_every_valid_fiche_conforms_to_the_json_schema(path):
    assert fiche_collection.load_collection([path]).ok
    text = path.read_text(encoding="utf-8-sig")
    assert errors(text) == []
    # PyYAML (YAML 1.1) turns `yes` into true: a flag written either way conforms
    dumped = yaml.safe_dump(yaml.safe_load(text), allow_unicode=True, default_flow_style=False)
    assert errors(dumped) == []


@pytest.mark.parametrize(("replace", "field"), [
    ({"region: brussel": "region: walonie"}, "region"),
    ({"themes: [taal]": "themes: [taal, taal]"}, "themes"),
    ({"  type: ocmw": "  type: ocmw\n  colour: red"}, "organisation"),
    ({"last_reviewed: 2026-01-31": "last_reviewed: 31/01/2026"}, "last_reviewed"),
    ({"id: minimal": "id: Minimal_Fiche"}, "id"),
    ({"as_of_source: {ref: 1}\n": ""}, ""),  # as_of without its source
    ({"status: published": "status: gepubliceerd"}, "status"),
])
def test_what_the_validator_refuses_the_json_schema_refuses(tmp_path, replace, field):
    text = MINIMAL
    for old, new in replace.items():
        assert old in text
        text = text.replace(old, new)
    (tmp_path / "x.yml").write_text(text, encoding="utf-8")
    assert not fiche_collection.load_collection([tmp_path / "x.yml"]).ok
    found = errors(text)
    assert found and any(e.split(":")[0].startswith(field) for e in found), found


def test_numbers_carry_the_validators_ranges():
    extra = "staffing:\n  roles:\n    - {role: {nl: Begeleider, fr: Accompagnateur}, fte: %s}\n"
    assert errors(MINIMAL + extra % "0.5") == []
    assert errors(MINIMAL + extra % "-1") and errors(MINIMAL + extra % "halftijds")


def test_every_field_has_its_description_in_both_languages():
    def walk(node: dict, path: str):
        for name, child in node.get("properties", {}).items():
            if path.count(".") < 1 or name not in s.LANGS:  # a text's language keys carry no description
                for lang in s.LANGS:
                    assert f"{lang.upper()}: " in child.get("description", ""), (path + name, lang)
            walk(child, f"{path}{name}.")
        if "items" in node:
            walk(node["items"], path + "[].")

    walk(fiche_jsonschema.fiche_schema(), "")


def test_a_new_fiche_names_the_schema_on_its_first_line(tmp_path):
    result = subprocess.run([sys.executable, "-m", "scripts.new_fiche", "ocmw-nieuw", "--dir", str(tmp_path)],
                            cwd=ROOT, env=cli_env({"PATH": "/usr/bin:/bin", "SITE_URL": "https://kb.example/net/"}),
                            capture_output=True, text=True, timeout=120)
    assert result.returncode == 0, result.stderr
    first = (tmp_path / "ocmw-nieuw.yml").read_text(encoding="utf-8").splitlines()[0]
    assert first == "# yaml-language-server: $schema=https://kb.example/net/schema/fiche.schema.json"


def test_the_build_publishes_the_schema(tmp_path):
    fiches = tmp_path / "fiches"
    fiches.mkdir()
    (fiches / "minimal.yml").write_text(MINIMAL, encoding="utf-8")
    result = build_site(tmp_path / "site", fiches_dir=fiches, config=fixture_project(tmp_path))
    assert result.returncode == 0, result.stderr[-3000:]
    published = json.loads((tmp_path / "site" / fiche_jsonschema.PATH).read_text(encoding="utf-8"))
    assert published == fiche_jsonschema.fiche_schema()
    assert fiche_jsonschema.schema_url("http://127.0.0.1:8000/").endswith("/" + fiche_jsonschema.PATH)
