"""Resident Identity Card number (公民身份号码, GB 11643-1999; certificate type SFZ).

The 18 characters are ``AAAAAA YYYYMMDD SSS C``: the GB/T 2260 address code of the household
registration at first issuance (characters 1–2 the province), the birth date, a sequence number
(odd for men, even for women) and an ISO 7064 MOD 11-2 check character (0–9 or ``X``).

The address code may be one that has since been abolished, so only the province prefix is checked
(never a dated county lookup, which rejects real numbers; python-stdnum does that). The birth date
must exist and not lie in the future. The 15-digit numbers of first-generation cards (GB 11643-1989,
``AAAAAA YYMMDD SSS``, 19th century implied) raise ``LegacyNumber`` with the 18-digit form.

More information: cnnic-rules.md 2.1, 2.14.

>>> validate('11010519491231002X')
'11010519491231002X'
>>> validate('440524188001010014')  # the example of the standard itself (abolished county)
'440524188001010014'
>>> errors('110105194912310021')
[InvalidChecksum()]
>>> errors('991231199002301230')
[InvalidRegion(), InvalidDate(), InvalidChecksum()]
>>> validate('110105491231002')
Traceback (most recent call last):
    ...
desktop.core.numbers.exceptions.LegacyNumber: The number has a superseded format.
>>> errors('110105491231002')[0].converted
'11010519491231002X'
>>> to_18('110105491231002'), to_18('610104620927690')
('11010519491231002X', '610104196209276908')
>>> is_valid('110101209901011239')  # born in 2099
False
"""

from __future__ import annotations

from datetime import date

from stdnum.util import clean, isdigits

from desktop.core.numbers import gb11643, util
from desktop.core.numbers.exceptions import (
    InvalidFormat,
    InvalidRegion,
    LegacyNumber,
    ValidationError,
)

calc_check_digit = gb11643.calc_check_digit
fix_confusables = gb11643.fix_confusables


def compact(number: str) -> str:
    """Strip spaces and hyphens, uppercase.

    >>> compact(' 110101 19900307 123x ')
    '11010119900307123X'
    """
    return clean(number, " -").strip().upper()


def to_18(number: str) -> str:
    """The 18-digit form of a 15-digit first-generation number ("19" inserted, check added)."""
    number = compact(number)
    body = number[:6] + "19" + number[6:15]
    return body + calc_check_digit(body)


def region_errors(number: str) -> list[InvalidRegion]:
    """The province prefix (characters 1–2) must be a mainland province."""
    prefix = number[:2]
    return [] if prefix in util.data()["province_prefixes"]["prefixes"] else [InvalidRegion(prefix)]


def errors(number: str, today: date | None = None) -> list[ValidationError]:
    """Every problem of the number (empty when valid); ``today`` bounds the birth date."""
    number = compact(number)
    if len(number) == 15:
        return _legacy_errors(number, today)
    shape = gb11643.shape_errors(number)
    if shape:
        return shape
    return [
        *region_errors(number),
        *gb11643.date_errors(number, today),
        *gb11643.checksum_errors(number),
    ]


def _legacy_errors(number: str, today: date | None) -> list[ValidationError]:
    if not isdigits(number):
        return [InvalidFormat()]
    converted = to_18(number)
    problems = [*region_errors(converted), *gb11643.date_errors(converted, today)]
    return [LegacyNumber(None if problems else converted), *problems]


def validate(number: str, today: date | None = None) -> str:
    """Return the compact number or raise the first problem found."""
    number = compact(number)
    util.raise_first(errors(number, today))
    return number


def is_valid(number: str, today: date | None = None) -> bool:
    try:
        return bool(validate(number, today))
    except ValidationError:
        return False


def format(number: str) -> str:
    return compact(number)
