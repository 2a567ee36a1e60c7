"""Modules as building blocks: pages, catalogue counts, symmetric related links, review notice, overview."""

from __future__ import annotations

import json
import re
import shutil
import subprocess

import pytest
from conftest import ROOT, build_site, fiches_dir, fixture_project, load_fiches, parse_cards

from scripts.site import modules as mod


@pytest.fixture(scope="module")
def fiches(site):
    return json.loads((site / "fiches.json").read_text(encoding="utf-8"))["fiches"]


def test_every_module_has_its_page_in_both_languages(site, fiches):
    count = 0
    for fiche in fiches:
        for module in fiche.get("modules", []):
            for prefix, lang in (("", "nl"), ("fr/", "fr")):
                page = site / prefix / "fiches" / fiche["id"] / module["id"] / "index.html"
                html = page.read_text(encoding="utf-8")
                assert f'<html lang="{lang}"' in html
                assert 'class="kb-module"' in html  # goal / content / set-up table
                assert f'href="../#module-{module["id"]}"' in html  # link back to its place in the fiche
                count += 1
    assert count == 2 * sum(len(f.get("modules", [])) for f in load_fiches()) > 0


@pytest.mark.parametrize("prefix", ["", "fr/"])
def test_module_catalogue_facet_counts_match_the_fiches(site, fiches, prefix):
    parser = parse_cards(site / prefix / "modules" / "index.html")
    expected: dict[str, int] = {}
    total = 0
    for fiche in fiches:
        for module in fiche.get("modules", []):
            total += 1
            themes = module.get("themes", [])  # never the fiche's: they say nothing about this module
            setup = module.get("setup", {})
            # a set-up the source contradicts is its own band, never bucketed as one number
            contradicted = any(f"modules[{module['id']}].setup" in c["applies_to"] for c in fiche.get("conflicts", []))
            hours = fiche["module_weekly_hours"].get(module["id"], {}).get("value")
            codes = {"kind": [module["kind"]], "theme": themes,
                     "intensity": [mod.CONTRADICTED if contradicted else mod.intensity_bucket(hours)],
                     "group": [mod.group_bucket(setup.get("max_group_size"))],
                     "language": module.get("languages", []),
                     "origin": [module["origin"]] if "origin" in module else []}
            for key, values in codes.items():
                for code in values:
                    expected[f"{key}:{code}"] = expected.get(f"{key}:{code}", 0) + 1
    assert len(parser.cards) == total == sum(len(f.get("modules", [])) for f in load_fiches())
    assert parser.counts == expected
    origins = [m["origin"] for f in load_fiches() for m in f.get("modules", []) if "origin" in m]
    assert sum(v for k, v in parser.counts.items() if k.startswith("origin:")) == len(origins)


def test_related_module_links_are_symmetric_and_computed(site, fiches):
    links: dict[str, set[str]] = {}
    for fiche in fiches:
        for module in fiche.get("modules", []):
            key = f"{fiche['id']}--{module['id']}"
            html = (site / "fiches" / fiche["id"] / module["id"] / "index.html").read_text(encoding="utf-8")
            links[key] = set(re.findall(r'<li data-module="([a-z0-9-]+)">', html))
    assert sum(len(v) for v in links.values()) > 0
    for key, others in links.items():
        for other in others:
            assert key in links[other], (key, other)
            assert other.split("--")[0] != key.split("--")[0]  # always another fiche
    kinds = {f"{f['id']}--{m['id']}": m["kind"] for f in fiches for m in f.get("modules", [])}
    assert all(kinds[a] == kinds[b] for a, others in links.items() for b in others)


CONTENT = {"text": {"nl": "Inhoud", "fr": "Contenu"}}
GOALS = [{"nl": "Sociaal netwerk uitbouwen", "fr": "Développer son réseau social"}]


def test_related_modules_relation_is_symmetric_on_synthetic_data():
    from scripts.fiche.collection import Fiche

    fiches = []
    for index in range(30):
        themes = [["taal", "werk", "wonen", "gezin"][index % 4], ["taal", "samenleving"][index % 2]]
        fiches.append(Fiche(data={"id": f"f{index}", "themes": themes, "modules": [
            {"id": "a", "kind": "collective", "themes": themes, "content": CONTENT, "goals": GOALS,
             "setup": {"frequency": {"times": 1, "per": "week"}}},
            {"id": "b", "kind": ["individual", "collective"][index % 2], "themes": themes[:1], "content": CONTENT,
             "goals": GOALS}]},
            path=ROOT, display=f"f{index}"))
    related = mod.related_modules(mod.all_modules(fiches), k=3)
    assert any(related.values())
    for key, others in related.items():
        assert len(set(others)) == len(others)
        for other in others:
            assert key in related[other]
    assert max(len(v) for v in related.values()) < 30


