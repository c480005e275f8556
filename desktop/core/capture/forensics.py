"""What a reviewer sends back without reading a word: a photo of a screen, a screenshot, a
copy of a copy, an edited picture, a document too small in the frame, glare over the text, a
border cut off by the framing. Each warning carries its evidence in ``params``; thresholds are
data (resources/image_rules.json "capture"), calibrated on the generated samples of
tests/capture_factory.py (benchmarks/bench_capture.py --warnings measures the false alarms).

The spectrum measures (screen grid, halftone) need numpy (``ocr``/``test`` extras); without it
they are skipped, the other checks still run.
"""

from __future__ import annotations

import re
from functools import cache
from pathlib import Path
from typing import Any

from PIL import Image, ImageFilter

from desktop.core import rules
from desktop.core.capture import detect, jpeg_ghost, screen
from desktop.core.findings import Finding, make
from desktop.core.images.errors import reason_params

_CAMERA_TAGS = (0x010F, 0x0110, 0x829A, 0x8827, 0x9003)  # Make, Model, exposure, ISO, date
_SOFTWARE = 0x0131


def _cfg() -> dict[str, Any]:
    return rules.load("image_rules")["capture"]


def review(
    path: Path,
    analysis: Image.Image,
    size: tuple[int, int],
    measures: Any,
    earlier: list[Finding],
    field: str,
    exif: dict[int, Any],
) -> list[Finding]:
    """The capture warnings for one scan (``analysis``: the inspection's reduced decode;
    ``size``: full upright size; ``earlier``: findings already raised, not repeated;
    ``exif``: the loader's header tags, ``Header.exif``)."""
    name, codes = path.name, {f.code for f in earlier}
    found: list[Finding] = []
    found += _screenshot(exif, size, field, name)
    found += _edited(exif, field, name) or _pasted(path, field, name)
    outline = detect.find_document(analysis)
    found += _framing(outline, codes, field, name)
    grey = analysis.convert("L")
    peak = spectrum_peak(grey)
    scale = analysis.width / size[0] if size[0] else 1.0
    found += _screen_photo(analysis, scale, peak, measures, field, name)
    found += _copy_of_copy(peak, measures, codes, field, name)
    if "IMAGE_EXPOSURE" not in codes:
        found += _glare(grey, outline, field, name)
    return found


# --- file facts --------------------------------------------------------------------------------


def has_camera_data(exif: dict[int, Any]) -> bool:
    return any(exif.get(tag) for tag in _CAMERA_TAGS)


def _screenshot(exif: dict[int, Any], size: tuple[int, int], field: str, name: str) -> list:
    """Exactly a screen's pixel size (either way round) and no camera data at all."""
    screens = {tuple(s) for s in _cfg()["screenshot"]["screen_sizes"]}
    long_short = (max(size), min(size))
    if long_short not in screens or has_camera_data(exif):
        return []
    return [
        make("IMAGE_SCREENSHOT", field, name=name, width=size[0], height=size[1], camera="none")
    ]


def _edited(exif: dict[int, Any], field: str, name: str) -> list[Finding]:
    """The EXIF Software tag names a picture editor (not a phone's camera firmware)."""
    software = str(exif.get(_SOFTWARE) or "").strip("\x00 ")
    if not software or not _editor_pattern().search(software):
        return []
    reason = reason_params("edited_software", software=software[:60])
    return [make("IMAGE_EDITED", field, name=name, **reason)]  # reason carries software


def _pasted(path: Path, field: str, name: str) -> list[Finding]:
    """A region whose JPEG compression history differs from the rest (jpeg_ghost)."""
    cfg = _cfg()["pasted"]
    decoded = jpeg_ghost.luma_and_table(path, cfg["max_pixels"])
    found = jpeg_ghost.find_paste(*decoded, cfg) if decoded else None
    if found is None:
        return []
    left, top, right, bottom = found["box"]
    reason = reason_params(
        "edited_region", left=left, top=top, width=right - left, height=bottom - top
    )
    return [make("IMAGE_EDITED", field, name=name, **found, **reason)]


@cache
def _editor_pattern() -> re.Pattern[str]:
    editors = _cfg()["edited"]["software"]
    return re.compile("|".join(re.escape(e) for e in editors), re.IGNORECASE)


# --- framing ---------------------------------------------------------------------------------


def _framing(outline: Any, codes: set[str], field: str, name: str) -> list[Finding]:
    """Too small, or cut off: only from an outline whose sides clearly follow edges."""
    if outline is None or outline.score < _cfg()["min_outline_score"]:
        return []
    found = []
    coverage = outline.coverage()
    if coverage < _cfg()["small"]["min_coverage"]:
        percent = round(coverage * 100)
        evidence = {"percent": percent, "coverage": coverage, "corners": outline.to_json()}
        found.append(make("IMAGE_DOC_SMALL", field, name=name, **evidence))
    cut = outline.cut_off()  # the same edges straighten's CUT_OFF names
    if cut and "IMAGE_CROPPED" not in codes:
        found.append(
            make(
                "IMAGE_CROPPED", field, name=name, **detect.edge_params(cut),
                source="outline", margins=outline.margins(),
            )
        )  # fmt: skip
    return found


# --- spectrum --------------------------------------------------------------------------------


