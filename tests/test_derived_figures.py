"""Derived figures say no more than the sources, in every view (issue 26).

Intensity is a property of a module: a project shows a figure of its own only where the source states one for
the whole project, else each module's intensity, named. A figure's basis (stated, computed, contradicted) travels
from the fact record to every view. Expectations come from the fact record of each fiche: the fixture fiches in
tests/fixtures/derived/ (always present, so the rules are exercised) and, for the real site, every fiche.
"""

from __future__ import annotations

import csv
import html
import io
import json
import re
import shutil
from pathlib import Path

import pytest
from conftest import ROOT, build_site, fixture_project, parse_cards

from scripts.fiche import collection as fiche_collection
from scripts.lang import ui_text
from scripts.site import facts, urls
from scripts.site import modules as mod

LANGS = urls.LANGS
DERIVED = ROOT / "tests" / "fixtures" / "derived"
PAGES = ("fiches/cijfers", "modules/index")  # besides home and catalogue: the figures and the module catalogue


def _plain(page: str) -> str:
    return re.sub(r"[ \t\r\n]+", " ", html.unescape(re.sub(r"<[^>]+>", " ", page))).strip()


def _fact(page: str, name: str) -> list[str]:
    """The texts of every element marked data-fact="name" (no nesting of the same element in these views)."""
    return [_plain(m) for m in re.findall(rf'data-fact="{name}"[^>]*>(.*?)</(?:dd|span)>', page, re.S)]


@pytest.fixture(scope="module")
def derived_site(tmp_path_factory) -> tuple[Path, list]:
    """A small site built from the fixture fiches, with the figures page and the module catalogue."""
    tmp = tmp_path_factory.mktemp("derived")
    fiches = tmp / "fiches"
    shutil.copytree(DERIVED, fiches)
    config = fixture_project(tmp)
    docs = tmp / "docs"
    for page in PAGES:
        for lang in LANGS:
            target = docs / f"{page}.{lang}.md"
            target.parent.mkdir(parents=True, exist_ok=True)
            shutil.copy(ROOT / "docs" / f"{page}.{lang}.md", target)
    text = config.read_text(encoding="utf-8")
    config.write_text(text + "".join(f"  - {page}.md\n" for page in PAGES), encoding="utf-8")
    result = build_site(tmp / "site", fiches_dir=fiches, config=config)
    assert result.returncode == 0, result.stderr[-3000:]
    return tmp / "site", fiche_collection.load_collection([fiches]).fiches


def _sites(derived_site, site):
    yield derived_site
    yield site, fiche_collection.load_collection([ROOT / "fiches"]).fiches


def _csv(site: Path, lang: str) -> dict[str, dict]:
    raw = (site / urls.url_for("csv", "", lang)).read_bytes().decode("utf-8-sig")
    return {row[ui_text.t("csv_id", lang)]: row for row in csv.DictReader(io.StringIO(raw), delimiter=";")}


def _page(site: Path, kind: str, key, lang: str) -> str:
    url = urls.url_for(kind, key, lang)
    path = site / url / "index.html" if url.endswith("/") or not url else site / url
    return path.read_text(encoding="utf-8")


def test_the_fixture_fiches_cover_every_basis(derived_site):
    """The fixtures hold what the rules are about; if they stop doing so this fails (never a silent skip)."""
    _, fiches = derived_site
    bases = {m["weekly_hours_basis"] for f in fiches for m in facts.fiche_facts(f, "nl")["modules"]}
    assert {"computed", "contradicted"} <= bases
    assert {facts.fiche_facts(f, "nl")["hours"]["basis"] for f in fiches} == {None, "stated"}
    assert any(not m.get("themes") for f in fiches for m in f.data.get("modules", []))


@pytest.mark.parametrize("lang", LANGS)
def test_a_project_without_its_own_figure_shows_its_modules_named(derived_site, site, lang):
    for built, fiches in _sites(derived_site, site):
        rows = _csv(built, lang)
        cards = {c: p for c, p in re.findall(r'<li class="kb-card" data-id="([^"]+)"(.*?)</li>',
                                              _page(built, "page", "fiches/", lang), re.S)}
        for fiche in fiches:
            if fiche.is_draft:
                continue
            record = facts.fiche_facts(fiche, lang)
            hours = record["hours"]
            row = rows[fiche.id]
            key_facts = _fact(_page(built, "fiche", fiche.id, lang), "hours")
            card = _fact(cards[fiche.id], "hours")
            data = json.loads((built / urls.url_for("fiche-data", fiche.id, lang)).read_text(encoding="utf-8"))
            if hours["basis"] is None:
                # no module's hours as the project's: no number, no words, nothing to rank by
                assert row[ui_text.t("csv_weekly_hours", lang)] == "", fiche.id
                assert row[ui_text.t("csv_weekly_hours_qualifier", lang)] == "", fiche.id
                assert data["hours"]["text"] is None and data["hours"]["value"] is None, fiche.id
                assert 'data-hours="' not in cards[fiche.id].split(">", 1)[0], fiche.id
                for named in hours["modules"]:  # each module's intensity, with its name, in every project view
                    words = f"{named['name']}{ui_text.t('colon', lang)} {named['text']}"
                    assert words in key_facts[0] and words in card[0], (fiche.id, words)
                    assert named in data["hours"]["modules"], (fiche.id, named)
            else:
                assert hours["text"] in key_facts[0] and hours["text"] in card[0], fiche.id
                assert row[ui_text.t("csv_weekly_hours_qualifier", lang)] == hours["text"], fiche.id
                assert data["hours"]["basis"] == hours["basis"]


