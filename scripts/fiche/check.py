"""Check a YAML node tree against the schema, collecting every problem with its position.

Works on composed nodes (not constructed Python values) so that each problem can
name line and column, duplicate keys are seen, and tags or aliases are refused
before anything is built from them.
"""

from __future__ import annotations

import datetime as dt
import difflib
import html
import math
import re
import unicodedata
from functools import lru_cache

import yaml

from scripts.fiche import richtext
from scripts.fiche import schema as s
from scripts.fiche.loader import INVISIBLE
from scripts.fiche.problems import Joined, Problem, closest_first, did_you_mean, msg

YAML_STR = "tag:yaml.org,2002:str"
YAML_INT = "tag:yaml.org,2002:int"
YAML_FLOAT = "tag:yaml.org,2002:float"
YAML_BOOL = "tag:yaml.org,2002:bool"
YAML_NULL = "tag:yaml.org,2002:null"
YAML_TIMESTAMP = "tag:yaml.org,2002:timestamp"
YAML_MAP = "tag:yaml.org,2002:map"
YAML_SEQ = "tag:yaml.org,2002:seq"
YAML_TRUE = {"true", "yes", "on", "y"}
ALLOWED_TAGS = {YAML_STR, YAML_INT, YAML_FLOAT, YAML_BOOL, YAML_NULL, YAML_TIMESTAMP, YAML_MAP, YAML_SEQ}

RAW_HTML = re.compile(r"</?[a-zA-Z!?]")
AUTOLINK = re.compile(r"<((?:https?://|mailto:)[^<>\s]*)>")
# Control characters that reach a value through escapes in double quotes ("\r", "\x00", "\e" …); raw ones
# are refused by the loader. A tab and a newline are ordinary text.
CONTROL = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f]")
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
# What a short code (a page reference such as `p. 26, 1.5`, an id) may not hold: markup a Markdown reader of the
# open data would act on, an HTML entity, a line break.
CODE_MARKUP = re.compile(r"[<>\[\]`*_\\|]|&(?:#[0-9]|#[xX][0-9a-fA-F]|[A-Za-z][A-Za-z0-9]*;)|[\n\r\x85\u2028\u2029]")
# A dangerous scheme as a whole word (`x-data:` is another, harmless scheme).
UNSAFE_SCHEME = re.compile(r"(?<![a-zA-Z0-9+.-])(javascript|data|vbscript|file):(?!\s)", re.IGNORECASE)
LONG_WORD = 60
LONG_WORDS = re.compile(rf"(?<!\S)\S{{{LONG_WORD + 1},}}")  # tried at word starts only: linear
EMAIL = re.compile(s.EMAIL_PATTERN)
SAFE_SCHEMES = {"http", "https", "mailto"}
FICHE_ID = s.Str(pattern=s.ID_PATTERN, example="ocmw-antwerpen-amie")  # how a reference to a fiche is checked


