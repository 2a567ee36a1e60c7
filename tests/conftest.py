"""Shared fixtures: one strict build of the content site per test run (shared by every xdist worker), one local
server of it, Debian's chromium.

The content site is the repository's fiches plus tests/fixtures/coordinator/ (a new published fiche without
coordinates and a new draft), built once from a folder that keeps the fiches' git history. Every content test
therefore also proves that a coordinator who adds a valid fiche never has to edit a test."""

from __future__ import annotations

import contextlib
import copy
import fcntl
import functools
import io
import json
import logging
import os
import shutil
import subprocess
import sys
import tempfile
import traceback
from dataclasses import dataclass
from html.parser import HTMLParser
from pathlib import Path

import pytest
import yaml

from scripts import local_servers
from scripts.site import history

ROOT = Path(__file__).resolve().parent.parent
PYTHON = sys.executable
CHROMIUM = local_servers.CHROMIUM
free_port = local_servers.free_port


def cli_env(env: dict | None = None) -> dict:
    """Environment for `python -m scripts.<cli>` from any folder: the repository root is importable."""
    env = dict(os.environ if env is None else env)
    env["PYTHONPATH"] = os.pathsep.join(filter(None, [str(ROOT), env.get("PYTHONPATH")]))
    return env


COORDINATOR = ROOT / "tests" / "fixtures" / "coordinator"
SHARED_ENV = "KB_TEST_SHARED"  # the folder the controlling pytest process shares with its xdist workers
PORT_ENV = "KB_TEST_PORT"


def fiches_dir() -> Path:
    """The fiches folder the build reads (KB_FICHES_DIR, as in the hook), so expectations follow the content."""
    return Path(os.environ.get("KB_FICHES_DIR") or ROOT / "fiches")


content_fiches = fiches_dir  # under another name where a parameter is called fiches_dir


def _content_folder(shared: Path, source: Path) -> Path:
    """A copy of the fiches as they are on disk plus the coordinator's two new fiches, inside a clone of the
    repository so that `git log` still gives each committed fiche its change history."""
    repo = shared / "repo"
    if (ROOT / ".git").exists() and shutil.which("git"):
        # through a bundle made inside the repository: git reads a checkout owned by another user (a CI
        # container) when it is a trusted safe.directory, but would refuse to clone it from its path
        bundle = shared / "history.bundle"
        for command in (["git", "-C", str(ROOT), "bundle", "create", "-q", str(bundle), "HEAD"],
                        ["git", "clone", "-q", "--no-checkout", str(bundle), str(repo)]):
            if subprocess.run(command, capture_output=True, timeout=120).returncode != 0:
                shutil.rmtree(repo, ignore_errors=True)  # no history then: the history test says why it fails
                break
    folder = repo / "fiches"
    folder.mkdir(parents=True, exist_ok=True)
    for path in [*sorted(source.glob("*.yml")), *sorted(COORDINATOR.glob("*.yml"))]:
        assert not (folder / path.name).exists(), f"{path.name}: a coordinator fixture has the id of a real fiche"
        shutil.copy2(path, folder / path.name)
    return folder


def pytest_configure(config) -> None:
    """In the controlling process only (xdist workers inherit the environment): make the content folder and
    start the one static server of the content site, so that its address (site_url) is the same everywhere."""
    if os.environ.get("PYTEST_XDIST_WORKER") or os.environ.get(SHARED_ENV):
        return
    shared = Path(tempfile.mkdtemp(prefix="kb-tests-"))
    stack = contextlib.ExitStack()
    stack.callback(shutil.rmtree, shared, True)
    config._kb_shared = stack
    if (ROOT / "fiches").is_dir():
        os.environ["KB_FICHES_DIR"] = str(_content_folder(shared, fiches_dir()))
    if "SOURCE_DATE_EPOCH" not in os.environ:  # every build of the run, fixture projects too, dated by this commit
        epoch = history.last_commit_epoch(ROOT)
        if epoch:
            os.environ["SOURCE_DATE_EPOCH"] = epoch
    url = stack.enter_context(local_servers.serve_static(shared / "site"))
    os.environ[SHARED_ENV] = str(shared)
    os.environ[PORT_ENV] = url.rsplit(":", 1)[1].strip("/")


def pytest_unconfigure(config) -> None:
    stack = getattr(config, "_kb_shared", None)
    if stack is not None:
        stack.close()
        for name in (SHARED_ENV, PORT_ENV):
            os.environ.pop(name, None)


