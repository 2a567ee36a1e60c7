"""The web editor's local backend never loses a fiche and gives nothing away (issue 23).

Every test talks to the real proxy (scripts/editor/proxy.py) over HTTP on a temporary repository, as Decap does:
- a save writes a file that reads back as exactly what was saved (a first line starting with spaces pasted from a
  PDF, U+2028, U+0085, tabs), and a file it cannot read is never replaced by the form: the save is refused with a
  message in Dutch and French, and the file keeps its bytes;
- an alias bomb, deep nesting or a negative Content-Length is refused at once;
- CORS answers only the editor's own origin; only fiche files and images in the media folder are read or
  written (no `.git/config`, no `x.html`, no Markdown page with a script).
"""

from __future__ import annotations

import base64
import json
import shutil
import socket
import time
import urllib.error
import urllib.request
from pathlib import Path

import pytest
from conftest import ROOT

from scripts import local_servers
from scripts.editor import config as cms_config
from scripts.editor import proxy as cms_proxy
from scripts.editor import yaml_writer as cms_yaml
from scripts.editor.config import SCHEMA as s
from scripts.fiche.collection import load_collection
from scripts.lang import languages, ui_text
from scripts.lang.languages import LANGS

VALID = ROOT / "tests" / "fixtures" / "valid"
EDITOR_ORIGIN = "http://127.0.0.1:8000"  # the default: the editor as scripts/serve.sh serves it
SECRET = "ghp_not_a_real_token_but_secret"
PNG = b"\x89PNG\r\n\x1a\n" + b"\x00" * 32
FAST_S = 10  # generous: each of these answers in well under a second


@pytest.fixture
def proxy(tmp_path, monkeypatch):
    monkeypatch.delenv("KB_ADDR", raising=False)
    repo = tmp_path / "repo"
    shutil.copytree(VALID, repo / "fiches")
    (repo / ".git").mkdir()
    (repo / ".git" / "config").write_text(f"[remote]\n\turl = https://x:{SECRET}@example.org/r.git\n",
                                          encoding="utf-8")
    (repo / "docs" / "assets" / "uploads").mkdir(parents=True)
    (repo / "scripts").mkdir()
    (repo / "scripts" / "build.py").write_text(f"TOKEN = '{SECRET}'\n", encoding="utf-8")
    server = cms_proxy.serve(repo, 0)
    local_servers.in_thread(server)
    yield repo, server.server_address
    server.shutdown()
    server.server_close()


def post(address, path: str, payload, headers=None, timeout: float = 30) -> tuple[int, object, dict]:
    request = urllib.request.Request(f"http://{address[0]}:{address[1]}{path}", data=json.dumps(payload).encode(),
                                     method="POST", headers={"Content-Type": "application/json", **(headers or {})})
    try:
        with urllib.request.urlopen(request, timeout=timeout) as response:
            return response.status, json.loads(response.read()), dict(response.headers)
    except urllib.error.HTTPError as exc:
        return exc.code, json.loads(exc.read() or b"null"), dict(exc.headers)


def call(address, action: str, params: dict, headers=None, timeout: float = 30) -> tuple[int, object]:
    status, body, _ = post(address, "/api/v1", {"action": action, "params": params}, headers, timeout)
    return status, body


def persist(address, path: str, raw: str, timeout: float = 30) -> tuple[int, object]:
    return call(address, "persistEntry", {"entry": {"slug": Path(path).stem, "path": path, "raw": raw},
                                          "assets": [], "options": {}}, timeout=timeout)


def minimal() -> dict:
    return cms_yaml.load((VALID / "minimal.yml").read_text(encoding="utf-8"))


# Texts the old writer wrote unreadable or changed (issue 23), each as the form holds it.
TEXTS = {
    "first line indented": "   Ingesprongen eerste regel, uit een pdf.\nTweede regel.\n\nDerde alinea.",
    "only the first line": "  Een regel met spaties ervoor.",
    "blank then indented": "\n\n    Na lege regels ingesprongen.\nVolgende.",
    "line separator": "Eerste\u2028tweede regel.\nDerde.",
    "next line": "Voor\x85na, op een lange regel die zeker breder is dan de breedte van de schrijver van de editor "
                 "in het huisformaat.",
    "tabs": "Kolom\tkolom\n\tingesprongen met een tab\nEinde.",
    "long with tab": "Een lange tekst met een\ttab erin die breder is dan honderdtien tekens zodat de schrijver hem "
                     "zou willen plooien.",
    "paragraph separator": "A\u2029B",
}
# The validator refuses a control character in a text (with its message); the save is refused, nothing is lost.
REFUSED = {"next line": "U+0085"}