@pytest.mark.parametrize("lang", LANGS)
def test_every_module_figure_keeps_its_basis_in_every_view(derived_site, site, lang):
    marks = {"computed": ui_text.t("computed", lang), "contradicted": ui_text.t("source_contradicts", lang)}
    chart_marks = {"computed": ui_text.t("computed_short", lang), "contradicted": marks["contradicted"]}
    for built, fiches in _sites(derived_site, site):
        rows = _csv(built, lang)
        figures = html.unescape(_page(built, "page", "fiches/cijfers/", lang))
        cards = parse_cards(built / urls.url_for("page", "modules/", lang) / "index.html")
        catalogue = _page(built, "page", "modules/", lang)
        payload = {f["id"]: f for f in json.loads((built / "fiches.json").read_text(encoding="utf-8"))["fiches"]}
        for fiche in fiches:
            if fiche.is_draft:
                continue
            record = facts.fiche_facts(fiche, lang)
            fiche_page = html.unescape(_page(built, "fiche", fiche.id, lang))
            data = json.loads((built / urls.url_for("fiche-data", fiche.id, lang)).read_text(encoding="utf-8"))
            assert ui_text.t("computed", lang) not in rows[fiche.id][ui_text.t("csv_weekly_hours_qualifier", lang)]
            for index, module in enumerate(record["modules"]):
                hours, basis = module["hours"], module["weekly_hours_basis"]
                module_page = _page(built, "module", (fiche.id, module["id"]), lang)
                shown = _fact(module_page, "hours")[0]
                compared = data["modules"][index]
                # what a module's intensity reads as; a set-up contradicted in words only says just that
                words = hours["text"] or module["frequency"] or marks.get(basis)
                if basis in marks:
                    assert marks[basis] in words, (fiche.id, module["id"])
                    assert words in shown, (fiche.id, module["id"])  # module page
                    assert words in fiche_page, (fiche.id, module["id"])  # the fiche's module table
                if basis == "contradicted":  # the statements themselves, on the module page
                    assert module_page.count("data-conflict") == len(hours["conflicts"]) > 0
                    assert compared["weekly_hours_text"] == hours["text"]  # compare view
                    assert compared["frequency"] == module["frequency"]
                if basis in marks and hours["text"]:
                    assert hours["text"] in rows[fiche.id][ui_text.t("csv_module_weekly_hours", lang)]
                    row = re.search(rf'<tr data-module="{fiche.id}--{module["id"]}">(.*?)</tr>', figures, re.S)
                    assert row and hours["text"] in _plain(row.group(1)), (fiche.id, module["id"])  # table
                    label = f"{record['title']} – {module['name']}"
                    bar = re.search(rf"<title>{re.escape(label)}{re.escape(ui_text.t('colon', lang))} ([^<]*)</title>",
                                    figures)
                    assert bar and chart_marks[basis] in bar.group(1), (fiche.id, module["id"])  # chart label
                    assert payload[fiche.id]["module_weekly_hours"][module["id"]]["basis"] == basis
                if basis == "contradicted":  # never ranked or bucketed as one number
                    assert compared["weekly_hours"] is None
                    key = f"{fiche.id}--{module['id']}"
                    card = re.search(rf'<li class="kb-card" data-id="{key}"([^>]*)>', catalogue)
                    assert card and "data-hours" not in card.group(1)
                    assert f"intensity:{mod.CONTRADICTED}" in card.group(1)
                    assert not any(f"intensity:{band}" in card.group(1) for band in mod.INTENSITY
                                   if band != mod.CONTRADICTED)
        assert cards.cards


@pytest.mark.parametrize("lang", LANGS)
def test_a_module_carries_only_its_own_themes(derived_site, site, lang):
    for built, fiches in _sites(derived_site, site):
        catalogue = _page(built, "page", "modules/", lang)
        for fiche in fiches:
            if fiche.is_draft:
                continue
            for module in fiche.data.get("modules", []):
                key = f"{fiche.id}--{module['id']}"
                card = re.search(rf'<li class="kb-card" data-id="{key}"[^>]*data-f="([^"]*)"', catalogue)
                assert card, key
                themes = sorted(c.split(":", 1)[1] for c in card.group(1).split() if c.startswith("theme:"))
                assert themes == sorted(module.get("themes", [])), key


