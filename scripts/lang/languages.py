"""The site's languages, read from mkdocs.yml (the i18n plugin's list): languages are data, not code.

The first language marked `default: true` lives at the site root. KB_MKDOCS_CONFIG names another
configuration (a fixture site in the tests). A language beyond the built-in wording brings its
interface texts as data: `<docs_dir>/_data/interface.<lang>.yml` with `labels` (ui_text keys) and
`choices` (schema value lists by name, code → label)."""

from __future__ import annotations

import os
from pathlib import Path

import yaml

ROOT = Path(__file__).resolve().parents[2]
CONFIG = Path(os.environ.get("KB_MKDOCS_CONFIG") or ROOT / "mkdocs.yml")


class _Tolerant(yaml.SafeLoader):
    """mkdocs.yml uses tags such as !ENV; their values do not matter here."""


_Tolerant.add_multi_constructor("!", lambda loader, suffix, node: None)


def _config(config: Path) -> dict:
    return yaml.load(config.read_text(encoding="utf-8"), Loader=_Tolerant) or {}


def _languages(config: Path) -> tuple[tuple[str, ...], str, dict[str, str]]:
    data = _config(config)
    for plugin in data.get("plugins") or []:
        if isinstance(plugin, dict) and "i18n" in plugin:
            entries = [entry for entry in plugin["i18n"].get("languages", []) if entry.get("build", True)]
            codes = tuple(entry["locale"] for entry in entries)
            default = next((entry["locale"] for entry in entries if entry.get("default")), codes[0])
            names = {entry["locale"]: entry.get("name") or entry["locale"] for entry in entries}
            return (default, *[c for c in codes if c != default]), default, names
    raise SystemExit(f"{config}: no i18n plugin with languages: the site's languages come from there")


LANGS, DEFAULT_LANG, NAMES = _languages(CONFIG)  # NAMES: locale → the language's own name
DATA_DIR = CONFIG.parent / (_config(CONFIG).get("docs_dir") or "docs") / "_data"


def interface(lang: str) -> dict:
    """Interface texts supplied as data for a language (empty when the built-in wording covers it)."""
    path = DATA_DIR / f"interface.{lang}.yml"
    return yaml.safe_load(path.read_text(encoding="utf-8")) or {} if path.is_file() else {}


def add_choices(lists: dict[str, dict[str, dict[str, str]]]) -> None:
    """Labels of value lists (code → {lang: label}) for the languages that bring them as data."""
    for lang in LANGS:
        for name, labels in interface(lang).get("choices", {}).items():
            if name in lists:
                for code, label in labels.items():
                    lists[name][code][lang] = label
