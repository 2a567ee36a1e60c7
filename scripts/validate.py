"""Validate fiches: `python -m scripts.validate [--json] [--lang en|nl|fr] [PATH ...]` (default: fiches/ and
the glossary and thesaurus in docs/_data).

Exit 0 when valid, 1 when any error was found, 2 on a usage error. Every problem
of every file is printed in one run, GCC style, sorted by file and line; `--lang`
words the messages for coordinators (English by default, for developers).
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

if not __package__:  # run as `python scripts/validate.py` (the command coordinators know): the repo is importable
    sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from scripts import project as kb_project  # noqa: E402
from scripts.fiche.collection import load_collection  # noqa: E402
from scripts.fiche.glossary import load_glossary  # noqa: E402
from scripts.fiche.problems import escape_controls, format_problems, message_langs, msg  # noqa: E402
from scripts.fiche.thesaurus import load_thesaurus  # noqa: E402


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description="Validate fiche YAML files against the schema.")
    parser.add_argument("paths", nargs="*", type=Path, help="fiche files or folders (default: fiches/)")
    parser.add_argument("--json", action="store_true", help="print the problems as JSON records")
    parser.add_argument("-f", "--config-file", type=Path, default=None,
                        help="the site's mkdocs.yml: its fiche folder, pages and languages (default: ./mkdocs.yml)")
    parser.add_argument("--lang", default="en",
                        help="language of the messages: en (default) or one of the site's languages")
    try:
        args = parser.parse_args(argv)
    except SystemExit as exc:
        return 2 if exc.code else 0
    project = kb_project.load(args.config_file)
    if args.lang not in message_langs():  # the site's languages are known once its mkdocs.yml is read
        parser.print_usage(sys.stderr)
        print(f"validate.py: error: argument --lang: invalid choice: {args.lang!r} "
              f"(choose from {', '.join(map(repr, message_langs()))})", file=sys.stderr)
        return 2
    collection = load_collection(args.paths or [project.fiches_dir], docs_dir=project.docs_dir)
    problems = list(collection.problems)
    if not args.paths:  # the whole repository: the glossary and the thesaurus are checked like the fiches
        entries, glossary_problems = load_glossary()
        problems += glossary_problems + load_thesaurus(glossary_ids={e["id"] for e in entries})[1]
    output = format_problems(problems, as_json=args.json, lang=args.lang)
    if output:
        print(output)
    errors = sum(p.severity == "error" for p in problems)
    warnings = len(problems) - errors
    if not args.json:
        summary = (msg("summary_errors", errors=errors, warnings=warnings) if errors else
                   msg("summary_valid", fiches=len(collection.fiches), warnings=warnings))
        print(escape_controls(summary.render(args.lang)), file=sys.stderr)
    return 1 if errors else 0


if __name__ == "__main__":
    sys.exit(main())
