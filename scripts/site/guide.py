"""The whole guide on one page per language: every published fiche as its own page shows it, one after another.

Each fiche is rendered by the fiche page's own template (render.fiche_page), then fitted into the longer page:
its anchors get the fiche id as prefix (a fiche's "budget" and the next one's must not collide, and its jump
links must stay inside the fiche) and its headings go one level down under the guide's title. Only the markup the
templates write is touched: fiche text cannot hold an id, an in-page link or a heading (richtext allowlist)."""

from __future__ import annotations

import re

ID_ATTRS = re.compile(r'\b(id|aria-labelledby|aria-describedby|aria-controls|for)="([^"]*)"')
IN_PAGE_LINK = re.compile(r'href="#([^"]*)"')
HEADING_TAG = re.compile(r"<(/?)h([1-5])\b")
CONTENTS = re.compile(r"<div class=\"kb-contents\" data-kb-contents[^>]*></div>")  # the phone contents of one fiche
SEPARATOR = "--"  # fiche ids never hold two hyphens in a row, so "<id>--<anchor>" is unique on the page


def anchor(fiche_id: str, name: str) -> str:
    """An anchor of a fiche inside the guide (the fiche's own article is just its id)."""
    return f"{fiche_id}{SEPARATOR}{name}"


FIRST_HEADING = re.compile(r'<h2\b[^>]*?\bid="([^"]*)"')


def title_anchor(html: str) -> str | None:
    """The id of an embedded fiche's title (its first heading), which names its article."""
    found = FIRST_HEADING.search(html)
    return found.group(1) if found else None


def embed(html: str, fiche_id: str) -> str:
    """One fiche page's HTML, fitted into the guide (anchors prefixed, headings one level down)."""
    html = CONTENTS.sub("", html)
    html = ID_ATTRS.sub(lambda m: f'{m.group(1)}="' + " ".join(anchor(fiche_id, ref) for ref in m.group(2).split())
                        + '"', html)
    html = IN_PAGE_LINK.sub(lambda m: f'href="#{anchor(fiche_id, m.group(1))}"', html)
    return HEADING_TAG.sub(lambda m: f"<{m.group(1)}h{int(m.group(2)) + 1}", html)
