"""What one build knows: the published fiches, their modules and glossary, with per-language lookups.

Loaded once per `mkdocs build` (all languages); the renderers in render.py read it.
"""

from __future__ import annotations

import functools
from dataclasses import dataclass, field
from pathlib import Path

from scripts import translation_status
from scripts.fiche import glossary, thesaurus
from scripts.fiche.collection import Collection, Fiche, load_collection, reserved_ids
from scripts.fiche.problems import Problem
from scripts.site import catalogue, facts, fiche_view, history, pages, preview_errors, urls
from scripts.site import modules as mod


def per_build(maxsize: int | None = None):
    """`functools.lru_cache` kept on the SiteData itself: a build's lookups go when its data goes. On the method
    (the class), functools' cache would keep every build's SiteData alive for the whole process: each rebuild
    while serving and each in-process test build."""
    def wrap(method):
        name = f"_per_build_{method.__name__}"

        @functools.wraps(method)
        def cached(self, *args):
            cache = self.__dict__.get(name)
            if cache is None:
                cache = self.__dict__[name] = functools.lru_cache(maxsize)(functools.partial(method, self))
            return cache(*args)
        return cached
    return wrap


@dataclass(eq=False)  # identity: one SiteData per build
class SiteData:
    collection: Collection
    fiches: list[Fiche]
    drafts_left_out: int
    glossary: list[dict]
    preview: bool
    changes: list = field(default_factory=list)  # history.load_changes: (commit time, fiche id), newest first
    collection_dir: Path | None = None  # the folder of fiches (the plugin's `fiches`)
    docs_dir: Path | None = None  # the pages (translation status compares them too)
    glossary_problems: list[Problem] = field(default_factory=list)  # the glossary's and the thesaurus's
    thesaurus: list[dict] = field(default_factory=list)
    # Serving with errors: fiche source path → file shown at that URL with its messages (preview_errors).
    error_pages: dict[str, str] = field(default_factory=dict)
    # Serving: what is computed from one fiche file alone, kept between rebuilds while the file's bytes stay the
    # same (see remembered); None in `mkdocs build`, which computes everything once anyway.
    memo: FicheMemo | None = None

    @property
    def problems(self) -> list[Problem]:
        return self.collection.problems + self.glossary_problems

    @property
    def ok(self) -> bool:
        return self.collection.ok and not any(p.severity == "error" for p in self.glossary_problems)

    # -- generated pages --------------------------------------------------------------
    @functools.cached_property
    def generated_pages(self) -> dict[str, tuple[str, str]]:
        found = pages.generated_pages(self.fiches, self.modules, self.preview)
        if not self.ok:  # only a tolerant (serving) load gets here with errors
            found[preview_errors.ERRORS_PAGE] = ("errors", "")
            found.update({src: ("fiche-errors", file) for src, file in self.error_pages.items()})
        return found

    def page_sources(self) -> list[str]:
        return pages.page_sources(self.generated_pages)

    def page_kind(self, src_uri: str) -> str | None:
        found = self.generated_pages.get(urls.strip_lang(src_uri))
        return found[0] if found else None

    def is_generated(self, src_uri: str) -> bool:
        return urls.strip_lang(src_uri) in self.generated_pages

    # -- lookups ----------------------------------------------------------------------
    @functools.cached_property
    def by_id(self) -> dict[str, Fiche]:
        return {f.id: f for f in self.fiches}

    @functools.cached_property
    def commit_times(self) -> dict[str, tuple[str, str]]:
        """Each fiche's first and last commit time (the Atom feeds)."""
        return history.commit_times(self.changes)

    @functools.cached_property
    def history(self) -> dict[str, list[dict]]:
        """Each fiche's change dates (the change history on its page)."""
        return history.load_history(self.changes)

    @functools.cached_property
    def modules(self) -> list[mod.Module]:
        return mod.all_modules(self.fiches)

    @functools.cached_property
    def module_by_key(self) -> dict[str, mod.Module]:
        return {m.key: m for m in self.modules}

    @functools.cached_property
    def related_modules(self) -> dict[str, list[str]]:
        return mod.related_modules(self.modules)

    # one SiteData per build: the lookups below are cached on it (per_build), a serve rebuild gets a new one
    def remembered(self, fiche: Fiche, what: tuple, compute):
        """`compute()`, or its result from an earlier serve build when this fiche's file has not changed: every
        caller's result depends on that file alone (and on `what`: the language, a module's id …)."""
        if self.memo is None:
            return compute()
        return self.memo.get(fiche, (self.preview, *what), compute)

    @per_build()
    def module_items(self, lang: str) -> list[dict]:
        items = [self.remembered(m.fiche, ("module_item", m.data["id"], lang), lambda m=m: mod.module_item(m, lang))
                 for m in self.modules]
        return sorted(items, key=lambda i: (i["title"].lower(), i["id"]))

    @per_build()
    def module_item_index(self, lang: str) -> dict[str, dict]:
        return {i["id"]: i for i in self.module_items(lang)}

    @per_build()
    def fiche_facts(self, fiche_id: str, lang: str) -> dict:
        fiche = self.by_id[fiche_id]
        return self.remembered(fiche, ("facts", lang, facts.build_date()), lambda: facts.fiche_facts(fiche, lang))

    @per_build()
    def items(self, lang: str) -> list[dict]:
        items = [self.remembered(f, ("item", lang, facts.build_date()),
                                 lambda f=f: catalogue.catalogue_item(f, self.fiche_facts(f.id, lang), lang))
                 for f in self.fiches]
        return sorted(items, key=lambda i: (i["title"].lower(), i["id"]))

    @per_build(maxsize=64)  # a fiche's module pages follow its page: see page_sources
    def view(self, fiche_id: str, lang: str) -> dict:
        fiche, terms = self.by_id[fiche_id], self.tooltip_terms(lang)
        return self.remembered(fiche, ("view", lang, tuple(terms.items())),
                               lambda: fiche_view.fiche_view(fiche.data, lang, terms))

    @per_build()
    def translation_records(self, docs_dir: Path) -> list[dict]:
        return translation_status.report(self.collection_dir, docs_dir,
                                         cache=self.memo.translation if self.memo is not None else None)

    @per_build()
    def tooltip_terms(self, lang: str) -> dict[str, str]:
        """Glossary terms shown as tooltips: the abbreviations (OCMW, VTE, LOI, K&G …), not ordinary words
        such as "nieuwkomers", which would underline half of every page; those stay on the glossary page."""
        terms = {entry[lang]["term"]: entry[lang]["expansion"] for entry in self.glossary}
        return {term: expansion for term, expansion in terms.items() if term.upper() == term}

    def abbreviations(self, lang: str, markdown: str | None = None) -> str:
        """Abbreviation definitions for Markdown's abbr extension, only for terms the text uses. Each line comes
        from glossary.tooltip_line, which gives nothing for a term or expansion that is not one plain line, so
        appending them to a page can never add markup (the loader has refused such entries already)."""
        lines = [line for term, expansion in self.tooltip_terms(lang).items()
                 if (markdown is None or term in markdown) and (line := glossary.tooltip_line(term, expansion))]
        return "\n\n" + "\n".join(lines) + "\n" if lines else ""


