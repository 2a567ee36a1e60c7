"""Build-time SVG pictures (no charting library, no CDN): bar charts and a map of Belgium.

Python computes the geometry; the SVG markup is a template (overrides/partials/kb-charts.html)
and its colours are CSS variables in kb.css. Each picture is a named group (title and
description) whose bars and points are links with their own label (role="img" may not hold
links), and is always shown next to a data table or list with the same content.
"""

from __future__ import annotations

import functools
import json
import math
from functools import lru_cache

from scripts.lang import languages, ui_text

BELGIUM = "belgium.geojson"  # in the data folder (languages.current().data_dir)
BAR_ROW, BAR_LABEL_WIDTH, BAR_CHART_WIDTH = 26, 260, 720  # SVG user units
LABEL_MAX = 38  # characters of a bar label before it is cut (the full label is the bar's tooltip)
MAP_WIDTH, MAP_HEIGHT = 640, 520
# A place is a link: its tap target is an invisible circle of at least 24 CSS px (WCAG 2.5.8) on the narrowest
# screen the map is drawn for (320 px wide: the map's 640 units at half size), drawn under every dot and name so
# that it never covers another place's name; the visible dot keeps its size. Two places closer than that share
# the ground between them (_tap_targets); each stays a link in the table under the map too.
MAP_DOT_RADIUS = 7
MAP_TARGET_PX, MAP_NARROWEST_PX = 24, 320
MAP_HIT_RADIUS = MAP_TARGET_PX / 2 * MAP_WIDTH / MAP_NARROWEST_PX
MAP_HIT_SIDES = 24  # the target's circle as a polygon, so that it can be cut where a neighbour's begins
MAP_DOT_CLEARANCE = MAP_HIT_RADIUS  # names keep off other places' tap targets (a name is drawn over them)


NARROW_ROW, NARROW_WIDTH, NARROW_LABEL_MAX = 44, 360, 46  # the phone picture: each name above its bar
CHAR_WIDTH = 7.2  # a generous average advance of the 13-unit chart text (kb.css), to keep value texts inside


def bar_chart(chart_id: str, title: str, description: str, bars: list[dict], unit: str, lang: str,
              narrow: bool = False) -> dict:
    """Geometry of horizontal bars, one row per item {label, value, href}; items without a value are left out.

    The wide picture puts names beside the bars; the narrow one, for phones, is drawn at about the width it is
    shown (so its text stays readable) with each name above its bar. Markup and colours are in
    overrides/partials/kb-charts.html and kb.css."""
    bars = [b for b in bars if b["value"] is not None]
    row, label_width, width, limit = ((NARROW_ROW, 0, NARROW_WIDTH, NARROW_LABEL_MAX) if narrow
                                      else (BAR_ROW, BAR_LABEL_WIDTH, BAR_CHART_WIDTH, LABEL_MAX))
    values = []
    for bar in bars:
        text = bar.get("text") or ui_text.number(bar["value"], lang)  # keeps the qualifier: '≥ 21', '2,5–3'
        values.append(f"{text} {unit}" + (f" ({bar['flag']})" if bar.get("flag") else ""))
    room = width - label_width - 6
    # the largest scale at which every bar and its value text ('2,5–3 VTE (bron tegenstrijdig)') stay inside
    fits = [(room - len(value) * CHAR_WIDTH) / max(b["value"], b.get("high") or 0, 1e-9)
            for b, value in zip(bars, values, strict=True)]
    top = max((max(b["value"], b.get("high") or 0) for b in bars), default=1) or 1
    scale = max(min([(room - 64) / top, *fits]), room * 0.2 / top)
    rows = []
    for index, (bar, value) in enumerate(zip(bars, values, strict=True)):
        length = max(bar["value"] * scale, 1)
        # a contradicted figure: a solid bar to the lower value and a light one to the higher (a range bar)
        extra = max((bar.get("high") or bar["value"]) * scale - length, 0)
        y = 10 + index * row
        rows.append({
            "href": bar["href"], "label": bar["label"],
            "short": bar["label"] if len(bar["label"]) <= limit else bar["label"][:limit - 1] + "…",
            "value": value, "tooltip": f"{bar['label']}{ui_text.t('colon', lang)} {value}",
            "range_x": f"{label_width + length:.1f}", "range": f"{extra:.1f}" if extra else None,
            "y": y, "length": f"{length:.1f}", "value_x": f"{label_width + length + extra + 6:.1f}",
            "label_y": y + (14 if narrow else 16), "bar_y": y + (19 if narrow else 3),
            "value_y": y + (32 if narrow else 16),
        })
    return {"id": chart_id, "title": title, "description": description, "width": width,
            "height": row * len(bars) + 20, "label_width": label_width, "row": row, "bars": rows,
            "narrow": narrow, "bar_height": 16 if narrow else BAR_ROW - 8}


