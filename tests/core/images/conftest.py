"""Sample files for the scan tests, generated once per session (nothing is downloaded)."""

from __future__ import annotations

import hashlib
from pathlib import Path

import pytest
from PIL import Image

from tests import images_factory as f

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


def _small_photo() -> Image.Image:
    return f.photo((1600, 1200), noise=3)


def reference(path: Path) -> Image.Image:
    """What a convertible sample shows, upright and in colour: the picture before it was saved,
    or for lossy photo formats the decoded file itself (their own loss is not ours)."""
    import pillow_heif

    pillow_heif.register_heif_opener()
    special = {
        "rotated_gps.jpg": lambda: f.marked(f.scan()),
        "gray16.png": lambda: f.scan().convert("L").convert("RGB"),
        "grey_alpha.png": lambda: f.scan().convert("L").convert("RGB"),
        "tiny.jpg": lambda: f.scan().resize((300, 190), Image.Resampling.LANCZOS),
        "营业执照 副本.png": lambda: f.licence((1240, 1754)),
        "photo.webp": lambda: Image.open(path).convert("RGB"),
        "photo.heic": lambda: Image.open(path).convert("RGB"),
        "photo.avif": lambda: Image.open(path).convert("RGB"),
        "icc_swapped.jpg": _blue_square,
    }
    return special.get(path.name, f.scan)()


def _blue_square() -> Image.Image:
    r, g, b = f.red_square().split()
    return Image.merge("RGB", (b, g, r))


def _write_samples(root: Path) -> None:
    import pillow_heif

    pillow_heif.register_heif_opener()
    scan = f.scan()
    f.save(scan, root / "good_scan.jpg", quality=90)
    f.save(scan, root / "renamed_png.jpg", "PNG")
    f.save(scan, root / "screenshot.png")
    data = (root / "good_scan.jpg").read_bytes()
    (root / "truncated.jpg").write_bytes(data[: len(data) * 6 // 10])
    (root / "empty.jpg").write_bytes(b"")
    (root / "text.jpg").write_text("这不是图片 / not a picture\n" * 200, encoding="utf-8")
    f.bomb_png(root / "bomb.png")
    stored = f.rotated_for(6, f.marked(scan))
    f.save(stored, root / "rotated_gps.jpg", quality=90, exif=f.gps_exif(6), comment=b"customer")
    f.save(scan.convert("CMYK"), root / "cmyk.jpg", quality=90)
    f.save(_transparent_margin(scan), root / "rgba.png")
    f.save(_sixteen_bit(scan), root / "gray16.png")
    palette = scan.quantize(64)
    f.save(palette, root / "palette.png", transparency=0)
    f.save(palette, root / "palette.gif")
    f.save(_transparent_margin(scan).convert("LA"), root / "grey_alpha.png")
    f.save(scan, root / "multipage.tif", save_all=True, append_images=[f.licence((1240, 1754))])
    f.save(
        scan,
        root / "document.pdf",
        save_all=True,
        append_images=[f.licence((1240, 1754))],
        resolution=300,
    )
    f.save(scan.resize((300, 190), Image.Resampling.LANCZOS), root / "tiny.jpg", quality=90)
    f.save(f.licence((1240, 1754)), root / "营业执照 副本.png")
    small_photo = _small_photo()
    f.save(small_photo, root / "photo.webp", quality=85)
    f.save(small_photo, root / "photo.heic", quality=80, enc_params={"preset": "ultrafast"})
    f.save(small_photo, root / "photo.avif", quality=75, speed=10)
    f.save(
        f.red_square(),
        root / "icc_swapped.jpg",
        quality=95,
        icc_profile=f.icc_swapping_red_and_blue(),
    )


def _transparent_margin(image: Image.Image, margin: int = 90) -> Image.Image:
    rgba = image.convert("RGBA")
    alpha = Image.new("L", image.size, 0)
    alpha.paste(255, (margin, margin, image.width - margin, image.height - margin))
    rgba.putalpha(alpha)
    return rgba


def _sixteen_bit(image: Image.Image) -> Image.Image:
    return image.convert("L").convert("I").point(lambda v: v * 257).convert("I;16")


@pytest.fixture(scope="session")
def samples(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A folder with one file of every kind (see CONVERTIBLE and UNREADABLE)."""
    root = tmp_path_factory.mktemp("scans")
    _write_samples(root)
    return root


@pytest.fixture(scope="session")
def photo_12mp(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A 4032×3024 phone photo of a card (JPEG q92, about 4 MB), generated once."""
    path = tmp_path_factory.mktemp("photo") / "IMG_0001.jpg"
    return f.save(f.photo(), path, quality=92)


def digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()
