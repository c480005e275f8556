"""Measures that predict "unclear", "incomplete" and "black and white" rejections; verdicts.

All measures run on one decoded RGB image already scaled to the analysis size (about 1200 px on
the long side), with Pillow only. Thresholds are data (resources/image_rules.json), calibrated on
the generated samples in tests/images_factory.py.
"""

from __future__ import annotations

from dataclasses import dataclass

from PIL import Image, ImageChops, ImageFilter

from desktop.core import rules

EDGES = ("top", "bottom", "left", "right")
_SOBEL_X = ImageFilter.Kernel((3, 3), (-1, 0, 1, -2, 0, 2, -1, 0, 1), scale=8, offset=128)
_SOBEL_Y = ImageFilter.Kernel((3, 3), (-1, -2, -1, 0, 0, 0, 1, 2, 1), scale=8, offset=128)


@dataclass(frozen=True)
class Measures:
    """Numbers about one picture; ``verdicts()`` turns them into problem names."""

    sharpness: (
        float  # share of edge steepness lost to a slight extra blur: ~0.4 crisp, <0.2 blurred
    )
    colour_fraction: float  # share of clearly coloured pixels after white balance
    p1: int  # luminance percentiles (0..255)
    p50: int
    p95: int
    glare_fraction: float  # share of blown-out pixels in the central area
    ring_glare: float  # share of blown-out pixels in the outer band
    surface: int  # median tone of the central area's other pixels
    edge_activity: dict[str, float]  # per frame edge: share of positions where content crosses

    def cropped_edges(self) -> list[str]:
        limit = _rules()["cropped"]["max_active_fraction"]
        return [edge for edge in EDGES if self.edge_activity[edge] > limit]

    def exposure_problem(self) -> str | None:
        """The exposure problem: "dark", "washed", "glare", or None."""
        limits = _rules()["exposure"]
        if self.p95 < limits["dark_p95"]:
            return "dark"
        if self.p1 > limits["washed_p1"]:
            return "washed"
        patch = self.glare_fraction > max(limits["glare_fraction"], 4 * self.ring_glare)
        if patch and self.surface < limits["glare_max_surface"]:
            return "glare"
        return None

    def is_blurry(self) -> bool:
        return self.sharpness < _rules()["blur"]["min_sharpness"]

    def is_greyscale(self) -> bool:
        return self.colour_fraction < _rules()["grayscale"]["min_colour_fraction"]

    def as_dict(self) -> dict[str, object]:
        return {
            "sharpness": round(self.sharpness, 3),
            "colour_fraction": round(self.colour_fraction, 4),
            "luminance_p1_p50_p95": (self.p1, self.p50, self.p95),
            "glare_fraction": round(self.glare_fraction, 4),
            "ring_glare": round(self.ring_glare, 4),
            "surface": self.surface,
            "edge_activity": {k: round(v, 4) for k, v in self.edge_activity.items()},
        }


def _rules() -> dict:
    return rules.load("image_rules")


def measure(rgb: Image.Image) -> Measures:
    """Compute every measure of an RGB image (already at analysis size)."""
    luma = rgb.convert("L")
    hist = luma.histogram()
    p1, p50, p95 = (_percentile(hist, q) for q in (0.01, 0.5, 0.95))
    glare_fraction, ring_glare, surface = glare(luma)
    return Measures(
        sharpness=sharpness(luma),
        colour_fraction=colour_fraction(rgb),
        p1=p1,
        p50=p50,
        p95=p95,
        glare_fraction=glare_fraction,
        ring_glare=ring_glare,
        surface=surface,
        edge_activity=edge_activity(luma),
    )


def _percentile(hist: list[int], q: float) -> int:
    """The grey level below which a share ``q`` of the pixels lie."""
    total, running = sum(hist), 0
    for level, count in enumerate(hist):
        running += count
        if running >= q * total:
            return level
    return 255


def _gradient(luma: Image.Image) -> Image.Image:
    """Sobel gradient magnitude (|gx| + |gy|, halved), without the unfiltered 1-px frame."""
    grey = Image.new("L", luma.size, 128)
    gx = ImageChops.difference(luma.filter(_SOBEL_X), grey)
    gy = ImageChops.difference(luma.filter(_SOBEL_Y), grey)
    return ImageChops.add(gx, gy).crop((2, 2, max(3, luma.width - 2), max(3, luma.height - 2)))


