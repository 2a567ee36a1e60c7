"""The fiche renderer (markdown-it-py, then nh3) is linear and safe by construction: its work grows in proportion
to the text on every shape that made Python-Markdown quadratic, and no raw HTML reaches the page, from either
layer on its own."""

from __future__ import annotations

import random
import re
import sys
from html.parser import HTMLParser

import markdown
import pytest
import yaml
from conftest import ROOT

from scripts.fiche import richtext

# Shapes whose brackets, delimiters or lines close late or never (quadratic in Python-Markdown without its guard),
# and the worst-case fiche's `*a* `.
SHAPES = ["[ ", "[", "![ ", "[a](", "[x][", "[a](https://x'c) ", '[a](b"c) ', "[b [a](https://x/]y) ", "[a]((",
          "[[[[", "[a](https://x.be)[", "- [ \n", "[`a` ", "(", "[a](" * 3 + ")", "[](", "](", "*a* ", "*", "_a ",
          "**a", "*a **b ", "`", "` ", "``a` ", "\\[", "&", "<", "a&b ", "a  \n", "a\n", "- a\n", "1. a\n",
          "- - - a\n", "> ", "=\n", "# a\n", "[a]: x\n", " \n", "    a\n"]


def operations(render, text: str) -> int:
    """Python and C function calls while `render(text)` runs: a count of work that does not depend on the
    machine's load, as a time would."""
    count = 0
    richtext._markdown.cache_clear()  # a text rendered before would cost nothing

    def profile(frame, event, arg):
        nonlocal count
        count += 1

    sys.setprofile(profile)
    try:
        render(text)
    finally:
        sys.setprofile(None)
    return count


