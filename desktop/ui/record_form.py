"""The registrant form, grouped like the registrar's: holder, name, certificate, domain, contact.

The form only edits a :class:`~desktop.core.record.Record` and shows findings it is given: each
failing field gets a ``severity`` property and its messages right under it. A field shows its marks
once it was touched (edited, or loaded from a file), so a new, empty form is not a wall of red.
"""

from __future__ import annotations

from collections.abc import Iterable

from PySide6.QtCore import QEvent, QObject, Qt, Signal
from PySide6.QtGui import QKeyEvent, QShowEvent
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from desktop.core import cert_types, rules
from desktop.core.findings import SEVERITY_ORDER, Finding, worst
from desktop.core.record import Record
from desktop.ui.highlight import set_severity

GROUPS: tuple[tuple[str, tuple[str, ...]], ...] = (
    ("holder", ("holder_type", "region", "site")),
    ("name", ("name_zh", "name_en")),
    ("cert", ("cert_type", "cert_number", "cert_issue_date", "cert_expiry_date",
              "special_occupation")),
    ("domain", ("domain",)),
    ("contact", ("phone_cc", "phone", "phone_ext", "email", "country", "province", "city",
                 "address", "postal_code")),
)  # fmt: skip
COMBOS = ("holder_type", "region", "site", "cert_type")
FIELDS = tuple(name for _, names in GROUPS for name in names)
NAMED_REGIONS = ("CN", "HK", "MO", "TW")
OVERSEAS = "OS"
EDITOR_MIN_CHARS = 24  # an 18-digit ID number, a domain or an e-mail address stays readable


def field_label(name: str, lang: str) -> str:
    """The core's display name of a record key in ``lang``."""
    return rules.load("field_labels").get(name, {}).get(lang, name)


class FieldRow(QWidget):
    """An editor, its message label underneath, and under that an optional "Apply fix" line.

    The fix line never sits beside the editor (it would squeeze it) and is not in the Tab chain
    (a button appearing while the user types must not catch the next keystrokes): the mouse
    clicks it, the keyboard uses Ctrl+Enter in the field.
    """

    fixClicked = Signal(str)  # field

    def __init__(self, name: str, editor: QWidget, extra: QWidget | None = None) -> None:
        super().__init__()
        self.name, self.editor, self.fix_value = name, editor, ""
        self.message = QLabel(objectName="fieldMessage", wordWrap=True, visible=False)
        self.message.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.fix_button = QPushButton(objectName="fixButton")
        self.fix_button.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.fix_button.clicked.connect(lambda: self.fixClicked.emit(self.name))
        self.fix_text = QLabel(objectName="fixValue", wordWrap=True)
        self.fix_line = QWidget(objectName="fixLine", visible=False)
        fix = QHBoxLayout(self.fix_line)
        fix.setContentsMargins(0, 0, 0, 0)
        fix.addWidget(self.fix_button, 0, Qt.AlignmentFlag.AlignTop)
        fix.addWidget(self.fix_text, 1)
        line = QHBoxLayout()
        line.setContentsMargins(0, 0, 0, 0)
        line.addWidget(editor, 1)
        if extra is not None:
            line.addWidget(extra)
        box = QVBoxLayout(self)
        box.setContentsMargins(0, 0, 0, 0)
        box.setSpacing(2)
        box.addLayout(line)
        box.addWidget(self.message)
        box.addWidget(self.fix_line)

    def show_marks(
        self, severity: str, messages: list[str], fix: str | None, fix_text: str
    ) -> None:
        set_severity(self.editor, severity)
        set_severity(self.message, severity)
        self.message.setText("\n".join(messages))
        self.message.setVisible(bool(messages))
        self.fix_value = fix or ""
        self.fix_text.setText(fix_text)
        self.fix_button.setToolTip(self.fix_value)
        self.fix_line.setVisible(fix is not None)

    @property
    def has_fix(self) -> bool:
        return not self.fix_line.isHidden()


