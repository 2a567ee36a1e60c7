"""Fiche text (a small Markdown subset) to safe HTML.

Two independent layers, so that neither alone has to be perfect: the author's
text is HTML-escaped before Markdown sees it (raw HTML can never pass through),
and the result is cleaned by nh3 with an allowlist of tags, attributes and URL
schemes (http, https, mailto).
"""

from __future__ import annotations

import html
import re
from functools import lru_cache

import markdown
import nh3
from markupsafe import Markup

ALLOWED_TAGS = {"p", "ul", "ol", "li", "em", "strong", "a", "br", "code", "abbr"}
ALLOWED_ATTRIBUTES = {"a": {"href", "title"}, "abbr": {"title"}, "ol": {"start"}}
ALLOWED_SCHEMES = {"http", "https", "mailto"}
_TAG_SPLIT = re.compile(r"(<[^>]*>)")


@lru_cache(maxsize=1)
def _md() -> markdown.Markdown:
    return markdown.Markdown(extensions=["sane_lists"], output_format="html")


def _clean(fragment: str) -> str:
    return nh3.clean(fragment, tags=ALLOWED_TAGS, attributes=ALLOWED_ATTRIBUTES, url_schemes=ALLOWED_SCHEMES,
                     link_rel="noopener noreferrer", strip_comments=True)


# Anything Markdown could act on; text without it is just paragraphs (most fiche text), rendered directly.
_MARKUP = re.compile(r"[*_\[\]`<>&\\#!|]|^\s*(?:[-+>]|\d+[.)])\s|^ {4}| {2}$|^=+$", re.MULTILINE)


def _plain_paragraphs(text: str) -> str | None:
    """The HTML Markdown would give for markup-free text (paragraphs split on blank lines), or None."""
    if _MARKUP.search(text):
        return None
    blocks = [block.strip("\n") for block in re.split(r"\n[ \t]*\n", text.strip("\n"))]
    return "\n".join(f"<p>{html.escape(block, quote=False)}</p>" for block in blocks if block.strip())


def to_html(text: str, glossary: dict[str, str] | None = None) -> Markup:
    """Block Markdown (paragraphs, lists) to safe HTML."""
    fast = _plain_paragraphs(text)
    if fast is not None:
        return Markup(_abbreviate(fast, glossary))
    converter = _md()
    converter.reset()
    rendered = converter.convert(html.escape(text, quote=False))
    return Markup(_abbreviate(_clean(rendered), glossary))


def to_inline_html(text: str, glossary: dict[str, str] | None = None) -> Markup:
    """A one-paragraph text without the surrounding <p>, for list items and table cells."""
    return unwrap_paragraph(to_html(text, glossary))


def unwrap_paragraph(rendered: Markup) -> Markup:
    """Drop the <p> around HTML that is a single paragraph (a list item, a table cell)."""
    text = str(rendered)
    if text.startswith("<p>") and text.endswith("</p>") and text.count("<p>") == 1:
        return Markup(text[3:-4])
    return rendered


def plain(text: str) -> str:
    """Markdown-free plain text (for titles, search data and CSV)."""
    if not _MARKUP.search(text):
        return " ".join(text.split()) if "\n" in text else text.strip()
    converter = _md()
    converter.reset()
    rendered = converter.convert(html.escape(text, quote=False))
    return html.unescape(re.sub(r"<[^>]+>", "", rendered)).strip()


def abbreviate(fragment: Markup, glossary: dict[str, str] | None) -> Markup:
    """Glossary tooltips in an already safe HTML fragment (a heading written by a template)."""
    return Markup(_abbreviate(str(fragment), glossary))


def _abbreviate(fragment: str, glossary: dict[str, str] | None) -> str:
    """Wrap glossary terms in <abbr> in text nodes only (never inside tags or links)."""
    if not glossary:
        return fragment
    escaped, pattern = _glossary_index(tuple(glossary.items()))
    out = []
    in_link = False
    for part in _TAG_SPLIT.split(fragment):
        if part.startswith("<"):
            if part.startswith("<a"):
                in_link = True
            elif part.startswith("</a"):
                in_link = False
            out.append(part)
        elif in_link or not part:
            out.append(part)
        else:
            out.append(pattern.sub(
                lambda m: f'<abbr title="{html.escape(escaped[m.group(0)], quote=True)}">{m.group(0)}</abbr>',
                part))
    return "".join(out)


@lru_cache(maxsize=8)
def _glossary_index(items: tuple[tuple[str, str], ...]) -> tuple[dict[str, str], re.Pattern]:
    escaped = {html.escape(term, quote=False): title for term, title in items}
    return escaped, _glossary_pattern(tuple(sorted(escaped, key=len, reverse=True)))


@lru_cache(maxsize=8)
def _glossary_pattern(terms: tuple[str, ...]) -> re.Pattern:
    alternatives = "|".join(re.escape(t) for t in terms)
    return re.compile(rf"(?<![\w&-])(?:{alternatives})(?![\w-])")
