"""Load every fiche of a folder, check each against the schema and all of them against each other.

This is the one entry point used by the validator CLI and the mkdocs hook, so the
build refuses exactly what the validator refuses, with the same messages.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import os
from dataclasses import dataclass, field
from pathlib import Path

import yaml

from scripts.fiche import schema as s
from scripts.fiche.check import Checker
from scripts.fiche.loader import ABSENCE, read_file
from scripts.fiche.problems import Problem, did_you_mean, has_errors, msg


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
    """The path relative to the working folder; the last part is never resolved (a link keeps its name)."""
    path = Path(path)
    try:
        return str((path.absolute().parent.resolve() / path.name).relative_to(Path.cwd().resolve()))
    except ValueError:
        return str(path)


FICHE_SUFFIXES = (".yml", ".yaml")


def discover(paths: list[Path]) -> tuple[list[Path], list[Problem]]:
    """The fiche files to read. Symbolic links are reported and never followed (a link could reach
    outside the repository); a folder, a pipe or a dangling link named like a fiche is reported too."""
    files: list[Path] = []
    problems: list[Problem] = []
    for path in paths:
        if path.is_symlink():
            problems.append(_not_read(path))
        elif path.is_dir():
            for entry in sorted(path.iterdir()):
                if entry.is_symlink() or (entry.suffix in FICHE_SUFFIXES and not entry.is_file()):
                    problems.append(_not_read(entry))
                elif entry.suffix in FICHE_SUFFIXES:
                    files.append(entry)
                elif entry.is_file() and not entry.name.startswith("."):
                    problems.append(Problem.of(display_path(entry), 1, 1, "", msg("stray"), "warning"))
        elif path.is_file():
            files.append(path)
        elif path.exists():
            problems.append(_not_read(path))
        else:
            problems.append(Problem.of(str(path), 1, 1, "", msg("no_such_path")))
    return files, problems


def _not_read(path: Path) -> Problem:
    if path.is_symlink():
        try:
            target = os.readlink(path)
        except OSError:  # pragma: no cover - a link that cannot be read is still a link
            target = "?"
        text = msg("symlink", target=target)
    else:
        text = msg("not_a_file", what=msg("what_folder") if path.is_dir() else msg("what_special"))
    return Problem.of(display_path(path), 1, 1, "", text)


def load_one(path: Path) -> tuple[Fiche | None, list[Problem], str | None]:
    """One file: its fiche when valid, its problems, and the id it claims (even when invalid)."""
    display = display_path(path)
    loaded = read_file(path, display)
    node, problems = loaded.node, list(loaded.problems)
    if node is None:
        return None, problems, None
    checker = Checker(display)
    checker.escapes = loaded.escapes
    data = checker.check_fiche(node)
    problems += _still_meaningful(checker.problems, loaded.until, loaded.repaired_lines)
    claimed = Checker._peek_scalar(node, "id") if isinstance(node, yaml.MappingNode) else None
    if data is None or has_errors(problems):
        return None, problems, claimed
    fiche = Fiche(data=data, path=path, display=display, positions=_positions(node))
    if path.suffix != ".yml":
        problems.append(Problem.of(display, 1, 1, "", msg("yaml_extension")))
    if data["id"] != path.stem:
        line, col = fiche.positions["id"]
        problems.append(Problem.of(display, line, col, "id", msg("id_filename", id=repr(data["id"]),
                                                                  stem=repr(path.stem))))
    module_ids = [m["id"] for m in data.get("modules", [])]
    for index, module_id in enumerate(module_ids):
        line, col = fiche.positions.get(f"modules[{index}].id", (1, 1))
        if module_ids.index(module_id) != index:
            problems.append(Problem.of(display, line, col, f"modules[{index}].id",
                                       msg("module_twice", id=repr(module_id))))
        elif module_id in s.RESERVED_MODULE_IDS:
            page = f"{s.FICHE_PAGE_DIR}/{data['id']}/"
            problems.append(Problem.of(display, line, col, f"modules[{index}].id",
                                       msg("reserved_id", id=repr(module_id), page=page)))
    if fiche.is_draft:
        fill_missing_translations(s.FICHE, data)
    return fiche, problems, claimed


def _still_meaningful(problems: list[Problem], until: int | None, repaired: frozenset[int]) -> list[Problem]:
    """Checks of a repaired or partial text: drop what concerns a repaired line (the syntax error stands
    there) and, when only the lines before an error were read, what says that something is absent."""
    kept = []
    for problem in problems:
        if problem.line in repaired:
            continue
        if until is not None and (problem.line >= until or problem.code in ABSENCE):
            continue
        kept.append(problem)
    return kept


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


def load_collection(paths: list[Path], docs_dir: Path | None = None,
                    cache: dict | None = None) -> Collection:
    """`cache` (a dict kept by the caller, `mkdocs serve` between rebuilds): each file's own checks are
    reused while its bytes stay the same (a hash, not the modification time, which an editor may keep);
    the checks between files always run."""
    files, problems = discover(paths)
    fiches: list[Fiche] = []
    claimed: set[str] = set()
    for path in files:
        if cache is None:
            fiche, found, fiche_id = load_one(path)
        else:
            try:
                key = (hashlib.blake2b(path.read_bytes(), digest_size=16).digest(), str(Path.cwd()))
            except OSError:
                key = None  # read_file reports it
            if key is None or cache.get(path, (None,))[0] != key:
                cache[path] = (key, load_one(path))
            fiche, found, fiche_id = cache[path][1]
            found = list(found)
        problems.extend(found)
        if fiche is not None:
            fiches.append(fiche)
        if fiche_id:
            claimed.add(fiche_id)
    if cache is not None:
        for gone in set(cache) - set(files):
            del cache[gone]
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
            problems.append(Problem.of(fiche.display, line, col, "id",
                                       msg("id_used", id=repr(fiche.id), other=first[fiche.id].display)))
        else:
            first[fiche.id] = fiche
    reserved = reserved_ids(docs_dir) if docs_dir is not None else {}
    for fiche in fiches:
        if fiche.id in reserved:
            line, col = fiche.positions["id"]
            problems.append(Problem.of(fiche.display, line, col, "id",
                                       msg("reserved_id", id=repr(fiche.id), page=reserved[fiche.id])))
    known = set(first) | (claimed or set())
    for fiche in fiches:
        for index, ref in enumerate(fiche.data.get("related", [])):
            line, col = fiche.positions.get(f"related[{index}]", (1, 1))
            if ref == fiche.id:
                problems.append(Problem.of(fiche.display, line, col, f"related[{index}]", msg("related_self")))
            elif ref not in known:
                problems.append(Problem.of(fiche.display, line, col, f"related[{index}]",
                                           msg("related_unknown", id=repr(ref), hint=did_you_mean(ref, first))))
        if docs_dir is not None:
            for index, link in enumerate(fiche.data.get("see_also", [])):
                page = link["page"]
                if not any((docs_dir / page.replace(".md", f".{lang}.md")).is_file() for lang in s.LANGS):
                    line, col = fiche.positions.get(f"see_also[{index}].page", (1, 1))
                    problems.append(Problem.of(fiche.display, line, col, f"see_also[{index}].page",
                                               msg("see_also_missing", page=page)))
    return problems


def reserved_ids(docs_dir: Path) -> dict[str, str]:
    """Fiche ids that would take the place of a hand-written page: every page or folder in
    docs/fiches/ (vergelijk, cijfers, index …), read from docs/ so a new page is protected at once."""
    folder = docs_dir / s.FICHE_PAGE_DIR
    reserved: dict[str, str] = {}
    if folder.is_dir():
        for entry in sorted(folder.iterdir()):
            name = entry.name
            if entry.is_dir():
                reserved.setdefault(name, f"docs/{s.FICHE_PAGE_DIR}/{name}/")
            elif name.endswith(".md"):
                stem = name[:-3]
                for lang in s.LANGS:
                    stem = stem.removesuffix(f".{lang}")
                reserved.setdefault(stem, f"docs/{s.FICHE_PAGE_DIR}/{name}")
    return reserved


def total_fte(data: dict) -> float | None:
    roles = data.get("staffing", {}).get("roles")
    if not roles:
        return None
    return round(sum(r.get("count", 1) * r["fte"] for r in roles), 2)


def period_end(value: str) -> dt.date:
    """The last day a partial date covers: 2021 -> 2021-12-31, 2021-06 -> 2021-06-30."""
    parts = [int(p) for p in value.split("-")]
    if len(parts) == 3:
        return dt.date(*parts)
    year, month = parts[0], parts[1] if len(parts) == 2 else 12
    following = dt.date(year + (month == 12), month % 12 + 1, 1)
    return following - dt.timedelta(days=1)


def planned_end_state(period: dict | None, today: dt.date) -> str | None:
    """For a period whose end the source gives as planned: 'passed' once that end lies before `today` (the
    state since then is not known), 'ahead' before. None when there is no planned end. Decided at build time
    from the build date, so that "planned until end 2021" never reads as "running" in 2026."""
    if not period or period.get("end_planned") != "yes" or "end" not in period:
        return None
    return "passed" if period_end(period["end"]) < today else "ahead"


def stated_number(quantity: dict | None) -> float | None:
    """The number a qualified quantity ({value|min|max, approximate}) can be ranked by: its value, or its minimum
    (the source's "at least"); None for a maximum alone or nothing, since "not stated" is not zero."""
    if not quantity:
        return None
    return quantity.get("value", quantity.get("min"))


def weekly_hours(setup: dict) -> float | None:
    """Hours per week computed from what the source gives; None when it gives too little."""
    if "hours_per_week" in setup:
        return stated_number(setup["hours_per_week"])
    freq = setup.get("frequency")
    if freq and "hours_per_session" in setup:
        return round(freq["times"] * s.PER_WEEK[freq["per"]] * setup["hours_per_session"], 2)
    return None

