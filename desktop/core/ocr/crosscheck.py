"""Cross-check the typed record against what was read from its scans (findings ``OCR_*``).

Reading is never certain, so a mismatch is an error only when the scan's value is trustworthy
(a number that passes its check character; a well-formed name found by its label read exactly,
with high confidence); a warning when the evidence is partial; and when the difference is what a
recogniser typically gets wrong (one character of a long name, a misread label, low confidence)
an info "could not confirm" (``OCR_*_UNCONFIRMED``) that shows what was read. Every finding
carries its evidence in ``params`` (``evidence_*``). A typed value that appears printed on the
scan word for word is never a mismatch.
"""

from __future__ import annotations

import re
from collections.abc import Iterator, Mapping
from datetime import date

from desktop.core import cert_types, rules
from desktop.core.findings import Finding, Severity, make
from desktop.core.normalize import has_cjk
from desktop.core.ocr import codes, hanzi
from desktop.core.ocr.classify import kind as kind_info
from desktop.core.ocr.compare import (
    Comparison,
    compare_names,
    compare_numbers,
    normalise_name,
    normalise_number,
)
from desktop.core.ocr.lines import compact
from desktop.core.ocr.reading import Reading
from desktop.core.record import Record

SURE_SCORE = 0.95  # recogniser confidence above which a read name is trusted
WEAK_SCORE = 0.8  # below this a read name confirms nothing
# Text lines lower than this (pixels of the scan as given, the median line) are too small to
# tell look-alike characters apart: the recogniser reads them enlarged, and its confidence
# there says little (盛辰 read 盛展 at 0.98 on a 320 px wide certificate).
SMALL_TEXT = 16
# Documents issued on the mainland print simplified characters: a traditional character read
# there is a recogniser artefact, and a traditional character typed for them is a mismatch.
SIMPLIFIED_KINDS = ("id_front", "business_licence", "uscc_certificate", "org_code_certificate")
NAME_LABELS = ("姓名", "名称", "机构名称", "企业名称")
VALIDATORS = {
    "SFZ": codes.ric_valid,
    "GAJZZ": codes.ric_valid,
    "TWJZZ": codes.ric_valid,
    "WJLSFZ": codes.ric_valid,
    "YYZZ": codes.uscc_valid,
    "TYDM": codes.uscc_valid,
    "ORG": codes.org_code_valid,
}


def crosscheck(
    record: Record,
    readings: Mapping[int, Reading],
    today: date,
    image_names: Mapping[int, str] | None = None,
) -> list[Finding]:
    """Findings for every scan read (``readings`` maps image index → what was read)."""
    names = image_names or {}
    found: list[Finding] = []
    for index, reading in sorted(readings.items()):
        label = names.get(index, f"#{index + 1}")
        found += _one_scan(record, reading, index, label, today, readings)
    return found


def _one_scan(record, reading, index, label, today, readings) -> Iterator[Finding]:
    image = f"images[{index}]"
    yield from _rotated(reading, image, label)
    yield from _cert_type(record, reading, image, label)
    if reading.kind == "id_back" and not any(r.kind == "id_front" for r in readings.values()):
        yield make(
            "OCR_ID_BACK_SIDE",
            (image, "cert_type"),
            image=label,
            severity=None if reading.title else Severity.WARNING,  # heading misread: not sure
            **_kind_evidence(reading),
        )
    yield from _name(record, reading, image, label)
    yield from _number(record, reading, image, label)
    yield from _expired(reading, image, label, today)
    yield from _unreadable(reading, image, label)


def _selected_codes(record: Record) -> set[str]:
    entry = cert_types.lookup(record.cert_type)
    if entry is None:
        return set()
    if record.cert_type.strip().upper() == "HKMOJUMIN":  # Alibaba: one code for both permits
        return {"GAJZZ", "TWJZZ"}
    return {entry.code}


def _expected_codes(reading: Reading) -> tuple[str, ...]:
    if reading.kind == "residence_permit" and reading.number:
        return ("TWJZZ",) if reading.number.text.startswith("83") else ("GAJZZ",)
    return kind_info(reading.kind).cert_types


def _cert_type(record, reading, image, label) -> Iterator[Finding]:
    selected, expected = _selected_codes(record), _expected_codes(reading)
    if not selected or not expected or selected & set(expected):
        return
    entry, kind = cert_types.lookup(record.cert_type), kind_info(reading.kind)
    names = [cert_types.lookup(code) for code in expected]
    evidence = _kind_evidence(reading)
    sure = bool(reading.title) or evidence["evidence_check_valid"]
    yield make(
        "OCR_CERT_TYPE_MISMATCH",
        ("cert_type", image),
        image=label,
        severity=None if sure else Severity.WARNING,
        **evidence,
        kind_zh=kind.zh,
        kind_en=kind.en,
        selected_zh=entry.name_zh,
        selected_en=entry.name_en,
        expected_zh="、".join(f"{t.name_zh}（{t.code}）" for t in names if t),
        expected_en=", ".join(f"{t.name_en} ({t.code})" for t in names if t),
    )


