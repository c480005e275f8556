"""Recognised text lines with their boxes, grouped into rows: what every parser reads.

The engine produces :class:`TextLine` objects; tests build them from fixtures. Parsers never see
pixels, so they are tested on lines alone.
"""

from __future__ import annotations

import math
import re
import statistics
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from desktop.core.normalize import fold_fullwidth

Box = tuple[int, int, int, int]  # left, top, right, bottom (image pixels)
Point = tuple[float, float]


@dataclass(frozen=True)
class TextLine:
    """One recognised run of text: its characters, box and recogniser confidence (0–1).

    ``box`` is in the levelled frame parsers use for rows; ``image_box`` is where the text is on
    the (upright) image, for drawing. They are the same unless the photo was tilted.
    """

    text: str
    box: Box
    score: float = 1.0
    image_box: Box | None = None

    @property
    def height(self) -> int:
        return self.box[3] - self.box[1]

    @property
    def middle(self) -> float:
        return (self.box[1] + self.box[3]) / 2

    def to_json(self) -> dict:
        box = self.image_box or self.box
        return {"text": self.text, "box": list(box), "score": round(self.score, 3)}

    @classmethod
    def from_json(cls, data: dict) -> TextLine:
        """Read ``{"text", "box", "score"}``; ``box`` is [l, t, r, b] or four corner points."""
        box = data["box"]
        if isinstance(box[0], list | tuple):
            box = bounds(box)
        return cls(data["text"], tuple(int(v) for v in box), float(data.get("score", 1.0)))


def bounds(points: Iterable[Point]) -> Box:
    """Axis-aligned box around corner points.

    >>> bounds([(10, 5), (50, 7), (49, 20), (9, 18)])
    (9, 5, 50, 20)
    """
    xs, ys = zip(*points, strict=True)
    return (math.floor(min(xs)), math.floor(min(ys)), math.ceil(max(xs)), math.ceil(max(ys)))


def from_quads(items: Iterable[tuple[str, Sequence[Point], float]]) -> list[TextLine]:
    """Lines from (text, four corners, score), levelled: rows of a tilted photo become rows.

    The median slope of the wide boxes is rotated away around the origin, so a card
    photographed at 5° still has its label and value on one row.
    """
    items = [(text, [tuple(map(float, p)) for p in quad], score) for text, quad, score in items]
    angle = _median_slope(quad for _, quad, _ in items)
    cos, sin = math.cos(-angle), math.sin(-angle)
    lines = []
    for text, quad, score in items:
        turned = [(x * cos - y * sin, x * sin + y * cos) for x, y in quad]
        lines.append(TextLine(text, bounds(turned), float(score), bounds(quad)))
    return lines


def _median_slope(quads: Iterable[Sequence[Point]]) -> float:
    slopes = []
    for quad in quads:
        (x0, y0), (x1, y1) = quad[0], quad[1]
        width, height = x1 - x0, abs(quad[3][1] - quad[0][1])
        if width > 2 * max(height, 1):
            slopes.append(math.atan2(y1 - y0, x1 - x0))
    return statistics.median(slopes) if slopes else 0.0


@dataclass(frozen=True)
class Row:
    """Lines sharing one baseline, left to right; ``text`` is their compacted concatenation."""

    lines: tuple[TextLine, ...]

    @property
    def text(self) -> str:
        return "".join(compact(line.text) for line in self.lines)

    @property
    def spaced(self) -> str:
        """Its lines' text with their spaces kept, one space between lines (Latin names:
        ``ANNA MARIA`` must not become one word).

        >>> given = TextLine("ANNA MARIA", (0, 0, 90, 20))
        >>> Row((given, TextLine("ERIKSSON", (99, 0, 180, 20)))).spaced
        'ANNA MARIA ERIKSSON'
        """
        return " ".join(_SPACES.sub(" ", fold_fullwidth(line.text)).strip() for line in self.lines)

    @property
    def box(self) -> Box:
        return _union(line.box for line in self.lines)

    @property
    def image_box(self) -> Box:
        """Where the row is on the image (see :attr:`TextLine.image_box`)."""
        return _union(line.image_box or line.box for line in self.lines)

    @property
    def score(self) -> float:
        return min(line.score for line in self.lines)


def _union(boxes: Iterable[Box]) -> Box:
    ls, ts, rs, bs = zip(*boxes, strict=True)
    return (min(ls), min(ts), max(rs), max(bs))


def rows(lines: Iterable[TextLine]) -> list[Row]:
    """Group lines into rows (vertical centres within half a line height), top to bottom.

    >>> a, b = TextLine("姓名", (10, 10, 60, 40)), TextLine("张三", (80, 12, 140, 42))
    >>> [r.text for r in rows([b, TextLine("性别男", (10, 60, 90, 90)), a])]
    ['姓名张三', '性别男']
    """
    groups: list[list[TextLine]] = []
    for line in sorted(lines, key=lambda ln: ln.middle):
        for group in groups:
            anchor = group[0]
            if abs(line.middle - anchor.middle) <= 0.5 * min(line.height, anchor.height):
                group.append(line)
                break
        else:
            groups.append([line])
    return [Row(tuple(sorted(g, key=lambda ln: ln.box[0]))) for g in groups]


_SPACES = re.compile(r"[\s\u3000]+")
_COLONS = str.maketrans({":": "", "：": ""})


def compact(text: str) -> str:
    """Fold full-width letters and digits, drop spaces and colons (labels read either way).

    >>> compact("名　　称： 某某（北京）有限公司")
    '名称某某(北京)有限公司'
    """
    return _SPACES.sub("", fold_fullwidth(text)).translate(_COLONS)


def after_label(rows_: Sequence[Row], labels: Sequence[str]) -> tuple[str, Row] | None:
    """The text following the first of ``labels`` found at the start of a row, and that row."""
    for label in labels:
        for row in rows_:
            text = row.text
            at = text.find(label)
            if at != -1 and at <= 2:
                return text[at + len(label) :], row
    return None


def below(rows_: Sequence[Row], row: Row, count: int = 1) -> list[Row]:
    """The ``count`` rows under ``row``."""
    index = rows_.index(row)
    return list(rows_[index + 1 : index + 1 + count])


def full_text(rows_: Sequence[Row]) -> str:
    """Every row's compacted text, joined with newlines (for keyword and number searches)."""
    return "\n".join(row.text for row in rows_)
