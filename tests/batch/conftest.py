"""Command-line tests run as on a Chinese reseller's machine unless a test says otherwise."""

from __future__ import annotations

import pytest


@pytest.fixture(autouse=True)
def chinese_locale(monkeypatch: pytest.MonkeyPatch) -> None:
    for name in ("LC_ALL", "LC_MESSAGES", "LANG"):
        monkeypatch.delenv(name, raising=False)
    monkeypatch.setenv("LANG", "zh_CN.UTF-8")
