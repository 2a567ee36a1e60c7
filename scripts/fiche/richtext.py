"""Fiche text (a small Markdown subset) to safe HTML.

Two independent layers, so that neither alone has to be perfect: the author's
text is HTML-escaped before Markdown sees it (raw HTML can never pass through),
and the result is cleaned by nh3 with an allowlist of tags, attributes and URL
schemes (http, https, mailto).
"""

from __future__ import annotations

import bisect
import html
import re
from functools import lru_cache
from html.parser import HTMLParser

import markdown
import nh3
from markdown.inlinepatterns import BACKTICK_RE, BacktickInlineProcessor
from markdown.treeprocessors import Treeprocessor
from markdown.util import AtomicString
from markupsafe import Markup

ALLOWED_TAGS = {"p", "ul", "ol", "li", "em", "strong", "a", "br", "code", "abbr"}
ALLOWED_ATTRIBUTES = {"a": {"href", "title"}, "abbr": {"title"}, "ol": {"start"}}
ALLOWED_SCHEMES = {"http", "https", "mailto"}
_TAG_SPLIT = re.compile(r"(<[^>]*>)")


# Block syntax outside the fiche subset whose tags the allowlist drops anyway. Python-Markdown handles each such
# line by re-queueing the rest of the block, where the header and rule processors search it again: a text of
# 10,000 "=" lines cost seconds per rendering (quadratic). Without them these lines are paragraph text.
LEFT_OUT_BLOCKS = ("hashheader", "setextheader", "hr")


@lru_cache(maxsize=1)
def _md() -> markdown.Markdown:
    md = markdown.Markdown(extensions=["sane_lists"], output_format="html")
    for name in LEFT_OUT_BLOCKS:
        md.parser.blockprocessors.deregister(name)
    md.treeprocessors.register(_LinkShapeGuard(md), "kb_link_shape", 25)  # before "inline" (20)
    md.treeprocessors.register(_CodeEscapedOnce(md), "kb_code_once", 15)  # after "inline"
    return md


class _CodeEscapedOnce(Treeprocessor):
    """Markdown escapes code text, but the author's text is already escaped: undo the second level, so that
    `a & b` shows "a & b" and not "a &amp; b". (The text holds no raw "<", ">" or "&" of its own.)"""

    def run(self, root):
        for element in root.iter("code"):
            if element.text:
                element.text = AtomicString(element.text.replace("&amp;", "&"))


def _markdown(text: str) -> str:
    """Markdown's HTML for the author's text, every raw HTML character escaped (not yet cleaned): Markdown sees
    them as stand-ins (_ESCAPED) and they come out as entities.
    Python-Markdown parses nested lists recursively: lists nested deeper than the stack allows (the validator
    refuses more than MAX_LIST_DEPTH levels) are shown as escaped text paragraphs, never a crash."""
    converter = _md()
    converter.reset()
    escaped = text.translate(_ESCAPE)
    try:
        return converter.convert(escaped).translate(_RESTORE)
    except RecursionError:
        _md.cache_clear()  # the parser's state was left mid-list: the next text gets a fresh converter
        blocks = (block.strip() for block in re.split(r"\n[^\S\n]*\n", escaped))
        return "\n".join(f"<p>{block}</p>" for block in blocks if block).translate(_RESTORE)


# Lists nested deeper than this are refused by the validator (fiche_check): no fiche needs more than a few
# levels, and Python-Markdown's recursion gives out a few hundred levels down.
MAX_LIST_DEPTH = 20
_LIST_PREFIX = re.compile(r"^([ \t]*)((?:(?:[-*+]|\d{1,9}[.)])[ \t]+)+)", re.MULTILINE)
_LIST_MARKER = re.compile(r"(?:[-*+]|\d{1,9}[.)])[ \t]+")


