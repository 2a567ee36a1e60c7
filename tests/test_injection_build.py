"""Fiche text cannot become markup, tested through the real build (`mkdocs build --strict`), not the renderer alone.

Hostile fiches are generated: every text field of the schema (found by walking scripts/fiche/schema.py) holds a
payload of one family, one fiche per family, so every field × family pair is covered by ONE build. Each payload
either passes the real validator and goes into the build, or is refused by it (then the field gets a plain text
and the refusal is recorded). Every built HTML page is then parsed and must hold no event-handler attribute, no
script or data URL, no resource from another host and no script that is not the site's own; the CSV must not
start a formula; and in chromium no dialog may open on the fiche, module, catalogue and compare pages.
"""

from __future__ import annotations

import copy
import csv
import io
import re
import shutil
from html.parser import HTMLParser
from pathlib import Path
from urllib.parse import urlsplit

import pytest
import yaml
from conftest import ROOT, build_site, free_port, next_frames

from scripts import local_servers
from scripts.fiche import schema as s
from scripts.fiche.collection import load_collection

MARK = "kbx"  # in every payload: it must never reach an attribute name, a script or a URL of its own
TRACKER = "tracker.example"

# Payload families: (name, inline variant, block variant). Inline texts are single lines.
FAMILIES = [
    ("attr-list", f"Naam {{: onfocus=alert('{MARK}') autofocus tabindex=0 }}",
     f"Tekst {{: onfocus=alert('{MARK}') autofocus tabindex=0 }}"),
    ("attr-list-class",
     f"Naam {{: #{MARK} .x onclick=\"alert('{MARK}')\" style=\"background:url(https://{TRACKER}/a.gif)\" }}",
     f"Alinea.\n\nTweede {{: onmouseover=\"alert('{MARK}')\" }}"),
    ("code-block-split", f"Naam *{MARK}*{{: onfocus=alert(1) autofocus tabindex=0 }}",
     f"Tekst.\n\n    code\n\n    *{MARK}*{{: onfocus=alert(1) autofocus tabindex=0 }}\n\n"
     "Meer *x*{: onclick=alert(1) }."),
    ("escaped-link", f"[{MARK}]\\(java*script*:alert(1))", f"Zie [{MARK}]\\(java*script*:alert(1)) en meer."),
    ("escaped-image", f"!\\[{MARK}\\]\\(https://{TRACKER}/p.gif)",
     f"Beeld !\\[{MARK}\\]\\(https://{TRACKER}/p.gif) hier."),
    ("image", f"![{MARK}](https://{TRACKER}/p.gif)", f"Beeld ![{MARK}](https://{TRACKER}/p.gif) hier."),
    ("raw-html", f"<img src=x onerror=alert('{MARK}')>",
     f"<script>alert('{MARK}')</script>\n\n<b onclick=alert(1)>x</b>"),
    ("entities", f"&lt;script&gt;alert('{MARK}')&lt;/script&gt; &#x3C;img src=x onerror=alert(1)&#x3E;",
     f"&lt;img src=x onerror=alert('{MARK}')&gt; en &amp;lt;b&amp;gt; en &#60;svg onload=alert(1)&#62;"),
    ("scheme-entities", f"[{MARK}](java&#115;cript:alert(1)) [b](&#106;avascript:alert(1))",
     f"[{MARK}]( javascript:alert(1)) en [b](jav\tascript:alert(1)) en [c](JaVaScRiPt&colon;alert(1))"),
    ("carriage-return", f"Titel\r# {MARK} {{: onfocus=alert(1) autofocus tabindex=0 }}",
     f"Tekst\r\r# {MARK} {{: onfocus=alert(1) autofocus tabindex=0 }}\r\rmeer"),
    ("autolink", f"<https://{TRACKER}/{MARK}> <mailto:{MARK}@{TRACKER}>",
     f"Zie <https://{TRACKER}/{MARK}> en <mailto:{MARK}@{TRACKER}>."),
    ("autolink-script", f"<javascript:alert('{MARK}')>", f"Zie <javascript:alert('{MARK}')> en <data:text/html,x>."),
    ("md-in-html", f"<div markdown>*{MARK}*{{: onfocus=alert(1) }}</div>",
     f"<div markdown=\"1\">\n*{MARK}*{{: onfocus=alert(1) autofocus tabindex=0 }}\n</div>"),
    ("abbreviation", f"OCMW {MARK} *[OCMW]: \" onmouseover=\"alert(1)",
     f"OCMW en {MARK}.\n\n*[OCMW]: \" onmouseover=\"alert(1)\n*[{MARK}]: ' onfocus='alert(1)"),
    ("footnote-reference", f"Tekst[^{MARK}] [x][r]",
     f"Tekst[^1] en [x][r] en ![y][t].\n\n[^1]: [z](https://{TRACKER}/{MARK})\n\n[r]: https://{TRACKER}/r\n"
     f"[t]: https://{TRACKER}/p.gif"),
    ("reference-script", f"[{MARK}][r] [r]: javascript:alert(1)", f"[{MARK}][r]\n\n[r]: javascript:alert(1)"),
    ("heading-table-admonition", f"# {MARK} | a | b |",
     f"# Kop {MARK} {{: onfocus=alert(1) autofocus tabindex=0 }}\n\n| a | b |\n|---|---|\n"
     "| *x* | {: onclick=alert(1) } |"
     f"\n\n!!! note \"{MARK}\"\n    *x*{{: onfocus=alert(1) }}\n\n??? {MARK}\n    tekst"),
    ("link-title", f"[{MARK}](https://a.be \"t\" onmouseover=\"alert(1)\")",
     f"[{MARK}](https://a.be 't\\' onmouseover=alert(1)') en [x](https://{TRACKER}/ \"a\\\" onclick=\\\"alert(1)\")"),
    ("template", f"{{{{ 7*7 }}}} {{% raw %}} {MARK}", f"{{{{ config }}}} en {{% include 'x' %}} en {{# {MARK} #}}"),
    ("tasklist", f"- [x] {MARK}", f"- [x] {MARK}\n- [ ] b {{: onclick=alert(1) }}"),
    ("placeholder", f"<!-- kb:recent-fiches --> {MARK}",
     "<!-- kb:recent-fiches -->\n\n<div data-kb-block=\"0\"></div>"),
    ("formula", f"=HYPERLINK(\"https://{TRACKER}/?{MARK}\";\"klik\")", f"+SUM(1;2) {MARK}"),
    ("formula-2", f"@SUM(1+1)*cmd|' /C calc'!A0 {MARK}", f"-1+1 {MARK}"),
    ("formula-3", f"\t=1+1 {MARK}", f"\r=1+1 {MARK}"),
]
FORMULA_START = ("=", "+", "-", "@", "\t", "\r")


