"""The window shell: size, keyboard use, settings, the friendly error dialog, the entry points."""

from __future__ import annotations

import sys

from PySide6.QtCore import QSettings, Qt
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QLineEdit

from desktop.ui import app as app_module
from desktop.ui.error_dialog import ErrorDialog, ExceptionHook
from desktop.ui.record_form import FIELDS
from desktop.ui.settings import Settings


def test_fits_a_1366_by_768_laptop(window):
    hint = window.minimumSizeHint().expandedTo(window.minimumSize())
    assert hint.width() <= 1366 and hint.height() <= 728  # taskbar and title bar included
    window.resize(1366, 728)
    assert window.form.width() >= window.form.minimumWidth()


def test_every_field_has_an_accessible_name_and_a_label(window):
    for name in FIELDS:
        editor = window.form.editors[name]
        assert editor.accessibleName(), name
        assert window.form._labels[name].buddy() is editor


def test_tab_walks_the_form_in_order(qtbot, window):
    order = [window.form.editors[name] for name in ("name_zh", "name_en", "cert_type")]
    order[0].setFocus()
    for expected in order[1:]:
        qtbot.keyClick(QGuiApplication.focusObject(), Qt.Key.Key_Tab)
        assert QGuiApplication.focusObject() is expected


def test_shortcuts_are_set(window):
    shortcuts = {a.objectName(): a.shortcut().toString() for a in window.actions()}
    assert shortcuts["actionOpen"] == "Ctrl+O"
    assert shortcuts["actionSave"] == "Ctrl+S"
    assert shortcuts["actionPasteScan"] == "Ctrl+V"
    assert shortcuts["actionQuit"] == "Ctrl+Q"


def test_geometry_is_restored_from_settings(qtbot, make_window):
    first = make_window("en")
    first.resize(first.width(), 701)  # the offscreen screen is 800 px wide: keep the width
    first.close()
    assert Settings().geometry("main") is not None
    second = make_window("en")
    assert second.height() == 701


def test_settings_follow_the_profile_override(isolated_profile):
    """REALNAME_PROFILE_DIR holds the settings on every platform (Qt ignores %APPDATA%)."""
    settings = Settings()
    settings.language = "zh"
    settings.sync()
    ini = isolated_profile / "settings" / "RealNamePrecheck" / "RealNamePrecheck.ini"
    assert ini.is_file() and "zh" in ini.read_text(encoding="utf-8")
    assert Settings().language == "zh"


def test_settings_live_in_the_user_profile(clean_store, monkeypatch):
    monkeypatch.delenv("REALNAME_PROFILE_DIR")
    settings = Settings()
    settings.language = "zh"
    settings.sync()
    path = QSettings(
        QSettings.Format.IniFormat,
        QSettings.Scope.UserScope,
        "RealNamePrecheck",
        "RealNamePrecheck",
    ).fileName()
    assert path.startswith(str(clean_store))
    assert Settings().language == "zh"


def test_settings_defaults_are_safe(clean_store):
    settings = Settings()
    assert (settings.language, settings.recent_files, settings.output_folder) == ("", [], "")
    assert settings.folder("scan") == ""


def test_unexpected_error_shows_a_copyable_report_and_keeps_input(
    qtbot, window, record_file, monkeypatch
):
    window.open_record(record_file)
    shown: list[ErrorDialog] = []
    monkeypatch.setattr(ErrorDialog, "exec", lambda self: shown.append(self) or 0)
    hook = ExceptionHook(window)

    try:
        raise RuntimeError("boom")
    except RuntimeError:
        hook(*sys.exc_info())

    (dialog,) = shown
    qtbot.addWidget(dialog)
    assert "RuntimeError: boom" in dialog.report.toPlainText()
    dialog.copy_report()
    assert "RuntimeError: boom" in QGuiApplication.clipboard().text()
    assert window.form.record().name_zh == "张三"
    assert window.isVisible()


def test_error_without_stderr_is_shown_and_logged_without_identity_numbers(
    qtbot, window, monkeypatch, isolated_profile
):
    """The windowed Windows executable has no stderr: the dialog still shows, the report is kept
    in the log folder, and no identity number reaches either."""
    shown: list[ErrorDialog] = []
    monkeypatch.setattr(ErrorDialog, "exec", lambda self: shown.append(self) or 0)
    monkeypatch.setattr(sys, "stderr", None)
    try:
        raise ValueError("bad number 11010119900307123X for 张三")
    except ValueError:
        ExceptionHook(window)(*sys.exc_info())

    (dialog,) = shown
    qtbot.addWidget(dialog)
    report = dialog.report.toPlainText()
    log = isolated_profile / "logs" / "errors.log"
    assert "ValueError: bad number [redacted]" in report and str(log) in report
    kept = log.read_text(encoding="utf-8")
    assert "ValueError: bad number [redacted] for 张三" in kept
    assert "11010119900307123X" not in kept + report


def test_exception_hook_installs_and_uninstalls(window):
    hook = ExceptionHook(window)
    hook.install()
    try:
        assert sys.excepthook is hook
    finally:
        hook.uninstall()
    assert sys.excepthook is hook.previous


def test_command_line_arguments():
    args, qt_args = app_module.parse_args(["r.json", "--lang", "zh", "-platform", "offscreen"])
    assert (args.record, args.lang, args.smoke_test) == ("r.json", "zh", None)
    assert qt_args == ["-platform", "offscreen"]


def test_typing_in_a_text_box_still_pastes_text(qtbot, window):
    editor = window.form.editors["address"]
    QGuiApplication.clipboard().setText("浙江省杭州市")
    editor.setFocus()
    qtbot.keyClick(editor, Qt.Key.Key_V, Qt.KeyboardModifier.ControlModifier)
    assert isinstance(editor, QLineEdit) and editor.text() == "浙江省杭州市"
    assert window.scans.cards == []
