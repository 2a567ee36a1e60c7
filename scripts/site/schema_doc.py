"""Rows of the schema reference page, walked from the one schema definition."""

from __future__ import annotations

from scripts.fiche import schema as s
from scripts.lang import ui_text


def _type_label(node: s.Node, lang: str) -> str:
    t = ui_text.t
    if isinstance(node, s.Text):
        return t("t_inline" if node.inline else "t_text", lang)
    if isinstance(node, s.Number):
        return t("t_integer" if node.integer else "t_number", lang)
    if isinstance(node, s.List):
        return f"{t('t_list', lang)} {_type_label(node.item, lang)}"
    name = type(node).__name__.lower()
    return t(f"t_{name}", lang)


def rows(lang: str) -> list[dict]:
    out: list[dict] = []

    def walk(obj: s.Obj, prefix: str) -> None:
        for field in obj.fields:
            path = f"{prefix}{field.name}"
            node = field.node
            item = node.item if isinstance(node, s.List) else node
            values = item.values if isinstance(item, s.Enum) else {}
            out.append({
                "path": path + ("[]" if isinstance(node, s.List) else ""),
                "anchor": path.replace(".", "-").replace("[]", ""),
                "type": _type_label(node, lang),
                "required": field.required,
                "description": ui_text.typeset(node.description.get(lang, ""), lang),
                "choices": [(code, ui_text.typeset(labels[lang], lang)) for code, labels in values.items()],
            })
            if isinstance(item, s.Obj):
                walk(item, path + ("[]." if isinstance(node, s.List) else "."))

    walk(s.FICHE, "")
    return out
