"""The site's build events: fiches/ → one page per fiche per language, the generated parts of
hand-written pages, open data (fiches.json, CSV), and the search index (Pagefind).

The plugin (scripts/site/plugin.py) calls these with its `Session`, so they run inside `mkdocs build` and
`mkdocs serve` (which also watches the fiches). Invalid fiches stop the build with the validator's own messages.
"""

from __future__ import annotations

import logging
import os
import re
import threading
from pathlib import Path
from urllib.parse import urlsplit
from xml.etree import ElementTree

from mkdocs.exceptions import PluginError
from mkdocs.structure.files import File, Files

from scripts.fiche import json_schema as fiche_jsonschema
from scripts.fiche.problems import format_problems
from scripts.lang import ui_text, wording
from scripts.site import (
    catalogue_text,
    facts,
    feed,
    headings,
    history,
    incremental,
    not_found,
    open_data,
    pages,
    preview_errors,
    render,
    search_data,
    search_index,
    site_data,
    templates,
    urls,
)

log = logging.getLogger("mkdocs.plugin")

PREVIEW_ENV = "KB_PREVIEW"  # mkdocs.yml's override of the plugin's `preview` option
PLACEHOLDER = re.compile(r"<!--\s*kb:([a-z-]+)\s*-->")
BLOCK_ATTRIBUTE = "data-kb-block"  # stash_html's mark, where on_page_content puts a generated part back
BLOCK_MARK = re.compile(rf'<div {BLOCK_ATTRIBUTE}="(\d+)"></div>')


class Session:
    """What one run of the plugin knows: one `mkdocs build` (all languages), or a `mkdocs serve` with its
    rebuilds (the caches are what serving keeps between them). Made by the plugin in on_startup."""

    def __init__(self, fiches_dir: Path, data_dir: Path, preview: bool = False, serving: bool = False,
                 dirty: bool = False, require_history: bool = False, pagefind: Path | None = None) -> None:
        self.fiches_dir = fiches_dir
        self.pagefind = pagefind  # the Pagefind binary (the plugin's `pagefind` option)
        self.require_history = require_history
        self.data_dir = data_dir
        self.serving = serving
        self.preview = serving or preview
        self.dirty = serving and dirty  # `mkdocs serve --dirty` (scripts/serve.sh): rebuild only what changed
        self.site: site_data.SiteData | None = None
        self.blocks: dict[str, list[str]] = {}
        self.not_found: str | None = None  # the default language's 404 page (see on_post_template)
        self.fiche_cache: dict = {}  # serving: each fiche file's validation, kept while the file is unchanged
        self.memo = site_data.FicheMemo()  # serving: what is computed from each fiche file, kept while unchanged
        self.tracker = incremental.Tracker()
        self.fingerprints: dict[str, str] = {}
        self.unindexed: set[str] = set()  # dest_uri of every page left out of the search index (all languages)
        self.envs: dict[int, object] = {}  # the theme's environment with our filters, per theme object
        self.indexer = _Indexer()

    def template_env(self, config):
        key = id(config.theme)
        if key not in self.envs:
            self.envs = {key: templates.template_env(config)}
        return self.envs[key]


def nested_language_build(config) -> bool:
    """static-i18n builds the other languages from inside the first build's post-build."""
    i18n = config.plugins.get("i18n")
    return bool(i18n and i18n.building)


def on_startup(session: Session, project_dir: Path) -> None:
    if session.dirty:
        logging.getLogger("mkdocs.commands.build").addFilter(incremental.DirtyWarning())
    # Reproducible builds: MkDocs dates the sitemap from SOURCE_DATE_EPOCH when set; take the last commit's
    # time, so the same commit builds the same bytes on any day.
    if "SOURCE_DATE_EPOCH" not in os.environ:
        epoch = history.last_commit_epoch(project_dir)
        if epoch:
            os.environ["SOURCE_DATE_EPOCH"] = epoch


def on_serve(session: Session, server, config, builder):
    for folder in (session.fiches_dir, session.data_dir):
        if folder.is_dir():  # a project without data files has no such folder
            server.watch(str(folder))
    return server


