"""Generated parts of pages bypass Markdown: fiche text is rendered once (allowlist) and never parsed again.

Built through the real `mkdocs build` with payloads that Markdown's attr_list, md_in_html and link
syntax would turn into live markup if any generated chunk reached Markdown a second time."""

from __future__ import annotations

import json
import re
import shutil
from html.parser import HTMLParser

import pytest
from conftest import build_site, fixture_project

from scripts.fiche.collection import load_collection

ATTR = "{: onfocus=alert(1) autofocus tabindex=0 }"
CODE_SPLIT = "Tekst.\n\n    code\n\n    *x*{: onfocus=alert(2) }\n\nEinde."
LINK = "[x]\\\\(java*script*:alert(3))"
HOSTILE_FICHE = f"""\
id: hostile
status: published
title: {{nl: "Titel {ATTR}", fr: "Titre {LINK}"}}
organisation:
  name: {{nl: "OCMW Voorbeeld {ATTR}", fr: "CPAS Exemple {ATTR}"}}
  type: ocmw
municipality: {{nl: Voorbeeld, fr: Exemple}}
region: brussel
themes: [taal]
summary: {{nl: {json.dumps(CODE_SPLIT)}, fr: {json.dumps(CODE_SPLIT)}}}
modules:
  - id: module-a
    name: {{nl: "Module {ATTR}", fr: "Module {LINK}"}}
    kind: collective
    goals:
      - {{nl: Doel, fr: Objectif}}
    content:
      text: {{nl: {json.dumps(CODE_SPLIT)}, fr: {json.dumps(CODE_SPLIT)}}}
contact:
  organisation: {{nl: OCMW Voorbeeld, fr: CPAS Exemple}}
sources:
  - document: {{nl: Een bron, fr: Une source}}
    date: "2020"
last_reviewed: 2026-01-31
as_of: "2020"
as_of_source: {{ref: 1}}
"""


class Live(HTMLParser):
    """Elements a browser would make live: event handlers, autofocus, script URLs."""

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.found: list[str] = []
        self.headings: list[tuple[str, str | None]] = []

    def handle_starttag(self, tag, attrs):
        for name, value in attrs:
            if name.startswith("on") or name in ("autofocus", "tabindex"):
                self.found.append(f"{tag}@{name}")
            if name in ("href", "src") and value and "".join(value.split()).lower().startswith("javascript:"):
                self.found.append(f"{tag}@{name}={value}")
        if tag in ("h1", "h2", "h3"):
            self.headings.append((tag, dict(attrs).get("id")))


def article(path) -> str:
    html = path.read_text(encoding="utf-8")
    return html.split('<article class="md-content__inner', 1)[1].split("</article>", 1)[0]


@pytest.fixture(scope="module")
def hostile_site(tmp_path_factory):
    tmp_path = tmp_path_factory.mktemp("hostile")
    fiches = tmp_path / "fiches"
    fiches.mkdir()
    (fiches / "hostile.yml").write_text(HOSTILE_FICHE, encoding="utf-8")
    collection = load_collection([fiches / "hostile.yml"])
    site = tmp_path / "site"
    result = build_site(site, fiches_dir=fiches, config=fixture_project(tmp_path))
    yield collection, result, site
    shutil.rmtree(site, ignore_errors=True)


def test_generated_pages_carry_no_live_markup_from_fiche_text(hostile_site):
    collection, result, site = hostile_site
    # valid on purpose: the payloads must reach the renderer (a refused fiche would prove nothing here)
    assert collection.ok, [str(p) for p in collection.problems]
    assert result.returncode == 0, result.stderr[-3000:]
    pages = [site / "fiches" / "hostile" / "index.html", site / "fr" / "fiches" / "hostile" / "index.html",
             site / "fiches" / "hostile" / "module-a" / "index.html",
             site / "fr" / "fiches" / "hostile" / "module-a" / "index.html", site / "fiches" / "index.html"]
    for page in pages:
        parser = Live()
        parser.feed(article(page))
        assert parser.found == [], page


def test_headings_of_generated_pages_keep_ids_permalinks_and_table_of_contents(site):
    """Fiche headings are HTML from the templates, with what Markdown's toc extension would give them."""
    fiche = json.loads((site / "fiches.json").read_text(encoding="utf-8"))["fiches"][0]
    html = (site / "fiches" / fiche["id"] / "index.html").read_text(encoding="utf-8")
    parser = Live()
    parser.feed(article(site / "fiches" / fiche["id"] / "index.html"))
    ids = [anchor for _, anchor in parser.headings]
    assert parser.headings[0][0] == "h1" and all(ids), parser.headings
    for anchor in ids:
        assert f'<a class="headerlink" href="#{anchor}"' in html  # permalink
    def in_toc(anchor: str) -> bool:
        return f'<a href="#{anchor}" class="md-nav__link">' in html

    assert in_toc("overview") and in_toc("practical")
    for module in fiche.get("modules", []):
        assert f'id="module-{module["id"]}"' in html and in_toc(f"module-{module['id']}")
    h1 = html.split("<h1", 1)[1].split(">", 1)[1].split('<a class="headerlink"', 1)[0]
    title = html.split("<title>", 1)[1].split("</title>", 1)[0]
    assert title.startswith(re.sub(r"<[^>]+>", "", h1) + " - ")  # the page title is the h1's text
