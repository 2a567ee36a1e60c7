"""A pull request that changes only fiches runs what a fiche can break; anything else runs every test."""

from __future__ import annotations

import subprocess

import pytest

from scripts import ci_scope


@pytest.mark.parametrize(("paths", "expected"), [
    (["fiches/ocmw-a.yml"], ("fiches", ["ocmw-a"])),
    (["fiches/b.yml", "fiches/a.yml", "docs/assets/img/a.png"], ("fiches", ["a", "b"])),
    (["docs/assets/photo.JPG".lower()], ("fiches", [])),
    (["fiches/a.yml", "scripts/site/facts.py"], ("full", [])),  # code beside a fiche: everything
    (["fiches/a.yml", "docs/assets/logo.svg"], ("full", [])),  # an SVG can hold script
    (["fiches/sub/a.yml"], ("full", [])),  # not a fiche file the build reads
    (["fiches/a.yaml"], ("full", [])),
    (["fiches/a.yml\nscripts/x.py"], ("full", [])),  # one name, not two
    (["mkdocs.yml"], ("full", [])),
    (["tests/fixtures/coordinator/x.yml"], ("full", [])),
    ([], ("full", [])),  # nothing to narrow down
])
def test_scope_of_a_change(paths, expected):
    assert ci_scope.scope(paths) == expected


def git(repo, *args):
    return subprocess.run(["git", "-C", str(repo), "-c", "user.name=t", "-c", "user.email=t@example.org", *args],
                          capture_output=True, text=True, check=True).stdout


def test_changed_files_since_the_merge_base(tmp_path, monkeypatch):
    """The branch's own changes count, not what the target branch did meanwhile."""
    repo = tmp_path / "repo"
    (repo / "fiches").mkdir(parents=True)
    (repo / "fiches" / "a.yml").write_text("id: a\n", encoding="utf-8")
    git(tmp_path, "init", "-q", "-b", "main", str(repo))
    git(repo, "add", "-A")
    git(repo, "commit", "-qm", "base")
    git(repo, "switch", "-qc", "pr")
    (repo / "fiches" / "b.yml").write_text("id: b\n", encoding="utf-8")
    git(repo, "add", "-A")
    git(repo, "commit", "-qm", "new fiche")
    git(repo, "switch", "-q", "main")
    (repo / "README.md").write_text("x\n", encoding="utf-8")
    git(repo, "add", "-A")
    git(repo, "commit", "-qm", "meanwhile on main")
    git(repo, "switch", "-q", "pr")
    monkeypatch.chdir(repo)
    assert ci_scope.changed_files("main") == ["fiches/b.yml"]
    assert ci_scope.main(["main"]) == 0


def test_help_and_an_unknown_base_are_answers_not_tracebacks():
    import sys

    helped = subprocess.run([sys.executable, "-m", "scripts.ci_scope", "--help"], capture_output=True, text=True)
    assert helped.returncode == 0 and helped.stdout.startswith("usage: ")
    unknown = subprocess.run([sys.executable, "-m", "scripts.ci_scope", "no-such-commit"], capture_output=True,
                             text=True)
    assert unknown.returncode == 2 and "Traceback" not in unknown.stderr
    assert "ci_scope: git cannot compare no-such-commit...HEAD" in unknown.stderr