def _name(record, reading, image, label) -> Iterator[Finding]:
    typed = record.name_zh.strip()
    if not typed or reading.name is None or _printed(typed, reading, normalise_name):
        return
    scanned = reading.name.text
    if not has_cjk(typed) and reading.latin_name:
        scanned = reading.latin_name
    if reading.kind in SIMPLIFIED_KINDS:
        scanned = hanzi.to_simplified(scanned)
    result = compare_names(typed, scanned)
    if result.same:
        return
    if set(result.reasons) == {"traditional"} and reading.kind not in SIMPLIFIED_KINDS:
        if _all_traditional(scanned):
            yield make(
                "OCR_NAME_SCRIPT",
                ("name_zh", image),
                image=label,
                scan_name=scanned,
                typed_name=typed,
            )
        return
    evidence = _name_evidence(reading)
    if _unconfirmed(result, evidence):
        yield _mismatch("OCR_NAME_UNCONFIRMED", "name_zh", image, label, result, None, **evidence)
        return
    sure = (
        evidence["evidence_confidence"] >= SURE_SCORE
        and evidence["evidence_label_exact"]
        and evidence["evidence_shape_valid"]
        and "case" not in result.reasons
    )
    yield _mismatch("OCR_NAME_MISMATCH", "name_zh", image, label, result, sure, **evidence)


def _kind_evidence(reading: Reading) -> dict:
    """What the document kind rests on: its heading read word for word, a valid number."""
    number = reading.number
    return {
        "evidence_label": reading.title,
        "evidence_label_exact": bool(reading.title),
        "evidence_check_valid": bool(number and number.verified),
        "evidence_confidence": round(min((ln.score for ln in reading.lines), default=1.0), 3),
    }


def _name_evidence(reading: Reading) -> dict:
    """What a read name rests on: its label (read exactly?), its shape, the confidence."""
    value = reading.name
    return {
        "evidence_label": value.label,
        "evidence_label_exact": bool(value.label) and value.label_edits == 0,
        "evidence_shape_valid": _name_shape(reading.kind, value.text),
        "evidence_check_valid": False,  # names carry no check character
        "evidence_confidence": round(value.score, 3),
        "evidence_text_height": text_height(reading),
    }


