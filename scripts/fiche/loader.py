"""Read a fiche file into a YAML node tree that keeps line and column of every value.

Everything that can go wrong before the schema is looked at (size, encoding, BOM,
tabs, syntax, several documents) becomes a Problem, never an exception. A broken
file is still checked as far as it can be: tabs and raw control characters are
neutralised, a text holding ': ' is quoted (the hint shows the corrected line), and
after any other syntax error the lines before it are checked.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path

import yaml

from scripts.fiche.problems import Msg, Problem, msg

try:  # the C loader is much faster; fall back when libyaml is absent
    from yaml import CSafeLoader as SafeLoader
except ImportError:  # pragma: no cover
    from yaml import SafeLoader

MAX_BYTES = 256 * 1024  # a complete guide fiche is ~25 KB; refuse anything absurd
MAX_ALIAS_REPORTS = 10  # an alias bomb holds thousands; the first ones say enough
MAX_REPAIRS = 20  # syntax errors repaired per file before the rest is given up
MAX_CONTROL_REPORTS = 10
TAB_WIDTHS = (2, 4, 8)
# Characters YAML refuses in a file (outside its printable set); reported, then replaced by a space.
RAW_CONTROL = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x84\x86-\x9f\ufffe\uffff]")
# Characters that reverse or hide text without being seen (bidi embeddings, overrides and isolates, zero-width
# characters, a byte order mark inside the text): refused in every value (fiche_check), found once per file here.
INVISIBLE = re.compile("[\u061c\u180e\u200b-\u200f\u202a-\u202e\u2060-\u2064\u2066-\u2069\ufeff]")
# An anchor (&name) where a node starts: without one there can be no alias, so the node walk is skipped.
ANCHOR = re.compile(r"(?:^|[\s\[\]{},])&[^\s\[\]{},]", re.MULTILINE)
# Problems that say something is absent: meaningless when only the lines before a syntax error were read.
ABSENCE = {"required_missing", "required_empty", "empty_value", "text_missing", "text_missing_both",
           "translation_missing", "min_items", "min_fields", "empty_item"}


@dataclass
class Loaded:
    """The document node (None when nothing could be read), the loader's problems, and
    `until`: when set, only lines before it were read (problems of absence there are moot)."""

    node: yaml.Node | None
    problems: list[Problem] = field(default_factory=list)
    until: int | None = None
    repaired_lines: frozenset[int] = frozenset()
    escapes: bool = True  # False when the text holds no control or invisible character, nor an escape for one


def _problem(path: str, line: int, col: int, text: Msg, severity: str = "error") -> Problem:
    return Problem.of(path, line, col, "", text, severity)


def _decode(path: str, data: bytes) -> tuple[str | None, list[Problem]]:
    problems = []
    if data.startswith(b"\xef\xbb\xbf"):  # what some Windows editors write: accepted, with a word
        problems.append(_problem(path, 1, 1, msg("bom"), "warning"))
        data = data[3:]
    try:
        return data.decode("utf-8"), problems
    except UnicodeDecodeError as exc:
        before = data[: exc.start]
        line = before.count(b"\n") + 1
        col = exc.start - (before.rfind(b"\n") + 1) + 1
        return None, problems + [_problem(path, line, col, msg("not_utf8", byte=f"{data[exc.start]:02x}"))]


def _position(text: str, offset: int) -> tuple[int, int]:
    before = text[:offset]
    return before.count("\n") + 1, offset - (before.rfind("\n") + 1) + 1


def _compose(text: str) -> yaml.Node | None:
    loader = SafeLoader(text)
    try:
        return loader.get_single_node()
    finally:
        loader.dispose()


def _parses_past(text: str, line: int) -> bool:
    """True when `text` composes, or fails only after 0-based `line`."""
    try:
        _compose(text)
        return True
    except yaml.MarkedYAMLError as exc:
        mark = exc.problem_mark or exc.context_mark
        return mark is not None and mark.line > line
    except (yaml.YAMLError, RecursionError, MemoryError):
        return False


def _untab(name: str, lines: list[str]) -> list[Problem]:
    """Leading tabs: reported with the line written with spaces (the width that makes the file parse)."""
    tabbed = [i for i, line in enumerate(lines) if line.lstrip(" ").startswith("\t")]
    if not tabbed:
        return []
    chosen = {}
    for width in TAB_WIDTHS:
        trial = list(lines)
        for i in tabbed:
            trial[i] = _expand_indent(lines[i], width)
        chosen = {i: trial[i] for i in tabbed}
        if _parses_past("".join(trial), tabbed[-1]):
            break
    problems = []
    for i in tabbed:
        stripped = lines[i].lstrip(" ")
        col = len(lines[i]) - len(stripped) + 1
        problems.append(_problem(name, i + 1, col, msg("tab", fixed=f"`{chosen[i].rstrip()}`")))
        lines[i] = chosen[i]
    return problems


def _expand_indent(line: str, width: int) -> str:
    body = line.lstrip(" \t")
    indent = line[: len(line) - len(body)]
    return indent.replace("\t", " " * width) + body


def _raw_controls(name: str, text: str) -> tuple[str, list[Problem]]:
    problems = []
    for match in RAW_CONTROL.finditer(text):
        if len(problems) == MAX_CONTROL_REPORTS:
            break
        line, col = _position(text, match.start())
        problems.append(_problem(name, line, col, msg("control", code=f"{ord(match.group(0)):04X}")))
    return RAW_CONTROL.sub(" ", text), problems


# Matched against a line without its trailing whitespace: a lazy value followed by \s*$ retried the trailing
# spaces from every character of the value, quadratic in them (a line of 261,000 spaces took 332 s).
_BLOCK_KEY = re.compile(r"(\s*(?:-\s+)*[^\s#'\"{\[&*!|>%@`-][^:#]*?:\s+)(\S.*)")
_FLOW_VALUE = re.compile(r"([{,]\s*[A-Za-z_][\w-]*:\s+)")


def _quote(value: str) -> str:
    if '"' not in value and "\\" not in value:
        return f'"{value}"'
    return "'" + value.replace("'", "''") + "'"


def _colon_fixes(line: str, col: int) -> list[str]:
    """Candidate corrections of a line whose text holds ': ' (block or flow style)."""
    candidates = []
    block = _BLOCK_KEY.fullmatch(line.rstrip())
    if block and ": " in block.group(2) and not block.group(2).startswith(("{", "[", "'", '"')):
        candidates.append(block.group(1) + _quote(block.group(2)))
    starts = [m.end() for m in _FLOW_VALUE.finditer(line) if m.end() <= col]
    if starts:
        start = starts[-1]
        rest = line[start:]
        end = re.search(r",\s*[A-Za-z_][\w-]*:\s|\}\s*$|\}\s*#", rest)
        if end:
            value = rest[: end.start()].rstrip()
            if ": " in value and not value.startswith(("'", '"')):
                candidates.append(line[:start] + _quote(value) + rest[len(value):])
    return candidates


# PyYAML's own words (kept in English messages, for developers) → what a coordinator reads in NL/FR.
_SYNTAX_KINDS = (
    ("maximum nesting depth", "too_deep"),
    ("while scanning a quoted", "syntax_quote"),
    ("while parsing a flow", "syntax_flow"),
    ("could not find expected ':'", "syntax_no_colon"),
    ("cannot start any token", "syntax_start_char"),
    ("mapping values are not allowed", "syntax_colon"),
    ("did not find expected key", "syntax_indent"),
    ("did not find expected '-'", "syntax_indent"),
    ("expected <block end>", "syntax_indent"),
)


def _syntax_problem(name: str, exc: yaml.MarkedYAMLError, hint: Msg | str = "",
                    lines: list[str] | None = None) -> Problem:
    line, col = _error_position(exc)
    detail = " ".join(" ".join(filter(None, [exc.context, exc.problem])).split()) or "invalid YAML"
    if "expected a single document" in detail:
        return _problem(name, line, col, msg("multi_doc"))
    kind = next((code for words, code in _SYNTAX_KINDS if words in detail), "syntax_other")
    start = ""
    if kind == "syntax_start_char" and lines and line <= len(lines):
        start = lines[line - 1][col - 1:col]
    if kind == "too_deep":
        return _problem(name, line, col, msg("too_deep"))
    return _problem(name, line, col, msg("syntax", what=msg(kind, char=f"`{start}`"), hint=hint))


def _error_position(exc: yaml.MarkedYAMLError) -> tuple[int, int]:
    # An unterminated quote or flow collection is only noticed far later: point where it started.
    # A line without its colon too: the error shows on the next line.
    unterminated = exc.context and exc.context.startswith(("while scanning a quoted", "while parsing a flow",
                                                           "while scanning a simple key"))
    mark = (exc.context_mark if unterminated else None) or exc.problem_mark or exc.context_mark
    return (mark.line + 1, mark.column + 1) if mark else (1, 1)


def find_aliases(text: str, name: str) -> list[Problem]:
    """Every alias (*name) with its own position and field path, from the event stream.

    Composed nodes share the anchored node and forget where the alias stood, so this
    walks the parser's events; it never expands anything, so an alias bomb costs nothing."""
    problems: list[Problem] = []
    stack: list[list] = []  # frames: ["map", expecting_key, key] or ["seq", index]

    def path() -> str:
        parts = ""
        for frame in stack:
            if frame[0] == "map":
                parts += f".{frame[2]}" if parts else str(frame[2])
            else:
                parts += f"[{frame[1]}]"
        return parts

    def value_done() -> None:
        if stack:
            if stack[-1][0] == "map":
                stack[-1][1] = True
            else:
                stack[-1][1] += 1

    try:
        for event in yaml.parse(text, Loader=SafeLoader):
            is_key = bool(stack) and stack[-1][0] == "map" and stack[-1][1]
            if isinstance(event, yaml.AliasEvent) and len(problems) < MAX_ALIAS_REPORTS:
                mark = event.start_mark
                problems.append(Problem.of(name, mark.line + 1, mark.column + 1, path(), msg("alias")))
            if isinstance(event, (yaml.ScalarEvent, yaml.AliasEvent)):
                if is_key:
                    stack[-1][1], stack[-1][2] = False, getattr(event, "value", "?")
                else:
                    value_done()
            elif isinstance(event, (yaml.MappingStartEvent, yaml.SequenceStartEvent)):
                if is_key:
                    stack[-1][1], stack[-1][2] = False, "?"
                stack.append(["map", True, None] if isinstance(event, yaml.MappingStartEvent) else ["seq", 0])
            elif isinstance(event, (yaml.MappingEndEvent, yaml.SequenceEndEvent)):
                stack.pop()
                value_done()
    except yaml.YAMLError:
        return []  # the composer reports the syntax error with its position
    return problems


