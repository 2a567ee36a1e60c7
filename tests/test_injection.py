"""Nothing a fiche author writes can inject script: the validator refuses it, and the renderer
would neutralise it anyway (tested here with the validator bypassed)."""

from __future__ import annotations

import re
import shutil
from html.parser import HTMLParser

import jinja2
import pytest
from conftest import ROOT, build_site, fixture_project

from scripts.fiche import richtext
from scripts.fiche.collection import Fiche, load_collection
from scripts.site import facts, fiche_view, render

HOSTILE = [
    "<script>alert(1)</script>",
    "<img src=x onerror=alert(1)>",
    "<a href=\"javascript:alert(1)\">x</a>",
    "[klik](javascript:alert(1))",
    "[klik](data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==)",
    "[klik](JaVaScRiPt:alert(1))",
    "<svg onload=alert(1)>",
    "<iframe src=https://example.org></iframe>",
    "\" onmouseover=\"alert(1)",
    "<style>body{display:none}</style>",
    "<<script>script>alert(1)<</script>/script>",
    "[x](https://example.org\" onclick=\"alert(1))",
    "![img](https://example.org/x.png\" onerror=\"alert(1))",
    "&lt;script&gt;alert(1)&lt;/script&gt;",
    "<div style=\"background:url(javascript:alert(1))\">x</div>",
]
FORBIDDEN_TAGS = {"script", "iframe", "svg", "style", "object", "embed", "img", "link", "meta", "base"}


class Executable(HTMLParser):
    """What a browser would run or load: elements, event handlers, script URLs (escaped text is inert)."""

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.found: list[str] = []

    def handle_starttag(self, tag, attrs):
        if tag in FORBIDDEN_TAGS:
            self.found.append(f"<{tag}>")
        for name, value in attrs:
            if name.startswith("on") or name == "style":
                self.found.append(f"{tag}@{name}")
            if name in ("href", "src", "action") and value and \
                    re.sub(r"\s", "", value).lower().startswith(("javascript:", "data:", "vbscript:")):
                self.found.append(f"{tag}@{name}={value}")


def executable(html: str) -> list[str]:
    parser = Executable()
    parser.feed(str(html))
    return parser.found


@pytest.mark.parametrize("payload", HOSTILE)
def test_renderer_neutralises_hostile_text(payload):
    for rendered in (richtext.to_html(payload), richtext.to_inline_html(payload)):
        assert executable(rendered) == [], rendered


def test_renderer_keeps_the_allowed_markdown_subset():
    html = str(richtext.to_html("Een *nadruk* en **vet** met [een link](https://www.mi-is.be) en "
                                "[mail](mailto:vraag@mi-is.be).\n\n- een\n- twee"))
    assert "<em>nadruk</em>" in html and "<strong>vet</strong>" in html
    assert 'href="https://www.mi-is.be"' in html and 'href="mailto:vraag@mi-is.be"' in html
    assert "<ul>" in html and "<li>een</li>" in html
    assert 'rel="noopener noreferrer"' in html


def test_fiche_page_escapes_hostile_data_even_when_validation_is_bypassed(tmp_path):
    """Render a fiche whose every text is hostile straight through the view and template."""
    collection = load_collection([ROOT / "tests" / "fixtures" / "valid" / "ocmw-antwerpen-amie.yml"])
    data = collection.fiches[0].data

    def poison(value, index=[0]):  # noqa: B006 - a counter shared across the recursion
        if isinstance(value, dict):
            if set(value) == {"nl", "fr"} and all(isinstance(v, str) for v in value.values()):
                index[0] += 1
                payload = HOSTILE[index[0] % len(HOSTILE)]
                return {"nl": payload, "fr": payload}
            return {k: poison(v) for k, v in value.items()}
        if isinstance(value, list):
            return [poison(v) for v in value]
        return value

    hostile = poison(data)
    env = jinja2.Environment(loader=jinja2.FileSystemLoader(str(ROOT / "overrides")), autoescape=True)
    render.add_filters(env)
    for lang in ("nl", "fr"):
        view = fiche_view.fiche_view(hostile, lang)
        fiche = Fiche(data=hostile, path=ROOT, display="hostile")
        ctx = render.context(lang, f"fiches/{hostile['id']}/", f=view, raw=hostile, draft=False, related=[],
                             links=[], history=[], facts=facts.fiche_facts(fiche, lang),
                             source_flags=[facts.source_facts(src, lang) for src in hostile["sources"]])
        markdown = env.get_template("partials/kb-fiche.html").render(ctx)
        assert executable(markdown) == []