# --- a complete fiche, generated from the schema ----------------------------------------------------------------

def text_paths(node: s.Node, path: str = "") -> list[tuple[str, s.Text]]:
    """Every text field of the schema, as a path (list items as [0])."""
    if isinstance(node, s.Text):
        return [(path, node)]
    if isinstance(node, s.List):
        return text_paths(node.item, f"{path}[0]")
    if isinstance(node, s.Obj):
        return [found for f in node.fields for found in text_paths(f.node, f"{path}.{f.name}" if path else f.name)]
    return []


def fill(node: s.Node, text, fiche_id: str, path: str = ""):
    """A value for `node` with every optional field present; texts come from text(path, node)."""
    if isinstance(node, s.Text):
        return text(path, node)
    if isinstance(node, s.Obj):
        values = {f.name: fill(f.node, text, fiche_id, f"{path}.{f.name}" if path else f.name) for f in node.fields}
        return {name: value for name, value in values.items() if value is not None}
    if isinstance(node, s.List):
        if isinstance(node.item, s.FicheRef):
            return None  # a reference to another fiche adds no text
        item = fill(node.item, text, fiche_id, f"{path}[0]")
        if path == "see_also":
            item["page"] = "woordenlijst.md"  # a hand-written page that exists
        return [item]
    if isinstance(node, s.Enum):
        return next(iter(node.values))
    if isinstance(node, s.Str):
        return fiche_id if path == "id" else node.example or "x"
    if isinstance(node, s.Number):
        low = node.minimum + (0.5 if node.exclusive_minimum else 0)
        return int(max(low, 1)) if node.integer else min(max(low, 0.5), node.maximum)
    if isinstance(node, s.Date):
        return "2020-01-15"
    if isinstance(node, s.Url):
        return "https://www.example.be/"
    if isinstance(node, s.Email):
        return "info@example.be"
    raise AssertionError(f"no value for {type(node).__name__} at {path}")


