"""Travel permits for HK/Macao residents and for Taiwan residents (no public check digit)."""

from __future__ import annotations

import pytest

from desktop.core.numbers import hk_macao_permit, tw_permit
from desktop.core.numbers.exceptions import InvalidFormat, InvalidLength


@pytest.mark.parametrize(
    ("number", "region", "doubts"),
    [
        ("H12345678", "HK", []),
        ("M87654321", "MO", []),
        ("H1234567801", "HK", ["hk_macao_permit_long"]),  # 9 or 11 characters: unconfirmed
        ("m12345678", "MO", []),
    ],
)
def test_hk_macao_permit_valid(number: str, region: str, doubts: list[str]) -> None:
    assert hk_macao_permit.validate(number) == number.upper()
    assert hk_macao_permit.region(number) == region
    assert hk_macao_permit.doubts(number) == doubts


@pytest.mark.parametrize(
    ("number", "expected"),
    [
        ("K12345678", [InvalidFormat]),
        ("H1234567A", [InvalidFormat]),
        ("12345678H", [InvalidFormat]),
        ("H1234567", [InvalidLength]),
        ("H123456789", [InvalidLength]),
        ("H123456789012", [InvalidLength]),
    ],
)
def test_hk_macao_permit_invalid(number: str, expected: list[type]) -> None:
    assert [type(e) for e in hk_macao_permit.errors(number)] == expected
    assert hk_macao_permit.doubts(number) == []


def test_hk_macao_permit_confusables_after_the_letter() -> None:
    assert hk_macao_permit.fix_confusables("HI234S67B") == "H12345678"


TW_VALID = ["12345678", "00000001", "1234567890", "1234567890B", "A12345678901"]


@pytest.mark.parametrize("number", TW_VALID)
def test_tw_permit_valid(number: str) -> None:
    assert tw_permit.validate(number) == number


@pytest.mark.parametrize(
    ("number", "expected"),
    [
        ("1234567", [InvalidLength]),
        ("123456789", [InvalidLength]),
        ("1234567890123", [InvalidLength]),
        ("1234567A", [InvalidFormat]),
        ("123456789*", [InvalidFormat]),
    ],
)
def test_tw_permit_invalid(number: str, expected: list[type]) -> None:
    assert [type(e) for e in tw_permit.errors(number)] == expected


def test_tw_permit_confusables_only_in_the_card_form() -> None:
    assert tw_permit.fix_confusables("1234567O") == "12345670"
    assert tw_permit.fix_confusables("123456789O") == "123456789O"
