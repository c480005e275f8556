"""Organization documents: business licence, USCC certificate, organization code certificate.

Licence: 统一社会信用代码 (18 characters, above or beside its label), 名称, 营业期限
(``2015年03月01日至长期``). Certificates: 机构名称, 有效期 ``自…至…``; the organization-code
certificate prints 代码 ``XXXXXXXX-X``. Labels are often letter-spaced (``名　　称``).
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from stdnum.iso7064 import mod_11_10

from desktop.core import rules
from desktop.core.normalize import fold_fullwidth
from desktop.core.ocr import codes, labels
from desktop.core.ocr.lines import Row, compact, full_text
from desktop.core.ocr.parse_common import arabic_dates, has_date, labelled_text, validity
from desktop.core.ocr.reading import Reading, Value

NAME_LABELS = ("机构名称", "企业名称", "名称")
TERM_LABELS = ("营业期限", "经营期限", "有效期", "有效期限")
ORG_SUFFIXES = tuple(rules.load("ocr_documents")["org_suffixes"])  # how names end
NAME_PIECES = ("名", "称", "名称")  # a letter-spaced label read in pieces
OTHER_LABELS = (
    "类型",
    "住所",
    "地址",
    "经营范围",
    "登记机关",
    "法定代表人",
    "机构类型",
    "组成形式",
    "经营者",
    "经营场所",
    "注册资本",
    "成立日期",
    "注册日期",
)
# Numbers printed on licences that are not the holder's code: the licence serial (证照编号,
# 20 digits on 2015 forms) and the certificate's own number (编号/NO.).
SERIAL_LABELS = ("证照编号", "编号", "NO.")
REGISTRATION_LABELS = ("注册号",)
_NOT_NAME = re.compile(r"^[(（]?副本[)）]?|[(（]\d+-\d+[)）]$")
_NAME_CHARS = re.compile(r"[^\u3400-\u9fffA-Za-z0-9()（）·&.\-]")
_TERM = re.compile(r"(?:自|起)?\d{4}[.\-/年].{2,8}?(?:至|到|-|—)(?:长期|\d{4}[.\-/年])")
_REGISTRATION = re.compile(r"(?<!\d)\d{15}(?!\d)")


def parse_licence(rows: Sequence[Row], kind: str) -> Reading:
    """Company name, USCC (or organization code / old registration number) and validity."""
    start, end, long_term = _term(rows)
    number = _org_code(rows) if kind == "org_code_certificate" else _licence_number(rows)
    return Reading(
        kind,
        name=_company(rows),
        number=number,
        issue_date=start,
        expiry_date=end,
        long_term=long_term,
    )


def _org_like(text: str) -> bool:
    return len(text) >= 4 and any(suffix in text for suffix in ORG_SUFFIXES)


def _company(rows: Sequence[Row]) -> Value | None:
    """The name right of its label (by geometry: the next column never joins it)."""
    hit = labels.find(rows, NAME_LABELS, accept=lambda rest: _org_like(_clean(rest)))
    if hit is None:
        hit = labels.find(rows, NAME_LABELS, accept=lambda rest: len(_clean(rest)) >= 2)
        if hit is None or hit.edits:
            return _unlabelled_company(rows)
    text, lines = labels.value_lines(hit, stop=OTHER_LABELS)
    name = _cut_after_suffix(_clean(text))
    if len(name) < 2:
        return _unlabelled_company(rows)
    score = min(line.score for line in lines) if lines else hit.row.score
    return Value(name, hit.row.image_box, score, label=hit.label, label_edits=hit.edits)


def _clean(text: str) -> str:
    return _NOT_NAME.sub("", _NAME_CHARS.sub("", fold_fullwidth(text)))


def _cut_after_suffix(name: str) -> str:
    """A name that runs on past its organization form (watermark or stray text) ends there.

    >>> _cut_after_suffix("四会市某某商贸工作室用于szc168"), _cut_after_suffix("某某(北京)有限公司")
    ('四会市某某商贸工作室', '某某(北京)有限公司')
    """
    if name.endswith(ORG_SUFFIXES):
        return name
    ends = [name.rfind(s) + len(s) for s in ORG_SUFFIXES if s in name]
    return name[: max(ends)] if ends else name


def _unlabelled_company(rows: Sequence[Row]) -> Value | None:
    """When the name label was not read: the first row that is only an organization name."""
    for row in rows:
        text = "".join(compact(ln.text) for ln in row.lines if compact(ln.text) not in NAME_PIECES)
        if text.endswith(ORG_SUFFIXES) and not text.startswith(OTHER_LABELS) and len(text) >= 4:
            return Value(text, row.image_box, row.score)
    return None


def _licence_number(rows: Sequence[Row]) -> Value | None:
    """The USCC, else the 15-digit registration number (注册号) of pre-2015 licences.

    Chosen by validity first (USCC check character, 注册号 ISO 7064 MOD 11,10), then by label;
    never a serial number (证照编号) or a longer run of digits.
    """
    candidates = [c for row in rows if not _serial_row(row) for c in _numbers_in(row)]
    for value in candidates:
        if value.verified:
            return value
    return candidates[0] if candidates else None


def _serial_row(row: Row) -> bool:
    text = row.text.upper()
    return any(text.startswith(label) for label in SERIAL_LABELS) and "注册号" not in text


def _numbers_in(row: Row) -> list[Value]:
    """USCC-shaped runs (exactly 18 characters), then registration numbers after their label."""
    found = []
    for line in row.lines:
        hit = codes.find_uscc(compact(line.text), whole=True)
        if hit:
            found.append(Value(hit[0], row.image_box, row.score, verified=hit[1]))
    text = row.text
    at = max((text.find(label) for label in REGISTRATION_LABELS), default=-1)
    if at != -1:
        for digits in _REGISTRATION.findall(codes.as_digits(text[at:])):
            found.append(
                Value(
                    digits,
                    row.image_box,
                    row.score,
                    verified=mod_11_10.is_valid(digits),
                    label="注册号",
                )
            )
    return found


def _org_code(rows: Sequence[Row]) -> Value | None:
    for row in rows:
        hit = codes.find_org_code(row.text)
        if hit:
            return Value(hit[0], row.image_box, row.score, verified=hit[1])
    hit = codes.find_org_code(full_text(rows))
    return Value(hit[0], None, 0.5, verified=hit[1]) if hit else None


def _term(rows: Sequence[Row]):
    """营业期限/有效期 and its dates; the label may be lost (``业自2008年…至2028年…``)."""
    found = labelled_text(rows, TERM_LABELS, accept=has_date)
    if found is None:
        hit = labels.find(rows, TERM_LABELS, accept=has_date)
        text = hit.rest if hit else next((r.text for r in rows if _term_row(r.text)), "")
        return validity(text) if text else (None, None, False)
    return validity(found.text)


def _term_row(text: str) -> bool:
    """A validity span without its label: ``自DATE至DATE`` (not the founding or a report date)."""
    text = arabic_dates(text)
    return bool(_TERM.search(text)) and not text.startswith(("成立日期", "注册日期", "发照日期"))
