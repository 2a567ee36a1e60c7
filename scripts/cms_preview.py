"""The web editor's live preview (local mode): the fiche as the form holds it, before saving.

The form's data goes the way a saved file would: through the house-style normaliser (cms_yaml), the
validator (load_collection, with the other fiches of the repository, so duplicate ids and related links
are checked too) and the site's own fiche template with its allowlist (render.fiche_page). So what a
coordinator sees is what the build would make, or the validator's messages in their language — never a
second renderer written for the editor.
"""

from __future__ import annotations

import dataclasses
import functools
import json
import tempfile
import threading
from pathlib import Path

from scripts import cms_yaml, glossary
from scripts.build import render, urls
from scripts.build.site import SiteData
from scripts.fiche_collection import ROOT, load_collection
from scripts.languages import LANGS

FICHE_SUFFIX = ".yml"


@functools.lru_cache(maxsize=1)
def _template_env():
    """The theme's Jinja environment as the build has it (overrides/ first), loaded once per proxy."""
    from mkdocs.config import load_config

    return render.template_env(load_config(str(ROOT / "mkdocs.yml")))


def file_name(path: str, data: dict) -> str:
    """The file the form would be saved as: its own path, or `<id>.yml` for a new fiche."""
    if not isinstance(data, dict):
        raise ValueError("the form's data must be an object")
    name = Path(path).name if path else f"{data.get('id') or 'new'}{FICHE_SUFFIX}"
    if not name.endswith(FICHE_SUFFIX) or name.startswith("."):
        raise ValueError(f"{name}: not a fiche file")
    return name


class Previewer:
    """One per proxy: a scratch copy of the fiches folder (links to the files, the form's fiche as text) that
    stays between previews, so the validator's per-file cache spares the unchanged fiches."""

    def __init__(self, fiches_dir: Path):
        self.fiches_dir = fiches_dir
        self._scratch = tempfile.TemporaryDirectory(prefix="kb-preview-")
        self.folder = Path(self._scratch.name) / fiches_dir.name
        self.folder.mkdir()
        self._cache: dict = {}
        self._lock = threading.Lock()

    def preview(self, path: str, data: dict) -> dict:
        """{"problems": {lang: [message, …]}} when the validator refuses the form's fiche, else
        {"pages": {lang: {"url": page URL, "html": the fiche page's content}}}."""
        name = file_name(path, data)
        saved = self.fiches_dir / name
        text = cms_yaml.save(saved.read_text(encoding="utf-8") if saved.is_file() else None, _as_yaml(data))
        with self._lock:
            self._mirror(name, text)
            collection = load_collection([self.folder], docs_dir=ROOT / "docs", cache=self._cache)
            shown_as = f"{self.fiches_dir.name}/{name}"  # the file as it would be saved, not the scratch copy
            own = [dataclasses.replace(p, file=shown_as) for p in collection.problems
                   if Path(p.file).name == name and p.severity == "error"]
            if own:
                return {"problems": {lang: [p.format(lang) for p in own] for lang in LANGS}}
            fiche = next(f for f in collection.fiches if f.path.name == name)
            entries, glossary_problems = glossary.load_glossary()
            site = SiteData(collection=collection, fiches=sorted(collection.fiches, key=lambda f: f.id),
                            drafts_left_out=0, glossary=entries, glossary_problems=glossary_problems,
                            preview=True, collection_dir=self.folder)
            env = _template_env()
            pages = {}
            for lang in LANGS:
                url = urls.url_for("fiche", fiche.id, lang)
                pages[lang] = {"url": url, "html": render.fiche_page(site, env, lang, fiche.id, url)}
            return {"pages": pages}

    def _mirror(self, name: str, text: str) -> None:
        """The scratch folder = the repository's fiches, with the form's text in place of its file."""
        wanted = {p.name: p.resolve() for p in self.fiches_dir.glob(f"*{FICHE_SUFFIX}") if p.name != name}
        for present in self.folder.iterdir():
            if present.name not in wanted or present.name == name:
                present.unlink()
        for other, target in wanted.items():
            link = self.folder / other
            if not link.is_symlink():
                link.symlink_to(target)
        (self.folder / name).write_text(text, encoding="utf-8")


def _as_yaml(data: dict) -> str:
    """The form's data as YAML text for the normaliser (JSON is YAML)."""
    return json.dumps(data, ensure_ascii=False)
