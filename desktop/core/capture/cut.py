"""The outline of a document that runs past the picture's edge (pure Python, no numpy).

Such a blob's convex hull runs along the frame where the document goes on outside it. Its
other edges are the document's visible sides: straight runs of the hull between the frame runs
(rounded corners are short and dropped). With four sides seen, their intersections are the true
corners, some outside the picture. With three, the missing side lies beyond the frame between
the two roughly parallel ones: it is replaced by the line through the points where they leave
the frame, pushed out to the frame corner between them when there is one, so the outline never
cuts through the visible document. Fewer sides than three, or sides that do not close around
the blob, give no outline (refused rather than guessed).
"""

from __future__ import annotations

import itertools
import math
from collections.abc import Sequence

from desktop.core.capture import geometry as geo
from desktop.core.capture.geometry import Point, Quad

Line = tuple[Point, Point]  # a point on it, unit direction


def on_border(p: Point, frame: tuple[int, int], near: float = 1.0) -> str | None:
    """The frame edge (of a reduced picture's pixel grid) that ``p`` lies on, if any."""
    w, h = frame
    for edge, gap in (
        ("top", p[1]),
        ("bottom", h - 1 - p[1]),
        ("left", p[0]),
        ("right", w - 1 - p[0]),
    ):
        if gap <= near:
            return edge
    return None


def runs_past(hull: Sequence[Point], frame: tuple[int, int], min_run: float) -> bool:
    """Some hull edge lies along the frame for at least ``min_run`` of the frame's shorter side."""
    return any(length >= min_run * min(frame) for _, _, length in _frame_edges(hull, frame))


def _frame_edges(hull: Sequence[Point], frame: tuple[int, int]) -> list[tuple[int, str, float]]:
    """(index, frame edge, length) of each hull edge (index to index + 1) along the frame."""
    out = []
    for i, p in enumerate(hull):
        q = hull[(i + 1) % len(hull)]
        edge = on_border(p, frame)
        if edge and _shared_edge(p, q, frame):
            out.append((i, _shared_edge(p, q, frame) or edge, geo.distance(p, q)))
    return out


def _shared_edge(p: Point, q: Point, frame: tuple[int, int]) -> str | None:
    w, h = frame
    for edge, (a, b) in {
        "top": (p[1], q[1]),
        "bottom": (h - 1 - p[1], h - 1 - q[1]),
        "left": (p[0], q[0]),
        "right": (w - 1 - p[0], w - 1 - q[0]),
    }.items():
        if a <= 1.0 and b <= 1.0:
            return edge
    return None


def cut_quad(
    hull: Sequence[Point],
    points: Sequence[Point],
    frame: tuple[int, int],
    *,
    tolerance: float,
    min_side: float,
    max_skew: float,
    area_ratio: Sequence[float],
) -> Quad | None:
    """Four corners for a blob (``hull`` of its boundary ``points``, in a picture of ``frame``
    pixels) that runs past the frame, or None."""
    chains = _chains(list(hull), frame)
    if not chains:
        return None
    sides: list[Line | Gap] = []
    for k, chain in enumerate(chains):
        for a, b in _straight_runs(chain, tolerance):
            if geo.distance(a, b) >= min_side:
                line = _fit(a, b, points, frame, tolerance)
                if line is not None:
                    sides.append(line)
        sides.append(Gap(chain[-1], chains[(k + 1) % len(chains)][0]))
    sides = _merge(sides)
    lines = [s for s in sides if not isinstance(s, Gap)]
    if len(lines) == 3:
        found = _close_three(sides, frame)
        real = 2
    elif len(lines) == 4:
        found, real = lines, 4
    else:
        return None
    if found is None or not _square_enough(found, real, max_skew):
        return None
    corners = [geo.intersect(found[i - 1], found[i]) for i in range(4)]
    if any(c is None for c in corners):
        return None
    quad = geo.order_corners(corners)  # type: ignore[arg-type]
    return quad if _covers(quad, hull, frame, area_ratio) else None


