"""Fiche text (a small Markdown subset) to safe HTML.

Two independent layers, so that neither alone has to be perfect: markdown-it-py parses only the syntax fiche text
uses, with raw HTML off (the author's "<" and "&" always come out as text), and nh3 cleans the result with an
allowlist of tags, attributes and URL schemes (http, https, mailto). markdown-it is a CommonMark parser built to
stay linear in its input (delimiter stacks, cached link labels, a nesting limit), so nothing here guards its work.
"""

from __future__ import annotations

import html
import re
from functools import lru_cache
from html.parser import HTMLParser

import nh3
from markdown_it import MarkdownIt
from markupsafe import Markup

ALLOWED_TAGS = {"p", "ul", "ol", "li", "em", "strong", "a", "br", "code", "abbr"}
ALLOWED_ATTRIBUTES = {"a": {"href", "title"}, "abbr": {"title"}, "ol": {"start"}}
ALLOWED_SCHEMES = {"http", "https", "mailto"}
_TAG_SPLIT = re.compile(r"(<[^>]*>)")
_SPACES = re.compile(r"[ \t\n\r\f\v]+")

# The fiche subset: paragraphs, lists, emphasis, links, code, backslash escapes and line breaks. Everything else
# stays text as written: headings, rules and quotes (not fiche syntax), raw HTML and autolinks (refused or
# flagged by the validator), images, tables, and entities (`&lt;` shows as "&lt;", as the author typed it).
BLOCK_RULES = ["paragraph", "list", "code"]
INLINE_RULES = ["text", "newline", "escape", "backticks", "emphasis", "link"]

# Lists nested deeper than this are refused by the validator (fiche.check): no fiche needs more than a few
# levels. markdown-it parses nested lists recursively and drops whatever lies below its nesting limit (`maxNesting`,
# two levels per list: the list and its item), so the limit leaves room for every list the validator accepts.
MAX_LIST_DEPTH = 20
_BLOCK_NESTING = 2 * MAX_LIST_DEPTH + 2
# Inline, the limit is how deep markdown-it looks into brackets nested in a link's text (`[a [b]](…)`): it reads on
# through the brackets after each "[" down to this depth, so the limit sets what a text of unclosed brackets costs
# (`[ ` × 10,000 took 0.9 s at the lists' limit). Brackets nested deeper than this in a link show as text.
INLINE_NESTING = 8
_LIST_PREFIX = re.compile(r"^([ \t]*)((?:(?:[-*+]|\d{1,9}[.)])[ \t]+)+)", re.MULTILINE)
_LIST_MARKER = re.compile(r"(?:[-*+]|\d{1,9}[.)])[ \t]+")


@lru_cache(maxsize=2)
def _parser(lists: bool = True) -> MarkdownIt:
    blocks = MarkdownIt("zero", {"html": False, "maxNesting": _BLOCK_NESTING})
    blocks.enable(BLOCK_RULES if lists else [rule for rule in BLOCK_RULES if rule != "list"])
    inline = MarkdownIt("zero", {"html": False, "maxNesting": INLINE_NESTING}).enable(INLINE_RULES)
    blocks.core.ruler.at("inline", lambda state: _parse_inline(inline, state))
    return blocks


def _parse_inline(inline: MarkdownIt, state) -> None:
    """markdown-it's own inline step, run by the parser that has the inline nesting limit."""
    for token in state.tokens:
        if token.type == "inline":
            token.children = []
            inline.inline.parse(token.content, inline, state.env, token.children)


def list_depth(text: str) -> int:
    """How deep a line of the text nests lists, counted generously and in linear time: its indentation in steps
    of two columns (the narrowest list item) plus the list markers that open it ("- - - x" is three levels)."""
    deepest = 0
    for match in _LIST_PREFIX.finditer(text):
        indent = len(match.group(1).expandtabs(4))
        deepest = max(deepest, indent // 2 + len(_LIST_MARKER.findall(match.group(2))))
    return deepest


@lru_cache(maxsize=512)
def _markdown(text: str) -> str:
    """markdown-it's HTML for the author's text (not yet cleaned). A text nesting lists deeper than the validator
    allows (the preview shows invalid fiches) is read without lists, so that none of it falls below the limit.
    A view asks for the same text's HTML, plain text and outline (about three times per text in a build): the
    recent ones are kept, so each is parsed once."""
    return _parser(list_depth(text) <= MAX_LIST_DEPTH).render(text).rstrip("\n")


def _clean(fragment: str) -> str:
    """The allowlist's HTML. nh3 writes a no-break space as `&nbsp;`; the page keeps the character itself, as the
    text has it (French typography puts one before `:` and `;` and inside « »)."""
    return nh3.clean(fragment, tags=ALLOWED_TAGS, attributes=ALLOWED_ATTRIBUTES, url_schemes=ALLOWED_SCHEMES,
                     link_rel="noopener noreferrer", strip_comments=True).replace("&nbsp;", "\xa0")


def _one_line(text: str) -> str:
    """Runs of spaces and line breaks as one space; no-break spaces (typography) are kept."""
    return _SPACES.sub(" ", text).strip(" ")


def to_html(text: str, glossary: dict[str, str] | None = None) -> Markup:
    """Block Markdown (paragraphs, lists) to safe HTML."""
    return Markup(_abbreviate(_clean(_markdown(text)), glossary))


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
    """The text a reader sees, without markup (for titles, search data and CSV): the text nodes of the rendered
    HTML, decoded once, as a browser decodes them. It is text, not Markdown: escaped Markdown in the source
    (`[x]\\(…)`) comes out as its literal characters, so a caller must escape it for HTML and must never hand it
    to Markdown again."""
    parser = _TextNodes()
    parser.feed(_markdown(text))
    parser.close()
    return _one_line("".join(parser.parts))


def plain_outline(text: str) -> str | dict:
    """The text as `plain`, but a text holding a list keeps its items apart: {"text": lead, "items": [...]}.
    A view that shows it with textContent (the compare table) can then draw the list instead of running its
    items together into one line. Items of nested lists follow their parent item, each on its own."""
    parser = _Outline()
    parser.feed(_markdown(text))
    parser.close()
    items = [_one_line("".join(parts)) for parts in parser.items]
    items = [item for item in items if item]
    lead = _one_line("".join(parser.lead))
    return {"text": lead, "items": items} if items else lead


class _Outline(HTMLParser):
    """Text nodes outside list items (the lead) and each list item's own text nodes, in document order."""

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.lead: list[str] = []
        self.items: list[list[str]] = []
        self._open: list[int] = []  # indexes in self.items of the list items being read

    def handle_starttag(self, tag: str, attrs) -> None:
        if tag == "li":
            self._open.append(len(self.items))
            self.items.append([])
        elif tag in ("p", "br") and self._open:
            self.items[self._open[-1]].append(" ")
        elif tag in ("p", "br"):
            self.lead.append(" ")

    def handle_endtag(self, tag: str) -> None:
        if tag == "li" and self._open:
            self._open.pop()

    def handle_data(self, data: str) -> None:
        (self.items[self._open[-1]] if self._open else self.lead).append(data)


class _TextNodes(HTMLParser):
    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.parts: list[str] = []

    def handle_data(self, data: str) -> None:
        self.parts.append(data)


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
