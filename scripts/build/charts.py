"""Build-time SVG pictures (no charting library, no CDN): bar charts and a map of Belgium.

Each picture is a named group (title and description) whose bars and points are
links with their own label (role="img" may not hold links), and is always shown
next to a data table or list with the same content.
"""

from __future__ import annotations

import json
import math
from functools import lru_cache

from markupsafe import Markup, escape

from scripts import ui_text
from scripts.fiche_collection import ROOT

BELGIUM = ROOT / "docs" / "_data" / "belgium.geojson"
BAR_COLOUR = "#1f4e79"
TEXT_COLOUR = "#1b1b1b"


def bar_chart(chart_id: str, title: str, description: str, bars: list[dict], unit: str, lang: str) -> Markup:
    """Horizontal bars: one row per item {label, value, href}; value None items are left out."""
    bars = [b for b in bars if b["value"] is not None]
    row, label_width, width = 26, 260, 720
    height = row * len(bars) + 30
    top = max((b["value"] for b in bars), default=1) or 1
    scale = (width - label_width - 70) / top
    parts = [f'<svg class="kb-chart" viewBox="0 0 {width} {height}" role="group" '
             f'aria-labelledby="{chart_id}-title {chart_id}-desc" xmlns="http://www.w3.org/2000/svg">',
             f'<title id="{chart_id}-title">{escape(title)}</title>',
             f'<desc id="{chart_id}-desc">{escape(description)}</desc>']
    for index, bar in enumerate(bars):
        y = 10 + index * row
        length = max(bar["value"] * scale, 1)
        value = f"{ui_text.number(bar['value'], lang)} {unit}"
        label = bar["label"] if len(bar["label"]) <= 38 else bar["label"][:37] + "…"
        parts.append(
            f'<a href="{escape(bar["href"])}"><text x="{label_width - 8}" y="{y + 16}" text-anchor="end" '
            f'fill="{TEXT_COLOUR}" font-size="13">{escape(label)}</text>'
            f'<rect x="{label_width}" y="{y + 3}" width="{length:.1f}" height="{row - 8}" fill="{BAR_COLOUR}">'
            f'<title>{escape(bar["label"])}: {escape(value)}</title></rect>'
            f'<text x="{label_width + length + 6:.1f}" y="{y + 16}" fill="{TEXT_COLOUR}" font-size="13">'
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
    for place in places:
        x, y = project(place["lon"], place["lat"])
        parts.append(f'<a href="{escape(place["href"])}" aria-label="{escape(place["label"])}">'
                     f'<circle cx="{x:.1f}" cy="{y:.1f}" r="7" '
                     f'fill="{BAR_COLOUR}" stroke="#ffffff" stroke-width="2"><title>{escape(place["label"])}'
                     f'</title></circle></a>')
    parts.append("</svg>")
    return Markup("".join(parts))
