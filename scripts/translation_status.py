"""What still waits for a translation: `python -m scripts.translation_status [--json] [--strict]`.

A report for translators and reviewers, not a gate: it exits 0 whatever it finds (1 with `--strict` when
anything is pending, 2 on a usage error). One line per finding, sorted by file and line, then a summary:

    fiches/x.yml:12: summary.fr: missing (no fr text; the nl text is there)
    fiches/x.yml:40: modules[0].goals[2]: identical (same text in nl and fr; it reads as Dutch: translate fr)
    docs/netwerk/verslag.nl.md:1: only-in-nl (no docs/netwerk/verslag.fr.md)
    N translation(s) pending: … (the summary, on stderr)

Fiches: the schema is walked over the YAML nodes (scripts.fiche.loader.load_nodes keeps every line), and every
bilingual text (scripts.fiche.schema.Text) is checked (what reads as untranslated: scripts/lang/untranslated.py):

- `missing`: a language's value is absent or empty (a draft may be published in the preview like this);
- `identical`: two or more languages have the same text, and that text is more than a name: at least IDENTICAL_MIN
  characters with a space, and not made of capitalised words and numbers only (proper names such as "AMIE"
  or an address such as "Boulevard Joseph II 13, 6000 Charleroi" read the same in both languages).

Hand-written pages (docs/**/*.<lang>.md for the site's languages, docs/_data left out;
scripts/lang/translation_pages.py):

- `only-in-nl` / `only-in-fr` (`only-in-nl-fr` with a third language): the languages the page exists in,
  when it lacks a version in another one;
- `identical`: a version and the default language's are byte-identical, or at least PAGE_SHARE of their text
  lines are the same.
  Only prose counts: headings, code blocks, inline code, link targets, HTML comments (build placeholders),
  abbreviation definitions, table rules and short lines are left out, so a page may share its code
  examples and links.

The Python entry point is `report(fiches_dir, docs_dir) -> list[dict]`, so a page of the preview build can
show the same overview. Each record has:

    kind     "fiche" or "page"
    path     the file, relative to the working directory when it lies below it (as the validator prints it)
    line     1-based line of the text (fiches) or of the first identical line (pages; 1 otherwise)
    field    the text's path in the fiche, with the language for `missing` ("summary.fr",
             "modules[0].goals[2]"); "" for pages
    problem  "missing", "identical" or "only-in-<languages>" ("only-in-nl")
    detail   a short explanation in English (which language the identical text is in, the other file, …)

Files that cannot be read or parsed are skipped here: `python -m scripts.validate` reports them.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import sys
from pathlib import Path

import yaml

from scripts import project as kb_project
from scripts.fiche import schema as s
from scripts.fiche.collection import discover, display_path
from scripts.fiche.loader import load_nodes
from scripts.fiche.nodes import YAML_NULL
from scripts.lang.translation_pages import ONLY_IN, page_records
from scripts.lang.untranslated import english_name, join_and, language_of, normal, record, worth_translating

# --- fiches ---------------------------------------------------------------------------------------------------------

def _texts(schema: s.Node, node: yaml.Node, path: str):
    """(field path, mapping node) of every bilingual text, following the schema over the node tree."""
    if isinstance(schema, s.Text):
        if isinstance(node, yaml.MappingNode):
            yield path, node
    elif isinstance(schema, s.List):
        if isinstance(node, yaml.SequenceNode):
            for index, item in enumerate(node.value):
                yield from _texts(schema.item, item, f"{path}[{index}]")
    elif isinstance(schema, s.Obj):
        if isinstance(node, yaml.MappingNode):
            for key, value in node.value:
                field = schema.get(key.value) if isinstance(key, yaml.ScalarNode) else None
                if field is not None:
                    yield from _texts(field.node, value, f"{path}.{key.value}" if path else key.value)


def _language_values(node: yaml.MappingNode) -> dict[str, str]:
    values: dict[str, str] = {}
    for key, value in node.value:
        if isinstance(key, yaml.ScalarNode) and key.value in s.LANGS and isinstance(value, yaml.ScalarNode):
            if value.tag != YAML_NULL and str(value.value).strip():
                values[key.value] = str(value.value)
    return values


def fiche_records(path: Path) -> list[dict] | None:
    """The findings of one fiche file, or None when it cannot be read as YAML."""
    root, _ = load_nodes(path, display_path(path))
    if root is None:
        return None
    records: list[dict] = []
    for field, node in _texts(s.FICHE, root, ""):
        line = node.start_mark.line + 1
        values = _language_values(node)
        for lang in s.LANGS:
            if lang not in values:
                other = next((o for o in s.LANGS if o in values), None)
                detail = f"no {lang} text" + (f"; the {other} text is there" if other else " nor any other")
                records.append(record("fiche", path, line, f"{field}.{lang}", "missing", detail))
        for text, langs in _shared_texts(values):
            lang = language_of(text)
            todo = [o for o in langs if o != lang]
            detail = f"same text in {join_and(langs)}" + (
                f"; it reads as {english_name(lang)}: translate {', '.join(todo)}" if lang else "")
            records.append(record("fiche", path, line, field, "identical", detail))
    return records


def _shared_texts(values: dict[str, str]) -> list[tuple[str, list[str]]]:
    """(text, languages) of each text worth translating that two or more languages have the same."""
    groups: dict[str, list[str]] = {}
    for lang in s.LANGS:
        if lang in values:
            groups.setdefault(normal(values[lang]), []).append(lang)
    return [(values[langs[0]], langs) for langs in groups.values()
            if len(langs) > 1 and worth_translating(values[langs[0]])]


# --- entry points ---------------------------------------------------------------------------------------------------

def collect(fiches_dir: Path, docs_dir: Path | None, cache: dict | None = None) -> tuple[list[dict], int]:
    """(sorted records, number of fiche files skipped because they cannot be read). `cache` (kept by the caller
    between runs, `mkdocs serve`): each file's records while its bytes stay the same."""
    files, _ = discover([Path(fiches_dir)])
    records: list[dict] = []
    unreadable = 0
    if cache is not None:
        for gone in set(cache) - set(files):
            del cache[gone]
    for path in files:
        if cache is None:
            found = fiche_records(path)
        else:
            try:
                key = hashlib.blake2b(path.read_bytes(), digest_size=16).digest()
            except OSError:
                key = None
            if key is None or cache.get(path, (None,))[0] != key:
                cache[path] = (key, fiche_records(path))
            found = cache[path][1]
        if found is None:
            unreadable += 1
        else:
            records.extend(found)
    if docs_dir is not None and Path(docs_dir).is_dir():
        records.extend(page_records(Path(docs_dir)))
    order = {"fiche": 0, "page": 1}
    records.sort(key=lambda r: (order[r["kind"]], r["path"], r["line"], r["field"], r["problem"]))
    return records, unreadable


