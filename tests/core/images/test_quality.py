"""Calibration verdicts: each generated sample raises exactly the quality warnings it should.

The thresholds in resources/image_rules.json were calibrated on these samples; this table keeps
them honest. Blur radii are in pixels of the sample; measures run at about 1200 px.
"""

from __future__ import annotations

from collections.abc import Callable
from functools import cache
from pathlib import Path

import pytest
from PIL import Image

from desktop.core.images import ImageReport, inspect_image
from tests import images_factory as f

QUALITY_CODES = {"IMAGE_BLURRY", "IMAGE_GRAYSCALE", "IMAGE_EXPOSURE", "IMAGE_CROPPED"}


@cache
def _photo_once() -> Image.Image:
    return f.photo((2016, 1512), noise=4)


def _photo() -> Image.Image:
    return _photo_once().copy()


def _licence() -> Image.Image:
    return f.licence((1240, 1754))


SAMPLES: dict[str, tuple[Callable[[], Image.Image], set[str]]] = {
    # sharp, complete colour documents: nothing to say
    "scan": (f.scan, set()),
    "tight_card": (f.card, set()),
    "licence": (_licence, set()),
    "photo": (_photo, set()),
    "noisy_scan": (lambda: f.add_noise(f.scan(), 6), set()),
    "slightly_soft": (lambda: f.blurred(f.scan(), 1.0), set()),
    "white_paper_clipped": (lambda: f.exposed(_licence(), 1.0, 8), set()),
    # unclear
    "blur_2": (lambda: f.blurred(f.scan(), 2.0), {"IMAGE_BLURRY"}),
    "blur_3": (lambda: f.blurred(f.scan(), 3.0), {"IMAGE_BLURRY"}),
    "blur_2_noisy": (lambda: f.add_noise(f.blurred(f.scan(), 2.0), 6), {"IMAGE_BLURRY"}),
    "photo_blur": (lambda: f.blurred(_photo(), 2.5), {"IMAGE_BLURRY"}),
    # black and white
    "grey": (lambda: f.greyscale(f.scan()), {"IMAGE_GRAYSCALE"}),
    "grey_warm_light": (lambda: f.greyscale(f.scan(), (12, 4, -10)), {"IMAGE_GRAYSCALE"}),
    "grey_licence": (lambda: f.greyscale(_licence()), {"IMAGE_GRAYSCALE"}),
    "grey_photo": (lambda: f.greyscale(_photo(), (15, 5, -12)), {"IMAGE_GRAYSCALE"}),
    # exposure
    "dark": (lambda: f.exposed(f.scan(), 0.35), {"IMAGE_EXPOSURE"}),
    "dark_photo": (lambda: f.exposed(_photo(), 0.4), {"IMAGE_EXPOSURE"}),
    "washed_out": (lambda: f.exposed(f.scan(), 0.5, 150), {"IMAGE_EXPOSURE"}),
    "glare": (lambda: f.glare(f.scan()), {"IMAGE_EXPOSURE"}),
    "glare_photo": (lambda: f.glare(_photo(), 0.08), {"IMAGE_EXPOSURE"}),
    # incomplete
    "cut_right": (lambda: f.cropped(f.scan(), "right", 0.7), {"IMAGE_CROPPED"}),
    "cut_bottom": (lambda: f.cropped(f.scan(), "bottom", 0.8), {"IMAGE_CROPPED"}),
    "cut_left": (lambda: f.cropped(f.scan(), "left", 0.75), {"IMAGE_CROPPED"}),
    "cut_top": (lambda: f.cropped(f.scan(), "top", 0.7), {"IMAGE_CROPPED"}),
    "cut_licence": (lambda: f.cropped(_licence(), "bottom", 0.85), {"IMAGE_CROPPED"}),
    "cut_photo": (lambda: f.cropped(_photo(), "right", 0.6), {"IMAGE_CROPPED"}),
}
EXPOSURE_REASONS = {
    "dark": "dark",
    "dark_photo": "dark",
    "washed_out": "washed",
    "glare": "glare",
    "glare_photo": "glare",
}
CUT_EDGES = {"cut_right": "right", "cut_bottom": "bottom", "cut_left": "left", "cut_top": "top"}


@pytest.fixture(scope="module")
def calibration(tmp_path_factory: pytest.TempPathFactory) -> Path:
    root = tmp_path_factory.mktemp("calibration")
    for name, (make, _) in SAMPLES.items():
        make().save(root / f"{name}.jpg", quality=92)
    return root


@cache
def _report(path: Path) -> ImageReport:
    return inspect_image(path)


@pytest.mark.parametrize("name", list(SAMPLES))
def test_verdict(calibration: Path, name: str) -> None:
    report = _report(calibration / f"{name}.jpg")
    found = {x.code for x in report.findings} & QUALITY_CODES
    assert found == SAMPLES[name][1], report.measures
    for finding in report.findings:
        if finding.code in QUALITY_CODES:
            assert finding.severity == "warning"


@pytest.mark.parametrize(("name", "reason"), EXPOSURE_REASONS.items())
def test_exposure_says_which_problem(calibration: Path, name: str, reason: str) -> None:
    finding = _finding(calibration, name, "IMAGE_EXPOSURE")
    assert finding.params["reason"] == reason
    assert finding.params["reason_en"] in finding.message("en")


@pytest.mark.parametrize(("name", "edge"), CUT_EDGES.items())
def test_cropping_names_the_edge(calibration: Path, name: str, edge: str) -> None:
    finding = _finding(calibration, name, "IMAGE_CROPPED")
    assert finding.params["edges"] == edge
    assert edge in finding.message("en")


def _finding(root: Path, name: str, code: str):
    report = _report(root / f"{name}.jpg")
    return next(x for x in report.findings if x.code == code)


def test_sharpness_falls_with_blur(calibration: Path) -> None:
    values = [
        _report(calibration / f"{name}.jpg").measures["sharpness"]
        for name in ("scan", "slightly_soft", "blur_2", "blur_3")
    ]
    assert values == sorted(values, reverse=True)
