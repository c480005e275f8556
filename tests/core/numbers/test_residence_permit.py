"""HK/Macao/Taiwan residence permits: GB 11643 layout with the fixed codes 810000/820000/830000."""

from __future__ import annotations

from datetime import date

import pytest

from desktop.core.numbers import residence_permit
from desktop.core.numbers.exceptions import (
    InvalidChecksum,
    InvalidDate,
    InvalidFormat,
    InvalidLength,
    InvalidRegion,
)

TODAY = date(2026, 11, 23)

VALID = [
    ("810000199501010023", "HK"),  # computed examples of the reference
    ("820000199501010033", "MO"),
    ("830000199501010043", "TW"),
    ("810000199408230021", "HK"),  # published by an open-source validator
    ("830000199201300022", "TW"),
    ("810000194002290013", "HK"),  # born before 1997: python-stdnum 2.2 rejects it
    ("830000200505050099", "TW"),  # 83 is absent from python-stdnum altogether
]

INVALID = [
    ("810000199501010024", [InvalidChecksum]),
    ("710000199501010023", [InvalidRegion, InvalidChecksum]),  # GB/T 2260 Taiwan code, not 83
    ("110101199003071233", [InvalidRegion]),  # a resident ID
    ("810100199501010023", [InvalidRegion, InvalidChecksum]),
    ("810000199513010025", [InvalidDate, InvalidChecksum]),
    ("810000209901010010", [InvalidDate]),  # born in 2099
    ("81000019950101002", [InvalidLength]),
    ("81000019950101002A", [InvalidFormat]),
]


@pytest.mark.parametrize(("number", "region"), VALID)
def test_valid(number: str, region: str) -> None:
    assert residence_permit.validate(number, TODAY) == number
    assert residence_permit.region(number) == region


@pytest.mark.parametrize(("number", "expected"), INVALID)
def test_invalid(number: str, expected: list[type]) -> None:
    assert [type(e) for e in residence_permit.errors(number, TODAY)] == expected
    assert not residence_permit.is_valid(number, TODAY)


def test_region_of_other_numbers_is_empty() -> None:
    assert residence_permit.region("110101199003071233") == ""


def test_fix_confusables() -> None:
    assert residence_permit.fix_confusables("81OOOO1995O1O1OO23") == "810000199501010023"
