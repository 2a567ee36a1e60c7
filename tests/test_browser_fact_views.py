"""What the compare table and the competence overview show is what the fact record worded (each fiche's
data.json): the browser places the words, it does not compose team lines, module summaries, intensity lines or
contradictions of its own. Fiches are chosen from fiches/ by what they hold, never by name."""

from __future__ import annotations

import json

import pytest
from conftest import load_fiches

from scripts.lang import ui_text
from scripts.site import urls

pytestmark = pytest.mark.browser

LANGS = urls.LANGS


def _data(site, fiche_id: str, lang: str) -> dict:
    return json.loads((site / urls.url_for("fiche-data", fiche_id, lang)).read_text(encoding="utf-8"))


def _cells(page, row: str) -> list[dict]:
    """Each project's cell of a compare row: its whole text and the texts of its list items."""
    return page.eval_on_selector_all(f"tr[data-row='{row}'] td", """cells => cells.map(td => ({
        text: td.textContent, items: [...td.querySelectorAll('li')].map(li => li.textContent)}))""")


@pytest.mark.parametrize("lang", LANGS)
def test_the_compare_table_shows_the_fact_records_words(page, base_url, site, lang):
    fiches = load_fiches()
    staffed = [f["id"] for f in fiches if f.get("staffing", {}).get("roles") and f.get("modules")]
    contradicted = [f["id"] for f in fiches if f.get("conflicts") and f["id"] not in staffed[:1]]
    assert staffed and contradicted, "the fiches hold no team with modules, or no contradiction"
    ids = [staffed[0], contradicted[0]]
    data = [_data(site, i, lang) for i in ids]
    page.goto(base_url + urls.url_for("page", "fiches/vergelijk/", lang) + "?ids=" + ",".join(ids))
    page.wait_for_selector(".kb-compare-table")
    for cell, record in zip(_cells(page, "staffing"), data, strict=True):
        assert cell["items"] == record["roles"]
    for cell, record in zip(_cells(page, "module_summary"), data, strict=True):
        if record["module_summary"]["count_text"]:
            assert cell["text"].startswith(record["module_summary"]["count_text"])
            assert cell["items"] == [kind["text"] for kind in record["module_summary"]["kinds"]]
    for cell, record in zip(_cells(page, "weekly_hours"), data, strict=True):
        hours = record["hours"]
        if hours["text"]:
            assert cell["text"] == hours["key_text"]
        elif hours["lines"]:
            assert cell["items"] == hours["lines"]
    for cell, record in zip(_cells(page, "conflicts"), data, strict=True):
        assert cell["items"] == [c["summary"] for c in record["conflicts"]]
    assert page.watch.console_errors == []


@pytest.mark.parametrize("lang", LANGS)
def test_the_competence_overview_shows_each_projects_staffing_line(page, base_url, site, lang):
    staffed = [f for f in load_fiches() if f.get("staffing", {}).get("roles") and f.get("modules")]
    assert staffed, "no fiche with a team has modules"
    fiche = staffed[0]
    record = _data(site, fiche["id"], lang)
    page.goto(base_url + urls.url_for("page", "modules/competenties/", lang))
    page.locator(f"input[name='module'][data-fiche='{fiche['id']}']").first.check()
    page.wait_for_selector("[data-kb-overview-result] h3 ~ ul li strong")
    lines = page.eval_on_selector_all("[data-kb-overview-result] ul:last-child > li",
                                      "els => els.map(e => e.textContent)")
    colon = ui_text.t("colon", lang)
    assert lines == [f"{record['title']} – {record['organisation']}{colon} {record['staffing_text']}"]
    assert page.watch.console_errors == []
