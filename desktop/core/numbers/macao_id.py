"""Macao resident identity card number (澳门居民身份证, BIR).

8 digits: the first is 1, 5 or 7 (issuing era/origin), then a 6-digit serial and a check digit
whose algorithm is not published, so only the format is checked. Printed ``1/234567/8`` on older
cards and ``1234567(8)`` on smart cards. The first-digit rule comes from implementations, so it is
reported by ``doubts()`` only. More: cnnic-rules.md 2.7.

>>> validate('1234567(8)'), validate('5/123456/7'), format('71234567')
('12345678', '51234567', '7123456(7)')
>>> errors('1234567'), errors('1234567A'), doubts('31234567')
([InvalidLength()], [InvalidFormat()], ['macao_id_first_digit'])
"""

from __future__ import annotations

from stdnum.util import clean, isdigits

from desktop.core.numbers import util
from desktop.core.numbers.exceptions import InvalidFormat, InvalidLength, ValidationError


def compact(number: str) -> str:
    return clean(number, " ()/").strip().upper()


def errors(number: str) -> list[ValidationError]:
    """Every problem of the number (empty when valid)."""
    number = compact(number)
    if len(number) != 8:
        return [InvalidLength()]
    return [] if isdigits(number) else [InvalidFormat()]


def doubts(number: str) -> list[str]:
    number = compact(number)
    return ["macao_id_first_digit"] if not errors(number) and number[0] not in "157" else []


def fix_confusables(number: str) -> str:
    """Look-alike letters read as digits (every position holds a digit)."""
    return util.digits_at(number, range(len(number)))


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
    """The smart-card form with the check digit in parentheses."""
    number = compact(number)
    return f"{number[:-1]}({number[-1]})"
