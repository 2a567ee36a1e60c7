"""What one build leaves behind for the next in the same process: nothing. `mkdocs serve` rebuilds in one process,
and the tests build several sites in-process, so a build's data, another site's labels or a wording file read
before an edit must not outlive the build that used them."""

from __future__ import annotations

import dataclasses
import gc
import os
import shutil
import weakref
from pathlib import Path

import pytest
import yaml
from conftest import ROOT, fixture_project

from scripts.fiche import schema as s
from scripts.lang import languages, wording
from scripts.site import site_data


@pytest.fixture
def restore_languages():
    before = languages.current()
    yield before
    languages.use(before)
    wording.clear()


def test_a_builds_data_is_freed_when_the_build_drops_it():
    site = site_data.load(False, fiches_dir=ROOT / "tests" / "fixtures" / "valid", docs_dir=ROOT / "docs")
    lang = languages.current().default
    site.items(lang), site.view(site.fiches[0].id, lang), site.tooltip_terms(lang)  # fill its lookups
    alive = weakref.ref(site)
    del site
    gc.collect()
    assert alive() is None, "a cached lookup keeps the SiteData of a finished build alive"


def test_value_list_labels_of_another_site_do_not_stay(tmp_path, restore_languages):
    region = next(iter(s.REGIONS))
    own = dict(s.REGIONS[region])
    (tmp_path / "interface.de.yml").write_text(
        yaml.safe_dump({"choices": {"REGIONS": {region: "Region auf Deutsch"}}}), encoding="utf-8")
    languages.use(languages.Languages(("nl", "fr", "de"), "nl", {"nl": "nl", "fr": "fr", "de": "de"}, tmp_path))
    assert s.REGIONS[region]["de"] == "Region auf Deutsch"
    languages.use(restore_languages)
    assert s.REGIONS[region] == own


def test_an_edited_wording_file_is_checked_again(tmp_path, restore_languages):
    for lang in restore_languages.codes:
        shutil.copy(restore_languages.data_dir / f"interface.{lang}.yml", tmp_path)
    languages.use(dataclasses.replace(restore_languages, data_dir=tmp_path))
    wording.clear()
    wording.check()
    edited = tmp_path / f"interface.{restore_languages.default}.yml"
    good = edited.read_text(encoding="utf-8")
    data = yaml.safe_load(good)
    key = next(iter(data["labels"]))
    del data["labels"][key]
    edited.write_text(yaml.safe_dump(data, allow_unicode=True), encoding="utf-8")
    _touch_later(edited)
    wording.refresh()
    with pytest.raises(wording.WordingError, match=rf"labels\.{key} is missing"):
        wording.check()
    edited.write_text(good, encoding="utf-8")
    _touch_later(edited)
    wording.refresh()
    wording.check()  # the fixed file counts at once, without a restart


def _touch_later(path: Path) -> None:
    """A modification time other than the one read before (a fast rewrite can keep the same one)."""
    stat = path.stat()
    os.utime(path, ns=(stat.st_atime_ns, stat.st_mtime_ns + 1_000_000))


def test_serving_checks_a_fixed_wording_file_and_follows_changed_options(tmp_path, restore_languages):
    """`mkdocs serve` keeps one plugin instance and calls on_config on every rebuild (MkDocs reads mkdocs.yml
    again): a wording file fixed since the last rebuild is read again before the check, and a changed `fiches`
    option gives a new session."""
    from mkdocs.config import load_config

    config_file = fixture_project(tmp_path / "project")
    data = tmp_path / "project" / "docs" / "_data"
    for lang in restore_languages.codes:
        shutil.copy(restore_languages.data_dir / f"interface.{lang}.yml", data)
    edited = data / f"interface.{restore_languages.default}.yml"
    good = edited.read_text(encoding="utf-8")
    broken = yaml.safe_load(good)
    key = next(iter(broken["labels"]))
    del broken["labels"][key]
    plugin = None
    for text, fiches in ((good, "fiches"), (yaml.safe_dump(broken, allow_unicode=True), "fiches"),
                         (good, "fiches"), (good, "other-fiches")):
        edited.write_text(text, encoding="utf-8")
        _touch_later(edited)
        config = load_config(str(config_file))
        if plugin is None:
            plugin = config.plugins["kennisbank"]
            plugin.on_startup(command="serve", dirty=False)
        plugin.config.fiches = str(tmp_path / fiches)
        if text != good:
            with pytest.raises(wording.WordingError, match=rf"labels\.{key} is missing"):
                plugin.on_config(config)
            continue
        plugin.on_config(config)  # the fixed file passes: no restart needed
        assert plugin.session.fiches_dir == (tmp_path / fiches).resolve()
