"""The web editor's local backend: Decap CMS's proxy API on 127.0.0.1, writing into this repository.

`KB_EDITOR=1 bash scripts/serve.sh` starts it next to `mkdocs serve`; Decap uses it when the editor
runs on localhost (config.yml `local_backend`). Unlike Decap's own decap-server (Node, any interface),
it binds to the loopback address only, answers only localhost origins, writes only under fiches/ and
the media folder, and passes every saved fiche through the house-style normaliser (cms_yaml.py), so
a form saved unchanged leaves the file byte for byte as it was. POST /preview renders the form's
unsaved fiche for the editor's preview pane (cms_preview.py).

    python -m scripts.cms_proxy [--repo DIR] [--port 8081]
"""

from __future__ import annotations

import argparse
import base64
import functools
import hashlib
import http.server
import json
import re
import sys
from pathlib import Path

from scripts import cms_preview, cms_yaml
from scripts.cms_config import FICHES_FOLDER, PREVIEW_PATH
from scripts.languages import LANGS

HOST = "127.0.0.1"
DEFAULT_PORT = 8081
MEDIA_FOLDER = "docs/assets/uploads"
WRITABLE = (FICHES_FOLDER + "/", MEDIA_FOLDER + "/")
LOCAL_ORIGIN = re.compile(r"^https?://(localhost|127\.0\.0\.1|\[::1\])(:\d+)?$")
MAX_BODY = 20 * 1024 * 1024


class Refused(Exception):
    pass


class Repo:
    def __init__(self, root: Path):
        self.root = root.resolve()

    def path(self, relative: str, *, write: bool = False) -> Path:
        target = (self.root / relative).resolve()
        if self.root not in target.parents:
            raise Refused(f"{relative}: outside the repository")
        if write and not any(target.relative_to(self.root).as_posix().startswith(w) for w in WRITABLE):
            raise Refused(f"{relative}: the editor writes only under {', '.join(WRITABLE)}")
        return target

    def entry(self, relative: str, label: str | None = None) -> dict:
        try:
            data = self.path(relative).read_bytes()
        except (OSError, Refused):
            return {"data": None, "file": {"path": relative, "label": label, "id": None}}
        return {"data": data.decode("utf-8"),
                "file": {"path": relative, "label": label, "id": hashlib.sha256(data).hexdigest()}}

    def media(self, relative: str) -> dict:
        data = self.path(relative).read_bytes()
        return {"id": hashlib.sha256(data).hexdigest(), "content": base64.b64encode(data).decode("ascii"),
                "encoding": "base64", "path": relative, "name": Path(relative).name}

    def listing(self, folder: str, extension: str, depth: int) -> list[str]:
        base = self.path(folder)
        if not base.is_dir():
            return []
        found = [p for p in base.rglob("*") if p.is_file() and p.name.endswith(extension)
                 and len(p.relative_to(base).parts) <= depth]
        return sorted(p.relative_to(self.root).as_posix() for p in found)

    def write_entry(self, relative: str, raw: str, refusal=None) -> None:
        """`refusal(path, text)`: the validator's messages when it refuses the text (then nothing is written)."""
        target = self.path(relative, write=True)
        old = target.read_text(encoding="utf-8") if target.exists() else None
        text = cms_yaml.save(old, raw) if relative.endswith((".yml", ".yaml")) else raw
        refused = refusal(relative, text) if refusal else None
        if refused:
            raise Refused(refused)
        if text != old:
            target.parent.mkdir(parents=True, exist_ok=True)
            target.write_text(text, encoding="utf-8")

    def write_media(self, relative: str, content: str) -> None:
        target = self.path(relative, write=True)
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_bytes(base64.b64decode(content))

    def delete(self, relative: str) -> None:
        self.path(relative, write=True).unlink(missing_ok=True)


