"""The thesaurus (docs/_data/thesaurus.yml) is data checked like a fiche, and the build ships it where readers
type: the search box's data and the catalogues' words (every text of a fiche or module, folded once)."""

from __future__ import annotations

import json

from conftest import ROOT, load_fiches

from scripts.fiche import glossary, thesaurus
from scripts.fiche.glossary import load_glossary
from scripts.fiche.problems import format_problems
from scripts.lang import languages
from scripts.site import catalogue_text, search_data


def test_every_problem_of_the_thesaurus_names_file_line_and_column_in_the_coordinators_language(tmp_path):
    path = tmp_path / "thesaurus.yml"
    path.write_text("- id: Rust Huis\n"                      # 1: not an id
                    "  nl: [rusthuis, '<b>wzc</b>']\n"        # 2: markup in a word
                    "- id: tweede\n"
                    "  nl: [Rusthuis]\n"                      # 4: a word in two groups (case and accents fold)
                    "  de: [Altenheim]\n"                     # 5: not a language of the site
                    "  glossary: nope\n"                      # 6: no such glossary entry
                    "- id: leeg\n"                            # 7: no words
                    "- gewoon tekst\n", encoding="utf-8")     # 8: not a group
    groups, problems = thesaurus.load_thesaurus(path, glossary_ids={"rusthuis"})
    assert groups == []
    where = {(p.line, p.col, p.field) for p in problems}
    assert where == {(1, 7, "[0].id"), (2, 18, "[0].nl[1]"), (4, 8, "[1].nl[0]"), (5, 3, "[1].de"),
                     (6, 13, "[1].glossary"), (7, 3, "[2]"), (8, 3, "[3]")}
    nl = format_problems(problems, lang="nl").splitlines()
    fr = format_problems(problems, lang="fr").splitlines()
    assert "thesaurus.yml:1:7: error: element 1 › id: verwacht een id in kleine letters" in nl[0]
    assert any("Rusthuis staat al in groep" in line for line in nl)
    assert any("figure déjà dans le groupe" in line for line in fr)
    assert all(p.text is not None for p in problems)  # worded per language, not one English string


def test_the_repository_thesaurus_is_valid_and_its_glossary_links_exist():
    entries, _ = load_glossary()
    groups, problems = thesaurus.load_thesaurus(glossary_ids={e["id"] for e in entries})
    assert problems == []
    assert groups and all(len(g["nl"]) + len(g["fr"]) >= 2 for g in groups)


def test_the_search_data_carries_the_groups_and_bridges_only_words_of_the_other_language():
    groups = [{"id": "wzc", "nl": ["woonzorgcentrum", "rusthuis"], "fr": ["maison de repos", "MR-MRS"]},
              {"id": "art", "nl": ["artikel 60", "art. 60"], "fr": ["article 60", "art. 60"]}]
    fr = search_data.browser_data("fr", [], [], ("nl", "fr"), thesaurus=groups)
    assert [[w["key"] for w in group] for group in fr["synonyms"]] == [["maison de repos", "mr-mrs"],
                                                                       ["article 60", "art. 60"]]
    bridged = {b["key"]: b["equivalent"] for b in fr["bridge"]}
    assert bridged["rusthuis"] == "maison de repos" and bridged["woonzorgcentrum"] == "maison de repos"
    assert "art. 60" not in bridged  # French too: not "Dutch" on the French site


def test_the_catalogue_words_hold_every_text_of_a_fiche_folded_once_and_the_phrases_as_written():
    fiche = next(f for f in load_fiches() if f.get("modules"))
    module = fiche["modules"][0]
    texts = catalogue_text.texts(module, "fr")
    assert texts and all(isinstance(t, str) for t in texts)
    words = catalogue_text.words(["Maison de repos à Liège", "la maison", "repos"],
                                 frozenset({"maison de repos", "maison de retraite"}))
    assert words == " maison de repos a liege la maison de repos "
    assert words.count(" liege ") == 1 and "à" not in words
    nothing = catalogue_text.words(["une maison", "le repos"], frozenset({"maison de repos"}))
    assert " maison de repos " not in nothing  # the phrase only where the text holds it as written


def test_the_built_catalogue_words_find_a_fiche_by_what_only_its_modules_say(site):
    """A word of a module's texts that is not on any card (title, summary, facts) is in that fiche's words."""
    cards = (site / "fiches" / "index.html").read_text(encoding="utf-8").lower()
    words = json.loads((site / catalogue_text.url("fiches", "nl")).read_text(encoding="utf-8"))
    modules = json.loads((site / catalogue_text.url("modules", "nl")).read_text(encoding="utf-8"))
    found = None
    for fiche in load_fiches():
        for module in fiche.get("modules", []):
            for text in catalogue_text.texts(module, "nl"):
                for word in catalogue_text.words([text]).split():
                    if len(word) > 6 and word.isalpha() and word not in cards:
                        found = (fiche["id"], f"{fiche['id']}--{module['id']}", word)
                        break
                if found:
                    break
            if found:
                break
        if found:
            break
    assert found, "no fiche has a module word that its card does not show: the test needs one"
    fiche_id, module_key, word = found
    assert f" {word}" in words[fiche_id]
    assert f" {word}" in modules[module_key]
    assert all(text.strip() == thesaurus.fold(text) for text in words.values())  # folded in Python, once


def test_the_thesaurus_file_sits_with_the_glossary():
    data = languages.from_mkdocs_yml(ROOT / "mkdocs.yml").data_dir  # what the plugin and the commands read
    assert (data / thesaurus.THESAURUS_NAME).is_file() and (data / glossary.GLOSSARY_NAME).is_file()
