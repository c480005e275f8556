"""Generated scan samples (nothing downloaded): document-like pictures and broken files.

A "card" looks like an identity document: pale patterned background, a dark border, lines of text,
a photo box and a red seal. Variants add the faults the registry rejects (blur, black and white,
bad exposure, cropping) or the file kinds customers send (phone photo, HEIC, PDF, renamed PNG...).
Also here: SSIM and a JPEG marker walk, shared by the tests and benchmarks/bench_convert.py.
"""

from __future__ import annotations

import io
import math
import random
import struct
import zlib
from functools import cache
from pathlib import Path

from PIL import Image, ImageChops, ImageDraw, ImageFilter, ImageFont

CARD = (1200, 760)
INK = (24, 24, 32)
SEAL = (214, 38, 40)
RNG_SEED = 20261123


@cache
def _font(size: int) -> ImageFont.FreeTypeFont:
    return ImageFont.load_default(size=size)


def _text_lines(draw: ImageDraw.ImageDraw, box: tuple[int, int, int, int], size: int) -> None:
    """Lines of random words filling ``box``, then an underline (like a signature rule)."""
    rnd = random.Random(RNG_SEED)
    left, top, right, bottom = box
    font = _font(size)
    y = top
    while y + size < bottom:
        line = ""
        while True:
            word = "".join(rnd.choice("ABCDEFGHJKLMNPRSTUVWXYZ0123456789") for _ in range(6))
            if draw.textlength(f"{line} {word}", font=font) > right - left:
                break
            line = f"{line} {word}".strip()
        draw.text((left, y), line, font=font, fill=INK)
        y += int(size * 1.6)
    draw.rectangle((left, bottom - size, right, bottom - size + 2), fill=INK)