def test_built_site_contains_no_script_from_fiche_text(tmp_path):
    """Hostile-looking but valid text goes through the real build; no script or handler comes out."""
    fiches = tmp_path / "fiches"
    fiches.mkdir()
    text = (ROOT / "tests" / "fixtures" / "valid" / "minimal.yml").read_text(encoding="utf-8")
    tricky = (
        'summary:\n'
        '  nl: "Tekst met &lt;script&gt;alert(1)&lt;/script&gt; en [link](https://example.org\\" onclick=\\"x) '
        'en een < teken en 3<4."\n'
        '  fr: "Texte avec javascript&#58;alert(1) et &#x3C;img src=x onerror=alert(1)&#x3E; et [a](https://x.be)."\n'
    )
    text = re.sub(r"summary: \{[^}]*\}\n", lambda _: tricky, text)
    (fiches / "minimal.yml").write_text(text, encoding="utf-8")
    problems = load_collection([fiches / "minimal.yml"]).problems
    site = tmp_path / "site"
    result = build_site(site, fiches_dir=fiches, config=fixture_project(tmp_path))
    assert [p for p in problems if p.severity == "error"] == []  # valid, so it reaches the renderer
    assert result.returncode == 0, result.stderr[-2000:]
    for page in (site / "fiches" / "minimal" / "index.html", site / "fr" / "fiches" / "minimal" / "index.html",
                 site / "fiches" / "index.html"):
        html = page.read_text(encoding="utf-8")
        article = html.split('<article class="md-content__inner', 1)[1].split("</article>", 1)[0]
        assert executable(article) == [], page
    shutil.rmtree(site)


@pytest.mark.parametrize("payload", HOSTILE[:8])
def test_validator_refuses_hostile_text(tmp_path, payload):
    fiches = tmp_path / "fiches"
    fiches.mkdir()
    text = (ROOT / "tests" / "fixtures" / "valid" / "minimal.yml").read_text(encoding="utf-8")
    quoted = payload.replace("\\", "\\\\").replace('"', '\\"')
    text = re.sub(r"summary: \{[^}]*\}\n", f'summary: {{nl: "{quoted}", fr: "Un résumé."}}\n', text)
    (fiches / "minimal.yml").write_text(text, encoding="utf-8")
    problems = [p for p in load_collection([fiches / "minimal.yml"]).problems if p.severity == "error"]
    assert problems and all(p.field == "summary.nl" for p in problems), problems


def test_a_fiche_with_hostile_text_stops_the_strict_build(tmp_path):
    """The refusal above is the build's too: the strict build names the file and writes no page of it."""
    fiches = tmp_path / "fiches"
    fiches.mkdir()
    text = (ROOT / "tests" / "fixtures" / "valid" / "minimal.yml").read_text(encoding="utf-8")
    quoted = HOSTILE[0].replace("\\", "\\\\").replace('"', '\\"')
    text = re.sub(r"summary: \{[^}]*\}\n", f'summary: {{nl: "{quoted}", fr: "Un résumé."}}\n', text)
    (fiches / "minimal.yml").write_text(text, encoding="utf-8")
    site = tmp_path / "site"
    result = build_site(site, fiches_dir=fiches, config=fixture_project(tmp_path))
    assert result.returncode != 0
    assert "minimal.yml" in result.stderr and "summary" in result.stderr, result.stderr[-2000:]
    assert not (site / "fiches" / "minimal" / "index.html").exists()
