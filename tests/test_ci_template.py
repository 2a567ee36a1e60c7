"""The CI templates work as shipped: their own commands, in their order, in a fresh clone of the repository.

The clone is made as the template's checkout makes it (its fetch depth) and, when the tests run as root, is owned
by another user: a container job runs as root on a checkout of the runner's user, the case where git refuses the
repository ("dubious ownership", actions/runner#2033) and the change history silently came out empty.

Steps that are not run, each with its reason (printed with -rA / in the step log):
- remote actions (`uses:`): the checkout is replaced by the clone; upload/deploy publish the site;
- the job that publishes (GitHub `deploy`, GitLab `pages`) and steps that only run on main (a pull request is
  simulated);
- the apt-get lines that install Debian packages into the container image: this machine is not a disposable
  container; the test checks that the programs they provide are there instead.
The pull request's check (`scripts/ci_check.sh`, which runs `scripts/test.sh`) runs with PYTEST_ADDOPTS narrowing
its pytest to one quick test (this suite itself is the full run); ruff, validate and the rest of the script run as
shipped. A fiche-only pull request runs its narrowed check for real (what a fiche can break, `-m fiche`).
"""

from __future__ import annotations

import hashlib
import os
import re
import shutil
import subprocess
import time
from pathlib import Path

import pytest
import yaml
from conftest import COORDINATOR, PYTHON, ROOT, fixture_project

CI = ROOT / "ci-template"
WORKFLOW = CI / "github" / "workflows" / "publish.yml"
GITLAB = CI / "gitlab-ci.yml"
NOBODY = 65534
INNER_PYTEST = "-m 'not browser' -k test_scaffold_passes_once_filled_with_real_values -p no:cacheprovider"
PROVIDED_BY_APT = ["python3", "git", "node"]


def git(*args: str, cwd: Path, env: dict | None = None) -> subprocess.CompletedProcess:
    return subprocess.run(["git", *args], cwd=cwd, env=env, capture_output=True, text=True, timeout=120)


def isolated_git_env(tmp_path: Path) -> dict:
    """No user or system git config: `git config --global` writes to a file of this test only."""
    config = tmp_path / "gitconfig"
    config.touch()
    env = {k: v for k, v in os.environ.items() if not k.startswith(("GIT_", "KB_", "PYTEST_"))}
    return dict(env, GIT_CONFIG_GLOBAL=str(config), GIT_CONFIG_NOSYSTEM="1", CI="true", NO_MKDOCS_2_WARNING="1")


def fresh_clone(tmp_path: Path, depth: int) -> Path:
    """A clone of the committed repository as the CI checkout makes it (depth 0: the whole history)."""
    if depth == 0 and git("rev-parse", "--is-shallow-repository", cwd=ROOT).stdout.strip() == "true":
        pytest.skip("this repository is itself a shallow clone: a full-history checkout cannot be made from it")
    clone = tmp_path / "checkout"
    args = ["clone", "-q", *(["--depth", str(depth)] if depth else []), f"file://{ROOT}", str(clone)]
    result = git(*args, cwd=tmp_path)
    assert result.returncode == 0, result.stderr
    if os.geteuid() == 0:  # as in a container job: root works on a checkout owned by someone else
        subprocess.run(["chown", "-R", f"{NOBODY}:{NOBODY}", str(clone)], check=True)
    # reuse the installed packages (same pins); node_modules only when complete, so that an `npm ci` never
    # writes into the shared folder
    npm_stamp = ".kb-installed-" + hashlib.sha256((ROOT / "package-lock.json").read_bytes()).hexdigest()[:16]
    for shared, marker in ((".venv", "bin/python"), ("node_modules", npm_stamp)):  # stamp: scripts/setup_npm.sh
        if (ROOT / shared / marker).exists():
            (clone / shared).symlink_to((ROOT / shared).resolve())
    return clone


def expression(text: str, context: dict) -> str:
    """GitHub `${{ a || 'b' }}` with unset `vars.*`: the first non-empty operand."""
    def value(match: re.Match) -> str:
        for operand in match.group(1).split("||"):
            operand = operand.strip()
            found = operand[1:-1] if operand[:1] == "'" else context.get(operand, "")
            if found:
                return found
        return ""
    return re.sub(r"\$\{\{\s*(.*?)\s*\}\}", value, str(text))