class Gap(tuple):
    """Where the frame interrupts the document: (last point before, first point after)."""

    def __new__(cls, leave: Point, enter: Point) -> Gap:
        return super().__new__(cls, (leave, enter))


def _chains(hull: list[Point], frame: tuple[int, int]) -> list[list[Point]]:
    """The hull cut at its frame edges: the runs of document boundary between them."""
    on = {i for i, _, _ in _frame_edges(hull, frame)}
    n = len(hull)
    if not on or len(on) == n:
        return []
    start = next(i for i in range(n) if (i - 1) % n in on and i not in on)
    chains, current = [], [hull[start]]
    for k in range(1, n + 1):
        i = (start + k) % n
        if (i - 1) % n in on:
            if len(current) >= 2:
                chains.append(current)
            current = [hull[i]]
        else:
            current.append(hull[i])
    return chains


def _straight_runs(chain: list[Point], tolerance: float) -> list[tuple[Point, Point]]:
    """The chain simplified (Douglas-Peucker within ``tolerance``): its straight segments."""
    keep = _douglas_peucker(chain, tolerance)
    return list(itertools.pairwise(keep))


def _douglas_peucker(chain: list[Point], tolerance: float) -> list[Point]:
    if len(chain) <= 2:
        return list(chain)
    a, b = chain[0], chain[-1]
    length = geo.distance(a, b) or 1.0
    far, index = -1.0, 0
    for i, p in enumerate(chain[1:-1], 1):
        d = abs((b[0] - a[0]) * (a[1] - p[1]) - (a[0] - p[0]) * (b[1] - a[1])) / length
        if d > far:
            far, index = d, i
    if far <= tolerance:
        return [a, b]
    head = _douglas_peucker(chain[: index + 1], tolerance)
    return head[:-1] + _douglas_peucker(chain[index:], tolerance)


def _fit(
    a: Point, b: Point, points: Sequence[Point], frame: tuple[int, int], tolerance: float
) -> Line | None:
    """A line fitted to the boundary points along the middle 80 % of segment a-b (frame
    pixels left out)."""
    length = geo.distance(a, b)
    dx, dy = (b[0] - a[0]) / length, (b[1] - a[1]) / length
    near = []
    for p in points:
        rx, ry = p[0] - a[0], p[1] - a[1]
        t = rx * dx + ry * dy
        along = 0.1 * length < t < 0.9 * length and abs(rx * dy - ry * dx) < tolerance
        if along and on_border(p, frame) is None:
            near.append(p)
    line = geo.fit_line(near) if len(near) >= 8 else None
    if line is None:
        return None
    # refitted on the points close to the first fit: the edges of holes (text) near the
    # side pull it inwards
    (mx, my), (ux, uy) = line
    close = [p for p in near if abs((p[0] - mx) * uy - (p[1] - my) * ux) <= 2.0]
    return geo.fit_line(close) if len(close) >= 8 else line


def _angle(a: Line, b: Line) -> float:
    """Angle between two lines' directions, 0..90 degrees."""
    cos = abs(a[1][0] * b[1][0] + a[1][1] * b[1][1])
    return math.degrees(math.acos(min(1.0, cos)))


def _offset(a: Line, b: Line) -> float:
    (mx, my), (dx, dy) = a
    return abs((b[0][0] - mx) * dy - (b[0][1] - my) * dx)


def _merge(sides: list[Line | Gap]) -> list[Line | Gap]:
    """Neighbouring lines that are one side (a run split in two) become one, as do
    neighbouring gaps (a stretch of boundary too short for a side between them)."""
    out: list[Line | Gap] = []
    for side in sides:
        prev = out[-1] if out else None
        if isinstance(side, Gap) and isinstance(prev, Gap):  # a chain without a side between
            out[-1] = Gap(prev[0], side[1])
            continue
        if (
            not isinstance(side, Gap)
            and prev is not None
            and not isinstance(prev, Gap)
            and _angle(prev, side) < 5
            and _offset(prev, side) < 3
        ):
            continue
        out.append(side)
    if len(out) > 1 and isinstance(out[0], Gap) and isinstance(out[-1], Gap):
        out[-1] = Gap(out[-1][0], out[0][1])
        out.pop(0)
    return out


