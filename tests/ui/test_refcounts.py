"""The Qt binding must keep reference counts of None and True balanced.

PySide6 6.12.0 returns ``None`` and ``True`` from bindings without taking a reference. Python 3.11
counts references to them, so a window aborts ("none_dealloc") after a few thousand calls —
a minute of typing. pyproject.toml excludes that release for Python < 3.12; this test fails if a
future upgrade brings the bug back.
"""

from __future__ import annotations

import sys

from PySide6.QtCore import QObject, Signal
from PySide6.QtWidgets import QLabel


class Source(QObject):
    changed = Signal()


def test_qt_calls_returning_none_keep_none_alive(qtbot):
    label = QLabel()
    qtbot.addWidget(label)
    before = sys.getrefcount(None)
    for _ in range(1000):
        label.setText("x")
        label.setVisible(False)
    assert abs(sys.getrefcount(None) - before) <= 2


def test_emitting_a_signal_keeps_true_alive(qapp):
    source = Source()
    calls: list[int] = []
    source.changed.connect(lambda: calls.append(1))
    before = sys.getrefcount(True)
    for _ in range(1000):
        source.changed.emit()
    assert abs(sys.getrefcount(True) - before) <= 2
    assert len(calls) == 1000
