"""What the 404 page needs to serve every language from one file.

GitHub Pages, GitLab Pages and most static hosts answer every missing address with the root 404.html only, so a
missing page under /fr/ would read in Dutch. The page therefore holds each language's text (all shown without
JavaScript; kb-404.js keeps the one the address's language prefix names) and the fiche names, so the browser can
suggest the fiche nearest to the missing address."""

from __future__ import annotations

from scripts.lang import ui_text
from scripts.site import urls


def context(site, root: str, build_lang: str) -> dict:
    """`root`: the site's absolute path ("/" or "/sub/"); the build's own language first."""
    langs = [build_lang, *(code for code in urls.LANGS if code != build_lang)]
    names = {lang: {i["id"]: f"{i['title']} – {i['organisation']}" for i in site.items(lang)} for lang in langs}
    return {
        "root": root,
        "sections": [{
            "lang": lang,
            "title": ui_text.t("not_found_title", lang),
            "text": ui_text.t("not_found_text", lang),
            "suggest": ui_text.t("not_found_suggest", lang),
            "links": [(root + urls.url_for("page", "fiches/", lang), ui_text.t("not_found_catalogue", lang)),
                      (root + urls.lang_prefix(lang), ui_text.t("not_found_home", lang))],
        } for lang in langs],
        "data": {
            "prefixes": {lang: urls.lang_prefix(lang) for lang in urls.LANGS},
            "default": urls.DEFAULT_LANG,
            "fiche_url": {lang: root + urls.url_for("fiche", "{id}", lang) for lang in langs},
            "fiches": [[fiche.id, {lang: names[lang][fiche.id] for lang in langs}] for fiche in site.fiches],
        },
    }
