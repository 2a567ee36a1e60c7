"""Screenshots of the web editor for the contributor guide (docs/assets/editor-*.png), taken in chromium.

    python scripts/cms_screenshots.py SITE_DIR

SITE_DIR is a built site (`mkdocs build -d SITE_DIR`); the editor runs against a temporary git copy of
fiches/ through the local proxy, so the repository is never written to. Run it again when the editor changes.
"""

from __future__ import annotations

import functools
import http.server
import shutil
import subprocess
import sys
import tempfile
import threading
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

import cms_proxy  # noqa: E402

ROOT = Path(__file__).resolve().parent.parent
OUT = ROOT / "docs" / "assets"
CHROMIUM = "/usr/bin/chromium"
ARGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update",
        "--disable-sync", "--no-first-run"]


class Quiet(http.server.SimpleHTTPRequestHandler):
    def log_message(self, *args) -> None:
        pass


def main(argv: list[str]) -> int:
    from playwright.sync_api import sync_playwright

    site = Path(argv[0]).resolve()
    with tempfile.TemporaryDirectory() as tmp:
        repo = Path(tmp) / "repo"
        shutil.copytree(ROOT / "fiches", repo / "fiches")
        subprocess.run(["git", "init", "-q", str(repo)], check=True)
        web = http.server.ThreadingHTTPServer(("127.0.0.1", 0), functools.partial(Quiet, directory=str(site)))
        proxy = cms_proxy.serve(repo, 0)
        for server in (web, proxy):
            threading.Thread(target=server.serve_forever, daemon=True).start()
        base = f"http://127.0.0.1:{web.server_address[1]}/admin/"
        with sync_playwright() as playwright:
            browser = playwright.chromium.launch(executable_path=CHROMIUM, headless=True, args=ARGS)
            page = browser.new_page(viewport={"width": 1100, "height": 680})
            page.route("http://127.0.0.1:8081/**", lambda route: route.continue_(
                url=route.request.url.replace(":8081", f":{proxy.server_address[1]}")))
            page.goto(base)
            page.get_by_role("button", name="Inloggen").click()
            page.get_by_text("Fiches", exact=True).first.wait_for()
            page.wait_for_timeout(500)
            page.screenshot(path=str(OUT / "editor-lijst.png"))
            first = sorted((repo / "fiches").glob("*.yml"))[0].stem
            page.goto(base + f"#/collections/fiches/entries/{first}")
            page.locator('label[for^="title-field-"]').first.wait_for()
            page.wait_for_timeout(2500)  # the preview frames load the built pages
            page.screenshot(path=str(OUT / "editor-formulier.png"))
            page.goto(base + "#/collections/fiches/new")
            page.locator('input[id^="id-field-"]').fill("ocmw-voorbeeld-project")
            page.get_by_text("Publiceer", exact=True).first.click()
            page.get_by_role("menuitem", name="Publiceer nu").click()
            page.wait_for_timeout(800)
            page.screenshot(path=str(OUT / "editor-verplicht.png"))
            browser.close()
        web.shutdown()
        proxy.shutdown()
    for name in ("editor-lijst.png", "editor-formulier.png", "editor-verplicht.png"):
        print(f"{OUT / name}: {(OUT / name).stat().st_size} bytes")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
