"""The capture warnings fire on their generated samples, with evidence, and not on clean ones.

The false-alarm rate on 200+ clean pictures is measured by benchmarks/bench_capture.py
--warnings (too slow for a test); here a few of each kind stand for it.
"""

from __future__ import annotations

import os

import pytest
from PIL import Image

from desktop.core.capture import forensics
from desktop.core.images import inspect_image, loading
from desktop.core.images.loading import read_header
from desktop.core.paths import MAX_PATH
from tests import capture_factory as cf
from tests import images_factory as f

CAPTURE_CODES = {"IMAGE_SCREEN_PHOTO", "IMAGE_SCREENSHOT", "IMAGE_COPY_OF_COPY", "IMAGE_EDITED",
                 "IMAGE_DOC_SMALL", "IMAGE_GLARE", "IMAGE_CROPPED"}  # fmt: skip
needs_numpy = pytest.mark.skipif(
    forensics.spectrum_peak(Image.new("L", (600, 600))) is None, reason="numpy not installed"
)


def findings(image: Image.Image, path, **options):
    image.save(path, **options)
    return {finding.code: finding for finding in inspect_image(path).findings}


@pytest.mark.parametrize("background", ["wood", "paper", "dark", "low_contrast"])
def test_clean_desk_photos_raise_no_capture_warning(tmp_path, background) -> None:
    for seed in range(2):
        image = cf.desk_photo(background, 500 + seed).image
        found = findings(image, tmp_path / f"{background}{seed}.jpg", quality=90)
        assert not CAPTURE_CODES & set(found), (background, seed, sorted(found))


def test_clean_scans_raise_no_capture_warning(tmp_path) -> None:
    for i, image in enumerate([f.scan(), f.licence((1240, 1754)), f.small_photo()]):
        found = findings(image, tmp_path / f"clean{i}.jpg", quality=90)
        assert not CAPTURE_CODES & set(found), (i, sorted(found))


@needs_numpy
def test_a_photo_of_a_screen(tmp_path) -> None:
    found = findings(cf.screen_photo(0), tmp_path / "screen.jpg", quality=90)
    params = found["IMAGE_SCREEN_PHOTO"].params
    assert params["height"] >= 1.9 and params["period"] <= 7
    assert "screen" in found["IMAGE_SCREEN_PHOTO"].message("en")


def test_a_screenshot_has_a_screen_size_and_no_camera(tmp_path) -> None:
    found = findings(cf.screenshot((1080, 2340)), tmp_path / "shot.png")
    assert found["IMAGE_SCREENSHOT"].params["width"] == 1080
    exif = Image.Exif()
    exif[0x0110] = "PhoneCam 12"
    camera = findings(cf.screenshot((1080, 2340)), tmp_path / "camera.jpg", exif=exif)
    assert "IMAGE_SCREENSHOT" not in camera  # a camera's picture of that size is a photo


def test_a_copy_of_a_copy(tmp_path) -> None:
    found = findings(cf.flat_copy(f.scan()), tmp_path / "copy.jpg", quality=90)
    assert "IMAGE_GRAYSCALE" in found
    assert found["IMAGE_COPY_OF_COPY"].params["tone_span"] < 140
    plain = findings(f.greyscale(f.scan()), tmp_path / "copy1.jpg", quality=90)
    assert "IMAGE_GRAYSCALE" in plain and "IMAGE_COPY_OF_COPY" not in plain


@pytest.mark.parametrize("software", ["Adobe Photoshop 25.0 (Windows)", "MTXX Meitu 7.5"])
def test_an_edited_picture_names_its_editor(tmp_path, software) -> None:
    exif = Image.Exif()
    exif[0x0131] = software
    found = findings(f.scan(), tmp_path / "edited.jpg", quality=90, exif=exif)
    assert found["IMAGE_EDITED"].params["software"] == software
    exif[0x0131] = "HDR+ 1.0.540104767zd"  # a phone camera's own firmware is no editor
    assert "IMAGE_EDITED" not in findings(f.scan(), tmp_path / "phone.jpg", exif=exif)