def _seal(draw: ImageDraw.ImageDraw, centre: tuple[int, int], radius: int) -> None:
    x, y = centre
    width = max(3, radius // 14)
    draw.ellipse((x - radius, y - radius, x + radius, y + radius), outline=SEAL, width=width)
    star = [
        (
            x
            + radius * 0.35 * math.cos(math.pi / 2 + i * math.pi / 5) * (1 if i % 2 == 0 else 0.4),
            y
            - radius * 0.35 * math.sin(math.pi / 2 + i * math.pi / 5) * (1 if i % 2 == 0 else 0.4),
        )
        for i in range(10)
    ]
    draw.polygon(star, fill=SEAL)
    draw.text(
        (x - radius * 0.7, y + radius * 0.35), "SEAL 0001", font=_font(radius // 5), fill=SEAL
    )


@cache
def _card() -> Image.Image:
    width, height = CARD
    card = Image.new("RGB", CARD, (226, 236, 246))
    draw = ImageDraw.Draw(card)
    for x in range(0, width, 24):  # a faint guilloche-like pattern, as on real cards
        draw.line((x, 0, x + height // 2, height), fill=(214, 226, 240), width=2)
    draw.rounded_rectangle((6, 6, width - 7, height - 7), radius=40, outline=(40, 60, 110), width=6)
    draw.text((60, 40), "RESIDENT IDENTITY CARD", font=_font(52), fill=(40, 60, 110))
    _text_lines(draw, (60, 140, 820, 640), 34)
    draw.rectangle((860, 150, 1130, 480), fill=(200, 205, 215), outline=INK, width=3)
    draw.ellipse((920, 200, 1070, 380), fill=(150, 120, 100))
    _seal(draw, (980, 600), 110)
    return card


def card() -> Image.Image:
    """A sharp colour identity card, 1200×760 (about 360 dpi)."""
    return _card().copy()


def scan(image: Image.Image | None = None, margin: int = 90) -> Image.Image:
    """The document laid on a white scanner bed with a margin all round."""
    image = image or card()
    page = Image.new("RGB", (image.width + 2 * margin, image.height + 2 * margin), (250, 250, 250))
    page.paste(image, (margin, margin))
    return page


def licence(size: tuple[int, int] = (2480, 3508)) -> Image.Image:
    """A business-licence-like A4 page (300 dpi by default): border, title, text, emblem, seal."""
    width, height = size
    unit = width / 2480
    page = Image.new("RGB", size, (252, 250, 244))
    draw = ImageDraw.Draw(page)
    pad = int(150 * unit)
    draw.rectangle(
        (pad, pad, width - pad, height - pad), outline=(170, 120, 40), width=int(14 * unit)
    )
    emblem = (width // 2, int(480 * unit))
    draw.ellipse(
        _around(emblem, int(150 * unit)),
        fill=(200, 30, 30),
        outline=(230, 190, 40),
        width=int(12 * unit),
    )
    draw.text((width * 0.32, 700 * unit), "BUSINESS LICENCE", font=_font(int(120 * unit)), fill=INK)
    _text_lines(
        draw,
        (int(320 * unit), int(1000 * unit), width - int(320 * unit), int(2700 * unit)),
        int(54 * unit),
    )
    _seal(draw, (int(width * 0.7), int(height * 0.8)), int(250 * unit))
    return page


def _around(centre: tuple[int, int], radius: int) -> tuple[int, int, int, int]:
    return (centre[0] - radius, centre[1] - radius, centre[0] + radius, centre[1] + radius)


def photo(
    size: tuple[int, int] = (4032, 3024), noise: float = 2.5, texture: float = 10.0
) -> Image.Image:
    """A phone photo of the card on a table: uneven light, slight optical softness, fine texture
    (paper and wood grain, about 3 px) and sensor noise left after the phone's own denoising."""
    width, height = size
    table = Image.linear_gradient("L").resize(size).point(lambda v: 90 + v // 4)
    background = Image.merge(
        "RGB", (table, table.point(lambda v: v * 0.8), table.point(lambda v: v * 0.6))
    )
    doc_size = (int(width * 0.72), int(width * 0.72 * CARD[1] / CARD[0]))
    doc = card().resize(doc_size, Image.Resampling.LANCZOS)
    doc = doc.rotate(1.2, resample=Image.Resampling.BICUBIC, expand=True, fillcolor=(0, 0, 0))
    background.paste(doc, ((width - doc.width) // 2, (height - doc.height) // 2), _doc_mask(doc))
    picture = background.filter(ImageFilter.GaussianBlur(0.7))
    return add_noise(add_texture(picture, texture), noise)


def add_texture(image: Image.Image, sigma: float, grain: int = 3) -> Image.Image:
    """Fine random texture, ``grain`` pixels across (noise drawn small, enlarged smoothly)."""
    if sigma <= 0:
        return image
    small = _noise((max(1, image.width // grain), max(1, image.height // grain)), sigma)
    luma = small.resize(image.size, Image.Resampling.BICUBIC)
    return ImageChops.add(image, Image.merge("RGB", (luma, luma, luma)), scale=1.0, offset=-128)


def _doc_mask(doc: Image.Image) -> Image.Image:
    """Opaque where the rotated document is (its black fill corners are transparent)."""
    grey = doc.convert("L")
    return grey.point(lambda v: 255 if v > 8 else 0)


def add_noise(image: Image.Image, sigma: float) -> Image.Image:
    """Gaussian sensor noise on luminance (Pillow's noise image is centred on 128)."""
    if sigma <= 0:
        return image
    luma = _noise(image.size, sigma)
    return ImageChops.add(image, Image.merge("RGB", (luma, luma, luma)), scale=1.0, offset=-128)


@cache
def _noise(size: tuple[int, int], sigma: float) -> Image.Image:
    """The same noise for the same size, so a sample can be generated again as a reference."""
    return Image.effect_noise(size, sigma)


# --- faults -----------------------------------------------------------------------------------


def blurred(image: Image.Image, radius: float) -> Image.Image:
    return image.filter(ImageFilter.GaussianBlur(radius))


def greyscale(image: Image.Image, cast: tuple[int, int, int] = (0, 0, 0)) -> Image.Image:
    """A black-and-white copy, optionally with a colour cast (photocopy under warm light)."""
    grey = image.convert("L").convert("RGB")
    if cast == (0, 0, 0):
        return grey
    return Image.merge(
        "RGB", [grey.getchannel(i).point(lambda v, c=c: v + c) for i, c in enumerate(cast)]
    )


def exposed(image: Image.Image, gain: float, lift: int = 0) -> Image.Image:
    """Multiply brightness by ``gain`` and add ``lift`` (dark: gain<1, washed out: lift>0)."""
    return image.point(lambda v: min(255, int(v * gain + lift)))


def glare(image: Image.Image, fraction: float = 0.12) -> Image.Image:
    """A blown-out white reflection covering about ``fraction`` of the picture, off-centre."""
    out = image.copy()
    radius = int(math.sqrt(fraction * image.width * image.height / math.pi))
    centre = (int(image.width * 0.45), int(image.height * 0.5))
    mask = Image.new("L", image.size, 0)
    ImageDraw.Draw(mask).ellipse(_around(centre, radius), fill=255)
    mask = mask.filter(ImageFilter.GaussianBlur(radius * 0.15))
    out.paste((255, 255, 255), (0, 0), mask)
    return out


def cropped(image: Image.Image, side: str = "right", keep: float = 0.8) -> Image.Image:
    """Cut the document on one side so its text and seal run into the frame edge."""
    w, h = image.size
    boxes = {
        "right": (0, 0, int(w * keep), h),
        "left": (w - int(w * keep), 0, w, h),
        "bottom": (0, 0, w, int(h * keep)),
        "top": (0, h - int(h * keep), w, h),
    }
    return image.crop(boxes[side])


# --- files ------------------------------------------------------------------------------------


def save(image: Image.Image, path: Path, fmt: str | None = None, **options: object) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    image.save(path, fmt, **options)
    return path


def gps_exif(orientation: int = 6) -> Image.Exif:
    """EXIF with orientation, camera model, GPS position and date (all must be stripped)."""
    exif = Image.Exif()
    exif[0x0112] = orientation
    exif[0x0110] = "PhoneCam 12"
    exif[0x0132] = "2026:11:20 10:00:00"
    gps = exif.get_ifd(0x8825)
    gps.update({1: "N", 2: (39.0, 54.0, 27.0), 3: "E", 4: (116.0, 23.0, 17.0)})
    return exif


def rotated_for(orientation: int, upright: Image.Image) -> Image.Image:
    """The stored pixels of a camera file whose EXIF ``orientation`` displays as ``upright``."""
    inverse = {
        3: Image.Transpose.ROTATE_180,
        6: Image.Transpose.ROTATE_90,
        8: Image.Transpose.ROTATE_270,
        2: Image.Transpose.FLIP_LEFT_RIGHT,
    }
    return upright.transpose(inverse[orientation]) if orientation in inverse else upright


def marked(image: Image.Image) -> Image.Image:
    """The image with a pure green square in its top-left corner, to check orientation."""
    out = image.copy()
    side = max(8, min(image.size) // 8)
    out.paste((0, 200, 0), (0, 0, side, side))
    return out


def red_square(size: int = 600) -> Image.Image:
    """White with a pure red square in the middle (the colour a wrong profile would change)."""
    image = Image.new("RGB", (size, size), (255, 255, 255))
    image.paste((255, 0, 0), (size // 4, size // 4, 3 * size // 4, 3 * size // 4))
    return add_noise(image, 4)


def bomb_png(path: Path, width: int = 40000, height: int = 40000) -> Path:
    """A tiny PNG whose header declares ``width``×``height`` pixels (1.6 gigapixels by default)."""

    def chunk(kind: bytes, data: bytes) -> bytes:
        return (
            struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data))
        )

    ihdr = struct.pack(">IIBBBBB", width, height, 8, 0, 0, 0, 0)
    idat = zlib.compress(b"\x00" * (width + 1) * 4)
    path.write_bytes(
        b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", ihdr) + chunk(b"IDAT", idat) + chunk(b"IEND", b"")
    )
    return path


def icc_swapping_red_and_blue() -> bytes:
    """A minimal RGB matrix/TRC ICC profile whose red and blue primaries are swapped.

    A pixel stored as (255, 0, 0) under this profile is blue, so honouring the embedded profile
    turns it blue in sRGB; ignoring the profile would leave it red.
    """
    d50 = (0.9642, 1.0, 0.8249)
    srgb_d50 = {
        "r": (0.4361, 0.2225, 0.0139),
        "g": (0.3851, 0.7169, 0.0971),
        "b": (0.1431, 0.0606, 0.7141),
    }
    columns = {"rXYZ": srgb_d50["b"], "gXYZ": srgb_d50["g"], "bXYZ": srgb_d50["r"], "wtpt": d50}

    def xyz(values: tuple[float, float, float]) -> bytes:
        return b"XYZ \x00\x00\x00\x00" + b"".join(
            struct.pack(">i", round(v * 65536)) for v in values
        )

    curve = b"curv\x00\x00\x00\x00" + struct.pack(">IH", 1, 0x0233)  # gamma 2.2 (u8.8)
    desc = b"desc\x00\x00\x00\x00" + struct.pack(">I", 8) + b"Swapped\x00" + b"\x00" * 79
    tags = [(name.encode(), xyz(v)) for name, v in columns.items()]
    tags += [(b"rTRC", curve), (b"gTRC", curve), (b"bTRC", curve), (b"desc", desc)]
    offset = 128 + 4 + 12 * len(tags)
    table, data = b"", b""
    for name, body in tags:
        body += b"\x00" * (-len(body) % 4)
        table += name + struct.pack(">II", offset + len(data), len(body))
        data += body
    size = offset + len(data)
    header = struct.pack(">I4sI4s4s4s", size, b"lcms", 0x02100000, b"mntr", b"RGB ", b"XYZ ")
    header += (
        b"\x00" * 12
        + b"acsp"
        + b"\x00" * 24
        + struct.pack(">iii", *(round(v * 65536) for v in d50))
    )
    header += b"\x00" * (128 - len(header))
    return header + struct.pack(">I", len(tags)) + table + data


# --- sample files (one of every kind customers send) -----------------------------------------

CONVERTIBLE = [
    "good_scan.jpg",
    "renamed_png.jpg",
    "screenshot.png",
    "rotated_gps.jpg",
    "cmyk.jpg",
    "rgba.png",
    "gray16.png",
    "palette.png",
    "palette.gif",
    "grey_alpha.png",
    "multipage.tif",
    "document.pdf",
    "tiny.jpg",
    "营业执照 副本.png",
    "photo.webp",
    "photo.heic",
    "photo.avif",
    "icc_swapped.jpg",
]
UNREADABLE = ["truncated.jpg", "empty.jpg", "text.jpg", "bomb.png"]


def small_photo() -> Image.Image:
    return photo((1600, 1200), noise=3)


def _transparent_margin(image: Image.Image, margin: int = 90) -> Image.Image:
    rgba = image.convert("RGBA")
    alpha = Image.new("L", image.size, 0)
    alpha.paste(255, (margin, margin, image.width - margin, image.height - margin))
    rgba.putalpha(alpha)
    return rgba


def _sixteen_bit(image: Image.Image) -> Image.Image:
    return image.convert("L").convert("I").point(lambda v: v * 257).convert("I;16")


def _truncated(path: Path) -> None:
    data = to_bytes(scan(), "JPEG", quality=90)
    path.write_bytes(data[: len(data) * 6 // 10])


def _heif(image: Image.Image, path: Path) -> None:
    import pillow_heif

    pillow_heif.register_heif_opener()
    save(image, path, quality=80, enc_params={"preset": "ultrafast"})


_WRITERS = {
    "good_scan.jpg": lambda p: save(scan(), p, quality=90),
    "renamed_png.jpg": lambda p: save(scan(), p, "PNG"),
    "screenshot.png": lambda p: save(scan(), p),
    "truncated.jpg": _truncated,
    "empty.jpg": lambda p: p.write_bytes(b""),
    "text.jpg": lambda p: p.write_text("这不是图片 / not a picture\n" * 200, encoding="utf-8"),
    "bomb.png": bomb_png,
    "rotated_gps.jpg": lambda p: save(
        rotated_for(6, marked(scan())), p, quality=90, exif=gps_exif(6), comment=b"customer"
    ),
    "cmyk.jpg": lambda p: save(scan().convert("CMYK"), p, quality=90),
    "rgba.png": lambda p: save(_transparent_margin(scan()), p),
    "gray16.png": lambda p: save(_sixteen_bit(scan()), p),
    "palette.png": lambda p: save(scan().quantize(64), p, transparency=0),
    "palette.gif": lambda p: save(scan().quantize(64), p),
    "grey_alpha.png": lambda p: save(_transparent_margin(scan()).convert("LA"), p),
    "multipage.tif": lambda p: save(
        scan(), p, save_all=True, append_images=[licence((1240, 1754))]
    ),
    "document.pdf": lambda p: save(
        scan(), p, save_all=True, append_images=[licence((1240, 1754))], resolution=300
    ),
    "tiny.jpg": lambda p: save(scan().resize((300, 190), Image.Resampling.LANCZOS), p, quality=90),
    "营业执照 副本.png": lambda p: save(licence((1240, 1754)), p),
    "photo.webp": lambda p: save(small_photo(), p, quality=85),
    "photo.heic": lambda p: _heif(small_photo(), p),
    "photo.avif": lambda p: save(small_photo(), p, quality=75, speed=10),
    "icc_swapped.jpg": lambda p: save(
        red_square(), p, quality=95, icc_profile=icc_swapping_red_and_blue()
    ),
}


def write_samples(root: Path, names: list[str] | None = None) -> Path:
    """Write the named sample files (default: all of CONVERTIBLE and UNREADABLE) into ``root``."""
    for name in names or [*CONVERTIBLE, *UNREADABLE]:
        _WRITERS[name](root / name)
    return root


def reference_picture(path: Path) -> Image.Image:
    """What a convertible sample shows, upright and in colour: the picture before it was saved,
    or for lossy photo formats the decoded file itself (their own loss is not ours)."""
    import pillow_heif

    pillow_heif.register_heif_opener()
    special = {
        "rotated_gps.jpg": lambda: marked(scan()),
        "gray16.png": lambda: scan().convert("L").convert("RGB"),
        "grey_alpha.png": lambda: scan().convert("L").convert("RGB"),
        "tiny.jpg": lambda: scan().resize((300, 190), Image.Resampling.LANCZOS),
        "营业执照 副本.png": lambda: licence((1240, 1754)),
        "photo.webp": lambda: Image.open(path).convert("RGB"),
        "photo.heic": lambda: Image.open(path).convert("RGB"),
        "photo.avif": lambda: Image.open(path).convert("RGB"),
        "icc_swapped.jpg": _blue_square,
    }
    return special.get(path.name, scan)()


def _blue_square() -> Image.Image:
    r, g, b = red_square().split()
    return Image.merge("RGB", (b, g, r))


# --- measures ---------------------------------------------------------------------------------


def ssim(a: Image.Image, b: Image.Image) -> float:
    """Mean SSIM of two same-size images on luminance (7×7 uniform windows, as scikit-image)."""
    import numpy as np

    assert a.size == b.size, (a.size, b.size)
    x = np.asarray(a.convert("L"), dtype=np.float64)
    y = np.asarray(b.convert("L"), dtype=np.float64)
    c1, c2, win = (0.01 * 255) ** 2, (0.03 * 255) ** 2, 7
    mx, my = _box(x, win), _box(y, win)
    vx = _box(x * x, win) - mx * mx
    vy = _box(y * y, win) - my * my
    cov = _box(x * y, win) - mx * my
    n = win * win
    vx, vy, cov = (v * n / (n - 1) for v in (vx, vy, cov))
    s = ((2 * mx * my + c1) * (2 * cov + c2)) / ((mx * mx + my * my + c1) * (vx + vy + c2))
    return float(s.mean())


def _box(a, win: int):
    import numpy as np

    c = np.cumsum(np.cumsum(np.pad(a, ((1, 0), (1, 0))), axis=0), axis=1)
    return (c[win:, win:] - c[:-win, win:] - c[win:, :-win] + c[:-win, :-win]) / (win * win)


def jpeg_markers(data: bytes) -> list[int]:
    """The JPEG segment markers before the scan data (0xC0 SOF0 = baseline, 0xE1 = EXIF/XMP...)."""
    assert data[:2] == b"\xff\xd8"
    markers, pos = [], 2
    while pos + 4 <= len(data):
        marker = data[pos + 1]
        markers.append(marker)
        if marker == 0xDA:
            break
        pos += 2 + struct.unpack(">H", data[pos + 2 : pos + 4])[0]
    return markers


def reference(source: Image.Image, size: tuple[int, int]) -> Image.Image:
    """The source resized to ``size`` (Lanczos): what a faithful output should look like."""
    return source.convert("RGB").resize(size, Image.Resampling.LANCZOS)


def to_bytes(image: Image.Image, fmt: str, **options: object) -> bytes:
    buffer = io.BytesIO()
    image.save(buffer, fmt, **options)
    return buffer.getvalue()
