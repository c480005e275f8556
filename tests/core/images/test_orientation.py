"""One orientation path for every format: decode() agrees with Pillow's ImageOps.exif_transpose
for JPEG, PNG, TIFF, WebP and HEIC in all 8 EXIF orientations (TIFF was rotated twice)."""

from __future__ import annotations

from pathlib import Path

import pytest
from PIL import Image, ImageChops, ImageOps, ImageStat

from desktop.core.images.loading import decode, read_header
from tests.fuzz_corpus import _exif, _picture

FORMATS = {"JPEG": ".jpg", "PNG": ".png", "TIFF": ".tif", "WEBP": ".webp", "HEIF": ".heic"}


def _save(image: Image.Image, path: Path, fmt: str, orientation: int) -> None:
    if fmt == "HEIF":
        pillow_heif = pytest.importorskip("pillow_heif")
        pillow_heif.register_heif_opener()
    options = {"quality": 95} if fmt in ("JPEG", "WEBP", "HEIF") else {}
    image.save(path, fmt, exif=_exif(orientation), **options)


@pytest.mark.parametrize("orientation", range(1, 9))
@pytest.mark.parametrize("fmt", list(FORMATS))
def test_decode_is_upright_as_pillow_says(tmp_path: Path, fmt: str, orientation: int) -> None:
    picture = _picture((120, 80))
    path = tmp_path / f"o{orientation}{FORMATS[fmt]}"
    _save(picture, path, fmt, orientation)
    with Image.open(path) as im:
        expected = ImageOps.exif_transpose(im).convert("RGB")
    decoded = decode(path).image
    header = read_header(path)
    assert decoded.size == expected.size == (header.width, header.height)
    difference = ImageStat.Stat(ImageChops.difference(decoded, expected)).mean
    assert max(difference) < 8, difference