def load_fiches(include_drafts: bool = False) -> list[dict]:
    """Every fiche of the content folder as plain YAML (read independently of the code under test), sorted by
    id; parsed once per run, a fresh copy for each caller."""
    return copy.deepcopy([f for f in _parsed_fiches(fiches_dir()) if include_drafts or f.get("status") != "draft"])


@functools.lru_cache(maxsize=4)
def _parsed_fiches(folder: Path) -> list[dict]:
    fiches = [yaml.safe_load(path.read_text(encoding="utf-8-sig")) for path in sorted(folder.glob("*.yml"))]
    return sorted(fiches, key=lambda f: f["id"])


CHANGED_ENV = "KB_CHANGED_FICHES"  # set by scripts/ci_check.sh for a pull request that changes fiches only


def fiches_under_check() -> list[str]:
    """The published fiches whose own pages a test walks: those a fiche-only pull request changed (that are
    still published), else every one."""
    published = [f["id"] for f in load_fiches()]
    changed = os.environ.get(CHANGED_ENV)
    if changed is None:
        return published
    return [fiche_id for fiche_id in published if fiche_id in changed.split()]


SEED_FACTS_FILE = ROOT / "tests" / "fixtures" / "seed_facts.yml"


def seed_facts(key: str) -> list:
    """pytest params (fiche id, facts) for every seed fiche that records `key`; a seed fiche that is no longer
    published fails (its facts in the fixture are stale), never skips.

    The facts of particular fiches live in tests/fixtures/seed_facts.yml, never in test code: removing or
    adding a fiche never requires editing Python."""
    table = yaml.safe_load(SEED_FACTS_FILE.read_text(encoding="utf-8"))
    present = {f["id"] for f in load_fiches()}
    params = []
    for fiche_id, facts in sorted(table.items()):
        if key not in facts:
            continue
        gone = () if fiche_id in present else (pytest.mark.stale_seed(
            f"{SEED_FACTS_FILE.name} records facts of {fiche_id}, which is not a published fiche: remove them"),)
        params.append(pytest.param(fiche_id, facts[key], id=fiche_id, marks=gone))
    assert params, f"{SEED_FACTS_FILE.name}: no seed fact {key!r}"
    return params


@dataclass
class Built:
    """What a build left: 0 or 1 like the `mkdocs build` command, and its log (and any traceback) as `stderr`."""

    returncode: int
    stderr: str


class _Env(list):
    """mkdocs.yml's `!ENV [VAR, default]`, kept as written when a fixture copies the configuration."""


class _ConfigLoader(yaml.SafeLoader):
    pass


class _ConfigDumper(yaml.SafeDumper):
    pass


_ConfigLoader.add_constructor("!ENV", lambda loader, node: _Env(
    loader.construct_sequence(node) if isinstance(node, yaml.SequenceNode) else [loader.construct_scalar(node)]))
_ConfigDumper.add_representer(_Env, lambda dumper, value: dumper.represent_sequence("!ENV", list(value),
                                                                                  flow_style=True))


def read_config(path: Path) -> dict:
    """A mkdocs.yml as data (its `!ENV` overrides kept), for a fixture to change and write_config to write."""
    return yaml.load(path.read_text(encoding="utf-8"), Loader=_ConfigLoader)


def write_config(path: Path, config: dict) -> Path:
    path.write_text(yaml.dump(config, Dumper=_ConfigDumper, allow_unicode=True, sort_keys=False), encoding="utf-8")
    return path


def plugin_options(config: dict, name: str) -> dict:
    """The options of one plugin in a configuration read by read_config (changing them changes the config)."""
    for entry in config["plugins"]:
        if isinstance(entry, dict) and name in entry:
            return entry[name]
    raise KeyError(name)


