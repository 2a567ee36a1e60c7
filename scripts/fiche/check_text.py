"""The checks of a text field ({nl: …, fr: …}): its languages, and what its Markdown may hold.

A mixin of scripts.fiche.check.Checker (it reports through the checker and shares its walk state). Fiche text
is rendered through an allowlist; these checks refuse up front, with a message, what the renderer would drop
or could not render: raw HTML, links other than web and e-mail addresses, lists nested too deep.
"""

from __future__ import annotations

import html
import re

import yaml

from scripts.fiche import richtext
from scripts.fiche import schema as s
from scripts.fiche.nodes import YAML_STR, is_null, join
from scripts.fiche.problems import Joined, did_you_mean, msg

RAW_HTML = re.compile(r"</?[a-zA-Z!?]")
AUTOLINK = re.compile(r"<((?:https?://|mailto:)[^<>\s]*)>")
LINE_BREAK = re.compile("[\n\r\x85\u2028\u2029]")
LIST_ITEM = re.compile(r"^ {0,3}([-*+]|\d{1,9}[.)])[ \t]+\S")
LIST_START = re.compile(r"\n {0,3}\d{1,9}[.)][ \t]")  # a numbered list: see _list_after_text
PARAGRAPH_BREAK = re.compile(r"[-*+]|0*1[.)]")  # list markers that may start a list right after a line of text
MD_LINK = re.compile(r"\]\(\s*<?([^)\s>]*)")
# A reference definition `[r]: target` (Markdown makes `[text][r]` a link to it), target possibly on the next line.
REF_DEF = re.compile(r"^[ ]{0,3}\[[^\]\n]+\]:[ \t]*\n?[ \t]*<?([^\s>]*)", re.MULTILINE)
# A link may only lead to a web page or an e-mail address; a browser drops tabs and line breaks inside a URL and
# leading spaces and controls before reading its scheme, so they are dropped here too.
SAFE_LINK = re.compile(r"(?:https?://|mailto:)", re.IGNORECASE)
URL_DROPPED = re.compile(r"[\t\n\r]")
# A dangerous scheme as a whole word (`x-data:` is another, harmless scheme).
UNSAFE_SCHEME = re.compile(r"(?<![a-zA-Z0-9+.-])(javascript|data|vbscript|file):(?!\s)", re.IGNORECASE)
LONG_WORD = 60
LONG_WORDS = re.compile(rf"(?<!\S)\S{{{LONG_WORD + 1},}}")  # tried at word starts only: linear


