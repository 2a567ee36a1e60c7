"""MkDocs with some of the site's custom parts switched off, so that the parts benchmark (scripts/bench/parts.py)
can measure what each buys: `python -m scripts.bench.switches memo,background -- build -f mkdocs.yml …`.

The product has no switch for any of them (a switch a reader never flips is one more branch to keep): this launcher
replaces the part with the plain behaviour it stands for, in this process only, before MkDocs loads the plugin. A
part whose names moved stops the launcher with an error, so the site is never measured with the part still on.
"""

from __future__ import annotations

import sys


def _replace(owner, name: str, new) -> None:
    if not callable(getattr(owner, name, None)):
        raise AttributeError(f"{getattr(owner, '__name__', owner)}.{name}")
    setattr(owner, name, new)


def _no_incremental() -> None:
    """Incremental serving (incremental.Tracker): `mkdocs serve --dirty` as MkDocs alone decides what to rebuild."""
    from scripts.site import incremental

    _replace(incremental.Tracker, "mark", lambda self, files, fingerprints, site: None)
    _replace(incremental.Tracker, "finish", lambda self, site_dir: [])


def _no_memo() -> None:
    """Per-fiche memo (site_data.FicheMemo): serving recomputes every fiche's facts, cards and view."""
    from scripts.site import site_data

    _replace(site_data.FicheMemo, "get", lambda self, fiche, what, compute: compute())


def _no_validation_cache() -> None:
    """Serving's per-file validation cache (load_collection's `cache`): every rebuild validates every fiche. The
    dict is emptied, not dropped, so the fingerprints of incremental serving still see each file's hash."""
    from scripts.site import site_data

    real = site_data.load_collection

    def load_collection(*args, cache=None, **kwargs):
        if cache is not None:
            cache.clear()
        return real(*args, cache=cache, **kwargs)

    _replace(site_data, "load_collection", load_collection)


def _no_background() -> None:
    """Background indexing while serving: Pagefind runs before the reload, as in a build."""
    from scripts.site import hook, search_index

    _replace(hook._Indexer, "run", lambda self, site_dir, unindexed, binary=None:
             search_index.build_index(site_dir, unindexed, binary))


def _no_glob() -> None:
    """Pagefind given every page (no pages_glob): it reads the module pages only to drop them."""
    from scripts.site import search_index

    real = search_index.build_index
    _replace(search_index, "build_index", lambda site_dir, skipped=frozenset(), binary=None:
             real(site_dir, frozenset(), binary))


def _no_search() -> None:
    """No Pagefind at all: what the MkDocs process alone takes (Pagefind's process is the build's peak memory)."""
    from scripts.site import search_index

    _replace(search_index, "build_index", lambda site_dir, skipped=frozenset(), binary=None: None)


def _no_free() -> None:
    """Generated pages kept whole until the build ends (hook.on_post_page frees them once written)."""
    from scripts.site import hook

    _replace(hook, "on_post_page", lambda session, output, page, config: output)


SWITCHES = {
    "incremental": _no_incremental,
    "memo": _no_memo,
    "validation-cache": _no_validation_cache,
    "background": _no_background,
    "glob": _no_glob,
    "search": _no_search,
    "free": _no_free,
}


def switch_off(names: list[str]) -> None:
    for name in names:
        if name not in SWITCHES:
            raise SystemExit(f"switches: unknown part {name!r} (known: {', '.join(SWITCHES)})")
        try:
            SWITCHES[name]()
        except (AttributeError, ImportError) as exc:
            raise SystemExit(f"switches: the part {name!r} is not where scripts/bench/switches.py looks for it "
                             f"({exc}): update the switch") from None


def main(argv: list[str]) -> None:
    if len(argv) < 2 or argv[1] != "--":
        raise SystemExit("usage: python -m scripts.bench.switches PART[,PART…]|none -- MKDOCS-ARGS…")
    switch_off([name for name in argv[0].split(",") if name and name != "none"])
    from mkdocs.__main__ import cli

    sys.argv = ["mkdocs", *argv[2:]]
    cli()


if __name__ == "__main__":
    main(sys.argv[1:])
