"""The web editor (/admin/): config in step with the schema, house-style saves, the local proxy, and
the whole round trip in chromium against a temporary git repository."""

from __future__ import annotations

import copy
import difflib
import html
import json
import re
import shutil
import subprocess
import urllib.error
import urllib.request
from pathlib import Path

import pytest
import yaml
from conftest import PYTHON, ROOT, build_site, fixture_project
from mkdocs.utils import get_relative_url
from playwright.sync_api import expect

from scripts import local_servers
from scripts.editor import config as cms_config
from scripts.editor import hook as cms_hook
from scripts.editor import proxy as cms_proxy
from scripts.editor import yaml_writer as cms_yaml
from scripts.editor.config import SCHEMA as s
from scripts.fiche import problems
from scripts.fiche.collection import load_collection
from scripts.lang import languages, ui_text
from scripts.site import urls

FICHES = sorted((ROOT / "fiches").glob("*.yml"))
WAIT = 90_000  # ms: a 5 MB editor on a busy 2-core machine


def form_fields() -> list[dict]:
    return cms_config.collection()["fields"]


def find(fields: list[dict], dotted: str) -> dict:
    field: dict = {"fields": fields}
    for name in dotted.split("."):
        field = next(f for f in field["fields"] if f["name"] == name)
    return field


def changed_lines(before: str, after: str) -> list[str]:
    return [line for line in difflib.unified_diff(before.split("\n"), after.split("\n"), lineterm="", n=0)
            if line[:1] in "+-" and line[:3] not in ("+++", "---")]


# --- the form follows the schema ---------------------------------------------------------------

def test_every_schema_field_is_in_the_form_and_nothing_else():
    assert set(cms_config.walk(form_fields())) == set(cms_config.schema_paths())
    assert len(cms_config.schema_paths()) > 100


def test_the_step_check_catches_a_field_the_schema_lacks_or_a_missing_one():
    extra = copy.deepcopy(form_fields())
    find(extra, "contact")["fields"].append({"name": "fax", "widget": "string"})
    assert set(cms_config.walk(extra)) - set(cms_config.schema_paths()) == {"contact.fax"}
    missing = [f for f in copy.deepcopy(form_fields()) if f["name"] != "budget"]
    assert set(cms_config.schema_paths()) - set(cms_config.walk(missing)) >= {"budget", "budget.personnel_fte"}


def each_field(obj: s.Obj, fields: list[dict], required_path: bool = True):
    for schema_field in obj.fields:
        field = next(f for f in fields if f["name"] == schema_field.name)
        yield schema_field, field, required_path
        node = schema_field.node
        if isinstance(node, s.Obj):
            yield from each_field(node, field["fields"], required_path and schema_field.required)
        elif isinstance(node, s.List) and isinstance(node.item, s.Obj):
            yield from each_field(node.item, field["fields"], True)


def test_widgets_carry_the_schema_rules():
    seen = set()
    for schema_field, field, required_path in each_field(s.FICHE, form_fields()):
        node = schema_field.node
        seen.add(type(node).__name__)
        assert field["required"] == (schema_field.required and required_path), schema_field.name
        for lang in s.LANGS:  # the whole description, in each language (the editor shows its interface's)
            if node.description:
                assert field["kb_hint"][lang] == node.description[lang]
        if isinstance(node, s.Text):
            assert [f["name"] for f in field["fields"]] == list(s.LANGS)
            assert {f["widget"] for f in field["fields"]} == {"string" if node.inline else "text"}
        elif isinstance(node, s.Enum) or (isinstance(node, s.List) and isinstance(node.item, s.Enum)):
            values = node.values if isinstance(node, s.Enum) else node.item.values
            assert field["widget"] == "select" and field.get("multiple", False) == isinstance(node, s.List)
            assert [o["value"] for o in field["options"]] == list(values)
            for option, names in zip(field["options"], values.values(), strict=True):
                assert option["kb_label"] == {lang: names[lang] for lang in s.LANGS}
        elif isinstance(node, s.Number):
            assert field["widget"] == "kb-number" and (field["min"], field["max"]) == (node.minimum, node.maximum)
            assert field["value_type"] == ("int" if node.integer else "float")
            assert field["exclusive_minimum"] == node.exclusive_minimum and field["money"] == node.money
        elif isinstance(node, s.Str) and node.pattern:
            assert field["pattern"][0] == node.pattern
        elif isinstance(node, s.List) and isinstance(node.item, s.Text):
            assert field["widget"] == "list" and [f["name"] for f in field["fields"]] == list(s.LANGS)
        elif isinstance(node, s.List) and isinstance(node.item, s.Obj):
            assert field["widget"] == "list"
    assert seen >= {"Text", "Str", "Number", "Enum", "Date", "Url", "Email", "Obj", "List"}
    assert find(form_fields(), "status")["default"] == "draft"