def condition(text: str | None, context: dict) -> bool:
    """A step's `if:` for the simulated pull request (only ==, !=, && and || of context values and strings)."""
    if not text:
        return True
    python = re.sub(r"[a-z_]+\.[a-z_.]+", lambda m: repr(context.get(m.group(0), "")), text)
    python = python.replace("&&", " and ").replace("||", " or ")
    assert re.fullmatch(r"(\s|'[^']*'|==|!=|and|or|\(|\))*", python), text  # nothing else gets evaluated
    return bool(eval(python, {"__builtins__": {}}))  # noqa: S307 - the expression was checked just above


def installs_system_packages(command: str) -> bool:
    return command.lstrip().startswith(("apt-get", "DEBIAN_FRONTEND=noninteractive apt-get"))


def run_steps(steps: list[tuple[str, str, dict]], clone: Path, env: dict, log: list[str],
              narrow: bool = True) -> str:
    """Run the steps in order; their output. `narrow`: the full test run is narrowed to one quick test."""
    output = []
    for name, command, step_env in steps:
        if installs_system_packages(command):
            missing = [tool for tool in PROVIDED_BY_APT if shutil.which(tool) is None]
            assert missing == [], f"{name}: {missing} missing"
            log.append(f"skipped (installs Debian packages into the image; {PROVIDED_BY_APT} present): {name}")
            continue
        run_env = dict(env, **step_env)
        if narrow and ("scripts/test.sh" in command or "scripts/ci_check.sh" in command):
            run_env["PYTEST_ADDOPTS"] = INNER_PYTEST
        result = subprocess.run(["bash", "--noprofile", "--norc", "-eo", "pipefail", "-c", command], cwd=clone,
                                env=run_env, capture_output=True, text=True, timeout=900)
        log.append(f"ran: {name}")
        assert result.returncode == 0, f"step {name!r} failed:\n{result.stdout[-3000:]}\n{result.stderr[-3000:]}"
        output.append(result.stdout)
    return "".join(output)


BASE = "kb-base"  # the pull request's target branch, as the checkout names it (origin/<base>)


def pull_request(clone: Path, env: dict, new_fiche: Path | None = None) -> dict:
    """The clone as a pull request's checkout: origin/<BASE> at the cloned commit, and optionally one commit on
    top that adds a fiche. Returns the variables each host sets for a pull/merge request."""
    trusted = dict(env, GIT_CONFIG_COUNT="1", GIT_CONFIG_KEY_0="safe.directory", GIT_CONFIG_VALUE_0="*")
    base = git("rev-parse", "HEAD", cwd=clone, env=trusted).stdout.strip()
    assert git("update-ref", f"refs/remotes/origin/{BASE}", base, cwd=clone, env=trusted).returncode == 0
    if new_fiche is not None:
        shutil.copy(new_fiche, clone / "fiches" / new_fiche.name)
        for args in (["add", "fiches"], ["-c", "user.name=Coordinator", "-c", "user.email=c@example.org",
                                         "commit", "-qm", "A new fiche"]):
            result = git(*args, cwd=clone, env=trusted)
            assert result.returncode == 0, result.stderr
        if os.geteuid() == 0:
            subprocess.run(["chown", "-R", f"{NOBODY}:{NOBODY}", str(clone)], check=True)
    return {"github.base_ref": BASE, "CI_MERGE_REQUEST_DIFF_BASE_SHA": base}


