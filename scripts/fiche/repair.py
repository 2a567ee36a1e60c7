"""Repairs of a broken fiche text, each proven by composing the result: the validator then checks the rest.

Leading tabs become the indentation that makes the file parse; a text holding ': ' is quoted; a line indented
unlike its neighbours moves to their level; a line nothing repairs is left out. The loader reports each repair
with the corrected line as a hint.
"""

from __future__ import annotations

import re

import yaml

from scripts.fiche.problems import Problem, msg
from scripts.fiche.syntax import compose, error_after, error_position

TAB_WIDTHS = (2, 4, 8)


def _parses_past(text: str, line: int) -> bool:
    """True when `text` composes, or fails only after 0-based `line`."""
    try:
        compose(text)
        return True
    except yaml.MarkedYAMLError as exc:
        mark = exc.problem_mark or exc.context_mark
        return mark is not None and mark.line > line
    except (yaml.YAMLError, RecursionError, MemoryError):
        return False


def untab(name: str, lines: list[str]) -> list[Problem]:
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
        problems.append(Problem.of(name, i + 1, col, "", msg("tab", fixed=f"`{chosen[i].rstrip()}`")))
        lines[i] = chosen[i]
    return problems


def _expand_indent(line: str, width: int) -> str:
    body = line.lstrip(" \t")
    indent = line[: len(line) - len(body)]
    return indent.replace("\t", " " * width) + body


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


def quote_colon(text: str, lines: list[str], exc: yaml.MarkedYAMLError) -> tuple[int, str] | None:
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
            after = error_after(trial)
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


def reindent(lines: list[str], exc: yaml.MarkedYAMLError) -> tuple[int, list[str], int, int] | None:
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
        after = error_after("".join(lines[:index] + moved + lines[end:]))
        if after is None or after.line >= end:
            return index, moved, found, level
    return None


def drop_line(lines: list[str], exc: yaml.MarkedYAMLError) -> int | None:
    """The line of an error that cannot be repaired, when the file parses past it without that line."""
    index = error_position(exc)[0] - 1
    if index >= len(lines) or not lines[index].strip():
        return None
    after = error_after("".join(lines[:index] + ["\n"] + lines[index + 1:]))
    return index if after is None or after.line > index else None


def prefix_node(lines: list[str], count: int) -> yaml.Node | None:
    """The longest prefix of at most `count` lines that composes to a mapping (a few tries, then none)."""
    for end in range(count, max(count - 30, 0), -1):
        try:
            node = compose("".join(lines[:end]))
        except (yaml.YAMLError, RecursionError, MemoryError):
            continue
        return node if isinstance(node, yaml.MappingNode) else None
    return None
