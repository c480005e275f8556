"""UI test set-up: a clean settings store and data folder per test, dialogs that never block.

Qt runs offscreen (tests/conftest.py). Every widget goes through ``qtbot.addWidget``.
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import QLocale, QSettings
from PySide6.QtWidgets import QFileDialog, QMessageBox

from desktop.commands.example import example_text
from desktop.core.ocr import engine
from desktop.ui.app import style_sheet
from desktop.ui.main_window import MainWindow
from desktop.ui.settings import Settings
from desktop.ui.translations import Translations


@pytest.fixture(autouse=True)
def clean_store(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """QSettings and the app's data folder live in this test's temporary folder."""
    store = tmp_path / "store"
    for scope in (QSettings.Scope.UserScope, QSettings.Scope.SystemScope):
        QSettings.setPath(QSettings.Format.IniFormat, scope, str(store / "settings"))
    monkeypatch.setenv("XDG_DATA_HOME", str(store / "data"))
    monkeypatch.setenv("XDG_CONFIG_HOME", str(store / "config"))
    monkeypatch.setenv("HOME", str(store / "home"))  # Documents (pasted scans) live here too
    return store


@pytest.fixture(autouse=True)
def no_scan_reading(request: pytest.FixtureRequest, monkeypatch: pytest.MonkeyPatch) -> None:
    """Windows read scans only in tests that ask for ``scan_reading`` (OCR costs a second)."""
    if "scan_reading" not in request.fixturenames:
        monkeypatch.setattr(engine, "available", lambda: False)


@pytest.fixture
def scan_reading() -> None:
    """Real scan reading: skipped when the ``ocr`` extra is not installed."""
    if not engine.available():
        pytest.skip("the ocr extra is not installed")


@dataclass
class Dialogs:
    """Stands in for modal dialogs: records each call, answers from ``answers``."""

    answers: dict[str, Any] = field(default_factory=dict)
    calls: list[tuple[str, tuple]] = field(default_factory=list)

    def fake(self, name: str, default: Any):
        def answer(*args: Any, **kwargs: Any) -> Any:
            self.calls.append((name, args))
            value = self.answers.get(name, default)
            return value.pop(0) if isinstance(value, list) else value

        return answer

    def names(self) -> list[str]:
        return [name for name, _ in self.calls]


@pytest.fixture(autouse=True)
def dialogs(monkeypatch: pytest.MonkeyPatch) -> Dialogs:
    fakes = Dialogs()
    button = QMessageBox.StandardButton
    for name, default in (
        ("question", button.Discard),
        ("warning", button.Ok),
        ("information", button.Ok),
        ("critical", button.Ok),
        ("about", None),
    ):
        monkeypatch.setattr(QMessageBox, name, staticmethod(fakes.fake(name, default)))
    for name, default in (
        ("getOpenFileName", ("", "")),
        ("getOpenFileNames", ([], "")),
        ("getSaveFileName", ("", "")),
        ("getExistingDirectory", ""),
    ):
        monkeypatch.setattr(QFileDialog, name, staticmethod(fakes.fake(name, default)))
    return fakes


@pytest.fixture
def make_window(qtbot, qapp):
    """``make_window(lang)``: a shown main window in ``lang`` with the app's style sheet."""
    qapp.setStyleSheet(style_sheet())
    windows: list[MainWindow] = []

    installed: list[Translations] = []

    def make(lang: str = "en") -> MainWindow:
        translations = Translations()
        translations.switch(lang)
        installed.append(translations)
        window = MainWindow(translations, Settings())
        qtbot.addWidget(window)
        window.show()
        qtbot.waitExposed(window)
        windows.append(window)
        return window

    yield make
    for window in windows:
        window.setWindowModified(False)
        window.scans.shutdown()
    for translations in installed:
        translations.uninstall()
    QLocale.setDefault(QLocale(QLocale.Language.English))


@pytest.fixture
def window(make_window) -> MainWindow:
    return make_window("en")


@pytest.fixture
def record_file(tmp_path: Path) -> Path:
    """The shipped individual example (no errors), as a file."""
    path = tmp_path / "records" / "zhang.json"
    path.parent.mkdir()
    path.write_text(example_text("individual"), encoding="utf-8")
    return path


def example(kind: str = "individual") -> dict:
    return json.loads(example_text(kind))