def github_steps(workflow: dict, context: dict, log: list[str]) -> tuple[int, list[tuple[str, str, dict]], dict]:
    """(fetch depth, the runnable steps of the build job, the job's environment) for a pull request."""
    job = workflow["jobs"]["build"]
    for name, other in workflow["jobs"].items():
        if name == "build":
            continue
        if "review_checklist.py" in str(other.get("steps")):  # talks to GitHub's API: tests/test_review_checklist.py
            assert "cms/" in other["if"] and other["permissions"].get("pull-requests") == "write", name
            log.append(f"skipped (comments on the web editor's pull requests): job {name}")
            continue
        assert "pages" in other.get("permissions", {}), name  # otherwise only the publishing job is left out
        log.append(f"skipped (publishes): job {name}")
    depth = 1  # actions/checkout's default
    steps = []
    for step in job["steps"]:
        name = step.get("name", step.get("uses", step.get("run")))
        if "uses" in step:
            if step["uses"].startswith("actions/checkout@"):
                depth = int(step.get("with", {}).get("fetch-depth", 1))
                log.append(f"replaced by a git clone --depth {depth or 'full'}: {name}")
            else:
                log.append(f"skipped (remote action): {name}")
            continue
        if not condition(step.get("if"), context):
            log.append(f"skipped (runs on main only, publishing): {name}")
            continue
        step_env = {k: expression(v, context) for k, v in step.get("env", {}).items()}
        steps.append((name, step["run"], step_env))
    job_env = {k: expression(v, context) for k, v in job.get("env", {}).items()}
    return depth, steps, job_env


def gitlab_steps(pipeline: dict, log: list[str]) -> tuple[int, list[tuple[str, str, dict]], dict]:
    """(GIT_DEPTH, before_script + script of the merge-request job, its variables)."""
    variables = dict(pipeline.get("variables", {}))
    depth = int(variables.get("GIT_DEPTH", 20))  # GitLab's default shallow clone
    jobs = {name: job for name, job in pipeline.items() if isinstance(job, dict) and "script" in job}
    for name, job in jobs.items():
        if "artifacts" in job and "public" in job["artifacts"].get("paths", []):
            log.append(f"skipped (publishes with GitLab Pages): job {name}")
    for name, job in jobs.items():
        if "review_checklist.py" in str(job["script"]):  # talks to GitLab's API: tests/test_review_checklist.py
            assert "cms" in str(job["rules"]), name
            log.append(f"skipped (comments on the web editor's merge requests): job {name}")
    checks = [name for name, job in jobs.items() if "merge_request_event" in str(job.get("rules"))
              and "review_checklist.py" not in str(job["script"])]
    assert len(checks) == 1, checks
    job = jobs[checks[0]]
    variables.update(job.get("variables", {}))
    before = job.get("before_script", pipeline.get("default", {}).get("before_script", []))
    commands = [*before, *job["script"]]
    return depth, [(f"{checks[0]}: {c.splitlines()[0][:60]}", c, {}) for c in commands], {
        k: str(v) for k, v in variables.items() if k != "GIT_DEPTH"}


def shown_changes(history_html: str) -> list[tuple[str, int]]:
    """(date, number of changes) per line of a fiche's change history; a line without a count is one change."""
    return [(day, int(count or 1)) for day, count in
            re.findall(r'<li><time datetime="([\d-]+)">[^<]*</time>(?: \((\d+)[^)]*\))?</li>', history_html)]


def changes_per_day(dates: list[str]) -> list[tuple[str, int]]:
    """What the page must show for git's commit dates (newest first): one line per day, with its count."""
    return [(day, dates.count(day)) for day in dict.fromkeys(dates)]


def assert_history_on_the_pages(clone: Path, env: dict) -> None:
    """The built fiche pages list the dates of the commits of their file, as many as git has (up to 10)."""
    checked = 0
    for path in sorted((clone / "fiches").glob("*.yml")):
        data = yaml.safe_load(path.read_text(encoding="utf-8"))
        if data.get("status") == "draft":
            continue
        log = git("log", "--no-merges", "--format=%cs", "--", f"fiches/{path.name}", cwd=clone, env=env)
        assert log.returncode == 0, log.stderr
        html = (clone / "site" / "fiches" / data["id"] / "index.html").read_text(encoding="utf-8")
        history = html.split('<details class="kb-history">', 1)[1].split("</details>", 1)[0]
        assert shown_changes(history) == changes_per_day(log.stdout.split()[:10]), path.name
        checked += 1
    assert checked


