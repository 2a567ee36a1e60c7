"""The publishing workflow: the scaffold, the translation status, the contributor guide and the CI templates."""

from __future__ import annotations

import json
import re
import shutil
import subprocess
import sys
from html import unescape
from pathlib import Path

import pytest
import yaml
from conftest import ROOT, build_site, cli_env, fixture_project
from markdown.extensions.toc import slugify

from scripts import new_fiche, translation_status
from scripts.fiche import problems
from scripts.fiche import schema as s
from scripts.fiche.problems import worded_path

PYTHON = sys.executable
MINIMAL = ROOT / "tests" / "fixtures" / "valid" / "minimal.yml"
GUIDE = ROOT / "docs" / "bijdragen"
GUIDE_PAGES = ("index", "fiche-schrijven", "nazicht", "publiceren")
CI = ROOT / "ci-template"
WORKFLOW = CI / "github" / "workflows" / "publish.yml"
GITLAB = CI / "gitlab-ci.yml"
PR_TEMPLATE = CI / "github" / "pull_request_template.md"
SHA_PIN = re.compile(r"^[\w.-]+/[\w./-]+@[0-9a-f]{40}$")


def run(script: str, *args: str, cwd: Path = ROOT) -> subprocess.CompletedProcess:
    module = "scripts." + script.removesuffix(".py")
    return subprocess.run([PYTHON, "-m", module, *args], cwd=cwd, env=cli_env(), capture_output=True,
                          text=True, timeout=120)


def scaffold(tmp_path: Path, fiche_id: str = "ocmw-voorbeeld-project") -> Path:
    result = run("new_fiche.py", fiche_id, "--dir", str(tmp_path))
    assert result.returncode == 0, result.stderr
    path = tmp_path / f"{fiche_id}.yml"
    assert str(path) in result.stdout
    return path


def errors(result: subprocess.CompletedProcess) -> list[tuple[str, str]]:
    """(field, message) of every error line the validator printed."""
    found = re.findall(r"^\S+:\d+:\d+: error: ([^:]+): (.+)$", result.stdout, re.M)
    assert len(found) == result.stdout.count(": error: "), result.stdout
    return found


def schema_leaves(obj: s.Obj, prefix: str = "", required_only: bool = False):
    """Field paths of every value a scaffold has to fill (lists of objects: their first item)."""
    for field in obj.fields:
        if required_only and not field.required:
            continue
        path = prefix + field.name
        if isinstance(field.node, s.Obj):
            yield from schema_leaves(field.node, path + ".", required_only)
        elif isinstance(field.node, s.List) and isinstance(field.node.item, s.Obj):
            yield from schema_leaves(field.node.item, path + "[0].", required_only)
        else:
            yield path


def min_items_above_one(obj: s.Obj) -> set[int]:
    """The `min_items` of every list in the schema that needs more than one item."""
    found: set[int] = set()
    for field in obj.fields:
        node = field.node
        if isinstance(node, s.List):
            if node.min_items > 1:
                found.add(node.min_items)
            node = node.item
        if isinstance(node, s.Obj):
            found |= min_items_above_one(node)
    return found


def fill(text: str, values: dict) -> str:
    """Fill the empty keys of a scaffold with the values of a fiche, as an author would (JSON is YAML)."""
    out: list[str] = []
    stack: list[tuple[int, str]] = []
    for line in text.splitlines():
        match = re.match(r"^( *)(- )?([a-z_]+):(.*)$", line)
        if match:
            indent = len(match.group(1)) + (2 if match.group(2) else 0)
            while stack and stack[-1][0] >= indent:
                stack.pop()
            stack.append((indent, match.group(3)))
            value: object = values
            for _, key in stack:
                value = value.get(key) if isinstance(value, dict) else None
                if isinstance(value, list) and value and isinstance(value[0], dict):
                    value = value[0]  # a list of objects: the scaffold has one item
            is_text = isinstance(value, dict) and set(value) <= set(s.LANGS)
            if not match.group(4).strip() and value is not None and (is_text or not isinstance(value, dict)):
                keep = isinstance(value, (dict, list, int, float)) and not isinstance(value, bool)
                line += " " + json.dumps(value if keep else str(value), ensure_ascii=False)
        out.append(line)
    return "\n".join(out) + "\n"


def plain(data):
    return json.loads(json.dumps(data, default=str))


