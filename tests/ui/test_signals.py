"""Emitting signals from Python must not eat references to True (PySide6 6.12.0 on Python 3.11)."""

from __future__ import annotations

import sys

from PySide6.QtCore import QObject, Signal

from desktop.ui.signals import emit


class Source(QObject):
    changed = Signal()
    carried = Signal(object, bool, object)


def test_a_thousand_emits_leave_the_reference_count_of_true_alone(qapp):
    source = Source()
    received: list[int] = []
    source.carried.connect(lambda a, flag, c: received.append(a + (2 if flag else 0)))
    before = sys.getrefcount(True)
    for _ in range(1000):
        emit(source.changed)
        emit(source.carried, 1, True, None)
    assert abs(sys.getrefcount(True) - before) <= 2
    assert received == [3] * 1000
