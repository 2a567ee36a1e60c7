"""Turn validated fiche data into what a template shows in one language.

The walk follows the schema, so a new field is localised without code here:
texts become safe HTML (or escaped plain text when inline), enum codes become
labels in the reader's language, numbers stay numbers.
"""

from __future__ import annotations

from dataclasses import dataclass

from markupsafe import Markup

from scripts.fiche import richtext
from scripts.fiche import schema as s
from scripts.fiche.collection import total_fte
from scripts.lang import ui_text
from scripts.site import facts

# Sections laid out as a table of labelled rows, with the ui_text key prefix of their row labels. Which rows
# they have is read from the schema (section_rows), so a field added there is shown without a template edit.
ROW_LABELS = {
    "competences": "comp_",
    "support": "sup_",
    "budget": "budget_",
    "modules.content.phases": "phase_",
}
INTRODUCTION = "text"  # a section's own explanation, shown above its rows


@dataclass(frozen=True)
class Row:
    key: str
    label: str


@dataclass(frozen=True)
class Choice:
    code: str
    label: str

    def __str__(self) -> str:
        return self.label


def localize(schema: s.Node, value, lang: str, glossary: dict[str, str] | None):
    if isinstance(schema, s.Text):
        text = value.get(lang) or ""
        if schema.inline:
            return richtext.to_inline_html(text, None) if text else ""
        return richtext.to_html(text, glossary) if text else Markup("")
    if isinstance(schema, s.Enum):
        return Choice(value, schema.values[value][lang])
    if isinstance(schema, s.List):
        return [localize(schema.item, item, lang, glossary) for item in value]
    if isinstance(schema, s.Obj):
        out = {}
        for field in schema.fields:
            if field.name in value:
                out[field.name] = localize(field.node, value[field.name], lang, glossary)
        return out
    return value


def section_node(path: str) -> s.Obj:
    """The schema object at a dotted path of the fiche (`modules.content.phases`: through list items)."""
    node: s.Node = s.FICHE
    for name in path.split("."):
        node = node.get(name).node
        if isinstance(node, s.List):
            node = node.item
    return node


def section_rows(path: str, lang: str) -> list[Row]:
    """The rows of a section, in schema order: its texts and lists of texts (other kinds of field, such as
    budget amounts and source references, have a hand-laid place; tests/test_fields_shown.py checks that
    every filled field is shown). A field without a row label in ui_text stops the build (KeyError)."""
    prefix = ROW_LABELS[path]
    return [Row(field.name, ui_text.t(prefix + field.name, lang))
            for field in section_node(path).fields
            if field.name != INTRODUCTION and _is_text(field.node)]


def _is_text(node: s.Node) -> bool:
    return isinstance(node, s.Text) or isinstance(node, s.List) and isinstance(node.item, s.Text)


def list_item(rendered: Markup) -> Markup:
    """List items are single paragraphs: drop the wrapping <p> for tidy lists."""
    return richtext.unwrap_paragraph(rendered)


def fiche_view(data: dict, lang: str, glossary: dict[str, str] | None = None) -> dict:
    view = localize(s.FICHE, data, lang, glossary)
    view["total_fte"] = total_fte(data)
    budget_fte = data.get("budget", {}).get("personnel_fte")
    if budget_fte is not None and view["total_fte"] is not None and abs(budget_fte - view["total_fte"]) > 1e-6:
        view["budget_mismatch"] = ui_text.t("budget_mismatch", lang, budget=ui_text.number(budget_fte, lang),
                                            team=ui_text.number(view["total_fte"], lang))
    for module, record in zip(view.get("modules", []), facts.module_facts(data, lang), strict=True):
        # the set-up's figures with their basis (computed, contradicted), from the one fact record
        module["weekly_hours"] = record["weekly_hours"]
        module["hours"] = record["hours"]
        module["intensity"] = facts.intensity_phrases(record, lang)
    view["title_plain"] = richtext.plain(data["title"][lang])
    return view
