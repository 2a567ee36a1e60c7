"""What each custom part of the site buys, measured with it and without it at N synthetic fiches:

    .venv/bin/python -m scripts.bench.parts --n 500 --work DIR [--runs 3] [--edits 3] [--only build,serve,…]

The fiches and the project are made once in DIR (kept: a second run reuses them). Every part is switched off
by scripts/bench/switches.py, never by a setting of the product. Measured, each as the median of `--runs`
alternated runs (so that a burst of load from other processes falls on every variant):

- build: `mkdocs build --strict` with every part: wall, CPU (Pagefind included) and peak RSS; then without
  Pagefind, with and without freeing the generated pages once written;
- pagefind: Pagefind on the built site given only the indexed pages (pages_glob) against every page; how many
  bundle files differ between two runs of the same site (none: Pagefind ≥ 1.6 writes the same bytes);
- serve: `mkdocs serve --dirty` as serve.sh starts it, then one fiche's title edited `--edits` times: time to
  the page showing it (and whether the catalogues show it once the rebuild is over), with every part, without
  --dirty (MkDocs' full rebuild), with --dirty but without incremental.py (MkDocs alone decides), without the
  per-fiche memo, the validation cache, background indexing;
- map: the map's label placement for the fiches' places with its grid and over every box (in-process);
- editor: the lines of `git diff` after a one-title save through Decap's own YAML serialiser (the `yaml` package
  Decap uses, run with node) against the same save through scripts/editor/yaml_writer.py.

It asserts nothing; it prints a table and writes DIR/parts.json.
"""

from __future__ import annotations

import argparse
import difflib
import filecmp
import json
import shutil
import statistics
import subprocess
import sys
import time
from pathlib import Path

from scripts.bench import synthetic
from scripts.bench.projects import ROOT, build, make_site_project
from scripts.bench.serving import serve_edit

# Pagefind's process is the build's peak memory: freeing written pages is measured on the MkDocs process alone.
BUILD_VARIANTS = [(), ("search",), ("search", "free")]
SERVE_VARIANTS = [("dirty", ()), ("full", ()), ("dirty", ("incremental",)), ("dirty", ("memo",)),
                  ("dirty", ("validation-cache",)), ("dirty", ("background",))]
SHOWS_EVERY_TITLE = ("fiches/",)  # the Dutch catalogue (the Dutch title is edited): stale after a rebuild is wrong
# What Decap CMS does to save an entry (decap-cms-core/src/formats/yaml.ts toFile): a YAML node from the form's
# data, printed by the `yaml` package. The collection's field order is the schema's, as the fiche's own.
DECAP_SAVE = r"""
const fs = require("fs");
const YAML = require("yaml");
const [file, title] = process.argv.slice(1);  // node -e: the arguments follow argv[0]
const data = YAML.parseDocument(fs.readFileSync(file, "utf8")).toJSON();
data.title.nl = title;
const doc = new YAML.Document();
doc.contents = YAML.createNode(data);
process.stdout.write(doc.toString());
"""


def median(values: list[float]) -> float:
    return statistics.median(values)


def prepare(work: Path, n: int, seed: int) -> tuple[Path, Path]:
    fiches = work / f"fiches-{n}"
    if len(list(fiches.glob("*.yml"))) != n:
        shutil.rmtree(fiches, ignore_errors=True)
        synthetic.write_fiches(fiches, n, seed)
    shutil.rmtree(work / "project", ignore_errors=True)
    (work / "logs").mkdir(parents=True, exist_ok=True)
    return fiches, make_site_project(work / "project")


