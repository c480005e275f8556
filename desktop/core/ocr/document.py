"""Understand a scan from its recognised lines: classify it, then run the matching parser."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import replace

from desktop.core.ocr import parse_id, parse_licences, parse_passport, parse_permits
from desktop.core.ocr.classify import classify, title_found
from desktop.core.ocr.lines import TextLine, rows
from desktop.core.ocr.reading import Reading

LICENCES = ("business_licence", "uscc_certificate", "org_code_certificate")
PERMITS = ("hk_macao_permit", "tw_permit")


def understand(lines: Iterable[TextLine]) -> Reading:
    """The document kind and the values printed on it.

    >>> r = understand([TextLine("姓名 张三", (60, 60, 300, 100)),
    ...                 TextLine("公民身份号码 11010519491231002X", (60, 500, 700, 540))])
    >>> r.kind, r.name.text, r.number.text, r.number.verified
    ('id_front', '张三', '11010519491231002X', True)
    """
    lines = tuple(lines)
    grouped = rows(lines)
    kind = classify(grouped)
    if kind in ("id_front", "residence_permit"):
        reading = parse_id.parse_front(grouped, kind)
    elif kind == "id_back":
        reading = parse_id.parse_back(grouped)
    elif kind == "residence_permit_back":
        reading = parse_permits.parse_residence_back(grouped)
    elif kind in LICENCES:
        reading = parse_licences.parse_licence(grouped, kind)
    elif kind in PERMITS:
        reading = parse_permits.parse_permit(grouped, kind)
    elif kind == "passport":
        reading = parse_passport.parse_passport(grouped)
    elif kind == "fpr":
        reading = parse_permits.parse_fpr(grouped)
    else:
        reading = Reading("other")
    title = title_found(grouped, kind) if kind != "other" else ""
    return replace(reading, lines=lines, title=title)
