"""Find the document in a photo: its four corners, tilt, and whether every border is in frame.

Two paths, the same answer shape (:class:`Outline`):

* **OpenCV** (``ocr`` extra): colour distance from the background (Lab, sampled on the frame
  band) thresholded by Otsu, the largest connected component, and a second candidate from Canny
  edges; the candidate whose sides best follow strong edges wins. Finds documents on textured
  wood, on paper of a different tone, on dark desks, and low-contrast ones that still show an
  edge; tolerates clutter elsewhere in the picture.
* **Pillow only** (no numpy needed): the same background distance thresholded by Otsu, the
  blob under the picture's centre (flood fill), its convex hull. Finds a document that differs in
  tone from a fairly even background; clutter touching the document or a document the same tone
  as its background defeats it (then no outline: callers keep the whole picture).

Both reduce the outline to four corners by dropping the hull vertices that cost the least area,
then fit a straight line to each side's points (ignoring the rounded ends) and intersect them, so
rounded card corners land on the true corner.
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

    def cut_edges(self, min_margin: float = 0.004, opposite: float = 0.03) -> list[str]:
        """Frame edges the document runs into while it visibly ends inside the frame on the
        opposite side: a photo whose framing cut the border off. A tight scan, which fills
        the frame on both sides, is not called cut (nothing shows that anything is missing)."""
        gaps = self.margins()
        facing = {"top": "bottom", "bottom": "top", "left": "right", "right": "left"}
        return [e for e in self.touching(min_margin) if gaps[facing[e]] >= opposite]

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
    grey = image.convert("L")
    if max(grey.size) > cfg["refine_long_side"]:
        grey = grey.reduce(math.ceil(max(grey.size) / cfg["refine_long_side"]))
    g = grey.width / image.width
    sharp = snap_to_edges(grey.filter(ImageFilter.GaussianBlur(1)), geo.scaled(rough, g))
    corners = geo.scaled(sharp, 1 / g) if sharp else rough
    return Outline(corners, image.size, found.method, found.score)  # type: ignore[arg-type]


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


def snap_to_edges(grey: Image.Image, quad: Quad, positions: int = 24) -> Quad | None:
    """Move each side of ``quad`` onto the strongest tone step across it (searched within
    ``side_tolerance`` of the picture's diagonal), fit lines, intersect them."""
    reach = max(3, round(_rules()["snap_reach"] * math.hypot(*grey.size)))
    snap_noise = _rules()["snap_noise"]
    w, h = grey.size
    pixels = grey.load()
    lines = []
    for i in range(4):
        a, b = quad[i], quad[(i + 1) % 4]
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
            strongest = max(steps.values(), default=0)
            noise = statistics.median(steps.values()) if steps else 0
            if strongest >= max(12, snap_noise * noise):
                # the outermost strong step: the card's edge, not its frame line; above the
                # noise of the profile (a faint edge on a grainy desk)
                level = max(0.4 * strongest, 0.5 * snap_noise * noise)
                s = max(s for s, v in steps.items() if v >= level)
                found.append((px + s * nx, py + s * ny))
        line = _robust_line(found)
        if line is None:
            return None
        lines.append(line)
    corners = [geo.intersect(lines[i - 1], lines[i]) for i in range(4)]
    if any(c is None for c in corners):
        return None
    snapped = geo.order_corners(corners)  # type: ignore[arg-type]
    if max(geo.distance(p, q) for p, q in zip(snapped, quad, strict=True)) > 3 * reach:
        return None
    return snapped


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
    rough = geo.reduce_to_quad(hull)
    if rough is None:
        return None
    quad = geo.order_corners(rough)
    quad = refine(quad, points, frame) or quad
    return quad if plausible(quad) else None


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


def side_support(quad: Quad, points: set[tuple[int, int]], step: float = 2.0) -> float:
    """Share of positions along the outline that have a boundary point within 2 px."""
    hits = total = 0
    for i in range(4):
        a, b = quad[i], quad[(i + 1) % 4]
        n = max(2, int(geo.distance(a, b) / step))
        for k in range(n):
            x = a[0] + (b[0] - a[0]) * k / n
            y = a[1] + (b[1] - a[1]) * k / n
            total += 1
            hits += any((round(x) + ox, round(y) + oy) in points for ox, oy in _NEAR)
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
    blurred = rgb.filter(ImageFilter.GaussianBlur(1.5))
    distance = _background_distance(blurred)
    level = max(otsu(_clipped(distance.histogram())), _rules()["min_threshold"])
    mask = distance.point(lambda v: 255 if v > level else 0)
    mask = mask.filter(ImageFilter.MinFilter(3)).filter(ImageFilter.MaxFilter(3))  # speckle off
    blob = _central_blob(mask)
    if blob is None:
        return None
    points = _boundary(blob)
    quad = quad_from_points(points, rgb.size)
    if quad is None or not whole_document(rgb, quad):
        return None
    score = side_support(quad, set(points))
    return Outline(quad, rgb.size, "pillow", score)


def _background_distance(rgb: Image.Image) -> Image.Image:
    """Per pixel, the largest channel difference from the frame band's median colour."""
    w, h = rgb.size
    band = max(2, round(_rules()["border_strip"] * min(w, h)))
    strips = [(0, 0, w, band), (0, h - band, w, h), (0, 0, band, h), (w - band, 0, w, h)]
    bands = [rgb.crop(box) for box in strips]
    colour = tuple(median_level(sum_hist(b.getchannel(c) for b in bands)) for c in range(3))
    diff = ImageChops.difference(rgb, Image.new("RGB", rgb.size, colour))
    r, g, b = diff.split()
    return ImageChops.lighter(r, ImageChops.lighter(g, b))


def _clipped(hist: Sequence[int]) -> list[int]:
    """The histogram with every level above ``clip_distance`` counted at it: ink and seals, far
    from the background, must not pull Otsu's split away from the paper-vs-desk step."""
    cap = _rules()["clip_distance"]
    return [*hist[:cap], sum(hist[cap:]), *([0] * (255 - cap))]


def fit_background(samples: Sequence[tuple[float, float, Sequence[float]]]) -> list[Point3]:
    """Per channel, the plane ``a + bx * x + by * y`` through the desk's colour samples
    ((x, y, colour) along the frame band), refitted on the share ``band_inliers`` that fit it
    best, twice: stretches of band that the document covers do not tilt it."""
    keep = list(samples)
    share = _rules()["band_inliers"]
    planes = _planes(keep)
    for _ in range(2):
        ranked = sorted(samples, key=lambda s: _residual(planes, s))
        keep = ranked[: max(3, round(share * len(ranked)))]
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
    best: Outline | None = None
    candidates = [lambda lv=lv: _cv_mask_points(cv2, np, distance, lv) for lv in levels]
    candidates.append(lambda: _cv_edge_points(cv2, np, edges))
    for points_of in candidates:
        points = points_of()
        if points is None or len(points) < 8:
            continue
        quad = quad_from_points(points, rgb.size)
        if quad is None or not whole_document(rgb, quad):
            continue
        score = side_support(quad, edge_points)
        if best is None or score > best.score + 0.1:
            best = Outline(quad, rgb.size, "opencv", score)
        if best.score >= 0.8:
            break
    return best


def _levels(hist: Sequence[int], band_median: float) -> list[int]:
    """Thresholds to try on a distance picture: Otsu's split (ink clipped), and a lower one set
    by the desk's own noise (the frame band's median distance) when Otsu's is well above it."""
    cfg = _rules()
    level = max(otsu(_clipped(hist)), cfg["min_threshold"])
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
    """Median colours of short stretches of the frame band: (x, y, colour) at their centres."""
    h, w = lab.shape[:2]
    band = max(2, round(_rules()["border_strip"] * min(w, h)))
    n = _rules()["band_segments"]
    out = []
    for k in range(n):
        x0, x1 = w * k // n, w * (k + 1) // n
        y0, y1 = h * k // n, h * (k + 1) // n
        for box in (
            (x0, 0, x1, band),
            (x0, h - band, x1, h),
            (0, y0, band, y1),
            (w - band, y0, w, y1),
        ):
            patch = lab[box[1] : box[3], box[0] : box[2]].reshape(-1, 3)
            out.append(((box[0] + box[2]) / 2, (box[1] + box[3]) / 2, np.median(patch, axis=0)))
    return out


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
