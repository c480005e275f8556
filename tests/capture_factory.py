"""Generated phone photos of a document lying on a desk, with the true corners (nothing downloaded).

``desk_photo(background, seed)`` draws the identity card of :mod:`tests.images_factory` (or a
licence page) seen by a tilted camera (perspective up to 30°) on wood, white paper, a dark desk,
a surface almost the card's own colour, or partly out of frame; it returns the picture and the
corners where the document's own corners landed (tl, tr, br, bl of the upright document).
"""

from __future__ import annotations

import math
import random
from dataclasses import dataclass

from PIL import Image, ImageChops, ImageDraw, ImageFilter

from desktop.core.capture import geometry as geo
from tests import images_factory as f

BACKGROUNDS = ("wood", "paper", "dark", "low_contrast", "cut_off")


@dataclass
class Sample:
    image: Image.Image
    corners: geo.Quad  # where the document's tl, tr, br, bl are in ``image`` (may be outside)
    background: str
    tilt: float  # camera tilt, degrees


def surface(kind: str, size: tuple[int, int], rnd: random.Random) -> Image.Image:
    """A desk surface: wood grain, white paper, a dark desk, or pale blue-grey (low contrast)."""
    w, h = size
    if kind == "wood":
        big = (w + h, w + h)  # drawn larger, turned, then cropped: no empty corners
        base = Image.new("RGB", big, (150, 104, 62))
        draw = ImageDraw.Draw(base)
        y = 0.0
        while y < big[1]:
            tone = rnd.randint(-28, 18)
            width = rnd.uniform(2, 9)
            tint = (150 + tone, 104 + tone, 62 + tone // 2)
            draw.rectangle((0, y, big[0], y + width), fill=tint)
            y += width + rnd.uniform(2, 14)
        base = base.rotate(rnd.uniform(-8, 8), resample=Image.Resampling.BILINEAR)
        left, top = (big[0] - w) // 2, (big[1] - h) // 2
        return base.crop((left, top, left + w, top + h)).filter(ImageFilter.GaussianBlur(1.2))
    colours = {
        "paper": (244, 243, 238),
        "dark": (38, 40, 46),
        "low_contrast": (214, 224, 233),
        "cut_off": (120, 124, 130),
    }
    return Image.new("RGB", size, colours[kind])


def corners_for(
    doc: tuple[int, int], frame: tuple[int, int], rnd: random.Random, *, fill: float, tilt: float
) -> geo.Quad:
    """Where a ``doc``-sized rectangle's corners land for a camera tilted by ``tilt`` degrees
    (about a random axis in the table's plane), turned in-plane and centred at ``fill`` size."""
    w, h = doc
    spin = math.radians(rnd.uniform(-25, 25))
    axis = rnd.uniform(0, math.pi)
    t = math.radians(tilt)
    pts3 = []
    for x, y in ((-w / 2, -h / 2), (w / 2, -h / 2), (w / 2, h / 2), (-w / 2, h / 2)):
        x, y = x * math.cos(spin) - y * math.sin(spin), x * math.sin(spin) + y * math.cos(spin)
        # tilt about the axis (cos axis, sin axis, 0): the point rises/falls towards the camera
        along = x * math.cos(axis) + y * math.sin(axis)
        across = -x * math.sin(axis) + y * math.cos(axis)
        z = across * math.sin(t)
        across *= math.cos(t)
        pts3.append(
            (along * math.cos(axis) - across * math.sin(axis),
             along * math.sin(axis) + across * math.cos(axis), z)
        )  # fmt: skip
    focal = 1.2 * max(w, h)
    projected = [(x * focal / (focal + z), y * focal / (focal + z)) for x, y, z in pts3]
    span = max(max(p[0] for p in projected) - min(p[0] for p in projected), 1)
    span_y = max(max(p[1] for p in projected) - min(p[1] for p in projected), 1)
    scale = fill * min(frame[0] / span, frame[1] / span_y)
    cx, cy = frame[0] / 2 + rnd.uniform(-0.04, 0.04) * frame[0], frame[1] / 2
    return tuple((cx + x * scale, cy + y * scale) for x, y in projected)  # type: ignore[return-value]


def desk_photo(
    background: str = "wood",
    seed: int = 0,
    size: tuple[int, int] = (1600, 1200),
    *,
    document: str = "card",
    tilt: float | None = None,
) -> Sample:
    """One generated phone photo (see the module docstring)."""
    rnd = random.Random(f"{background}-{seed}-{document}")
    doc = f.card() if document == "card" else f.licence((1240, 1754))
    if background == "low_contrast" and document == "card":
        doc = _faint_border(doc)
    tilt = rnd.uniform(0, 30) if tilt is None else tilt
    fill = rnd.uniform(1.05, 1.25) if background == "cut_off" else rnd.uniform(0.55, 0.8)
    corners = corners_for(doc.size, size, rnd, fill=fill, tilt=tilt)
    if background == "cut_off":
        corners = tuple((x + 0.18 * size[0], y) for x, y in corners)  # type: ignore[assignment]
    picture = surface(background, size, rnd)
    coeffs = geo.perspective_coefficients(
        ((0, 0), (doc.width, 0), (doc.width, doc.height), (0, doc.height)), corners
    )
    warped = doc.transform(size, Image.Transform.PERSPECTIVE, coeffs, Image.Resampling.BICUBIC)
    mask = Image.new("L", doc.size, 255).transform(
        size, Image.Transform.PERSPECTIVE, coeffs, Image.Resampling.BILINEAR
    )
    shadow = mask.filter(ImageFilter.GaussianBlur(6)).point(lambda v: v // 5)
    picture = ImageChops.subtract(picture, Image.merge("RGB", (shadow, shadow, shadow)))
    picture.paste(warped, (0, 0), mask)
    picture = _light(picture, rnd).filter(ImageFilter.GaussianBlur(0.7))
    picture = f.add_noise(f.add_texture(picture, 6.0), 2.5)
    return Sample(picture, corners, background, round(tilt, 1))


def _faint_border(card: Image.Image) -> Image.Image:
    """The card without its dark frame line: its edge is only a faint tone step."""
    out = card.copy()
    draw = ImageDraw.Draw(out)
    draw.rounded_rectangle(
        (6, 6, out.width - 7, out.height - 7), radius=40, outline=(222, 232, 242), width=8
    )
    return out


def _light(picture: Image.Image, rnd: random.Random) -> Image.Image:
    """Uneven light: brighter towards one corner, by up to about 12 %."""
    side = 2 * max(picture.size)
    ramp = Image.linear_gradient("L").resize((side, side))
    ramp = ramp.rotate(rnd.uniform(0, 360), resample=Image.Resampling.BILINEAR)
    left, top = (side - picture.width) // 2, (side - picture.height) // 2
    ramp = ramp.crop((left, top, left + picture.width, top + picture.height))
    gain = ramp.point(lambda v: 225 + v // 8)
    return ImageChops.multiply(picture, Image.merge("RGB", (gain, gain, gain)).point(
        lambda v: min(255, v * 255 // 240)
    ))  # fmt: skip
