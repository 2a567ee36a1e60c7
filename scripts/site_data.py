"""Everything the build shows that comes from data: fiches, themes, catalogue, figures, glossary, schema.

The hook asks this module which pages to generate and for the Markdown of each
placeholder; Python gathers the data, templates in overrides/partials decide markup.
"""

from __future__ import annotations

import gzip
import json
import subprocess
from dataclasses import dataclass, field
from pathlib import Path

import catalogue
import charts
import fiche_schema as s
import fiche_view
import modules as mod
import richtext
import schema_doc
import translation_status
import ui_text
import yaml
from fiche_collection import FICHES_DIR, ROOT, Collection, Fiche, load_collection, total_fte
from mkdocs.exceptions import PluginError
from mkdocs.utils import get_relative_url

LANGS = s.LANGS
DEFAULT_LANG = "nl"
DATA_DIR = ROOT / "docs" / "_data"
GLOSSARY_FILE = DATA_DIR / "glossary.yml"
FICHE_DIR = "fiches"
THEME_DIR = "themas"
GENERATED_MARK = "<!-- kb:generated -->\n"
TRANSLATION_STATUS_PAGE = "bijdragen/vertaalstatus.md"


class UnknownPlaceholder(KeyError):
    pass


def site_url(path: str, lang: str) -> str:
    """Site-root-relative URL of a page in a language (default language at the root)."""
    return path if lang == DEFAULT_LANG else f"{lang}/{path}"


def fiche_url(fiche_id: str, lang: str) -> str:
    return site_url(f"{FICHE_DIR}/{fiche_id}/", lang)


def strip_lang(src_uri: str) -> str:
    """`fiches/x.nl.md` → `fiches/x.md` (static-i18n already strips it on its own File objects)."""
    for lang in LANGS:
        if src_uri.endswith(f".{lang}.md"):
            return src_uri[: -len(lang) - 4] + ".md"
    return src_uri


