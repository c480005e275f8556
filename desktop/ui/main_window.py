"""The main window: the form, the scans, the findings and the verdict, checked live as you type."""

from __future__ import annotations

import os
import tempfile
from dataclasses import replace
from pathlib import Path
from typing import Any

from PySide6.QtCore import QByteArray, QEvent, QObject, QStandardPaths, Qt, QTimer, Signal
from PySide6.QtGui import (
    QAction,
    QActionGroup,
    QCloseEvent,
    QGuiApplication,
    QImage,
    QKeyEvent,
    QKeySequence,
)
from PySide6.QtWidgets import (
    QFileDialog,
    QMainWindow,
    QMessageBox,
    QSplitter,
    QVBoxLayout,
    QWidget,
)

from desktop import APP_DISPLAY_NAME, APP_DISPLAY_NAME_ZH, __version__
from desktop.core import record as records
from desktop.core.engine import check_record
from desktop.core.findings import Finding, sort_findings
from desktop.ui import scan_paths
from desktop.ui.findings_panel import FindingsPanel
from desktop.ui.record_form import RecordForm
from desktop.ui.report_export import export_html, export_pdf
from desktop.ui.scan_card import ScanCard
from desktop.ui.scan_drop_zone import ScanDropZone, local_paths
from desktop.ui.scan_jobs import Inspected, convert_scan, inspect_scan
from desktop.ui.settings import Settings
from desktop.ui.signals import emit
from desktop.ui.status_summary import StatusSummary
from desktop.ui.translations import Translations
from desktop.ui.workers import Workers

CHECK_DELAY_MS = 150
PREVIEW_SIDE = 512
MIN_SIZE = (1000, 620)  # fits a 1366×768 laptop with its taskbar and title bar
LANGUAGE_NAMES = {"zh": "中文", "en": "English"}


