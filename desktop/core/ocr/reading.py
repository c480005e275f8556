"""What was read from one scan: the document kind and the values found on it."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date

from desktop.core.ocr.lines import Box, TextLine


@dataclass(frozen=True)
class Value:
    """A value read from the scan, where it was, how sure the recogniser was.

    ``verified``: it passed a check character (ID number, USCC, MRZ), so a misreading is ruled out.
    ``label``: the printed label it was found by ("" when found by its shape alone);
    ``label_edits``: characters of that label the recogniser misread (0: read exactly).
    """

    text: str
    box: Box | None = None
    score: float = 1.0
    verified: bool = False
    label: str = ""
    label_edits: int = 0


@dataclass(frozen=True)
class Reading:
    """One scan understood: kind (see resources/ocr_documents.json) and the fields found."""

    kind: str
    name: Value | None = None
    number: Value | None = None
    issue_date: date | None = None
    expiry_date: date | None = None
    long_term: bool = False  # validity "长期" (no end date)
    dates_verified: bool = False  # MRZ check digit, or a consistent validity span
    latin_name: str = ""  # the Latin name as printed (passports, permits)
    has_back: bool = False  # the emblem/back side is in the same image as the front
    title: str = ""  # the kind's heading as printed word for word ("" when misread or absent)
    rotation: int = 0  # degrees counter-clockwise the scan was turned to read it upright
    rotation_certain: bool = False  # that turn is sure (safe to write the upright image)
    lines: tuple[TextLine, ...] = field(default=(), repr=False)

    def values(self) -> dict[str, str]:
        """Record fields this scan can fill ("Read from scan"); only what was found.

        >>> Reading("id_front", name=Value("张三"), number=Value("11010519491231002X")).values()
        {'cert_type': 'SFZ', 'name_zh': '张三', 'cert_number': '11010519491231002X'}
        >>> Reading("id_back", issue_date=date(2010, 3, 1), long_term=True).values()
        {'cert_type': 'SFZ', 'cert_issue_date': '2010-03-01', 'cert_expiry_date': '长期'}
        """
        from desktop.core.ocr.classify import kind

        types = kind(self.kind).cert_types
        if self.kind.startswith("residence_permit"):  # Hong Kong/Macao or Taiwan: the number says
            number = self.number.text if self.number else ""
            types = ("TWJZZ",) if number.startswith("83") else ("GAJZZ",) if number else ()
        expiry = (
            "长期" if self.long_term else self.expiry_date.isoformat() if self.expiry_date else ""
        )
        found = {
            "cert_type": types[0] if types else "",
            "name_zh": self.name.text if self.name else "",
            "cert_number": self.number.text if self.number else "",
            "cert_issue_date": self.issue_date.isoformat() if self.issue_date else "",
            "cert_expiry_date": expiry,
        }
        return {key: value for key, value in found.items() if value}

    def to_json(self) -> dict:
        """A plain-data form (for ``check --ocr --json`` and the window's worker signal)."""

        def value(v: Value | None) -> dict | None:
            if v is None:
                return None
            return {
                "text": v.text,
                "box": list(v.box) if v.box else None,
                "score": round(v.score, 3),
                "verified": v.verified,
            }

        return {
            "kind": self.kind,
            "name": value(self.name),
            "number": value(self.number),
            "issue_date": self.issue_date.isoformat() if self.issue_date else None,
            "expiry_date": self.expiry_date.isoformat() if self.expiry_date else None,
            "long_term": self.long_term,
            "latin_name": self.latin_name,
            "has_back": self.has_back,
            "title": self.title,
            "rotation": self.rotation,
            "rotation_certain": self.rotation_certain,
        }
