"""Dates from git, never from the clock, so the same commit always builds the same bytes."""

from __future__ import annotations

import subprocess
from pathlib import Path

from scripts.fiche_collection import ROOT, Fiche

HISTORY_LIMIT = 10  # changes shown per fiche


def last_commit_epoch() -> str | None:
    try:
        result = subprocess.run(["git", "log", "-1", "--format=%ct"], cwd=ROOT, capture_output=True, text=True,
                                timeout=30, check=False)
    except (OSError, subprocess.SubprocessError):
        return None
    value = result.stdout.strip()
    return value if result.returncode == 0 and value.isdigit() else None


def load_history(fiches: list[Fiche], limit: int = HISTORY_LIMIT) -> dict[str, list[dict]]:
    """Each fiche's change dates from git, newest first; empty outside a git checkout."""
    if not fiches:
        return {}
    folder = fiches[0].path.parent
    try:
        result = subprocess.run(["git", "log", "--format=@@%cs", "--name-only", "--", "."], cwd=folder,
                                capture_output=True, text=True, timeout=60, check=False)
    except (OSError, subprocess.SubprocessError):
        return {}
    if result.returncode != 0:
        return {}
    wanted = {f.path.name: f.id for f in fiches}
    history: dict[str, list[dict]] = {}
    entry = None
    for line in result.stdout.splitlines():
        if line.startswith("@@"):
            entry = {"date": line[2:].strip()}
        elif line.strip() and entry is not None:
            fiche_id = wanted.get(Path(line.strip()).name)
            if fiche_id and len(history.setdefault(fiche_id, [])) < limit:
                history[fiche_id].append(entry)
    return history
