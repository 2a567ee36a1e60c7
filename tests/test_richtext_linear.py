"""The renderer's linear-time guard: Markdown's work stays proportional to the text, and the output is the same
as Markdown's own for every text where the guard only removes dead ends (all texts of fiches/, random texts)."""

from __future__ import annotations

import random

import markdown
import pytest
import yaml
from conftest import ROOT
from markdown.inlinepatterns import LinkInlineProcessor

from scripts.fiche import richtext

_ALONE = markdown.Markdown(extensions=["sane_lists"], output_format="html")
_ALONE.treeprocessors.register(richtext._CodeEscapedOnce(_ALONE), "kb_code_once", 15)
for _name in richtext.LEFT_OUT_BLOCKS:  # headings and rules are not fiche syntax (their cost was quadratic)
    _ALONE.parser.blockprocessors.deregister(_name)


def _reference(text: str) -> str:
    """Markdown alone (no guard, no plain-text fast path) on the text escaped as the renderer escapes it (HTML
    characters as stand-ins, entities after), then the same allowlist; a no-break space is the same character
    whether the allowlist writes it as an entity or not."""
    converted = _ALONE.reset().convert(text.translate(richtext._ESCAPE)).translate(richtext._RESTORE)
    return richtext._clean(converted).replace("&nbsp;", "\xa0")


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


def _fiche_texts() -> list[str]:
    out: list[str] = []
    for path in sorted((ROOT / "fiches").glob("*.yml")) + sorted((ROOT / "tests" / "fixtures" / "valid").glob("*.yml")):
        out.extend(_texts(yaml.safe_load(path.read_text(encoding="utf-8"))))
    return out


# Pieces of ordinary fiche text, with brackets and parentheses that close, close late or never close.
ATOMS = ["[", "]", "(", ")", " ", "a", "woord", "\n", "\n\n", "- ", "1. ", "*", "**", "_", "`", "\\[", ", ", ". ",
         "[a](https://x.be)", "![b](https://x.be/i.png)", "(zie [c](https://c.be/d))", "[d](mailto:e@f.be)",
         "[a](https://x.be/(b))", "    ", "&amp;", "<", "\t", "\xa0", "\u202f", "=", "-", ":", "+", "#"]


def _random_texts(seed: int, count: int) -> list[str]:
    rng = random.Random(seed)
    return ["".join(rng.choice(ATOMS) for _ in range(rng.randint(1, 40))) for _ in range(count)]


def test_fiche_texts_render_as_markdown_alone_renders_them():
    texts = _fiche_texts()
    assert len(texts) > 50
    for text in texts:
        assert str(richtext.to_html(text)).replace("&nbsp;", "\xa0") == _reference(text), text


@pytest.mark.parametrize("seed", range(3))
def test_random_texts_render_as_markdown_alone_renders_them(seed):
    for text in _random_texts(seed, 1000):
        assert str(richtext.to_html(text)).replace("&nbsp;", "\xa0") == _reference(text), repr(text)


def test_plain_paragraph_fast_path_matches_markdown():
    """Text without markup skips Markdown; whitespace, setext underlines and line separators must not."""
    rng = random.Random(7)
    pieces = [" ", "a", "b", "\n", "\n\n", "\t", " (", ", ", "  ", "\r", "\x0c", "\xa0", "\u2028", "é", "1", ".",
              "-", "+", "=", "\u202f", ":", ")"]
    checked = 0
    for _ in range(20_000):
        text = "".join(rng.choice(pieces) for _ in range(rng.randint(1, 12)))
        fast = richtext._plain_paragraphs(text)
        if fast is not None:
            checked += 1
            assert fast == _reference(text), repr(text)
    assert checked > 1000


# Shapes whose brackets close late or never: Markdown alone scans to the end of the block for each of them.
COSTLY = ["[ ", "[", "![ ", "[a](", "[x][", "[a](https://x'c) ", '[a](b"c) ', "[b [a](https://x/]y) ", "[a]((",
          "[[[[", "[a](https://x.be)[", "- [ \n", "[`a` ", "(", "[a](" * 3 + ")"]


class _Meter:
    """Counts the characters Markdown's link patterns scan (getText, getLink) while the renderer runs."""

    def __init__(self, monkeypatch):
        self.scanned = 0
        get_text, get_link = LinkInlineProcessor.getText, LinkInlineProcessor.getLink

        def counted_text(processor, data, index):
            result = get_text(processor, data, index)
            self.scanned += max(result[1] - index, 0)
            return result

        def counted_link(processor, data, index):
            result = get_link(processor, data, index)
            self.scanned += max((result[2] if result[2] >= 0 else len(data)) - index, 0)
            return result

        monkeypatch.setattr(LinkInlineProcessor, "getText", counted_text)
        monkeypatch.setattr(LinkInlineProcessor, "getLink", counted_link)


@pytest.mark.parametrize("shape", COSTLY)
def test_link_scanning_is_linear_in_the_text(monkeypatch, shape):
    meter = _Meter(monkeypatch)
    per_char = []
    for size in (2_000, 20_000):  # 20,000 characters: the schema's longest text
        text = (shape * (size // len(shape) + 1))[:size]
        meter.scanned = 0
        richtext.to_html(text)
        richtext.plain(text)
        per_char.append(meter.scanned / size)
    # Quadratic scanning would make the larger text cost about ten times more per character.
    assert per_char[1] <= 2 * per_char[0] + 1 and per_char[1] < 40, (shape, per_char)


def test_the_meter_sees_markdown_alone_go_quadratic(monkeypatch):
    """The measurement itself works: without the guard the same shape costs far more per character."""
    meter = _Meter(monkeypatch)
    converter = markdown.Markdown(extensions=["sane_lists"])
    per_char = []
    for size in (500, 2_000):
        meter.scanned = 0
        converter.reset().convert("[ " * (size // 2))
        per_char.append(meter.scanned / size)
    assert per_char[1] > 3 * per_char[0]


def test_links_nested_too_deep_show_as_text_and_ordinary_nesting_stays():
    assert 'href="https://x.be"' in str(richtext.to_html("(zie ([bron](https://x.be)))"))
    deep = str(richtext.to_html("[" * 10 + "a" + "]" * 10 + "(https://x.be)"))
    assert deep.count("<a ") == 1 and "[" * 9 + "a" + "]" * 9 + "</a>" in deep  # the outer link; the rest is text


def test_plain_text_of_escaped_markdown_is_text_once():
    """Escaped Markdown stays literal text in plain(): one level of decoding, no element, no entity left over."""
    assert richtext.plain(r"[x]\(https://x.be)") == "[x](https://x.be)"
    assert richtext.plain("&lt;script&gt; & `<b>` [a](https://x.be)") == "&lt;script&gt; & <b> a"
    assert richtext.plain("`a & b` *c*") == "a & b c"


def test_code_is_escaped_once():
    """The page shows code exactly as written: `a & b < c` as "a & b < c" (one level of escaping in the HTML)."""
    assert "<code>a &amp; b &lt; c</code>" in str(richtext.to_html("Zie `a & b < c`."))
    assert "<code>x &amp;lt; y\n</code>" in str(richtext.to_html("Tekst.\n\n    x &lt; y"))
