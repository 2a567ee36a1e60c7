"""Search relevance: the judged queries (tests/fixtures/search_queries.yml), scored by scripts/search_quality.py."""

from __future__ import annotations

import io

import pytest
from conftest import ROOT

from scripts import search_quality as sq
from scripts.lang import languages


def test_the_judged_set_is_large_and_covers_both_languages_and_every_kind_of_query():
    queries = sq.load_queries()
    assert len(queries) >= 40
    for lang in languages.codes():
        assert sum(q.lang == lang for q in queries) >= 15, lang
    assert {q.kind for q in queries} == sq.KINDS
    assert len({(q.lang, q.query) for q in queries}) == len(queries)  # no query judged twice


def test_a_bad_entry_is_named(tmp_path):
    path = tmp_path / "queries.yml"
    path.write_text("queries:\n  - {lang: nl, query: Gent, fiche: a, kind: place}\n"
                    "  - {lang: de, query: Gent, fiche: a, kind: place}\n", encoding="utf-8")
    with pytest.raises(sq.QueryFileError, match=r"query 2: lang must be one of nl, fr"):
        sq.load_queries(path)
    path.write_text("queries:\n  - {lang: nl, query: Gent, fiche: a, kind: place, expect: b}\n", encoding="utf-8")
    with pytest.raises(sq.QueryFileError, match=r"query 1: unknown key\(s\) expect"):
        sq.load_queries(path)


def test_an_entry_whose_fiche_or_section_is_absent_is_skipped(tmp_path):
    page = tmp_path / "fr" / "fiches" / "a" / "index.html"
    page.parent.mkdir(parents=True)
    page.write_text('<h3 id="budget">Budget</h3>', encoding="utf-8")
    assert sq.present(tmp_path, sq.Query("fr", "x", "a", None, "place"))
    assert sq.present(tmp_path, sq.Query("fr", "x", "a", "budget", "method"))
    assert not sq.present(tmp_path, sq.Query("fr", "x", "a", "staffing", "method"))
    assert not sq.present(tmp_path, sq.Query("nl", "x", "a", None, "place"))  # only the French page exists
    assert not sq.present(tmp_path, sq.Query("fr", "x", "b", None, "place"))


def test_success_at_1_and_mrr_at_5():
    gent = sq.Query("nl", "Gent", "gent", None, "place")
    goal = sq.Query("nl", "GOAL", "gent", "module-goal", "method")
    outcomes = [
        sq.Outcome(gent, ["fiches/gent/#overview", "fiches/luik/"], 0),  # any section of the page will do
        sq.Outcome(goal, ["fiches/gent/", "woordenlijst/", "fiches/gent/#module-goal"], 0),  # rank 3
        sq.Outcome(gent, ["a/", "b/", "c/", "d/", "e/", "fiches/gent/"], 1),  # rank 6: outside MRR@5
    ]
    assert [o.rank for o in outcomes] == [1, 3, 6]
    report = sq.Report(outcomes)
    assert report.success_at_1 == pytest.approx(1 / 3)
    assert report.mrr_at_5 == pytest.approx((1 + 1 / 3 + 0) / 3)
    assert report.other_language == 1
    assert not report.meets_goal()
    assert sq.Report([outcomes[0]]).meets_goal()
    assert not sq.Report([]).meets_goal()


@pytest.mark.browser
def test_judged_queries_meet_the_goal_on_the_built_site(browser, base_url, site):
    report = sq.evaluate(browser, base_url, site, sq.load_queries(ROOT / "tests" / "fixtures" / "search_queries.yml"))
    assert report.outcomes, "no judged query has its fiche in this site"
    text = io.StringIO()
    sq.print_report(report, text)
    assert report.meets_goal(), text.getvalue()