def read_file(path: Path | str, display: str | None = None) -> Loaded:
    name = display or str(path)
    try:
        size = Path(path).stat().st_size
        if size > MAX_BYTES:
            return Loaded(None, [_problem(name, 1, 1, msg("too_big", size=size, limit=MAX_BYTES))])
        data = Path(path).read_bytes()
    except OSError as exc:
        return Loaded(None, [_problem(name, 1, 1, msg("unreadable", reason=exc.strerror or exc))])
    return read_bytes(data, name)


def read_bytes(data: bytes, name: str) -> Loaded:
    if len(data) > MAX_BYTES:
        return Loaded(None, [_problem(name, 1, 1, msg("too_big", size=len(data), limit=MAX_BYTES))])
    text, problems = _decode(name, data)
    if text is None:
        return Loaded(None, problems)
    if "\x00" in text:
        return Loaded(None, problems + [_problem(name, 1, 1, msg("nul"))])
    if not text.strip():
        return Loaded(None, problems + [_problem(name, 1, 1, msg("empty"))])
    if RAW_CONTROL.search(text):
        text, found = _raw_controls(name, text)
        problems += found
    lines = None
    if "\t" in text:
        lines = text.splitlines(keepends=True)
        found = _untab(name, lines)
        if found:
            problems += found
            text = "".join(lines)
    return _parse(name, text, lines, problems)


