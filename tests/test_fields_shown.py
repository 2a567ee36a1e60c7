"""Every filled field of every fiche is on its page, in every language (fields are data).

Walks the schema over each fiche of the built site: a text must appear as text, a choice as its
label, a number and a date as the reader reads them, a link as a link. A field added to the
schema that the templates do not show fails here instead of silently disappearing."""

from __future__ import annotations

import copy
import dataclasses
import json
import re
from html.parser import HTMLParser

import jinja2
import pytest
from conftest import ROOT

from scripts.fiche import richtext
from scripts.fiche import schema as s
from scripts.fiche.collection import Fiche, load_collection
from scripts.lang import ui_text
from scripts.site import facts, fiche_view, render, urls

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
    # provenance: yes-flags are shown as words (approximatieve ligging, datum afgeleid, gepland tot …) and
    # source references as the source's title and place where a statement is quoted; tests/test_views.py checks
    # those words in every view
    "coordinates.approximate": "shown as 'approximatieve ligging' with its basis",
    "as_of_inferred": "shown as 'datum afgeleid door de redactie'",
    "period.end_planned": "shown as 'gepland tot eind …'",
    "period.inferred": "shown as 'afgeleid door de redactie'",
    "sources[].date_inferred": "shown as 'datum afgeleid door de redactie'",
    "sources[].languages[]": "shown as 'titel vertaald door de redactie' when the page's language is not one",
    "as_of_source.at": "the place in the source; the source itself is listed",
    "period.source.at": "the place in the source; the source itself is listed",
    "intensity.source.at": "the place in the source; the source itself is listed",
    "lifecycle_source.at": "the place in the source; the source itself is listed",
    "modules[].origin_source.at": "the place in the source; the source itself is listed",
    "budget.amount_source.at": "the place in the source; the source itself is listed",
    "coordinates.source.at": "the place in the source; the source itself is listed",
    "conflicts[].applies_to[]": "field paths: the contradiction is shown where those fields are",
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
    if isinstance(node, s.Enum) and node.values is s.DURATION_UNITS and lang in s.DURATION_UNIT_FORMS[value]:
        return "text", s.DURATION_UNIT_FORMS[value][lang][0]  # '1 an', '6 ans': the unit by its plural rule
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


def _with_field(obj: s.Obj, section: str, field: s.F) -> s.Obj:
    """A copy of the schema with one more field at the end of a section."""
    return dataclasses.replace(obj, fields=tuple(
        dataclasses.replace(f, node=dataclasses.replace(f.node, fields=(*f.node.fields, field)))
        if f.name == section else f for f in obj.fields))


def _render_fiche(data: dict, lang: str) -> str:
    env = render.add_filters(jinja2.Environment(loader=jinja2.FileSystemLoader(str(ROOT / "overrides")),
                                                autoescape=True))
    fiche = Fiche(data=data, path=ROOT, display=data["id"])
    ctx = render.context(lang, f"fiches/{data['id']}/", f=fiche_view.fiche_view(data, lang), raw=data, draft=False,
                         related=[], links=[], history=[], facts=facts.fiche_facts(fiche, lang),
                         source_flags=[facts.source_facts(src, lang) for src in data["sources"]])
    return env.get_template("partials/kb-fiche.html").render(ctx)


@pytest.mark.parametrize("section", ["support", "competences"])
def test_a_field_added_to_the_schema_is_on_the_page_without_a_template_edit(monkeypatch, section):
    """The fiche template reads a section's rows from the schema: a new field and its label appear."""
    name = "test_field"
    node = s.Text(description=s.d(nl="Testveld.", fr="Champ de test.")) if section == "support" else \
        s.List(item=s.Text(), description=s.d(nl="Testveld.", fr="Champ de test."))
    data = copy.deepcopy(load_collection([ROOT / "tests" / "fixtures" / "valid" / "ocmw-antwerpen-amie.yml"])
                         .fiches[0].data)
    monkeypatch.setattr(s, "FICHE", _with_field(s.FICHE, section, s.F(name, node)))
    label_key = fiche_view.ROW_LABELS[section] + name
    monkeypatch.setitem(ui_text.LABELS, label_key, {lang: f"Label {lang} {name}" for lang in s.LANGS})
    text = {lang: f"Tekst {lang} van het nieuwe veld" for lang in s.LANGS}
    data.setdefault(section, {})[name] = text if section == "support" else [text]
    for lang in s.LANGS:
        html = _render_fiche(data, lang)
        section_html = html.split(f'id="{section}"', 1)[1].split("<h", 1)[0]
        row = f'<tr><th scope="row">Label {lang} {name}</th><td>'
        assert row in section_html and text[lang] in section_html.split(row, 1)[1].split("</tr>", 1)[0], lang
        if section == "support":  # also one of the success conditions
            assert f'<li data-condition="{name}"><strong>Label {lang} {name}' in html


def test_a_row_field_without_a_label_stops_the_build(monkeypatch):
    """No silent gap: a new section field with no ui_text label is an error, not a row without a name."""
    monkeypatch.setattr(s, "FICHE", _with_field(s.FICHE, "support", s.F("unlabelled", s.Text())))
    with pytest.raises(KeyError, match="sup_unlabelled"):
        fiche_view.section_rows("support", s.LANGS[0])


@pytest.mark.parametrize("lang", s.LANGS)
def test_every_row_field_of_the_schema_has_a_label(lang):
    for section in fiche_view.ROW_LABELS:
        texts = [f.name for f in fiche_view.section_node(section).fields
                 if f.name != fiche_view.INTRODUCTION and fiche_view._is_text(f.node)]
        rows = fiche_view.section_rows(section, lang)
        assert [row.key for row in rows] == texts and all(row.label for row in rows), section
