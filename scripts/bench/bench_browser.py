"""Time catalogue filtering in Debian's chromium on a built site: `python -m scripts.bench.bench_browser SITE_DIR`.

Prints the time of one filter change (facet toggle, free text) on the fiche and module catalogues, median and
worst of 25 changes, measured through the real interface: from dispatching the form's own input/change event
to the moment the page has rewritten its result count. It prints; it asserts nothing (machines are noisy). Use
it on the site that `scripts/bench/bench.py --keep DIR --n 1000` leaves behind.
"""

from __future__ import annotations

import argparse
import statistics
import sys
from pathlib import Path

from scripts import local_servers

TIMING = """async (selector) => {
  const root = document.querySelector('[data-kb-catalogue]');
  const count = root.querySelector('[data-kb-count]');
  /* One change as a reader makes it: the event the browser would fire, then wait until the count is rewritten
     (the catalogue script rewrites it on every change, even when the number stays the same). */
  const change = (target, type) => new Promise((resolve) => {
    const start = performance.now();
    const observer = new MutationObserver(() => { observer.disconnect(); resolve(performance.now() - start); });
    observer.observe(count, {childList: true, characterData: true, subtree: true});
    setTimeout(() => { observer.disconnect(); resolve(null); }, 5000);
    target.dispatchEvent(new Event(type, {bubbles: true}));
  });
  const boxes = [...root.querySelectorAll(selector)];
  const times = [];
  for (let i = 0; i < 20; i++) {
    const box = boxes[i % boxes.length];
    box.checked = !box.checked;
    times.push(await change(box, 'change'));
    await new Promise(r => requestAnimationFrame(r));
  }
  const search = root.querySelector("input[name='text']");
  for (const word of ['taal', 'werk', 'groep', 'cpas', '']) {
    search.value = word;
    times.push(await change(search, 'input'));
  }
  return {cards: root.querySelectorAll('.kb-card').length, times};
}"""


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("site", type=Path)
    args = parser.parse_args(argv)
    from playwright.sync_api import sync_playwright

    print(f"{'page':28} {'cards':>6} {'median ms':>10} {'worst ms':>9}")
    with local_servers.serve_static(args.site) as base, sync_playwright() as playwright:
        browser = local_servers.launch_chromium(playwright)
        page = browser.new_page()
        for path in ("fiches/", "fr/fiches/", "modules/", "fr/modules/"):
            page.goto(base + path, wait_until="load")
            result = page.evaluate(TIMING, "input[type=checkbox][name]")
            times = [t for t in result["times"] if t is not None]
            if len(times) < len(result["times"]):  # the count was not rewritten: the interface did not respond
                print(f"{path:28} {result['cards']:>6} {len(result['times']) - len(times)} changes without a result")
            if times:
                print(f"{path:28} {result['cards']:>6} {statistics.median(times):>10.1f} {max(times):>9.1f}")
        browser.close()
    return 0


if __name__ == "__main__":
    sys.exit(main())