def sharpness(luma: Image.Image) -> float:
    """How much the strongest edges lose when the picture is blurred a little more (0..1).

    A crisp edge loses a lot under a 1.5-px Gaussian blur; an edge that is already blurred hardly
    changes. Comparing the 99.5th-percentile gradient before (after a 3×3 mean, which tames sensor
    noise) and after makes the measure independent of contrast and exposure.
    """
    before = _percentile(_gradient(luma.filter(ImageFilter.BoxBlur(1))).histogram(), 0.995)
    after = _percentile(_gradient(luma.filter(ImageFilter.GaussianBlur(1.5))).histogram(), 0.995)
    return max(0.0, 1.0 - after / before) if before > 4 else 0.0


def colour_fraction(rgb: Image.Image) -> float:
    """Share of pixels with a clear colour once the paper is white-balanced.

    Chroma is max(R,G,B) - min(R,G,B); each channel is first scaled so that its 98th percentile
    (the paper) becomes white, which removes the cast of warm light on a photocopy.
    """
    balanced = Image.merge("RGB", [_stretch(band) for band in rgb.split()])
    r, g, b = balanced.split()
    chroma = ImageChops.subtract(
        ImageChops.lighter(r, ImageChops.lighter(g, b)),
        ImageChops.darker(r, ImageChops.darker(g, b)),
    )
    hist = chroma.histogram()
    threshold = _rules()["grayscale"]["chroma"]
    return sum(hist[threshold:]) / max(sum(hist), 1)


def _stretch(band: Image.Image) -> Image.Image:
    white = max(_percentile(band.histogram(), 0.98), 1)
    return band.point(lambda v: min(255, v * 255 // white))


def glare(luma: Image.Image) -> tuple[float, float, int]:
    """Blown-out pixels: their share in the central half (where the document is) and in the
    outer band, and the median tone of the central half's other pixels (the document surface).

    A reflection is a saturated patch on a darker surface with no saturation around it; a clean
    scan of white paper saturates everywhere, margins included, and is not glare.
    """
    w, h = luma.size
    level = _rules()["exposure"]["glare_level"]
    centre = luma.crop((w // 4, h // 4, w - w // 4, h - h // 4)).histogram()
    whole = luma.histogram()
    ring = [a - b for a, b in zip(whole, centre, strict=True)]
    rest = centre[:level]
    surface = _percentile(rest, 0.5) if sum(rest) else 255
    return _share(centre, level), _share(ring, level), surface


def _share(hist: list[int], level: int) -> float:
    return sum(hist[level:]) / max(sum(hist), 1)


def edge_activity(luma: Image.Image) -> dict[str, float]:
    """Per frame edge, the share of positions where strong detail crosses the outermost rows.

    The gradient is taken along the edge, so a border line running parallel to the frame does not
    count; text, an emblem or a seal cut by the frame does. The ends of each edge are skipped
    (rounded card corners).
    """
    cfg = _rules()["cropped"]
    strip, threshold = cfg["strip"], cfg["gradient"]
    w, h = luma.size
    bands = {
        "top": luma.crop((0, 0, w, strip)),
        "bottom": luma.crop((0, h - strip, w, h)),
        "left": luma.crop((0, 0, strip, h)).transpose(Image.Transpose.TRANSPOSE),
        "right": luma.crop((w - strip, 0, w, h)).transpose(Image.Transpose.TRANSPOSE),
    }
    return {edge: _crossings(band, threshold) for edge, band in bands.items()}


def _crossings(band: Image.Image, threshold: int) -> float:
    """Share of positions along a horizontal band where neighbours differ by more than threshold."""
    w, h = band.size
    margin = max(1, w // 30)
    if w <= 2 * margin + 1:
        return 0.0
    inner = band.crop((margin, 0, w - margin, h))
    shifted = band.crop((margin + 1, 0, w - margin + 1, h))
    step = ImageChops.difference(inner, shifted).point(lambda v: 255 if v > threshold else 0)
    return step.histogram()[255] / (step.width * step.height)
