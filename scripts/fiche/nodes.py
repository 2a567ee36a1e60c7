"""The YAML node vocabulary every check shares: the tags a fiche may hold and how a field path is written."""

from __future__ import annotations

import yaml

YAML_STR = "tag:yaml.org,2002:str"
YAML_INT = "tag:yaml.org,2002:int"
YAML_FLOAT = "tag:yaml.org,2002:float"
YAML_BOOL = "tag:yaml.org,2002:bool"
YAML_NULL = "tag:yaml.org,2002:null"
YAML_TIMESTAMP = "tag:yaml.org,2002:timestamp"
YAML_MAP = "tag:yaml.org,2002:map"
YAML_SEQ = "tag:yaml.org,2002:seq"
YAML_TRUE = {"true", "yes", "on", "y"}
ALLOWED_TAGS = {YAML_STR, YAML_INT, YAML_FLOAT, YAML_BOOL, YAML_NULL, YAML_TIMESTAMP, YAML_MAP, YAML_SEQ}


def is_null(node: yaml.Node) -> bool:
    return isinstance(node, yaml.ScalarNode) and node.tag == YAML_NULL


def join(path: str, key: str) -> str:
    return f"{path}.{key}" if path else key
