"""Reading the wording files: every text a language shows is data, in `<docs_dir>/_data/interface.<lang>.yml`.

Python names only keys. Each section (labels, messages, item_nouns, preview, scaffold) gives the same keys in every
language that uses it, so a language is complete or the build stops, naming the file and the keys it lacks: no
language silently falls back to another's words. A site's own data folder is read first, then the project's
(a fixture site that brings only its extra language still has Dutch and French). Files are read at first use,
not at import, and kept per data folder and set of languages (the site's configuration decides both).
"""

from __future__ import annotations

import functools
from pathlib import Path

import yaml
from mkdocs.exceptions import PluginError

from scripts.lang import languages

PROJECT_DATA = Path(__file__).resolve().parents[2] / "docs" / "_data"
FILE = "interface.{lang}.yml"


class WordingError(PluginError):
    """A wording file that is missing, unreadable or lacks keys (a build stops with this message alone)."""


class MissingText(WordingError, KeyError):
    """A key that no language's file gives (a lookup error too, for callers that catch KeyError)."""


def site_langs() -> tuple[str, ...]:
    return tuple(languages.codes())


def path(lang: str, data_dir: Path | None = None) -> Path:
    """The file that holds a language's texts: the site's own, else the project's."""
    for folder in dict.fromkeys((Path(data_dir or languages.current().data_dir), PROJECT_DATA)):
        candidate = folder / FILE.format(lang=lang)
        if candidate.is_file():
            return candidate
    wanted = Path(data_dir or languages.current().data_dir) / FILE.format(lang=lang)
    raise WordingError(f"{wanted}: no such file; every language brings its texts there")


_READ: dict[Path, int] = {}  # each file read → its modification time then (refresh)


@functools.lru_cache(maxsize=16)
def _file(data_dir: Path, lang: str) -> tuple[Path, dict]:
    found = path(lang, data_dir)
    try:
        _READ[found] = found.stat().st_mtime_ns
        data = yaml.safe_load(found.read_text(encoding="utf-8")) or {}
    except (OSError, yaml.YAMLError) as exc:
        raise WordingError(f"{found}: cannot read the wording: {exc}") from None
    if not isinstance(data, dict):
        raise WordingError(f"{found}: a wording file is a mapping of sections (labels, messages, …)")
    return found, data


def value(lang: str, key: str) -> str:
    """A top-level value of a language's file (its `locale`), required."""
    found, data = _file(Path(languages.current().data_dir), lang)
    if not isinstance(data.get(key), str) or not data[key]:
        raise WordingError(f"{found}: `{key}` is missing")
    return data[key]


def words(lang: str, key: str) -> tuple[str, ...]:
    """A word list of a language's file (`words.<key>`: stopwords, plural endings …). Lists tune behaviour, they
    are never shown: a language without one simply goes without (it highlights every word, says nothing of
    untranslated texts). A language without a wording file has no lists either: the texts it must show are what
    stops a build (`section`), not a word list a report only consults."""
    try:
        found, data = _file(Path(languages.current().data_dir), lang)
    except WordingError:
        if any(folder.joinpath(FILE.format(lang=lang)).is_file()
               for folder in (Path(languages.current().data_dir), PROJECT_DATA)):
            raise  # there is a file, and it cannot be read
        return ()
    listed = (data.get("words") or {}).get(key) or []
    if not isinstance(listed, list) or not all(isinstance(word, str) for word in listed):
        raise WordingError(f"{found}: words.{key} is a list of words")
    return tuple(listed)


def section(name: str, langs: tuple[str, ...] | None = None, rules: dict | None = None) -> dict[str, dict[str, str]]:
    """key → {lang: text} of one section, for `langs` (default: the site's). `rules`: lang → the function that
    sets that language's typography (scripts/lang/typography.py), applied once as the file is read."""
    data_dir = languages.current().data_dir
    if data_dir is not _KEPT_FOR[0]:  # another site's or another rebuild's languages: what was kept is theirs
        _KEPT.clear()
        _KEPT_FOR[0] = data_dir
    key = (name, tuple(langs or site_langs()), id(rules))
    kept = _KEPT.get(key)  # the hot path (every label of every page): no Path hashing
    if kept is None or kept[0] is not rules:
        kept = _KEPT[key] = (rules, _section(Path(data_dir), name, key[1], tuple((rules or {}).items())))
    return kept[1]


# What `section` gave for the data folder in use; a new folder (each `languages.use`, e.g. every serve rebuild)
# starts afresh, so the kept tables do not grow with the rebuilds (the files stay cached in _file/_section).
_KEPT: dict[tuple, tuple] = {}
_KEPT_FOR: list = [None]


@functools.lru_cache(maxsize=32)
def _section(data_dir: Path, name: str, langs: tuple[str, ...], rules: tuple) -> dict[str, dict[str, str]]:
    typeset = dict(rules)
    texts: dict[str, dict[str, str]] = {}
    errors: list[str] = []
    files = {lang: _file(data_dir, lang) for lang in langs}
    for lang, (found, data) in files.items():
        part = data.get(name)
        if not isinstance(part, dict):
            errors.append(f"{found}: no section `{name}`")
            continue
        for key, text in part.items():
            if not isinstance(text, str):
                errors.append(f"{found}: {name}.{key} is not a text")
                continue
            texts.setdefault(str(key), {})[lang] = typeset[lang](text) if lang in typeset and text else text
    for lang, (found, data) in files.items():
        if isinstance(data.get(name), dict):
            missing = [key for key, by_lang in texts.items() if lang not in by_lang]
            errors.extend(f"{found}: {name}.{key} is missing (other languages have it)" for key in missing)
    if errors:
        raise WordingError("\n".join(errors))
    return texts


SECTIONS = ("labels", "messages", "item_nouns", "preview", "scaffold")  # the texts every language gives


def check(langs: tuple[str, ...] | None = None) -> None:
    """Every section of every language at once, before a build starts: one error that names each missing or
    unreadable file and key, rather than the first one a page happens to ask for."""
    errors: list[str] = []
    for name in SECTIONS:
        try:
            _section(Path(languages.current().data_dir), name, tuple(langs or site_langs()), ())
        except WordingError as exc:
            errors.extend(line for line in str(exc).split("\n") if line not in errors)
    if errors:
        raise WordingError("\n".join(errors))


def text(name: str, key: str, lang: str, table: dict[str, dict[str, str]]) -> str:
    """One text of `table` (a section); a key no file gives is an error naming the language's file and the key."""
    try:
        return table[key][lang]
    except KeyError:
        raise MissingText(f"{path(lang)}: {name}.{key} is missing") from None


def clear() -> None:
    """Forget what was read (a test that writes a wording file)."""
    _READ.clear()
    _KEPT.clear()
    _file.cache_clear()
    _section.cache_clear()
    languages.clear_interface()  # the value-list labels a language brings (`choices`)


def refresh() -> None:
    """Read the files again at next use if one changed since (serving: each rebuild asks, a few stat calls)."""
    for found, mtime in list(_READ.items()):
        try:
            changed = found.stat().st_mtime_ns != mtime
        except OSError:
            changed = True
        if changed:
            clear()
            return
