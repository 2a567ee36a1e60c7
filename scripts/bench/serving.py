"""`mkdocs serve --dirty` on a copy of the fiches: the time from an edit of one fiche to its page showing it."""

from __future__ import annotations

import contextlib
import os
import re
import shutil
import statistics
import sys
import time
from pathlib import Path

from scripts import local_servers
from scripts.bench.projects import BenchError


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


def serve_edit(config: Path, fiches_dir: Path, log: Path, timeout: float = 3600, edits: int = 1,
               dirty: bool = True, without: tuple[str, ...] = (), also: tuple[str, ...] = ()) -> dict:
    """`mkdocs serve --dirty` (as scripts/serve.sh starts it) on a copy of the fiches: after the first build, one
    fiche's Dutch title is edited `edits` times; the time (wall and the server's CPU) until its page serves the
    new title, the median of the edits. `without`: custom parts switched off (scripts/bench/switches.py); `also`:
    other pages that show the title, each checked once the rebuild is over (`stale`: those that did not show it)."""
    folder = fiches_dir.parent / (fiches_dir.name + "-serve")
    shutil.rmtree(folder, ignore_errors=True)
    shutil.copytree(fiches_dir, folder)
    target = sorted(folder.glob("*.yml"))[len(list(folder.glob("*.yml"))) // 2]
    try:
        with _serve(config, folder, log, dirty, without) as (base, server):
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
            walls, cpus, stale = [], [], set()
            for _ in range(edits):
                _settle(server.pid)
                title = f"Bewerkte titel {time.time_ns()}"
                edited = _edit_title(target, title)
                cpu, start = _proc_cpu(server.pid), time.perf_counter()
                target.write_text(edited, encoding="utf-8")
                wait(f"fiches/{target.stem}/", title)
                walls.append(time.perf_counter() - start)
                cpus.append(_proc_cpu(server.pid) - cpu)
                if also:
                    _settle(server.pid)
                    stale |= {path for path in also if title not in local_servers.fetch(base + path)[1]}
            return {"first_build_s": first_s, "edit_wall_s": statistics.median(walls),
                    "edit_cpu_s": statistics.median(cpus), "edit_walls_s": walls, "edit_cpus_s": cpus,
                    "fiche": target.stem, "stale": sorted(stale)}
    finally:
        shutil.rmtree(folder, ignore_errors=True)


def _settle(pid: int) -> None:
    """Let the server settle: Pagefind indexes the last build in the background (its CPU would otherwise be
    counted for the edit); settled = the server and its children used < 0.1 s of CPU in the last second."""
    deadline, last = time.monotonic() + 600, _tree_cpu(pid)
    while time.monotonic() < deadline:
        time.sleep(1)
        now = _tree_cpu(pid)
        if now - last < 0.1:
            return
        last = now


def _edit_title(target: Path, title: str) -> str:
    text = target.read_text(encoding="utf-8")
    edited, count = re.subn(r"(?m)^(title:\s*\n\s+nl:\s*).+$", lambda m: m.group(1) + title, text, count=1)
    if not count:
        edited, count = re.subn(r"(?m)^(title:\s*\{nl:\s*)[^,}]+", lambda m: m.group(1) + title, text, count=1)
    if not count:
        raise BenchError(f"serve bench: no Dutch title found in {target}")
    return edited


@contextlib.contextmanager
def _serve(config: Path, fiches_dir: Path, log: Path, dirty: bool, without: tuple[str, ...]):
    """local_servers.mkdocs_serve, with custom parts switched off when asked (scripts/bench/switches.py)."""
    launcher = (sys.executable, "-m", "scripts.bench.switches", ",".join(without), "--") if without else ()
    with local_servers.mkdocs_serve(config, fiches_dir, log, dirty=dirty, mkdocs=launcher) as served:
        yield served
