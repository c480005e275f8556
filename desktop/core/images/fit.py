"""Fit a picture into a byte window: JPEG by choosing resolution and quality together, BMP by size.

JPEG size follows a power law of libjpeg's quantisation scale, ``bytes ≈ C · scale^-a`` with ``a``
between 0.3 (flat scans) and 0.9 (detailed photos). The first encode gives ``C``; the second gives
``a``; the third usually lands on the highest quality that fits, so a fit takes 1-4 encodes
instead of a bisection from scratch. When only a low quality would fit, a smaller, sharper image
wins over a blocky full-size one: the resolution drops first, never under a legibility floor.
"""

from __future__ import annotations

import math
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

from PIL import Image

from desktop.core.atomic import remove_quietly, temp_path_beside

SUBSAMPLING_420, SUBSAMPLING_444 = 2, 0
_DEFAULT_EXPONENT = 0.6
_AREA_EXPONENT = 0.9  # bytes ∝ pixels^0.9 at a fixed quality (smaller images are denser)
AIM = 0.97  # aim a little under the limit, so one prediction error does not cost an encode


class CannotFit(ValueError):
    """No output inside the window within the limits; ``reason`` is a key of ``_reasons``."""

    def __init__(self, reason: str, **params: object) -> None:
        super().__init__(reason)
        self.reason, self.params = reason, params


@dataclass(frozen=True)
class Window:
    min_bytes: int
    max_bytes: int


@dataclass(frozen=True)
class Attempt:
    quality: int
    subsampling: int
    size: int


@dataclass
class JpegFit:
    """The chosen encoding (its bytes are in ``Encoder.best``) and how it was found."""

    attempt: Attempt
    size: tuple[int, int]
    encodes: int
    enlarged: float = 1.0  # > 1 when a small source had to be enlarged to reach min_bytes
    tried: list[Attempt] = field(default_factory=list)


class Encoder:
    """JPEG attempts go to a scratch file beside the output; the best fitting one is kept."""

    def __init__(self, target: Path, check: Callable[[], None]) -> None:
        self.scratch = temp_path_beside(target, ".try")
        self.best = temp_path_beside(target, ".fit")
        self.check = check
        self.count = 0

    def encode(self, image: Image.Image, quality: int, subsampling: int) -> int:
        """Encode into the scratch file (baseline, no metadata) and return its byte size."""
        self.check()
        image.save(
            self.scratch, "JPEG", quality=quality, subsampling=subsampling, progressive=False
        )
        self.count += 1
        return self.scratch.stat().st_size

    def keep(self) -> None:
        """The scratch file becomes the best one so far."""
        self.scratch, self.best = self.best, self.scratch

    def close(self) -> None:
        remove_quietly(self.scratch)
        remove_quietly(self.best)


def quant_scale(quality: int) -> float:
    """libjpeg's quantisation-table scale for a quality setting (1.0 at 50, 0.1 at 95).

    >>> quant_scale(50), quant_scale(90), quant_scale(25)
    (1.0, 0.2, 2.0)
    """
    return (200 - 2 * quality) / 100 if quality >= 50 else 50 / quality


def quality_for_scale(scale: float) -> int:
    """The inverse of :func:`quant_scale`, rounded down (a lower quality is the safe side).

    >>> quality_for_scale(0.2), quality_for_scale(2.0)
    (90, 25)
    """
    quality = 100 - 50 * scale if scale <= 1 else 50 / scale
    return max(1, min(100, math.floor(quality + 1e-9)))


def predict_quality(known: Attempt, target: int, exponent: float) -> int:
    """The quality whose size the power law puts at ``target`` bytes, from one known attempt."""
    scale = max(quant_scale(known.quality), 0.01) * (known.size / target) ** (1 / exponent)
    return quality_for_scale(scale)


def predicted_size(known: Attempt, quality: int, exponent: float) -> float:
    """The power law's size at ``quality``, from one known attempt."""
    ratio = max(quant_scale(known.quality), 0.01) / max(quant_scale(quality), 0.01)
    return known.size * ratio**exponent


