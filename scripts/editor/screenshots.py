"""Screenshots of the web editor for the contributor guide, taken in chromium: docs/assets/editor-*.nl.png and
*.fr.png (static-i18n gives each reader the screenshot of their language).

    python -m scripts.editor.screenshots SITE_DIR

SITE_DIR is a built site (`mkdocs build -d SITE_DIR`); the editor runs against a temporary git copy of
fiches/ through the local proxy, so the repository is never written to. Run it again when the editor changes.
"""

from __future__ import annotations

import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

from scripts import local_servers
from scripts.editor import proxy as cms_proxy
from scripts.lang import ui_text

ROOT = Path(__file__).resolve().parents[2]
OUT = ROOT / "docs" / "assets"
CONFIGURED_PORT = f":{cms_proxy.DEFAULT_PORT}"  # the proxy's port that the built config.yml names
# The interface's own words: log in (Decap's NL and FR locales); save, save now (ui_text: on this machine the
# editor writes the file, so it never says "publish").
LOGIN = {"nl": "Inloggen", "fr": "Se connecter"}


def buttons() -> dict[str, tuple[str, str, str]]:
    """Per language: log in, save, save now (read when the screenshots are taken, not when imported)."""
    return {lang: (LOGIN[lang], ui_text.t("editor_save", lang), ui_text.t("editor_save_now", lang)) for lang in LOGIN}


def main(argv: list[str]) -> int:
    from playwright.sync_api import sync_playwright

    site = Path(argv[0]).resolve()
    with tempfile.TemporaryDirectory() as tmp:
        repo = Path(tmp) / "repo"
        shutil.copytree(ROOT / "fiches", repo / "fiches")
        subprocess.run(["git", "init", "-q", str(repo)], check=True)
        with local_servers.serve_static(site) as site_url, sync_playwright() as playwright:
            proxy = cms_proxy.serve(repo, 0, origins=frozenset({site_url.rstrip("/")}))  # the editor's page
            local_servers.in_thread(proxy)
            base = site_url + "admin/"
            browser = local_servers.launch_chromium(playwright)
            for lang, (login, publish, publish_now) in buttons().items():
                page = browser.new_page(viewport={"width": 1100, "height": 680}, locale=lang)
                page.route(f"http://{cms_proxy.HOST}{CONFIGURED_PORT}/**", lambda route: route.continue_(
                    url=route.request.url.replace(CONFIGURED_PORT, f":{proxy.server_address[1]}")))
                page.set_default_timeout(90_000)
                page.goto(base + f"?lang={lang}", wait_until="domcontentloaded")
                page.get_by_role("button", name=login).click()
                page.get_by_text("Fiches", exact=True).first.wait_for()
                page.wait_for_timeout(500)
                page.screenshot(path=str(OUT / f"editor-lijst.{lang}.png"))
                first = sorted((repo / "fiches").glob("*.yml"))[0].stem
                page.goto(base + f"?lang={lang}#/collections/fiches/entries/{first}")
                page.locator('label[for^="title-field-"]').first.wait_for()
                page.wait_for_timeout(4000)  # the live preview: typing pause, rendering by the proxy, stylesheets
                page.screenshot(path=str(OUT / f"editor-formulier.{lang}.png"))
                page.goto(base + f"?lang={lang}#/collections/fiches/new")
                page.locator('input[id^="id-field-"]').fill("ocmw-voorbeeld-project")
                page.get_by_text(publish, exact=True).first.click()
                page.get_by_role("menuitem", name=publish_now).click()
                page.wait_for_timeout(800)
                page.screenshot(path=str(OUT / f"editor-verplicht.{lang}.png"))
                page.close()
            browser.close()
            proxy.shutdown()
    for path in sorted(OUT.glob("editor-*.png")):
        print(f"{path}: {path.stat().st_size} bytes")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
