"""The record's scans: add, inspect, convert and remove them, with the slow work in workers.

Reports are cached by (path, modification time, size, certificate type) and thumbnails by file,
so a file is read once however often the record is re-checked; the record check itself never
opens a scan (its image findings come from these reports). With the ``ocr`` extra, each readable
scan is also read (:mod:`desktop.ui.scan_reader`) and cross-checked against the record.
"""

from __future__ import annotations

from dataclasses import replace
from datetime import date, datetime
from pathlib import Path
from typing import Any

from PySide6.QtCore import QObject, QStandardPaths, QTimer, Signal
from PySide6.QtGui import QGuiApplication, QImage
from PySide6.QtWidgets import QFileDialog, QMessageBox, QWidget

from desktop.core import atomic
from desktop.core.cert_types import CertType
from desktop.core.checks.images import both_sides_code
from desktop.core.findings import Finding
from desktop.core.record import Record
from desktop.ui import capture_actions, scan_paths
from desktop.ui.scan_card import ScanCard
from desktop.ui.scan_drop_zone import ScanDropZone, local_paths
from desktop.ui.scan_jobs import convert_scan, inspect_scan, preview_scan, readable
from desktop.ui.scan_reader import ScanReader
from desktop.ui.settings import Settings
from desktop.ui.workers import Task, Workers

PREVIEW_SIDE = 512


