"""The site's languages, from mkdocs.yml (the i18n plugin's list): languages are data, not code.

One value object, `Languages`, made from the i18n plugin's configuration: by the MkDocs plugin in `on_config`
(scripts/site/plugin.py), and by the commands that run without MkDocs (validate, new_fiche, translation_status,
the editor's proxy) from mkdocs.yml through `from_mkdocs_yml`. Whoever runs first sets it with `use`; deep call
chains read it with `current()`. Nothing is read when this module is imported: `current()` reads the project's
mkdocs.yml on first use only when nothing was set.

The first language marked `default: true` lives at the site root. A language beyond the built-in wording brings
its interface texts as data: `<data dir>/interface.<lang>.yml` with `labels` (ui_text keys) and `choices` (schema
value lists by name, code → label)."""

from __future__ import annotations

import functools
from dataclasses import dataclass, field
from pathlib import Path

import yaml
from yaml_env_tag import construct_env_tag

CONFIG_FILE = "mkdocs.yml"  # looked up in the working folder, as `mkdocs` itself does
PLUGIN = "kennisbank"  # the plugin's name in mkdocs.yml (pyproject.toml's entry point)


@dataclass(frozen=True)
class Languages:
    codes: tuple[str, ...]  # the default language first
    default: str
    names: dict[str, str] = field(hash=False)  # locale → the language's own name
    data_dir: Path  # the project's data files (glossary, thesaurus, statements, interface.<lang>.yml)

    def interface(self, lang: str) -> dict:
        """Interface texts supplied as data for a language (empty when the built-in wording covers it)."""
        return _interface(self.data_dir / f"interface.{lang}.yml")


@functools.lru_cache(maxsize=16)
def _interface(path: Path) -> dict:
    return yaml.safe_load(path.read_text(encoding="utf-8")) or {} if path.is_file() else {}


def clear_interface() -> None:
    """Forget the interface files read (a wording file edited while serving, a test that writes one)."""
    _interface.cache_clear()


def from_entries(entries: list[dict], data_dir: Path) -> Languages:
    """From the i18n plugin's `languages` list (dicts or its config objects), as mkdocs.yml gives it."""
    entries = [entry for entry in entries if _get(entry, "build", True)]
    codes = tuple(_get(entry, "locale") for entry in entries)
    if not codes:
        raise ValueError("no i18n plugin with languages: the site's languages come from there")
    default = next((_get(entry, "locale") for entry in entries if _get(entry, "default")), codes[0])
    names = {_get(entry, "locale"): _get(entry, "name") or _get(entry, "locale") for entry in entries}
    return Languages((default, *[c for c in codes if c != default]), default, names, Path(data_dir).resolve())


def _get(entry, key: str, default=None):
    return entry.get(key, default) if isinstance(entry, dict) else getattr(entry, key, default)


class _Loader(yaml.SafeLoader):
    """mkdocs.yml's !ENV is honoured (an override from the environment); other tags do not matter here."""


_Loader.add_constructor("!ENV", construct_env_tag)
_Loader.add_multi_constructor("!", lambda loader, suffix, node: None)


def read_mkdocs_yml(config_file: Path) -> dict:
    return yaml.load(Path(config_file).read_text(encoding="utf-8"), Loader=_Loader) or {}


def plugin_options(data: dict, name: str) -> dict | None:
    for plugin in data.get("plugins") or []:
        if isinstance(plugin, dict) and name in plugin:
            return plugin[name] or {}
        if plugin == name:
            return {}
    return None


def from_mkdocs_yml(config_file: Path | None = None) -> Languages:
    """For the commands that run without MkDocs: the same languages and data folder the plugin gets."""
    config_file = Path(config_file or default_config_file()).resolve()
    data = read_mkdocs_yml(config_file)
    i18n = plugin_options(data, "i18n")
    if i18n is None:
        raise SystemExit(f"{config_file}: no i18n plugin with languages: the site's languages come from there")
    own = plugin_options(data, PLUGIN) or {}
    data_dir = config_file.parent / (own.get("data") or Path(data.get("docs_dir") or "docs") / "_data")
    return from_entries(i18n.get("languages", []), data_dir)


_current: list[Languages] = []
_choice_lists: list[tuple[dict, dict]] = []  # the schema's value lists (code → {lang: label}) and their own labels


def use(languages: Languages) -> Languages:
    """Set the languages every later call reads (the plugin per build, a command once at its start)."""
    _current[:] = [languages]
    for lists, own in _choice_lists:
        _restore(lists, own)  # another site's labels (an earlier build in this process) never stay
        add_choices(lists, languages)
    return languages


def current() -> Languages:
    if not _current:
        use(from_mkdocs_yml(default_config_file()))
    return _current[0]


def default_config_file() -> Path:
    """The working folder's mkdocs.yml, else the one of the checkout this package lives in."""
    here = Path(CONFIG_FILE)
    return here if here.is_file() else Path(__file__).resolve().parents[2] / CONFIG_FILE


def register_choices(lists: dict[str, dict[str, dict[str, str]]]) -> None:
    """Value lists that take labels from a language's data: filled for the languages in use now and later."""
    own = {name: {code: dict(labels) for code, labels in values.items()} for name, values in lists.items()}
    _choice_lists.append((lists, own))
    if _current:
        add_choices(lists, _current[0])


def _restore(lists: dict[str, dict[str, dict[str, str]]], own: dict[str, dict[str, dict[str, str]]]) -> None:
    for name, values in own.items():
        for code, labels in values.items():
            lists[name][code].clear()
            lists[name][code].update(labels)


def add_choices(lists: dict[str, dict[str, dict[str, str]]], languages: Languages) -> None:
    """Labels of value lists (code → {lang: label}) for the languages that bring them as data."""
    for lang in languages.codes:
        for name, labels in languages.interface(lang).get("choices", {}).items():
            if name in lists:
                for code, label in labels.items():
                    lists[name][code][lang] = label


def __getattr__(name: str):
    """`languages.LANGS`, `DEFAULT_LANG`, `NAMES`, `DATA_DIR` of the languages in use, read when used (tests and
    one-off scripts): code inside a build reads `current()`."""
    fields = {"LANGS": "codes", "DEFAULT_LANG": "default", "NAMES": "names", "DATA_DIR": "data_dir"}
    if name in fields:
        return getattr(current(), fields[name])
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")


def codes() -> tuple[str, ...]:
    """The codes of the languages in use, the default first (`current().codes`)."""
    return current().codes
