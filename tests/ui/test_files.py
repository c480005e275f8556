"""File menu: new, open, save (the JSON the command line reads), recent files, unsaved changes."""

from __future__ import annotations

import json
import os
import stat
from pathlib import Path

import pytest

from desktop.core import record as records
from desktop.ui.settings import Settings
from tests.ui.conftest import example
from tests.ui.test_live_checks import type_into


def test_save_then_open_round_trips_a_record(qtbot, make_window, dialogs, tmp_path):
    data = example("organization")
    data["cert_number"] = "91110108MA01XY3R0X"  # kept exactly as typed, errors and all
    source = tmp_path / "in.json"
    source.write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")
    first = make_window("en")
    first.open_record(source)
    type_into(qtbot, first, "address", "北京市海淀区中关村大街2号")
    target = tmp_path / "out" / "saved.json"
    target.parent.mkdir()
    dialogs.answers["getSaveFileName"] = (str(target), "")

    assert first.save_as()

    saved = records.load(target)
    assert saved.to_dict() == {**data, "address": "北京市海淀区中关村大街2号"}
    assert not first.isWindowModified()
    second = make_window("en")
    assert second.open_record(target)
    assert second.form.record().to_dict() == saved.to_dict()
    assert second.findings == first.findings


def test_saved_file_is_what_the_command_line_reads(qtbot, window, record_file, tmp_path):
    window.open_record(record_file)
    target = tmp_path / "again.json"
    assert window.save_to(target)
    assert target.read_text(encoding="utf-8") == records.dumps(records.load(record_file))


def test_a_broken_record_is_refused_with_a_reason_and_nothing_lost(
    qtbot, window, dialogs, record_file, tmp_path
):
    window.open_record(record_file)
    before = window.form.record()
    broken = tmp_path / "broken.json"
    broken.write_text('{"holder_type": "individual", "nickname": "x"}', encoding="utf-8")

    assert not window.open_record(broken)

    assert dialogs.names() == ["warning"]
    assert "nickname" in dialogs.calls[0][1][2]
    assert window.form.record() == before
    assert window.record_path == record_file.resolve()


def test_open_and_save_remember_recent_files(qtbot, window, record_file, tmp_path):
    window.open_record(record_file)
    saved = tmp_path / "copy.json"
    window.save_to(saved)
    assert Settings().recent_files[:2] == [str(saved.resolve()), str(record_file.resolve())]
    window.menus.recent.aboutToShow.emit()
    assert [a.text() for a in window.menus.recent.actions()][:2] == Settings().recent_files[:2]


def test_unsaved_changes_are_not_lost_when_cancelled(qtbot, window, dialogs, record_file):
    from PySide6.QtWidgets import QMessageBox

    window.open_record(record_file)
    type_into(qtbot, window, "city", "宁波市")
    dialogs.answers["question"] = QMessageBox.StandardButton.Cancel

    window.new_record()

    assert dialogs.names() == ["question"]
    assert window.form.record().city == "宁波市"
    assert window.isWindowModified()


def test_new_record_starts_blank(qtbot, window, dialogs, record_file):
    window.open_record(record_file)
    window.new_record()
    assert window.form.record() == records.Record()
    assert window.record_path is None
    assert window.status.property("severity") == ""
    assert dialogs.calls == []


def test_save_writes_nothing_when_the_folder_is_not_writable(qtbot, window, dialogs, tmp_path):
    missing = tmp_path / "no" / "such" / "folder" / "r.json"
    assert not window.save_to(missing)
    assert dialogs.names() == ["warning"]
    assert window.record_path is None
    assert not Path(missing).exists()


def test_paths_are_kept_as_the_user_gave_them(qtbot, window, tmp_path):
    """A record opened through a link (a mapped drive Z:\\ on Windows, which resolve() turns into
    \\\\server\\share) keeps its own spelling: its scans stay relative, recent files as opened."""
    from PIL import Image

    real = tmp_path / "server share"
    real.mkdir()
    (real / "zhang.json").write_text(json.dumps(example()), encoding="utf-8")
    drive = tmp_path / "Z"
    drive.symlink_to(real, target_is_directory=True)
    Image.new("RGB", (800, 500), "white").save(drive / "身份证.png")

    assert window.open_record(drive / "zhang.json")
    window.scans.add([str(drive / "身份证.png")])

    assert window.record_path == drive / "zhang.json"
    assert window.current_record().images == ["身份证.png"]
    assert Settings().recent_files[0] == str(drive / "zhang.json")


@pytest.mark.skipif(os.name == "nt", reason="POSIX permission bits")
def test_saved_records_and_reports_get_normal_permissions(qtbot, window, record_file, tmp_path):
    from desktop.ui.report_export import export_html

    window.open_record(record_file)
    old = os.umask(0o022)
    try:
        assert window.save_to(tmp_path / "saved.json")
        assert window.export_report(export_html, tmp_path / "report.html")
    finally:
        os.umask(old)
    for name in ("saved.json", "report.html"):
        assert stat.S_IMODE((tmp_path / name).stat().st_mode) == 0o644, name
    assert sorted(p.name for p in tmp_path.iterdir() if p.name.startswith(".")) == []
