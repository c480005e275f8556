"""Organization code (组织机构代码, GB 11714-1997; certificate type ORG).

8 body characters (digits or capital letters) and a check character, printed ``XXXXXXXX-X``.
Values: digits as is, letters A=10 … Z=35; weights ``3 7 9 10 5 8 4 2``; check = 11 − S mod 11,
written ``X`` for 10 and ``0`` for 11. The hyphen is accepted with or without (whether the registry
wants it is not documented). A USCC carries the organization code at positions 9–17.
More: cnnic-rules.md 2.4.

>>> validate('D2143569-X'), validate('123456788'), format('D2143569X')
('D2143569X', '123456788', 'D2143569-X')
>>> calc_check_digit('00000000'), calc_check_digit('79999999')
('0', '3')
>>> errors('D21435690'), errors('D2143569-Y'), errors('D2143569')
([InvalidChecksum()], [InvalidFormat()], [InvalidLength()])
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

_WEIGHTS = (3, 7, 9, 10, 5, 8, 4, 2)
_SHAPE = re.compile(r"[0-9A-Z]{8}[0-9X]")


def compact(number: str) -> str:
    return clean(number, " -").strip().upper()


def calc_check_digit(body: str) -> str:
    """The check character of the 8 body characters."""
    values = (int(c) if c.isdigit() else ord(c) - 55 for c in body[:8])
    check = 11 - sum(v * w for v, w in zip(values, _WEIGHTS, strict=True)) % 11
    return {10: "X", 11: "0"}.get(check, str(check))


def errors(number: str) -> list[ValidationError]:
    """Every problem of the number (empty when valid)."""
    number = compact(number)
    if len(number) != 9:
        return [InvalidLength()]
    if not _SHAPE.fullmatch(number):
        return [InvalidFormat()]
    return [] if number[8] == calc_check_digit(number) else [InvalidChecksum()]


def fix_confusables(number: str) -> str:
    """A look-alike letter in the check position (digits or X only) read as a digit.

    >>> fix_confusables('12345678-B'), fix_confusables('0000000O')
    ('12345678-8', '0000000O')
    """
    compacted = compact(number)
    if len(compacted) != 9 or compacted[8] == "X":
        return number
    return util.digits_at(number, [-1])


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
    """The printed form ``XXXXXXXX-X``."""
    number = compact(number)
    return f"{number[:8]}-{number[8:]}"