class MainWindow(QMainWindow):
    """Edits one record and its scans; ``checked`` fires with the findings after every check."""

    checked = Signal(list)  # list[Finding]
    scanReady = Signal(object)  # ScanCard: inspected (or failed) and shown

    def __init__(self, translations: Translations, settings: Settings | None = None) -> None:
        super().__init__()
        self.setObjectName("mainWindow")
        self.translations = translations
        self.settings = settings or Settings()
        self.lang = translations.language or "zh"
        self.record_path: Path | None = None
        self.findings: list[Finding] = []
        self._reports: dict[tuple, Inspected] = {}
        self._tasks: dict[ScanCard, Any] = {}
        self.workers = Workers(self)
        self._timer = QTimer(self, singleShot=True, interval=CHECK_DELAY_MS)
        self._timer.timeout.connect(self.run_checks)
        self._build_widgets()
        self._build_actions()
        self._build_menus()
        self.setMinimumSize(*MIN_SIZE)
        self._restore_geometry()
        self.set_language(self.lang)
        self.run_checks()
        QGuiApplication.instance().installEventFilter(self)

    # -- building -------------------------------------------------------------------------

    def _build_widgets(self) -> None:
        self.status = StatusSummary()
        self.form = RecordForm()
        self.scans = ScanDropZone()
        self.panel = FindingsPanel()
        self.form.changed.connect(self._edited)
        self.scans.pathsDropped.connect(self.add_scans)
        self.scans.imageDropped.connect(self.add_image)
        self.scans.browseRequested.connect(self.browse_scans)
        self.panel.activated.connect(self.activate_finding)
        self.panel.fixRequested.connect(self.apply_fix)
        self.right = QSplitter(Qt.Orientation.Vertical, objectName="rightSplitter")
        self.right.addWidget(self.scans)
        self.right.addWidget(self.panel)
        self.right.setStretchFactor(0, 1)
        self.right.setStretchFactor(1, 1)
        self.split = QSplitter(Qt.Orientation.Horizontal, objectName="mainSplitter")
        self.split.addWidget(self.form)
        self.split.addWidget(self.right)
        self.split.setStretchFactor(0, 5)
        self.split.setStretchFactor(1, 6)
        self.split.setChildrenCollapsible(False)
        central = QWidget(objectName="central")
        box = QVBoxLayout(central)
        box.addWidget(self.status)
        box.addWidget(self.split, 1)
        self.setCentralWidget(central)

    def _action(self, name: str, slot, shortcut: QKeySequence | str | None = None) -> QAction:
        action = QAction(self, objectName=name)
        action.triggered.connect(slot)
        if shortcut is not None:
            action.setShortcut(QKeySequence(shortcut))
        self.addAction(action)
        return action

    def _build_actions(self) -> None:
        key = QKeySequence.StandardKey
        self.act_new = self._action("actionNew", self.new_record, key.New)
        self.act_open = self._action("actionOpen", self.open_dialog, key.Open)
        self.act_save = self._action("actionSave", self.save, key.Save)
        self.act_save_as = self._action("actionSaveAs", self.save_as, "Ctrl+Shift+S")
        self.act_html = self._action("actionExportHtml", self.export_html_dialog, "Ctrl+E")
        self.act_pdf = self._action("actionExportPdf", self.export_pdf_dialog, "Ctrl+P")
        self.act_quit = self._action("actionQuit", self.close, "Ctrl+Q")
        self.act_add = self._action("actionAddScans", self.browse_scans, "Ctrl+Shift+O")
        self.act_paste = self._action("actionPasteScan", self.paste_scan, key.Paste)
        self.act_out = self._action("actionOutputFolder", self.choose_output_folder)
        self.act_out_beside = self._action("actionOutputBeside", self.output_beside_original)
        self.act_about = self._action("actionAbout", self.about)
        self.language_group = QActionGroup(self, exclusive=True)
        self.language_actions: dict[str, QAction] = {}
        for lang, name in LANGUAGE_NAMES.items():
            action = QAction(name, self, checkable=True, objectName=f"actionLanguage_{lang}")
            action.triggered.connect(lambda _=False, lang=lang: self.switch_language(lang))
            self.language_group.addAction(action)
            self.language_actions[lang] = action

    def _build_menus(self) -> None:
        bar = self.menuBar()
        self.menu_file = bar.addMenu("")
        self.menu_recent = self.menu_file.addMenu("")
        self.menu_recent.aboutToShow.connect(self._fill_recent)
        for action in (self.act_new, self.act_open, None, self.act_save, self.act_save_as, None):
            self._add(self.menu_file, action)
        self.menu_file.insertMenu(self.act_save, self.menu_recent)
        self.menu_export = self.menu_file.addMenu("")
        self.menu_export.addActions([self.act_html, self.act_pdf])
        self.menu_file.addSeparator()
        self.menu_file.addAction(self.act_quit)
        self.menu_scans = bar.addMenu("")
        for action in (self.act_add, self.act_paste, None, self.act_out, self.act_out_beside):
            self._add(self.menu_scans, action)
        self.menu_language = bar.addMenu("")
        self.menu_language.addActions(list(self.language_actions.values()))
        self.menu_help = bar.addMenu("")
        self.menu_help.addAction(self.act_about)

    @staticmethod
    def _add(menu, action: QAction | None) -> None:
        if action is None:
            menu.addSeparator()
        else:
            menu.addAction(action)

    # -- language -------------------------------------------------------------------------

    def switch_language(self, lang: str) -> None:
        """Switch every visible text to ``lang`` now, and remember the choice."""
        self.translations.switch(lang)
        self.settings.language = lang
        self.set_language(lang)

    def set_language(self, lang: str) -> None:
        self.lang = lang
        self.language_actions[lang].setChecked(True)
        self.form.set_language(lang)
        self.scans.retranslate()
        for card in self.scans.cards:
            card.set_language(lang)
        self._retranslate_menus()
        self._update_title()
        self._show(self.findings)

    def _retranslate_menus(self) -> None:
        texts = {
            self.act_new: self.tr("&New record"),
            self.act_open: self.tr("&Open record…"),
            self.act_save: self.tr("&Save"),
            self.act_save_as: self.tr("Save &as…"),
            self.act_html: self.tr("Report as &HTML…"),
            self.act_pdf: self.tr("Report as &PDF…"),
            self.act_quit: self.tr("&Quit"),
            self.act_add: self.tr("&Add scans…"),
            self.act_paste: self.tr("&Paste scan from clipboard"),
            self.act_out: self.tr("Save converted scans &in a folder…"),
            self.act_out_beside: self.tr("Save converted scans &next to the original"),
            self.act_about: self.tr("&About"),
        }
        for action, text in texts.items():
            action.setText(text)
        self.act_out_beside.setCheckable(True)
        self.act_out_beside.setChecked(not self.settings.output_folder)
        self.menu_file.setTitle(self.tr("&File"))
        self.menu_recent.setTitle(self.tr("Open &recent"))
        self.menu_export.setTitle(self.tr("&Export report"))
        self.menu_scans.setTitle(self.tr("S&cans"))
        self.menu_language.setTitle(self.tr("&Language"))
        self.menu_help.setTitle(self.tr("&Help"))

    def _update_title(self) -> None:
        app = APP_DISPLAY_NAME if self.lang == "en" else APP_DISPLAY_NAME_ZH
        name = self.record_path.name if self.record_path else self.tr("New record")
        self.setWindowTitle(f"{name}[*] — {app}")

    # -- checking -------------------------------------------------------------------------

    def _edited(self) -> None:
        self.setWindowModified(True)
        self.schedule_check()

    def schedule_check(self) -> None:
        """Check again shortly (edits in quick succession run one check)."""
        self._timer.start()

    def run_checks(self) -> list[Finding]:
        """Check the record now (≈1 ms) and show the result everywhere."""
        self._timer.stop()
        record = self.form.record()
        base = self.record_path.parent if self.record_path else None
        found = check_record(record, base_dir=base) + self._scan_findings()
        self.findings = sort_findings(found)
        self._show(self.findings)
        self._reinspect_if_type_changed(record.cert_code)
        emit(self.checked, self.findings)
        return self.findings

    def _scan_findings(self) -> list[Finding]:
        found: list[Finding] = []
        for index, card in enumerate(self.scans.cards):
            if card.report is not None:
                found += [_renumber(f, index) for f in card.report.findings]
        return found

    def _show(self, findings: list[Finding]) -> None:
        blank = self.form.is_blank() and not self.scans.cards
        self.form.show_findings(findings)
        self.panel.show_findings(findings, self.lang, blank=blank)
        cards = self.scans.cards
        self.status.show_status(
            findings, self.lang, blank=blank, scans=len(cards),
            pending=sum(c.busy for c in cards), failed=sum(c.state == "failed" for c in cards),
        )  # fmt: skip
        for index, card in enumerate(self.scans.cards):
            mine = [f for f in findings if f"images[{index}]" in f.fields]
            card.show_findings(mine, self.lang)

    # -- findings → fields --------------------------------------------------------------------

    def activate_finding(self, finding: Finding) -> None:
        """Focus the field (or scan card) a finding is about."""
        for name in finding.fields:
            if name.startswith("images["):
                index = int(name[7:-1])
                if index < len(self.scans.cards):
                    self.scans.show_card(self.scans.cards[index])
                    return
            elif self.form.focus_field(name):
                self._show(self.findings)
                return

    def apply_fix(self, finding: Finding) -> None:
        """Put the core's suggested value into the finding's first field."""
        if finding.fix is not None and finding.fields:
            self.form.apply_value(finding.fields[0], finding.fix)
            self.form.focus_field(finding.fields[0])

    # -- scans ----------------------------------------------------------------------------

    def add_scans(self, paths: list[str]) -> list[ScanCard]:
        """Add files (and the scans inside folders); files already listed are skipped."""
        known = {scan_paths.file_key(c.path) for c in self.scans.cards}
        cards = []
        for path in scan_paths.expand(paths):
            key = scan_paths.file_key(path)
            if key is not None and key in known:
                continue
            known.add(key)
            cards.append(self._add_card(path))
        if cards:
            self.setWindowModified(True)
            self.settings.set_folder("scan", cards[-1].path.parent)
            self.run_checks()
        return cards

    def _add_card(self, path: Path) -> ScanCard:
        card = self.scans.add_card(path)
        card.set_language(self.lang)
        card.convertRequested.connect(self.convert_scan)
        card.removeRequested.connect(self.remove_scan)
        card.cancelRequested.connect(self.cancel_conversion)
        self._inspect(card)
        return card

    def _inspect(self, card: ScanCard) -> None:
        cert = self.form.record().cert_code
        card.inspected_for = cert
        key = (scan_paths.file_key(card.path), cert)
        if key[0] is not None and key in self._reports:
            self._inspected(card, self._reports[key], key)
            return
        card.set_reading()
        path = card.path
        self._tasks[card] = self.workers.submit(
            lambda task: inspect_scan(path, cert, PREVIEW_SIDE),
            on_done=lambda result: self._inspected(card, result, key),
            on_failed=lambda exc: self._unreadable(card, exc),
        )

    def _inspected(self, card: ScanCard, result: Inspected, key: tuple) -> None:
        self._tasks.pop(card, None)
        if key[0] is not None:
            self._reports[key] = result
        card.show_inspected(result.report, result.preview)
        self.run_checks()
        emit(self.scanReady, card)

    def _unreadable(self, card: ScanCard, error: Exception) -> None:
        self._tasks.pop(card, None)
        card.show_failure(self.tr("This file could not be read: %1").replace("%1", str(error)))
        self.run_checks()
        emit(self.scanReady, card)

    def _reinspect_if_type_changed(self, cert: str) -> None:
        """Some scan findings depend on the certificate type (e.g. both sides needed)."""
        for card in self.scans.cards:
            if card.state == "ready" and card.report is not None and card.inspected_for != cert:
                self._inspect(card)

    def remove_scan(self, card: ScanCard) -> None:
        task = self._tasks.pop(card, None)
        if task is not None:
            task.cancel()
        self.scans.remove_card(card)
        self.setWindowModified(True)
        self.run_checks()

    def convert_scan(self, card: ScanCard, to: str) -> None:
        """Write a compliant copy beside the original (or in the output folder), in a worker."""
        if card.busy:
            return
        src = card.path
        dst = scan_paths.output_path(src, to, self.settings.output_folder)
        force = False
        if dst.exists():
            if not self._confirm_replace(dst):
                return
            force = True
        card.set_converting()
        self._tasks[card] = self.workers.submit(
            lambda task: convert_scan(task, src, dst, to, force),
            on_done=lambda result: self._converted(card, result),
            on_failed=lambda exc: self._conversion_failed(card, exc),
            on_progress=card.set_progress,
        )
        self._show(self.findings)

    def _converted(self, card: ScanCard, result: Any) -> None:
        self._tasks.pop(card, None)
        card.show_converted(result)
        self.setWindowModified(True)
        self._inspect(card)
        self._show(self.findings)

    def _conversion_failed(self, card: ScanCard, error: Exception) -> None:
        self._tasks.pop(card, None)
        message = error.message(self.lang) if hasattr(error, "message") else str(error)
        card.show_failure(self.tr("Not converted: %1").replace("%1", message))
        self._show(self.findings)
        emit(self.scanReady, card)

    def cancel_conversion(self, card: ScanCard) -> None:
        task = self._tasks.pop(card, None)
        if task is not None:
            task.cancel()
        card.show_failure(self.tr("Conversion cancelled; nothing was written."))
        self._show(self.findings)

    def _confirm_replace(self, path: Path) -> bool:
        answer = QMessageBox.question(
            self,
            self.tr("Replace the converted copy?"),
            self.tr("%1 already exists. Replace it?").replace("%1", path.name),
        )
        return answer == QMessageBox.StandardButton.Yes

    def browse_scans(self) -> None:
        paths, _ = QFileDialog.getOpenFileNames(
            self,
            self.tr("Add certificate scans"),
            self.settings.folder("scan"),
            self.tr("Images and PDF (%1);;All files (*)").replace("%1", _scan_patterns()),
        )
        if paths:
            self.add_scans(paths)

    def paste_scan(self) -> None:
        """Add what the clipboard holds: copied files, or an image (a screenshot, a chat photo)."""
        mime = QGuiApplication.clipboard().mimeData()
        if paths := local_paths(mime):
            self.add_scans(paths)
        elif mime.hasImage():
            self.add_image(QImage(mime.imageData()))
        else:
            self.statusBar().showMessage(self.tr("The clipboard holds no image or file."), 4000)

    def add_image(self, image: QImage) -> None:
        """Keep a pasted or dragged image as a PNG in the app's data folder, then add it."""
        if image.isNull():
            return
        folder = Path(QStandardPaths.writableLocation(
            QStandardPaths.StandardLocation.AppLocalDataLocation)) / "pasted"  # fmt: skip
        folder.mkdir(parents=True, exist_ok=True)
        fd, name = tempfile.mkstemp(prefix="pasted-", suffix=".png", dir=folder)
        os.close(fd)
        if image.save(name, "PNG"):
            self.add_scans([name])

    def choose_output_folder(self) -> None:
        folder = QFileDialog.getExistingDirectory(
            self, self.tr("Folder for converted scans"), self.settings.output_folder
        )
        if folder:
            self.settings.output_folder = folder
        self.act_out_beside.setChecked(not self.settings.output_folder)

    def output_beside_original(self) -> None:
        self.settings.output_folder = ""
        self.act_out_beside.setChecked(True)

    # -- files ------------------------------------------------------------------------------

    def new_record(self) -> None:
        if not self._confirm_discard():
            return
        self._load(records.Record(), None, touched=False)

    def open_dialog(self) -> None:
        if not self._confirm_discard():
            return
        path, _ = QFileDialog.getOpenFileName(
            self, self.tr("Open record"), self.settings.folder("record"),
            self.tr("Records (*.json);;All files (*)"),
        )  # fmt: skip
        if path:
            self.open_record(path)

    def open_record(self, path: str | Path) -> bool:
        """Load a record file (the JSON the command line reads) and its scans."""
        path = Path(path)
        try:
            record = records.load(path)
        except records.RecordError as exc:
            QMessageBox.warning(
                self,
                self.tr("Cannot open the record"),
                self.tr("%1 was not opened: %2").replace("%1", path.name).replace("%2", str(exc)),
            )
            return False
        self._load(record, path.resolve(), touched=True)
        self.settings.add_recent_file(path)
        self.settings.set_folder("record", path.resolve().parent)
        return True

    def _load(self, record: records.Record, path: Path | None, *, touched: bool) -> None:
        for task in self._tasks.values():
            task.cancel()
        self._tasks.clear()
        self.scans.clear()
        self.record_path = path
        self.form.set_record(record, touched=touched)
        base = path.parent if path else None
        for image in records.image_paths(record, base):
            self._add_card(image)
        self.setWindowModified(False)
        self._update_title()
        self.run_checks()

    def current_record(self) -> records.Record:
        """The record as it would be saved (scans relative to the record file when inside it)."""
        record = self.form.record()
        record.images = [
            scan_paths.relative_to_record(card.path, self.record_path) for card in self.scans.cards
        ]
        return record

    def save(self) -> bool:
        if self.record_path is None:
            return self.save_as()
        return self.save_to(self.record_path)

    def save_as(self) -> bool:
        start = str(self.record_path or Path(self.settings.folder("record")) / "record.json")
        path, _ = QFileDialog.getSaveFileName(
            self, self.tr("Save record"), start, self.tr("Records (*.json)")
        )
        return bool(path) and self.save_to(Path(path))

    def save_to(self, path: Path) -> bool:
        """Write the record atomically (temporary file, then rename)."""
        path = path.resolve()
        previous, self.record_path = self.record_path, path
        try:
            _write_atomic(path, records.dumps(self.current_record()).encode("utf-8"))
        except OSError as exc:
            self.record_path = previous
            QMessageBox.warning(
                self, self.tr("Not saved"),
                self.tr("%1 could not be written: %2").replace("%1", str(path))
                .replace("%2", exc.strerror or str(exc)),
            )  # fmt: skip
            return False
        self.settings.add_recent_file(path)
        self.settings.set_folder("record", path.parent)
        self.setWindowModified(False)
        self._update_title()
        return True

    def _fill_recent(self) -> None:
        self.menu_recent.clear()
        for item in self.settings.recent_files:
            action = self.menu_recent.addAction(item)
            action.triggered.connect(lambda _=False, item=item: self._open_recent(item))
        if self.menu_recent.isEmpty():
            self.menu_recent.addAction(self.tr("(none yet)")).setEnabled(False)

    def _open_recent(self, item: str) -> None:
        if not Path(item).is_file():
            self.settings.remove_recent_file(item)
        if self._confirm_discard():
            self.open_record(item)

    def _confirm_discard(self) -> bool:
        """Ask before unsaved work would be lost; True when it is fine to go on."""
        if not self.isWindowModified():
            return True
        answer = QMessageBox.question(
            self,
            self.tr("Unsaved changes"),
            self.tr("The record has unsaved changes. Save them first?"),
            QMessageBox.StandardButton.Save
            | QMessageBox.StandardButton.Discard
            | QMessageBox.StandardButton.Cancel,
        )
        if answer == QMessageBox.StandardButton.Save:
            return self.save()
        return answer == QMessageBox.StandardButton.Discard

    # -- reports --------------------------------------------------------------------------

    def export_html_dialog(self) -> None:
        path = self._report_path("html", self.tr("Web page (*.html)"))
        if path:
            self._export(export_html, path)

    def export_pdf_dialog(self) -> None:
        path = self._report_path("pdf", self.tr("PDF document (*.pdf)"))
        if path:
            self._export(export_pdf, path)

    def _report_path(self, suffix: str, pattern: str) -> str:
        stem = self.record_path.stem if self.record_path else "report"
        start = Path(self.settings.folder("report") or Path.home()) / f"{stem}.{suffix}"
        path, _ = QFileDialog.getSaveFileName(self, self.tr("Export report"), str(start), pattern)
        return path

    def _export(self, writer, path: str) -> None:
        self.run_checks()
        try:
            writer(Path(path), self.current_record(), self.findings, self.lang, self.scans.cards)
        except OSError as exc:
            QMessageBox.warning(self, self.tr("Report not written"), exc.strerror or str(exc))
            return
        self.settings.set_folder("report", Path(path).parent)
        self.statusBar().showMessage(self.tr("Report written: %1").replace("%1", path), 6000)

    # -- misc -----------------------------------------------------------------------------

    def about(self) -> None:
        QMessageBox.about(
            self,
            self.tr("About"),
            self.tr("%1 %2\nChecks CNNIC real-name submissions on this computer, offline.")
            .replace("%1", APP_DISPLAY_NAME_ZH if self.lang == "zh" else APP_DISPLAY_NAME)
            .replace("%2", __version__),
        )  # fmt: skip

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        """Ctrl+V with an image (not text) on the clipboard adds a scan, even from a text box."""
        if (
            event.type() == QEvent.Type.ShortcutOverride
            and isinstance(event, QKeyEvent)
            and event.matches(QKeySequence.StandardKey.Paste)
            and _clipboard_is_scan()
        ):
            return True  # not a text paste: let the window's "Paste scan" shortcut run
        return super().eventFilter(watched, event)

    def _restore_geometry(self) -> None:
        self.resize(1280, 760)
        if (geometry := self.settings.geometry("main")) is not None:
            self.restoreGeometry(geometry)
        for splitter in (self.split, self.right):
            if (state := self.settings.geometry(splitter.objectName())) is not None:
                splitter.restoreState(state)

    def closeEvent(self, event: QCloseEvent) -> None:
        if not self._confirm_discard():
            event.ignore()
            return
        QGuiApplication.instance().removeEventFilter(self)
        self.settings.set_geometry("main", self.saveGeometry())
        for splitter in (self.split, self.right):
            self.settings.set_geometry(splitter.objectName(), QByteArray(splitter.saveState()))
        self.workers.shutdown()
        event.accept()


def _renumber(finding: Finding, index: int) -> Finding:
    """A scan's findings name it ``images[0]``; in the record it is scan number ``index``."""
    fields = tuple(f"images[{index}]" if f.startswith("images[") else f for f in finding.fields)
    return replace(finding, fields=fields) if fields != finding.fields else finding


def _clipboard_is_scan() -> bool:
    mime = QGuiApplication.clipboard().mimeData()
    return mime is not None and not mime.hasText() and (mime.hasImage() or bool(local_paths(mime)))


def _scan_patterns() -> str:
    return " ".join(f"*{s}" for s in sorted(scan_paths.SCAN_SUFFIXES))


def _write_atomic(path: Path, data: bytes) -> None:
    fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", dir=path.parent)
    try:
        with os.fdopen(fd, "wb") as fh:
            fh.write(data)
        os.replace(tmp, path)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise
