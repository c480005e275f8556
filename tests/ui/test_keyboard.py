"""The form used from the keyboard only, as a reseller types all day.

Keys go to whatever widget has the focus (never to a chosen editor), so a fix button or any other
widget that sneaks into the Tab chain while findings appear would swallow the next value.
"""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QInputMethodEvent
from PySide6.QtWidgets import QApplication, QPushButton

from desktop.core import record as records
from desktop.ui.main_window import CHECK_DELAY_MS
from desktop.ui.record_form import FIELDS

# What a person does in each field, top to bottom: text to type, or Down presses in a list.
# Several values offer a fix (cert_number, domain, phone_cc, email, postal_code, province...), so
# fix buttons appear while the next fields are typed.
KEYS: tuple[tuple[str, str | int], ...] = (
    ("holder_type", 1),  # — choose — → Individual
    ("region", 1),  # → mainland China
    ("site", 0),
    ("name_zh", "张三 "),
    ("name_en", "zhang  san"),
    ("cert_type", 1),
    ("cert_number", "110101199003071233(1-1)"),
    ("cert_issue_date", "2016-06-01"),
    ("cert_expiry_date", "长期"),
    ("special_occupation", 0),
    ("domain", "www.zhangsan.cn"),
    ("phone_cc", "+86"),
    ("phone", "+86 138 0000 0000"),
    ("phone_ext", ""),
    ("email", "zhangsan@example.con"),
    ("country", "cn"),
    ("province", "浙江"),
    ("city", "杭州"),
    ("address", "浙江省杭州市西湖区文三路100号"),
    ("postal_code", "３１００１２"),
)
FIXABLE = ("name_zh", "name_en", "cert_number", "domain", "phone_cc", "phone", "email",
           "country", "province", "city", "postal_code")  # fmt: skip


def focused():
    return QApplication.focusWidget()


def type_text(qtbot, text: str) -> None:
    """ASCII as key presses; Chinese and full-width text as the input method commits it."""
    widget = focused()
    if text.isascii():
        qtbot.keyClicks(widget, text)
        return
    event = QInputMethodEvent()
    event.setCommitString(text)
    QApplication.sendEvent(widget, event)


def activate(qtbot, window) -> None:
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow, timeout=3000)


def type_form(qtbot, window, *, pause_ms: int, next_key: Qt.Key = Qt.Key.Key_Tab) -> None:
    activate(qtbot, window)
    window.form.editors[KEYS[0][0]].setFocus()
    for index, (name, keys) in enumerate(KEYS):
        assert focused().objectName() == name  # the value goes where the person thinks it does
        if isinstance(keys, int):
            for _ in range(keys):
                qtbot.keyClick(focused(), Qt.Key.Key_Down)
        else:
            type_text(qtbot, keys)
        qtbot.wait(pause_ms)  # the check runs and fix buttons appear before the next key
        key = next_key if index % 2 else Qt.Key.Key_Tab  # the two keys in turn
        qtbot.keyClick(focused(), key)


def expected_values() -> dict:
    values = dict(records.Record(site="china").__dict__)
    values.update(holder_type="individual", region="CN", cert_type="SFZ", images=[])
    values.update({name: keys for name, keys in KEYS if isinstance(keys, str)})
    return values


@pytest.mark.parametrize("lang", ["zh", "en"])
@pytest.mark.parametrize("pause_ms", [CHECK_DELAY_MS + 100, 0], ids=["checked", "fast"])
@pytest.mark.parametrize("next_key", [Qt.Key.Key_Tab, Qt.Key.Key_Return], ids=["tab", "enter"])
def test_typing_through_the_form_puts_every_value_in_its_own_field(
    qtbot, make_window, lang, pause_ms, next_key
):
    window = make_window(lang)
    type_form(qtbot, window, pause_ms=pause_ms, next_key=next_key)
    window.run_checks()

    got = window.form.record()
    assert got.__dict__ == expected_values()
    shown = [name for name, row in window.form.rows.items() if row.fix_button.isVisible()]
    assert shown == list(FIXABLE)  # every fix offered, none of them took a keystroke


@pytest.mark.parametrize("lang", ["zh", "en"])
def test_tab_order_is_fixed_while_fixes_are_shown(qtbot, make_window, lang):
    window = make_window(lang)
    type_form(qtbot, window, pause_ms=CHECK_DELAY_MS + 100)
    window.run_checks()
    assert all(window.form.rows[name].fix_button.isVisible() for name in FIXABLE)

    window.form.editors["holder_type"].setFocus()
    order = [focused().objectName()]
    for _ in FIELDS[1:]:
        qtbot.keyClick(focused(), Qt.Key.Key_Tab)
        order.append(focused().objectName())
    assert order == list(FIELDS)
    assert not [b for b in window.findChildren(QPushButton, "fixButton") if b.focusPolicy()
                != Qt.FocusPolicy.NoFocus]  # fmt: skip


def test_region_code_box_joins_the_chain_after_the_region(qtbot, window):
    activate(qtbot, window)
    region = window.form.editors["region"]
    region.setFocus()
    qtbot.keyClick(region, Qt.Key.Key_End)  # the last entry: another country or region
    assert window.form.region_code.isVisible()
    qtbot.keyClick(region, Qt.Key.Key_Tab)
    assert focused() is window.form.region_code
    qtbot.keyClicks(focused(), "US")
    qtbot.keyClick(focused(), Qt.Key.Key_Tab)
    assert focused().objectName() == "site"
    assert window.form.record().region == "US"


@pytest.mark.parametrize("lang", ["zh", "en"])
def test_ctrl_enter_applies_the_fix_of_the_focused_field(qtbot, make_window, lang):
    window = make_window(lang)
    activate(qtbot, window)
    window.form.editors["domain"].setFocus()
    qtbot.keyClicks(focused(), "www.zhangsan.cn")
    qtbot.keyClick(focused(), Qt.Key.Key_Tab)
    qtbot.keyClicks(focused(), "+86")
    # at once, before the check ran: the fix is the one for what is typed now
    qtbot.keyClick(focused(), Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)

    assert focused().objectName() == "phone_cc"
    assert window.form.editors["phone_cc"].text() == "86"
    assert window.form.editors["domain"].text() == "www.zhangsan.cn"  # untouched
    qtbot.keyClick(focused(), Qt.Key.Key_Tab, Qt.KeyboardModifier.ShiftModifier)
    qtbot.keyClick(focused(), Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)
    assert window.form.editors["domain"].text() == "zhangsan.cn"
    assert not window.form.rows["domain"].fix_button.isVisible()


def test_ctrl_enter_without_a_fix_changes_nothing(qtbot, window):
    activate(qtbot, window)
    window.form.editors["phone"].setFocus()
    qtbot.keyClicks(focused(), "13800000000")
    qtbot.keyClick(focused(), Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)
    assert focused().objectName() == "phone"
    assert window.form.editors["phone"].text() == "13800000000"


def test_ctrl_enter_on_a_finding_row_applies_its_fix(qtbot, window):
    activate(qtbot, window)
    window.form.editors["domain"].setFocus()
    qtbot.keyClicks(focused(), "www.zhangsan.cn")
    window.run_checks()
    (row,) = [r for r in window.panel.rows if r.fix_button is not None]
    assert row.fix_button.focusPolicy() == Qt.FocusPolicy.NoFocus
    row.setFocus()
    qtbot.keyClick(row, Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)
    assert window.form.editors["domain"].text() == "zhangsan.cn"