def measure_builds(work: Path, config: Path, fiches: Path, runs: int, say) -> dict:
    found: dict[str, list[dict]] = {}
    for run in range(runs):
        for without in BUILD_VARIANTS:
            name = ",".join(without) or "all"
            say(f"build {run + 1}/{runs}: {'every part' if name == 'all' else 'without ' + name}")
            site = work / ("site" if not without else f"site-{name}")
            found.setdefault(name, []).append(build(config, site, work / "logs" / f"build-{name}.log", fiches, without))
    return {name: {"wall_s": median([r["wall_s"] for r in rs]), "cpu_s": median([r["cpu_s"] for r in rs]),
                   "rss_mib": median([r["maxrss_kib"] / 1024 for r in rs]), "runs": rs} for name, rs in found.items()}


def _index(site: Path, skipped: set[str]) -> dict:
    """Pagefind alone on a built site, in a child process: its wall, CPU, peak RSS."""
    from scripts.bench.projects import MEASURE

    shutil.rmtree(site / "pagefind", ignore_errors=True)
    skip_file = site.parent / "skipped.txt"
    skip_file.write_text("\n".join(sorted(skipped)), encoding="utf-8")
    code = ("import sys; from pathlib import Path; from scripts.site import search_index;"
            "search_index.build_index(Path(sys.argv[1]), frozenset(Path(sys.argv[2]).read_text().split()))")
    log = site.parent / "logs" / "pagefind.log"
    result = subprocess.run([sys.executable, "-c", MEASURE, str(log), sys.executable, "-c", code, str(site),
                             str(skip_file)], cwd=ROOT, capture_output=True, text=True, check=True)
    numbers = json.loads(result.stdout.strip().splitlines()[-1])
    if numbers["returncode"]:
        raise SystemExit(f"pagefind failed: {log.read_text()[-2000:]}")
    return numbers


def _differing(a: Path, b: Path) -> int:
    """Files present in one bundle only, or with other bytes."""
    left = {p.relative_to(a) for p in a.rglob("*") if p.is_file()}
    right = {p.relative_to(b) for p in b.rglob("*") if p.is_file()}
    return len(left ^ right) + sum(not filecmp.cmp(a / p, b / p, shallow=False) for p in left & right)


def measure_pagefind(work: Path, runs: int, say) -> dict:
    """Pagefind with pages_glob and without, on a copy of the built site; and whether two runs write the same
    bytes (what makes two builds of one commit identical)."""
    site = work / "pf-site"
    shutil.rmtree(site, ignore_errors=True)
    shutil.copytree(work / "site", site)
    skipped = {str(p.relative_to(site)) for p in site.rglob("*.html")
               if "data-pagefind-body" not in p.read_text(encoding="utf-8")}
    found: dict[str, list[dict]] = {"glob": [], "every page": []}
    bundles = []
    for run in range(runs):
        for name, skip in (("glob", skipped), ("every page", set())):
            say(f"pagefind {run + 1}/{runs}: {name}")
            found[name].append(_index(site, skip))
            bundle = work / f"pf-{len(bundles)}"
            shutil.rmtree(bundle, ignore_errors=True)
            shutil.move(site / "pagefind", bundle)
            bundles.append((name, bundle))
    glob_bundles = [b for name, b in bundles if name == "glob"]
    raw_differ = _differing(glob_bundles[0], glob_bundles[1]) if len(glob_bundles) > 1 else None
    total = sum(1 for p in glob_bundles[0].rglob("*") if p.is_file())
    out = {name: {"wall_s": median([r["wall_s"] for r in rs]), "cpu_s": median([r["cpu_s"] for r in rs]),
                  "rss_mib": median([r["maxrss_kib"] / 1024 for r in rs]), "runs": rs} for name, rs in found.items()}
    out.update({"indexed_pages": sum(1 for p in site.rglob("*.html")) - len(skipped), "skipped_pages": len(skipped),
                "bundle_files": total, "differing_between_runs": raw_differ})
    for _, bundle in bundles:
        shutil.rmtree(bundle, ignore_errors=True)
    shutil.rmtree(site, ignore_errors=True)
    return out