def test_date_and_number_patterns_agree_with_the_validator(tmp_path):
    import re
    date = find(form_fields(), "period.start")["pattern"][0]
    assert all(re.match(date, v) for v in ("2016", "2016-10", "2016-10-01"))
    assert not any(re.match(date, v) for v in ("16-10", "oktober 2016", "2016/10"))


def test_backend_from_environment():
    assert cms_hook.backend_from_env({}) is None
    gitlab = cms_hook.backend_from_env({"KB_CMS_BACKEND": "gitlab", "KB_CMS_REPO": "netwerk/kennisbank",
                                        "KB_CMS_BASE_URL": "https://gitlab.example.be",
                                        "KB_CMS_API_ROOT": "https://gitlab.example.be/api/v4",
                                        "KB_CMS_APP_ID": "abc"})
    assert gitlab["auth_type"] == "pkce" and gitlab["app_id"] == "abc" and gitlab["repo"] == "netwerk/kennisbank"
    with pytest.raises(ValueError, match="KB_CMS_APP_ID"):
        cms_hook.backend_from_env({"KB_CMS_BACKEND": "gitlab", "KB_CMS_REPO": "a/b"})
    with pytest.raises(ValueError, match="gitlab or github"):
        cms_hook.backend_from_env({"KB_CMS_BACKEND": "svn", "KB_CMS_REPO": "a/b"})


def test_build_ships_the_editor_from_the_site(site):
    admin = site / "admin"
    config = yaml.safe_load((admin / "config.yml").read_text(encoding="utf-8"))
    assert config["collections"] == [cms_config.collection()]
    assert config["local_backend"]["url"].startswith("http://127.0.0.1:")
    bundle = admin / cms_hook.BUNDLE
    assert bundle.stat().st_size == (ROOT / "node_modules" / "decap-cms" / "dist" / cms_hook.BUNDLE).stat().st_size
    html = (admin / "index.html").read_text(encoding="utf-8")
    assert '<script src="decap-cms.js"></script>' in html and "http" not in html.split("<body>")[1]


# --- house style on save -----------------------------------------------------------------------

@pytest.mark.parametrize("path", FICHES, ids=[p.stem for p in FICHES])
def test_saving_unchanged_data_keeps_the_file_byte_for_byte(path):
    text = path.read_text(encoding="utf-8")
    # What the editor sends: the same data in its own formatting (JSON is YAML).
    assert cms_yaml.save(text, json.dumps(cms_yaml.load(text))) == text


@pytest.mark.parametrize("path", FICHES, ids=[p.stem for p in FICHES])
def test_a_title_edit_is_one_line_of_diff(path, tmp_path):
    text = path.read_text(encoding="utf-8")
    data = cms_yaml.load(text)
    data["title"]["fr"] = data["title"]["fr"] + " : édition"
    after = cms_yaml.save(text, json.dumps(data))
    lines = changed_lines(text, after)
    assert len(lines) == 2 and lines[0].startswith("-") and "édition" in lines[1], lines
    (tmp_path / path.name).write_text(after, encoding="utf-8")
    assert load_collection([tmp_path]).ok