def exponent_between(a: Attempt, b: Attempt) -> float:
    """The power-law exponent through two attempts (clamped to a plausible range)."""
    ratio = math.log(max(quant_scale(a.quality), 0.01) / max(quant_scale(b.quality), 0.01))
    if abs(ratio) < 1e-6 or a.size <= 0 or b.size <= 0:
        return _DEFAULT_EXPONENT
    return min(1.5, max(0.15, math.log(b.size / a.size) / ratio))


@dataclass
class _Search:
    """The highest quality in [low, high] whose encoding is at most ``limit`` bytes."""

    image: Image.Image
    encoder: Encoder
    limit: int
    low: int
    high: int
    subsampling: int
    accept: float  # stop once a fitting attempt uses this share of the limit
    tried: list[Attempt] = field(default_factory=list)
    fit: Attempt | None = None
    over: Attempt | None = None

    def run(self, first: int, give_up_below: int | None = None) -> Attempt | None:
        quality = max(self.low, min(self.high, first))
        while quality is not None:
            self._try(quality)
            quality = self._next(give_up_below)
        return self.fit

    def _try(self, quality: int) -> None:
        attempt = Attempt(
            quality, self.subsampling, self.encoder.encode(self.image, quality, self.subsampling)
        )
        self.tried.append(attempt)
        if attempt.size <= self.limit:
            if self.fit is None or quality > self.fit.quality:
                self.fit = attempt
                self.encoder.keep()
        elif self.over is None or quality < self.over.quality:
            self.over = attempt

    def _next(self, give_up_below: int | None) -> int | None:
        fit, over = self.fit, self.over
        if fit and (fit.quality >= self.high or fit.size >= self.accept * self.limit):
            return None
        if fit and over and over.quality - fit.quality <= 1:
            return None
        if over and over.quality <= self.low:
            return None
        guess = predict_quality(self._nearest(), int(self.limit * AIM), self._exponent())
        if fit is None and give_up_below is not None and guess < give_up_below:
            return None  # only a poor quality would fit: the caller shrinks the picture instead
        lower = fit.quality + 1 if fit else self.low
        upper = over.quality - 1 if over else self.high
        return max(lower, min(upper, guess))

    def _nearest(self) -> Attempt:
        return min(self.tried, key=lambda a: abs(math.log(a.size / self.limit)))

    def nearest_to(self, quality: int) -> Attempt:
        return min(self.tried, key=lambda a: abs(a.quality - quality))

    def exponent(self) -> float:
        return self._exponent()

    def _exponent(self) -> float:
        if len(self.tried) < 2:
            return _DEFAULT_EXPONENT
        a, b = sorted(self.tried[-2:], key=lambda t: t.quality)
        return exponent_between(a, b) if a.quality != b.quality else _DEFAULT_EXPONENT


@dataclass(frozen=True)
class JpegPolicy:
    """Qualities and sizes from resources/image_rules.json ("convert")."""

    first_quality: int = 90
    good_quality: int = 85
    min_quality: int = 60
    max_quality: int = 95
    floor_long_side: int = 1200
    accept: float = 0.9
    max_output_pixels: int = 24_000_000

    @classmethod
    def from_rules(cls, cfg: dict) -> JpegPolicy:
        keys = ("first_quality", "good_quality", "min_quality", "max_quality", "floor_long_side")
        return cls(
            **{k: cfg[k] for k in keys},
            accept=cfg.get("accept_fill", 0.9),
            max_output_pixels=cfg.get("max_output_pixels", 24_000_000),
        )


