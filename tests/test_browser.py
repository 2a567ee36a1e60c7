"""What visitors do, in Debian's chromium: search, switch language, stay private, stay accessible, print."""

from __future__ import annotations

import json
import re

import pytest
from conftest import axe_violations, fiches_under_check, load_fiches, next_frames

from scripts.lang.languages import LANGS
from scripts.site import urls

pytestmark = pytest.mark.browser

# The fiches the page checks use come from fiches/: the one with the most modules (the longest page), and the
# first two with modules for the comparison.
FICHES = load_fiches()
RICHEST = max(FICHES, key=lambda f: (len(f.get("modules", [])), f["id"]))["id"]
COMPARED = ",".join([f["id"] for f in FICHES if f.get("modules")][:2])
KEY_PAGES = {
    "home": ("", "fr/"),
    "catalogue": ("fiches/", "fr/fiches/"),
    "fiche": (f"fiches/{RICHEST}/", f"fr/fiches/{RICHEST}/"),
    "glossary": ("woordenlijst/", "fr/woordenlijst/"),
    "network": ("netwerk/uitwisseling-luik-2019/", "fr/netwerk/uitwisseling-luik-2019/"),
}
ALL_KEY_URLS = [url for pair in KEY_PAGES.values() for url in pair]


def open_page(page, base_url: str, path: str) -> None:
    page.goto(base_url + path)


def article_words(path) -> set[str]:
    html = path.read_text(encoding="utf-8")
    if '<article class="md-content__inner' not in html:  # the web editor's page (/admin/) has no article
        return set()
    body = html.split('<article class="md-content__inner', 1)[1].split("</article>", 1)[0]
    return set(re.findall(r"[a-zà-ÿ]{9,}", re.sub(r"<[^>]+>", " ", body).lower()))


def unique_word(site, lang: str) -> tuple[str, str]:
    """A word found under exactly one fiche (its page or its module pages) of this language, nowhere else."""
    def pages(language):
        root = site if language == "nl" else site / "fr"
        for page in root.rglob("index.html"):
            relative = page.parent.relative_to(root).as_posix()
            if language == "nl" and relative.split("/")[0] == "fr":
                continue
            yield relative, page

    owners: dict[str, set[str]] = {}
    for relative, page in pages(lang):
        parts = relative.split("/")
        owner = "/".join(parts[:2]) if parts[0] == "fiches" and len(parts) >= 2 else relative
        for word in article_words(page):
            owners.setdefault(word, set()).add(owner)
    elsewhere: set[str] = set()
    for _, page in pages("fr" if lang == "nl" else "nl"):
        elsewhere |= article_words(page)
    # Pagefind stems words, so a candidate's first 7 letters must not start any word of another page.
    prefixes: dict[str, set[str]] = {}
    for word, where in owners.items():
        prefixes.setdefault(word[:7], set()).update(where)
    for word, where in sorted(owners.items()):
        owner = next(iter(where))
        if len(where) == 1 and owner.startswith("fiches/") and owner not in ("fiches/vergelijk", "fiches/cijfers") \
                and word not in elsewhere and prefixes[word[:7]] == where:
            return word, owner + "/"
    raise AssertionError(f"no word unique to one {lang} fiche")


@pytest.mark.parametrize("lang", ["nl", "fr"])
def test_search_finds_the_fiche_in_the_page_language_only(page, base_url, site, lang):
    word, location = unique_word(site, lang)
    open_page(page, base_url, "" if lang == "nl" else "fr/")
    page.click(".md-search__input")
    page.keyboard.type(word, delay=20)
    # the box has rendered the whole word, not a prefix typed on the way (the box marks what it finished)
    page.wait_for_function("q => { const b = document.querySelector('[data-kb-search]'); "
                           "return b.dataset.kbDone === q && !('kbBusy' in b.dataset); }", arg=word, timeout=10000)
    page.wait_for_selector(".md-search-result__item", timeout=10000)
    hrefs = page.eval_on_selector_all(".md-search-result__link", "els => els.map(e => e.href)")
    assert hrefs, f"no result for {word!r}"
    expected = base_url + ("" if lang == "nl" else "fr/") + location
    for href in hrefs:
        assert href.startswith(expected), (word, href)  # nothing from another fiche, nothing in the other language
    # the query loaded its own language's index chunks only, never a whole-site index
    loaded = [url for url in page.watch.requests if "/pagefind/" in url or "search_index" in url]
    assert any(f"/pagefind/index/{lang}_" in url for url in loaded)
    assert not any(f"/pagefind/index/{'fr' if lang == 'nl' else 'nl'}_" in url for url in loaded)
    assert not any("search_index" in url for url in loaded)