@pytest.mark.slow
@pytest.mark.parametrize("host", ["github", "gitlab"])
def test_workflow_steps_pass_in_a_fresh_clone(tmp_path, host):
    log: list[str] = []
    env = isolated_git_env(tmp_path)
    clone = fresh_clone(tmp_path, 0)
    request = pull_request(clone, env)
    context = {"github.event_name": "pull_request", "github.ref": "refs/pull/1/merge", **request}
    if host == "github":
        depth, steps, job_env = github_steps(yaml.safe_load(WORKFLOW.read_text(encoding="utf-8")), context, log)
    else:
        depth, steps, job_env = gitlab_steps(yaml.safe_load(GITLAB.read_text(encoding="utf-8")), log)
        job_env["CI_MERGE_REQUEST_DIFF_BASE_SHA"] = request["CI_MERGE_REQUEST_DIFF_BASE_SHA"]
    assert depth == 0, "the checkout must fetch the whole history"
    env.update(job_env, GITHUB_WORKSPACE=str(clone), CI_PROJECT_DIR=str(clone))
    if os.geteuid() == 0:  # the clone reproduces the container's ownership mismatch
        refused = git("log", "-1", cwd=clone, env=env)
        assert refused.returncode != 0 and "dubious ownership" in refused.stderr
    commands = [command for _, command, _ in steps]
    assert any("scripts/ci_check.sh" in c for c in commands) and any("mkdocs build --strict" in c for c in commands)
    output = run_steps(steps, clone, env, log)
    print("\n".join(log))
    assert "running every test" in output  # the request changes nothing here: nothing to narrow down
    assert (clone / "site" / "index.html").is_file() and (clone / "site" / "fr" / "index.html").is_file()
    assert_history_on_the_pages(clone, env)


@pytest.mark.slow
@pytest.mark.browser  # the narrowed check runs axe on the new fiche's pages in chromium
def test_a_fiche_only_pull_request_runs_the_fiche_checks(tmp_path):
    """GitHub's workflow for a pull request that adds one fiche: the real narrowed check, timed."""
    log: list[str] = []
    env = isolated_git_env(tmp_path)
    clone = fresh_clone(tmp_path, 0)
    source = next(p for p in sorted(COORDINATOR.glob("*.yml")) if "status: published" in p.read_text("utf-8"))
    new = tmp_path / "ocmw-nieuw-in-pr.yml"  # a name no fixture uses: the inner run adds the fixtures too
    new.write_text(source.read_text(encoding="utf-8").replace(f"id: {source.stem}\n", f"id: {new.stem}\n"),
                   encoding="utf-8")
    context = {"github.event_name": "pull_request", "github.ref": "refs/pull/2/merge",
               **pull_request(clone, env, new)}
    _, steps, job_env = github_steps(yaml.safe_load(WORKFLOW.read_text(encoding="utf-8")), context, log)
    env.update(job_env, GITHUB_WORKSPACE=str(clone))
    started = time.monotonic()
    output = run_steps(steps, clone, env, log, narrow=False)
    elapsed = time.monotonic() - started
    print(f"fiche-only pull request: its steps took {elapsed:.0f} s; its pytest: {output.strip().splitlines()[-1]}")
    assert f"Only fiches changed ({new.stem})" in output, output[-3000:]
    passed = re.search(r"(\d+) passed", output)
    assert passed and " failed" not in output and " error" not in output, output[-3000:]
    test_functions = sum(p.read_text(encoding="utf-8").count("\ndef test_")
                         for p in (clone / "tests").glob("test_*.py"))
    assert int(passed.group(1)) < test_functions / 4  # the narrowed run, not the whole suite
    assert (clone / "site" / "fiches" / new.stem / "index.html").is_file()


def history_guard(host: str) -> str:
    """The template's own command that trusts the checkout and refuses a missing or shallow history."""
    if host == "github":
        steps = yaml.safe_load(WORKFLOW.read_text(encoding="utf-8"))["jobs"]["build"]["steps"]
        return next(s["run"] for s in steps if "git config --global --add safe.directory" in s.get("run", ""))
    before = yaml.safe_load(GITLAB.read_text(encoding="utf-8"))["default"]["before_script"]
    return "\n".join(c for c in before if "git config --global" in c or "is-shallow-repository" in c)


