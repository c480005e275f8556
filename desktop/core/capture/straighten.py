"""Straighten a found document: undo the perspective, restore its true aspect, keep a margin.

The true aspect comes from the outline itself (Zhang & He's rectangle-from-perspective estimate
with the principal point at the picture's centre), then snaps to a known document size
(resources/capture.json "documents": ID card 85.6×54 mm, A4/A5) when it is close.
Only the photo's own pixels are resampled, once; where the margin would run past the photo's
edge it shrinks (a document cut off by the photo keeps its cut: white shows what is missing).
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from typing import Any

from PIL import Image

from desktop.core import rules
from desktop.core.capture import geometry as geo
from desktop.core.capture.detect import opencv
from desktop.core.capture.geometry import Quad

WHITE = (255, 255, 255)


@dataclass(frozen=True)
class Plan:
    """What the warp will produce: output size, the document's box in it, its kind."""

    corners: Quad  # in the source picture
    size: tuple[int, int]
    box: tuple[float, float, float, float]  # document rectangle in the output (l, t, r, b)
    aspect: float  # width / height of the document
    kind: str | None  # key of "documents", or None when no known size matched

    def to_json(self) -> dict[str, Any]:
        return {"size": list(self.size), "aspect": round(self.aspect, 4), "kind": self.kind}


def _cfg() -> dict[str, Any]:
    return rules.load("capture")


def estimated_aspect(quad: Quad, frame: tuple[int, int]) -> float:
    """Width over height of the real rectangle seen as ``quad`` (Zhang & He 2007).

    >>> round(estimated_aspect(((10, 10), (170, 10), (170, 110), (10, 110)), (200, 150)), 3)
    1.6
    """
    cx, cy = frame[0] / 2, frame[1] / 2
    tl, tr, br, bl = ((x - cx, y - cy, 1.0) for x, y in quad)
    m1, m2, m3, m4 = tl, tr, bl, br
    k2 = _dot(_cross(m1, m4), m3) / _dot(_cross(m2, m4), m3)
    k3 = _dot(_cross(m1, m4), m2) / _dot(_cross(m3, m4), m2)
    n2 = tuple(k2 * a - b for a, b in zip(m2, m1, strict=True))
    n3 = tuple(k3 * a - b for a, b in zip(m3, m1, strict=True))
    f2 = None
    if abs(n2[2] * n3[2]) > 1e-9:
        f2 = -(n2[0] * n3[0] + n2[1] * n3[1]) / (n2[2] * n3[2])
    if f2 is None or f2 <= 0:
        num, den = n2[0] ** 2 + n2[1] ** 2, n3[0] ** 2 + n3[1] ** 2
    else:
        num = (n2[0] ** 2 + n2[1] ** 2) / f2 + n2[2] ** 2
        den = (n3[0] ** 2 + n3[1] ** 2) / f2 + n3[2] ** 2
    if den <= 0 or num <= 0:
        width, height = geo.side_lengths(quad)
        return width / height
    return math.sqrt(num / den)


def _cross(a: tuple[float, ...], b: tuple[float, ...]) -> tuple[float, float, float]:
    return (a[1] * b[2] - a[2] * b[1], a[2] * b[0] - a[0] * b[2], a[0] * b[1] - a[1] * b[0])


def _dot(a: tuple[float, ...], b: tuple[float, ...]) -> float:
    return sum(x * y for x, y in zip(a, b, strict=True))


def known_kind(aspect: float) -> tuple[str | None, float]:
    """The known document whose aspect (either way round) is nearest, if within tolerance.

    >>> known_kind(1.57), known_kind(0.70)[0], known_kind(1.0)
    (('id_card', 1.5852), 'iso_a', (None, 1.0))
    """
    cfg = _cfg()
    best, best_err = None, cfg["aspect_tolerance"]
    for name, spec in cfg["documents"].items():
        if name.startswith("_"):
            continue
        w, h = spec["mm"]
        true = w / h if aspect >= 1 else h / w
        err = abs(aspect / true - 1)
        if err < best_err:
            best, best_err = (name, round(true, 4)), err
    return best if best else (None, aspect)


def plan(corners: Quad, frame: tuple[int, int], *, max_long_side: int | None = None) -> Plan:
    """Output size and document box for straightening ``corners`` of a ``frame``-sized photo."""
    cfg = _cfg()["straighten"]
    kind, aspect = known_kind(estimated_aspect(corners, frame))
    width, height = geo.side_lengths(corners)
    long_side = min(max(width, height), max_long_side or cfg["max_long_side"])
    doc_w, doc_h = (
        (long_side, long_side / aspect) if aspect >= 1 else (long_side * aspect, long_side)
    )
    margin = _margin(corners, frame, (doc_w, doc_h), cfg["margin"] * long_side)
    size = (round(doc_w + 2 * margin), round(doc_h + 2 * margin))
    box = (margin, margin, margin + doc_w, margin + doc_h)
    return Plan(corners, size, box, aspect, kind)


