"""Every filled field of every fiche is on its page, in every language (fields are data).

Walks the schema over each fiche of the built site: a text must appear as text, a choice as its
label, a number and a date as the reader reads them, a link as a link. A field added to the
schema that the templates do not show fails here instead of silently disappearing."""

from __future__ import annotations

import json
import re
from html.parser import HTMLParser

import pytest

from scripts import fiche_schema as s
from scripts import richtext, ui_text
from scripts.build import urls

# Fields that are data for the machinery, not for the reader of the fiche page (each with its reason).
NOT_ON_THE_PAGE = {
    "id": "the page's address",
    "status": "drafts are left out of the published site",
    "coordinates": "drawn on the map of the figures page",
    "coordinates.lon": "drawn on the map of the figures page",
    "coordinates.lat": "drawn on the map of the figures page",
    "related": "shown as links, checked below by their target",
    "see_also": "shown as links, checked below by their target",
    "modules[].id": "the anchor and address of the module",
}
SNIPPET = 40  # characters of a text that must appear
BLOCKS = {"p", "li", "ul", "ol", "td", "th", "tr", "br", "div", "dd", "dt", "h1", "h2", "h3", "h4", "address"}


class PageText(HTMLParser):
    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.parts: list[str] = []
        self.hrefs: list[str] = []

    def handle_data(self, data):
        self.parts.append(data)

    def handle_starttag(self, tag, attrs):
        self.hrefs += [v for k, v in attrs if k in ("href", "datetime", "data-review-by") and v]
        if tag in BLOCKS:
            self.parts.append(" ")

    def handle_endtag(self, tag):
        if tag in BLOCKS:
            self.parts.append(" ")


def normal(text: str) -> str:
    return " ".join(text.split())


def leaves(node: s.Node, value, path: str):
    """(schema path, node, value) of every filled leaf of a fiche."""
    if isinstance(node, s.Obj):
        for field in node.fields:
            if field.name in value:
                yield from leaves(field.node, value[field.name], f"{path}.{field.name}".lstrip("."))
    elif isinstance(node, s.List):
        for item in value:
            yield from leaves(node.item, item, f"{path}[]")
    else:
        yield path, node, value


def expected(node: s.Node, value, lang: str) -> tuple[str, str] | None:
    """Where the value shows ('text' or 'href') and what to look for."""
    if isinstance(node, s.Text):
        text = normal(richtext.plain(value.get(lang, "")))
        return ("text", text[:SNIPPET].rsplit(" ", 1)[0] if len(text) > SNIPPET else text) if text else None
    if isinstance(node, s.Enum):
        return "text", node.values[value][lang]
    if isinstance(node, s.Number):
        return "text", ui_text.number(value, lang)
    if isinstance(node, s.Date):
        return "either", str(value) if len(str(value)) == 10 else ui_text.date(str(value), lang)
    if isinstance(node, s.Url | s.Email):
        return "href", str(value)
    return "text", str(value)


@pytest.mark.parametrize("lang", s.LANGS)
def test_every_filled_field_is_on_the_fiche_page(site, lang):
    fiches = json.loads((site / "fiches.json").read_text(encoding="utf-8"))["fiches"]
    missing = []
    for fiche in fiches:
        parser = PageText()
        html = (site / urls.url_for("fiche", fiche["id"], lang) / "index.html").read_text(encoding="utf-8")
        parser.feed(html.split('<article class="md-content__inner', 1)[1].split("</article>", 1)[0])
        text, hrefs = normal("".join(parser.parts)), " ".join(parser.hrefs)
        for path, node, value in leaves(s.FICHE, fiche, ""):
            if path.split("[", 1)[0] in NOT_ON_THE_PAGE or re.sub(r"\[\]", "[]", path) in NOT_ON_THE_PAGE:
                continue
            where = expected(node, value, lang)
            if where and where[1] not in {"text": text, "href": hrefs}.get(where[0], hrefs + " " + text) and \
                    not (isinstance(node, s.Date) and ui_text.date(str(value), lang) in text):
                missing.append(f"{fiche['id']} {path}: {where[1]!r}")
        for target in fiche.get("related", []):
            if f"../{target}/" not in html:
                missing.append(f"{fiche['id']} related: {target}")
    assert missing == [], "\n".join(missing)
