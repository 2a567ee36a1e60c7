"""French typography: a no-break space before : ; ! ? and inside « ».

The hand-written French pages and the glossary are written with it (checked here). Fiche texts are not: the site
applies it when it reads a fiche (tests/test_typography_applied.py), so no test demands it of a fiche."""

from __future__ import annotations

import time
from pathlib import Path

import pytest

from scripts.lang import typography

ROOT = Path(__file__).resolve().parent.parent
NB = "\u00a0"
# The contributor guide (docs/bijdragen/) is being rewritten in another branch; it joins this check once merged.
NOT_YET = ("bijdragen",)
FRENCH_FILES = sorted(
    [ROOT / "docs" / "_data" / "glossary.yml",
     *(p for p in (ROOT / "docs").rglob("*.fr.md") if not set(NOT_YET) & set(p.relative_to(ROOT / "docs").parts))]
)


@pytest.mark.parametrize("path", FRENCH_FILES, ids=lambda p: str(p.relative_to(ROOT)))
def test_french_texts_have_no_break_spaces(path):
    found = typography.file_problems(path)
    assert found == [], "\n".join(f"{path.relative_to(ROOT)}:{line}: {message}" for line, message in found)


@pytest.mark.parametrize("text", [
    f"Remarque{NB}: le guide dit «{NB}environ{NB}».",
    f"Qu'est-ce qui fonctionne{NB}? Beaucoup{NB}; vraiment{NB}!",
    "Voir https://www.mi-is.be/fr/etudes?page=2 et mailto:info@example.be.",
    "Rendez-vous à 10:00, puis à 14:30.",
    "Le projet MOVE UP! et Interactief! gardent leur nom.",
    "Le code `a : b` et [le lien](https://example.be/a:b) restent tels quels.",
    "Titre {: #ancre }",
    f"*[CPAS]: Centre public d'action sociale\n\nLe CPAS{NB}: un service public.",
])
def test_correct_french_passes(text):
    assert typography.problems(text) == []


@pytest.mark.parametrize(("text", "fixed"), [
    ("Remarque : le guide", f"Remarque{NB}: le guide"),
    ("Remarque: le guide", f"Remarque{NB}: le guide"),
    ("Pourquoi ? Parce que ; voilà !", f"Pourquoi{NB}? Parce que{NB}; voilà{NB}!"),
    ("Pourquoi?", f"Pourquoi{NB}?"),
    ("le « plus beau mot »", f"le «{NB}plus beau mot{NB}»"),
    ("le «mot»", f"le «{NB}mot{NB}»"),
])
def test_wrong_french_is_found_and_fixed(text, fixed):
    assert typography.problems(text)
    assert typography.fix(text) == fixed
    assert typography.problems(fixed) == []


def test_front_matter_is_not_prose(tmp_path):
    page = tmp_path / "page.fr.md"
    page.write_text("---\ntitle: Titre\nhide:\n  - toc\n---\n\n# Titre\n\nUn texte : ici.\n", encoding="utf-8")
    assert typography.file_problems(page) == [(9, "use a no-break space (U+00A0) before ':', not a plain space")]


def test_yaml_fix_keeps_the_fiche_valid_and_dutch_untouched(tmp_path):
    fiche = tmp_path / "x.yml"
    fiche.write_text("summary:\n  nl: 'Let op: dit blijft.'\n  fr: |-\n    Attention : ceci\n    ? change.\n",
                     encoding="utf-8")
    assert typography.main(["--fix", str(fiche)]) == 0
    text = fiche.read_text(encoding="utf-8")
    assert "Let op: dit blijft." in text
    assert f"Attention{NB}: ceci{NB}?\n    change." in text


@pytest.mark.parametrize(("text", "fixed"), [
    ("Attention : ceci\n? change.", f"Attention{NB}: ceci{NB}? change."),
    ("Voir https://example.be/a:b à 10:00 ; ok", f"Voir https://example.be/a:b à 10:00{NB}; ok"),
    ("Sans ponctuation", "Sans ponctuation"),
])
def test_fiche_text_as_the_site_shows_it(text, fixed):
    assert typography.fix_text(text) == fixed


# Shapes that open a masked part (tag, template tag, link target, address) and never close it.
UNCLOSED = ["{{", "{%", "{#", "{:", "<", "](", "a.", "a : ", "«a»", "x\n? "]


@pytest.mark.parametrize("shape", UNCLOSED)
def test_fiche_typography_is_linear_in_the_text(shape):
    """A fiche text is contributor input: ten times the text may cost about ten times the time, never a hundred."""
    def cost(size: int) -> float:
        text = (shape * (size // len(shape) + 1))[:size]
        best = float("inf")
        for _ in range(3):
            start = time.perf_counter()
            typography.fix_text(text)
            best = min(best, time.perf_counter() - start)
        return best

    small, large = cost(4_000), cost(40_000)  # 20,000 characters is the schema's longest text
    assert large < 30 * small + 0.01, (shape, small, large)
