"""Every finding in one list, errors first; a row focuses its field, "Apply fix" corrects it."""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QKeyEvent, QMouseEvent
from PySide6.QtWidgets import (
    QFrame,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from desktop.core.findings import Finding
from desktop.core.report_text import field_label
from desktop.ui.highlight import set_severity


class FindingRow(QFrame):
    """One finding: field, message, the registry's wording, and a fix button when one exists."""

    activated = Signal(object)  # Finding
    fixRequested = Signal(object)  # Finding

    def __init__(self, finding: Finding, lang: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.finding = finding
        self.setObjectName("findingRow")
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self.setCursor(Qt.CursorShape.PointingHandCursor)
        set_severity(self, str(finding.severity))
        where = field_label(finding.fields[0], lang) if finding.fields else ""
        kind = self._severity_word(str(finding.severity))
        self.title = QLabel(f"{kind} · {where}" if where else kind, objectName="findingTitle")
        self.message = QLabel(finding.message(lang), objectName="findingMessage", wordWrap=True)
        box = QVBoxLayout(self)
        box.setContentsMargins(8, 6, 8, 6)
        box.setSpacing(2)
        box.addWidget(self.title)
        box.addWidget(self.message)
        self._add_registry_line(box, finding, lang)
        self._add_fix_button(box, finding)
        self.setAccessibleName(f"{kind}: {where}")
        self.setAccessibleDescription(finding.message(lang))
        self.setToolTip(finding.code)

    def _severity_word(self, severity: str) -> str:
        words = {"error": self.tr("Error"), "warning": self.tr("Warning")}
        return words.get(severity, self.tr("Note"))

    def _add_registry_line(self, box: QVBoxLayout, finding: Finding, lang: str) -> None:
        registry = finding.registry_message(lang)
        if not registry:
            return
        label = (
            self.tr("Registry would reply: “%1”")
            if finding.severity == "error"
            else self.tr("May lead to: “%1”")
        )
        box.addWidget(QLabel(label.replace("%1", registry), objectName="findingRegistry",
                             wordWrap=True))  # fmt: skip

    def _add_fix_button(self, box: QVBoxLayout, finding: Finding) -> None:
        if finding.fix is None:
            self.fix_button = None
            return
        self.fix_button = QPushButton(self.tr("Apply fix: %1").replace("%1", finding.fix))
        self.fix_button.setObjectName("fixButton")
        self.fix_button.setFocusPolicy(Qt.FocusPolicy.NoFocus)  # Ctrl+Enter on the row applies it
        self.fix_button.clicked.connect(lambda: self.fixRequested.emit(self.finding))
        line = QHBoxLayout()
        line.addWidget(self.fix_button)
        line.addStretch(1)
        box.addLayout(line)

    def mouseReleaseEvent(self, event: QMouseEvent) -> None:
        if event.button() == Qt.MouseButton.LeftButton:
            self.activated.emit(self.finding)
        super().mouseReleaseEvent(event)

    def keyPressEvent(self, event: QKeyEvent) -> None:
        enter = event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter)
        if enter and event.modifiers() & Qt.KeyboardModifier.ControlModifier:
            if self.fix_button is not None:
                self.fixRequested.emit(self.finding)
            return
        if enter or event.key() == Qt.Key.Key_Space:
            self.activated.emit(self.finding)
            return
        super().keyPressEvent(event)


class FindingsPanel(QWidget):
    """A scrolling list of :class:`FindingRow`; re-filled on every check."""

    activated = Signal(object)  # Finding: focus its field or scan card
    fixRequested = Signal(object)  # Finding: apply finding.fix to fields[0]

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("findingsPanel")
        self.heading = QLabel(objectName="panelHeading")
        self._list = QWidget(objectName="findingsList")
        self.placeholder = QLabel(objectName="placeholder", wordWrap=True)
        self.placeholder.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self._rows = QVBoxLayout(self._list)
        self._rows.setContentsMargins(0, 0, 0, 0)
        self._rows.addWidget(self.placeholder)
        self._rows.addStretch(1)
        self.scroll = QScrollArea(widgetResizable=True, frameShape=QFrame.Shape.NoFrame)
        self.scroll.setWidget(self._list)
        box = QVBoxLayout(self)
        box.setContentsMargins(0, 0, 0, 0)
        box.addWidget(self.heading)
        box.addWidget(self.scroll, 1)
        self.rows: list[FindingRow] = []
        self._blank = True
        self._shown: tuple | None = None
        self.show_findings([], "zh", blank=True)

    def show_findings(self, findings: Sequence[Finding], lang: str, *, blank: bool = False) -> None:
        """Replace the list; ``blank`` means nothing was entered yet (show how to start)."""
        shown = (list(findings), lang, blank)
        if shown == self._shown:
            return  # unchanged: keep the rows (and the keyboard focus on them)
        self._shown, self._blank = shown, blank
        for row in self.rows:
            self._rows.removeWidget(row)
            row.hide()
            row.deleteLater()
        self.rows = [] if blank else [self._make_row(f, lang) for f in findings]
        for index, row in enumerate(self.rows):
            self._rows.insertWidget(index, row)
        self._retranslate()

    def _make_row(self, finding: Finding, lang: str) -> FindingRow:
        row = FindingRow(finding, lang, self._list)
        row.activated.connect(self.activated)
        row.fixRequested.connect(self.fixRequested)
        return row

    def _retranslate(self) -> None:
        count = len(self.rows)
        self.heading.setText(self.tr("Findings (%n)", "", count))
        if self._blank:
            text = self.tr("Type the registrant's details or open a record; drop the scans above.")
        else:
            text = self.tr("No findings: every field passes the checks.")
        self.placeholder.setText(text)
        self.placeholder.setVisible(self._blank or not count)
