"""The window on real screen sizes and scales, both languages, with every fixable finding shown.

Each scale factor needs its own process (Qt reads ``QT_SCALE_FACTOR`` once): layout_probe.py
opens the window there and lists what is squeezed, outside its pane or cut off.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest
from PySide6.QtCore import Qt

from tests.ui.layout_probe import FIXABLE

ROOT = Path(__file__).resolve().parents[2]
FIXABLE_FIELDS = ["name_zh", "name_en", "cert_number", "domain", "phone_cc", "phone", "email",
                  "country", "province", "city", "postal_code"]  # fmt: skip


@pytest.mark.parametrize("scale", ["1.0", "1.5"])
@pytest.mark.parametrize("screen", [(1366, 768), (1920, 1080)], ids=["1366x768", "1920x1080"])
def test_nothing_is_squeezed_or_cut_off(screen, scale, tmp_path):
    env = {**os.environ, "QT_SCALE_FACTOR": scale, "PYTHONPATH": str(ROOT)}
    env.pop("QT_QPA_PLATFORM", None)  # the probe picks the offscreen platform with its screen
    out = subprocess.run(
        [sys.executable, "-m", "tests.ui.layout_probe", *map(str, screen)],
        cwd=ROOT, env=env, capture_output=True, text=True, timeout=120,
    )  # fmt: skip
    assert out.returncode == 0, out.stderr
    result = json.loads(out.stdout.strip().splitlines()[-1])
    for lang in ("zh", "en"):
        assert result[f"{lang}_fixes"] == FIXABLE_FIELDS  # every fix on screen at once
        assert result[lang] == [], lang
    width, height = result["screen"]
    assert result["window"][0] <= width and result["window"][1] <= height


def test_banner_height_does_not_change_while_typing(qtbot, window, tmp_path):
    before = window.status.height()
    record = tmp_path / "r.json"
    record.write_text(json.dumps(FIXABLE, ensure_ascii=False), encoding="utf-8")
    window.open_record(record)
    assert window.status.property("severity") == "error"
    assert window.status.height() == before
    assert window.status.detail.height() >= window.status.detail.heightForWidth(
        window.status.detail.width()
    )


def test_open_scrolls_to_the_top_and_focuses_the_first_field_with_an_error(qtbot, window, tmp_path):
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow)
    window.form.focus_field("postal_code")
    assert window.form.verticalScrollBar().value() > 0
    record = tmp_path / "r.json"
    record.write_text(json.dumps({**FIXABLE, "name_zh": "张三"}, ensure_ascii=False), "utf-8")

    window.open_record(record)

    assert window.focusWidget() is window.form.editors["name_en"]  # the first error
    window.new_record()
    assert window.form.verticalScrollBar().value() == 0
    assert window.focusWidget() is window.form.editors["holder_type"]
    assert window.form.editors["holder_type"].focusPolicy() != Qt.FocusPolicy.NoFocus
