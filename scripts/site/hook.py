"""MkDocs hooks: fiches/ → one page per fiche per language, the generated parts of
hand-written pages, open data (fiches.json, CSV), and the search index (Pagefind).

Registered under `hooks:` in mkdocs.yml, so it runs inside `mkdocs build` and
`mkdocs serve` (which also watches fiches/). Invalid fiches stop the build with
the validator's own messages.
"""

from __future__ import annotations

import logging
import os
import re
import threading
from pathlib import Path
from urllib.parse import urlsplit

from mkdocs.exceptions import PluginError
from mkdocs.plugins import event_priority
from mkdocs.structure.files import File, Files

from scripts.fiche import json_schema as fiche_jsonschema
from scripts.lang import ui_text
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
    urls,
)
from scripts.site import site_data
from scripts.fiche.collection import FICHES_DIR
from scripts.fiche.problems import format_problems

log = logging.getLogger("mkdocs.plugin")

PREVIEW_ENV = "KB_PREVIEW"
PLACEHOLDER = re.compile(r"<!--\s*kb:([a-z-]+)\s*-->")
BLOCK_MARK = re.compile(r'<div data-kb-block="(\d+)"></div>')


class State:
    """What the current `mkdocs build` (all languages) knows."""

    serving = False
    site: site_data.SiteData | None = None
    blocks: dict[str, list[str]] = {}
    not_found: str | None = None  # the default language's 404 page (see on_post_template)
    fiche_cache: dict = {}  # serving: each fiche file's validation, kept while the file is unchanged
    memo = site_data.FicheMemo()  # serving: what is computed from each fiche file, kept while it is unchanged
    dirty = False  # `mkdocs serve --dirty` (scripts/serve.sh): rebuild only what changed (incremental.py)
    tracker = incremental.Tracker()
    fingerprints: dict[str, str] = {}
    unindexed: set[str] = set()  # dest_uri of every page left out of the search index (all languages)


def _preview() -> bool:
    return State.serving or os.environ.get(PREVIEW_ENV, "") not in ("", "0")


def _nested_language_build(config) -> bool:
    """static-i18n builds the other languages from inside the first build's post-build."""
    i18n = config.plugins.get("i18n")
    return bool(i18n and i18n.building)


def on_startup(command: str, dirty: bool) -> None:
    State.serving = command == "serve"
    State.dirty = State.serving and dirty
    if State.dirty:
        logging.getLogger("mkdocs.commands.build").addFilter(incremental.DirtyWarning())
    # Reproducible builds: MkDocs dates the sitemap from SOURCE_DATE_EPOCH when set; take the last commit's
    # time, so the same commit builds the same bytes on any day.
    if "SOURCE_DATE_EPOCH" not in os.environ:
        epoch = history.last_commit_epoch()
        if epoch:
            os.environ["SOURCE_DATE_EPOCH"] = epoch


def on_serve(server, config, builder):
    server.watch(str(FICHES_DIR))
    server.watch(str(site_data.DATA_DIR))
    return server


@event_priority(100)  # before static-i18n sorts the files per language
def on_files(files: Files, config) -> Files:
    if not _nested_language_build(config) or State.site is None:
        site = site_data.load(preview=_preview(), docs_dir=Path(config.docs_dir), tolerant=State.serving,
                              cache=State.fiche_cache if State.serving else None,
                              memo=State.memo if State.serving else None)
        if not site.ok and not State.serving:
            raise PluginError("invalid fiches, the build stops here:\n" + format_problems(site.problems))
        warnings = [p for p in site.problems if p.severity != "error"]
        if not site.ok:  # serving: the browser shows the messages (preview_errors); INFO, or strict stops
            log.info("invalid fiches, shown in the preview at /bijdragen/fouten/:\n"
                     + format_problems(site.problems))
        elif warnings:
            log.info("fiche warnings:\n" + format_problems(warnings))
        if site.drafts_left_out:
            log.info(f"left out {site.drafts_left_out} draft fiche(s); preview them with `mkdocs serve` "
                     f"or {PREVIEW_ENV}=1")
        State.site = site
        State.unindexed = set()
        if State.dirty:
            # Python modules are not in it: a running server does not reload them (restart it).
            stamp = [Path(config.config_file_path or "mkdocs.yml"), site_data.DATA_DIR,
                     *(Path(d) for d in config.theme.dirs if "site-packages" not in d)]
            State.tracker.start(incremental.tree_stamp(stamp) + str(sorted(
                f.src_uri for f in files.documentation_pages())))
            State.fingerprints = incremental.page_fingerprints(site, State.fiche_cache)
    # Virtual pages that pretend to live in docs/, so static-i18n pairs them like hand-written ones.
    for src_uri in State.site.page_sources():
        files.append(File.generated(config, src_uri, abs_src_path=str(Path(config.docs_dir) / src_uri)))
    return files


