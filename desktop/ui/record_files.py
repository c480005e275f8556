"""File menu behaviour of the main window: new, open, save, recent files, unsaved changes.

Records are the JSON the command line reads; scans are written relative to the record's folder
when they are inside it. Files are written atomically (temporary file, then rename).
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtWidgets import QFileDialog, QMenu, QMessageBox

from desktop.core import atomic, cert_types
from desktop.core import record as records
from desktop.ui import scan_paths


class RecordFilesMixin:
    """Mixed into :class:`~desktop.ui.main_window.MainWindow` (uses its form, scans, settings)."""

    record_path: Path | None

    def new_record(self) -> None:
        if self.confirm_discard():
            self._load(records.Record(), None, touched=False)

    def open_dialog(self) -> None:
        if not self.confirm_discard():
            return
        path, _ = QFileDialog.getOpenFileName(
            self,
            self.tr("Open record"),
            self.settings.folder("record"),
            self.tr("Records (*.json);;All files (*)"),
        )
        if path:
            self.open_record(path)

    def open_record(self, path: str | Path) -> bool:
        """Load a record file and its scans; a bad file is refused with its reason."""
        path = Path(path)
        try:
            record = records.load(path)
        except records.RecordError as exc:
            text = self.tr("%1 was not opened: %2").replace("%1", path.name).replace("%2", str(exc))
            QMessageBox.warning(self, self.tr("Cannot open the record"), text)
            return False
        path = scan_paths.as_given(path)
        self._load(record, path, touched=True)
        self.settings.add_recent_file(path)
        self.settings.set_folder("record", path.parent)
        return True

    def _load(self, record: records.Record, path: Path | None, *, touched: bool) -> None:
        self.save_hook = None
        self.portfolio_title = ""
        self.record_path = path
        self.form.set_record(record, touched=touched)
        self.scans.cert = cert_types.lookup(record.cert_type)
        self.scans.load(records.image_paths(record, path.parent if path else None))
        self.setWindowModified(False)
        self.update_title()
        self.form.focus_first(self.run_checks())

    def current_record(self) -> records.Record:
        """The record as it would be saved."""
        record = self.form.record()
        record.images = [
            scan_paths.relative_to_record(card.path, self.record_path) for card in self.scans.cards
        ]
        return record

    def save(self) -> bool:
        if getattr(self, "save_hook", None):  # a portfolio record: back to its row or file
            return self.save_hook()
        return self.save_to(self.record_path) if self.record_path else self.save_as()

    def save_as(self) -> bool:
        folder = Path(self.settings.folder("record") or Path.home())
        start = self.record_path or folder / "record.json"
        path, _ = QFileDialog.getSaveFileName(
            self, self.tr("Save record"), str(start), self.tr("Records (*.json)")
        )
        return bool(path) and self.save_to(Path(path))

    def save_to(self, path: Path) -> bool:
        """Write the record (atomically); on failure say why and keep everything as it was."""
        path = scan_paths.as_given(path)
        previous, self.record_path = self.record_path, path
        try:
            atomic.write_text(path, records.dumps(self.current_record()))
        except OSError as exc:
            self.record_path = previous
            text = self.tr("%1 could not be written: %2").replace("%1", str(path))
            reason = atomic.failure_texts(exc, path)[f"reason_{self.lang}"]
            QMessageBox.warning(self, self.tr("Not saved"), text.replace("%2", reason))
            return False
        self.settings.add_recent_file(path)
        self.settings.set_folder("record", path.parent)
        self.setWindowModified(False)
        self.update_title()
        return True

    def fill_recent(self, menu: QMenu) -> None:
        menu.clear()
        for item in self.settings.recent_files:
            action = menu.addAction(item)
            action.triggered.connect(lambda _checked=False, item=item: self.open_recent(item))
        if menu.isEmpty():
            menu.addAction(self.tr("(none yet)")).setEnabled(False)

    def open_recent(self, item: str) -> None:
        if not Path(item).is_file():
            self.settings.remove_recent_file(item)
        if self.confirm_discard():
            self.open_record(item)

    def confirm_discard(self) -> bool:
        """Ask before unsaved work would be lost; True when it is fine to go on."""
        if not self.isWindowModified():
            return True
        button = QMessageBox.StandardButton
        answer = QMessageBox.question(
            self,
            self.tr("Unsaved changes"),
            self.tr("The record has unsaved changes. Save them first?"),
            button.Save | button.Discard | button.Cancel,
        )
        if answer == button.Save:
            return self.save()
        return answer == button.Discard
