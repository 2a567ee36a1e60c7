"""The benchmark's projects: a copy of the site that builds from another fiches folder, the plain Material +
static-i18n floor with the same texts, and one measured `mkdocs build` of either."""

from __future__ import annotations

import json
import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

import yaml

from scripts.bench import synthetic

ROOT = Path(__file__).resolve().parents[2]  # the checkout: its fiches, docs and mkdocs.yml are the baseline

PYTHON = sys.executable
DATA_PAGE_DIRS = ("fiches", "modules")  # hand-written pages filled from data: copied into the benchmark project

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



class BenchError(Exception):
    """A failure that stops the benchmark with a message (invalid fiches, a failed build, a bad argument)."""



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
        (r"(?m)^(\s+pagefind:\s*)(\S+)\s*$", lambda m: m.group(1) + str(ROOT / m.group(2))),
        (r"(?m)^(\s+data:\s*)(\S+)\s*$", lambda m: m.group(1) + str(ROOT / m.group(2))),  # glossary, thesaurus
    ]
    for pattern, replacement in checks:
        text, count = re.subn(pattern, replacement, text)
        if not count:
            raise BenchError(f"mkdocs.yml has no line matching {pattern!r}: update site_config() in "
                             "scripts/bench/projects.py")
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


def build(config: Path, site: Path, log: Path, fiches_dir: Path | None = None, without: tuple[str, ...] = ()) -> dict:
    """`mkdocs build --strict` in a fresh wrapper process; wall time, CPU time and peak RSS of that build.
    `without`: custom parts switched off for this build (scripts/bench/switches.py)."""
    env = dict(os.environ, NO_MKDOCS_2_WARNING="1")
    env.setdefault("SITE_URL", "http://127.0.0.1:8000/")
    env.pop("KB_PREVIEW", None)
    env.pop("KB_FICHES_DIR", None)
    if fiches_dir is not None:
        env["KB_FICHES_DIR"] = str(fiches_dir)
    mkdocs = [PYTHON, "-m", "scripts.bench.switches", ",".join(without), "--"] if without else [PYTHON, "-m", "mkdocs"]
    command = [*mkdocs, "build", "--strict", "-d", str(site), "-f", str(config)]
    result = subprocess.run([PYTHON, "-c", MEASURE, str(log), *command], cwd=ROOT, env=env, capture_output=True,
                            text=True, check=False)
    if result.returncode != 0:
        raise BenchError(f"the measuring wrapper failed:\n{result.stderr[-3000:]}")
    numbers = json.loads(result.stdout.strip().splitlines()[-1])
    if numbers["returncode"] != 0:
        tail = log.read_text(encoding="utf-8", errors="replace")[-4000:]
        raise BenchError(f"mkdocs build of {config} failed (exit {numbers['returncode']}); log {log}:\n{tail}")
    return numbers

