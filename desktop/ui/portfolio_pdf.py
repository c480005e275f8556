"""HTML to an A4 PDF through Qt's rich-text engine, for the portfolio report (CLI and window).

The command line has no window: an offscreen QGuiApplication gives QTextDocument its fonts.
"""

from __future__ import annotations

import os
from pathlib import Path

_APP = None  # the application the command line made for printing (kept alive)


def html_to_pdf(html: str, path: Path) -> None:
    """Render ``html`` into the PDF file ``path`` (the caller makes the write atomic)."""
    from PySide6.QtCore import QMarginsF
    from PySide6.QtGui import QPageLayout, QPageSize, QPdfWriter, QTextDocument
    from PySide6.QtWidgets import QApplication

    global _APP
    if QApplication.instance() is None:  # a QApplication, so a window may still start later
        os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
        _APP = QApplication([])
    document = QTextDocument()
    document.setHtml(html)
    writer = QPdfWriter(str(path))
    writer.setResolution(300)
    writer.setPageLayout(
        QPageLayout(
            QPageSize(QPageSize.PageSizeId.A4),
            QPageLayout.Orientation.Portrait,
            QMarginsF(15, 15, 15, 15),
            QPageLayout.Unit.Millimeter,
        )
    )
    document.print_(writer)
    del writer  # finishes the file