def fit_jpeg(image: Image.Image, window: Window, encoder: Encoder, policy: JpegPolicy) -> JpegFit:
    """Encode ``image`` (possibly resized) into ``window`` at the best quality that fits.

    Above the floor size only good qualities are tried; if none fits, the picture shrinks to
    where the first quality should fit (never under the floor). At the floor, qualities down to
    ``min_quality`` are allowed, and only then does the picture shrink further.
    """
    tried: list[Attempt] = []
    first = policy.first_quality
    while True:
        above_floor = max(image.size) > policy.floor_long_side
        low = policy.good_quality if above_floor else policy.min_quality
        search = _Search(
            image,
            encoder,
            window.max_bytes,
            low,
            policy.max_quality,
            SUBSAMPLING_420,
            policy.accept,
        )
        fit = search.run(first, give_up_below=low)
        tried += search.tried
        if fit is None:
            goal = policy.first_quality if above_floor else policy.min_quality
            image = _shrink(image, search, goal, policy.floor_long_side if above_floor else 0)
            first = goal
            continue
        if fit.size >= window.min_bytes:
            return JpegFit(fit, image.size, encoder.count, tried=tried)
        return _reach_minimum(image, window, encoder, tried, policy.max_output_pixels)


def _shrink(image: Image.Image, search: _Search, goal: int, floor: int) -> Image.Image:
    """A smaller copy expected to fit at quality ``goal``, not below ``floor`` pixels long."""
    expected = predicted_size(search.nearest_to(goal), goal, search.exponent())
    area = (search.limit * AIM / expected) ** (1 / _AREA_EXPONENT)
    factor = min(0.95, math.sqrt(area))
    if floor:
        factor = max(factor, floor / max(image.size))
    return resized(image, factor)


def _reach_minimum(
    image: Image.Image, window: Window, encoder: Encoder, tried: list[Attempt], max_pixels: int
) -> JpegFit:
    """Too few bytes even at the top quality: 4:4:4 up to quality 100, then enlarge honestly
    (CannotFit beyond ``max_pixels``: a flat picture may never reach the minimum)."""
    enlarged = 1.0
    source = image
    while True:
        search = _Search(image, encoder, window.max_bytes, 90, 100, SUBSAMPLING_444, 1.0)
        fit = search.run(100)
        tried += search.tried
        if fit and fit.size >= window.min_bytes:
            return JpegFit(fit, image.size, encoder.count, enlarged, tried)
        best = fit or search.tried[-1]
        area = (window.min_bytes * 1.15 / best.size) ** (1 / 0.7)
        enlarged *= max(1.1, math.sqrt(area))
        if source.width * source.height * enlarged**2 > max_pixels:
            raise CannotFit("fit_pixels", limit=max_pixels)
        image = resized(source, enlarged)


def resized(image: Image.Image, factor: float) -> Image.Image:
    """``image`` scaled by ``factor`` (Lanczos), at least 1×1."""
    size = (max(1, round(image.width * factor)), max(1, round(image.height * factor)))
    return image.resize(size, Image.Resampling.LANCZOS, reducing_gap=3.0 if factor < 1 else None)


# --- BMP ---------------------------------------------------------------------------------------


def bmp_bytes(width: int, height: int) -> int:
    """Size of a 24-bit BMP file: 54-byte headers plus rows padded to 4 bytes.

    >>> bmp_bytes(666, 499)
    998054
    """
    return 54 + ((width * 3 + 3) // 4 * 4) * height


def bmp_size(width: int, height: int, window: Window) -> tuple[int, int]:
    """The largest size with ``width:height`` whose 24-bit BMP fits the window (or the smallest
    that reaches ``min_bytes`` when the picture is tiny).

    >>> bmp_size(4032, 3024, Window(56320, 1_000_000))
    (665, 499)
    """
    if window.min_bytes <= bmp_bytes(width, height) <= window.max_bytes:
        return width, height
    aspect = width / height
    target = window.max_bytes if bmp_bytes(width, height) > window.max_bytes else window.min_bytes
    w = max(1, round(math.sqrt((target - 54) / 3 * aspect)))
    size = (w, max(1, round(w / aspect)))
    while bmp_bytes(*size) > window.max_bytes:
        w -= 1
        size = (w, max(1, round(w / aspect)))
    while bmp_bytes(*size) < window.min_bytes:
        w += 1
        size = (w, max(1, round(w / aspect)))
    return size
