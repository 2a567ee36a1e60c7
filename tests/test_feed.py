"""The Atom feed per language: valid Atom (RFC 4287's required elements), one entry per published fiche in the
feed's language, dates from git, linked from the home page, the catalogue and every page's head."""

from __future__ import annotations

import datetime as dt
import subprocess
import xml.etree.ElementTree as ET

import pytest
from conftest import fiches_dir, load_fiches

from scripts.fiche import richtext
from scripts.lang import ui_text
from scripts.site import feed, urls

A = "{http://www.w3.org/2005/Atom}"
XML_LANG = "{http://www.w3.org/XML/1998/namespace}lang"
FICHES = load_fiches()


def parse(site, lang: str) -> ET.Element:
    return ET.parse(site / urls.url_for("feed", "", lang)).getroot()


def rfc3339(value: str) -> dt.datetime:
    parsed = dt.datetime.fromisoformat(value)
    assert parsed.tzinfo is not None, value  # Atom dates carry their offset
    return parsed


def git_times(fiche: dict) -> tuple[dt.datetime, dt.datetime]:
    """First and last commit of the fiche's file, read with git here (not through the code under test); a file
    not committed yet (a new fiche before its pull request is merged) is dated by its last review."""
    out = subprocess.run(["git", "log", "--no-merges", "--format=%cI", "--", f"{fiche['id']}.yml"],
                         cwd=fiches_dir(), capture_output=True, text=True, check=True).stdout.split()
    if not out:
        reviewed = dt.datetime.fromisoformat(str(fiche["last_reviewed"])).replace(tzinfo=dt.UTC)
        return reviewed, reviewed
    return dt.datetime.fromisoformat(out[-1]), dt.datetime.fromisoformat(out[0])


@pytest.mark.parametrize("lang", urls.LANGS)
def test_each_language_has_a_valid_atom_feed_with_one_entry_per_published_fiche(site, lang):
    root = parse(site, lang)
    assert root.tag == f"{A}feed" and root.get(XML_LANG) == lang
    for tag in ("id", "title", "updated"):
        assert (root.findtext(f"{A}{tag}") or "").strip(), tag
    assert root.findtext(f"{A}author/{A}name").strip()  # required unless every entry has an author
    self_link = root.find(f"{A}link[@rel='self']").get("href")
    assert self_link.endswith("/" + urls.url_for("feed", "", lang)) and self_link == root.findtext(f"{A}id")
    entries = root.findall(f"{A}entry")
    by_url = {}
    for entry in entries:
        for tag in ("id", "title", "updated", "published", "summary"):
            assert (entry.findtext(f"{A}{tag}") or "").strip(), tag
        link = entry.find(f"{A}link[@rel='alternate']")
        assert link.get("hreflang") == lang
        by_url[link.get("href")] = entry
    assert len(entries) == len(FICHES) == len(by_url)
    updated = []
    for fiche in FICHES:
        url = next(href for href in by_url if href.endswith("/" + urls.url_for("fiche", fiche["id"], lang)))
        entry = by_url[url]
        assert entry.findtext(f"{A}id") == url
        assert entry.findtext(f"{A}title").startswith(richtext.plain(fiche["title"][lang]))
        assert entry.findtext(f"{A}summary") == ui_text.typeset(richtext.plain(fiche["summary"][lang]), lang)
        first, last = git_times(fiche)
        assert rfc3339(entry.findtext(f"{A}published")) == first
        assert rfc3339(entry.findtext(f"{A}updated")) == last
        updated.append(last)
    assert rfc3339(root.findtext(f"{A}updated")) == max(updated)
    stamps = [rfc3339(e.findtext(f"{A}updated")) for e in entries]
    assert stamps == sorted(stamps, reverse=True)  # newest change first


@pytest.mark.parametrize("lang", urls.LANGS)
def test_home_catalogue_and_page_heads_link_the_feed(site, lang):
    href = urls.url_for("feed", "", lang)
    for page in ("", "fiches/"):
        html = (site / urls.url_for("page", page, lang) / "index.html").read_text(encoding="utf-8")
        assert f'<link rel="alternate" type="application/atom+xml" href="/{href}"' in html
        assert 'type="application/atom+xml">' in html.split("<article", 1)[1]  # a visible link in the page


def test_fiche_text_is_escaped_by_the_serialiser_never_pasted_as_markup():
    hostile = "<b>x</b> & ]]> <!-- y --> \u00e9"
    entry = {"id": "http://h/f/", "url": "http://h/f/", "title": hostile, "summary": hostile,
             "published": "2020-01-01T00:00:00+00:00", "updated": "2020-01-02T00:00:00+00:00",
             "themes": [("taal", hostile)]}
    root = ET.fromstring(feed.feed_xml("nl", "http://h/", [entry]))
    node = root.find(f"{A}entry")
    assert node.findtext(f"{A}title") == hostile and node.findtext(f"{A}summary") == hostile
    assert node.find(f"{A}category").get("label") == hostile
    assert root.find(f"{A}entry/{A}b") is None