def fiche_data(fiche_id: str, texts: dict[str, str]) -> dict:
    """The fiche with every text field; `texts` maps a path to its text (both languages), else a plain text."""
    data = fill(s.FICHE, lambda path, node: {lang: texts.get(path, f"Tekst {lang}") for lang in s.LANGS}, fiche_id)
    data["status"] = "published"
    data["last_reviewed"] = "2026-01-15"
    data.pop("review_by", None)
    data["period"] = {"start": "2019-01", "end": "2020-06", "inferred": "yes"}
    data["coordinates"].update(lat=50.85, lon=4.35, approximate="yes")  # keeps the text field `basis`
    data["coordinates"].pop("source", None)
    for conflict in data.get("conflicts", []):  # a contradiction has two statements
        conflict["statements"] = [copy.deepcopy(conflict["statements"][0]) for _ in range(2)]
    for module in data["modules"]:
        module["setup"]["min_group_size"], module["setup"]["max_group_size"] = 4, 8
    return data


def write(folder: Path, data: dict) -> Path:
    path = folder / f"{data['id']}.yml"
    path.write_text(yaml.safe_dump(data, allow_unicode=True, sort_keys=False, width=10_000), encoding="utf-8")
    return path


def errors(path: Path) -> list:
    return [p for p in load_collection([path]).problems if p.severity == "error"]


# --- the hostile build (once per session) --------------------------------------------------------------------------

class Hostile:
    def __init__(self, folder: Path, site: Path, port: int):
        self.folder, self.site, self.port = folder, site, port
        self.ids: list[str] = []
        self.refused: dict[str, list[str]] = {}  # family → text fields whose payload the validator refuses
        self.result = None


@pytest.fixture(scope="module")
def hostile(tmp_path_factory) -> Hostile:
    work = tmp_path_factory.mktemp("hostile")
    fiches = work / "fiches"
    fiches.mkdir()
    for real in sorted((ROOT / "fiches").glob("*.yml")):  # hand-written pages may link to them
        shutil.copy(real, fiches / real.name)
    paths = [path for path, _ in text_paths(s.FICHE)]
    out = Hostile(fiches, work / "site", free_port())
    for number, (family, inline, block) in enumerate(FAMILIES):
        fiche_id = f"hostile-{number:02d}-{family}"
        texts = {path: inline if node.inline else block for path, node in text_paths(s.FICHE)}
        probe = write(work, fiche_data(fiche_id, texts))
        refused = sorted({p.field.rsplit(".", 1)[0] for p in errors(probe)} & set(paths) |
                         {_unindexed(p.field).rsplit(".", 1)[0] for p in errors(probe)} & set(paths))
        for path in refused:
            texts.pop(path)
        probe.unlink()
        final = write(fiches, fiche_data(fiche_id, texts))
        left = errors(final)
        assert left == [], f"{family}: still invalid after removing the refused payloads: {left[:5]}"
        out.ids.append(fiche_id)
        out.refused[family] = refused
    out.result = build_site(out.site, fiches_dir=fiches, site_url=f"http://127.0.0.1:{out.port}/")
    return out


def _unindexed(field: str) -> str:
    return re.sub(r"\[\d+\]", "[0]", field)


def test_every_text_field_and_family_is_generated_and_the_site_builds(hostile):
    fields = text_paths(s.FICHE)
    assert len(fields) > 30 and any(node.inline for _, node in fields) and any(not n.inline for _, n in fields)
    assert hostile.result.returncode == 0, hostile.result.stderr[-3000:]
    accepted = sum(len(fields) - len(refused) for refused in hostile.refused.values())
    assert accepted >= 5 * len(fields)  # many payloads reach the build: the checks below have something to find


