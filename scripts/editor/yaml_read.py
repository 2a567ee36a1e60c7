"""Fiche YAML as the validator reads it, for the editor's save path: what a save compares and refuses.

Values compare as the validator reads them (empty values dropped, texts without trailing blanks, dates and `yes`
as strings), so a form that holds the same data as the file counts as unchanged. Anchors/aliases, oversized or
deeply nested input are refused before anything is built from them (an alias bomb costs nothing); a refused
save raises SaveRefused with the reason in the site's languages, and nothing is written.
"""

from __future__ import annotations

import yaml

from scripts.editor.config import SCHEMA as s
from scripts.fiche.loader import MAX_BYTES
from scripts.lang import languages, ui_text

BOOL_TAG = "tag:yaml.org,2002:bool"
TIMESTAMP_TAG = "tag:yaml.org,2002:timestamp"
EMPTY = (None, "", [], {})


class PlainLoader(yaml.SafeLoader):
    """YAML as the validator sees it: dates and yes/no stay text."""


PlainLoader.yaml_implicit_resolvers = {
    first: [(tag, rx) for tag, rx in resolvers if tag not in (BOOL_TAG, TIMESTAMP_TAG)]
    for first, resolvers in yaml.SafeLoader.yaml_implicit_resolvers.items()
}


def load(text: str):
    return yaml.load(text, Loader=PlainLoader)


class SaveRefused(ValueError):
    """Nothing was written: saving would have lost or changed what the contributor wrote. `code` names the
    wording (ui_text `editor_refused_<code>`), shown in every language of the site."""

    def __init__(self, code: str, detail: str = ""):
        self.code, self.detail = code, " ".join(detail.split())[:200]
        super().__init__(self.message(languages.codes()[0]))

    def message(self, lang: str) -> str:
        return ui_text.t(f"editor_refused_{self.code}", lang, detail=self.detail)

    def messages(self) -> str:
        """One line for the editor's notice: the reason in each language of the site."""
        return " / ".join(self.message(lang) for lang in languages.codes())


def _has_alias(text: str) -> bool:
    """Any alias (*name), from the parser's events: nothing is expanded, so an alias bomb costs nothing."""
    if "*" not in text:
        return False
    return any(isinstance(event, yaml.AliasEvent) for event in yaml.parse(text, Loader=PlainLoader))


def guarded(read, text: str, unreadable: str):
    """`read(text)` (load or compose), or SaveRefused(`unreadable`): too big, aliases, nesting or syntax never
    get further."""
    if len(text.encode("utf-8")) > MAX_BYTES:
        raise SaveRefused("too_big", str(MAX_BYTES))
    try:
        if _has_alias(text):
            raise SaveRefused("alias")
        return read(text)
    except yaml.YAMLError as exc:
        raise SaveRefused(unreadable, str(getattr(exc, "problem", None) or exc)) from None
    except RecursionError:
        raise SaveRefused(unreadable, "nesting too deep") from None


def compose(text: str) -> yaml.Node | None:
    return yaml.compose(text, Loader=PlainLoader)


def node_value(node: yaml.Node):
    """A composed node's value, constructed as `load` would."""
    loader = PlainLoader("")
    try:
        return loader.construct_object(node, deep=True)
    finally:
        loader.dispose()


def child(node: s.Node | None, key: str) -> s.Node | None:
    """The schema node of `key` inside `node` (an object's field, or a text's language)."""
    if isinstance(node, s.Obj):
        found = node.get(key)
        return found.node if found else None
    return node if isinstance(node, s.Text) else None


def _key_order(value: dict, node: s.Node | None) -> list:
    fields = node.fields if isinstance(node, s.Obj) else ()
    order = [f.name for f in fields] if fields else (list(s.LANGS) if isinstance(node, s.Text) else [])
    return order + [k for k in value if k not in order]


def clean(value, node: s.Node | None = None):
    """Drop empty values, order keys as the schema does, strip texts like the validator."""
    if isinstance(value, dict):
        items = ((key, clean(value[key], child(node, key))) for key in _key_order(value, node) if key in value)
        return {key: item for key, item in items if item not in EMPTY}
    if isinstance(value, list):
        item_node = node.item if isinstance(node, s.List) else None
        return [item for item in (clean(v, item_node) for v in value) if item not in EMPTY]
    if isinstance(value, str):
        return value.rstrip() if isinstance(node, s.Text) and not node.inline else value.strip()
    if isinstance(value, float) and value.is_integer() and isinstance(node, s.Number) and node.integer:
        return int(value)
    return value


def first_difference(written, wanted, path: str = "") -> str:
    """Where the text read back differs from the form (for the message), e.g. `summary.nl`."""
    if isinstance(written, dict) and isinstance(wanted, dict):
        for key in list(wanted) + [k for k in written if k not in wanted]:
            if written.get(key) != wanted.get(key):
                return first_difference(written.get(key), wanted.get(key), f"{path}.{key}" if path else str(key))
    if isinstance(written, list) and isinstance(wanted, list) and len(written) == len(wanted):
        for index, (a, b) in enumerate(zip(written, wanted, strict=True)):
            if a != b:
                return first_difference(a, b, f"{path}[{index}]")
    return path or "the file"
