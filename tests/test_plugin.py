"""The site is an installed MkDocs plugin configured in mkdocs.yml, and the suite builds it in its own process.

build_site (conftest.py) loads a configuration and runs MkDocs' build in this process: strict must still stop a
build on a warning, as `mkdocs build --strict` does, and one build's state must not reach the next (MkDocs keeps
one instance of the plugin per process)."""

from __future__ import annotations

import shutil
from importlib.metadata import entry_points

from conftest import ROOT, build_site, fixture_project, plugin_options, read_config

from scripts.site.plugin import KennisbankPlugin

VALID = ROOT / "tests" / "fixtures" / "valid"


def _fiches(tmp_path, *names: str):
    folder = tmp_path / "fiches"
    folder.mkdir()
    for name in names:
        shutil.copy(VALID / name, folder / name)
    return folder


def test_the_plugin_is_installed_and_mkdocs_yml_names_it_after_i18n():
    found = [e for e in entry_points(group="mkdocs.plugins") if e.name == "kennisbank"]
    assert [e.load() for e in found] == [KennisbankPlugin], "pip install -e . registers the plugin"
    config = read_config(ROOT / "mkdocs.yml")
    names = [next(iter(entry)) if isinstance(entry, dict) else entry for entry in config["plugins"]]
    assert names.index("kennisbank") > names.index("i18n")
    assert "hooks" not in config
    assert plugin_options(config, "kennisbank")["data"] == "docs/_data"


def test_strict_stops_an_in_process_build_on_a_warning(tmp_path):
    config = fixture_project(tmp_path / "project")
    page = tmp_path / "project" / "docs" / "index.nl.md"
    page.write_text(page.read_text(encoding="utf-8") + "\n[nergens](bestaat-niet.md)\n", encoding="utf-8")
    result = build_site(tmp_path / "site", fiches_dir=_fiches(tmp_path, "minimal.yml"), config=config)
    assert result.returncode == 1, result.stderr[-2000:]
    assert "bestaat-niet.md" in result.stderr and "in strict mode" in result.stderr
    assert "Traceback" not in result.stderr


def test_one_build_leaves_nothing_to_the_next(tmp_path):
    """A preview build shows a draft; a public build right after it, in the same process, does not."""
    fiches = _fiches(tmp_path, "minimal.yml")
    draft = (VALID / "minimal.yml").read_text(encoding="utf-8").replace("id: minimal\n", "id: minimal-concept\n", 1)
    draft = draft.replace("status: published\n", "status: draft\n", 1)
    assert "id: minimal-concept" in draft and "status: draft" in draft
    (fiches / "minimal-concept.yml").write_text(draft, encoding="utf-8")
    config = fixture_project(tmp_path / "project")
    preview = build_site(tmp_path / "preview", fiches_dir=fiches, config=config, preview=True)
    assert preview.returncode == 0, preview.stderr[-2000:]
    assert (tmp_path / "preview" / "fiches" / "minimal-concept" / "index.html").is_file()
    public = build_site(tmp_path / "public", fiches_dir=fiches, config=config)
    assert public.returncode == 0, public.stderr[-2000:]
    assert (tmp_path / "public" / "fiches" / "minimal" / "index.html").is_file()
    assert not (tmp_path / "public" / "fiches" / "minimal-concept").exists()
    assert "minimal-concept" not in (tmp_path / "public" / "fiches.json").read_text(encoding="utf-8")