class TextChecks:
    def _text(self, schema: s.Text, node: yaml.Node, path: str):
        if not isinstance(node, yaml.MappingNode):
            self._expect(node, path, msg("want_text2"))
            return None
        out = {}
        reported: set[str] = set()
        for key, key_node, value_node in self._mapping_items(node, path):
            lang_path = join(path, key)
            if key not in s.LANGS:
                self._unknown_language(node, key, key_node, value_node, lang_path)
                continue
            if is_null(value_node):
                continue  # reported as missing below
            reported.add(key)
            value = self._language_value(value_node, lang_path)
            if value is None:
                continue
            self._text_content(schema, value_node, lang_path, value)
            if value.strip():
                out[key] = s.TEXT_TYPOGRAPHY.get(key, str)(value.strip() if schema.inline else value.rstrip())
            else:
                reported.discard(key)
        return self._complete(node, path, out, reported)

    def _unknown_language(self, node: yaml.MappingNode, key: str, key_node: yaml.Node, value_node: yaml.Node,
                          path: str) -> None:
        comma_trap = node.flow_style and (" " in key or is_null(value_node))
        hint = msg("comma_trap") if comma_trap else did_you_mean(key, s.LANGS)
        self.report(key_node, path, msg("unknown_language", hint=hint, langs=Joined(tuple(s.LANGS), "and")))

    def _language_value(self, value_node: yaml.Node, path: str) -> str | None:
        """The text of one language, or None once what stands there instead is reported."""
        if not self.admitted(value_node, path):
            return None
        if not isinstance(value_node, yaml.ScalarNode):
            self._expect(value_node, path, msg("want_text"))
            return None
        value = str(value_node.value)
        if value_node.tag != YAML_STR:
            self.report(value_node, path, msg("text_not_text", value=repr(value)))
            return None
        if self.escapes and self._unsafe_chars(value_node, path, value):
            return None
        return value

    def _complete(self, node: yaml.MappingNode, path: str, out: dict, reported: set[str]) -> dict | None:
        """Every language present: a draft may leave translations for later (a warning), a fiche may not."""
        if not out and not reported and self.draft:
            self.report(node, path, msg("text_missing_both"))
            return None
        for lang in s.LANGS:
            if lang not in out and lang not in reported:
                if self.draft:
                    self.report(node, join(path, lang), msg("translation_missing"), "warning")
                else:
                    self.report(node, join(path, lang), msg("text_missing"))
        return out or None

    def _text_content(self, schema: s.Text, node: yaml.Node, path: str, value: str) -> None:
        if len(value) > schema.max_len:
            self.report(node, path, msg("text_too_long", length=len(value), limit=schema.max_len))
            return
        if schema.inline and LINE_BREAK.search(value.strip()):
            self.report(node, path, msg("single_line"))
        if "<" in value:
            self._markup(node, path, value)
        if "]" in value or ":" in value:  # links (inline and reference definitions) and schemes
            self._links(node, path, value)
        if len(value) > LONG_WORD:
            self._long_word(node, path, value)
        if not schema.inline and "\n" in value and LIST_START.search(value):
            self._list_after_text(node, path, value)
        depth = richtext.list_depth(value)
        if depth > richtext.MAX_LIST_DEPTH:  # what the renderer cannot render is refused here, with a message
            self.report(node, path, msg("list_too_deep", depth=depth, limit=richtext.MAX_LIST_DEPTH))

    def _markup(self, node: yaml.Node, path: str, value: str) -> None:
        autolink = AUTOLINK.search(value)
        if autolink:  # the renderer reads no autolinks: it would show as literal text
            self.report(node, path, msg("autolink", url=autolink.group(1)))
        if RAW_HTML.search(AUTOLINK.sub("", value)):
            self.report(node, path, msg("raw_html"))

    def _links(self, node: yaml.Node, path: str, value: str) -> None:
        # Checked as a Markdown reader of the open data sees them: HTML entities decoded (&#106;avascript:).
        decoded = html.unescape(value) if "&" in value else value
        targets = (MD_LINK.findall(decoded) if "](" in decoded else []) + \
            (REF_DEF.findall(decoded) if "]:" in decoded else [])
        for target in targets:
            self._link_target(node, path, target)
        # A scheme in running text is refused as written; decoded (javascript&#58;) it is text, not a link.
        for scheme in UNSAFE_SCHEME.findall(value) if ":" in value else ():
            self.report(node, path, msg("bad_scheme", scheme=scheme))

    def _long_word(self, node: yaml.Node, path: str, value: str) -> None:
        for word in LONG_WORDS.findall(value):
            if "://" not in word and "@" not in word:
                self.report(node, path, msg("long_word", length=len(word), start=word[:30]), "warning")
                break

    def _list_after_text(self, node: yaml.ScalarNode, path: str, value: str) -> None:
        """A numbered list that does not start at 1 needs an empty line before it when it follows a paragraph
        (CommonMark: only a bullet list or a list from 1 may interrupt one); without it the items render as one
        paragraph with literal '2.' characters."""
        in_list, previous_blank = False, True
        for index, line in enumerate(value.split("\n")):
            if not line.strip():
                previous_blank = True
                continue
            item = LIST_ITEM.match(line)
            if item:
                if not previous_blank and not in_list and not PARAGRAPH_BREAK.fullmatch(item.group(1)):
                    # in a block text (| or >) the value's lines start on the line after the key
                    line_no = node.start_mark.line + 2 + index if node.style in ("|", ">") else None
                    self.report(node, path, msg("list_after_text", marker=item.group(1)), "warning", line=line_no)
                    return
                in_list = True
            elif previous_blank and not line.startswith((" ", "\t")):
                in_list = False
            previous_blank = False

    def _link_target(self, node: yaml.Node, path: str, target: str) -> None:
        """A link leads to http://, https:// or mailto: only; no other scheme, nor an address without one
        (`//evil.example` is another host, `../../admin/` a page of the site the text does not know)."""
        url = URL_DROPPED.sub("", target).lstrip("".join(map(chr, range(0x21))))
        if url and not SAFE_LINK.match(url):
            self.report(node, path, msg("link_not_allowed", target=repr(target[:60])))
