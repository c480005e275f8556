"""Travel permits (HK/Macao ``H``/``M`` + 8 digits, Taiwan 8 digits), the residence-permit back
(通行证号码, 有效期限) and the Foreign Permanent Resident ID Card (姓名/Name in Latin letters,
18-digit number with the GB 11643 check or 3 letters + 12 digits).
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from desktop.core.ocr import codes
from desktop.core.ocr.lines import Row
from desktop.core.ocr.parse_common import cjk_name, has_date, labelled_text, validity
from desktop.core.ocr.reading import Reading, Value

NUMBER_LABELS = ("证件号码", "證件號碼", "通行证号码")
_HK_MO = re.compile(r"[HM]\d{8}(?:\d{2})?(?!\d)")
_TW = re.compile(r"(?<![\d.])\d{8}(?:\d{2})?(?![\d.])")
_FPR_OLD = re.compile(r"[A-Z]{3}\d{12}")


def parse_permit(rows: Sequence[Row], kind: str) -> Reading:
    """HK/Macao or Taiwan travel permit: Chinese name, Latin name below it, number, validity."""
    name = labelled_text(rows, ("姓名",), look_below=0)
    chinese = cjk_name(name.text) if name else ""
    start, end, long_term = _validity(rows)
    return Reading(
        kind,
        name=Value(chinese, name.box, name.score, label=name.label) if len(chinese) >= 2 else None,
        number=_number(rows, taiwan=kind == "tw_permit"),
        issue_date=start,
        expiry_date=end,
        long_term=long_term,
        latin_name=_latin_below(rows, name),
    )


def parse_residence_back(rows: Sequence[Row]) -> Reading:
    """Back of a residence permit: validity (its travel-permit number is another document's)."""
    start, end, long_term = _validity(rows)
    return Reading("residence_permit_back", issue_date=start, expiry_date=end, long_term=long_term)


def parse_fpr(rows: Sequence[Row]) -> Reading:
    """Foreign Permanent Resident ID: Latin name as printed, number, validity."""
    name = labelled_text(rows, ("姓名/NAME", "姓名/Name", "姓名"), look_below=1)
    latin = ""
    if name:
        latin = re.sub(r"^/?NAME", "", name.text, flags=re.IGNORECASE).strip()
    number = None
    for row in rows:
        hit = codes.find_ric(row.text)
        old = _FPR_OLD.search(row.text.upper())
        if hit:
            number = Value(hit[0], row.image_box, row.score, verified=hit[1])
            break
        if old:
            number = Value(old.group(), row.image_box, row.score)
            break
    start, end, long_term = _validity(rows)
    return Reading(
        "fpr",
        name=Value(latin, name.box, name.score, label=name.label) if name and latin else None,
        number=number,
        issue_date=start,
        expiry_date=end,
        long_term=long_term,
        latin_name=latin,
    )


def _number(rows: Sequence[Row], taiwan: bool) -> Value | None:
    """The number after its label (look-alike letters repaired), else any row's number."""
    pattern = _TW if taiwan else _HK_MO
    labelled = labelled_text(rows, NUMBER_LABELS)
    if labelled:
        text = labelled.text.upper()
        text = codes.as_digits(text) if taiwan else text[:1] + codes.as_digits(text[1:])
        if found := pattern.search(text):
            return Value(found.group(), labelled.box, labelled.score)
    for row in rows:
        if found := pattern.search(row.text.upper()):
            return Value(found.group(), row.image_box, row.score)
    return None


def _latin_below(rows: Sequence[Row], name: Value | None) -> str:
    if name is None:
        return ""
    index = next((i for i, r in enumerate(rows) if r.image_box == name.box), None)
    if index is None or index + 1 >= len(rows):
        return ""
    text = rows[index + 1].spaced  # the words of a Latin name stay apart
    return text if re.fullmatch(r"[A-Za-z,\-' ]+", text) else ""


def _validity(rows: Sequence[Row]):
    found = labelled_text(rows, ("有效期限", "有效期"), accept=has_date)
    return validity(found.text) if found else (None, None, False)
