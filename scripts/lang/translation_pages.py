"""Hand-written pages not yet translated (docs/**/*.<lang>.md): a page missing in a language, or a version
still (mostly) the text of another. Part of `python -m scripts.translation_status` (see its docstring)."""

from __future__ import annotations

import re
from pathlib import Path

from scripts.fiche import schema as s
from scripts.fiche.collection import display_path
from scripts.lang.untranslated import english_name, language_of, normal, record, worth_translating

EXCLUDED_DOCS = ("_data",)
ONLY_IN = "only-in-"  # + the languages a page exists in
PAGE_SHARE = 0.5  # share of identical prose lines that marks a page as not yet translated

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
        words = normal(LINK_TARGET.sub("]", INLINE_CODE.sub("", line)))
        words = words.lstrip("-*+0123456789.> ").strip()
        if worth_translating(words):
            out.append((number, normal(line)))
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
            records.append(record("page", versions[present[0]], 1, "", ONLY_IN + "-".join(present),
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
    return [record("page", target, line, "", "identical", detail)]