def measure_serve(work: Path, config: Path, fiches: Path, edits: int, say, only: set[str] | None = None) -> dict:
    out = {}
    for mode, without in SERVE_VARIANTS:
        if only and (",".join(without) or mode) not in only:
            continue
        name = mode if not without else f"without {','.join(without)}"
        say(f"serve: {name}, {edits} edit(s)")
        out[name] = serve_edit(config, fiches, work / "logs" / f"serve-{name.replace(' ', '-')}.log",
                               edits=edits, dirty=mode == "dirty", without=without, also=SHOWS_EVERY_TITLE)
    return out


def measure_map(fiches: Path, runs: int, say) -> dict:
    """The map's label placement for the fiches' places (charts._Boxes: a grid of the reserved boxes) against the
    sum over every box it stands for; one map per language per build. CPU of this process, best of `runs`."""
    from scripts.fiche.collection import load_collection
    from scripts.site import charts

    say("map: label placement with the grid and over every box")
    places = [{"label": f.data["municipality"]["nl"], "short": None, "href": "#", "lon": f.data["coordinates"]["lon"],
               "lat": f.data["coordinates"]["lat"]} for f in load_collection([fiches]).fiches]

    def best() -> float:
        found = []
        for _ in range(runs):
            charts._label_positions.cache_clear()
            start = time.process_time()
            charts.belgium_map("m", "t", "d", places)
            found.append(time.process_time() - start)
        return min(found)

    grid = best()
    near = charts._Boxes.near
    charts._Boxes.near = lambda self, box: self.boxes
    try:
        every = best()
    finally:
        charts._Boxes.near = near
    return {"places": len(places), "spots": len({(p["lon"], p["lat"]) for p in places}), "grid_cpu_s": grid,
            "every_box_cpu_s": every}


def _changed_lines(old: str, new: str) -> int:
    return sum(1 for line in difflib.unified_diff(old.splitlines(), new.splitlines(), lineterm="", n=0)
               if line[:1] in "+-" and not line.startswith(("+++", "---")))