def _parse(name: str, text: str, lines: list[str] | None, problems: list[Problem]) -> Loaded:
    repaired: set[int] = set()
    until = None
    node = None
    partial = False
    for rounds in range(1, MAX_REPAIRS + 2):  # the last round only reports
        try:
            node = _compose(text)
            break
        except yaml.MarkedYAMLError as exc:
            if lines is None:  # split only when something must be repaired
                lines = text.splitlines(keepends=True)
            fixed = _repair(text, lines, exc) if rounds <= MAX_REPAIRS else None
            if fixed is not None:
                index, line = fixed
                problems.append(_syntax_problem(name, exc, msg("syntax_colon_hint", fixed=f"`{line.strip()}`")))
                lines[index] = line + ("\n" if lines[index].endswith("\n") else "")
                repaired.add(index + 1)
                text = "".join(lines)
                continue
            shifted = _reindent(lines, exc) if rounds <= MAX_REPAIRS else None
            if shifted is not None:  # the value is as written: problems on the line stay meaningful
                index, new_lines, found, level = shifted
                problems.append(_problem(name, index + 1, found + 1, msg(
                    "indent", found=found + 1, expected=level + 1, fixed=f"`{new_lines[0].rstrip()}`")))
                lines[index:index + len(new_lines)] = new_lines
                text = "".join(lines)
                continue
            another_document = "single document" in (exc.context or "")  # the first document is the fiche
            dropped = _drop_line(lines, exc) if rounds <= MAX_REPAIRS and not another_document else None
            problems.append(_syntax_problem(name, exc, lines=lines))
            if dropped is not None:  # the rest of the file is still checked; what stood on the line is unknown
                lines[dropped] = "\n" if lines[dropped].endswith("\n") else ""
                repaired.add(dropped + 1)
                partial = True
                text = "".join(lines)
                continue
            until = _error_position(exc)[0]
            node = _prefix_node(lines, until - 1)
            break
        except yaml.reader.ReaderError as exc:  # pragma: no cover - raw controls are replaced above
            line, col = _position(text, exc.position)
            problems.append(_problem(name, line, col, msg("control", code=f"{exc.character:04X}")))
            return Loaded(None, problems)
        except yaml.YAMLError as exc:
            problems.append(_problem(name, 1, 1, msg("yaml_error", detail=" ".join(str(exc).split()))))
            return Loaded(None, problems)
        except (RecursionError, MemoryError):
            problems.append(_problem(name, 1, 1, msg("too_deep")))
            return Loaded(None, problems)
    if node is None:
        if until is None:
            problems.append(_problem(name, 1, 1, msg("no_document")))
        return Loaded(None, problems, until, frozenset(repaired))
    if partial and until is None:
        until = len(lines or []) + 2  # a dropped line: nothing may be called missing, the rest is checked
    # An alias: find where each one stands (a second, rarer pass).
    if "&" in text and ANCHOR.search(text) and _has_shared_nodes(node):
        aliases = find_aliases(text if until is None else "".join(lines[: until - 1]), name)
        if aliases:
            return Loaded(None, problems + aliases, until, frozenset(repaired))
    escapes = "\\" in text or "\x85" in text or "\r" in text or bool(INVISIBLE.search(text))
    return Loaded(node, problems, until, frozenset(repaired), escapes)