def test_comparable_modules_share_a_theme_and_a_format_or_goal_and_ignore_fiche_profiles(derived_site):
    for fiches in (derived_site[1], fiche_collection.load_collection([ROOT / "fiches"]).fiches):
        modules = mod.all_modules(fiches)
        by_key = {m.key: m for m in modules}
        for key, others in mod.related_modules(modules).items():
            for other in others:
                a, b = by_key[key], by_key[other]
                assert a.data.get("themes") and b.data.get("themes")
                assert set(a.themes) & set(b.themes)
                assert mod.format_features(a) & mod.format_features(b) or mod.goal_topics(a) & mod.goal_topics(b)
                assert not any(f.startswith("profile:") for f in mod.features(a))


def test_a_contradicted_module_figure_is_a_range_without_a_second_qualifier():
    fiche = fiche_collection.load_collection([DERIVED]).fiches
    for f in fiche:
        for lang in LANGS:
            for module in facts.fiche_facts(f, lang)["modules"]:
                text = module["hours"]["text"] or ""
                mark = ui_text.t("source_contradicts", lang)
                assert text.count("(") <= 1 and text.count(mark) <= 1, text
                numbers = [x for c in module["hours"]["conflicts"] for x in c["numbers"]]
                if len(set(numbers)) > 1:
                    low, high = ui_text.number(min(numbers), lang), ui_text.number(max(numbers), lang)
                    assert text.startswith(f"{low}–{high} ") and module["hours"]["value"] is None


def test_a_project_level_statement_is_not_an_origin_label_on_every_module():
    """The basis of a module's approach (`origin`) is what the source says about that module: one place in the
    source cited as the basis of every module of a fiche is a statement about the project."""
    for fiche in fiche_collection.load_collection([ROOT / "fiches"]).fiches:
        modules = fiche.data.get("modules", [])
        cited = {(m.get("origin"), json.dumps(m.get("origin_source"), sort_keys=True)) for m in modules}
        if len(modules) > 1 and all("origin" in m for m in modules):
            assert len(cited) > 1, fiche.id


@pytest.mark.parametrize("lang", LANGS)
def test_a_contradicted_team_is_qualified_once_and_has_no_head_count(derived_site, site, lang):
    """'2,5 (bron tegenstrijdig: 2,5–3 (bron tegenstrijdig))' said it twice; a head count from the team
    description ignores the budget's extra team leader, so a contradicted team has none."""
    mark = re.escape(ui_text.t("source_contradicts", lang))
    nested = re.compile(rf"\([^()]*\([^()]*{mark}[^()]*\)[^()]*\)|\([^()]*{mark}[^()]*\([^()]*\)\)")
    persons = {ui_text.plural("persons", n, lang) for n in range(1, 40)}
    contradicted = 0
    for built, fiches in _sites(derived_site, site):
        for fiche in fiches:
            if fiche.is_draft:
                continue
            page = _page(built, "fiche", fiche.id, lang)
            assert not nested.search(_plain(page)), fiche.id
            team = _fact(page, "fte")[0]
            if facts.fiche_facts(fiche, lang)["fte"]["conflict"]:
                contradicted += 1
                assert not any(p in team for p in persons), (fiche.id, team)
    assert contradicted  # the fixture fiche has a contradicted team


@pytest.mark.browser
@pytest.mark.parametrize("lang", LANGS)
def test_the_compare_view_shows_each_projects_intensity_with_its_basis(browser, base_url, site, lang):
    """The compare table's intensity row: the project's own figure, else each module's intensity named, with the
    basis in its words (a contradicted module reads as contradicted there too)."""
    fiches = [f for f in fiche_collection.load_collection([ROOT / "fiches"]).fiches if not f.is_draft]
    ids = [f.id for f in fiches]
    context = browser.new_context(viewport={"width": 1280, "height": 900})
    page = context.new_page()
    try:
        for start in range(0, len(ids), 4):  # the view holds at most four fiches
            chosen = ids[start:start + 4]
            page.goto(base_url + ("" if lang == LANGS[0] else f"{lang}/") + "fiches/vergelijk/?ids=" + ",".join(chosen))
            page.wait_for_selector(".kb-compare-table")
            cells = page.eval_on_selector_all("tr[data-row='weekly_hours'] td", "els => els.map(e => e.textContent)")
            assert len(cells) == len(chosen)
            for cell, fiche_id in zip(cells, chosen, strict=True):
                hours = facts.fiche_facts(next(f for f in fiches if f.id == fiche_id), lang)["hours"]
                if hours["text"]:
                    assert hours["text"] in cell, fiche_id
                else:
                    for named in hours["modules"]:
                        assert f"{named['name']}{ui_text.t('colon', lang)} {named['text']}" in cell, fiche_id
                    if hours["source_text"]:
                        assert hours["source_text"] in cell, fiche_id
                    if not hours["modules"] and not hours["source_text"]:
                        assert cell.strip() == ui_text.t("not_given", lang), fiche_id
    finally:
        context.close()
