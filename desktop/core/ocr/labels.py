"""Find printed labels the recogniser may have misread, and the value that belongs to each.

A label is matched at the start of a row's text by edit distance *relative to its length*
(a dropped or wrong character in a 6-character label is fine, in a 2-character label only
when its row then holds the value shape the caller asks for). The value is taken by geometry:
the rest of the label's line and the lines right of it on the same row, up to a wide gap or the
next label, so a neighbouring column never joins it.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass

from desktop.core.ocr.lines import Row, TextLine, compact


def distance(a: str, b: str) -> int:
    """Levenshtein distance (labels are a few characters long: the plain DP is enough, and the
    standard library has none; difflib's ratio is not an edit count).

    >>> distance("公民身份号码", "公民出号码"), distance("姓名", "姓色"), distance("名称", "名八称")
    (2, 1, 1)
    """
    previous = list(range(len(b) + 1))
    for i, ca in enumerate(a, 1):
        current = [i]
        for j, cb in enumerate(b, 1):
            current.append(min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + (ca != cb)))
        previous = current
    return previous[-1]


def allowed(label: str) -> int:
    """Edits tolerated in ``label``: a third of its length, rounded down, at least one.

    >>> [allowed(x) for x in ("姓名", "有效期限", "公民身份号码")]
    [1, 1, 2]
    """
    return max(1, len(label) // 3)


@dataclass(frozen=True)
class Hit:
    """A label found at the start of ``row``: ``rest`` is the text after it on the row."""

    row: Row
    label: str
    edits: int
    consumed: int  # characters of the row's text taken by the label as read

    @property
    def rest(self) -> str:
        return self.row.text[self.consumed :]


def match_start(
    text: str, label: str, lead: int = 2, ends: frozenset[int] = frozenset()
) -> tuple[int, int] | None:
    """(edits, characters consumed) when ``text`` starts with ``label`` as read, else None.

    Up to ``lead`` characters before the label are skipped (a stray mark or bracket). Of equal
    readings, one ending where a recognised line ends (``ends``: offsets in ``text``) wins, then
    the longer: a label read with a character lost, alone on its line, never takes the first
    character of the value beside it.

    >>> match_start("姓色刘晓梅", "姓名"), match_start("名八称上海某公司", "名称")
    ((1, 2), (1, 3))
    >>> match_start("名张三", "姓名"), match_start("称深圳市某公司", "名称")
    ((1, 1), (1, 1))
    >>> match_start("名西安某某公司", "名称"), match_start("名西安某某公司", "名称", ends={1})
    ((1, 2), (1, 1))
    >>> match_start("性别男", "姓名") is None
    True
    """
    best = None
    for skip in range(min(lead, len(text)) + 1):
        for size in range(max(1, len(label) - allowed(label)), len(label) + allowed(label) + 1):
            piece = text[skip : skip + size]
            if len(piece) < size:
                break
            edits = distance(piece, label) + (skip > 0)
            key = (edits, skip + size not in ends, -size)  # smaller is better
            if edits <= allowed(label) and (best is None or key < best[2]):
                best = (edits, skip + size, key)
        if best and best[0] == 0:
            break
    return best[:2] if best else None


def line_ends(row: Row) -> frozenset[int]:
    """Offsets in ``row.text`` where one recognised line ends and the next begins."""
    ends, at = set(), 0
    for line in row.lines:
        at += len(compact(line.text))
        ends.add(at)
    return frozenset(ends)


def find(
    rows: Sequence[Row],
    labels: Sequence[str],
    accept: Callable[[str], bool] = lambda rest: True,
    exact_only_short: bool = False,
) -> Hit | None:
    """The best label hit (fewest edits, then topmost) whose row text after it is acceptable.

    A misread two-character label counts only when ``accept`` likes what follows it, unless
    ``exact_only_short`` forbids misreading short labels at all.
    """
    found: list[tuple[int, int, Hit]] = []
    for index, row in enumerate(rows):
        text, ends = row.text, line_ends(row)
        for label in labels:
            hit = match_start(text, label, ends=ends)
            if hit is None:
                continue
            edits, consumed = hit
            if edits and len(label) <= 2 and exact_only_short:
                continue
            if accept(text[consumed:]):
                found.append((edits, index, Hit(row, label, edits, consumed)))
    return min(found, key=lambda f: (f[0], f[1]))[2] if found else None


def value_lines(
    hit: Hit, stop: Sequence[str] = (), gap: float = 2.5, first_gap: float = 6.0
) -> tuple[str, list[TextLine]]:
    """The value right of a label on its row: text after the label, then the lines that follow
    within ``gap`` line heights (``first_gap`` between a label alone on its line and its value),
    stopping at a line that starts with one of ``stop``."""
    taken, lines = "", []
    at = 0  # characters of the row's text before the current line
    previous = None
    for line in hit.row.lines:
        text = compact(line.text)
        start, at = at, at + len(text)
        if at <= hit.consumed:
            previous = line
            continue
        piece = text[max(0, hit.consumed - start) :]
        if previous is not None and (lines or start >= hit.consumed):
            height = max(line.height, previous.height, 1)
            if line.box[0] - previous.box[2] > (gap if lines else first_gap) * height:
                break
            if any(piece.startswith(word) for word in stop) and (lines or start > 0):
                break
        taken += piece
        lines.append(line)
        previous = line
    return taken, lines