def _outline() -> list[tuple[float, float]]:
    return _outline_of(languages.current().data_dir / BELGIUM)


@lru_cache(maxsize=4)
def _outline_of(path) -> list[tuple[float, float]]:
    data = json.loads(path.read_text(encoding="utf-8"))
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
    dots = [(place, *project(place["lon"], place["lat"])) for place in places]
    names = [place.get("short") or place["label"] for place in places]
    positions = _label_positions(tuple((name, x, y) for name, (_, x, y) in zip(names, dots, strict=True)))
    targets = _tap_targets([(x, y) for _, x, y in dots])
    points = []
    for (place, x, y), name, (tx, ty, anchor), hit in zip(dots, names, positions, targets, strict=True):
        points.append({"href": place["href"], "label": place["label"], "x": f"{x:.1f}", "y": f"{y:.1f}",
                       "name": name, "name_x": f"{tx:.1f}", "name_y": f"{ty:.1f}", "anchor": anchor, "hit": hit})
    return {"id": map_id, "title": title, "description": description, "width": MAP_WIDTH, "height": MAP_HEIGHT,
            "outline": outline, "places": points, "dot_radius": MAP_DOT_RADIUS}


def _tap_targets(dots: list[tuple[float, float]]) -> list[str]:
    """Each place's tap target, as polygon points: a circle of MAP_HIT_RADIUS around its dot, cut along the line
    halfway to every neighbour nearer than a target's width, so that two close places share the ground between
    them instead of the one drawn last taking it all. Neighbours come from a grid of cells one target wide: the
    work grows with the number of places, not with its square (unless they all lie on one spot)."""
    r, cell = MAP_HIT_RADIUS, 2 * MAP_HIT_RADIUS
    grid: dict[tuple[int, int], list[int]] = {}
    for index, (x, y) in enumerate(dots):
        grid.setdefault((math.floor(x / cell), math.floor(y / cell)), []).append(index)
    circle = [(r * math.cos(2 * math.pi * k / MAP_HIT_SIDES), r * math.sin(2 * math.pi * k / MAP_HIT_SIDES))
              for k in range(MAP_HIT_SIDES)]
    targets = []
    for index, (x, y) in enumerate(dots):
        shape = [(x + dx, y + dy) for dx, dy in circle]
        gx, gy = math.floor(x / cell), math.floor(y / cell)
        # in the order of the places, so that a target does not depend on how the grid holds them
        for other in sorted(o for i in (-1, 0, 1) for j in (-1, 0, 1) for o in grid.get((gx + i, gy + j), ())):
            qx, qy = dots[other]
            if other != index and (qx, qy) != (x, y) and math.hypot(qx - x, qy - y) < cell:
                shape = _nearer_half(shape, (x, y), (qx, qy))
        targets.append(" ".join(f"{px:.1f},{py:.1f}" for px, py in shape))
    return targets


def _nearer_half(shape: list[tuple[float, float]], own: tuple[float, float], other: tuple[float, float]) -> list:
    """The part of a convex polygon nearer to `own` than to `other` (one Sutherland–Hodgman step)."""
    mx, my = (own[0] + other[0]) / 2, (own[1] + other[1]) / 2
    nx, ny = other[0] - own[0], other[1] - own[1]

    def side(p):
        return (p[0] - mx) * nx + (p[1] - my) * ny  # <= 0: on own's side

    def cut(a, b):
        t = side(a) / (side(a) - side(b))
        return (a[0] + t * (b[0] - a[0]), a[1] + t * (b[1] - a[1]))

    kept = []
    for k, point in enumerate(shape):
        before = shape[k - 1]
        if side(point) <= 0:
            if side(before) > 0:
                kept.append(cut(before, point))
            kept.append(point)
        elif side(before) <= 0:
            kept.append(cut(before, point))
    return kept


