"""Mainland Travel Permit for Hong Kong and Macao Residents (回乡证; GAJMTX / TXZ).

``H`` (Hong Kong) or ``M`` (Macao) and 8 digits: the lifelong number of the card form. Older
permits print 10 digits (11 characters; the last two are commonly described as an issue counter).
No public check digit. Whether the registry wants the 9- or the 11-character form is not known,
so the long form is only reported by ``doubts()``. More: cnnic-rules.md 2.8.

>>> validate('H12345678'), validate('M1234567801'), region('M12345678')
('H12345678', 'M1234567801', 'MO')
>>> errors('K12345678'), errors('H1234567'), doubts('H1234567801')
([InvalidFormat()], [InvalidLength()], ['hk_macao_permit_long'])
"""

from __future__ import annotations

from stdnum.util import clean, isdigits

from desktop.core.numbers import util
from desktop.core.numbers.exceptions import InvalidFormat, InvalidLength, ValidationError

_REGIONS = {"H": "HK", "M": "MO"}


def compact(number: str) -> str:
    return clean(number, " -").strip().upper()


def region(number: str) -> str:
    """HK for an H-permit, MO for an M-permit ("" otherwise)."""
    return _REGIONS.get(compact(number)[:1], "")


def errors(number: str) -> list[ValidationError]:
    """Every problem of the number (empty when valid)."""
    number = compact(number)
    if len(number) not in (9, 11):
        return [InvalidLength()]
    return [] if region(number) and isdigits(number[1:]) else [InvalidFormat()]


def doubts(number: str) -> list[str]:
    """The 11-character form: the registry may expect the 9-character lifelong number."""
    number = compact(number)
    return ["hk_macao_permit_long"] if len(number) == 11 and not errors(number) else []


def fix_confusables(number: str) -> str:
    """Look-alike letters read as digits after the H/M letter.

    >>> fix_confusables('H1234567B')
    'H12345678'
    """
    return number[:1] + util.digits_at(number[1:], range(len(number) - 1))


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