def uncomment_optional_sections(text: str) -> str:
    """Switch on every commented-out block, as an author would: remove the '# ' in front of each of its lines.

    A block starts with its description ('# # nl: …') and runs up to the next blank line.
    """
    out: list[str] = []
    prefix = None
    for line in text.splitlines():
        start = re.match(r"^( *)# # nl: ", line)
        if prefix is None and start:
            prefix = start.group(1) + "# "
        if prefix is not None and line.startswith(prefix):
            line = line[: len(prefix) - 2] + line[len(prefix):]
        else:
            prefix = None
        out.append(line)
    return "\n".join(out) + "\n"


# --- the scaffold ------------------------------------------------------------------------------------------------

def test_scaffold_fails_validation_naming_every_empty_required_field(tmp_path):
    result = run("new_fiche.py", "ocmw-voorbeeld-project", "--dir", str(tmp_path))
    assert result.returncode == 0, result.stderr
    path = tmp_path / "ocmw-voorbeeld-project.yml"
    assert f"wrote {path}" in result.stdout
    assert "-m scripts.validate" in result.stdout and "serve.sh" in result.stdout  # the next steps
    data = yaml.safe_load(path.read_text(encoding="utf-8"))
    assert data["id"] == "ocmw-voorbeeld-project" and data["status"] == "draft"

    checked = run("validate.py", str(path))
    assert checked.returncode == 1
    expected = set(schema_leaves(s.FICHE, required_only=True)) - {"id", "status"}
    assert {"title", "region", "summary", "last_reviewed", "sources[0].date"} <= expected
    found = errors(checked)
    assert {field for field, _ in found} == {worded_path(field) for field in expected}
    assert all(message == "required field is empty" for _, message in found)


def test_scaffold_passes_once_filled_with_real_values(tmp_path):
    path = scaffold(tmp_path, "minimal")
    values = yaml.safe_load(MINIMAL.read_text(encoding="utf-8"))
    values["status"] = "draft"  # keep the scaffold's status
    filled = fill(path.read_text(encoding="utf-8"), values)
    path.write_text(filled, encoding="utf-8")
    checked = run("validate.py", str(path))
    assert checked.returncode == 0, checked.stdout
    assert "warnings: 0" in checked.stderr
    published = filled.replace("\nstatus: draft\n", "\nstatus: published\n")
    assert published != filled
    path.write_text(published, encoding="utf-8")
    assert run("validate.py", str(path)).returncode == 0
    # filling gave every required value and nothing else
    assert plain(yaml.safe_load(published)) == plain({**values, "status": "published"})


def test_every_optional_section_switched_on_but_empty_is_refused(tmp_path):
    path = scaffold(tmp_path)
    text = uncomment_optional_sections(path.read_text(encoding="utf-8"))
    path.write_text(text, encoding="utf-8")
    assert "\n# coordinates:" not in text and "\ncoordinates:\n" in text
    checked = run("validate.py", str(path))
    assert checked.returncode == 1
    found = errors(checked)
    assert "YAML" not in checked.stdout  # still valid YAML once uncommented
    # a list whose schema needs several items (a contradiction has two statements) has one in the scaffold
    several = {problems.msg("min_items", count=n).render("en") for n in min_items_above_one(s.FICHE)}
    assert {message for _, message in found} - several == {"required field is empty",
                                                           "empty value; fill it in or remove the field"}
    # every value of the schema is in the scaffold, at its place
    leaves = {field for field, message in found if message not in several}
    assert leaves == {worded_path(f) for f in set(schema_leaves(s.FICHE)) - {"id", "status"}}


def test_scaffold_covers_every_schema_field_with_its_descriptions_and_choices(tmp_path):
    text = scaffold(tmp_path).read_text(encoding="utf-8")
    comments = " ".join(line.strip().lstrip("# ") for line in text.splitlines() if line.lstrip().startswith("#"))
    for field in s.FICHE.fields:
        assert re.search(rf"^(# )?{field.name}:", text, re.M), field.name
        description = field.node.description
        assert f"nl: {description['nl']}" in comments and f"fr: {description['fr']}" in comments, field.name
        item = field.node.item if isinstance(field.node, s.List) else field.node
        if isinstance(item, s.Enum):
            for code, labels in item.values.items():
                assert f"{code} ({labels['nl']} / {labels['fr']})" in comments, (field.name, code)
    required = [f.name for f in s.FICHE.fields if f.required]
    optional = [f.name for f in s.FICHE.fields if not f.required]
    assert all(re.search(rf"^{name}:", text, re.M) for name in required)  # real keys
    assert all(re.search(rf"^# {name}:", text, re.M) for name in optional)  # commented-out blocks
    order = [re.search(rf"^(# )?{f.name}:", text, re.M).start() for f in s.FICHE.fields]
    assert order == sorted(order)  # schema order
    assert "TODO" not in text  # no placeholder text that would pass as a valid text
    assert [line for line in text.splitlines() if "…" in line and not line.lstrip().startswith("#")] == []


