"""A mutational image corpus, generated (nothing downloaded): small seeds of every format the app
reads, and mutations of them (truncations, bit flips, rewritten header fields, spliced bytes).

Shared by the fuzz tests (tests/core/images/test_fuzz_images.py) and benchmarks/fuzz_images.py.
"""

from __future__ import annotations

import io
import random
import struct
import zlib
from functools import cache

from PIL import Image, ImageDraw

SEED_SIZE = (240, 160)


def _picture(size: tuple[int, int] = SEED_SIZE) -> Image.Image:
    """A small document-like picture: pale paper, dark lines, a red mark, some noise."""
    rnd = random.Random(7)
    image = Image.new("RGB", size, (232, 236, 244))
    draw = ImageDraw.Draw(image)
    for y in range(12, size[1] - 10, 14):
        draw.line((10, y, size[0] - rnd.randrange(10, 80), y), fill=(30, 30, 40), width=3)
    draw.ellipse((size[0] - 60, size[1] - 60, size[0] - 10, size[1] - 10), outline=(210, 40, 40))
    noise = Image.effect_noise(size, 24).convert("RGB")
    return Image.blend(image, noise, 0.15)


def _save(image: Image.Image, fmt: str, **options: object) -> bytes:
    buffer = io.BytesIO()
    image.save(buffer, fmt, **options)
    return buffer.getvalue()


def _exif(orientation: int) -> bytes:
    exif = Image.Exif()
    exif[0x0112] = orientation
    return exif.tobytes()


def _png_with_size(width: int, height: int) -> bytes:
    """A valid PNG of ``width``×``height`` white pixels (compresses to almost nothing)."""
    row = b"\x00" + b"\xff" * 3 * width
    data = zlib.compress(row * height, 9)

    def chunk(kind: bytes, body: bytes) -> bytes:
        return (
            struct.pack(">I", len(body)) + kind + body + struct.pack(">I", zlib.crc32(kind + body))
        )

    header = struct.pack(">IIBBBBB", width, height, 8, 2, 0, 0, 0)
    return (
        b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", header) + chunk(b"IDAT", data) + chunk(b"IEND", b"")
    )


def _pdf(width_pt: float, height_pt: float) -> bytes:
    """A one-page PDF with an empty page of the given size (PDFium renders it white)."""
    objects = [
        b"<< /Type /Catalog /Pages 2 0 R >>",
        b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        f"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 {width_pt} {height_pt}] >>".encode(),
    ]
    out = io.BytesIO()
    out.write(b"%PDF-1.4\n")
    offsets = []
    for number, body in enumerate(objects, 1):
        offsets.append(out.tell())
        out.write(f"{number} 0 obj\n".encode() + body + b"\nendobj\n")
    xref = out.tell()
    out.write(f"xref\n0 {len(objects) + 1}\n0000000000 65535 f \n".encode())
    for offset in offsets:
        out.write(f"{offset:010d} 00000 n \n".encode())
    out.write(
        f"trailer\n<< /Size {len(objects) + 1} /Root 1 0 R >>\nstartxref\n{xref}\n%%EOF\n".encode()
    )
    return out.getvalue()


@cache
def seeds() -> dict[str, bytes]:
    """Seed files by name: every readable format, EXIF orientations, odd modes, tall strips."""
    picture = _picture()
    found = {
        "a.jpg": _save(picture, "JPEG", quality=90),
        "a.png": _save(picture, "PNG"),
        "a.bmp": _save(picture, "BMP"),
        "a.gif": _save(picture.convert("P"), "GIF"),
        "a.webp": _save(picture, "WEBP", quality=80),
        "a.tif": _save(picture, "TIFF", compression="tiff_lzw"),
        "o6.jpg": _save(picture, "JPEG", exif=_exif(6)),
        "o6.tif": _save(picture, "TIFF", exif=_exif(6)),
        "o8.png": _save(picture, "PNG", exif=_exif(8)),
        "la.png": _save(picture.convert("LA"), "PNG"),
        "cmyk.jpg": _save(picture.convert("CMYK"), "JPEG"),
        "i16.tif": _save(picture.convert("I;16"), "TIFF"),
        "anim.gif": _save(
            picture.convert("P"),
            "GIF",
            save_all=True,
            append_images=[picture.rotate(90).convert("P")],
        ),
        "strip.png": _png_with_size(1, 300_000),
        "a.pdf": _pdf(300, 200),
        "huge.pdf": _pdf(14_400, 14_400),
    }
    try:  # HEIC needs pillow-heif's encoder (a test extra)
        import pillow_heif

        pillow_heif.register_heif_opener()
        found["a.heic"] = _save(picture, "HEIF", quality=60)
        found["a.avif"] = _save(picture, "AVIF", quality=60) if _has_avif() else b""
    except ImportError:
        pass
    return {name: data for name, data in found.items() if data}


def _has_avif() -> bool:
    return "AVIF" in Image.SAVE


def mutate(data: bytes, rnd: random.Random) -> bytes:
    """One random mutation of ``data``: truncate, flip bits, overwrite header bytes, splice."""
    buf = bytearray(data)
    kind = rnd.randrange(6)
    if kind == 0 and len(buf) > 1:  # truncate
        return bytes(buf[: rnd.randrange(1, len(buf))])
    if kind == 1:  # a few bit flips anywhere
        for _ in range(rnd.randrange(1, 9)):
            i = rnd.randrange(len(buf))
            buf[i] ^= 1 << rnd.randrange(8)
        return bytes(buf)
    if kind == 2:  # header fields: overwrite bytes near the start with extreme values
        for _ in range(rnd.randrange(1, 4)):
            i = rnd.randrange(min(len(buf), 512))
            value = rnd.choice([b"\xff\xff", b"\x00\x00", b"\x7f\xff\xff\xff", b"\x80", b"\x00"])
            buf[i : i + len(value)] = value
        return bytes(buf)
    if kind == 3:  # random bytes replace a run
        i = rnd.randrange(len(buf))
        n = rnd.randrange(1, 64)
        buf[i : i + n] = bytes(rnd.randrange(256) for _ in range(n))
        return bytes(buf)
    if kind == 4:  # duplicate a chunk (structures repeated)
        i = rnd.randrange(len(buf))
        j = min(len(buf), i + rnd.randrange(1, 2048))
        return bytes(buf[:j] + buf[i:j] + buf[j:])
    return bytes(buf[: rnd.randrange(0, 32)])  # almost nothing: just a magic number


def corpus(count: int, seed: int = 13) -> list[tuple[str, bytes]]:
    """``count`` (name, bytes) pairs: each a seed mutated 1-3 times (a few left intact)."""
    rnd = random.Random(seed)
    items = sorted(seeds().items())
    out = []
    for i in range(count):
        name, data = items[i % len(items)]
        if rnd.random() > 0.05:
            for _ in range(rnd.randrange(1, 4)):
                data = mutate(data, rnd) or data[:1]
        out.append((f"m{i}_{name}", data))
    return out
