"""The scale benchmark runs end to end on a small N: its table and goals come out, fiches/ is left alone.

No time is asserted: only that every expected row is there with a number, and the exit code. The search payload
is measured in chromium, and a search that fetched no result fragment would be no measurement at all.
"""

from __future__ import annotations

import json
import os
import re
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
N = 12
MARKER = "Synthetic fiche for the scale benchmark"

ROWS = [
    "synthetic fiches",
    "web editor: live preview of one edited fiche, CPU",
    "validation: load_collection, best of 3",
    "build: mkdocs build, wall time",
    "build: CPU time (user+sys)",
    "build: peak RSS",
    "fiche page HTML raw, nl",
    "fiche page HTML gzip, nl",
    "fiche page HTML raw, fr",
    "fiche page HTML gzip, fr",
    "largest fiche page gzip, HTML only",
    "search payload per query raw, nl",
    "search payload per query gzip, nl",
    "search payload per query raw, fr",
    "search payload per query gzip, fr",
    "catalogue page gzip, nl",
    "catalogue page gzip, fr",
    "whole site size",
    "render: worst text shape, 20,000 chars",
    "similar modules at 10,000 modules",
    "similar modules: 10,000 vs 1,000 modules",
]
WITH_BASELINE = ["validation: load_collection, best of 3", "fiche page HTML gzip, nl", "catalogue page gzip, fr",
                 "web editor: live preview of one edited fiche, CPU"]
GOALS = ["validation <=", "build time <=", "fiche page at N <=", "catalogue page <=", "fiche page <="]


def synthetic_traces(folder: Path) -> list[str]:
    """Files in fiches/ that the benchmark could have written: synthetic ids or the synthetic marker.
    (Not a plain before/after comparison: people edit real fiches while the tests run.)"""
    found = []
    for path in sorted(folder.rglob("*")):
        if path.is_file() and (re.search(r"-\d{5}\.yml$", path.name) or MARKER in path.read_text(errors="replace")):
            found.append(path.name)
    return found


def columns(line: str) -> list[str]:
    return re.split(r"\s{2,}", line.strip())


@pytest.mark.slow
@pytest.mark.browser  # the search payload is measured in chromium
def test_bench_prints_the_table_and_goals(tmp_path):
    assert synthetic_traces(ROOT / "fiches") == []
    env = {k: v for k, v in os.environ.items() if k != "KB_FICHES_DIR"}
    keep, report = tmp_path / "bench", tmp_path / "bench.json"
    result = subprocess.run([sys.executable, "-m", "scripts.bench.bench", "--n", str(N), "--quick",
                             "--keep", str(keep), "--json", str(report)],
                            cwd=ROOT, env=env, capture_output=True, text=True, timeout=300)
    assert result.returncode == 0, result.stderr[-4000:]
    assert synthetic_traces(ROOT / "fiches") == [], "the benchmark wrote into fiches/"

    lines = result.stdout.splitlines()
    for label in ROWS:
        row = next((line for line in lines if line.startswith(label + "  ")), None)
        assert row is not None, f"row {label!r} missing from:\n{result.stdout}"
        cells = columns(row[len(label):])
        float(cells[1])  # unit, then the value: a number
        if label in WITH_BASELINE:
            float(cells[2])
            assert re.fullmatch(r"\d+\.\d+x", cells[3]), row
    assert lines[[line.strip() for line in lines].index("goals") - 1] == ""
    goal_lines = lines[[line.strip() for line in lines].index("goals") + 1:]
    for goal in GOALS:
        line = next((g for g in goal_lines if g.strip().startswith(goal)), None)
        assert line is not None, f"goal {goal!r} missing"
        assert line.rstrip().endswith(("met", "NOT MET")) or "not measured (--quick)" in line
    assert f"N={N} synthetic fiches" in result.stdout

    # the synthetic fiches were real: N of them, AMIE-sized, in the kept folder (never in fiches/)
    fiches = sorted((keep / f"fiches-{N}").glob("*.yml"))
    assert len(fiches) == N
    assert all(20_000 <= p.stat().st_size <= 30_000 for p in fiches)
    assert synthetic_traces(keep / f"fiches-{N}") == [p.name for p in fiches]  # the trace check above can see them
    data = json.loads(report.read_text(encoding="utf-8"))
    assert data["n"] == N and data["rows"]["validation_s"]["value"] > 0
    assert data["builds"]["plain"] is None  # --quick
    for lang, payload in data["search"].items():  # a real search: the index and its results were downloaded
        assert any("/pagefind/index/" in f"/{url}" for url in payload["files"]), (lang, payload["files"])
        assert any(url.endswith(".pf_fragment") for url in payload["files"]), (lang, payload["files"])