def test_scaffold_follows_the_schema_not_a_template(monkeypatch):
    extra = s.F("pilot_lessons", s.Text(description=s.d(nl="Lessen uit de proef.", fr="Leçons du projet pilote.")),
                required=True)
    monkeypatch.setattr(s, "FICHE", s.Obj(description=s.FICHE.description, fields=(*s.FICHE.fields, extra)))
    text = new_fiche.scaffold("x")
    assert "# nl: Lessen uit de proef. / fr: Leçons du projet pilote." in text
    assert re.search(r"^pilot_lessons:$", text, re.M)


def test_scaffold_refuses_an_existing_id(tmp_path):
    existing = tmp_path / "ocmw-antwerpen-amie.yml"
    shutil.copy(ROOT / "tests" / "fixtures" / "valid" / "ocmw-antwerpen-amie.yml", existing)
    before = existing.read_bytes()
    result = run("new_fiche.py", "ocmw-antwerpen-amie", "--dir", str(tmp_path))
    assert result.returncode == 1
    assert f"{existing} already exists" in result.stderr
    assert existing.read_bytes() == before
    (tmp_path / "other.yaml").write_text("id: other\n", encoding="utf-8")
    assert run("new_fiche.py", "other", "--dir", str(tmp_path)).returncode == 1
    assert not (tmp_path / "other.yml").exists()


@pytest.mark.parametrize("bad_id", ["OCMW Gent", "ocmw_gent", "-gent", "gent-", "ocmw--gent", "Gent", "gent.yml",
                                    "x" * 61, ""])
def test_scaffold_refuses_an_invalid_id(tmp_path, bad_id):
    result = run("new_fiche.py", "--dir", str(tmp_path), "--", bad_id)
    assert result.returncode == 2
    assert "is not a valid fiche id" in result.stderr and "kebab-case" in result.stderr
    assert list(tmp_path.iterdir()) == []


def test_scaffold_usage_errors(tmp_path):
    assert run("new_fiche.py").returncode == 2
    assert run("new_fiche.py", "ok-id", "--dir", str(tmp_path / "missing")).returncode == 2
    assert "did you mean ocmw-gent?" in run("new_fiche.py", "OCMW Gent", "--dir", str(tmp_path)).stderr


def test_filled_scaffold_is_a_draft_shown_only_in_the_preview(tmp_path):
    fiches = tmp_path / "fiches"
    fiches.mkdir()
    shutil.copy(MINIMAL, fiches / "minimal.yml")
    path = scaffold(fiches, "ocmw-voorbeeld-project")
    values = yaml.safe_load(MINIMAL.read_text(encoding="utf-8"))
    values.update(id="ocmw-voorbeeld-project", status="draft", title={"nl": "Voorbeeldproject", "fr": "Projet exemple"})
    path.write_text(fill(path.read_text(encoding="utf-8"), values), encoding="utf-8")
    config = fixture_project(tmp_path)
    public = build_site(tmp_path / "public", fiches_dir=fiches, config=config)
    assert public.returncode == 0, public.stderr[-3000:]
    assert not (tmp_path / "public" / "fiches" / "ocmw-voorbeeld-project").exists()
    assert (tmp_path / "public" / "fiches" / "minimal" / "index.html").is_file()
    preview = build_site(tmp_path / "preview", fiches_dir=fiches, config=config, preview=True)
    assert preview.returncode == 0, preview.stderr[-3000:]
    page = (tmp_path / "preview" / "fiches" / "ocmw-voorbeeld-project" / "index.html").read_text(encoding="utf-8")
    assert "Voorbeeldproject" in page and "kb-draft" in page


# --- translation status ------------------------------------------------------------------------------------------

