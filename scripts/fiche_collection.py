"""Load every fiche of a folder, check each against the schema and all of them against each other.

This is the one entry point used by the validator CLI and the mkdocs hook, so the
build refuses exactly what the validator refuses, with the same messages.
"""

from __future__ import annotations

import os
from dataclasses import dataclass, field
from pathlib import Path

import yaml

from scripts import fiche_schema as s
from scripts.fiche_check import Checker
from scripts.fiche_loader import load_nodes
from scripts.problems import Problem, did_you_mean, has_errors

ROOT = Path(__file__).resolve().parent.parent
# KB_FICHES_DIR lets tests and the benchmark build the site from another folder of fiches.
FICHES_DIR = Path(os.environ.get("KB_FICHES_DIR") or ROOT / "fiches").resolve()


@dataclass
class Fiche:
    data: dict
    path: Path
    display: str
    positions: dict = field(default_factory=dict)

    @property
    def id(self) -> str:
        return self.data["id"]

    @property
    def is_draft(self) -> bool:
        return self.data.get("status") == "draft"


@dataclass
class Collection:
    fiches: list[Fiche]
    problems: list[Problem]

    @property
    def ok(self) -> bool:
        return not has_errors(self.problems)

    def by_id(self) -> dict[str, Fiche]:
        return {f.id: f for f in self.fiches}


def display_path(path: Path) -> str:
    try:
        return str(path.resolve().relative_to(Path.cwd().resolve()))
    except ValueError:
        return str(path)


def discover(paths: list[Path]) -> tuple[list[Path], list[Problem]]:
    files: list[Path] = []
    problems: list[Problem] = []
    for path in paths:
        if path.is_dir():
            files.extend(sorted(p for p in path.iterdir() if p.suffix in (".yml", ".yaml") and p.is_file()))
            strays = sorted(p for p in path.iterdir() if p.is_file() and p.suffix not in (".yml", ".yaml")
                            and not p.name.startswith("."))
            for stray in strays:
                problems.append(Problem(display_path(stray), 1, 1, "", "not a fiche: fiches are .yml files",
                                        "warning"))
        elif path.is_file():
            files.append(path)
        else:
            problems.append(Problem(str(path), 1, 1, "", "no such file or folder"))
    return files, problems


def load_one(path: Path) -> tuple[Fiche | None, list[Problem], str | None]:
    """One file: its fiche when valid, its problems, and the id it claims (even when invalid)."""
    display = display_path(path)
    node, problems = load_nodes(path, display)
    if node is None:
        return None, problems, None
    checker = Checker(display)
    data = checker.check_fiche(node)
    problems = checker.problems
    claimed = Checker._peek_scalar(node, "id") if isinstance(node, yaml.MappingNode) else None
    if data is None or has_errors(problems):
        return None, problems, claimed
    fiche = Fiche(data=data, path=path, display=display, positions=_positions(node))
    if path.suffix != ".yml":
        problems.append(Problem(display, 1, 1, "", "fiche files end in .yml (rename the file)"))
    if data["id"] != path.stem:
        line, col = fiche.positions["id"]
        problems.append(Problem(display, line, col, "id", f"id {data['id']!r} must equal the file name "
                                                          f"{path.stem!r} (rename the file or fix the id)"))
    module_ids = [m["id"] for m in data.get("modules", [])]
    for index, module_id in enumerate(module_ids):
        if module_ids.index(module_id) != index:
            line, col = fiche.positions.get(f"modules[{index}].id", (1, 1))
            problems.append(Problem(display, line, col, f"modules[{index}].id",
                                    f"module id {module_id!r} is used twice in this fiche"))
    if fiche.is_draft:
        fill_missing_translations(s.FICHE, data)
    return fiche, problems, claimed


def _positions(root: yaml.MappingNode) -> dict[str, tuple[int, int]]:
    """Line and column of the values that cross-file checks talk about."""
    def at(node: yaml.Node) -> tuple[int, int]:
        return node.start_mark.line + 1, node.start_mark.column + 1

    positions: dict[str, tuple[int, int]] = {}
    for key_node, value_node in root.value:
        key = getattr(key_node, "value", None)
        if key == "id":
            positions["id"] = at(value_node)
        elif key in ("related", "see_also", "modules") and isinstance(value_node, yaml.SequenceNode):
            for index, item in enumerate(value_node.value):
                positions[f"{key}[{index}]"] = at(item)
                for sub_key, sub_value in getattr(item, "value", []) if isinstance(item, yaml.MappingNode) else []:
                    if getattr(sub_key, "value", None) in ("id", "page"):
                        positions[f"{key}[{index}].{sub_key.value}"] = at(sub_value)
    return positions


