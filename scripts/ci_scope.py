"""Which checks a pull request needs: `fiches` when it changes only fiche files (and raster images), else `full`.

A fiche cannot break code, so such a request runs what a fiche can break (validation, the strict build, links,
the fiche's own pages in every language, open data: `pytest -m fiche`) in about two minutes instead of the whole
suite. Standard library only: CI runs it before the virtual environment exists."""

from __future__ import annotations

import re
import subprocess
import sys

FICHE = re.compile(r"fiches/[^/]+\.yml")
IMAGE = re.compile(r"(docs|fiches)/(?:[^/]+/)*[^/]+\.(png|jpe?g|webp|gif)")  # no SVG: it can hold script


def changed_files(base: str) -> list[str]:
    """Paths changed between the merge base of `base` and HEAD, as git names them."""
    result = subprocess.run(["git", "diff", "--name-only", "--no-renames", "-z", f"{base}...HEAD"],
                            capture_output=True, text=True, check=True)
    return [name for name in result.stdout.split("\0") if name]


def scope(paths: list[str]) -> tuple[str, list[str]]:
    """('fiches', changed fiche ids) when every path is a fiche or an image; ('full', []) otherwise, and for an
    empty change (nothing to narrow down)."""
    if paths and all(FICHE.fullmatch(p) or IMAGE.fullmatch(p) for p in paths):
        return "fiches", sorted(p[len("fiches/"):-len(".yml")] for p in paths if FICHE.fullmatch(p))
    return "full", []


USAGE = "usage: python3 -m scripts.ci_scope BASE_COMMIT"


def main(argv: list[str]) -> int:
    if argv in (["-h"], ["--help"]):
        print(USAGE + "\n\n" + __doc__.splitlines()[0])
        return 0
    if len(argv) != 1:
        print(USAGE, file=sys.stderr)
        return 2
    try:
        paths = changed_files(argv[0])
    except subprocess.CalledProcessError as exc:  # an unknown commit: the caller runs every test
        print(f"ci_scope: git cannot compare {argv[0]}...HEAD: {exc.stderr.strip()}", file=sys.stderr)
        return 2
    kind, ids = scope(paths)
    print(" ".join([kind, *ids]))
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
