"""The main window: the form, the scans, the findings and the verdict, checked live as you type."""

from __future__ import annotations

from datetime import date
from pathlib import Path

from PySide6.QtCore import QByteArray, QEvent, QObject, QSize, Qt, QTimer, Signal
from PySide6.QtGui import QCloseEvent, QGuiApplication, QKeyEvent, QKeySequence
from PySide6.QtWidgets import QFileDialog, QMainWindow, QMessageBox, QSplitter, QVBoxLayout, QWidget

from desktop import APP_DISPLAY_NAME, APP_DISPLAY_NAME_ZH, __version__
from desktop.core import phone
from desktop.core.cert_types import lookup
from desktop.core.engine import check_record
from desktop.core.findings import Finding, sort_findings
from desktop.ui.findings_panel import FindingsPanel
from desktop.ui.menus import Menus
from desktop.ui.portfolio_window import PortfolioMixin
from desktop.ui.record_files import RecordFilesMixin
from desktop.ui.record_form import RecordForm
from desktop.ui.report_export import ReportExportMixin
from desktop.ui.scan_controller import ScanController
from desktop.ui.scan_drop_zone import ScanDropZone, local_paths
from desktop.ui.scan_fill import ScanFillMixin
from desktop.ui.settings import Settings
from desktop.ui.status_summary import StatusSummary
from desktop.ui.translations import Translations

CHECK_DELAY_MS = 150  # one check after a burst of keystrokes; the check itself takes ~1 ms
MIN_SIZE = (1000, 620)  # fits a 1366×768 laptop with its taskbar and title bar
START_SIZE = (1280, 800)  # on a larger screen; a smaller one gets its whole available area
FRAME = (16, 40)  # px kept for the window's frame and title bar when it fills the screen
FORM_SHARE = 0.46  # of the width, for the form; the rest for the scans and findings


