"""The review-checklist CI script keeps its token to the API host and never a traceback (issue 23).

Run as CI runs it (`python3 scripts/review_checklist.py github|gitlab`, a subprocess with the CI variables)
against a local fake API that redirects to another host, answers errors whose body echoes the token, or
answers something that is not the documented JSON.
"""

from __future__ import annotations

import http.server
import json
import subprocess
import sys

import pytest
from conftest import ROOT

from scripts import local_servers

TOKEN = "t0ken-secret-1234"
SCRIPT = ROOT / "scripts" / "review_checklist.py"


class Server:
    """A local HTTP server: `answer(handler)` decides each response; every request is recorded."""

    def __init__(self, answer):
        self.requests: list[tuple[str, str, dict]] = []
        server = self

        class Handler(http.server.BaseHTTPRequestHandler):
            def log_message(self, *args) -> None:
                pass

            def _any(self) -> None:
                server.requests.append((self.command, self.path, {k.lower(): v for k, v in self.headers.items()}))
                if self.headers.get("Content-Length"):
                    self.rfile.read(int(self.headers["Content-Length"]))
                status, headers, body = answer(self)
                self.send_response(status)
                for key, value in headers.items():
                    self.send_header(key, value)
                self.send_header("Content-Length", str(len(body)))
                self.end_headers()
                self.wfile.write(body)

            do_GET = do_POST = _any

        self.httpd = http.server.ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.url = f"http://127.0.0.1:{self.httpd.server_address[1]}"
        local_servers.in_thread(self.httpd)

    def close(self) -> None:
        self.httpd.shutdown()
        self.httpd.server_close()


@pytest.fixture
def servers():
    started: list[Server] = []

    def start(answer) -> Server:
        started.append(Server(answer))
        return started[-1]

    yield start
    for server in started:
        server.close()


def run(kind: str, api: str, tmp_path) -> subprocess.CompletedProcess:
    if kind == "github":
        event = tmp_path / "event.json"
        event.write_text(json.dumps({"pull_request": {"number": 7, "head": {"ref": "cms/fiches/x"}}}), "utf-8")
        env = {"GITHUB_EVENT_PATH": str(event), "GITHUB_API_URL": api, "GITHUB_REPOSITORY": "network/kb",
               "GITHUB_TOKEN": TOKEN}
    else:
        env = {"CI_API_V4_URL": f"{api}/api/v4", "CI_PROJECT_ID": "12", "CI_MERGE_REQUEST_IID": "3",
               "CI_MERGE_REQUEST_SOURCE_BRANCH_NAME": "cms/fiches/x", "KB_REVIEW_TOKEN": TOKEN}
    return subprocess.run([sys.executable, str(SCRIPT), kind], env={"PATH": "/usr/bin:/bin", **env},
                          capture_output=True, text=True, timeout=60)


def json_answer(payload, status: int = 200):
    return status, {"Content-Type": "application/json"}, json.dumps(payload).encode()


@pytest.mark.parametrize("kind", ["github", "gitlab"])
@pytest.mark.parametrize("code", [301, 302, 307, 308])
def test_a_redirect_to_another_host_is_not_followed_with_the_token(servers, tmp_path, kind, code):
    thief = servers(lambda handler: json_answer([]))
    api = servers(lambda handler: (code, {"Location": f"{thief.url}/steal{handler.path}"}, b""))
    result = run(kind, api.url, tmp_path)
    assert result.returncode == 1 and "Traceback" not in result.stderr, result.stderr
    assert thief.requests == []  # nothing reached the other host, token or not
    assert "redirect" in result.stderr and TOKEN not in result.stderr + result.stdout


@pytest.mark.parametrize("kind", ["github", "gitlab"])
def test_a_redirect_on_the_same_host_is_still_followed(servers, tmp_path, kind):
    def answer(handler):
        if "moved" not in handler.path:
            return 301, {"Location": f"/moved{handler.path}"}, b""
        return json_answer([] if handler.command == "GET" else {"id": 1}, 200 if handler.command == "GET" else 201)

    api = servers(answer)
    result = run(kind, api.url, tmp_path)
    assert result.returncode == 0, result.stderr
    (first, path, _), (second, moved, headers) = api.requests[:2]
    assert (first, second) == ("GET", "GET") and moved == f"/moved{path}"
    assert TOKEN in str(headers)  # the same host still gets the token


@pytest.mark.parametrize("kind", ["github", "gitlab"])
@pytest.mark.parametrize("status", [401, 403, 500])
def test_an_error_prints_its_status_never_its_body(servers, tmp_path, kind, status):
    echo = json.dumps({"message": "Bad credentials", "request": {"headers": {"authorization": TOKEN}}}).encode()
    api = servers(lambda handler: (status, {"Content-Type": "application/json"}, echo))
    result = run(kind, api.url, tmp_path)
    assert result.returncode == 1 and "Traceback" not in result.stderr
    assert f"HTTP {status}" in result.stderr
    assert TOKEN not in result.stderr + result.stdout and "Bad credentials" not in result.stderr


# (answer body, exit code): an answer the script cannot use is an error (1); a list of comments whose body is
# not text holds no marker, so the checklist is posted (0).
MALFORMED = [
    (b"<html>a login page</html>", 1),
    (b'{"message": "not a list"}', 1),
    (b"[1, 2, 3]", 1),
    (b"\xff\xfe not utf-8", 1),
    (b'"just a string"', 1),
    (b'[{"body": ["a", "list"]}]', 0),
]


@pytest.mark.parametrize("kind", ["github", "gitlab"])
@pytest.mark.parametrize("body, code", MALFORMED, ids=[f"m{i}" for i in range(len(MALFORMED))])
def test_a_malformed_api_answer_is_an_error_message_not_a_traceback(servers, tmp_path, kind, body, code):
    api = servers(lambda handler: (200, {"Content-Type": "application/json"}, body))
    result = run(kind, api.url, tmp_path)
    assert "Traceback" not in result.stderr, result.stderr
    assert result.returncode == code, result.stderr
    if code:
        assert result.stderr.startswith("review_checklist:")
    assert TOKEN not in result.stderr + result.stdout


@pytest.mark.parametrize("event", ['{"pull_request": []}', "not json", '{"pull_request": {"head": {"ref": 5}}}',
                                   '{"pull_request": {"number": 1, "head": {"ref": 5}}}'])
def test_a_malformed_event_file_is_an_error_message_not_a_traceback(tmp_path, event):
    path = tmp_path / "event.json"
    path.write_text(event, encoding="utf-8")
    env = {"GITHUB_EVENT_PATH": str(path), "GITHUB_API_URL": "http://127.0.0.1:9", "GITHUB_REPOSITORY": "n/kb",
           "GITHUB_TOKEN": TOKEN, "PATH": "/usr/bin:/bin"}
    result = subprocess.run([sys.executable, str(SCRIPT), "github"], env=env, capture_output=True, text=True,
                            timeout=60)
    assert result.returncode == 1 and "Traceback" not in result.stderr, result.stderr
    assert result.stderr.startswith("review_checklist:")
