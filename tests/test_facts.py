"""One fact record per fiche and language: every summary shows the same words and figures."""

from __future__ import annotations

import html
import json

import pytest

from scripts import fiche_schema as s
from scripts import ui_text
from scripts.build import facts, urls


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