def spectrum_peak(grey: Image.Image) -> dict[str, float] | None:
    """The strongest isolated peak of the picture's spectrum away from the centre, the axes and
    the JPEG 8-pixel grid: ``height`` (log-magnitude over the ring's 99.9th percentile) and
    ``period`` (pixels at analysis size). None without numpy."""
    try:
        import numpy as np
    except ImportError:
        return None
    n = 512 if min(grey.size) >= 512 else 256
    if min(grey.size) < n:
        return None
    left, top = (grey.width - n) // 2, (grey.height - n) // 2
    a = np.asarray(grey.crop((left, top, left + n, top + n)), dtype=np.float32)
    a -= a.mean()
    window = np.hanning(n).astype(np.float32)
    power = np.log1p(np.abs(np.fft.fftshift(np.fft.fft2(a * np.outer(window, window)))))
    v, u = np.mgrid[-n // 2 : n // 2, -n // 2 : n // 2]
    radius = np.hypot(u, v)
    ring = (radius > 0.06 * n) & (radius < 0.48 * n) & (np.abs(u) > 2) & (np.abs(v) > 2)
    for k in range(1, 8):  # 8x8 block artefacts of JPEG sit at multiples of n/8
        ring &= (np.abs(np.abs(u) - k * n // 8) > 2) | (np.abs(np.abs(v) - k * n // 8) > 2)
        ring &= np.abs(np.abs(u) - k * n // 8) > 1
        ring &= np.abs(np.abs(v) - k * n // 8) > 1
    values = power[ring]
    index = int(np.argmax(values))
    height = float(values[index] - np.percentile(values, 99.9))
    peak_radius = float(radius[ring][index])
    return {"height": round(height, 3), "period": round(n / max(peak_radius, 1e-6), 2)}


def _screen_photo(
    rgb: Image.Image,
    scale: float,
    peak: dict[str, float] | None,
    measures: Any,
    field: str,
    name: str,
) -> list[Finding]:
    """A screen's subpixel grid (or its moiré) in colour, or a fine regular grid in the grey
    spectrum: a photo of a screen, not of the document."""
    cfg = _cfg()["screen"]
    if measures.is_greyscale():
        return []
    colour = screen.colour_grid(rgb, scale, cfg)
    evidence: dict[str, Any] = {}
    if colour is not None and colour["colour_peak"] >= cfg["min_colour_peak"]:
        evidence = {"evidence": "subpixel", **colour}
    elif _fine_grid(peak, cfg):
        evidence = {"evidence": "grid", **(colour or {}), **peak}
    if not evidence:
        return []
    return [make("IMAGE_SCREEN_PHOTO", field, name=name, **evidence)]


def _fine_grid(peak: dict[str, float] | None, cfg: dict[str, Any]) -> bool:
    """A tall grey peak at a fine period (text lines and patterns repeat coarser)."""
    return (
        peak is not None
        and peak["height"] >= cfg["min_peak"]
        and peak["period"] <= cfg["max_period"]
    )


def _copy_of_copy(
    peak: dict[str, float] | None, measures: Any, codes: set[str], field: str, name: str
) -> list[Finding]:
    """Already black and white, and a halftone dot screen or a flattened tone range on top."""
    if not measures.is_greyscale():
        return []
    cfg = _cfg()["copy"]
    span = measures.p95 - measures.p1
    halftone = peak is not None and peak["height"] >= cfg["min_peak"]
    halftone = halftone and peak["period"] <= cfg["max_period"]
    flat = span < cfg["min_tone_span"] and measures.p95 < cfg["max_paper"]  # grey paper, no black
    if not halftone and not flat:
        return []
    evidence = {"tone_span": span, "paper": measures.p95, "halftone": halftone}
    if peak is not None:
        evidence["peak"] = peak["height"]
    return [make("IMAGE_COPY_OF_COPY", field, name=name, **evidence)]


# --- glare -----------------------------------------------------------------------------------


def _glare(grey: Image.Image, outline: Any, field: str, name: str) -> list[Finding]:
    """A blown-out patch on the document (inside its outline), whose own surface is not white."""
    if outline is None or outline.score < _cfg()["min_outline_score"]:
        return []
    cfg = _cfg()["glare"]
    xs = [p[0] for p in outline.corners]
    ys = [p[1] for p in outline.corners]
    box = (max(0, min(xs)), max(0, min(ys)), min(grey.width, max(xs)), min(grey.height, max(ys)))
    inner = _shrunk(box, 0.08)
    # averaged over a few pixels, noise on a brightly lit card stays under the level; a
    # reflection, clipped over a whole patch, does not
    doc = grey.crop(tuple(round(v) for v in inner)).filter(ImageFilter.BoxBlur(2))
    hist = doc.histogram()
    total = max(sum(hist), 1)
    blown = sum(hist[cfg["level"] :]) / total
    rest = hist[: cfg["level"]]
    surface = detect.median_level(rest)
    if blown < cfg["min_fraction"] or surface >= cfg["max_surface"]:
        return []
    return [make("IMAGE_GLARE", field, name=name, percent=round(blown * 100, 1), surface=surface)]


def _shrunk(box: tuple[float, ...], share: float) -> tuple[float, ...]:
    left, top, right, bottom = box
    dx, dy = (right - left) * share, (bottom - top) * share
    return left + dx, top + dy, max(left + dx + 1, right - dx), max(top + dy + 1, bottom - dy)