def _repair(text: str, lines: list[str], exc: yaml.MarkedYAMLError) -> tuple[int, str] | None:
    """A corrected line (0-based index, text) for texts holding ': ', proven to parse past it.
    A line may hold several such texts ({nl: Doel: x, fr: But : y}): each round quotes one more."""
    mark = exc.problem_mark
    if mark is None or mark.line >= len(lines):
        return None
    index, col = mark.line, mark.column
    line = lines[index].rstrip("\r\n")
    for _ in range(4):
        next_round = None
        for candidate in _colon_fixes(line, col):
            trial = "".join(lines[:index] + [candidate + "\n"] + lines[index + 1:])
            after = _error_after(trial)
            if after is None or after.line > index:
                return index, candidate
            if after.line == index and next_round is None:
                next_round = (candidate, after.column)
        if next_round is None:
            return None
        line, col = next_round
    return None


def _indent(line: str) -> int:
    return len(line) - len(line.lstrip(" "))


def _is_content(line: str) -> bool:
    stripped = line.strip()
    return bool(stripped) and not stripped.startswith("#")


def _levels_above(lines: list[str], index: int) -> list[int]:
    """Indentations the line could mean, nearest neighbour first: the previous line's (and its content's, after a
    list dash or an opening key), then each less indented line above it (its parents)."""
    levels: list[int] = []
    smallest = None
    for back in range(index - 1, max(index - 200, -1), -1):
        line = lines[back]
        if not _is_content(line):
            continue
        level = _indent(line)
        if smallest is None:
            dash = re.match(r"( *)((?:- +)+)", line)
            if dash:
                levels.append(len(dash.group(0)))
            levels.append(level)
            if line.rstrip().endswith(":"):
                levels.append(level + 2)
        elif level < smallest:
            levels.append(level)
        smallest = level if smallest is None else min(smallest, level)
        if level == 0:
            break
    return list(dict.fromkeys(levels))


