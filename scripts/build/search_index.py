"""Full-text search with Pagefind, run on the built site.

Material's own search downloads every page of the language on the first query
(tens of MB at 1,000 fiches). Pagefind writes a chunked index, one per language
(from each page's <html lang>), so a query fetches only the chunks and result
fragments it needs, and a French page never finds Dutch pages.
"""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

from mkdocs.exceptions import PluginError

from scripts.build import pagefind_stable

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


def build_index(site_dir: Path) -> None:
    command = [sys.executable, "-m", "pagefind", "--site", str(site_dir), "--output-subdir", BUNDLE,
               "--exclude-selectors", ".headerlink, .kb-filters, .kb-compare-bar, .kb-card__compare", "--silent"]
    try:
        result = subprocess.run(command, capture_output=True, text=True, timeout=900, check=False)
    except (OSError, subprocess.SubprocessError) as exc:
        raise PluginError(f"pagefind could not run: {exc}") from None
    if result.returncode != 0:
        raise PluginError(f"pagefind failed ({result.returncode}):\n{result.stderr[-2000:]}")
    # Pagefind lists the languages, filters and filter values in hash-map order: sort them so that two builds
    # are byte-identical.
    pagefind_stable.stabilise(site_dir / BUNDLE)
