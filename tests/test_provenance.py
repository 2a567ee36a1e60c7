"""Every dated, status or origin value says where it comes from; qualified numbers keep their qualifier.

The rules live in the schema (`needs_one_of`, required `as_of_source`); these tests walk the schema and the
fiches generically, so they hold for whatever fiches exist, and check the validator on small tmp fiches.
"""

from __future__ import annotations

import datetime as dt
import re
from pathlib import Path

import pytest

from scripts.fiche import collection as fiche_collection
from scripts.fiche import schema as s
from scripts.site import facts as catalogue

ROOT = Path(__file__).resolve().parent.parent
MINIMAL = (ROOT / "tests" / "fixtures" / "valid" / "minimal.yml").read_text(encoding="utf-8")
FICHES = fiche_collection.load_collection([ROOT / "fiches"])


def fiche_text(**replace: str) -> str:
    text = MINIMAL
    for old, new in replace.items():
        assert old in text
        text = text.replace(old, new)
    return text


def problems_of(tmp_path: Path, text: str) -> list[tuple[str, str, str]]:
    path = tmp_path / "minimal.yml"
    path.write_text(text, encoding="utf-8")
    collection = fiche_collection.load_collection([path])
    return [(p.field, p.severity, p.message) for p in collection.problems]


# --- the schema ---------------------------------------------------------------------------------------------------

def schema_fields(obj: s.Obj, prefix: str = ""):
    """(path, field, parent object) for every field of the schema."""
    for field in obj.fields:
        path = prefix + field.name
        yield path, field, obj
        node = field.node
        if isinstance(node, s.List):
            path, node = path + "[]", node.item
        if isinstance(node, s.Obj):
            yield from schema_fields(node, path + ".")


def has_provenance(field: s.F, parent: s.Obj) -> bool:
    """A field is sourced by its own rule, by its object's rule, or by a required `<name>_source` sibling."""
    companion = parent.get(field.name + "_source")
    return bool(field.needs_one_of or parent.needs_one_of or (companion is not None and companion.required))


def test_every_date_status_and_origin_in_the_schema_says_where_it_comes_from():
    """Dates, life stages and origins need a source or an 'inferred' flag; only editorial dates are exempt."""
    exempt = set(s.EDITORIAL_DATES)
    found = []
    for path, field, parent in schema_fields(s.FICHE):
        node = field.node.item if isinstance(field.node, s.List) else field.node
        is_status = isinstance(node, s.Enum) and node.values in (s.LIFECYCLE, s.ORIGINS)
        if (isinstance(node, s.Date) or is_status) and path not in exempt and not has_provenance(field, parent):
            found.append(path)
    assert found == [], f"dates or statuses without a provenance rule in fiche_schema.py: {found}"
    assert exempt <= {path for path, _, _ in schema_fields(s.FICHE)}, "EDITORIAL_DATES names unknown fields"


def test_every_provenance_alternative_is_a_field():
    for path, field, parent in schema_fields(s.FICHE):
        for name in field.needs_one_of:
            assert parent.get(name) is not None, (path, name)
        node = field.node.item if isinstance(field.node, s.List) else field.node
        if isinstance(node, s.Obj):
            for name in node.needs_one_of:
                assert node.get(name) is not None, (path, name)


# --- the fiches, walked generically ----------------------------------------------------------------------------------

def walk(data, schema: s.Node, path: str = ""):
    """(path, value, schema node) for every object of a fiche, with its schema."""
    if isinstance(schema, s.List) and isinstance(data, list):
        for index, item in enumerate(data):
            yield from walk(item, schema.item, f"{path}[{index}]")
    elif isinstance(schema, s.Obj) and isinstance(data, dict):
        yield path, data, schema
        for field in schema.fields:
            if field.name in data:
                yield from walk(data[field.name], field.node, f"{path}.{field.name}" if path else field.name)


