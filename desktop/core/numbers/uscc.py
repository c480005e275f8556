"""Unified Social Credit Code (统一社会信用代码, GB 32100-2015; TYDM / XYDM, on business licences).

18 characters from the alphabet ``0123456789ABCDEFGHJKLMNPQRTUWXY`` (never I, O, S, V, Z):

* 1 registration-management department (``1``–``9``, ``A`` military, ``N`` agriculture,
  ``Y`` other), 2 organization category (together: the "category", e.g. ``91`` enterprise),
* 3–8 the GB/T 2260 division code of the registering authority (digits only),
* 9–17 the subject identifier: the GB 11714 organization code (8 characters + its own check),
* 18 a check character: weights 3^(i−1) mod 31, check = (31 − S mod 31) mod 31.

python-stdnum's ``cn.uscc.validate`` insists on 8 leading digits and so rejects valid codes that
start with ``A``, ``N`` or ``Y``. It is used here for codes with two leading digits (where it is
right); the others get this module's own format rule and the same check character.
The category table and the organization-code check of positions 9–17 are not applied as errors:
``doubts()`` reports them. More: cnnic-rules.md 2.3, 2.14.

>>> validate('91350100M000100Y43'), validate('Y1110105MA01ABCD5R')
('91350100M000100Y43', 'Y1110105MA01ABCD5R')
>>> errors('91350100M000100Y44'), errors('N233O106MA2CXY7K2Q')
([InvalidChecksum()], [InvalidFormat()])
>>> category('91110108MA01XY3R01'), org_code('91110108MA01XY3R01')
('91', 'MA01XY3R0')
>>> doubts('B1110000600037341J')
['uscc_category']
"""

from __future__ import annotations

import re

from stdnum.cn import uscc as stdnum_uscc
from stdnum.util import clean, isdigits

from desktop.core.numbers import orgcode, util
from desktop.core.numbers.exceptions import (
    InvalidChecksum,
    InvalidFormat,
    InvalidLength,
    ValidationError,
)

ALPHABET = "0123456789ABCDEFGHJKLMNPQRTUWXY"
_SHAPE = re.compile(f"[{ALPHABET}]{{2}}[0-9]{{6}}[{ALPHABET}]{{10}}")


def compact(number: str) -> str:
    return clean(number, " -").strip().upper()


def calc_check_digit(number: str) -> str:
    """The check character of the first 17 characters (python-stdnum's computation).

    >>> calc_check_digit('91350100M000100Y4'), calc_check_digit('A1110000MA001234X')
    ('3', 'M')
    """
    return stdnum_uscc.calc_check_digit(number[:17])


def category(number: str) -> str:
    """Positions 1–2: registration department and organization category."""
    return compact(number)[:2]


def org_code(number: str) -> str:
    """Positions 9–17: the organization code (GB 11714) inside the USCC."""
    return compact(number)[8:17]


def errors(number: str) -> list[ValidationError]:
    """Every problem of the number (empty when valid)."""
    number = compact(number)
    if len(number) != 18:
        return [InvalidLength()]
    if not _SHAPE.fullmatch(number):
        return [InvalidFormat()]
    if isdigits(number[:2]):
        try:
            stdnum_uscc.validate(number)
        except ValidationError as error:
            return [error]
        return []
    return [] if number[17] == calc_check_digit(number) else [InvalidChecksum()]


def doubts(number: str) -> list[str]:
    """Keys of unconfirmed rules a valid code breaks: unknown category, bad organization code."""
    number = compact(number)
    if errors(number):
        return []
    found = []
    if number[1] not in util.data()["uscc_categories"].get(number[0], ()):
        found.append("uscc_category")
    if not orgcode.is_valid(org_code(number)):
        found.append("uscc_org_part")
    return found


def fix_confusables(number: str) -> str:
    """Letters outside the alphabet read as digits, and look-alikes in the digit positions 3–8.

    >>> fix_confusables('9135O1OOMOOO1OOY43')
    '91350100M000100Y43'
    """
    outside = [i for i, char in enumerate(number) if char not in ALPHABET]
    return util.digits_at(number, [*outside, *range(2, 8)])


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