class RecordForm(QScrollArea):
    """Edits every text field of a record; ``changed`` fires on each user edit.

    Keyboard: Tab walks the fields in a fixed order, Enter moves to the next field, Ctrl+Enter
    asks for the fix of the focused field (``fixRequested``: the window checks first, so the fix
    applied is the one for what is typed now).
    """

    changed = Signal()
    fixRequested = Signal(str)  # field

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("recordForm")
        self.setWidgetResizable(True)
        self.setFrameShape(QScrollArea.Shape.NoFrame)
        # Never needed at 1366 px and above; a very narrow window scrolls rather than clips.
        self.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAsNeeded)
        self._lang = "zh"
        self._loading = False
        self._touched: set[str] = set()
        self.editors: dict[str, QWidget] = {}
        self.rows: dict[str, FieldRow] = {}
        self._labels: dict[str, QLabel] = {}
        self._groups: dict[str, QGroupBox] = {}
        self.region_code = QLineEdit(objectName="regionCode", maxLength=2, visible=False)
        self.region_code.setMaximumWidth(60)
        self.region_code.textEdited.connect(lambda _: self._edited("region"))
        self._build()
        self.set_language("zh")

    # -- building -------------------------------------------------------------------------

    def _build(self) -> None:
        inner = QWidget(objectName="recordFormInner")
        column = QVBoxLayout(inner)
        for group, names in GROUPS:
            box = self._groups[group] = QGroupBox()
            form = QFormLayout(box)
            form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
            for name in names:
                form.addRow(self._label(name), self._row(name))
            column.addWidget(box)
        column.addStretch(1)
        self.setWidget(inner)
        self._chain_tab_order()

    def _chain_tab_order(self) -> None:
        """Tab follows the form top to bottom, whatever appears or hides while typing."""
        self.chain = [self.editors[name] for name in FIELDS]
        self.chain.insert(FIELDS.index("region") + 1, self.region_code)
        for first, second in zip(self.chain, self.chain[1:], strict=False):
            QWidget.setTabOrder(first, second)
        for editor in self.chain:
            editor.installEventFilter(self)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        """Enter: next field; Ctrl+Enter: apply the field's fix (an open combo list is spared)."""
        if (
            event.type() == QEvent.Type.KeyPress
            and isinstance(event, QKeyEvent)
            and event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter)
            and watched in self.chain
        ):
            mods = event.modifiers() & ~Qt.KeyboardModifier.KeypadModifier
            if mods == Qt.KeyboardModifier.ControlModifier:
                self.fixRequested.emit(self._field_of(watched))
                return True
            if mods == Qt.KeyboardModifier.NoModifier:
                self.focus_next(watched)
                return True
        return super().eventFilter(watched, event)

    def _field_of(self, widget: QObject) -> str:
        return "region" if widget is self.region_code else widget.objectName()

    def focus_next(self, widget: QWidget) -> None:
        """Give the focus to the next visible field after ``widget`` (after the last: onwards)."""
        later = self.chain[self.chain.index(widget) + 1 :]
        target = next((w for w in later if w.isVisibleTo(self) and w.isEnabled()), None)
        if target is None:
            widget.nextInFocusChain().setFocus(Qt.FocusReason.TabFocusReason)
            return
        self.ensureWidgetVisible(target)
        target.setFocus(Qt.FocusReason.TabFocusReason)

    def _label(self, name: str) -> QLabel:
        label = self._labels[name] = QLabel()
        return label

    def _row(self, name: str) -> FieldRow:
        editor = self._editor(name)
        editor.setObjectName(name)  # the record key: automation and accessibility rely on it
        if not isinstance(editor, QCheckBox):
            editor.setMinimumWidth(editor.fontMetrics().averageCharWidth() * EDITOR_MIN_CHARS)
        self.editors[name] = editor
        self._labels[name].setBuddy(editor)
        extra = self.region_code if name == "region" else None
        row = self.rows[name] = FieldRow(name, editor, extra)
        row.fixClicked.connect(self.fixRequested)
        return row

    def _editor(self, name: str) -> QWidget:
        if name == "special_occupation":
            box = QCheckBox()
            box.clicked.connect(lambda: self._edited(name))
            return box
        if name in COMBOS:
            combo = QComboBox(minimumContentsLength=16)
            # Long certificate names must not widen the form; the open list shows them in full.
            combo.setSizeAdjustPolicy(
                QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon
            )
            combo.activated.connect(lambda _: self._edited(name))
            return combo
        edit = QLineEdit()
        edit.textEdited.connect(lambda _: self._edited(name))
        return edit

    def _edited(self, name: str) -> None:
        if self._loading:
            return
        self._touched.add(name)
        if name in ("holder_type", "region"):
            self._sync_region_code()
            self._fill_cert_types(self._combo_value("cert_type"))
        self.changed.emit()

    # -- language ---------------------------------------------------------------------------

    def set_language(self, lang: str) -> None:
        """Relabel everything in ``lang`` (field names come from the core's data)."""
        self._lang = lang
        titles = {
            "holder": self.tr("Holder"),
            "name": self.tr("Holder name"),
            "cert": self.tr("Certificate"),
            "domain": self.tr("Domain"),
            "contact": self.tr("Contact"),
        }
        for group, box in self._groups.items():
            box.setTitle(titles[group])
        for name, label in self._labels.items():
            label.setText(field_label(name, lang))
            self.editors[name].setAccessibleName(field_label(name, lang))
        self.region_code.setAccessibleName(self.tr("Country or region code"))
        for row in self.rows.values():
            row.fix_button.setText(self.tr("Apply fix"))
        self.region_code.setPlaceholderText(self.tr("e.g. US"))
        self._set_placeholders()
        self._loading = True
        try:
            self._fill_fixed_combos()
            self._fill_cert_types(self._combo_value("cert_type"))
        finally:
            self._loading = False
        self._align_labels()

    def _align_labels(self) -> None:
        """One label column across all groups, and no sideways scrolling."""
        width = max(label.sizeHint().width() for label in self._labels.values())
        for label in self._labels.values():
            label.setMinimumWidth(width)
        inner = self.widget().minimumSizeHint().width()
        self.setMinimumWidth(inner + self.verticalScrollBar().sizeHint().width())

    def showEvent(self, event: QShowEvent) -> None:
        """Measure again once the style sheet and the screen's fonts apply (they widen labels)."""
        super().showEvent(event)
        self.widget().ensurePolished()
        for widget in self.widget().findChildren(QWidget):
            widget.ensurePolished()
        self._align_labels()

    def _set_placeholders(self) -> None:
        texts = {
            "name_zh": self.tr("As printed on the document"),
            "name_en": self.tr("English name or pinyin"),
            "cert_number": self.tr("Exactly as printed"),
            "cert_issue_date": self.tr("YYYY-MM-DD"),
            "cert_expiry_date": self.tr("YYYY-MM-DD, or 长期 (long-term)"),
            "domain": self.tr("e.g. example.cn"),
            "phone_cc": self.tr("e.g. 86"),
            "phone": self.tr("Mobile or landline, without the country code"),
            "email": self.tr("name@example.com"),
            "country": self.tr("Two-letter code, e.g. CN"),
        }
        for name, text in texts.items():
            self.editors[name].setPlaceholderText(text)

    def _fill_fixed_combos(self) -> None:
        choose = self.tr("— choose —")
        holder = [("", choose), ("individual", self.tr("Individual")),
                  ("organization", self.tr("Organization"))]  # fmt: skip
        names = rules.load("regions")["region_names"]
        region = [("", choose), *((c, names[c][self._lang]) for c in NAMED_REGIONS),
                  (OVERSEAS, self.tr("Other country or region (enter its code)"))]  # fmt: skip
        site = [("china", self.tr("China site (aliyun.com)")),
                ("international", self.tr("International site (alibabacloud.com)"))]  # fmt: skip
        for name, items in (("holder_type", holder), ("region", region), ("site", site)):
            combo = self.editors[name]
            _refill(combo, items, self._combo_value(name) if combo.count() else items[0][0])

    def _fill_cert_types(self, current: str) -> None:
        holder = self._combo_value("holder_type")
        region = self._region_value()
        kinds = cert_types.for_holder(holder, region) if holder else _any_holder(region)
        items = [("", self.tr("— choose —"))]
        items += [(t.code, t.name(self._lang)) for t in kinds]
        if current and all(code != current for code, _ in items):
            entry = cert_types.lookup(current)
            items.append((current, entry.name(self._lang) if entry else current))
        combo = self.editors["cert_type"]
        _refill(combo, items, current)
        for index in range(combo.count()):
            combo.setItemData(index, combo.itemData(index) or None, Qt.ItemDataRole.ToolTipRole)

    # -- values -----------------------------------------------------------------------------

    def _combo_value(self, name: str) -> str:
        combo = self.editors[name]
        return combo.currentData() or "" if combo.count() else ""

    def _region_value(self) -> str:
        value = self._combo_value("region")
        return self.region_code.text() if value == OVERSEAS else value

    def _region_is_overseas(self) -> bool:
        return self._combo_value("region") == OVERSEAS

    def _sync_region_code(self) -> None:
        overseas = self._combo_value("region") == OVERSEAS
        self.region_code.setVisible(overseas)
        if not overseas:
            self.region_code.clear()

    def record(self) -> Record:
        """The record as typed (``images`` empty: scans live in the scan list)."""
        values: dict = {}
        for name in FIELDS:
            editor = self.editors[name]
            if name == "region":
                values[name] = self._region_value()
            elif name in COMBOS:
                values[name] = self._combo_value(name)
            elif isinstance(editor, QCheckBox):
                values[name] = editor.isChecked()
            else:
                values[name] = editor.text()
        return Record(**values)

    def set_record(self, record: Record, *, touched: bool = True) -> None:
        """Show ``record``; ``touched`` marks every field (a loaded file shows all its problems)."""
        self._loading = True
        try:
            for name in ("holder_type", "site"):
                _select(self.editors[name], getattr(record, name))
            self._set_region(record.region)
            self._fill_cert_types(record.cert_type)
            for name in FIELDS:
                editor = self.editors[name]
                if isinstance(editor, QLineEdit):
                    editor.setText(getattr(record, name))
                    editor.setCursorPosition(0)  # a long loaded value shows its beginning
                elif isinstance(editor, QCheckBox):
                    editor.setChecked(record.special_occupation)
        finally:
            self._loading = False
        self._touched = set(FIELDS) if touched else set()

    def _set_region(self, region: str) -> None:
        code = region.strip().upper()
        combo = self.editors["region"]
        if not region or code in NAMED_REGIONS:
            _select(combo, code)
            self.region_code.clear()
        else:
            _select(combo, OVERSEAS)
            self.region_code.setText(region)
        self.region_code.setVisible(self._combo_value("region") == OVERSEAS)

    def apply_value(self, name: str, value: str) -> None:
        """Put a corrected value into a field, as if the user typed it."""
        editor = self.editors.get(name)
        if editor is None:
            return
        if name == "region":
            self._set_region(value)
            self._fill_cert_types(self._combo_value("cert_type"))
        elif name == "cert_type":
            self._fill_cert_types(value)
        elif name in COMBOS:
            _select(editor, value)
        elif isinstance(editor, QLineEdit):
            editor.setText(value)
        self._touched.add(name)
        self.changed.emit()

    @property
    def touched(self) -> frozenset[str]:
        return frozenset(self._touched)

    def is_blank(self) -> bool:
        """True when nothing was entered yet (a new record)."""
        return self.record() == Record(site=self._combo_value("site") or "china")

    # -- findings ---------------------------------------------------------------------------

    def show_findings(self, findings: Iterable[Finding]) -> None:
        """Mark touched fields with their worst severity and list their messages under them."""
        marks: dict[str, list[Finding]] = {name: [] for name in FIELDS}
        texts: dict[str, list[Finding]] = {name: [] for name in FIELDS}
        for finding in findings:
            shown = [f for f in finding.fields if f in marks and f in self._touched]
            for name in shown:
                marks[name].append(finding)
            if shown:
                texts[shown[0]].append(finding)
        for name, row in self.rows.items():
            self._mark(row, marks[name], texts[name])

    def _mark(self, row: FieldRow, marks: list[Finding], texts: list[Finding]) -> None:
        level = worst(marks)
        fix = next((f for f in texts if f.fix is not None and f.fields[0] == row.name), None)
        shown = self.tr("“%1” · Ctrl+Enter").replace("%1", fix.fix) if fix else ""
        row.show_marks(level, [f.message(self._lang) for f in texts], fix and fix.fix, shown)
        if row.name == "region":
            set_severity(self.region_code, level if self._region_is_overseas() else "")

    def apply_fix(self, name: str) -> bool:
        """Put the shown fix of ``name`` in (True), or do nothing when it offers none."""
        row = self.rows.get(name)
        if row is None or not row.has_fix:
            return False
        self.apply_value(name, row.fix_value)
        return True

    def focus_first(self, findings: Iterable[Finding]) -> None:
        """Scroll to the top and focus the first field, top to bottom, with an error (else a
        warning, else the first field): where a freshly opened or new record needs work."""
        self.verticalScrollBar().setValue(0)
        self.horizontalScrollBar().setValue(0)
        rank: dict[str, int] = {}
        for finding in findings:
            for name in finding.fields:
                if name in self._touched:
                    level = SEVERITY_ORDER[finding.severity]
                    rank[name] = min(rank.get(name, 9), level)
        ranked = sorted(FIELDS, key=lambda name: (rank.get(name, 9), FIELDS.index(name)))
        name = ranked[0] if rank else FIELDS[0]
        editor = self.editors[name]
        target = self.region_code if name == "region" and self._region_is_overseas() else editor
        if name != FIELDS[0]:
            self.ensureWidgetVisible(self.rows[name])
        target.setFocus(Qt.FocusReason.OtherFocusReason)

    def focus_field(self, name: str) -> bool:
        """Scroll to a field, mark it touched and give it the keyboard focus."""
        editor = self.editors.get(name)
        if editor is None:
            return False
        self._touched.add(name)
        self.ensureWidgetVisible(self.rows[name])
        target = self.region_code if name == "region" and self._region_is_overseas() else editor
        target.setFocus(Qt.FocusReason.OtherFocusReason)
        return True


def _any_holder(region: str) -> list[cert_types.CertType]:
    seen = {t.code: t for h in ("individual", "organization") for t in
            cert_types.for_holder(h, region)}  # fmt: skip
    return list(seen.values())


def _refill(combo: QComboBox, items: list[tuple[str, str]], current: str) -> None:
    combo.blockSignals(True)
    combo.clear()
    for value, text in items:
        combo.addItem(text, value)
    combo.blockSignals(False)
    combo.view().setMinimumWidth(combo.view().sizeHintForColumn(0) + 24)
    _select(combo, current)


def _select(combo: QComboBox, value: str) -> None:
    """Select the item holding ``value``; an unknown value is kept as its own item, not lost."""
    index = combo.findData(value)
    if index < 0:
        combo.addItem(value or "—", value)
        index = combo.count() - 1
    combo.setCurrentIndex(index)
