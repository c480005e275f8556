"""Emit Qt signals from Python without losing a reference to ``True``.

PySide6 6.12.0 returns ``True`` from ``SignalInstance.emit()`` without taking a reference for it.
Python 3.11 counts references to ``True``, so every emit leaves it one short, and after a few
hundred emits (a reseller typing for a minute) the interpreter aborts with "bool_dealloc". All our
emits go through :func:`emit`, which gives the reference back where the running PySide6 shows the
bug (measured once, at first use). Python 3.12+ (immortal ``True``) and a fixed PySide6 are left
alone.
"""

from __future__ import annotations

import ctypes
import sys
from functools import cache
from typing import Any

from PySide6.QtCore import QObject, Signal, SignalInstance


class _Probe(QObject):
    ping = Signal()


@cache
def emit_drops_a_reference() -> bool:
    """Does ``SignalInstance.emit()`` return a value it holds no reference for?"""
    probe = _Probe()
    before = sys.getrefcount(True)
    probe.ping.emit()
    dropped = sys.getrefcount(True) < before
    if dropped:
        ctypes.pythonapi.Py_IncRef(ctypes.py_object(True))  # the probe's own emit
    return dropped


def emit(signal: SignalInstance, *args: Any) -> None:
    """``signal.emit(*args)``, keeping the reference count of its result balanced."""
    result = signal.emit(*args)
    if emit_drops_a_reference():
        ctypes.pythonapi.Py_IncRef(ctypes.py_object(result))


emit_drops_a_reference()  # measure now, on the importing (UI) thread
