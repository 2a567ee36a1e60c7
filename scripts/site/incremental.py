"""Serving: after an edit, rebuild only the pages whose inputs changed (`mkdocs serve --dirty`, as
scripts/serve.sh starts it).

MkDocs' dirty mode alone rebuilds every generated page (a File with content is always "modified") and
no hand-written page whose Markdown did not change, so it is both slow and wrong for this site. The hook
decides instead, per output page, from a fingerprint of what the page shows:

- a fiche page: its file's bytes, the titles of the fiches it links as related, its change history;
- a module page: its fiche's file and the catalogue items of its related modules;
- a hand-written page: its Markdown; with a `<!-- kb:… -->` placeholder also any change to the data,
  without one only the error banner it may carry;
- every other page (catalogues, themes, error pages): any change to the data, so the catalogues, the
  home page, the figures and the error list are never stale; they are few.

Everything is rebuilt when something every page shows changes: templates (overrides/), mkdocs.yml, the
glossary, or the set of hand-written pages (Python modules are not reloaded by a running server). Pages
that disappear (a fiche removed or broken, a module renamed) have their files deleted, so the preview
never serves a stale page.
"""

from __future__ import annotations

import hashlib
import logging
from pathlib import Path

from scripts.site import urls

GLOBAL = "*"
BANNER = "banner"  # what a hand-written page without data shows of the data: the error banner (hook.py)
PLACEHOLDER_MARK = b"<!-- kb:"


def _digest(*parts) -> str:
    return hashlib.blake2b(repr(parts).encode("utf-8"), digest_size=16).hexdigest()


def tree_stamp(paths: list[Path]) -> str:
    """Modification times and sizes of every file under `paths`: what all pages depend on."""
    stamps = []
    for root in paths:
        if root.is_file():
            stamps.append((str(root), root.stat().st_mtime_ns, root.stat().st_size))
        elif root.is_dir():
            for path in sorted(root.rglob("*")):
                if path.is_file() and "__pycache__" not in path.parts:
                    stamps.append((str(path), path.stat().st_mtime_ns, path.stat().st_size))
    return _digest(stamps)


def page_fingerprints(site, cache: dict) -> dict[str, str]:
    """Language-free source path of each generated fiche/module page → fingerprint; GLOBAL → that of the
    other pages. `cache` is load_collection's: file path → (hash of its bytes, …)."""
    everything = _digest(sorted((str(path), entry[0]) for path, entry in cache.items()),
                         [p.format() for p in site.problems], site.preview)
    file_hashes = {f.id: cache[f.path][0] if f.path in cache else None for f in site.fiches}
    found = {}
    module_fiche = {m.key: m.fiche.id for m in site.modules}
    indexes = [site.module_item_index(lang) for lang in urls.LANGS]
    digests: dict[str, str] = {}

    def item_digest(key: str) -> str:
        """A module's catalogue items (all languages), digested once: most modules are related to several."""
        if key not in digests:
            digests[key] = _digest([index.get(key) for index in indexes])
        return digests[key]

    for source, (kind, key) in site.generated_pages.items():
        if kind == "fiche":  # a related fiche shows its title and organisation
            related = [(r, site.by_id[r].data["title"], site.by_id[r].data["organisation"]["name"])
                       if r in site.by_id else (r, None) for r in site.by_id[key].data.get("related", [])]
            found[source] = _digest(file_hashes.get(key), related, site.history.get(key))
        elif kind == "module":  # a related module shows its catalogue item
            fiche_id = module_fiche[key]
            related = [(k, item_digest(k)) for k in site.related_modules.get(key, [])]
            found[source] = _digest(file_hashes.get(fiche_id), related)
        else:
            found[source] = everything
    found[GLOBAL] = everything
    found[BANNER] = _digest(sorted(p.format() for p in site.problems if p.severity == "error") if not site.ok
                            else None)
    return found


class Tracker:
    """What the previous serve build wrote, to decide what the next one must rebuild."""

    def __init__(self) -> None:
        self.previous: dict[str, str] = {}  # dest_uri → fingerprint of the last build
        self.current: dict[str, str] = {}
        self.stamp: str | None = None
        self.rebuilt = 0
        self.skipped = 0

    def start(self, stamp: str) -> None:
        """A new build (all languages): a changed stamp (templates, config, glossary …) rebuilds everything."""
        if stamp != self.stamp:
            self.previous = {}
        self.stamp = stamp
        self.current = {}
        self.rebuilt = self.skipped = 0

    def mark(self, files, fingerprints: dict[str, str], site) -> None:
        """Give every documentation page of one language build its answer to MkDocs' is_modified()."""
        for file in files.documentation_pages():
            source = urls.strip_lang(file.src_uri)
            kind = site.page_kind(file.src_uri)
            fingerprint = fingerprints.get(source) if kind in ("fiche", "module") else fingerprints[GLOBAL]
            if fingerprint is None:
                fingerprint = fingerprints[GLOBAL]
            if not site.is_generated(file.src_uri) and file.abs_src_path and Path(file.abs_src_path).is_file():
                # A hand-written page: its own Markdown, and the data only when it has a placeholder.
                source_bytes = Path(file.abs_src_path).read_bytes()
                if PLACEHOLDER_MARK not in source_bytes:
                    fingerprint = fingerprints[BANNER]
                fingerprint = _digest(fingerprint, hashlib.blake2b(source_bytes, digest_size=16).digest())
            self.current[file.dest_uri] = fingerprint
            modified = self.previous.get(file.dest_uri) != fingerprint
            self.rebuilt += modified
            self.skipped += not modified
            file.is_modified = (lambda answer=modified: answer)

    def finish(self, site_dir: Path) -> list[str]:
        """Delete what the previous build wrote and this one no longer makes; remember this build."""
        gone = sorted(set(self.previous) - set(self.current))
        for dest in gone:
            path = site_dir / dest
            path.unlink(missing_ok=True)
            try:
                path.parent.rmdir()  # only when empty
            except OSError:
                pass
        self.previous = self.current
        logging.getLogger("mkdocs.plugin").info(
            f"preview: {self.rebuilt} page(s) rebuilt, {self.skipped} unchanged, {len(gone)} removed")
        return gone


class DirtyWarning(logging.Filter):
    """MkDocs warns that a dirty build may leave stale pages (a warning, so a strict build stops); the hook's
    fingerprints are what makes it accurate here, so that one warning is dropped while serving."""

    def filter(self, record: logging.LogRecord) -> bool:
        return "A 'dirty' build is being performed" not in record.getMessage()


def template_folders(env) -> list[Path]:
    """The project's template folders (the theme's custom_dir), not the installed theme's: what a rendered
    fiche depends on besides its data."""
    return [Path(d) for d in getattr(env.loader, "searchpath", []) if "site-packages" not in d]
