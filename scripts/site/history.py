"""Dates from git, never from the clock, so the same commit always builds the same bytes."""

from __future__ import annotations

import logging
import subprocess
from pathlib import Path

from mkdocs.exceptions import PluginError

from scripts.fiche.collection import Fiche

HISTORY_LIMIT = 10  # changes shown per fiche


def last_commit_epoch(folder: Path) -> str | None:
    """The last commit's time in the checkout holding `folder` (the project's mkdocs.yml)."""
    try:
        result = subprocess.run(["git", "log", "-1", "--format=%ct"], cwd=folder, capture_output=True, text=True,
                                timeout=30, check=False)
    except (OSError, subprocess.SubprocessError):
        return None
    value = result.stdout.strip()
    return value if result.returncode == 0 and value.isdigit() else None


def load_changes(fiches: list[Fiche], require: bool = False) -> list[tuple[str, str]]:
    """(committer time in ISO 8601 with its offset, fiche id) of every commit that changed a fiche's file, newest
    first, from one `git log`: the change history and the feeds' dates both read it. Empty outside a git
    checkout; a missing or shallow history is said once, here (and stops the build when `require`d: the
    plugin's `require_git_history`)."""
    if not fiches:
        return []
    folder = fiches[0].path.parent
    try:
        result = subprocess.run(["git", "log", "--format=@@%cI", "--name-only", "--", "."], cwd=folder,
                                capture_output=True, text=True, timeout=60, check=False)
    except (OSError, subprocess.SubprocessError) as exc:
        return _history_unavailable(folder, f"git could not run ({exc})", require=require)
    if result.returncode != 0:
        reason = (result.stderr.strip().splitlines() or ["git log failed"])[0]
        return _history_unavailable(folder, reason, refused="not a git repository" not in result.stderr,
                                    require=require)
    shallow = subprocess.run(["git", "rev-parse", "--is-shallow-repository"], cwd=folder, capture_output=True,
                             text=True, timeout=30, check=False).stdout.strip()
    if shallow == "true":
        _history_unavailable(folder, "the clone is shallow (fetch-depth 1): every fiche shows one commit at most",
                             require=require)
    wanted = {f.path.name: f.id for f in fiches}
    found: list[tuple[str, str]] = []
    when = None
    for line in result.stdout.splitlines():
        if line.startswith("@@"):
            when = line[2:].strip()
        elif line.strip() and when is not None and Path(line.strip()).name in wanted:
            found.append((when, wanted[Path(line.strip()).name]))
    return found


def load_history(changes: list[tuple[str, str]], limit: int = HISTORY_LIMIT) -> dict[str, list[dict]]:
    """Each fiche's change dates (the committer's day), newest first, at most `limit`."""
    history: dict[str, list[dict]] = {}
    for when, fiche_id in changes:
        if len(history.setdefault(fiche_id, [])) < limit:
            history[fiche_id].append({"date": when[:10]})
    return history


def commit_times(changes: list[tuple[str, str]]) -> dict[str, tuple[str, str]]:
    """Each fiche's first and last commit time: when the fiche came and when it last changed, for the Atom feeds.
    A fiche not committed yet has no entry."""
    first: dict[str, str] = {}
    last: dict[str, str] = {}
    for when, fiche_id in changes:  # newest first: the first time seen is the last change, the final one the first
        last.setdefault(fiche_id, when)
        first[fiche_id] = when
    return {fiche_id: (first[fiche_id], last[fiche_id]) for fiche_id in last}


def _history_unavailable(folder: Path, reason: str, refused: bool = False, require: bool = False) -> list:
    """History missing or cut short: fatal when required (KB_REQUIRE_GIT_HISTORY=1, which the CI templates set,
    turns on the plugin's `require_git_history`); otherwise a
    warning (which stops a strict build) when git refuses a checkout, e.g. "dubious ownership" in a container
    running as root, a note for a shallow clone, and nothing outside a git checkout (a fixture folder)."""
    message = (f"change history of {folder} unavailable: {reason}. In CI: check out the full history "
               "(fetch-depth: 0 / GIT_DEPTH: 0) and, in a container running as root, "
               'run git config --global --add safe.directory "$PWD" first')
    if require:
        raise PluginError(message)
    if refused:
        logging.getLogger("mkdocs.plugin").warning(message)
    elif "not a git repository" not in reason:
        logging.getLogger("mkdocs.plugin").info(message)
    return []
