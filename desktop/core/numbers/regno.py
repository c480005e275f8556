"""Business registration number (工商注册号, GS15-2006) of business licences before 2015.

15 digits: a 6-digit registration-authority code, an 8-digit sequence and a check digit under
ISO 7064 MOD 11,10 (python-stdnum's ``iso7064.mod_11_10`` computes it correctly). The authority
code may be ``100000`` (the national administration), so no province check applies. Since the 2015
merger a licence carries the 18-character USCC instead. More: cnnic-rules.md 2.5.

>>> validate('310115600985533'), calc_check_digit('11010800123456')
('310115600985533', '9')
>>> errors('310115600985534'), errors('31011560098553'), errors('31011560098553A')
([InvalidChecksum()], [InvalidLength()], [InvalidFormat()])
"""

from __future__ import annotations

from stdnum.iso7064 import mod_11_10
from stdnum.util import clean, isdigits

from desktop.core.numbers import util
from desktop.core.numbers.exceptions import (
    InvalidChecksum,
    InvalidFormat,
    InvalidLength,
    ValidationError,
)


def compact(number: str) -> str:
    return clean(number, " -").strip().upper()


def calc_check_digit(body: str) -> str:
    """The check digit of the first 14 digits."""
    return mod_11_10.calc_check_digit(body[:14])


def errors(number: str) -> list[ValidationError]:
    """Every problem of the number (empty when valid)."""
    number = compact(number)
    if len(number) != 15:
        return [InvalidLength()]
    if not isdigits(number):
        return [InvalidFormat()]
    return [] if mod_11_10.is_valid(number) else [InvalidChecksum()]


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
    return compact(number)
