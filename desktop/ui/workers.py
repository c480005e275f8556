"""Background work: decode, inspect and convert scans off the UI thread.

A :class:`Task` runs one function on a pool thread and never touches a widget. Its result, error
and progress travel as signals of :class:`Workers` (a QObject living on the UI thread), so the
callbacks always run on the UI thread. ``cancel()`` sets a flag the function polls
(``convert_file(..., cancelled=task.is_cancelled)``); the outcome is still delivered, so the caller
learns whether the work stopped or had already finished. ``drop()`` also discards the outcome
(the card it was for is gone).
"""

from __future__ import annotations

import threading
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from PySide6.QtCore import QObject, QRunnable, QThreadPool, Signal, Slot


@dataclass
class Callbacks:
    done: Callable[[Any], None]
    failed: Callable[[Exception], None]
    progress: Callable[[float], None] | None = None


class Task(QRunnable):
    """One call of ``fn(task)``; the function may ``report(fraction)`` and poll ``is_cancelled``."""

    def __init__(self, fn: Callable[[Task], Any], relay: Workers, callbacks: Callbacks) -> None:
        super().__init__()
        self.setAutoDelete(False)
        self.callbacks = callbacks
        self._fn = fn
        self._relay = relay
        self._cancel = threading.Event()
        self.dropped = False

    def cancel(self) -> None:
        self._cancel.set()

    def drop(self) -> None:
        """Cancel, and never call back: nobody is waiting for the result any more."""
        self.dropped = True
        self.cancel()

    def is_cancelled(self) -> bool:
        return self._cancel.is_set()

    def report(self, fraction: float) -> None:
        self._relay.progressed.emit(self, max(0.0, min(1.0, float(fraction))))

    def run(self) -> None:
        try:
            result = self._fn(self)
        except Exception as exc:  # shown where the work belongs (a card), never a crash
            self._relay.ended.emit(self, False, exc)
        else:
            self._relay.ended.emit(self, True, result)


class Workers(QObject):
    """A small thread pool that keeps its tasks alive until their results were delivered."""

    progressed = Signal(object, float)
    ended = Signal(object, bool, object)
    idle = Signal()  # the last running task has finished

    def __init__(self, parent: QObject | None = None, threads: int = 2) -> None:
        super().__init__(parent)
        self._pool = QThreadPool(self)
        self._pool.setMaxThreadCount(threads)
        self._active: set[Task] = set()
        self.progressed.connect(self._on_progress)
        self.ended.connect(self._on_ended)

    def submit(
        self,
        fn: Callable[[Task], Any],
        on_done: Callable[[Any], None],
        on_failed: Callable[[Exception], None],
        on_progress: Callable[[float], None] | None = None,
    ) -> Task:
        task = Task(fn, self, Callbacks(on_done, on_failed, on_progress))
        self._active.add(task)
        self._pool.start(task)
        return task

    @Slot(object, float)
    def _on_progress(self, task: Task, fraction: float) -> None:
        if task.callbacks.progress and not task.dropped:
            task.callbacks.progress(fraction)

    @Slot(object, bool, object)
    def _on_ended(self, task: Task, ok: bool, value: Any) -> None:
        self._active.discard(task)
        if not task.dropped:
            (task.callbacks.done if ok else task.callbacks.failed)(value)
        if not self._active:
            self.idle.emit()

    @property
    def busy(self) -> bool:
        return bool(self._active)

    def drop_all(self) -> None:
        for task in list(self._active):
            task.drop()

    def shutdown(self, msecs: int = 5000) -> bool:
        """Drop everything and wait for the threads; True when they all stopped."""
        self.drop_all()
        return self._pool.waitForDone(msecs)
