"""The facts of the accessibility and privacy statements, from docs/_data/statements.yml.

Both statements are law-bound texts (accessibility: EU directive 2016/2102, Belgian law of 19 July 2018): their
dates, status and contacts must change in one place, so the templates take them from this data and the wording
around them from ui_text. An empty value stays empty here; the templates print "not yet stated" for it.
"""

from __future__ import annotations

import datetime as dt
import json
import re
from pathlib import Path

import yaml
from mkdocs.exceptions import PluginError

from scripts.lang import languages, ui_text

STATEMENTS_NAME = "statements.yml"  # in the data folder (languages.current().data_dir)
STATUSES = ("full", "partial", "none")
ISO_DATE = re.compile(r"\d{4}-\d{2}-\d{2}")
# the checkout this code runs from: its pinned npm packages are what the tests run
PACKAGE_LOCK = Path(__file__).resolve().parents[2] / "package-lock.json"


def load(path: Path | None = None) -> dict:
    """The statements' facts; a missing or malformed file stops the build (a statement must not go out half)."""
    path = path or languages.current().data_dir / STATEMENTS_NAME
    try:
        data = yaml.safe_load(path.read_text(encoding="utf-8"))
    except (OSError, yaml.YAMLError) as exc:
        raise PluginError(f"{path}: cannot read the statements' facts: {exc}") from None
    a11y = data.get("accessibility") or {}
    if a11y.get("status") not in STATUSES:
        raise PluginError(f"{path}: accessibility.status must be one of {', '.join(STATUSES)}")
    for key in ("prepared", "last_checked"):
        a11y[key] = _iso_date(path, key, a11y.get(key))
    for key in ("automated", "manual", "exceptions"):
        for entry in a11y.get(key) or []:
            missing = [lang for lang in languages.codes() if not (isinstance(entry, dict) and entry.get(lang))]
            if missing:
                raise PluginError(f"{path}: accessibility.{key}: an entry lacks {', '.join(missing)}: {entry!r}")
    a11y["checker"] = axe_version()
    return _typeset(data)


def _typeset(value):
    """Each language's typographic rules (French no-break spaces) on the texts given per language, as ui_text
    does for its own wording."""
    if isinstance(value, dict):
        if value and set(value) <= set(languages.codes()):
            return {lang: ui_text.typeset(text, lang) if isinstance(text, str) else text
                    for lang, text in value.items()}
        return {key: _typeset(item) for key, item in value.items()}
    if isinstance(value, list):
        return [_typeset(item) for item in value]
    return value


def _iso_date(path: Path, key: str, value) -> str | None:
    if value is None:
        return None
    if isinstance(value, dt.date):
        return value.isoformat()
    if isinstance(value, str) and ISO_DATE.fullmatch(value):
        return value
    raise PluginError(f"{path}: accessibility.{key} must be a date written YYYY-MM-DD, got {value!r}")


def axe_version() -> str | None:
    """The pinned axe-core the tests run (package-lock.json), so the statement names the checker actually used."""
    try:
        lock = json.loads(PACKAGE_LOCK.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return None
    return (lock.get("packages", {}).get("node_modules/axe-core") or {}).get("version")


def localised(value, lang: str):
    """A {nl:, fr:} value in one language; a plain value as it is; None stays None."""
    if isinstance(value, dict) and lang in value:
        return value[lang]
    return value
