"""Convert a scan that lies on its side or upside down into an upright compliant copy.

Used when the scan reader is sure of the turn (``Reading.rotation_certain``). The conversion
itself stays :func:`desktop.core.images.convert_file`: the scan is decoded once at full size
(EXIF applied), turned losslessly into a temporary PNG, and that copy is converted. The original
is never touched; the temporary copy is removed.
"""

from __future__ import annotations

import tempfile
from dataclasses import replace
from pathlib import Path
from typing import Any

TURNS = (90, 180, 270)  # counter-clockwise, as Reading.rotation


def certain_turn(reading: Any) -> int:
    """The turn to apply before converting: the reader's, when it is sure, else 0."""
    if reading is None or not getattr(reading, "rotation_certain", False):
        return 0
    return reading.rotation if reading.rotation in TURNS else 0


def convert_upright(src: str | Path, dst: str | Path, turn: int, **options: Any):
    """``convert_file(src, dst, **options)`` of the scan turned ``turn`` degrees counter-clockwise.

    The result names ``src`` as its input and carries the note ``ROTATED``.
    """
    from desktop.core.images import convert_file
    from desktop.core.images.loading import decode

    src, dst = Path(src), Path(dst)
    if turn not in TURNS:
        return convert_file(src, dst, **options)
    image = decode(src).image.rotate(turn, expand=True)
    with tempfile.TemporaryDirectory(prefix="rnp-upright-") as tmp:
        turned = Path(tmp) / f"{src.stem}.png"
        image.save(turned, "PNG", compress_level=1)  # lossless and fast: read once, then removed
        del image
        result = convert_file(turned, dst, **options)
    result = replace(result, input=src)
    result.notes.append("ROTATED")
    result.note_params["ROTATED"] = {"degrees": turn}
    return result
