"""Typing re-checks the record: failing fields get a severity and their message right under them."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QInputMethodEvent
from PySide6.QtWidgets import QApplication

from desktop.core.findings import Finding
from desktop.ui.highlight import severity_of


def type_into(qtbot, window, name: str, text: str) -> list[Finding]:
    """Replace a field's text by typing, and return the findings of the check that follows."""
    editor = window.form.editors[name]
    editor.selectAll()
    with qtbot.waitSignal(window.checked, timeout=3000) as blocker:
        qtbot.keyClick(editor, Qt.Key.Key_Backspace)
        if text.isascii():
            qtbot.keyClicks(editor, text)
        else:  # Chinese and full-width text arrives from the input method, not as key presses
            commit = QInputMethodEvent()
            commit.setCommitString(text)
            QApplication.sendEvent(editor, commit)
    return blocker.args[0]


def about(findings: list[Finding], name: str) -> list[Finding]:
    return [f for f in findings if name in f.fields]


def test_wrong_id_number_is_marked_with_its_message_and_fixing_clears_it(
    qtbot, window, record_file
):
    window.open_record(record_file)
    row = window.form.rows["cert_number"]

    findings = type_into(qtbot, window, "cert_number", "110101199003071234")

    (wrong,) = about(findings, "cert_number")
    assert wrong.code == "CERT_NUMBER_CHECKSUM"
    assert severity_of(row.editor) == "error"
    assert row.message.isVisible()
    assert row.message.text() == wrong.message("en")

    findings = type_into(qtbot, window, "cert_number", "110101199003071233")

    assert about(findings, "cert_number") == []
    assert severity_of(row.editor) == ""
    assert not row.message.isVisible()


def test_apply_fix_next_to_the_field_puts_the_corrected_value_in(qtbot, window, record_file):
    window.open_record(record_file)
    row = window.form.rows["cert_number"]
    type_into(qtbot, window, "cert_number", "110101199003071233(1-1)")
    assert row.fix_button.isVisible()
    assert severity_of(row.editor) == "error"

    with qtbot.waitSignal(window.checked, timeout=3000) as blocker:
        qtbot.mouseClick(row.fix_button, Qt.MouseButton.LeftButton)

    assert row.editor.text() == "110101199003071233"
    assert about(blocker.args[0], "cert_number") == []
    assert not row.fix_button.isVisible()


def test_a_warning_gets_the_warning_look(qtbot, window, record_file):
    window.open_record(record_file)
    findings = type_into(qtbot, window, "cert_expiry_date", "2000-01-01")
    expired = about(findings, "cert_expiry_date")
    assert expired
    expected = min(str(f.severity) for f in expired)  # "error" < "warning"
    assert severity_of(window.form.editors["cert_expiry_date"]) == expected


def test_a_new_record_marks_only_what_was_touched(qtbot, window):
    assert window.status.property("severity") == ""
    assert window.panel.rows == []

    findings = type_into(qtbot, window, "domain", "example.cn")

    assert about(findings, "cert_number")  # missing: listed in the panel...
    assert severity_of(window.form.editors["cert_number"]) == ""  # ...but not shouted in red yet
    assert [row.finding for row in window.panel.rows] == findings
    assert window.status.property("severity") == "error"


def test_clicking_a_finding_focuses_its_field(qtbot, window):
    findings = type_into(qtbot, window, "domain", "example.cn")
    (row,) = [r for r in window.panel.rows if r.finding.fields[0] == "cert_number"]

    qtbot.mouseClick(row, Qt.MouseButton.LeftButton)

    assert window.focusWidget() is window.form.editors["cert_number"]
    assert severity_of(window.form.editors["cert_number"]) == "error"
    assert about(findings, "cert_number")


def test_apply_fix_in_the_findings_panel(qtbot, window, record_file):
    window.open_record(record_file)
    type_into(qtbot, window, "cert_number", "１１０１０１１９９００３０７１２３３")
    (row,) = [r for r in window.panel.rows if r.fix_button is not None]

    with qtbot.waitSignal(window.checked, timeout=3000) as blocker:
        qtbot.mouseClick(row.fix_button, Qt.MouseButton.LeftButton)

    assert window.form.editors["cert_number"].text() == "110101199003071233"
    assert about(blocker.args[0], "cert_number") == []
    assert window.focusWidget() is window.form.editors["cert_number"]


def test_status_summary_counts_errors_and_names_the_registry_reply(qtbot, window, record_file):
    window.open_record(record_file)
    findings = type_into(qtbot, window, "cert_number", "110101199003071234")

    assert window.status.property("severity") == "error"
    assert window.status.title.text() == "1 error — would be rejected"
    assert findings[0].registry_message("en") in window.status.detail.text()


def test_status_summary_without_errors_asks_for_the_scan(qtbot, window, record_file):
    window.open_record(record_file)
    assert window.findings == []
    assert window.status.property("severity") == "warning"
    assert "add the certificate scan" in window.status.title.text()


def test_certificate_types_follow_holder_type_and_region(qtbot, window):
    form = window.form

    def choose(name: str, value: str) -> None:
        combo = form.editors[name]
        combo.setCurrentIndex(combo.findData(value))
        combo.activated.emit(combo.currentIndex())

    def offered() -> set[str]:
        combo = form.editors["cert_type"]
        return {combo.itemData(i) for i in range(combo.count())} - {""}

    choose("holder_type", "organization")
    choose("region", "CN")
    assert {"YYZZ", "TYDM", "ORG"} <= offered()
    assert "SFZ" not in offered()
    choose("holder_type", "individual")
    choose("region", "HK")
    assert {"GAJMTX", "HZ"} <= offered()
    assert "SFZ" not in offered()
    combo = form.editors["cert_type"]
    index = combo.findData("GAJMTX")
    assert combo.itemText(index) == "Mainland Travel Permit for Hong Kong and Macao Residents"
    assert combo.itemData(index, Qt.ItemDataRole.ToolTipRole) == "GAJMTX"


def test_a_type_that_does_not_fit_is_kept_and_flagged(qtbot, window, record_file):
    window.open_record(record_file)
    combo = window.form.editors["region"]
    combo.setCurrentIndex(combo.findData("HK"))
    with qtbot.waitSignal(window.checked, timeout=3000) as blocker:
        combo.activated.emit(combo.currentIndex())

    assert window.form.record().cert_type == "SFZ"
    assert "REGION_CERT_MISMATCH" in {f.code for f in blocker.args[0]}
    assert severity_of(window.form.editors["cert_type"]) == "error"


def test_overseas_region_takes_a_country_code(qtbot, window):
    form = window.form
    combo = form.editors["region"]
    combo.setCurrentIndex(combo.findData("OS"))
    combo.activated.emit(combo.currentIndex())
    assert form.region_code.isVisible()
    qtbot.keyClicks(form.region_code, "US")
    assert form.record().region == "US"
