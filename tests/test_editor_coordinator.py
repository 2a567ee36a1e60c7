"""The web editor as a coordinator uses it (issue "a coordinator publishes a fiche alone"), in chromium against a
temporary git repository (the `editor` fixture of tests/test_editor.py):

- an FTE typed with a decimal comma (0,5) is saved as 0.5; an FTE of 5 is refused in the form with the
  validator's own words and nothing is written;
- a save the validator refuses for a rule the form cannot know (a personal e-mail address) is not made, and the
  validator's message is shown;
- on this machine the toolbar says "save", never "publish"/"published" (a draft stays a draft);
- in French, labels, hints and messages are French, whole: no raw field key, no hint cut at "p." or "bv.".
"""

from __future__ import annotations

import pytest
import test_editor
import yaml
from test_editor import WAIT, choose, control, fill_text, publish

from scripts.editor import config as cms_config
from scripts.editor.config import SCHEMA as s
from scripts.fiche import problems
from scripts.lang import ui_text

NL = s.LANGS[0]
# the fixtures: chromium on /admin/ signed in once for this module, the local proxy on a temporary git repository
editor_session, editor = test_editor.editor_session, test_editor.editor


def test_every_field_has_its_own_label_in_dutch_and_french():
    """From the schema's own texts (a short name or the description's first clause), never a raw key, never the
    other language's, and every hint is the whole description."""
    def walk(obj: s.Obj):
        for field in obj.fields:
            yield field
            item = field.node.item if isinstance(field.node, s.List) else field.node
            if isinstance(item, s.Obj):
                yield from walk(item)

    for field in walk(s.FICHE):
        own = cms_config.own_labels(field.name, field.node)
        assert set(own) >= {"nl", "fr"}, field.name
        for lang in ("nl", "fr"):  # a label cut at an abbreviation's full stop ends with it
            assert not own[lang].endswith((" bv", " p", " p. ex", "(bv", "(p")), (field.name, own[lang])


def fill_a_new_fiche(page, fiche_id: str) -> object:
    """A new fiche with its required fields and one team role; returns the role's FTE box."""
    page.goto(page.url.split("#")[0] + "#/collections/fiches/new")
    page.reload()  # a fresh form: Decap keeps the previous entry's form mounted after a save
    page.locator('input[id^="id-field-"]').fill(fiche_id)
    fill_text(control(page, "title"), "Taalcafé", "Café des langues")
    organisation = control(page, "organisation")
    fill_text(control(organisation, "name"), "OCMW Leuven", "CPAS de Louvain")
    choose(page, organisation, "type", "OCMW")
    fill_text(control(page, "municipality"), "Leuven", "Louvain")
    choose(page, page, "region", "Vlaanderen")
    page.locator('input[id^="as_of-field-"]').fill("2024")
    control(page, "as_of_source").locator('input[id^="ref-field-"]').first.fill("1")
    choose(page, page, "themes", "Taal")
    fill_text(control(page, "summary"), "Elke week een taalcafé.", "Chaque semaine : un café des langues.")
    staffing = control(page, "staffing")
    staffing.locator("button").first.click()  # unfold the optional section
    roles = control(staffing, "roles")
    roles.locator("button", has_text="Voeg").first.click()
    fill_text(control(roles, "role"), "Begeleider", "Animateur")
    fill_text(control(control(page, "contact"), "organisation"), "OCMW Leuven", "CPAS de Louvain")
    sources = control(page, "sources")
    sources.locator("button", has_text="Voeg").first.click()
    fill_text(control(sources, "document"), "Jaarverslag", "Rapport annuel")
    sources.locator('input[id^="date-field-"]').first.fill("2024")
    page.locator('input[id^="last_reviewed-field-"]').fill("2026-11-30")
    return roles.locator('input[id^="fte-field-"]').first


def saved_toast(page) -> None:
    page.get_by_text(ui_text.t("editor_saved", NL), exact=True).first.wait_for(timeout=WAIT)