def _growth(render, shape: str, size: int) -> float:
    """How much more work a text of 4 × `size` characters costs than one of `size`: 4 when linear, 16 when
    quadratic."""
    texts = [(shape * (n // len(shape) + 1))[:n] for n in (size, 4 * size)]
    small, large = (operations(render, text) for text in texts)
    return large / small


def _rendered(text: str) -> None:
    richtext.to_html(text)
    richtext.plain(text)
    richtext.plain_outline(text)


@pytest.mark.parametrize("shape", SHAPES)
def test_the_renderer_is_linear_on_the_worst_shapes(shape):
    _rendered("warm up")  # the parser is built once, on first use
    assert _growth(_rendered, shape, 1_000) < 4.5, shape


def test_the_measure_sees_a_quadratic_renderer():
    """The measurement itself works: Python-Markdown alone is quadratic on unclosed brackets."""
    assert _growth(markdown.markdown, "[ ", 500) > 8


def test_lists_as_deep_as_the_validator_allows_render_whole():
    """markdown-it drops what lies below its nesting limit: every list the validator accepts stays above it,
    however tightly indented, and a deeper one (only the preview shows it) is text, not lost."""
    depth = richtext.MAX_LIST_DEPTH
    tight = "\n".join("  " * level + f"- item{level}" for level in range(depth))
    for text in (tight, "- " * (depth - 1) + "- item", "1. " * (depth - 1) + "1. item"):
        assert richtext.list_depth(text) <= depth
        html = str(richtext.to_html(text))
        assert html.count("<li>") == depth and html.count("item") == text.count("item"), text
    deeper = "\n".join("  " * level + f"- item{level}" for level in range(depth + 5))
    assert richtext.list_depth(deeper) > depth
    assert f"item{depth + 4}" in str(richtext.to_html(deeper))


class _Tags(HTMLParser):
    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.tags: list[tuple[str, dict]] = []

    def handle_starttag(self, tag, attrs):
        self.tags.append((tag, dict(attrs)))


# A URL's scheme as a browser reads it (tabs and line breaks dropped, leading spaces and controls too).
_SCHEME = re.compile(r"([a-zA-Z][a-zA-Z0-9+.-]*):")


def _tags(fragment: str) -> list[tuple[str, dict]]:
    parser = _Tags()
    parser.feed(fragment)
    parser.close()
    return parser.tags


HOSTILE = ["<script>alert(1)</script>", "<b onmouseover=alert(1)>x</b>", "<img src=x onerror=alert(1)>", "<!-- c -->",
           "<https://x.be>", "<a href='javascript:alert(1)'>", "&lt;script&gt;", "&#60;b&#62;", "[a](javascript:x)",
           "[a](data:text/html,x)", "[a](  jav&#x09;ascript:x)", "![i](https://x.be/i.png)", "`<b>`", "\\<b>",
           "<div markdown=1>*x*</div>", "*", "[", "](", "\n\n", "\n", "    ", "- ", "1. ", "> ", "# ", "a", " ",
           '"', "'", "=", "|", "{: onclick=x}", "[r]: javascript:x\n", "[x][r]", "<?php ?>", "<![CDATA[x]]>"]


@pytest.mark.parametrize("seed", range(3))
def test_no_raw_html_passes_either_layer(seed):
    """Random texts of hostile pieces: markdown-it alone (raw HTML off) already writes only the subset's own
    tags, every `<` of the author as text; after nh3, only allowlisted tags, attributes and schemes remain."""
    rng = random.Random(seed)
    own = richtext.ALLOWED_TAGS - {"abbr"} | {"pre"}  # an indented code block is <pre><code>; nh3 drops the <pre>
    for _ in range(500):
        text = "".join(rng.choice(HOSTILE) for _ in range(rng.randint(1, 12)))
        assert {tag for tag, _ in _tags(richtext._markdown(text))} <= own, repr(text)
        for tag, attrs in _tags(str(richtext.to_html(text))):
            assert tag in richtext.ALLOWED_TAGS, repr(text)
            assert set(attrs) <= richtext.ALLOWED_ATTRIBUTES.get(tag, set()) | {"rel"}, repr(text)
            scheme = _SCHEME.match(re.sub(r"[\t\n\r]", "", attrs.get("href", "")).lstrip("\x00- "))
            assert scheme is None or scheme.group(1).lower() in richtext.ALLOWED_SCHEMES, repr(text)


def _texts(value):
    if isinstance(value, dict):
        if value and set(value) <= {"nl", "fr"} and all(isinstance(v, str) for v in value.values()):
            yield from value.values()
        else:
            for v in value.values():
                yield from _texts(v)
    elif isinstance(value, list):
        for v in value:
            yield from _texts(v)


def test_every_fiche_text_renders_to_the_allowlist_and_keeps_its_words():
    paths = sorted((ROOT / "fiches").glob("*.yml")) + sorted((ROOT / "tests" / "fixtures" / "valid").glob("*.yml"))
    texts = [text for path in paths for text in _texts(yaml.safe_load(path.read_text(encoding="utf-8")))]
    assert len(texts) > 50
    for text in texts:
        assert {tag for tag, _ in _tags(str(richtext.to_html(text)))} <= richtext.ALLOWED_TAGS, text
        words = [w.strip("*_`[]().,;:") for w in text.split() if w.isalpha()]
        assert all(word in richtext.plain(text) for word in words), text


def test_links_in_brackets_and_brackets_in_links():
    assert 'href="https://x.be"' in str(richtext.to_html("(zie ([bron](https://x.be)))"))
    assert '<a href="https://x.be" rel="noopener noreferrer">a [b [c]]</a>' in str(
        richtext.to_html("[a [b [c]]](https://x.be)"))
    nested = richtext.INLINE_NESTING - 2
    link = "[" * nested + "a" + "]" * nested + "(https://x.be)"
    assert str(richtext.to_html(link)).count("<a ") == 1
    deep = "[" * 3 * nested + "a" + "]" * 3 * nested + "(https://x.be)"
    assert str(richtext.to_html(deep)) == f"<p>{deep}</p>"  # brackets nested too deep: text, as written


def test_plain_text_of_escaped_markdown_is_text_once():
    """Escaped Markdown stays literal text in plain(): one level of decoding, no element, no entity left over."""
    assert richtext.plain(r"[x]\(https://x.be)") == "[x](https://x.be)"
    assert richtext.plain("&lt;script&gt; & `<b>` [a](https://x.be)") == "&lt;script&gt; & <b> a"
    assert richtext.plain("`a & b` *c*") == "a & b c"


def test_plain_text_is_one_line_and_keeps_no_break_spaces():
    """Titles, search data, CSV and the feed get one line; French typography's no-break spaces stay."""
    assert richtext.plain("Objectif\xa0:\n*un*\n\ndeux\xa0;") == "Objectif\xa0: un deux\xa0;"
    assert richtext.plain_outline("Lead\xa0:\n\n- a\n- b") == {"text": "Lead\xa0:", "items": ["a", "b"]}


def test_code_is_escaped_once():
    """The page shows code exactly as written: `a & b < c` as "a & b < c" (one level of escaping in the HTML)."""
    assert "<code>a &amp; b &lt; c</code>" in str(richtext.to_html("Zie `a & b < c`."))
    assert "<code>x &amp;lt; y\n</code>" in str(richtext.to_html("Tekst.\n\n    x &lt; y"))
