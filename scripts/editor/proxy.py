"""The web editor's local backend: Decap CMS's proxy API on 127.0.0.1, writing into this repository.

`KB_EDITOR=1 bash scripts/serve.sh` starts it next to `mkdocs serve`; Decap uses it when the editor
runs on localhost (config.yml `local_backend`). POST /preview renders the form's unsaved fiche for the
editor's preview pane (preview.py).

Why not Decap's own server (decap-server 3.11.3, run here on a scratch repository, 5 Dec 2026): it listens on
every interface unless BIND_HOST is set; it checks no Host header (a DNS name rebound to 127.0.0.1 is served);
its CORS answers any http(s)://localhost or 127.0.0.1 port unless ORIGIN is set; it reads and writes any path
under the repository (getEntry returned .git/config, persistMedia wrote docs/x.html, persistEntry wrote
mkdocs.yml); it writes what the browser sends as it is (a text that does not parse was written; a fiche file that
does not parse was replaced by a one-line form); and it runs no validator. Issue 23's guarantees are each one of
those. So this small server keeps them and does nothing else: it binds to the loopback address only, answers only
the editor's own origin (the address `mkdocs serve` serves, `--origin`) on a loopback Host, reads and writes only
fiche files (fiches/<id>.yml) and images in the media folder checked by their first bytes, refuses a fiche the
validator refuses, and saves through the house-style writer (yaml_writer.py): a file that does not parse is never
replaced, a save is read back and must hold what was sent, and a form saved unchanged leaves the file byte for byte.

    python -m scripts.editor.proxy [--repo DIR] [--port 8081] [--origin http://127.0.0.1:8000]
"""

from __future__ import annotations

import argparse
import base64
import binascii
import functools
import hashlib
import http.server
import json
import os
import re
import sys
from pathlib import Path

import yaml

from scripts import project as kb_project
from scripts.editor import preview as cms_preview
from scripts.editor import yaml_writer as cms_yaml
from scripts.editor.config import FICHES_FOLDER, PREVIEW_PATH
from scripts.lang import languages

HOST = "127.0.0.1"
DEFAULT_PORT = 8081
DEFAULT_EDITOR_ADDRESS = "127.0.0.1:8000"  # where scripts/serve.sh serves the site and its /admin/ (KB_ADDR)
MEDIA_FOLDER = "docs/assets/uploads"
FICHE_SUFFIX = ".yml"
# The images the editor may upload, each recognised by its first bytes: no SVG (it can hold script), no HTML.
IMAGE_SIGNATURES = {".png": (b"\x89PNG\r\n\x1a\n",), ".jpg": (b"\xff\xd8\xff",), ".jpeg": (b"\xff\xd8\xff",),
                    ".gif": (b"GIF87a", b"GIF89a"), ".webp": (b"RIFF",)}
MAX_BODY = 20 * 1024 * 1024
CONTENT_LENGTH = re.compile(r"[0-9]{1,12}")


def editor_origins(address: str) -> frozenset[str]:
    """The origins of the editor served at `address` (host:port): a loopback address in both spellings."""
    host, _, port = address.rpartition(":")
    hosts = {"127.0.0.1", "localhost"} if host in ("127.0.0.1", "localhost") else {host}
    return frozenset(f"http://{name}:{port}" for name in hosts)


class Refused(Exception):
    pass


