"""Generated phone photos of a document lying on a desk, with the true corners (nothing downloaded).

``desk_photo(background, seed)`` draws the identity card of :mod:`tests.images_factory` (or a
licence page) seen by a tilted camera (perspective up to 30°) on wood, white paper, a dark desk,
a surface almost the card's own colour, or partly out of frame; it returns the picture and the
corners where the document's own corners landed (tl, tr, br, bl of the upright document).
"""

from __future__ import annotations

import io
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
    doc: Image.Image | None = None,
) -> Sample:
    """One generated phone photo (see the module docstring); ``doc``: the document to lay on
    the desk instead of the generated card or licence."""
    rnd = random.Random(f"{background}-{seed}-{document}")
    if doc is None:
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


# --- pictures a reviewer sends back -----------------------------------------------------------


def screen_photo(seed: int = 0, size: tuple[int, int] = (1600, 1200)) -> Image.Image:
    """The card shown on an LCD and photographed: every screen pixel is three coloured stripes
    with a dark gap, and the camera samples that grid at an odd scale and angle (moiré)."""
    rnd = random.Random(f"screen-{seed}")
    shown = f.scan().resize((520, 360), Image.Resampling.LANCZOS)
    stripes = Image.new("RGB", (4, 4), (0, 0, 0))
    for x, colour in enumerate(((255, 0, 0), (0, 255, 0), (0, 0, 255))):
        for y in range(3):
            stripes.putpixel((x, y), colour)
    grid = Image.new("RGB", (shown.width * 4, shown.height * 4))
    for y in range(0, grid.height, 4):
        for x in range(0, grid.width, 4):
            grid.paste(stripes, (x, y))
    screen = ImageChops.multiply(shown.resize(grid.size, Image.Resampling.NEAREST), grid)
    screen = screen.point(lambda v: min(255, int(v * 2.2)))
    screen = screen.rotate(rnd.uniform(-4, 4), resample=Image.Resampling.BICUBIC, expand=True)
    factor = rnd.uniform(0.62, 0.9) * min(size[0] / screen.width, size[1] / screen.height)
    shot = screen.resize((round(screen.width * factor), round(screen.height * factor)),
                         Image.Resampling.BILINEAR)  # fmt: skip
    picture = Image.new("RGB", size, (20, 20, 24))
    picture.paste(shot, ((size[0] - shot.width) // 2, (size[1] - shot.height) // 2))
    return f.add_noise(picture.filter(ImageFilter.GaussianBlur(0.6)), 2.0)


def screenshot(size: tuple[int, int] = (1080, 2340)) -> Image.Image:
    """A phone screenshot of a chat showing the card: status bar, the picture, an input bar."""
    shot = Image.new("RGB", size, (237, 237, 237))
    draw = ImageDraw.Draw(shot)
    draw.rectangle((0, 0, size[0], 90), fill=(30, 30, 30))
    draw.rectangle((0, size[1] - 160, size[0], size[1]), fill=(247, 247, 247))
    card = f.scan().resize((size[0] - 120, round((size[0] - 120) * 940 / 1380)))
    shot.paste(card, (60, size[1] // 3))
    return shot


def halftone(image: Image.Image, period: int = 6) -> Image.Image:
    """A photocopy of a printed copy: grey, a 45° dot screen, and a flattened tone range."""
    grey = image.convert("L").point(lambda v: v * 3 // 4)  # the copy before was already grey
    w, h = grey.size
    cell = Image.new("L", (period, period))
    for y in range(period):
        for x in range(period):
            d = math.hypot(x - period / 2 + 0.5, y - period / 2 + 0.5) / (period / math.sqrt(2))
            cell.putpixel((x, y), round(255 * d))
    tile = Image.new("L", (w * 2, h * 2))
    for y in range(0, tile.height, period):
        for x in range(0, tile.width, period):
            tile.paste(cell, (x, y))
    screen = tile.rotate(45, resample=Image.Resampling.BILINEAR).crop(
        (w // 2, h // 2, w // 2 + w, h // 2 + h)
    )
    dots = ImageChops.subtract(grey, screen).point(lambda v: 255 if v > 0 else 0)
    flat = dots.filter(ImageFilter.GaussianBlur(0.8)).point(lambda v: 70 + v * 120 // 255)
    return f.add_noise(flat.convert("RGB"), 2.0)


def flat_copy(image: Image.Image) -> Image.Image:
    """A washed-out black-and-white copy: grey between 90 and 190."""
    grey = image.convert("L").point(lambda v: 90 + v * 100 // 255)
    return f.add_noise(grey.convert("RGB"), 1.5)


def glare_on_card(sample: Sample, share: float = 0.06) -> Image.Image:
    """A blown-out reflection on the card, over its text (left of centre)."""
    tl, tr, br, bl = sample.corners
    cx = (tl[0] * 0.65 + tr[0] * 0.35 + bl[0] * 0.65 + br[0] * 0.35) / 2
    cy = (tl[1] + tr[1] + br[1] + bl[1]) / 4
    area = geo.area(sample.corners)
    radius = math.sqrt(share * area / math.pi)
    mask = Image.new("L", sample.image.size, 0)
    ImageDraw.Draw(mask).ellipse((cx - radius, cy - radius * 0.7, cx + radius, cy + radius * 0.7),
                                 fill=255)  # fmt: skip
    mask = mask.filter(ImageFilter.GaussianBlur(radius * 0.08))
    out = sample.image.copy()
    out.paste((255, 255, 255), (0, 0), mask)
    return out


def small_document(seed: int = 0, size: tuple[int, int] = (1600, 1200)) -> Image.Image:
    """The card far away on the desk: its long side about a third of the frame's short side."""
    rnd = random.Random(f"small-{seed}")
    doc = f.card()
    corners = corners_for(doc.size, size, rnd, fill=rnd.uniform(0.25, 0.38), tilt=10)
    picture = surface("dark" if seed % 2 else "wood", size, rnd)
    coeffs = geo.perspective_coefficients(
        ((0, 0), (doc.width, 0), (doc.width, doc.height), (0, doc.height)), corners
    )
    warped = doc.transform(size, Image.Transform.PERSPECTIVE, coeffs, Image.Resampling.BICUBIC)
    mask = Image.new("L", doc.size, 255).transform(size, Image.Transform.PERSPECTIVE, coeffs)
    picture.paste(warped, (0, 0), mask)
    return f.add_noise(picture.filter(ImageFilter.GaussianBlur(0.7)), 2.5)


# --- photos of a screen, and pictures with a pasted region (forensics) -------------------------


def _jpeg(image: Image.Image, quality: int, **options: object) -> Image.Image:
    """``image`` after one JPEG round trip at ``quality`` (what a camera or chat app writes)."""
    buffer = io.BytesIO()
    image.save(buffer, "JPEG", quality=quality, **options)
    buffer.seek(0)
    out = Image.open(buffer)
    out.load()
    return out


def _screen_panel(shown: Image.Image, rnd: random.Random) -> tuple[Image.Image, int]:
    """``shown`` lit on an LCD, rendered ``k`` sub-samples per screen pixel: each pixel is red,
    green and blue stripes side by side (stacked, for a panel turned a quarter), the black
    matrix between pixel rows (and between the stripes of a finer render) darker; returns the
    panel and ``k``."""
    k = 6  # rendered finer than the camera samples it (coarser renders alias by themselves)
    rnd.random()  # (keeps the other draws of each seed as they were)
    matrix = round(255 * (1 - rnd.uniform(0.3, 0.6)))  # light let through the black matrix
    cell = Image.new("RGB", (k, k), (0, 0, 0))
    draw = ImageDraw.Draw(cell)
    upright = rnd.random() < 0.8
    for i, colour in enumerate(((255, 0, 0), (0, 255, 0), (0, 0, 255))):
        a, b = i * k // 3, (i + 1) * k // 3 - 1
        draw.rectangle((a, 0, b, k - 1), fill=colour)
        if k >= 6:  # the gap between stripes
            draw.line((b, 0, b, k - 1), fill=tuple(c * matrix // 255 for c in colour))
    draw.line((0, k - 1, k - 1, k - 1), fill=tuple(matrix // 3 for _ in range(3)))
    if not upright:
        cell = cell.transpose(Image.Transpose.TRANSPOSE)
    w, h = shown.size
    mask = Image.new("RGB", (w * k, h * k))
    row = Image.new("RGB", (w * k, k))
    for x in range(0, w * k, k):
        row.paste(cell, (x, 0))
    for y in range(0, h * k, k):
        mask.paste(row, (0, y))
    # a white screen still looks white from afar: the grid modulates the light by ``depth``
    depth = rnd.uniform(0.4, 0.8)
    big = shown.resize(mask.size, Image.Resampling.NEAREST).point(lambda v: v * 7 // 8)
    grid = ImageChops.multiply(big, mask).point(lambda v: min(255, round(v * 3 * depth)))
    return ImageChops.add(big.point(lambda v: round(v * (1 - depth))), grid), k


def photo_of_screen(seed: int = 0, size: tuple[int, int] = (1600, 1200)) -> Image.Image:
    """The card shown on a monitor or phone and photographed, then sent over a chat app.

    Varied per ``seed``: the screen's pixel pitch in the photo (0.9 to 3.5 camera pixels, so
    the grid is either resolved or aliased into moiré beats), the angle (-15..15°) and a slight
    perspective, rolling-shutter refresh bands, camera blur and noise, the camera's JPEG, and
    half of them downscaled and recompressed as chat apps do."""
    rnd = random.Random(f"screen-photo-{seed}")
    doc = f.scan() if seed % 3 else f.licence((1240, 1754))
    screen_w = rnd.randint(420, 700)
    screen_h = round(screen_w * doc.height / doc.width)
    shown = doc.resize((screen_w, screen_h), Image.Resampling.LANCZOS)
    panel, k = _screen_panel(shown, rnd)
    panel = panel.filter(ImageFilter.GaussianBlur(0.15 * k))  # the lens: a little soft
    pitch = rnd.uniform(0.9, 3.5)  # camera pixels per screen pixel
    scale = pitch / k
    w, h = panel.width * scale, panel.height * scale
    fit = min(0.92 * size[0] / w, 0.92 * size[1] / h, 1.0)
    if fit < 1.0:  # the screen must fit the frame: a smaller pitch then
        scale *= fit
        w, h = w * fit, h * fit
    angle = math.radians(rnd.uniform(-15, 15))
    cx, cy = size[0] / 2 + rnd.uniform(-0.03, 0.03) * size[0], size[1] / 2
    keystone = rnd.uniform(-0.06, 0.06)  # one side a little nearer the camera
    corners = []
    for x, y in ((-w / 2, -h / 2), (w / 2, -h / 2), (w / 2, h / 2), (-w / 2, h / 2)):
        x *= 1 + keystone * (2 * y / h)
        corners.append(
            (cx + x * math.cos(angle) - y * math.sin(angle),
             cy + x * math.sin(angle) + y * math.cos(angle))
        )  # fmt: skip
    box = ((0, 0), (panel.width, 0), (panel.width, panel.height), (0, panel.height))
    coeffs = geo.perspective_coefficients(box, tuple(corners))  # type: ignore[arg-type]
    # the sensor samples the panel point by point (no anti-aliasing filter): moiré
    warped = panel.transform(size, Image.Transform.PERSPECTIVE, coeffs, Image.Resampling.BILINEAR)
    mask = Image.new("L", panel.size, 255).transform(size, Image.Transform.PERSPECTIVE, coeffs)
    room = Image.new("RGB", size, tuple(rnd.randint(15, 60) for _ in range(3)))
    bezel = mask.filter(ImageFilter.MaxFilter(9))
    room.paste((12, 12, 14), (0, 0), bezel)
    room.paste(_refresh_bands(warped, rnd), (0, 0), mask)
    picture = room
    picture = f.add_noise(picture.filter(ImageFilter.GaussianBlur(rnd.uniform(0.2, 0.5))), 2.0)
    picture = _jpeg(picture, rnd.randint(85, 95))
    if seed % 2:  # sent over a chat app: long side 1280, recompressed
        factor = 1280 / max(picture.size)
        small = (round(picture.width * factor), round(picture.height * factor))
        picture = _jpeg(picture.resize(small, Image.Resampling.LANCZOS), rnd.randint(70, 85))
    return picture


def _refresh_bands(picture: Image.Image, rnd: random.Random) -> Image.Image:
    """Rolling-shutter bands: the brightness swings a few per cent, slowly down the picture."""
    period = rnd.uniform(60, 260)
    depth = rnd.uniform(0.03, 0.08)
    phase = rnd.uniform(0, 2 * math.pi)
    column = Image.new("L", (1, picture.height))
    for y in range(picture.height):
        swing = math.sin(2 * math.pi * y / period + phase)
        column.putpixel((0, y), round(255 * (1 - depth + depth * swing)))
    gain = column.resize(picture.size)
    return ImageChops.multiply(picture, Image.merge("RGB", (gain, gain, gain)))


def pasted_region(seed: int = 0) -> tuple[Image.Image, tuple[int, int, int, int]]:
    """An edited certificate: a name line or the photo box cut from another JPEG pasted over
    a camera JPEG (quality 88..95); the caller saves the result as JPEG again. Even seeds: the
    donor's 8x8 grid lines up with the picture's, quality 45..75; odd seeds: shifted by 1..7
    pixels, quality 40..60 (on a shifted grid the final save's own error hides a finer donor).
    Returns the picture and the pasted box."""
    rnd = random.Random(f"pasted-{seed}")
    base = (
        desk_photo(("wood", "dark", "paper")[seed % 3], 700 + seed).image
        if seed % 4
        else (f.add_noise(f.scan(), 2.0))
    )
    base = _jpeg(base, rnd.randint(88, 95))
    donor = f.add_noise(f.photo((1600, 1200)) if seed % 2 else f.scan(margin=40), 2.0)
    w, h = (rnd.randint(260, 420), rnd.randint(90, 160)) if seed % 3 else (200, 240)
    sx, sy = rnd.randint(0, donor.width - w), rnd.randint(0, donor.height - h)
    quality = rnd.randint(40, 60) if seed % 2 else rnd.randint(45, 75)
    patch = _jpeg(donor.crop((sx, sy, sx + w, sy + h)), quality)
    x = rnd.randint(base.width // 4, base.width // 2) // 8 * 8
    y = rnd.randint(base.height // 4, base.height // 2) // 8 * 8
    if seed % 2:  # the donor's blocks do not line up with the picture's
        x, y = x + rnd.randint(1, 7), y + rnd.randint(1, 7)
    out = base.copy()
    out.paste(patch, (x, y))
    return out, (x, y, x + w, y + h)


def recompressed(image: Image.Image, first: int = 75) -> Image.Image:
    """A clean picture saved twice on the same grid (a chat app's copy): no region differs."""
    return _jpeg(image, first)
