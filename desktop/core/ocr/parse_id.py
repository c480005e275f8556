"""Resident ID card (and the residence-permit front, which shares its layout).

Photo side: 姓名, 性别, 民族, 出生, 住址, 公民身份号码. Emblem side: 签发机关 and 有效期限
(``2015.03.01-2035.03.01`` or ``…-长期``); cards are valid 5, 10 or 20 years (GB 11643 era).
"""

from __future__ import annotations

from collections.abc import Sequence

from desktop.core.ocr import codes, labels
from desktop.core.ocr.lines import Row, full_text
from desktop.core.ocr.parse_common import (
    cjk_name,
    consistent_span,
    has_date,
    labelled_text,
    validity,
)
from desktop.core.ocr.reading import Reading, Value

NAME_LABELS = ("姓名",)
VALIDITY_LABELS = ("有效期限", "有效期")
SPANS = (5, 10, 20)


def parse_front(rows: Sequence[Row], kind: str = "id_front") -> Reading:
    """Name and number from the photo side; validity too when the back is in the same image."""
    start, end, long_term, checked = _validity(rows)
    return Reading(
        kind,
        name=_name(rows),
        number=_number(rows),
        issue_date=start,
        expiry_date=end,
        long_term=long_term,
        dates_verified=checked,
        has_back=start is not None,
    )


def parse_back(rows: Sequence[Row], kind: str = "id_back") -> Reading:
    """Validity from the emblem side."""
    start, end, long_term, checked = _validity(rows)
    return Reading(
        kind, issue_date=start, expiry_date=end, long_term=long_term, dates_verified=checked
    )


def _name(rows: Sequence[Row]) -> Value | None:
    """The name right of 姓名; the label may be read with a character wrong or lost (姓色, 名)."""
    hit = labels.find(rows, NAME_LABELS, accept=lambda rest: 2 <= len(cjk_name(rest)) <= 6)
    if hit is None:
        return None
    text, lines = labels.value_lines(hit)
    name = cjk_name(text)
    if len(name) < 2:
        return None
    score = min(line.score for line in lines) if lines else hit.row.score
    return Value(name, hit.row.image_box, score, label=hit.label, label_edits=hit.edits)


def _number(rows: Sequence[Row]) -> Value | None:
    for row in rows:
        hit = codes.find_ric(row.text)
        if hit:
            return Value(hit[0], row.image_box, row.score, verified=hit[1])
    hit = codes.find_ric(full_text(rows).replace("\n", ""))
    return Value(hit[0], None, 0.5, verified=hit[1]) if hit else None


def _validity(rows: Sequence[Row]):
    found = labelled_text(rows, VALIDITY_LABELS, accept=has_date)
    if found is None:
        return None, None, False, False
    start, end, long_term = validity(found.text)
    return start, end, long_term, long_term or consistent_span(start, end, SPANS)
