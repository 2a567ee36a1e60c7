"""The project as the commands that run without MkDocs see it (validate, new_fiche, translation_status, the
editor's proxy): the same mkdocs.yml the plugin is configured from, read by one function.

MkDocs hands the plugin its options (scripts/site/plugin.py); a command reads them here instead, so both agree on
the fiche folder, the pages and the languages, overrides from the environment (mkdocs.yml's `!ENV`) included."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from scripts.lang import languages


@dataclass(frozen=True)
class Project:
    config_file: Path
    fiches_dir: Path
    docs_dir: Path
    languages: languages.Languages


def load(config_file: Path | None = None) -> Project:
    """Read mkdocs.yml (the working folder's, else this checkout's) and put its languages in use."""
    config_file = Path(config_file or languages.default_config_file()).resolve()
    data = languages.read_mkdocs_yml(config_file)
    own = languages.plugin_options(data, languages.PLUGIN) or {}
    root = config_file.parent
    project = Project(config_file=config_file, fiches_dir=(root / (own.get("fiches") or "fiches")).resolve(),
                      docs_dir=(root / (data.get("docs_dir") or "docs")).resolve(),
                      languages=languages.from_mkdocs_yml(config_file))
    languages.use(project.languages)
    return project