def _reindent(lines: list[str], exc: yaml.MarkedYAMLError) -> tuple[int, list[str], int, int] | None:
    """A line indented differently from its neighbours: (index, the line and its children moved to the level
    that makes the file parse past them, found indent, level), or None when no level does."""
    mark = exc.problem_mark
    if mark is None or mark.line >= len(lines) or not _is_content(lines[mark.line]):
        return None
    index = mark.line
    found = _indent(lines[index])
    end = index + 1
    while end < len(lines) and (not _is_content(lines[end]) or _indent(lines[end]) > found):
        end += 1
    order = _levels_above(lines, index)
    for level in sorted(order, key=lambda lv: (abs(lv - found), order.index(lv))):
        if level == found:
            continue
        moved = [(" " * max(_indent(line) + level - found, 0) + line.lstrip(" ")) if _is_content(line) else line
                 for line in lines[index:end]]
        after = _error_after("".join(lines[:index] + moved + lines[end:]))
        if after is None or after.line >= end:
            return index, moved, found, level
    return None


def _drop_line(lines: list[str], exc: yaml.MarkedYAMLError) -> int | None:
    """The line of an error that cannot be repaired, when the file parses past it without that line."""
    index = _error_position(exc)[0] - 1
    if index >= len(lines) or not lines[index].strip():
        return None
    after = _error_after("".join(lines[:index] + ["\n"] + lines[index + 1:]))
    return index if after is None or after.line > index else None


def _error_after(text: str):
    """The mark of the first error in `text`, or None when it composes."""
    try:
        _compose(text)
        return None
    except yaml.MarkedYAMLError as exc:
        return exc.problem_mark or exc.context_mark or _FIRST
    except (yaml.YAMLError, RecursionError, MemoryError):
        return _FIRST


_FIRST = yaml.Mark("", 0, 0, 0, None, None)


def _prefix_node(lines: list[str], count: int) -> yaml.Node | None:
    """The longest prefix of at most `count` lines that composes to a mapping (a few tries, then none)."""
    for end in range(count, max(count - 30, 0), -1):
        try:
            node = _compose("".join(lines[:end]))
        except (yaml.YAMLError, RecursionError, MemoryError):
            continue
        return node if isinstance(node, yaml.MappingNode) else None
    return None


def load_nodes(path: Path | str, display: str | None = None) -> tuple[yaml.Node | None, list[Problem]]:
    """The composed document node (possibly from a repaired or partial text) and the loader's problems."""
    loaded = read_file(path, display)
    return loaded.node, loaded.problems


def load_bytes(data: bytes, name: str) -> tuple[yaml.Node | None, list[Problem]]:
    loaded = read_bytes(data, name)
    return loaded.node, loaded.problems


def _has_shared_nodes(root: yaml.Node) -> bool:
    """Aliases compose into one node reached twice; a walk that never descends twice stays bounded."""
    seen: set[int] = set()
    stack = [root]
    while stack:
        node = stack.pop()
        if id(node) in seen:
            return True
        seen.add(id(node))
        if isinstance(node, yaml.MappingNode):
            for key, value in node.value:
                stack.append(key)
                stack.append(value)
        elif isinstance(node, yaml.SequenceNode):
            stack.extend(node.value)
    return False