def test_structural_edits_rewrite_only_their_section_and_validate(tmp_path):
    path = FICHES[0]
    text = path.read_text(encoding="utf-8")
    data = cms_yaml.load(text)
    data.setdefault("pros", []).append({"nl": "Een nieuw pluspunt", "fr": "Un nouveau point fort"})
    data.pop("related", None)
    data["future"] = [{"nl": "Verder in 2027", "fr": "Suite en 2027"}]
    after = cms_yaml.save(text, json.dumps(data))
    assert cms_yaml.clean(cms_yaml.load(after), s.FICHE) == cms_yaml.clean(data, s.FICHE)
    untouched = [k for k in cms_yaml.load(text) if k not in ("pros", "related", "future")]
    for key in untouched:  # every other section is still there as it was written
        assert cms_yaml.load(after)[key] == cms_yaml.load(text)[key]
    order = [k for k in cms_yaml.load(after)]
    schema_order = [f.name for f in s.FICHE.fields if f.name in order]
    assert order == schema_order
    (tmp_path / path.name).write_text(after, encoding="utf-8")
    assert load_collection([tmp_path]).ok


def test_a_new_fiche_is_written_in_schema_order_with_bilingual_texts(tmp_path):
    data = cms_yaml.load(FICHES[0].read_text(encoding="utf-8"))
    shuffled = dict(reversed(list(data.items())))
    text = cms_yaml.save(None, json.dumps(shuffled))
    keys = list(yaml.safe_load(text))
    assert keys == [f.name for f in s.FICHE.fields if f.name in keys]
    assert "\ntitle:\n  nl: " in text and "\n  fr: " in text
    (tmp_path / FICHES[0].name).write_text(text, encoding="utf-8")
    assert load_collection([tmp_path]).ok


# --- the local proxy ---------------------------------------------------------------------------

@pytest.fixture
def proxy(tmp_path):
    repo = tmp_path / "repo"
    (repo / "fiches").mkdir(parents=True)
    shutil.copy(FICHES[0], repo / "fiches" / FICHES[0].name)
    (repo / "secret.txt").write_text("no", encoding="utf-8")
    server = cms_proxy.serve(repo, 0)
    local_servers.in_thread(server)
    yield repo, server.server_address
    server.shutdown()
    server.server_close()


def call(address, action, params=None, headers=None):
    body = json.dumps({"action": action, "params": params or {}}).encode()
    request = urllib.request.Request(f"http://{address[0]}:{address[1]}/api/v1", data=body, method="POST",
                                     headers={"Content-Type": "application/json", **(headers or {})})
    try:
        with urllib.request.urlopen(request, timeout=10) as response:
            return response.status, json.loads(response.read())
    except urllib.error.HTTPError as exc:
        return exc.code, json.loads(exc.read() or b"null")


def test_proxy_binds_to_loopback_and_lists_fiches(proxy):
    repo, address = proxy
    assert address[0] == "127.0.0.1"
    status, entries = call(address, "entriesByFolder", {"folder": "fiches", "extension": "yml", "depth": 1})
    assert status == 200 and [e["file"]["path"] for e in entries] == [f"fiches/{FICHES[0].name}"]
    assert entries[0]["data"] == FICHES[0].read_text(encoding="utf-8")


def test_proxy_refuses_other_origins_paths_and_hosts(proxy):
    repo, address = proxy
    assert call(address, "info", headers={"Origin": "https://evil.example"})[0] == 403
    assert call(address, "info", headers={"Host": f"evil.example:{address[1]}"})[0] == 403
    assert call(address, "info", headers={"Origin": "http://127.0.0.1:8000"})[0] == 200
    assert call(address, "getEntry", {"path": "../secret.txt"})[1]["data"] is None  # read nothing outside
    assert call(address, "getMediaFile", {"path": "../secret.txt"})[0] == 422
    raw = "id: x\n"
    for path in ("secret.txt", "scripts/evil.py", "fiches/../secret.txt"):
        status, _ = call(address, "persistEntry", {"entry": {"slug": "x", "path": path, "raw": raw},
                                                   "assets": [], "options": {}})
        assert status == 422, path
    assert (repo / "secret.txt").read_text(encoding="utf-8") == "no"