@pytest.mark.parametrize("fiche", FICHES.fiches, ids=lambda f: f.path.name)
def test_fiche_values_carry_their_provenance(fiche):
    data = fiche.data
    assert "as_of" in data and "as_of_source" in data
    sources = len(data["sources"])
    for path, value, schema in walk(data, s.FICHE):
        if schema.needs_one_of:
            assert set(value) & set(schema.needs_one_of), f"{path}: no {' or '.join(schema.needs_one_of)}"
        for field in schema.fields:
            if field.needs_one_of and field.name in value:
                assert set(value) & set(field.needs_one_of), f"{path}.{field.name}: no source, not inferred"
        if schema.fields == s.SOURCE_REF.fields:
            assert 1 <= value["ref"] <= sources, f"{path}: source {value['ref']} of {sources}"
        if value.get("date_inferred") == "yes":
            assert "note" in value, f"{path}: an inferred date says what it rests on (note)"
        if value.get("approximate") == "yes" and "lat" in value:
            assert "basis" in value, f"{path}: approximate coordinates say what they rest on (basis)"


def resolve(data: dict, path: str) -> bool:
    """Does a conflict's `applies_to` path (a.b, modules[id].c) exist in the fiche?"""
    node = data
    for part in path.split("."):
        match = re.fullmatch(r"([a-z_]+)(?:\[([a-z0-9-]+)\])?", part)
        if not match or not isinstance(node, dict) or match[1] not in node:
            return False
        node = node[match[1]]
        if match[2] is not None:
            node = next((item for item in node if isinstance(item, dict) and item.get("id") == match[2]), None)
            if node is None:
                return False
    return True


@pytest.mark.parametrize("fiche", FICHES.fiches, ids=lambda f: f.path.name)
def test_conflicts_point_at_real_fields_and_keep_every_statement(fiche):
    for conflict in fiche.data.get("conflicts", []):
        for path in conflict["applies_to"]:
            assert resolve(fiche.data, path), f"{fiche.path.name}: conflicts.applies_to {path!r} is not a field"
        assert len(conflict["statements"]) >= 2
        places = [(st["source"]["ref"], st["source"].get("at")) for st in conflict["statements"]]
        assert all(st["says"]["nl"] and st["says"]["fr"] for st in conflict["statements"])
        assert places, fiche.path.name


@pytest.mark.parametrize("fiche", FICHES.fiches, ids=lambda f: f.path.name)
def test_weekly_hours_are_not_invented(fiche):
    """Only a figure the source states for the whole project ranks it; never a module's (None, not zero)."""
    item_hours = catalogue.project_weekly_hours(fiche.data)
    stated = (fiche.data.get("intensity") or {}).get("hours_per_week") or {}
    assert item_hours == stated.get("value", stated.get("min"))
    for module in fiche.data.get("modules", []):
        hours = module.get("setup", {}).get("hours_per_week")
        if hours is not None:  # the qualifier survives loading
            assert set(hours) <= {"value", "min", "max", "approximate"} and hours


# --- the validator on small fiches -------------------------------------------------------------------------------

def test_status_without_source_is_refused(tmp_path):
    found = problems_of(tmp_path, fiche_text(**{"region: brussel\n": "region: brussel\nlifecycle: running\n"}))
    assert [(f, sev) for f, sev, _ in found] == [("lifecycle", "error")]
    assert "lifecycle_source" in found[0][2]
    sourced = "region: brussel\nlifecycle: running\nlifecycle_source: {ref: 1, at: p. 2}\n"
    assert problems_of(tmp_path, fiche_text(**{"region: brussel\n": sourced})) == []


def test_origin_needs_a_source_or_the_inferred_flag(tmp_path):
    module = ("modules:\n  - id: groep\n    name: {nl: Groep, fr: Groupe}\n    kind: collective\n"
              "    origin: praktijk\n    goals: [{nl: Doel, fr: But}]\n    content: {text: {nl: T., fr: T.}}\n")
    found = problems_of(tmp_path, MINIMAL + module)
    assert [(f, sev) for f, sev, _ in found] == [("modules[0].origin", "error")]
    flagged = module.replace("    origin: praktijk\n", "    origin: praktijk\n    origin_inferred: yes\n")
    assert problems_of(tmp_path, MINIMAL + flagged) == []


def test_coordinates_and_period_say_where_they_come_from(tmp_path):
    bare = "region: brussel\ncoordinates: {lat: 50.85, lon: 4.35}\nperiod: {start: '2015', end: '2021'}\n"
    found = problems_of(tmp_path, fiche_text(**{"region: brussel\n": bare}))
    assert sorted(f for f, _, _ in found) == ["coordinates", "period"]
    marked = ("region: brussel\ncoordinates: {lat: 50.85, lon: 4.35, approximate: yes}\n"
              "period: {start: '2015', end: '2021', end_planned: yes, source: {ref: 1}}\n")
    assert problems_of(tmp_path, fiche_text(**{"region: brussel\n": marked})) == []


