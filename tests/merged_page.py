"""Cut a merged page (``convert --merge``: front above back on white) back into its two faces."""

from __future__ import annotations

from PIL import Image


def faces(page: Image.Image, white: int = 240) -> tuple[Image.Image, Image.Image]:
    """A merged page (front above back) cut at its white gap: the top face and the bottom face.

    The gap is the longest run of all-white rows (``white`` allows for JPEG) that touches
    neither the top nor the bottom edge (those are the page's margins)."""
    grey = page.convert("L")
    data, width = grey.tobytes(), grey.width
    rows = [min(data[y * width : (y + 1) * width]) >= white for y in range(grey.height)]
    runs, start = [], None
    for y, blank in enumerate([*rows, False]):
        if blank and start is None:
            start = y
        elif not blank and start is not None:
            runs.append((start, y))
            start = None
    inner = [(a, b) for a, b in runs if a > 0 and b < grey.height]
    top, bottom = max(inner, key=lambda run: run[1] - run[0])
    rgb = page.convert("RGB")
    return rgb.crop((0, 0, rgb.width, top)), rgb.crop((0, bottom, rgb.width, rgb.height))