def test_proxy_save_goes_through_the_normaliser(proxy):
    repo, address = proxy
    path = f"fiches/{FICHES[0].name}"
    before = (repo / path).read_text(encoding="utf-8")
    data = cms_yaml.load(before)
    raw = yaml.safe_dump(data, allow_unicode=True, sort_keys=True)  # the editor's own formatting
    status, _ = call(address, "persistEntry", {"entry": {"slug": data["id"], "path": path, "raw": raw},
                                               "assets": [], "options": {}})
    assert status == 200 and (repo / path).read_text(encoding="utf-8") == before


# --- the live preview (local mode) ------------------------------------------------------------

@pytest.fixture
def preview_proxy(tmp_path):
    """The local proxy on a repository of the fixture fiches (valid together)."""
    repo = tmp_path / "repo"
    shutil.copytree(ROOT / "tests" / "fixtures" / "valid", repo / "fiches")
    server = cms_proxy.serve(repo, 0)
    local_servers.in_thread(server)
    yield repo, server.server_address
    server.shutdown()
    server.server_close()


def ask_preview(address, path: str, data, headers=None):
    body = json.dumps({"path": path, "data": data}).encode()
    request = urllib.request.Request(f"http://{address[0]}:{address[1]}{cms_config.PREVIEW_PATH}", data=body,
                                     method="POST", headers={"Content-Type": "application/json", **(headers or {})})
    try:
        with urllib.request.urlopen(request, timeout=60) as response:
            return response.status, json.loads(response.read())
    except urllib.error.HTTPError as exc:
        return exc.code, json.loads(exc.read() or b"null")


def form_data(path: Path) -> dict:
    """What the form holds for a saved fiche: its data as JSON (strings, no YAML dates)."""
    return json.loads(json.dumps(cms_yaml.load(path.read_text(encoding="utf-8")), default=str))


def snapshot(folder: Path) -> dict[str, bytes]:
    return {p.name: p.read_bytes() for p in sorted(folder.iterdir())}


def test_live_preview_renders_the_unsaved_form_with_the_site_templates(preview_proxy):
    repo, address = preview_proxy
    before = snapshot(repo / "fiches")
    path = sorted((repo / "fiches").glob("*.yml"))[0]
    data = form_data(path)
    for lang in languages.codes():
        data["title"][lang] = f"Ongezien {lang} *nadruk*"
    status, result = ask_preview(address, f"fiches/{path.name}", data)
    assert status == 200 and "problems" not in result, result
    for lang in languages.codes():
        page = result["pages"][lang]
        assert page["url"] == urls.url_for("fiche", data["id"], lang)
        heading = page["html"].split("<h1", 1)[1].split("</h1>", 1)[0]
        assert f"Ongezien {lang} nadruk" in heading  # the site's heading: the title as plain text
        text = html.unescape(page["html"])
        assert ui_text.t("key_facts", lang) in text and ui_text.t("sources", lang) in text
    assert snapshot(repo / "fiches") == before  # a preview never writes


def test_live_preview_of_a_new_fiche_and_of_a_refused_one(preview_proxy):
    repo, address = preview_proxy
    data = form_data(sorted((repo / "fiches").glob("*.yml"))[0])
    data["id"] = "nieuw-in-de-editor"
    status, result = ask_preview(address, "", data)
    assert status == 200 and set(result["pages"]) == set(languages.codes()), result.get("problems")
    data["title"] = {lang: "" for lang in languages.codes()}
    data["staffing"] = {"roles": [{"role": {lang: "x" for lang in languages.codes()}, "fte": "halftijds"}]}
    status, result = ask_preview(address, "", data)
    assert status == 200 and "pages" not in result
    form_title = find(form_fields(), "title")["kb_label"]
    for lang in languages.codes():  # the validator's messages in each language, with the form's label of the field
        messages = result["problems"][lang]
        title = [m for m in messages if "(title)" in m]
        assert title and title[0].split(" (title)")[0] == form_title[lang], messages
        assert any(f"({problems.worded_path('staffing.roles[0].fte', lang)})" in m and "0.5" in m
                   for m in messages), messages
    assert not (repo / "fiches" / "nieuw-in-de-editor.yml").exists()
    for path in sorted((repo / "fiches").glob("*.yml")):  # one fiche after another: each its own page
        data = form_data(path)
        status, result = ask_preview(address, f"fiches/{path.name}", data)
        assert status == 200 and data["id"] in result["pages"][languages.codes()[0]]["url"], result.get("problems")


