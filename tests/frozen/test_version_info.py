"""The Windows version resource numbers come from ``desktop.__version__`` (no build needed)."""

from __future__ import annotations

import sys

import pytest

from desktop import __version__
from tests.frozen.conftest import ROOT

sys.path.insert(0, str(ROOT / "scripts" / "pyinstaller"))
from version_info import version_tuple


@pytest.mark.parametrize(
    ("version", "numbers"),
    [("0.1.0", (0, 1, 0, 0)), ("1.2.3rc1", (1, 2, 3, 0)), ("2", (2, 0, 0, 0)),
     ("1.2.3.4.5", (1, 2, 3, 4)), ("1.0.dev7", (1, 0, 0, 0)), ("10.20.30", (10, 20, 30, 0))],
)  # fmt: skip
def test_version_tuple(version: str, numbers: tuple[int, int, int, int]) -> None:
    assert version_tuple(version) == numbers


def test_the_app_version_fits() -> None:
    """Each of the four numbers is a 16-bit field of the resource."""
    assert all(0 <= n <= 0xFFFF for n in version_tuple(__version__))
