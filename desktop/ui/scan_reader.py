"""Scan reading (the optional ``ocr`` extra): the text on each scan, read in a worker.

The engine loads once, lazily, when the first scan needs reading; scans are then read one at a
time on a single pool thread (the engine serialises its calls anyway, and the inspect and
thumbnail workers keep their two threads). Readings are cached by file (path, modification time,
size), so a re-check or a certificate type change never reads a scan again. Cross-checking the
readings against the record takes milliseconds and runs on the UI thread with every check.
"""

from __future__ import annotations

import time
from collections.abc import Sequence
from dataclasses import replace
from datetime import date
from pathlib import Path
from typing import Any

from PySide6.QtCore import QObject, Signal

from desktop.core.findings import Finding
from desktop.core.ocr import engine
from desktop.core.record import Record
from desktop.ui import scan_paths
from desktop.ui.scan_card import ScanCard
from desktop.ui.workers import Task, Workers


def load_engine() -> float:
    """Load the engine (worker thread); returns the seconds it took."""
    from desktop.core.ocr import scan

    start = time.perf_counter()
    scan.load()
    return time.perf_counter() - start


def read_text(task: Task, path: Path) -> Any:
    """What the scan shows (worker thread): a ``Reading`` (None when dropped before it ran)."""
    from desktop.core.ocr import scan

    return None if task.is_cancelled() else scan.read_scan(path)


class ScanReader(QObject):
    """Reads the cards' scans when the extra is installed; ``read`` fires as each one is done."""

    read = Signal(object)  # ScanCard: its reading arrived (or failed)
    unavailable = Signal(str)  # the engine could not start: why

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.available = engine.available()  # cheap: nothing is imported
        self.failure = ""  # why the engine could not load, once it failed
        self.load_seconds: float | None = None
        self.workers = Workers(self, threads=1)
        self._loading: Task | None = None
        self._readings: dict[tuple, Any] = {}  # file key -> Reading
        self._tasks: dict[ScanCard, Task] = {}

    @property
    def busy(self) -> bool:
        return bool(self._tasks)

    def request(self, card: ScanCard) -> None:
        """Read ``card``'s scan (from the cache, or queue it behind the engine's loading)."""
        file = scan_paths.file_key(card.path)
        if not self.available or self.failure or file is None or card.read_for == file:
            return  # off, missing, or already read (or being read) for this very file
        self.forget(card)
        card.read_for = file
        if file in self._readings:
            card.show_text(self._readings[file])
            self.read.emit(card)
            return
        self._load()
        path = card.path
        card.set_text_reading()
        self._tasks[card] = self.workers.submit(
            lambda task: read_text(task, path),
            on_done=lambda reading: self._done(card, file, reading),
            on_failed=lambda error: self._failed(card, error),
        )

    def prepare(self) -> None:
        """A scan is coming: start loading the engine now, beside its inspection."""
        if self.available and not self.failure:
            self._load()

    def carry(self, card: ScanCard) -> None:
        """The card now stands for a converted copy of the same picture: keep its reading."""
        file = scan_paths.file_key(card.path)
        if card.reading is not None and file is not None:
            if getattr(card.reading, "rotation_certain", False):  # the copy was written upright
                card.reading = replace(card.reading, rotation=0, rotation_certain=False)
            self._readings[file] = card.reading
            card.read_for = file

    def forget(self, card: ScanCard) -> None:
        """The card is gone: its reading is no longer wanted."""
        if task := self._tasks.pop(card, None):
            task.drop()

    def findings(self, record: Record, cards: Sequence[ScanCard], today: date) -> list[Finding]:
        """The record cross-checked against every scan read so far (fast: UI thread)."""
        readings = {i: c.reading for i, c in enumerate(cards) if c.reading is not None}
        if not readings:
            return []
        from desktop.core.ocr.crosscheck import crosscheck

        names = {i: c.path.name for i, c in enumerate(cards)}
        return crosscheck(record, readings, today, names)

    def note(self, lang: str) -> tuple[str, str]:
        """What the scans area says about scan reading (how to enable it, or why it failed),
        and the command in it that must not be wrapped ("" when none)."""
        if self.failure:
            return self.tr("Scan reading could not start: %1").replace("%1", self.failure), ""
        if self.available:
            return "", ""
        from desktop.core.ocr import scan

        finding = scan.not_installed()
        return finding.message(lang), finding.params.get("command", "")

    def _load(self) -> None:
        if self._loading is None:
            self._loading = self.workers.submit(
                lambda task: load_engine(),
                on_done=self._loaded,
                on_failed=self._not_loaded,
            )

    def _loaded(self, seconds: float) -> None:
        self.load_seconds = seconds

    def _not_loaded(self, error: Exception) -> None:
        self.failure = str(error)
        for card in list(self._tasks):
            self.forget(card)
            card.clear_text()
        self.unavailable.emit(self.failure)

    def _done(self, card: ScanCard, file: tuple, reading: Any) -> None:
        self._tasks.pop(card, None)
        self._readings[file] = reading
        card.show_text(reading)
        self.read.emit(card)

    def _failed(self, card: ScanCard, error: Exception) -> None:
        self._tasks.pop(card, None)
        card.show_text_failure(str(error))
        self.read.emit(card)

    def shutdown(self) -> bool:
        self._tasks.clear()
        return self.workers.shutdown()
