"""The review checklist as a comment on the pull/merge requests the web editor opens.

Decap CMS opens them with its own fixed description, so the CI templates call this script for branches
named `cms/…` (Decap's editorial workflow): the reviewer finds the network's checklist
(ci-template/github/pull_request_template.md, kept equal to docs/bijdragen/nazicht.*.md by
tests/test_publishing.py) in the request itself. Posted once: a later run finds its marker and stops.
Standard library only, so it runs on a CI runner without the project's virtual environment.
The token goes to the configured API host only: a redirect to another host is not followed, an error
prints the status and never the answer's body (which may echo the request), and an answer that is not
what the API documents is an error message, never a traceback.

    python3 scripts/review_checklist.py github   # GITHUB_TOKEN, GITHUB_REPOSITORY, GITHUB_EVENT_PATH
    python3 scripts/review_checklist.py gitlab   # KB_REVIEW_TOKEN, CI_API_V4_URL, CI_PROJECT_ID, CI_MERGE_REQUEST_*
"""

from __future__ import annotations

import json
import os
import sys
import urllib.error
import urllib.parse
import urllib.request
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
TEMPLATE = ROOT / "ci-template" / "github" / "pull_request_template.md"
MARKER = "<!-- kb-review-checklist -->"
EDITOR_BRANCHES = "cms/"  # Decap's editorial workflow: cms/<collection>/<entry>
PAGE_SIZE = 100  # comments read per request; the marker is in the first page in practice (posted first)


class HostError(Exception):
    pass


def body(template: Path = TEMPLATE) -> str:
    """The template without its leading note to the author (an HTML comment), with the marker."""
    text = template.read_text(encoding="utf-8")
    if text.startswith("<!--"):
        text = text.split("-->", 1)[1]
    return f"{MARKER}\n{text.strip()}\n"


def _origin(url: str) -> tuple[str, str]:
    parts = urllib.parse.urlsplit(url)
    return parts.scheme.lower(), parts.netloc.lower()


class _SameHostRedirects(urllib.request.HTTPRedirectHandler):
    """urllib would send the token's header along to wherever a redirect points: only the API's own
    scheme and host are followed."""

    def redirect_request(self, req, fp, code, msg, headers, newurl):
        if _origin(newurl) != _origin(req.full_url):
            raise HostError(f"{req.get_method()} {_shown(req.full_url)}: HTTP {code} redirect to "
                            f"{_origin(newurl)[1] or 'another address'}, not followed (the token stays here)")
        return super().redirect_request(req, fp, code, msg, headers, newurl)


_OPENER = urllib.request.build_opener(_SameHostRedirects)


def _shown(url: str) -> str:
    """A URL for a log line: without its query string or any user information."""
    parts = urllib.parse.urlsplit(url)
    return f"{parts.scheme}://{parts.hostname or ''}{f':{parts.port}' if parts.port else ''}{parts.path}"


def _call(method: str, url: str, headers: dict, payload: dict | None = None):
    data = json.dumps(payload).encode("utf-8") if payload is not None else None
    request = urllib.request.Request(url, data=data, method=method,
                                     headers={**headers, "Content-Type": "application/json"})
    try:
        with _OPENER.open(request, timeout=30) as response:
            return json.loads(response.read() or b"null")
    except urllib.error.HTTPError as exc:  # the body is not printed: it may echo the request and its token
        raise HostError(f"{method} {_shown(url)}: HTTP {exc.code} {exc.reason}") from None
    except urllib.error.URLError as exc:
        raise HostError(f"{method} {_shown(url)}: {exc.reason}") from None
    except ValueError:  # not JSON (UnicodeDecodeError and JSONDecodeError are ValueErrors)
        raise HostError(f"{method} {_shown(url)}: the answer is not JSON") from None
    except OSError as exc:  # a timeout or a connection reset while reading
        raise HostError(f"{method} {_shown(url)}: {type(exc).__name__}") from None


def post_once(comments_url: str, headers: dict, text: str) -> bool:
    """Post `text` unless a comment with the marker is there already; True when posted."""
    existing = _call("GET", f"{comments_url}?per_page={PAGE_SIZE}", headers)
    if existing is None:
        existing = []
    if not isinstance(existing, list) or not all(isinstance(comment, dict) for comment in existing):
        raise HostError(f"GET {_shown(comments_url)}: the answer is not a list of comments")
    if any(MARKER in str(comment.get("body") or "") for comment in existing):
        return False
    _call("POST", comments_url, headers, {"body": text})
    return True


def github(env: dict) -> tuple[str, str, dict]:
    """(branch, comments URL, headers) of the pull request this workflow run is for."""
    event = json.loads(Path(env["GITHUB_EVENT_PATH"]).read_text(encoding="utf-8"))
    pull = event["pull_request"]
    api = env.get("GITHUB_API_URL", "https://api.github.com")
    return (pull["head"]["ref"], f"{api}/repos/{env['GITHUB_REPOSITORY']}/issues/{pull['number']}/comments",
            {"Authorization": f"Bearer {env['GITHUB_TOKEN']}", "Accept": "application/vnd.github+json"})


def gitlab(env: dict) -> tuple[str, str, dict]:
    """(branch, notes URL, headers) of the merge request of this pipeline; CI_JOB_TOKEN may not write notes,
    so a project access token (Reporter, scope api) comes in KB_REVIEW_TOKEN."""
    url = (f"{env['CI_API_V4_URL']}/projects/{env['CI_PROJECT_ID']}/merge_requests/"
           f"{env['CI_MERGE_REQUEST_IID']}/notes")
    return env["CI_MERGE_REQUEST_SOURCE_BRANCH_NAME"], url, {"PRIVATE-TOKEN": env["KB_REVIEW_TOKEN"]}


HOSTS = {"github": github, "gitlab": gitlab}


def main(argv: list[str] | None = None, env: dict | None = None) -> int:
    argv = sys.argv[1:] if argv is None else argv
    env = dict(os.environ) if env is None else env
    if len(argv) != 1 or argv[0] not in HOSTS:
        print(f"usage: review_checklist.py {{{'|'.join(HOSTS)}}}", file=sys.stderr)
        return 2
    try:
        branch, url, headers = HOSTS[argv[0]](env)
    except KeyError as exc:
        print(f"review_checklist: missing CI variable {exc}", file=sys.stderr)
        return 1
    except (OSError, ValueError, TypeError) as exc:  # the event file unreadable, not JSON, or not a pull request
        print(f"review_checklist: cannot read the pull request's event: {type(exc).__name__}", file=sys.stderr)
        return 1
    if not isinstance(branch, str):
        print("review_checklist: the event names no branch", file=sys.stderr)
        return 1
    if not branch.startswith(EDITOR_BRANCHES):
        print(f"review_checklist: {branch} was not opened by the web editor; nothing to do")
        return 0
    try:
        posted = post_once(url, headers, body())
    except HostError as exc:
        print(f"review_checklist: {exc}", file=sys.stderr)
        return 1
    print("review_checklist: " + ("checklist posted" if posted else "checklist already there"))
    return 0


if __name__ == "__main__":
    sys.exit(main())