def build_site(site_dir: Path, *, fiches_dir: Path | None = None, site_url: str = "http://127.0.0.1:8000/",
               preview: bool = False, config: Path | None = None) -> Built:
    """A strict build in this process, as `mkdocs build --strict` runs it (startup, build, shutdown), with the
    plugin's options given as configuration: the fiches, drafts or not, and no git history required (a fixture
    folder has none)."""
    from mkdocs.commands.build import build
    from mkdocs.config import load_config
    from mkdocs.exceptions import Abort, ConfigurationError, PluginError

    from scripts.lang import languages

    before = languages.current()  # the build puts its own in use; the tests after it read the repository's
    source = read_config(config or ROOT / "mkdocs.yml")
    plugin_options(source, "kennisbank").update(fiches=str(fiches_dir or content_fiches()), preview=preview,
                                                require_git_history=False)
    log = io.StringIO()
    handler = logging.StreamHandler(log)
    handler.setFormatter(logging.Formatter("%(levelname)-7s -  %(message)s"))
    logger = logging.getLogger("mkdocs")
    level = logger.level
    logger.addHandler(handler)
    logger.setLevel(logging.INFO)
    try:
        text = io.StringIO(yaml.dump(source, Dumper=_ConfigDumper, allow_unicode=True, sort_keys=False))
        # relative paths are resolved from the original file's folder, as `mkdocs build -f` does
        settings = load_config(text, config_file_path=str(config or ROOT / "mkdocs.yml"), site_dir=str(site_dir),
                               site_url=site_url, strict=True)
        settings.plugins.on_startup(command="build", dirty=False)
        try:
            build(settings)
        finally:
            settings.plugins.on_shutdown()
        return Built(0, log.getvalue())
    except (Abort, ConfigurationError, PluginError) as exc:
        return Built(1, f"{log.getvalue()}Error: {exc}\n")
    except Exception:
        return Built(1, log.getvalue() + traceback.format_exc())
    finally:
        logger.removeHandler(handler)
        logger.setLevel(level)
        languages.use(before)


def fixture_project(tmp_path: Path) -> Path:
    """A tiny copy of the site (home and catalogue only) that builds from another fiches folder."""
    docs = tmp_path / "docs"
    (docs / "fiches").mkdir(parents=True)
    shutil.copytree(ROOT / "docs" / "assets", docs / "assets")
    (docs / "_data").mkdir()  # the plugin's data folder: the map outline only (no glossary, no thesaurus)
    shutil.copy(ROOT / "docs" / "_data" / "belgium.geojson", docs / "_data")
    for lang, title in (("nl", "Start"), ("fr", "Accueil")):
        (docs / f"index.{lang}.md").write_text(f"# {title}\n\n<!-- kb:recent-fiches -->\n", encoding="utf-8")
        shutil.copy(ROOT / "docs" / "fiches" / f"index.{lang}.md", docs / "fiches" / f"index.{lang}.md")
    config = read_config(ROOT / "mkdocs.yml")
    config["docs_dir"] = str(docs)
    config["theme"]["custom_dir"] = str(ROOT / "overrides")
    own = plugin_options(config, "kennisbank")
    own["decap_dir"] = str(ROOT / own["decap_dir"])
    own["pagefind"] = str(ROOT / own["pagefind"])
    own["data"] = str(docs / "_data")
    config["nav"] = [{"Start": "index.md"}, {"Fiches": [{"Catalogus": "fiches/index.md"}]}]
    return write_config(tmp_path / "mkdocs.yml", config)


@pytest.fixture
def use_languages():
    """Put other languages in use for one test, as a build of a site in those languages does (the plugin sets
    them from its i18n configuration); the repository's again afterwards."""
    from scripts.lang import languages

    before = languages.current()
    yield lambda codes: languages.use(languages.Languages(tuple(codes), codes[0], {c: c for c in codes},
                                                          before.data_dir))
    languages.use(before)


@pytest.hookimpl(tryfirst=True)
def pytest_runtest_setup(item) -> None:
    stale = item.get_closest_marker("stale_seed")
    if stale is not None:  # content a test needs and does not find fails, it never skips
        pytest.fail(stale.args[0], pytrace=False)
    """A test that starts chromium must carry the `browser` marker, so `-m "not browser"` never needs chromium."""
    if "browser" in getattr(item, "fixturenames", ()) and item.get_closest_marker("browser") is None:
        pytest.fail(f"{item.nodeid} uses chromium (the browser fixture) without @pytest.mark.browser",
                    pytrace=False)


@pytest.fixture(autouse=True)
def _chromium_only_with_the_browser_marker(request, monkeypatch):
    """Also catches a test that launches chromium through Playwright itself, without the fixture."""
    if request.node.get_closest_marker("browser") is not None:
        return
    try:
        from playwright.sync_api._generated import BrowserType
    except ImportError:
        return

    def refuse(*args, **kwargs):
        pytest.fail(f"{request.node.nodeid} launches chromium without @pytest.mark.browser", pytrace=False)

    for name in ("launch", "launch_persistent_context", "connect_over_cdp"):
        monkeypatch.setattr(BrowserType, name, refuse)


