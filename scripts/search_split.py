"""One Material search index per language.

static-i18n merges the entries of every language into the root search_index.json,
so a French page would find Dutch pages. After the build we split that index by
location: the default language keeps the root index, each other language gets
`<lang>/search/search_index.json` with locations relative to its own root, and
overrides/main.html points the pages of that language at it.
"""

from __future__ import annotations

import json
from pathlib import Path


def split_by_language(site_dir: Path, langs: tuple[str, ...], default: str) -> dict[str, int]:
    root_index = site_dir / "search" / "search_index.json"
    if not root_index.is_file():
        return {}
    index = json.loads(root_index.read_text(encoding="utf-8"))
    buckets: dict[str, list] = {lang: [] for lang in langs}
    for doc in index.get("docs", []):
        location = doc.get("location", "")
        lang = next((code for code in langs if code != default and location.startswith(f"{code}/")), default)
        if lang != default:
            doc = dict(doc, location=location[len(lang) + 1:])
        buckets[lang].append(doc)
    counts = {}
    for lang, docs in buckets.items():
        target = root_index if lang == default else site_dir / lang / "search" / "search_index.json"
        target.parent.mkdir(parents=True, exist_ok=True)
        config = dict(index.get("config", {}), lang=[lang])
        payload = {"config": config, "docs": docs}
        target.write_text(json.dumps(payload, ensure_ascii=False, separators=(",", ":"), sort_keys=True),
                          encoding="utf-8")
        counts[lang] = len(docs)
    return counts
