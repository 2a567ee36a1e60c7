"""Scale benchmark: the knowledge base with N synthetic fiches, against plain floors.

    .venv/bin/python -m scripts.bench.bench [--n 1000] [--quick] [--keep DIR] [--json FILE] [--seed 1] [--plain-nav all]

In one run it generates N schema-valid synthetic fiches (scripts/bench/synthetic.py) in a
temporary folder (never in fiches/), then measures and prints one table:

- validation: fiche_collection.load_collection of the N files (in-process, best of 3)
  against the bare yaml.load(text, Loader=yaml.CSafeLoader) of the same files (best of 3);
- build: `mkdocs build --strict` of the site with the N fiches (a temporary project: a
  minimal home page, the real hand-written catalogue pages of docs/fiches/ and docs/modules/,
  the repository's mkdocs.yml with its paths pointing back to overrides/ and the hook),
  wall time, CPU time and peak RSS, against a plain Material + mkdocs-static-i18n site
  (no hook, no overrides) of the same texts as 2 × N Markdown pages (skipped by --quick;
  see PLAIN_CONFIG for its two settings); each build runs in a fresh wrapper process, so
  that its RUSAGE_CHILDREN maxrss is that build's alone (pagefind, run by the hook, included);
- sizes: fiche pages at N against the same fiches in a site of 10, the search payload of one
  query per language (the bytes of every response the search box fetches for it, measured in
  Debian's chromium), the catalogue pages, open data, the whole site, the plain site.

Then a "goals" section says for each goal the measured value and whether it is met. Nothing
here asserts a time: the exit code is 0 unless the fiches are invalid or a build fails.
"""

from __future__ import annotations

import argparse
import gzip
import json
import os
import re
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from dataclasses import asdict, dataclass
from pathlib import Path

import yaml

from scripts import local_servers, search_quality
from scripts.bench import synthetic

ROOT = Path(__file__).resolve().parents[2]  # the checkout: its fiches, docs and mkdocs.yml are the baseline

FICHES = ROOT / "fiches"
PYTHON = sys.executable
SMALL_N = 10  # the small site the fiche page sizes are compared with
DATA_PAGE_DIRS = ("fiches", "modules")  # hand-written pages filled from data: copied into the benchmark project
MARKER = ".kb-bench"
KB = 1000  # sizes in kB (1000 bytes) and MB (10^6 bytes); memory in MiB
GOALS = {"validation_ratio": 2.0, "build_ratio": 1.15, "page_growth": 1.2, "catalogue_kb": 300, "fiche_page_kb": 150}

# Runs one build as its only child, so that RUSAGE_CHILDREN is that build's: wall time, CPU and peak RSS.
MEASURE = r"""
import json, resource, subprocess, sys, time
with open(sys.argv[1], "wb") as log:
    start = time.perf_counter()
    code = subprocess.call(sys.argv[2:], stdout=log, stderr=subprocess.STDOUT, stdin=subprocess.DEVNULL)
    wall = time.perf_counter() - start
usage = resource.getrusage(resource.RUSAGE_CHILDREN)
print(json.dumps({"returncode": code, "wall_s": wall, "cpu_s": usage.ru_utime + usage.ru_stime,
                  "maxrss_kib": usage.ru_maxrss}))
"""


def catalogue_size(site_dir: Path, lang: str) -> int:
    """Gzip size of the catalogue page, which carries all catalogue data."""
    page = (site_dir if lang == "nl" else site_dir / lang) / "fiches" / "index.html"
    return len(gzip.compress(page.read_bytes(), mtime=0))


class BenchError(Exception):
    """A failure that stops the benchmark with a message (invalid fiches, a failed build, a bad argument)."""


# --- small helpers --------------------------------------------------------------------------------------------

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


def fiches_snapshot() -> dict[str, tuple[int, int]]:
    return {p.name: (p.stat().st_size, p.stat().st_mtime_ns) for p in sorted(FICHES.glob("*"))}


# --- the projects ---------------------------------------------------------------------------------------------

class _Tolerant(yaml.SafeLoader):
    """Reads mkdocs.yml without its tags (!ENV, !!python/name:...): only the nav is needed."""


_Tolerant.add_multi_constructor("", lambda loader, suffix, node: None)


def _keep_nav(nav: list, pages: set[str]) -> list:
    kept = []
    for entry in nav:
        if isinstance(entry, str):
            if entry in pages:
                kept.append(entry)
        elif isinstance(entry, dict) and len(entry) == 1:
            (label, value), = entry.items()
            if isinstance(value, str) and value in pages:
                kept.append({label: value})
            elif isinstance(value, list):
                sub = _keep_nav(value, pages)
                if sub:
                    kept.append({label: sub})
    return kept


