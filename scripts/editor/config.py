"""The web editor's (Decap CMS) configuration, derived from the one fiche schema.

Written into site/admin/config.yml by scripts/editor/hook.py at build time and never edited by hand:
a field added to scripts/fiche/schema.py appears in the form with its widget, enum labels, range,
pattern and NL/FR hint. Texts stay `{nl:, fr:}` objects (the house style), not the CMS's
own per-file i18n, which would split a fiche into language blocks.
"""

from __future__ import annotations

import re

from scripts.fiche import check_values as check
from scripts.fiche import problems
from scripts.fiche import schema as s  # the schema's one import in the editor code (the others use SCHEMA)
from scripts.fiche.hints import THOUSANDS
from scripts.lang import languages, ui_text
from scripts.site import urls

SCHEMA = s
FICHE = s.FICHE
FICHES_FOLDER = "fiches"
LABEL_MAX = 48  # characters: a longer first clause of a description is a hint, not a label
PREVIEW_PATH = "/preview"  # on the local proxy: the form's unsaved fiche, rendered (editor/preview.py)
COLLECTION = "fiches"

# The validator's own wording (scripts/fiche/problems.py) and forms (scripts/fiche/check_values.py: dates, links and
# e-mail addresses), so the form and validate.py accept and say the same thing.


# A full stop after an abbreviation (bv., p., p. ex., e.g.) does not end a clause.
_NOT_AN_END = "".join(f"(?<!\\b{re.escape(a)})" for a in ("bv", "bijv", "p", "ex", "nr", "cf", "e.g", "i.e"))
_CLAUSE_END = re.compile(_NOT_AN_END + r"(?<=[^.])[.:;?](?:\s|$)")


def first_clause(text: str) -> str:
    text = re.sub(r"`([^`]*)`", r"\1", text)
    return _CLAUSE_END.split(text, maxsplit=1)[0].strip().rstrip(".")


def _in_each_language(texts: dict[str, str]) -> list[str]:
    """The texts in the site's languages, once each; a language the schema has no text for yet is skipped."""
    out: list[str] = []
    for lang in languages.codes():
        if texts.get(lang) and texts[lang] not in out:
            out.append(texts[lang])
    return out


def own_labels(name: str, node: s.Node) -> dict[str, str]:
    """The labels the schema gives a field: its short name (FIELD_LABELS), else the description's first clause."""
    out = {lang: text for lang, text in (s.FIELD_LABELS.get(name) or {}).items() if lang in languages.codes()}
    for lang in languages.codes():
        clause = first_clause((node.description or {}).get(lang, ""))
        if lang not in out and clause and len(clause) <= LABEL_MAX:
            out[lang] = clause
    return out


def labels(name: str, node: s.Node) -> dict[str, str]:
    """The field's label in each language. A field without one in the site's first language is a schema error,
    never a raw key such as "As of" in the form; a language the schema has no text for yet borrows that one."""
    out = own_labels(name, node)
    if languages.codes()[0] not in out:
        raise ValueError(f"{name}: no label in {languages.codes()[0]}; add one to fiche_schema.FIELD_LABELS")
    return {lang: ui_text.typeset(out.get(lang, out[languages.codes()[0]]), lang) for lang in languages.codes()}


def label(name: str, node: s.Node) -> str:
    return labels(name, node)[languages.codes()[0]]


def hints(node: s.Node) -> dict[str, str]:
    """The whole description in each language (the editor shows the one of its interface)."""
    return {lang: text for lang, text in (node.description or {}).items() if lang in languages.codes() and text}


def hint(node: s.Node) -> str:
    return hints(node).get(languages.codes()[0], "")


def enum_options(values: dict[str, dict[str, str]]) -> list[dict[str, str]]:
    return [{"label": names[languages.codes()[0]], "value": code,
             "kb_label": {lang: names.get(lang, names[languages.codes()[0]]) for lang in languages.codes()}}
            for code, names in values.items()]


def _form_messages(key: str, **values) -> dict[str, str]:
    return {lang: ui_text.t(key, lang, **values) for lang in languages.codes()}


def _pattern(regex: str, messages: dict[str, str]) -> dict:
    """Decap's [regex, message] in the first language, and the message in each (kb-admin.js picks one)."""
    return {"pattern": [regex, messages[languages.codes()[0]]], "kb_pattern": messages}


def widget(name: str, node: s.Node, required: bool, named: dict[str, str] | None = None) -> dict:
    """One Decap field for one schema field (`named`: the labels of a list whose item this is)."""
    named = named or labels(name, node)
    out: dict = {"name": name, "label": named[languages.codes()[0]], "kb_label": named, "required": required}
    if hint(node):
        out["hint"] = hint(node)
        out["kb_hint"] = hints(node)
    build = next((build for kind, build in _WIDGETS if isinstance(node, kind)), None)
    if build is None:  # a new node type must get a widget before it can reach the form
        raise TypeError(f"no editor widget for schema node {type(node).__name__} ({name})")
    build(out, node, required)
    return out