def test_as_of_is_required_with_its_source(tmp_path):
    text = re.sub(r"^as_of.*\n", "", MINIMAL, flags=re.M)
    found = problems_of(tmp_path, text)
    assert {f for f, _, _ in found} == {"as_of", "as_of_source"}
    assert all(message == "required field is missing" for _, _, message in found)


@pytest.mark.parametrize(("amount", "severity", "hint"), [
    ("45.000", "error", "read as 45 euro; write 45000"),  # never a budget of 45 euro
    ("1.250.000", "error", "without a thousands separator: 1250000"),
    ("45000", None, None),
    ("45.5", None, None),
])
def test_belgian_thousands_separator_in_an_amount(tmp_path, amount, severity, hint):
    text = MINIMAL + f"budget:\n  amount_eur: {amount}\n  amount_source: {{ref: 1}}\n"
    found = problems_of(tmp_path, text)
    if severity is None:
        assert found == []
    else:
        assert [(f, sev) for f, sev, _ in found] == [("budget.amount_eur", severity)]
        assert hint in found[0][2]


def test_qualified_hours_keep_their_qualifier_in_the_data(tmp_path):
    module = ("modules:\n  - id: groep\n    name: {nl: Groep, fr: Groupe}\n    kind: collective\n"
              "    goals: [{nl: Doel, fr: But}]\n    content: {text: {nl: T., fr: T.}}\n"
              "    setup: {hours_per_week: {min: 21}}\n")
    path = tmp_path / "minimal.yml"
    path.write_text(MINIMAL + module, encoding="utf-8")
    collection = fiche_collection.load_collection([path])
    assert collection.problems == []
    data = collection.fiches[0].data
    assert data["modules"][0]["setup"]["hours_per_week"] == {"min": 21}
    # a module's hours are that module's: the project has no figure of its own
    assert catalogue.project_weekly_hours(data) is None
    assert catalogue.module_facts(data, "nl")[0]["weekly_hours"] == 21  # ranked by the source's lower bound
    only_max = module.replace("{min: 21}", "{max: 21}")
    path.write_text(MINIMAL + only_max, encoding="utf-8")
    data = fiche_collection.load_collection([path]).fiches[0].data
    assert catalogue.module_facts(data, "nl")[0]["weekly_hours"] is None  # "at most 21": no number to rank by
    intensity = ("intensity:\n  hours_per_week: {min: 21}\n  text: {nl: Bijna elke dag., fr: Presque tous les jours.}\n"
                 "  source: {ref: 1}\n")
    path.write_text(MINIMAL + module + intensity, encoding="utf-8")
    data = fiche_collection.load_collection([path]).fiches[0].data
    assert catalogue.project_weekly_hours(data) == 21  # stated for the whole project


# --- a planned end that has passed ---------------------------------------------------------------------------------

@pytest.mark.parametrize(("period", "today", "state"), [
    ({"start": "2015", "end": "2021", "end_planned": "yes"}, "2021-12-31", "ahead"),
    ({"start": "2015", "end": "2021", "end_planned": "yes"}, "2022-01-01", "passed"),
    ({"start": "2015", "end": "2021-06", "end_planned": "yes"}, "2021-06-30", "ahead"),
    ({"start": "2015", "end": "2021-06", "end_planned": "yes"}, "2021-07-01", "passed"),
    ({"start": "2015", "end": "2020-02", "end_planned": "yes"}, "2020-03-01", "passed"),  # February, leap year
    ({"start": "2015", "end": "2021-12-15", "end_planned": "yes"}, "2021-12-16", "passed"),
    ({"start": "2015", "end": "2021"}, "2026-11-30", None),  # an end the source states as past fact
    ({"start": "2015"}, "2026-11-30", None),
    (None, "2026-11-30", None),
])
def test_planned_end_with_a_fixed_clock(period, today, state):
    assert fiche_collection.planned_end_state(period, dt.date.fromisoformat(today)) == state

