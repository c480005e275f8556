"""A friendly dialog for an unexpected error: what happened, a copyable report, input kept."""

from __future__ import annotations

import contextlib
import platform
import sys
import traceback
from collections.abc import Callable
from types import TracebackType

from PySide6 import __version__ as pyside_version
from PySide6.QtCore import qVersion
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QLabel,
    QPlainTextEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from desktop import __version__
from desktop.core import error_log


def error_report(kind: type[BaseException], error: BaseException, tb: TracebackType | None) -> str:
    """Versions and the traceback (scrub it: identity numbers stay out of reports and logs)."""
    head = (
        f"RealName Precheck {__version__}\n"
        f"Python {platform.python_version()} · PySide6 {pyside_version} · Qt {qVersion()}\n"
        f"{platform.platform()}\n\n"
    )
    return head + "".join(traceback.format_exception(kind, error, tb))


class ErrorDialog(QDialog):
    """Says that something went wrong and that the user's input is still there."""

    def __init__(self, report: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("errorDialog")
        self.setWindowTitle(self.tr("Unexpected error"))
        self.setMinimumSize(560, 360)
        intro = QLabel(
            self.tr("Something went wrong inside the app. Your record and scans are still open: "
                    "save them before you do anything else. Please send the report below to "
                    "support."),
            wordWrap=True,
        )  # fmt: skip
        self.report = QPlainTextEdit(report, readOnly=True, objectName="errorReport")
        self.report.setAccessibleName(self.tr("Error report"))
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        copy = QPushButton(self.tr("Copy report"), objectName="copyReport")
        buttons.addButton(copy, QDialogButtonBox.ButtonRole.ActionRole)
        copy.clicked.connect(self.copy_report)
        buttons.rejected.connect(self.reject)
        box = QVBoxLayout(self)
        box.addWidget(intro)
        box.addWidget(self.report, 1)
        box.addWidget(buttons)

    def copy_report(self) -> None:
        QGuiApplication.clipboard().setText(self.report.toPlainText())


class ExceptionHook:
    """``sys.excepthook`` for the window: show :class:`ErrorDialog`, never quit, never recurse."""

    def __init__(
        self, parent: QWidget | None = None, show: Callable[[ErrorDialog], object] | None = None
    ) -> None:
        self.parent = parent
        self.show = show or ErrorDialog.exec  # modal; the smoke test shows it without blocking
        self._showing = False
        self.previous = sys.excepthook

    def __call__(
        self, kind: type[BaseException], error: BaseException, tb: TracebackType | None
    ) -> None:
        report = error_log.scrub(error_report(kind, error, tb))
        kept = error_log.write(report)
        if kept:
            report += f"\n(log: {kept})\n"
        if sys.stderr is not None:  # None in the windowed Windows executable
            with contextlib.suppress(OSError, ValueError):  # a closed or broken stream
                sys.stderr.write(report)
        if self._showing or issubclass(kind, KeyboardInterrupt):
            return
        self._showing = True
        try:
            self.show(ErrorDialog(report, self.parent))
        finally:
            self._showing = False

    def install(self) -> None:
        sys.excepthook = self

    def uninstall(self) -> None:
        sys.excepthook = self.previous
