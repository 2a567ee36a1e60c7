"""Synthetic fiches for the scale benchmark (scripts/bench/bench.py): realistic, varied, schema-valid, seeded.

The generator (scripts/bench/maker.py) walks the schema (fiche_schema.FICHE), so every field the schema knows
is filled, including fields added later; a few paths get realistic values of their
own (ids, places in Belgium, team numbers, module set-up, dates). Texts are sentences
assembled by a seeded random generator from several hundred real Dutch and French
words of the field (scripts/bench/words.py), with random order and lengths, so that no two texts repeat and
compression does not flatter the sizes. Fiche i depends only on (seed, i): the first
ten fiches of a run with N fiches equal those of a run with 10.

This module writes them (and copies of the real fiches, and the same texts as plain Markdown for the floor);
`python -m scripts.bench.synthetic DIR --n 20` writes fiches to DIR.
"""

from __future__ import annotations

import argparse
import re
import sys
from pathlib import Path

from scripts.bench.maker import make_fiche
from scripts.fiche import schema as s

ROOT = Path(__file__).resolve().parents[2]  # the checkout: its fiches, docs and mkdocs.yml are the baseline


def write_fiches(directory: Path, count: int, seed: int = 1) -> list[Path]:
    directory.mkdir(parents=True, exist_ok=True)
    paths = []
    for index in range(count):
        data, text = make_fiche(seed, index)
        path = directory / f"{data['id']}.yml"
        path.write_text(text, encoding="utf-8")
        paths.append(path)
    return paths


def clone_real(directory: Path, count: int, source: Path | None = None) -> list[Path]:
    """`count` copies of the real fiches (fiches/ or `source`), round-robin, each under a new id: the
    benchmark's "real-looking" fiches, as heavy as the real ones (provenance, qualified numbers, long texts).
    Copy k of fiche x is `x-k` (copy 0 keeps its id); its `related` ids point to the same round's copies."""
    originals = sorted((source or ROOT / "fiches").glob("*.yml"))
    if not originals:
        raise RuntimeError("clone_real: no fiches to clone")
    ids = [p.stem for p in originals]
    directory.mkdir(parents=True, exist_ok=True)
    texts = [p.read_text(encoding="utf-8") for p in originals]
    paths = []
    for index in range(count):
        k, which = divmod(index, len(originals))
        suffix = f"-{k}" if k else ""
        text = texts[which]
        if suffix:
            pattern = r"(?m)^(id:\s*|\s*-\s+)(" + "|".join(map(re.escape, ids)) + r")\s*$"
            text = re.sub(pattern, lambda m, end=suffix: m.group(1) + m.group(2) + end, text)
        path = directory / f"{ids[which]}{suffix}.yml"
        path.write_text(text, encoding="utf-8")
        paths.append(path)
    return paths


# --- the same texts as plain Markdown (the baseline site) -----------------------------------------------------

def _is_text(value) -> bool:
    return isinstance(value, dict) and set(value) == set(s.LANGS) and all(isinstance(v, str) for v in value.values())


def _label(key: str) -> str:
    return key.replace("_", " ").capitalize()


def plain_markdown(data: dict, lang: str) -> str:
    """Every text of a fiche in one language as Markdown headings, paragraphs and lists; figures as lines."""
    out = [f"# {data['title'][lang]}", ""]

    def walk(value, key: str, depth: int) -> None:
        heading = "#" * min(depth, 6)
        if _is_text(value):
            text = value[lang]
            if key:
                out.extend([f"{heading} {_label(key)}", ""])
            out.extend([text, ""])
        elif isinstance(value, dict):
            name = value.get("name") or value.get("role")
            title = name[lang] if _is_text(name) else _label(key)
            if key:
                out.extend([f"{heading} {title}", ""])
            for sub, item in value.items():
                if sub in ("name", "role") and _is_text(item):
                    continue
                walk(item, sub, depth + 1)
        elif isinstance(value, list):
            if all(_is_text(v) for v in value):
                out.extend([f"{heading} {_label(key)}", ""] + [f"- {v[lang]}".replace("\n", " ") for v in value]
                           + [""])
            elif all(not isinstance(v, (dict, list)) for v in value):
                out.extend([f"{_label(key)}: {', '.join(map(str, value))}", ""])
            else:
                out.extend([f"{heading} {_label(key)}", ""])
                for item in value:
                    walk(item, "", depth + 1)
        elif key:
            out.extend([f"{_label(key)}: {value}", ""])

    for key, value in data.items():
        if key != "title":
            walk(value, key, 2)
    return "\n".join(out)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description="Write N synthetic fiches (for the benchmark) to a folder.")
    parser.add_argument("directory", type=Path)
    parser.add_argument("--n", type=int, default=20)
    parser.add_argument("--seed", type=int, default=1)
    args = parser.parse_args(argv)
    if (ROOT / "fiches").resolve() in [args.directory.resolve(),
                                                                         *args.directory.resolve().parents]:
        parser.error("never write synthetic fiches into fiches/")
    paths = write_fiches(args.directory, args.n, args.seed)
    print(f"{len(paths)} synthetic fiche(s) in {args.directory}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
