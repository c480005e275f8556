"""Find the upright page: scans and photos turned 90°, 180° or 270° without an EXIF tag.

Cost-aware: the scan is read as it is first, and only turned when the reading says it is not
upright, so upright scans pay nothing extra:

- most text lines are taller than wide → the page lies on its side: the recogniser already read
  those lines turned a quarter counter-clockwise, so that turn is tried first, then the other;
- no anchor was found (no known document, or a front without its name and number) → the page
  may be upside down: the half turn is tried.

The turn whose reading is best anchored wins (document known, check characters passing, fields
found, recogniser confidence).
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import replace

from desktop.core.ocr.classify import kind as kind_info
from desktop.core.ocr.lines import TextLine
from desktop.core.ocr.reading import Reading

SIDEWAYS_SHARE = 0.5  # of the lines with 3+ characters, this many taller than wide: on its side
TALL = 1.5  # a line box this much taller than wide is vertical text


def sideways(lines: Sequence[TextLine]) -> bool:
    """Most text lines stand upright on the image: the page lies on its side.

    >>> tall = TextLine("营业执照", (0, 0, 40, 200)); wide = TextLine("营业执照", (0, 0, 200, 40))
    >>> sideways([tall, tall, wide]), sideways([wide, wide, tall]), sideways([])
    (True, False, False)
    """
    boxes = [line.image_box or line.box for line in lines if len(line.text.strip()) >= 3]
    if not boxes:
        return False
    tall = sum(_tall(b) for b in boxes)
    return tall > SIDEWAYS_SHARE * len(boxes)


def anchored(reading: Reading) -> bool:
    """The reading found what its document kind promises (its labels and values were legible)."""
    if reading.kind == "other":
        return False
    if kind_info(reading.kind).front:
        return reading.name is not None or reading.number is not None
    return reading.issue_date is not None or reading.long_term


def quality(reading: Reading) -> tuple:
    """How well a reading is anchored, for comparing the turns of one scan (greater is better)."""
    found = [v for v in (reading.name, reading.number) if v is not None]
    dates = reading.issue_date is not None or reading.expiry_date is not None or reading.long_term
    scores = [line.score for line in reading.lines]
    return (
        anchored(reading),
        reading.kind != "other",
        any(v.verified for v in found),
        len(found) + dates,
        sum(scores) / len(scores) if scores else 0.0,
    )


def read_upright(image, read: Callable[[object], list[TextLine]], understand) -> Reading:
    """Read ``image`` (a PIL image) turned upright; ``rotation`` says by how much it was turned.

    ``read`` recognises an image's lines, ``understand`` turns lines into a :class:`Reading`.
    """
    lines = read(image)
    best = understand(lines)
    side = sideways(lines)
    if not side and anchored(best):
        return best
    turns = _turns(lines) if side else (180,)
    kept = quality(best)
    candidates = [((False, *kept[1:]) if side else kept, 0, best)]  # rows of a side page: junk
    for turn in turns:
        reading = understand(read(image.rotate(turn, expand=True)))
        candidates.append((quality(reading), turn, reading))
        if anchored(reading):
            break  # the first well-anchored turn is taken: the other one is not paid for
    _, turn, reading = max(candidates, key=lambda c: c[0])
    if turn == 0:
        return best
    certain = anchored(reading) and (side or not anchored(best))
    return replace(reading, rotation=turn, rotation_certain=certain)


def _turns(lines: Sequence[TextLine]) -> tuple[int, int]:
    """Quarter turns to try, likelier first: if the vertical lines read well as turned by the
    recogniser (a quarter counter-clockwise), the page needs that turn."""
    tall = [ln for ln in lines if _tall(ln.image_box or ln.box)]
    mean = sum(ln.score for ln in tall) / len(tall) if tall else 0.0
    return (90, 270) if mean >= 0.8 else (270, 90)


def _tall(box) -> bool:
    return (box[3] - box[1]) > TALL * (box[2] - box[0])