def test_live_preview_checks_the_form_against_the_other_fiches(preview_proxy):
    repo, address = preview_proxy
    paths = sorted((repo / "fiches").glob("*.yml"))
    data, other = form_data(paths[0]), form_data(paths[1])
    data["related"] = [other["id"]]
    status, result = ask_preview(address, f"fiches/{paths[0].name}", data)
    assert status == 200 and "pages" in result, result.get("problems")
    for lang, page in result["pages"].items():  # the related fiche is read from the repository and linked
        target = get_relative_url(urls.url_for("fiche", other["id"], lang), page["url"])
        assert f'href="{target}"' in page["html"], lang
    data["related"] = ["bestaat-niet-" + other["id"]]
    status, result = ask_preview(address, f"fiches/{paths[0].name}", data)
    assert "pages" not in result
    for lang, messages in result["problems"].items():  # the validator's "did you mean" knows the other fiche
        assert any(problems.worded_path("related[0]", lang) in m and f"{other['id']}" in
                   m.split(data["related"][0], 1)[1] for m in messages), messages


def test_live_preview_keeps_fiche_text_inert_and_answers_only_this_machine(preview_proxy):
    repo, address = preview_proxy
    path = sorted((repo / "fiches").glob("*.yml"))[0]
    data = form_data(path)
    data["summary"] = {lang: '*Tekst*{: onclick="alert(1)" }\n\n    code\n\n    *x*{: onfocus=alert(1) }'
                       for lang in languages.codes()}
    status, result = ask_preview(address, f"fiches/{path.name}", data)
    assert status == 200 and set(result["pages"]) == set(languages.codes()), result.get("problems")
    for page in result["pages"].values():  # rendered once, through the allowlist: text, never attributes
        assert "onclick" in page["html"] and not re.search(r"<[^>]+\son(click|focus)=", page["html"])
    data["summary"] = {lang: "Tekst <b onmouseover=alert(1)>x</b>" for lang in languages.codes()}
    status, result = ask_preview(address, f"fiches/{path.name}", data)
    assert status == 200 and "pages" not in result and result["problems"]  # the validator refuses HTML
    assert ask_preview(address, f"fiches/{path.name}", data, {"Origin": "https://evil.example"})[0] == 403
    assert ask_preview(address, "../secret.txt", data)[0] == 422
    assert ask_preview(address, "", ["not", "a", "fiche"])[0] == 422
    for bad_id in (str(repo / "elders"), "sub/map", "../buiten"):  # a new fiche's id names its file
        before = sorted(p.name for p in repo.rglob("*"))
        assert ask_preview(address, "", dict(data, id=bad_id))[0] == 422, bad_id
        assert sorted(p.name for p in repo.rglob("*")) == before and not (repo / "elders.yml").exists()


# --- the whole round trip in chromium ----------------------------------------------------------

def git(repo: Path, *args: str) -> str:
    return subprocess.run(["git", "-C", str(repo), *args], capture_output=True, text=True, check=True).stdout


@pytest.fixture(scope="module")
def editor_session(tmp_path_factory, site, base_url):
    """The module's local backend: one temporary git repository and one proxy, shared by its editor tests."""
    repo = tmp_path_factory.mktemp("editor") / "repo"
    shutil.copytree(ROOT / "fiches", repo / "fiches")
    git(repo, "init", "-q")
    git(repo, "add", "-A")
    git(repo, "-c", "user.email=t@example.org", "-c", "user.name=test", "commit", "-qm", "seed")
    server = cms_proxy.serve(repo, 0, origins=frozenset({base_url.rstrip("/")}))  # the editor's page only
    local_servers.in_thread(server)
    yield repo, server.server_address[1]
    server.shutdown()
    server.server_close()


