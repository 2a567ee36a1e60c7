"""The parts benchmark switches each custom part off for real (scripts/bench/switches.py): every check below runs
the part's own code before and after its switch, in a child process (a switch replaces code for the whole
process). A part that moved makes the switch stop with an error instead of measuring the site with it still on."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
FIXTURE = ROOT / "tests" / "fixtures" / "valid" / "minimal.yml"

CHECKS = r"""
import json, shutil, subprocess, sys, tempfile, threading, types
from pathlib import Path

from scripts.bench import switches
from scripts.fiche import collection
from scripts.site import hook, incremental, search_index, site_data

tmp = Path(tempfile.mkdtemp())
out = {}


def measured(name, check):
    before = check()
    switches.switch_off([name])
    out[name] = [before, check()]


def memo():
    calls, fiche = [], object()
    memo = site_data.FicheMemo()
    memo.file_keys = {id(fiche): ("f.yml", b"key")}
    for _ in range(2):
        memo.get(fiche, ("facts",), lambda: calls.append(1))
    return len(calls)


def validation_cache():
    folder = tmp / "fiches"
    folder.mkdir(exist_ok=True)
    shutil.copy(sys.argv[1], folder / Path(sys.argv[1]).name)
    loads, real = [], collection.load_one
    collection.load_one = lambda path: loads.append(path) or real(path)
    cache = {}
    for _ in range(2):
        site_data.load_collection([folder], cache=cache)
    collection.load_one = real
    return len(loads)


def pagefind_runs():
    # what build_index gives Pagefind: its configuration file (the glob) if any; no run at all is None
    seen, real = [], subprocess.run
    def fake(command, cwd=None, **kw):
        seen.append((Path(cwd) / "pagefind.json").is_file())
        return subprocess.CompletedProcess(command, 0, "", "")
    search_index.subprocess.run = fake
    site = tmp / "site"
    (site / "a").mkdir(parents=True, exist_ok=True)
    (site / "a" / "index.html").write_text("<html></html>", encoding="utf-8")
    (site / "index.html").write_text("<html></html>", encoding="utf-8")
    search_index.build_index(site, {"a/index.html"})
    search_index.subprocess.run = real
    return seen[0] if seen else None


def background():
    threads, real = [], search_index.build_index
    done = threading.Event()
    search_index.build_index = lambda *a: threads.append(threading.current_thread().name) or done.set()
    hook._Indexer().run(tmp, frozenset())
    done.wait(30)
    search_index.build_index = real
    return threads[0] == threading.current_thread().name


def tracked():
    file = types.SimpleNamespace(src_uri="fiches/x.md", dest_uri="fiches/x/index.html", abs_src_path=None)
    files = types.SimpleNamespace(documentation_pages=lambda: [file])
    site = types.SimpleNamespace(page_kind=lambda src_uri: "fiche", is_generated=lambda src_uri: True)
    incremental.Tracker().mark(files, {incremental.GLOBAL: "g", incremental.BANNER: "b"}, site)
    return hasattr(file, "is_modified")


def free():
    page = types.SimpleNamespace(markdown="m", content="c", meta={}, file=types.SimpleNamespace(src_uri="x.md"))
    session = types.SimpleNamespace(site=types.SimpleNamespace(is_generated=lambda src_uri: True))
    hook.on_post_page(session, "html", page, None)
    return page.content


measured("memo", memo)
measured("validation-cache", validation_cache)
measured("glob", pagefind_runs)
measured("search", pagefind_runs)
measured("background", background)
measured("free", free)
measured("incremental", tracked)
print(json.dumps(out))
"""

# part -> (what its own code does, what it does switched off)
EXPECTED = {
    "memo": (1, 2),  # computed once and kept, or computed on every call
    "validation-cache": (1, 2),  # an unchanged file validated once, or on every load
    "glob": (True, False),  # Pagefind given the glob of indexed pages, or every page
    "search": (False, None),  # Pagefind run, or not at all
    "background": (False, True),  # Pagefind in another thread, or in the caller's before the reload
    "free": (None, "c"),  # a written generated page freed, or kept
    "incremental": (True, False),  # each page told whether it changed, or MkDocs' own guess
}


@pytest.fixture(scope="module")
def switched() -> dict:
    result = subprocess.run([sys.executable, "-c", CHECKS, str(FIXTURE)], cwd=ROOT, capture_output=True, text=True,
                            timeout=120, check=False)
    assert result.returncode == 0, result.stderr[-3000:]
    return json.loads(result.stdout.strip().splitlines()[-1])


def test_every_switch_is_checked():
    from scripts.bench import switches

    assert set(EXPECTED) == set(switches.SWITCHES)


@pytest.mark.parametrize("part", sorted(EXPECTED))
def test_a_switch_turns_its_part_off(switched, part):
    assert switched[part] == list(EXPECTED[part])


def test_an_unknown_or_moved_part_stops_the_launcher():
    result = subprocess.run([sys.executable, "-m", "scripts.bench.switches", "nonsense", "--", "build"], cwd=ROOT,
                            capture_output=True, text=True, timeout=60, check=False)
    assert result.returncode != 0 and "unknown part 'nonsense'" in result.stderr
    moved = ("from scripts.bench import switches\nfrom scripts.site import site_data\n"
             "del site_data.FicheMemo.get\nswitches.switch_off(['memo'])\n")
    result = subprocess.run([sys.executable, "-c", moved], cwd=ROOT, capture_output=True, text=True, timeout=60,
                            check=False)
    assert result.returncode != 0 and "update the switch" in result.stderr