def _margin(corners: Quad, frame: tuple[int, int], doc: tuple[float, float], want: float) -> float:
    """The widest margin up to ``want`` whose outer corners still fall inside the photo."""
    doc_w, doc_h = doc
    coeffs = geo.perspective_coefficients(corners, ((0, 0), (doc_w, 0), (doc_w, doc_h), (0, doc_h)))
    margin = want
    for _ in range(6):
        outer = ((-margin, -margin), (doc_w + margin, -margin),
                 (doc_w + margin, doc_h + margin), (-margin, doc_h + margin))  # fmt: skip
        if all(_inside(geo.project(coeffs, x, y), frame) for x, y in outer):
            return margin
        margin /= 2
    return 0.0


def _inside(p: geo.Point, frame: tuple[int, int]) -> bool:
    return -0.5 <= p[0] <= frame[0] + 0.5 and -0.5 <= p[1] <= frame[1] + 0.5


def warp(image: Any, layout: Plan, scale: float = 1.0) -> Image.Image:
    """Resample ``image`` once into the plan's output (``scale``: image pixels per plan pixel
    of the source, when the image was decoded reduced). ``image`` is a Pillow image, or an
    OpenCV BGR array (see :func:`desktop.core.capture.files.decode_for_warp`)."""
    left, top, right, bottom = layout.box
    src = geo.scaled(layout.corners, scale)
    dst = ((left, top), (right, top), (right, bottom), (left, bottom))
    cv2 = opencv()
    if not isinstance(image, Image.Image):
        h, w = image.shape[:2]
        box, src = _crop_box((w, h), src, dst, layout.size)
        bgr = image[box[1] : box[3], box[0] : box[2]]
        out = _warp_array(cv2, bgr, src, dst, layout.size)
        return Image.fromarray(cv2.cvtColor(out, cv2.COLOR_BGR2RGB))
    box, src = _crop_box(image.size, src, dst, layout.size)
    if box != (0, 0, *image.size):
        image = image.crop(box)
    if cv2 is not None:
        import numpy as np

        return Image.fromarray(
            _warp_array(cv2, np.asarray(image.convert("RGB")), src, dst, layout.size)
        )
    coeffs = geo.perspective_coefficients(src, dst)
    return image.convert("RGB").transform(
        layout.size, Image.Transform.PERSPECTIVE, coeffs, Image.Resampling.BILINEAR, fillcolor=WHITE
    )


def _crop_box(frame: tuple[int, int], src: Quad, dst: Quad, size: tuple[int, int]) -> tuple:
    """The part of a ``frame``-sized picture the output reads from (less to copy and to
    resample), and ``src`` moved into it."""
    back = geo.perspective_coefficients(src, dst)
    w, h = size
    outer = [geo.project(back, x, y) for x, y in ((0, 0), (w, 0), (w, h), (0, h))]
    box = (
        max(0, math.floor(min(p[0] for p in outer)) - 2),
        max(0, math.floor(min(p[1] for p in outer)) - 2),
        min(frame[0], math.ceil(max(p[0] for p in outer)) + 2),
        min(frame[1], math.ceil(max(p[1] for p in outer)) + 2),
    )
    if box[2] - box[0] < 2 or box[3] - box[1] < 2:
        return (0, 0, *frame), src
    moved = tuple((x - box[0], y - box[1]) for x, y in src)
    return box, moved


def _warp_array(cv2: Any, array: Any, src: Quad, dst: Quad, size: tuple[int, int]) -> Any:
    """One bilinear resampling (the output is about the source's scale: no aliasing)."""
    import numpy as np

    matrix = cv2.getPerspectiveTransform(np.float32(src), np.float32(dst))
    return cv2.warpPerspective(
        array, matrix, size, flags=cv2.INTER_LINEAR,
        borderMode=cv2.BORDER_CONSTANT, borderValue=WHITE,
    )  # fmt: skip


def straighten(
    image: Image.Image, corners: Quad, *, max_long_side: int | None = None
) -> Image.Image:
    """``image`` with the document at ``corners`` made straight, upright-edged and cropped."""
    return warp(image, plan(corners, image.size, max_long_side=max_long_side))