def test_validator_refuses_raw_html_and_script_links_in_every_field(hostile):
    every = sorted(path for path, _ in text_paths(s.FICHE))
    for family in ("raw-html", "md-in-html", "scheme-entities", "autolink-script", "reference-script", "placeholder"):
        assert hostile.refused[family] == every, family
    # The escaped forms are text, not links: accepted, and must come out inert (checked on the pages below).
    assert hostile.refused["escaped-link"] == [] and hostile.refused["entities"] == []


# --- what the built HTML may contain -------------------------------------------------------------------------------

URL_ATTRIBUTES = {"href", "src", "action", "formaction", "xlink:href", "poster", "data", "background", "cite",
                  "ping", "lowsrc", "dynsrc"}
RESOURCE_ATTRIBUTES = {"src", "poster", "data", "background", "srcset", "imagesrcset"}
SCRIPT_SCHEME = re.compile(r"^(?:javascript|vbscript|data|livescript|mocha):", re.IGNORECASE)
CSS_URL = re.compile(r"url\(\s*['\"]?([^'\")\s]+)|@import\s+['\"]([^'\"]+)", re.IGNORECASE)
OWN_HANDLERS: set[tuple[str, str]] = set()  # (tag, attribute): the site's own inline handlers; there are none


class PageAudit(HTMLParser):
    def __init__(self, host: str):
        super().__init__(convert_charrefs=True)
        self.host = host
        self.found: list[str] = []
        self._script: str | None = None
        self._style = False

    def _foreign(self, url: str) -> bool:
        url = re.sub(r"[\s\x00-\x1f]", "", url)
        if url.startswith("//"):
            url = "http:" + url
        parts = urlsplit(url)
        return bool(parts.netloc) and parts.netloc != self.host

    def handle_starttag(self, tag, attrs):
        attributes = dict(attrs)
        for name, value in attrs:
            value = value or ""
            if name.startswith("on") and (tag, name) not in OWN_HANDLERS:
                self.found.append(f"<{tag} {name}={value!r}>")
            if name in URL_ATTRIBUTES and SCRIPT_SCHEME.match(re.sub(r"[\s\x00-\x1f]", "", value)):
                if not (tag == "link" and name == "href" and value.startswith("data:image/")):  # Material's favicon
                    self.found.append(f"<{tag} {name}={value[:80]!r}> (script/data URL)")
            if name in RESOURCE_ATTRIBUTES or (tag in ("link", "script") and name in ("href", "src")):
                urls = [part.strip().split(" ")[0] for part in value.split(",")] if "srcset" in name else [value]
                if tag == "a" or (tag == "link" and attributes.get("rel") in ("alternate", "canonical")):
                    urls = []
                self.found.extend(f"<{tag} {name}={u!r}> (other host)" for u in urls if self._foreign(u))
            if name == "style":
                self._css(value, tag)
            if MARK in name.lower():
                self.found.append(f"<{tag} {name}> (attribute made from fiche text)")
        if tag == "script":
            self._script = ""
        if tag == "style":
            self._style = True

    def handle_endtag(self, tag):
        if tag == "script" and self._script is not None:
            if MARK in self._script or "alert(" in self._script:
                self.found.append(f"<script> with fiche text: {self._script[:100]!r}")
            self._script = None
        if tag == "style":
            self._style = False

    def handle_data(self, data):
        if self._script is not None:
            self._script += data
        if self._style:
            self._css(data, "style")

    def _css(self, css: str, tag: str) -> None:
        for match in CSS_URL.finditer(css):
            url = match.group(1) or match.group(2)
            if self._foreign(url) or SCRIPT_SCHEME.match(url):
                self.found.append(f"<{tag}> CSS url({url!r})")


def audit(page: Path, host: str) -> list[str]:
    parser = PageAudit(host)
    parser.feed(page.read_text(encoding="utf-8"))
    parser.close()
    return parser.found


