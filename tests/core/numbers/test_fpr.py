"""Foreign permanent resident ID: new 18-digit (MOD 11-2) and old 15-character numbers."""

from __future__ import annotations

from datetime import date

import pytest

from desktop.core.numbers import fpr
from desktop.core.numbers.exceptions import InvalidChecksum, InvalidFormat, InvalidLength

TODAY = date(2026, 11, 23)

VALID = [
    "911840198001010013",  # Beijing 11, USA 840 (reference example; python-stdnum rejects it)
    "931826197512311223",  # Shanghai 31, GBR 826 (reference example)
    "944392200010100026",
    "951392196506060013",
    "USA110080010111",  # old card, ICAO check digit right
    "GBR310075123118",
    "JPN110099123100",
    "DEU440088061512",
]

INVALID = [
    ("911840198001010014", [InvalidChecksum]),
    ("931826197512311222", [InvalidChecksum]),
    ("110101199003071233", [InvalidFormat]),  # a resident ID: first digit must be 9
    ("91184019800101001A", [InvalidFormat]),
    ("US1110080010111", [InvalidFormat]),
    ("USAB10080010111", [InvalidFormat]),
    ("USA11008001011", [InvalidLength]),
    ("9118401980010100133", [InvalidLength]),
]


@pytest.mark.parametrize("number", VALID)
def test_valid(number: str) -> None:
    assert fpr.validate(number, TODAY) == number
    assert fpr.doubts(number, TODAY) == []


@pytest.mark.parametrize(("number", "expected"), INVALID)
def test_invalid(number: str, expected: list[type]) -> None:
    assert [type(e) for e in fpr.errors(number, TODAY)] == expected
    assert not fpr.is_valid(number, TODAY)


@pytest.mark.parametrize(
    ("number", "doubts"),
    [
        ("USA110080010112", ["fpr_old_check"]),  # ICAO rule unconfirmed: valid, but doubted
        ("USA110080130114", ["fpr_birthdate"]),  # month 13
        ("USA110080130115", ["fpr_birthdate", "fpr_old_check"]),
        ("911840198013010010", ["fpr_birthdate"]),  # sub-field layout unconfirmed
        ("91184020990101001X", ["fpr_birthdate"]),  # born in 2099
    ],
)
def test_unconfirmed_rules_are_doubts_not_errors(number: str, doubts: list[str]) -> None:
    assert fpr.is_valid(number, TODAY)
    assert fpr.doubts(number, TODAY) == doubts


def test_icao_check_digit() -> None:
    assert fpr.icao_check_digit("USA11008001011") == "1"
    assert fpr.icao_check_digit("GBR31007512311") == "8"


def test_invalid_numbers_raise_no_doubts() -> None:
    assert fpr.doubts("911840198001010014", TODAY) == []


@pytest.mark.parametrize(
    ("typed", "fixed"),
    [("USA11OO8OO1O111", "USA110080010111"), ("9I184O198001010013", "911840198001010013")],
)
def test_fix_confusables(typed: str, fixed: str) -> None:
    assert fpr.fix_confusables(typed) == fixed
