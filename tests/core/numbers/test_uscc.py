"""USCC (GB 32100): python-stdnum for codes with two leading digits, own code for A/N/Y codes."""

from __future__ import annotations

import pytest
from stdnum.cn import uscc as stdnum_uscc

from desktop.core.numbers import uscc
from desktop.core.numbers.exceptions import InvalidChecksum, InvalidFormat, InvalidLength

STDNUM_PATH = [  # two leading digits: validated by python-stdnum
    "91350100M000100Y43",  # worked example of the reference
    "91110000600037341L",  # python-stdnum's own example
    "91110108MA01XY3R01",
    "92440300L12345678R",
    "93330100MA2ABCDE1K",
    "11100000000013127D",
    "12100000400000123X",
    "51100000500000012E",
    "31110000E12345678Y",
    "52110000MJ01234569",
    "71310000MA1FL1234T",
]
OWN_PATH = [  # python-stdnum rejects every one of these with InvalidFormat (reference 2.14)
    "Y1110105MA01ABCD5R",
    "N2330106MA2CXY7K2Q",
    "A1110000MA001234XM",
    "A9110000MA00ABCDEH",
    "N1330106MA2CXY7K2U",
    "N3110000MA0012345Q",
]

INVALID = [
    ("91350100M000100Y44", [InvalidChecksum]),
    ("91350100M000010Y43", [InvalidChecksum]),  # two characters swapped
    ("Y1110105MA01ABCD5Q", [InvalidChecksum]),  # own path
    ("A1110000MA001234X0", [InvalidChecksum]),
    ("N233O106MA2CXY7K2Q", [InvalidFormat]),  # letter in positions 3-8
    ("9135010OM000100Y43", [InvalidFormat]),
    ("91350100M000100I43", [InvalidFormat]),  # I is not in the alphabet
    ("91350100M000100V43", [InvalidFormat]),
    ("91350100M000100Y4", [InvalidLength]),
    ("310115600985533", [InvalidLength]),  # an old registration number
]


@pytest.mark.parametrize("number", STDNUM_PATH + OWN_PATH)
def test_valid(number: str) -> None:
    assert uscc.validate(number) == number
    assert uscc.calc_check_digit(number) == number[17]


@pytest.mark.parametrize("number", STDNUM_PATH)
def test_agrees_with_stdnum_where_stdnum_is_right(number: str) -> None:
    assert stdnum_uscc.is_valid(number) == uscc.is_valid(number)
    damaged = number[:17] + ("0" if number[17] != "0" else "1")
    assert stdnum_uscc.is_valid(damaged) == uscc.is_valid(damaged) is False


@pytest.mark.parametrize(("number", "expected"), INVALID)
def test_invalid(number: str, expected: list[type]) -> None:
    assert [type(e) for e in uscc.errors(number)] == expected
    assert not uscc.is_valid(number)


@pytest.mark.parametrize(
    ("number", "doubts"),
    [
        ("91350100M000100Y43", []),
        ("Y1110105MA01ABCD5R", []),
        ("92440300L12345678R", ["uscc_org_part"]),  # L1234567-8: the check is 4
        ("B1110000600037341J", ["uscc_category"]),  # department B does not exist
        ("94110000600037341B", ["uscc_category"]),  # 9 has categories 1-3 only
    ],
)
def test_doubts(number: str, doubts: list[str]) -> None:
    assert uscc.is_valid(number)
    assert uscc.doubts(number) == doubts


def test_parts() -> None:
    assert uscc.category("91350100M000100Y43") == "91"
    assert uscc.org_code("91350100M000100Y43") == "M000100Y4"
    assert uscc.compact("9135 0100-M000 100Y 43") == "91350100M000100Y43"


@pytest.mark.parametrize(
    ("typed", "fixed"),
    [
        ("9135O1OOM000100Y43", "91350100M000100Y43"),  # O in digit positions 3-8
        ("91110000600037341L", "91110000600037341L"),  # L is in the alphabet: kept
        ("9111000060OO37341L", "91110000600037341L"),  # O is never in a USCC
        ("91350100MOOOIOOY43", "91350100M000100Y43"),
        ("A111OOOOMA001234XM", "A1110000MA001234XM"),
    ],
)
def test_fix_confusables(typed: str, fixed: str) -> None:
    assert uscc.fix_confusables(typed) == fixed
