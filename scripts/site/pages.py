"""What the build generates from data: one virtual Markdown page per fiche, module and theme (per language)."""

from __future__ import annotations

from scripts.fiche import schema as s
from scripts.site import urls

GENERATED_MARK = "<!-- kb:generated -->\n"  # the whole content of a generated page: its placeholder
TRANSLATION_STATUS_PAGE = "bijdragen/vertaalstatus.md"  # the translators' overview, preview builds only


def generated_pages(fiches, modules, preview: bool) -> dict[str, tuple[str, str]]:
    """Language-free source path → (kind, key) of every page the build makes from data."""
    pages = {urls.source_for("fiche", f.id): ("fiche", f.id) for f in fiches}
    pages.update({urls.source_for("module", (m.fiche.id, m.data["id"])): ("module", m.key) for m in modules})
    pages.update({urls.source_for("theme", code): ("theme", code) for code in s.THEMES})
    if preview:
        pages[TRANSLATION_STATUS_PAGE] = ("translation-status", "")
    return pages


def page_sources(pages: dict[str, tuple[str, str]]) -> list[str]:
    """The per-language source files static-i18n expects (`fiches/x.nl.md`, `fiches/x.fr.md`).

    Sorted, so that each fiche's module pages are built right after its page: the build keeps only a few
    fiche views in memory (SiteData.view) instead of all of them."""
    return [path[:-3] + f".{lang}.md" for path in sorted(pages) for lang in urls.LANGS]
