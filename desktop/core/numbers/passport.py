"""Passport numbers (护照; certificate type HZ).

No official format is published. Foreign passports are country-specific: 5–20 letters or digits,
no spaces or punctuation. PRC passports follow known patterns (``E`` + 8 digits, ``E`` + letter +
7 digits, ``G`` + 8 digits, ``DE``/``SE``/``PE`` + 7 digits …; HKSAR ``K`` + 8 digits, MSAR
``MA`` + 7 digits); ``kind()`` names them for information only — a pattern never rejects a
number. More: cnnic-rules.md 2.11.

>>> validate('EA1234567'), kind('EA1234567'), kind('K12345678'), kind('561234567')
('EA1234567', 'prc', 'hksar', '')
>>> errors('1234'), errors('E1234567*')
([InvalidLength()], [InvalidFormat()])
"""

from __future__ import annotations

import re
from functools import cache

from stdnum.util import clean

from desktop.core.numbers import util
from desktop.core.numbers.exceptions import InvalidFormat, InvalidLength, ValidationError

_SHAPE = re.compile(r"[0-9A-Z]+")


def compact(number: str) -> str:
    return clean(number, " -").strip().upper()


@cache
def _patterns() -> tuple[tuple[str, re.Pattern[str]], ...]:
    table = util.data()["passport_patterns"]
    return tuple(
        (name, re.compile("|".join(f"(?:{p})" for p in patterns)))
        for name, patterns in table.items()
        if not name.startswith("_")
    )


def kind(number: str) -> str:
    """``prc``, ``hksar`` or ``msar`` when the number has that issuer's pattern, else ""."""
    number = compact(number)
    return next((name for name, pattern in _patterns() if pattern.fullmatch(number)), "")


def errors(number: str) -> list[ValidationError]:
    """Every problem of the number (empty when valid)."""
    number = compact(number)
    if not 5 <= len(number) <= 20:
        return [InvalidLength()]
    return [] if _SHAPE.fullmatch(number) else [InvalidFormat()]


def validate(number: str) -> str:
    number = compact(number)
    util.raise_first(errors(number))
    return number


def is_valid(number: str) -> bool:
    try:
        return bool(validate(number))
    except ValidationError:
        return False


def format(number: str) -> str:
    return compact(number)