@pytest.mark.browser
def test_a_decimal_comma_is_saved_as_a_number_and_an_fte_of_5_is_refused_with_the_validators_words(editor):
    page, repo, _ = editor
    fte = fill_a_new_fiche(page, "ocmw-leuven-taalcafe")
    fte.fill("0,5")
    publish(page)
    saved_toast(page)
    path = repo / "fiches" / "ocmw-leuven-taalcafe.yml"
    data = yaml.safe_load(path.read_text(encoding="utf-8"))
    assert data["staffing"]["roles"][0]["fte"] == 0.5
    # a new fiche with an FTE of 5, then of 1.5: refused in the form, with the validator's words; nothing written
    fte = fill_a_new_fiche(page, "ocmw-leuven-vijf")
    maximum = s.FICHE.get("staffing").node.get("roles").node.item.get("fte").node.maximum
    for typed in ("5", "1.5"):
        fte.fill(typed)
        page.get_by_text(ui_text.t("editor_save", NL), exact=True).first.click()
        page.get_by_role("menuitem", name=ui_text.t("editor_save_now", NL)).click()
        words = problems.msg("out_of_range", value=typed, op="≤", bound=f"{maximum:g}").render(NL)
        page.get_by_text(words).first.wait_for(timeout=WAIT)
        assert not (repo / "fiches" / "ocmw-leuven-vijf.yml").exists(), typed


@pytest.mark.browser
def test_a_save_the_validator_refuses_is_not_made_and_says_why(editor):
    page, repo, _ = editor
    fte = fill_a_new_fiche(page, "ocmw-leuven-persoonlijk")
    fte.fill("0.5")
    page.locator('input[id^="email-field-"]').first.fill("jan.peeters@leuven.be")
    publish(page, saved=False)
    words = problems.msg("personal_email", value="'jan.peeters@leuven.be'").render(NL)
    page.get_by_text(words, exact=False).first.wait_for(timeout=WAIT)
    assert not (repo / "fiches" / "ocmw-leuven-persoonlijk.yml").exists()
    shown = page.locator("body").inner_text()
    assert ui_text.t("editor_save_refused", NL) in shown


@pytest.mark.browser
def test_the_toolbar_never_says_publish_on_this_machine(editor):
    page, repo, _ = editor
    fiche_id = sorted((repo / "fiches").glob("*.yml"))[0].stem
    page.goto(page.url.split("#")[0] + f"#/collections/fiches/entries/{fiche_id}")
    control(page, "title").locator('[id^="nl-field-"]').first.wait_for()
    toolbar = page.locator("body").inner_text()
    assert ui_text.t("editor_saved", NL) in toolbar.split("\n")  # an unchanged entry: saved, not "published"
    draft = s.FICHE.get("status").node.values["draft"][NL]
    choose(page, page, "status", draft)  # a draft, changed and not yet saved
    page.get_by_text(ui_text.t("editor_save", NL), exact=True).first.wait_for()
    lines = [line.strip() for line in page.locator("body").inner_text().split("\n")]
    assert draft in lines
    assert not [line for line in lines if line.startswith(("Publiceer", "Gepubliceerd"))], lines[:12]


@pytest.mark.browser
def test_the_form_speaks_french_whole(editor):
    page, repo, _ = editor
    fiche_id = sorted((repo / "fiches").glob("*.yml"))[0].stem
    page.goto(page.url.split("#")[0].split("?")[0] + f"?lang=fr#/collections/fiches/entries/{fiche_id}")
    control(page, "title").locator('[id^="fr-field-"]').first.wait_for()
    text = page.locator("body").inner_text()
    lines = [line.strip().lower() for line in text.split("\n")]  # Decap shows labels in capitals
    fields = cms_config.collection()["fields"]
    for name in ("as_of", "summary", "municipality", "last_reviewed", "region", "id"):
        field = next(f for f in fields if f["name"] == name)
        assert field["kb_label"]["fr"].lower() in lines, name
        assert field["kb_label"]["nl"].lower() not in lines or field["kb_label"]["nl"] == field["kb_label"]["fr"]
        assert name.replace("_", " ").lower() not in lines or name == "id", name  # never the raw key
    as_of = next(f for f in fields if f["name"] == "as_of")
    assert as_of["kb_hint"]["fr"].replace("`", "") in text.replace("`", "")  # the whole hint, not cut at "p. ex."
    assert not [line for line in lines if line.startswith("publier")]
