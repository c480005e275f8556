"""Match sheet headers to record keys: the keys themselves, the window's labels (zh/en),
registrar field names and the aliases in resources/batch_headers.json.

Matching ignores letter case, spaces, underscores and full/half width.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Sequence
from functools import cache

from desktop.core import rules
from desktop.core.record import RECORD_KEYS

_IGNORED = re.compile(r"[\s_\-]")


def header_key(text: object) -> str:
    """The comparable form of a header.

    >>> header_key(" 证件号码 "), header_key("ＣＥＲＴ_Number"), header_key("Cert number")
    ('证件号码', 'certnumber', 'certnumber')
    """
    folded = unicodedata.normalize("NFKC", "" if text is None else str(text))
    return _IGNORED.sub("", folded).casefold()


@cache
def _table() -> dict[str, str]:
    table: dict[str, str] = {}

    def add(name: str, key: str) -> None:
        table.setdefault(header_key(name), key)

    for key in RECORD_KEYS:
        add(key, key)
    for key, label in rules.load("field_labels").items():
        if key in RECORD_KEYS:
            add(label["zh"], key)
            add(label["en"], key)
    for key, names in rules.load("batch_headers")["aliases"].items():
        for name in names:
            add(name, key)
    registrars = rules.load("registrars")
    for group in ("profile_fields", "verification_fields", "fallback_fields"):
        for name, key in registrars["alibaba"][group].items():
            add(name, key)
    for group in ("contact_fields", "certificate_fields"):
        for name, key in registrars["tencent"][group].items():
            add(name, key)
    return table


def match_header(text: object) -> str | None:
    """The record key a header names, or None for a column to keep and ignore.

    >>> match_header("持有者名称（中文）"), match_header("ZhRegistrantOrganization")
    ('name_zh', 'name_zh')
    >>> match_header("Certificate NUMBER"), match_header("备注") is None
    ('cert_number', True)
    """
    return _table().get(header_key(text))


def map_headers(headers: Sequence[object]) -> dict[int, str]:
    """Column index → record key; the first column naming a key wins, later ones are kept."""
    mapping: dict[int, str] = {}
    for index, text in enumerate(headers):
        key = match_header(text)
        if key and key not in mapping.values():
            mapping[index] = key
    return mapping


def recognisable(headers: Sequence[object]) -> bool:
    """A header row that names at least two record fields, one of them a name or a number.

    >>> recognisable(["姓名", "证件号码", "备注"]), recognisable(["a", "b"])
    (True, False)
    """
    keys = set(map_headers(headers).values())
    return len(keys) >= 2 and bool(keys & {"name_zh", "name_en", "cert_number"})