class Repo:
    """What the editor may touch: fiche files directly in fiches/, images directly in the media folder."""

    def __init__(self, root: Path):
        self.root = root.resolve()

    def _inside(self, relative: str) -> Path:
        target = (self.root / relative).resolve()
        if self.root not in target.parents:
            raise Refused(f"{relative}: outside the repository")
        return target

    def fiche_path(self, relative: str) -> Path:
        target = self._inside(relative)
        if target.parent != self.root / FICHES_FOLDER or target.suffix != FICHE_SUFFIX or target.name[0] == ".":
            raise Refused(f"{relative}: the editor reads and writes only fiche files ({FICHES_FOLDER}/<id>.yml)")
        return target

    def media_path(self, relative: str) -> Path:
        target = self._inside(relative)
        if target.parent != self.root / MEDIA_FOLDER or target.suffix.lower() not in IMAGE_SIGNATURES \
                or target.name[0] == ".":
            raise Refused(f"{relative}: the editor reads and writes only images "
                          f"({', '.join(IMAGE_SIGNATURES)}) in {MEDIA_FOLDER}/")
        return target

    def folder(self, relative: str) -> Path:
        target = self._inside(relative + "/x").parent
        if target not in (self.root / FICHES_FOLDER, self.root / MEDIA_FOLDER):
            raise Refused(f"{relative}: the editor lists only {FICHES_FOLDER}/ and {MEDIA_FOLDER}/")
        return target

    def entry(self, relative: str, label: str | None = None) -> dict:
        try:
            data = self.fiche_path(relative).read_bytes()
            text = data.decode("utf-8")
        except (OSError, Refused, UnicodeDecodeError):
            return {"data": None, "file": {"path": relative, "label": label, "id": None}}
        return {"data": text, "file": {"path": relative, "label": label, "id": hashlib.sha256(data).hexdigest()}}

    def media(self, relative: str) -> dict:
        data = self.media_path(relative).read_bytes()
        return {"id": hashlib.sha256(data).hexdigest(), "content": base64.b64encode(data).decode("ascii"),
                "encoding": "base64", "path": relative, "name": Path(relative).name}

    def listing(self, folder: str, extension: str, depth: int) -> list[str]:
        base = self.folder(folder)
        if not base.is_dir():
            return []
        found = [p for p in base.iterdir() if p.is_file() and not p.is_symlink() and p.name.endswith(extension)]
        return sorted(p.relative_to(self.root).as_posix() for p in found)

    def write_entry(self, relative: str, raw: str, refusal=None) -> None:
        """`refusal(path, text)`: the validator's messages when it refuses the text (then nothing is written)."""
        target = self.fiche_path(relative)
        old = target.read_text(encoding="utf-8") if target.exists() else None
        text = cms_yaml.save(old, raw)
        refused = refusal(relative, text) if refusal else None
        if refused:
            raise Refused(refused)
        if text != old:
            target.parent.mkdir(parents=True, exist_ok=True)
            target.write_text(text, encoding="utf-8")

    def write_media(self, relative: str, content: str) -> None:
        target = self.media_path(relative)
        try:
            data = base64.b64decode(content, validate=True)
        except (binascii.Error, ValueError):
            raise Refused(f"{relative}: the upload is not base64") from None
        suffix = target.suffix.lower()
        if not data.startswith(IMAGE_SIGNATURES[suffix]) or (suffix == ".webp" and data[8:12] != b"WEBP"):
            raise Refused(f"{relative}: the file is not a {suffix[1:]} image")
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_bytes(data)

    def delete(self, relative: str) -> None:
        try:
            target = self.fiche_path(relative)
        except Refused:
            target = self.media_path(relative)
        target.unlink(missing_ok=True)


def _persist_entry(repo: Repo, params: dict, refusal) -> dict:
    for item in params.get("dataFiles") or [params["entry"]]:
        repo.write_entry(item.get("newPath") or item["path"], item["raw"], refusal)
        if item.get("newPath") and item["newPath"] != item["path"]:
            repo.delete(item["path"])
    for asset in params.get("assets", []):
        repo.write_media(asset["path"], asset["content"])
    return {"message": "entry persisted"}


def _persist_media(repo: Repo, params: dict, refusal) -> dict:
    repo.write_media(params["asset"]["path"], params["asset"]["content"])
    return repo.media(params["asset"]["path"])


def _delete_files(repo: Repo, paths: list[str], message: str) -> dict:
    for path in paths:
        repo.delete(path)
    return {"message": message}


# Decap's local backend API (the `fs` mode of decap-server), action by action.
ACTIONS = {
    "info": lambda repo, params, refusal: {"repo": repo.root.name, "publish_modes": ["simple"], "type": "local_fs"},
    "entriesByFolder": lambda repo, params, refusal: [
        repo.entry(p) for p in repo.listing(params["folder"], params["extension"], int(params["depth"]))],
    "entriesByFiles": lambda repo, params, refusal: [repo.entry(f["path"], f.get("label")) for f in params["files"]],
    "getEntry": lambda repo, params, refusal: repo.entry(params["path"]),
    "persistEntry": _persist_entry,
    "getMedia": lambda repo, params, refusal: [repo.media(p) for p in repo.listing(params["mediaFolder"], "", 1)
                                               if Path(p).suffix.lower() in IMAGE_SIGNATURES],
    "getMediaFile": lambda repo, params, refusal: repo.media(params["path"]),
    "persistMedia": _persist_media,
    "deleteFile": lambda repo, params, refusal: _delete_files(repo, [params["path"]],
                                                              f"deleted file {params['path']}"),
    "deleteFiles": lambda repo, params, refusal: _delete_files(repo, params["paths"], "deleted files"),
    "getDeployPreview": lambda repo, params, refusal: None,
}


def handle(repo: Repo, action: str, params: dict, refusal=None):
    """One call of Decap's local backend API; `refusal` checks a fiche before it is written (the validator: the
    editor never saves what validate.py refuses)."""
    if action not in ACTIONS:
        raise Refused(f"unknown action {action!r}")
    return ACTIONS[action](repo, params, refusal)


def reader_language(accept: str) -> str:
    """The first of the site's languages the browser asks for (Accept-Language), else the site's first."""
    for part in accept.split(","):
        code = part.split(";")[0].strip().lower()[:2]
        if code in languages.codes():
            return code
    return languages.codes()[0]