class Checker:
    """One instance per file; `draft` relaxes translation completeness to warnings."""

    def __init__(self, filename: str):
        self.filename = filename
        self.problems: list[Problem] = []
        self.seen: set[int] = set()
        self.draft = False
        # Control characters can only arrive through escapes ("\x00"): the loader replaced raw ones. A file
        # without a backslash (most) skips the per-value scan; raw NEL and CR are line breaks to YAML.
        self.escapes = True

    # -- reporting --------------------------------------------------------------
    def report(self, node: yaml.Node | None, path: str, text, severity: str = "error", line: int | None = None) -> None:
        mark = node.start_mark if node is not None else None
        at_line, col = (mark.line + 1, mark.column + 1) if mark else (1, 1)
        if line is not None and line != at_line:
            at_line, col = line, 1
        self.problems.append(Problem.of(self.filename, at_line, col, path, text, severity))

    # -- entry point ------------------------------------------------------------
    def check_fiche(self, root: yaml.Node) -> dict | None:
        if not isinstance(root, yaml.MappingNode):
            kind = msg("kind_list") if isinstance(root, yaml.SequenceNode) else msg("kind_scalar")
            self.report(root, "", msg("not_mapping", kind=kind))
            return None
        status = self._peek_scalar(root, "status")
        self.draft = status == "draft"
        data = self.check(s.FICHE, root, "")
        if data is not None:
            self._period_order(root, data)
        return data

    def _period_order(self, root: yaml.MappingNode, data: dict) -> None:
        """A period ends after it starts: compare the latest day `end` can mean with the first of `start`."""
        period = data.get("period") or {}
        start, end = period.get("start"), period.get("end")
        if start and end and _last_day(end) < _first_day(start):
            node = _child(_child(root, "period"), "end")
            self.report(node, "period.end", msg("period_order", start=start, end=end))

    @staticmethod
    def _peek_scalar(mapping: yaml.MappingNode, key: str) -> str | None:
        for k, v in mapping.value:
            if isinstance(k, yaml.ScalarNode) and k.value == key and isinstance(v, yaml.ScalarNode):
                return v.value
        return None

    # -- dispatch ---------------------------------------------------------------
    def check(self, schema: s.Node, node: yaml.Node, path: str):
        if id(node) in self.seen:
            self.report(node, path, msg("alias"))
            return None
        self.seen.add(id(node))
        if node.tag not in ALLOWED_TAGS:
            self.report(node, path, msg("tag", tag=repr(node.tag)))
            return None
        if self.escapes and isinstance(node, yaml.ScalarNode) and self._unsafe_chars(node, path, node.value):
            return None
        handler = getattr(self, "_" + type(schema).__name__.lower())
        return handler(schema, node, path)

    def _unsafe_chars(self, node: yaml.Node, path: str, value: str) -> bool:
        """A control character (through an escape) or an invisible one (bidi override, zero-width): reported."""
        control = CONTROL.search(value)
        if control:
            self.report(node, path, msg("control_escape", code=f"{ord(control.group(0)):04X}"))
            return True
        invisible = INVISIBLE.search(value)
        if invisible:
            char = invisible.group(0)
            self.report(node, path, msg("invisible", code=f"{ord(char):04X}",
                                        name=unicodedata.name(char, "").lower() or "?"))
            return True
        return False

    def _expect(self, node: yaml.Node, path: str, wanted) -> None:
        if isinstance(node, yaml.ScalarNode):
            got = repr(node.value) if node.tag != YAML_NULL else msg("kind_empty")
        elif isinstance(node, yaml.SequenceNode):
            got = msg("kind_list")
        else:
            got = msg("kind_mapping")
        self.report(node, path, msg("expected", wanted=wanted, got=got))

    # -- containers -------------------------------------------------------------
    def _mapping_items(self, node: yaml.MappingNode, path: str):
        """Yield (key, key_node, value_node), reporting duplicate and non-string keys."""
        keys: dict[str, yaml.Node] = {}
        for key_node, value_node in node.value:
            if not isinstance(key_node, yaml.ScalarNode) or key_node.tag not in (YAML_STR, YAML_INT, YAML_BOOL):
                self.report(key_node, path, msg("key_not_word"))
                continue
            key = key_node.value
            if key in keys:
                first = keys[key].start_mark.line + 1
                self.report(key_node, _join(path, key), msg("duplicate_key", line=first))
                continue
            keys[key] = key_node
            yield key, key_node, value_node

    def _obj(self, schema: s.Obj, node: yaml.Node, path: str):
        if not isinstance(node, yaml.MappingNode):
            self._expect(node, path, msg("want_mapping"))
            return None
        out: dict = {}
        names = [f.name for f in schema.fields]
        for key, key_node, value_node in self._mapping_items(node, path):
            field = schema.get(key)
            if field is None:
                self.report(key_node, _join(path, key), msg("unknown_field", hint=suggest_field(schema, key),
                                                            allowed=", ".join(closest_first(key, names))))
                continue
            if _is_null(value_node):
                if field.required:
                    self.report(value_node, _join(path, key), msg("required_empty"))
                else:
                    self.report(value_node, _join(path, key), msg("empty_value"))
                continue
            value = self.check(field.node, value_node, _join(path, key))
            if value is not None:
                out[key] = value
        present = {k.value for k, _ in node.value if isinstance(k, yaml.ScalarNode)}
        for field in schema.fields:
            if field.required and field.name not in present:
                self.report(node, _join(path, field.name), msg("required_missing"))
        if schema.min_fields and not present & set(names):
            self.report(node, path, msg("min_fields", names=", ".join(names)))
        self._provenance(schema, node, path, present)
        return out

    def _provenance(self, schema: s.Obj, node: yaml.MappingNode, path: str, present: set) -> None:
        """A value whose schema names `needs_one_of` must say where it comes from (its source or `inferred`)."""
        if schema.needs_one_of and not present & set(schema.needs_one_of):
            self.report(node, path, msg("needs_source", names=Joined(tuple(schema.needs_one_of)), tail=""))
        for field in schema.fields:
            if field.needs_one_of and field.name in present and not present & set(field.needs_one_of):
                key_node = next(k for k, _ in node.value if isinstance(k, yaml.ScalarNode) and k.value == field.name)
                self.report(key_node, _join(path, field.name),
                            msg("needs_source", names=Joined(tuple(field.needs_one_of)), tail=msg("needs_source_tail")))

    def _list(self, schema: s.List, node: yaml.Node, path: str):
        if not isinstance(node, yaml.SequenceNode):
            self._expect(node, path, msg("want_list"))
            return None
        if len(node.value) < schema.min_items:
            self.report(node, path, msg("min_items", count=schema.min_items))
        if len(node.value) > schema.max_items:
            self.report(node, path, msg("max_items", count=len(node.value), limit=schema.max_items))
            return None
        out = []
        seen_values: dict = {}
        for index, item in enumerate(node.value):
            item_path = f"{path}[{index}]"
            if _is_null(item):
                self.report(item, item_path, msg("empty_item"))
                continue
            value = self.check(schema.item, item, item_path)
            if value is None:
                continue
            if schema.unique:
                marker = repr(value)
                if marker in seen_values:
                    self.report(item, item_path, msg("listed_twice", value=_short(value)))
                    continue
                seen_values[marker] = True
            out.append(value)
        return out

    # -- texts ------------------------------------------------------------------
    def _text(self, schema: s.Text, node: yaml.Node, path: str):
        if not isinstance(node, yaml.MappingNode):
            self._expect(node, path, msg("want_text2"))
            return None
        out = {}
        reported: set[str] = set()
        for key, key_node, value_node in self._mapping_items(node, path):
            lang_path = _join(path, key)
            if key not in s.LANGS:
                comma_trap = node.flow_style and (" " in key or _is_null(value_node))
                hint = msg("comma_trap") if comma_trap else did_you_mean(key, s.LANGS)
                self.report(key_node, lang_path, msg("unknown_language", hint=hint,
                                                     langs=Joined(tuple(s.LANGS), "and")))
                continue
            if _is_null(value_node):
                continue  # reported as missing below
            reported.add(key)
            if id(value_node) in self.seen:
                self.report(value_node, lang_path, msg("alias"))
                continue
            self.seen.add(id(value_node))
            if value_node.tag not in ALLOWED_TAGS:
                self.report(value_node, lang_path, msg("tag", tag=repr(value_node.tag)))
                continue
            if not isinstance(value_node, yaml.ScalarNode):
                self._expect(value_node, lang_path, msg("want_text"))
                continue
            value = str(value_node.value)
            if value_node.tag != YAML_STR:
                self.report(value_node, lang_path, msg("text_not_text", value=repr(value)))
                continue
            if self.escapes and self._unsafe_chars(value_node, lang_path, value):
                continue
            self._text_content(schema, value_node, lang_path, value)
            if value.strip():
                out[key] = s.TEXT_TYPOGRAPHY.get(key, str)(value.strip() if schema.inline else value.rstrip())
            else:
                reported.discard(key)
        if not out and not reported and self.draft:
            self.report(node, path, msg("text_missing_both"))
            return None
        for lang in s.LANGS:
            if lang not in out and lang not in reported:
                if self.draft:
                    self.report(node, _join(path, lang), msg("translation_missing"), "warning")
                else:
                    self.report(node, _join(path, lang), msg("text_missing"))
        return out or None

    def _text_content(self, schema: s.Text, node: yaml.Node, path: str, value: str) -> None:
        if len(value) > schema.max_len:
            self.report(node, path, msg("text_too_long", length=len(value), limit=schema.max_len))
            return
        if schema.inline and LINE_BREAK.search(value.strip()):
            self.report(node, path, msg("single_line"))
        if "<" in value:
            autolink = AUTOLINK.search(value)
            if autolink:  # the renderer reads no autolinks: it would show as literal text
                self.report(node, path, msg("autolink", url=autolink.group(1)))
            if RAW_HTML.search(AUTOLINK.sub("", value)):
                self.report(node, path, msg("raw_html"))
        if "]" in value or ":" in value:  # links (inline and reference definitions) and schemes
            # Checked as a Markdown reader of the open data sees them: HTML entities decoded (&#106;avascript:).
            decoded = html.unescape(value) if "&" in value else value
            targets = (MD_LINK.findall(decoded) if "](" in decoded else []) + \
                (REF_DEF.findall(decoded) if "]:" in decoded else [])
            for target in targets:
                self._link_target(node, path, target)
            # A scheme in running text is refused as written; decoded (javascript&#58;) it is text, not a link.
            for scheme in UNSAFE_SCHEME.findall(value) if ":" in value else ():
                self.report(node, path, msg("bad_scheme", scheme=scheme))
        if len(value) > LONG_WORD:
            for word in LONG_WORDS.findall(value):
                if "://" not in word and "@" not in word:
                    self.report(node, path, msg("long_word", length=len(word), start=word[:30]), "warning")
                    break
        if not schema.inline and "\n" in value and LIST_START.search(value):
            self._list_after_text(node, path, value)
        depth = richtext.list_depth(value)
        if depth > richtext.MAX_LIST_DEPTH:  # what the renderer cannot render is refused here, with a message
            self.report(node, path, msg("list_too_deep", depth=depth, limit=richtext.MAX_LIST_DEPTH))

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

    # -- scalars ----------------------------------------------------------------
    def _scalar(self, node: yaml.Node, path: str, wanted: str) -> str | None:
        if not isinstance(node, yaml.ScalarNode):
            self._expect(node, path, wanted)
            return None
        return node.value

    def _str(self, schema: s.Str, node: yaml.Node, path: str):
        value = self._scalar(node, path, msg("want_short"))
        if value is None:
            return None
        if len(value) > schema.max_len:
            self.report(node, path, msg("str_too_long", length=len(value), limit=schema.max_len))
            return None
        if schema.pattern and not re.fullmatch(schema.pattern, value):  # fullmatch: `$` alone lets "x\n" pass
            hint = msg("example", example=schema.example) if schema.example else ""
            self.report(node, path, msg("wrong_form", value=repr(value), example=hint))
            return None
        markup = None if schema.pattern else CODE_MARKUP.search(value)  # a pattern says the form itself
        if markup:
            char = markup.group(0)
            shown = f"U+{ord(char):04X}" if char.isspace() else repr(char)
            self.report(node, path, msg("code_markup", char=shown))
            return None
        return value

    def _ficheref(self, schema: s.FicheRef, node: yaml.Node, path: str):
        return self._str(FICHE_ID, node, path)

    def _number(self, schema: s.Number, node: yaml.Node, path: str):
        value = self._scalar(node, path, msg("want_number"))
        if value is None:
            return None
        if node.tag not in (YAML_INT, YAML_FLOAT):
            self.report(node, path, msg("number_expected", value=repr(value), hint=_number_hint(value)))
            return None
        try:
            number = float(value.replace("_", ""))
        except ValueError:
            self.report(node, path, msg("number_expected", value=repr(value), hint=""))
            return None
        if not math.isfinite(number):
            self.report(node, path, msg("not_finite", value=repr(value)))
            return None
        thousands = _thousands(value)
        if thousands is not None and schema.money:  # `45.000` euro is never 45 euro
            self.report(node, path, msg("thousands_money", value=value, read=_num(number), meant=thousands))
            return None
        too_small = number < schema.minimum or (schema.exclusive_minimum and number <= schema.minimum)
        out_of_range = too_small or number > schema.maximum
        if thousands is not None and (out_of_range or _in_range(schema, thousands)):
            self.report(node, path, msg("thousands_warning", value=value, read=_num(number), meant=thousands),
                        "warning")
        if schema.integer and not number.is_integer():
            self.report(node, path, msg("not_whole", value=value))
            return None
        if too_small:
            op = ">" if schema.exclusive_minimum else "≥"
            self.report(node, path, msg("out_of_range", value=value, op=op, bound=_num(schema.minimum)))
            return None
        if number > schema.maximum:
            self.report(node, path, msg("out_of_range", value=value, op="≤", bound=_num(schema.maximum)))
            return None
        return int(number) if number.is_integer() else number

    def _enum(self, schema: s.Enum, node: yaml.Node, path: str):
        value = self._scalar(node, path, msg("want_one_of", values=", ".join(schema.values)))
        if value is None:
            return None
        if schema.values is s.YES and node.tag == YAML_BOOL:
            # what editors and YAML dumpers write for a flag (true/false): false is the flag left out
            return "yes" if value.lower() in YAML_TRUE else None
        if value not in schema.values:
            self.report(node, path, msg("enum_unknown", value=repr(value),
                                        values=", ".join(closest_first(value, schema.values, schema.values)),
                                        hint=did_you_mean(value, schema.values)))
            return None
        return value

    def _date(self, schema: s.Date, node: yaml.Node, path: str):
        value = self._scalar(node, path, msg("want_date"))
        if value is None:
            return None
        value = value.strip()
        forms = [r"\d{4}-\d{2}-\d{2}"] + ([r"\d{4}-\d{2}", r"\d{4}"] if schema.partial else [])
        if not any(re.fullmatch(form, value) for form in forms):
            wanted = msg("forms_partial") if schema.partial else msg("forms_full")
            self.report(node, path, msg("date_form", forms=wanted, value=repr(value)))
            return None
        try:
            padded = value + "-01" * (2 - value.count("-"))
            dt.date.fromisoformat(padded)
        except ValueError:
            self.report(node, path, msg("not_real_date", value=repr(value)))
            return None
        return value

    def _url(self, schema: s.Url, node: yaml.Node, path: str):
        value = self._scalar(node, path, msg("want_url"))
        if value is None:
            return None
        schemes = "|".join(schema.schemes)
        if not re.fullmatch(rf"(?:{schemes})://[^\s<>\"']+", value):
            self.report(node, path, msg("url_scheme", value=repr(value[:60]),
                                        schemes=Joined(tuple(f"{x}://" for x in schema.schemes))))
            return None
        return value

    def _email(self, schema: s.Email, node: yaml.Node, path: str):
        value = self._scalar(node, path, msg("want_email"))
        if value is None:
            return None
        if not EMAIL.fullmatch(value):
            self.report(node, path, msg("not_email", value=repr(value[:60])))
            return None
        if schema.organisation_only and looks_personal(value):
            self.report(node, path, msg("personal_email", value=repr(value[:60])))
            return None
        return value