@pytest.mark.parametrize("host", ["github", "gitlab"])
def test_the_template_stops_on_a_shallow_or_refused_checkout(tmp_path, host):
    guard = history_guard(host)
    env = isolated_git_env(tmp_path)
    shallow = fresh_clone(tmp_path, depth=1)
    env.update(GITHUB_WORKSPACE=str(shallow), CI_PROJECT_DIR=str(shallow))
    result = subprocess.run(["bash", "-eo", "pipefail", "-c", guard], cwd=shallow, env=env, capture_output=True,
                            text=True, timeout=60)
    assert result.returncode == 1 and "shallow" in result.stdout, result.stdout + result.stderr
    if os.geteuid() == 0:  # without its safe.directory line, the same check fails on the refused checkout
        unsafe = "\n".join(line for line in guard.splitlines() if "git config --global" not in line)
        (tmp_path / "untrusted").mkdir()
        result = subprocess.run(["bash", "-c", unsafe], cwd=shallow, env=isolated_git_env(tmp_path / "untrusted"),
                                capture_output=True, text=True, timeout=60)
        assert result.returncode == 1 and "dubious ownership" in result.stderr


def small_repository(tmp_path: Path) -> Path:
    """A git repository of the fixture fiches, minimal.yml changed in two commits, for quick builds."""
    repo = tmp_path / "repo"
    fiches = repo / "fiches"
    fiches.mkdir(parents=True)
    env = isolated_git_env(tmp_path)
    assert git("init", "-q", cwd=repo, env=env).returncode == 0
    for path in sorted((ROOT / "tests" / "fixtures" / "valid").glob("*.yml")):
        shutil.copy(path, fiches / path.name)
    for index in range(2):
        if index:
            with (fiches / "minimal.yml").open("a", encoding="utf-8") as file:
                file.write("# reviewed again\n")
        assert git("add", ".", cwd=repo, env=env).returncode == 0
        assert git("-c", "user.name=t", "-c", "user.email=t@example.org", "commit", "-q", "-m", f"c{index}",
                   cwd=repo, env=env).returncode == 0
    return repo


def build(workdir: Path, fiches: Path, **extra: str) -> subprocess.CompletedProcess:
    workdir.mkdir()
    env = dict(isolated_git_env(workdir), KB_FICHES_DIR=str(fiches), **extra)
    return subprocess.run([PYTHON, "-m", "mkdocs", "build", "--strict", "-d", str(workdir / "site"), "-f",
                           str(fixture_project(workdir))], cwd=ROOT, env=env, capture_output=True, text=True,
                          timeout=600)


def test_build_requiring_history_fails_loudly_on_a_shallow_clone(tmp_path):
    repo = small_repository(tmp_path)
    shallow = tmp_path / "shallow"
    assert git("clone", "-q", "--depth", "1", f"file://{repo}", str(shallow), cwd=tmp_path).returncode == 0
    result = build(tmp_path / "one", shallow / "fiches", KB_REQUIRE_GIT_HISTORY="1")
    assert result.returncode != 0
    assert "change history of" in result.stderr and "shallow" in result.stderr and "fetch-depth: 0" in result.stderr
    full = build(tmp_path / "two", repo / "fiches", KB_REQUIRE_GIT_HISTORY="1")
    assert full.returncode == 0, full.stderr[-3000:]
    html = (tmp_path / "two" / "site" / "fiches" / "minimal" / "index.html").read_text(encoding="utf-8")
    history = html.split('<details class="kb-history">', 1)[1].split("</details>", 1)[0]
    dates = git("log", "--format=%cs", "--", "fiches/minimal.yml", cwd=repo,
                env=isolated_git_env(tmp_path)).stdout.split()
    assert len(dates) == 2
    assert shown_changes(history) == changes_per_day(dates)  # both commits: the whole history


@pytest.mark.skipif(os.geteuid() != 0, reason="needs root to give the checkout to another user")
def test_build_fails_when_git_refuses_the_checkout(tmp_path):
    repo = small_repository(tmp_path)
    subprocess.run(["chown", "-R", f"{NOBODY}:{NOBODY}", str(repo)], check=True)
    result = build(tmp_path / "build", repo / "fiches")
    assert result.returncode != 0  # a warning under --strict: no site published without its history
    assert "dubious ownership" in result.stderr and "safe.directory" in result.stderr
