"""Rules of the test suite itself, enforced by tests/conftest.py."""

from __future__ import annotations

import shutil
import subprocess
import sys

from conftest import ROOT, cli_env

UNMARKED = '''
import pytest


def test_uses_the_fixture(browser):
    pass


def test_launches_itself():
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        playwright.chromium.launch(executable_path="/usr/bin/chromium")


@pytest.mark.browser
def test_marked_and_not_launching():
    pass
'''


def test_a_test_starting_chromium_without_the_browser_marker_fails(tmp_path):
    shutil.copy(ROOT / "tests" / "conftest.py", tmp_path / "conftest.py")
    (tmp_path / "pytest.ini").write_text("[pytest]\nmarkers =\n    browser: chromium\n", encoding="utf-8")
    (tmp_path / "test_unmarked.py").write_text(UNMARKED, encoding="utf-8")
    env = cli_env()  # the copied conftest imports the scripts package (local_servers), as from the repository
    result = subprocess.run([sys.executable, "-m", "pytest", "-q", "-p", "no:cacheprovider", "-rA", str(tmp_path)],
                            cwd=tmp_path, env=env, capture_output=True, text=True, timeout=120)
    out = result.stdout
    assert result.returncode == 1, out
    assert "test_uses_the_fixture uses chromium (the browser fixture) without @pytest.mark.browser" in out
    assert "test_launches_itself launches chromium without @pytest.mark.browser" in out
    assert "PASSED test_unmarked.py::test_marked_and_not_launching" in out
    # and `-m "not browser"` deselects only the marked test
    fast = subprocess.run([sys.executable, "-m", "pytest", "-q", "-p", "no:cacheprovider", "-m", "not browser",
                           str(tmp_path)], cwd=tmp_path, env=env, capture_output=True, text=True, timeout=120)
    assert fast.returncode == 1 and "1 failed, 1 deselected, 1 error" in fast.stdout, fast.stdout
