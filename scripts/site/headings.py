"""Headings of generated parts are HTML written by the templates, never Markdown.

Nothing generated goes through Markdown (fiche text is rendered once, through the
allowlist), so this module gives those headings what Markdown's toc extension gives
Markdown headings: a permalink, a place in the page's table of contents and the
anchor ids MkDocs validates links against. Templates write `<hN id="...">text</hN>`
(macro `heading` in kb-macros.html); text inside is already escaped or allowlisted.
"""

from __future__ import annotations

import re

from markdown.extensions.toc import nest_toc_tokens, slugify, strip_tags
from markupsafe import Markup, escape
from mkdocs.structure.toc import TableOfContents, get_toc

from scripts.fiche import richtext

TEMPLATE = "partials/kb-heading.html"  # the finished heading (the theme's environment, autoescaping on)
MARK = " data-kb-heading"  # set by the heading macro, replaced here by the permalink
OURS = re.compile(r'<h([1-6]) id="([^"<>]+)" data-kb-heading>(.*?)</h\1>', re.S)  # what the macro writes
ANY = re.compile(r'<h([1-6])\b[^>]*?\bid="([^"<>]+)"[^>]*>(.*?)</h\1>', re.S)
PERMALINK = re.compile(r'<a class="headerlink"[^>]*>.*?</a>', re.S)


def slug(text: str) -> str:
    """The id Markdown's toc extension would give a heading with this (plain) text."""
    return slugify(str(text), "-")


def finish(html: str, toc_config: dict, template, glossary: dict[str, str] | None = None,
           title: str | None = None) -> str:
    """Glossary tooltips and the permalink Markdown's toc extension adds (same class and symbol; the title in
    the page's language when given, see `retitle`), written by `template` (TEMPLATE, from the theme's
    environment)."""
    symbol = toc_config.get("permalink")
    symbol = Markup("&para;" if symbol is True else symbol or "")  # mkdocs.yml's, written as Markdown writes it
    css = toc_config.get("permalink_class", "headerlink")
    title = title if title is not None else toc_config.get("permalink_title", "Permanent link")

    def link(match: re.Match) -> str:
        level, anchor, inner = match.groups()
        return template.render(level=level, anchor=Markup(anchor), css=css, title=title, symbol=symbol,
                               inner=richtext.abbreviate(Markup(inner), glossary))

    return OURS.sub(link, html)


def retitle(html: str, toc_config: dict, title: str) -> str:
    """Markdown's toc extension gives every page the one permalink title of mkdocs.yml (one language): each
    page's permalinks get the title in the page's own language instead."""
    css = re.escape(toc_config.get("permalink_class", "headerlink"))
    pattern = re.compile(rf'(<a class="{css}" href="#[^"<>]*" title=")[^"<>]*(")')
    return pattern.sub(lambda m: f"{m.group(1)}{escape(title)}{m.group(2)}", html)


def table_of_contents(html: str) -> tuple[TableOfContents, set[str], str | None]:
    """The page's table of contents, its heading ids and its h1 text (escaped HTML text), in page order."""
    tokens = []
    for level, anchor, inner in ANY.findall(html):
        name = strip_tags(PERMALINK.sub("", inner))
        tokens.append({"level": int(level), "id": anchor, "name": name, "children": []})
    title = next((t["name"] for t in tokens if t["level"] == 1), None)
    return get_toc(nest_toc_tokens(tokens)), {t["id"] for t in tokens}, title