def on_files(session: Session, files: Files, config) -> Files:
    if not nested_language_build(config) or session.site is None:
        wording.refresh()  # serving: an edited docs/_data/interface.<lang>.yml is read again
        site = site_data.load(preview=session.preview, fiches_dir=session.fiches_dir,
                              docs_dir=Path(config.docs_dir), tolerant=session.serving,
                              cache=session.fiche_cache if session.serving else None,
                              memo=session.memo if session.serving else None,
                              require_history=session.require_history)
        if not site.ok and not session.serving:
            raise PluginError("invalid fiches, the build stops here:\n" + format_problems(site.problems))
        warnings = [p for p in site.problems if p.severity != "error"]
        if not site.ok:  # serving: the browser shows the messages (preview_errors); INFO, or strict stops
            log.info("invalid fiches, shown in the preview at /bijdragen/fouten/:\n"
                     + format_problems(site.problems))
        elif warnings:
            log.info("fiche warnings:\n" + format_problems(warnings))
        if site.drafts_left_out:
            log.info(f"drafts left out: {site.drafts_left_out}; preview them with `mkdocs serve` "
                     f"or {PREVIEW_ENV}=1")
        session.site = site
        session.unindexed = set()
        if session.dirty:
            # Python modules are not in it: a running server does not reload them (restart it).
            stamp = [Path(config.config_file_path or "mkdocs.yml"), session.data_dir,
                     *(Path(d) for d in config.theme.dirs if "site-packages" not in d)]
            session.tracker.start(incremental.tree_stamp(stamp) + str(sorted(
                f.src_uri for f in files.documentation_pages())))
            session.fingerprints = incremental.page_fingerprints(site, session.fiche_cache)
    # Virtual pages that pretend to live in docs/, so static-i18n pairs them like hand-written ones.
    for src_uri in session.site.page_sources():
        files.append(File.generated(config, src_uri, abs_src_path=str(Path(config.docs_dir) / src_uri)))
    return files


def on_nav(session: Session, nav, config, files):
    for file in files:
        if session.site.is_generated(file.src_uri) and file.abs_src_path and not Path(file.abs_src_path).exists():
            file.content_string = pages.GENERATED_MARK
    session.unindexed |= {file.dest_uri for file in files.documentation_pages()
                        if not search_index.indexed(session.site.page_kind(file.src_uri))}
    if session.dirty:
        session.tracker.mark(files, session.fingerprints, session.site)
    return nav


def on_page_markdown(session: Session, markdown: str, page, config, files) -> str:
    lang = getattr(page.file, "locale", None) or urls.DEFAULT_LANG
    site = session.site
    env = session.template_env(config)
    src_uri = page.file.src_uri

    blocks: list[str] = []

    def fill(match: re.Match) -> str:
        name = match.group(1)
        try:
            rendered = render.render_placeholder(site, env, name, lang, src_uri, page.url)
        except render.UnknownPlaceholder:
            raise PluginError(f"{src_uri}: unknown placeholder <!-- kb:{name} -->") from None
        return stash_html(rendered, blocks)

    markdown = PLACEHOLDER.sub(fill, markdown)
    markdown += site.abbreviations(lang, markdown)
    session.blocks[page.url] = blocks
    if not search_index.indexed(site.page_kind(src_uri)):
        page.meta["kb_search"] = False
    if page.meta.get("kb_search") is False:  # Pagefind need not read it (the whole guide: megabytes)
        session.unindexed.add(page.file.dest_uri)
    page.meta["kb_search_weight"] = search_index.page_weight(site.page_kind(src_uri), page.meta)
    return markdown


def stash_html(rendered: str, blocks: list[str]) -> str:
    """Keep the finished HTML of a generated part away from Markdown: it is inserted whole after Markdown ran
    (on_page_content), so no fiche text is parsed twice and blank lines in templates mean nothing."""
    blocks.append(rendered)
    mark = ElementTree.Element("div", {BLOCK_ATTRIBUTE: str(len(blocks) - 1)})  # an empty raw-HTML block to Markdown
    return "\n\n" + ElementTree.tostring(mark, encoding="unicode", short_empty_elements=False) + "\n\n"


def on_page_content(session: Session, html: str, page, config, files) -> str:
    html = _page_content(session, html, page, config)
    _typeset_toc(page)
    return html


def _typeset_toc(page) -> None:
    """Markdown's toc collapses every whitespace (a no-break space too) in heading names: set them again."""
    lang = getattr(page.file, "locale", None) or urls.DEFAULT_LANG
    stack = list(page.toc or [])
    while stack:
        item = stack.pop()
        item.title = ui_text.typeset(item.title, lang)
        stack.extend(item.children)
    if page.meta.get("title"):
        page.meta["title"] = ui_text.typeset(page.meta["title"], lang)
    if getattr(page, "_title_from_render", None):
        page._title_from_render = ui_text.typeset(page._title_from_render, lang)


def _page_content(session: Session, html: str, page, config) -> str:
    blocks = session.blocks.pop(page.url, [])
    lang = getattr(page.file, "locale", None) or urls.DEFAULT_LANG
    if not session.site.ok and session.site.page_kind(page.file.src_uri) not in ("fiche", "module"):
        # Serving with invalid fiches: the pages built from all data say so and link to the messages (the
        # pages of valid fiches are left as they are, so that breaking one fiche rebuilds only a few pages).
        html = preview_errors.banner_html(session.site.problems, lang, page.url) + html
    toc_config = config.mdx_configs.get("toc", {})
    permalink_title = ui_text.t("permalink_title", lang)
    html = headings.retitle(html, toc_config, permalink_title)
    if not blocks:
        return html
    ours = [bool(headings.OURS.search(block)) for block in blocks]
    heading = session.template_env(config).get_template(headings.TEMPLATE)
    blocks = [headings.finish(block, toc_config, heading, session.site.tooltip_terms(lang), permalink_title)
              for block in blocks]
    html = BLOCK_MARK.sub(lambda m: blocks[int(m.group(1))], html)
    if any(ours):
        page.toc, anchors, title = headings.table_of_contents(html)
        page.present_anchor_ids = (page.present_anchor_ids or set()) | anchors
        if title and session.site.is_generated(page.file.src_uri):
            page.meta["title"] = title  # escaped HTML text, as Material prints it
    return html


