"""The real format comes from the first bytes, whatever the file is called."""

from __future__ import annotations

import pytest

from desktop.core.images.formats import format_of_name, sniff
from tests import images_factory as f
from tests.images_factory import card


@pytest.mark.parametrize(
    ("fmt", "options", "expected"),
    [
        ("JPEG", {}, "JPEG"),
        ("BMP", {}, "BMP"),
        ("PNG", {}, "PNG"),
        ("GIF", {}, "GIF"),
        ("TIFF", {}, "TIFF"),
        ("WEBP", {}, "WEBP"),
        ("PDF", {}, "PDF"),
        ("AVIF", {"speed": 10}, "AVIF"),
    ],
)
def test_sniff_pillow_outputs(fmt: str, options: dict, expected: str) -> None:
    assert sniff(f.to_bytes(card().resize((64, 40)), fmt, **options)[:1024]) == expected


def test_sniff_heif() -> None:
    import pillow_heif

    pillow_heif.register_heif_opener()
    data = f.to_bytes(card().resize((64, 40)), "HEIF", enc_params={"preset": "ultrafast"})
    assert sniff(data[:1024]) == "HEIF"


@pytest.mark.parametrize(
    "head",
    [
        b"",
        b"hello world",
        b"BM this is text, not a bitmap header",  # "BM" alone is not enough
        b"\xff\xd8",  # too short for a JPEG marker
        b"RIFF\x00\x00\x00\x00WAVEfmt ",  # a sound file, not WebP
        "营业执照".encode(),
    ],
)
def test_sniff_rejects_non_images(head: bytes) -> None:
    assert sniff(head) is None


@pytest.mark.parametrize(
    ("name", "claimed"),
    [
        ("a.jpg", "JPEG"),
        ("A.JPEG", "JPEG"),
        ("b.jfif", "JPEG"),
        ("scan.bmp", "BMP"),
        ("iphone.HEIC", "HEIF"),
        ("licence.pdf", "PDF"),
        ("营业执照 副本.png", "PNG"),
        ("notes.txt", None),
        ("no_extension", None),
    ],
)
def test_format_of_name(name: str, claimed: str | None) -> None:
    assert format_of_name(name) == claimed
