"""Organization codes (GB 11714): with or without the hyphen."""

from __future__ import annotations

import pytest

from desktop.core.numbers import orgcode
from desktop.core.numbers.exceptions import InvalidChecksum, InvalidFormat, InvalidLength

VALID = [
    "D2143569-X",  # worked example of the reference
    "D2143569X",
    "12345678-8",
    "00000000-0",  # check value 11 is written 0
    "79999999-3",
    "MA01XY3R-0",  # positions 9-17 of 91110108MA01XY3R01
    "M000100Y-4",  # positions 9-17 of 91350100M000100Y43
    "60003734-1",  # positions 9-17 of 91110000600037341L
    "L1234567-4",
    "A0000000-3",
]

INVALID = [
    ("D2143569-0", [InvalidChecksum]),
    ("12345678-9", [InvalidChecksum]),
    ("21345678-8", [InvalidChecksum]),  # two characters swapped
    ("D2143569-Y", [InvalidFormat]),
    ("D214356*-X", [InvalidFormat]),
    ("D2143569", [InvalidLength]),
    ("D2143569-XX", [InvalidLength]),
    ("91350100M000100Y43", [InvalidLength]),  # a USCC
]


@pytest.mark.parametrize("number", VALID)
def test_valid(number: str) -> None:
    compact = number.replace("-", "")
    assert orgcode.validate(number) == compact
    assert orgcode.calc_check_digit(compact) == compact[8]
    assert orgcode.format(compact) == f"{compact[:8]}-{compact[8]}"


@pytest.mark.parametrize(("number", "expected"), INVALID)
def test_invalid(number: str, expected: list[type]) -> None:
    assert [type(e) for e in orgcode.errors(number)] == expected
    assert not orgcode.is_valid(number)


@pytest.mark.parametrize(
    ("typed", "fixed"),
    [("12345678B", "123456788"), ("D2143569X", "D2143569X"), ("0000000O", "0000000O")],
)
def test_fix_confusables_only_in_the_check_position(typed: str, fixed: str) -> None:
    assert orgcode.fix_confusables(typed) == fixed
