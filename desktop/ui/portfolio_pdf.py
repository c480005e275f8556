"""A4 PDFs through Qt: the shared A4 writer, and HTML to PDF for the portfolio report.

The command line has no window: an offscreen QGuiApplication gives QTextDocument its fonts.
PySide6 is imported inside the functions, so the command line loads Qt only when it prints.
"""

from __future__ import annotations

import os
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from PySide6.QtGui import QPdfWriter

PDF_DPI = 300
_APP = None  # the application the command line made for printing (kept alive)


def a4_writer(path: str, margins_mm: tuple[float, float, float, float]) -> QPdfWriter:
    """A portrait A4 QPdfWriter on ``path`` at PDF_DPI; margins (left, top, right, bottom) in mm."""
    from PySide6.QtCore import QMarginsF
    from PySide6.QtGui import QPageLayout, QPageSize, QPdfWriter

    writer = QPdfWriter(path)
    writer.setResolution(PDF_DPI)
    writer.setPageLayout(
        QPageLayout(
            QPageSize(QPageSize.PageSizeId.A4),
            QPageLayout.Orientation.Portrait,
            QMarginsF(*margins_mm),
            QPageLayout.Unit.Millimeter,
        )
    )
    return writer


def html_to_pdf(html: str, path: Path) -> None:
    """Render ``html`` into the PDF file ``path`` (the caller makes the write atomic)."""
    from PySide6.QtGui import QTextDocument
    from PySide6.QtWidgets import QApplication

    global _APP
    if QApplication.instance() is None:  # a QApplication, so a window may still start later
        os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
        _APP = QApplication([])
    document = QTextDocument()
    document.setHtml(html)
    writer = a4_writer(str(path), (15, 15, 15, 15))
    document.print_(writer)
    del writer  # finishes the file
