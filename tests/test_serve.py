"""`mkdocs serve` with an invalid fiche: the preview shows the validator's messages, keeps serving the rest of
the site and recovers when the fiche is fixed (issue 16, "Preview shows errors in the browser")."""

from __future__ import annotations

import html
import re
import shutil
import subprocess
import time
from pathlib import Path

import pytest
import yaml

from scripts import local_servers
from scripts.fiche.collection import load_collection
from tests.conftest import ROOT, fixture_project

VALID = ROOT / "tests" / "fixtures" / "valid"
HOSTILE = "<script>alert(1)</script>"
WAIT_S = 420  # a rebuild of the tiny fixture site; generous, the machine may be busy


def fetch(base: str, path: str) -> tuple[int, str]:
    return local_servers.fetch(base + path)


def wait_for(base: str, path: str, condition, process: subprocess.Popen, log: Path) -> str:
    deadline = time.monotonic() + WAIT_S
    while time.monotonic() < deadline:
        if process.poll() is not None:
            pytest.fail(f"mkdocs serve stopped (exit {process.returncode}):\n{log.read_text()[-3000:]}")
        status, body = fetch(base, path)
        if condition(status, body):
            return body
        time.sleep(0.2)  # the interval of a poll on the condition above, not a wait for its own sake
    pytest.fail(f"{path}: condition not met after {WAIT_S} s; serve log:\n{log.read_text()[-3000:]}")


@pytest.fixture(params=["--dirty", "--clean-rebuilds"], ids=["dirty", "full"])
def served(tmp_path, request):
    """A fixture site served by `mkdocs serve` from a fiches folder of two valid fixture fiches: with --dirty
    (scripts/serve.sh: only changed pages are rebuilt) and with MkDocs' default full rebuilds."""
    fiches = tmp_path / "fiches"
    fiches.mkdir()
    for path in sorted(VALID.glob("*.yml")):
        shutil.copy(path, fiches / path.name)
    config = fixture_project(tmp_path / "project")
    log = tmp_path / "serve.log"
    dirty = request.param == "--dirty"
    with local_servers.mkdocs_serve(config, fiches, log, dirty=dirty) as (base, process):
        yield base, fiches, process, log, dirty


def test_serve_shows_the_messages_of_an_invalid_fiche_and_recovers(served):
    base, fiches, process, log, dirty = served
    target = fiches / "minimal.yml"
    good = target.read_text(encoding="utf-8")
    wait_for(base, "fiches/minimal/", lambda status, body: status == 200 and "Minimaal project" in body,
             process, log)

    target.write_text(good.replace("region: brussel", f'region: "{HOSTILE}"'), encoding="utf-8")
    errors = [p for p in load_collection([target]).problems if p.severity == "error"]
    assert errors and any(HOSTILE in p.format("nl") for p in errors)
    page = wait_for(base, "fiches/minimal/", lambda status, body: status == 200 and "kb-preview-errors" in body,
                    process, log)
    for problem in errors:  # the validator's own lines, escaped, at the fiche's URL
        assert html.escape(problem.format("nl")) in page
    assert HOSTILE not in page
    assert "Minimaal project" not in page  # not the last good version

    for lang, prefix in (("nl", ""), ("fr", "fr/")):
        status, listing = fetch(base, f"{prefix}bijdragen/fouten/")
        assert status == 200
        for problem in errors:
            assert html.escape(problem.format(lang)) in listing
        assert HOSTILE not in listing
    status, other = fetch(base, "fiches/ocmw-antwerpen-amie/")  # the rest of the site keeps working
    assert status == 200 and "kb-preview-errors" not in other and "<h1" in other
    status, catalogue = fetch(base, "fiches/")
    assert status == 200 and "kb-preview-banner" in catalogue and 'href="../bijdragen/fouten/"' in catalogue
    status, fr_home = fetch(base, "fr/")
    assert status == 200 and "kb-preview-banner" in fr_home and "Aperçu" in fr_home

    target.write_text(good, encoding="utf-8")
    page = wait_for(base, "fiches/minimal/", lambda status, body: status == 200 and "Minimaal project" in body,
                    process, log)
    assert "kb-preview-errors" not in page and "kb-preview-banner" not in page
    assert fetch(base, "bijdragen/fouten/")[0] == 404
    assert "kb-preview-banner" not in fetch(base, "fiches/")[1]

    # A valid edit reaches the fiche's page and the catalogue (nothing stale with --dirty either).
    other = fiches / "ocmw-antwerpen-amie.yml"
    text = other.read_text(encoding="utf-8")
    old = re.search(r"(?m)^  nl: (.+)$", text).group(1)
    other.write_text(text.replace(f"  nl: {old}", "  nl: Nieuwe titel na bewerking", 1), encoding="utf-8")
    wait_for(base, "fiches/ocmw-antwerpen-amie/",
             lambda status, body: status == 200 and "Nieuwe titel na bewerking" in body, process, log)
    assert "Nieuwe titel na bewerking" in fetch(base, "fiches/")[1]
    assert process.poll() is None
    if dirty:  # and only part of the site was rebuilt for it
        rebuilt, unchanged = map(int, re.findall(r"preview: (\d+) page\(s\) rebuilt, (\d+) unchanged",
                                                 log.read_text(encoding="utf-8"))[-1])
        assert rebuilt > 0 and unchanged > 0


@pytest.mark.parametrize("served", ["--dirty"], indirect=True)
def test_dirty_serve_shows_an_edit_on_every_page_that_shows_the_fiche(served):
    """What the preview keeps between rebuilds (each fiche file's facts, cards, view and open data, site.FicheMemo)
    is renewed for an edited file: its page, a fiche relating to it, its module pages, the catalogue and
    fiches.json all show the edit."""
    base, fiches, process, log, _ = served
    wait_for(base, "fiches/minimal/", lambda status, body: status == 200 and "Minimaal project" in body,
             process, log)
    amie = fiches / "ocmw-antwerpen-amie.yml"
    data = yaml.safe_load(amie.read_text(encoding="utf-8"))
    modules = [m["id"] for m in data.get("modules", [])]
    assert modules, "the fixture fiche has modules"
    minimal = fiches / "minimal.yml"
    minimal.write_text(minimal.read_text(encoding="utf-8") + f"related: [{data['id']}]\n", encoding="utf-8")
    wait_for(base, "fiches/minimal/",
             lambda status, body: status == 200 and f'href="../{data["id"]}/"' in body, process, log)

    title = f"Bewerkte titel {time.time_ns()}"
    text = amie.read_text(encoding="utf-8")
    old = re.search(r"(?m)^title:\n  nl: (.+)$", text).group(1)
    amie.write_text(text.replace(f"title:\n  nl: {old}", f"title:\n  nl: {title}", 1), encoding="utf-8")
    wait_for(base, f"fiches/{data['id']}/", lambda status, body: status == 200 and title in body, process, log)
    assert title in fetch(base, "fiches/minimal/")[1]  # the related fiche's link
    assert title in fetch(base, f"fiches/{data['id']}/{modules[0]}/")[1]  # its module page names its fiche
    assert title in fetch(base, "fiches/")[1]  # the catalogue card
    assert title in fetch(base, "fiches.json")[1]
    assert title not in fetch(base, f"fr/fiches/{data['id']}/")[1]  # only the Dutch title was edited
