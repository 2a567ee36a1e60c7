"""Measurements on fiches and built sites: validation against bare YAML loading, page and catalogue sizes, the
search payload in chromium, the web editor's live preview."""

from __future__ import annotations

import gzip
import json
import statistics
import time
from pathlib import Path

import yaml

from scripts import local_servers, search_quality
from scripts.bench.projects import BenchError


def catalogue_size(site_dir: Path, lang: str) -> int:
    """Gzip size of the catalogue page, which carries all catalogue data."""
    page = (site_dir if lang == "nl" else site_dir / lang) / "fiches" / "index.html"
    return len(gzip.compress(page.read_bytes(), mtime=0))



def gz(data: bytes) -> int:
    """Gzip size at level 9, the level of catalogue_size."""
    return len(gzip.compress(data, compresslevel=9, mtime=0))


def best_of(runs: int, *funcs) -> list[tuple[float, float, object]]:
    """(best wall time, best CPU time of this process, last result) of each function, run in turns so that a burst
    of load from other processes does not fall on one function's runs only."""
    best = [[float("inf"), float("inf"), None] for _ in funcs]
    for _ in range(runs):
        for slot, func in zip(best, funcs, strict=True):
            wall, cpu = time.perf_counter(), time.process_time()
            slot[2] = func()
            slot[0] = min(slot[0], time.perf_counter() - wall)
            slot[1] = min(slot[1], time.process_time() - cpu)
    return [tuple(slot) for slot in best]


def tree_size(folder: Path) -> tuple[int, int]:
    files = [p for p in folder.rglob("*") if p.is_file()]
    return sum(p.stat().st_size for p in files), len(files)


def page(site: Path, path: str, lang: str) -> Path:
    """index.html of a page of the site (default language at the root)."""
    return (site if lang == "nl" else site / lang) / path / "index.html"



def editor_preview(fiches_dir: Path, edits: int = 3) -> dict:
    """The web editor's live preview (scripts/editor/preview.py) of one fiche edited `edits` times: the first
    preview validates every fiche, the next ones only the form's (per-file cache). CPU of this process."""
    from scripts.editor import preview as cms_preview
    from scripts.editor import yaml_writer as cms_yaml
    from scripts.lang.languages import LANGS

    paths = sorted(fiches_dir.glob("*.yml"))
    target = paths[len(paths) // 2]
    data = json.loads(json.dumps(cms_yaml.load(target.read_text(encoding="utf-8")), default=str))
    previewer = cms_preview.Previewer(fiches_dir)
    times = []
    for edit in range(edits + 1):
        data["title"][LANGS[0]] = f"Bewerkt {edit}"
        start = time.process_time()
        result = previewer.preview(f"{fiches_dir.name}/{target.name}", data)
        times.append(time.process_time() - start)
        if "pages" not in result:
            raise BenchError(f"editor preview of {target.name} refused: {result.get('problems')}")
    return {"first_cpu_s": times[0], "edit_cpu_s": statistics.median(times[1:])}



def validate(folder: Path, count: int):
    """load_collection (best of 3) vs bare yaml.load with CSafeLoader (best of 3); fails loudly on invalid fiches."""
    from scripts.fiche import collection as fiche_collection
    from scripts.fiche.problems import format_problems

    paths = sorted(folder.glob("*.yml"))
    (bare_s, bare_cpu, _), (check_s, check_cpu, collection) = best_of(
        3, lambda: [yaml.load(p.read_text(encoding="utf-8"), Loader=yaml.CSafeLoader) for p in paths],
        lambda: fiche_collection.load_collection([folder]))
    if not collection.ok or collection.problems or len(collection.fiches) != count:
        shown = format_problems(collection.problems[:40])
        raise BenchError(f"the synthetic fiches are not valid ({len(collection.fiches)} of {count} loaded): "
                         f"fix scripts/bench/synthetic.py\n{shown}")
    return check_s, bare_s, check_cpu / bare_cpu, collection


def search_payloads(sites: list[Path]) -> list[dict[str, dict]]:
    """What one search downloads in each language of each site, measured in Debian's chromium: the responses
    the search box fetches to open and answer a typical query (scripts/search_quality.measure_payload: Pagefind's
    code, wasm, metadata, index and filter chunks, result fragments, the box's own data). Bytes as served by a
    static server (raw) and as a compressing server sends them (gzip; Pagefind's files are gzip already)."""
    if not Path(local_servers.CHROMIUM).exists():
        raise BenchError(f"the search payload is measured in chromium: {local_servers.CHROMIUM} is missing "
                         "(scripts/test.sh installs Debian's chromium)")
    from playwright.sync_api import sync_playwright

    out = []
    with sync_playwright() as playwright:
        browser = local_servers.launch_chromium(playwright)
        try:
            for site in sites:
                with local_servers.serve_static(site) as base:
                    out.append({lang: _payload(search_quality.measure_payload(browser, base, lang, query), query)
                                for lang, query in search_quality.PAYLOAD_QUERY.items()})
        finally:
            browser.close()
    return out


def _payload(files: list[tuple[str, int, int]], query: str) -> dict:
    fragments = sum(url.endswith(".pf_fragment") for url, _, _ in files)
    return {"kind": "chromium", "raw": sum(f[1] for f in files), "gzip": sum(f[2] for f in files),
            "files": [f[0] for f in files],
            "note": f"query {query!r} in chromium: {len(files)} files fetched, {fragments} result fragment(s)"}


def page_sizes(site: Path, ids: list[str], lang: str) -> tuple[float, float]:
    raws, gzips = [], []
    for fiche_id in ids:
        data = page(site, f"fiches/{fiche_id}", lang).read_bytes()
        raws.append(len(data))
        gzips.append(gz(data))
    return statistics.mean(raws), statistics.mean(gzips)


def largest_pages(site: Path, ids: list[str]) -> tuple[tuple[int, str], tuple[int, str]]:
    """(gzip, path) of the largest fiche page and of the largest page of the whole site."""
    fiche_pages = {page(site, f"fiches/{i}", lang) for i in ids for lang in ("nl", "fr")}
    best_fiche, best_any = (0, ""), (0, "")
    for html in site.rglob("*.html"):
        size = gz(html.read_bytes())
        where = str(html.relative_to(site))
        best_any = max(best_any, (size, where))
        if html in fiche_pages:
            best_fiche = max(best_fiche, (size, where))
    return best_fiche, best_any

