"""The whole guide on one page per language: every published fiche, with everything its own page shows, in
one printable document linked from the catalogue."""

from __future__ import annotations

import collections
import datetime as dt
import html as htmllib
import re

import pytest
from conftest import ROOT, axe_violations, load_fiches

from scripts.lang import ui_text
from scripts.site import guide, history, urls

FICHES = load_fiches()
HEADING = re.compile(r"<h([1-6]) id=\"([^\"]+)\"[^>]*>(.*?)</h\1>", re.S)
ARTICLE = re.compile(r'<article class="kb-guide__fiche" id="([^"]+)"[^>]*>(.*?)</article>', re.S)


def text(fragment: str) -> str:
    fragment = re.sub(r'<a class="headerlink"[^>]*>.*?</a>', "", fragment)
    return " ".join(htmllib.unescape(re.sub(r"<[^>]+>", " ", fragment)).split())


def read(site, kind: str, key: str, lang: str) -> str:
    return (site / urls.url_for(kind, key, lang) / "index.html").read_text(encoding="utf-8")


def fiche_article(page: str) -> str:
    return page.split('<article class="md-content__inner', 1)[1].rsplit("</article>", 1)[0]


@pytest.mark.parametrize("lang", urls.LANGS)
def test_the_guide_holds_every_published_fiche_with_all_its_sections_and_sources(site, lang):
    page = read(site, "guide", "", lang)
    assert f'<html lang="{lang}"' in page
    articles = dict(ARTICLE.findall(page))
    assert sorted(articles) == sorted(f["id"] for f in FICHES)
    for fiche in FICHES:
        own = fiche_article(read(site, "fiche", fiche["id"], lang))
        inside = articles[fiche["id"]]
        # the same headings (one level down, anchors prefixed with the fiche id), in the same order
        expected = [(int(level) + 1, guide.anchor(fiche["id"], anchor), text(name))
                    for level, anchor, name in HEADING.findall(own)]
        found = [(int(level), anchor, text(name)) for level, anchor, name in HEADING.findall(inside)]
        assert found == expected, fiche["id"]
        sources = re.search(r'<ul class="kb-sources">.*?</ul>', own, re.S).group(0)
        assert text(sources) in text(inside)
        assert text(own.split('class="kb-summary">', 1)[1].split("</div>", 1)[0]) in text(inside)


@pytest.mark.parametrize("lang", urls.LANGS)
def test_the_guide_has_unique_anchors_that_all_resolve_and_states_the_build_date(site, lang):
    page = read(site, "guide", "", lang)
    ids = collections.Counter(re.findall(r' id="([^"]+)"', page))
    assert [name for name, count in ids.items() if count > 1] == []
    assert {href for href in re.findall(r'href="#([^"]*)"', page) if href} <= set(ids)
    built = dt.datetime.fromtimestamp(int(history.last_commit_epoch(ROOT)), tz=dt.UTC).date().isoformat()
    assert ui_text.date(built, lang) in htmllib.unescape(page)
    assert "data-pagefind-body" not in page  # it repeats the fiches: search finds them on their own pages
    catalogue = read(site, "page", "fiches/", lang)
    assert 'href="gids/"' in catalogue


@pytest.mark.browser
@pytest.mark.parametrize("lang", urls.LANGS)
def test_the_guide_prints_on_a4_with_each_fiche_on_a_new_page(page, base_url, tmp_path, lang):
    page.goto(base_url + urls.url_for("guide", "", lang))
    page.wait_for_selector("[data-kb-print]:not([hidden])")
    assert axe_violations(page) == []
    page.emulate_media(media="print")
    breaks = page.eval_on_selector_all(".kb-guide__fiche", "els => els.map(e => getComputedStyle(e).breakBefore)")
    assert breaks == ["page"] * len(FICHES)
    hidden = page.eval_on_selector_all(".md-header, .md-sidebar--primary, .kb-guide__print",
                                       "els => els.map(e => getComputedStyle(e).display)")
    assert set(hidden) == {"none"}
    pdf = tmp_path / "guide.pdf"
    page.pdf(path=str(pdf), format="A4", print_background=True)
    pages = pdf.read_bytes().count(b"/Type /Page") - pdf.read_bytes().count(b"/Type /Pages")
    assert pages >= len(FICHES) + 1  # the contents, then at least one page per fiche