def _text_widget(out: dict, node: s.Text, required: bool) -> None:
    out.update(widget="object", collapsed=False,
               kb_text=True,  # marker for the tests and the admin script; Decap ignores unknown keys
               fields=[{"name": lang, "label": languages.current().names[lang], "required": required,
                        "widget": "string" if node.inline else "text"} for lang in languages.codes()])


def _str_widget(out: dict, node: s.Str, required: bool) -> None:
    out["widget"] = "string"
    if node.pattern:
        example = {lang: ui_text.t("editor_form_example", lang, example=node.example) if node.example else ""
                   for lang in languages.codes()}
        out.update(_pattern(node.pattern, {lang: ui_text.t("editor_form_pattern", lang, example=example[lang])
                                           for lang in languages.codes()}))


def _ref_widget(out: dict, node: s.FicheRef, required: bool) -> None:
    out.update(widget="relation", collection=COLLECTION, value_field="id",
               search_fields=["id", *(f"title.{lang}" for lang in languages.codes())],
               display_fields=[f"title.{languages.codes()[0]}"])


def _number_widget(out: dict, node: s.Number, required: bool) -> None:
    # kb-number (admin/kb-admin.js): a text box that takes 0,5 and 0.5 alike and checks the validator's
    # range with the validator's words; Decap's own number box turns "0,5" into 5 in a Belgian browser
    out.update(widget="kb-number", value_type="int" if node.integer else "float",
               min=node.minimum, max=node.maximum, step=1 if node.integer else 0.01,
               exclusive_minimum=node.exclusive_minimum, money=node.money)


def _enum_widget(out: dict, node: s.Enum, required: bool) -> None:
    out.update(widget="select", options=enum_options(node.values))


def _date_widget(out: dict, node: s.Date, required: bool) -> None:
    wanted = problems.messages()["forms_partial" if node.partial else "forms_full"]
    out.update(widget="string", **_pattern(f"^{check.date_form(node)}$", {
        lang: ui_text.t("editor_form_date", lang, forms=wanted.get(lang, wanted["en"])) for lang in languages.codes()}))


def _url_widget(out: dict, node: s.Url, required: bool) -> None:
    out.update(widget="string", **_pattern(f"^{check.url_form(node)}$", _form_messages(
        "editor_form_url", schemes=" · ".join(f"{x}://" for x in node.schemes))))


def _email_widget(out: dict, node: s.Email, required: bool) -> None:
    out.update(widget="string", **_pattern(f"^{check.EMAIL.pattern}$", _form_messages("editor_form_email")))


def _obj_widget(out: dict, node: s.Obj, required: bool) -> None:
    # Decap checks the required fields inside an optional object even when it is left empty; the
    # validator checks them once the object is given, so the form requires them only on a required path.
    out.update(widget="object", collapsed=not required, fields=fields(node, required))


def _list_widget(out: dict, node: s.List, required: bool) -> None:
    item = node.item
    bounds = {}
    if node.min_items and required:
        bounds["min"] = node.min_items
    if node.max_items != s.List.__dataclass_fields__["max_items"].default:
        bounds["max"] = node.max_items
    if isinstance(item, s.Enum):  # a set of codes: one multi-select
        out.update(widget="select", multiple=True, options=enum_options(item.values), **bounds)
    elif isinstance(item, s.FicheRef):
        out.update(widget(out["name"], item, required, out["kb_label"]), multiple=True, **bounds)
        out["hint"] = hint(node)
    elif isinstance(item, s.Obj):
        out.update(widget="list", collapsed=True, fields=fields(item, True), **bounds)
        summary = next((f.name for f in item.fields if isinstance(f.node, s.Text)), None)
        if summary:
            out["summary"] = "{{fields." + summary + "." + languages.codes()[0] + "}}"
    elif not isinstance(item, s.Text):  # a list of codes written once (Str, Date, Url …): one field per item
        out.update(widget="list", collapsed=False, field=widget("item", item, True, out["kb_label"]), **bounds)
    else:  # a list of texts (pros, cons, goals …): each item a {nl, fr} pair, both languages side by side
        out.update(widget="list", collapsed=False, fields=widget("item", item, True, out["kb_label"])["fields"],
                   kb_text=True,
                   **bounds)
        out["summary"] = "{{fields." + languages.codes()[0] + "}}"


# One builder per schema node type: the validator's rules for that type, as Decap's widget options.
_WIDGETS = ((s.Text, _text_widget), (s.Str, _str_widget), (s.FicheRef, _ref_widget), (s.Number, _number_widget),
            (s.Enum, _enum_widget), (s.Date, _date_widget), (s.Url, _url_widget), (s.Email, _email_widget),
            (s.Obj, _obj_widget), (s.List, _list_widget))