@dataclass
class SiteData:
    collection: Collection
    fiches: list[Fiche]
    drafts_left_out: int
    glossary: list[dict]
    preview: bool
    history: dict = field(default_factory=dict)
    collection_dir: Path = ROOT / "fiches"
    _views: dict = field(default_factory=dict)
    _items: dict = field(default_factory=dict)
    _module_items: dict = field(default_factory=dict)
    _modules: list | None = None
    _pages: dict | None = None
    _by_id: dict | None = None
    _module_by_key: dict | None = None
    _related: dict | None = None

    # -- generated pages --------------------------------------------------------------
    def generated_pages(self) -> dict[str, tuple[str, str]]:
        """Language-free source path → (kind, key) of every page the build makes from data."""
        if self._pages is not None:
            return self._pages
        pages = {f"{FICHE_DIR}/{f.id}.md": ("fiche", f.id) for f in self.fiches}
        pages.update({f"{module.path[:-1]}.md": ("module", module.key) for module in self.modules()})
        pages.update({f"{THEME_DIR}/{code}.md": ("theme", code) for code in s.THEMES})
        if self.preview:  # the translators' overview exists only in the preview build
            pages[TRANSLATION_STATUS_PAGE] = ("translation-status", "")
        self._pages = pages
        return pages

    def modules(self) -> list:
        if self._modules is None:
            self._modules = mod.all_modules(self.fiches)
        return self._modules

    def related_modules(self) -> dict[str, list[str]]:
        if self._related is None:
            self._related = mod.related_modules(self.modules())
        return self._related

    def module_items(self, lang: str) -> list[dict]:
        if lang not in self._module_items:
            items = [mod.module_item(m, lang) for m in self.modules()]
            self._module_items[lang] = sorted(items, key=lambda i: (i["title"].lower(), i["id"]))
        return self._module_items[lang]

    def page_sources(self) -> list[str]:
        return [path[:-3] + f".{lang}.md" for path in self.generated_pages() for lang in LANGS]

    def page_kind(self, src_uri: str) -> str | None:
        found = self.generated_pages().get(strip_lang(src_uri))
        return found[0] if found else None

    def is_generated(self, src_uri: str) -> bool:
        return strip_lang(src_uri) in self.generated_pages()

    def by_id(self) -> dict[str, Fiche]:
        if self._by_id is None:
            self._by_id = {f.id: f for f in self.fiches}
        return self._by_id

    # -- shared lookups ---------------------------------------------------------------
    def glossary_terms(self, lang: str) -> dict[str, str]:
        return {entry[lang]["term"]: entry[lang]["expansion"] for entry in self.glossary}

    def tooltip_terms(self, lang: str) -> dict[str, str]:
        """Glossary terms shown as tooltips: the abbreviations (OCMW, VTE, LOI, K&G …), not ordinary words
        such as "nieuwkomers", which would underline half of every page; those stay on the glossary page."""
        return {term: expansion for term, expansion in self.glossary_terms(lang).items() if term.upper() == term}

    def abbreviations(self, lang: str, markdown: str | None = None) -> str:
        """Abbreviation definitions for Markdown's abbr extension, only for terms the text uses."""
        lines = [f"*[{term}]: {expansion}" for term, expansion in self.tooltip_terms(lang).items()
                 if markdown is None or term in markdown]
        return "\n\n" + "\n".join(lines) + "\n" if lines else ""

    def view(self, fiche: Fiche, lang: str) -> dict:
        key = (fiche.id, lang)
        if key not in self._views:
            self._views[key] = fiche_view.fiche_view(fiche.data, lang, self.tooltip_terms(lang))
        return self._views[key]

    def items(self, lang: str) -> list[dict]:
        if lang not in self._items:
            items = [catalogue.catalogue_item(f, lang) for f in self.fiches]
            self._items[lang] = sorted(items, key=lambda i: (i["title"].lower(), i["id"]))
        return self._items[lang]

    # -- placeholders -----------------------------------------------------------------
    def render_placeholder(self, env, name: str, lang: str, src_uri: str, page_url: str) -> str:
        renderers = {
            "generated": self._render_generated,
            "catalogue": self._render_catalogue,
            "module-catalogue": self._render_module_catalogue,
            "competence-overview": self._render_competence_overview,
            "compare": self._render_compare,
            "figures": self._render_figures,
            "recent-fiches": self._render_recent,
            "glossary": self._render_glossary,
            "schema": self._render_schema,
        }
        if name not in renderers:
            raise UnknownPlaceholder(name)
        return renderers[name](env, lang, src_uri, page_url)

    def _context(self, lang: str, page_url: str, **extra) -> dict:
        ctx = {
            "lang": lang,
            "t": lambda key, **kw: ui_text.t(key, lang, **kw),
            "number": lambda value: ui_text.number(value, lang),
            "date": lambda value: ui_text.date(value, lang),
            "tn": lambda key, n, **kw: ui_text.plural(key, n, lang, **kw),
            "href": lambda path: get_relative_url(site_url(path, lang), page_url),
            "root": lambda path: get_relative_url(path, page_url),
        }
        ctx.update(extra)
        return ctx

    def _render_generated(self, env, lang: str, src_uri: str, page_url: str) -> str:
        kind, key = self.generated_pages()[strip_lang(src_uri)]
        if kind == "theme":
            items = [i for i in self.items(lang) if key in i["codes"]["theme"]]
            ctx = self._context(lang, page_url, theme=s.THEMES[key][lang], items=items)
            return env.get_template("partials/kb-theme.html").render(ctx)
        if kind == "module":
            return self._render_module(env, lang, key, page_url)
        if kind == "translation-status":
            records = translation_status.report(self.collection_dir, ROOT / "docs")
            return env.get_template("partials/kb-translation-status.html").render(
                self._context(lang, page_url, records=records))
        fiche = self.by_id()[key]
        by_id = self.by_id()
        related = [{"label": f"{richtext.plain(by_id[r].data['title'][lang])} – "
                             f"{richtext.plain(by_id[r].data['organisation']['name'][lang])}",
                    "href": f"{r}.md"}
                   for r in fiche.data.get("related", []) if r in by_id]
        links = [{"label": richtext.plain(link["label"][lang]), "href": f"../{link['page']}"}
                 for link in fiche.data.get("see_also", [])]
        ctx = self._context(lang, page_url, f=self.view(fiche, lang), raw=fiche.data, draft=fiche.is_draft,
                            related=related, links=links, history=self.history.get(fiche.id, []),
                            max_hours=catalogue.max_weekly_hours(fiche.data),
                            intensity=lambda module, setup: fiche_view.intensity_summary(module, setup, lang))
        return env.get_template("partials/kb-fiche.html").render(ctx)

    def _render_module(self, env, lang: str, key: str, page_url: str) -> str:
        if self._module_by_key is None:
            self._module_by_key = {m.key: m for m in self.modules()}
        module = self._module_by_key[key]
        fiche = module.fiche
        view = self.view(fiche, lang)
        index = fiche.data["modules"].index(module.data)
        items = self._module_item_index(lang)
        related = [items[other] for other in self.related_modules().get(key, [])]
        ctx = self._context(lang, page_url, m=view["modules"][index], raw_setup=module.data.get("setup", {}),
                            f=view, raw=fiche.data, item=items[key], related=related,
                            intensity=lambda m, setup: fiche_view.intensity_summary(m, setup, lang))
        return env.get_template("partials/kb-module.html").render(ctx)

    def _module_item_index(self, lang: str) -> dict[str, dict]:
        key = f"index-{lang}"
        if key not in self._module_items:
            self._module_items[key] = {i["id"]: i for i in self.module_items(lang)}
        return self._module_items[key]

    def _render_module_catalogue(self, env, lang: str, src_uri: str, page_url: str) -> str:
        items = self.module_items(lang)
        facets = []
        for key, label, values in mod.MODULE_FACETS:
            counts = {code: sum(code in i["codes"][key] for i in items) for code in values}
            options = [{"code": c, "label": v[lang], "count": counts[c]} for c, v in values.items() if counts[c]]
            if options:
                facets.append({"key": key, "label": ui_text.t(label, lang), "options": options})
        ctx = self._context(lang, page_url, items=items, facets=facets)
        return env.get_template("partials/kb-module-catalogue.html").render(ctx)

    def _render_competence_overview(self, env, lang: str, src_uri: str, page_url: str) -> str:
        ctx = self._context(lang, page_url, items=self.module_items(lang))
        return env.get_template("partials/kb-competences.html").render(ctx)

    def _render_catalogue(self, env, lang: str, src_uri: str, page_url: str) -> str:
        items = self.items(lang)
        ctx = self._context(lang, page_url, items=items, facets=catalogue.facet_options(items, lang),
                            themes=[(code, labels[lang]) for code, labels in s.THEMES.items()])
        return env.get_template("partials/kb-catalogue.html").render(ctx)

    def _render_compare(self, env, lang: str, src_uri: str, page_url: str) -> str:
        ctx = self._context(lang, page_url, items=self.items(lang))
        return env.get_template("partials/kb-compare.html").render(ctx)

    def _render_figures(self, env, lang: str, src_uri: str, page_url: str) -> str:
        t = ui_text.t
        href = self._context(lang, page_url)["href"]
        items = self.items(lang)
        fte = sorted(items, key=lambda i: (-(i["total_fte"] or 0), i["title"]))
        hours = sorted(items, key=lambda i: (-(i["max_weekly_hours"] or 0), i["title"]))
        bar = lambda i, key: {"label": i["title"], "value": i[key], "href": href(f"{FICHE_DIR}/{i['id']}/")}  # noqa: E731
        places = []
        for fiche in self.fiches:
            if "coordinates" in fiche.data:
                item = next(i for i in items if i["id"] == fiche.id)
                places.append({"label": f"{item['title']} – {item['municipality']}", "short": item["municipality"],
                               "lon": fiche.data["coordinates"]["lon"], "lat": fiche.data["coordinates"]["lat"],
                               "href": href(f"{FICHE_DIR}/{fiche.id}/")})
        ctx = self._context(
            lang, page_url, fte=fte, hours=hours, places=places,
            fte_chart=charts.bar_chart("chart-fte", t("chart_fte_title", lang), t("chart_fte_desc", lang),
                                       [bar(i, "total_fte") for i in fte], t("fte", lang), lang),
            fte_chart_narrow=charts.bar_chart("chart-fte-narrow", t("chart_fte_title", lang), t("chart_fte_desc", lang),
                                              [bar(i, "total_fte") for i in fte], t("fte", lang), lang, narrow=True),
            fte_missing=[i["title"] for i in fte if i["total_fte"] is None],
            hours_chart=charts.bar_chart("chart-hours", t("chart_hours_title", lang), t("chart_hours_desc", lang),
                                         [bar(i, "max_weekly_hours") for i in hours], t("hours_unit", lang), lang),
            hours_chart_narrow=charts.bar_chart("chart-hours-narrow", t("chart_hours_title", lang),
                                                t("chart_hours_desc", lang),
                                                [bar(i, "max_weekly_hours") for i in hours],
                                                t("hours_unit", lang), lang, narrow=True),
            hours_missing=[i["title"] for i in hours if i["max_weekly_hours"] is None],
            map=charts.belgium_map("map", t("map_title", lang), t("map_desc", lang), places))
        return env.get_template("partials/kb-figures.html").render(ctx)

    def _render_recent(self, env, lang: str, src_uri: str, page_url: str) -> str:
        recent = sorted(self.items(lang), key=lambda i: (i["last_reviewed"], i["id"]), reverse=True)[:5]
        return env.get_template("partials/kb-recent.html").render(self._context(lang, page_url, items=recent))

    def _render_glossary(self, env, lang: str, src_uri: str, page_url: str) -> str:
        other = next(code for code in LANGS if code != lang)
        entries = sorted(self.glossary, key=lambda e: e[lang]["term"].lower())
        ctx = self._context(lang, page_url, other=other, entries=[{
            "id": e["id"], "term": e[lang]["term"], "expansion": e[lang]["expansion"],
            "other": e[other]["term"], "definition": richtext.to_inline_html(e[lang]["definition"]),
        } for e in entries])
        return env.get_template("partials/kb-glossary.html").render(ctx)

    def _render_schema(self, env, lang: str, src_uri: str, page_url: str) -> str:
        return env.get_template("partials/kb-schema.html").render(
            self._context(lang, page_url, rows=schema_doc.rows(lang)))

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
        for lang in LANGS:
            lang_dir = site_dir if lang == DEFAULT_LANG else site_dir / lang
            rows = [catalogue.csv_row(f, lang, fiche_url(f.id, lang))
                    for f in sorted(self.fiches, key=lambda f: f.id)]
            (lang_dir / "fiches.csv").write_bytes(catalogue.to_csv(rows, lang))
            for fiche in self.fiches:
                target = lang_dir / FICHE_DIR / fiche.id / "data.json"
                target.parent.mkdir(parents=True, exist_ok=True)
                data = catalogue.compare_data(fiche, lang, get_relative_url(fiche_url(fiche.id, lang),
                                                                            site_url(f"{FICHE_DIR}/vergelijk/", lang)))
                target.write_text(json.dumps(data, ensure_ascii=False, sort_keys=True, separators=(",", ":")),
                                  encoding="utf-8")