@pytest.fixture
def editor(editor_session, browser, base_url, site):
    """/admin/ of the built site in a new browser context, signed in; the module's repository back at its seed
    commit (a context of its own: Decap keeps unsaved entries in the browser's storage)."""
    repo, port = editor_session
    git(repo, "reset", "-q", "--hard")
    git(repo, "clean", "-qfdx")
    configured = yaml.safe_load((site / "admin" / "config.yml").read_text(encoding="utf-8"))
    configured_url = configured["local_backend"]["url"]
    context = browser.new_context(viewport={"width": 1280, "height": 900})
    page = context.new_page()
    page.set_default_timeout(WAIT)
    requests: list[str] = []
    page.on("request", lambda request: requests.append(request.url))
    # The built config names the default port; this module's proxy listens on a free one.
    page.route(configured_url, lambda route: route.continue_(
        url=route.request.url.replace(configured_url, f"http://127.0.0.1:{port}/api/v1")))
    preview_url = configured["kb_preview"]["live_url"]
    page.route(preview_url, lambda route: route.continue_(
        url=f"http://127.0.0.1:{port}{cms_config.PREVIEW_PATH}"))
    page.goto(base_url + "admin/")
    page.get_by_role("button", name="Inloggen").click()
    page.get_by_text("Fiches", exact=True).first.wait_for()
    yield page, repo, requests
    context.close()


def control(page, *names):
    """The form control of a field path (Decap labels each control `<name>-field-<n>`)."""
    scope = page
    for name in names:
        scope = scope.locator(f'label[for^="{name}-field-"]').first.locator("xpath=../..")
    return scope


def fill_text(scope, nl: str, fr: str) -> None:
    scope.locator('[id^="nl-field-"]').first.fill(nl)
    scope.locator('[id^="fr-field-"]').first.fill(fr)


def choose(page, scope, name: str, option: str) -> None:
    box = scope.locator(f'input[id^="{name}-field-"]').first
    box.click()
    box.fill(option)
    page.keyboard.press("Enter")


def add_item(page, scope) -> None:
    scope.locator("button", has_text="Voeg").first.click()


def publish(page, saved: bool = True) -> None:
    """Save from the toolbar (on this machine it writes the file, so it says "save", never "publish"); when
    `saved`, return once the local backend has answered the save (it writes the file before it answers)."""
    page.get_by_text(ui_text.t("editor_save", s.LANGS[0]), exact=True).first.click()
    item = page.get_by_role("menuitem", name=ui_text.t("editor_save_now", s.LANGS[0]))
    if not saved:
        item.click()
        return
    with page.expect_response(lambda r: r.request.method == "POST"
                              and '"persistEntry"' in (r.request.post_data or "")) as answer:
        item.click()
    assert answer.value.ok, answer.value.text()


def error_texts(page) -> list[str]:
    return [t.lower() for t in page.locator("li").all_inner_texts() if "(" in t]