DRAFT = """\
id: half-vertaald
status: draft
title: {nl: AMIE, fr: AMIE}
organisation:
  name: {nl: OCMW Voorbeeld, fr: CPAS Exemple}
  type: ocmw
municipality: {nl: Voorbeeld, fr: Exemple}
region: brussel
themes: [taal]
summary: {nl: Een korte samenvatting van het project.}
inspiration:
  strengths:
    - nl: Een sterk punt
      fr: Un point fort
    - nl: Nog een sterk punt
problem:
  nl: Het probleem is een gebrek aan zelfredzaamheid.
  fr: Het probleem is een gebrek aan zelfredzaamheid.
contact:
  organisation: {nl: OCMW Voorbeeld, fr: CPAS Exemple}
  address: {nl: "Boulevard Joseph II 13, 6000 Charleroi", fr: "Boulevard Joseph II 13, 6000 Charleroi"}
sources:
  - document: {nl: Een bron, fr: Une source}
    date: "2020"
last_reviewed: 2026-01-31
as_of: "2020"
as_of_source: {ref: 1}
"""


def line_of(text: str, needle: str) -> int:
    return text.splitlines().index(needle) + 1


@pytest.fixture
def draft_dir(tmp_path) -> Path:
    fiches = tmp_path / "fiches"
    fiches.mkdir()
    (fiches / "half-vertaald.yml").write_text(DRAFT, encoding="utf-8")
    shutil.copy(MINIMAL, fiches / "minimal.yml")
    return fiches


def test_translation_status_finds_missing_and_identical_texts(draft_dir):
    assert run("validate.py", str(draft_dir)).returncode == 0  # a draft: these are warnings only
    records = translation_status.report(draft_dir, None)
    fiche = str(draft_dir / "half-vertaald.yml")
    assert all(set(r) >= {"kind", "path", "line", "field", "problem"} for r in records)
    found = {(r["kind"], r["path"], r["line"], r["field"], r["problem"]) for r in records}
    assert found == {
        ("fiche", fiche, line_of(DRAFT, "summary: {nl: Een korte samenvatting van het project.}"), "summary.fr",
         "missing"),
        ("fiche", fiche, line_of(DRAFT, "    - nl: Nog een sterk punt"), "inspiration.strengths[1].fr", "missing"),
        ("fiche", fiche, line_of(DRAFT, "  nl: Het probleem is een gebrek aan zelfredzaamheid."), "problem",
         "identical"),
    }  # names ("AMIE") and addresses are the same in both languages: not reported; minimal.yml is complete
    identical = next(r for r in records if r["problem"] == "identical")
    assert "translate fr" in identical["detail"]  # the shared text is Dutch


def test_translation_status_pages(tmp_path):
    docs = tmp_path / "docs"
    (docs / "sub").mkdir(parents=True)
    (docs / "_data").mkdir()
    prose_nl = "Dit is een pagina met uitleg over de werking van het netwerk en zijn leden.\n"
    prose_fr = "Ceci est une page qui explique le fonctionnement du réseau et de ses membres.\n"
    code = "```bash\n.venv/bin/python -m scripts.validate fiches/ocmw-voorbeeld-project.yml\n```\n"
    (docs / "ok.nl.md").write_text(f"# Pagina\n\n{prose_nl}\n{code}\n<!-- kb:schema -->\n", encoding="utf-8")
    (docs / "ok.fr.md").write_text(f"# Page\n\n{prose_fr}\n{code}\n<!-- kb:schema -->\n", encoding="utf-8")
    (docs / "alleen.nl.md").write_text(f"# Alleen\n\n{prose_nl}", encoding="utf-8")
    (docs / "sub" / "seul.fr.md").write_text(f"# Seul\n\n{prose_fr}", encoding="utf-8")
    (docs / "kopie.nl.md").write_text(f"# Kopie\n\n{prose_nl}", encoding="utf-8")
    (docs / "kopie.fr.md").write_text(f"# Kopie\n\n{prose_nl}", encoding="utf-8")
    half_nl = f"# Half\n\n{prose_nl}\nDe tweede alinea legt uit hoe het netwerk samenkomt.\n"
    half_fr = f"# Moitié\n\n{prose_fr}\nDe tweede alinea legt uit hoe het netwerk samenkomt.\n"
    (docs / "half.nl.md").write_text(half_nl, encoding="utf-8")
    (docs / "half.fr.md").write_text(half_fr, encoding="utf-8")
    (docs / "_data" / "data.nl.md").write_text("# Data\n", encoding="utf-8")
    records = translation_status.report(tmp_path / "no-fiches", docs)
    found = {(r["kind"], Path(r["path"]).relative_to(docs).as_posix(), r["line"], r["field"], r["problem"])
             for r in records}
    assert found == {
        ("page", "alleen.nl.md", 1, "", "only-in-nl"),
        ("page", "sub/seul.fr.md", 1, "", "only-in-fr"),
        ("page", "kopie.fr.md", 3, "", "identical"),  # byte-identical, Dutch text: the French page to translate
        ("page", "half.fr.md", 5, "", "identical"),  # half of its text lines are the Dutch ones
    }


