"""Read a fiche file into a YAML node tree that keeps line and column of every value.

Everything that can go wrong before the schema is looked at (size, encoding,
BOM, tabs, syntax, several documents) becomes a Problem, never an exception.
"""

from __future__ import annotations

from pathlib import Path

import yaml
from problems import Problem

try:  # the C loader is much faster; fall back when libyaml is absent
    from yaml import CSafeLoader as SafeLoader
except ImportError:  # pragma: no cover
    from yaml import SafeLoader

MAX_BYTES = 256 * 1024  # a complete guide fiche is ~25 KB; refuse anything absurd


def _problem(path: str, line: int, col: int, message: str) -> Problem:
    return Problem(path, line, col, "", message)


def _decode(path: str, data: bytes) -> tuple[str | None, list[Problem]]:
    if data.startswith(b"\xef\xbb\xbf"):
        return None, [_problem(path, 1, 1, "file starts with a UTF-8 byte order mark (BOM); save it as UTF-8 "
                                           "without BOM")]
    try:
        return data.decode("utf-8"), []
    except UnicodeDecodeError as exc:
        before = data[: exc.start]
        line = before.count(b"\n") + 1
        col = exc.start - (before.rfind(b"\n") + 1) + 1
        return None, [_problem(path, line, col, f"file is not valid UTF-8 (byte 0x{data[exc.start]:02x}); "
                                                "save it as UTF-8")]


def _tabs(path: str, text: str) -> list[Problem]:
    found = []
    for number, line in enumerate(text.splitlines(), 1):
        stripped = line.lstrip(" ")
        if stripped.startswith("\t"):
            found.append(_problem(path, number, len(line) - len(stripped) + 1,
                                  "tab used for indentation; YAML needs spaces"))
    return found


def load_nodes(path: Path | str, display: str | None = None) -> tuple[yaml.Node | None, list[Problem]]:
    """Return the composed document node, or None with the problems that prevented it."""
    name = display or str(path)
    try:
        size = Path(path).stat().st_size
        if size > MAX_BYTES:
            return None, [_problem(name, 1, 1, f"file is {size} bytes; the limit is {MAX_BYTES} bytes")]
        data = Path(path).read_bytes()
    except OSError as exc:
        return None, [_problem(name, 1, 1, f"cannot read file: {exc.strerror or exc}")]
    return load_bytes(data, name)


def load_bytes(data: bytes, name: str) -> tuple[yaml.Node | None, list[Problem]]:
    if len(data) > MAX_BYTES:
        return None, [_problem(name, 1, 1, f"file is {len(data)} bytes; the limit is {MAX_BYTES} bytes")]
    text, problems = _decode(name, data)
    if text is None:
        return None, problems
    if "\x00" in text:
        return None, [_problem(name, 1, 1, "file contains NUL characters; is it a text file?")]
    problems = _tabs(name, text)
    if problems:
        return None, problems
    if not text.strip():
        return None, [_problem(name, 1, 1, "file is empty; a fiche is a YAML mapping (see new_fiche.py)")]
    loader = SafeLoader(text)
    try:
        node = loader.get_single_node()
    except yaml.MarkedYAMLError as exc:
        mark = exc.problem_mark or exc.context_mark
        line, col = (mark.line + 1, mark.column + 1) if mark else (1, 1)
        message = " ".join(filter(None, [exc.context, exc.problem])) or "invalid YAML"
        if "expected a single document" in message:
            message = "file holds more than one YAML document (---); one fiche per file"
        return None, [_problem(name, line, col, f"YAML syntax: {message}")]
    except yaml.YAMLError as exc:
        return None, [_problem(name, 1, 1, f"YAML error: {exc}")]
    except (RecursionError, MemoryError):
        return None, [_problem(name, 1, 1, "YAML nesting is too deep")]
    finally:
        loader.dispose()
    if node is None:
        return None, [_problem(name, 1, 1, "file holds no YAML document")]
    return node, []
