"""Find the document in a photo: its four corners, tilt, and whether every border is in frame.

Two paths, the same answer shape (:class:`Outline`):

* **OpenCV** (``ocr`` extra): colour distance (Lab) from the desk, the desk's colour a plane
  fitted to the frame band (uneven light); cut at Otsu's level and, on an even desk, at the
  desk's own noise level (a pale card on a pale desk); the largest outline whose sides follow
  Canny edges (thresholds just above the desk's gradient noise) wins; the largest edge-closed
  region only when no cut gives one. Finds documents on textured wood, on white paper, on dark
  desks, pale on pale, and partly out of frame; tolerates clutter elsewhere in the picture.
* **Pillow only** (no numpy needed): the same distance from the fitted desk colour (RGB), the
  same two cuts, the blob under the picture's centre (flood fill). Finds the same generated
  documents; clutter touching the document, or a textured desk the document's own tone,
  defeats it (then no outline: callers keep the whole picture).

Both reduce the blob's hull to four corners (cutting or extending corners, whichever follows
the points), fit a straight line to each side's points (ignoring the rounded ends) and
intersect them, so rounded card corners land on the true corner. A blob that runs along the
frame is outlined from its visible sides instead (:mod:`desktop.core.capture.cut`): the outline
may then reach past the picture, ``Outline.visible()`` is its part inside, ``crossed()`` the
frame edges it runs past. The corners are last snapped to the edge at up to
``refine_long_side``. An outline that does not follow its edges is refused, not guessed.
"""

from __future__ import annotations

import math
import statistics
from collections.abc import Sequence
from dataclasses import dataclass
from functools import cache
from typing import Any

from PIL import Image, ImageChops, ImageDraw, ImageFilter

from desktop.core import rules
from desktop.core.capture import cut
from desktop.core.capture import geometry as geo
from desktop.core.capture.geometry import Point, Quad

Point3 = tuple[float, float, float]

EDGES = ("top", "right", "bottom", "left")


@dataclass(frozen=True)
class Outline:
    """A found document: ``corners`` (tl, tr, br, bl) in the pixels of the picture given."""

    corners: Quad
    frame: tuple[int, int]  # width, height of that picture
    method: str  # "opencv" or "pillow"
    score: float  # share of the outline's sides that follow a strong edge or the mask (0..1)

    @property
    def angle(self) -> float:
        """Tilt of the top edge in degrees (clockwise positive)."""
        (x1, y1), (x2, y2) = self.corners[0], self.corners[1]
        return round(math.degrees(math.atan2(y2 - y1, x2 - x1)), 2)

    @property
    def portrait(self) -> bool:
        width, height = geo.side_lengths(self.corners)
        return height > width

    def margins(self) -> dict[str, float]:
        """Per frame edge, the gap between the document and the edge, as a share of the frame
        (negative when a corner lies outside)."""
        w, h = self.frame
        xs, ys = [p[0] for p in self.corners], [p[1] for p in self.corners]
        return {
            "top": round(min(ys) / h, 4),
            "right": round((w - max(xs)) / w, 4),
            "bottom": round((h - max(ys)) / h, 4),
            "left": round(min(xs) / w, 4),
        }

    def touching(self, min_margin: float = 0.004) -> list[str]:
        """Frame edges the outline touches or runs past."""
        return [edge for edge, gap in self.margins().items() if gap < min_margin]

    def visible(self) -> list[Point]:
        """The part of the document inside the picture: the outline clipped by the frame (a
        document running past the frame ends, in the picture, along the frame edge)."""
        return geo.clip_polygon(self.corners, self.frame)

    def crossed(self, min_run: float | None = None) -> list[str]:
        """Frame edges the document runs past: its visible outline follows the edge for at
        least ``min_run`` of that edge's length (a corner merely touching it does not count)."""
        share = _rules()["min_cut_run"] if min_run is None else min_run
        w, h = self.frame
        lines = {"top": (1, 0.0, w), "bottom": (1, h, w), "left": (0, 0.0, h), "right": (0, w, h)}
        near = _rules()["frame_tolerance"] * max(w, h)  # a reduced copy's last pixel, scaled up
        run = dict.fromkeys(EDGES, 0.0)
        polygon = self.visible()
        for i, p in enumerate(polygon):
            q = polygon[(i + 1) % len(polygon)]
            for edge, (axis, at, length) in lines.items():
                if abs(p[axis] - at) <= near and abs(q[axis] - at) <= near:
                    run[edge] += geo.distance(p, q) / length
        return [edge for edge in EDGES if run[edge] >= share]

    def cut_edges(self, opposite: float = 0.03) -> list[str]:
        """Frame edges the document runs past while it visibly ends inside the frame on the
        opposite side: a photo whose framing cut the border off. A tight scan, which fills
        the frame on both sides, is not called cut (nothing shows that anything is missing)."""
        gaps = self.margins()
        facing = {"top": "bottom", "bottom": "top", "left": "right", "right": "left"}
        return [e for e in self.crossed() if gaps[facing[e]] >= opposite]

    def cut_off(self) -> list[str]:
        """The edges to name as cut (IMAGE_CROPPED, straighten's CUT_OFF): every edge the
        document runs past, once it visibly ends inside the frame facing one of them."""
        return self.crossed() if self.cut_edges() else []

    def coverage(self) -> float:
        """The document's longer side over the frame's shorter side."""
        return round(max(geo.side_lengths(self.corners)) / min(self.frame), 4)

    def scaled(self, factor: float, frame: tuple[int, int]) -> Outline:
        return Outline(geo.scaled(self.corners, factor), frame, self.method, self.score)

    def to_json(self) -> dict[str, Any]:
        return {
            "corners": [[round(x, 1), round(y, 1)] for x, y in self.corners],
            "method": self.method,
            "score": round(self.score, 3),
            "angle": self.angle,
            "margins": self.margins(),
            "visible": [[round(x, 1), round(y, 1)] for x, y in self.visible()],
            "crossed": self.crossed(),
        }


