"""Residence Permit for Hong Kong, Macao and Taiwan residents (港澳台居民居住证; GAJZZ, TWJZZ).

Same 18-character layout and ISO 7064 MOD 11-2 check as the resident ID (GB 11643), but the address
code is fixed: ``810000`` Hong Kong, ``820000`` Macao, ``830000`` Taiwan (83, not the GB/T 2260
Taiwan code 71). python-stdnum's ``cn.ric`` rejects all of them. More: cnnic-rules.md 2.2, 2.14.

>>> validate('810000199501010023')
'810000199501010023'
>>> region('820000199501010033'), region('830000199201300022')
('MO', 'TW')
>>> errors('110101199003071233')
[InvalidRegion()]
>>> errors('810000199513010025')
[InvalidDate(), InvalidChecksum()]
"""

from __future__ import annotations

from datetime import date

from stdnum.util import clean

from desktop.core.numbers import gb11643, util
from desktop.core.numbers.exceptions import InvalidRegion, ValidationError

fix_confusables = gb11643.fix_confusables


def compact(number: str) -> str:
    return clean(number, " -").strip().upper()


def region(number: str) -> str:
    """HK, MO or TW for the permit's address code ("" when it is none of them)."""
    entry = util.data()["residence_permit"].get(compact(number)[:6])
    return entry["region"] if entry else ""


def errors(number: str, today: date | None = None) -> list[ValidationError]:
    """Every problem of the number (empty when valid)."""
    number = compact(number)
    shape = gb11643.shape_errors(number)
    if shape:
        return shape
    place = [] if region(number) else [InvalidRegion(number[:6])]
    return [*place, *gb11643.date_errors(number, today), *gb11643.checksum_errors(number)]


def validate(number: str, today: date | None = None) -> str:
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
