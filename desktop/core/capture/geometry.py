"""Plane geometry for document outlines, in pure Python (no numpy needed).

A quad is four (x, y) corners ordered top-left, top-right, bottom-right, bottom-left.
"""

from __future__ import annotations

import math
from collections.abc import Sequence

Point = tuple[float, float]
Quad = tuple[Point, Point, Point, Point]


def distance(a: Point, b: Point) -> float:
    return math.hypot(a[0] - b[0], a[1] - b[1])


def area(points: Sequence[Point]) -> float:
    """Polygon area (shoelace), positive for either winding.

    >>> area([(0, 0), (4, 0), (4, 3), (0, 3)])
    12.0
    """
    total = 0.0
    for i, (x1, y1) in enumerate(points):
        x2, y2 = points[(i + 1) % len(points)]
        total += x1 * y2 - x2 * y1
    return abs(total) / 2


def convex_hull(points: Sequence[Point]) -> list[Point]:
    """Andrew's monotone chain, counter-clockwise in image coordinates' mirror (y down).

    >>> convex_hull([(0, 0), (2, 0), (1, 1), (2, 2), (0, 2)])
    [(0, 0), (2, 0), (2, 2), (0, 2)]
    """
    pts = sorted(set(points))
    if len(pts) <= 2:
        return list(pts)

    def half(seq: list[Point]) -> list[Point]:
        out: list[Point] = []
        for p in seq:
            while len(out) >= 2 and _cross(out[-2], out[-1], p) <= 0:
                out.pop()
            out.append(p)
        return out

    lower, upper = half(pts), half(pts[::-1])
    return lower[:-1] + upper[:-1]


def _cross(o: Point, a: Point, b: Point) -> float:
    return (a[0] - o[0]) * (b[1] - o[1]) - (a[1] - o[1]) * (b[0] - o[0])


def reduce_to_quad(hull: Sequence[Point]) -> list[Point] | None:
    """The hull with vertices removed one by one, each time the one whose removal loses the least
    area, until four remain (a rounded or chipped corner collapses onto the true one).

    >>> reduce_to_quad([(0, 0), (5, -0.1), (10, 0), (10, 6), (0, 6)])
    [(0, 0), (10, 0), (10, 6), (0, 6)]
    """
    pts = list(hull)
    if len(pts) < 4:
        return None
    while len(pts) > 4:
        losses = [abs(_cross(pts[i - 1], pts[i], pts[(i + 1) % len(pts)])) for i in range(len(pts))]
        pts.pop(losses.index(min(losses)))
    return pts


def circumscribe_quad(hull: Sequence[Point]) -> list[Point] | None:
    """The convex ``hull`` cut down to four vertices by removing, one at a time, the edge whose
    neighbours, extended until they meet, add the least area: a rounded corner's short edges
    go and the long sides meet where the true corner is (the opposite of :func:`reduce_to_quad`,
    which cuts corners off).

    >>> circumscribe_quad([(1, 0), (9, 0), (10, 1), (10, 6), (0, 6), (0, 1)])
    [(10.0, 0.0), (10.0, 6.0), (0.0, 6.0), (0.0, 0.0)]
    """
    pts = [(float(x), float(y)) for x, y in hull]
    if len(pts) < 4:
        return None
    while len(pts) > 4:
        best, best_cost, best_point = None, math.inf, None
        n = len(pts)
        for i in range(n):
            a, b, c, d = pts[i - 1], pts[i], pts[(i + 1) % n], pts[(i + 2) % n]
            meet = intersect((a, (b[0] - a[0], b[1] - a[1])), (d, (c[0] - d[0], c[1] - d[1])))
            # the extensions must meet beyond the removed edge, not behind it
            if meet is None or _cross(b, c, meet) * _cross(b, c, a) > 0:
                continue
            cost = abs(_cross(b, meet, c)) / 2
            if cost < best_cost:
                best, best_cost, best_point = i, cost, meet
        if best is None:
            return None
        pts[best] = best_point
        del pts[(best + 1) % n]
    return pts


def clip_segment(a: Point, b: Point, frame: tuple[int, int]) -> tuple[Point, Point] | None:
    """The part of segment ``a``-``b`` inside the ``frame`` rectangle (Liang-Barsky), or None.

    >>> clip_segment((-10, 5), (10, 5), (4, 8))
    ((0.0, 5.0), (4.0, 5.0))
    """
    t0, t1 = 0.0, 1.0
    dx, dy = b[0] - a[0], b[1] - a[1]
    for p, q in ((-dx, a[0]), (dx, frame[0] - a[0]), (-dy, a[1]), (dy, frame[1] - a[1])):
        if p == 0:
            if q < 0:
                return None
            continue
        t = q / p
        if p < 0:
            t0 = max(t0, t)
        else:
            t1 = min(t1, t)
    if t1 - t0 <= 1e-9:
        return None
    return (a[0] + t0 * dx, a[1] + t0 * dy), (a[0] + t1 * dx, a[1] + t1 * dy)


def clip_polygon(polygon: Sequence[Point], frame: tuple[int, int]) -> list[Point]:
    """The part of a convex ``polygon`` inside the ``frame`` rectangle (Sutherland-Hodgman).

    >>> clip_polygon([(-2, 1), (4, 1), (4, 3), (-2, 3)], (3, 5))
    [(0.0, 1.0), (3.0, 1.0), (3.0, 3.0), (0.0, 3.0)]
    """
    w, h = frame
    out = [(float(x), float(y)) for x, y in polygon]
    for axis, limit, keep_below in ((0, 0.0, False), (0, w, True), (1, 0.0, False), (1, h, True)):
        src, out = out, []
        for i, p in enumerate(src):
            q = src[(i + 1) % len(src)]
            p_in = p[axis] <= limit if keep_below else p[axis] >= limit
            q_in = q[axis] <= limit if keep_below else q[axis] >= limit
            if p_in:
                out.append(p)
            if p_in != q_in:
                t = (limit - p[axis]) / (q[axis] - p[axis])
                cut = (p[0] + t * (q[0] - p[0]), p[1] + t * (q[1] - p[1]))
                out.append((float(limit), cut[1]) if axis == 0 else (cut[0], float(limit)))
        if not out:
            return []
    return out


