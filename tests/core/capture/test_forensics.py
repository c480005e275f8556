"""The capture warnings fire on their generated samples, with evidence, and not on clean ones.

The false-alarm rate on 200+ clean pictures is measured by benchmarks/bench_capture.py
--warnings (too slow for a test); here a few of each kind stand for it.
"""

from __future__ import annotations

import os
from pathlib import Path

import pytest
from PIL import Image, ImageDraw

from desktop.core.capture import forensics, screen
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
@pytest.mark.parametrize("seed", [0, 3, 4, 7])  # 3, 7: sent over a chat app (1280 px, again JPEG)
def test_photos_of_a_screen_show_its_subpixel_grid(tmp_path, seed) -> None:
    found = findings(cf.photo_of_screen(seed), tmp_path / f"screen{seed}.jpg", quality=90)
    params = found["IMAGE_SCREEN_PHOTO"].params
    cfg = forensics._cfg()["screen"]
    assert params["evidence"] == "subpixel"
    assert params["colour_peak"] >= cfg["min_colour_peak"]
    assert params["diversity"] >= cfg["min_diversity"] and params["period"] <= 12
    assert "screen" in found["IMAGE_SCREEN_PHOTO"].message("en")
    assert "屏幕" in found["IMAGE_SCREEN_PHOTO"].message("zh")


@needs_numpy
def test_a_fine_grid_photographed_straight(tmp_path) -> None:
    """The older generated sample (a fine grid, nearly square to the frame): the grey
    spectrum's fine-grid peak alone is evidence enough (its colour peak is near the line)."""
    image = cf.screen_photo(0)
    found = findings(image, tmp_path / "screen.jpg", quality=90)
    assert found["IMAGE_SCREEN_PHOTO"].params["evidence"] in ("grid", "subpixel")
    peak = forensics.spectrum_peak(image.convert("L").resize((1200, 900)))
    assert forensics._fine_grid(peak, forensics._cfg()["screen"]), peak
    peak = forensics.spectrum_peak(image.convert("L").resize((1200, 900)))
    assert forensics._fine_grid(peak, forensics._cfg()["screen"]), peak


@needs_numpy
def test_printed_crosshatch_is_no_screen(tmp_path) -> None:
    """A certificate's guilloche is periodic too, but printed in one ink: its colour channels
    rise and fall together, so it shows no subpixel phase shift."""
    card = f.card()
    draw = ImageDraw.Draw(card)
    for x in range(-card.height, card.width, 5):  # a fine blue crosshatch over the whole card
        draw.line((x, 0, x + card.height, card.height), fill=(150, 180, 220), width=1)
        draw.line((x + card.height, 0, x, card.height), fill=(150, 180, 220), width=1)
    image = cf.desk_photo("dark", 42, doc=card).image
    found = findings(image, tmp_path / "hatch.jpg", quality=90)
    assert "IMAGE_SCREEN_PHOTO" not in found
    grid = screen.colour_grid(image, 1.0, forensics._cfg()["screen"])
    assert grid["colour_peak"] < forensics._cfg()["screen"]["min_colour_peak"]


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
    assert software in found["IMAGE_EDITED"].message("en")
    assert "编辑软件" in found["IMAGE_EDITED"].message("zh")
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


def _overlap(a, b) -> float:
    """Intersection over the smaller box."""
    w = min(a[2], b[2]) - max(a[0], b[0])
    h = min(a[3], b[3]) - max(a[1], b[1])
    smaller = min((a[2] - a[0]) * (a[3] - a[1]), (b[2] - b[0]) * (b[3] - b[1]))
    return max(w, 0) * max(h, 0) / smaller


@needs_numpy
@pytest.mark.parametrize("seed", [0, 2, 3, 5])  # 3, 5: the donor's grid shifted
def test_a_region_pasted_from_another_jpeg(tmp_path, seed) -> None:
    image, box = cf.pasted_region(seed)
    found = findings(image, tmp_path / f"pasted{seed}.jpg", quality=90)
    params = found["IMAGE_EDITED"].params
    assert params["reason"] == "edited_region" and "software" not in params
    assert _overlap(params["box"], box) >= 0.6, (params["box"], box)
    assert params["grid_offset"] == ([0, 0] if seed % 2 == 0 else [box[0] % 8, box[1] % 8])
    cfg = forensics._cfg()["pasted"]
    assert params["patch_ratio"] <= cfg["max_ratio"] <= cfg["min_background"]
    assert params["background_ratio"] >= cfg["min_background"]
    assert "pasted" in found["IMAGE_EDITED"].message("en")
    assert "贴进来" in found["IMAGE_EDITED"].message("zh")


@needs_numpy
def test_jpegs_saved_once_twice_or_resized_are_not_pasted(tmp_path) -> None:
    photo = cf.desk_photo("wood", 77).image
    twice = cf.recompressed(photo, 60)  # the whole picture saved before: no region differs
    resized = photo.resize((1200, 900), Image.Resampling.LANCZOS)
    scan = f.add_noise(f.scan(margin=69), 2.0)
    for i, image in enumerate([photo, twice, resized, cf.recompressed(scan, 59)]):
        # a scan saved twice dips less where it is smooth: that moderate contrast stays silent
        found = findings(image, tmp_path / f"clean{i}.jpg", quality=94 if i == 3 else 90)
        assert "IMAGE_EDITED" not in found, (i, found.get("IMAGE_EDITED"))


REAL = Path(__file__).resolve().parents[3].parent / "shared" / "ocr-real"


@needs_numpy
@pytest.mark.skipif(not REAL.is_dir(), reason=f"no real images in {REAL}")
def test_real_certificates_are_neither_screens_nor_pasted() -> None:
    """Guilloche, crosshatch and seals on real certificates are periodic or sharp, but printed;
    none has a region with its own JPEG history. (19_lic_sihui_photo.jpg does say "Adobe
    Photoshop CS6" in its EXIF: that IMAGE_EDITED is the editor tag, and stays.)"""
    names = [p for p in sorted(REAL.iterdir()) if p.suffix.lower() in (".jpg", ".png")]
    assert len(names) >= 10
    for path in names:
        found = {finding.code: finding for finding in inspect_image(path).findings}
        assert "IMAGE_SCREEN_PHOTO" not in found, path.name
        if "IMAGE_EDITED" in found:
            assert found["IMAGE_EDITED"].params["reason"] == "edited_software", path.name
