"""French typography: a no-break space before `: ; ! ?` and inside « guillemets ».

One set of rules for the fiche texts (`fr` values of fiches/*.yml) and the French pages (docs/**/*.fr.md).
Code, web addresses, Markdown link targets, attribute lists, template tags, front matter and times such as
10:00 are left alone. `python scripts/lang/typography.py [--fix] FILE...` lists (or fixes) the problems.
"""

from __future__ import annotations

import re
import sys
from pathlib import Path

import yaml

NBSP = "\u00a0"
NO_BREAK = NBSP + "\u202f"  # a narrow no-break space is typographically fine too
PUNCT = ":;!?"

# Parts of a text that are not prose: replaced by placeholders of the same length before checking.
# Each pattern stops at the character that would start another match of it, so that masking stays linear in the
# text (fiche texts are contributor input): `<` ends an unclosed tag, `{` an unclosed template tag.
_MASKS = [
    re.compile(r"```.*?```", re.S),              # fenced code
    re.compile(r"`[^`\n]*`"),                     # inline code
    re.compile(r"(?<![a-zA-Z0-9+.-])[a-zA-Z][a-zA-Z0-9+-]*(?:\.[a-zA-Z0-9+-]+)*://[^\s<>)\]]*"),  # web addresses
    re.compile(r"\bmailto:[^\s<>)\]]*"),
    re.compile(r"\]\([^()\n]*\)"),                 # Markdown link targets
    re.compile(r"\{[:#.][^{}\n]*\}"),              # attribute lists {: #id } { .class }
    re.compile(r"\{\{[^{}]*\}\}|\{%[^{}]*%\}|\{#[^{}]*#\}"),  # template tags
    re.compile(r"<[^<>\n]*>"),                    # HTML tags and autolinks
    re.compile(r":[a-z0-9_+-]+:"),                # icon shortcodes :material-check:
    re.compile(r"^\*\[[^\]\n]+\]:", re.M),       # abbreviation definitions *[CPAS]:
    re.compile(r"^!!!.*$|^\?\?\?.*$", re.M),       # admonition headers
]

_SPACE_BEFORE = re.compile(rf"(?<=\S)[ \t]+(?=[{PUNCT}»](?:\s|$|[)\].,*_\"]))")
_NO_SPACE_BEFORE = re.compile(r"(?<=[\w)\]*_»”])(?=[:;?](?:\s|$))")  # "!" is left out: MOVE UP!, Interactief!
_AFTER_OPEN = re.compile(r"«[ \t]*(?=\S)")
_BEFORE_CLOSE = re.compile(r"(?<=\S)[ \t]*»")


def _masked(text: str) -> str:
    for mask in _MASKS:
        text = mask.sub(lambda m: "\x00" * len(m.group(0)), text)
    return text


def problems(text: str) -> list[tuple[int, str]]:
    """(offset, message) for each typographic problem in French prose."""
    prose = _masked(text)
    out: list[tuple[int, str]] = []
    for m in _SPACE_BEFORE.finditer(prose):
        out.append((m.start(), f"use a no-break space (U+00A0) before {prose[m.end()]!r}, not a plain space"))
    for m in _NO_SPACE_BEFORE.finditer(prose):
        out.append((m.start(), f"a no-break space (U+00A0) is missing before {prose[m.start()]!r}"))
    for m in _AFTER_OPEN.finditer(prose):
        if m.group(0) != "«" + NBSP and not m.group(0).endswith(tuple(NO_BREAK)):
            out.append((m.start(), "put a no-break space (U+00A0) after «"))
    for m in _BEFORE_CLOSE.finditer(prose):
        if not m.group(0).startswith(tuple(NO_BREAK)) or len(m.group(0)) != 2:
            out.append((m.start(), "put a no-break space (U+00A0) before »"))
    return sorted(out)


def _candidates(text: str) -> bool:
    """Whether anything could need fixing: masking only ever removes matches, so a text without one as written
    (most of them) skips the masks."""
    return any(rx.search(text) for rx in (_SPACE_BEFORE, _NO_SPACE_BEFORE, _AFTER_OPEN, _BEFORE_CLOSE))


def fix(text: str) -> str:
    """The text with the problems that `problems` reports corrected (masked parts unchanged)."""
    if not _candidates(text):
        return text
    prose = _masked(text)
    edits: list[tuple[int, int, str]] = []
    for m in _SPACE_BEFORE.finditer(prose):
        edits.append((m.start(), m.end(), NBSP))
    for m in _NO_SPACE_BEFORE.finditer(prose):
        edits.append((m.start(), m.start(), NBSP))
    for m in _AFTER_OPEN.finditer(prose):
        edits.append((m.start(), m.end(), "«" + NBSP))
    for m in _BEFORE_CLOSE.finditer(prose):
        edits.append((m.start(), m.end(), NBSP + "»"))
    pieces, cursor = [], 0
    for start, end, new in sorted(edits, key=lambda e: (e[0], -e[1])):  # the wider of two edits at one place wins
        if start < cursor:
            continue
        pieces += [text[cursor:start], new]
        cursor = end
    return "".join(pieces) + text[cursor:]


