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
    issued = _dated(rows, ("签发日期", "DATEOFISSUE", "發照日期"))
    zone = mrz.parse([line.text for row in rows for line in row.lines], issued=issued)
    surname = _name_part(rows, "姓/", "SURNAME")
    given = _name_part(rows, "名/", "GIVENNAMES?")
    latin = " ".join(p for p in (given[1], surname[1]) if p)
    # the visual zone first: recognisers drop the narrow I of the MRZ font (SMTH for SMITH)
    latin = latin or _latin_labelled(rows) or (zone.name if zone else "")
    chinese = surname[0] + given[0]
    box, score = surname[2], surname[3]
    if len(chinese) < 2:
        chinese, box, score = _chinese_name(rows)
    number = _number(rows, zone)
    expiry, checked = _expiry(rows, zone)
    name = chinese if len(chinese) >= 2 else latin
    return Reading(
        "passport",
        name=Value(name, box, score) if name else None,
        number=number,
        issue_date=issued,
        expiry_date=expiry,
        dates_verified=checked,
        latin_name=latin,
    )


def _chinese_name(rows: Sequence[Row]):
    """The name under (or after) a 姓名/Name label: Taiwan and Hong Kong data pages."""
    hit = after_label(rows, ("姓名",))
    if hit is None:
        return "", None, 0.0
    row = hit[1]
    for candidate in (row, *below(rows, row, 3)):
        for line in candidate.lines:
            piece = compact(line.text)
            if candidate is row:
                piece = piece.partition("姓名")[2]
            name = cjk_name(piece)
            if 2 <= len(name) <= 6 and len(name) >= len(piece) - 1:
                return name, candidate.image_box, line.score
    return "", None, 0.0


def _latin_labelled(rows: Sequence[Row]) -> str:
    """Given names and surname under English/bilingual labels (Surname/Nom, Given names/Prénoms)."""
    parts = {}
    for key, pattern in (("surname", r"SURNAME"), ("given", r"GIVENNAMES?")):
        for index, row in enumerate(rows):
            if re.match(rf"^/?{pattern}", row.text.upper()) and index + 1 < len(rows):
                value = rows[index + 1].spaced
                if re.fullmatch(r"[A-Z][A-Z\-' ,]*", value):
                    parts[key] = value
                break
    return " ".join(parts[k] for k in ("given", "surname") if k in parts)


def _name_part(rows: Sequence[Row], label: str, english: str):
    """(Chinese part, Latin part, box, score) of the surname or given-name field.

    The bilingual label is found by either half: a small scan reads 名/Given names as
    ``g/Given names``, and its English half still says which field follows.
    """
    hit = after_label(rows, (label,)) or _english_label(rows, english)
    if hit is None:
        return "", "", None, 0.0
    text, row = hit
    text = _LATIN_LABEL.sub("", text)
    if not text:
        following = below(rows, row)
        if not following:
            return "", "", None, 0.0
        row = following[0]
        text = row.spaced  # the words of a Latin name stay apart
    latin = " ".join(re.findall(r"[A-Z][A-Z\-']*", text.upper() if not cjk_name(text) else text))
    return cjk_name(text), latin, row.image_box, row.score


def _english_label(rows: Sequence[Row], english: str) -> tuple[str, Row] | None:
    """The text after a bilingual label whose Chinese half was misread (``g/Given names``)."""
    pattern = re.compile(rf"^.{{0,2}}/({english})", re.IGNORECASE)
    for row in rows:
        if found := pattern.match(row.text):
            return row.text[found.end() :], row
    return None


def _number(rows: Sequence[Row], zone: mrz.Mrz | None) -> Value | None:
    if zone and zone.number_ok:
        return Value(zone.number, None, 1.0, verified=True)
    hit = after_label(rows, ("护照号", "PASSPORTNO", "護照號碼", "護照號码"))
    if hit:
        row = hit[1]
        candidates = [compact(line.text) for r in (row, *below(rows, row, 2)) for line in r.lines]
        for candidate in candidates:
            found = _NUMBER.fullmatch(candidate.upper())
            if found:
                return Value(found.group(), row.image_box, row.score)
    if zone and zone.number:
        return Value(zone.number, None, 0.5)
    return None


def _expiry(rows: Sequence[Row], zone: mrz.Mrz | None):
    if zone and zone.expiry and zone.expiry_ok:
        return zone.expiry, True
    return _dated(rows, ("有效期至", "DATEOFEXPIRY")), False


def _dated(rows: Sequence[Row], labels: Sequence[str]):
    """The date on a label's row, or on the row under it (bilingual pages print it below)."""
    for index, row in enumerate(rows):
        text = row.text.upper()
        if any(label.upper() in text for label in labels):
            for candidate in rows[index : index + 2]:
                found = english_dates_in(candidate.text.upper())
                if found:
                    return found[-1] if candidate is row else found[0]
    return None
