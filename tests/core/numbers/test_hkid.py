"""Hong Kong identity card numbers and Macao resident identity card numbers."""

from __future__ import annotations

import pytest

from desktop.core.numbers import hkid, macao_id
from desktop.core.numbers.exceptions import InvalidChecksum, InvalidFormat, InvalidLength

HKID_VALID = [
    "A123456(3)",  # worked example of the reference
    "CA182361(1)",
    "G123456(A)",
    "AB987654(3)",
    "Z683365(A)",
    "K000000(0)",
    "XY000001(1)",
    "A1234563",
]


@pytest.mark.parametrize("number", HKID_VALID)
def test_hkid_valid(number: str) -> None:
    compact = hkid.validate(number)
    assert compact == number.replace("(", "").replace(")", "")
    assert hkid.calc_check_digit(compact[:-1]) == compact[-1]
    assert hkid.format(compact) == f"{compact[:-1]}({compact[-1]})"


@pytest.mark.parametrize(
    ("number", "expected"),
    [
        ("A123456(4)", [InvalidChecksum]),
        ("A123465(3)", [InvalidChecksum]),  # two digits swapped
        ("G123456(0)", [InvalidChecksum]),
        ("A123456(B)", [InvalidFormat]),
        ("1234567(8)", [InvalidFormat]),
        ("ABC12345(6)", [InvalidFormat]),
        ("A12345(6)", [InvalidLength]),
        ("AB1234567(8)", [InvalidLength]),
    ],
)
def test_hkid_invalid(number: str, expected: list[type]) -> None:
    assert [type(e) for e in hkid.errors(number)] == expected


def test_hkid_confusables_in_the_digit_positions() -> None:
    assert hkid.fix_confusables("A12345B3") == "A1234583"
    assert hkid.fix_confusables("CA18236I1") == "CA1823611"


@pytest.mark.parametrize("number", ["1234567(8)", "1/234567/8", "51234567", "7123456(7)"])
def test_macao_id_valid(number: str) -> None:
    assert macao_id.is_valid(number)
    assert macao_id.doubts(number) == []


def test_macao_id_first_digit_is_only_a_doubt() -> None:
    assert macao_id.is_valid("31234567")
    assert macao_id.doubts("31234567") == ["macao_id_first_digit"]


@pytest.mark.parametrize(
    ("number", "expected"),
    [("1234567", [InvalidLength]), ("123456789", [InvalidLength]), ("1234567A", [InvalidFormat])],
)
def test_macao_id_invalid(number: str, expected: list[type]) -> None:
    assert [type(e) for e in macao_id.errors(number)] == expected
