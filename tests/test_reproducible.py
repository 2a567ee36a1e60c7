"""Two builds of the same input are byte-identical (dates come from the input, not the clock)."""

from __future__ import annotations

import filecmp
import os
import shutil

import pytest
from conftest import ROOT, build_site, fixture_project


def differences(left, right) -> list[str]:
    comparison = filecmp.dircmp(left, right)
    found = [f"only in one: {name}" for name in comparison.left_only + comparison.right_only]
    _, mismatch, errors = filecmp.cmpfiles(left, right, comparison.common_files, shallow=False)
    found += [f"differs: {left}/{name}" for name in mismatch + errors]
    for sub in comparison.common_dirs:
        found += differences(os.path.join(left, sub), os.path.join(right, sub))
    return found


@pytest.mark.slow
def test_two_builds_are_byte_identical(tmp_path, monkeypatch):
    fiches = tmp_path / "fiches"
    fiches.mkdir()
    for path in sorted((ROOT / "tests" / "fixtures" / "valid").glob("*.yml")):  # fixtures: not today's fiches
        shutil.copy(path, fiches / path.name)
    config = fixture_project(tmp_path)
    monkeypatch.delenv("SOURCE_DATE_EPOCH", raising=False)
    first, second = tmp_path / "one", tmp_path / "two"
    for site in (first, second):
        result = build_site(site, fiches_dir=fiches, config=config)
        assert result.returncode == 0, result.stderr[-2000:]
    assert len(list(first.rglob("*"))) > 100
    assert differences(first, second) == []