def site_config(docs: Path, pages: set[str]) -> str:
    """The repository's mkdocs.yml with docs_dir, custom_dir, the data folder and the editor's bundle pointing
    back, nav cut to `pages`."""
    text = (ROOT / "mkdocs.yml").read_text(encoding="utf-8")
    checks = [
        (r"(?m)^docs_dir:.*$", f"docs_dir: {docs}"),
        (r"(?m)^(\s+custom_dir:\s*)(\S+)\s*$", lambda m: m.group(1) + str(ROOT / m.group(2))),
        (r"(?m)^(\s+decap_dir:\s*)(\S+)\s*$", lambda m: m.group(1) + str(ROOT / m.group(2))),
        (r"(?m)^(\s+data:\s*)(\S+)\s*$", lambda m: m.group(1) + str(ROOT / m.group(2))),  # glossary, thesaurus
    ]
    for pattern, replacement in checks:
        text, count = re.subn(pattern, replacement, text)
        if not count:
            raise BenchError(f"mkdocs.yml has no line matching {pattern!r}: update site_config() in "
                             "scripts/bench/bench.py")
    nav = (yaml.load(text, Loader=_Tolerant) or {}).get("nav") or []
    kept = _keep_nav(nav, pages) or [{"Start": "index.md"}, {"Fiches": [{"Catalogus": "fiches/index.md"}]}]
    lines = text.splitlines()
    if "nav:" in lines:
        start = lines.index("nav:")
        end = next((i for i in range(start + 1, len(lines)) if lines[i] and not lines[i][0].isspace()
                    and not lines[i].startswith("#")), len(lines))
        lines[start:end] = []
    nav_text = yaml.safe_dump({"nav": kept}, allow_unicode=True, sort_keys=False, default_flow_style=False)
    return "\n".join(lines).rstrip("\n") + "\n\n" + nav_text


def make_site_project(folder: Path, whole_docs: bool = False) -> Path:
    """A copy of the site that builds from another fiches folder (KB_FICHES_DIR), like tests/conftest.py:
    a minimal home page, the real hand-written data pages (catalogue, compare, figures, modules) and assets;
    `whole_docs`: every hand-written page and the full navigation (what copies of real fiches link to)."""
    docs = folder / "docs"
    if whole_docs:
        shutil.copytree(ROOT / "docs", docs)
        pages = {str(p.relative_to(docs)) for p in docs.rglob("*.md")}
        pages |= {re.sub(r"[.](nl|fr)[.]md$", ".md", page) for page in pages}
        config = folder / "mkdocs.yml"
        config.write_text(site_config(docs, pages), encoding="utf-8")
        return config
    docs.mkdir(parents=True)
    shutil.copytree(ROOT / "docs" / "assets", docs / "assets")
    for lang, title in (("nl", "Start"), ("fr", "Accueil")):
        (docs / f"index.{lang}.md").write_text(f"# {title}\n\n<!-- kb:recent-fiches -->\n", encoding="utf-8")
    pages = {"index.md"}
    for name in DATA_PAGE_DIRS:
        source = ROOT / "docs" / name
        for md in sorted(source.glob("*.md")) if source.is_dir() else []:
            (docs / name).mkdir(exist_ok=True)
            shutil.copy(md, docs / name / md.name)
            pages.add(f"{name}/{re.sub(r'[.](nl|fr)[.]md$', '.md', md.name)}")
    config = folder / "mkdocs.yml"
    config.write_text(site_config(docs, pages), encoding="utf-8")
    return config


# reconfigure_search: false keeps one Material search index per language build. static-i18n's default (true)
# merges them with a quadratic de-duplication (reconfigure.py reconfigure_search_duplicates): 220 of 268 s of a
# 200-fiche plain build, ~40 min at 1000; no floor. The real site does not use it either (it runs pagefind).
PLAIN_CONFIG = """\
site_name: Plain baseline
site_url: http://127.0.0.1:8000/
docs_dir: docs
theme:
  name: material
  language: nl
  font: false
plugins:
  - search
  - i18n:
      docs_structure: suffix
      reconfigure_search: false
      languages:
        - locale: nl
          name: Nederlands
          default: true
          build: true
        - locale: fr
          name: Français
          build: true
"""
# --plain-nav none (default): like the real site, the fiche pages are left out of the navigation, so that each
# page stays the same size and the build stays linear in N; --plain-nav all: Material's default navigation,
# which lists every page on every page (pages grow with N, the build is quadratic: ~2 min at N=200 here).
PLAIN_NAV_NONE = """\
nav:
  - Start: index.md
not_in_nav: |
  /fiches/*.md
  /fiches/*/*.md
"""