def make_handler(repo: Repo, port: int, origins: frozenset[str]):
    hosts = {f"127.0.0.1:{port}", f"localhost:{port}"}
    # the site the repository builds (its mkdocs.yml: pages, templates, languages), not the working folder's
    config = repo.root / "mkdocs.yml"
    previewer = functools.cache(lambda: cms_preview.Previewer(
        repo.root / FICHES_FOLDER, kb_project.load(config) if config.is_file() else None))

    class Handler(http.server.BaseHTTPRequestHandler):
        def log_message(self, *args) -> None:
            pass

        def _cors(self) -> bool:
            origin = self.headers.get("Origin")
            if origin and origin not in origins:
                return False
            if origin:
                self.send_header("Access-Control-Allow-Origin", origin)
            self.send_header("Vary", "Origin")
            return True

        def _send(self, status: int, payload) -> None:
            body = json.dumps(payload).encode("utf-8")
            self.send_response(status)
            self._cors()
            self.send_header("Content-Type", "application/json")
            self.send_header("Content-Length", str(len(body)))
            self.end_headers()
            self.wfile.write(body)

        def _allowed(self) -> bool:
            # A page on another site, or a DNS name rebound to 127.0.0.1, gets nothing.
            origin = self.headers.get("Origin")
            return self.headers.get("Host") in hosts and (origin is None or origin in origins)

        def do_OPTIONS(self) -> None:
            if not self._allowed():
                self.send_response(403)
                self.end_headers()
                return
            self.send_response(204)
            self._cors()
            self.send_header("Access-Control-Allow-Methods", "POST, OPTIONS")
            self.send_header("Access-Control-Allow-Headers", "Content-Type")
            self.end_headers()

        def do_POST(self) -> None:
            if not self._allowed():
                self._send(403, {"error": "only the editor on this machine may use this proxy"})
                return
            if self.path.rstrip("/") not in ("/api/v1", PREVIEW_PATH):
                self._send(404, {"error": "not found"})
                return
            declared = (self.headers.get("Content-Length") or "0").strip()
            if not CONTENT_LENGTH.fullmatch(declared):  # "-1" would read until the client stops sending
                self.close_connection = True
                self._send(400, {"error": "a request states its length (Content-Length: a number of bytes)"})
                return
            length = int(declared)
            if length > MAX_BODY:
                self.close_connection = True
                self._send(413, {"error": "request too large"})
                return
            try:
                body = json.loads(self.rfile.read(length) or b"{}")
                if not isinstance(body, dict):
                    raise TypeError("the request is a JSON object")
                if self.path.rstrip("/") == PREVIEW_PATH:
                    self._send(200, previewer().preview(str(body.get("path") or ""), body["data"]))
                else:
                    lang = reader_language(self.headers.get("Accept-Language") or "")
                    self._send(200, handle(repo, body.get("action", ""), body.get("params") or {},
                                           lambda path, text: previewer().refusal(path, text, lang)))
            except cms_yaml.SaveRefused as exc:  # nothing written: the reason in the site's languages
                self._send(422, {"error": exc.messages(), "code": exc.code})
            except Refused as exc:
                self._send(422, {"error": str(exc)})
            except FileNotFoundError as exc:
                self._send(404, {"error": f"not found: {Path(exc.filename or '').name}"})
            except (KeyError, TypeError, ValueError, AttributeError, yaml.YAMLError) as exc:
                self._send(422, {"error": f"bad request: {type(exc).__name__}"})
            except RecursionError:
                self._send(422, {"error": "bad request: nested too deep"})

    return Handler


def serve(repo_dir: Path, port: int = DEFAULT_PORT,
          origins: frozenset[str] | None = None) -> http.server.ThreadingHTTPServer:
    """A server bound to 127.0.0.1 (call serve_forever on it), answering only `origins` (default: the editor
    as scripts/serve.sh serves it, KB_ADDR or 127.0.0.1:8000)."""
    if origins is None:
        origins = editor_origins(os.environ.get("KB_ADDR") or DEFAULT_EDITOR_ADDRESS)
    server = http.server.ThreadingHTTPServer((HOST, port), None)
    server.RequestHandlerClass = make_handler(Repo(repo_dir), server.server_address[1], frozenset(origins))
    return server


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description="Local backend of the web editor, on 127.0.0.1 only.")
    parser.add_argument("--repo", type=Path, default=Path(__file__).resolve().parents[2])
    parser.add_argument("--port", type=int, default=DEFAULT_PORT)
    parser.add_argument("--origin", action="append", default=None,
                        help="origin of the editor's page (default: http://$KB_ADDR, else http://127.0.0.1:8000)")
    args = parser.parse_args(argv)
    config = args.repo / "mkdocs.yml"
    kb_project.load(config if config.is_file() else None)  # the languages the editor's messages are in
    server = serve(args.repo, args.port, frozenset(args.origin) if args.origin else None)
    print(f"web editor proxy on http://{HOST}:{server.server_address[1]}/api/v1 for {args.repo}", flush=True)
    try:
        server.serve_forever()
    except KeyboardInterrupt:
        pass
    return 0


if __name__ == "__main__":
    sys.exit(main())