@event_priority(-200)  # after static-i18n rebuilt the File objects: give generated pages their content
def on_nav(nav, config, files):
    for file in files:
        if State.site.is_generated(file.src_uri) and file.abs_src_path and not Path(file.abs_src_path).exists():
            file.content_string = pages.GENERATED_MARK
    State.unindexed |= {file.dest_uri for file in files.documentation_pages()
                        if not search_index.indexed(State.site.page_kind(file.src_uri))}
    if State.dirty:
        State.tracker.mark(files, State.fingerprints, State.site)
    return nav


def on_page_markdown(markdown: str, page, config, files) -> str:
    lang = getattr(page.file, "locale", None) or urls.DEFAULT_LANG
    site = State.site
    env = render.template_env(config)
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
    State.blocks[page.url] = blocks
    if not search_index.indexed(site.page_kind(src_uri)):
        page.meta["kb_search"] = False
    if page.meta.get("kb_search") is False:  # Pagefind need not read it (the whole guide: megabytes)
        State.unindexed.add(page.file.dest_uri)
    page.meta["kb_search_weight"] = search_index.page_weight(site.page_kind(src_uri), page.meta)
    return markdown


def stash_html(rendered: str, blocks: list[str]) -> str:
    """Keep the finished HTML of a generated part away from Markdown: it is inserted whole after Markdown ran
    (on_page_content), so no fiche text is parsed twice and blank lines in templates mean nothing."""
    blocks.append(rendered)
    return f'\n\n<div data-kb-block="{len(blocks) - 1}"></div>\n\n'


def on_page_content(html: str, page, config, files) -> str:
    html = _page_content(html, page, config)
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


def _page_content(html: str, page, config) -> str:
    blocks = State.blocks.pop(page.url, [])
    lang = getattr(page.file, "locale", None) or urls.DEFAULT_LANG
    if not State.site.ok and State.site.page_kind(page.file.src_uri) not in ("fiche", "module"):
        # Serving with invalid fiches: the pages built from all data say so and link to the messages (the
        # pages of valid fiches are left as they are, so that breaking one fiche rebuilds only a few pages).
        html = preview_errors.banner_html(State.site.problems, lang, page.url) + html
    toc_config = config.mdx_configs.get("toc", {})
    permalink_title = ui_text.t("permalink_title", lang)
    html = headings.retitle(html, toc_config, permalink_title)
    if not blocks:
        return html
    ours = [bool(headings.OURS.search(block)) for block in blocks]
    blocks = [headings.finish(block, toc_config, State.site.tooltip_terms(lang), permalink_title)
              for block in blocks]
    html = BLOCK_MARK.sub(lambda m: blocks[int(m.group(1))], html)
    if any(ours):
        page.toc, anchors, title = headings.table_of_contents(html)
        page.present_anchor_ids = (page.present_anchor_ids or set()) | anchors
        if title and State.site.is_generated(page.file.src_uri):
            page.meta["title"] = title  # escaped HTML text, as Material prints it
    return html


def _build_lang(config) -> str:
    return config.theme.get("language") or urls.DEFAULT_LANG


