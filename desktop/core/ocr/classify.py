"""Which document a scan shows, from its text: headings first, then the numbers on it.

The kinds, their headings and the certificate types they stand for are data
(``resources/ocr_documents.json``).
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from functools import cache

from desktop.core import rules
from desktop.core.ocr import codes, labels
from desktop.core.ocr.hanzi import to_simplified
from desktop.core.ocr.lines import Row, full_text

RESIDENCE_PREFIXES = ("810000", "820000", "830000")
_MRZ = re.compile(r"P[<«‹く][A-Z<«‹く]{3}")


@dataclass(frozen=True)
class Kind:
    kind: str
    zh: str
    en: str
    titles: tuple[str, ...]
    cert_types: tuple[str, ...]
    front: bool  # the side with name and number
    labels: tuple[str, ...] = ()  # field labels printed on it (matched tolerating misreadings)

    def name(self, lang: str) -> str:
        return self.en if lang.startswith("en") else self.zh


@cache
def kinds() -> tuple[Kind, ...]:
    """Every document kind, in the order their headings are tried."""
    return tuple(
        Kind(
            e["kind"],
            e["zh"],
            e["en"],
            tuple(e["titles"]),
            tuple(e["cert_types"]),
            e["front"],
            tuple(e.get("labels", ())),
        )
        for e in rules.load("ocr_documents")["kinds"]
    )


def kind(name: str) -> Kind:
    """Look a kind up by its name.

    >>> kind("business_licence").cert_types
    ('YYZZ',)
    """
    return next(k for k in kinds() if k.kind == name)


def contains(text: str, title: str) -> bool:
    """``title`` occurs in ``text``; a heading of 5+ characters may have one misread character.

    >>> contains("統一社会信用代码证书", "统一社会信用代码证书"), contains("营业执照", "营业热照")
    (True, False)
    """
    if title in text:
        return True
    if len(title) < 5:
        return False
    size = len(title)
    for start in range(len(text) - size + 1):
        window = text[start : start + size]
        if sum(a != b for a, b in zip(window, title, strict=True)) <= 1:
            return True
    return False


def classify(rows: Sequence[Row]) -> str:
    """The document kind shown by the rows of a scan (``other`` when nothing fits).

    >>> from desktop.core.ocr.lines import TextLine, rows
    >>> classify(rows([TextLine("公民身份号码 11010519491231002X", (0, 0, 400, 30))]))
    'id_front'
    >>> classify(rows([TextLine("公民身份号码 830000199501010043", (0, 0, 400, 30))]))
    'residence_permit'
    """
    text = to_simplified(full_text(rows)).upper()
    found = next((k.kind for k in kinds() if any(contains(text, t) for t in k.titles)), "other")
    ric = codes.find_ric(text)
    if ric and ric[0].startswith(RESIDENCE_PREFIXES) and found in ("id_front", "id_back", "other"):
        return "residence_permit"
    if found == "residence_permit_back" and ric:
        return "residence_permit"
    if found in ("id_back", "other") and ric and _front_labels(rows):
        return "id_front"  # a misread or misprinted number label is no back side
    if found == "other" and ric and ric[1]:
        return "id_front"
    if found == "other" and _MRZ.search(text):
        return "passport"
    return found


def label_count(rows: Sequence[Row], names: Sequence[str]) -> int:
    """How many of the labels ``names`` start some row (misreadings tolerated)."""
    return sum(labels.find(rows, (name,)) is not None for name in names)


def _front_labels(rows: Sequence[Row]) -> bool:
    """The photo side's labels outnumber the emblem side's (at least two of them).

    An 18-character number was found: a front whose heading reads 公民身份证号码 (a specimen
    misprint) or lost a character is still a front, never the back side.
    """
    front = label_count(rows, kind("id_front").labels)
    return front >= 2 and front > label_count(rows, kind("id_back").labels)


def title_found(rows: Sequence[Row], name: str) -> str:
    """The heading of ``name`` printed on the scan word for word ("" when none, or misread):
    the evidence a document-kind finding rests on.

    >>> from desktop.core.ocr.lines import TextLine, rows
    >>> title_found(rows([TextLine("中华人民共和国居民身份证", (0, 0, 400, 30))]), "id_back")
    '居民身份证'
    """
    text = to_simplified(full_text(rows)).upper()
    return next((t for t in kind(name).titles if t in text), "")