@pytest.mark.browser
def test_review_notice_is_decided_in_the_browser_from_the_visitors_date(tmp_path, browser):
    fiches = tmp_path / "fiches"
    fiches.mkdir()
    text = (ROOT / "tests" / "fixtures" / "valid" / "ocmw-antwerpen-amie.yml").read_text(encoding="utf-8")
    text, replaced = re.subn(r"^(last_reviewed: .*)$", r"\1\nreview_by: 2027-06-30", text, flags=re.M)
    assert replaced == 1
    (fiches / "ocmw-antwerpen-amie.yml").write_text(text, encoding="utf-8")
    site = tmp_path / "site"
    result = build_site(site, fiches_dir=fiches, config=fixture_project(tmp_path))
    assert result.returncode == 0, result.stderr[-2000:]
    page_file = site / "fiches" / "ocmw-antwerpen-amie" / "index.html"
    html = page_file.read_text(encoding="utf-8")
    assert 'data-review-by="2027-06-30"' in html and "30 juni 2027" in html
    import datetime as dt

    for today, shown in (("2027-06-30T12:00:00", False), ("2027-07-01T09:00:00", True),
                         ("2026-01-01T09:00:00", False)):
        context = browser.new_context()
        page = context.new_page()
        page.clock.set_fixed_time(dt.datetime.fromisoformat(today))
        page.goto(page_file.as_uri())
        assert page.is_visible(".kb-review") is shown, today
        context.close()


@pytest.mark.fiche
def test_history_comes_from_git(site):
    """Each fiche page lists the dates of the commits that changed its file (up to 10), newest first."""
    if shutil.which("git") is None or not (fiches_dir().parent / ".git").exists():
        pytest.fail("the change history is read from git: run the tests in a git checkout")
    for fiche in load_fiches():
        log = subprocess.run(["git", "log", "--no-merges", "--format=%cs", "--", f"{fiche['id']}.yml"],
                             cwd=fiches_dir(), capture_output=True, text=True, check=True).stdout.split()
        html = (site / "fiches" / fiche["id"] / "index.html").read_text(encoding="utf-8")
        if not log:  # not committed yet
            assert "kb-history" not in html
            continue
        history = html.split('<details class="kb-history">', 1)[1].split("</details>", 1)[0]
        # one line per day (newest first), however many commits that day
        assert re.findall(r'<time datetime="(\d{4}-\d{2}-\d{2})">', history) == list(dict.fromkeys(log[:10])), \
            fiche["id"]


@pytest.mark.browser
def test_competence_overview_combines_the_chosen_modules(page, base_url, site):
    fiches = [f for f in load_fiches() if f.get("modules") and f.get("competences")]
    if len(fiches) < 2:
        pytest.fail(f"needs two published fiches with modules and competences; the content site has {len(fiches)}")
    first, second = fiches[:2]
    chosen = [f"{first['id']}--{first['modules'][0]['id']}", f"{second['id']}--{second['modules'][0]['id']}"]
    data = [json.loads((site / "fiches" / f["id"] / "data.json").read_text(encoding="utf-8")) for f in (first, second)]
    page.goto(base_url + "modules/competenties/?modules=" + ",".join(chosen))
    page.wait_for_selector("[data-kb-overview-result] h3")
    result = "[data-kb-overview-result]"
    text = page.text_content(result)
    for module in data[0]["modules"][:1] + data[1]["modules"][:1]:
        assert module["name"] in text
    items = page.eval_on_selector_all(f"{result} h4 + ul > li", "els => els.map(e => e.firstChild.textContent.trim())")
    expected = {item for d in data for values in d["competences"].values() for item in values}
    assert set(items) == expected
    sources = page.eval_on_selector_all(f"{result} h4 + ul > li .kb-overview__from",
                                        "els => els.map(e => e.textContent)")
    assert len(sources) == len(items) and all(sources)  # each competence says which project it comes from
    per_key = page.eval_on_selector_all(f"{result} h4 + ul", "els => els.map(e => e.children.length)")
    merged = [len({i for d in data for i in d["competences"].get(k, [])}) for k in
              dict.fromkeys(k for d in data for k in d["competences"])]
    assert per_key == merged  # an item both fiches need is listed once
    for d in data:
        if d["total_fte"] is not None:
            assert f"Totaal VTE {d['total_fte']:g}".replace(".", ",") in text
    page.uncheck(f"input[value='{chosen[1]}']")
    page.wait_for_function(f"!document.querySelector('{result}').textContent.includes({json.dumps(data[1]['title'])})")
    assert page.url.endswith(f"?modules={chosen[0]}")