def fields(obj: s.Obj, on_required_path: bool = True) -> list[dict]:
    return [widget(f.name, f.node, f.required and on_required_path) for f in obj.fields]


def fiche_fields() -> list[dict]:
    out = fields(FICHE)
    for field in out:
        if field["name"] == "status":
            field["default"] = "draft"  # a new fiche starts as a draft
    return out


def collection() -> dict:
    return {
        "name": COLLECTION,
        "label": "Fiches",
        "label_singular": "Fiche",
        "folder": FICHES_FOLDER,
        "extension": "yml",
        "format": "yml",
        "create": True,
        "delete": False,
        "slug": "{{fields.id}}",
        "identifier_field": "id",
        "summary": " · ".join(f"{{{{fields.title.{lang}}}}}" for lang in languages.codes()),
        "sortable_fields": ["id"],
        "editor": {"preview": True},
        "fields": fiche_fields(),
    }


def config(*, backend: dict | None = None, site_url: str = "", local_proxy_port: int = 8081) -> dict:
    """The whole config.yml; `backend` comes from the deployment (ci-template/), default: local only."""
    return {
        "backend": backend or {"name": "proxy", "proxy_url": f"http://127.0.0.1:{local_proxy_port}/api/v1",
                               "branch": "main"},
        # Decap tries this local proxy first when the editor runs on localhost (scripts/editor/proxy.py).
        "local_backend": {"url": f"http://127.0.0.1:{local_proxy_port}/api/v1",
                          "allowed_hosts": ["127.0.0.1", "localhost"]},
        "publish_mode": "editorial_workflow",
        "locale": languages.codes()[0],
        "site_url": site_url,
        "display_url": site_url,
        "media_folder": "docs/assets/uploads",
        "public_folder": "/assets/uploads",
        "collections": [collection()],
        # Read by admin/kb-admin.js (Decap ignores both): the validator's words for an empty required field,
        # and the preview pane's languages, wording and, in local mode, the proxy's live preview (editor/preview.py).
        "kb_messages": {"required": required_message(), "number": number_messages(),
                        "toolbar": {lang: {key: ui_text.t(f"editor_{key}", lang)
                                           for key in ("save", "save_now", "saving", "saved", "save_refused")}
                                    for lang in languages.codes()}},
        "kb_preview": preview_settings(local_proxy_port),
        # Read by admin/kb-admin.js and removed before Decap starts: the validator's own forms the number box checks.
        "kb_forms": {"thousands": THOUSANDS.pattern},
    }


def required_message() -> dict[str, str]:
    """The validator's words for an empty required field, per language (read when the editor is written)."""
    return problems.messages()["required_empty"]


def number_messages() -> dict[str, dict[str, str]]:
    """The validator's templates for a wrong number (fiche/problems.py), per language, for the kb-number widget."""
    table = problems.messages()
    return {lang: {code: table[code][lang] for code in ("number_expected", "not_whole", "out_of_range",
                                                          "thousands_money")}
            for lang in problems.message_langs()}


def preview_settings(local_proxy_port: int) -> dict:
    """Languages as data for the preview pane: each with its name, fiche URL pattern and wording."""
    return {
        "live_url": f"http://127.0.0.1:{local_proxy_port}{PREVIEW_PATH}",
        "languages": [{"code": lang, "label": languages.current().names[lang],
                       "fiche_url": urls.url_for("fiche", "{id}", lang),
                       "texts": {key: ui_text.t(f"editor_preview_{key}", lang)
                                 for key in ("live", "published", "problems", "unavailable")}
                                | {"colon": ui_text.t("colon", lang)}}
                      for lang in languages.codes()],
    }


def walk(items: list[dict], prefix: str = "") -> list[str]:
    """Dotted paths of every form field (list items as `[]`), for the in-step test."""
    paths: list[str] = []
    for item in items:
        path = f"{prefix}{item['name']}"
        if item.get("kb_text"):
            paths.append(path)
            continue
        paths.append(path)
        if "fields" in item:
            sub = f"{path}[]." if item.get("widget") == "list" else f"{path}."
            paths += walk(item["fields"], sub)
    return paths


def schema_paths(obj: s.Obj = FICHE, prefix: str = "") -> list[str]:
    paths: list[str] = []
    for f in obj.fields:
        path = f"{prefix}{f.name}"
        paths.append(path)
        node = f.node
        if isinstance(node, s.List) and isinstance(node.item, s.Obj):
            paths += schema_paths(node.item, f"{path}[].")
        elif isinstance(node, s.Obj):
            paths += schema_paths(node, f"{path}.")
    return paths
