"""Everything the build shows that comes from data: fiches, glossary, schema.

The hook asks this module for page sources and for the Markdown of each
placeholder; Python gathers the data, templates in overrides/partials decide markup.
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from pathlib import Path

import fiche_schema as s
import fiche_view
import richtext
import schema_doc
import ui_text
import yaml
from fiche_collection import ROOT, Collection, Fiche, load_collection, total_fte
from mkdocs.exceptions import PluginError
from mkdocs.utils import get_relative_url

LANGS = s.LANGS
DEFAULT_LANG = "nl"
DATA_DIR = ROOT / "docs" / "_data"
GLOSSARY_FILE = DATA_DIR / "glossary.yml"
FICHE_PREFIX = "fiches/"


class UnknownPlaceholder(KeyError):
    pass


def fiche_page_source(fiche_id: str, lang: str) -> str:
    return f"{FICHE_PREFIX}{fiche_id}.{lang}.md"


def fiche_id_of(src_uri: str) -> str | None:
    """The fiche id of a generated page source (either `fiches/x.nl.md` or, after static-i18n, `fiches/x.md`)."""
    if not src_uri.startswith(FICHE_PREFIX) or src_uri.count("/") != 1:
        return None
    stem = src_uri[len(FICHE_PREFIX):-len(".md")] if src_uri.endswith(".md") else None
    if not stem:
        return None
    for lang in LANGS:
        if stem.endswith(f".{lang}"):
            stem = stem[: -len(lang) - 1]
    return None if stem == "index" else stem


def site_url(path: str, lang: str) -> str:
    """Site-root-relative URL of a page in a language (default language at the root)."""
    return path if lang == DEFAULT_LANG else f"{lang}/{path}"


def fiche_url(fiche_id: str, lang: str) -> str:
    return site_url(f"{FICHE_PREFIX}{fiche_id}/", lang)


@dataclass
class SiteData:
    collection: Collection
    fiches: list[Fiche]
    drafts_left_out: int
    glossary: list[dict]
    preview: bool
    _views: dict = field(default_factory=dict)

    # -- what gets built --------------------------------------------------------------
    def page_sources(self) -> list[str]:
        return [fiche_page_source(f.id, lang) for f in self.fiches for lang in LANGS]

    def by_id(self) -> dict[str, Fiche]:
        return {f.id: f for f in self.fiches}

    def glossary_terms(self, lang: str) -> dict[str, str]:
        return {entry[lang]["term"]: entry[lang]["expansion"] for entry in self.glossary}

    def abbreviations(self, lang: str) -> str:
        lines = [f"*[{term}]: {expansion}" for term, expansion in self.glossary_terms(lang).items()]
        return "\n\n" + "\n".join(lines) + "\n" if lines else ""

    def view(self, fiche: Fiche, lang: str) -> dict:
        key = (fiche.id, lang)
        if key not in self._views:
            self._views[key] = fiche_view.fiche_view(fiche.data, lang, self.glossary_terms(lang))
        return self._views[key]

    # -- placeholders -----------------------------------------------------------------
    def render_placeholder(self, env, name: str, lang: str, src_uri: str, page_url: str) -> str:
        renderers = {
            "fiche": self._render_fiche,
            "catalogue": self._render_catalogue,
            "recent-fiches": self._render_recent,
            "glossary": self._render_glossary,
            "schema": self._render_schema,
        }
        if name not in renderers:
            raise UnknownPlaceholder(name)
        return renderers[name](env, lang, src_uri, page_url)

    def _context(self, env, lang: str, page_url: str) -> dict:
        return {
            "lang": lang,
            "t": lambda key, **kw: ui_text.t(key, lang, **kw),
            "number": lambda value: ui_text.number(value, lang),
            "date": lambda value: ui_text.date(value, lang),
            "href": lambda path: get_relative_url(site_url(path, lang), page_url),
            "root": lambda path: get_relative_url(path, page_url),
        }

    def _render_fiche(self, env, lang: str, src_uri: str, page_url: str) -> str:
        fiche_id = fiche_id_of(src_uri)
        fiche = self.by_id().get(fiche_id)
        if fiche is None:
            raise PluginError(f"{src_uri}: no fiche {fiche_id!r}")
        by_id = self.by_id()
        related = [{"label": f"{richtext.plain(by_id[r].data['title'][lang])} – "
                             f"{richtext.plain(by_id[r].data['organisation']['name'][lang])}",
                    "href": f"{r}.md"}
                   for r in fiche.data.get("related", []) if r in by_id]
        links = [{"label": richtext.plain(link["label"][lang]), "href": f"../{link['page']}"}
                 for link in fiche.data.get("see_also", [])]
        ctx = self._context(env, lang, page_url)
        ctx.update(f=self.view(fiche, lang), raw=fiche.data, draft=fiche.is_draft, related=related, links=links,
                   intensity=lambda module, setup: fiche_view.intensity_summary(module, setup, lang))
        return env.get_template("partials/kb-fiche.html").render(ctx)

    def catalogue_rows(self, lang: str) -> list[dict]:
        rows = []
        for fiche in sorted(self.fiches, key=lambda f: richtext.plain(f.data["title"][lang]).lower()):
            data = fiche.data
            view = self.view(fiche, lang)
            rows.append({
                "id": fiche.id,
                "title": view["title_plain"],
                "organisation": view["organisation"]["name"],
                "municipality": view["municipality"],
                "region": view["region"],
                "themes": view["themes"],
                "summary": view["summary"],
                "total_fte": data and total_fte(data),
                "period": data.get("period"),
                "draft": fiche.is_draft,
                "path": f"{FICHE_PREFIX}{fiche.id}/",
            })
        return rows

    def _render_catalogue(self, env, lang: str, src_uri: str, page_url: str) -> str:
        ctx = self._context(env, lang, page_url)
        ctx.update(rows=self.catalogue_rows(lang))
        return env.get_template("partials/kb-catalogue.html").render(ctx)

    def _render_recent(self, env, lang: str, src_uri: str, page_url: str) -> str:
        recent = sorted(self.fiches, key=lambda f: (f.data["last_reviewed"], f.id), reverse=True)[:5]
        rows = [r for r in self.catalogue_rows(lang) if r["id"] in {f.id for f in recent}]
        rows.sort(key=lambda r: (self.by_id()[r["id"]].data["last_reviewed"], r["id"]), reverse=True)
        ctx = self._context(env, lang, page_url)
        ctx.update(rows=rows, reviewed={f.id: f.data["last_reviewed"] for f in recent})
        return env.get_template("partials/kb-recent.html").render(ctx)

    def _render_glossary(self, env, lang: str, src_uri: str, page_url: str) -> str:
        other = next(code for code in LANGS if code != lang)
        entries = sorted(self.glossary, key=lambda e: e[lang]["term"].lower())
        ctx = self._context(env, lang, page_url)
        ctx.update(entries=[{
            "id": e["id"], "term": e[lang]["term"], "expansion": e[lang]["expansion"],
            "other": e[other]["term"], "definition": richtext.to_inline_html(e[lang]["definition"]),
        } for e in entries])
        return env.get_template("partials/kb-glossary.html").render(ctx)

    def _render_schema(self, env, lang: str, src_uri: str, page_url: str) -> str:
        ctx = self._context(env, lang, page_url)
        ctx.update(rows=schema_doc.rows(lang))
        return env.get_template("partials/kb-schema.html").render(ctx)

    # -- open data --------------------------------------------------------------------
    def fiches_json(self) -> dict:
        items = []
        for fiche in sorted(self.fiches, key=lambda f: f.id):
            item = dict(fiche.data)
            item["total_fte"] = total_fte(fiche.data)
            item["url"] = {lang: fiche_url(fiche.id, lang) for lang in LANGS}
            items.append(item)
        return {"count": len(items), "languages": list(LANGS), "fiches": items}

    def write_open_data(self, site_dir: Path) -> None:
        payload = json.dumps(self.fiches_json(), ensure_ascii=False, indent=1, sort_keys=True)
        (site_dir / "fiches.json").write_text(payload + "\n", encoding="utf-8")


def load(preview: bool, docs_dir: Path | None = None) -> SiteData:
    collection = load_collection(docs_dir=docs_dir or ROOT / "docs")
    fiches = sorted(collection.fiches, key=lambda f: f.id)
    drafts = [f for f in fiches if f.is_draft]
    if not preview:
        fiches = [f for f in fiches if not f.is_draft]
    if not preview:
        published = {f.id for f in fiches}
        for fiche in fiches:  # a published fiche must not link to a draft that is left out
            fiche.data["related"] = [r for r in fiche.data.get("related", []) if r in published]
    return SiteData(collection=collection, fiches=fiches, drafts_left_out=0 if preview else len(drafts),
                    glossary=load_glossary(), preview=preview)


def load_glossary(path: Path = GLOSSARY_FILE) -> list[dict]:
    if not path.is_file():
        return []
    try:
        entries = yaml.safe_load(path.read_text(encoding="utf-8")) or []
    except yaml.YAMLError as exc:
        raise PluginError(f"{path}: invalid YAML: {exc}") from None
    if not isinstance(entries, list):
        raise PluginError(f"{path}: the glossary is a list of entries")
    for index, entry in enumerate(entries):
        for lang in LANGS:
            part = entry.get(lang) if isinstance(entry, dict) else None
            if not isinstance(part, dict) or not all(
                    isinstance(part.get(k), str) and part.get(k).strip() for k in ("term", "expansion", "definition")):
                raise PluginError(f"{path}: entry {index} ({entry.get('id') if isinstance(entry, dict) else '?'}) "
                                  f"needs {lang}.term, {lang}.expansion and {lang}.definition")
    return entries


_ENVS: dict[int, object] = {}


def template_env(config):
    """The theme's Jinja environment (so overrides/ wins), with autoescaping on for fiche data."""
    key = id(config.theme)
    if key not in _ENVS:
        env = config.theme.get_env().overlay(autoescape=True)
        env.filters["li"] = fiche_view.list_item
        env.filters["mdlink"] = lambda text: str(text).replace("[", "\\[").replace("]", "\\]")
        _ENVS.clear()
        _ENVS[key] = env
    return _ENVS[key]
