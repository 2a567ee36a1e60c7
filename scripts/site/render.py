"""One function per placeholder (`<!-- kb:name -->` in a page): data gathered in Python, markup in
overrides/partials/kb-*.html, rendered with the theme's Jinja environment and autoescaping on."""

from __future__ import annotations

import html
import re

from markupsafe import Markup
from mkdocs.utils import get_relative_url

from scripts.fiche import schema as s
from scripts.fiche import richtext
from scripts.lang import ui_text
from scripts.site import (
    catalogue,
    charts,
    facts,
    fiche_view,
    guide,
    headings,
    incremental,
    preview_errors,
    schema_doc,
    statements,
    urls,
)
from scripts.site import modules as mod
from scripts.site.site_data import SiteData
from scripts.fiche.collection import ROOT

TEMPLATES = ROOT / "overrides"  # what a rendered fiche depends on besides its data

RECENT_FICHES = 5  # fiches listed on the home page
COMPARE_MAX = 4  # fiches side by side; templates hand it to kb.js as data-max


class UnknownPlaceholder(KeyError):
    pass


def context(lang: str, page_url: str, **extra) -> dict:
    """What every template gets: the language, its wording and formats, and links relative to the page."""

    def link(kind: str, key="") -> str:
        return get_relative_url(urls.url_for(kind, key, lang), page_url)

    ctx = {
        "lang": lang,
        "t": lambda key, **kw: ui_text.t(key, lang, **kw),
        "compare_max": COMPARE_MAX,
        "number": lambda value: ui_text.number(value, lang),
        "date": lambda value: ui_text.date(value, lang),
        "tn": lambda key, n, **kw: ui_text.plural(key, n, lang, **kw),
        "link": link,
        "href": lambda path: link("page", path),
        "root": lambda path: get_relative_url(path, page_url),
        "rows": lambda section: fiche_view.section_rows(section, lang),  # a section's fields, from the schema
    }
    ctx.update(extra)
    return ctx


def render_placeholder(site: SiteData, env, name: str, lang: str, src_uri: str, page_url: str) -> str:
    if name not in PLACEHOLDERS:
        raise UnknownPlaceholder(name)
    return PLACEHOLDERS[name](site, env, lang, src_uri, page_url)


def _template(env, name: str, ctx: dict) -> str:
    return env.get_template(f"partials/kb-{name}.html").render(ctx)


def generated(site: SiteData, env, lang: str, src_uri: str, page_url: str) -> str:
    kind, key = site.generated_pages[urls.strip_lang(src_uri)]
    return GENERATED[kind](site, env, lang, key, page_url)


def fiche_page(site: SiteData, env, lang: str, key: str, page_url: str) -> str:
    fiche = site.by_id[key]
    by_id = site.by_id
    ctx = context(lang, page_url)
    related = [{"label": f"{richtext.plain(by_id[r].data['title'][lang])} – "
                         f"{richtext.plain(by_id[r].data['organisation']['name'][lang])}",
                "href": ctx["link"]("fiche", r)}
               for r in fiche.data.get("related", []) if r in by_id]
    links = [{"label": richtext.plain(link["label"][lang]), "href": ctx["link"]("doc", link["page"])}
             for link in fiche.data.get("see_also", [])]
    fiche_facts = site.fiche_facts(key, lang)
    ctx.update( f=site.view(key, lang), raw=fiche.data, draft=fiche.is_draft, facts=fiche_facts,
                  source_flags=[facts.source_facts(src, lang) for src in fiche.data["sources"]],
                  related=related, links=links, history=site.history.get(fiche.id, []),
                  key_intensity=key_intensity(fiche.data, fiche_facts["hours"], lang))
    return _template(env, "fiche", ctx)


