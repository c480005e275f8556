"""File ▸ Open portfolio: the table, sorting and filters, Cancel, drag and drop, editing a row
in the form and saving it back to the sheet, exports, converting every scan."""

from __future__ import annotations

import csv
import json
from pathlib import Path

from PySide6.QtCore import QModelIndex, Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication

from desktop.core.batch.tabular import decode_csv
from tests.batch import portfolio
from tests.ui.test_scans import drop


def open_sheet(qtbot, window, paths: list[Path]):
    table = window.portfolio_window()
    table.show()
    qtbot.waitExposed(table)
    with qtbot.waitSignal(table.loaded, timeout=60_000):
        table.load(paths)
    return table


def rows(table) -> list[list[str]]:
    proxy = table.proxy
    return [[proxy.index(r, c).data() for c in range(proxy.columnCount())]
            for r in range(proxy.rowCount())]  # fmt: skip


def test_menu_opens_a_sheet(qtbot, window, dialogs, tmp_path: Path) -> None:
    sheet = portfolio.excel_csv(tmp_path / "客户.csv", portfolio.people())
    dialogs.answers["getOpenFileNames"] = ([str(sheet)], "")
    window.menus.portfolio.trigger()
    table = window.portfolio
    qtbot.waitUntil(lambda: table.model.rowCount() == 5, timeout=60_000)
    assert "Ctrl+Shift+P" in window.menus.portfolio.shortcut().toString()
    shown = rows(table)
    assert [r[3] for r in shown][:3] == ["张三", "张三", "李四"]
    assert shown[0][0] == "Would be rejected" and "DUPLICATE_CERT_NUMBER" in shown[0][5]
    assert table.count.text() == "5 of 5 records"


def test_sort_and_filter(qtbot, window, tmp_path: Path) -> None:
    table = open_sheet(qtbot, window, [portfolio.excel_csv(tmp_path / "a.csv",
                                                          portfolio.people())])  # fmt: skip
    table.table.sortByColumn(2, Qt.SortOrder.DescendingOrder)  # warnings, most first
    assert rows(table)[0][3] == "北京星辰云科技 有限公司"
    table.verdict_filter.setCurrentIndex(table.verdict_filter.findData("warning"))
    assert [r[3] for r in rows(table)] == ["北京星辰云科技有限公司"]
    table.verdict_filter.setCurrentIndex(0)
    table.code_filter.setCurrentIndex(table.code_filter.findData("PHONE_FORMAT"))
    assert [r[3] for r in rows(table)] == ["北京星辰云科技 有限公司"]
    assert table.count.text() == "1 of 5 records"


def test_double_click_edit_and_save_back_to_the_row(qtbot, window, tmp_path: Path) -> None:
    sheet = portfolio.excel_csv(tmp_path / "a.csv", portfolio.people())
    table = open_sheet(qtbot, window, [sheet])
    index = table.proxy.index(2, 3)  # 李四: same number as 张三
    rect = table.table.visualRect(index)
    viewport = table.table.viewport()
    QTest.mouseClick(viewport, Qt.MouseButton.LeftButton, pos=rect.center())  # as a hand does
    QTest.mouseDClick(viewport, Qt.MouseButton.LeftButton, pos=rect.center())
    qtbot.waitUntil(lambda: window.form.editors["name_zh"].text() == "李四")
    editor = window.form.editors["name_zh"]
    editor.selectAll()
    editor.insert("张三")  # what an input method commits
    editor.editingFinished.emit()
    window.menus.save.trigger()  # File ▸ Save
    assert not window.isWindowModified()
    lines = list(csv.reader(decode_csv(sheet.read_bytes()).splitlines()))
    assert lines[3][3] == "张三" and lines[1][3] == "张三"  # that row, nothing else
    assert "李四" not in decode_csv(sheet.read_bytes())
    assert all("DUPLICATE_CERT_NUMBER" not in r[5] for r in rows(table)[:3])


