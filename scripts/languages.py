"""The site's languages, read from mkdocs.yml (the i18n plugin's list): languages are data, not code.

The first language marked `default: true` lives at the site root. KB_MKDOCS_CONFIG names another
configuration (a fixture site in the tests)."""

from __future__ import annotations

import os
from pathlib import Path

import yaml

ROOT = Path(__file__).resolve().parent.parent
CONFIG = Path(os.environ.get("KB_MKDOCS_CONFIG") or ROOT / "mkdocs.yml")


class _Tolerant(yaml.SafeLoader):
    """mkdocs.yml uses tags such as !ENV; their values do not matter here."""


_Tolerant.add_multi_constructor("!", lambda loader, suffix, node: None)


def _languages(config: Path) -> tuple[tuple[str, ...], str]:
    data = yaml.load(config.read_text(encoding="utf-8"), Loader=_Tolerant) or {}
    for plugin in data.get("plugins") or []:
        if isinstance(plugin, dict) and "i18n" in plugin:
            entries = [entry for entry in plugin["i18n"].get("languages", []) if entry.get("build", True)]
            codes = tuple(entry["locale"] for entry in entries)
            default = next((entry["locale"] for entry in entries if entry.get("default")), codes[0])
            return (default, *[c for c in codes if c != default]), default
    raise SystemExit(f"{config}: no i18n plugin with languages: the site's languages come from there")


LANGS, DEFAULT_LANG = _languages(CONFIG)
