"""Invalid fiches while serving: the preview shows the validator's messages instead of stalling.

`mkdocs build` stops at an invalid fiche (hook.on_files). `mkdocs serve` would then keep serving the
last good site, so a coordinator sees a stale page and no message. Instead the preview builds what is
valid, adds one error page per language listing every message (`file:line:col: …`, in the page's
language), puts a banner linking to it on every page, and shows the same messages at the URL of each
fiche that could not be read. All text from the files is escaped here: messages quote the YAML.
"""

from __future__ import annotations

import re
from html import escape
from pathlib import Path

from mkdocs.utils import get_relative_url

from scripts.fiche.problems import Problem
from scripts.site import urls

ERRORS_PAGE = "bijdragen/fouten.md"  # language-free source of the error page (preview only)
SAFE_STEM = re.compile(r"^[a-z0-9][a-z0-9-]*$")  # a file stem that can stand at fiches/<stem>/

NBSP = "\u00a0"
TEXT = {
    "nl": {
        "title": "Fouten in de fiches",
        "fiche_title": "Fiche {file} bevat fouten",
        "intro": "De voorvertoning toont deze pagina omdat de validator fouten vond. Verbeter ze in het "
                 "YAML-bestand: de voorvertoning bouwt zich vanzelf opnieuw op. Zolang er fouten zijn, "
                 "weigert mkdocs build de site.",
        "fiche_intro": "Deze fiche kon niet opgebouwd worden. Verbeter de fouten hieronder in het "
                       "YAML-bestand: de voorvertoning bouwt zich vanzelf opnieuw op.",
        "count": ("1 fout", "{n} fouten"),
        "banner": "Voorvertoning: {count} in de fiches.",
        "link": "Bekijk de lijst",
        "all": "Alle fouten",
        "warnings": "Waarschuwingen",
    },
    "fr": {
        "title": "Erreurs dans les fiches",
        "fiche_title": "La fiche {file} contient des erreurs",
        "intro": f"L'aperçu affiche cette page parce que le validateur a trouvé des erreurs. Corrigez-les "
                 f"dans le fichier YAML{NBSP}: l'aperçu se reconstruit de lui-même. Tant qu'il reste des "
                 "erreurs, mkdocs build refuse le site.",
        "fiche_intro": f"Cette fiche n'a pas pu être construite. Corrigez les erreurs ci-dessous dans le "
                       f"fichier YAML{NBSP}: l'aperçu se reconstruit de lui-même.",
        "count": ("1 erreur", "{n} erreurs"),
        "banner": f"Aperçu{NBSP}: {{count}} dans les fiches.",
        "link": "Voir la liste",
        "all": "Toutes les erreurs",
        "warnings": "Avertissements",
    },
}


def _text(lang: str) -> dict:
    return TEXT.get(lang, TEXT[urls.DEFAULT_LANG])


def error_files(problems: list[Problem]) -> set[str]:
    """Display paths of the files with at least one error."""
    return {p.file for p in problems if p.severity == "error"}


def fiche_error_pages(problems: list[Problem], taken: set[str], reserved: set[str]) -> dict[str, str]:
    """Source path `fiches/<stem>.md` → display path, for each fiche file with errors whose URL is free, so
    that the fiche's own URL shows its messages rather than a 404 or the last good version."""
    found = {}
    for file in sorted(error_files(problems)):
        path = Path(file)
        if path.suffix in (".yml", ".yaml") and SAFE_STEM.fullmatch(path.stem) and path.stem not in taken | reserved:
            found[urls.source_for("fiche", path.stem)] = file
    return found


def _list(problems: list[Problem], lang: str) -> str:
    items = "".join(f"<li><code>{escape(p.format(lang))}</code></li>" for p in sorted(problems))
    return f'<ul class="kb-preview-errors">{items}</ul>'


def page_html(problems: list[Problem], lang: str, file: str | None = None, page_url: str = "") -> str:
    """The error page (all problems) or one fiche's error page (`file`), escaped HTML."""
    text = _text(lang)
    if file is not None:
        problems = [p for p in problems if p.file == file]
        title, intro = text["fiche_title"].format(file=file), text["fiche_intro"]
    else:
        title, intro = text["title"], text["intro"]
    errors = [p for p in problems if p.severity == "error"]
    warnings = [p for p in problems if p.severity != "error"]
    parts = [f'<h1 id="kb-preview-errors" data-kb-heading>{escape(title)}</h1>',
             f'<div class="admonition failure"><p class="admonition-title">{escape(_count(len(errors), lang))}'
             f"</p><p>{escape(intro)}</p>{_list(errors, lang)}</div>"]
    if warnings:
        parts.append(f'<div class="admonition warning"><p class="admonition-title">{escape(text["warnings"])}'
                     f"</p>{_list(warnings, lang)}</div>")
    if file is not None:
        href = get_relative_url(urls.url_for("doc", ERRORS_PAGE, lang), page_url)
        parts.append(f'<p><a href="{escape(href)}">{escape(text["all"])}</a></p>')
    return "\n".join(parts)


def _count(n: int, lang: str) -> str:
    one, many = _text(lang)["count"]
    return one if n == 1 else many.format(n=n)


def banner_html(problems: list[Problem], lang: str, page_url: str) -> str:
    """A banner on every page of the preview while any fiche has errors, linking to the error page."""
    text = _text(lang)
    href = get_relative_url(urls.url_for("doc", ERRORS_PAGE, lang), page_url)
    message = text["banner"].format(count=_count(sum(p.severity == "error" for p in problems), lang))
    return (f'<div class="admonition failure kb-preview-banner" role="alert"><p>{escape(message)} '
            f'<a href="{escape(href)}">{escape(text["link"])}</a></p></div>\n')
