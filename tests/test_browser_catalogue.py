"""Catalogue filters and the compare view in Debian's chromium, with the mouse and with the keyboard alone."""

from __future__ import annotations

import json

import pytest

pytestmark = pytest.mark.browser


def number(value) -> str:
    return f"{value:g}".replace(".", ",")


def pick(fiches: list[dict], count: int, need=lambda f: True) -> list[dict]:
    chosen = [f for f in fiches if need(f)][:count]
    if len(chosen) < count:
        pytest.fail(f"needs {count} published fiches of this kind; the content site has {len(chosen)}")
    return chosen


def visible_ids(page) -> list[str]:
    return page.eval_on_selector_all(".kb-card:not([hidden])", "els => els.map(e => e.dataset.id)")


def load_fiches(site) -> list[dict]:
    return json.loads((site / "fiches.json").read_text(encoding="utf-8"))["fiches"]


def test_facet_narrows_the_list_and_the_url_reproduces_it(page, base_url, site):
    fiches = load_fiches(site)
    page.goto(base_url + "fiches/")
    assert len(visible_ids(page)) == len(fiches)
    # a region that leaves out some fiches, and a theme of the fiches left in
    regions = sorted({f["region"] for f in fiches}, key=lambda r: sum(f["region"] == r for f in fiches))
    region = regions[0]
    theme = sorted(t for f in fiches if f["region"] == region for t in f["themes"])[0]
    page.check(f"input[name='region'][value='{region}']")
    expected = sorted(f["id"] for f in fiches if f["region"] == region)
    assert sorted(visible_ids(page)) == expected
    page.check(f"input[name='theme'][value='{theme}']")
    expected = sorted(f["id"] for f in fiches if f["region"] == region and theme in f["themes"])
    assert expected
    assert sorted(visible_ids(page)) == expected
    assert f"region={region}" in page.url and f"theme={theme}" in page.url
    # counts update: each facet counts what the other facets leave (its own choice does not narrow it)
    for region_code in regions:
        count = sum(f["region"] == region_code and theme in f["themes"] for f in fiches)
        assert page.text_content(f"[data-count-for='region:{region_code}']") == f"({count})"
    for code in {t for f in fiches for t in f["themes"]}:
        in_region = sum(1 for f in fiches if f["region"] == region and code in f["themes"])
        assert page.text_content(f"[data-count-for='theme:{code}']") == f"({in_region})", code
    shared = page.url
    other = page.context.new_page()
    other.goto(shared)
    assert sorted(visible_ids(other)) == expected
    assert other.is_checked(f"input[name='region'][value='{region}']")
    assert other.text_content("[data-kb-count]").startswith(f"{len(expected)} van {len(fiches)}")
    other.close()


def test_free_text_fte_range_and_sort(page, base_url, site):
    fiches = load_fiches(site)
    page.goto(base_url + "fr/fiches/?fte_min=3&sort=fte-desc")
    expected = [f for f in fiches if f["total_fte"] is not None and f["total_fte"] >= 3]
    assert visible_ids(page) == [f["id"] for f in sorted(expected, key=lambda f: -f["total_fte"])]
    page.fill("input[name='fte_min']", "")
    word = min((f["municipality"]["fr"] for f in fiches), key=lambda m: (sum(
        m.lower() in json.dumps(g, ensure_ascii=False).lower() for g in fiches), m)).split()[0].lower()
    page.fill(".kb-filters input[name='text']", word)
    page.wait_for_selector("[data-kb-catalogue][data-kb-vocabulary]", state="attached")  # every card's words in
    shown = visible_ids(page)
    owners = [f["id"] for f in fiches if f["municipality"]["fr"].lower().startswith(word)]
    assert shown and set(owners) <= set(shown)
    by_id = {f["id"]: json.dumps(f, ensure_ascii=False).lower() for f in fiches}
    assert all(word in by_id[i] for i in shown)  # every card left is a fiche that says the word
    assert len(shown) < len(fiches)
    assert f"text={word}" in page.url


