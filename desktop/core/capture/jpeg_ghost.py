"""A region pasted in from another JPEG: its blocks remember a coarser quantisation.

JPEG ghosts (Farid, "Exposing digital forgeries from JPEG ghosts", 2009), computed in the DCT
domain: a block once quantised with a coarse step Q1 and saved again with the file's finer step
Q2 keeps coefficients within Q2/2 of multiples of Q1, so quantising it again at Q1 changes it
far less (about (Q2/Q1)² of the error) than it changes a block seen only at Q2. Per window of
4x4 blocks the error of re-quantising the low frequencies at the standard tables of a range of
qualities is compared with what a once-compressed block would show; a compact patch of windows
far below the rest is a region with another compression history. A paste from a JPEG whose
8x8 grid sat elsewhere is searched on that grid: the patch's own block edges (blockiness at
another phase, as in block-artefact-grid analysis) say where.

A whole picture saved twice (a chat app, an editor's "save") shows the ghost everywhere and is
no evidence of a paste; only a patch that differs from the rest counts. Evidence comes from
the luminance at the file's own pixels (one reduced-cost luma decode, no colour), numpy only:
no maintained library implements JPEG-ghost analysis.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from PIL import Image

from desktop.core.paths import extended

_BASE = (  # JPEG Annex K luminance table (libjpeg's quality 50), natural order
    16, 11, 10, 16, 24, 40, 51, 61, 12, 12, 14, 19, 26, 58, 60, 55,
    14, 13, 16, 24, 40, 57, 69, 56, 14, 17, 22, 29, 51, 87, 80, 62,
    18, 22, 37, 56, 68, 109, 103, 77, 24, 35, 55, 64, 81, 104, 113, 92,
    49, 64, 78, 87, 103, 121, 120, 101, 72, 92, 95, 98, 112, 100, 103, 99,
)  # fmt: skip
LOW = 4  # the 4x4 lowest frequencies of each block: most non-zero coefficients live there
WINDOW = 4  # blocks per window side (32 px)


def standard_table(quality: int) -> tuple[int, ...]:
    """libjpeg's luminance table for ``quality`` (1..100), as Pillow and most encoders write it.

    >>> standard_table(50)[:4], standard_table(90)[:4]
    ((16, 11, 10, 16), (3, 2, 2, 3))
    """
    scale = 5000 // quality if quality < 50 else 200 - 2 * quality
    return tuple(min(255, max(1, (q * scale + 50) // 100)) for q in _BASE)


def luma_and_table(path: Path, max_pixels: int) -> tuple[Any, tuple[int, ...]] | None:
    """The file's luminance at its own pixels (float32 array) and its luminance table, or
    None when it is no JPEG with one (PNG, BMP) or too big to decode here."""
    try:
        import numpy as np

        with Image.open(extended(path)) as im:  # long Windows paths too
            if im.format != "JPEG" or not getattr(im, "quantization", None):
                return None
            if im.width * im.height > max_pixels:
                return None
            table = tuple(im.quantization[0])
            im.draft("L", im.size)  # the Y channel only: no colour conversion
            luma = np.asarray(im.convert("L"), dtype=np.float32)
    except Exception:  # unreadable here means no evidence; the loader reports real damage
        return None
    return (luma, table) if len(table) == 64 else None


def find_paste(luma: Any, table: tuple[int, ...], cfg: dict[str, Any]) -> dict[str, Any] | None:
    """The strongest patch whose blocks re-quantise far better than the rest, on the file's
    grid or on the grid its own block edges show; None when there is no such patch."""
    import numpy as np

    file_q = np.array(table, dtype=np.float32).reshape(8, 8)[:LOW, :LOW]
    luma, origin = _centre(luma, cfg["max_side"])
    best: dict[str, Any] | None = None
    for offset in [(0, 0), *_other_grids(np, luma, cfg)]:
        found = _ghost_patch(np, luma, file_q, offset, cfg)
        if found and (best is None or found["contrast"] > best["contrast"]):
            best = found
    if best is not None:  # in the file's pixels
        best["box"] = [v + origin[i % 2] for i, v in enumerate(best["box"])]
    return best


def _centre(luma: Any, side: int) -> tuple[Any, tuple[int, int]]:
    """At most ``side`` x ``side`` pixels from the middle (where the document is), cut on the
    file's 8-pixel grid so that its blocks stay whole."""
    h, w = luma.shape
    top = max(0, (h - side) // 2) // 8 * 8
    left = max(0, (w - side) // 2) // 8 * 8
    return luma[top : top + side, left : left + side], (left, top)


def _dct_low(np: Any, luma: Any, offset: tuple[int, int]) -> Any:
    """The LOW x LOW lowest DCT coefficients of every 8x8 block on the grid starting at
    ``offset`` (x, y): shape (blocks down, blocks across, LOW * LOW), u-major."""
    dx, dy = offset
    a = luma[dy:, dx:]
    h, w = (a.shape[0] // 8) * 8, (a.shape[1] // 8) * 8
    bh, bw = h // 8, w // 8
    blocks = (a[:h, :w] - 128.0).reshape(bh, 8, bw, 8).transpose(0, 2, 1, 3)  # (.., i, j)
    k = np.arange(8)
    basis = np.cos((2 * k[None, :] + 1) * k[:, None] * np.pi / 16) * np.sqrt(2 / 8)
    basis[0] /= np.sqrt(2)
    low = np.ascontiguousarray(basis[:LOW].T, dtype=np.float32)  # (8, LOW)
    cols = blocks.reshape(-1, 8) @ low  # (.., i, v): one matrix product each way (BLAS)
    cols = cols.reshape(bh * bw, 8, LOW).transpose(0, 2, 1).reshape(-1, 8) @ low  # (.., v, u)
    return cols.reshape(bh, bw, LOW, LOW).transpose(0, 1, 3, 2).reshape(bh, bw, LOW * LOW)


def _ghost_patch(
    np: Any, luma: Any, file_q: Any, offset: tuple[int, int], cfg: dict[str, Any]
) -> dict[str, Any] | None:
    coeffs = _dct_low(np, luma, offset)
    bh, bw = (coeffs.shape[0] // WINDOW) * WINDOW, (coeffs.shape[1] // WINDOW) * WINDOW
    if bh < 4 * WINDOW or bw < 4 * WINDOW:
        return None
    coeffs = coeffs[:bh, :bw]
    # flat blocks (paper, a dark desk) carry no evidence: only textured ones are measured
    textured = (np.abs(coeffs[..., 1:]) >= cfg["min_texture"]).sum(-1) >= 2
    by, bx = textured.nonzero()
    windows = (bh // WINDOW, bw // WINDOW)
    window_of = (by // WINDOW) * windows[1] + bx // WINDOW
    c_all = coeffs[by, bx]  # (textured blocks, LOW * LOW)
    busy = (np.abs(c_all) >= cfg["min_texture"]).sum(-1)
    busy_w = np.bincount(window_of, weights=busy, minlength=windows[0] * windows[1])
    busy_w = busy_w.reshape(windows)
    file_steps = file_q.reshape(-1)
    best = None
    low, high, stride = cfg["qualities"]
    for quality in range(low, high + 1, stride):
        steps = np.array(standard_table(quality)).reshape(8, 8)[:LOW, :LOW].reshape(-1)
        if steps.mean() < cfg["min_mean_ratio"] * file_steps.mean():
            continue  # barely coarser than the file itself: nothing a block could remember
        if offset == (0, 0):  # on the file's grid only steps coarser than its own remember
            use = steps >= cfg["min_step_ratio"] * file_steps
            if use.sum() < cfg["min_coarser"]:
                continue
            c, step = c_all[:, use], steps[use].astype(np.float32)
        else:
            c, step = c_all, steps.astype(np.float32)
        err = ((c - step * np.round(c / step)) ** 2).sum(-1)
        ref = np.minimum(c * c, step * step / 12).sum(-1)  # a once-compressed block's error
        err_w, ref_w = (
            np.bincount(window_of, weights=x, minlength=windows[0] * windows[1]).reshape(windows)
            for x in (err, ref)
        )
        valid = (busy_w >= cfg["min_busy"]) & (ref_w > 0)
        if valid.sum() < cfg["min_windows"] * 4:
            continue
        ratio = np.where(valid, err_w / np.maximum(ref_w, 1e-6), np.nan)
        found = _patch(np, ratio, valid, cfg)
        if found and (best is None or found["contrast"] > best["contrast"]):
            best = {**found, "quality": quality}
    if best is None:
        return None
    top, left, bottom, right = best.pop("box")
    px = WINDOW * 8
    best["box"] = [left * px + offset[0], top * px + offset[1], right * px + offset[0],
                   bottom * px + offset[1]]  # fmt: skip
    best["grid_offset"] = list(offset)
    return best


def _patch(np: Any, ratio: Any, valid: Any, cfg: dict[str, Any]) -> dict[str, Any] | None:
    """The largest 4-connected patch of windows at or under ``max_ratio`` while the rest of
    the picture's median is at or over ``min_background`` and ``min_contrast`` times the
    patch's."""
    low = valid & (ratio <= cfg["max_ratio"])
    if low.sum() < cfg["min_windows"]:
        return None
    low[0, :] = low[-1, :] = low[:, 0] = low[:, -1] = False  # edge windows: partial blocks
    component = _largest_component(low)
    size = len(component)
    if size < cfg["min_windows"] or size > cfg["max_share"] * valid.sum():
        return None
    mask = np.zeros_like(low)
    ys, xs = zip(*component, strict=True)
    tall, wide = max(ys) - min(ys) + 1, max(xs) - min(xs) + 1
    if min(tall, wide) < 2 or size < cfg["min_fill"] * tall * wide:
        return None  # a pasted name or photo is a solid patch, not a line along an edge
    mask[list(ys), list(xs)] = True
    rest = ratio[valid & ~mask]
    background = float(np.median(rest)) if rest.size else 0.0
    inside = float(np.median(ratio[mask]))
    if inside < cfg["min_patch_ratio"]:
        return None  # no error at all: identical blocks (a straight edge), not a paste
    if background < cfg["min_background"] or background < cfg["min_contrast"] * inside:
        return None  # moderate evidence is no evidence: a false alarm costs more
    return {
        "windows": size,
        "patch_ratio": round(inside, 3),
        "background_ratio": round(background, 3),
        "contrast": round(background / max(inside, 1e-3), 2),
        "box": (min(ys), min(xs), max(ys) + 1, max(xs) + 1),
    }


def _largest_component(mask: Any) -> list[tuple[int, int]]:
    """4-connected flood fill over the window grid (at most a few thousand cells)."""
    seen: set[tuple[int, int]] = set()
    best: list[tuple[int, int]] = []
    h, w = mask.shape
    for y, x in zip(*mask.nonzero(), strict=True):
        if (y, x) in seen:
            continue
        stack, part = [(int(y), int(x))], []
        seen.add((int(y), int(x)))
        while stack:
            cy, cx = stack.pop()
            part.append((cy, cx))
            for ny, nx in ((cy + 1, cx), (cy - 1, cx), (cy, cx + 1), (cy, cx - 1)):
                if 0 <= ny < h and 0 <= nx < w and mask[ny, nx] and (ny, nx) not in seen:
                    seen.add((ny, nx))
                    stack.append((ny, nx))
        if len(part) > len(best):
            best = part
    return best


def _other_grids(np: Any, luma: Any, cfg: dict[str, Any]) -> list[tuple[int, int]]:
    """Grid offsets other than the file's that some patch's own block edges show: per 32 px
    window, the column and row phase (mod 8) where the luminance steps most; per axis the
    phase most windows hold, when at least ``min_grid_windows`` and ``min_grid_lead`` times
    the other phases' median do (both axes: a paste shifted along one only is not sought)."""
    size = WINDOW * 8
    h, w = (luma.shape[0] // size) * size, (luma.shape[1] // size) * size
    if h < 4 * size or w < 4 * size:
        return []
    a = luma[:h, :w]
    n = size // 8
    # column edges read on every other row, row edges on every other column: half the work
    px = _edge_profile(np, a[::2]).reshape(h // size, size // 2, w // size, n, 8)
    py = _edge_profile(np, a[:, ::2].T).reshape(w // size, size // 2, h // size, n, 8)
    px = px.mean(axis=(1, 3))  # (window rows, window columns, phase)
    py = py.mean(axis=(1, 3)).transpose(1, 0, 2)
    phases = []
    for profile in (px, py):  # the strongest non-file phase per axis, if windows agree
        sharp = profile.max(-1) / np.maximum(np.median(profile, axis=-1), 1e-3)
        phase = profile.argmax(-1)[(sharp >= cfg["min_edge_contrast"])]
        counts = np.bincount(phase, minlength=8)[1:]  # the file's own grid left out
        top = int(counts.argmax())
        lead = counts[top] / max(float(np.median(np.delete(counts, top))), 1.0)
        agree = counts[top] >= cfg["min_grid_windows"] and lead >= cfg["min_grid_lead"]
        phases.append(top + 1 if agree else 0)
    return [] if 0 in phases else [(phases[0], phases[1])]


def _edge_profile(np: Any, a: Any) -> Any:
    """Per pixel, how much the step in front of it (from the column before) exceeds its two
    neighbouring steps' mean: a block edge is a step where the content around is smooth;
    text edges spread over a few pixels. Same shape as ``a`` (first column: 0)."""
    steps = np.abs(a[:, 1:] - a[:, :-1])
    out = np.zeros_like(a)
    inner = steps[:, 1:-1] - 0.5 * (steps[:, :-2] + steps[:, 2:])
    out[:, 2:-1] = np.maximum(inner, 0)
    return out
