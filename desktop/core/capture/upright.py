"""Turn a straightened document upright, as its text reads (the ``ocr`` extra).

The perspective warp makes the document's edges straight but keeps the photo's orientation:
a card photographed sideways stays sideways. The scan reader's orientation logic
(:func:`desktop.core.ocr.orient.read_upright`) is run on a reduced copy of the straightened
document, and the turn is applied only when the reader is certain
(:func:`desktop.core.ocr.upright.certain_turn`). Without the extra nothing is guessed: the
document keeps the orientation the photo gives it, and the result says it was not checked.
"""

from __future__ import annotations

from PIL import Image

READ_SIDE = 1280  # the reader's text detector sees 960 px anyway: a reduced copy is enough


def document_turn(image: Image.Image) -> int | None:
    """Counter-clockwise degrees (0, 90, 180, 270) that make ``image`` upright, 0 when unsure;
    None when scan reading is not installed (nothing was checked)."""
    from desktop.core.ocr import engine

    if not engine.available():
        return None
    try:
        reader = engine.get_engine()
    except engine.OcrUnavailable:
        return None
    from desktop.core.ocr.document import understand
    from desktop.core.ocr.orient import read_upright
    from desktop.core.ocr.upright import certain_turn

    small = image.convert("RGB")
    small.thumbnail((READ_SIDE, READ_SIDE), Image.Resampling.BILINEAR, reducing_gap=2.0)
    return certain_turn(read_upright(small, reader.read, understand))


def turned(image: Image.Image, turn: int) -> Image.Image:
    """``image`` turned ``turn`` degrees counter-clockwise (lossless for quarter turns)."""
    return image.rotate(turn, expand=True) if turn % 360 else image


def note(result, turn: int | None) -> None:
    """Record on a ConvertResult what was done about orientation."""
    if turn is None:
        result.notes.append("ORIENTATION_UNCHECKED")
    elif turn:
        result.notes.append("ROTATED")
        result.note_params["ROTATED"] = {"degrees": turn}


SIDES = ("FRONT", "BACK")  # merge: notes FRONT_ROTATED, BACK_ROTATED


def note_sides(result, turns: list[int | None]) -> None:
    """Record on a merge's ConvertResult what was done about each side's orientation."""
    if any(turn is None for turn in turns):
        result.notes.append("ORIENTATION_UNCHECKED")
    for side, turn in zip(SIDES, turns, strict=False):
        if turn:
            result.notes.append(f"{side}_ROTATED")
            result.note_params[f"{side}_ROTATED"] = {"degrees": turn}
