"""Relevance of the site search, measured as a reader meets it: `python -m scripts.search_quality SITE`.

Types every judged query of tests/fixtures/search_queries.yml into the search box of a built site in Debian's
chromium, reads the result links in order and prints success@1 (the expected page — and section, when the entry
names one — is the first result), MRR@5 (1/rank of the expected page within the first five, else 0) and the
number of results in the other language. Entries whose fiche the built site lacks are skipped, so the set never
depends on today's fiches beyond its own data. `--check` exits 1 below the goal.
"""

from __future__ import annotations

import argparse
import gzip
import sys
from dataclasses import dataclass, field
from pathlib import Path
from urllib.parse import urlsplit

import yaml

from scripts import local_servers
from scripts.lang import languages
from scripts.site import urls

ROOT = Path(__file__).resolve().parent.parent
QUERIES = ROOT / "tests" / "fixtures" / "search_queries.yml"
GZIP_MAGIC = b"\x1f\x8b"
GOAL = {"success_at_1": 0.95, "mrr_at_5": 0.97, "other_language": 0}
KINDS = {"place", "place-other-language", "organisation", "project", "method", "partner", "target-group",
         "phrase", "accents", "synonym", "term-other-language", "plural"}


class QueryFileError(ValueError):
    pass


@dataclass(frozen=True)
class Query:
    lang: str
    query: str
    fiche: str
    section: str | None = None
    kind: str = ""

    def expected(self) -> str:
        """Site-relative path (+ #section) the first result must link to."""
        prefix = urls.lang_prefix(self.lang)
        return f"{prefix}fiches/{self.fiche}/" + (f"#{self.section}" if self.section else "")


@dataclass
class Outcome:
    query: Query
    results: list[str]  # site-relative path#fragment of each result, in order
    other_language: int

    @property
    def rank(self) -> int | None:
        """1-based rank of the first result that is the expected page (and section, if judged)."""
        want_path, _, want_section = self.query.expected().partition("#")
        for rank, url in enumerate(self.results, start=1):
            path, _, section = url.partition("#")
            if path == want_path and (not want_section or section == want_section):
                return rank
        return None


@dataclass
class Report:
    outcomes: list[Outcome] = field(default_factory=list)
    skipped: list[Query] = field(default_factory=list)

    @property
    def success_at_1(self) -> float:
        return sum(o.rank == 1 for o in self.outcomes) / len(self.outcomes) if self.outcomes else 0.0

    @property
    def mrr_at_5(self) -> float:
        scores = [1 / o.rank if o.rank and o.rank <= 5 else 0.0 for o in self.outcomes]
        return sum(scores) / len(scores) if scores else 0.0

    @property
    def other_language(self) -> int:
        return sum(o.other_language for o in self.outcomes)

    def meets_goal(self) -> bool:
        return bool(self.outcomes) and self.success_at_1 >= GOAL["success_at_1"] \
            and self.mrr_at_5 >= GOAL["mrr_at_5"] and self.other_language <= GOAL["other_language"]


def load_queries(path: Path = QUERIES) -> list[Query]:
    """The judged queries, checked so that a typo in the data file names its entry."""
    data = yaml.safe_load(path.read_text(encoding="utf-8")) or {}
    entries = data.get("queries")
    if not isinstance(entries, list) or not entries:
        raise QueryFileError(f"{path}: 'queries' must be a non-empty list")
    queries = []
    for number, entry in enumerate(entries, start=1):
        where = f"{path}: query {number}"
        if not isinstance(entry, dict):
            raise QueryFileError(f"{where}: expected a mapping")
        unknown = set(entry) - {"lang", "query", "fiche", "section", "kind"}
        if unknown:
            raise QueryFileError(f"{where}: unknown key(s) {', '.join(sorted(unknown))}")
        if entry.get("lang") not in languages.codes():
            raise QueryFileError(f"{where}: lang must be one of {', '.join(languages.codes())}")
        for key in ("query", "fiche"):
            if not isinstance(entry.get(key), str) or not entry[key].strip():
                raise QueryFileError(f"{where}: '{key}' must be a non-empty string")
        if entry.get("kind") not in KINDS:
            raise QueryFileError(f"{where}: kind must be one of {', '.join(sorted(KINDS))}")
        queries.append(Query(entry["lang"], entry["query"], entry["fiche"], entry.get("section"), entry["kind"]))
    return queries


