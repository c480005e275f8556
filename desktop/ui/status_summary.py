"""The verdict read first: "3 errors, 1 warning — would be rejected" or "Ready to submit"."""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import QEvent, Qt
from PySide6.QtGui import QShowEvent
from PySide6.QtWidgets import QFrame, QLabel, QSizePolicy, QVBoxLayout, QWidget

from desktop.core.findings import Finding, summary
from desktop.ui.highlight import set_severity

DETAIL_LINES = 2  # the banner's height is fixed: a title and two lines; details are in the list


class StatusSummary(QFrame):
    """A banner whose ``severity`` property is error, warning, ok, or "" (nothing entered yet).

    Its height never changes while the user types (the form under it would jump): the detail line
    names the first registry reply only; every finding is in the findings panel.
    """

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("statusSummary")
        self.title = QLabel(objectName="statusTitle")
        self.detail = QLabel(objectName="statusDetail", wordWrap=True)
        for label in (self.title, self.detail):
            label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        box = QVBoxLayout(self)
        box.setContentsMargins(12, 8, 12, 8)
        box.setSpacing(2)
        box.addWidget(self.title)
        box.addWidget(self.detail)
        box.addStretch(1)
        self.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Fixed)
        self._fix_height()
        self.show_status([], "zh", blank=True)

    def _fix_height(self) -> None:
        self.title.ensurePolished()  # the style sheet sets the title's size
        self.detail.ensurePolished()
        margins = self.layout().contentsMargins()
        lines = self.title.fontMetrics().height() + 2
        lines += DETAIL_LINES * self.detail.fontMetrics().lineSpacing()
        self.setFixedHeight(margins.top() + margins.bottom() + lines + 2 * self.frameWidth() + 2)

    def changeEvent(self, event: QEvent) -> None:
        super().changeEvent(event)
        if event.type() in (QEvent.Type.StyleChange, QEvent.Type.FontChange):
            self._fix_height()

    def showEvent(self, event: QShowEvent) -> None:
        self._fix_height()
        super().showEvent(event)

    def show_status(
        self,
        findings: Sequence[Finding],
        lang: str,
        *,
        blank: bool = False,
        scans: int = 0,
        pending: int = 0,
        failed: int = 0,
    ) -> None:
        """Summarise ``findings``; of the ``scans``, ``pending`` are being read, ``failed`` not."""
        counts = summary(findings)
        if blank:
            severity, (title, detail) = "", self._blank_texts()
        elif counts["errors"]:
            severity, title = "error", self._rejected(counts)
            detail = self._registry_replies(findings, lang)
        else:
            severity, title, detail = self._passing(counts, scans, pending, failed)
        set_severity(self, severity)
        set_severity(self.title, severity)
        self.title.setText(title)
        self.detail.setText(detail)
        self.detail.setVisible(bool(detail))
        self.detail.setToolTip(detail)
        self.setAccessibleName(title)
        self.setAccessibleDescription(detail)

    def _blank_texts(self) -> tuple[str, str]:
        return (
            self.tr("Nothing checked yet"),
            self.tr("Type the registrant's details or open a record (Ctrl+O), and drop the "
                    "certificate scans. Every field is checked as you type."),
        )  # fmt: skip

    def _rejected(self, counts: dict[str, int]) -> str:
        errors = self.tr("%n error(s)", "", counts["errors"])
        if not counts["warnings"]:
            return self.tr("%1 — would be rejected").replace("%1", errors)
        warnings = self.tr("%n warning(s)", "", counts["warnings"])
        return self.tr("%1, %2 — would be rejected").replace("%1", errors).replace("%2", warnings)

    def _registry_replies(self, findings: Sequence[Finding], lang: str) -> str:
        replies: list[str] = []
        for finding in findings:
            text = finding.registry_message(lang) if finding.severity == "error" else ""
            if text and text not in replies:
                replies.append(text)
        if not replies:
            return self.tr("Fix the fields marked in red, then check again.")
        text = self.tr("The registry would reply: %1").replace("%1", replies[0])
        if len(replies) > 1:
            more = self.tr("%n more reply(s) in the findings list", "", len(replies) - 1)
            text = self.tr("%1 (%2)").replace("%1", text).replace("%2", more)
        return text

    def _passing(
        self, counts: dict[str, int], scans: int, pending: int, failed: int
    ) -> tuple[str, str, str]:
        if failed:
            text = self.tr("%n scan(s) could not be read", "", failed)
            return "error", text, self.tr("Remove the file or add it again; its card says why.")
        if pending:
            text = self.tr("Reading %n scan(s)…", "", pending)
            return "warning", text, self.tr("The verdict follows when the scans are read.")
        if not scans:
            return (
                "warning",
                self.tr("No errors in the fields — add the certificate scan"),
                self.tr("Drop the scan of the certificate, paste it (Ctrl+V) or browse for it."),
            )
        if counts["warnings"]:
            warnings = self.tr("%n warning(s)", "", counts["warnings"])
            return (
                "warning",
                self.tr("No errors, %1 — can be submitted").replace("%1", warnings),
                self.tr("Check each warning: it may delay the verification."),
            )
        return "ok", self.tr("Ready to submit"), self.tr("Every field and scan passes the checks.")
