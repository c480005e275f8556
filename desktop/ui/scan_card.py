"""A scan as a card: thumbnail, real format, byte and pixel size, its findings, convert actions,
and (with the ``ocr`` extra) what was read on it, with "Read from scan"."""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path
from typing import Any

from PySide6.QtCore import QLocale, QSize, Qt, QUrl, Signal
from PySide6.QtGui import QDesktopServices, QImage, QPixmap
from PySide6.QtWidgets import (
    QFrame,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QProgressBar,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from desktop.core.findings import Finding, worst
from desktop.ui.highlight import set_severity, set_style_property
from desktop.ui.scan_jobs import readable

THUMB = QSize(132, 100)


def data_size(size: int) -> str:
    """A byte count the way the registry counts (1 MB = 1,000,000 bytes), in the UI locale."""
    return QLocale().formattedDataSize(size, 1, QLocale.DataSizeFormat.DataSizeSIFormat)


class ScanCard(QFrame):
    """A card for one scan; its ``severity`` property is the worst of its findings."""

    convertRequested = Signal(object, str)  # card, "jpg" | "bmp"
    removeRequested = Signal(object)  # card
    cancelRequested = Signal(object)  # card
    fillRequested = Signal(object)  # card: fill the record's empty fields from this scan
    captureRequested = Signal(object, str)  # card, "straighten" | "merge" (capture_actions)

    def __init__(self, path: Path, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("scanCard")
        self.setFocusPolicy(Qt.FocusPolicy.TabFocus)
        self.path = path  # the file the record uses (the converted copy after a conversion)
        self.original = path
        self.report: Any = None
        self.preview: QImage | None = None
        self.preview_done = False  # the thumbnail task has answered (preview may still be None)
        self.converted: Any = None  # ConvertResult of the last conversion
        self.original_bytes = 0
        self.inspected_for: str | None = None  # certificate type the report is (being) made for
        self.state = "reading"  # reading | converting | ready | failed
        self.cancelling = False
        self.failure = ""
        self.reading: Any = None  # what scan reading found (desktop.core.ocr.reading.Reading)
        self.read_for: tuple | None = None  # file key the reading is (being) made for
        self.text_state = ""  # "" (not read) | reading | read | failed
        self.text_failure = ""
        self._findings: list[Finding] = []
        self._lang = "zh"
        self._build()
        self.set_reading()

    def _build(self) -> None:
        self.thumb = QLabel(objectName="scanThumb", alignment=Qt.AlignmentFlag.AlignCenter)
        self.thumb.setFixedSize(THUMB)
        self.name = QLabel(objectName="scanName", wordWrap=True)
        self.facts = QLabel(objectName="scanFacts", wordWrap=True)
        self.note = QLabel(objectName="scanNote", wordWrap=True, visible=False)
        self.messages = QLabel(objectName="scanMessages", wordWrap=True, visible=False)
        self.text = QLabel(objectName="scanText", wordWrap=True, visible=False)
        for label in (self.name, self.facts, self.note, self.messages, self.text):
            label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.progress = QProgressBar(objectName="scanProgress", textVisible=False, visible=False)
        self.progress.setMaximumHeight(8)
        self.to_jpg = QPushButton(objectName="convertJpg")
        self.to_bmp = QPushButton(objectName="convertBmp")
        self.cancel = QPushButton(objectName="cancelConvert", visible=False)
        self.remove = QPushButton(objectName="removeScan")
        self.ready = QLabel(objectName="scanReady", visible=False)
        self.folder = QLabel(objectName="scanFolder")
        self.folder.setTextFormat(Qt.TextFormat.RichText)
        self.folder.linkActivated.connect(lambda _: self.open_folder())
        self.straighten = QPushButton(objectName="straightenScan")
        self.merge = QPushButton(objectName="mergeScans")
        self.straighten.clicked.connect(lambda: self.captureRequested.emit(self, "straighten"))
        self.merge.clicked.connect(lambda: self.captureRequested.emit(self, "merge"))
        self.fill = QPushButton(objectName="readFromScan", visible=False)
        self.fill.clicked.connect(lambda: self.fillRequested.emit(self))
        self.to_jpg.clicked.connect(lambda: self.convertRequested.emit(self, "jpg"))
        self.to_bmp.clicked.connect(lambda: self.convertRequested.emit(self, "bmp"))
        self.cancel.clicked.connect(lambda: self.cancelRequested.emit(self))
        self.remove.clicked.connect(lambda: self.removeRequested.emit(self))
        self._lay_out()

    def _lay_out(self) -> None:
        buttons = QHBoxLayout()
        capture = (self.straighten, self.merge)
        for button in (self.ready, self.to_jpg, self.to_bmp, *capture, self.cancel, self.fill):
            buttons.addWidget(button)
        buttons.addStretch(1)
        tools = QHBoxLayout()  # a second row: the card stays narrow enough for a laptop pane
        tools.addWidget(self.folder)
        tools.addStretch(1)
        tools.addWidget(self.remove)
        text = QVBoxLayout()
        text.setSpacing(2)
        for widget in (self.name, self.facts, self.text, self.messages, self.note, self.progress):
            text.addWidget(widget)
        text.addStretch(1)
        text.addLayout(buttons)
        text.addLayout(tools)
        grid = QGridLayout(self)
        grid.setContentsMargins(8, 8, 8, 8)
        grid.addWidget(self.thumb, 0, 0, Qt.AlignmentFlag.AlignTop)
        grid.addLayout(text, 0, 1)
        grid.setColumnStretch(1, 1)

    # -- states ---------------------------------------------------------------------------

    @property
    def busy(self) -> bool:
        return self.state in ("reading", "converting")

    @property
    def pending(self) -> bool:
        """Its findings may still change: inspecting, converting, or reading the text on it."""
        return self.busy or self.text_state == "reading"

    def set_reading(self) -> None:
        """Inspecting (and drawing the thumbnail) in a worker."""
        self.state = "reading"
        self.progress.setRange(0, 0)
        self.progress.setVisible(True)
        self._retranslate()

    def set_converting(self) -> None:
        self.state, self.failure, self.cancelling = "converting", "", False
        self.progress.setRange(0, 100)
        self.progress.setValue(0)
        self.progress.setVisible(True)
        self._retranslate()

    def set_cancelling(self) -> None:
        self.cancelling = True
        self._retranslate()

    def set_progress(self, fraction: float) -> None:
        self.progress.setValue(round(fraction * 100))

    def show_report(self, report: Any) -> None:
        """The core's report for ``self.path`` arrived."""
        self.state, self.report = "ready", report
        self.progress.setVisible(self.text_state == "reading")
        self._retranslate()

    def set_text_reading(self) -> None:
        """The text on the scan is being read (or waits for the scan reader to load)."""
        self.text_state, self.reading, self.text_failure = "reading", None, ""
        if self.state != "converting":
            self.progress.setRange(0, 0)
            self.progress.setVisible(True)
        self._retranslate()

    def show_text(self, reading: Any) -> None:
        """What scan reading found on ``self.path``."""
        self.text_state, self.reading, self.text_failure = "read", reading, ""
        self._text_done()

    def show_text_failure(self, message: str) -> None:
        self.text_state, self.reading, self.text_failure = "failed", None, message
        self._text_done()

    def clear_text(self) -> None:
        """Scan reading is off (it could not start): no reading, no state."""
        self.text_state, self.reading, self.read_for, self.text_failure = "", None, None, ""
        self._text_done()

    def _text_done(self) -> None:
        if not self.busy:
            self.progress.setVisible(False)
        self._retranslate()

    def fill_values(self) -> dict[str, str]:
        """The record fields this scan can fill (empty when it was not read)."""
        return self.reading.values() if self.reading is not None else {}

    def show_preview(self, image: QImage | None) -> None:
        """The thumbnail arrived (None: the file cannot be drawn)."""
        self.preview, self.preview_done = image, True
        self._show_thumb()
        self._retranslate()

    def show_converted(self, result: Any) -> None:
        """A compliant copy was written: the card now stands for it (to be re-inspected)."""
        self.original_bytes = self.report.bytes if self.report else 0
        self.converted, self.cancelling = result, False
        self.path = Path(result.output)
        self.report, self.inspected_for = None, None
        self.preview, self.preview_done = None, False
        self._show_thumb()
        self.set_reading()

    def show_failure(self, message: str) -> None:
        """Reading or converting failed (or was cancelled): say so, keep the file as it was."""
        self.state, self.failure = ("ready" if self.report else "failed"), message
        self.cancelling = False
        self.progress.setVisible(False)
        if self.state == "failed":
            set_severity(self, "error")
        self._retranslate()

    def show_findings(self, findings: Sequence[Finding], lang: str) -> None:
        """The findings that concern this scan (from the core), in ``lang``."""
        self._findings, self._lang = list(findings), lang
        level = worst(self._findings, default="ok")
        if self.state == "failed":
            level = "error"
        set_severity(self, level if self.report is not None or self.state == "failed" else "")
        set_severity(self.messages, level)
        self._retranslate()

    def set_language(self, lang: str) -> None:
        self._lang = lang
        self._retranslate()

    def open_folder(self) -> bool:
        """Show the folder holding the card's file in the system's file manager."""
        return QDesktopServices.openUrl(QUrl.fromLocalFile(str(self.path.parent)))

    @property
    def compliant(self) -> bool:
        """Read and meeting every format and size rule: nothing to convert."""
        return self.state == "ready" and self.report is not None and bool(self.report.compliant)

    # -- texts ----------------------------------------------------------------------------

    def _retranslate(self) -> None:
        self.name.setText(self.path.name)
        self.name.setToolTip(str(self.path))
        self.facts.setText(self._facts_text())
        self._show_messages()
        self._show_note()
        if self.preview is None:
            self.thumb.setText(self.tr("No preview") if self.preview_done else "…")
        self.to_jpg.setText(self.tr("Convert to JPG"))
        self.to_bmp.setText(self.tr("Convert to BMP"))
        self.cancel.setText(self.tr("Cancel"))
        self.remove.setText(self.tr("Remove"))
        self._show_text()
        self.remove.setToolTip(self.tr("Remove this scan from the record (the file is kept)"))
        needs = self.report is not None and not self.report.compliant
        set_style_property(self.to_jpg, "primary", needs and readable(self.report))
        self.straighten.setText(self.tr("Straighten"))
        self.straighten.setToolTip(self.tr("Find the document, straighten and crop it (a copy)"))
        self.merge.setText(self.tr("Merge sides"))
        merge_tip = self.tr("Merge front and back: this scan above another one, in one copy")
        self.merge.setToolTip(merge_tip)
        for button in (self.to_jpg, self.to_bmp, self.straighten, self.merge):
            if button in (self.to_jpg, self.to_bmp):
                button.setToolTip(
                    self.tr("Write a compliant copy; the original file is not changed")
                )
            button.setEnabled(self.state == "ready" and readable(self.report))
            button.setVisible(self.state != "converting" and not self.compliant)
        flagged = any(f.severity == "error" for f in self._findings)  # e.g. the name it shows
        self.ready.setText(
            self.tr("✓ Format and size OK") if flagged else self.tr("✓ Ready to upload")
        )
        self.ready.setVisible(self.compliant)
        link = self.tr("Open folder")
        self.folder.setText(f'<a href="folder">{link}</a>')
        self.folder.setToolTip(str(self.path.parent))
        self.cancel.setVisible(self.state == "converting")
        self.cancel.setEnabled(not self.cancelling)
        self.remove.setEnabled(self.state != "converting")
        self.setAccessibleName(self.tr("Scan %1").replace("%1", self.path.name))
        self.setAccessibleDescription(self.facts.text())

    def _facts_text(self) -> str:
        if self.state == "converting":
            return self.tr("Cancelling…") if self.cancelling else self.tr("Converting…")
        if self.report is None:
            return self.tr("Not readable") if self.state == "failed" else self.tr("Reading…")
        r = self.report
        kind = (r.format or self.tr("unknown format")).upper()
        parts = [kind, data_size(r.bytes)]
        if r.width and r.height:
            size = self.tr("%1 × %2 px").replace("%1", str(r.width)).replace("%2", str(r.height))
            parts.append(size)
        if r.pages and r.pages > 1:
            parts.append(self.tr("%n page(s)", "", r.pages))
        return " · ".join(parts)

    def _show_messages(self) -> None:
        if self.report is None:
            self.messages.setVisible(False)
            return
        lines = [f.message(self._lang) for f in self._findings]
        if not lines:
            lines = [self.tr("Meets the registry's format and size rules.")]
        self.messages.setText("\n".join(f"• {line}" for line in lines))
        self.messages.setVisible(True)

    def _show_text(self) -> None:
        """The reading line: in progress, what was found, or why the text could not be read."""
        self.text.setText(self._reading_text())
        self.text.setVisible(bool(self.text_state))
        set_style_property(self.text, "state", self.text_state)
        self.fill.setText(self.tr("Read from scan"))
        self.fill.setToolTip(self.tr("Fill the empty fields with what this scan shows"))
        self.fill.setVisible(self.text_state == "read")
        self.fill.setEnabled(bool(self.fill_values()))

    def _reading_text(self) -> str:
        if self.text_state == "reading":
            return self.tr("Reading the text on the scan…")
        if self.text_state == "failed":
            return self.tr("The text on this scan could not be read: %1").replace(
                "%1", self.text_failure
            )
        if self.reading is None:
            return ""
        from desktop.core.ocr.classify import kind

        parts = [kind(self.reading.kind).name(self._lang)]
        if self.reading.name is not None:
            parts.append(self.reading.name.text)
        return self.tr("Scan shows: %1").replace("%1", " · ".join(parts))

    def _show_note(self) -> None:
        warn = self.converted is not None and bool(self.converted.notes)
        set_severity(self.note, "error" if self.failure else "warning" if warn else "ok")
        if self.failure:
            text = self.failure
        elif self.converted is not None:
            before = data_size(self.original_bytes)
            after = data_size(self.converted.bytes)
            text = self.tr("Converted from %1: %2 → %3. The original is unchanged.")
            text = text.replace("%1", self.original.name).replace("%2", before).replace("%3", after)
            text = "\n".join([text, *self.converted.note_messages(self._lang)])
        else:
            text = ""
        self.note.setText(text)
        self.note.setVisible(bool(text))

    def _show_thumb(self) -> None:
        if self.preview is None or self.preview.isNull():
            self.thumb.setPixmap(QPixmap())
            return
        ratio = self.devicePixelRatioF()
        pixmap = QPixmap.fromImage(self.preview).scaled(
            THUMB * ratio, Qt.AspectRatioMode.KeepAspectRatio,
            Qt.TransformationMode.SmoothTransformation,
        )  # fmt: skip
        pixmap.setDevicePixelRatio(ratio)
        self.thumb.setPixmap(pixmap)