def order_corners(points: Sequence[Point]) -> Quad:
    """Top-left, top-right, bottom-right, bottom-left: clockwise on screen from the corner
    nearest the top-left, so a document tilted less than 45° keeps its top edge on top.

    >>> order_corners([(10, 10), (0, 0), (0, 10), (10, 0)])
    ((0.0, 0.0), (10.0, 0.0), (10.0, 10.0), (0.0, 10.0))
    """
    cx = sum(p[0] for p in points) / 4
    cy = sum(p[1] for p in points) / 4
    clockwise = sorted(points, key=lambda p: math.atan2(p[1] - cy, p[0] - cx))
    start = min(range(4), key=lambda i: _tl_angle(clockwise[i], cx, cy))
    ordered = clockwise[start:] + clockwise[:start]
    return tuple(tuple(map(float, p)) for p in ordered)  # type: ignore[return-value]


def _tl_angle(p: Point, cx: float, cy: float) -> float:
    """Angular distance of ``p`` (seen from the centre) from the top-left direction (-135°)."""
    angle = math.degrees(math.atan2(p[1] - cy, p[0] - cx))
    return abs((angle + 135 + 180) % 360 - 180)


def side_lengths(quad: Quad) -> tuple[float, float]:
    """Mean width (top, bottom) and mean height (left, right) of a quad."""
    tl, tr, br, bl = quad
    return (distance(tl, tr) + distance(bl, br)) / 2, (distance(tl, bl) + distance(tr, br)) / 2


def scaled(quad: Quad, factor: float) -> Quad:
    return tuple((x * factor, y * factor) for x, y in quad)  # type: ignore[return-value]


def max_corner_error(found: Quad, truth: Quad) -> float:
    """Largest distance between matching corners, over the truth's diagonal (0.02 = 2 %).

    >>> max_corner_error(((0, 0), (10, 0), (10, 10), (0, 10)), ((0, 0), (10, 0), (10, 10), (1, 10)))
    0.0707
    """
    diag = distance(truth[0], truth[2])
    return round(max(distance(a, b) for a, b in zip(found, truth, strict=True)) / diag, 4)


def fit_line(points: Sequence[Point]) -> tuple[Point, Point] | None:
    """Total least squares line through ``points``: (a point on it, unit direction)."""
    n = len(points)
    if n < 2:
        return None
    mx = sum(p[0] for p in points) / n
    my = sum(p[1] for p in points) / n
    sxx = sum((p[0] - mx) ** 2 for p in points)
    syy = sum((p[1] - my) ** 2 for p in points)
    sxy = sum((p[0] - mx) * (p[1] - my) for p in points)
    angle = 0.5 * math.atan2(2 * sxy, sxx - syy)
    return (mx, my), (math.cos(angle), math.sin(angle))


def intersect(a: tuple[Point, Point], b: tuple[Point, Point]) -> Point | None:
    """Where two lines (point, direction) cross; None when (nearly) parallel."""
    (x1, y1), (dx1, dy1) = a
    (x2, y2), (dx2, dy2) = b
    det = dx1 * dy2 - dy1 * dx2
    if abs(det) < 1e-9:
        return None
    t = ((x2 - x1) * dy2 - (y2 - y1) * dx2) / det
    return x1 + t * dx1, y1 + t * dy1


def perspective_coefficients(src: Quad, dst: Quad) -> tuple[float, ...]:
    """Pillow ``Image.transform(PERSPECTIVE)`` data mapping output ``dst`` corners to ``src``.

    >>> square = ((0, 0), (1, 0), (1, 1), (0, 1))
    >>> c = perspective_coefficients(((0, 0), (2, 0), (2, 2), (0, 2)), square)
    >>> [round(v, 6) + 0 for v in c]
    [2.0, 0.0, 0.0, 0.0, 2.0, 0.0, 0.0, 0.0]
    """
    rows, rhs = [], []
    for (x, y), (u, v) in zip(dst, src, strict=True):
        rows.append([x, y, 1, 0, 0, 0, -u * x, -u * y])
        rows.append([0, 0, 0, x, y, 1, -v * x, -v * y])
        rhs += [u, v]
    return tuple(_solve(rows, rhs))


def _solve(a: list[list[float]], b: list[float]) -> list[float]:
    """Gaussian elimination with partial pivoting (an 8×8 system)."""
    n = len(b)
    m = [[*row, rhs] for row, rhs in zip(a, b, strict=True)]
    for col in range(n):
        pivot = max(range(col, n), key=lambda r: abs(m[r][col]))
        if abs(m[pivot][col]) < 1e-12:
            raise ValueError("degenerate quadrilateral")
        m[col], m[pivot] = m[pivot], m[col]
        for r in range(n):
            if r != col:
                f = m[r][col] / m[col][col]
                m[r] = [vr - f * vc for vr, vc in zip(m[r], m[col], strict=True)]
    return [m[i][n] / m[i][i] for i in range(n)]


def project(coeffs: Sequence[float], x: float, y: float) -> Point:
    """Apply perspective ``coeffs`` (as Pillow does) to one point."""
    a, b, c, d, e, f, g, h = coeffs
    w = g * x + h * y + 1
    return (a * x + b * y + c) / w, (d * x + e * y + f) / w