def text_height(reading: Reading) -> int:
    """The median height of the scan's text lines, in the scan's own pixels (0: no lines)."""
    heights = sorted(line.height for line in reading.lines)
    return heights[len(heights) // 2] if heights else 0


def _name_shape(kind: str, name: str) -> bool:
    """A well-formed name for the document: a company form for organizations, 2–6 characters
    (or Latin words) for people."""
    if kind in ("business_licence", "uscc_certificate", "org_code_certificate"):
        return len(name) >= 4 and name.endswith(tuple(rules.load("ocr_documents")["org_suffixes"]))
    return bool(re.fullmatch(r"[\u3400-\u9fff·]{2,6}|[A-Za-z][A-Za-z ,'\-]*", name))


def _unconfirmed(result: Comparison, evidence: dict) -> bool:
    """The evidence cannot tell a typing mistake from a misreading.

    Weak: low confidence; text too small to tell look-alike characters apart; one character
    substituted, dropped or added in a name of five or more (a watermark or a fold over one
    character); or, read below full confidence, up to a sixth of a long name so changed. Never
    when the characters sound the same (a typing slip a recogniser does not make).
    """
    if evidence["evidence_confidence"] < WEAK_SCORE:
        return True
    changed = sum(max(len(d.typed), len(d.scanned)) for d in result.differences)
    typical = set(result.reasons) <= {"look_alike", "different", "missing", "extra"}
    if typical and 0 < evidence["evidence_text_height"] < SMALL_TEXT:
        return True  # too small a scan to tell a look-alike from what is printed
    if typical and changed == 1 and len(result.scanned) >= 5:
        return True
    # a few characters of a long name, not read with full confidence (a small or blurred scan)
    unsure = evidence["evidence_confidence"] < SURE_SCORE
    long = len(result.scanned) >= 5
    return typical and unsure and long and changed <= max(2, len(result.scanned) // 6)


def _all_traditional(name: str) -> bool:
    """Every character with two forms is in its traditional form (a mix is a misreading)."""
    return not any(hanzi.is_simplified(c) for c in name) and any(
        hanzi.is_traditional(c) for c in name
    )


def _number(record, reading, image, label) -> Iterator[Finding]:
    typed = record.cert_number.strip()
    if not typed or reading.number is None or _number_printed(typed, reading):
        return
    scanned = reading.number.text
    if _equivalent_number(normalise_number(typed), normalise_number(scanned)):
        return
    valid = VALIDATORS.get(record.cert_code)
    if valid and not reading.number.verified and valid(normalise_number(typed)):
        return  # the typed number is valid and the reading is not: the scan was misread
    result = compare_numbers(typed, scanned)
    verified = reading.number.verified
    fix = result.scanned if verified else None  # passes its check character: safe to offer
    evidence = {
        "evidence_label": reading.number.label,
        "evidence_label_exact": bool(reading.number.label) and reading.number.label_edits == 0,
        "evidence_shape_valid": bool(valid and valid(scanned)) or verified,
        "evidence_check_valid": verified,
        "evidence_confidence": round(reading.number.score, 3),
    }
    yield _mismatch(
        "OCR_NUMBER_MISMATCH", "cert_number", image, label, result, verified, fix, **evidence
    )


def _equivalent_number(typed: str, scanned: str) -> bool:
    """Same number in another accepted form: the org code inside a USCC, a permit's issue count.

    >>> _equivalent_number("M000100Y4", "91350100M000100Y43")
    True
    >>> _equivalent_number("H1234567801", "H12345678")
    True
    """
    if typed == scanned:
        return True
    if len(scanned) == 18 and len(typed) == 9 and scanned[8:17] == typed:
        return True
    short, long = sorted((typed, scanned), key=len)
    return short[:1] in ("H", "M") and len(short) == 9 and len(long) == 11 and long[:9] == short


def _printed(typed: str, reading: Reading, normalise) -> bool:
    """The typed value is one whole line of the scan (alone, or after its label)."""
    want = normalise(typed)
    for line in reading.lines:
        text = normalise(compact(line.text))
        if text == want or any(text == normalise(lbl) + want for lbl in NAME_LABELS):
            return True
    return False


def _number_printed(typed: str, reading: Reading) -> bool:
    """The typed number stands on the scan as a whole token (not inside a longer one)."""
    pattern = re.compile(rf"(?<![0-9A-Z]){re.escape(normalise_number(typed))}(?![0-9A-Z])")
    return any(pattern.search(normalise_number(compact(line.text))) for line in reading.lines)


def _mismatch(
    code, field, image, label, result: Comparison, sure: bool | None, fix=None, **evidence
) -> Finding:
    """``sure``: True → the code's own severity, False → warning, None → the code's (info)."""
    reasons = rules.load("ocr_documents")["reasons"]
    return make(
        code,
        (field, image),
        fix=fix,
        image=label,
        severity=None if sure or sure is None else Severity.WARNING,
        **evidence,
        scan_marked=result.marked_scanned(),
        typed_marked=result.marked_typed(),
        scan_value=result.scanned,
        typed_value=result.typed,
        reasons_zh="、".join(reasons[r]["zh"] for r in result.reasons),
        reasons_en=", ".join(reasons[r]["en"] for r in result.reasons),
        positions=",".join(str(d.at) for d in result.differences),
    )


def _expired(reading, image, label, today) -> Iterator[Finding]:
    if reading.long_term or reading.expiry_date is None or reading.expiry_date >= today:
        return
    yield make(
        "OCR_EXPIRED",
        ("cert_expiry_date", image),
        image=label,
        severity=None if reading.dates_verified else Severity.WARNING,
        expiry=reading.expiry_date.isoformat(),
        today=today.isoformat(),
        evidence_check_valid=reading.dates_verified,  # MRZ check digit or a consistent span
    )


def _rotated(reading, image, label) -> Iterator[Finding]:
    """The scan had to be turned to be read: reviewers read upright documents."""
    if not reading.rotation:
        return
    yield make(
        "IMAGE_ROTATED",
        (image,),
        image=label,
        degrees=reading.rotation,
        turn_zh=TURNS[reading.rotation]["zh"],
        turn_en=TURNS[reading.rotation]["en"],
        evidence_certain=reading.rotation_certain,
    )


# How to turn a scan upright, by the counter-clockwise turn the reader applied.
TURNS = {
    90: {"zh": "向左（逆时针）旋转 90°", "en": "turn it 90° to the left (counter-clockwise)"},
    180: {"zh": "旋转 180°", "en": "turn it 180°"},
    270: {"zh": "向右（顺时针）旋转 90°", "en": "turn it 90° to the right (clockwise)"},
}


def _unreadable(reading, image, label) -> Iterator[Finding]:
    info = kind_info(reading.kind)
    if reading.kind == "other":
        if len(reading.lines) < 3:
            yield make("OCR_UNREADABLE", (image,), image=label, what_zh="任何文字", what_en="text")
        return
    if not info.front:
        return
    missing = [w for w, v in (("name", reading.name), ("number", reading.number)) if v is None]
    if missing:
        zh = {"name": "名称", "number": "证件号码"}
        yield make(
            "OCR_UNREADABLE",
            (image,),
            image=label,
            what_zh="和".join(zh[w] for w in missing),
            what_en=" and ".join(missing),
        )
