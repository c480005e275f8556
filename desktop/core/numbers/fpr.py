"""Foreign Permanent Resident ID Card number (外国人永久居留身份证; WJLSFZ / WAIGUOREN).

Cards issued from 2023-12-01 carry 18 characters: ``9`` (foreigner), a 2-digit province code of
the accepting office, a 3-digit numeric nationality code, the birth date ``YYYYMMDD``, a 2-digit
sequence, a sex digit and an ISO 7064 MOD 11-2 check character exactly as the resident ID (only
"first digit 9, 17 digits + MOD 11-2 check" is confirmed; the sub-fields come from one
implementation). Older cards carry 15 characters: the ISO 3166 alpha-3 nationality and 12 digits
(read by one implementation as a 4-digit region, ``YYMMDD`` birth, a sequence digit and an
ICAO 9303 check digit — unconfirmed). Old cards stay valid and a new card prints the old number too.

Only confirmed rules raise errors; the others are reported by ``doubts()``.
More: cnnic-rules.md 2.10 (python-stdnum's ``cn.ric`` rejects new numbers: region 91).

>>> validate('911840198001010013'), validate('USA110080010111')
('911840198001010013', 'USA110080010111')
>>> errors('911840198001010014'), errors('110101199003071233')
([InvalidChecksum()], [InvalidFormat()])
>>> is_valid('USA110080010112'), doubts('USA110080010112')
(True, ['fpr_old_check'])
>>> doubts('911840198013010010')
['fpr_birthdate']
"""

from __future__ import annotations

import re
from datetime import date

from stdnum.util import clean

from desktop.core.numbers import gb11643, util
from desktop.core.numbers.exceptions import InvalidFormat, InvalidLength, ValidationError

_OLD = re.compile(r"[A-Z]{3}[0-9]{12}")


def compact(number: str) -> str:
    return clean(number, " -").strip().upper()


def errors(number: str, today: date | None = None) -> list[ValidationError]:
    """Problems under the confirmed rules (empty when valid)."""
    number = compact(number)
    if len(number) == 15:
        return [] if _OLD.fullmatch(number) else [InvalidFormat()]
    if len(number) != 18:
        return [InvalidLength()]
    shape = gb11643.shape_errors(number)
    if shape or number[0] != "9":
        return shape or [InvalidFormat()]
    return gb11643.checksum_errors(number)


def doubts(number: str, today: date | None = None) -> list[str]:
    """Keys of unconfirmed rules the number breaks (birth date, old ICAO check digit)."""
    number = compact(number)
    if errors(number, today):
        return []
    if len(number) == 18:
        return ["fpr_birthdate"] if gb11643.date_errors(number, today) else []
    found = [] if _yymmdd_exists(number[7:13]) else ["fpr_birthdate"]
    return found + ([] if icao_check_digit(number[:14]) == number[14] else ["fpr_old_check"])


def _yymmdd_exists(yymmdd: str) -> bool:
    yy, mm, dd = int(yymmdd[:2]), int(yymmdd[2:4]), int(yymmdd[4:6])
    return any(util.parse_date(century + yy, mm, dd) for century in (1900, 2000))


def icao_check_digit(text: str) -> str:
    """ICAO 9303 check digit: weights 7, 3, 1 repeating, A=10 … Z=35, sum mod 10.

    >>> icao_check_digit('USA11008001011')
    '1'
    """

    def value(char: str) -> int:
        return int(char) if char.isdigit() else ord(char) - 55

    return str(sum(value(c) * (7, 3, 1)[i % 3] for i, c in enumerate(text)) % 10)


def fix_confusables(number: str) -> str:
    """Look-alike letters read as digits where the format holds digits only.

    >>> fix_confusables('USA11OO8OO1O111'), fix_confusables('9118401980O1O1OO13')
    ('USA110080010111', '911840198001010013')
    """
    if len(number) == 15:
        return number[:3] + util.digits_at(number[3:], range(12))
    return gb11643.fix_confusables(number)


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
