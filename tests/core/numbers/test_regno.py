"""Old 15-digit business registration numbers (ISO 7064 MOD 11,10)."""

from __future__ import annotations

import pytest

from desktop.core.numbers import regno
from desktop.core.numbers.exceptions import InvalidChecksum, InvalidFormat, InvalidLength

VALID = [
    "310115600985533",  # worked example of the reference
    "110108001234569",
    "440300000000017",
    "100000000000014",  # national administration: no province check
    "330106000123458",
]

INVALID = [
    ("310115600985534", [InvalidChecksum]),
    ("301115600985533", [InvalidChecksum]),  # two digits swapped
    ("31011560098553X", [InvalidFormat]),
    ("31011560098553", [InvalidLength]),
    ("91350100M000100Y43", [InvalidLength]),
]


@pytest.mark.parametrize("number", VALID)
def test_valid(number: str) -> None:
    assert regno.validate(number) == number
    assert regno.calc_check_digit(number) == number[14]


@pytest.mark.parametrize(("number", "expected"), INVALID)
def test_invalid(number: str, expected: list[type]) -> None:
    assert [type(e) for e in regno.errors(number)] == expected
    assert not regno.is_valid(number)


def test_fix_confusables() -> None:
    assert regno.fix_confusables("3101156OO985533") == "310115600985533"
