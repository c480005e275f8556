"""The 18-character layout of GB 11643 shared by the resident ID, the HK/Macao/Taiwan residence
permits and the new foreign permanent resident ID: 17 digits, then an ISO 7064 MOD 11-2 check
character (``X`` stands for 10). Characters 7–14 are a birth date ``YYYYMMDD``.

>>> calc_check_digit("11010519491231002")
'X'
>>> shape_errors("1101051949123100"), checksum_errors("110105194912310021")
([InvalidLength()], [InvalidChecksum()])
"""

from __future__ import annotations

import re
from datetime import date

from stdnum.iso7064 import mod_11_2

from desktop.core.numbers import util
from desktop.core.numbers.exceptions import (
    InvalidChecksum,
    InvalidDate,
    InvalidFormat,
    InvalidLength,
    ValidationError,
)

_SHAPE = re.compile(r"[0-9]{17}[0-9X]")


def calc_check_digit(body: str) -> str:
    """The check character of the first 17 digits."""
    return mod_11_2.calc_check_digit(body[:17])


def shape_errors(number: str) -> list[ValidationError]:
    """Length and alphabet problems of a compact number (empty when the shape is right)."""
    if len(number) != 18:
        return [InvalidLength()]
    return [] if _SHAPE.fullmatch(number) else [InvalidFormat()]


def date_errors(number: str, today: date | None = None) -> list[InvalidDate]:
    """The birth date at characters 7–14, when impossible or in the future."""
    error = util.birth_date_error(number[6:14], today)
    return [error] if error else []


def checksum_errors(number: str) -> list[ValidationError]:
    return [] if mod_11_2.is_valid(number) else [InvalidChecksum()]


def fix_confusables(number: str) -> str:
    """Look-alike letters read as digits in the 17 digit positions and as X at the end.

    >>> fix_confusables("11O1O519491231OO2×")
    '11010519491231002X'
    """
    fixed = util.digits_at(number, range(17))
    if len(fixed) == 18 and fixed[17] != "X":
        fixed = util.digits_at(util.check_x_at(fixed, 17), [17])
    return fixed
