"""File ▸ Open portfolio: every record of a sheet, a folder or a registrar export in one table,
checked off the UI thread with progress and Cancel; double-click opens a record in the form and
saving writes it back to its row or file; convert all scans; export the same reports as --out.
"""

from __future__ import annotations

import gc
from collections.abc import Sequence
from pathlib import Path

from PySide6.QtCore import QEvent, QModelIndex, Qt, QTimer, Signal
from PySide6.QtGui import QAction, QDragEnterEvent, QDropEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QFileDialog,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QMainWindow,
    QMenu,
    QMessageBox,
    QProgressBar,
    QPushButton,
    QTableView,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from desktop.core.batch.items import Item
from desktop.ui.portfolio_model import ItemRole, PortfolioFilter, PortfolioModel
from desktop.ui.scan_drop_zone import local_paths
from desktop.ui.workers import Task, Workers

CHUNK_ROWS = 200  # rows added per event-loop turn: a 10,000-row sheet never freezes the window
PORTFOLIO_FILES = "*.csv *.xlsx *.xlsm *.json"
EXPORTS = (("xlsx", "Annotated sheet (*.xlsx)"), ("html", "Report (*.html)"),
           ("pdf", "Report (*.pdf)"), ("csv", "Records with safe fixes (*.csv)"))  # fmt: skip


