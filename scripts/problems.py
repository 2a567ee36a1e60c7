"""Problem records, printed GCC style so editors can jump to them."""

from __future__ import annotations

import difflib
import json
from dataclasses import asdict, dataclass


@dataclass(frozen=True, order=True)
class Problem:
    file: str
    line: int
    col: int
    field: str
    message: str
    severity: str = "error"

    def __str__(self) -> str:
        where = f"{self.field}: " if self.field else ""
        return f"{self.file}:{self.line}:{self.col}: {self.severity}: {where}{self.message}"


def did_you_mean(word: str, options) -> str:
    close = difflib.get_close_matches(str(word), list(options), n=1, cutoff=0.6)
    return f" (did you mean {close[0]}?)" if close else ""


def format_problems(problems: list[Problem], as_json: bool = False) -> str:
    ordered = sorted(problems)
    if as_json:
        return json.dumps([asdict(p) for p in ordered], ensure_ascii=False, indent=2)
    return "\n".join(str(p) for p in ordered)


def has_errors(problems: list[Problem]) -> bool:
    return any(p.severity == "error" for p in problems)
