"""Every internal link and anchor of the built site (both languages) resolves."""

from __future__ import annotations

from html.parser import HTMLParser
from pathlib import Path
from urllib.parse import unquote, urljoin, urlsplit

import pytest

pytestmark = pytest.mark.fiche  # what a change to fiches/ alone can break


class LinkParser(HTMLParser):
    def __init__(self):
        super().__init__()
        self.links: list[str] = []
        self.ids: set[str] = set()

    def handle_starttag(self, tag, attrs):
        attributes = dict(attrs)
        if "id" in attributes:
            self.ids.add(attributes["id"])
        if tag == "a" and attributes.get("name"):
            self.ids.add(attributes["name"])
        for name in ("href", "src"):
            if attributes.get(name) and not (tag == "link" and attributes.get("rel") == "canonical"):
                self.links.append(attributes[name])


def parse(path: Path) -> LinkParser:
    parser = LinkParser()
    parser.feed(path.read_text(encoding="utf-8"))
    return parser


def target_file(site: Path, url_path: str) -> Path:
    path = site / unquote(url_path).lstrip("/")
    return path / "index.html" if url_path.endswith("/") or path.is_dir() else path


def test_every_internal_link_and_anchor_resolves(site):
    pages = sorted(site.rglob("*.html"))
    assert len(pages) > 30
    parsed = {page: parse(page) for page in pages}
    broken = []
    checked = 0
    for page, parser in parsed.items():
        page_url = "http://site/" + page.relative_to(site).as_posix()
        for link in parser.links:
            if link.startswith(("http://", "https://", "mailto:", "tel:", "data:", "javascript:")):
                continue
            absolute = urlsplit(urljoin(page_url, link))
            target = target_file(site, absolute.path)
            checked += 1
            if not target.is_file():
                broken.append(f"{page.relative_to(site)}: {link} (no {target.relative_to(site)})")
                continue
            if absolute.fragment and target.suffix == ".html":
                ids = parsed[target].ids if target in parsed else parse(target).ids
                if unquote(absolute.fragment) not in ids:
                    broken.append(f"{page.relative_to(site)}: {link} (no anchor #{absolute.fragment})")
    assert checked > 1000
    assert broken == []