def test_translation_status_works_for_any_number_of_languages(tmp_path, use_languages):
    """A third language is data: texts and pages are checked in every language of the site."""
    use_languages(("nl", "fr", "de"))
    dutch = "Een korte samenvatting van het project voor de lezer van de site."
    fiches = tmp_path / "fiches"
    fiches.mkdir()
    text = MINIMAL.read_text(encoding="utf-8")
    summary = "summary: {nl: Een korte samenvatting., fr: Un résumé court.}"
    assert summary in text
    (fiches / "minimal.yml").write_text(text.replace(summary, f"summary: {{nl: {dutch}, fr: Un résumé court., "
                                                               f"de: {dutch}}}"), encoding="utf-8")
    docs = tmp_path / "docs"
    docs.mkdir()
    prose = {"nl": "Dit is een pagina met uitleg over de werking van het netwerk en zijn leden.\n",
             "fr": "Ceci est une page qui explique le fonctionnement du réseau et de ses membres.\n"}
    for lang in ("nl", "fr"):
        (docs / f"twee.{lang}.md").write_text(f"# T\n\n{prose[lang]}", encoding="utf-8")
        (docs / f"drie.{lang}.md").write_text(f"# D\n\n{prose[lang]}", encoding="utf-8")
    (docs / "drie.de.md").write_text(f"# D\n\n{prose['nl']}", encoding="utf-8")  # still the Dutch text
    records = translation_status.report(fiches, docs)
    found = {(Path(r["path"]).name, r["field"], r["problem"]) for r in records}
    summary_line = line_of(text, summary)
    assert found >= {("twee.nl.md", "", "only-in-nl-fr"), ("drie.de.md", "", "identical"),
                     ("minimal.yml", "summary", "identical")}, found
    assert not any(r["field"].endswith(".fr") or r["field"].endswith(".nl") for r in records)
    identical = next(r for r in records if r["field"] == "summary")
    assert identical["line"] == summary_line
    assert identical["detail"] == "same text in nl and de; it reads as Dutch: translate de"
    assert "translate" in next(r for r in records if r["path"].endswith("drie.de.md"))["detail"]
    assert "in nl, fr and de" in translation_status.summary([])


def test_translation_status_cli(draft_dir, tmp_path):
    docs = tmp_path / "docs"
    docs.mkdir()
    (docs / "alleen.nl.md").write_text("# Alleen\n", encoding="utf-8")
    result = run("translation_status.py", "--fiches", str(draft_dir), "--docs", str(docs))
    assert result.returncode == 0  # a report, not a gate
    lines = result.stdout.splitlines()
    line = line_of(DRAFT, "summary: {nl: Een korte samenvatting van het project.}")
    assert lines[0].startswith(f"{draft_dir / 'half-vertaald.yml'}:{line}: summary.fr: missing")
    assert lines[-1].startswith(f"{docs / 'alleen.nl.md'}:1: only-in-nl")
    assert len(lines) == 4
    assert "4 translation(s) pending: 2 missing, 1 identical, 1 page(s) not in every language" in result.stderr
    strict = run("translation_status.py", "--strict", "--fiches", str(draft_dir), "--docs", str(docs))
    assert strict.returncode == 1
    as_json = run("translation_status.py", "--json", "--fiches", str(draft_dir), "--docs", str(docs))
    assert json.loads(as_json.stdout) == translation_status.report(draft_dir, docs)
    complete = tmp_path / "complete"
    complete.mkdir()
    shutil.copy(MINIMAL, complete / "minimal.yml")
    clean = run("translation_status.py", "--strict", "--fiches", str(complete), "--docs", str(complete))
    assert clean.returncode == 0 and clean.stdout == "" and "nothing to translate" in clean.stderr
    assert run("translation_status.py", "--fiches", str(tmp_path / "missing")).returncode == 2
    assert run("translation_status.py", "--bogus").returncode == 2


