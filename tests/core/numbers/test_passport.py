"""Passports: 5-20 letters or digits; PRC/HKSAR/MSAR patterns are information only."""

from __future__ import annotations

import pytest

from desktop.core.numbers import passport
from desktop.core.numbers.exceptions import InvalidFormat, InvalidLength


@pytest.mark.parametrize(
    ("number", "kind"),
    [
        ("E12345678", "prc"),
        ("EA1234567", "prc"),
        ("G12345678", "prc"),
        ("141234567", "prc"),
        ("DE1234567", "prc"),
        ("SE1234567", "prc"),
        ("PE1234567", "prc"),
        ("D12345678", "prc"),
        ("K12345678", "hksar"),
        ("KJ1234567", "hksar"),
        ("MA1234567", "msar"),
        ("MB1234567", "msar"),
        ("561234567", ""),  # United States
        ("C01X00T47", ""),  # Germany
        ("L898902C3", ""),  # ICAO 9303 specimen
        ("12345", ""),
        ("A1234567890123456789", ""),
    ],
)
def test_valid(number: str, kind: str) -> None:
    assert passport.validate(number) == number
    assert passport.kind(number) == kind


def test_a_pattern_never_rejects() -> None:
    assert passport.is_valid("E1234567")  # short for a PRC passport, fine as a foreign one


@pytest.mark.parametrize(
    ("number", "expected"),
    [
        ("1234", [InvalidLength]),
        ("A12345678901234567890", [InvalidLength]),
        ("E1234567*", [InvalidFormat]),
        ("E1234567.", [InvalidFormat]),
        ("护照E1234567", [InvalidFormat]),
    ],
)
def test_invalid(number: str, expected: list[type]) -> None:
    assert [type(e) for e in passport.errors(number)] == expected
