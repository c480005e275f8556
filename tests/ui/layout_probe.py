"""Open the window on a screen of a given size and scale with every fixable finding shown, and
list what a person would see as broken: a squeezed editor, a widget outside its pane, cut text.

Run as ``python -m tests.ui.layout_probe WIDTH HEIGHT [SCREENSHOT_DIR]`` with ``QT_SCALE_FACTOR``
set (Qt reads it once, at start-up, so each scale needs its own process). Prints one JSON object:
``{"zh": [problems...], "en": [...], "screen": [w, h], "window": [w, h]}``.
"""

from __future__ import annotations

import json
import os
import sys
import tempfile
from pathlib import Path

from PySide6.QtCore import QPoint, QRect
from PySide6.QtWidgets import (
    QAbstractButton,
    QComboBox,
    QLabel,
    QLineEdit,
    QScrollArea,
    QWidget,
)

# Every field that offers a fix at once (tests/ui/test_keyboard.py types the same values).
FIXABLE = {
    "holder_type": "individual", "region": "CN", "site": "china", "name_zh": "张三 ",
    "name_en": "zhang  san", "cert_type": "SFZ", "cert_number": "110101199003071233(1-1)",
    "cert_issue_date": "2016-06-01", "cert_expiry_date": "长期", "special_occupation": False,
    "domain": "www.zhangsan.cn", "phone_cc": "+86", "phone": "+86 138 0000 0000",
    "phone_ext": "", "email": "zhangsan@example.con", "country": "cn", "province": "浙江",
    "city": "杭州", "address": "浙江省杭州市西湖区文三路100号", "postal_code": "３１００１２",
    "images": [],
}  # fmt: skip


def screen_config(width: int, height: int, folder: Path) -> str:
    """The offscreen platform with one screen of ``width``×``height`` device pixels."""
    screen = {"name": "probe", "x": 0, "y": 0, "width": width, "height": height,
              "logicalDpi": 96, "logicalBaseDpi": 96, "dpr": 1}  # fmt: skip
    path = folder / "screen.json"
    path.write_text(json.dumps({"screens": [screen]}), encoding="utf-8")
    return f"offscreen:configfile={path}"


def problems(window) -> list[str]:
    found = _squeezed_editors(window) + _cut_text(window)
    for pane in window.findChildren(QScrollArea):
        if pane.isVisible():
            found += _outside(pane)
    found += _outside_window(window)
    return found


def _squeezed_editors(window) -> list[str]:
    found = []
    for name, editor in window.form.editors.items():
        need = max(editor.minimumWidth(), editor.minimumSizeHint().width())
        if editor.width() < need:
            found.append(f"editor {name} is {editor.width()} px wide, needs {need}")
    return found


def _cut_text(window) -> list[str]:
    found = []
    for label in window.findChildren(QLabel):
        if not label.isVisible() or not label.text() or (label.pixmap() and not label.text()):
            continue
        if label.wordWrap():
            if label.height() < label.heightForWidth(label.width()):
                found.append(f"label {label.objectName()!r} cut: {label.text()[:40]!r}")
        elif label.width() < label.minimumSizeHint().width():
            found.append(f"label {label.objectName()!r} elided: {label.text()[:40]!r}")
    for button in window.findChildren(QAbstractButton):
        if button.isVisible() and button.text() and button.width() < button.sizeHint().width():
            found.append(f"button {button.objectName()!r} cut: {button.text()[:40]!r}")
    return found


def _outside(pane: QScrollArea) -> list[str]:
    """A widget inside a scroll pane must fit the pane's width (the pane scrolls vertically)."""
    viewport, found = pane.viewport(), []
    if pane.horizontalScrollBar().isVisible():
        return [f"{pane.objectName() or 'a pane'} scrolls sideways"]
    inner = pane.widget()
    for child in inner.findChildren(QWidget):
        if not child.isVisible() or not _leaf(child):
            continue
        left = child.mapTo(viewport, QPoint(0, 0)).x()
        if left < 0 or left + child.width() > viewport.width():
            found.append(f"{child.objectName() or type(child).__name__} outside "
                         f"{pane.objectName()}: {left}..{left + child.width()} of "
                         f"{viewport.width()}")  # fmt: skip
    return found


def _outside_window(window) -> list[str]:
    area = window.screen().availableGeometry()
    frame = window.frameGeometry()
    found = [] if area.contains(frame) else [f"window {frame} beyond the screen {area}"]
    central = window.centralWidget()
    box = QRect(QPoint(0, 0), central.size())
    for child in central.findChildren(QWidget):
        if child.isVisible() and _leaf(child) and not child.window() is not window:
            rect = QRect(child.mapTo(central, QPoint(0, 0)), child.size())
            if not _in_scroll_area(child) and not box.contains(rect):
                found.append(f"{child.objectName() or type(child).__name__} outside the window")
    return found


def _leaf(widget: QWidget) -> bool:
    return isinstance(widget, QLabel | QLineEdit | QComboBox | QAbstractButton)


def _in_scroll_area(widget: QWidget) -> bool:
    parent = widget.parentWidget()
    while parent is not None:
        if isinstance(parent, QScrollArea):
            return True
        parent = parent.parentWidget()
    return False


def settle(app, rounds: int = 5) -> None:
    for _ in range(rounds):
        app.processEvents()


def main(argv: list[str]) -> int:
    width, height = int(argv[0]), int(argv[1])
    shots = Path(argv[2]) if len(argv) > 2 else None
    tmp = Path(tempfile.mkdtemp(prefix="precheck-layout-"))
    os.environ["XDG_DATA_HOME"] = str(tmp / "data")
    os.environ["XDG_CONFIG_HOME"] = str(tmp / "config")
    from PySide6.QtCore import QSettings

    QSettings.setPath(QSettings.Format.IniFormat, QSettings.Scope.UserScope, str(tmp / "ini"))
    from desktop.ui.app import create_app

    app = create_app([sys.argv[0], "-platform", screen_config(width, height, tmp)])
    from desktop.ui.main_window import MainWindow
    from desktop.ui.settings import Settings
    from desktop.ui.translations import Translations

    record = tmp / "record.json"
    record.write_text(json.dumps(FIXABLE, ensure_ascii=False), encoding="utf-8")
    translations = Translations()
    translations.switch("zh")
    window = MainWindow(translations, Settings())
    window.show()
    window.open_record(record)
    result: dict = {"screen": [app.primaryScreen().availableGeometry().width(),
                               app.primaryScreen().availableGeometry().height()]}  # fmt: skip
    for lang in ("zh", "en"):
        window.switch_language(lang)
        window.run_checks()
        settle(app)
        fixes = [n for n, row in window.form.rows.items() if row.fix_button.isVisible()]
        result[lang] = problems(window)
        result[f"{lang}_fixes"] = fixes
        if shots is not None:
            scale = os.environ.get("QT_SCALE_FACTOR", "1")
            window.grab().save(str(shots / f"layout-{lang}-{width}x{height}-x{scale}.png"))
    result["window"] = [window.width(), window.height()]
    window.setWindowModified(False)
    window.close()
    print(json.dumps(result, ensure_ascii=False))
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
