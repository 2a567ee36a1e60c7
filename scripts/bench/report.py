"""The benchmark's table and goal lines."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass
class Row:
    key: str
    label: str
    unit: str
    value: float | None
    baseline: float | None = None
    note: str = ""

    @property
    def ratio(self) -> float | None:
        if self.value is None or not self.baseline:
            return None
        return self.value / self.baseline


def fmt(value: float | None, unit: str = "") -> str:
    if value is None:
        return "-"
    if unit in ("count", "fiches", "files"):
        return f"{value:.0f}"
    if abs(value) >= 100:
        return f"{value:.0f}"
    if abs(value) >= 10:
        return f"{value:.1f}"
    return f"{value:.2f}"


def table(rows: list[Row]) -> str:
    header = ("metric", "unit", "value", "baseline", "ratio", "baseline is")
    cells = [header] + [(r.label, r.unit, fmt(r.value, r.unit), fmt(r.baseline, r.unit),
                         "-" if r.ratio is None else f"{r.ratio:.2f}x", r.note) for r in rows]
    widths = [max(len(c[i]) for c in cells) for i in range(len(header))]
    lines = []
    for number, c in enumerate(cells):
        left = [c[0].ljust(widths[0]), c[1].ljust(widths[1])]
        right = [c[i].rjust(widths[i]) for i in (2, 3, 4)]
        lines.append("  ".join(left + right + [c[5]]).rstrip())
        if number == 0:
            lines.append("  ".join("-" * w for w in widths))
    return "\n".join(lines)


def goal_lines(goals: list[dict]) -> str:
    width = max(len(g["goal"]) for g in goals)
    out = []
    for g in goals:
        if g["measured"] is None:
            status, measured = "not measured" + (f" ({g['why']})" if g.get("why") else ""), "-"
        else:
            status = "met" if g["met"] else "NOT MET"
            measured = f"{g['measured']:.2f}{g['unit']}"
        out.append(f"  {g['goal'].ljust(width)}  {measured:>10}  {status}")
    return "\n".join(out)