def _build_lang(config) -> str:
    return config.theme.get("language") or urls.DEFAULT_LANG


def on_env(session: Session, env, config, files):
    """Theme templates (main.html, 404.html) get the interface wording of the language being built."""
    lang = _build_lang(config)
    env.globals["kb_t"] = lambda key, **values: ui_text.t(key, lang, **values)
    root = urlsplit(config.site_url or "/").path or "/"
    env.globals["kb_root"] = root + urls.lang_prefix(lang)
    env.globals["kb_url"] = lambda kind, key="": root + urls.url_for(kind, key, lang)  # absolute path, any page
    env.globals["kb_search_results"] = search_data.RESULTS_SHOWN
    env.globals["kb_build_date"] = ui_text.date(facts.build_date().isoformat(), lang)  # SOURCE_DATE_EPOCH
    env.globals["kb_not_found"] = lambda: not_found.context(session.site, root, lang)
    env.globals["kb_locale"] = ui_text.locale_tag(lang)  # numbers and dates in the browser (kb-page.js)
    return env


def on_post_template(session: Session, output: str, template_name: str, config) -> str:
    """Each language keeps its own 404 page: the first build's stays at /404.html, every other language's
    goes to /<lang>/404.html (static-i18n builds the languages into one folder, the last one would win)."""
    if template_name != "404.html":
        return output
    lang = _build_lang(config)
    if lang == urls.DEFAULT_LANG:
        session.not_found = output
        return output
    target = Path(config.site_dir) / urls.lang_prefix(lang) / "404.html"
    target.parent.mkdir(parents=True, exist_ok=True)
    target.write_text(output, encoding="utf-8")
    return session.not_found if session.not_found is not None else output


def on_post_page(session: Session, output: str, page, config) -> str:
    """A generated page's Markdown and HTML are not needed once written (nothing reads them later): freeing them
    keeps the build's memory from growing with 9,000 pages held whole until the end. The whole guide too: it
    holds every fiche again."""
    if session.site is not None and (session.site.is_generated(page.file.src_uri) or page.meta.get("kb_guide")):
        page.markdown = None
        page.content = None
    return output


def on_post_build(session: Session, config) -> None:
    site_dir = Path(config.site_dir)
    open_data.write_open_data(session.site.fiches, site_dir,
                              lambda fiche, lang: session.site.fiche_facts(fiche.id, lang), session.site.remembered)
    if session.dirty:
        session.tracker.finish(site_dir)
        session.indexer.run(site_dir, frozenset(session.unindexed), session.pagefind)
    else:
        search_index.build_index(site_dir, session.unindexed, session.pagefind)
    search_data.write(site_dir, session.site.glossary, session.site.fiches, session.site.thesaurus)
    catalogue_text.write(site_dir, session.site)
    schema_file = site_dir / fiche_jsonschema.PATH  # what text editors read while a fiche is typed
    schema_file.parent.mkdir(parents=True, exist_ok=True)
    schema_file.write_text(fiche_jsonschema.text(), encoding="utf-8")
    feed.write_feeds(session.site, site_dir, config.site_url or "/")
    # Material reads sitemap.xml next to each language root named in <link rel="alternate">.
    for lang in urls.LANGS:
        if lang != urls.DEFAULT_LANG and (site_dir / "sitemap.xml").is_file():
            (site_dir / lang / "sitemap.xml").write_bytes((site_dir / "sitemap.xml").read_bytes())


class _Indexer:
    """Serving: Pagefind indexes the preview after the reload, not before it (it reads every page); one run
    at a time, and a build finished meanwhile gets one more run."""

    def __init__(self) -> None:
        self.lock = threading.Lock()
        self.pending: tuple[Path, frozenset[str], Path | None] | None = None
        self.running = False

    def run(self, site_dir: Path, unindexed: frozenset[str], binary: Path | None = None) -> None:
        with self.lock:
            self.pending = (site_dir, unindexed, binary)
            if self.running:
                return
            self.running = True
        threading.Thread(target=self._work, name="pagefind", daemon=True).start()

    def _work(self) -> None:
        while True:
            with self.lock:
                job, self.pending = self.pending, None
                if job is None:
                    self.running = False
                    return
            try:
                search_index.build_index(*job)
            except PluginError as exc:
                log.info(f"preview search index not updated: {exc}")