def test_filters_work_with_the_keyboard_alone(page, base_url, site):
    fiches = load_fiches(site)
    page.goto(base_url + "fiches/")
    region = sorted(f["region"] for f in fiches)[-1]
    page.focus(".kb-filters input[name='text']")
    for _ in range(12):  # tab through the form until the region's checkbox has focus
        if page.evaluate(f"document.activeElement.name === 'region' && document.activeElement.value === '{region}'"):
            break
        page.keyboard.press("Tab")
    assert page.evaluate("document.activeElement.value") == region
    page.keyboard.press("Space")
    in_region = sorted(f["id"] for f in fiches if f["region"] == region)
    assert sorted(visible_ids(page)) == in_region
    # and choose a fiche to compare, then open the comparison, with the keyboard
    page.focus(f"[data-kb-compare][value='{in_region[0]}']")
    page.keyboard.press("Space")
    page.keyboard.press("Shift+Tab")
    page.focus("[data-kb-compare-link]")
    with page.expect_navigation():
        page.keyboard.press("Enter")
    assert page.url.endswith(f"fiches/vergelijk/?ids={in_region[0]}")


def test_compare_shows_the_chosen_fiches_side_by_side(page, base_url, site):
    first, second, third = pick(load_fiches(site), 3, lambda f: f.get("modules") and f["total_fte"] is not None)
    fr = {f["id"]: json.loads((site / "fr" / "fiches" / f["id"] / "data.json").read_text(encoding="utf-8"))
          for f in (first, second, third)}
    page.goto(base_url + f"fr/fiches/vergelijk/?ids={first['id']},{second['id']}")
    page.wait_for_selector(".kb-compare-table")
    headers = page.eval_on_selector_all(".kb-compare-table thead th a", "els => els.map(e => e.textContent)")
    assert headers == [fr[first["id"]]["title"], fr[second["id"]]["title"]]
    text = page.text_content(".kb-compare-table")
    for fiche in (first, second):
        data = fr[fiche["id"]]
        assert f"{data['municipality']} ({data['region']})" in text
        assert data["modules"][0]["name"] in text
    rows = page.eval_on_selector_all(".kb-compare-table tbody tr",
                                     "rows => rows.map(r => [...r.children].map(c => c.textContent.trim()))")
    total = next(r for r in rows if r[0] == "Total ETP")
    assert total[1:] == [number(fr[first["id"]]["total_fte"]), number(fr[second["id"]]["total_fte"])]
    # add a third fiche with the keyboard through the picker; the URL follows
    page.focus("select[name='add']")
    page.select_option("select[name='add']", third["id"])
    page.keyboard.press("Tab")
    page.keyboard.press("Enter")
    page.wait_for_function("document.querySelectorAll('.kb-compare-table thead th').length === 3")
    assert page.url.endswith(f"?ids={first['id']},{second['id']},{third['id']}")
    # remove one
    page.click(f".kb-compare__remove[aria-label$={json.dumps(fr[first['id']]['title'])}]")
    page.wait_for_function("document.querySelectorAll('.kb-compare-table thead th').length === 2")
    assert first["id"] not in page.url
    assert page.watch.console_errors == [] and page.watch.failures == []


def test_compare_ignores_unknown_and_hostile_ids(page, base_url, site):
    fiche = load_fiches(site)[0]
    page.goto(base_url + f"fiches/vergelijk/?ids={fiche['id']},../../etc,%3Cscript%3E,nope")
    page.wait_for_selector(".kb-compare-table")
    headers = page.eval_on_selector_all(".kb-compare-table thead th a", "els => els.map(e => e.textContent)")
    assert headers == [fiche["title"]["nl"]]
    assert page.url.endswith(f"?ids={fiche['id']}")


def test_compare_is_readable_on_a_phone(browser, base_url, site):
    first, second = pick(load_fiches(site), 2, lambda f: f.get("modules"))
    context = browser.new_context(viewport={"width": 390, "height": 844}, is_mobile=True)
    page = context.new_page()
    page.goto(base_url + f"fiches/vergelijk/?ids={first['id']},{second['id']}")
    page.wait_for_selector(".kb-compare-table")
    # neither the page nor the comparison scrolls sideways: criterion by criterion (tests/test_browser_words.py)
    assert page.evaluate("document.documentElement.scrollWidth <= window.innerWidth + 1")
    assert page.evaluate("document.querySelector('.kb-compare__table').scrollWidth <= window.innerWidth + 1")
    context.close()
