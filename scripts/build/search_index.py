"""Full-text search with Pagefind, run on the built site.

Material's own search downloads every page of the language on the first query
(tens of MB at 1,000 fiches). Pagefind writes a chunked index, one per language
(from each page's <html lang>), so a query fetches only the chunks and result
fragments it needs, and a French page never finds Dutch pages.
"""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

from mkdocs.exceptions import PluginError

BUNDLE = "pagefind"


def build_index(site_dir: Path) -> None:
    command = [sys.executable, "-m", "pagefind", "--site", str(site_dir), "--output-subdir", BUNDLE,
               "--exclude-selectors", ".headerlink, .kb-filters, .kb-compare-bar, .kb-card__compare", "--silent"]
    try:
        result = subprocess.run(command, capture_output=True, text=True, timeout=900, check=False)
    except (OSError, subprocess.SubprocessError) as exc:
        raise PluginError(f"pagefind could not run: {exc}") from None
    if result.returncode != 0:
        raise PluginError(f"pagefind failed ({result.returncode}):\n{result.stderr[-2000:]}")
    # Pagefind lists the languages in hash-map order; sort them so that two builds are byte-identical.
    entry = site_dir / BUNDLE / "pagefind-entry.json"
    if entry.is_file():
        data = json.loads(entry.read_text(encoding="utf-8"))
        entry.write_text(json.dumps(data, ensure_ascii=False, sort_keys=True, separators=(",", ":")),
                         encoding="utf-8")
