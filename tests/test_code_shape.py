"""The code keeps a shape a maintainer can read: issue #25's "layout that shows the architecture".

Three limits, each reported with every offender as file:line so one run lists all the work: no function or
method of radon cyclomatic rank D or worse outside the benchmark, no module in scripts/ over 350 lines except
the schema (the one place that is long by nature: every field of a fiche), and template lines in overrides/
no longer than 160 characters. No exceptions list: an offender is fixed, not excused.
"""

from __future__ import annotations

from pathlib import Path

from radon.complexity import cc_rank, cc_visit
from radon.visitors import Function

ROOT = Path(__file__).resolve().parent.parent
SCRIPTS = ROOT / "scripts"
OVERRIDES = ROOT / "overrides"

WORST_RANK = "C"
MAX_MODULE_LINES = 350
MAX_TEMPLATE_LINE = 160
LONG_BY_NATURE = {SCRIPTS / "fiche" / "schema.py"}
BENCHMARK = SCRIPTS / "bench"


def _relative(path: Path, root: Path) -> str:
    return path.relative_to(root).as_posix()


def _python_modules() -> list[Path]:
    modules = sorted(SCRIPTS.rglob("*.py"))
    assert modules, f"no Python module found under {SCRIPTS}"
    return modules


def _functions(code: str) -> list[Function]:
    """Functions and methods, as `radon cc` lists them; a class's own rank only sums up its methods."""
    return [block for block in cc_visit(code) if isinstance(block, Function)]


def complex_functions(modules: list[Path], root: Path = ROOT) -> list[str]:
    offenders = []
    for module in modules:
        for block in _functions(module.read_text(encoding="utf-8")):
            rank = cc_rank(block.complexity)
            if rank > WORST_RANK:
                offenders.append(f"{_relative(module, root)}:{block.lineno}: {block.fullname} "
                                 f"rank {rank} ({block.complexity})")
    return offenders


def long_modules(modules: list[Path], root: Path = ROOT) -> list[str]:
    offenders = []
    for module in modules:
        count = len(module.read_text(encoding="utf-8").splitlines())
        if count > MAX_MODULE_LINES:
            offenders.append(f"{_relative(module, root)}:{count}: {count} lines (at most {MAX_MODULE_LINES})")
    return offenders


def long_template_lines(templates: list[Path], root: Path = ROOT) -> list[str]:
    offenders = []
    for template in templates:
        for number, line in enumerate(template.read_text(encoding="utf-8").splitlines(), start=1):
            if len(line) > MAX_TEMPLATE_LINE:
                offenders.append(f"{_relative(template, root)}:{number}: {len(line)} characters "
                                 f"(at most {MAX_TEMPLATE_LINE})")
    return offenders


def test_no_function_is_radon_rank_d_or_worse_outside_the_benchmark():
    modules = [m for m in _python_modules() if BENCHMARK not in m.parents]
    offenders = complex_functions(modules)
    assert not offenders, "functions of radon rank D or worse:\n" + "\n".join(offenders)


def test_no_module_is_over_350_lines_except_the_schema():
    modules = [m for m in _python_modules() if m not in LONG_BY_NATURE]
    offenders = long_modules(modules)
    assert not offenders, "modules over the limit:\n" + "\n".join(offenders)


def test_template_lines_are_at_most_160_characters():
    templates = sorted(OVERRIDES.rglob("*.html"))
    assert templates, f"no template found under {OVERRIDES}"
    offenders = long_template_lines(templates)
    assert not offenders, "template lines over the limit:\n" + "\n".join(offenders)


def test_the_checks_find_what_they_are_meant_to_find(tmp_path):
    """Each check can fail: a branchy function, a long module and a long template line are all reported."""
    branches = "".join(f"    if x == {i}:\n        return {i}\n" for i in range(25))
    branchy = tmp_path / "branchy.py"
    branchy.write_text("def pick(x):\n" + branches + "    return -1\n", encoding="utf-8")
    long_module = tmp_path / "long.py"
    long_module.write_text("x = 1\n" * (MAX_MODULE_LINES + 1), encoding="utf-8")
    template = tmp_path / "wide.html"
    template.write_text("<p>\n" + "a" * (MAX_TEMPLATE_LINE + 1) + "\n</p>\n", encoding="utf-8")

    assert complex_functions([branchy], tmp_path) == ["branchy.py:1: pick rank D (26)"]
    assert long_modules([long_module, branchy], tmp_path) == ["long.py:351: 351 lines (at most 350)"]
    assert long_template_lines([template], tmp_path) == ["wide.html:2: 161 characters (at most 160)"]