def fill_missing_translations(schema: s.Node, value) -> None:
    """A draft may lack a translation; the preview shows the other language there instead of failing."""
    if isinstance(schema, s.Obj) and isinstance(value, dict):
        for field in schema.fields:
            if field.name in value:
                item = value[field.name]
                if isinstance(field.node, s.Text) and isinstance(item, dict):
                    for lang in s.LANGS:
                        if not item.get(lang):
                            item[lang] = next((item[other] for other in s.LANGS if item.get(other)), "")
                else:
                    fill_missing_translations(field.node, item)
    elif isinstance(schema, s.List) and isinstance(value, list):
        for item in value:
            if isinstance(schema.item, s.Text) and isinstance(item, dict):
                fill_missing_translations(s.Obj(fields=(s.F("x", schema.item),)), {"x": item})
            else:
                fill_missing_translations(schema.item, item)


def load_collection(paths: list[Path] | None = None, docs_dir: Path | None = None) -> Collection:
    files, problems = discover(paths or [FICHES_DIR])
    fiches: list[Fiche] = []
    claimed: set[str] = set()
    for path in files:
        fiche, found, fiche_id = load_one(path)
        problems.extend(found)
        if fiche is not None:
            fiches.append(fiche)
        if fiche_id:
            claimed.add(fiche_id)
    problems.extend(cross_check(fiches, docs_dir, claimed))
    return Collection(fiches=fiches, problems=problems)


def cross_check(fiches: list[Fiche], docs_dir: Path | None, claimed: set[str] | None = None) -> list[Problem]:
    """Checks between files. `claimed` also holds ids of files with errors of their own, so that a
    reference to them is not reported as missing (their own errors are reported already)."""
    problems: list[Problem] = []
    first: dict[str, Fiche] = {}
    for fiche in fiches:
        if fiche.id in first:
            line, col = fiche.positions["id"]
            problems.append(Problem(fiche.display, line, col, "id",
                                    f"id {fiche.id!r} is already used by {first[fiche.id].display}"))
        else:
            first[fiche.id] = fiche
    known = set(first) | (claimed or set())
    for fiche in fiches:
        for index, ref in enumerate(fiche.data.get("related", [])):
            line, col = fiche.positions.get(f"related[{index}]", (1, 1))
            if ref == fiche.id:
                problems.append(Problem(fiche.display, line, col, f"related[{index}]",
                                        "a fiche cannot be related to itself"))
            elif ref not in known:
                problems.append(Problem(fiche.display, line, col, f"related[{index}]",
                                        f"no fiche with id {ref!r}" + did_you_mean(ref, first)))
        if docs_dir is not None:
            for index, link in enumerate(fiche.data.get("see_also", [])):
                page = link["page"]
                if not any((docs_dir / page.replace(".md", f".{lang}.md")).is_file() for lang in s.LANGS):
                    line, col = fiche.positions.get(f"see_also[{index}].page", (1, 1))
                    problems.append(Problem(fiche.display, line, col, f"see_also[{index}].page",
                                            f"no page docs/{page} in any language"))
    return problems


def total_fte(data: dict) -> float | None:
    roles = data.get("staffing", {}).get("roles")
    if not roles:
        return None
    return round(sum(r.get("count", 1) * r["fte"] for r in roles), 2)


def weekly_hours(setup: dict) -> float | None:
    """Hours per week computed from what the source gives; None when it gives too little."""
    if "hours_per_week" in setup:
        return setup["hours_per_week"]
    freq = setup.get("frequency")
    if freq and "hours_per_session" in setup:
        return round(freq["times"] * s.PER_WEEK[freq["per"]] * setup["hours_per_session"], 2)
    return None


def sessions_per_week(setup: dict) -> float | None:
    freq = setup.get("frequency")
    if not freq:
        return None
    return round(freq["times"] * s.PER_WEEK[freq["per"]], 2)