@pytest.mark.parametrize("name", sorted(TEXTS))
@pytest.mark.parametrize("existing", [False, True], ids=["new", "edit"])
def test_a_save_reads_back_as_exactly_what_was_saved(proxy, name, existing):
    repo, address = proxy
    data = minimal()
    path = "fiches/minimal.yml" if existing else "fiches/nieuw.yml"
    if not existing:
        data["id"] = "nieuw"
    data["summary"] = {"nl": TEXTS[name], "fr": "Un résumé."}
    data["title"]["fr"] = (TEXTS[name].splitlines() or [""])[0].strip() or "Titre"  # one line, as the validator wants
    before = (repo / path).read_bytes() if existing else None
    status, body = persist(address, path, json.dumps(data))  # JSON escapes them, as Decap's YAML does
    if name in REFUSED:
        assert status == 422 and REFUSED[name] in body["error"], body
        assert ((repo / path).read_bytes() if existing else (repo / path).exists()) == (before if existing else False)
        return
    assert status == 200, body
    text = (repo / path).read_text(encoding="utf-8")
    assert cms_yaml.clean(cms_yaml.load(text), s.FICHE) == cms_yaml.clean(data, s.FICHE)
    fiche = load_collection([repo / path]).fiches  # the validator reads the same text (or names the problem)
    if fiche:
        assert fiche[0].data["summary"]["nl"] == cms_yaml.clean(data, s.FICHE)["summary"]["nl"]
        assert status == 200 and persist(address, path, json.dumps(data))[0] == 200  # a second save: no change
        assert (repo / path).read_text(encoding="utf-8") == text


def test_a_file_that_does_not_parse_is_never_replaced_by_the_form(proxy):
    """The issue's data loss: the editor showed an unreadable fiche as empty, and the next save dumped that
    nearly empty form over the 51 kB file."""
    repo, address = proxy
    target = repo / "fiches" / "ocmw-antwerpen-amie.yml"
    broken = target.read_text(encoding="utf-8").replace("summary:", "summary: |-\n     ingesprongen\n   x\n  oud:", 1)
    target.write_text(broken, encoding="utf-8")
    before = target.read_bytes()
    status, entry = call(address, "getEntry", {"path": "fiches/ocmw-antwerpen-amie.yml"})
    assert status == 200 and entry["data"] == broken  # the editor gets the text as it is
    form = {"id": "ocmw-antwerpen-amie", "title": {"nl": "Alleen wat het formulier toonde"}}
    status, body = persist(address, "fiches/ocmw-antwerpen-amie.yml", json.dumps(form))
    assert status == 422 and body["code"] == "file_unreadable", body
    assert all(ui_text.t("editor_refused_file_unreadable", lang).split(":")[0] in body["error"] for lang in LANGS)
    assert target.read_bytes() == before


def test_a_file_that_is_not_a_mapping_is_never_replaced_either(proxy):
    repo, address = proxy
    target = repo / "fiches" / "minimal.yml"
    target.write_text("- een lijst\n- geen fiche\n", encoding="utf-8")
    status, body = persist(address, "fiches/minimal.yml", json.dumps(minimal()))
    assert status == 422 and body["code"] == "file_unreadable"
    assert target.read_text(encoding="utf-8") == "- een lijst\n- geen fiche\n"


def _bomb(levels: int) -> str:
    lines = ['a0: &a0 ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]']
    for level in range(1, levels):
        lines.append(f"a{level}: &a{level} [" + ",".join([f"*a{level - 1}"] * 9) + "]")
    return "\n".join(lines) + "\n"


def test_an_alias_bomb_through_the_save_path_is_refused_at_once(proxy):
    repo, address = proxy
    raw = _bomb(7)  # 9^7 strings once expanded, from a few hundred bytes
    assert len(raw) < 500
    start = time.perf_counter()
    try:
        status, body = persist(address, "fiches/bom.yml", raw, timeout=FAST_S * 3)
    except TimeoutError:
        pytest.fail("the proxy was still expanding the aliases")
    assert time.perf_counter() - start < FAST_S
    assert status == 422 and body["code"] == "alias" and "aliassen" in body["error"] and "alias" in body["error"]
    assert not (repo / "fiches" / "bom.yml").exists()
    (repo / "fiches" / "minimal.yml").write_text(_bomb(7), encoding="utf-8")  # a saved file holding one
    start = time.perf_counter()
    status, body = persist(address, "fiches/minimal.yml", json.dumps(minimal()), timeout=FAST_S * 3)
    assert time.perf_counter() - start < FAST_S and status == 422 and body["code"] == "alias"


