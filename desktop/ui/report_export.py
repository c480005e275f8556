"""Write the customer report: HTML from the core; PDF painted block by block with QPdfWriter.

Qt's own ``QTextDocument.print_`` splits table rows across pages; here each block of the core's
report (a finding, a group of fields, a scan) is laid out on its own and moved whole to the next
page when it does not fit, with a footer "page 1 of 3" on every page.
"""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path

from PySide6.QtCore import QBuffer, QByteArray, QIODevice, QPointF, QRectF, Qt
from PySide6.QtGui import (
    QColor,
    QFont,
    QImage,
    QPainter,
    QPdfWriter,
    QTextDocument,
)
from PySide6.QtWidgets import QFileDialog, QMessageBox

from desktop.core import atomic, report_html
from desktop.core.findings import Finding
from desktop.core.record import Record
from desktop.core.report_html import ReportScan, render_html
from desktop.ui.portfolio_pdf import PDF_DPI, a4_writer
from desktop.ui.scan_card import ScanCard

THUMB_SIDE = 360
LAYOUT_DPI = 96  # the report's px and pt are laid out at this resolution, then scaled
BLOCK_GAP = 6  # px between blocks
FOOTER = 28  # px kept at the bottom of each page for the footer


class ReportExportMixin:
    """File ▸ Export report, mixed into the main window (uses its record, findings, scans)."""

    def export_html_dialog(self) -> None:
        if path := self._report_path("html", self.tr("Web page (*.html)")):
            self.export_report(export_html, path)

    def export_pdf_dialog(self) -> None:
        if path := self._report_path("pdf", self.tr("PDF document (*.pdf)")):
            self.export_report(export_pdf, path)

    def _report_path(self, suffix: str, pattern: str) -> str:
        """Ask where to write, offering "实名预检 <holder> <date>" in the last folder used."""
        stem = report_html.default_file_name(self.form.record(), self.lang)
        folder = self.settings.folder("report") or self.settings.folder("record")
        start = Path(folder or Path.home()) / f"{stem}.{suffix}"
        path, _ = QFileDialog.getSaveFileName(self, self.tr("Export report"), str(start), pattern)
        if path and not Path(path).suffix:
            path += f".{suffix}"
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
    """An A4 PDF of the same report; no block is split across pages."""
    blocks = report_html.report_blocks(record, findings, lang, report_scans(cards, findings))

    def write(tmp: str) -> None:
        writer = a4_writer(tmp, (16, 14, 16, 12))
        writer.setTitle(report_html.title(lang))
        writer.setCreator(report_html.texts(lang)["title"])
        paint_blocks(writer, blocks, lang)

    with atomic.atomic_target(path) as tmp:
        write(str(tmp))


def paint_blocks(writer: QPdfWriter, blocks: Sequence[str], lang: str) -> int:
    """Lay the blocks out on pages (a block that does not fit starts a new page); the count."""
    scale = PDF_DPI / LAYOUT_DPI
    area = writer.pageLayout().paintRectPixels(PDF_DPI)
    width, height = area.width() / scale, area.height() / scale - FOOTER
    documents = [_block_document(html, width) for html in blocks]
    pages = paginate([d.size().height() for d in documents], height)
    painter = QPainter(writer)
    try:
        painter.scale(scale, scale)
        for number, page in enumerate(pages, 1):
            if number > 1:
                writer.newPage()
            for index, top in page:
                painter.save()
                painter.translate(QPointF(0, top))
                documents[index].drawContents(painter, QRectF(0, 0, width, height - top))
                painter.restore()
            _footer(painter, report_html.page_footer(lang, number, len(pages)), width, height)
    finally:
        painter.end()
    return len(pages)


def paginate(heights: Sequence[float], page: float) -> list[list[tuple[int, float]]]:
    """For each page, the (block, top) placed on it: whole blocks, in order, never split."""
    pages: list[list[tuple[int, float]]] = [[]]
    top = 0.0
    for index, tall in enumerate(heights):
        if pages[-1] and top + tall > page:
            pages.append([])
            top = 0.0
        pages[-1].append((index, top))
        top += tall + BLOCK_GAP
    return pages


def _block_document(html: str, width: float) -> QTextDocument:
    document = QTextDocument()
    document.setDocumentMargin(0)
    font = QFont()
    font.setPointSizeF(10)
    document.setDefaultFont(font)
    document.setHtml(html)
    document.setTextWidth(width)
    return document


def _footer(painter: QPainter, text: str, width: float, height: float) -> None:
    font = QFont()
    font.setPixelSize(11)  # layout px: the painter is scaled to the PDF's resolution
    painter.setFont(font)
    painter.setPen(QColor("#6b7280"))
    box = QRectF(0, height + 8, width, FOOTER - 8)
    painter.drawText(box, Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter, text)
