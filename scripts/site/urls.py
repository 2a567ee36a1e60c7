"""The site's one URL scheme: where each kind of page lives, per language.

Python, the templates (`link(kind, key)`) and kb.js (URL patterns in data attributes)
all take their URLs from here, so the rule "fiches/<id>/, default language at the
root" is written once.
"""

from __future__ import annotations

from scripts.lang import languages


def __getattr__(name: str):
    """`urls.LANGS`, `urls.DEFAULT_LANG`: the languages of the build (languages.current()), read when used."""
    if name == "LANGS":
        return languages.codes()
    if name == "DEFAULT_LANG":
        return languages.current().default
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")


# kind → language-free path; {key} is the fiche id, theme code or page path; a module's key is (fiche, module).
PATHS = {
    "fiche": "fiches/{key}/",
    "module": "fiches/{key[0]}/{key[1]}/",
    "theme": "themas/{key}/",
    "fiche-data": "fiches/{key}/data.json",
    "csv": "fiches.csv",
    # new and changed fiches, one Atom feed per language (scripts/site/feed.py), at the language root: Material
    # fetches sitemap.xml next to every <link rel="alternate">, and the language roots have one
    "feed": "atom.xml",
    "guide": "fiches/gids/",  # every published fiche on one page (docs/fiches/gids.<lang>.md)
    "page": "{key}",
    "doc": "{key}",  # a hand-written page by its source path (`netwerk/x.md`); see doc_path()
}
GENERATED_KINDS = ("fiche", "module", "theme")  # page kinds made from data (a virtual Markdown file each)


def lang_prefix(lang: str) -> str:
    """The default language lives at the site root, the others in a folder named after them."""
    return "" if lang == languages.current().default else f"{lang}/"


def path_for(kind: str, key: str | tuple[str, str] = "") -> str:
    """Language-free, site-root-relative path of a page or file."""
    return PATHS[kind].format(key=doc_path(key) if kind == "doc" else key)


def doc_path(source: str) -> str:
    """MkDocs' directory URLs: `netwerk/x.md` → `netwerk/x/`, `bijdragen/index.md` → `bijdragen/`."""
    stem = source.removesuffix(".md")
    if stem == "index" or stem.endswith("/index"):
        return stem[: -len("index")]
    return stem + "/"


def url_for(kind: str, key: str | tuple[str, str], lang: str) -> str:
    """Site-root-relative URL of a page or file in one language."""
    return lang_prefix(lang) + path_for(kind, key)


def source_for(kind: str, key: str | tuple[str, str]) -> str:
    """The virtual Markdown source of a generated page (`fiches/x/` ← `fiches/x.md`)."""
    return path_for(kind, key).rstrip("/") + ".md"


def strip_lang(src_uri: str) -> str:
    """`fiches/x.nl.md` → `fiches/x.md` (static-i18n already strips it on its own File objects)."""
    for lang in languages.codes():
        if src_uri.endswith(f".{lang}.md"):
            return src_uri[: -len(lang) - 4] + ".md"
    return src_uri
