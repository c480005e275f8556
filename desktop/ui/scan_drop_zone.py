"""The scans area: drop files or folders anywhere on it, browse, and see one card per scan.

Drop handling only turns URLs into paths and emits ``pathsDropped``; what a file is (a PNG named
.jpg, a corrupt file) is decided by the core when the scan is inspected.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import (
    QDragEnterEvent,
    QDragLeaveEvent,
    QDropEvent,
    QImage,
    QMouseEvent,
    QResizeEvent,
)
from PySide6.QtWidgets import (
    QFrame,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QScrollArea,
    QSplitter,
    QVBoxLayout,
    QWidget,
)

from desktop.ui.highlight import set_style_property
from desktop.ui.scan_card import ScanCard


def local_paths(mime) -> list[str]:
    """Local file paths carried by a drag or the clipboard (remote URLs are ignored)."""
    if not mime.hasUrls():
        return []
    return [url.toLocalFile() for url in mime.urls() if url.isLocalFile() and url.toLocalFile()]


class ScanDropZone(QFrame):
    """Accepts dropped files, folders and images; holds the scan cards."""

    pathsDropped = Signal(list)  # list[str]: files and folders, as dropped
    imageDropped = Signal(QImage)  # image data without a file (dragged from a browser)
    browseRequested = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("scanDropZone")
        self.setAcceptDrops(True)
        self.setProperty("dropping", False)
        self.hint = QLabel(objectName="dropHint", wordWrap=True)
        self.browse = QPushButton(objectName="browseScans")
        self.browse.clicked.connect(self.browseRequested)
        self.reading_note = QLabel(objectName="scanReadingNote", wordWrap=True, visible=False)
        # The command to copy is on its own line and never wrapped ("realname-/precheck[ocr]").
        self.reading_command = QLabel(objectName="scanReadingCommand", visible=False)
        self.reading_command.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.reading_note.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.cards: list[ScanCard] = []
        self._cards_box = QVBoxLayout()
        self._cards_box.setContentsMargins(0, 0, 0, 0)
        self._cards_box.addStretch(1)
        holder = QWidget(objectName="scanCards")
        holder.setLayout(self._cards_box)
        self.scroll = QScrollArea(widgetResizable=True, frameShape=QFrame.Shape.NoFrame)
        self.scroll.setWidget(holder)
        self.scroll.setVisible(False)
        top = QHBoxLayout()
        top.addWidget(self.hint, 1)
        top.addWidget(self.browse)
        box = QVBoxLayout(self)
        box.addLayout(top)
        box.addWidget(self.reading_note)
        box.addWidget(self.reading_command)
        box.addWidget(self.scroll, 1)
        self._sync_empty()
        self.retranslate()

    def retranslate(self) -> None:
        self.hint.setText(
            self.tr("Drop certificate scans here (files or whole folders), paste an image with "
                    "Ctrl+V, or browse. Photos, PNG, HEIC and PDF are fine: convert them below.")
        )  # fmt: skip
        self.browse.setText(self.tr("Browse…"))
        self.browse.setToolTip(self.tr("Choose scan files (Ctrl+Shift+O)"))
        self.setAccessibleName(self.tr("Scans"))

    def show_reading_note(self, text: str, unbroken: str = "") -> None:
        """A quiet line about scan reading (how to enable it); ``""`` hides it. ``unbroken``
        (a command to copy) is never wrapped mid-word: it goes whole onto the next line."""
        words = text.replace(unbroken, "").rstrip() if unbroken else text
        self.reading_note.setText(words)
        self.reading_note.setVisible(bool(text))
        self.reading_command.setText(unbroken if unbroken in text else "")
        self.reading_command.setVisible(bool(unbroken) and unbroken in text)
        self._fit_hint()

    # -- cards ----------------------------------------------------------------------------

    def add_card(self, path: Path) -> ScanCard:
        card = ScanCard(path, self)
        self._cards_box.insertWidget(len(self.cards), card)
        self.cards.append(card)
        self._sync_empty()
        return card

    def remove_card(self, card: ScanCard) -> None:
        self.cards.remove(card)
        self._cards_box.removeWidget(card)
        card.hide()
        card.deleteLater()
        self._sync_empty()

    def _sync_empty(self) -> None:
        """Without cards the hint fills the zone in large type; with cards it is one line."""
        self.scroll.setVisible(bool(self.cards))
        set_style_property(self.hint, "empty", not self.cards)
        centre = Qt.AlignmentFlag.AlignCenter if not self.cards else Qt.AlignmentFlag.AlignLeft
        self.hint.setAlignment(centre | Qt.AlignmentFlag.AlignVCenter)
        self._fit_hint()

    def clear(self) -> None:
        for card in list(self.cards):
            self.remove_card(card)

    def show_card(self, card: ScanCard) -> None:
        self.reveal(card)
        card.setFocus(Qt.FocusReason.OtherFocusReason)

    def reveal(self, card: ScanCard) -> None:
        """Scroll the card list so ``card`` is in view (the keyboard focus stays where it is);
        a card taller than the list shows its top (name, verdict)."""
        if card.height() + 16 > self.scroll.viewport().height():
            self.scroll.verticalScrollBar().setValue(card.y())
        else:
            self.scroll.ensureWidgetVisible(card, 0, 8)

    def resizeEvent(self, event: QResizeEvent) -> None:
        """The wrapped hint needs more height when the pane is narrow: never cut it off."""
        super().resizeEvent(event)
        self._fit_hint()

    def _fit_hint(self) -> None:
        margins = self.layout().contentsMargins()
        need = self.hint.heightForWidth(self.hint.width()) + margins.top() + margins.bottom() + 4
        if self.reading_note.isVisible():
            need += self.reading_note.heightForWidth(self.reading_note.width()) + 6
        if self.reading_command.isVisible():
            need += self.reading_command.sizeHint().height() + 6
        if self.scroll.isVisible():  # room for one whole card
            card = max((c.minimumSizeHint().height() for c in self.cards), default=0)
            self.scroll.setMinimumHeight(min(card, 220))
            need += self.scroll.minimumHeight() + 6
        if need != self.minimumHeight():
            self.setMinimumHeight(need)
            if isinstance(splitter := self.parentWidget(), QSplitter):
                splitter.refresh()  # take the new minimum now, not at the next resize

    def mouseReleaseEvent(self, event: QMouseEvent) -> None:
        """A click on the empty zone browses for files, like its button."""
        if event.button() == Qt.MouseButton.LeftButton and not self.cards:
            self.browseRequested.emit()
        super().mouseReleaseEvent(event)

    # -- drag and drop --------------------------------------------------------------------

    def dragEnterEvent(self, event: QDragEnterEvent) -> None:
        mime = event.mimeData()
        if local_paths(mime) or mime.hasImage():
            event.acceptProposedAction()
            self._set_dropping(True)
        else:
            event.ignore()

    def dragLeaveEvent(self, event: QDragLeaveEvent) -> None:
        self._set_dropping(False)
        super().dragLeaveEvent(event)

    def dropEvent(self, event: QDropEvent) -> None:
        self._set_dropping(False)
        mime = event.mimeData()
        paths = local_paths(mime)
        if paths:
            self.pathsDropped.emit(paths)
        elif mime.hasImage():
            self.imageDropped.emit(QImage(mime.imageData()))
        else:
            event.ignore()
            return
        event.acceptProposedAction()

    def _set_dropping(self, on: bool) -> None:
        set_style_property(self, "dropping", on)
