"""What the build keeps or skips for speed gives the same results as computing everything (issue 16, "Preview stays
fast at scale" and "The build itself"): the serve memo per fiche file, the translation records cache, fiches.json
assembled per fiche, the pages Pagefind is given, the map's label placement."""

from __future__ import annotations

import json
import random
import re
import shutil
from pathlib import Path

import pytest

from scripts import translation_status
from scripts.fiche.collection import load_collection
from scripts.site import charts, open_data, search_index, site_data
from tests.conftest import ROOT

VALID = ROOT / "tests" / "fixtures" / "valid"
DOCS = ROOT / "docs"


@pytest.fixture
def fiches(tmp_path) -> Path:
    folder = tmp_path / "fiches"
    folder.mkdir()
    for path in sorted(VALID.glob("*.yml")):
        shutil.copy(path, folder / path.name)
    return folder


def _load(fiches: Path, cache: dict, memo: site_data.FicheMemo) -> site_data.SiteData:
    return site_data.load(preview=True, fiches_dir=fiches, docs_dir=DOCS, tolerant=True, cache=cache, memo=memo)


def _edit_title(path: Path, title: str) -> None:
    text = path.read_text(encoding="utf-8")
    edited, count = re.subn(r"(?m)^(title:\s*\{nl:\s*)[^,}]+|^(title:\n  nl: ).+$",
                            lambda m: (m.group(1) or m.group(2)) + title, text, count=1)
    assert count == 1
    path.write_text(edited, encoding="utf-8")


def test_memo_keeps_unchanged_fiches_and_renews_an_edited_one(fiches):
    cache, memo = {}, site_data.FicheMemo()
    first = _load(fiches, cache, memo)
    ids = [f.id for f in first.fiches]
    assert len(ids) >= 2
    edited, kept = ids[0], ids[1]
    before = {lang: {i["id"]: i for i in first.items(lang)} for lang in ("nl", "fr")}
    views = {fid: first.view(fid, "nl") for fid in ids}
    modules_before = {i["id"]: i for i in first.module_items("nl")}

    _edit_title(fiches / f"{edited}.yml", "Titel na bewerking")
    second = _load(fiches, cache, memo)
    fresh = site_data.load(preview=True, fiches_dir=fiches, docs_dir=DOCS, tolerant=True)  # no cache: the reference
    for lang in ("nl", "fr"):
        assert second.items(lang) == fresh.items(lang)
        assert second.module_items(lang) == fresh.module_items(lang)
        assert second.fiche_facts(edited, lang) == fresh.fiche_facts(edited, lang)
    after = {i["id"]: i for i in second.items("nl")}
    assert after[edited]["title"] == "Titel na bewerking" != before["nl"][edited]["title"]
    assert after[kept] is before["nl"][kept]  # reused, not recomputed
    assert second.view(kept, "nl") is views[kept]
    assert second.view(edited, "nl") is not views[edited]
    assert second.view(edited, "nl")["title_plain"] == "Titel na bewerking"
    for key, item in {i["id"]: i for i in second.module_items("nl")}.items():
        if item["fiche_id"] == edited:
            assert item["fiche_title"] == "Titel na bewerking"
        else:
            assert item is modules_before[key]


def test_memo_drops_the_results_of_changed_and_removed_files(fiches):
    cache, memo = {}, site_data.FicheMemo()
    first = _load(fiches, cache, memo)
    for fiche in first.fiches:
        first.items("nl"), first.view(fiche.id, "nl")
    assert len(memo.by_file) == len(first.fiches)
    removed = first.fiches[0]
    (fiches / removed.path.name).unlink()
    second = _load(fiches, cache, memo)
    second.items("nl")
    assert len(memo.by_file) == len(second.fiches) == len(first.fiches) - 1


def test_translation_records_cache_gives_the_uncached_records(fiches, tmp_path):
    cache: dict = {}
    before = translation_status.report(fiches, None, cache=cache)
    assert before == translation_status.report(fiches, None)
    target = fiches / "minimal.yml"
    text = target.read_text(encoding="utf-8")
    edited, count = re.subn(r"(?m)^(summary: \{nl: )([^,]+), fr: [^}]+\}", r"\1\2, fr: \2}", text)
    assert count == 1
    target.write_text(edited, encoding="utf-8")  # the same text in both languages: a new record
    after = translation_status.report(fiches, None, cache=cache)
    assert after == translation_status.report(fiches, None) != before
    (fiches / "broken.yml").write_text("id: [unclosed\n", encoding="utf-8")
    assert translation_status.report(fiches, None, cache=cache) == translation_status.report(fiches, None)


def test_fiches_json_text_is_the_json_of_all_fiches():
    fiches = load_collection([ROOT / "fiches"]).fiches
    for chosen in (fiches, fiches[:1], []):
        expected = json.dumps(open_data.fiches_json(chosen), ensure_ascii=False, indent=1, sort_keys=True)
        assert open_data.fiches_json_text(chosen) == expected
    remembered = []
    open_data.fiches_json_text(fiches, lambda fiche, what, compute: remembered.append(fiche.id) or compute())
    assert sorted(remembered) == sorted(f.id for f in fiches)