def present(site: Path, query: Query) -> bool:
    """The built site has the fiche page (and heading) the entry expects."""
    path, _, section = query.expected().partition("#")
    page = site / path / "index.html"
    if not page.is_file():
        return False
    return not section or f'id="{section}"' in page.read_text(encoding="utf-8")


# The search box marks the query it has finished rendering (data-kb-done, no data-kb-busy); results are its
# [data-kb-result] links (older UIs: every result link), in order.
READ_RESULTS = """(query) => {
  const box = document.querySelector('[data-kb-search]');
  const done = box && 'kbDone' in box.dataset ? box.dataset.kbDone === query && !('kbBusy' in box.dataset) : null;
  const links = [...document.querySelectorAll('[data-kb-result]')];
  const all = links.length ? links : [...document.querySelectorAll('.md-search-result__link')];
  return {done, hrefs: all.map(a => a.href)};
}"""


def run_query(page, base_url: str, query: Query) -> Outcome:
    """Type the query as a reader does and read the results the box shows."""
    search = page.locator(".md-search__input")
    search.click()
    search.fill("")
    search.fill(query.query)
    try:  # the box marks the query it has finished answering (data-kb-done)
        page.wait_for_function(f"(q) => ({READ_RESULTS})(q).done === true", arg=query.query, timeout=10000)
    except Exception:  # noqa: BLE001 - a box that never settles counts as no results
        pass
    state = page.evaluate(READ_RESULTS, query.query)
    results = []
    other = 0
    for href in state["hrefs"]:
        parts = urlsplit(href)
        relative = parts.path[len(urlsplit(base_url).path):] + (f"#{parts.fragment}" if parts.fragment else "")
        results.append(relative)
        in_fr = relative.startswith("fr/")
        if in_fr != (query.lang == "fr"):
            other += 1
    return Outcome(query, results, other)


def evaluate(browser, base_url: str, site: Path, queries: list[Query]) -> Report:
    report = Report()
    context = browser.new_context(viewport={"width": 1280, "height": 900})
    try:
        for lang in languages.codes():
            page = context.new_page()
            page.goto(base_url + urls.lang_prefix(lang))
            for query in (q for q in queries if q.lang == lang):
                if not present(site, query):
                    report.skipped.append(query)
                    continue
                report.outcomes.append(run_query(page, base_url, query))
            page.close()
    finally:
        context.close()
    return report


PAYLOAD_QUERY = {"nl": "taal", "fr": "langue"}  # a typical one-word query per language


def measure_payload(browser, base_url: str, lang: str, query: str) -> list[tuple[str, int, int]]:
    """(url, raw bytes, gzip bytes) of every file the search box fetches to open and answer one query, in the
    browser: Pagefind's code, wasm, metadata, index and filter chunks and result fragments, and the box's own
    data file. The page, its CSS and scripts (loaded before the reader opens search) are not counted."""
    context = browser.new_context(viewport={"width": 1280, "height": 900})
    page = context.new_page()
    page.goto(base_url + urls.lang_prefix(lang))
    fetched: list = []
    pending: set = set()
    page.on("request", lambda request: pending.add(request))
    page.on("requestfinished", lambda request: pending.discard(request))
    page.on("requestfailed", lambda request: pending.discard(request))
    page.on("response", lambda response: fetched.append(response))
    run_query(page, base_url, Query(lang, query, "-", None, "method"))
    while pending:  # what the answer started is counted whole: wait for each request still under way
        page.wait_for_event("requestfinished", timeout=10000)
    files = []
    for response in fetched:
        if response.request.method == "GET" and response.ok:
            body = response.body()
            files.append((response.url[len(base_url):], len(body), wire_size(body)))
    context.close()
    return files


