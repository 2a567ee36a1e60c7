"""Invalid fiches while serving: the preview shows the validator's messages instead of stalling.

`mkdocs build` stops at an invalid fiche (hook.on_files). `mkdocs serve` would then keep serving the
last good site, so a coordinator sees a stale page and no message. Instead the preview builds what is
valid, adds one error page per language listing every message (`file:line:col: …`, in the page's
language), puts a banner linking to it on every page, and shows the same messages at the URL of each
fiche that could not be read. The wording is data (section `preview` of docs/_data/interface.<lang>.yml), the
HTML is in overrides/partials/kb-preview-*.html, autoescaped: messages quote the YAML.
"""

from __future__ import annotations

import functools
import html
import re
from pathlib import Path

import jinja2
from babel import Locale
from markupsafe import Markup
from mkdocs.utils import get_relative_url

from scripts.fiche.problems import Problem
from scripts.lang import typography, ui_text, wording
from scripts.site import urls

ERRORS_PAGE = "bijdragen/fouten.md"  # language-free source of the error page (preview only)
SAFE_STEM = re.compile(r"^[a-z0-9][a-z0-9-]*$")  # a file stem that can stand at fiches/<stem>/

TEMPLATES = Path(__file__).resolve().parents[2] / "overrides" / "partials"


def _text(lang: str) -> dict[str, str]:
    """The preview's texts in `lang` (section `preview` of its wording file; no other language stands in)."""
    table = wording.section("preview", rules=typography.LABELS)
    return {key: wording.text("preview", key, lang, table) for key in table}


def _escaped(value) -> Markup:
    """Every value printed by the templates, escaped as html.escape does (quotes as &quot; and &#x27;): the
    messages on the page read exactly as `html.escape` of the validator's lines."""
    return value if isinstance(value, Markup) else Markup(html.escape(str(value)))


@functools.lru_cache(maxsize=1)
def _templates() -> jinja2.Environment:
    return jinja2.Environment(loader=jinja2.FileSystemLoader(TEMPLATES), autoescape=True, finalize=_escaped,
                              undefined=jinja2.StrictUndefined)


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


def page_html(problems: list[Problem], lang: str, file: str | None = None, page_url: str = "") -> str:
    """The error page (all problems) or one fiche's error page (`file`), escaped HTML."""
    text = _text(lang)
    if file is not None:
        problems = [p for p in problems if p.file == file]
        title, intro = text["fiche_title"].format(file=file), text["fiche_intro"]
    else:
        title, intro = text["title"], text["intro"]
    errors = [p.format(lang) for p in sorted(problems) if p.severity == "error"]
    warnings = [p.format(lang) for p in sorted(problems) if p.severity != "error"]
    all_href = get_relative_url(urls.url_for("doc", ERRORS_PAGE, lang), page_url) if file is not None else ""
    return _templates().get_template("kb-preview-errors.html").render(
        t=text, title=title, intro=intro, count=_count(len(errors), lang), errors=errors, warnings=warnings,
        all_href=all_href)


def _count(n: int, lang: str) -> str:
    """"1 fout", "3 erreurs": the language's plural rule picks the form (CLDR, as ui_text.plural)."""
    form = "one" if Locale.parse(ui_text.locale(lang)).plural_form(n) == "one" else "other"
    return _text(lang)[f"count_{form}"].format(n=n)


def banner_html(problems: list[Problem], lang: str, page_url: str) -> str:
    """A banner on every page of the preview while any fiche has errors, linking to the error page."""
    text = _text(lang)
    href = get_relative_url(urls.url_for("doc", ERRORS_PAGE, lang), page_url)
    message = text["banner"].format(count=_count(sum(p.severity == "error" for p in problems), lang))
    return _templates().get_template("kb-preview-banner.html").render(t=text, message=message, href=href) + "\n"