def catalogue_size(site_dir: Path, lang: str) -> int:
    """Gzip size of the catalogue page, which carries all catalogue data (used by the benchmark)."""
    page = (site_dir if lang == DEFAULT_LANG else site_dir / lang) / FICHE_DIR / "index.html"
    return len(gzip.compress(page.read_bytes(), mtime=0))


def load(preview: bool, docs_dir: Path | None = None) -> SiteData:
    collection = load_collection(docs_dir=docs_dir or ROOT / "docs")
    fiches = sorted(collection.fiches, key=lambda f: f.id)
    drafts = [f for f in fiches if f.is_draft]
    if not preview:
        fiches = [f for f in fiches if not f.is_draft]
        published = {f.id for f in fiches}
        for fiche in fiches:  # a published fiche must not link to a draft that is left out
            fiche.data["related"] = [r for r in fiche.data.get("related", []) if r in published]
    return SiteData(collection=collection, fiches=fiches, drafts_left_out=0 if preview else len(drafts),
                    glossary=load_glossary(), preview=preview, history=load_history(fiches),
                    collection_dir=FICHES_DIR)


def last_commit_epoch() -> str | None:
    try:
        result = subprocess.run(["git", "log", "-1", "--format=%ct"], cwd=ROOT, capture_output=True, text=True,
                                timeout=30, check=False)
    except (OSError, subprocess.SubprocessError):
        return None
    value = result.stdout.strip()
    return value if result.returncode == 0 and value.isdigit() else None