@pytest.mark.parametrize("raw", ["[" * 50_000 + "]" * 50_000, "a: " + "{b: " * 20_000 + "c" + "}" * 20_000,
                                 "!!python/object:os.system {}", "- 1\n- 2\n", "id: x\n  bad: [\n"])
def test_a_form_that_is_no_fiche_is_refused_with_a_message(proxy, raw):
    repo, address = proxy
    before = sorted(p.name for p in (repo / "fiches").iterdir())
    status, body = persist(address, "fiches/vreemd.yml", raw)
    assert status == 422 and body["code"] in ("form_unreadable", "too_big"), body
    assert sorted(p.name for p in (repo / "fiches").iterdir()) == before


def test_the_preview_says_why_a_save_would_be_refused(proxy):
    repo, address = proxy
    (repo / "fiches" / "minimal.yml").write_text("id: minimal\ntitle: {nl: [\n", encoding="utf-8")
    status, body, _ = post(address, cms_config.PREVIEW_PATH, {"path": "fiches/minimal.yml", "data": minimal()})
    assert status == 200 and "pages" not in body
    assert all(ui_text.t("editor_refused_file_unreadable", lang).split(":")[0] in body["problems"][lang][0]
               for lang in LANGS)
    data = dict(minimal(), summary={"nl": TEXTS["first line indented"], "fr": "x"})
    (repo / "fiches" / "minimal.yml").write_bytes((VALID / "minimal.yml").read_bytes())
    status, body, _ = post(address, cms_config.PREVIEW_PATH, {"path": "fiches/minimal.yml", "data": data})
    assert status == 200 and set(body["pages"]) == set(languages.codes()), body.get("problems")


def raw_request(address, head: str, body: bytes = b"", wait: float = FAST_S) -> bytes:
    """A hand-written request on a socket left open (the proxy must answer without waiting for its end)."""
    with socket.create_connection(address, timeout=wait) as sock:
        sock.sendall(head.encode("latin-1") + body)
        try:
            return sock.recv(4096)
        except TimeoutError:
            return b""


@pytest.mark.parametrize("length", ["-1", "abc", "1e9", "99999999999999999999", str(cms_proxy.MAX_BODY + 1)])
def test_a_content_length_that_is_not_a_small_number_is_refused_at_once(proxy, length):
    repo, address = proxy
    head = (f"POST /api/v1 HTTP/1.1\r\nHost: 127.0.0.1:{address[1]}\r\nContent-Type: application/json\r\n"
            f"Content-Length: {length}\r\n\r\n")
    start = time.perf_counter()
    answer = raw_request(address, head, b'{"action": "info"}')
    assert time.perf_counter() - start < FAST_S
    assert answer.startswith((b"HTTP/1.0 400", b"HTTP/1.1 400", b"HTTP/1.0 413", b"HTTP/1.1 413")), answer[:80]


def test_cors_answers_only_the_editors_own_origin(proxy):
    repo, address = proxy
    status, _, headers = post(address, "/api/v1", {"action": "info"}, {"Origin": EDITOR_ORIGIN})
    assert status == 200 and headers.get("Access-Control-Allow-Origin") == EDITOR_ORIGIN
    for origin in ("http://localhost:9999", "http://127.0.0.1:5173", "https://localhost:8000", "null",
                   "http://127.0.0.1:8000.evil.example"):
        status, _, headers = post(address, "/api/v1", {"action": "info"}, {"Origin": origin})
        assert status == 403 and "Access-Control-Allow-Origin" not in headers, origin


def test_another_origin_can_be_configured():
    server = cms_proxy.serve(Path("."), 0, origins=cms_proxy.editor_origins("localhost:8123"))
    try:
        local_servers.in_thread(server)
        address = server.server_address
        assert post(address, "/api/v1", {"action": "info"}, {"Origin": "http://127.0.0.1:8123"})[0] == 200
        assert post(address, "/api/v1", {"action": "info"}, {"Origin": EDITOR_ORIGIN})[0] == 403
    finally:
        server.shutdown()
        server.server_close()


