"""A coordinator adds fiches and touches no test: the content-dependent tests pass on a copy of the repository with
a new published fiche without coordinates and a new draft (tests/fixtures/coordinator/).

The copy holds the repository's files (git ls-files, as they are on disk) and becomes a git repository of its own,
so the change history works there too. pytest runs in it in a subprocess: every test file that reads fiches/ or
the built site, the browser ones included.
"""

from __future__ import annotations

import hashlib
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
import yaml
from conftest import ROOT

NEW = ROOT / "tests" / "fixtures" / "coordinator"
# Test files whose expectations never involve fiches/ (fixtures only), the benchmark, and the tests that copy the
# repository themselves: left out of the inner run.
NOT_CONTENT = ["test_hostile.py", "test_injection.py", "test_injection_build.py", "test_reproducible.py",
               "test_bench.py", "test_ci_template.py", "test_coordinator.py", "test_suite_rules.py"]


def copy_repository(target: Path) -> None:
    listed = subprocess.run(["git", "ls-files", "-z", "--cached", "--others", "--exclude-standard"], cwd=ROOT,
                            capture_output=True, check=True).stdout.decode().split("\0")
    for name in filter(None, listed):
        source = ROOT / name
        if source.is_file() and not source.is_symlink():
            (target / name).parent.mkdir(parents=True, exist_ok=True)
            shutil.copy2(source, target / name)
    # reuse the installed packages (same pins); node_modules only when complete, so that an `npm ci` never
    # writes into the shared folder
    npm_stamp = ".kb-installed-" + hashlib.sha256((ROOT / "package-lock.json").read_bytes()).hexdigest()[:16]
    for shared, marker in ((".venv", "bin/python"), ("node_modules", npm_stamp)):  # stamp: scripts/setup_npm.sh
        if (ROOT / shared / marker).exists():
            (target / shared).symlink_to((ROOT / shared).resolve())


def commit_all(repo: Path, env: dict) -> None:
    for command in (["init", "-q"], ["add", "-A"],
                    ["-c", "user.name=Coordinator", "-c", "user.email=coordinator@example.org",
                     "commit", "-q", "-m", "Add two fiches"]):
        result = subprocess.run(["git", *command], cwd=repo, env=env, capture_output=True, text=True)
        assert result.returncode == 0, result.stderr


@pytest.fixture(scope="module")
def repository_with_new_fiches(tmp_path_factory) -> tuple[Path, dict]:
    new = sorted(NEW.glob("*.yml"))
    statuses = {yaml.safe_load(p.read_text(encoding="utf-8"))["status"]: yaml.safe_load(p.read_text(encoding="utf-8"))
                for p in new}
    assert set(statuses) == {"published", "draft"} and "coordinates" not in statuses["published"]
    tmp_path = tmp_path_factory.mktemp("coordinator")
    repo = tmp_path / "repo"
    copy_repository(repo)
    for path in new:
        assert not (repo / "fiches" / path.name).exists()
        shutil.copy(path, repo / "fiches" / path.name)
    (tmp_path / "gitconfig").touch()
    env = {k: v for k, v in os.environ.items() if not k.startswith(("GIT_", "KB_", "PYTEST_"))}
    env.update(GIT_CONFIG_GLOBAL=str(tmp_path / "gitconfig"), GIT_CONFIG_NOSYSTEM="1", NO_MKDOCS_2_WARNING="1")
    commit_all(repo, env)
    validated = subprocess.run([sys.executable, "-m", "scripts.validate"], cwd=repo, env=env, capture_output=True,
                               text=True, timeout=300)
    assert validated.returncode == 0, validated.stdout + validated.stderr
    return repo, env


@pytest.mark.parametrize("markers", [
    "not browser",
    pytest.param("browser", marks=pytest.mark.browser),  # chromium runs in the subprocess
])
def test_content_tests_pass_with_a_new_fiche_and_a_new_draft(repository_with_new_fiches, markers):
    repo, env = repository_with_new_fiches
    command = [sys.executable, "-m", "pytest", "-q", "-p", "no:cacheprovider", "-x", "-m", markers,
               *[f"--ignore=tests/{name}" for name in NOT_CONTENT]]
    result = subprocess.run(command, cwd=repo, env=env, capture_output=True, text=True, timeout=1800)
    assert result.returncode == 0, result.stdout[-6000:] + result.stderr[-2000:]
    summary = result.stdout.strip().splitlines()[-1]
    assert " passed" in summary and "failed" not in summary and "error" not in summary, summary
    print(summary)