def edge_params(edges: list[str]) -> dict[str, str]:
    """``edges`` named for a message: ``{"edges": "top, right", "edges_zh": "上、右"}``."""
    names = rules.load("capture")["edge_names"]
    return {
        "edges": ", ".join(names[e]["en"] for e in edges),
        "edges_zh": "、".join(names[e]["zh"] for e in edges),
    }


def _rules() -> dict[str, Any]:
    return rules.load("capture")["detect"]


@cache
def opencv() -> Any:
    """The cv2 module, or None when the ``ocr`` extra is not installed."""
    try:
        import cv2
    except ImportError:
        return None
    cv2.setNumThreads(1)  # detection is small; the app's workers are the parallelism
    return cv2


def find_document(image: Image.Image, *, method: str | None = None) -> Outline | None:
    """The document's outline in ``image`` (any mode), or None when none stands out.

    ``method`` forces "opencv" or "pillow"; by default OpenCV when it imports.
    """
    use_cv = method == "opencv" or (method is None and opencv() is not None)
    cfg = _rules()
    long_side = cfg["opencv_long_side"] if use_cv else cfg["pillow_long_side"]
    factor = min(1.0, long_side / max(image.size))
    small = image.convert("RGB")
    if factor < 1:
        size = (max(1, round(image.width * factor)), max(1, round(image.height * factor)))
        small = small.resize(size, Image.Resampling.BILINEAR, reducing_gap=2.0)
    found = _find_opencv(small) if use_cv else _find_pillow(small)
    if found is None or found.score < cfg["min_score"]:
        return None
    scale = image.width / small.width
    # pixel centres: small pixel i covers [i, i + 1) of the reduced picture
    rough = tuple(((x + 0.5) * scale, (y + 0.5) * scale) for x, y in found.corners)
    rgb = image.convert("RGB")
    if max(rgb.size) > cfg["refine_long_side"]:
        rgb = rgb.reduce(math.ceil(max(rgb.size) / cfg["refine_long_side"]))
    g = rgb.width / image.width
    # snapped on the distance from the desk's colour: a card on white paper differs from it
    # in hue more than in grey
    distance = _background_distance(rgb.filter(ImageFilter.GaussianBlur(1)))
    sharp, missed = snap_to_edges(distance, geo.scaled(rough, g))
    corners = geo.scaled(sharp, 1 / g) if sharp else rough
    outline = Outline(corners, image.size, found.method, found.score)  # type: ignore[arg-type]
    if missed and outline.crossed():
        return None  # a side of a cut-off document that shows no edge: refused, not guessed
    return outline


def whole_document(rgb: Image.Image, quad: Quad) -> bool:
    """Not a part of the document (its text block, its photo): little detail outside."""
    return detail_outside(rgb, quad) <= _rules()["max_detail_outside"]