def test_record_file_opens_as_itself(qtbot, window, tmp_path: Path) -> None:
    folder = tmp_path / "records"
    folder.mkdir()
    (folder / "a.json").write_text(json.dumps(portfolio.example(phone="12")), encoding="utf-8")
    table = open_sheet(qtbot, window, [folder])
    table.openRequested.emit(table.item_at(table.proxy.index(0, 0)))
    assert window.record_path == (folder / "a.json").resolve()
    editor = window.form.editors["phone"]
    editor.selectAll()
    QTest.keyClicks(editor, "13800000000")
    assert window.save()
    assert json.loads((folder / "a.json").read_text("utf-8"))["phone"] == "13800000000"
    assert rows(table)[0][0] == "Ready"


def test_drop_a_sheet_on_the_window(qtbot, window, tmp_path: Path) -> None:
    book = portfolio.xlsx(tmp_path / "b.xlsx", portfolio.people()[:2])
    table = window.portfolio_window()
    table.show()
    qtbot.waitExposed(table)
    with qtbot.waitSignal(table.loaded, timeout=60_000):
        drop(table, [book])
    assert table.model.rowCount() == 2


def test_cancel(qtbot, window, tmp_path: Path) -> None:
    rows_ = [portfolio.example(name_zh=f"张{i}") for i in range(3000)]
    sheet = portfolio.excel_csv(tmp_path / "big.csv", rows_)
    table = window.portfolio_window()
    table.show()
    with qtbot.waitSignal(table.loaded, timeout=60_000):
        table.load([sheet])
        assert table.cancel_button.isEnabled()
        QTest.mouseClick(table.cancel_button, Qt.MouseButton.LeftButton)
    assert table.count.text() == "Cancelled" and table.model.rowCount() == 0
    assert table.open_button.isEnabled()


def test_exports_never_over_the_input(qtbot, window, dialogs, tmp_path: Path) -> None:
    sheet = portfolio.excel_csv(tmp_path / "a.csv", portfolio.people())
    table = open_sheet(qtbot, window, [sheet])
    before = sheet.read_bytes()
    assert not table.export(sheet)
    assert sheet.read_bytes() == before and "warning" in dialogs.names()
    for kind in ("xlsx", "html", "csv"):
        dialogs.answers["getSaveFileName"] = (str(tmp_path / f"out.{kind}"), "")
        table.export_actions[kind].trigger()
        assert (tmp_path / f"out.{kind}").stat().st_size > 500


def test_convert_all_scans(qtbot, window, dialogs, tmp_path: Path) -> None:
    portfolio.jpeg(tmp_path / "a.jpg")
    from tests import images_factory

    images_factory.save(images_factory.scan(), tmp_path / "b.png", "PNG")
    people = [portfolio.example(images=["a.jpg"]), portfolio.example(images=["b.png"])]
    table = open_sheet(qtbot, window, [portfolio.excel_csv(tmp_path / "s.csv", people)])
    out = tmp_path / "converted"
    out.mkdir()
    dialogs.answers["getExistingDirectory"] = str(out)
    QTest.mouseClick(table.convert_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: "information" in dialogs.names(), timeout=60_000)
    assert sorted(p.suffix for p in out.iterdir()) == [".jpg", ".jpg"]
    assert QApplication.activeModalWidget() is None


def test_chinese_window(qtbot, make_window, tmp_path: Path) -> None:
    window = make_window("zh")
    table = open_sheet(qtbot, window, [portfolio.excel_csv(tmp_path / "a.csv",
                                                          portfolio.people())])  # fmt: skip
    assert table.model.headerData(0, Qt.Orientation.Horizontal) == "结论"
    assert rows(table)[0][0] == "会被拒绝"
    assert QModelIndex() is not None


# -- portfolio inputs dropped on the main window, File ▸ Open portfolio folder, Cancel, titles ---


def test_sheets_exports_and_record_folders_dropped_on_the_scan_zone_open_as_portfolios(
    qtbot, window, tmp_path: Path
) -> None:
    window.show()
    qtbot.waitExposed(window)
    records = tmp_path / "records"
    records.mkdir()
    (records / "a.json").write_text(json.dumps(portfolio.example()), encoding="utf-8")
    inputs = [
        (portfolio.excel_csv(tmp_path / "客户.csv", portfolio.people()), 5),
        (portfolio.xlsx(tmp_path / "b.xlsx", portfolio.people()[:2]), 2),
        (portfolio.tencent(tmp_path / "tencent.json"), 1),
        (records, 1),
    ]
    for path, count in inputs:
        table = window.portfolio_window()
        with qtbot.waitSignal(table.loaded, timeout=60_000):
            drop(window.zone, [path])
        assert table.isVisible() and table.model.rowCount() == count, path
        assert window.scans.cards == []  # never a scan card for a sheet or a record folder