def measure_editor(fiches: Path, sample: int, say) -> dict:
    """A one-title save of `sample` fiches: lines changed by Decap's serialiser and by the YAML writer after it."""
    from scripts.editor import yaml_writer

    paths = sorted(fiches.glob("*.yml"))
    paths = paths[:: max(1, len(paths) // sample)][:sample]
    say(f"editor: a one-title save of {len(paths)} fiches")
    decap, ours, decap_s, ours_s = [], [], [], []
    for path in paths:
        old = path.read_text(encoding="utf-8")
        start = time.perf_counter()
        saved = subprocess.run(["node", "-e", DECAP_SAVE, str(path), "Bewerkte titel"], cwd=ROOT, check=True,
                               capture_output=True, text=True).stdout
        decap_s.append(time.perf_counter() - start)
        start = time.process_time()
        written = yaml_writer.save(old, saved)
        ours_s.append(time.process_time() - start)
        decap.append(_changed_lines(old, saved))
        ours.append(_changed_lines(old, written))
    return {"fiches": len(paths), "decap_changed_lines": median(decap), "decap_changed_max": max(decap),
            "writer_changed_lines": median(ours), "writer_changed_max": max(ours),
            "lines_per_fiche": median([len(p.read_text(encoding="utf-8").splitlines()) for p in paths]),
            "writer_cpu_s": median(ours_s)}


def report(result: dict) -> str:
    lines = [f"Custom parts at N={result['n']} synthetic fiches (medians of {result['runs']} runs)", ""]
    if "build" in result:
        base = result["build"]["all"]
        lines.append("build (mkdocs build --strict)        wall s   CPU s   RSS MiB   CPU vs all")
        for name, r in result["build"].items():
            label = "every part" if name == "all" else f"without {name}"
            lines.append(f"  {label:<35} {r['wall_s']:7.1f} {r['cpu_s']:7.1f} {r['rss_mib']:9.0f}"
                         f"   {r['cpu_s'] / base['cpu_s']:.3f}x")
    if "pagefind" in result:
        pf = result["pagefind"]
        lines += ["", f"pagefind ({pf['indexed_pages']} indexed pages, {pf['skipped_pages']} not indexed)"]
        for name in ("glob", "every page"):
            lines.append(f"  {name:<34} {pf[name]['wall_s']:7.1f} {pf[name]['cpu_s']:7.1f} {pf[name]['rss_mib']:9.0f}")
        lines.append(f"  bundle files differing between two runs: {pf['differing_between_runs']} of "
                     f"{pf['bundle_files']}")
    if "serve" in result:
        lines += ["", "serve: edit one title -> page shows it   wall s   CPU s   first build s   stale pages"]
        for name, r in result["serve"].items():
            lines.append(f"  {name:<37} {r['edit_wall_s']:7.1f} {r['edit_cpu_s']:7.1f} {r['first_build_s']:9.0f}"
                         f"   {' '.join(r.get('stale', [])) or '-'}")
    if "map" in result:
        m = result["map"]
        lines += ["", f"map labels, {m['places']} places ({m['spots']} spots): {m['grid_cpu_s']:.2f} s CPU with "
                  f"the grid, {m['every_box_cpu_s']:.2f} s over every box (one map per language)"]
    if "editor" in result:
        e = result["editor"]
        lines += ["", f"editor: one-title save of {e['fiches']} fiches ({e['lines_per_fiche']:.0f} lines each): "
                  f"diff lines (+/-) after Decap's serialiser {e['decap_changed_lines']:.0f} "
                  f"(max {e['decap_changed_max']}), "
                  f"after the YAML writer {e['writer_changed_lines']:.0f} (max {e['writer_changed_max']}), "
                  f"{e['writer_cpu_s'] * 1000:.0f} ms CPU"]
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description="What each custom part buys, with it and without it.")
    parser.add_argument("--n", type=int, default=500)
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--work", type=Path, required=True, help="folder for fiches, project, sites (reused)")
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--edits", type=int, default=3)
    parser.add_argument("--only", default="build,pagefind,map,serve,editor")
    parser.add_argument("--serve-variants", help="only these serve variants (dirty, full or a part's name)")
    parser.add_argument("--editor-fiches", type=Path, help="fiches for the editor rows (default: the synthetic ones)")
    args = parser.parse_args(argv)
    parts = set(args.only.split(","))

    def say(message: str) -> None:
        print(f"[parts] {time.strftime('%H:%M:%S')} {message}", file=sys.stderr, flush=True)

    work = args.work.resolve()
    fiches, config = prepare(work, args.n, args.seed)
    result: dict = {"n": args.n, "runs": args.runs}
    out = work / "parts.json"
    if "build" in parts or "pagefind" in parts and not (work / "site" / "index.html").is_file():
        result["build"] = measure_builds(work, config, fiches, args.runs if "build" in parts else 1, say)
        out.write_text(json.dumps(result, indent=1), encoding="utf-8")
    if "pagefind" in parts:
        result["pagefind"] = measure_pagefind(work, args.runs, say)
        out.write_text(json.dumps(result, indent=1), encoding="utf-8")
    if "map" in parts:
        result["map"] = measure_map(fiches, args.runs, say)
        out.write_text(json.dumps(result, indent=1), encoding="utf-8")
    if "editor" in parts:
        result["editor"] = measure_editor(args.editor_fiches or fiches, 20, say)
        out.write_text(json.dumps(result, indent=1), encoding="utf-8")
    if "serve" in parts:
        result["serve"] = measure_serve(work, config, fiches, args.edits, say,
                                        set(args.serve_variants.split(",")) if args.serve_variants else None)
        out.write_text(json.dumps(result, indent=1), encoding="utf-8")
    print(report(result))
    return 0


if __name__ == "__main__":
    sys.exit(main())