def test_a_document_small_in_the_frame(tmp_path) -> None:
    found = findings(cf.small_document(0), tmp_path / "far.jpg", quality=90)
    assert found["IMAGE_DOC_SMALL"].params["percent"] < 50


def test_glare_on_the_card(tmp_path) -> None:
    sample = cf.desk_photo("dark", 301)
    found = findings(cf.glare_on_card(sample), tmp_path / "glare.jpg", quality=90)
    assert "IMAGE_GLARE" in found or "IMAGE_EXPOSURE" in found
    if "IMAGE_GLARE" in found:
        assert found["IMAGE_GLARE"].params["percent"] >= 2


def test_a_border_cut_off_by_the_framing(tmp_path) -> None:
    found = findings(cf.desk_photo("cut_off", 400).image, tmp_path / "cut.jpg", quality=90)
    cropped = found["IMAGE_CROPPED"]
    assert "right" in cropped.params["edges"]
    assert cropped.params.get("source") in ("outline", None)  # by content or by the outline


# --- EXIF comes with the loader's header read (no second open of the file) --------------------


def deep_path(root, name: str):
    """``name`` in a folder nested so deep that the whole path is over Windows' MAX_PATH."""
    folder = root.joinpath(*["客户资料_" + "x" * 40] * 6)
    folder.mkdir(parents=True)
    path = folder / name
    assert len(str(path)) > MAX_PATH
    return path


def test_forensics_reads_only_tags_the_loader_carries() -> None:
    carried = set(loading.EXIF_TAGS) | set(loading.EXIF_IFD_TAGS)
    assert {*forensics._CAMERA_TAGS, forensics._SOFTWARE} <= carried


def test_camera_data_in_the_exif_ifd_is_no_screenshot(tmp_path) -> None:
    """An exposure time (Exif sub-IFD, not IFD0) is a camera's: the screen-sized photo is one."""
    exif = Image.Exif()
    exif.get_ifd(0x8769)[0x829A] = 1 / 120
    path = tmp_path / "exposure.jpg"
    found = findings(cf.screenshot((1080, 2340)), path, quality=90, exif=exif)
    assert 0x829A in read_header(path).exif and "IMAGE_SCREENSHOT" not in found


def test_a_long_path_still_yields_the_exif(tmp_path) -> None:
    exif = Image.Exif()
    exif[0x0131] = "Adobe Photoshop 25.0 (Windows)"
    path = deep_path(tmp_path, "已编辑.jpg")
    found = findings(f.scan(), path, quality=90, exif=exif)
    assert read_header(path).exif[0x0131] == "Adobe Photoshop 25.0 (Windows)"
    assert found["IMAGE_EDITED"].params["software"].startswith("Adobe Photoshop")
    camera = Image.Exif()
    camera[0x0110] = "PhoneCam 12"
    shot = deep_path(tmp_path / "b", "截图.jpg")
    assert "IMAGE_SCREENSHOT" not in findings(cf.screenshot((1080, 2340)), shot, exif=camera)


def test_exif_of_a_long_path_under_windows_rules(tmp_path, monkeypatch) -> None:
    r"""As on Windows without long paths enabled: a plain path over MAX_PATH does not open, the
    ``\\?\`` form the loader makes (paths.extended) does. The warnings still fire."""
    real_open = Image.open

    def windows_open(fp, *args, **kwargs):
        if isinstance(fp, (str, os.PathLike)):
            text = os.fspath(fp)
            if text.startswith("\\\\?\\"):
                fp = text[4:]
            elif len(text) >= MAX_PATH:
                raise FileNotFoundError(2, "The system cannot find the path specified", text)
        return real_open(fp, *args, **kwargs)

    monkeypatch.setattr(Image, "open", windows_open)
    monkeypatch.setattr(loading, "extended", lambda p: "\\\\?\\" + os.fspath(p))
    exif = Image.Exif()
    exif[0x0131] = "MTXX Meitu 7.5"
    edited = deep_path(tmp_path, "美图.jpg")
    assert "IMAGE_EDITED" in findings(f.scan(), edited, quality=90, exif=exif)
    plain = deep_path(tmp_path / "b", "截图.png")
    assert "IMAGE_SCREENSHOT" in findings(cf.screenshot((1080, 2340)), plain)