@pytest.mark.browser
def test_create_a_fiche_through_the_form(editor, tmp_path):
    page, repo, requests = editor
    page.goto(page.url.split("#")[0] + "#/collections/fiches/new")
    page.locator('input[id^="id-field-"]').fill("ocmw-editor-test")
    fill_text(control(page, "title"), "Proefproject editor", "Projet test de l'éditeur")
    organisation = control(page, "organisation")
    fill_text(control(organisation, "name"), "OCMW Proefstad", "CPAS de Proefstad")
    choose(page, organisation, "type", "OCMW")
    fill_text(control(page, "municipality"), "Proefstad", "Proefstad")
    choose(page, page, "region", "Vlaanderen")
    page.locator('input[id^="as_of-field-"]').fill("2020")
    control(page, "as_of_source").locator('input[id^="ref-field-"]').first.fill("1")
    choose(page, page, "themes", "Taal")
    fill_text(control(page, "summary"), "Een korte samenvatting.", "Un résumé court.")
    staffing = control(page, "staffing")
    staffing.locator("button").first.click()  # unfold the optional section
    roles = control(staffing, "roles")
    add_item(page, roles)
    fill_text(control(roles, "role"), "Maatschappelijk werker", "Assistant social")
    roles.locator('input[id^="fte-field-"]').first.fill("0.5")
    modules = control(page, "modules")
    add_item(page, modules)
    modules.locator('input[id^="id-field-"]').first.fill("groepssessies")
    fill_text(control(modules, "name"), "Groepssessies", "Séances de groupe")
    choose(page, modules, "kind", "Collectieve")
    goals = control(modules, "goals")
    add_item(page, goals)
    fill_text(goals, "Mensen ontmoeten", "Rencontrer des gens")
    fill_text(control(control(modules, "content"), "text"), "Wekelijkse sessies.", "Des séances chaque semaine.")
    fill_text(control(control(page, "contact"), "organisation"), "OCMW Proefstad", "CPAS de Proefstad")
    sources = control(page, "sources")
    add_item(page, sources)
    fill_text(control(sources, "document"), "Verslag", "Rapport")
    sources.locator('input[id^="date-field-"]').first.fill("2020")
    page.locator('input[id^="last_reviewed-field-"]').fill("2026-11-25")
    page.screenshot(path=str(tmp_path / "form.png"))
    publish(page)
    saved = repo / "fiches" / "ocmw-editor-test.yml"
    assert saved.exists(), error_texts(page)
    data = yaml.safe_load(saved.read_text(encoding="utf-8"))
    assert data["status"] == "draft" and data["title"] == {"nl": "Proefproject editor",
                                                           "fr": "Projet test de l'éditeur"}
    assert data["staffing"]["roles"] == [{"role": {"nl": "Maatschappelijk werker", "fr": "Assistant social"},
                                          "fte": 0.5}]
    assert [m["id"] for m in data["modules"]] == ["groepssessies"]
    assert list(data) == [f.name for f in s.FICHE.fields if f.name in data]  # key order from the schema
    result = subprocess.run([PYTHON, "-m", "scripts.validate", str(saved)], cwd=ROOT, capture_output=True, text=True)
    assert result.returncode == 0, result.stdout
    # The build renders it (a draft: in the preview build), in both languages.
    config = fixture_project(tmp_path / "project")
    alone = tmp_path / "alone"  # the small fixture site has none of the pages the seed fiches link to
    alone.mkdir()
    shutil.copy(saved, alone / saved.name)
    out = tmp_path / "built"
    built = build_site(out, fiches_dir=alone, preview=True, config=config)
    assert built.returncode == 0, built.stderr[-3000:]
    for lang, title in data["title"].items():
        page = out / urls.url_for("fiche", "ocmw-editor-test", lang) / "index.html"
        assert title in html.unescape(page.read_text(encoding="utf-8")), lang
    hosts = {r.split("/")[2] for r in requests if r.startswith("http")}
    assert {h.split(":")[0] for h in hosts} == {"127.0.0.1"}, hosts  # no CDN, no third party


@pytest.mark.browser
def test_edit_a_title_gives_a_one_line_diff(editor):
    page, repo, _ = editor
    path = sorted((repo / "fiches").glob("*.yml"))[0]
    fiche_id = path.stem
    page.goto(page.url.split("#")[0] + f"#/collections/fiches/entries/{fiche_id}")
    title = control(page, "title").locator('[id^="nl-field-"]').first
    expect(title).not_to_have_value("", timeout=WAIT)
    old = title.input_value()
    title.fill(old + " (bijgewerkt)")
    publish(page)
    assert git(repo, "diff", "--numstat").split() == ["1", "1", f"fiches/{path.name}"]
    diff = git(repo, "diff", "-U0")
    assert "(bijgewerkt)" in [line for line in diff.splitlines() if line.startswith("+") and "+++" not in line][0]