@functools.lru_cache(maxsize=8)
def _label_positions(dots: tuple[tuple[str, float, float], ...]) -> list[tuple]:
    """Where each name goes, in order; the same names at the same places (a preview rebuild after an edit that
    moved no place) are not placed again."""
    taken, points = _Boxes(), _Boxes()
    gap = MAP_DOT_CLEARANCE
    for _, x, y in dots:  # names keep clear of every dot
        points.add((x - gap, y - gap, x + gap, y + gap))
    return [_label_position(name, x, y, taken, points) for name, x, y in dots]


MAP_LABEL_SIZE = 24  # the largest size a place name is shown at (phones, kb-layout.css): room is reserved for it


class _Boxes:
    """The reserved boxes, in the order reserved, with a grid of where they lie: a label is measured against the
    boxes near it only (the sum over all boxes was quadratic in the number of places: seconds at 1,000)."""

    CELL = 64.0

    def __init__(self) -> None:
        self.boxes: list[tuple] = []
        self.grid: dict[tuple[int, int], list[int]] = {}

    def _cells(self, box) -> list[tuple[int, int]]:
        x0, y0 = math.floor(box[0] / self.CELL), math.floor(box[1] / self.CELL)
        x1, y1 = math.floor(box[2] / self.CELL), math.floor(box[3] / self.CELL)
        return [(i, j) for i in range(x0, x1 + 1) for j in range(y0, y1 + 1)]

    def add(self, box) -> None:
        for cell in self._cells(box):
            self.grid.setdefault(cell, []).append(len(self.boxes))
        self.boxes.append(box)

    def near(self, box) -> list[tuple]:
        """Every box that may overlap `box`, in the order reserved (so that sums come out as over all boxes:
        the others add exact zeros)."""
        found = {index for cell in self._cells(box) for index in self.grid.get(cell, ())}
        return [self.boxes[index] for index in sorted(found)]

    def __iter__(self):
        return iter(self.boxes)


def _label_position(name: str, x: float, y: float, taken: _Boxes, dots: _Boxes) -> tuple:
    """Right, left, above or below the dot (above and below also starting or ending at it, for a long name): a
    place inside the map that covers no dot and overlaps no other name, or the least (rough text width: 0.56 em
    per character); that box is then reserved. Covering a dot is worse than touching a name: a covered dot hides
    a place, and the name under it reads broken ("Nord du Limbourg" across the dot of Antwerp)."""
    w, h = len(name) * MAP_LABEL_SIZE * 0.56, MAP_LABEL_SIZE
    above, below = (y - 12 - h, y - 12), (y + 10, y + 10 + h)
    options = [(x + 11, y + 6, "start", (x + 10, y - h / 2, x + 10 + w, y + h / 2)),
               (x - 11, y + 6, "end", (x - 10 - w, y - h / 2, x - 10, y + h / 2)),
               (x, y - 13, "middle", (x - w / 2, above[0], x + w / 2, above[1])),
               (x, y + 27, "middle", (x - w / 2, below[0], x + w / 2, below[1])),
               (x + 6, y - 13, "end", (x + 6 - w, above[0], x + 6, above[1])),
               (x - 6, y - 13, "start", (x - 6, above[0], x - 6 + w, above[1])),
               (x + 6, y + 27, "end", (x + 6 - w, below[0], x + 6, below[1])),
               (x - 6, y + 27, "start", (x - 6, below[0], x - 6 + w, below[1]))]

    def overlap(box, boxes: _Boxes) -> float:
        return sum(max(0, min(box[2], o[2]) - max(box[0], o[0])) * max(0, min(box[3], o[3]) - max(box[1], o[1]))
                   for o in boxes.near(box))

    def outside(box) -> float:
        return max(0, -box[0]) + max(0, -box[1]) + max(0, box[2] - MAP_WIDTH) + max(0, box[3] - MAP_HEIGHT)

    # never outside the picture; among the places inside, the one covering the least of other dots, then of
    # other names (the first free one when any is; the dot's own box is the name's own)
    own = (x - MAP_DOT_CLEARANCE, y - MAP_DOT_CLEARANCE, x + MAP_DOT_CLEARANCE, y + MAP_DOT_CLEARANCE)
    tx, ty, anchor, box = min(options, key=lambda option: (
        outside(option[3]), overlap(option[3], dots) - overlap(option[3], _single(own)), overlap(option[3], taken)))
    taken.add(box)
    return tx, ty, anchor


def _single(box) -> _Boxes:
    boxes = _Boxes()
    boxes.add(box)
    return boxes