@pytest.mark.parametrize("path, content", [
    ("docs/assets/uploads/x.html", b"<script>alert(1)</script>"),
    ("docs/assets/uploads/x.svg", b"<svg onload=alert(1)></svg>"),
    ("docs/assets/uploads/x.png", b"<html><script>alert(1)</script>"),  # an image name, not an image
    ("docs/assets/uploads/sub/x.png", PNG),
    ("docs/index.nl.md", b"# Start\n\n<script>alert(1)</script>\n"),
    ("fiches/x.png", PNG),
    ("overrides/main.html", b"<script>alert(1)</script>"),
])
def test_only_images_are_uploaded_and_only_into_the_media_folder(proxy, path, content):
    repo, address = proxy
    asset = {"path": path, "content": base64.b64encode(content).decode()}
    assert call(address, "persistMedia", {"asset": asset})[0] == 422
    status, _ = call(address, "persistEntry", {"entry": {"slug": "minimal", "path": "fiches/minimal.yml",
                                                         "raw": json.dumps(minimal())},
                                               "assets": [asset], "options": {}})
    assert status == 422
    assert not (repo / path).exists()


def test_an_image_is_uploaded_and_listed(proxy):
    repo, address = proxy
    asset = {"path": "docs/assets/uploads/foto.png", "content": base64.b64encode(PNG).decode()}
    status, body = call(address, "persistMedia", {"asset": asset})
    assert status == 200 and (repo / asset["path"]).read_bytes() == PNG
    (repo / "docs" / "assets" / "uploads" / "notes.txt").write_text(SECRET, encoding="utf-8")
    status, media = call(address, "getMedia", {"mediaFolder": "docs/assets/uploads"})
    assert status == 200 and [m["path"] for m in media] == [asset["path"]]


@pytest.mark.parametrize("path", ["docs/assets/uploads/page.md", "docs/assets/uploads/x.yml", "scripts/x.yml",
                                  "fiches/sub/x.yml", "fiches/x.md", "fiches/.verborgen.yml", "mkdocs.yml"])
def test_an_entry_is_written_only_as_a_fiche_file(proxy, path):
    repo, address = proxy
    raw = json.dumps(dict(minimal(), summary={"nl": "<script>alert(1)</script>", "fr": "x"}))
    assert persist(address, path, raw)[0] == 422
    assert not (repo / path).exists()


@pytest.mark.parametrize("action, params", [
    ("getEntry", {"path": ".git/config"}),
    ("getEntry", {"path": "scripts/site.py"}),
    ("entriesByFiles", {"files": [{"path": ".git/config"}]}),
    ("getMediaFile", {"path": ".git/config"}),
    ("getMediaFile", {"path": "docs/assets/uploads/../../../.git/config"}),
    ("entriesByFolder", {"folder": ".git", "extension": "", "depth": 5}),
    ("entriesByFolder", {"folder": "scripts", "extension": "py", "depth": 1}),
    ("getMedia", {"mediaFolder": ".git"}),
])
def test_only_repository_content_is_readable(proxy, action, params):
    repo, address = proxy
    status, body = call(address, action, params)
    entries = body if isinstance(body, list) else [body]
    media = [base64.b64decode(e["content"]).decode("utf-8", "replace") for e in entries
             if isinstance(e, dict) and e.get("content")]
    assert SECRET not in json.dumps(body) + "".join(media), (action, params)
    assert status == 422 or all(isinstance(e, dict) and e.get("data") is None and not e.get("content")
                                for e in entries), body


def test_fiches_are_still_listed_read_and_deleted(proxy):
    repo, address = proxy
    status, entries = call(address, "entriesByFolder", {"folder": "fiches", "extension": "yml", "depth": 1})
    assert status == 200 and sorted(e["file"]["path"] for e in entries) == sorted(
        f"fiches/{p.name}" for p in VALID.glob("*.yml"))
    assert all(e["data"] for e in entries)
    assert call(address, "deleteFile", {"path": ".git/config"})[0] == 422
    assert (repo / ".git" / "config").exists()
    assert call(address, "deleteFile", {"path": "fiches/minimal.yml"})[0] == 200
    assert not (repo / "fiches" / "minimal.yml").exists()


@pytest.mark.parametrize("path", ["/api/v1", cms_config.PREVIEW_PATH])
def test_a_deeply_nested_request_is_refused_and_the_proxy_keeps_answering(proxy, path):
    repo, address = proxy
    body = ('{"action": "persistEntry", "data": ' + "[" * 100_000 + "]" * 100_000 + "}").encode()
    head = (f"POST {path} HTTP/1.1\r\nHost: 127.0.0.1:{address[1]}\r\nContent-Type: application/json\r\n"
            f"Content-Length: {len(body)}\r\nConnection: close\r\n\r\n")
    answer = raw_request(address, head, body)
    assert answer.startswith((b"HTTP/1.0 422", b"HTTP/1.1 422")), answer[:80]
    assert call(address, "info", {})[0] == 200