def key_intensity(data: dict, hours: dict, lang: str) -> str | None:
    """The intensity line of a fiche's key facts: the project's figure as the fact record words it (the same in
    every view); without one, the source's own words about the project's week and each module's intensity,
    named, so that no module's hours are read as the whole project's."""
    stated = [text for text in (hours["text"], hours.get("days_text")) if text]
    if stated:
        return " · ".join(stated)
    colon = ui_text.t("colon", lang)
    parts = [hours["source_text"]] if hours.get("source_text") else []
    parts += [f"{m['name']}{colon} {m['text']}" for m in hours["modules"]]
    return " · ".join(parts) or None


def module_page(site: SiteData, env, lang: str, key: str, page_url: str) -> str:
    module = site.module_by_key[key]
    view = site.view(module.fiche.id, lang)
    index = module.fiche.data["modules"].index(module.data)
    items = site.module_item_index(lang)
    by_key = site.module_by_key
    related = [{**items[other], "shared": mod.shared(module, by_key[other], lang)}
               for other in site.related_modules.get(key, [])]
    ctx = context(lang, page_url, m=view["modules"][index], raw_setup=module.data.get("setup", {}),
                  raw_module=module.data,
                  f=view, raw=module.fiche.data, item=items[key], related=related,
                  facts=site.fiche_facts(module.fiche.id, lang))
    return _template(env, "module", ctx)


def theme_page(site: SiteData, env, lang: str, key: str, page_url: str) -> str:
    items = [i for i in site.items(lang) if key in i["codes"]["theme"]]
    return _template(env, "theme", context(lang, page_url, theme=s.THEMES[key][lang], items=items))


def translation_status_page(site: SiteData, env, lang: str, key: str, page_url: str) -> str:
    records = site.translation_records(ROOT / "docs")
    return _template(env, "translation-status", context(lang, page_url, records=records))


def module_catalogue(site: SiteData, env, lang: str, src_uri: str, page_url: str) -> str:
    items = site.module_items(lang)
    facets = []
    for key, label, values in mod.MODULE_FACETS:
        counts = {code: sum(code in i["codes"][key] for i in items) for code in values}
        options = [{"code": c, "label": v[lang], "count": counts[c]} for c, v in values.items() if counts[c]]
        if options:
            facets.append({"key": key, "label": ui_text.t(label, lang), "options": options})
    return _template(env, "module-catalogue", context(lang, page_url, items=items, facets=facets))


def competence_overview(site: SiteData, env, lang: str, src_uri: str, page_url: str) -> str:
    return _template(env, "competences", context(lang, page_url, items=site.module_items(lang)))


def fiche_catalogue(site: SiteData, env, lang: str, src_uri: str, page_url: str) -> str:
    items = site.items(lang)
    ctx = context(lang, page_url, items=items, facets=catalogue.facet_options(items, lang),
                  themes=[(code, labels[lang]) for code, labels in s.THEMES.items()])
    return _template(env, "catalogue", ctx)


def compare(site: SiteData, env, lang: str, src_uri: str, page_url: str) -> str:
    return _template(env, "compare", context(lang, page_url, items=site.items(lang)))


