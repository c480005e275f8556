"""File ▸ Export report: HTML and PDF of what is on screen, in the window's language."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt

from tests.ui.test_live_checks import type_into
from tests.ui.test_scans import png_named_jpg, wait_read


def test_html_report_has_the_findings_in_chinese_and_the_scan_thumbnail(
    qtbot, make_window, dialogs, record_file, tmp_path
):
    window = make_window("zh")
    window.open_record(record_file)
    findings = type_into(qtbot, window, "cert_number", "110101199003071234")
    scan = png_named_jpg(tmp_path)
    window.scans.add([str(scan)])
    wait_read(qtbot, window, 1)
    target = tmp_path / "report.html"
    dialogs.answers["getSaveFileName"] = (str(target), "")

    window.menus.html.trigger()

    page = target.read_text(encoding="utf-8")
    assert findings[0].message("zh") in page
    assert "提交会被拒绝" in page
    assert "data:image/jpeg;base64," in page
    assert scan.name in page


def test_pdf_report_is_written(qtbot, window, dialogs, record_file, tmp_path):
    window.open_record(record_file)
    target = tmp_path / "report.pdf"
    dialogs.answers["getSaveFileName"] = (str(target), "")

    window.menus.pdf.trigger()

    assert target.read_bytes()[:5] == b"%PDF-"
    assert target.stat().st_size > 1000
    assert [p.name for p in tmp_path.iterdir() if p.name.startswith(".report")] == []


def test_a_report_that_cannot_be_written_says_why(qtbot, window, dialogs, tmp_path):
    target = tmp_path / "missing-folder" / "report.html"
    assert not window.export_report(lambda *args: Path(target).write_text("x"), target)
    assert dialogs.names() == ["warning"]


def test_clicking_the_empty_drop_zone_browses(qtbot, window, dialogs):
    qtbot.mouseClick(window.zone, Qt.MouseButton.LeftButton)
    assert dialogs.names() == ["getOpenFileNames"]