class PortfolioWindow(QMainWindow):
    """One portfolio; ``openRequested`` asks the main window to show an item in its form."""

    openRequested = Signal(object)  # Item
    loaded = Signal()  # every row is in the table (tests, benchmarks)

    def __init__(self, parent: QWidget | None = None, lang: str = "zh") -> None:
        super().__init__(parent, Qt.WindowType.Window)
        self.setObjectName("portfolioWindow")
        self.setAcceptDrops(True)
        self.lang = lang
        self.inputs: list[Path] = []
        self.workers = Workers(self, threads=1)
        self.task: Task | None = None
        self._pending: list[Item] = []
        self.model = PortfolioModel(self)
        self.proxy = PortfolioFilter(self)
        self.proxy.setSourceModel(self.model)
        self._build()
        self.retranslate()
        self.setMinimumSize(760, 420)  # fixed: the layout never resizes the window as texts change
        self.resize(1100, 640)

    # -- layout ---------------------------------------------------------------------------

    def _build(self) -> None:
        self.open_button = QPushButton(objectName="openPortfolio")
        self.open_button.clicked.connect(self.open_dialog)
        self.verdict_filter = QComboBox(objectName="verdictFilter")
        self.code_filter = QComboBox(objectName="codeFilter")
        self.verdict_filter.currentIndexChanged.connect(self._filter)
        self.code_filter.currentIndexChanged.connect(self._filter)
        self.count = QLabel(objectName="portfolioCount")
        self.table = QTableView(objectName="portfolioTable")
        self.table.setModel(self.proxy)
        self.table.setSortingEnabled(True)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.verticalHeader().setDefaultSectionSize(24)
        self.table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        self.table.horizontalHeader().setStretchLastSection(True)
        for column, width in enumerate((170, 60, 70, 260, 200)):
            self.table.setColumnWidth(column, width)
        self.table.doubleClicked.connect(self._activated)
        self.progress = QProgressBar(objectName="portfolioProgress", maximum=1000)
        self.cancel_button = QPushButton(objectName="cancelPortfolio")
        self.cancel_button.clicked.connect(self.cancel)
        self.convert_button = QPushButton(objectName="convertAll")
        self.convert_button.clicked.connect(self.convert_all_dialog)
        self.export_button = QToolButton(objectName="exportPortfolio")
        self.export_button.setPopupMode(QToolButton.ToolButtonPopupMode.InstantPopup)
        self.export_menu = QMenu(self.export_button)
        self.export_actions: dict[str, QAction] = {}
        for kind, _ in EXPORTS:
            action = self.export_menu.addAction("", lambda kind=kind: self.export_dialog(kind))
            action.setObjectName(f"export_{kind}")
            self.export_actions[kind] = action
        self.export_button.setMenu(self.export_menu)
        top = QHBoxLayout()
        top.addWidget(self.open_button)
        top.addWidget(self.verdict_filter)
        top.addWidget(self.code_filter, 1)
        top.addWidget(self.count)
        bottom = QHBoxLayout()
        bottom.addWidget(self.progress, 1)
        bottom.addWidget(self.cancel_button)
        bottom.addWidget(self.convert_button)
        bottom.addWidget(self.export_button)
        central = QWidget()
        box = QVBoxLayout(central)
        box.addLayout(top)
        box.addWidget(self.table, 1)
        box.addLayout(bottom)
        self.setCentralWidget(central)
        self.file_menu = self.menuBar().addMenu("")
        self.open_action = self.file_menu.addAction("", self.open_dialog)
        self.open_action.setObjectName("portfolioOpen")
        self.open_folder_action = self.file_menu.addAction("", self.open_folder_dialog)
        self.open_folder_action.setObjectName("portfolioOpenFolder")
        self._busy(False)

    def retranslate(self) -> None:
        self.setWindowTitle(self.tr("Portfolio"))
        self.open_button.setText(self.tr("Open portfolio…"))
        self.file_menu.setTitle(self.tr("&File"))
        self.open_action.setText(self.tr("&Open portfolio (sheet, registrar export)…"))
        self.open_folder_action.setText(self.tr("Open portfolio &folder (records)…"))
        self.cancel_button.setText(self.tr("Cancel"))
        self.convert_button.setText(self.tr("Convert all scans…"))
        self.export_button.setText(self.tr("Export"))
        texts = {
            "xlsx": self.tr("Annotated sheet (.xlsx)…"),
            "html": self.tr("Report (.html)…"),
            "pdf": self.tr("Report (.pdf)…"),
            "csv": self.tr("Records with safe fixes (.csv)…"),
        }
        for kind, action in self.export_actions.items():
            action.setText(texts[kind])
        self.model.set_language(self.lang)
        self._fill_filters()

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            parent = self.parent()
            self.lang = getattr(parent, "lang", self.lang)
            self.retranslate()
        super().changeEvent(event)

    def _fill_filters(self) -> None:
        kinds = (("", self.tr("All verdicts")), ("error", self.tr("Would be rejected")),
                 ("warning", self.tr("Check warnings")), ("ok", self.tr("Ready")))  # fmt: skip
        _refill(self.verdict_filter, kinds)
        codes = [("", self.tr("All codes")), *((c, c) for c in self.model.all_codes())]
        _refill(self.code_filter, codes)
        self._show_count()

    def _filter(self) -> None:
        self.proxy.set_filter(self.verdict_filter.currentData() or "",
                              self.code_filter.currentData() or "")  # fmt: skip
        self._show_count()

    def _show_count(self) -> None:
        text = self.tr("%1 of %2 records")
        shown, total = self.proxy.rowCount(), self.model.rowCount()
        self.count.setText(text.replace("%1", str(shown)).replace("%2", str(total)))

    def _busy(self, busy: bool) -> None:
        self.progress.setEnabled(busy)  # disabled, not hidden: the layout never jumps
        self.cancel_button.setEnabled(busy)
        self.open_button.setEnabled(not busy)
        self.open_action.setEnabled(not busy)
        self.open_folder_action.setEnabled(not busy)
        self.convert_button.setEnabled(not busy and bool(self.model.items))
        self.export_button.setEnabled(not busy and bool(self.model.items))

    # -- loading ---------------------------------------------------------------------------

    def open_dialog(self) -> None:
        paths, _ = QFileDialog.getOpenFileNames(
            self, self.tr("Open portfolio"), "",
            self.tr("Sheets and registrar exports (%1);;All files (*)").replace(
                "%1", PORTFOLIO_FILES),
        )  # fmt: skip
        if paths:
            self.load(paths)

    def open_folder_dialog(self) -> None:
        folder = QFileDialog.getExistingDirectory(self, self.tr("Open a folder of records"))
        if folder:
            self.load([folder])

    def load(self, paths: Sequence[str | Path]) -> None:
        """Read and check ``paths`` on a worker thread; rows appear when the check is done."""
        if self.task is not None:
            return
        self.inputs = [Path(p) for p in paths]
        self.model.clear()
        gc.unfreeze()  # the previous portfolio may be collected again
        # A full garbage collection over a large portfolio's objects stops every thread for
        # 0.1 s or more (measured: the one UI gap over 100 ms while 10,000 rows loaded). While
        # loading none runs; afterwards the portfolio is frozen out of future collections.
        gc.disable()
        self._fill_filters()
        self.progress.setValue(0)
        self._busy(True)
        paths = list(self.inputs)
        self.task = self.workers.submit(
            lambda task: _read_and_check(task, paths),
            self._checked,
            self._failed,
            lambda f: self.progress.setValue(int(f * 1000)),
        )

    def cancel(self) -> None:
        if self.task is not None:
            self.task.cancel()

    def _checked(self, items: list[Item]) -> None:
        self.task = None
        gc.freeze()
        gc.enable()
        self._pending = list(items)
        self._add_chunk()

    def _add_chunk(self) -> None:
        chunk, self._pending = self._pending[:CHUNK_ROWS], self._pending[CHUNK_ROWS:]
        self.model.append(chunk)
        if self._pending:
            QTimer.singleShot(0, self._add_chunk)
            return
        self._busy(False)
        self._fill_filters()
        self.loaded.emit()

    def _failed(self, error: Exception) -> None:
        from desktop.core.batch.run import Cancelled

        self.task = None
        gc.enable()
        self._busy(False)
        if isinstance(error, Cancelled):
            self.count.setText(self.tr("Cancelled"))
        else:
            QMessageBox.warning(self, self.tr("Cannot open the portfolio"), str(error))
        self.loaded.emit()

    def dragEnterEvent(self, event: QDragEnterEvent) -> None:
        if local_paths(event.mimeData()):
            event.acceptProposedAction()

    def dropEvent(self, event: QDropEvent) -> None:
        paths = local_paths(event.mimeData())
        if paths:
            event.acceptProposedAction()
            self.load(paths)

    # -- records ---------------------------------------------------------------------------

    def item_at(self, index: QModelIndex) -> Item:
        return self.proxy.data(index, ItemRole)

    def _activated(self, index: QModelIndex) -> None:
        item = self.item_at(index)
        if item is not None and item.record is not None:
            self.openRequested.emit(item)
        elif item is not None:
            QMessageBox.information(self, self.tr("Not a record"), item.invalid)

    def saved(self, item: Item) -> None:
        """``item`` was edited and written back: check it (and the portfolio) again."""
        from desktop.core.batch.run import recheck

        recheck(self.model.items, item)
        for row in range(len(self.model.items)):
            self.model.refresh(row)
        self._fill_filters()

    # -- scans and reports -----------------------------------------------------------------

    def convert_all_dialog(self) -> None:
        folder = QFileDialog.getExistingDirectory(self, self.tr("Save the converted scans in"))
        if folder:
            self.convert_all(Path(folder))

    def convert_all(self, folder: Path) -> None:
        """Convert every scan of the portfolio to a compliant JPG in ``folder`` (off the UI
        thread, on every core); the originals are never touched."""
        from desktop.core.images.batch import Job
        from desktop.core.record import image_paths

        jobs = [Job(p, None, {"out_dir": folder}) for i in self.model.items if i.record
                for p in image_paths(i.record, i.base_dir)]  # fmt: skip
        if not jobs:
            text = self.tr("No record of this portfolio lists a scan file.")
            QMessageBox.information(self, self.tr("Convert all scans"), text)
            return
        self._busy(True)
        self.progress.setValue(0)
        self.task = self.workers.submit(
            lambda task: _convert(task, jobs), self._converted, self._not_converted,
            lambda f: self.progress.setValue(int(f * 1000)),
        )  # fmt: skip

    def _converted(self, outcomes: list) -> None:
        from desktop.core.images.errors import ImageError

        self.task = None
        self._busy(False)
        bad = sum(isinstance(o, ImageError) for o in outcomes)
        skipped = sum(o is None for o in outcomes)
        text = self.tr("%1 scans converted, %2 could not be converted.")
        text = text.replace("%1", str(len(outcomes) - bad - skipped)).replace("%2", str(bad))
        if skipped:
            more = self.tr("Cancelled: %1 scans were not started (nothing written for them).")
            text += "\n" + more.replace("%1", str(skipped))
        QMessageBox.information(self, self.tr("Convert all scans"), text)

    def _not_converted(self, error: Exception) -> None:
        self.task = None
        self._busy(False)
        QMessageBox.warning(self, self.tr("Convert all scans"), str(error))

    def export_dialog(self, kind: str) -> None:
        start = str((self.inputs[0].parent if self.inputs else Path.home()) / f"precheck.{kind}")
        path, _ = QFileDialog.getSaveFileName(self, self.tr("Export"), start, f"*.{kind}")
        if path:
            self.export(Path(path))

    def export(self, path: Path) -> bool:
        """Write the report; never over an input (that is the reseller's own sheet)."""
        from desktop.commands.batch import write_out

        if any(path.resolve() == p.resolve() for p in self.inputs):
            text = self.tr("Choose another name: this is the portfolio itself.")
            QMessageBox.warning(self, self.tr("Not exported"), text)
            return False
        try:
            write_out(self.model.items, path, self.lang)
        except OSError as exc:
            QMessageBox.warning(self, self.tr("Not exported"), exc.strerror or str(exc))
            return False
        return True

    def closeEvent(self, event) -> None:
        self.workers.shutdown(3000)
        gc.enable()  # a load dropped half-way delivers nothing
        super().closeEvent(event)


