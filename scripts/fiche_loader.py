"""Read a fiche file into a YAML node tree that keeps line and column of every value.

Everything that can go wrong before the schema is looked at (size, encoding,
BOM, tabs, syntax, several documents) becomes a Problem, never an exception.
"""

from __future__ import annotations

from pathlib import Path

import yaml

from scripts.problems import Problem

try:  # the C loader is much faster; fall back when libyaml is absent
    from yaml import CSafeLoader as SafeLoader
except ImportError:  # pragma: no cover
    from yaml import SafeLoader

MAX_BYTES = 256 * 1024  # a complete guide fiche is ~25 KB; refuse anything absurd
MAX_ALIAS_REPORTS = 10  # an alias bomb holds thousands; the first ones say enough


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


def _position(text: str, offset: int) -> tuple[int, int]:
    before = text[:offset]
    return before.count("\n") + 1, offset - (before.rfind("\n") + 1) + 1


def _syntax_problem(name: str, exc: yaml.MarkedYAMLError) -> Problem:
    # An unterminated quote or flow collection is only noticed far later: point where it started.
    unterminated = exc.context and exc.context.startswith(("while scanning a quoted", "while parsing a flow"))
    mark = (exc.context_mark if unterminated else None) or exc.problem_mark or exc.context_mark
    line, col = (mark.line + 1, mark.column + 1) if mark else (1, 1)
    message = " ".join(" ".join(filter(None, [exc.context, exc.problem])).split()) or "invalid YAML"
    if "expected a single document" in message:
        message = "file holds more than one YAML document (---); one fiche per file"
    return _problem(name, line, col, f"YAML syntax: {message}")


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
                problems.append(Problem(name, mark.line + 1, mark.column + 1, path(),
                                        "YAML anchors and aliases (&name / *name) are not allowed; write the "
                                        "value out"))
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
        return None, [_syntax_problem(name, exc)]
    except yaml.reader.ReaderError as exc:
        line, col = _position(text, exc.position)
        return None, [_problem(name, line, col, f"control characters are not allowed in YAML: "
                                                f"U+{exc.character:04X}; remove it")]
    except yaml.YAMLError as exc:
        return None, [_problem(name, 1, 1, "YAML error: " + " ".join(str(exc).split()))]
    except (RecursionError, MemoryError):
        return None, [_problem(name, 1, 1, "YAML nesting is too deep")]
    finally:
        loader.dispose()
    if node is None:
        return None, [_problem(name, 1, 1, "file holds no YAML document")]
    if "*" in text and _has_shared_nodes(node):  # an alias: find where each one stands (second, rarer pass)
        aliases = find_aliases(text, name)
        if aliases:
            return None, aliases
    return node, []


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
