"""An Atom feed per language (RFC 4287): one entry per published fiche, so network members can follow new and
changed fiches in a feed reader.

Dates come from git (the fiche file's first commit: published; its last commit: updated), never from the clock,
so the same commit writes the same bytes. A fiche outside git history (a fixture folder, a shallow clone) falls
back to its `last_reviewed` date. The XML is built with xml.etree: every text from a fiche is escaped by the
serialiser, never pasted into markup."""

from __future__ import annotations

import datetime as dt
import xml.etree.ElementTree as ET
from pathlib import Path

from scripts.fiche import richtext
from scripts.fiche import schema as s
from scripts.lang import ui_text
from scripts.site import urls
from scripts.site.facts import build_date

ATOM = "http://www.w3.org/2005/Atom"
XML_LANG = "{http://www.w3.org/XML/1998/namespace}lang"
ET.register_namespace("", ATOM)


def _el(parent, tag: str, text: str | None = None, **attrs) -> ET.Element:
    element = ET.SubElement(parent, f"{{{ATOM}}}{tag}", {k.rstrip("_"): v for k, v in attrs.items()})
    if text is not None:
        element.text = text
    return element


def _day(value: str) -> str:
    """A fiche date (YYYY, YYYY-MM or YYYY-MM-DD) as an RFC 3339 time: the first day it can mean, midnight UTC."""
    parts = [int(p) for p in value.split("-")] + [1, 1]
    return dt.datetime(parts[0], parts[1], parts[2], tzinfo=dt.UTC).isoformat()


def _utc(value: str) -> str:
    """A git time with its committer's offset, in UTC, so entries sort by time whoever committed."""
    return dt.datetime.fromisoformat(value).astimezone(dt.UTC).isoformat()


def entries(fiches, items: list[dict], times: dict[str, tuple[str, str]], lang: str, site_url: str) -> list[dict]:
    """What each entry says, newest change first (id breaks ties, so the order never depends on the run)."""
    by_id = {f.id: f for f in fiches}
    found = []
    for item in items:
        fiche = by_id[item["id"]]
        first, last = (_utc(t) for t in times[fiche.id]) if fiche.id in times else (_day(item["last_reviewed"]),) * 2
        url = site_url + urls.url_for("fiche", fiche.id, lang)
        found.append({"id": url, "url": url, "title": f"{item['title']} – {item['organisation']}",
                      "published": first, "updated": last, "summary": richtext.plain(fiche.data["summary"][lang]),
                      "themes": [(code, s.THEMES[code][lang]) for code in fiche.data.get("themes", [])]})
    return sorted(found, key=lambda e: (e["updated"], e["id"]), reverse=True)


def feed_xml(lang: str, site_url: str, feed_entries: list[dict]) -> bytes:
    t = ui_text.t
    feed_url = site_url + urls.url_for("feed", "", lang)
    root = ET.Element(f"{{{ATOM}}}feed", {XML_LANG: lang})
    _el(root, "id", feed_url)
    _el(root, "title", t("feed_title", lang))
    _el(root, "subtitle", t("feed_subtitle", lang))
    newest = max((e["updated"] for e in feed_entries), default=None)
    _el(root, "updated", newest or dt.datetime.combine(build_date(), dt.time(), tzinfo=dt.UTC).isoformat())
    _el(_el(root, "author"), "name", t("feed_author", lang))
    _el(root, "link", rel="self", type="application/atom+xml", href=feed_url)
    _el(root, "link", rel="alternate", type="text/html", hreflang=lang,
        href=site_url + urls.url_for("page", "fiches/", lang))
    for entry in feed_entries:
        node = _el(root, "entry")
        _el(node, "id", entry["id"])
        _el(node, "title", entry["title"])
        _el(node, "link", rel="alternate", type="text/html", hreflang=lang, href=entry["url"])
        _el(node, "published", entry["published"])
        _el(node, "updated", entry["updated"])
        _el(node, "summary", entry["summary"], type="text")
        for code, label in entry["themes"]:
            _el(node, "category", term=code, label=label)
    ET.indent(root)
    return ET.tostring(root, encoding="utf-8", xml_declaration=True) + b"\n"


def write_feeds(site, site_dir: Path, site_url: str) -> None:
    """One feed per language, next to that language's catalogue (urls: "feed")."""
    site_url = site_url if site_url.endswith("/") else site_url + "/"
    times = site.commit_times
    for lang in urls.LANGS:
        target = site_dir / urls.url_for("feed", "", lang)
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_bytes(feed_xml(lang, site_url, entries(site.fiches, site.items(lang), times, lang, site_url)))