def figures(site: SiteData, env, lang: str, src_uri: str, page_url: str) -> str:
    t = ui_text.t
    ctx = context(lang, page_url)
    link = ctx["link"]
    items = site.items(lang)
    # ranked only by numbers the source gives; "not stated" is neither zero nor lowest: listed apart
    fte = sorted((i for i in items if i["fte"]["value"] is not None), key=lambda i: (-i["fte"]["min"], i["title"]))
    fte_unstated = sorted((i for i in items if i["fte"]["value"] is None), key=lambda i: i["title"])
    # intensity is a property of a module: one bar per module with a figure, named, with its basis; a
    # contradicted figure is a range bar; projects without any module figure are listed apart
    hours = sorted(module_hours_rows(site, items, lang), key=lambda r: (-(r["low"] or 0), r["label"]))
    with_hours = {r["id"] for r in hours}
    hours_unstated = sorted((i for i in items if i["id"] not in with_hours), key=lambda i: i["title"])

    def bars(ranked: list[dict], key: str) -> list[dict]:
        if key == "hours":
            return [{"label": r["label"], "value": r["low"], "high": r["high"], "text": r["number"],
                     "flag": r["flag"], "href": link("module", (r["id"], r["module_id"]))} for r in ranked]
        return [{"label": i["title"], "value": i[key]["min"], "high": i[key]["max"], "text": i[key]["short"],
                 "flag": t("source_contradicts", lang) if i["fte"]["conflict"] else None,
                 "href": link("fiche", i["id"])} for i in ranked]

    by_id = {i["id"]: i for i in items}
    places = [{"label": f"{by_id[f.id]['title']} – {by_id[f.id]['municipality']}"
                        + (f" ({by_id[f.id]['place']['flag']})" if by_id[f.id]["place"]["flag"] else ""),
               "short": by_id[f.id]["municipality"],
               "lon": f.data["coordinates"]["lon"], "lat": f.data["coordinates"]["lat"],
               "href": link("fiche", f.id)}
              for f in site.fiches if "coordinates" in f.data]
    ctx.update(
        fte=fte, hours=hours, places=places, fte_unstated=fte_unstated, hours_unstated=hours_unstated,
        fte_chart=charts.bar_chart("chart-fte", t("chart_fte_title", lang), t("chart_fte_desc", lang),
                                   bars(fte, "fte"), t("fte", lang), lang),
        hours_chart=charts.bar_chart("chart-hours", t("chart_hours_title", lang), t("chart_hours_desc", lang),
                                     bars(hours, "hours"), t("hours_unit", lang), lang),
        fte_chart_narrow=charts.bar_chart("chart-fte-narrow", t("chart_fte_title", lang), t("chart_fte_desc", lang),
                                          bars(fte, "fte"), t("fte", lang), lang, narrow=True),
        hours_chart_narrow=charts.bar_chart("chart-hours-narrow", t("chart_hours_title", lang),
                                            t("chart_hours_desc", lang), bars(hours, "hours"),
                                            t("hours_unit", lang), lang, narrow=True),
        map=charts.belgium_map("map", t("map_title", lang), t("map_desc", lang), places))
    return _template(env, "figures", ctx)


BASIS_FLAG = {"computed": "computed_short", "contradicted": "source_contradicts"}  # stated needs no word


def module_hours_rows(site: SiteData, items: list[dict], lang: str) -> list[dict]:
    """Every module with weekly hours, for the figures page: the figure keeps its basis (a flag beside the
    number: "berekend", "bron tegenstrijdig") and says which module it belongs to."""
    rows = []
    for item in items:
        for module in site.fiche_facts(item["id"], lang)["modules"]:
            hours = module["hours"]
            if hours["text"] is None:
                continue
            low = hours["value"] if hours["value"] is not None else hours.get("min")
            contradicted = hours["basis"] == "contradicted"
            rows.append({"id": item["id"], "module_id": module["id"], "title": item["title"],
                         "module": module["name"], "label": f"{item['title']} – {module['name']}",
                         "text": hours["text"], "low": low, "high": hours.get("max") if contradicted else None,
                         "number": facts.bare(hours["short"]),
                         "flag": ui_text.t(BASIS_FLAG[hours["basis"]], lang) if hours["basis"] in BASIS_FLAG
                         else None})
    return rows


def recent_fiches(site: SiteData, env, lang: str, src_uri: str, page_url: str) -> str:
    recent = sorted(site.items(lang), key=lambda i: (i["last_reviewed"], i["id"]), reverse=True)[:RECENT_FICHES]
    return _template(env, "recent", context(lang, page_url, items=recent))


def glossary_page(site: SiteData, env, lang: str, src_uri: str, page_url: str) -> str:
    others = [code for code in urls.LANGS if code != lang]
    entries = sorted(site.glossary, key=lambda e: e[lang]["term"].lower())
    ctx = context(lang, page_url, others=others, entries=[{
        "id": e["id"], "term": e[lang]["term"], "expansion": e[lang]["expansion"],
        "others": {other: e[other]["term"] for other in others},
        "definition": richtext.to_inline_html(e[lang]["definition"]),
    } for e in entries])
    return _template(env, "glossary", ctx)