@pytest.mark.browser
def test_save_back_to_the_original_gives_no_diff(editor):
    """Decap sends the whole entry in its own YAML on every save; the normaliser brings it back to the file as
    it was. (Decap offers no save at all for an entry opened and left unchanged.)"""
    page, repo, _ = editor
    path = sorted((repo / "fiches").glob("*.yml"))[-1]
    for step in ("changed", "back"):
        page.goto(page.url.split("#")[0] + f"#/collections/fiches/entries/{path.stem}")
        page.reload()  # a fresh editor: Decap keeps the previous entry's form mounted after a publish
        title = control(page, "title").locator('[id^="fr-field-"]').first
        if step == "changed":
            expect(title).not_to_have_value("", timeout=WAIT)
            old = title.input_value()
            title.fill(old + " (bis)")
        else:
            expect(title).to_have_value(old + " (bis)", timeout=WAIT)  # the saved entry is loaded
            title.fill(old)
        publish(page)
        assert bool(git(repo, "status", "--porcelain")) == (step == "changed"), step
    assert git(repo, "status", "--porcelain") == ""


@pytest.mark.browser
def test_an_empty_required_field_is_refused_with_the_validators_words(editor, tmp_path):
    page, repo, _ = editor
    # The validator's message for an empty required field, taken from the validator itself, in the editor's
    # language (the site's first: the browser asks for none of the site's), and no English beside it.
    fiche = tmp_path / "x.yml"
    fiche.write_text("id: x\nstatus: draft\ntitle:\n", encoding="utf-8")
    found = [p for p in load_collection([fiche]).problems if p.field == "title"]
    words = {p.message_in(s.LANGS[0]) for p in found}
    assert words == {cms_config.required_message()[s.LANGS[0]]}
    page.goto(page.url.split("#")[0] + "#/collections/fiches/new")
    page.locator('input[id^="id-field-"]').fill("ocmw-leeg")
    publish(page, saved=False)
    expect(control(page, "title").locator("li").first).to_be_visible()
    title_errors = control(page, "title").locator("li").all_inner_texts()
    assert title_errors and all(next(iter(words)) in t.lower() for t in title_errors), title_errors
    assert not any(found[0].message in t.lower() for t in title_errors), title_errors  # no English
    assert not (repo / "fiches" / "ocmw-leeg.yml").exists()


def preview_pane(page):
    """Decap's preview frame, which holds the live preview (one sandboxed frame per language, or the problems)."""
    return page.frame_locator("iframe").first


@pytest.mark.browser
def test_the_preview_shows_the_unsaved_form_in_each_language(editor):
    page, repo, _ = editor
    path = sorted((repo / "fiches").glob("*.yml"))[0]
    page.goto(page.url.split("#")[0] + f"#/collections/fiches/entries/{path.stem}")
    title = control(page, "title").locator(f'[id^="{languages.codes()[0]}-field-"]').first
    expect(title).not_to_have_value("", timeout=WAIT)
    title.fill("Voorbeeld zonder opslaan")
    pane = preview_pane(page)
    # a typing pause, the proxy's rendering, the stylesheets: awaited on the rendered heading itself
    first = pane.frame_locator(f'iframe[lang="{languages.codes()[0]}"]').locator(".md-typeset h1")
    expect(first).to_contain_text("Voorbeeld zonder opslaan", timeout=WAIT)
    for lang in languages.codes():  # every language rendered, with the site's stylesheets
        heading = pane.frame_locator(f'iframe[lang="{lang}"]').locator(".md-typeset h1")
        expect(heading).not_to_be_empty()
        expect(heading).to_have_css("font-weight", "300")
    assert git(repo, "status", "--porcelain") == ""  # nothing saved
    title.fill("")
    problems_box = pane.locator("[data-kb-preview-problems]")
    expect(problems_box).to_contain_text(ui_text.t("editor_preview_problems", languages.codes()[0]), timeout=WAIT)
    shown = problems_box.inner_text()
    assert "title" in shown, shown