class MainWindow(PortfolioMixin, RecordFilesMixin, ReportExportMixin, ScanFillMixin, QMainWindow):
    """Edits one record and its scans; ``checked`` fires with the findings after every check."""

    checked = Signal(list)  # list[Finding]

    def __init__(self, translations: Translations, settings: Settings | None = None) -> None:
        super().__init__()
        self.setObjectName("mainWindow")
        self.translations = translations
        self.settings = settings or Settings()
        self.lang = translations.language or "zh"
        self.record_path: Path | None = None
        self.findings: list[Finding] = []
        self._timer = QTimer(self, singleShot=True, interval=CHECK_DELAY_MS)
        self._timer.timeout.connect(self.run_checks)
        self._build()
        self.menus = Menus(self, self._slots())
        self.menus.read_from_scan.setVisible(self.scans.reader.available)
        self._restore_geometry()
        self.set_language(self.lang)
        self._timer.start(0)  # first check (which loads the rules) after the window is painted
        self.form.focus_first([])  # a new record: typing starts in the first field
        phone.warm_in_background()  # numbering-plan data off the UI thread
        QGuiApplication.instance().installEventFilter(self)

    def _build(self) -> None:
        self.status = StatusSummary()
        self.form = RecordForm()
        self.zone = ScanDropZone()
        self.scans = ScanController(self.zone, self.settings, self)
        self.panel = FindingsPanel()
        self.form.changed.connect(self._edited)
        self.form.fixRequested.connect(self.apply_field_fix)
        self.scans.edited.connect(lambda: self.setWindowModified(True))
        self.scans.changed.connect(self.run_checks)
        self.scans.fillRequested.connect(self.fill_from_scan)
        self.scans.portfolioDropped.connect(self.open_portfolio_paths)
        self.panel.activated.connect(self.activate_finding)
        self.panel.fixRequested.connect(self.apply_fix)
        self.right = _splitter(Qt.Orientation.Vertical, "rightSplitter", self.zone, self.panel)
        self.split = _splitter(Qt.Orientation.Horizontal, "mainSplitter", self.form, self.right)
        central = QWidget(objectName="central")
        box = QVBoxLayout(central)
        box.addWidget(self.status)
        box.addWidget(self.split, 1)
        self.setCentralWidget(central)

    def _slots(self) -> dict:
        return {
            "new": self.new_record, "open": self.open_dialog, "save": self.save,
            "open_portfolio": self.open_portfolio,
            "open_portfolio_folder": self.open_portfolio_folder,
            "save_as": self.save_as, "export_html": self.export_html_dialog,
            "export_pdf": self.export_pdf_dialog, "quit": self.close,
            "add_scans": self.scans.browse, "paste": self.scans.paste,
            "read_from_scan": self.fill_from_scan,
            "output_folder": self.choose_output_folder,
            "output_beside": self.output_beside_original, "about": self.about,
            "language": self.switch_language, "fill_recent": self.fill_recent,
        }  # fmt: skip

    # -- language -------------------------------------------------------------------------

    def switch_language(self, lang: str) -> None:
        """Switch every visible text to ``lang`` now, and remember the choice."""
        self.translations.switch(lang)
        self.settings.language = lang
        self.set_language(lang)

    def set_language(self, lang: str) -> None:
        """Retranslate explicitly: core messages and field names need the language code too."""
        self.lang = lang
        self.form.set_language(lang)
        self.scans.set_language(lang)
        self.menus.retranslate(lang)
        self.menus.out_beside.setChecked(not self.settings.output_folder)
        self.update_title()
        self._show(self.findings)

    def update_title(self) -> None:
        app = APP_DISPLAY_NAME if self.lang == "en" else APP_DISPLAY_NAME_ZH
        name = self.record_path.name if self.record_path else self.portfolio_title
        name = name or self.tr("New record")
        self.setWindowTitle(f"{name}[*] — {app}")

    # -- checking -------------------------------------------------------------------------

    def _edited(self) -> None:
        self.setWindowModified(True)
        self._timer.start(CHECK_DELAY_MS)  # restarts: edits in quick succession run one check

    def run_checks(self) -> list[Finding]:
        """Check the record now (scans come from their cached reports and readings) and show it."""
        self._timer.stop()
        record = self.form.record()
        cert = lookup(record.cert_type)
        if cert != self.scans.cert:
            self.scans.set_cert(cert)  # may re-read scans whose findings depend on the type
        base = self.record_path.parent if self.record_path else None
        found = check_record(record, base_dir=base) + self.scans.findings()
        found += self.scans.reading_findings(record, date.today())
        self.findings = sort_findings(found)
        self._show(self.findings)
        self.checked.emit(self.findings)
        return self.findings

    def _show(self, findings: list[Finding]) -> None:
        cards = self.scans.cards
        blank = self.form.is_blank() and not cards
        self.form.show_findings(findings)
        self.panel.show_findings(findings, self.lang, blank=blank)
        self.status.show_status(
            findings, self.lang, blank=blank, scans=len(cards),
            pending=sum(c.pending for c in cards), failed=sum(c.state == "failed" for c in cards),
        )  # fmt: skip
        for index, card in enumerate(cards):
            card.show_findings([f for f in findings if f"images[{index}]" in f.fields], self.lang)

    def activate_finding(self, finding: Finding) -> None:
        """Focus the field (or scan card) a finding is about."""
        for name in finding.fields:
            if name.startswith("images["):
                index = int(name[len("images[") : -1])
                if index < len(self.scans.cards):
                    self.zone.show_card(self.scans.cards[index])
                    return
            elif self.form.focus_field(name):
                self._show(self.findings)
                return

    def apply_fix(self, finding: Finding) -> None:
        """Put the core's suggested value into the finding's first field."""
        if finding.fix is not None and finding.fields:
            self.form.apply_value(finding.fields[0], finding.fix)
            self.form.focus_field(finding.fields[0])

    def apply_field_fix(self, name: str) -> None:
        """The fix shown under a field (Ctrl+Enter or its button), for the value typed now."""
        if self._timer.isActive():
            self.run_checks()  # a check is pending: the fix on screen may be for older text
        if self.form.apply_fix(name):
            self.run_checks()

    # -- settings, about, events ----------------------------------------------------------

    def choose_output_folder(self) -> None:
        folder = QFileDialog.getExistingDirectory(
            self, self.tr("Folder for converted scans"), self.settings.output_folder
        )
        if folder:
            self.settings.output_folder = folder
        self.menus.out_beside.setChecked(not self.settings.output_folder)

    def output_beside_original(self) -> None:
        self.settings.output_folder = ""
        self.menus.out_beside.setChecked(True)

    def about(self) -> None:
        name = APP_DISPLAY_NAME_ZH if self.lang == "zh" else APP_DISPLAY_NAME
        text = self.tr("%1 %2\nChecks CNNIC real-name submissions on this computer, offline.")
        text = text.replace("%1", name).replace("%2", __version__)
        QMessageBox.about(self, self.tr("About"), text)

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
        """The remembered size, else one that fits the screen's free area (taskbar excluded)."""
        area = (self.screen() or QGuiApplication.primaryScreen()).availableGeometry()
        room = (area.size() - QSize(*FRAME)).expandedTo(QSize(0, 0))
        self.setMinimumSize(QSize(*MIN_SIZE).boundedTo(room))
        size = QSize(*START_SIZE).boundedTo(room)
        self.resize(size)
        self.move(area.center() - self.rect().center())
        form = round(size.width() * FORM_SHARE)
        self.split.setSizes([form, size.width() - form])
        self.right.setSizes(self._right_sizes(size.width() - form, size.height()))
        if (geometry := self.settings.geometry("main")) is not None:
            self.restoreGeometry(geometry)  # Qt moves it back onto a screen if it is off
            if room.expandedTo(self.size()) != room:
                self.resize(self.size().boundedTo(room))  # remembered on a larger screen
        for splitter in (self.split, self.right):
            if (state := self.settings.geometry(splitter.objectName())) is not None:
                splitter.restoreState(state)

    def _right_sizes(self, width: int, height: int) -> list[int]:
        """The scans area gets 40 % of the height, or what its wrapped hint needs when more."""
        zone = self.zone.layout().totalHeightForWidth(width)
        top = min(max(round(height * 0.4), zone), round(height * 0.6))
        return [top, height - top]

    def closeEvent(self, event: QCloseEvent) -> None:
        if not self.confirm_discard():
            event.ignore()
            return
        QGuiApplication.instance().removeEventFilter(self)
        self.settings.set_geometry("main", self.saveGeometry())
        for splitter in (self.split, self.right):
            self.settings.set_geometry(splitter.objectName(), QByteArray(splitter.saveState()))
        self.scans.shutdown()
        event.accept()


def _splitter(orientation: Qt.Orientation, name: str, *widgets: QWidget) -> QSplitter:
    splitter = QSplitter(orientation, objectName=name, childrenCollapsible=False)
    for widget in widgets:
        splitter.addWidget(widget)
    return splitter


def _clipboard_is_scan() -> bool:
    mime = QGuiApplication.clipboard().mimeData()
    return mime is not None and not mime.hasText() and (mime.hasImage() or bool(local_paths(mime)))