class ScanController(QObject):
    """Owns the scan cards of the drop zone and the work done for them."""

    changed = Signal()  # a card was added, removed, read or converted: check again
    edited = Signal()  # the record's list of scans changed (unsaved work)
    scanReady = Signal(object)  # ScanCard: read (or failed) and shown
    fillRequested = Signal(object)  # ScanCard: fill the record's empty fields from its reading
    portfolioDropped = Signal(list)  # list[str]: sheets, registrar exports, folders of records

    def __init__(self, zone: ScanDropZone, settings: Settings, window: QWidget) -> None:
        super().__init__(window)
        self.zone, self.settings, self.window = zone, settings, window
        self._reveal: ScanCard | None = None  # the newest added card, kept in view while read
        self.lang = "zh"
        self.cert: CertType | None = None
        self.workers = Workers(self)
        self._reports: dict[tuple, Any] = {}  # (file key, cert code) -> ImageReport
        self._previews: dict[tuple, QImage | None] = {}  # file key -> thumbnail
        self._tasks: dict[ScanCard, Task] = {}  # inspection or conversion, per card
        self._preview_tasks: dict[ScanCard, Task] = {}
        self.reader = ScanReader(self)
        self.reader.read.connect(lambda card: self.changed.emit())
        self.reader.unavailable.connect(lambda why: self._show_reading_note())
        zone.pathsDropped.connect(self.dropped)
        zone.imageDropped.connect(self.add_image)
        zone.browseRequested.connect(self.browse)

    @property
    def cards(self) -> list[ScanCard]:
        return self.zone.cards

    @property
    def busy(self) -> bool:
        """True while any scan is being read, drawn or converted."""
        return bool(self._tasks or self._preview_tasks or self.reader.busy)

    def findings(self) -> list[Finding]:
        """Every card's findings, named after its place in the record (``images[N]``)."""
        found: list[Finding] = []
        for index, card in enumerate(self.cards):
            if card.report is not None:
                found += [_renumber(f, index) for f in card.report.findings]
        return found

    def reading_findings(self, record: Record, today: date) -> list[Finding]:
        """The record cross-checked against what was read on the scans (milliseconds)."""
        return self.reader.findings(record, self.cards, today)

    def _show_reading_note(self) -> None:
        text, command = self.reader.note(self.lang)
        self.zone.show_reading_note(text, command)

    # -- adding ---------------------------------------------------------------------------

    def dropped(self, paths: list[str]) -> None:
        """Scans become cards; what the core calls a portfolio input opens as a portfolio."""
        from desktop.core.batch.sources import is_portfolio_input

        portfolio = [p for p in paths if is_portfolio_input(p)]
        if portfolio:
            self.portfolioDropped.emit(portfolio)
        if scans := [p for p in paths if p not in portfolio]:
            self.add(scans)

    def add(self, paths: list[str]) -> list[ScanCard]:
        """Add files (and the scans inside folders); files already listed are skipped."""
        known = {scan_paths.file_key(c.path) for c in self.cards}
        cards = []
        for path in scan_paths.expand(paths):
            key = scan_paths.file_key(path)
            if key is None or key not in known:
                known.add(key)
                cards.append(self._new_card(path))
        if cards:
            self.settings.set_folder("scan", cards[-1].path.parent)
            self._reveal = cards[-1]
            self._keep_revealed()
            self._inspect_all()
            self.edited.emit()
            self.changed.emit()
        return cards

    def load(self, paths: list[Path]) -> None:
        """Show the scans of an opened record (no unsaved change)."""
        self.clear()
        for path in paths:
            self._new_card(path)
        self._inspect_all()
        self.changed.emit()

    def _new_card(self, path: Path) -> ScanCard:
        card = self.zone.add_card(path)
        card.set_language(self.lang)
        card.convertRequested.connect(self.convert)
        card.removeRequested.connect(self.remove)
        card.cancelRequested.connect(self.cancel)
        card.fillRequested.connect(self.fillRequested)
        card.captureRequested.connect(lambda c, action: capture_actions.run(self, c, action))
        self.reader.prepare()
        return card

    def pasted_folder(self) -> Path:
        """Where pasted images are kept: a folder of the user's Documents they can find."""
        documents = QStandardPaths.StandardLocation.DocumentsLocation
        base = Path(QStandardPaths.writableLocation(documents) or Path.home())
        return base / self.tr("RealName Precheck") / self.tr("Pasted scans")

    def add_image(self, image: QImage) -> list[ScanCard]:
        """Keep a pasted or dragged image as a PNG named for when it was pasted, then add it."""
        if image.isNull():
            return []
        folder = self.pasted_folder()
        try:
            folder.mkdir(parents=True, exist_ok=True)
        except OSError as exc:
            self._cannot_keep(folder, exc)
            return []
        stamp = datetime.now().strftime("%Y-%m-%d %H-%M-%S")
        stem = self.tr("Pasted scan %1").replace("%1", stamp)
        path, number = folder / f"{stem}.png", 2
        while path.exists():  # two pastes in one second
            path, number = folder / f"{stem} ({number}).png", number + 1
        try:
            with atomic.atomic_target(path, exclusive=True) as tmp:  # never a half-written PNG
                if not image.save(str(tmp), "PNG"):
                    raise OSError  # Qt gives no reason
        except OSError as exc:
            self._cannot_keep(folder, exc)
            return []
        return self.add([str(path)])

    def _cannot_keep(self, folder: Path, exc: OSError) -> None:
        why = exc.strerror or self.tr("the image could not be written")
        text = self.tr("The pasted image could not be kept in %1: %2")
        QMessageBox.warning(self.window, self.tr("Not added"),
                            text.replace("%1", str(folder)).replace("%2", why))  # fmt: skip

    def paste(self) -> list[ScanCard]:
        """Add what the clipboard holds: copied files, or an image (a screenshot, a chat photo)."""
        mime = QGuiApplication.clipboard().mimeData()
        if paths := local_paths(mime):
            return self.add(paths)
        if mime.hasImage():
            return self.add_image(QImage(mime.imageData()))
        return []

    def browse(self) -> None:
        patterns = " ".join(f"*{s}" for s in sorted(scan_paths.SCAN_SUFFIXES))
        paths, _ = QFileDialog.getOpenFileNames(
            self.window,
            self.tr("Add certificate scans"),
            self.settings.folder("scan"),
            self.tr("Images and PDF (%1);;All files (*)").replace("%1", patterns),
        )
        if paths:
            self.add(paths)

    # -- inspecting -----------------------------------------------------------------------

    def set_cert(self, cert: CertType | None) -> None:
        """The certificate type changed: scans whose findings depend on it are read again."""
        self.cert = cert
        self._inspect_all()

    def _scan_cert_code(self) -> str:
        """The type a lone scan must show both faces of (the rule of the core's image check)."""
        return both_sides_code(self.cert, len(self.cards)) or ""

    def _inspect_all(self) -> None:
        cert = self._scan_cert_code()
        for card in self.cards:
            if card.state != "converting" and card.inspected_for != cert:
                self._inspect(card, cert)

    def _inspect(self, card: ScanCard, cert: str) -> None:
        """Report and thumbnail for the card's file: from the caches, or two worker tasks."""
        file = scan_paths.file_key(card.path)
        card.inspected_for = cert
        self._drop_tasks(card)
        card.set_reading()
        if file is not None and (file, cert) in self._reports:
            self._reported(card, self._reports[(file, cert)], (file, cert))
        else:
            path = card.path
            self._tasks[card] = self.workers.submit(
                lambda task: inspect_scan(path, cert),
                on_done=lambda report: self._reported(card, report, (file, cert)),
                on_failed=lambda error: self._unreadable(card, error),
            )
        if file is not None and file in self._previews:
            card.show_preview(self._previews[file])
        else:
            path = card.path
            self._preview_tasks[card] = self.workers.submit(
                lambda task: preview_scan(path, PREVIEW_SIDE),
                on_done=lambda image: self._previewed(card, image, file),
                on_failed=lambda error: self._previewed(card, None, None),
            )

    def _keep_revealed(self) -> None:
        """Scroll the newest card into view once the list has laid it out (cards grow as their
        reports arrive, so again after each one until the reading is done)."""
        card = self._reveal
        if card is None or card not in self.cards:
            self._reveal = None
            return
        QTimer.singleShot(0, lambda: card in self.cards and self.zone.reveal(card))
        if not self.busy:
            self._reveal = None

    def _reported(self, card: ScanCard, report: Any, key: tuple) -> None:
        self._tasks.pop(card, None)
        self._keep_revealed()
        if key[0] is not None:
            self._reports[key] = report
        card.show_report(report)
        if readable(report):
            self.reader.request(card)
        self.changed.emit()
        self.scanReady.emit(card)

    def _previewed(self, card: ScanCard, image: QImage | None, file: tuple | None) -> None:
        self._preview_tasks.pop(card, None)
        self._keep_revealed()
        if file is not None:
            self._previews[file] = image
        card.show_preview(image)

    def _unreadable(self, card: ScanCard, error: Exception) -> None:
        self._tasks.pop(card, None)
        card.show_failure(self.tr("This file could not be read: %1").replace("%1", str(error)))
        self.changed.emit()
        self.scanReady.emit(card)

    def _drop_tasks(self, card: ScanCard) -> None:
        for tasks in (self._tasks, self._preview_tasks):
            if task := tasks.pop(card, None):
                task.drop()

    # -- converting, removing -------------------------------------------------------------

    def convert(self, card: ScanCard, to: str) -> None:
        """Write a compliant copy beside the original (or in the output folder), in a worker."""
        from desktop.core.images import output_path
        from desktop.core.ocr.upright import certain_turn

        if card.busy:
            return
        src = card.path
        dst = output_path(src, to=to, out_dir=self.settings.output_folder or None)
        force = dst.exists()
        if force and not self._confirm_replace(dst):
            return
        turn = certain_turn(card.reading)  # a scan read sideways is written upright
        card.set_converting()
        self._tasks[card] = self.workers.submit(
            lambda task: convert_scan(task, src, dst, to, force, turn),
            on_done=lambda result: self._converted(card, result),
            on_failed=lambda error: self._not_converted(card, error),
            on_progress=card.set_progress,
        )
        self.changed.emit()

    def _converted(self, card: ScanCard, result: Any) -> None:
        self._tasks.pop(card, None)
        card.show_converted(result)
        self.reader.carry(card)  # the same picture: no need to read it again
        self._inspect_all()
        self.edited.emit()
        self.changed.emit()

    def _not_converted(self, card: ScanCard, error: Exception) -> None:
        self._tasks.pop(card, None)
        message = error.message(self.lang) if hasattr(error, "message") else str(error)
        card.show_failure(self.tr("Not converted: %1").replace("%1", message))
        self.changed.emit()
        self.scanReady.emit(card)

    def cancel(self, card: ScanCard) -> None:
        """Ask the conversion to stop; the card says what happened once the worker answers."""
        if task := self._tasks.get(card):
            task.cancel()
            card.set_cancelling()

    def remove(self, card: ScanCard) -> None:
        self._drop_tasks(card)
        self.reader.forget(card)
        self.zone.remove_card(card)
        self._inspect_all()
        self.edited.emit()
        self.changed.emit()

    def clear(self) -> None:
        for card in list(self.cards):
            self._drop_tasks(card)
            self.reader.forget(card)
        self.zone.clear()

    def _confirm_replace(self, path: Path) -> bool:
        answer = QMessageBox.question(
            self.window,
            self.tr("Replace the converted copy?"),
            self.tr("%1 already exists. Replace it?").replace("%1", path.name),
        )
        return answer == QMessageBox.StandardButton.Yes

    def set_language(self, lang: str) -> None:
        self.lang = lang
        self.zone.retranslate()
        self._show_reading_note()
        for card in self.cards:
            card.set_language(lang)

    def shutdown(self) -> bool:
        reader_stopped = self.reader.shutdown()
        return self.workers.shutdown() and reader_stopped


def _renumber(finding: Finding, index: int) -> Finding:
    """A scan's findings name it ``images[0]``; in the record it is scan number ``index``."""
    fields = tuple(f"images[{index}]" if f.startswith("images[") else f for f in finding.fields)
    return replace(finding, fields=fields) if fields != finding.fields else finding
