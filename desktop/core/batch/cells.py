"""Turn sheet cells into record values: dates, numbers typed as numbers, yes/no, image lists.

A cell that cannot become a value raises :class:`CellError`; the row becomes RECORD_INVALID.
"""

from __future__ import annotations

import re
from datetime import date, datetime, time
from functools import cache
from typing import Any

from desktop.core import cert_types, rules
from desktop.core.batch.headers import header_key
from desktop.core.record import Record, RecordError, from_dict

DATE_KEYS = ("cert_issue_date", "cert_expiry_date")
_EXCEL_ERROR = re.compile(r"^#(?:NULL!|DIV/0!|VALUE!|REF!|NAME\?|NUM!|N/A|GETTING_DATA|#+)$")
_IMAGE_SEP = re.compile("[;；\n]")


class CellError(ValueError):
    """A cell that cannot become a record value (the message names the column)."""


def text_of(value: Any) -> str:
    """A cell as text; numbers typed as numbers (phones, postal codes) lose no digits.

    >>> text_of(13800000000.0), text_of(310012), text_of(None), text_of(" a ")
    ('13800000000', '310012', '', ' a ')
    """
    if value is None:
        return ""
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    return str(value)


def date_of(value: Any, column: str) -> str:
    """A date cell as YYYY-MM-DD; text (长期, 2036/6/1) is left for the date check to judge.

    >>> date_of(datetime(2036, 6, 1), "有效期至"), date_of("长期", "x")
    ('2036-06-01', '长期')
    """
    if isinstance(value, datetime):
        return value.date().isoformat()
    if isinstance(value, date):
        return value.isoformat()
    if isinstance(value, int | float | time) and not isinstance(value, bool):
        raise CellError(f"{column}: not a date ({text_of(value)})")
    return text_of(value)


def flag_of(value: Any, column: str) -> bool:
    """special_occupation: true/false/是/否/1/0 (empty = false).

    >>> flag_of("是", "c"), flag_of(0, "c"), flag_of("", "c"), flag_of(True, "c")
    (True, False, False, True)
    """
    if isinstance(value, bool):
        return value
    text = header_key(text_of(value))
    if not text:
        return False
    table = rules.load("batch_headers")["values"]["special_occupation"]
    if text not in table:
        raise CellError(f"{column}: expected true/false/是/否/1/0, got {text_of(value)!r}")
    return table[text]


def images_of(value: Any) -> list[str]:
    """Paths separated by ``;`` (full-width too), relative to the sheet.

    >>> images_of("a.jpg; scans/b 1.png；"), images_of(None)
    (['a.jpg', 'scans/b 1.png'], [])
    """
    return [p.strip() for p in _IMAGE_SEP.split(text_of(value)) if p.strip()]


def holder_type_of(value: Any) -> str:
    """个人/组织/1/2/I/E/individual… as the record's words; anything else is left to the check.

    >>> holder_type_of("个人"), holder_type_of(2), holder_type_of("Company"), holder_type_of("x")
    ('individual', 'organization', 'organization', 'x')
    """
    text = text_of(value).strip()
    table = rules.load("batch_headers")["values"]["holder_type"]
    return table.get(header_key(text), text)


@cache
def _type_names() -> dict[str, str]:
    table: dict[str, str] = {}
    for t in cert_types.all_types():
        table.setdefault(header_key(t.name_zh), t.code)
        table.setdefault(header_key(t.name_en), t.code)
    for code, ours in rules.load("registrars")["tencent"]["cert_types"].items():
        table.setdefault(header_key(code), ours)
    return table


def cert_type_of(value: Any) -> str:
    """A code (ours, Alibaba's or Tencent's) or a document name (居民身份证) as a code.

    >>> cert_type_of("sfz"), cert_type_of("统一社会信用代码证书"), cert_type_of("TYDMZ")
    ('sfz', 'TYDM', 'TYDM')
    """
    text = text_of(value).strip()
    if not text or cert_types.lookup(text):
        return text
    return _type_names().get(header_key(text), text)


def record_of(cells: dict[str, Any], columns: dict[str, str] | None = None) -> Record:
    """Build a record from ``key → cell``; raises RecordError or CellError with the reason.

    ``columns`` names each key's header for the messages.
    """
    names = columns or {}
    data: dict[str, Any] = {}
    for key, value in cells.items():
        column = names.get(key, key)
        if isinstance(value, str) and _EXCEL_ERROR.match(value.strip()):
            raise CellError(f"{column}: the cell holds an Excel error ({value.strip()})")
        data[key] = _value(key, value, column)
    try:
        return from_dict(data)
    except RecordError as exc:
        raise CellError(str(exc)) from None


def _value(key: str, value: Any, column: str) -> Any:
    if key == "special_occupation":
        return flag_of(value, column)
    if key == "images":
        return images_of(value)
    if key in DATE_KEYS:
        return date_of(value, column)
    if key == "holder_type":
        return holder_type_of(value)
    if key == "cert_type":
        return cert_type_of(value)
    return text_of(value)