_NAME_PART = re.compile(r"[a-z]+")


def looks_personal(address: str) -> bool:
    """jan.peeters@, j.peeters@, jan_peeters@: two or more name-like words, none of them a service's word."""
    local = unicodedata.normalize("NFKD", address.split("@", 1)[0].lower()).encode("ascii", "ignore").decode()
    parts = re.split(r"[._-]", local)
    if len(parts) < 2 or not all(_NAME_PART.fullmatch(part) for part in parts):
        return False
    return not any(part in s.MAILBOX_WORDS for part in parts)


def _is_null(node: yaml.Node) -> bool:
    return isinstance(node, yaml.ScalarNode) and node.tag == YAML_NULL


def _join(path: str, key: str) -> str:
    return f"{path}.{key}" if path else key


def _num(value: float) -> str:
    return str(int(value)) if float(value).is_integer() else str(value)


def _short(value) -> str:
    text = value if isinstance(value, str) else repr(value)
    return repr(text[:40])


def _first_day(value: str) -> str:
    return value + "-01" * (2 - value.count("-"))


def _last_day(value: str) -> str:
    if value.count("-") == 2:
        return value
    if value.count("-") == 1:
        year, month = map(int, value.split("-"))
        following = dt.date(year + month // 12, month % 12 + 1, 1)
        return (following - dt.timedelta(days=1)).isoformat()
    return value + "-12-31"


def _child(node: yaml.Node | None, key: str) -> yaml.Node | None:
    if isinstance(node, yaml.MappingNode):
        for key_node, value_node in node.value:
            if getattr(key_node, "value", None) == key:
                return value_node
    return None


# -- hints --------------------------------------------------------------------------------------

_THOUSANDS = re.compile(r"[1-9]\d{0,2}(?:\.\d{3})+")


def _thousands(value: str) -> str | None:
    """'45.000' → '45000': what a Belgian writer may mean by a dot every three digits."""
    value = value.strip().lstrip("+")
    return value.replace(".", "") if _THOUSANDS.fullmatch(value) else None


def _in_range(schema: s.Number, value: str) -> bool:
    number = float(value)
    above = number > schema.minimum or (not schema.exclusive_minimum and number == schema.minimum)
    return above and number <= schema.maximum


def _number_hint(value: str):
    text = value.strip()
    if re.fullmatch(r"-?\d+,\d+", text):
        return msg("decimal_point", fixed=text.replace(",", "."))
    if _thousands(text) is not None:
        return msg("thousands_in_string", fixed=_thousands(text))
    words = number_words()
    close = difflib.get_close_matches(_normal(text), list(words), n=1, cutoff=0.75)
    if close:
        return msg("number_word", fixed=words[close[0]], word=text)
    return ""


@lru_cache(maxsize=1)
def number_words() -> dict[str, str]:
    """'halftijds' → '0.5', 'temps plein' → '1': read from the schema's own descriptions of numbers
    ("1 = voltijds, 0.5 = halftijds"), so the hint follows the schema."""
    words: dict[str, str] = {}
    for node in _walk(s.FICHE):
        if isinstance(node, s.Number):
            for text in node.description.values():
                for number, word in re.findall(r"(\d+(?:\.\d+)?)\s*=\s*([^,;()=\d]+)", text):
                    words.setdefault(_normal(word), number)
    return words


def _walk(node: s.Node):
    yield node
    if isinstance(node, s.Obj):
        for field in node.fields:
            yield from _walk(field.node)
    elif isinstance(node, s.List):
        yield from _walk(node.item)


def _normal(word: str) -> str:
    """Lower case, no accents, words joined by '_' (how field names are written)."""
    plain = unicodedata.normalize("NFKD", word).encode("ascii", "ignore").decode("ascii").lower()
    return "_".join(re.findall(r"[a-z0-9]+", plain))


_SYNONYMS: dict[int, dict[str, str]] = {}


def field_synonyms(schema: s.Obj) -> dict[str, str]:
    """The names a coordinator may use for the fields of one object: the field name itself, and the
    NL/FR wording of its description and interface label (data, not a list per field)."""
    from scripts.lang import ui_text

    if id(schema) in _SYNONYMS:
        return _SYNONYMS[id(schema)]
    synonyms: dict[str, str] = {}
    for field in schema.fields:
        synonyms[field.name] = field.name
        wordings = list(field.node.description.values()) + list(ui_text.LABELS.get(field.name, {}).values())
        for wording in wordings:
            first = re.split(r"[,.:;(]", wording, maxsplit=1)[0]
            name = _normal(first)
            if name and len(name) <= 40:
                synonyms.setdefault(name, field.name)
    _SYNONYMS[id(schema)] = synonyms
    return synonyms


def suggest_field(schema: s.Obj, key: str):
    synonyms = field_synonyms(schema)
    wanted = _normal(str(key))
    if wanted in synonyms:
        return msg("did_you_mean", name=synonyms[wanted])
    close = difflib.get_close_matches(wanted, list(synonyms), n=1, cutoff=0.6)
    return msg("did_you_mean", name=synonyms[close[0]]) if close else ""
