"""Hong Kong identity card number (香港身份证, HKID).

Not a CNNIC certificate type of its own; validated when an HK holder submits it under "other".
1 or 2 capital letters, 6 digits and a check character (0–9 or ``A``), printed with the check in
parentheses: ``A123456(3)``. Check: a one-letter prefix is padded with a space (value 36), letters
A=10 … Z=35; weights ``9 8 7 6 5 4 3 2``; c = 11 − S mod 11, written ``A`` for 10 and ``0`` for
11. python-stdnum has no HKID module. More: cnnic-rules.md 2.6.

>>> validate('A123456(3)'), format('CA1823611'), calc_check_digit('Z683365')
('A1234563', 'CA182361(1)', 'A')
>>> errors('A123456(4)'), errors('A12345(6)'), errors('1234567(8)')
([InvalidChecksum()], [InvalidLength()], [InvalidFormat()])
"""

from __future__ import annotations

import re

from stdnum.util import clean

from desktop.core.numbers import util
from desktop.core.numbers.exceptions import (
    InvalidChecksum,
    InvalidFormat,
    InvalidLength,
    ValidationError,
)

_SHAPE = re.compile(r"[A-Z]{1,2}[0-9]{6}[0-9A]")
_WEIGHTS = (9, 8, 7, 6, 5, 4, 3, 2)


def compact(number: str) -> str:
    return clean(number, " ()").strip().upper()


def calc_check_digit(body: str) -> str:
    """The check character of the letters and 6 digits (without the check)."""
    padded = body.rjust(8)
    values = (36 if c == " " else int(c) if c.isdigit() else ord(c) - 55 for c in padded)
    check = 11 - sum(v * w for v, w in zip(values, _WEIGHTS, strict=True)) % 11
    return {10: "A", 11: "0"}.get(check, str(check))


def errors(number: str) -> list[ValidationError]:
    """Every problem of the number (empty when valid)."""
    number = compact(number)
    if len(number) not in (8, 9):
        return [InvalidLength()]
    if not _SHAPE.fullmatch(number):
        return [InvalidFormat()]
    return [] if number[-1] == calc_check_digit(number[:-1]) else [InvalidChecksum()]


def fix_confusables(number: str) -> str:
    """Look-alike letters read as digits in the 6 digit positions (of a compact number).

    >>> fix_confusables('A12345B3')
    'A1234583'
    """
    return util.digits_at(number, range(-7, -1))


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
    """The printed form with the check character in parentheses."""
    number = compact(number)
    return f"{number[:-1]}({number[-1]})"