@pytest.fixture(scope="session")
def server_port() -> int:
    return int(os.environ[PORT_ENV])


@pytest.fixture(scope="session")
def site(server_port) -> Path:
    """The content site, built once with --strict for the whole run: the first worker to need it builds it under
    a lock, the others read the outcome it recorded."""
    shared = Path(os.environ[SHARED_ENV])
    site_dir, outcome = shared / "site", shared / "site.json"
    with open(shared / "site.lock", "w") as lock:
        fcntl.flock(lock, fcntl.LOCK_EX)
        if not outcome.exists():
            result = build_site(site_dir, fiches_dir=fiches_dir(), site_url=f"http://127.0.0.1:{server_port}/")
            outcome.write_text(json.dumps({"returncode": result.returncode, "stderr": result.stderr}))
        built = json.loads(outcome.read_text())
    assert built["returncode"] == 0, built["stderr"][-4000:]
    return site_dir


@pytest.fixture(scope="session")
def base_url(site, server_port) -> str:
    return f"http://127.0.0.1:{server_port}/"


@pytest.fixture(scope="session")
def browser():
    from playwright.sync_api import sync_playwright

    if not Path(CHROMIUM).exists():
        pytest.fail(f"{CHROMIUM} is missing: scripts/test.sh installs Debian's chromium")
    with sync_playwright() as playwright:
        instance = local_servers.launch_chromium(playwright)
        yield instance
        instance.close()


def next_frames(page, count: int = 2) -> None:
    """Let the page run its pending tasks and paint `count` frames: an event-loop wait, not a timed sleep."""
    page.evaluate("n => new Promise(done => { const step = k => k ? requestAnimationFrame(() => step(k - 1)) "
                  ": done(); step(n); })", count)


AXE = ROOT / "node_modules" / "axe-core" / "axe.min.js"


def axe_violations(page) -> list[dict]:
    """axe-core's WCAG 2.1 A and AA violations on the page as it is now (the pinned npm package)."""
    page.add_script_tag(path=str(AXE))
    return page.evaluate("""async () => {
        const r = await axe.run(document, {runOnly: {type: 'tag',
            values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']}});
        return r.violations.map(v => ({id: v.id, impact: v.impact,
            nodes: v.nodes.slice(0, 3).map(n => n.target.join(' ') + ' :: ' + n.failureSummary)}));
    }""")


class PageWatch:
    """Every request a page makes and every console error or failed response, for the privacy and 404 checks."""

    def __init__(self, page):
        self.requests: list[str] = []
        self.failures: list[str] = []
        self.console_errors: list[str] = []
        page.on("request", lambda request: self.requests.append(request.url))
        page.on("response", lambda response: self.failures.append(f"{response.status} {response.url}")
                if response.status >= 400 else None)
        # a request the browser abandons because the test moves on to the next page is no failure of the site
        page.on("requestfailed", lambda request: self.failures.append(f"failed {request.url} ({request.failure})")
                if request.failure != "net::ERR_ABORTED" else None)
        page.on("console", lambda message: self.console_errors.append(message.text)
                if message.type == "error" else None)


@pytest.fixture
def page(browser, base_url):
    context = browser.new_context(viewport={"width": 1280, "height": 900})
    page = context.new_page()
    page.watch = PageWatch(page)
    yield page
    context.close()


class CatalogueCards(HTMLParser):
    """The cards of a built catalogue page (their attributes) and its facet counts."""

    def __init__(self):
        super().__init__()
        self.cards: list[dict] = []
        self.counts: dict[str, int] = {}
        self._count_for = None

    def handle_starttag(self, tag, attrs):
        attributes = dict(attrs)
        if tag == "li" and "kb-card" in (attributes.get("class") or ""):
            self.cards.append(attributes)
        self._count_for = attributes.get("data-count-for")

    def handle_data(self, data):
        if self._count_for and data.strip():
            self.counts[self._count_for] = int(data.strip("() \n"))
            self._count_for = None


def parse_cards(path: Path) -> CatalogueCards:
    parser = CatalogueCards()
    parser.feed(path.read_text(encoding="utf-8"))
    return parser