def test_no_built_page_carries_a_handler_a_script_url_a_foreign_resource_or_a_foreign_script(hostile):
    """Runs on whatever the build wrote, so that a strict-mode failure does not hide what the pages hold."""
    pages = sorted(hostile.site.rglob("*.html"))
    hostile_pages = [p for p in pages if "hostile-" in str(p)]
    assert len(hostile_pages) >= 2 * len(FAMILIES)  # at least every family's fiche page in both languages
    host = f"127.0.0.1:{hostile.port}"
    problems = {str(p.relative_to(hostile.site)): found for p in pages if (found := audit(p, host))}
    assert problems == {}, "\n".join(f"{page}: {found[:4]}" for page, found in list(problems.items())[:20])


def test_the_audit_catches_what_it_looks_for():
    """The checker itself: each kind of injection in a sample page is reported."""
    sample = (f'<h1 onfocus="alert(1)">x</h1><a href=" jav\tascript:alert(1)">a</a><img src="https://{TRACKER}/p.gif">'
              f'<img srcset="a.png 1x, //{TRACKER}/b.png 2x"><script>alert("{MARK}")</script>'
              f'<script src="https://cdn.example/x.js"></script><p style="background:url(https://{TRACKER}/c)">'
              f'<iframe src="https://{TRACKER}/"></iframe><form action="javascript:alert(1)"></form>'
              f'<link rel="stylesheet" href="https://{TRACKER}/s.css"><em {MARK}="1">x</em>')
    parser = PageAudit("127.0.0.1:8000")
    parser.feed(sample)
    assert len(parser.found) == 11, parser.found
    parser = PageAudit("127.0.0.1:8000")
    parser.feed('<a href="https://www.mi-is.be/">ok</a><img src="../assets/x.png"><script src="/assets/k.js"></script>')
    assert parser.found == []


def test_csv_cells_never_start_a_formula(hostile):
    """Read the open data as a spreadsheet does (semicolons, UTF-8 with BOM): no cell may start a formula."""
    for path in (hostile.site / "fiches.csv", hostile.site / "fr" / "fiches.csv"):
        assert path.is_file(), f"the build wrote no {path.name}: {hostile.result.stderr[-1500:]}"
        rows = list(csv.reader(io.StringIO(path.read_text(encoding="utf-8-sig")), delimiter=";"))
        cells = [cell for row in rows for cell in row]
        hostile_cells = [cell for cell in cells if MARK in cell]
        assert len(hostile_cells) >= 3, path  # the formula fiches are in the file
        starting = [cell for cell in cells if cell.startswith(FORMULA_START)]
        assert starting == [], f"{path.name}: cells a spreadsheet would run: {starting[:5]}"


# --- chromium: no dialog opens ---------------------------------------------------------------------------------------

@pytest.fixture(scope="module")
def hostile_url(hostile):
    with local_servers.serve_static(hostile.site, hostile.port) as url:
        yield url


@pytest.mark.browser
def test_no_dialog_opens_on_hostile_pages(hostile, hostile_url, browser):
    dialogs: list[str] = []
    context = browser.new_context(viewport={"width": 1280, "height": 900})
    page = context.new_page()
    page.on("dialog", lambda dialog: (dialogs.append(f"{page.url}: {dialog.message}"), dialog.dismiss()))
    ids = hostile.ids
    fiche_pages = {f"fiches/{i}/" for i in ids}
    module_pages = sorted(path for p in hostile.site.rglob("index.html")
                          if "hostile-" in (path := f"{p.parent.relative_to(hostile.site).as_posix()}/")
                          and not path.startswith("fr/") and path not in fiche_pages)
    assert module_pages, "no module page of a hostile fiche was built"
    paths = (["fiches/", "modules/", f"fiches/vergelijk/?ids={','.join(ids[:4])}",
              f"fiches/vergelijk/?ids={','.join(ids[-4:])}"] + [f"fiches/{i}/" for i in ids] + module_pages[::6])
    try:
        for lang_prefix in ("", "fr/"):
            for path in paths:
                page.goto(hostile_url + lang_prefix + path, wait_until="load")
                for _ in range(3):  # focus handlers fire on focus: walk the first focusable elements
                    page.keyboard.press("Tab")
                page.mouse.move(400, 300)
                next_frames(page)  # any handler the hover or focus set off has run
    finally:
        context.close()
    assert dialogs == []
