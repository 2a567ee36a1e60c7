"""Build-time SVG pictures (no charting library, no CDN): bar charts and a map of Belgium.

Each picture is a named group (title and description) whose bars and points are
links with their own label (role="img" may not hold links), and is always shown
next to a data table or list with the same content.
"""

from __future__ import annotations

import json
import math
from functools import lru_cache
from pathlib import Path

import ui_text
from markupsafe import Markup, escape

BELGIUM = Path(__file__).resolve().parent.parent / "docs" / "_data" / "belgium.geojson"
BAR_COLOUR = "#1f4e79"
TEXT_COLOUR = "#1b1b1b"


def bar_chart(chart_id: str, title: str, description: str, bars: list[dict], unit: str, lang: str,
              narrow: bool = False) -> Markup:
    """Horizontal bars: one row per item {label, value, href}; value None items are left out.

    The wide picture puts names beside the bars; the narrow one (for phones, drawn at about the width it is
    shown, so its text stays readable) puts each name above its bar."""
    bars = [b for b in bars if b["value"] is not None]
    if narrow:
        row, label_width, width, label_dy, bar_dy = 44, 0, 360, 14, 19
    else:
        row, label_width, width, label_dy, bar_dy = 26, 260, 720, 16, 3
    height = row * len(bars) + 20
    top = max((b["value"] for b in bars), default=1) or 1
    scale = (width - label_width - 70) / top
    classes = "kb-chart kb-chart--narrow" if narrow else "kb-chart kb-chart--wide"
    parts = [f'<svg class="{classes}" viewBox="0 0 {width} {height}" role="group" '
             f'aria-labelledby="{chart_id}-title {chart_id}-desc" xmlns="http://www.w3.org/2000/svg">',
             f'<title id="{chart_id}-title">{escape(title)}</title>',
             f'<desc id="{chart_id}-desc">{escape(description)}</desc>']
    for index, bar in enumerate(bars):
        y = 10 + index * row
        length = max(bar["value"] * scale, 1)
        value = f"{ui_text.number(bar['value'], lang)} {unit}"
        limit = 46 if narrow else 38
        label = bar["label"] if len(bar["label"]) <= limit else bar["label"][:limit - 1] + "…"
        name_x, anchor = (0, "start") if narrow else (label_width - 8, "end")
        bar_height = 16 if narrow else row - 8
        parts.append(
            f'<a href="{escape(bar["href"])}"><text x="{name_x}" y="{y + label_dy}" text-anchor="{anchor}" '
            f'fill="{TEXT_COLOUR}" font-size="13">{escape(label)}</text>'
            f'<rect x="{label_width}" y="{y + bar_dy}" width="{length:.1f}" height="{bar_height}" fill="{BAR_COLOUR}">'
            f'<title>{escape(bar["label"])}: {escape(value)}</title></rect>'
            f'<text x="{label_width + length + 6:.1f}" y="{y + bar_dy + 13}" fill="{TEXT_COLOUR}" font-size="13">'
            f'{escape(value)}</text></a>')
    parts.append("</svg>")
    return Markup("".join(parts))


@lru_cache(maxsize=1)
def _outline() -> list[tuple[float, float]]:
    data = json.loads(BELGIUM.read_text(encoding="utf-8"))
    return [tuple(point) for point in data["features"][0]["geometry"]["coordinates"][0]]


def _projector(width: int, height: int, pad: int = 12):
    points = _outline()
    lons = [p[0] for p in points]
    lats = [p[1] for p in points]
    lat0 = math.radians((min(lats) + max(lats)) / 2)
    x_span = (max(lons) - min(lons)) * math.cos(lat0)
    y_span = max(lats) - min(lats)
    scale = min((width - 2 * pad) / x_span, (height - 2 * pad) / y_span)

    def project(lon: float, lat: float) -> tuple[float, float]:
        return (pad + (lon - min(lons)) * math.cos(lat0) * scale, pad + (max(lats) - lat) * scale)

    return project


def belgium_map(map_id: str, title: str, description: str, places: list[dict]) -> Markup:
    """Belgium's outline with one linked point per place {label, lon, lat, href}."""
    width, height = 640, 520
    project = _projector(width, height)
    outline = " ".join(f"{x:.1f},{y:.1f}" for x, y in (project(*p) for p in _outline()))
    parts = [f'<svg class="kb-map" viewBox="0 0 {width} {height}" role="group" '
             f'aria-labelledby="{map_id}-title {map_id}-desc" xmlns="http://www.w3.org/2000/svg">',
             f'<title id="{map_id}-title">{escape(title)}</title>',
             f'<desc id="{map_id}-desc">{escape(description)}</desc>',
             f'<polygon points="{outline}" fill="#eef2f7" stroke="#4a5a6a" stroke-width="1.2"/>']
    dots = [(place, *project(place["lon"], place["lat"])) for place in places]
    taken = [(x - 8, y - 8, x + 8, y + 8) for _, x, y in dots]  # labels keep clear of every dot
    for place, x, y in dots:
        name = place.get("short") or place["label"]
        tx, ty, anchor = _label_position(name, x, y, width, height, taken)
        parts.append(f'<a href="{escape(place["href"])}" aria-label="{escape(place["label"])}">'
                     f'<circle cx="{x:.1f}" cy="{y:.1f}" r="7" '
                     f'fill="{BAR_COLOUR}" stroke="#ffffff" stroke-width="2"><title>{escape(place["label"])}'
                     f'</title></circle><text x="{tx:.1f}" y="{ty:.1f}" text-anchor="{anchor}" font-size="19" '
                     f'fill="{TEXT_COLOUR}" stroke="#ffffff" stroke-width="4" paint-order="stroke" '
                     f'aria-hidden="true">{escape(name)}</text></a>')
    parts.append("</svg>")
    return Markup("".join(parts))


MAP_LABEL_SIZE = 24  # the largest size a label is shown at (phones, kb-layout.css): room is reserved for it


def _label_position(name: str, x: float, y: float, width: int, height: int, taken: list) -> tuple:
    """Right, left, above or below the dot: the first place that stays inside the picture and overlaps no
    other label or dot (rough text width: 0.56 em per character); the box is then reserved."""
    w, h = len(name) * MAP_LABEL_SIZE * 0.56, MAP_LABEL_SIZE
    options = [(x + 11, y + 6, "start", (x + 10, y - h / 2, x + 10 + w, y + h / 2)),
               (x - 11, y + 6, "end", (x - 10 - w, y - h / 2, x - 10, y + h / 2)),
               (x, y - 13, "middle", (x - w / 2, y - 12 - h, x + w / 2, y - 12)),
               (x, y + 27, "middle", (x - w / 2, y + 10, x + w / 2, y + 10 + h))]

    def free(box):
        inside = box[0] >= 0 and box[1] >= 0 and box[2] <= width and box[3] <= height
        return inside and not any(box[0] < o[2] and o[0] < box[2] and box[1] < o[3] and o[1] < box[3] for o in taken)

    tx, ty, anchor, box = next((option for option in options if free(option[3])), options[0])
    taken.append(box)
    return tx, ty, anchor
