"""Chinese and English: switch at runtime, remembered; every window opens in every language."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest
from PySide6.QtWidgets import QAbstractButton, QGroupBox, QLabel, QMenu, QWidget

from desktop.ui.error_dialog import ErrorDialog
from desktop.ui.settings import Settings
from desktop.ui.translations import Translations, catalog_path
from tests.ui.test_live_checks import type_into

ROOT = Path(__file__).resolve().parents[2]


def visible_texts(widget: QWidget) -> set[str]:
    texts = set()
    for child in widget.findChildren(QWidget):
        if not child.isVisibleTo(widget):
            continue
        if isinstance(child, QLabel | QAbstractButton):
            texts.add(child.text())
        elif isinstance(child, QGroupBox):
            texts.add(child.title())
    return texts - {""}


def test_switching_language_retranslates_what_is_visible(qtbot, window, record_file):
    window.open_record(record_file)
    findings = type_into(qtbot, window, "cert_number", "110101199003071234")
    english = visible_texts(window)

    window.menus.languages["zh"].trigger()

    assert window.menus.file.title() == "文件(&F)"
    assert window.form._labels["cert_number"].text() == "证件号码"
    assert window.form.rows["cert_number"].message.text() == findings[0].message("zh")
    assert window.panel.rows[0].message.text() == findings[0].message("zh")
    assert window.status.title.text() == "1 个错误 — 提交会被拒绝"
    assert "实名预检助手" in window.windowTitle()
    chinese = visible_texts(window)
    command = window.zone.reading_command.text()  # a shell command reads the same in both
    assert not english & chinese - {"CN", "86", command}  # nothing English left behind

    window.menus.languages["en"].trigger()
    qtbot.waitUntil(lambda: visible_texts(window) == english)  # new rows show on the next loop


def test_the_choice_is_remembered(qtbot, window):
    window.menus.languages["zh"].trigger()
    assert Settings().language == "zh"
    window.menus.languages["en"].trigger()
    assert Settings().language == "en"


@pytest.mark.parametrize("lang", ["zh", "en"])
def test_every_window_opens_in_every_language(qtbot, make_window, lang):
    window = make_window(lang)
    assert window.translations.language == lang
    actions = [a for menu in window.menuBar().findChildren(QMenu) for a in menu.actions()]
    assert all(a.text() or a.isSeparator() for a in actions)
    dialog = ErrorDialog("Traceback: nothing", window)
    qtbot.addWidget(dialog)
    dialog.show()
    assert all(text.strip() for text in visible_texts(dialog))
    if lang == "zh":
        assert dialog.windowTitle() == "意外错误"


def test_catalogues_are_shipped_and_qt_own_translation_loads(qapp):
    translations = Translations()
    try:
        assert translations.switch("zh")
        assert translations.qt_catalog_loaded
        assert catalog_path("en").is_file()
    finally:
        translations.uninstall()


def test_compiled_catalogues_match_their_sources():
    """The committed .qm are what lrelease builds from i18n/*.ts, and no string is missing."""
    script = ROOT / "scripts" / "build_translations.py"
    result = subprocess.run(
        [sys.executable, str(script), "--check"], capture_output=True, text=True
    )
    assert result.returncode == 0, result.stderr


def test_every_chinese_string_is_translated():
    text = (ROOT / "i18n" / "realname_precheck_zh_CN.ts").read_text(encoding="utf-8")
    assert text.count("<message") > 50
    assert 'type="unfinished"' not in text


@pytest.mark.qt_log_ignore("propagateSizeHints")
def test_qt_file_dialog_is_chinese_in_chinese(qtbot, qapp, tmp_path):
    """Qt's zh catalogue lacks its newer texts ("&Look in:"): our qt_extra catalogue adds them."""
    from PySide6.QtWidgets import QFileDialog

    (tmp_path / "folder").mkdir()
    translations = Translations()
    try:
        translations.switch("zh")
        dialog = QFileDialog(None, "", str(tmp_path), "记录 (*.json)")
        dialog.setOption(QFileDialog.Option.DontUseNativeDialog)
        qtbot.addWidget(dialog)
        dialog.show()
        labels = {label.objectName(): label.text() for label in dialog.findChildren(QLabel)}
        assert labels["lookInLabel"] == "查找范围(&L)："
        assert labels["fileTypeLabel"] == "文件类型(&T)："
        assert labels["fileNameLabel"].startswith("文件名称")
        model = dialog.findChild(QWidget, "listView").model()
        qtbot.waitUntil(lambda: model.rowCount(model.index(str(tmp_path))) == 1)
        kind = model.index(0, 2, model.index(str(tmp_path))).data()
        assert kind == "文件夹"
    finally:
        translations.uninstall()