def on_env(env, config, files):
    """Theme templates (main.html, 404.html) get the interface wording of the language being built."""
    lang = _build_lang(config)
    env.globals["kb_t"] = lambda key, **values: ui_text.t(key, lang, **values)
    root = urlsplit(config.site_url or "/").path or "/"
    env.globals["kb_root"] = root + urls.lang_prefix(lang)
    env.globals["kb_url"] = lambda kind, key="": root + urls.url_for(kind, key, lang)  # absolute path, any page
    env.globals["kb_search_results"] = search_data.RESULTS_SHOWN
    env.globals["kb_build_date"] = ui_text.date(facts.build_date().isoformat(), lang)  # SOURCE_DATE_EPOCH
    env.globals["kb_not_found"] = lambda: not_found.context(State.site, root, lang)
    return env


def on_post_template(output: str, template_name: str, config) -> str:
    """Each language keeps its own 404 page: the first build's stays at /404.html, every other language's
    goes to /<lang>/404.html (static-i18n builds the languages into one folder, the last one would win)."""
    if template_name != "404.html":
        return output
    lang = _build_lang(config)
    if lang == urls.DEFAULT_LANG:
        State.not_found = output
        return output
    target = Path(config.site_dir) / urls.lang_prefix(lang) / "404.html"
    target.parent.mkdir(parents=True, exist_ok=True)
    target.write_text(output, encoding="utf-8")
    return State.not_found if State.not_found is not None else output


@event_priority(-1000)  # last: the page is written already
def on_post_page(output: str, page, config) -> str:
    """A generated page's Markdown and HTML are not needed once written (nothing reads them later): freeing them
    keeps the build's memory from growing with 9,000 pages held whole until the end. The whole guide too: it
    holds every fiche again."""
    if State.site is not None and (State.site.is_generated(page.file.src_uri) or page.meta.get("kb_guide")):
        page.markdown = None
        page.content = None
    return output


@event_priority(-1000)  # after static-i18n has built every language
def on_post_build(config) -> None:
    if _nested_language_build(config):
        return
    site_dir = Path(config.site_dir)
    open_data.write_open_data(State.site.fiches, site_dir,
                              lambda fiche, lang: State.site.fiche_facts(fiche.id, lang), State.site.remembered)
    if State.dirty:
        State.tracker.finish(site_dir)
        _index_in_background(site_dir, frozenset(State.unindexed))
    else:
        search_index.build_index(site_dir, State.unindexed)
    search_data.write(site_dir, State.site.glossary, State.site.fiches, State.site.thesaurus)
    catalogue_text.write(site_dir, State.site)
    schema_file = site_dir / fiche_jsonschema.PATH  # what text editors read while a fiche is typed
    schema_file.parent.mkdir(parents=True, exist_ok=True)
    schema_file.write_text(fiche_jsonschema.text(), encoding="utf-8")
    feed.write_feeds(State.site, site_dir, config.site_url or "/")
    # Material reads sitemap.xml next to each language root named in <link rel="alternate">.
    for lang in urls.LANGS:
        if lang != urls.DEFAULT_LANG and (site_dir / "sitemap.xml").is_file():
            (site_dir / lang / "sitemap.xml").write_bytes((site_dir / "sitemap.xml").read_bytes())


class _Indexer:
    lock = threading.Lock()
    pending: tuple[Path, frozenset[str]] | None = None
    running = False


def _index_in_background(site_dir: Path, unindexed: frozenset[str]) -> None:
    """Serving: Pagefind indexes the preview after the reload, not before it (it reads every page); one run
    at a time, and a build finished meanwhile gets one more run."""
    with _Indexer.lock:
        _Indexer.pending = (site_dir, unindexed)
        if _Indexer.running:
            return
        _Indexer.running = True

    def work() -> None:
        while True:
            with _Indexer.lock:
                job, _Indexer.pending = _Indexer.pending, None
                if job is None:
                    _Indexer.running = False
                    return
            try:
                search_index.build_index(*job)
            except PluginError as exc:
                log.info(f"preview search index not updated: {exc}")

    threading.Thread(target=work, name="pagefind", daemon=True).start()
