"""Nothing leaves the machine: a full check opens no network connection."""

from __future__ import annotations

import socket

import pytest

from tests.records import findings


@pytest.fixture
def no_network(monkeypatch: pytest.MonkeyPatch) -> None:
    def refuse(*args: object, **kwargs: object) -> None:
        raise AssertionError("a network connection was attempted")

    monkeypatch.setattr(socket.socket, "connect", refuse)
    monkeypatch.setattr(socket, "create_connection", refuse)
    monkeypatch.setattr(socket, "getaddrinfo", refuse)


@pytest.mark.usefixtures("no_network")
def test_checks_run_offline() -> None:
    assert findings("organization", domain="某某.中国", email="a@b.cn") is not None
    bad = findings("individual", name_zh="", email="nobody@", domain="xn--x")
    assert any(f.severity == "error" for f in bad)