def test_translation_status_skips_unreadable_files(tmp_path):
    (tmp_path / "broken.yml").write_text("title: {nl: open\n", encoding="utf-8")
    (tmp_path / "draft.yml").write_text(DRAFT, encoding="utf-8")
    records = translation_status.report(tmp_path, None)
    assert {Path(r["path"]).name for r in records} == {"draft.yml"}
    result = run("translation_status.py", "--fiches", str(tmp_path), "--docs", str(tmp_path))
    assert "1 fiche file(s) skipped" in result.stderr


# --- the contributor guide -----------------------------------------------------------------------------------------

def page_text(name: str, lang: str) -> str:
    return (GUIDE / f"{name}.{lang}.md").read_text(encoding="utf-8")


def without_code(text: str) -> str:
    return re.sub(r"^```.*?^```", "", text, flags=re.M | re.S)


@pytest.mark.parametrize("lang", s.LANGS)
@pytest.mark.parametrize("name", GUIDE_PAGES)
def test_guide_page_headings_and_links(name, lang):
    text = without_code(page_text(name, lang))
    levels = [len(m.group(1)) for m in re.finditer(r"^(#{1,6}) \S", text, re.M)]
    assert levels[0] == 1 and levels.count(1) == 1
    assert all(b - a <= 1 for a, b in zip(levels, levels[1:], strict=False))  # no skipped level
    links = re.findall(r"\]\(([^)\s]+)\)", re.sub(r"`[^`]*`", "", text))
    assert links
    fiche_ids = {p.stem for p in (ROOT / "fiches").glob("*.yml")}
    anchors = {slugify(m.group(1), "-") for m in re.finditer(r"^#{1,6} (.+)$", text, re.M)}
    for link in links:
        assert not link.startswith(("/", "http")), link
        if link.startswith("#"):
            assert link[1:] in anchors, link
            continue
        target = (GUIDE / link.split("#")[0]).resolve()
        if target.parent == (ROOT / "docs" / "fiches").resolve() and target.stem in fiche_ids:
            continue
        assert target.with_name(f"{target.stem}.{lang}.md").is_file(), link


def test_guide_links_the_worked_examples_and_the_schema():
    fiche_ids = {p.stem for p in (ROOT / "fiches").glob("*.yml")}
    for lang in s.LANGS:
        text = page_text("fiche-schrijven", lang)
        assert "](schema.md)" in text, lang
        examples = re.findall(r"\]\(\.\./fiches/([a-z0-9-]+)\.md\)", text)
        assert examples, lang  # the guide works through real fiches of the site...
        assert set(examples) <= fiche_ids, (lang, set(examples) - fiche_ids)  # ...that exist


def test_guide_excerpts_are_taken_from_the_fiches():
    fiches = "\n".join(p.read_text(encoding="utf-8") for p in (ROOT / "fiches").glob("*.yml"))
    for lang in s.LANGS:
        blocks = re.findall(r"^```yaml\n(.*?)^```", page_text("fiche-schrijven", lang), re.M | re.S)
        assert len(blocks) >= 6
        for block in blocks:
            yaml.safe_load(block)  # every example is valid YAML
            if "Werkmaterialen" in block:
                continue  # the comma-trap illustration
            for line in block.splitlines():
                if line.strip() and not line.strip().startswith("#"):
                    assert line.strip() in fiches, (lang, line)


def test_guide_comma_trap_message_is_the_validators(tmp_path):
    trap = "{nl: Werkmaterialen, laptop en beamer, fr: Matériel de travail, ordinateur et projecteur}"
    quoted = '{nl: "Werkmaterialen, laptop en beamer", fr: "Matériel de travail, ordinateur et projecteur"}'
    minimal = MINIMAL.read_text(encoding="utf-8")
    path = tmp_path / "minimal.yml"
    path.write_text(minimal.replace("summary: {nl: Een korte samenvatting., fr: Un résumé court.}",
                                    f"summary: {trap}"), encoding="utf-8")
    result = run("validate.py", str(path))
    assert result.returncode == 1
    message = "unknown language (a comma inside {nl: ..., fr: ...} starts a new key: put the text in quotes)"
    assert message in result.stdout
    for lang in s.LANGS:  # the guide quotes the message in the reader's language (validate.py --lang)
        shown = run("validate.py", "--lang", lang, str(path)).stdout
        words = re.search(r"error: summary › [^:]+: ([^)]+\))", shown, re.M)[1]  # up to the hint's end
        text = page_text("fiche-schrijven", lang)
        assert f"- {trap}" in text and f"- {quoted}" in text
        assert f"`{words}`".replace("\u00a0", " ") in text.replace("\u00a0", " "), (lang, words)
    path.write_text(minimal.replace("summary: {nl: Een korte samenvatting., fr: Un résumé court.}",
                                    f"summary: {quoted}"), encoding="utf-8")
    assert run("validate.py", str(path)).returncode == 0


