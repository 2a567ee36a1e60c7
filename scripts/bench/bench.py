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
import json
import os
import shutil
import statistics
import sys
import tempfile
import time
from dataclasses import asdict
from pathlib import Path

from scripts.bench import synthetic
from scripts.bench.costs import bench_render_and_similarity
from scripts.bench.measure import (
    catalogue_size,
    editor_preview,
    gz,
    largest_pages,
    page,
    page_sizes,
    search_payloads,
    tree_size,
    validate,
)
from scripts.bench.projects import BenchError, build, make_plain_project, make_site_project
from scripts.bench.report import Row, goal_lines, table
from scripts.bench.serving import serve_edit

ROOT = Path(__file__).resolve().parents[2]  # the checkout: its fiches, docs and mkdocs.yml are the baseline

FICHES = ROOT / "fiches"
SMALL_N = 10  # the small site the fiche page sizes are compared with
MARKER = ".kb-bench"
KB = 1000  # sizes in kB (1000 bytes) and MB (10^6 bytes); memory in MiB
GOALS = {"validation_ratio": 2.0, "build_ratio": 1.15, "page_growth": 1.2, "catalogue_kb": 300, "fiche_page_kb": 150}


def fiches_snapshot() -> dict[str, tuple[int, int]]:
    return {p.name: (p.stat().st_size, p.stat().st_mtime_ns) for p in sorted(FICHES.glob("*"))}


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
