"""YAML anchors and aliases, refused in a fiche: each alias reported where it stands, at no cost for a bomb."""

from __future__ import annotations

import re

import yaml

from scripts.fiche.problems import Problem, msg
from scripts.fiche.syntax import SafeLoader

MAX_ALIAS_REPORTS = 10  # an alias bomb holds thousands; the first ones say enough
# An anchor (&name) where a node starts: without one there can be no alias, so the node walk is skipped.
ANCHOR = re.compile(r"(?:^|[\s\[\]{},])&[^\s\[\]{},]", re.MULTILINE)


def has_aliases(text: str, node: yaml.Node) -> bool:
    """Cheap tests first: most fiches hold no '&' at all."""
    return "&" in text and bool(ANCHOR.search(text)) and _has_shared_nodes(node)


def find_aliases(text: str, name: str) -> list[Problem]:
    """Every alias (*name) with its own position and field path, from the event stream.

    Composed nodes share the anchored node and forget where the alias stood, so this
    walks the parser's events; it never expands anything, so an alias bomb costs nothing."""
    problems: list[Problem] = []
    stack: list[list] = []  # frames: ["map", expecting_key, key] or ["seq", index]

    def path() -> str:
        parts = ""
        for frame in stack:
            if frame[0] == "map":
                parts += f".{frame[2]}" if parts else str(frame[2])
            else:
                parts += f"[{frame[1]}]"
        return parts

    def value_done() -> None:
        if stack:
            if stack[-1][0] == "map":
                stack[-1][1] = True
            else:
                stack[-1][1] += 1

    try:
        for event in yaml.parse(text, Loader=SafeLoader):
            is_key = bool(stack) and stack[-1][0] == "map" and stack[-1][1]
            if isinstance(event, yaml.AliasEvent) and len(problems) < MAX_ALIAS_REPORTS:
                mark = event.start_mark
                problems.append(Problem.of(name, mark.line + 1, mark.column + 1, path(), msg("alias")))
            if isinstance(event, (yaml.ScalarEvent, yaml.AliasEvent)):
                if is_key:
                    stack[-1][1], stack[-1][2] = False, getattr(event, "value", "?")
                else:
                    value_done()
            elif isinstance(event, (yaml.MappingStartEvent, yaml.SequenceStartEvent)):
                if is_key:
                    stack[-1][1], stack[-1][2] = False, "?"
                stack.append(["map", True, None] if isinstance(event, yaml.MappingStartEvent) else ["seq", 0])
            elif isinstance(event, (yaml.MappingEndEvent, yaml.SequenceEndEvent)):
                stack.pop()
                value_done()
    except yaml.YAMLError:
        return []  # the composer reports the syntax error with its position
    return problems


def _has_shared_nodes(root: yaml.Node) -> bool:
    """Aliases compose into one node reached twice; a walk that never descends twice stays bounded."""
    seen: set[int] = set()
    stack = [root]
    while stack:
        node = stack.pop()
        if id(node) in seen:
            return True
        seen.add(id(node))
        if isinstance(node, yaml.MappingNode):
            for key, value in node.value:
                stack.append(key)
                stack.append(value)
        elif isinstance(node, yaml.SequenceNode):
            stack.extend(node.value)
    return False