def make_plain_project(folder: Path, fiches: list, nav: str = "none") -> Path:
    """Plain Material + static-i18n: the same texts as N Dutch and N French Markdown pages; no hook, no overrides.
    `nav`: "none" leaves the fiche pages out of the navigation (as the real site does), "all" is Material's
    default navigation (every page listed on every page)."""
    docs = folder / "docs"
    (docs / "fiches").mkdir(parents=True)
    for lang, title in (("nl", "Start"), ("fr", "Accueil")):
        (docs / f"index.{lang}.md").write_text(f"# {title}\n\nDe fiches / les fiches.\n", encoding="utf-8")
    for fiche in fiches:
        for lang in ("nl", "fr"):
            (docs / "fiches" / f"{fiche.id}.{lang}.md").write_text(synthetic.plain_markdown(fiche.data, lang),
                                                                   encoding="utf-8")
        # The real site gives every module a page of its own: the floor gets the same pages, same text.
        for module in fiche.data.get("modules", []):
            (docs / "fiches" / fiche.id).mkdir(exist_ok=True)
            data = {"title": module["name"], **{k: v for k, v in module.items() if k != "name"}}
            for lang in ("nl", "fr"):
                (docs / "fiches" / fiche.id / f"{module['id']}.{lang}.md").write_text(
                    synthetic.plain_markdown(data, lang), encoding="utf-8")
    config = folder / "mkdocs.yml"
    config.write_text(PLAIN_CONFIG + (PLAIN_NAV_NONE if nav == "none" else ""), encoding="utf-8")
    return config


def build(config: Path, site: Path, log: Path, fiches_dir: Path | None = None) -> dict:
    """`mkdocs build --strict` in a fresh wrapper process; wall time, CPU time and peak RSS of that build."""
    env = dict(os.environ, NO_MKDOCS_2_WARNING="1")
    env.setdefault("SITE_URL", "http://127.0.0.1:8000/")
    env.pop("KB_PREVIEW", None)
    env.pop("KB_FICHES_DIR", None)
    if fiches_dir is not None:
        env["KB_FICHES_DIR"] = str(fiches_dir)
    command = [PYTHON, "-m", "mkdocs", "build", "--strict", "-d", str(site), "-f", str(config)]
    result = subprocess.run([PYTHON, "-c", MEASURE, str(log), *command], cwd=ROOT, env=env, capture_output=True,
                            text=True, check=False)
    if result.returncode != 0:
        raise BenchError(f"the measuring wrapper failed:\n{result.stderr[-3000:]}")
    numbers = json.loads(result.stdout.strip().splitlines()[-1])
    if numbers["returncode"] != 0:
        tail = log.read_text(encoding="utf-8", errors="replace")[-4000:]
        raise BenchError(f"mkdocs build of {config} failed (exit {numbers['returncode']}); log {log}:\n{tail}")
    return numbers


# --- measurements ---------------------------------------------------------------------------------------------

def _proc_cpu(pid: int) -> float:
    """user+sys CPU seconds of a running process and its waited-for children (/proc/PID/stat)."""
    fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
    return sum(int(v) for v in fields[11:15]) / os.sysconf("SC_CLK_TCK")


def _tree_cpu(pid: int) -> float:
    """_proc_cpu of a process plus that of its running children (a child's CPU reaches cutime only once waited)."""
    total = _proc_cpu(pid)
    for task in Path(f"/proc/{pid}/task").glob("*"):
        try:
            children = (task / "children").read_text().split()
        except OSError:
            continue
        for child in children:
            try:
                total += _tree_cpu(int(child))
            except OSError:
                pass  # it ended meanwhile
    return total


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


