"""Build-time SVG pictures (no charting library, no CDN): bar charts and a map of Belgium.

Python computes the geometry; the SVG markup is a template (overrides/partials/kb-charts.html)
and its colours are CSS variables in kb.css. Each picture is a named group (title and
description) whose bars and points are links with their own label (role="img" may not hold
links), and is always shown next to a data table or list with the same content.
"""

from __future__ import annotations

import json
import math
from functools import lru_cache

from scripts import ui_text
from scripts.fiche_collection import ROOT

BELGIUM = ROOT / "docs" / "_data" / "belgium.geojson"
BAR_ROW, BAR_LABEL_WIDTH, BAR_CHART_WIDTH = 26, 260, 720  # SVG user units
LABEL_MAX = 38  # characters of a bar label before it is cut (the full label is the bar's tooltip)
MAP_WIDTH, MAP_HEIGHT = 640, 520


def bar_chart(chart_id: str, title: str, description: str, bars: list[dict], unit: str, lang: str) -> dict:
    """Geometry of horizontal bars, one row per item {label, value, href}; items without a value are left out.
    Markup and colours are in overrides/partials/kb-charts.html and kb.css."""
    bars = [b for b in bars if b["value"] is not None]
    top = max((max(b["value"], b.get("high") or 0) for b in bars), default=1) or 1
    scale = (BAR_CHART_WIDTH - BAR_LABEL_WIDTH - 70) / top
    rows = []
    for index, bar in enumerate(bars):
        length = max(bar["value"] * scale, 1)
        # a contradicted figure: a solid bar to the lower value and a light one to the higher (a range bar)
        extra = max((bar.get("high") or bar["value"]) * scale - length, 0)
        text = bar.get("text") or ui_text.number(bar["value"], lang)  # keeps the qualifier: '≥ 21', '2,5–3'
        value = f"{text} {unit}" + (f" ({bar['flag']})" if bar.get("flag") else "")
        rows.append({
            "href": bar["href"], "label": bar["label"],
            "short": bar["label"] if len(bar["label"]) <= LABEL_MAX else bar["label"][:LABEL_MAX - 1] + "…",
            "value": value, "tooltip": f"{bar['label']}{ui_text.t('colon', lang)} {value}",
            "range_x": f"{BAR_LABEL_WIDTH + length:.1f}", "range": f"{extra:.1f}" if extra else None,
            "y": 10 + index * BAR_ROW, "length": f"{length:.1f}",
            "value_x": f"{BAR_LABEL_WIDTH + length + extra + 6:.1f}",
        })
    return {"id": chart_id, "title": title, "description": description, "width": BAR_CHART_WIDTH,
            "height": BAR_ROW * len(bars) + 30, "label_width": BAR_LABEL_WIDTH, "row": BAR_ROW, "bars": rows}


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


def belgium_map(map_id: str, title: str, description: str, places: list[dict]) -> dict:
    """Belgium's outline and one point per place {label, lon, lat, href}, projected to SVG units."""
    project = _projector(MAP_WIDTH, MAP_HEIGHT)
    outline = " ".join(f"{x:.1f},{y:.1f}" for x, y in (project(*p) for p in _outline()))
    points = []
    for place in places:
        x, y = project(place["lon"], place["lat"])
        points.append({"href": place["href"], "label": place["label"], "x": f"{x:.1f}", "y": f"{y:.1f}"})
    return {"id": map_id, "title": title, "description": description, "width": MAP_WIDTH, "height": MAP_HEIGHT,
            "outline": outline, "places": points}
