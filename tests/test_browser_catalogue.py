"""Catalogue filters and the compare view in Debian's chromium, with the mouse and with the keyboard alone."""

from __future__ import annotations

import json

import pytest

pytestmark = pytest.mark.browser


def visible_ids(page) -> list[str]:
    return page.eval_on_selector_all(".kb-card:not([hidden])", "els => els.map(e => e.dataset.id)")


def load_fiches(site) -> list[dict]:
    return json.loads((site / "fiches.json").read_text(encoding="utf-8"))["fiches"]


def test_facet_narrows_the_list_and_the_url_reproduces_it(page, base_url, site):
    fiches = load_fiches(site)
    page.goto(base_url + "fiches/", wait_until="networkidle")
    assert len(visible_ids(page)) == len(fiches)
    page.check("input[name='region'][value='wallonie']")
    expected = sorted(f["id"] for f in fiches if f["region"] == "wallonie")
    assert sorted(visible_ids(page)) == expected
    page.check("input[name='theme'][value='cultuur-creativiteit']")
    expected = sorted(f["id"] for f in fiches if f["region"] == "wallonie" and "cultuur-creativiteit" in f["themes"])
    assert sorted(visible_ids(page)) == expected and expected
    assert "region=wallonie" in page.url and "theme=cultuur-creativiteit" in page.url
    # counts update: with Wallonia chosen, the region facet still counts every region (it is the facet itself)
    # while the theme counts only count Walloon fiches
    walloon_taal = sum(1 for f in fiches if f["region"] == "wallonie" and "taal" in f["themes"])
    assert page.text_content("[data-count-for='theme:taal']") == f"({walloon_taal})"
    shared = page.url
    other = page.context.new_page()
    other.goto(shared, wait_until="networkidle")
    assert sorted(visible_ids(other)) == expected
    assert other.is_checked("input[name='region'][value='wallonie']")
    assert other.text_content("[data-kb-count]").startswith(f"{len(expected)} van {len(fiches)}")
    other.close()


def test_free_text_fte_range_and_sort(page, base_url, site):
    fiches = load_fiches(site)
    page.goto(base_url + "fr/fiches/?fte_min=3&sort=fte-desc", wait_until="networkidle")
    expected = [f for f in fiches if f["total_fte"] is not None and f["total_fte"] >= 3]
    assert visible_ids(page) == [f["id"] for f in sorted(expected, key=lambda f: -f["total_fte"])]
    page.fill("input[name='fte_min']", "")
    page.fill(".kb-filters input[name='q']", "anvers")
    assert visible_ids(page) == ["ocmw-antwerpen-amie"]
    assert "q=anvers" in page.url


def test_filters_work_with_the_keyboard_alone(page, base_url, site):
    fiches = load_fiches(site)
    page.goto(base_url + "fiches/", wait_until="networkidle")
    page.focus(".kb-filters input[name='q']")
    for _ in range(12):  # tab through the form until the Brussels checkbox has focus
        if page.evaluate("document.activeElement.name === 'region' && document.activeElement.value === 'brussel'"):
            break
        page.keyboard.press("Tab")
    assert page.evaluate("document.activeElement.value") == "brussel"
    page.keyboard.press("Space")
    assert sorted(visible_ids(page)) == sorted(f["id"] for f in fiches if f["region"] == "brussel")
    # and choose fiches to compare, then open the comparison, with the keyboard
    page.focus("[data-kb-compare][value='ocmw-brussel-move-up']")
    page.keyboard.press("Space")
    page.keyboard.press("Shift+Tab")
    page.focus("[data-kb-compare-link]")
    with page.expect_navigation():
        page.keyboard.press("Enter")
    assert page.url.endswith("fiches/vergelijk/?ids=ocmw-brussel-move-up")


def test_compare_shows_the_chosen_fiches_side_by_side(page, base_url):
    page.goto(base_url + "fr/fiches/vergelijk/?ids=ocmw-antwerpen-amie,ocmw-charleroi-activ-up",
              wait_until="networkidle")
    page.wait_for_selector(".kb-compare-table")
    headers = page.eval_on_selector_all(".kb-compare-table thead th a", "els => els.map(e => e.textContent)")
    assert headers == ["AMIE", "ACTIV UP!"]
    text = page.text_content(".kb-compare-table")
    assert "Anvers (Flandre)" in text and "Charleroi (Wallonie)" in text
    assert "2,5 ETP + 1 chef d'équipe à mi-temps" in text or "2,5 ETP" in text
    assert "Séances collectives" in text
    row = page.eval_on_selector_all(".kb-compare-table tbody tr",
                                    "rows => rows.map(r => [...r.children].map(c => c.textContent.trim()))")
    total = next(r for r in row if r[0] == "Total ETP")
    assert total[1:] == ["2,5", "2,5"]
    # add a third fiche with the keyboard through the picker; the URL follows
    page.focus("select[name='add']")
    page.select_option("select[name='add']", "ocmw-brussel-move-up")
    page.keyboard.press("Tab")
    page.keyboard.press("Enter")
    page.wait_for_function("document.querySelectorAll('.kb-compare-table thead th').length === 3")
    assert page.url.endswith("?ids=ocmw-antwerpen-amie,ocmw-charleroi-activ-up,ocmw-brussel-move-up")
    # remove one
    page.click(".kb-compare__remove[aria-label$='AMIE']")
    page.wait_for_function("document.querySelectorAll('.kb-compare-table thead th').length === 2")
    assert "ocmw-antwerpen-amie" not in page.url
    assert page.watch.console_errors == [] and page.watch.failures == []


def test_compare_ignores_unknown_and_hostile_ids(page, base_url):
    page.goto(base_url + "fiches/vergelijk/?ids=ocmw-antwerpen-amie,../../etc,%3Cscript%3E,nope",
              wait_until="networkidle")
    page.wait_for_selector(".kb-compare-table")
    headers = page.eval_on_selector_all(".kb-compare-table thead th a", "els => els.map(e => e.textContent)")
    assert headers == ["AMIE"]
    assert page.url.endswith("?ids=ocmw-antwerpen-amie")


def test_compare_is_readable_on_a_phone(browser, base_url):
    context = browser.new_context(viewport={"width": 390, "height": 844}, is_mobile=True)
    page = context.new_page()
    page.goto(base_url + "fiches/vergelijk/?ids=ocmw-antwerpen-amie,ocmw-gent-interactief", wait_until="networkidle")
    page.wait_for_selector(".kb-compare-table")
    # the page itself does not scroll sideways; the table scrolls inside its own box
    assert page.evaluate("document.documentElement.scrollWidth <= window.innerWidth + 1")
    assert page.evaluate("getComputedStyle(document.querySelector('.kb-compare__table')).overflowX") == "auto"
    context.close()