def list_depth(text: str) -> int:
    """How deep a line of the text nests lists, counted generously and in linear time: its indentation in steps
    of four columns plus the list markers that open it ("- - - x" is three levels)."""
    deepest = 0
    for match in _LIST_PREFIX.finditer(text):
        indent = len(match.group(1).expandtabs(4))
        deepest = max(deepest, indent // 4 + len(_LIST_MARKER.findall(match.group(2))))
    return deepest


def _clean(fragment: str) -> str:
    return nh3.clean(fragment, tags=ALLOWED_TAGS, attributes=ALLOWED_ATTRIBUTES, url_schemes=ALLOWED_SCHEMES,
                     link_rel="noopener noreferrer", strip_comments=True)


# Anything Markdown could act on; text without it is just paragraphs (most fiche text), rendered directly.
# Leading whitespace, tabs and line separators other than "\n" are Markdown's business too (code blocks, stripping).
# Whitespace before a list marker is looked for on its own line only ([^\S\n]*, not \s*): \s* ran on from every
# line start across all the following blank lines, quadratic in them (19,990 empty lines took the build 100 s).
_MARKUP = re.compile(r"[*_\[\]`<>&\\#!|]|^[^\S\n]*(?:[-+>]|\d+[.)])\s|^ {4}| {2}$|^[=-]+[ ]*$"
                     r"|^[^\S\n]|[\t\r\x0b\x0c\x1c-\x1f\x85\u2028\u2029]", re.MULTILINE)


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
    if not _MARKUP.search(text):
        return " ".join(text.split()) if "\n" in text else text.strip()
    parser = _TextNodes()
    parser.feed(_markdown(text))
    parser.close()
    return "".join(parser.parts).strip()


def plain_outline(text: str) -> str | dict:
    """The text as `plain`, but a text holding a list keeps its items apart: {"text": lead, "items": [...]}.
    A view that shows it with textContent (the compare table) can then draw the list instead of running its
    items together into one line. Items of nested lists follow their parent item, each on its own."""
    if not _MARKUP.search(text):
        return plain(text)
    parser = _Outline()
    parser.feed(_markdown(text))
    parser.close()
    items = [" ".join("".join(parts).split()) for parts in parser.items]
    items = [item for item in items if item]
    lead = " ".join("".join(parser.lead).split())
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


# --- Linear time -----------------------------------------------------------------------------------------------
# Python-Markdown finds the closing bracket of every "[" (and the closing parenthesis of every "](") by scanning
# forward, so a block with many brackets that close late or never costs quadratic time ("[ " × 9,999 in one text
# timed the build out). Before the inline patterns run, the text of each block (exactly what they will see, code
# spans and backslash escapes set aside the way Markdown sets them aside) is checked in linear time, and brackets
# and parentheses that cannot be part of a link are swapped for private-use stand-ins: Markdown treats those as
# plain characters, and they are swapped back right after Markdown, before the allowlist. Output is unchanged
# for every text where this only removes dead ends (tested on all texts of fiches/ and on random texts); shapes
# no author writes lose their link syntax and show it as text: links nested more than MAX_NESTING deep, a
# bracket closed only from inside a link destination, more than QUOTED_LINKS_PER_BLOCK links whose destination
# holds a quote in one block (Markdown scans to the end of the block for each).
MAX_NESTING = 4
QUOTED_LINKS_PER_BLOCK = 8
_STAND_IN = {"[": "\ue000", "]": "\ue001", "(": "\ue002", ")": "\ue003"}
# The author's "&", "<" and ">" go through Markdown as single private-use characters and come out escaped (&amp;
# &lt; &gt;): as entities, Markdown stashed each one as an inline match and rebuilt the rest of the text for each,
# so 20,000 "&" cost over a second per rendering; one character is also never split by emphasis, as an entity was not.
_ESCAPED = {"&": ("\ue004", "&amp;"), "<": ("\ue005", "&lt;"), ">": ("\ue006", "&gt;")}
_ESCAPE = str.maketrans({char: stand_in for char, (stand_in, _) in _ESCAPED.items()})
_RESTORE = str.maketrans({**{v: k for k, v in _STAND_IN.items()},
                          **{stand_in: entity for stand_in, entity in _ESCAPED.values()}})


class _LinkShapeGuard(Treeprocessor):
    """Runs before Markdown's inline patterns, on the text each block hands them."""

    def __init__(self, md: markdown.Markdown):
        super().__init__(md)
        self.backtick = BacktickInlineProcessor(BACKTICK_RE)
        escaped = "".join(re.escape(c) for c in md.ESCAPED_CHARS)
        self.tokens = re.compile(rf"\\[{escaped}]|[\[\]()\"']")

    def run(self, root):
        for element in root.iter():
            for attr in ("text", "tail"):
                value = getattr(element, attr)
                if value and not isinstance(value, AtomicString) and ("[" in value or "(" in value):
                    setattr(element, attr, self.guard(value))

    def _code_spans(self, data: str) -> list[tuple[int, int]]:
        """Code spans, found the way Markdown's first inline pattern finds them (their text is never parsed)."""
        spans: list[tuple[int, int]] = []
        pattern = self.backtick.getCompiledRegExp()
        pos = 0
        while (m := pattern.search(data, pos)) is not None:
            node, start, end = self.backtick.handleMatch(m, data)
            if start is None or end is None:
                pos = m.end(0)
                continue
            if node is not None:
                spans.append((start, end))
            pos = max(end, m.end(0))
        return spans

    def guard(self, data: str) -> str:
        tokens: list[tuple[int, str]] = []  # every bracket, parenthesis and quote the link patterns will see
        start = 0
        for span_start, span_end in (self._code_spans(data) if "`" in data else []) + [(len(data), len(data))]:
            tokens.extend((m.start(), m.group()) for m in self.tokens.finditer(data, start, span_start)
                          if m.end() - m.start() == 1)
            start = span_end
        brackets = [t for t in tokens if t[1] in "[]"]
        parens = [t for t in tokens if t[1] in "()"]
        paren_match, paren_depth = _match(parens, "(", ")")
        replaced: set[int] = set()
        # 1. A bracket inside a link destination is text once the link is made: it must not close a "[" either.
        bracket_match, _ = _match(brackets, "[", "]")
        destinations = sorted((close + 1, paren_match[close + 1]) for close in bracket_match.values()
                              if close + 1 in paren_match)
        replaced.update(_inside(destinations, [p for p, _ in brackets]))
        # 2. A "[" that never closes, or closes more than MAX_NESTING deep, is text (with its "]").
        bracket_match, bracket_depth = _match([t for t in brackets if t[0] not in replaced], "[", "]")
        replaced.update(p for p, c in brackets if c == "[" and p not in replaced and p not in bracket_match)
        for open_, depth in bracket_depth.items():
            if depth > MAX_NESTING:
                replaced.update((open_, bracket_match.pop(open_)))
        # 3. "](" whose parenthesis never closes is text; so is one nested too deep, and quoted ones over budget.
        quotes = [p for p, c in tokens if c in "\"'"]
        budget = QUOTED_LINKS_PER_BLOCK
        for close in sorted(bracket_match.values()):
            paren = close + 1
            if not data.startswith("(", paren):
                continue
            end = paren_match.get(paren)
            quoted = _any_between(quotes, paren, len(data) if end is None else end)
            if quoted:
                budget -= 1
            if (end is None and not quoted) or paren_depth.get(paren, 0) > MAX_NESTING or budget < 0:
                replaced.update(p for p in (paren, end) if p is not None)
        if not replaced:
            return data
        chars = list(data)
        for p in replaced:
            chars[p] = _STAND_IN[chars[p]]
        return "".join(chars)


def _match(tokens: list[tuple[int, str]], open_: str, close: str) -> tuple[dict[int, int], dict[int, int]]:
    """Stack matching (opener → closer) and each matched opener's depth among matched pairs (1 = outermost)."""
    stack: list[int] = []
    match: dict[int, int] = {}
    for p, c in tokens:
        if c == open_:
            stack.append(p)
        elif stack:
            match[stack.pop()] = p
    depth: dict[int, int] = {}
    ends: list[int] = []
    for p, c in tokens:  # unmatched openers left out: they do not nest anything
        if c == open_ and p in match:
            ends.append(match[p])
            depth[p] = len(ends)
        elif c == close and ends and ends[-1] == p:
            ends.pop()
    return match, depth


def _inside(intervals: list[tuple[int, int]], positions: list[int]) -> list[int]:
    """Positions strictly inside any of the sorted (start, end) intervals, in linear time."""
    out: list[int] = []
    i = 0
    reach = -1
    start = -1
    for p in positions:
        while i < len(intervals) and intervals[i][0] < p:
            if intervals[i][1] > reach:
                start, reach = intervals[i]
            i += 1
        if start < p < reach:
            out.append(p)
    return out


def _any_between(sorted_positions: list[int], low: int, high: int) -> bool:
    i = bisect.bisect_right(sorted_positions, low)
    return i < len(sorted_positions) and sorted_positions[i] < high