def detail_outside(rgb: Image.Image, quad: Quad) -> float:
    """Strong edges (text, seals, frames) outside the outline over those inside it: near 0 for
    a document on a desk, high for an outline drawn around a part of a document."""
    edges = rgb.convert("L").filter(ImageFilter.GaussianBlur(1.2)).filter(ImageFilter.FIND_EDGES)
    edges = edges.point(lambda v: 255 if v >= _rules()["strong_edge"] else 0)
    w, h = rgb.size
    framed = Image.new("L", rgb.size, 0)  # the filter's own 1-px frame is no detail
    framed.paste(edges.crop((2, 2, w - 2, h - 2)), (2, 2))
    edges = framed
    inside = Image.new("L", rgb.size, 0)
    ImageDraw.Draw(inside).polygon([(x, y) for x, y in quad], fill=255)
    inside = inside.filter(ImageFilter.MaxFilter(5))  # the document's own border counts inside
    within = ImageChops.multiply(edges, inside).histogram()[255]
    outside = ImageChops.subtract(edges, inside).histogram()[255]
    return round(outside / max(within, 1), 3)


def snap_to_edges(grey: Image.Image, quad: Quad, positions: int = 24) -> tuple[Quad | None, int]:
    """Move each side of ``quad`` onto the outermost strong tone step across it (searched
    within ``snap_reach`` of the picture's diagonal), fit lines, intersect them. A side that
    finds no clear step keeps its line, as does one along the frame (the document runs on
    past it); only the part of a side inside the picture is searched. Also returns how many
    visible sides found no step."""
    reach = max(3, round(_rules()["snap_reach"] * math.hypot(*grey.size)))
    lines, missed = [], 0
    for i in range(4):
        a, b = quad[i], quad[(i + 1) % 4]
        rough = (a, _unit(a, b))
        visible = None if on_frame(a, b, grey.size) else geo.clip_segment(a, b, grey.size)
        if visible and geo.distance(*visible) < 4 * reach:
            visible = None  # a sliver inside the picture (a side pushed out past the frame)
        line = _snap_side(grey, visible, reach, positions) if visible else None
        if line is not None and _line_gap(line, visible) > reach:
            line = None  # moved or turned too far: it caught text or a shadow
        missed += bool(visible) and line is None
        lines.append(line or rough)
    corners = [geo.intersect(lines[i - 1], lines[i]) for i in range(4)]
    if any(c is None for c in corners):
        return None, missed
    return geo.order_corners(corners), missed  # type: ignore[arg-type]


def on_frame(a: Point, b: Point, frame: tuple[int, int], tolerance: float = 1.5) -> bool:
    """Both ends on the same edge of the picture: a side that is the frame, not the document."""
    w, h = frame
    return any(
        abs(a[k] - edge) <= tolerance and abs(b[k] - edge) <= tolerance
        for k, edge in ((0, 0), (0, w), (1, 0), (1, h), (0, w - 1), (1, h - 1))
    )


def _line_gap(line: tuple[Point, Point], segment: tuple[Point, Point]) -> float:
    """How far ``line`` passes from the ends of ``segment`` (the larger)."""
    (mx, my), (dx, dy) = line
    return max(abs((x - mx) * dy - (y - my) * dx) for x, y in segment)


def _snap_side(
    grey: Image.Image, segment: tuple[Point, Point], reach: int, positions: int
) -> tuple[Point, Point] | None:
    pixels = grey.load()
    w, h = grey.size
    snap_noise = _rules()["snap_noise"]
    a, b = segment
    dx, dy = _unit(a, b)
    nx, ny = dy, -dx
    found = []
    for k in range(positions):
        t = 0.12 + 0.76 * k / (positions - 1)
        px, py = a[0] + (b[0] - a[0]) * t, a[1] + (b[1] - a[1]) * t
        steps = {}
        for s in range(-reach, reach + 1):
            x0, y0 = round(px + (s - 1) * nx), round(py + (s - 1) * ny)
            x1, y1 = round(px + (s + 1) * nx), round(py + (s + 1) * ny)
            if 0 <= x0 < w and 0 <= y0 < h and 0 <= x1 < w and 0 <= y1 < h:
                steps[s] = abs(pixels[x1, y1] - pixels[x0, y0])
        # the strongest step of the outer two thirds: text just inside a pale card's edge is
        # far stronger than the edge itself
        strongest = max((v for s, v in steps.items() if 3 * s >= -reach), default=0)
        noise = statistics.median(steps.values()) if steps else 0
        if strongest >= max(12, snap_noise * noise):
            # the outermost strong step: the card's edge, not its frame line; above the noise
            # of the profile (a faint edge on a grainy desk)
            level = max(0.4 * strongest, 0.5 * snap_noise * noise)
            s = _peak(steps, max(s for s, v in steps.items() if v >= level))
            found.append((px + s * nx, py + s * ny))
    return _robust_line(found)


