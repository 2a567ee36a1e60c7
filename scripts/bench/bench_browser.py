"""Time catalogue filtering in Debian's chromium on a built site: `python -m scripts.bench.bench_browser SITE_DIR`.

Prints the time of one filter change (facet toggle, free text) on the fiche and module catalogues, measured in
the page around the catalogue script's own apply step, median and worst of 20 changes. It prints; it asserts
nothing (machines are noisy). Use it on the site that `scripts/bench/bench.py --keep DIR --n 1000` leaves behind.
"""

from __future__ import annotations

import argparse
import functools
import http.server
import statistics
import sys
import threading
from pathlib import Path

CHROMIUM_ARGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update",
                 "--disable-sync", "--no-first-run"]
TIMING = """async (selector) => {
  const root = document.querySelector('[data-kb-catalogue]');
  const boxes = [...root.querySelectorAll(selector)];
  const times = [];
  for (let i = 0; i < 20; i++) {
    const box = boxes[i % boxes.length];
    box.checked = !box.checked;
    const start = performance.now();
    box.dispatchEvent(new Event('change', {bubbles: true}));  // the page's own listener filters synchronously
    times.push(performance.now() - start);
    await new Promise(r => requestAnimationFrame(r));
  }
  const search = root.querySelector("input[name='q']");
  for (const word of ['taal', 'werk', 'groep', 'cpas', '']) {
    search.value = word;
    const start = performance.now();
    search.dispatchEvent(new Event('input', {bubbles: true}));
    times.push(performance.now() - start);
  }
  return {cards: root.querySelectorAll('.kb-card').length, times};
}"""


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("site", type=Path)
    args = parser.parse_args(argv)
    from playwright.sync_api import sync_playwright

    class Quiet(http.server.SimpleHTTPRequestHandler):
        def log_message(self, *args) -> None:
            pass

    handler = functools.partial(Quiet, directory=str(args.site))
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    base = f"http://127.0.0.1:{server.server_address[1]}/"
    print(f"{'page':28} {'cards':>6} {'median ms':>10} {'worst ms':>9}")
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path="/usr/bin/chromium", headless=True, args=CHROMIUM_ARGS)
        page = browser.new_page()
        for path in ("fiches/", "fr/fiches/", "modules/", "fr/modules/"):
            page.goto(base + path, wait_until="load")
            result = page.evaluate(TIMING, "input[type=checkbox][name]")
            times = result["times"]
            print(f"{path:28} {result['cards']:>6} {statistics.median(times):>10.1f} {max(times):>9.1f}")
        browser.close()
    server.shutdown()
    return 0


if __name__ == "__main__":
    sys.exit(main())
