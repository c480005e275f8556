"""Organization documents: business licence, USCC certificate, organization code certificate.

Licence: 统一社会信用代码 (18 characters, above or beside its label), 名称, 营业期限
(``2015年03月01日至长期``). Certificates: 机构名称, 有效期 ``自…至…``; the organization-code
certificate prints 代码 ``XXXXXXXX-X``. Labels are often letter-spaced (``名　　称``).
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from desktop.core.ocr import codes
from desktop.core.ocr.lines import Row, compact, full_text
from desktop.core.ocr.parse_common import has_date, labelled_text, validity
from desktop.core.ocr.reading import Reading, Value

NAME_LABELS = ("机构名称", "企业名称", "名称")
TERM_LABELS = ("营业期限", "经营期限", "有效期", "有效期限")
ORG_SUFFIXES = (
    "公司",
    "合作社",
    "中心",
    "厂",
    "店",
    "部",
    "事务所",
    "研究院",
    "协会",
    "学校",
    "医院",
)
NAME_PIECES = ("名", "称", "名称")  # a letter-spaced label read in pieces
OTHER_LABELS = ("类型", "住所", "地址", "经营范围", "登记机关", "法定代表人", "机构类型")
_NOT_NAME = re.compile(r"^[(（]?副本[)）]?|[(（]\d+-\d+[)）]$")
_NAME_CHARS = re.compile(r"[^\u3400-\u9fffA-Za-z0-9()（）·&.\-]")


def parse_licence(rows: Sequence[Row], kind: str) -> Reading:
    """Company name, USCC (or organization code / old registration number) and validity."""
    start, end, long_term = _term(rows)
    number = _org_code(rows) if kind == "org_code_certificate" else _uscc(rows)
    return Reading(
        kind,
        name=_company(rows),
        number=number,
        issue_date=start,
        expiry_date=end,
        long_term=long_term,
    )


def _company(rows: Sequence[Row]) -> Value | None:
    found = labelled_text(rows, NAME_LABELS) or _unlabelled_company(rows)
    if found is None:
        return None
    name = _NOT_NAME.sub("", _NAME_CHARS.sub("", found.text))
    return Value(name, found.box, found.score) if len(name) >= 2 else None


def _unlabelled_company(rows: Sequence[Row]) -> Value | None:
    """When the name label was not read: the first row that is only an organization name."""
    for row in rows:
        text = "".join(compact(ln.text) for ln in row.lines if compact(ln.text) not in NAME_PIECES)
        if text.endswith(ORG_SUFFIXES) and not text.startswith(OTHER_LABELS) and len(text) >= 4:
            return Value(text, row.image_box, row.score)
    return None


def _uscc(rows: Sequence[Row]) -> Value | None:
    for row in rows:
        hit = codes.find_uscc(row.text)
        if hit:
            return Value(hit[0], row.image_box, row.score, verified=hit[1])
    found = labelled_text(rows, ("注册号",))
    if found:
        digits = re.search(r"\d{15}", codes.as_digits(found.text))
        if digits:
            return Value(digits.group(), found.box, found.score)
    return None


def _org_code(rows: Sequence[Row]) -> Value | None:
    for row in rows:
        hit = codes.find_org_code(row.text)
        if hit:
            return Value(hit[0], row.image_box, row.score, verified=hit[1])
    hit = codes.find_org_code(full_text(rows))
    return Value(hit[0], None, 0.5, verified=hit[1]) if hit else None


def _term(rows: Sequence[Row]):
    found = labelled_text(rows, TERM_LABELS, accept=has_date)
    if found is None:
        return None, None, False
    return validity(found.text)
