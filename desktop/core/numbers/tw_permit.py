"""Mainland Travel Permit for Taiwan Residents (台胞证; TWJMTX / TW).

The card form (since about 2015) carries a lifelong number of 8 digits. Older booklets and
one-off permits carry 10–12 letters or digits (e.g. ``1234567890B``). No public check digit.
More: cnnic-rules.md 2.9.

>>> validate('12345678'), validate('1234567890B')
('12345678', '1234567890B')
>>> errors('1234567'), errors('1234567A'), errors('123456789')
([InvalidLength()], [InvalidFormat()], [InvalidLength()])
"""

from __future__ import annotations

import re

from stdnum.util import clean, isdigits

from desktop.core.numbers import util
from desktop.core.numbers.exceptions import InvalidFormat, InvalidLength, ValidationError

_OLD = re.compile(r"[0-9A-Z]{10,12}")


def compact(number: str) -> str:
    return clean(number, " -").strip().upper()


def errors(number: str) -> list[ValidationError]:
    """Every problem of the number (empty when valid)."""
    number = compact(number)
    if len(number) == 8:
        return [] if isdigits(number) else [InvalidFormat()]
    if not 10 <= len(number) <= 12:
        return [InvalidLength()]
    return [] if _OLD.fullmatch(number) else [InvalidFormat()]


def fix_confusables(number: str) -> str:
    """In the 8-character card form every position holds a digit.

    >>> fix_confusables('1234567O'), fix_confusables('1234567890B')
    ('12345670', '1234567890B')
    """
    return util.digits_at(number, range(8)) if len(compact(number)) == 8 else number


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