def _peak(steps: dict[int, int], s: int) -> float:
    """From ``s`` inwards to the top of its step, then to a tenth of a pixel (a parabola through
    the top and its neighbours): the middle of the edge, not its outer skirt.

    >>> _peak({0: 2, 1: 10, 2: 14, 3: 10, 4: 5}, 4)
    2.0
    """
    while s - 1 in steps and steps[s - 1] >= steps[s]:
        s -= 1
    left, mid, right = steps.get(s - 1), steps[s], steps.get(s + 1)
    if left is None or right is None or left + right - 2 * mid >= 0:
        return float(s)
    return s + max(-0.5, min(0.5, 0.5 * (left - right) / (left + right - 2 * mid)))


def _robust_line(points: list[Point]) -> tuple[Point, Point] | None:
    """A line through the points, refitted without the quarter farthest from the first fit."""
    if len(points) < 6:
        return None
    line = geo.fit_line(points)
    (mx, my), (dx, dy) = line
    ranked = sorted(points, key=lambda p: abs((p[0] - mx) * dy - (p[1] - my) * dx))
    return geo.fit_line(ranked[: max(6, len(ranked) * 3 // 4)])


# --- shared: corners from boundary points ------------------------------------------------------


def quad_from_points(points: Sequence[Point], frame: tuple[int, int]) -> Quad | None:
    """Four refined corners around ``points`` (a blob's boundary), or None if degenerate."""
    hull = geo.convex_hull(points)
    if len(hull) < 4 or geo.area(hull) < _rules()["min_area"] * frame[0] * frame[1]:
        return None
    if cut.runs_past(hull, frame, _rules()["min_cut_run"]):  # the document goes on outside
        return cut.cut_quad(
            hull, points, frame,
            tolerance=_rules()["side_tolerance"] * math.hypot(*frame),
            min_side=_rules()["min_cut_side"] * min(frame),
            max_skew=_rules()["max_corner_skew"], area_ratio=_rules()["cut_area_ratio"],
        )  # fmt: skip
    # corners cut (the least area lost) or extended (the least area added): a rounded or
    # chipped corner can fool either; the one whose sides follow the points wins
    best, best_support = None, -1.0
    pixels = {(round(x), round(y)) for x, y in points}
    for rough in (geo.reduce_to_quad(hull), geo.circumscribe_quad(hull)):
        if rough is None:
            continue
        quad = geo.order_corners(rough)
        quad = refine(quad, points, frame) or quad
        if not plausible(quad):
            continue
        support = side_support(quad, pixels, frame, near=_NEAREST)
        if support > best_support:
            best, best_support = quad, support
    return best


def plausible(quad: Quad) -> bool:
    """Convex, every corner within ``max_corner_skew`` degrees of a right angle (a rectangle
    seen by a camera tilted up to 30°), and the hull of the points mostly filled by it.

    >>> plausible(((0, 0), (10, 0), (10, 6), (0, 6))), plausible(((0, 0), (10, 0), (4, 6), (0, 6)))
    (True, False)
    """
    skew = _rules()["max_corner_skew"]
    for i in range(4):
        a, b, c = quad[i - 1], quad[i], quad[(i + 1) % 4]
        v1, v2 = (a[0] - b[0], a[1] - b[1]), (c[0] - b[0], c[1] - b[1])
        norm = math.hypot(*v1) * math.hypot(*v2)
        if norm == 0:
            return False
        angle = math.degrees(math.acos(max(-1, min(1, (v1[0] * v2[0] + v1[1] * v2[1]) / norm))))
        if abs(angle - 90) > skew:
            return False
    return True


def refine(quad: Quad, points: Sequence[Point], frame: tuple[int, int]) -> Quad | None:
    """Fit a line to each side's points (middle 80 % of the side) and intersect neighbours."""
    tolerance = _rules()["side_tolerance"] * math.hypot(*frame)
    lines = []
    for i in range(4):
        a, b = quad[i], quad[(i + 1) % 4]
        near = _side_points(a, b, points, tolerance)
        line = geo.fit_line(near) if len(near) >= 8 else None
        lines.append(line or (a, _unit(a, b)))
    corners = []
    for i in range(4):
        p = geo.intersect(lines[i - 1], lines[i])
        if p is None:
            return None
        corners.append(p)
    refined = geo.order_corners(corners)
    # a refinement that moves a corner by more than the tolerance went wrong: keep the rough one
    if max(geo.distance(p, q) for p, q in zip(refined, quad, strict=True)) > 2 * tolerance:
        return None
    return refined


def _unit(a: Point, b: Point) -> Point:
    length = geo.distance(a, b) or 1.0
    return (b[0] - a[0]) / length, (b[1] - a[1]) / length


def _side_points(a: Point, b: Point, points: Sequence[Point], tolerance: float) -> list[Point]:
    dx, dy = _unit(a, b)
    length = geo.distance(a, b)
    near = []
    for x, y in points:
        rx, ry = x - a[0], y - a[1]
        t = rx * dx + ry * dy
        if 0.1 * length < t < 0.9 * length and abs(rx * dy - ry * dx) < tolerance:
            near.append((x, y))
    return near


# every offset within 2 px, nearest first (a 1-px edge line between even offsets counts too)
_NEAR = sorted(
    ((ox, oy) for ox in range(-2, 3) for oy in range(-2, 3)), key=lambda o: abs(o[0]) + abs(o[1])
)


_NEAREST = [(ox, oy) for ox in (-1, 0, 1) for oy in (-1, 0, 1)]


def side_support(
    quad: Quad,
    points: set[tuple[int, int]],
    frame: tuple[int, int],
    step: float = 2.0,
    near: Sequence = (),
) -> float:
    """Share of positions along the outline's visible sides that have a boundary point within
    2 px (or at the offsets ``near``). Visible: inside the ``frame``-sized picture, and not
    along its edge (where a document running past the frame has no edge to show)."""
    near = near or _NEAR
    hits = total = 0
    polygon = geo.clip_polygon(quad, (frame[0] - 1, frame[1] - 1))
    for i, a in enumerate(polygon):
        b = polygon[(i + 1) % len(polygon)]
        if cut.on_border(a, frame) and cut.on_border(a, frame) == cut.on_border(b, frame):
            continue
        n = max(2, int(geo.distance(a, b) / step))
        for k in range(n):
            x = a[0] + (b[0] - a[0]) * k / n
            y = a[1] + (b[1] - a[1]) * k / n
            total += 1
            hits += any((round(x) + ox, round(y) + oy) in points for ox, oy in near)
    return hits / max(total, 1)


def otsu(hist: Sequence[int]) -> int:
    """Otsu's threshold of a 256-bin histogram (the level that best splits two classes).

    >>> otsu([0] * 20 + [100] + [0] * 180 + [100] + [0] * 54)
    20
    """
    total = sum(hist)
    weighted = sum(i * h for i, h in enumerate(hist))
    best, best_var, w0, sum0 = 0, -1.0, 0, 0.0
    for level, count in enumerate(hist):
        w0 += count
        if w0 == 0 or w0 == total:
            continue
        sum0 += level * count
        m0, m1 = sum0 / w0, (weighted - sum0) / (total - w0)
        var = w0 * (total - w0) * (m0 - m1) ** 2
        if var > best_var:
            best, best_var = level, var
    return best


# --- Pillow only ----------------------------------------------------------------------------


def _find_pillow(rgb: Image.Image) -> Outline | None:
    """The blob under the centre that differs from the desk: cut at Otsu's level, then at the
    desk's noise level when that finds nothing whole."""
    blurred = rgb.filter(ImageFilter.GaussianBlur(1.5))
    distance = _background_distance(blurred)
    band = sum_hist(distance.crop(box) for box in band_boxes(distance.size))
    outlines = []
    for level in _levels(distance.histogram(), median_level(band)):
        mask = distance.point(lambda v, lv=level: 255 if v > lv else 0)
        mask = mask.filter(ImageFilter.MinFilter(3)).filter(ImageFilter.MaxFilter(3))  # speckle
        # and close: blurred text, about the desk's tone, must not cut the document in pieces
        mask = mask.filter(ImageFilter.MaxFilter(5)).filter(ImageFilter.MinFilter(5))
        blob = _central_blob(mask)
        if blob is None:
            continue
        points = _boundary(blob)
        quad = quad_from_points(points, rgb.size)
        if quad is None or not whole_document(rgb, quad):
            continue
        outlines.append(
            Outline(quad, rgb.size, "pillow", side_support(quad, set(points), rgb.size))
        )
    return pick(outlines)


def pick(outlines: Sequence[Outline | None]) -> Outline | None:
    """Of the outlines that follow their edges (``min_score``), the largest: a lower cut finds
    the whole document where a higher one found a part of it (its text block, its photo)."""
    valid = [o for o in outlines if o is not None and o.score >= _rules()["min_score"]]
    return max(valid, key=lambda o: geo.area(o.corners), default=None)


def band_boxes(size: tuple[int, int]) -> list[tuple[int, int, int, int]]:
    """The frame band (``border_strip`` of the shorter side) cut into ``band_segments``
    stretches per side: (left, top, right, bottom) boxes."""
    w, h = size
    band = max(2, round(_rules()["border_strip"] * min(w, h)))
    n = _rules()["band_segments"]
    boxes = []
    for k in range(n):
        x0, x1 = w * k // n, w * (k + 1) // n
        y0, y1 = h * k // n, h * (k + 1) // n
        boxes += [
            (x0, 0, x1, band),
            (x0, h - band, x1, h),
            (0, y0, band, y1),
            (w - band, y0, w, y1),
        ]
    return boxes


def _background_distance(rgb: Image.Image) -> Image.Image:
    """Per pixel, the largest channel difference from the desk's colour (a plane per channel
    fitted to the frame band: uneven light)."""
    samples = []
    for box in band_boxes(rgb.size):
        patch = rgb.crop(box)
        colour = tuple(median_level(patch.getchannel(c).histogram()) for c in range(3))
        samples.append(((box[0] + box[2]) / 2, (box[1] + box[3]) / 2, colour))
    diff = ImageChops.difference(rgb, background_picture(fit_background(samples), rgb.size))
    r, g, b = diff.split()
    return ImageChops.lighter(r, ImageChops.lighter(g, b))


def background_picture(planes: Sequence[Point3], size: tuple[int, int]) -> Image.Image:
    """The planes drawn as an RGB picture: computed on a grid of at most 64 cells a side,
    enlarged bilinearly (exact for a plane, but at the outermost half cell)."""
    w, h = size
    cell = max(1, math.ceil(max(w, h) / 64))
    gw, gh = max(2, w // cell), max(2, h // cell)
    xs = [(i + 0.5) * w / gw - 0.5 for i in range(gw)]
    ys = [(j + 0.5) * h / gh - 0.5 for j in range(gh)]
    grid = Image.new("RGB", (gw, gh))
    grid.putdata([
        tuple(max(0, min(255, round(a + bx * x + by * y))) for a, bx, by in planes)
        for y in ys for x in xs
    ])  # fmt: skip
    return grid.resize(size, Image.Resampling.BILINEAR)


def _clipped(hist: Sequence[int]) -> list[int]:
    """The histogram with every level above ``clip_distance`` counted at it: ink and seals, far
    from the background, must not pull Otsu's split away from the paper-vs-desk step."""
    cap = _rules()["clip_distance"]
    return [*hist[:cap], sum(hist[cap:]), *([0] * (255 - cap))]


def fit_background(samples: Sequence[tuple[float, float, Sequence[float]]]) -> list[Point3]:
    """Per channel, the plane ``a + bx * x + by * y`` through the desk's colour samples
    ((x, y, colour) along the frame band). It starts flat at their median colour (which holds
    while the document covers less than half the band) and is refitted three times on the
    samples within ``band_fit_cutoff`` (at least the first value, else the second times the
    median residual) of it: stretches of band that the document covers do not tilt it."""
    floor, factor = _rules()["band_fit_cutoff"]
    planes = [
        (float(statistics.median(s[2][c] for s in samples)), 0.0, 0.0)
        for c in range(len(samples[0][2]))
    ]
    for _ in range(3):
        residuals = [_residual(planes, s) for s in samples]
        cutoff = max(floor, factor * statistics.median(residuals))
        keep = [s for s, r in zip(samples, residuals, strict=True) if r <= cutoff]
        if len(keep) < 6:
            break
        planes = _planes(keep)
    return planes


def _residual(planes: list[Point3], sample: tuple[float, float, Sequence[float]]) -> float:
    x, y, colour = sample
    return max(
        abs(c - (a + bx * x + by * y)) for c, (a, bx, by) in zip(colour, planes, strict=True)
    )


def _planes(samples: Sequence[tuple[float, float, Sequence[float]]]) -> list[Point3]:
    """Least-squares plane per channel (normal equations, centred coordinates)."""
    n = len(samples)
    mx = sum(s[0] for s in samples) / n
    my = sum(s[1] for s in samples) / n
    sxx = sum((s[0] - mx) ** 2 for s in samples)
    syy = sum((s[1] - my) ** 2 for s in samples)
    sxy = sum((s[0] - mx) * (s[1] - my) for s in samples)
    det = sxx * syy - sxy * sxy
    planes = []
    for c in range(len(samples[0][2])):
        mc = sum(s[2][c] for s in samples) / n
        sxc = sum((s[0] - mx) * (s[2][c] - mc) for s in samples)
        syc = sum((s[1] - my) * (s[2][c] - mc) for s in samples)
        bx = (sxc * syy - syc * sxy) / det if abs(det) > 1e-9 else 0.0
        by = (syc * sxx - sxc * sxy) / det if abs(det) > 1e-9 else 0.0
        planes.append((mc - bx * mx - by * my, bx, by))
    return planes


def sum_hist(images: Any) -> list[int]:
    total = [0] * 256
    for im in images:
        total = [a + b for a, b in zip(total, im.histogram(), strict=True)]
    return total


def median_level(hist: Sequence[int]) -> int:
    """The grey level at which a 256-bin histogram reaches half its count."""
    half, running = sum(hist) / 2, 0
    for level, count in enumerate(hist):
        running += count
        if running >= half:
            return level
    return 255


def _central_blob(mask: Image.Image) -> Image.Image | None:
    """The mask's blob under the centre (or nearest to it), alone (Pillow's flood fill)."""
    seed = _seed(mask)
    if seed is None:
        return None
    filled = mask.copy()
    ImageDraw.floodfill(filled, seed, 128)
    return filled.point(lambda v: 255 if v == 128 else 0)


def _seed(mask: Image.Image) -> tuple[int, int] | None:
    w, h = mask.size
    cx, cy = w // 2, h // 2
    for radius in range(0, min(w, h) // 3, 4):
        for dx, dy in ((0, 0), (radius, 0), (-radius, 0), (0, radius), (0, -radius)):
            x, y = cx + dx, cy + dy
            if mask.getpixel((x, y)):
                return x, y
    return None


def _boundary(blob: Image.Image) -> list[Point]:
    """Coordinates of the blob's edge pixels (the blob minus its erosion; frame pixels too)."""
    w, h = blob.size
    framed = Image.new("L", (w + 2, h + 2), 0)
    framed.paste(blob, (1, 1))
    edge = ImageChops.subtract(framed, framed.filter(ImageFilter.MinFilter(3))).crop(
        (1, 1, w + 1, h + 1)
    )
    return [(i % w, i // w) for i, v in enumerate(edge.tobytes()) if v]


# --- OpenCV -----------------------------------------------------------------------------------


def _find_opencv(rgb: Image.Image) -> Outline | None:
    """The colour blob's outline (split from the desk by Otsu's level, then by the desk's own
    noise level for a document close to the desk's tone); the largest edge-closed region's
    instead when neither blob's sides follow edges."""
    import numpy as np

    cv2 = opencv()
    array = np.asarray(rgb)
    edges = _cv_edges(cv2, np, array)
    distance = _cv_distance(cv2, np, array)
    levels = _levels(
        np.bincount(distance.ravel(), minlength=256).tolist(), int(np.median(_band(np, distance)))
    )
    edge_points = {(int(x), int(y)) for y, x in zip(*np.nonzero(edges), strict=True)}

    def outline(points: list[Point] | None) -> Outline | None:
        if points is None or len(points) < 8:
            return None
        quad = quad_from_points(points, rgb.size)
        if quad is None or not whole_document(rgb, quad):
            return None
        return Outline(quad, rgb.size, "opencv", side_support(quad, edge_points, rgb.size))

    masks = [outline(_cv_mask_points(cv2, np, distance, level)) for level in levels]
    return pick([o for o in masks if o]) or pick([outline(_cv_edge_points(cv2, np, edges))])


def _levels(hist: Sequence[int], band_median: float) -> list[int]:
    """Thresholds to try on a distance picture: Otsu's split (ink clipped), and a lower one set
    by the desk's own noise (the frame band's median distance) when Otsu's is well above it
    and the desk is even."""
    cfg = _rules()
    level = max(otsu(_clipped(hist)), cfg["min_threshold"])
    if band_median > cfg["max_noise_median"]:  # a textured desk (wood): its grain would count
        return [level]
    noise = max(round(cfg["noise_factor"] * band_median), cfg["min_noise_threshold"])
    return [level, noise] if noise < level - 2 else [level]


def _cv_edges(cv2: Any, np: Any, array: Any) -> Any:
    """Canny edges; on an even desk the thresholds come down to just above the desk's own
    gradient noise (the frame band's 90th percentile), so a faint document edge shows."""
    cfg = _rules()
    grey = cv2.GaussianBlur(cv2.cvtColor(array, cv2.COLOR_RGB2GRAY), (5, 5), 0)
    high, _ = cv2.threshold(grey, 0, 255, cv2.THRESH_BINARY + cv2.THRESH_OTSU)
    gradient = np.abs(cv2.Sobel(grey, cv2.CV_32F, 1, 0)) + np.abs(cv2.Sobel(grey, cv2.CV_32F, 0, 1))
    noise = float(np.percentile(_band(np, gradient), 90))
    upper = min(max(30, 0.5 * high), max(cfg["canny_floor"], cfg["canny_noise_factor"] * noise))
    return cv2.Canny(grey, max(10, cfg["canny_low_share"] * upper), upper)


def _band(np: Any, picture: Any) -> Any:
    """The frame band's values (``border_strip`` of the shorter side) as one flat array."""
    h, w = picture.shape[:2]
    band = max(2, round(_rules()["border_strip"] * min(w, h)))
    return np.concatenate([picture[:band].ravel(), picture[-band:].ravel(),
                           picture[:, :band].ravel(), picture[:, -band:].ravel()])  # fmt: skip


def _cv_distance(cv2: Any, np: Any, array: Any) -> Any:
    """Per pixel, the largest Lab channel difference from the desk's colour, fitted as a
    plane to the frame band (uneven light: one side of the desk brighter than the other)."""
    lab = cv2.cvtColor(cv2.GaussianBlur(array, (5, 5), 0), cv2.COLOR_RGB2LAB).astype(np.float32)
    h, w = lab.shape[:2]
    samples = [(x, y, tuple(c)) for x, y, c in _band_samples(np, lab)]
    planes = fit_background(samples)
    ys, xs = np.mgrid[0:h, 0:w].astype(np.float32)
    diff = [np.abs(lab[..., c] - (a + bx * xs + by * ys)) for c, (a, bx, by) in enumerate(planes)]
    return np.maximum(np.maximum(diff[0], diff[1]), diff[2]).clip(0, 255).astype(np.uint8)


def _band_samples(np: Any, lab: Any) -> list:
    """Median colours of the frame band's stretches: (x, y, colour) at their centres."""
    h, w = lab.shape[:2]
    return [
        ((x0 + x1) / 2, (y0 + y1) / 2, np.median(lab[y0:y1, x0:x1].reshape(-1, 3), axis=0))
        for x0, y0, x1, y1 in band_boxes((w, h))
    ]


def _cv_mask_points(cv2: Any, np: Any, distance: Any, level: int) -> list[Point] | None:
    """Boundary of the largest blob farther than ``level`` from the desk's colour."""
    mask = (distance > level).astype(np.uint8) * 255
    kernel = np.ones((5, 5), np.uint8)
    mask = cv2.morphologyEx(cv2.morphologyEx(mask, cv2.MORPH_OPEN, kernel), cv2.MORPH_CLOSE, kernel)
    return _largest_contour(cv2, mask)


def _cv_edge_points(cv2: Any, np: Any, edges: Any) -> list[Point] | None:
    """Boundary of the largest region closed by edges (for low-contrast documents)."""
    closed = cv2.dilate(edges, np.ones((3, 3), np.uint8), iterations=2)
    return _largest_contour(cv2, closed)


def _largest_contour(cv2: Any, mask: Any) -> list[Point] | None:
    contours, _ = cv2.findContours(mask, cv2.RETR_EXTERNAL, cv2.CHAIN_APPROX_NONE)
    if not contours:
        return None
    biggest = max(contours, key=cv2.contourArea)
    return [(float(x), float(y)) for x, y in biggest.reshape(-1, 2)]
