"""Entry points: ``python -m desktop`` and ``realname-precheck gui`` run the smoke test."""

from __future__ import annotations

import os
import subprocess
import sys

import pytest
from PySide6.QtGui import QImage

ENTRY_POINTS = {
    "zh": ["-m", "desktop", "--lang", "zh"],
    "en": ["-m", "desktop.cli", "gui", "--lang", "en"],
}


@pytest.mark.parametrize("lang", ["zh", "en"])
def test_smoke_test_opens_the_window_converts_a_scan_and_saves_a_screenshot(tmp_path, lang):
    shot = tmp_path / f"smoke-{lang}.png"
    env = {
        **os.environ,
        "QT_QPA_PLATFORM": "offscreen",
        "XDG_CONFIG_HOME": str(tmp_path / "config"),
        "XDG_DATA_HOME": str(tmp_path / "data"),
    }
    command = [sys.executable, *ENTRY_POINTS[lang], "--smoke-test", str(shot)]
    result = subprocess.run(command, env=env, capture_output=True, text=True, timeout=120)
    assert result.returncode == 0, result.stderr
    image = QImage(str(shot))
    assert (image.width(), image.height()) == (1280, 800)


def test_missing_x11_libraries_are_named_in_one_line(monkeypatch, capsys):
    """Qt would abort with a page nobody can act on: the app names the packages instead."""
    import ctypes

    from desktop.ui import app

    absent = {"libxcb-cursor.so.0", "libxcb-icccm.so.4", "libxcb-keysyms.so.1"}

    def cdll(name, *args, **kwargs):
        if name.endswith("libqxcb.so") or name in absent:
            raise OSError(f"{name}: cannot open shared object file")
        return None

    monkeypatch.setattr(sys, "platform", "linux")
    monkeypatch.setattr(ctypes, "CDLL", cdll)
    monkeypatch.setenv("QT_QPA_PLATFORM", "xcb")
    monkeypatch.setenv("LANG", "en_US.UTF-8")
    monkeypatch.delenv("LC_ALL", raising=False)
    monkeypatch.delenv("LC_MESSAGES", raising=False)

    assert app.main(["--lang", "en"]) == 1
    (line,) = capsys.readouterr().err.splitlines()
    assert line.endswith("sudo apt install libxcb-cursor0 libxcb-icccm4 libxcb-keysyms1")

    monkeypatch.setenv("LANG", "zh_CN.UTF-8")
    assert app.missing_linux_packages() == ["libxcb-cursor0", "libxcb-icccm4", "libxcb-keysyms1"]
    assert app.no_window_message(["libxcb-cursor0"]).startswith("实名预检助手：窗口无法启动")


def test_no_check_offscreen_or_when_the_plugin_loads(monkeypatch):
    from desktop.ui import app

    monkeypatch.setenv("QT_QPA_PLATFORM", "offscreen")
    assert app.missing_linux_packages() == []
    assert app.missing_linux_packages(["-platform", "offscreen:configfile=x.json"]) == []
    monkeypatch.delenv("QT_QPA_PLATFORM")
    monkeypatch.setenv("WAYLAND_DISPLAY", "wayland-0")
    assert app.missing_linux_packages() == []  # Qt uses Wayland, not xcb