def serve_edit(config: Path, fiches_dir: Path, log: Path, timeout: float = 3600) -> dict:
    """`mkdocs serve --dirty` (as scripts/serve.sh starts it) on a copy of the fiches: after the first build, one
    fiche's Dutch title is edited; the time (wall and the server's CPU) until its page serves the new title."""
    folder = fiches_dir.parent / (fiches_dir.name + "-serve")
    shutil.copytree(fiches_dir, folder)
    target = sorted(folder.glob("*.yml"))[len(list(folder.glob("*.yml"))) // 2]
    try:
        with local_servers.mkdocs_serve(config, folder, log, dirty=True) as (base, server):
            def wait(path: str, needle: str) -> None:
                deadline = time.monotonic() + timeout
                while time.monotonic() < deadline:
                    if server.poll() is not None:
                        raise BenchError(f"mkdocs serve stopped; log {log}")
                    status, body = local_servers.fetch(base + path)
                    if status == 200 and needle in body:
                        return
                    time.sleep(0.05)
                raise BenchError(f"mkdocs serve: {path} did not show {needle!r} in {timeout:.0f} s; log {log}")

            start = time.perf_counter()
            wait(f"fiches/{target.stem}/", "<h1")
            first_s = time.perf_counter() - start
            # Let the server settle: Pagefind indexes the first build in the background (its CPU would otherwise
            # be counted for the edit); settled = the server and its children used < 0.1 s of CPU in the last second.
            deadline, last = time.monotonic() + 600, _tree_cpu(server.pid)
            while time.monotonic() < deadline:
                time.sleep(1)
                now = _tree_cpu(server.pid)
                if now - last < 0.1:
                    break
                last = now
            text = target.read_text(encoding="utf-8")
            title = f"Bewerkte titel {time.time_ns()}"
            edited, count = re.subn(r"(?m)^(title:\s*\n\s+nl:\s*).+$", lambda m: m.group(1) + title, text,
                                    count=1)
            if not count:
                edited, count = re.subn(r"(?m)^(title:\s*\{nl:\s*)[^,}]+", lambda m: m.group(1) + title, text,
                                        count=1)
            if not count:
                raise BenchError(f"serve bench: no Dutch title found in {target}")
            cpu, start = _proc_cpu(server.pid), time.perf_counter()
            target.write_text(edited, encoding="utf-8")
            wait(f"fiches/{target.stem}/", title)
            wall, cpu = time.perf_counter() - start, _proc_cpu(server.pid) - cpu
            return {"first_build_s": first_s, "edit_wall_s": wall, "edit_cpu_s": cpu, "fiche": target.stem}
    finally:
        shutil.rmtree(folder, ignore_errors=True)


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


# --- cost of one text and of "similar modules" (issue 14: both must stay linear / sub-quadratic) ----------------

WORST_TEXTS = {  # shapes that make Markdown scan to the end of the block for each bracket, 20,000 characters
    "[ ": "[ " * 9_999, "[a](": "[a](" * 5_000, "[x][": "[x][" * 5_000, "![ ": "![ " * 6_666,
    "[b [a](https://x/]y) ": "[b [a](https://x/]y) " * 952, "- [ (list items)": "- [ \n" * 5_000,
}


def _ordinary_text(size: int) -> str:
    """Ordinary fiche prose with a link now and then, as long as the worst texts: the linear baseline."""
    sentence = ("De trajectbegeleider bespreekt met de deelnemer de volgende stap (zie ook "
                "[de gids](https://www.mi-is.be/nl/gids)) en noteert *afspraken* in het dossier. ")
    return (sentence * (size // len(sentence) + 1))[:size]


def _module_items(count: int, seed: int = 1) -> list:
    """Modules like the synthetic fiches': 3.5 per fiche, one of 3 kinds, 1-3 of the 12 themes."""
    import random

    from scripts.fiche import schema as fiche_schema
    from scripts.site import similarity

    rng = random.Random(seed)
    themes = sorted(fiche_schema.THEMES)
    return [similarity.Item(f"f{i // 3.5:.0f}--m{i}", int(i // 3.5), rng.choice("abc"),
                            frozenset(rng.sample(themes, rng.randint(1, 3)))) for i in range(count)]


def bench_render_and_similarity(modules_n: int = 10_000) -> list[Row]:
    """Rows: the worst text shape against ordinary text of the same length, and similar modules at
    `modules_n` against a linear pass over the same modules and against a tenth of them (ratios in one run)."""
    from scripts.fiche import richtext
    from scripts.site import similarity

    def seconds(func, runs: int = 3) -> float:
        best = float("inf")
        for _ in range(runs):
            start = time.perf_counter()
            func()
            best = min(best, time.perf_counter() - start)
        return best

    def render(text: str) -> None:
        richtext._markdown.cache_clear()  # each run parses the text, as the first view of it does
        richtext.to_html(text)
        richtext.plain(text)

    ordinary = _ordinary_text(20_000)
    base = seconds(lambda: render(ordinary))
    worst_shape, worst = max(((shape, seconds(lambda t=text: render(t))) for shape, text in WORST_TEXTS.items()),
                             key=lambda pair: pair[1])
    items = _module_items(modules_n)
    tenth = items[: modules_n // 10]
    related = seconds(lambda: similarity.related(items, 5), runs=1)
    related_tenth = seconds(lambda: similarity.related(tenth, 5), runs=1)
    linear = seconds(lambda: sorted((item.block, sorted(item.features), item.key) for item in items))
    return [
        Row("render_worst_s", "render: worst text shape, 20,000 chars", "s", worst, base,
            f"ordinary 20,000-char text; worst of {len(WORST_TEXTS)} shapes: {worst_shape!r} × n"),
        Row("similar_s", f"similar modules at {modules_n:,} modules", "s", related, linear,
            "one sort of the modules' features (n log n)"),
        Row("similar_growth", f"similar modules: {modules_n:,} vs {modules_n // 10:,} modules", "s", related,
            related_tenth, "10x the modules: ~10x linear, ~100x quadratic"),
    ]


# --- the report -----------------------------------------------------------------------------------------------

@dataclass
class Row:
    key: str
    label: str
    unit: str
    value: float | None
    baseline: float | None = None
    note: str = ""

    @property
    def ratio(self) -> float | None:
        if self.value is None or not self.baseline:
            return None
        return self.value / self.baseline


def fmt(value: float | None, unit: str = "") -> str:
    if value is None:
        return "-"
    if unit in ("count", "fiches", "files"):
        return f"{value:.0f}"
    if abs(value) >= 100:
        return f"{value:.0f}"
    if abs(value) >= 10:
        return f"{value:.1f}"
    return f"{value:.2f}"


def table(rows: list[Row]) -> str:
    header = ("metric", "unit", "value", "baseline", "ratio", "baseline is")
    cells = [header] + [(r.label, r.unit, fmt(r.value, r.unit), fmt(r.baseline, r.unit),
                         "-" if r.ratio is None else f"{r.ratio:.2f}x", r.note) for r in rows]
    widths = [max(len(c[i]) for c in cells) for i in range(len(header))]
    lines = []
    for number, c in enumerate(cells):
        left = [c[0].ljust(widths[0]), c[1].ljust(widths[1])]
        right = [c[i].rjust(widths[i]) for i in (2, 3, 4)]
        lines.append("  ".join(left + right + [c[5]]).rstrip())
        if number == 0:
            lines.append("  ".join("-" * w for w in widths))
    return "\n".join(lines)


def goal_lines(goals: list[dict]) -> str:
    width = max(len(g["goal"]) for g in goals)
    out = []
    for g in goals:
        if g["measured"] is None:
            status, measured = "not measured" + (f" ({g['why']})" if g.get("why") else ""), "-"
        else:
            status = "met" if g["met"] else "NOT MET"
            measured = f"{g['measured']:.2f}{g['unit']}"
        out.append(f"  {g['goal'].ljust(width)}  {measured:>10}  {status}")
    return "\n".join(out)


# --- the run --------------------------------------------------------------------------------------------------

def prepare_workdir(keep: str | None) -> Path:
    if keep is None:
        return Path(tempfile.mkdtemp(prefix="kb-bench-"))
    work = Path(keep).resolve()
    if work == FICHES.resolve() or FICHES.resolve() in work.parents or work in FICHES.resolve().parents:
        raise BenchError(f"--keep {keep}: never inside (or around) fiches/")
    if work.exists() and any(work.iterdir()):
        if not (work / MARKER).is_file():
            raise BenchError(f"--keep {keep}: folder exists, is not empty and was not made by bench.py")
        shutil.rmtree(work)
    work.mkdir(parents=True, exist_ok=True)
    (work / MARKER).write_text("made by scripts/bench/bench.py; removed and rebuilt by its next --keep run\n")
    return work


def run(args, work: Path, say) -> dict:
    n, seed = args.n, args.seed
    logs = work / "logs"
    logs.mkdir()
    # 1. fiches
    say(f"writing {n} {args.fiches} fiches (seed {seed}) in {work / f'fiches-{n}'} ...")
    start = time.perf_counter()
    if args.fiches == "real":
        big = synthetic.clone_real(work / f"fiches-{n}", n)
        small = synthetic.clone_real(work / f"fiches-{SMALL_N}", min(SMALL_N, n))
    else:
        big = synthetic.write_fiches(work / f"fiches-{n}", n, seed)
        small = synthetic.write_fiches(work / f"fiches-{SMALL_N}", min(SMALL_N, n), seed)
    gen_s = time.perf_counter() - start
    sizes = [p.stat().st_size for p in big]
    say("validating (load_collection and bare yaml.load, best of 3 each) ...")
    check_s, bare_s, cpu_ratio, collection = validate(work / f"fiches-{n}", n)
    validate(work / f"fiches-{SMALL_N}", len(small))
    # 2. builds
    config = make_site_project(work / "project", whole_docs=args.fiches == "real")
    say(f"building the site with {n} fiches ...")
    ours = build(config, work / f"site-{n}", logs / f"site-{n}.log", work / f"fiches-{n}")
    say(f"building the site with {len(small)} fiches ...")
    ours_small = build(config, work / f"site-{SMALL_N}", logs / f"site-{SMALL_N}.log", work / f"fiches-{SMALL_N}")
    served = None
    if not args.quick and not args.no_serve:
        say(f"serving the site with {n} fiches (mkdocs serve --dirty), editing one fiche ...")
        served = serve_edit(config, work / f"fiches-{n}", logs / "serve.log")
    plain = None
    if not args.quick:
        plain_config = make_plain_project(work / "plain", collection.fiches, args.plain_nav)
        say(f"building the plain Material + i18n site with the same fiche and module pages "
            f"(navigation: {args.plain_nav}) ...")
        plain = build(plain_config, work / "plain-site", logs / "plain-site.log")
    plain_label = ("plain Material + i18n, same fiche+module pages, " +
                   ("out of nav" if args.plain_nav == "none" else "every page in nav")) if plain else ""
    # 3. sizes
    say("measuring sizes ...")
    site, site_small = work / f"site-{n}", work / f"site-{SMALL_N}"
    shared = [p.stem for p in small]
    all_ids = [f.id for f in collection.fiches]
    rows: list[Row] = [
        Row("fiches", "synthetic fiches" if args.fiches == "synthetic" else "fiches (copies of the real ones)",
            "count", n, note=f"YAML {min(sizes) / KB:.1f}-{max(sizes) / KB:.1f} kB, "
            f"mean {statistics.mean(sizes) / KB:.1f} kB; generated in {gen_s:.1f} s"),
        Row("validation_s", "validation: load_collection, best of 3", "s", check_s, bare_s,
            f"bare yaml.load CSafeLoader, best of 3 (CPU-time ratio {cpu_ratio:.2f}x)"),
        Row("build_s", "build: mkdocs build, wall time", "s", ours["wall_s"], plain and plain["wall_s"],
            plain_label or "(--quick: no plain build)"),
        Row("build_cpu_s", "build: CPU time (user+sys)", "s", ours["cpu_s"], plain and plain["cpu_s"], plain_label),
        Row("build_rss_mib", "build: peak RSS", "MiB", ours["maxrss_kib"] / 1024,
            plain and plain["maxrss_kib"] / 1024, plain_label),
        Row("build_small_s", f"build: wall time at N={len(small)}", "s", ours_small["wall_s"],
            note=f"peak RSS {ours_small['maxrss_kib'] / 1024:.0f} MiB"),
    ]
    if served:
        rows += [
            Row("serve_edit_s", "serve: edit one fiche to reload, wall", "s", served["edit_wall_s"],
                plain and plain["wall_s"], "plain floor's full rebuild (wall); mkdocs serve --dirty, "
                f"first build {served['first_build_s']:.0f} s"),
            Row("serve_edit_cpu_s", "serve: edit one fiche to reload, CPU", "s", served["edit_cpu_s"],
                plain and plain["cpu_s"], "plain floor's full rebuild (CPU); the server process's user+sys"),
        ]
    say("timing the web editor's live preview of one fiche ...")
    previewed = editor_preview(work / f"fiches-{n}")
    rows.append(Row("editor_preview_cpu_s", "web editor: live preview of one edited fiche, CPU", "s",
                    previewed["edit_cpu_s"], previewed["first_cpu_s"],
                    "the first preview (validates every fiche); median of 3 edits, scripts/editor/preview.py"))
    say("timing the worst text shape and similar modules at 10,000 modules ...")
    rows += bench_render_and_similarity()
    for lang in ("nl", "fr"):
        raw, zipped = page_sizes(site, shared, lang)
        raw_small, zipped_small = page_sizes(site_small, shared, lang)
        note = f"same {len(shared)} fiches at N={len(small)} (mean)"
        rows.append(Row(f"fiche_page_raw_kb_{lang}", f"fiche page HTML raw, {lang}", "kB", raw / KB,
                        raw_small / KB, note))
        rows.append(Row(f"fiche_page_gzip_kb_{lang}", f"fiche page HTML gzip, {lang}", "kB", zipped / KB,
                        zipped_small / KB, note))
    (fiche_gz, fiche_path), (any_gz, any_path) = largest_pages(site, all_ids)
    rows.append(Row("largest_fiche_page_gzip_kb", "largest fiche page gzip, HTML only", "kB", fiche_gz / KB,
                    note=f"{fiche_path} (shared CSS/JS and search index excluded)"))
    rows.append(Row("largest_page_gzip_kb", "largest page of the site gzip", "kB", any_gz / KB, note=any_path))
    say("measuring the search payload in chromium ...")
    search, search_small = search_payloads([site, site_small])
    for lang in search:
        small_payload = search_small[lang]
        what = search[lang]["note"]
        rows.append(Row(f"search_raw_kb_{lang}", f"search payload per query raw, {lang}", "kB",
                        search[lang]["raw"] / KB, small_payload["raw"] / KB, f"N={len(small)}; {what}"))
        rows.append(Row(f"search_gzip_kb_{lang}", f"search payload per query gzip, {lang}", "kB",
                        search[lang]["gzip"] / KB, small_payload["gzip"] / KB, f"N={len(small)}; {what}"))
    catalogues = [("catalogue", "fiches", "catalogue page")]
    if page(site, "modules", "nl").is_file():
        catalogues.append(("module_catalogue", "modules", "module catalogue page"))

    for key, path, label in catalogues:
        for lang in ("nl", "fr"):
            catalogue = page(site, path, lang).read_bytes()
            size = catalogue_size(site, lang) if key == "catalogue" else gz(catalogue)
            size_small = (catalogue_size(site_small, lang) if key == "catalogue"
                          else gz(page(site_small, path, lang).read_bytes()))
            rows.append(Row(f"{key}_gzip_kb_{lang}", f"{label} gzip, {lang}", "kB", size / KB, size_small / KB,
                            f"N={len(small)}; raw {len(catalogue) / KB:.0f} kB"))
    for md in sorted((work / "project" / "docs").rglob("*.nl.md")):
        path = str(md.relative_to(work / "project" / "docs"))[:-6]
        path = path[:-len("index")].rstrip("/") if path.endswith("index") else path
        if path in ["", *(c[1] for c in catalogues)]:
            continue  # home and catalogues are above
        html, html_small = page(site, path, "nl"), page(site_small, path, "nl")
        if html.is_file() and html_small.is_file():
            rows.append(Row(f"page_gzip_kb_{path.replace('/', '_')}", f"page gzip, {path}, nl", "kB",
                            gz(html.read_bytes()) / KB, gz(html_small.read_bytes()) / KB, f"N={len(small)}"))
    open_data = (site / "fiches.json").read_bytes()
    rows.append(Row("fiches_json_gzip_kb", "fiches.json gzip", "kB", gz(open_data) / KB,
                    note=f"raw {len(open_data) / KB:.0f} kB"))
    total, files = tree_size(site)
    plain_total, plain_files = tree_size(work / "plain-site") if plain else (None, None)
    rows.append(Row("site_mb", "whole site size", "MB", total / KB / KB, plain_total and plain_total / KB / KB,
                    plain_label))
    rows.append(Row("site_files", "whole site files", "files", files, plain_files, plain_label))
    rows.append(Row("site_pages", "whole site HTML pages", "files", len(list(site.rglob("*.html"))),
                    len(list((work / "plain-site").rglob("*.html"))) if plain else None, plain_label))
    if plain:
        plain_site = work / "plain-site"
        for lang in ("nl", "fr"):
            raw, zipped = page_sizes(plain_site, shared, lang)
            rows.append(Row(f"plain_page_raw_kb_{lang}", f"plain site page HTML raw, {lang}", "kB", raw / KB,
                            note="same 10 fiches, mean; " + ("its navigation lists every page, so it grows with N"
                                                             if args.plain_nav == "all" else "out of the nav")))
            rows.append(Row(f"plain_page_gzip_kb_{lang}", f"plain site page HTML gzip, {lang}", "kB", zipped / KB))
    by_key = {r.key: r for r in rows}
    growth = [by_key[f"fiche_page_{kind}_kb_{lang}"].ratio for kind in ("raw", "gzip") for lang in ("nl", "fr")]
    goals = [
        {"goal": f"validation <= {GOALS['validation_ratio']}x bare yaml.load", "unit": "x",
         "measured": by_key["validation_s"].ratio, "limit": GOALS["validation_ratio"]},
        {"goal": f"build time <= {GOALS['build_ratio']}x plain Material + i18n (wall)", "unit": "x",
         "measured": by_key["build_s"].ratio, "limit": GOALS["build_ratio"], "why": "--quick" if not plain else ""},
        {"goal": f"build time <= {GOALS['build_ratio']}x plain Material + i18n (CPU)", "unit": "x",
         "measured": by_key["build_cpu_s"].ratio, "limit": GOALS["build_ratio"], "why": "--quick" if not plain else ""},
        {"goal": f"fiche page at N <= {GOALS['page_growth']}x at N={SMALL_N} (raw and gzip, nl and fr)", "unit": "x",
         "measured": max(growth), "limit": GOALS["page_growth"]},
    ]
    for key, _, label in catalogues:
        goals.append({"goal": f"{label} <= {GOALS['catalogue_kb']} kB gzip per language", "unit": " kB",
                      "measured": max(by_key[f"{key}_gzip_kb_{lang}"].value for lang in ("nl", "fr")),
                      "limit": GOALS["catalogue_kb"]})
    goals.append({"goal": f"fiche page <= {GOALS['fiche_page_kb']} kB gzip, excl. shared assets (largest)",
                  "unit": " kB", "measured": by_key["largest_fiche_page_gzip_kb"].value,
                  "limit": GOALS["fiche_page_kb"]})
    for goal in goals:
        goal["met"] = None if goal["measured"] is None else goal["measured"] <= goal["limit"]
    return {"n": n, "seed": seed, "quick": args.quick, "work_dir": str(work), "rows": rows, "goals": goals,
            "builds": {"site": ours, "site_small": ours_small, "plain": plain}, "search": search}


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description="Scale benchmark of the knowledge base with N synthetic fiches.")
    parser.add_argument("--n", type=int, default=1000, help="number of synthetic fiches (default 1000)")
    parser.add_argument("--seed", type=int, default=1, help="seed of the synthetic fiches (default 1)")
    parser.add_argument("--quick", action="store_true", help="skip the plain Material + i18n baseline build")
    parser.add_argument("--plain-nav", choices=("none", "all"), default="none",
                        help="plain baseline: fiche pages out of the navigation like the real site (none, default) "
                             "or Material's default navigation listing every page (all: quadratic, slow)")
    parser.add_argument("--fiches", choices=("synthetic", "real"), default="synthetic",
                        help="synthetic fiches (default) or copies of the real fiches/ under new ids "
                             "(real: as heavy as the real ones, with the whole docs/ for their links)")
    parser.add_argument("--no-serve", action="store_true", help="skip the serve edit-to-reload row")
    parser.add_argument("--keep", metavar="DIR", help="keep fiches, projects, sites and logs in DIR")
    parser.add_argument("--json", metavar="FILE", type=Path, help="also write the numbers to FILE as JSON")
    parser.add_argument("--cost-only", action="store_true",
                        help="only the rows for the worst text shape and similar modules at 10,000 modules (no build)")
    args = parser.parse_args(argv)
    if args.cost_only:
        print(table(bench_render_and_similarity()))
        return 0
    if args.n < 1:
        parser.error("--n must be at least 1")

    def say(message: str) -> None:
        print(f"[bench] {message}", file=sys.stderr, flush=True)

    before = fiches_snapshot()
    load_before = os.getloadavg()[0]
    try:
        work = prepare_workdir(args.keep)
    except BenchError as exc:
        print(f"bench: {exc}", file=sys.stderr)
        return 2
    try:
        result = run(args, work, say)
    except BenchError as exc:
        print(f"bench: {exc}", file=sys.stderr)
        return 1
    finally:
        if args.keep is None:
            shutil.rmtree(work, ignore_errors=True)
    if fiches_snapshot() != before:  # bench.py never writes there; tests/test_bench.py asserts it
        print("bench: warning: fiches/ changed during the run (not by bench.py, which never writes there)",
              file=sys.stderr)
    rows, goals = result["rows"], result["goals"]
    result["load_average"] = [load_before, os.getloadavg()[0]]
    kind = "synthetic" if args.fiches == "synthetic" else "real-copy"
    print(f"Scale benchmark: N={args.n} {kind} fiches (seed {args.seed}){' --quick' if args.quick else ''}; "
          f"sizes in kB = 1000 bytes, gzip level 9; {os.cpu_count()} CPU(s), 1-min load average "
          f"{load_before:.1f} at start, {os.getloadavg()[0]:.1f} at end (wall times suffer on a busy machine)")
    print()
    print(table(rows))
    print()
    print("goals")
    print(goal_lines(goals))
    if args.keep:
        print(f"\noutputs kept in {result['work_dir']}")
    if args.json:
        payload = dict(result, rows={r.key: dict(asdict(r), ratio=r.ratio) for r in rows})
        args.json.write_text(json.dumps(payload, indent=1, ensure_ascii=False) + "\n", encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