class FicheMemo:
    """Serving: results computed from one fiche file (its facts, catalogue card, module cards, localised view),
    kept between rebuilds under the hash of the file's bytes, so that an edit recomputes only the edited
    fiche's. Results of files that changed or went away are dropped at each load."""

    def __init__(self) -> None:
        self.by_file: dict[object, dict[tuple, object]] = {}
        self.file_keys: dict[int, object] = {}  # id(Fiche) → (path, key of its file's bytes), for this build
        self.translation: dict = {}  # translation_status.collect's cache (it reads every file, valid or not)

    def start(self, fiches: list[Fiche], cache: dict) -> None:
        """`cache` is load_collection's: path → (key of the file's bytes, its validation)."""
        self.file_keys = {id(f): (str(f.path), cache[f.path][0])
                          for f in fiches if f.path in cache and cache[f.path][0]}
        current = set(self.file_keys.values())
        self.by_file = {key: found for key, found in self.by_file.items() if key in current}

    def get(self, fiche: Fiche, what: tuple, compute):
        file_key = self.file_keys.get(id(fiche))
        if file_key is None:
            return compute()
        found = self.by_file.setdefault(file_key, {})
        if what not in found:
            found[what] = compute()
        return found[what]


def load(preview: bool, fiches_dir: Path, docs_dir: Path, tolerant: bool = False, cache: dict | None = None,
         memo: FicheMemo | None = None, require_history: bool = False) -> SiteData:
    """`tolerant` (serving): a fiche file with errors is left out and shown as an error page instead of
    stopping the build; `cache` keeps each file's validation between rebuilds (see load_collection), `memo`
    what is computed from each file (FicheMemo; only with `cache`); `require_history`: no git history of the
    fiches stops the build."""
    collection = load_collection([fiches_dir], docs_dir=docs_dir, cache=cache)
    fiches, error_pages = _shown(collection, docs_dir, tolerant)
    drafts = sum(f.is_draft for f in fiches)
    if not preview:
        fiches = _published(fiches)
    entries, glossary_problems = glossary.load_glossary()
    groups, thesaurus_problems = thesaurus.load_thesaurus(glossary_ids={e["id"] for e in entries})
    if memo is not None and cache is not None:
        memo.start(fiches, cache)
    return SiteData(collection=collection, fiches=fiches, drafts_left_out=0 if preview else drafts,
                    glossary=entries, glossary_problems=glossary_problems + thesaurus_problems, thesaurus=groups,
                    preview=preview, changes=history.load_changes(fiches, require_history), collection_dir=fiches_dir,
                    docs_dir=docs_dir, error_pages=error_pages, memo=memo if cache is not None else None)


def _shown(collection: Collection, docs_dir: Path, tolerant: bool) -> tuple[list[Fiche], dict[str, str]]:
    """The valid fiches by id and, serving with errors, the error page of each file left out."""
    fiches = sorted(collection.fiches, key=lambda f: f.id)
    if not tolerant or collection.ok:
        return fiches, {}
    broken = preview_errors.error_files(collection.problems)
    fiches = [f for f in fiches if f.display not in broken]
    return fiches, preview_errors.fiche_error_pages(collection.problems, {f.id for f in fiches},
                                                    set(reserved_ids(docs_dir)))


def _published(fiches: list[Fiche]) -> list[Fiche]:
    """Drafts left out; a published fiche must not link to a draft that is left out."""
    fiches = [f for f in fiches if not f.is_draft]
    published = {f.id for f in fiches}
    for fiche in fiches:
        fiche.data["related"] = [r for r in fiche.data.get("related", []) if r in published]
    return fiches
