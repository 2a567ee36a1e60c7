"""Wording slips of issue 26 that follow a rule of the data, checked on every fiche."""

from __future__ import annotations

import pytest
from conftest import ROOT

from scripts.fiche import collection as fiche_collection
from scripts.lang import languages

FICHES = fiche_collection.load_collection([ROOT / "fiches"]).fiches
BILINGUAL_REGION = "brussel"  # the one region where a postal address has an official form in each language


@pytest.mark.parametrize("fiche", FICHES, ids=lambda f: f.id)
def test_a_postal_address_is_written_as_it_is_outside_bilingual_brussels(fiche):
    """Place names follow the reader's language in texts, but not inside a postal address (2000 Antwerpen)."""
    address = fiche.data.get("contact", {}).get("address")
    if address and fiche.data["region"] != BILINGUAL_REGION:
        assert len({address[lang] for lang in languages.codes() if lang in address}) == 1, address