def test_guide_shows_the_real_output_of_the_commands(tmp_path):
    fiches = tmp_path / "fiches"
    fiches.mkdir()
    assert run("new_fiche.py", "ocmw-voorbeeld-project", "--dir", "fiches", cwd=tmp_path).returncode == 0
    path = fiches / "ocmw-voorbeeld-project.yml"
    validated = {lang: run("validate.py", "--lang", lang, "fiches/ocmw-voorbeeld-project.yml",
                           cwd=tmp_path).stdout.replace("\u00a0", " ").splitlines() for lang in s.LANGS}
    path.write_text(path.read_text(encoding="utf-8").replace("\ntitle:\n", "\ntitle: {nl: Voorbeeldproject}\n"),
                    encoding="utf-8")
    status = run("translation_status.py", "--fiches", "fiches", "--docs", ".", cwd=tmp_path).stdout.splitlines()
    for lang in s.LANGS:
        shown = [line for block in re.findall(r"^```text\n(.*?)^```", page_text("publiceren", lang), re.M | re.S)
                 for line in block.splitlines()]
        assert len(shown) == 3
        for line in shown:
            assert line.replace("\u00a0", " ") in (validated[lang] if ": error: " in line else status), (lang, line)


def checklist(lang: str) -> list[str]:
    return re.findall(r"^- \[ \] .+$", page_text("nazicht", lang), re.M)


def test_review_checklist_is_a_task_list_in_both_languages():
    assert len(checklist("nl")) == len(checklist("fr")) >= 10


def test_pull_request_template_holds_the_review_checklist():
    template = PR_TEMPLATE.read_text(encoding="utf-8")
    for lang in s.LANGS:
        for item in checklist(lang):
            assert item in template, item
    assert template.count("- [ ] ") == len(checklist("nl")) + len(checklist("fr"))


def test_contributor_pages_are_built_in_both_languages(site):
    nav = yaml.safe_load(re.sub(r"!ENV \[[^\]]*\]", "x", (ROOT / "mkdocs.yml").read_text(encoding="utf-8")))["nav"]
    missing = [name for name in GUIDE_PAGES if f"bijdragen/{name}.md" not in json.dumps(nav)]
    assert missing == [], "the contributor guide pages must be in the nav of mkdocs.yml"
    for name in GUIDE_PAGES:
        url = "bijdragen/" if name == "index" else f"bijdragen/{name}/"
        nl = (site / url / "index.html").read_text(encoding="utf-8")
        fr = (site / "fr" / url / "index.html").read_text(encoding="utf-8")
        assert '<html lang="nl"' in nl and '<html lang="fr"' in fr
        for lang, html in (("nl", nl), ("fr", fr)):
            title = re.search(r"^# (.+)$", page_text(name, lang), re.M).group(1)
            h1 = re.search(r"<h1[^>]*>(.*?)</h1>", html, re.S).group(1)
            assert title in unescape(re.sub(r"<[^>]+>", "", h1)), (name, lang)


# --- CI templates --------------------------------------------------------------------------------------------------

def runs(node) -> list[str]:
    """Every shell command of a workflow (GitHub `run:`, GitLab `script:` and `before_script:`)."""
    found: list[str] = []
    if isinstance(node, dict):
        for key, value in node.items():
            if key == "run" and isinstance(value, str):
                found.append(value)
            elif key in ("script", "before_script") and isinstance(value, list):
                found.extend(value)
            else:
                found.extend(runs(value))
    elif isinstance(node, list):
        for item in node:
            found.extend(runs(item))
    return found


def uses(node) -> list[str]:
    if isinstance(node, dict):
        return [v for k, v in node.items() if k == "uses"] + [u for v in node.values() for u in uses(v)]
    if isinstance(node, list):
        return [u for item in node for u in uses(item)]
    return []


def check_commands_exist(commands: list[str]) -> None:
    requirements = (ROOT / "requirements.txt").read_text(encoding="utf-8").lower()
    checked = 0
    for command in commands:
        for token in re.findall(r"(?<![\w:/.$-])\.?[\w-]+(?:/[\w.-]+)+", command):
            if token.startswith(".venv/bin/"):
                tool = token.removeprefix(".venv/bin/")
                assert tool == "python" or re.search(rf"^{re.escape(tool)}==", requirements, re.M), token
            else:
                assert (ROOT / token).exists(), f"{token} (in: {command})"
            checked += 1
    assert checked >= 3


