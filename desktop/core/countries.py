"""ISO 3166-1 alpha-2 country codes and their ITU calling codes (resources/countries.json)."""

from __future__ import annotations

from functools import cache

from desktop.core import rules
from desktop.core.normalize import fold_fullwidth


def _table() -> dict[str, dict]:
    return rules.load("countries")["countries"]


def is_code(code: str) -> bool:
    """True for an assigned ISO 3166-1 alpha-2 code, exactly as written (upper case).

    >>> is_code("CN"), is_code("cn"), is_code("XX")
    (True, False, False)
    """
    return code in _table()


def name(code: str, lang: str = "zh") -> str:
    """The short name of a country code in ``lang`` (the code itself when unknown).

    >>> name("HK"), name("US", "en")
    ('中国香港', 'United States')
    """
    entry = _table().get(code.upper())
    if entry is None:
        return code
    return entry["en"] if lang.startswith("en") else entry["zh"]


@cache
def _by_name() -> dict[str, str]:
    index: dict[str, str] = {}
    for code, entry in _table().items():
        for alias in (entry["zh"], entry["en"], *entry.get("aliases", ())):
            index.setdefault(alias.lower(), code)
    return index


def guess(text: str) -> str | None:
    """The code a reseller meant by a lower-case code, a name or an alpha-3 alias.

    >>> guess("cn"), guess(" 中华人民共和国 "), guess("United Kingdom"), guess("Narnia")
    ('CN', 'CN', 'GB', None)
    """
    value = " ".join(fold_fullwidth(text).split())
    if value.upper() in _table():
        return value.upper()
    return _by_name().get(value.lower())


def calling_codes(code: str) -> tuple[str, ...]:
    """ITU calling codes used in a country or territory.

    >>> calling_codes("CN"), calling_codes("VA")
    (('86',), ('39', '379'))
    """
    entry = _table().get(code.upper())
    return tuple(entry["calling"]) if entry else ()


@cache
def all_calling_codes() -> frozenset[str]:
    """Every assigned calling code known to the table (countries plus global services)."""
    codes = {c for entry in _table().values() for c in entry["calling"]}
    return frozenset(codes | set(rules.load("countries")["other_calling_codes"]))
