"""Resident ID numbers (GB 11643): valid and invalid samples with computed check characters."""

from __future__ import annotations

from datetime import date

import pytest

from desktop.core.numbers import ric
from desktop.core.numbers.exceptions import (
    InvalidChecksum,
    InvalidDate,
    InvalidFormat,
    InvalidLength,
    InvalidRegion,
    LegacyNumber,
)

TODAY = date(2026, 11, 23)

VALID = [
    "11010519491231002X",  # worked example of the reference and of GB 11643
    "110101199003071233",
    "330106198512013013",
    "440524188001010014",  # the standard's own example: python-stdnum rejects it (county gone)
    "50010119900101123X",  # Chongqing code from 1997, born 1990: python-stdnum 2.2 rejects it
    "650102200002290028",  # leap day 2000
    "540102195901010035",
    "460002198808080045",
    "230101202402290056",  # leap day 2024
    "620102197001010063",
    "150102198112310079",
    "210102194508150081",
    "370202199912310094",
    "520102201010100015",
]

INVALID = [
    ("110105194912310021", [InvalidChecksum]),
    ("110101199003071234", [InvalidChecksum]),
    ("110101199003071323", [InvalidChecksum]),  # two digits swapped
    ("991231199002301230", [InvalidRegion, InvalidDate, InvalidChecksum]),
    ("710101199003071233", [InvalidRegion, InvalidChecksum]),  # 71 Taiwan: no household register
    ("810000199501010023", [InvalidRegion]),  # a residence permit, not a resident ID
    ("911840198001010013", [InvalidRegion]),  # a foreign permanent resident ID
    ("110101190002290011", [InvalidDate]),  # 1900 was no leap year
    ("110101199013010012", [InvalidDate]),
    ("110101199013010010", [InvalidDate, InvalidChecksum]),
    ("110101209901011239", [InvalidDate]),  # born 2099: python-stdnum accepts it
    ("110101179901011234", [InvalidDate]),  # before 1800
    ("11010119900307123", [InvalidLength]),
    ("1101011990030712333", [InvalidLength]),
    ("11010119900307123Y", [InvalidFormat]),
    ("1101011990030712X3", [InvalidFormat]),
    ("", [InvalidLength]),
]


@pytest.mark.parametrize("number", VALID)
def test_valid(number: str) -> None:
    assert ric.validate(number, TODAY) == number
    assert ric.is_valid(number, TODAY)
    assert ric.calc_check_digit(number[:17]) == number[17]


@pytest.mark.parametrize(("number", "expected"), INVALID)
def test_invalid(number: str, expected: list[type]) -> None:
    assert [type(e) for e in ric.errors(number, TODAY)] == expected
    assert not ric.is_valid(number, TODAY)
    with pytest.raises(expected[0]):
        ric.validate(number, TODAY)


def test_birth_date_today_is_valid_tomorrow_is_not() -> None:
    born_today = "11010120261123001X"
    assert ric.is_valid(born_today, TODAY)
    assert [type(e) for e in ric.errors(born_today, date(2026, 11, 22))] == [InvalidDate]


def test_errors_carry_the_parts_found() -> None:
    region, when, _ = ric.errors("991231199002301230", TODAY)
    assert (region.value, when.value) == ("99", "1990-02-30")


@pytest.mark.parametrize(
    ("legacy", "converted"),
    [
        ("110105491231002", "11010519491231002X"),  # worked example
        ("610104620927690", "610104196209276908"),  # worked example
        ("330106851201301", "330106198512013013"),
    ],
)
def test_legacy_15_digits_carry_the_18_digit_form(legacy: str, converted: str) -> None:
    assert ric.to_18(legacy) == converted
    with pytest.raises(LegacyNumber) as raised:
        ric.validate(legacy, TODAY)
    assert raised.value.converted == converted
    assert ric.is_valid(converted, TODAY)


def test_legacy_with_impossible_date_offers_no_conversion() -> None:
    legacy, when = ric.errors("110105491331002", TODAY)
    assert isinstance(legacy, LegacyNumber) and legacy.converted is None
    assert isinstance(when, InvalidDate)


def test_legacy_with_letters_is_a_format_error() -> None:
    assert [type(e) for e in ric.errors("11010549123100A", TODAY)] == [InvalidFormat]


def test_compact_and_format() -> None:
    assert ric.compact(" 110105 19491231 002x ") == "11010519491231002X"
    assert ric.format("110105-19491231-002X") == "11010519491231002X"


@pytest.mark.parametrize(
    ("typed", "fixed"),
    [
        ("11O1O519491231OO2X", "11010519491231002X"),
        ("1101011990O3O7I233", "110101199003071233"),
        ("11010519491231002×", "11010519491231002X"),
        ("3301061985120130I3", "330106198512013013"),
        ("11010119900307123B", "110101199003071238"),
    ],
)
def test_fix_confusables(typed: str, fixed: str) -> None:
    assert ric.fix_confusables(typed) == fixed


def test_unicode_digits_are_not_digits() -> None:
    arabic_indic = "١١٠١٠١١٩٩٠٠٣٠٧١٢٣٣"
    assert not ric.is_valid(arabic_indic, TODAY)