def test_github_workflow():
    text = WORKFLOW.read_text(encoding="utf-8")
    workflow = yaml.safe_load(text)
    triggers = workflow.get("on", workflow.get(True))  # YAML 1.1 reads the key `on` as true
    assert "pull_request" in triggers and triggers["push"]["branches"] == ["main"]
    assert workflow["permissions"] == {}
    jobs = workflow["jobs"]
    build, deploy = jobs["build"], jobs["deploy"]
    assert build["permissions"] == {"contents": "read"}
    assert deploy["permissions"] == {"pages": "write", "id-token": "write"}
    assert [name for name, job in jobs.items() if "pages" in job.get("permissions", {})] == ["deploy"]
    assert deploy["needs"] == "build" and "refs/heads/main" in deploy["if"]
    commands = runs(workflow)
    check = next(c for c in commands if "scripts/ci_check.sh" in c)
    assert 'bash scripts/ci_check.sh "origin/$BASE_REF"' in check  # a pull request: the tests its change needs
    assert check.count("bash scripts/ci_check.sh") == 2  # and main: no second test run after the request's
    assert ".venv/bin/mkdocs build --strict" in commands
    assert commands.index(check) < commands.index(".venv/bin/mkdocs build --strict")
    check_commands_exist(commands)
    assert "vars.SITE_URL" in build["env"]["SITE_URL"]
    steps = {step.get("uses", "").split("@")[0]: step for step in build["steps"]}
    assert steps["actions/checkout"]["with"]["fetch-depth"] == 0  # the whole history, for the change history
    trust = next(i for i, step in enumerate(build["steps"]) if "safe.directory" in step.get("run", ""))
    assert trust == build["steps"].index(steps["actions/checkout"]) + 1  # before anything reads git
    assert 'git config --global --add safe.directory "$GITHUB_WORKSPACE"' in build["steps"][trust]["run"]
    strict = next(step for step in build["steps"] if step.get("run") == ".venv/bin/mkdocs build --strict")
    assert strict["env"]["KB_REQUIRE_GIT_HISTORY"] == "1"
    upload = steps["actions/upload-pages-artifact"]
    assert upload["with"]["path"].rstrip("/") == "site" and "refs/heads/main" in upload["if"]
    assert [u.split("@")[0] for u in uses(deploy)] == ["actions/deploy-pages"]
    all_uses = uses(workflow)
    # checkout (build, checklist), upload-pages-artifact, deploy-pages: each pinned to one commit
    assert len(set(all_uses)) == 3 and all(SHA_PIN.match(u) for u in all_uses), all_uses
    for action in all_uses:  # each pin carries the release it stands for
        assert re.search(rf"uses: {re.escape(action)} # v\d+\.\d+\.\d+$", text, re.M), action


def test_gitlab_ci():
    pipeline = yaml.safe_load(GITLAB.read_text(encoding="utf-8"))
    check_commands_exist(runs(pipeline))
    assert pipeline["variables"]["GIT_DEPTH"] == 0  # the whole history (GitLab clones 20 commits by default)
    before = pipeline["default"]["before_script"]
    assert 'git config --global --add safe.directory "$CI_PROJECT_DIR"' in before
    for job, check in (("check", 'bash scripts/ci_check.sh "$CI_MERGE_REQUEST_DIFF_BASE_SHA"'),
                       ("pages", "bash scripts/ci_check.sh")):  # publishing runs no test a second time
        script = pipeline[job]["script"]
        assert script.index(check) < script.index("KB_REQUIRE_GIT_HISTORY=1 .venv/bin/mkdocs build --strict")
    assert pipeline["pages"]["artifacts"]["paths"] == ["public"]
    assert "mv site public" in pipeline["pages"]["script"]
    assert "$CI_DEFAULT_BRANCH" in pipeline["pages"]["rules"][0]["if"]


def test_ci_readme_says_how_to_install():
    readme = (CI / "README.md").read_text(encoding="utf-8")
    assert ".github/workflows/publish.yml" in readme and ".github/pull_request_template.md" in readme
    assert ".gitlab-ci.yml" in readme and "SITE_URL" in readme
    for action in uses(yaml.safe_load(WORKFLOW.read_text(encoding="utf-8"))):
        assert action.split("@")[1] in readme  # the table of pins matches the workflow
