"""The window's actions and menus: File, Scans, Language, Help, with their shortcuts."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QObject
from PySide6.QtGui import QAction, QActionGroup, QKeySequence
from PySide6.QtWidgets import QMainWindow, QMenu

LANGUAGE_NAMES = {"zh": "中文", "en": "English"}  # each in its own language, never translated
Key = QKeySequence.StandardKey


class Menus(QObject):
    """Creates the actions on ``window`` (so shortcuts work everywhere) and its menu bar."""

    def __init__(self, window: QMainWindow, slots: dict[str, Callable]) -> None:
        super().__init__(window)
        self.window = window
        make = self._action
        self.new = make("actionNew", slots["new"], Key.New)
        self.open = make("actionOpen", slots["open"], Key.Open)
        self.portfolio = make("actionOpenPortfolio", slots["open_portfolio"], "Ctrl+Shift+P")
        self.portfolio_folder = make("actionOpenPortfolioFolder", slots["open_portfolio_folder"])
        self.save = make("actionSave", slots["save"], Key.Save)
        self.save_as = make("actionSaveAs", slots["save_as"], "Ctrl+Shift+S")
        self.html = make("actionExportHtml", slots["export_html"], "Ctrl+E")
        self.pdf = make("actionExportPdf", slots["export_pdf"], "Ctrl+P")
        self.quit = make("actionQuit", slots["quit"], "Ctrl+Q")
        self.add_scans = make("actionAddScans", slots["add_scans"], "Ctrl+Shift+O")
        self.paste = make("actionPasteScan", slots["paste"], Key.Paste)
        self.read_from_scan = make("actionReadFromScan", slots["read_from_scan"], "Ctrl+R")
        self.out_folder = make("actionOutputFolder", slots["output_folder"])
        self.out_beside = make("actionOutputBeside", slots["output_beside"])
        self.out_beside.setCheckable(True)
        self.about = make("actionAbout", slots["about"])
        self.languages = self._language_actions(slots["language"])
        self._build_menus(slots["fill_recent"])

    def _action(self, name: str, slot: Callable, shortcut=None) -> QAction:
        action = QAction(self.window, objectName=name)
        action.triggered.connect(lambda _checked=False: slot())
        if shortcut is not None:
            action.setShortcut(QKeySequence(shortcut))
        self.window.addAction(action)
        return action

    def _language_actions(self, switch: Callable[[str], None]) -> dict[str, QAction]:
        group = QActionGroup(self.window, exclusive=True)
        actions = {}
        for lang, name in LANGUAGE_NAMES.items():
            action = QAction(name, self.window, checkable=True, objectName=f"language_{lang}")
            action.triggered.connect(lambda _checked=False, lang=lang: switch(lang))
            group.addAction(action)
            actions[lang] = action
        return actions

    def _build_menus(self, fill_recent: Callable[[QMenu], None]) -> None:
        bar = self.window.menuBar()
        self.file = bar.addMenu("")
        self.file.addActions([self.new, self.open])
        self.recent = self.file.addMenu("")
        self.file.addActions([self.portfolio, self.portfolio_folder])
        self.recent.aboutToShow.connect(lambda: fill_recent(self.recent))
        self.file.addSeparator()
        self.file.addActions([self.save, self.save_as])
        self.file.addSeparator()
        self.export = self.file.addMenu("")
        self.export.addActions([self.html, self.pdf])
        self.file.addSeparator()
        self.file.addAction(self.quit)
        self.scans = bar.addMenu("")
        self.scans.addActions([self.add_scans, self.paste, self.read_from_scan])
        self.scans.addSeparator()
        self.scans.addActions([self.out_folder, self.out_beside])
        self.language = bar.addMenu("")
        self.language.addActions(list(self.languages.values()))
        self.help = bar.addMenu("")
        self.help.addAction(self.about)

    def retranslate(self, lang: str) -> None:
        """Menu texts in the current language (``&`` marks the Alt-key letter)."""
        texts = {
            self.new: self.tr("&New record"),
            self.open: self.tr("&Open record…"),
            self.portfolio: self.tr("Open &portfolio (sheet, folder, registrar export)…"),
            self.portfolio_folder: self.tr("Open portfolio &folder (records)…"),
            self.save: self.tr("&Save"),
            self.save_as: self.tr("Save &as…"),
            self.html: self.tr("Report as &HTML…"),
            self.pdf: self.tr("Report as &PDF…"),
            self.quit: self.tr("&Quit"),
            self.add_scans: self.tr("&Add scans…"),
            self.paste: self.tr("&Paste scan from clipboard"),
            self.read_from_scan: self.tr("&Read from scans: fill empty fields…"),
            self.out_folder: self.tr("Save converted scans &in a folder…"),
            self.out_beside: self.tr("Save converted scans &next to the original"),
            self.about: self.tr("&About"),
        }
        for action, text in texts.items():
            action.setText(text)
        self.file.setTitle(self.tr("&File"))
        self.recent.setTitle(self.tr("Open &recent"))
        self.export.setTitle(self.tr("&Export report"))
        self.scans.setTitle(self.tr("S&cans"))
        self.language.setTitle(self.tr("&Language"))
        self.help.setTitle(self.tr("&Help"))
        self.languages[lang].setChecked(True)