@pytest.mark.parametrize("kind", sorted(KEY_PAGES))
def test_language_switch_leads_to_the_same_page(page, base_url, kind):
    nl, fr = KEY_PAGES[kind]
    for source, target, lang in ((nl, fr, "fr"), (fr, nl, "nl")):
        open_page(page, base_url, source)
        page.hover(".md-header__option .md-select")
        with page.expect_navigation():
            page.click(f".md-select__link[hreflang='{lang}']")
        assert page.url == base_url + target, (source, page.url)
        assert page.get_attribute("html", "lang") == lang


def test_key_pages_make_no_third_party_requests_and_no_errors(page, base_url):
    for path in ALL_KEY_URLS:
        page.watch.requests.clear()
        open_page(page, base_url, path)
        next_frames(page)
        outside = [url for url in page.watch.requests if not url.startswith(base_url) and not url.startswith("data:")]
        assert outside == [], (path, outside)
    assert page.watch.failures == []
    assert page.watch.console_errors == []


AXE_EXTRA = ["bijdragen/schema/", "fr/bijdragen/schema/", "fiches/cijfers/", "fr/fiches/cijfers/", "themas/taal/",
             f"fiches/vergelijk/?ids={COMPARED}", f"fr/fiches/vergelijk/?ids={COMPARED}",
             "fiches/?region=vlaanderen&theme=taal"]


@pytest.mark.parametrize("path", ALL_KEY_URLS + AXE_EXTRA)
def test_axe_finds_no_wcag_a_or_aa_violations(page, base_url, path):
    open_page(page, base_url, path)
    if "vergelijk" in path:
        page.wait_for_selector(".kb-compare-table")
    result = axe_violations(page)
    assert result == [], json.dumps(result, indent=1, ensure_ascii=False)


@pytest.mark.fiche
@pytest.mark.parametrize("fiche_id", fiches_under_check())
def test_axe_on_the_pages_of_each_fiche(page, base_url, fiche_id):
    """Every published fiche's page and module pages, in every language (only the fiches a pull request
    changed when scripts/ci_check.sh names them)."""
    for lang in LANGS:
        fiche_url = urls.url_for("fiche", fiche_id, lang)
        modules = [m["id"] for m in next(f for f in FICHES if f["id"] == fiche_id).get("modules", [])]
        for path in [fiche_url, *(urls.url_for("module", (fiche_id, m), lang) for m in modules[:1])]:
            open_page(page, base_url, path)
            result = axe_violations(page)
            assert result == [], (path, json.dumps(result, indent=1, ensure_ascii=False))


def test_fiche_prints_without_site_chrome_and_tables_fit_a4(page, base_url, tmp_path):
    open_page(page, base_url, f"fiches/{RICHEST}/")
    page.emulate_media(media="print")
    page.set_viewport_size({"width": 718, "height": 1000})  # A4 width at 96 dpi minus 1 cm margins
    hidden = page.evaluate("""() => ['.md-header', '.md-sidebar--primary', '.md-sidebar--secondary', '.md-footer']
        .map(sel => document.querySelector(sel)).filter(Boolean)
        .map(el => getComputedStyle(el).display)""")
    assert hidden and set(hidden) == {"none"}
    overflow = page.evaluate("""() => [...document.querySelectorAll('.md-content table')]
        .filter(t => t.getBoundingClientRect().right > document.documentElement.clientWidth + 1)
        .map(t => t.className)""")
    assert overflow == []
    pdf = tmp_path / "fiche.pdf"
    page.pdf(path=str(pdf), format="A4", print_background=True)
    data = pdf.read_bytes()
    assert data.startswith(b"%PDF") and data.count(b"/Type /Page") - data.count(b"/Type /Pages") >= 2
