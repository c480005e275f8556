"""inspect_image: what the registry would say about each sample, from the file's real bytes."""

from __future__ import annotations

from pathlib import Path

import pytest
from PIL import Image, ImageFile

from desktop.core.images import ImageReport, inspect_image
from tests import images_factory as f
from tests.core.images.conftest import digest

EXPECTED_ERRORS = {
    "good_scan.jpg": set(),
    "renamed_png.jpg": {"IMAGE_EXTENSION_MISMATCH"},
    "screenshot.png": {"IMAGE_FORMAT"},
    "营业执照 副本.png": {"IMAGE_FORMAT"},
    "photo.heic": {"IMAGE_FORMAT"},
    "photo.webp": {"IMAGE_FORMAT"},
    "photo.avif": {"IMAGE_FORMAT"},
    "multipage.tif": {"IMAGE_FORMAT"},
    "document.pdf": {"IMAGE_FORMAT"},
    "palette.gif": {"IMAGE_FORMAT"},
    "truncated.jpg": {"IMAGE_UNREADABLE"},
    "empty.jpg": {"IMAGE_UNREADABLE"},
    "text.jpg": {"IMAGE_UNREADABLE"},
    "bomb.png": {"IMAGE_UNREADABLE"},
    "tiny.jpg": {"IMAGE_TOO_SMALL"},
}


@pytest.mark.parametrize(("name", "errors"), EXPECTED_ERRORS.items())
def test_errors_per_sample(samples: Path, name: str, errors: set[str]) -> None:
    report = inspect_image(samples / name, field="images[2]")
    assert {x.code for x in report.findings if x.severity == "error"} == errors
    assert report.compliant is (not errors)
    assert all(x.fields == ("images[2]",) for x in report.findings)
    for finding in report.findings:
        assert finding.message("zh") and finding.message("en") and "{" not in finding.message("en")


def test_good_scan_raises_nothing_at_all(samples: Path) -> None:
    report = inspect_image(samples / "good_scan.jpg")
    assert report.findings == []
    assert (report.format, report.extension, report.width, report.height) == (
        "JPEG", ".jpg", 1380, 940,
    )  # fmt: skip
    assert report.bytes == (samples / "good_scan.jpg").stat().st_size


def test_renamed_png_is_named_for_what_it_is(samples: Path) -> None:
    report = inspect_image(samples / "renamed_png.jpg")
    finding = report.findings[0]
    assert report.format == "PNG"
    assert finding.params == {"name": "renamed_png.jpg", "claimed": ".jpg", "format": "PNG"}
    assert finding.registry_message("zh") == "上传的文件格式不支持"


def test_jpeg_under_another_name_is_only_a_warning(tmp_path: Path, samples: Path) -> None:
    path = tmp_path / "scan.png"
    path.write_bytes((samples / "good_scan.jpg").read_bytes())
    (finding,) = inspect_image(path).findings
    assert (finding.code, finding.severity) == ("IMAGE_EXTENSION_MISMATCH", "warning")


@pytest.mark.parametrize(
    ("size", "code", "severity"),
    [
        (54_999, "IMAGE_TOO_SMALL", "error"),
        (55_000, "IMAGE_TOO_SMALL", "warning"),  # 55 KB only if 1 KB = 1000 bytes
        (56_319, "IMAGE_TOO_SMALL", "warning"),
        (56_320, None, None),
        (1_000_000, None, None),
        (1_000_001, "IMAGE_TOO_LARGE", "warning"),  # 1 MB only if 1 MB = 1,048,576 bytes
        (1_048_576, "IMAGE_TOO_LARGE", "warning"),
        (1_048_577, "IMAGE_TOO_LARGE", "error"),
    ],
)
def test_byte_window(tmp_path: Path, samples: Path, size: int, code, severity) -> None:
    source = samples / ("tiny.jpg" if size < 100_000 else "good_scan.jpg")
    path = tmp_path / "padded.jpg"
    data = source.read_bytes()
    path.write_bytes(data + b"\x00" * (size - len(data)))  # readers stop at the end marker
    sizes = [x for x in inspect_image(path).findings if x.code.startswith("IMAGE_TOO_")]
    assert [(x.code, x.severity) for x in sizes] == ([(code, severity)] if code else [])
    if code:
        assert f"{size:,}" in sizes[0].message("en")  # grouped: 54,999


