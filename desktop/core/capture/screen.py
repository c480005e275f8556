"""A photo of a screen, told by its colour: the subpixel grid's trace in the spectrum.

An LCD pixel is a red, a green and a blue stripe side by side, so the three colour channels of
a photographed screen carry the same periodic pattern (the grid, or the moiré the camera's
sampling makes of it) *shifted* against each other by a third of a pixel: at that pattern's
frequency their Fourier coefficients differ in phase. Ink on paper (text lines, guilloche,
crosshatch, halftone) changes the colour along one direction only, where it is printed: all
three channels rise and fall together, their coefficients share one phase (up to sign). So a
sharp spectrum peak whose colour coefficients are out of phase ("phase diversity": the share
of the peak's power outside one common phase) is the screen's evidence; a printed pattern,
however regular, has none (the real certificates of ../shared/ocr-real/ stay under 0.01).

The luminance spectrum alone cannot tell a screen's grid from a certificate's crosshatch
(both are 2D lattices of sharp peaks); that route stays in forensics.spectrum_peak (fine grids
only). Written with numpy because no maintained library measures this; cv2.dft when the
``ocr`` extra provides it (5x faster than numpy's FFT here).
"""

from __future__ import annotations

import math
from typing import Any

from PIL import Image

_TILES = ((0.5, 0.5), (0.3, 0.4), (0.7, 0.6))  # tile centres, as shares of the picture


def colour_grid(rgb: Image.Image, scale: float, cfg: dict[str, Any]) -> dict[str, float] | None:
    """The strongest out-of-phase colour peak over a few tiles of ``rgb`` (the analysis copy,
    ``scale`` times the file's pixels): ``colour_peak`` (log-magnitude over its 11x11
    neighbourhood), ``diversity`` (0 one phase .. 0.5 three phases 120° apart), ``period``
    (px at analysis size) and ``angle`` (degrees). None without numpy or on a tiny picture."""
    try:
        import numpy as np
    except ImportError:
        return None
    n = 512 if min(rgb.size) >= 600 else 256
    if min(rgb.size) < n:
        return None
    pixels = np.asarray(rgb.convert("RGB"), dtype=np.float32)
    allowed, u, v = _ring(np, n, scale, cfg["max_colour_period"])
    best: dict[str, float] | None = None
    for cx, cy in _TILES:
        left = int(min(max(cx * rgb.width - n / 2, 0), rgb.width - n))
        top = int(min(max(cy * rgb.height - n / 2, 0), rgb.height - n))
        found = _tile_peak(np, pixels[top : top + n, left : left + n], allowed, cfg)
        if found and (best is None or found[0] > best["colour_peak"]):
            prominence, diversity, iy, ix = found
            fu, fv = float(u[iy, ix]), float(v[iy, ix])
            best = {
                "colour_peak": round(prominence, 2),
                "diversity": round(diversity, 3),
                "period": round(n / max(math.hypot(fu, fv), 1e-6), 2),
                "angle": round(math.degrees(math.atan2(fv, fu)) % 180, 1),
            }
    return best or {"colour_peak": 0.0, "diversity": 0.0, "period": 0.0, "angle": 0.0}


def _ring(np: Any, n: int, scale: float, max_period: float) -> tuple[Any, Any, Any]:
    """Frequencies worth reading: periods of at most ``max_period`` px (a screen's grid and
    its finer moiré; coarse colour swings are lighting and wood grain), off the axes (borders,
    text baselines), and off the lines of the file's 8x8 JPEG blocks (and 16x16 colour
    blocks) at analysis size."""
    v, u = np.mgrid[-n // 2 : n // 2, -n // 2 : n // 2]
    radius = np.hypot(u, v)
    allowed = (radius > n / max_period) & (radius < 0.49 * n) & (np.abs(u) > 2) & (np.abs(v) > 2)
    for block in (8, 16):
        step = n / (block * scale)
        for k in range(1, int(n / 2 / step) + 1):
            allowed &= np.abs(np.abs(u) - k * step) > 1.5
            allowed &= np.abs(np.abs(v) - k * step) > 1.5
    return allowed, u, v


def _tile_peak(np: Any, tile: Any, allowed: Any, cfg: dict[str, Any]) -> tuple | None:
    n = tile.shape[0]
    window = np.outer(np.hanning(n), np.hanning(n)).astype(np.float32)
    spectra = [_fft(np, (tile[..., c] - tile[..., c].mean()) * window) for c in range(3)]
    aa = sum(re * re for re, _ in spectra)
    bb = sum(im * im for _, im in spectra)
    ab = sum(re * im for re, im in spectra)
    total = aa + bb  # power over the three channels
    det = np.maximum(aa * bb - ab * ab, 0)
    # the smaller singular value² of [Re | Im]: the power no single phase explains
    diverse = np.maximum((total - np.sqrt(np.maximum(total * total - 4 * det, 0))) / 2, 0)
    diversity = diverse / np.maximum(total, 1e-9)
    level = np.log1p(np.sqrt(total)).astype(np.float32)
    prominence = level - _box(np, level, 11)
    peaks = allowed & (prominence >= _dilate(np, prominence)) & (diversity >= cfg["min_diversity"])
    if not peaks.any():
        return None
    index = int(np.argmax(np.where(peaks, prominence, -np.inf)))
    iy, ix = divmod(index, n)
    return float(prominence[iy, ix]), float(diversity[iy, ix]), iy, ix


def _cv2() -> Any:
    try:
        import cv2
    except ImportError:
        return None
    return cv2


def _fft(np: Any, a: Any) -> tuple[Any, Any]:
    """Real and imaginary parts of the 2D transform, zero frequency centred (float32 with
    cv2, 5x faster than numpy's FFT here)."""
    cv2 = _cv2()
    if cv2 is None:
        out = np.fft.fftshift(np.fft.fft2(a))
        return out.real, out.imag
    out = cv2.dft(np.ascontiguousarray(a, dtype=np.float32), flags=cv2.DFT_COMPLEX_OUTPUT)
    return np.fft.fftshift(out[..., 0]), np.fft.fftshift(out[..., 1])


def _box(np: Any, a: Any, size: int) -> Any:
    """Mean over a ``size`` x ``size`` neighbourhood (the spectrum's edges, the highest
    frequencies, are outside the ring read)."""
    cv2 = _cv2()
    if cv2 is not None:
        return cv2.blur(a, (size, size), borderType=cv2.BORDER_REFLECT)
    pad = size // 2
    padded = np.pad(a, pad, mode="symmetric")  # as cv2.BORDER_REFLECT
    c = padded.cumsum(0).cumsum(1)
    c = np.pad(c, ((1, 0), (1, 0)))
    h, w = a.shape
    total = c[size : size + h, size : size + w] - c[:h, size : size + w]
    total = total - c[size : size + h, :w] + c[:h, :w]
    return total / (size * size)


def _dilate(np: Any, a: Any) -> Any:
    """The 3x3 neighbourhood maximum."""
    cv2 = _cv2()
    if cv2 is not None:
        return cv2.dilate(a, np.ones((3, 3), np.uint8))
    padded = np.pad(a, 1, mode="symmetric")
    h, w = a.shape
    return np.max([padded[y : y + h, x : x + w] for y in range(3) for x in range(3)], axis=0)