def wire_size(body: bytes) -> int:
    """Bytes a compressing web server sends: Pagefind's own files are gzip already (sent as they are), the
    rest at gzip level 9."""
    return len(body) if body[:2] == GZIP_MAGIC else len(gzip.compress(body, 9, mtime=0))


def print_payload(lang: str, query: str, files: list[tuple[str, int, int]], out=sys.stdout) -> None:
    raw = sum(f[1] for f in files)
    wire = sum(f[2] for f in files)
    print(f"payload {lang} {query!r}: {len(files)} files, {raw / 1000:.1f} kB raw, {wire / 1000:.1f} kB gzip", file=out)
    for url, _raw, packed in sorted(files, key=lambda f: -f[2])[:8]:
        print(f"   {packed / 1000:7.1f} kB gzip  {url}", file=out)


def print_report(report: Report, out=sys.stdout) -> None:
    for o in report.outcomes:
        mark = "ok " if o.rank == 1 else ("~  " if o.rank and o.rank <= 5 else "NO ")
        first = o.results[0] if o.results else "(no result)"
        rank = o.rank if o.rank else "-"
        print(f"{mark} {o.query.lang} {o.query.query!r:42} rank {rank!s:>2}  first: {first}"
              + ("" if o.rank == 1 else f"  want: {o.query.expected()}"), file=out)
    for q in report.skipped:
        print(f"skip {q.lang} {q.query!r}: no {q.expected()} in this site", file=out)
    kinds: dict[str, list[Outcome]] = {}
    for o in report.outcomes:
        kinds.setdefault(o.query.kind, []).append(o)
    print("\nby kind: " + ", ".join(f"{kind} {sum(o.rank == 1 for o in items)}/{len(items)}"
                                    for kind, items in sorted(kinds.items())), file=out)
    for lang in languages.codes():
        part = Report([o for o in report.outcomes if o.query.lang == lang])
        print(f"{lang}: {len(part.outcomes)} queries, success@1 {part.success_at_1:.1%}, MRR@5 {part.mrr_at_5:.3f}",
              file=out)
    print(f"\nqueries judged        {len(report.outcomes)} (skipped {len(report.skipped)})", file=out)
    print(f"success@1             {report.success_at_1:.1%}   (goal >= {GOAL['success_at_1']:.0%})", file=out)
    print(f"MRR@5                 {report.mrr_at_5:.3f}   (goal >= {GOAL['mrr_at_5']})", file=out)
    print(f"other-language results {report.other_language}     (goal {GOAL['other_language']})", file=out)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("site", type=Path, help="a built site (mkdocs build -d SITE)")
    parser.add_argument("--queries", type=Path, default=QUERIES)
    parser.add_argument("--check", action="store_true", help="exit 1 when the goal is not met")
    parser.add_argument("--payload", action="store_true",
                        help=f"also measure the bytes one query fetches per language ({PAYLOAD_QUERY})")
    parser.add_argument("--payload-only", action="store_true", help="measure the payload, skip the judged set")
    args = parser.parse_args(argv)
    if not (args.site / "pagefind").is_dir():
        parser.error(f"{args.site}: no pagefind/ folder; build the site first")
    from playwright.sync_api import sync_playwright

    queries = load_queries(args.queries)
    report = None
    with local_servers.serve_static(args.site) as base_url, sync_playwright() as playwright:
        browser = local_servers.launch_chromium(playwright)
        try:
            if not args.payload_only:
                report = evaluate(browser, base_url, args.site, queries)
                print_report(report)
            if args.payload or args.payload_only:
                print()
                for lang in languages.codes():
                    print_payload(lang, PAYLOAD_QUERY[lang],
                                  measure_payload(browser, base_url, lang, PAYLOAD_QUERY[lang]))
        finally:
            browser.close()
    return 1 if args.check and report is not None and not report.meets_goal() else 0


if __name__ == "__main__":
    sys.exit(main())
