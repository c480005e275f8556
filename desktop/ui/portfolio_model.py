"""The portfolio table: one row per record (verdict, counts, holder, where it came from, codes),
and the sort/filter proxy behind the verdict and code filters."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from PySide6.QtCore import (
    QAbstractTableModel,
    QModelIndex,
    QPersistentModelIndex,
    QSortFilterProxyModel,
    Qt,
)
from PySide6.QtGui import QBrush, QColor

from desktop.core.batch.items import Item
from desktop.core.batch.reports import codes, verdict

Index = QModelIndex | QPersistentModelIndex
COLUMNS = ("verdict", "errors", "warnings", "name", "source", "codes")
VERDICT_ORDER = {"error": 0, "warning": 1, "ok": 2}
COLOURS = {"error": "#fde0dd", "warning": "#fff1c2", "ok": "#e3f4e6"}
ItemRole = Qt.ItemDataRole.UserRole + 1
SortRole = Qt.ItemDataRole.UserRole + 2


class PortfolioModel(QAbstractTableModel):
    """Checked items; rows are appended in chunks so a large portfolio shows as it loads."""

    def __init__(self, parent=None) -> None:
        super().__init__(parent)
        self.items: list[Item] = []
        self._codes: list[list[str]] = []
        self._verdicts: list[str] = []
        self.lang = "zh"

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.items)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(COLUMNS)

    def clear(self) -> None:
        self.beginResetModel()
        self.items, self._codes, self._verdicts = [], [], []
        self.endResetModel()

    def append(self, items: Sequence[Item]) -> None:
        if not items:
            return
        first = len(self.items)
        self.beginInsertRows(QModelIndex(), first, first + len(items) - 1)
        self.items.extend(items)
        self._codes.extend(codes(i) for i in items)
        self._verdicts.extend(verdict(i) for i in items)
        self.endInsertRows()

    def refresh(self, row: int) -> None:
        """The item of ``row`` was checked again (after an edit)."""
        item = self.items[row]
        self._codes[row], self._verdicts[row] = codes(item), verdict(item)
        self.dataChanged.emit(self.index(row, 0), self.index(row, len(COLUMNS) - 1))

    def all_codes(self) -> list[str]:
        return sorted({c for row in self._codes for c in row})

    def verdict_of(self, row: int) -> str:
        return self._verdicts[row]

    def codes_of(self, row: int) -> list[str]:
        return self._codes[row]

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        row, column = index.row(), COLUMNS[index.column()]
        item = self.items[row]
        if role == Qt.ItemDataRole.DisplayRole:
            return self._display(item, row, column)
        if role == SortRole:
            return self._sort_key(item, row, column)
        if role == ItemRole:
            return item
        if role == Qt.ItemDataRole.BackgroundRole and column == "verdict":
            return QBrush(QColor(COLOURS[self._verdicts[row]]))
        if role == Qt.ItemDataRole.ToolTipRole and column == "codes":
            return "\n".join(f"{f.code}: {f.message(self.lang)}" for f in item.findings)
        return None

    def _display(self, item: Item, row: int, column: str) -> Any:
        if column == "verdict":
            return self.verdict_text(self._verdicts[row], item.failed)
        if column in ("errors", "warnings"):
            return item.counts[column]
        if column == "name":
            return item.name
        if column == "source":
            return item.short_label
        return ", ".join(self._codes[row])

    def _sort_key(self, item: Item, row: int, column: str) -> Any:
        if column == "verdict":
            return (VERDICT_ORDER[self._verdicts[row]], not item.failed)
        if column in ("errors", "warnings"):
            return item.counts[column]
        if column == "source":
            return (item.source, item.row or 0)
        return self._display(item, row, column)

    def sort(self, column: int, order=Qt.SortOrder.AscendingOrder) -> None:
        """Sort the list itself (one Python sort, not a comparison callback per pair)."""
        name = COLUMNS[column]
        rows = sorted(range(len(self.items)), key=lambda r: self._sort_key(self.items[r], r, name),
                      reverse=order == Qt.SortOrder.DescendingOrder)  # fmt: skip
        self.layoutAboutToBeChanged.emit()
        self.items = [self.items[r] for r in rows]
        self._codes = [self._codes[r] for r in rows]
        self._verdicts = [self._verdicts[r] for r in rows]
        self.layoutChanged.emit()

    def verdict_text(self, kind: str, failed: bool) -> str:
        texts = {
            "error": self.tr("Would be rejected"),
            "warning": self.tr("Check warnings"),
            "ok": self.tr("Ready"),
        }
        if not failed:
            return texts[kind]
        return texts[kind] + " · " + self.tr("failed at registrar")

    def headerData(self, section: int, orientation, role: int = Qt.ItemDataRole.DisplayRole):
        if orientation != Qt.Orientation.Horizontal or role != Qt.ItemDataRole.DisplayRole:
            return None
        names = {
            "verdict": self.tr("Verdict"),
            "errors": self.tr("Errors"),
            "warnings": self.tr("Warnings"),
            "name": self.tr("Holder"),
            "source": self.tr("Source"),
            "codes": self.tr("Codes"),
        }
        return names[COLUMNS[section]]

    def set_language(self, lang: str) -> None:
        self.lang = lang
        self.headerDataChanged.emit(Qt.Orientation.Horizontal, 0, len(COLUMNS) - 1)
        if self.items:
            self.dataChanged.emit(self.index(0, 0), self.index(len(self.items) - 1, 0))


class PortfolioFilter(QSortFilterProxyModel):
    """Shows only the verdict and code chosen ("" = all); sorting is the source model's."""

    def __init__(self, parent=None) -> None:
        super().__init__(parent)
        self.verdict = ""
        self.code = ""

    def sort(self, column: int, order=Qt.SortOrder.AscendingOrder) -> None:
        if column >= 0:
            self.sourceModel().sort(column, order)

    def set_filter(self, verdict_kind: str, code: str) -> None:
        if hasattr(self, "beginFilterChange"):  # Qt >= 6.10
            self.beginFilterChange()
            self.verdict, self.code = verdict_kind, code
            self.endFilterChange(QSortFilterProxyModel.Direction.Rows)
        else:
            self.verdict, self.code = verdict_kind, code
            self.invalidateRowsFilter()

    def filterAcceptsRow(self, row: int, parent: Index) -> bool:
        model: PortfolioModel = self.sourceModel()
        if self.verdict and model.verdict_of(row) != self.verdict:
            return False
        return not self.code or self.code in model.codes_of(row)
