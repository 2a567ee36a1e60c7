"""The review checklist lands on the web editor's pull/merge requests once, and nowhere else.

The git host's API is a local stand-in that records what the script asks: the same paths, headers and
bodies as GitHub's issue comments and GitLab's merge request notes."""

from __future__ import annotations

import http.server
import json
import re

import pytest
import yaml
from conftest import ROOT

from scripts import local_servers, review_checklist

CHECKLISTS = [ROOT / "docs" / "bijdragen" / f"nazicht.{lang}.md" for lang in ("nl", "fr")]


class FakeHost:
    """Comments per request path; every call recorded as (method, path, headers)."""

    def __init__(self):
        self.comments: dict[str, list[dict]] = {}
        self.calls: list[tuple[str, str, dict]] = []
        self.fail_with: int | None = None
        host = self

        class Handler(http.server.BaseHTTPRequestHandler):
            def log_message(self, *args) -> None:
                pass

            def _answer(self, status: int, payload) -> None:
                data = json.dumps(payload).encode()
                self.send_response(status)
                self.send_header("Content-Type", "application/json")
                self.send_header("Content-Length", str(len(data)))
                self.end_headers()
                self.wfile.write(data)

            def do_GET(self) -> None:
                host.calls.append(("GET", self.path, dict(self.headers)))
                path = self.path.split("?")[0]
                self._answer(host.fail_with or 200, host.comments.get(path, []))

            def do_POST(self) -> None:
                host.calls.append(("POST", self.path, dict(self.headers)))
                payload = json.loads(self.rfile.read(int(self.headers["Content-Length"])))
                if host.fail_with:
                    self._answer(host.fail_with, {"message": "forbidden"})
                    return
                host.comments.setdefault(self.path, []).append(payload)
                self._answer(201, payload)

        self.server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.url = f"http://127.0.0.1:{self.server.server_address[1]}"
        local_servers.in_thread(self.server)


@pytest.fixture
def host():
    fake = FakeHost()
    yield fake
    fake.server.shutdown()
    fake.server.server_close()


def github_env(host: FakeHost, tmp_path, branch: str) -> dict:
    event = tmp_path / "event.json"
    event.write_text(json.dumps({"pull_request": {"number": 7, "head": {"ref": branch}}}), encoding="utf-8")
    return {"GITHUB_EVENT_PATH": str(event), "GITHUB_API_URL": host.url, "GITHUB_REPOSITORY": "network/kb",
            "GITHUB_TOKEN": "t0ken"}


def gitlab_env(host: FakeHost, branch: str) -> dict:
    return {"CI_API_V4_URL": f"{host.url}/api/v4", "CI_PROJECT_ID": "12", "CI_MERGE_REQUEST_IID": "3",
            "CI_MERGE_REQUEST_SOURCE_BRANCH_NAME": branch, "KB_REVIEW_TOKEN": "t0ken"}


def checklist_items() -> list[str]:
    return [line for path in CHECKLISTS for line in path.read_text(encoding="utf-8").splitlines()
            if line.startswith("- [ ]")]


@pytest.mark.parametrize("kind", ["github", "gitlab"])
def test_the_checklist_is_posted_once_on_an_editor_branch(host, tmp_path, kind, capsys):
    env = github_env(host, tmp_path, "cms/fiches/ocmw-x") if kind == "github" else gitlab_env(host, "cms/fiches/x")
    assert review_checklist.main([kind], env) == 0
    assert review_checklist.main([kind], env) == 0  # a second pipeline run of the same request
    assert "already there" in capsys.readouterr().out
    (path, posted), = host.comments.items()
    expected = {"github": "/repos/network/kb/issues/7/comments",
                "gitlab": "/api/v4/projects/12/merge_requests/3/notes"}[kind]
    assert path == expected and len(posted) == 1
    text = posted[0]["body"]
    assert text.startswith(review_checklist.MARKER) and "<!--\n" not in text
    items = checklist_items()
    assert items and all(item in text for item in items)  # the whole checklist, NL and FR
    sent = {k.lower(): v for k, v in host.calls[0][2].items()}
    header, value = {"github": ("authorization", "Bearer t0ken"), "gitlab": ("private-token", "t0ken")}[kind]
    assert sent.get(header) == value


@pytest.mark.parametrize("kind", ["github", "gitlab"])
def test_other_branches_get_nothing_and_errors_are_loud(host, tmp_path, kind, capsys):
    def env(branch):
        return github_env(host, tmp_path, branch) if kind == "github" else gitlab_env(host, branch)

    assert review_checklist.main([kind], env("fix/typo")) == 0
    assert host.calls == []
    host.fail_with = 403
    assert review_checklist.main([kind], env("cms/fiches/x")) == 1
    assert "HTTP 403" in capsys.readouterr().err
    missing = env("cms/fiches/x")
    missing.pop("GITHUB_TOKEN" if kind == "github" else "KB_REVIEW_TOKEN")
    assert review_checklist.main([kind], missing) == 1
    assert review_checklist.main(["bitbucket"], {}) == 2


def test_the_ci_templates_run_it_only_for_the_editors_requests():
    workflow = yaml.safe_load((ROOT / "ci-template" / "github" / "workflows" / "publish.yml").read_text("utf-8"))
    jobs = [job for job in workflow["jobs"].values() if "review_checklist.py github" in str(job["steps"])]
    assert len(jobs) == 1 and f"startsWith(github.head_ref, '{review_checklist.EDITOR_BRANCHES}')" in jobs[0]["if"]
    assert jobs[0]["permissions"] == {"contents": "read", "pull-requests": "write"}
    pipeline = yaml.safe_load((ROOT / "ci-template" / "gitlab-ci.yml").read_text("utf-8"))
    jobs = [job for job in pipeline.values() if isinstance(job, dict) and "review_checklist.py gitlab"
            in str(job.get("script"))]
    assert len(jobs) == 1
    rule = jobs[0]["rules"][0]["if"]
    assert re.search(r"CI_MERGE_REQUEST_SOURCE_BRANCH_NAME =~ /\^cms\\/\/", rule) and "$KB_REVIEW_TOKEN" in rule