def report(fiches_dir: Path, docs_dir: Path | None, cache: dict | None = None) -> list[dict]:
    """Every pending translation of the fiches in `fiches_dir` and the hand-written pages in `docs_dir`.

    Returns records {kind, path, line, field, problem, detail} (see the module docstring), fiches first,
    then pages, each sorted by path and line. Unreadable fiche files are skipped (the validator reports
    them); `docs_dir=None` leaves the pages out.
    """
    return collect(fiches_dir, docs_dir, cache)[0]


def format_record(record: dict) -> str:
    where = f"{record['path']}:{record['line']}: "
    field = f"{record['field']}: " if record["field"] else ""
    return f"{where}{field}{record['problem']} ({record['detail']})"


def summary(records: list[dict], unreadable: int = 0) -> str:
    counts = {problem: sum(r["problem"] == problem for r in records) for problem in ("missing", "identical")}
    if not records:
        text = f"nothing to translate: every text and page exists in {join_and(list(s.LANGS))}"
    else:
        partial = sum(r["problem"].startswith(ONLY_IN) for r in records)
        parts = [f"{counts['missing']} missing", f"{counts['identical']} identical",
                 f"{partial} page(s) not in every language"]
        text = f"{len(records)} translation(s) pending: " + ", ".join(parts)
    if unreadable:
        text += f"; {unreadable} fiche file(s) skipped (unreadable: run python -m scripts.validate)"
    return text


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        description="List the texts and pages that are missing or still identical in the other language.",
        epilog="exit codes: 0 (a report, whatever it finds), 1 with --strict when a translation is pending, "
               "2 on a usage error")
    parser.add_argument("--json", action="store_true", help="print the findings as JSON records")
    parser.add_argument("--strict", action="store_true", help="exit 1 when any translation is pending")
    parser.add_argument("--fiches", type=Path, default=None, help="folder of fiches (default: fiches/)")
    parser.add_argument("--docs", type=Path, default=None, help="folder of pages (default: docs/)")
    try:
        args = parser.parse_args(argv)
    except SystemExit as exc:
        return 2 if exc.code else 0
    project = kb_project.load()
    args.fiches, args.docs = args.fiches or project.fiches_dir, args.docs or project.docs_dir
    for folder in (args.fiches, args.docs):
        if not folder.is_dir():
            print(f"error: no folder {display_path(folder)}", file=sys.stderr)
            return 2
    records, unreadable = collect(args.fiches, args.docs)
    if args.json:
        print(json.dumps(records, ensure_ascii=False, indent=2))
    else:
        for record in records:
            print(format_record(record))
        print(summary(records, unreadable), file=sys.stderr)
    return 1 if args.strict and records else 0


if __name__ == "__main__":
    sys.exit(main())
