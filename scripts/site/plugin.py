"""The site as an installed MkDocs plugin (`kennisbank`, pyproject.toml's entry point), configured in mkdocs.yml:

    plugins:
      - i18n: …
      - kennisbank:
          fiches: !ENV [KB_FICHES_DIR, fiches]

It comes after i18n in that list, so its events keep the order the former `hooks:` had (hooks ran after every
plugin); the priorities below are those the hooks had. Everything a run knows lives on the instance: MkDocs keeps
one instance for a whole `mkdocs serve` (plugins with on_startup are cached), so serving keeps its caches between
rebuilds, and each `on_startup` (a new build or serve) starts afresh.
"""

from __future__ import annotations

from pathlib import Path

from mkdocs.config import base
from mkdocs.config import config_options as c
from mkdocs.config.base import ValidationError
from mkdocs.exceptions import PluginError
from mkdocs.plugins import BasePlugin, event_priority

from scripts.editor import hook as editor
from scripts.lang import languages, wording
from scripts.site import hook


class Switch(c.BaseConfigOption[bool]):
    """On or off, also as an environment override through `!ENV` (which gives 1, 0, an empty value …)."""

    def __init__(self, default: bool = False) -> None:
        super().__init__()
        self.default = default

    def run_validation(self, value: object) -> bool:
        if value is None or value == "":
            return False
        if isinstance(value, bool):
            return value
        if isinstance(value, int) and value in (0, 1):
            return bool(value)
        if isinstance(value, str) and value.lower() in ("0", "1", "yes", "no", "true", "false", "on", "off"):
            return value.lower() in ("1", "yes", "true", "on")
        raise ValidationError(f"expected on or off (true/false, 1/0), got {value!r}")


class KennisbankConfig(base.Config):
    fiches = c.Dir(exists=False, default="fiches")  # the folder of fiche YAML files
    # `data` in mkdocs.yml (the trailing _ keeps it apart from the config's own dict): glossary, thesaurus,
    # statements, interface.<lang>.yml; default <docs_dir>/_data
    data_ = c.Optional(c.Dir(exists=False))
    preview = Switch(default=False)  # drafts too (always while serving)
    require_git_history = Switch(default=False)  # no git history of the fiches stops the build (CI)
    editor = Switch(default=True)  # the web editor at /admin/ (scripts/editor/)
    decap_dir = c.Dir(exists=False, default="node_modules/decap-cms/dist")  # the pinned Decap bundle (npm ci)
    editor_port = c.Type(int, default=8081)  # the local proxy the editor talks to without a git host
    pagefind = c.File(exists=False, default="node_modules/.bin/pagefind")  # the pinned Pagefind (npm ci)


class KennisbankPlugin(BasePlugin[KennisbankConfig]):
    def __init__(self) -> None:
        self.session: hook.Session | None = None
        self._command: tuple[bool, bool] = (False, False)
        self._shape: tuple | None = None  # the options the session was made from

    # -- the run ------------------------------------------------------------------------------------------
    def on_startup(self, *, command: str, dirty: bool) -> None:
        self._command = (command == "serve", dirty)
        self.session = None  # made in on_config, from this run's options

    def on_config(self, config):
        if hook.nested_language_build(config):  # static-i18n builds another language inside this build
            return config
        docs_dir = Path(config.docs_dir)
        data_dir = Path(self.config.data_) if self.config.data_ else docs_dir / "_data"
        i18n = config.plugins.get("i18n")
        if i18n is None:
            raise PluginError("the kennisbank plugin needs the i18n plugin before it: the languages come from there")
        wording.refresh()  # serving: a wording file edited since the last rebuild is read again before the check
        languages.use(languages.from_entries(i18n.config.languages, data_dir))
        wording.check()  # every language's texts complete, or one error naming each file and key
        serving, dirty = self._command
        # MkDocs keeps this instance for a whole `mkdocs serve` and reads mkdocs.yml again on every rebuild: a
        # session (and its caches) lasts while the options it is made from stay the same
        shape = (Path(self.config.fiches).resolve(), data_dir, self.config.preview, self.config.require_git_history,
                 Path(self.config.pagefind))
        if self.session is None or not serving or shape != self._shape:
            self._shape = shape
            self.session = hook.Session(shape[0], data_dir, preview=self.config.preview,
                                        serving=serving, dirty=dirty,
                                        require_history=self.config.require_git_history,
                                        pagefind=Path(self.config.pagefind))
            hook.on_startup(self.session, Path(config.config_file_path or "mkdocs.yml").resolve().parent)
        return config

    def on_serve(self, server, config, builder):
        return hook.on_serve(self.session, server, config, builder)

    # -- the pages ----------------------------------------------------------------------------------------
    @event_priority(100)  # before static-i18n sorts the files per language
    def on_files(self, files, config):
        return hook.on_files(self.session, files, config)

    @event_priority(-200)  # after static-i18n rebuilt the File objects: give generated pages their content
    def on_nav(self, nav, config, files):
        return hook.on_nav(self.session, nav, config, files)

    def on_env(self, env, config, files):
        return hook.on_env(self.session, env, config, files)

    def on_page_markdown(self, markdown, page, config, files):
        return hook.on_page_markdown(self.session, markdown, page, config, files)

    def on_page_content(self, html, page, config, files):
        return hook.on_page_content(self.session, html, page, config, files)

    def on_post_template(self, output_content, template_name, config):
        return hook.on_post_template(self.session, output_content, template_name, config)

    @event_priority(-1000)  # last: the page is written already
    def on_post_page(self, output, page, config):
        return hook.on_post_page(self.session, output, page, config)

    @event_priority(-1000)  # after static-i18n has built every language
    def on_post_build(self, config) -> None:
        if hook.nested_language_build(config):
            return
        hook.on_post_build(self.session, config)
        if self.config.editor:  # after Pagefind: the editor is not indexed
            editor.write_admin(Path(config.site_dir), Path(self.config.decap_dir), config.site_url or "",
                               self.config.editor_port)
