"""Write the customer report: HTML from the core, PDF through QTextDocument + QPdfWriter."""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path

from PySide6.QtCore import QBuffer, QByteArray, QIODevice, QMarginsF, Qt
from PySide6.QtGui import QImage, QPageLayout, QPageSize, QPdfWriter, QTextDocument
from PySide6.QtWidgets import QFileDialog, QMessageBox

from desktop.core import atomic
from desktop.core.findings import Finding
from desktop.core.record import Record
from desktop.core.report_html import ReportScan, render_html
from desktop.ui.scan_card import ScanCard

THUMB_SIDE = 360


class ReportExportMixin:
    """File ▸ Export report, mixed into the main window (uses its record, findings, scans)."""

    def export_html_dialog(self) -> None:
        if path := self._report_path("html", self.tr("Web page (*.html)")):
            self.export_report(export_html, path)

    def export_pdf_dialog(self) -> None:
        if path := self._report_path("pdf", self.tr("PDF document (*.pdf)")):
            self.export_report(export_pdf, path)

    def _report_path(self, suffix: str, pattern: str) -> str:
        stem = self.record_path.stem if self.record_path else "report"
        start = Path(self.settings.folder("report") or Path.home()) / f"{stem}.{suffix}"
        path, _ = QFileDialog.getSaveFileName(self, self.tr("Export report"), str(start), pattern)
        return path

    def export_report(self, writer, path: str | Path) -> bool:
        """Write the report of what is on screen now, in the window's language."""
        self.run_checks()
        record, cards = self.current_record(), self.scans.cards
        try:
            writer(Path(path), record, self.findings, self.lang, cards)
        except OSError as exc:
            reason = atomic.failure_texts(exc, path)[f"reason_{self.lang}"]
            QMessageBox.warning(self, self.tr("Report not written"), reason)
            return False
        self.settings.set_folder("report", Path(path).parent)
        message = self.tr("Report written: %1").replace("%1", str(path))
        self.statusBar().showMessage(message, 6000)
        return True


def report_scans(cards: Sequence[ScanCard], findings: Sequence[Finding]) -> list[ReportScan]:
    """The cards as the report shows them, each with its findings and a small JPEG thumbnail."""
    scans = []
    for index, card in enumerate(cards):
        r = card.report
        mine = tuple(f for f in findings if f"images[{index}]" in f.fields)
        scans.append(
            ReportScan(
                name=card.path.name,
                format=(r.format or "") if r else "",
                bytes=r.bytes if r else 0,
                width=(r.width or 0) if r else 0,
                height=(r.height or 0) if r else 0,
                findings=mine,
                thumbnail_jpeg=thumbnail_jpeg(card.preview),
            )
        )
    return scans


def thumbnail_jpeg(image: QImage | None) -> bytes | None:
    """A JPEG of at most THUMB_SIDE pixels per side, or None when there is no preview."""
    if image is None or image.isNull():
        return None
    small = image.scaled(
        THUMB_SIDE, THUMB_SIDE, Qt.AspectRatioMode.KeepAspectRatio,
        Qt.TransformationMode.SmoothTransformation,
    )  # fmt: skip
    data = QByteArray()
    buffer = QBuffer(data)
    buffer.open(QIODevice.OpenModeFlag.WriteOnly)
    small.save(buffer, "JPEG", 85)
    buffer.close()
    return bytes(data.data())


def build_html(
    record: Record, findings: Sequence[Finding], lang: str, cards: Sequence[ScanCard]
) -> str:
    return render_html(record, findings, lang, report_scans(cards, findings))


def export_html(path: Path, record: Record, findings, lang: str, cards) -> None:
    text = build_html(record, findings, lang, cards)
    atomic.write_text(path, text)


def export_pdf(path: Path, record: Record, findings, lang: str, cards) -> None:
    """An A4 PDF of the same report (Qt's rich-text engine renders the HTML)."""
    document = QTextDocument()
    document.setHtml(build_html(record, findings, lang, cards))

    with atomic.atomic_target(path) as tmp:
        writer = QPdfWriter(str(tmp))
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
