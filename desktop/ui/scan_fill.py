""" "Read from scan": fill the record's empty fields with what the scans show, once confirmed.

A typed value is never replaced: where the scan shows something else, the dialog says so and the
cross-check findings point at the difference.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping

from PySide6.QtWidgets import QMessageBox

from desktop.core import cert_types
from desktop.core.record import Record
from desktop.core.report_text import field_label
from desktop.ui.scan_card import ScanCard

ORDER = ("cert_type", "name_zh", "cert_number", "cert_issue_date", "cert_expiry_date")


def merged_values(cards: Iterable[ScanCard]) -> dict[str, str]:
    """What the scans show, field by field; the first scan that shows a field wins."""
    values: dict[str, str] = {}
    for card in cards:
        for name, value in card.fill_values().items():
            values.setdefault(name, value)
    return values


def fill_plan(record: Record, values: Mapping[str, str]) -> tuple[dict, dict]:
    """Split the scan's values into fields to fill (empty now) and fields kept as typed
    (typed otherwise: ``{field: (typed, scanned)}``).

    >>> fill_plan(Record(name_zh="张三"), {"name_zh": "张叁", "cert_number": "110"})
    ({'cert_number': '110'}, {'name_zh': ('张三', '张叁')})
    """
    fill, kept = {}, {}
    for name in sorted(values, key=lambda n: ORDER.index(n) if n in ORDER else len(ORDER)):
        typed = str(getattr(record, name, "")).strip()
        if not typed:
            fill[name] = values[name]
        elif typed != values[name]:
            kept[name] = (typed, values[name])
    return fill, kept


class ScanFillMixin:
    """Scans ▸ Read from scan, mixed into the main window (uses its form and scan cards)."""

    def fill_from_scan(self, card: ScanCard | None = None) -> dict[str, str]:
        """Offer the values of ``card`` (or of every scan read) for the empty fields."""
        cards = [card] if card is not None else self.scans.cards
        fill, kept = fill_plan(self.form.record(), merged_values(cards))
        if not fill:
            self._nothing_to_fill(kept)
            return {}
        if not self._confirm_fill(fill, kept):
            return {}
        for name, value in fill.items():
            self.form.apply_value(name, value)
        self.form.focus_field(next(iter(fill)))
        return fill

    def _confirm_fill(self, fill: dict[str, str], kept: dict[str, str]) -> bool:
        text = self.tr("Fill these empty fields with what the scan shows?") + "\n\n"
        text += self._field_lines(fill)
        if kept:
            text += "\n\n" + self.tr("Kept as typed:") + "\n" + self._kept_lines(kept)
        answer = QMessageBox.question(self, self.tr("Read from scan"), text)
        return answer == QMessageBox.StandardButton.Yes

    def _nothing_to_fill(self, kept: dict[str, str]) -> None:
        if kept:
            text = self.tr("Every field the scan shows is already filled; typed values are kept:")
            text += "\n" + self._kept_lines(kept)
        else:
            text = self.tr("No scan has been read yet, or nothing could be read on it.")
        QMessageBox.information(self, self.tr("Read from scan"), text)

    def _kept_lines(self, kept: dict[str, tuple[str, str]]) -> str:
        scan_shows = self.tr("%1 (the scan shows %2)")
        return self._lines(
            (name, scan_shows.replace("%1", typed).replace("%2", _shown(name, scanned, self.lang)))
            for name, (typed, scanned) in kept.items()
        )

    def _field_lines(self, values: dict[str, str]) -> str:
        return self._lines((name, _shown(name, v, self.lang)) for name, v in values.items())

    def _lines(self, pairs: Iterable[tuple[str, str]]) -> str:
        return "\n".join(f"• {field_label(name, self.lang)}: {text}" for name, text in pairs)


def _shown(name: str, value: str, lang: str) -> str:
    """A value as the form shows it (a certificate type by its name)."""
    entry = cert_types.lookup(value) if name == "cert_type" else None
    return entry.name(lang) if entry else value
