"""What still waits for a translation: `python -m scripts.translation_status [--json] [--strict]`.

A report for translators and reviewers, not a gate: it exits 0 whatever it finds (1 with `--strict` when
anything is pending, 2 on a usage error). One line per finding, sorted by file and line, then a summary:

    fiches/x.yml:12: summary.fr: missing (no fr text; the nl text is there)
    fiches/x.yml:40: modules[0].goals[2]: identical (same text in nl and fr; it reads as Dutch: translate fr)
    docs/netwerk/verslag.nl.md:1: only-in-nl (no docs/netwerk/verslag.fr.md)
    N translation(s) pending: … (the summary, on stderr)

Fiches: the schema is walked over the YAML nodes (fiche_loader.load_nodes keeps every line), and every
bilingual text (fiche_schema.Text) is checked:

- `missing`: a language's value is absent or empty (a draft may be published in the preview like this);
- `identical`: two or more languages have the same text, and that text is more than a name: at least IDENTICAL_MIN
  characters with a space, and not made of capitalised words and numbers only (proper names such as "AMIE"
  or an address such as "Boulevard Joseph II 13, 6000 Charleroi" read the same in both languages).

Hand-written pages (docs/**/*.<lang>.md for the site's languages, docs/_data left out):

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
import re
import sys
from pathlib import Path

import yaml
from babel import Locale

from scripts import project as kb_project
from scripts.fiche import schema as s
from scripts.fiche.collection import discover, display_path
from scripts.fiche.loader import load_nodes

EXCLUDED_DOCS = ("_data",)
ONLY_IN = "only-in-"  # + the languages a page exists in
IDENTICAL_MIN = 20  # characters; shorter identical texts are names or labels
PAGE_SHARE = 0.5  # share of identical prose lines that marks a page as not yet translated
YAML_NULL = "tag:yaml.org,2002:null"

# A few very frequent words per language, to say in which language an untranslated text is written.
STOPWORDS = {
    "nl": {"de", "het", "een", "en", "van", "voor", "met", "op", "is", "zijn", "niet", "dat", "die", "te", "bij",
           "naar", "ook", "om", "wordt", "worden", "als", "aan", "uit", "of", "u", "we", "hun", "deze", "kan"},
    "fr": {"le", "la", "les", "des", "du", "un", "une", "et", "est", "pour", "dans", "avec", "sur", "par", "au",
           "aux", "qui", "que", "ne", "pas", "sont", "ou", "se", "son", "sa", "ses", "leur", "vous", "nous", "à"},
}
WORD = re.compile(r"[^\W\d_]+(?:['’][^\W\d_]+)?", re.UNICODE)


def _record(kind: str, path: Path, line: int, field: str, problem: str, detail: str) -> dict:
    return {"kind": kind, "path": display_path(path), "line": line, "field": field, "problem": problem,
            "detail": detail}


def _normal(text: str) -> str:
    return " ".join(text.split())


def _and(items: list[str]) -> str:
    """'nl and fr', 'nl, fr and de'."""
    return " and ".join([", ".join(items[:-1]), items[-1]] if len(items) > 1 else items)


def english_name(lang: str) -> str:
    """'Dutch' for nl: the report is in English (Babel's language names)."""
    return Locale.parse(lang).get_display_name("en")


def language_of(text: str) -> str | None:
    """The language whose common words the text clearly uses (STOPWORDS), else None."""
    words = [w.lower() for w in WORD.findall(text.replace("’", "'"))]
    words = [w.split("'")[-1] if "'" in w else w for w in words]  # l'équipe → équipe, d'un → un
    counts = {lang: sum(w in stop for w in words) for lang, stop in STOPWORDS.items()}
    best = max(counts, key=counts.get)
    others = [n for lang, n in counts.items() if lang != best]
    return best if counts[best] and counts[best] > max(others) else None


def looks_like_a_name(text: str) -> bool:
    """Proper names and addresses: every word capitalised or a number ("Boulevard Joseph II 13, 6000 Charleroi")."""
    tokens = [t.strip("()[]{},.;:!?«»\"'–-/&+|") for t in text.split()]
    tokens = [t for t in tokens if t]
    return bool(tokens) and all(t[0].isupper() or t[0].isdigit() for t in tokens)


def worth_translating(text: str) -> bool:
    """Whether the same text in both languages means a translation is missing (rather than a name)."""
    text = _normal(text)
    return len(text) >= IDENTICAL_MIN and " " in text and not looks_like_a_name(text)


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
                records.append(_record("fiche", path, line, f"{field}.{lang}", "missing", detail))
        for text, langs in _shared_texts(values):
            lang = language_of(text)
            todo = [o for o in langs if o != lang]
            detail = f"same text in {_and(langs)}" + (
                f"; it reads as {english_name(lang)}: translate {', '.join(todo)}" if lang else "")
            records.append(_record("fiche", path, line, field, "identical", detail))
    return records


def _shared_texts(values: dict[str, str]) -> list[tuple[str, list[str]]]:
    """(text, languages) of each text worth translating that two or more languages have the same."""
    groups: dict[str, list[str]] = {}
    for lang in s.LANGS:
        if lang in values:
            groups.setdefault(_normal(values[lang]), []).append(lang)
    return [(values[langs[0]], langs) for langs in groups.values()
            if len(langs) > 1 and worth_translating(values[langs[0]])]



# --- pages ----------------------------------------------------------------------------------------------------------

FENCE = re.compile(r"^\s*(```|~~~)")
INLINE_CODE = re.compile(r"`[^`]*`")
LINK_TARGET = re.compile(r"\]\([^)]*\)")
NOT_PROSE = re.compile(r"^\s*(#|<!--|\*\[|\|?\s*:?-{3,}|!\[|\[[^\]]*\]:)")


def prose_lines(text: str) -> list[tuple[int, str]]:
    """(line number, normalised text) of the lines of a page that are prose, not code, headings or links."""
    out: list[tuple[int, str]] = []
    in_code = False
    for number, line in enumerate(text.splitlines(), 1):
        if FENCE.match(line):
            in_code = not in_code
            continue
        if in_code or NOT_PROSE.match(line):
            continue
        words = _normal(LINK_TARGET.sub("]", INLINE_CODE.sub("", line)))
        words = words.lstrip("-*+0123456789.> ").strip()
        if worth_translating(words):
            out.append((number, _normal(line)))
    return out


def _page_key(path: Path) -> tuple[Path, str] | None:
    parts = path.name.split(".")
    if len(parts) >= 3 and parts[-1] == "md" and parts[-2] in s.LANGS:
        return path.with_name(".".join(parts[:-2])), parts[-2]
    return None


def page_records(docs_dir: Path) -> list[dict]:
    pages: dict[Path, dict[str, Path]] = {}
    for path in sorted(docs_dir.rglob("*.md")):
        relative = path.relative_to(docs_dir)
        if relative.parts and relative.parts[0] in EXCLUDED_DOCS:
            continue
        key = _page_key(path)
        if key is not None:
            pages.setdefault(key[0], {})[key[1]] = path
    records: list[dict] = []
    for base, versions in sorted(pages.items()):
        present = [lang for lang in s.LANGS if lang in versions]
        if len(present) < len(s.LANGS):
            missing = [o for o in s.LANGS if o not in versions]
            others = ", ".join(display_path(base.with_name(f"{base.name}.{o}.md")) for o in missing)
            records.append(_record("page", versions[present[0]], 1, "", ONLY_IN + "-".join(present),
                                   f"no {others}"))
        reference = s.LANGS[0]
        if reference in versions:
            for lang in present[1:]:
                records.extend(_identical_page(versions, reference, lang))
    return records


def _identical_page(versions: dict[str, Path], first_lang: str, second_lang: str) -> list[dict]:
    """A version (second_lang) that is still (mostly) the reference version's text (first_lang), or the
    other way round: the version to translate is the one whose language the shared text is not in."""
    pair = (first_lang, second_lang)
    first, second = versions[first_lang], versions[second_lang]
    data = {lang: versions[lang].read_bytes() for lang in pair}
    prose = {lang: prose_lines(data[lang].decode("utf-8", "replace")) for lang in pair}
    if data[first_lang] == data[second_lang]:
        shared_lines = [line for _, line in prose[first_lang]]
        detail = "both language versions are byte-identical"
    else:
        other = {line for _, line in prose[second_lang]}
        shared_lines = [line for _, line in prose[first_lang] if line in other]
        smaller = min(len(prose[lang]) for lang in pair)
        if not shared_lines or len(shared_lines) < PAGE_SHARE * smaller:
            return []
        detail = f"{len(shared_lines)} of {smaller} text lines are the same in both versions"
    lang = language_of(" ".join(shared_lines)) if shared_lines else None
    target_lang = first_lang if lang == second_lang else second_lang
    target = versions[target_lang]
    shared = set(shared_lines)
    line = next((number for number, text in prose[target_lang] if text in shared), 1)
    if lang:
        detail += f"; it reads as {english_name(lang)}: translate {display_path(target)}"
    else:
        detail += f"; compare {display_path(first)} and {display_path(second)}"
    return [_record("page", target, line, "", "identical", detail)]


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
        text = f"nothing to translate: every text and page exists in {_and(list(s.LANGS))}"
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
