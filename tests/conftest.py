"""Test set-up: Qt offscreen before anything imports it; every test gets a clean settings store."""

from __future__ import annotations

import os

import pytest

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")


@pytest.fixture(autouse=True)
def isolated_profile(tmp_path_factory: pytest.TempPathFactory, monkeypatch: pytest.MonkeyPatch):
    """Settings and error logs in a temporary folder on every platform (desktop/core/error_log.py:
    Qt on Windows ignores %APPDATA%, so only this override keeps tests out of the real profile)."""
    profile = tmp_path_factory.mktemp("profile")
    monkeypatch.setenv("REALNAME_PROFILE_DIR", str(profile))
    return profile