def _read_and_check(task: Task, paths: list[Path]) -> list[Item]:
    """On the worker thread: read every input, check every record (scans on every core)."""
    from desktop.core.batch import run, sources

    items = sources.read_inputs(paths)
    return run.check_items(items, jobs=run.default_jobs(),
                           progress=lambda done, total: task.report(done / max(total, 1)),
                           cancelled=task.is_cancelled)  # fmt: skip


def _convert(task: Task, jobs: list) -> list:
    """On the worker thread: every scan on every core; Cancel stops what has not started."""
    from desktop.core.batch.run import default_jobs
    from desktop.core.images.batch import convert_many

    return convert_many(jobs, workers=default_jobs(),
                        progress=lambda done, total: task.report(done / max(total, 1)),
                        cancelled=task.is_cancelled)  # fmt: skip


def _refill(combo: QComboBox, entries: Sequence[tuple[str, str]]) -> None:
    current = combo.currentData()
    combo.blockSignals(True)
    combo.clear()
    for data, text in entries:
        combo.addItem(text, data)
    combo.setCurrentIndex(max(0, combo.findData(current)))
    combo.blockSignals(False)


class PortfolioMixin:
    """Mixed into the main window: File ▸ Open portfolio, and saving a portfolio record back."""

    portfolio: PortfolioWindow | None = None
    save_hook = None  # set while the form shows a record of a sheet: saving writes its row
    portfolio_title = ""  # "<sheet>:<row> <name>" while the form shows a sheet's or export's row

    def open_portfolio(self) -> None:
        window = self.portfolio_window()
        window.show()
        window.open_dialog()

    def open_portfolio_folder(self) -> None:
        window = self.portfolio_window()
        window.show()
        window.open_folder_dialog()

    def open_portfolio_paths(self, paths: list[str]) -> None:
        """Sheets, exports or folders of records dropped on the main window."""
        window = self.portfolio_window()
        window.show()
        window.activateWindow()
        window.load(paths)

    def portfolio_window(self) -> PortfolioWindow:
        if self.portfolio is None:
            self.portfolio = PortfolioWindow(self, self.lang)
            self.portfolio.openRequested.connect(self.open_portfolio_item)
        return self.portfolio

    def open_portfolio_item(self, item: Item) -> None:
        """Show the item in the form: a record file opens as itself; a sheet row saves back."""
        if not self.confirm_discard():
            return
        if item.row is None and not item.registrar and Path(item.source).suffix == ".json":
            if self.open_record(item.source):
                self.save_hook = lambda: self._save_portfolio_file(item)
        else:
            self._load(item.record, None, touched=True)
            self.save_hook = None if item.registrar else (lambda: self._save_portfolio_row(item))
            self.portfolio_title = f"{item.short_label} {item.name}".strip()
            self.update_title()
        self.activateWindow()

    def _save_portfolio_row(self, item: Item) -> bool:
        from desktop.core.batch.writeback import write_back

        try:
            write_back(item, self.current_record())
        except (OSError, ValueError) as exc:
            QMessageBox.warning(
                self, self.tr("Not saved"), getattr(exc, "strerror", "") or str(exc)
            )
            return False
        self.setWindowModified(False)
        self.portfolio.saved(item)
        return True

    def _save_portfolio_file(self, item: Item) -> bool:
        self.save_hook = None
        try:
            ok = self.save()
        finally:
            self.save_hook = lambda: self._save_portfolio_file(item)
        if ok:
            from desktop.core import record as records

            item.record = records.load(item.source)
            self.portfolio.saved(item)
        return ok