def test_missing_file_is_a_finding(tmp_path: Path) -> None:
    report = inspect_image(tmp_path / "扫描件" / "身份证 正面.jpg", field="images[1]")
    (finding,) = report.findings
    assert (finding.code, finding.fields) == ("IMAGE_MISSING", ("images[1]",))
    assert report.bytes == 0 and report.width is None


def test_bomb_is_refused_plainly(samples: Path) -> None:
    (finding,) = inspect_image(samples / "bomb.png").findings
    assert finding.params["reason"] == "bomb"
    assert "decompression bomb" in finding.message("en") and "解压炸弹" in finding.message("zh")


def test_low_resolution(samples: Path) -> None:
    report = inspect_image(samples / "tiny.jpg")
    low = next(x for x in report.findings if x.code == "IMAGE_LOW_RESOLUTION")
    assert (low.severity, low.params["width"], low.params["height"]) == ("warning", 300, 190)


def test_multi_page_documents_say_only_page_one_counts(samples: Path) -> None:
    for name in ("multipage.tif", "document.pdf"):
        report = inspect_image(samples / name)
        pages = next(x for x in report.findings if x.code == "IMAGE_MULTI_PAGE")
        assert (pages.severity, pages.params["pages"], report.pages) == ("info", 2, 2)


def test_rotated_photo_reports_upright_size(samples: Path) -> None:
    report = inspect_image(samples / "rotated_gps.jpg")
    assert (report.width, report.height) == f.scan().size


@pytest.mark.parametrize(
    ("cert", "layout", "warned"),
    [
        ("WJLSFZ", "one_face", True),  # foreign permanent resident card: front and back
        ("GAJZZ", "one_face", True),  # HK/Macao residence permit
        ("HKMOJUMIN", "one_face", True),  # the same type by its Alibaba code
        ("WJLSFZ", "side_by_side", False),
        ("WJLSFZ", "stacked", False),
        ("SFZ", "one_face", False),  # resident ID card: the information side is enough
        (None, "one_face", False),
    ],
)
def test_both_sides(tmp_path: Path, cert: str | None, layout: str, warned: bool) -> None:
    face = f.card()
    if layout == "side_by_side":
        picture = Image.new("RGB", (face.width * 2 + 60, face.height + 40), "white")
        picture.paste(face, (20, 20))
        picture.paste(face, (face.width + 40, 20))
    elif layout == "stacked":
        picture = Image.new("RGB", (face.width + 40, face.height * 2 + 60), "white")
        picture.paste(face, (20, 20))
        picture.paste(face, (20, face.height + 40))
    else:
        picture = f.scan(face)
    path = f.save(picture, tmp_path / "permit.jpg", quality=90)
    codes = {x.code for x in inspect_image(path, cert_code=cert).findings}
    assert ("IMAGE_BOTH_SIDES" in codes) is warned


def test_photo_is_decoded_once_and_reduced(photo_12mp: Path, monkeypatch) -> None:
    """Header facts come without decoding; the quality measures need one reduced decode. The
    pasted-region check (capture/jpeg_ghost.py) reads the file's own 8x8 blocks: one more
    decode at full size, luminance only."""
    decoded_sizes = []
    load = ImageFile.ImageFile.load

    def counting_load(self):
        if self.tile:
            decoded_sizes.append((self.size, self.mode))
        return load(self)

    before = digest(photo_12mp)
    monkeypatch.setattr(ImageFile.ImageFile, "load", counting_load)
    report = inspect_image(photo_12mp)
    assert (report.width, report.height) == (4032, 3024)
    assert decoded_sizes == [((2016, 1512), "RGB"), ((4032, 3024), "L")]  # half size; luma
    assert digest(photo_12mp) == before


def test_report_is_a_plain_dataclass(samples: Path) -> None:
    report = inspect_image(samples / "document.pdf")
    assert isinstance(report, ImageReport)
    assert report.format == "PDF" and report.pages == 2 and report.extension == ".pdf"
