"""Full-text search with Pagefind, run on the built site.

Material's own search downloads every page of the language on the first query
(tens of MB at 1,000 fiches). Pagefind writes a chunked index, one per language
(from each page's <html lang>), so a query fetches only the chunks and result
fragments it needs, and a French page never finds Dutch pages.
"""

from __future__ import annotations

import json
import re
import subprocess
import tempfile
from pathlib import Path

from mkdocs.exceptions import PluginError

BUNDLE = "pagefind"

# Fiches are what readers look for; every other page (catalogues, theme pages, glossary, home, colophon,
# contributor guide, background pages) only lists, explains or frames them. Those pages are indexed with all
# their words weighted down (Pagefind's data-pagefind-weight on the page body, see overrides/main.html), and
# the parts that repeat fiche titles and summaries (cards, lists of fiches) are not indexed at all
# (data-pagefind-ignore in the templates). A hand-written page may set its own `search_weight` (0-10) in its
# front matter. See README "Search in two languages".
OTHER_PAGE_WEIGHT = 0.1


def page_weight(kind: str | None, meta: dict) -> float | None:
    """The data-pagefind-weight of a page's body: none (full weight, headings ranked higher) for fiches."""
    if kind == "fiche":
        return None
    weight = meta.get("search_weight", OTHER_PAGE_WEIGHT)
    return weight if isinstance(weight, int | float) and 0 <= weight <= 10 else OTHER_PAGE_WEIGHT


def indexed(kind: str | None) -> bool:
    """Whether a page of this kind carries data-pagefind-body (main.html): module pages repeat their fiche's
    text, so they stay out of the index and the fiche is found instead."""
    return kind != "module"


_GLOB_SPECIAL = re.compile(r"([?*$:<>()\[\]{},\\!])")


def pages_glob(site_dir: Path, skipped: set[str]) -> str:
    """A Pagefind glob for every HTML file of the site except `skipped` (site-relative paths of pages that are
    not indexed). Pagefind would read and parse those pages only to drop them (no data-pagefind-body), which
    was 45 % of its time at 200 fiches; the index it writes is the same. A folder with no skipped page is one
    `folder/**/*.html` entry, so the glob grows with the fiche pages only (one entry per fiche per language)."""
    prefixes = {part for path in skipped for part in _parents(path)}

    def walk(folder: Path, rel: str) -> list[str]:
        found = []
        for child in sorted(folder.iterdir(), key=lambda p: p.name):
            path = rel + child.name
            if child.is_dir():
                if path == BUNDLE:
                    continue
                found += walk(child, path + "/") if path in prefixes else [_escape(path) + "/**/*.html"]
            elif child.suffix == ".html" and path not in skipped:
                found.append(_escape(path))
        return found

    return "{" + ",".join(walk(site_dir, "")) + "}"


def _parents(path: str) -> list[str]:
    parts = path.split("/")[:-1]
    return ["/".join(parts[: i + 1]) for i in range(len(parts))]


def _escape(path: str) -> str:
    return _GLOB_SPECIAL.sub(r"\\\1", path)


# The pinned Pagefind (package.json, `npm ci`), when the caller names none: the plugin passes its `pagefind` option.
DEFAULT_BINARY = Path(__file__).resolve().parents[2] / "node_modules" / ".bin" / "pagefind"


def build_index(site_dir: Path, skipped: set[str] | frozenset[str] = frozenset(), binary: Path | None = None) -> None:
    """Pagefind on the built site; `skipped`: site-relative paths of pages without data-pagefind-body, which
    Pagefind is not given at all (see pages_glob). Pagefind ≥ 1.6 writes the same bytes for the same site, so two
    builds of one commit are byte-identical (tests/test_reproducible.py) with no re-encoding of its files."""
    command = [str(binary or DEFAULT_BINARY), "--site", str(site_dir), "--output-subdir", BUNDLE,
               "--exclude-selectors", ".headerlink, .kb-filters, .kb-compare-bar, .kb-card__compare", "--silent"]
    try:
        with tempfile.TemporaryDirectory(prefix="kb-pagefind-") as folder:
            if skipped:
                # In Pagefind's configuration file (read from the working directory), not on the command line:
                # at thousands of fiches the glob is longer than one command-line argument may be.
                (Path(folder) / "pagefind.json").write_text(
                    json.dumps({"glob": pages_glob(site_dir, set(skipped))}), encoding="utf-8")
            result = subprocess.run(command, capture_output=True, text=True, timeout=900, check=False, cwd=folder)
    except (OSError, subprocess.SubprocessError) as exc:
        raise PluginError(f"pagefind could not run: {exc}") from None
    if result.returncode != 0:
        raise PluginError(f"pagefind failed ({result.returncode}):\n{result.stderr[-2000:]}")
