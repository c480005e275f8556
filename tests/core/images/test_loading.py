"""Decoding: upright sRGB RGB from every kind of input, refusing bombs and broken files."""

from __future__ import annotations

from pathlib import Path

import pytest
from PIL import Image

from desktop.core.images import ImageError, load_preview
from desktop.core.images.colour import to_srgb
from desktop.core.images.loading import decode, read_header
from tests import images_factory as f
from tests.core.images.conftest import CONVERTIBLE


@pytest.mark.parametrize("name", CONVERTIBLE)
def test_every_convertible_sample_decodes_to_rgb(samples: Path, name: str) -> None:
    decoded = decode(samples / name)
    assert decoded.image.mode == "RGB"
    assert decoded.image.info == {}
    assert decoded.image.size == (decoded.header.width, decoded.header.height)


@pytest.mark.parametrize(
    ("name", "reason"),
    [
        ("truncated.jpg", "truncated"),
        ("empty.jpg", "empty"),
        ("text.jpg", "not_image"),
        ("bomb.png", "bomb"),
    ],
)
def test_unreadable_samples_say_why(samples: Path, name: str, reason: str) -> None:
    with pytest.raises(ImageError) as caught:
        decode(samples / name)
    assert caught.value.code == "IMAGE_UNREADABLE"
    assert caught.value.params["reason"] == reason
    assert name in caught.value.message("en") and name in caught.value.message("zh")


def test_bomb_is_refused_from_the_header(tmp_path: Path) -> None:
    """Just over our limit but under Pillow's own error level: our check refuses it first."""
    path = f.bomb_png(tmp_path / "wide.png", width=20000, height=5000)
    with pytest.raises(ImageError) as caught:
        read_header(path)
    assert caught.value.params["reason"] == "bomb"
    assert "decompression bomb" in caught.value.message("en")


def test_missing_file(tmp_path: Path) -> None:
    with pytest.raises(ImageError) as caught:
        decode(tmp_path / "gone.jpg")
    assert caught.value.code == "IMAGE_MISSING"


def test_exif_orientation_is_applied(samples: Path) -> None:
    header = read_header(samples / "rotated_gps.jpg")
    assert header.orientation == 6
    image = decode(samples / "rotated_gps.jpg").image
    assert image.size == f.scan().size  # stored portrait, shown landscape
    assert _is_green(image.getpixel((5, 5)))  # the marker is back in the top-left corner


def _is_green(pixel: tuple[int, int, int]) -> bool:
    r, g, b = pixel
    return g > 150 and r < 60 and b < 60


def test_embedded_profile_is_converted_to_srgb(samples: Path) -> None:
    """The profile swaps red and blue: honouring it turns the stored red square blue."""
    r, _, b = decode(samples / "icc_swapped.jpg").image.getpixel((300, 300))
    assert b > 200 and r < 50


@pytest.mark.parametrize(
    ("name", "corner"),
    [("rgba.png", (255, 255, 255)), ("grey_alpha.png", (255, 255, 255))],
)
def test_transparency_is_laid_on_white(samples: Path, name: str, corner: tuple) -> None:
    assert decode(samples / name).image.getpixel((2, 2)) == corner


def test_sixteen_bit_grey_is_scaled_not_clamped(samples: Path) -> None:
    """Pitfall 1: convert("L") would clamp 16-bit values and turn the picture white."""
    image = decode(samples / "gray16.png").image
    expected = f.scan().convert("L")
    assert image.getpixel((0, 0))[0] == pytest.approx(expected.getpixel((0, 0)), abs=1)
    assert f.ssim(image, expected) > 0.99


@pytest.mark.parametrize(
    ("mode", "value"),
    [("1", 1), ("L", 200), ("P", 3), ("CMYK", (0, 0, 0, 0)), ("I", 65535), ("F", 1.0)],
)
def test_every_mode_becomes_rgb(mode: str, value: object) -> None:
    assert to_srgb(Image.new(mode, (4, 4), value)).mode == "RGB"


def test_cmyk_jpeg_keeps_its_colours(samples: Path) -> None:
    image = decode(samples / "cmyk.jpg").image
    assert f.ssim(image, f.scan()) > 0.95
    r, g, _ = image.getpixel((90 + 980, 90 + 600))  # the seal's star is red
    assert r > 150 and g < 120


def test_multi_page_files_count_pages(samples: Path) -> None:
    assert read_header(samples / "multipage.tif").pages == 2
    header = read_header(samples / "document.pdf")
    assert (header.format, header.pages) == ("PDF", 2)
    assert (header.width, header.height) == pytest.approx((1380, 940), abs=1)  # 300 dpi


def test_pdf_page_is_rendered_faithfully(samples: Path) -> None:
    image = decode(samples / "document.pdf").image
    assert f.ssim(image.resize((1380, 940)), f.scan()) > 0.9


def test_draft_decode_keeps_geometry(photo_12mp: Path) -> None:
    """Pitfall 4: a reduced JPEG decode must show the same picture, not a shifted one."""
    reduced = decode(photo_12mp, max_long_side=1500).image
    assert max(reduced.size) == 1500
    full = Image.open(photo_12mp).convert("RGB").resize(reduced.size, Image.Resampling.LANCZOS)
    assert f.ssim(reduced, full) > 0.95


@pytest.mark.parametrize(
    "name", ["good_scan.jpg", "photo.heic", "document.pdf", "营业执照 副本.png"]
)
def test_preview_is_small_upright_rgb(samples: Path, name: str) -> None:
    preview = load_preview(samples / name, max_side=256)
    assert preview.mode == "RGB" and max(preview.size) == 256


def test_preview_of_a_bad_file_raises_image_error(samples: Path) -> None:
    with pytest.raises(ImageError):
        load_preview(samples / "text.jpg")


def test_the_header_carries_the_exif_tags_the_warnings_read(samples: Path, tmp_path) -> None:
    header = read_header(samples / "rotated_gps.jpg")
    assert header.exif == {0x0110: "PhoneCam 12", 0x0132: "2026:11:20 10:00:00"}  # no GPS
    exif = Image.Exif()
    exif[0x0131] = "Adobe Photoshop 25.0"
    exif.get_ifd(0x8769)[0x9003] = "2026:11:19 09:30:00"
    f.scan().save(tmp_path / "edited.png", exif=exif)
    decoded = decode(tmp_path / "edited.png", max_long_side=200)
    assert decoded.header.exif == {0x0131: "Adobe Photoshop 25.0", 0x9003: "2026:11:19 09:30:00"}
    assert read_header(samples / "document.pdf").exif == {}


def test_a_broken_exif_block_gives_no_tags(tmp_path) -> None:
    path = tmp_path / "broken_exif.jpg"
    f.scan().save(path, exif=b"Exif\x00\x00MM\x00*\x00\x00\x00\x08\xff\xff\x00")
    assert read_header(path).exif == {}