def _close_three(sides: list[Line | Gap], frame: tuple[int, int]) -> list[Line] | None:
    """Four lines from three sides: the missing one lies beyond the gap between two roughly
    parallel sides, along the frame (or pushed out to the frame corner in the gap)."""
    n = len(sides)
    for i, gap in enumerate(sides):
        if not isinstance(gap, Gap):
            continue
        before = sides[(i - 1) % n]
        after = sides[(i + 1) % n]
        if isinstance(before, Gap) or isinstance(after, Gap) or _angle(before, after) > 45:
            continue
        p, q = _leaving(before, gap[0], frame), _leaving(after, gap[1], frame)
        if p is None or q is None:
            return None
        ordered = [s for s in sides[i + 1 :] + sides[:i] if not isinstance(s, Gap)]
        return [*ordered, _pushed_out(p, q, sides, frame)]
    return None


def _leaving(line: Line, near: Point, frame: tuple[int, int]) -> Point | None:
    """Where ``line`` meets the frame edge that the hull point ``near`` lies on."""
    edge = on_border(near, frame, near=1.5)
    if edge is None:
        return None
    w, h = frame
    border = {
        "top": ((0.0, 0.0), (1.0, 0.0)),
        "bottom": ((0.0, h - 1.0), (1.0, 0.0)),
        "left": ((0.0, 0.0), (0.0, 1.0)),
        "right": ((w - 1.0, 0.0), (0.0, 1.0)),
    }[edge]
    return geo.intersect(line, border)


def _pushed_out(p: Point, q: Point, sides: list[Line | Gap], frame: tuple[int, int]) -> Line:
    """The line through ``p`` and ``q``, moved parallel out to the farthest frame corner beyond
    it (a line through a corner, along a chord of the two edges meeting there, stays outside
    the picture): the outline never cuts the visible document off."""
    w, h = frame
    length = geo.distance(p, q) or 1.0
    direction = ((q[0] - p[0]) / length, (q[1] - p[1]) / length)
    inside = [s[0] for s in sides if not isinstance(s, Gap)]  # points on the document's sides
    cx, cy = sum(x for x, _ in inside) / len(inside), sum(y for _, y in inside) / len(inside)

    def side(pt: Point) -> float:
        return (pt[0] - p[0]) * direction[1] - (pt[1] - p[1]) * direction[0]

    inner = side((cx, cy))
    corners = [(0.0, 0.0), (w - 1.0, 0.0), (w - 1.0, h - 1.0), (0.0, h - 1.0)]
    beyond = [c for c in corners if side(c) * inner < 0 and abs(side(c)) > 1.0]
    if not beyond:
        return p, direction
    return max(beyond, key=lambda c: abs(side(c))), direction


def _square_enough(lines: list[Line], real: int, max_skew: float) -> bool:
    """Neighbouring document sides meet within ``max_skew`` of a right angle (with three sides
    seen, the two corners between them; the closing line meets them at any angle)."""
    corners = range(1, 4) if real == 4 else range(1, 3)
    checks = [abs(90 - _angle(lines[i - 1], lines[i])) <= max_skew for i in corners]
    if real == 4:
        checks.append(abs(90 - _angle(lines[3], lines[0])) <= max_skew)
    return all(checks)


def _covers(
    quad: Quad, hull: Sequence[Point], frame: tuple[int, int], limits: Sequence[float]
) -> bool:
    """The outline, clipped by the frame, holds the blob and little else: the hull's area over
    the clipped outline's within ``limits``."""
    visible = geo.clip_polygon(quad, (frame[0] - 1, frame[1] - 1))
    if len(visible) < 3:
        return False
    ratio = geo.area(hull) / max(geo.area(visible), 1e-9)
    return limits[0] <= ratio <= limits[1]
