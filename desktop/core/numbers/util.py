"""Helpers shared by the number modules: rule data, look-alike repair, dates, first error."""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from datetime import date
from typing import Any

from desktop.core import rules
from desktop.core.numbers.exceptions import InvalidDate, ValidationError


def data() -> dict[str, Any]:
    """The number rules (resources/number_rules.json)."""
    return rules.load("number_rules")


def digits_at(number: str, positions: Iterable[int]) -> str:
    """Read look-alike letters (O, I, B …) at ``positions`` as the digits printed there.

    >>> digits_at("11O1O5", range(6)), digits_at("A1O", [2])
    ('110105', 'A10')
    """
    table = data()["confusables"]["to_digit"]
    chars = list(number)
    for i in positions:
        if -len(chars) <= i < len(chars):
            chars[i] = table.get(chars[i], chars[i])
    return "".join(chars)


def check_x_at(number: str, position: int) -> str:
    """Replace a look-alike of the check letter X (×, Cyrillic Х …) at ``position``.

    >>> check_x_at("123×", 3)
    '123X'
    """
    if number[position : position + 1] in data()["confusables"]["to_check_x"]:
        return number[:position] + "X" + number[position + 1 :]
    return number


def parse_date(year: int, month: int, day: int) -> date | None:
    """The date, or None when it does not exist.

    >>> parse_date(2000, 2, 29), parse_date(1900, 2, 29)
    (datetime.date(2000, 2, 29), None)
    """
    try:
        return date(year, month, day)
    except ValueError:
        return None


def birth_date_error(yyyymmdd: str, today: date | None = None) -> InvalidDate | None:
    """An ``InvalidDate`` when the 8 digits are not a possible birth date on ``today``.

    >>> birth_date_error("19900230").value, birth_date_error("19900307") is None
    ('1990-02-30', True)
    """
    year, month, day = int(yyyymmdd[:4]), int(yyyymmdd[4:6]), int(yyyymmdd[6:8])
    born = parse_date(year, month, day)
    if born is None or year < data()["earliest_birth_year"] or born > (today or date.today()):
        return InvalidDate(f"{yyyymmdd[:4]}-{yyyymmdd[4:6]}-{yyyymmdd[6:8]}")
    return None


def raise_first(errors: Sequence[ValidationError]) -> None:
    """Raise the first error, if any (how ``validate()`` reports ``errors()``)."""
    if errors:
        raise errors[0]