def load_history(fiches: list[Fiche], limit: int = 10) -> dict[str, list[dict]]:
    """Each fiche's change history from git (date and message), newest first; empty outside a git checkout.

    Comes from the repository, not the clock, so the same commit always builds the same page."""
    if not fiches:
        return {}
    folder = fiches[0].path.parent
    try:
        result = subprocess.run(["git", "log", "--format=@@%cs %s", "--name-only", "--", "."], cwd=folder,
                                capture_output=True, text=True, timeout=60, check=False)
    except (OSError, subprocess.SubprocessError):
        return {}
    if result.returncode != 0:
        return {}
    wanted = {f.path.name: f.id for f in fiches}
    history: dict[str, list[dict]] = {}
    entry = None
    for line in result.stdout.splitlines():
        if line.startswith("@@"):
            date, _, subject = line[2:].partition(" ")
            entry = {"date": date, "subject": subject}
        elif line.strip() and entry is not None:
            fiche_id = wanted.get(Path(line.strip()).name)
            if fiche_id and len(history.setdefault(fiche_id, [])) < limit:
                history[fiche_id].append(entry)
    return history


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
        env.filters["attr_list"] = lambda values: " ".join(values)
        _ENVS.clear()
        _ENVS[key] = env
    return _ENVS[key]
