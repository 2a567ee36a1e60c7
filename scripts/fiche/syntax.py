"""PyYAML's composer, and its errors in a coordinator's words with the place they mean.

The loader and the repairs (scripts/fiche/repair.py) both compose trial texts; the position of an error is where
the reader must look (an unterminated quote is reported where it opens, not where PyYAML noticed it).
"""

from __future__ import annotations

import yaml

from scripts.fiche.problems import Msg, Problem, msg

try:  # the C loader is much faster; fall back when libyaml is absent
    from yaml import CSafeLoader as SafeLoader
except ImportError:  # pragma: no cover
    from yaml import SafeLoader


def compose(text: str) -> yaml.Node | None:
    loader = SafeLoader(text)
    try:
        return loader.get_single_node()
    finally:
        loader.dispose()


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


def syntax_problem(name: str, exc: yaml.MarkedYAMLError, hint: Msg | str = "",
                   lines: list[str] | None = None) -> Problem:
    line, col = error_position(exc)
    detail = " ".join(" ".join(filter(None, [exc.context, exc.problem])).split()) or "invalid YAML"
    if "expected a single document" in detail:
        return Problem.of(name, line, col, "", msg("multi_doc"))
    kind = next((code for words, code in _SYNTAX_KINDS if words in detail), "syntax_other")
    start = ""
    if kind == "syntax_start_char" and lines and line <= len(lines):
        start = lines[line - 1][col - 1:col]
    if kind == "too_deep":
        return Problem.of(name, line, col, "", msg("too_deep"))
    return Problem.of(name, line, col, "", msg("syntax", what=msg(kind, char=f"`{start}`"), hint=hint))


def error_position(exc: yaml.MarkedYAMLError) -> tuple[int, int]:
    # An unterminated quote or flow collection is only noticed far later: point where it started.
    # A line without its colon too: the error shows on the next line.
    unterminated = exc.context and exc.context.startswith(("while scanning a quoted", "while parsing a flow",
                                                           "while scanning a simple key"))
    mark = (exc.context_mark if unterminated else None) or exc.problem_mark or exc.context_mark
    return (mark.line + 1, mark.column + 1) if mark else (1, 1)


def error_after(text: str):
    """The mark of the first error in `text`, or None when it composes."""
    try:
        compose(text)
        return None
    except yaml.MarkedYAMLError as exc:
        return exc.problem_mark or exc.context_mark or _FIRST
    except (yaml.YAMLError, RecursionError, MemoryError):
        return _FIRST


_FIRST = yaml.Mark("", 0, 0, 0, None, None)