def _page(body: bool, words: str) -> str:
    attribute = " data-pagefind-body" if body else ""
    return f'<!doctype html><html lang="nl"><body><main{attribute}><h1>{words}</h1><p>{words}</p></main></body></html>'


def _pagefind_pages(site: Path) -> int:
    entry = json.loads((site / search_index.BUNDLE / "pagefind-entry.json").read_text(encoding="utf-8"))
    return sum(lang["page_count"] for lang in entry["languages"].values())


def test_pagefind_is_not_given_the_skipped_pages(tmp_path):
    site = tmp_path / "site"
    pages = {"index.html": _page(True, "start"), "fiches/a/index.html": _page(True, "alfa"),
             "fiches/b/index.html": _page(True, "bravo"), "over/x/index.html": _page(True, "xray"),
             "fiches/a/m1/index.html": _page(False, "module"), "fr/fiches/a/m1/index.html": _page(False, "module"),
             "fr/fiches/a/index.html": _page(True, "alpha")}
    for path, text in pages.items():
        (site / path).parent.mkdir(parents=True, exist_ok=True)
        (site / path).write_text(text, encoding="utf-8")
    skipped = {"fiches/a/m1/index.html", "fr/fiches/a/m1/index.html"}
    glob = search_index.pages_glob(site, skipped)
    entries = glob[1:-1].split(",")
    assert not any(path in entries for path in skipped)
    assert "fiches/a/index.html" in entries and "over/**/*.html" in entries and "index.html" in entries
    search_index.build_index(site, skipped)
    with_skip = _pagefind_pages(site)
    # A skipped page with a body of its own proves Pagefind did not read it: it would count.
    (site / "fiches/a/m1/index.html").write_text(_page(True, "module"), encoding="utf-8")
    search_index.build_index(site, skipped)
    assert _pagefind_pages(site) == with_skip == 5
    search_index.build_index(site)
    assert _pagefind_pages(site) == 6


def test_map_labels_are_placed_as_against_every_box():
    """The grid only skips boxes that cannot overlap: the same places as the sum over every reserved box."""

    def brute_force(places: list[dict]) -> list[tuple]:
        project = charts._projector(charts.MAP_WIDTH, charts.MAP_HEIGHT)
        dots = [(p, *project(p["lon"], p["lat"])) for p in places]
        gap = charts.MAP_DOT_CLEARANCE
        points = [(x - gap, y - gap, x + gap, y + gap) for _, x, y in dots]
        taken = []

        def area(b, boxes):
            return sum(max(0, min(b[2], o[2]) - max(b[0], o[0])) * max(0, min(b[3], o[3]) - max(b[1], o[1]))
                       for o in boxes)

        out = []
        for place, x, y in dots:
            name = place.get("short") or place["label"]
            w, h = len(name) * charts.MAP_LABEL_SIZE * 0.56, charts.MAP_LABEL_SIZE
            above, below = (y - 12 - h, y - 12), (y + 10, y + 10 + h)
            options = [(x + 11, y + 6, "start", (x + 10, y - h / 2, x + 10 + w, y + h / 2)),
                       (x - 11, y + 6, "end", (x - 10 - w, y - h / 2, x - 10, y + h / 2)),
                       (x, y - 13, "middle", (x - w / 2, above[0], x + w / 2, above[1])),
                       (x, y + 27, "middle", (x - w / 2, below[0], x + w / 2, below[1])),
                       (x + 6, y - 13, "end", (x + 6 - w, above[0], x + 6, above[1])),
                       (x - 6, y - 13, "start", (x - 6, above[0], x - 6 + w, above[1])),
                       (x + 6, y + 27, "end", (x + 6 - w, below[0], x + 6, below[1])),
                       (x - 6, y + 27, "start", (x - 6, below[0], x - 6 + w, below[1]))]
            own = (x - gap, y - gap, x + gap, y + gap)

            def cost(option, own=own):
                b = option[3]
                outside = max(0, -b[0]) + max(0, -b[1]) + max(0, b[2] - charts.MAP_WIDTH) + \
                    max(0, b[3] - charts.MAP_HEIGHT)
                return outside, area(b, points) - area(b, [own]), area(b, taken)

            tx, ty, anchor, box = min(options, key=cost)
            taken.append(box)
            out.append((f"{tx:.1f}", f"{ty:.1f}", anchor))
        return out

    rng = random.Random(16)
    for count in (1, 7, 60, 250):
        places = [{"label": f"Plaats {i}", "short": rng.choice(["Gent", "Liège", "Sint-Pieters-Leeuw", None]),
                   "lon": rng.uniform(2.6, 6.3), "lat": rng.uniform(49.6, 51.4), "href": "#"} for i in range(count)]
        places += places[: count // 3]  # places on the same spot, as copies of a fiche would be
        found = charts.belgium_map("m", "t", "d", places)["places"]
        assert [(p["name_x"], p["name_y"], p["anchor"]) for p in found] == brute_force(places)
