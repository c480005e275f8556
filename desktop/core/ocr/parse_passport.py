"""Passport data page: the visual zone (姓/Surname, 名/Given names, 护照号/Passport No., dates)
and the machine-readable zone, whose check digits confirm the number and the expiry date.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from desktop.core.ocr import mrz
from desktop.core.ocr.lines import Row, after_label, below, compact
from desktop.core.ocr.parse_common import cjk_name, english_dates_in
from desktop.core.ocr.reading import Reading, Value

_LATIN_LABEL = re.compile(r"^/?(SURNAME|GIVENNAMES?|NAME)", re.IGNORECASE)
_NUMBER = re.compile(r"[A-Z]{0,2}\d{7,9}")


def parse_passport(rows: Sequence[Row]) -> Reading:
    zone = mrz.parse([line.text for row in rows for line in row.lines])
    surname = _name_part(rows, "姓/")
    given = _name_part(rows, "名/")
    latin = " ".join(p for p in (given[1], surname[1]) if p) or (zone.name if zone else "")
    chinese = surname[0] + given[0]
    number = _number(rows, zone)
    expiry, checked = _expiry(rows, zone)
    issued = _dated(rows, ("签发日期", "DATEOFISSUE"))
    name = chinese if len(chinese) >= 2 else latin
    return Reading(
        "passport",
        name=Value(name, surname[2], surname[3]) if name else None,
        number=number,
        issue_date=issued,
        expiry_date=expiry,
        dates_verified=checked,
        latin_name=latin,
    )


def _name_part(rows: Sequence[Row], label: str):
    """(Chinese part, Latin part, box, score) of the surname or given-name field."""
    hit = after_label(rows, (label,))
    if hit is None:
        return "", "", None, 0.0
    text, row = hit
    text = _LATIN_LABEL.sub("", text)
    if not text:
        following = below(rows, row)
        if not following:
            return "", "", None, 0.0
        row = following[0]
        text = row.text
    latin = " ".join(re.findall(r"[A-Z][A-Z\-']*", text.upper() if not cjk_name(text) else text))
    return cjk_name(text), latin, row.image_box, row.score


def _number(rows: Sequence[Row], zone: mrz.Mrz | None) -> Value | None:
    if zone and zone.number_ok:
        return Value(zone.number, None, 1.0, verified=True)
    hit = after_label(rows, ("护照号", "PASSPORTNO"))
    if hit:
        row = hit[1]
        candidates = [compact(line.text) for r in (row, *below(rows, row, 2)) for line in r.lines]
        for candidate in candidates:
            found = _NUMBER.fullmatch(candidate.upper())
            if found:
                return Value(found.group(), row.image_box, row.score)
    return Value(zone.number, None, 0.5) if zone and zone.number else None


def _expiry(rows: Sequence[Row], zone: mrz.Mrz | None):
    if zone and zone.expiry and zone.expiry_ok:
        return zone.expiry, True
    return _dated(rows, ("有效期至", "DATEOFEXPIRY")), False


def _dated(rows: Sequence[Row], labels: Sequence[str]):
    for row in rows:
        text = row.text.upper()
        if any(label in text for label in labels):
            found = english_dates_in(text)
            if found:
                return found[-1]
    return None