def test_a_folder_of_scans_and_a_record_file_still_drop_as_scans(
    qtbot, window, tmp_path: Path
) -> None:
    folder = tmp_path / "scans"
    folder.mkdir()
    portfolio.jpeg(folder / "a.jpg")
    (folder / "notes.json").write_text("{}", encoding="utf-8")  # images win: a scan folder
    drop(window.zone, [folder])
    assert [c.path.name for c in window.scans.cards] == ["a.jpg"]
    assert window.portfolio is None


def test_open_portfolio_folder_from_both_windows(qtbot, window, dialogs, tmp_path: Path) -> None:
    folder = tmp_path / "records"
    (folder / "sub").mkdir(parents=True)
    (folder / "a.json").write_text(json.dumps(portfolio.example()), encoding="utf-8")
    (folder / "sub" / "b.json").write_text(json.dumps(portfolio.example(phone="12")), "utf-8")
    dialogs.answers["getExistingDirectory"] = str(folder)
    assert window.menus.portfolio_folder in window.menus.file.actions()
    window.menus.portfolio_folder.trigger()
    table = window.portfolio
    qtbot.waitUntil(lambda: table.model.rowCount() == 2 and not table.task, timeout=60_000)
    assert window.menus.portfolio_folder.text() == "Open portfolio &folder (records)…"
    (folder / "c.json").write_text(json.dumps(portfolio.example()), encoding="utf-8")
    assert table.open_folder_action in table.file_menu.actions()
    with qtbot.waitSignal(table.loaded, timeout=60_000):
        table.open_folder_action.trigger()
    assert table.model.rowCount() == 3
    assert dialogs.names().count("getExistingDirectory") == 2


def test_cancel_convert_all_keeps_what_was_converted(qtbot, window, dialogs, tmp_path) -> None:
    for i in range(24):
        portfolio.jpeg(tmp_path / f"s{i}.jpg")
    people = [portfolio.example(images=[f"s{i}.jpg"]) for i in range(24)]
    table = open_sheet(qtbot, window, [portfolio.excel_csv(tmp_path / "s.csv", people)])
    out = tmp_path / "converted"
    out.mkdir()
    dialogs.answers["getExistingDirectory"] = str(out)
    QTest.mouseClick(table.convert_button, Qt.MouseButton.LeftButton)
    assert table.cancel_button.isEnabled() and not table.convert_button.isEnabled()
    QTest.mouseClick(table.cancel_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: "information" in dialogs.names(), timeout=60_000)
    message = dialogs.calls[-1][1][2]
    converted = int(message.split(" ", 1)[0])
    assert "were not started" in message
    assert converted < 24 and len(list(out.glob("*.jpg"))) == converted
    assert not list(out.glob("*.part*")) and table.convert_button.isEnabled()


def test_a_sheet_rows_title_stays_after_edits_and_language_switch(
    qtbot, window, tmp_path: Path
) -> None:
    table = open_sheet(qtbot, window, [portfolio.excel_csv(tmp_path / "客户.csv",
                                                          portfolio.people())])  # fmt: skip
    centre = table.table.visualRect(table.proxy.index(2, 3)).center()  # 李四, Excel row 4
    QTest.mouseClick(table.table.viewport(), Qt.MouseButton.LeftButton, pos=centre)
    QTest.mouseDClick(table.table.viewport(), Qt.MouseButton.LeftButton, pos=centre)
    qtbot.waitUntil(lambda: window.form.editors["name_zh"].text() == "李四")
    assert window.windowTitle().startswith("客户.csv:4 李四[*]")
    QTest.keyClicks(window.form.editors["phone"], "1")
    window.switch_language("zh")  # retitles the window
    assert window.windowTitle().startswith("客户.csv:4 李四[*]")
    window.menus.new.trigger()  # unsaved edit: the (stand-in) question answers Discard
    assert window.windowTitle().startswith("新记录[*]")