def handle(repo: Repo, action: str, params: dict, refusal=None):
    """One call of Decap's local backend API (the `fs` mode of decap-server); `refusal` checks a fiche before it
    is written (the validator: the editor never saves what validate.py refuses)."""
    if action == "info":
        return {"repo": repo.root.name, "publish_modes": ["simple"], "type": "local_fs"}
    if action == "entriesByFolder":
        return [repo.entry(p) for p in repo.listing(params["folder"], params["extension"], int(params["depth"]))]
    if action == "entriesByFiles":
        return [repo.entry(f["path"], f.get("label")) for f in params["files"]]
    if action == "getEntry":
        return repo.entry(params["path"])
    if action == "persistEntry":
        for item in params.get("dataFiles") or [params["entry"]]:
            repo.write_entry(item.get("newPath") or item["path"], item["raw"], refusal)
            if item.get("newPath") and item["newPath"] != item["path"]:
                repo.delete(item["path"])
        for asset in params.get("assets", []):
            repo.write_media(asset["path"], asset["content"])
        return {"message": "entry persisted"}
    if action == "getMedia":
        return [repo.media(p) for p in repo.listing(params["mediaFolder"], "", 1)]
    if action == "getMediaFile":
        return repo.media(params["path"])
    if action == "persistMedia":
        repo.write_media(params["asset"]["path"], params["asset"]["content"])
        return repo.media(params["asset"]["path"])
    if action == "deleteFile":
        repo.delete(params["path"])
        return {"message": f"deleted file {params['path']}"}
    if action == "deleteFiles":
        for path in params["paths"]:
            repo.delete(path)
        return {"message": "deleted files"}
    if action == "getDeployPreview":
        return None
    raise Refused(f"unknown action {action!r}")


def reader_language(accept: str) -> str:
    """The first of the site's languages the browser asks for (Accept-Language), else the site's first."""
    for part in accept.split(","):
        code = part.split(";")[0].strip().lower()[:2]
        if code in LANGS:
            return code
    return LANGS[0]


def make_handler(repo: Repo, port: int):
    hosts = {f"127.0.0.1:{port}", f"localhost:{port}"}
    previewer = functools.cache(lambda: cms_preview.Previewer(repo.root / FICHES_FOLDER))

    class Handler(http.server.BaseHTTPRequestHandler):
        def log_message(self, *args) -> None:
            pass

        def _cors(self) -> bool:
            origin = self.headers.get("Origin")
            if origin and not LOCAL_ORIGIN.match(origin):
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
            return self.headers.get("Host") in hosts and (origin is None or bool(LOCAL_ORIGIN.match(origin)))

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
            length = int(self.headers.get("Content-Length") or 0)
            if length > MAX_BODY:
                self._send(413, {"error": "request too large"})
                return
            try:
                body = json.loads(self.rfile.read(length) or b"{}")
                if self.path.rstrip("/") == PREVIEW_PATH:
                    self._send(200, previewer().preview(str(body.get("path") or ""), body["data"]))
                else:
                    lang = reader_language(self.headers.get("Accept-Language") or "")
                    self._send(200, handle(repo, body.get("action", ""), body.get("params") or {},
                                           lambda path, text: previewer().refusal(path, text, lang)))
            except Refused as exc:
                self._send(422, {"error": str(exc)})
            except FileNotFoundError as exc:
                self._send(404, {"error": f"not found: {Path(exc.filename or '').name}"})
            except (KeyError, TypeError, ValueError) as exc:
                self._send(422, {"error": f"bad request: {exc}"})

    return Handler


def serve(repo_dir: Path, port: int = DEFAULT_PORT) -> http.server.ThreadingHTTPServer:
    """A server bound to 127.0.0.1 (call serve_forever on it)."""
    server = http.server.ThreadingHTTPServer((HOST, port), None)
    server.RequestHandlerClass = make_handler(Repo(repo_dir), server.server_address[1])
    return server


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description="Local backend of the web editor, on 127.0.0.1 only.")
    parser.add_argument("--repo", type=Path, default=Path(__file__).resolve().parent.parent)
    parser.add_argument("--port", type=int, default=DEFAULT_PORT)
    args = parser.parse_args(argv)
    server = serve(args.repo, args.port)
    print(f"web editor proxy on http://{HOST}:{server.server_address[1]}/api/v1 for {args.repo}", flush=True)
    try:
        server.serve_forever()
    except KeyboardInterrupt:
        pass
    return 0


if __name__ == "__main__":
    sys.exit(main())
