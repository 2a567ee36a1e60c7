"""Local servers and the browser for the tests and benchmarks, started one way everywhere: a static server of a
built site, `mkdocs serve` as scripts/serve.sh starts it, and Debian's chromium with the project's launch
arguments (DEVELOPERS.md). Nothing here is part of the built site."""

from __future__ import annotations

import contextlib
import functools
import http.server
import os
import socket
import subprocess
import sys
import threading
import urllib.error
import urllib.request
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
HOST = "127.0.0.1"
CHROMIUM = "/usr/bin/chromium"
CHROMIUM_ARGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update",
                 "--disable-sync", "--no-first-run"]


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind((HOST, 0))
        return sock.getsockname()[1]


def launch_chromium(playwright):
    """Debian's chromium, headless (`playwright install` does not work here)."""
    return playwright.chromium.launch(executable_path=CHROMIUM, headless=True, args=CHROMIUM_ARGS)


class QuietHandler(http.server.SimpleHTTPRequestHandler):
    def log_message(self, *args) -> None:
        pass


class QuietServer(http.server.ThreadingHTTPServer):
    daemon_threads = True

    def handle_error(self, request, client_address) -> None:
        """A browser that leaves a page before a file has arrived closes its connection: not the site's error."""
        if not isinstance(sys.exc_info()[1], ConnectionError):
            super().handle_error(request, client_address)


class RootNotFoundHandler(QuietHandler):
    """As GitHub Pages, GitLab Pages and most static hosts: every missing address gets the root 404.html."""

    def send_error(self, code, message=None, explain=None) -> None:
        page = Path(self.directory) / "404.html"
        if code != 404 or not page.is_file():
            super().send_error(code, message, explain)
            return
        body = page.read_bytes()
        self.send_response(404)
        self.send_header("Content-Type", "text/html; charset=utf-8")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        if self.command != "HEAD":
            self.wfile.write(body)


# How soon a server thread notices shutdown(): serve_forever's default (0.5 s) was paid by every test that stops one.
POLL_INTERVAL = 0.02


def in_thread(server):
    """Serve `server` from a daemon thread until its shutdown(); returns it."""
    threading.Thread(target=server.serve_forever, kwargs={"poll_interval": POLL_INTERVAL}, daemon=True).start()
    return server


@contextlib.contextmanager
def serve_static(site: Path, port: int = 0, root_not_found: bool = False):
    """A built site over HTTP on a local port (a free one unless given); yields its base URL. `root_not_found`:
    answer every missing address with the root 404.html, as static hosts do."""
    handler = functools.partial(RootNotFoundHandler if root_not_found else QuietHandler, directory=str(site))
    server = in_thread(QuietServer((HOST, port), handler))
    try:
        yield f"http://{HOST}:{server.server_address[1]}/"
    finally:
        server.shutdown()
        server.server_close()


@contextlib.contextmanager
def mkdocs_serve(config: Path, fiches_dir: Path, log: Path, dirty: bool = True, mkdocs: tuple[str, ...] = ()):
    """`mkdocs serve` of a project from another fiches folder, its output in `log`; yields (base URL, process).
    `dirty`: only changed pages are rebuilt, as scripts/serve.sh serves; else MkDocs' full rebuilds. `mkdocs`: the
    command that starts MkDocs, when not `python -m mkdocs` (the benchmark's launcher with parts switched off)."""
    port = free_port()
    env = dict(os.environ, KB_FICHES_DIR=str(fiches_dir), NO_MKDOCS_2_WARNING="1")
    env.pop("KB_REQUIRE_GIT_HISTORY", None)  # a fixture or benchmark folder has no git history
    env.pop("KB_PREVIEW", None)
    command = [*(mkdocs or (sys.executable, "-m", "mkdocs")), "serve", "--dev-addr", f"{HOST}:{port}",
               "-f", str(config), *(["--dirty"] if dirty else [])]
    with open(log, "wb") as out:
        process = subprocess.Popen(command, cwd=ROOT, env=env, stdout=out, stderr=subprocess.STDOUT)
    try:
        yield f"http://{HOST}:{port}/", process
    finally:
        process.terminate()
        try:
            process.wait(timeout=30)
        except subprocess.TimeoutExpired:
            process.kill()


def fetch(url: str) -> tuple[int, str]:
    """(HTTP status, body) of a GET; status 0 while nothing answers yet."""
    try:
        with urllib.request.urlopen(url, timeout=30) as response:
            return response.status, response.read().decode("utf-8", "replace")
    except urllib.error.HTTPError as exc:
        return exc.code, exc.read().decode("utf-8", "replace")
    except (urllib.error.URLError, ConnectionError, TimeoutError):
        return 0, ""
