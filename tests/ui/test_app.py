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
