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


def test_pdf_has_a_title_page_numbers_and_no_split_rows(qtbot, make_window, dialogs, tmp_path):
    """Many findings: the report runs to several pages, each block whole on one page."""
    import json

    import pypdfium2

    from desktop.core import report_html
    from desktop.ui.report_export import report_scans
    from tests.ui.layout_probe import FIXABLE

    window = make_window("zh")
    record = tmp_path / "r.json"
    record.write_text(json.dumps(FIXABLE, ensure_ascii=False), encoding="utf-8")
    window.open_record(record)
    target = tmp_path / "report.pdf"
    dialogs.answers["getSaveFileName"] = (str(target), "")
    window.menus.pdf.trigger()

    pdf = pypdfium2.PdfDocument(str(target))
    pages = len(pdf)
    assert pdf.get_metadata_dict()["Title"] == "实名认证预检报告"
    assert pages >= 2
    for number in range(pages):
        text = pdf[number].get_textpage().get_text_range()
        assert f"第 {number + 1} 页，共 {pages} 页" in text
    scans = report_scans(window.scans.cards, window.findings)
    blocks = report_html.report_blocks(window.current_record(), window.findings, "zh", scans)
    assert len(blocks) > pages


def test_paginate_moves_a_block_that_does_not_fit_to_the_next_page():
    from desktop.ui.report_export import BLOCK_GAP, paginate

    pages = paginate([300, 300, 300, 900, 50], 700)
    assert [[index for index, _ in page] for page in pages] == [[0, 1], [2], [3], [4]]
    assert pages[0][1][1] == 300 + BLOCK_GAP  # the second block starts under the first


def test_export_offers_the_holder_and_date_in_the_last_folder(
    qtbot, window, dialogs, record_file, tmp_path
):
    from datetime import date

    window.open_record(record_file)
    reports = tmp_path / "reports"
    reports.mkdir()
    window.settings.set_folder("report", reports)
    window.menus.pdf.trigger()
    ((_, args),) = [c for c in dialogs.calls if c[0] == "getSaveFileName"]
    assert args[2] == str(reports / f"Pre-check Zhang San {date.today().isoformat()}.pdf")
