"""The web editor's live preview (local mode): the fiche as the form holds it, before saving.

The form's data goes the way a saved file would: through the house-style normaliser (cms_yaml), the
validator (load_collection, with the other fiches of the repository, so duplicate ids and related links
are checked too) and the site's own fiche template with its allowlist (render.fiche_page). So what a
coordinator sees is what the build would make, or the validator's messages in their language — never a
second renderer written for the editor.
"""

from __future__ import annotations

import functools
import json
import re
import tempfile
import threading
from pathlib import Path

from scripts import project as kb_project
from scripts.editor import config as cms_config
from scripts.editor import yaml_writer as cms_yaml
from scripts.fiche import glossary
from scripts.fiche import schema as fiche_schema
from scripts.fiche.collection import FICHE_SUFFIXES, load_collection
from scripts.lang import languages, ui_text
from scripts.site import render, templates, urls
from scripts.site.site_data import SiteData

FICHE_SUFFIX = ".yml"  # what the editor writes (cms_config: extension yml)


@functools.lru_cache(maxsize=1)
def _template_env(config_file: Path):
    """The theme's Jinja environment as the build has it (overrides/ first), loaded once per proxy."""
    from mkdocs.config import load_config

    return templates.template_env(load_config(str(config_file)))


def file_name(path: str, data: dict) -> str:
    """The file the form would be saved as: its own path, or `<id>.yml` for a new fiche."""
    if not isinstance(data, dict):
        raise ValueError("the form's data must be an object")
    name = Path(path).name if path else f"{data.get('id') or 'new'}{FICHE_SUFFIX}"
    # A bare file name: an id such as "/etc/x" or "a/b" must not lead the scratch copy anywhere else.
    if Path(name).name != name or not name.endswith(FICHE_SUFFIX) or name.startswith("."):
        raise ValueError(f"{name}: not a fiche file")
    return name


class Previewer:
    """One per proxy. The form's text goes to a scratch file named as it would be saved; the other fiches
    are read where they are (the validator follows no symbolic link), and its per-file cache spares the
    unchanged ones between previews."""

    def __init__(self, fiches_dir: Path, project: kb_project.Project | None = None):
        self.fiches_dir = fiches_dir
        self.project = project or kb_project.load()  # the pages, templates and languages of the site
        self._scratch = tempfile.TemporaryDirectory(prefix="kb-preview-")
        self._cache: dict = {}
        self._lock = threading.Lock()

    def preview(self, path: str, data: dict) -> dict:
        """{"problems": {lang: [message, …]}} when the validator refuses the form's fiche, else
        {"pages": {lang: {"url": page URL, "html": the fiche page's content}}}."""
        name = file_name(path, data)
        saved = self.fiches_dir / name
        try:
            text = cms_yaml.save(saved.read_text(encoding="utf-8") if saved.is_file() else None, _as_yaml(data))
        except cms_yaml.SaveRefused as refused:  # what a save would refuse: said in the preview pane too
            return {"problems": {lang: [refused.message(lang)] for lang in languages.codes()}}
        collection, own, form = self._check(name, text)
        if own:
            return {"problems": {lang: [worded(p, lang) for p in own] for lang in languages.codes()}}
        with self._lock:
            fiche = next(f for f in collection.fiches if f.path == form)
            entries, glossary_problems = glossary.load_glossary()
            site = SiteData(collection=collection, fiches=sorted(collection.fiches, key=lambda f: f.id),
                            drafts_left_out=0, glossary=entries, glossary_problems=glossary_problems,
                            preview=True, collection_dir=self.fiches_dir)
            env = _template_env(self.project.config_file)
            pages = {}
            for lang in languages.codes():
                url = urls.url_for("fiche", fiche.id, lang)
                pages[lang] = {"url": url, "html": render.fiche_page(site, env, lang, fiche.id, url)}
            return {"pages": pages}


    def _check(self, name: str, text: str):
        """The validator on `text` saved as `name`, with the other fiches: (collection, its own errors, path)."""
        with self._lock:
            form = Path(self._scratch.name) / name
            form.write_text(text, encoding="utf-8")
            others = [p for p in sorted(self.fiches_dir.iterdir()) if p.suffix in FICHE_SUFFIXES and p.name != name]
            collection = load_collection([*others, form], docs_dir=self.project.docs_dir, cache=self._cache)
            form.unlink()
        return collection, [p for p in collection.problems if Path(p.file).name == name and p.severity == "error"], form

    def refusal(self, path: str, text: str, lang: str) -> str | None:
        """The validator's messages, in `lang`, when it refuses the file text about to be saved at `path`."""
        name = Path(path).name
        if not name.endswith(FICHE_SUFFIX):
            return None
        own = self._check(name, text)[1]
        return "; ".join(worded(p, lang) for p in own) if own else None


def worded(problem, lang: str) -> str:
    """A message as the form's user reads it: the form's label of the field, then the validator's path and
    words; no file, line or severity (the form has none of those; validate.py prints them for the file)."""
    text = problem.message_in(lang)
    if not problem.field:
        return text
    label = form_label(problem.field, lang)
    where = f"{label} ({problem.where(lang)})" if label else problem.where(lang)
    return f"{where}{ui_text.t('colon', lang)} {text}"


def form_label(path: str, lang: str) -> str:
    """The label the form shows for the deepest field of a validator path (cms_config.labels), e.g.
    `staffing.roles[0].fte` → the label of `fte`."""
    node, found = fiche_schema.FICHE, ""
    for name in re.findall(r"[^.\[\]]+", path):
        while isinstance(node, fiche_schema.List):
            node = node.item
        field = node.get(name) if isinstance(node, fiche_schema.Obj) else None
        if field is None:
            break
        node = field.node
        found = cms_config.labels(name, node)[lang]
    return found


# Characters JSON leaves as they are but YAML reads differently inside quotes (NEL, U+2028 and U+2029 are line
# breaks there, the other C1 controls are not allowed): written as \u escapes, which JSON and YAML share.
_YAML_BREAKS = re.compile("[\x7f-\x9f\u2028\u2029\ufeff\ufffe\uffff]")


def _as_yaml(data: dict) -> str:
    """The form's data as YAML text for the normaliser (JSON is YAML, once YAML's own line breaks are escaped)."""
    return _YAML_BREAKS.sub(lambda m: f"\\u{ord(m.group()):04x}", json.dumps(data, ensure_ascii=False))