# A punctuation mark that a text editor wrapped to the start of the next line: the line break before it becomes
# the no-break space (tried only after a non-space, so linear).
_WRAPPED = re.compile(rf"(?<=\S)[ \t]*\n[ \t]*(?=[{PUNCT}»](?:\s|$))")


def fix_text(text: str) -> str:
    """A contributor's French text as the site shows it: `fix`, and a mark wrapped to a new line joins its word.

    Contributors type ordinary spaces (nobody can type U+00A0); the site applies the typography when it reads a
    fiche, so every view and the open data carry it and no fiche is refused for it."""
    if not any(mark in text for mark in PUNCT + "«»"):
        return text
    return fix(_WRAPPED.sub(NBSP, text) if "\n" in text else text)


def fix_template(template: str) -> str:
    """A validator message template: only a space already typed before : ; ? ! (or inside guillemets) becomes a
    no-break space, never one inside a {parameter} or a quoted YAML example (`id: …`)."""
    template = re.sub(r" ([:;?!])(?=\s|$|\))", NBSP + "\\1", template)
    return template.replace("« ", "«" + NBSP).replace(" »", NBSP + "»")


# Each language's rules, in one place: interface texts and the schema's words (LABELS), fiche texts when read
# (TEXTS), validator message templates (TEMPLATES). A language without rules of its own is absent.
LABELS = {"fr": fix}
TEXTS = {"fr": fix_text}
TEMPLATES = {"fr": fix_template}


# --- where French text lives ---------------------------------------------------------------------------------

def french_scalars(yaml_text: str) -> list[yaml.ScalarNode]:
    """The scalar nodes under `fr` keys (any depth): a fiche's texts, a glossary entry's fields."""
    found: list[yaml.ScalarNode] = []

    def walk(node: yaml.Node, french: bool = False) -> None:
        if isinstance(node, yaml.ScalarNode) and french:
            found.append(node)
        elif isinstance(node, yaml.MappingNode):
            for key, value in node.value:
                walk(value, french or (isinstance(key, yaml.ScalarNode) and key.value == "fr"))
        elif isinstance(node, yaml.SequenceNode):
            for item in node.value:
                walk(item, french)

    root = yaml.compose(yaml_text, Loader=yaml.SafeLoader)
    if root is not None:
        walk(root)
    return found


def page_prose(md_text: str) -> str:
    """A Markdown page without its front matter (YAML keys are not prose)."""
    match = re.match(r"---\n.*?\n---\n", md_text, re.S)
    return re.sub(r"[^\n]", " ", match.group(0)) + md_text[match.end():] if match else md_text


def file_problems(path: Path) -> list[tuple[int, str]]:
    """(line, message) for a fiche (its French texts) or a French page."""
    text = path.read_text(encoding="utf-8")
    out: list[tuple[int, str]] = []
    if path.suffix == ".yml":
        for node in french_scalars(text):
            for offset, message in problems(node.value):
                block = 1 if node.style in ("|", ">") else 0  # a block scalar starts on the line after its key
                line = node.start_mark.line + 1 + block + node.value[:offset].count("\n")
                out.append((line, message))
    else:
        prose = page_prose(text)
        for offset, message in problems(prose):
            out.append((prose[:offset].count("\n") + 1, message))
    return out


def _fix_yaml(text: str) -> str:
    """Fix the French values in place, in the YAML source (block scalars keep their line breaks)."""
    nodes = sorted(french_scalars(text), key=lambda n: n.start_mark.index, reverse=True)
    for node in nodes:
        start, end = node.start_mark.index, node.end_mark.index
        raw = text[start:end]
        # a punctuation mark wrapped to the start of the next line joins the end of the previous one
        raw = re.sub(rf"(\S)\n([ \t]+)([{PUNCT}»])[ \t]?", lambda m: f"{m[1]}{NBSP}{m[3]}\n{m[2]}", raw)
        raw = re.sub(r"«[ \t]*\n[ \t]*", "«" + NBSP, raw)
        text = text[:start] + fix(raw) + text[end:]
    return text


def _fix_page(text: str) -> str:
    match = re.match(r"---\n.*?\n---\n", text, re.S)
    head = match.end() if match else 0
    return text[:head] + fix(text[head:])


def main(argv: list[str]) -> int:
    if not argv or "-h" in argv or "--help" in argv:
        print("usage: python -m scripts.lang.typography [--fix] FILE...\n\n" + __doc__.splitlines()[0])
        return 0 if argv else 2
    do_fix = "--fix" in argv
    files = [Path(a) for a in argv if a != "--fix"]
    missing = [str(path) for path in files if not path.is_file()]
    if missing:
        print(f"typography: no such file: {', '.join(missing)}", file=sys.stderr)
        return 2
    count = 0
    for path in files:
        if do_fix:
            text = path.read_text(encoding="utf-8")
            fixed = _fix_yaml(text) if path.suffix == ".yml" else _fix_page(text)
            if fixed != text:
                path.write_text(fixed, encoding="utf-8")
        for line, message in file_problems(path):
            print(f"{path}:{line}: {message}")
            count += 1
    print(f"problems: {count}", file=sys.stderr)
    return 1 if count else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
