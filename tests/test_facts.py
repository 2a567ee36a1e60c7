"""One fact record per fiche and language: every summary shows the same words and figures."""

from __future__ import annotations

import html
import json

import pytest

from scripts.fiche import schema as s
from scripts.lang import ui_text
from scripts.site import facts, urls


@pytest.mark.parametrize("lang", s.LANGS)
def test_approximate_duration_reads_the_same_everywhere(lang):
    setup = {"frequency": {"times": 2, "per": "week"}, "hours_per_session": 1.5,
             "duration": {"amount": 6, "unit": "month", "approximate": True}, "max_group_size": 12}
    record = facts.setup_facts(setup, lang)
    assert record["duration"].startswith(ui_text.t("approximately", lang) + " ")
    phrases = facts.intensity_phrases(record, lang)
    assert any(record["duration"] in phrase for phrase in phrases)  # the fiche line carries the compare phrase
    assert record["frequency"] in phrases and record["weekly_hours"] == 3


@pytest.mark.parametrize("lang", s.LANGS)
def test_compare_data_and_fiche_page_share_the_module_phrases(site, lang):
    for fiche in json.loads((site / "fiches.json").read_text(encoding="utf-8"))["fiches"]:
        page = (site / urls.url_for("fiche", fiche["id"], lang) / "index.html").read_text(encoding="utf-8")
        data = json.loads((site / urls.url_for("fiche-data", fiche["id"], lang)).read_text(encoding="utf-8"))
        for module in data["modules"]:
            for key in ("frequency", "duration"):
                if module[key]:
                    assert html.escape(module[key], quote=False) in page, (fiche["id"], key, module[key])


@pytest.mark.parametrize("lang", s.LANGS)
def test_set_up_phrases_follow_the_typography_of_their_language(lang):
    """'Taille du groupe : min. 4 – max. 10 personnes': the label and colon come from ui_text, so French gets its
    no-break space before the colon like every other interface text (and Dutch none)."""
    setup = {"duration": {"amount": 3, "unit": "month"}, "min_group_size": 4, "max_group_size": 10}
    phrases = facts.intensity_phrases(facts.setup_facts(setup, lang), lang)
    labelled = [p for p in phrases if p.startswith((ui_text.t("duration", lang), ui_text.t("group_size", lang)))]
    assert len(labelled) == 2, phrases
    for phrase in labelled:
        assert ui_text.t("colon", lang) + " " in phrase
        assert ui_text.typeset(phrase, lang) == phrase  # nothing left for the language's typography to fix
    group = labelled[1]
    assert ui_text.number(4, lang) in group and ui_text.number(10, lang) in group
