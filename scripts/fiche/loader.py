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

from scripts.fiche import repair
from scripts.fiche.aliases import find_aliases, has_aliases
from scripts.fiche.problems import Msg, Problem, msg
from scripts.fiche.syntax import compose, error_position, syntax_problem

MAX_BYTES = 256 * 1024  # a complete guide fiche is ~25 KB; refuse anything absurd
MAX_REPAIRS = 20  # syntax errors repaired per file before the rest is given up
MAX_CONTROL_REPORTS = 10
# Characters YAML refuses in a file (outside its printable set); reported, then replaced by a space.
RAW_CONTROL = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x84\x86-\x9f\ufffe\uffff]")
# Characters that reverse or hide text without being seen (bidi embeddings, overrides and isolates, zero-width
# characters, a byte order mark inside the text): refused in every value (check_text.py), found once per file here.
INVISIBLE = re.compile("[\u061c\u180e\u200b-\u200f\u202a-\u202e\u2060-\u2064\u2066-\u2069\ufeff]")
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


def _raw_controls(name: str, text: str) -> tuple[str, list[Problem]]:
    problems = []
    for match in RAW_CONTROL.finditer(text):
        if len(problems) == MAX_CONTROL_REPORTS:
            break
        line, col = _position(text, match.start())
        problems.append(_problem(name, line, col, msg("control", code=f"{ord(match.group(0)):04X}")))
    return RAW_CONTROL.sub(" ", text), problems


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
        found = repair.untab(name, lines)
        if found:
            problems += found
            text = "".join(lines)
    return _parse(name, text, lines, problems)



@dataclass
class _Text:
    """A fiche's text while its syntax errors are repaired, one a round; split into lines only once one is."""

    text: str
    lines: list[str] | None
    repaired: set[int] = field(default_factory=set)
    partial: bool = False  # a line was left out: nothing may be called missing

    def split(self) -> list[str]:
        if self.lines is None:
            self.lines = self.text.splitlines(keepends=True)
        return self.lines

    def replace(self, index: int, new_lines: list[str], count: int = 1) -> None:
        self.lines[index:index + count] = new_lines
        self.text = "".join(self.lines)


def _parse(name: str, text: str, lines: list[str] | None, problems: list[Problem]) -> Loaded:
    doc = _Text(text, lines)
    until = None
    node = None
    for rounds in range(1, MAX_REPAIRS + 2):  # the last round only reports
        try:
            node = compose(doc.text)
            break
        except yaml.MarkedYAMLError as exc:
            if _mend(name, doc, exc, problems, may_repair=rounds <= MAX_REPAIRS):
                continue
            until = error_position(exc)[0]
            node = repair.prefix_node(doc.lines, until - 1)
            break
        except (yaml.YAMLError, RecursionError, MemoryError) as exc:
            problems.append(_unreadable(name, doc.text, exc))
            return Loaded(None, problems)
    return _loaded(name, doc, node, until, problems)


def _mend(name: str, doc: _Text, exc: yaml.MarkedYAMLError, problems: list[Problem], may_repair: bool) -> bool:
    """Report the syntax error; True when a repair or a left-out line lets the next round read further."""
    lines = doc.split()
    fixed = repair.quote_colon(doc.text, lines, exc) if may_repair else None
    if fixed is not None:
        index, line = fixed
        problems.append(syntax_problem(name, exc, msg("syntax_colon_hint", fixed=f"`{line.strip()}`")))
        doc.replace(index, [line + ("\n" if lines[index].endswith("\n") else "")])
        doc.repaired.add(index + 1)
        return True
    shifted = repair.reindent(lines, exc) if may_repair else None
    if shifted is not None:  # the value is as written: problems on the line stay meaningful
        index, new_lines, found, level = shifted
        problems.append(_problem(name, index + 1, found + 1, msg(
            "indent", found=found + 1, expected=level + 1, fixed=f"`{new_lines[0].rstrip()}`")))
        doc.replace(index, new_lines, len(new_lines))
        return True
    another_document = "single document" in (exc.context or "")  # the first document is the fiche
    dropped = repair.drop_line(lines, exc) if may_repair and not another_document else None
    problems.append(syntax_problem(name, exc, lines=lines))
    if dropped is None:
        return False
    # the rest of the file is still checked; what stood on the line is unknown
    doc.replace(dropped, ["\n" if lines[dropped].endswith("\n") else ""])
    doc.repaired.add(dropped + 1)
    doc.partial = True
    return True


def _unreadable(name: str, text: str, exc: Exception) -> Problem:
    if isinstance(exc, yaml.reader.ReaderError):  # pragma: no cover - raw controls are replaced above
        line, col = _position(text, exc.position)
        return _problem(name, line, col, msg("control", code=f"{exc.character:04X}"))
    if isinstance(exc, yaml.YAMLError):
        return _problem(name, 1, 1, msg("yaml_error", detail=" ".join(str(exc).split())))
    return _problem(name, 1, 1, msg("too_deep"))


def _loaded(name: str, doc: _Text, node: yaml.Node | None, until: int | None, problems: list[Problem]) -> Loaded:
    repaired = frozenset(doc.repaired)
    if node is None:
        if until is None:
            problems.append(_problem(name, 1, 1, msg("no_document")))
        return Loaded(None, problems, until, repaired)
    if doc.partial and until is None:
        until = len(doc.lines or []) + 2  # a dropped line: nothing may be called missing, the rest is checked
    text = doc.text
    if has_aliases(text, node):  # find where each one stands (a second, rarer pass)
        aliases = find_aliases(text if until is None else "".join(doc.lines[: until - 1]), name)
        if aliases:
            return Loaded(None, problems + aliases, until, repaired)
    escapes = "\\" in text or "\x85" in text or "\r" in text or bool(INVISIBLE.search(text))
    return Loaded(node, problems, until, repaired, escapes)


def load_nodes(path: Path | str, display: str | None = None) -> tuple[yaml.Node | None, list[Problem]]:
    """The composed document node (possibly from a repaired or partial text) and the loader's problems."""
    loaded = read_file(path, display)
    return loaded.node, loaded.problems


def load_bytes(data: bytes, name: str) -> tuple[yaml.Node | None, list[Problem]]:
    loaded = read_bytes(data, name)
    return loaded.node, loaded.problems

