"""The Jinja environment the plugin renders its parts with: the theme's (so overrides/ wins), autoescaping on, and
compiled templates kept for a whole run (CompiledTemplates, one per plugin Session)."""

from __future__ import annotations

import jinja2
import jinja2.bccache

from scripts.site import render


class CompiledTemplates(jinja2.BytecodeCache):
    """Compiled templates kept in memory for the whole process. MkDocs makes a new Jinja environment for every
    build, and static-i18n one more per language, so each template was compiled again per language and per
    preview rebuild (a quarter of a rebuild's time while serving). Jinja checks each entry against the source's
    checksum, and the key holds what compiling depends on in the environment, so a changed template or a
    differently configured environment compiles afresh. The plugin keeps one for its whole run (a serve session)
    and sets it on every environment through on_env and template_env (Jinja's documented bytecode_cache)."""

    def __init__(self) -> None:
        self.store: dict[str, bytes] = {}

    def get_bucket(self, environment, name, filename, source):
        settings = (environment.autoescape, environment.finalize)
        key = "" if any(callable(v) for v in settings) else (  # a callable setting has no stable key: not kept
            f"{self.get_cache_key(name, filename)}:{_compile_settings(environment)}")
        bucket = jinja2.bccache.Bucket(environment, key, self.get_source_checksum(source))
        self.load_bytecode(bucket)
        return bucket

    def load_bytecode(self, bucket) -> None:
        if bucket.key in self.store:
            bucket.bytecode_from_string(self.store[bucket.key])

    def dump_bytecode(self, bucket) -> None:
        if bucket.key:
            self.store[bucket.key] = bucket.bytecode_to_string()


def _compile_settings(env) -> str:
    """What Jinja's compiled code depends on in an environment (besides the template's source)."""
    return repr((sorted(env.extensions), env.autoescape, env.optimized, env.finalize, env.is_async,
                 env.block_start_string, env.block_end_string, env.variable_start_string, env.variable_end_string,
                 env.comment_start_string, env.comment_end_string, env.line_statement_prefix,
                 env.line_comment_prefix, env.trim_blocks, env.lstrip_blocks, env.newline_sequence,
                 env.keep_trailing_newline))


def template_env(config, compiled: CompiledTemplates | None = None):
    """The theme's Jinja environment (so overrides/ wins), with autoescaping on for fiche data. Callers keep it
    for a build (the plugin, per theme object) or a process (the editor's preview)."""
    return render.add_filters(config.theme.get_env().overlay(autoescape=True, bytecode_cache=compiled))