def schema(site: SiteData, env, lang: str, src_uri: str, page_url: str) -> str:
    return _template(env, "schema", context(lang, page_url, rows=schema_doc.rows(lang)))


def whole_guide(site: SiteData, env, lang: str, src_uri: str, page_url: str) -> str:
    """Every published fiche through the fiche page's own template, fitted into one page (guide.embed)."""
    fiches = []
    stamp = incremental.tree_stamp([TEMPLATES]) if site.memo is not None else ""
    for item in site.items(lang):
        html = guide_fiche(site, env, lang, item["id"], page_url, stamp)
        fiches.append({"id": item["id"], "anchor": item["id"], "heading": guide.title_anchor(html),
                       "title": f"{item['title']} – {item['organisation']}", "html": Markup(html)})
    ctx = context(lang, page_url, fiches=fiches, built=ui_text.date(facts.build_date().isoformat(), lang))
    return _template(env, "guide", ctx)


def guide_fiche(site: SiteData, env, lang: str, fiche_id: str, page_url: str, stamp: str) -> str:
    """One fiche's part of the guide. Serving, it is kept while nothing it shows changes (its file, the names of
    the fiches it relates to, its history, the glossary's tooltips, the templates: `stamp`, the build date), so an
    edit re-renders one fiche of the guide, not all of them."""
    fiche, by_id = site.by_id[fiche_id], site.by_id
    related = tuple((r, by_id[r].data["title"][lang], by_id[r].data["organisation"]["name"][lang])
                    for r in fiche.data.get("related", []) if r in by_id)
    key = ("guide", lang, page_url, stamp, related, tuple(h["date"] for h in site.history.get(fiche_id, [])),
           tuple(site.tooltip_terms(lang).items()), facts.build_date())
    return site.remembered(fiche, key, lambda: guide.embed(fiche_page(site, env, lang, fiche_id, page_url), fiche_id))


def accessibility_statement(site: SiteData, env, lang: str, src_uri: str, page_url: str) -> str:
    return _template(env, "accessibility", context(lang, page_url, s=statements.load()))


def privacy_statement(site: SiteData, env, lang: str, src_uri: str, page_url: str) -> str:
    return _template(env, "privacy", context(lang, page_url, s=statements.load()))


def errors_page(site: SiteData, env, lang: str, key: str, page_url: str) -> str:
    """Serving with invalid fiches: all messages (key "") or one file's (key: its display path)."""
    return preview_errors.page_html(site.problems, lang, key or None, page_url)


GENERATED = {
    "fiche": fiche_page,
    "module": module_page,
    "theme": theme_page,
    "translation-status": translation_status_page,
    "errors": errors_page,
    "fiche-errors": errors_page,
}
PLACEHOLDERS = {
    "generated": generated,
    "catalogue": fiche_catalogue,
    "module-catalogue": module_catalogue,
    "competence-overview": competence_overview,
    "compare": compare,
    "figures": figures,
    "recent-fiches": recent_fiches,
    "glossary": glossary_page,
    "schema": schema,
    "guide": whole_guide,
    "accessibility": accessibility_statement,
    "privacy": privacy_statement,
}

_ENVS: dict[int, object] = {}


def template_env(config):
    """The theme's Jinja environment (so overrides/ wins), with autoescaping on for fiche data."""
    key = id(config.theme)
    if key not in _ENVS:
        env = add_filters(config.theme.get_env().overlay(autoescape=True))
        _ENVS.clear()
        _ENVS[key] = env
    return _ENVS[key]


def add_filters(env):
    env.filters["li"] = fiche_view.list_item
    env.filters["slug"] = headings.slug
    env.filters["striptags"] = strip_tags
    return env


def strip_tags(value) -> str:
    """Jinja's striptags, but a no-break space (French typography) survives: only ordinary whitespace collapses."""
    text = html.unescape(re.sub(r"<[^>]*>", "", str(value)))
    return " ".join(re.split(r"[ \t\r\n]+", text)).strip()
