"""Start the window: QApplication, style sheet, translations, exception hook, ``--smoke-test``.

``realname-precheck-gui [RECORD.json] [--lang zh|en] [--smoke-test SCREENSHOT.png]``
"""

from __future__ import annotations

import argparse
import os
import sys
import tempfile
import time
from collections.abc import Callable, Sequence
from pathlib import Path

from desktop import APP_DISPLAY_NAME, APP_NAME, ORGANIZATION, __version__
from desktop.core.paths import resource_path


def parse_args(argv: Sequence[str]) -> tuple[argparse.Namespace, list[str]]:
    parser = argparse.ArgumentParser(prog="realname-precheck-gui", description=APP_DISPLAY_NAME)
    parser.add_argument("record", nargs="?", help="record file (JSON) to open")
    parser.add_argument(
        "--lang", choices=("zh", "en"), help="language (default: remembered/system)"
    )
    parser.add_argument(
        "--smoke-test", metavar="PNG", help="open offscreen with a sample, save a screenshot, exit"
    )
    parser.add_argument("--version", action="version", version=f"%(prog)s {__version__}")
    return parser.parse_known_args(list(argv))


def main(argv: Sequence[str] | None = None) -> int:
    """``realname-precheck-gui``, ``python -m desktop`` and ``realname-precheck gui``."""
    args, qt_args = parse_args(sys.argv[1:] if argv is None else argv)
    if args.smoke_test:
        os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    if missing := missing_linux_packages(qt_args):
        print(no_window_message(missing), file=sys.stderr)
        return 1
    app = create_app([sys.argv[0], *qt_args])

    from desktop.ui.error_dialog import ExceptionHook
    from desktop.ui.main_window import MainWindow
    from desktop.ui.settings import Settings
    from desktop.ui.translations import Translations, system_language

    settings = Settings()
    translations = Translations()
    loaded = translations.switch(args.lang or settings.language or system_language())
    window = MainWindow(translations, settings)
    if args.smoke_test:
        return smoke_test(window, Path(args.smoke_test), loaded)
    ExceptionHook(window).install()
    if args.record:
        window.open_record(args.record)
    window.show()
    return app.exec()


def missing_linux_packages(qt_args: Sequence[str] = ()) -> list[str]:
    """On Linux with X11: the system packages Qt's xcb plugin needs and cannot find.

    Qt aborts with "Could not load the Qt platform plugin" and a long text nobody can act on;
    this loads the plugin first and, only if that fails, names the packages missing.
    """
    platform = os.environ.get("QT_QPA_PLATFORM", "")
    args = list(qt_args)
    if "-platform" in args[:-1]:
        platform = args[args.index("-platform") + 1]
    platform = platform.split(":")[0]  # offscreen:configfile=…
    if not sys.platform.startswith("linux") or platform not in ("", "xcb"):
        return []
    if not platform and os.environ.get("WAYLAND_DISPLAY"):
        return []  # Qt uses Wayland here
    import ctypes

    from PySide6.QtCore import QLibraryInfo

    plugin = Path(QLibraryInfo.path(QLibraryInfo.LibraryPath.PluginsPath), "platforms")
    try:
        ctypes.CDLL(str(plugin / "libqxcb.so"))
        return []
    except OSError:
        pass
    from desktop.core import rules

    missing = []
    for library, package in rules.load("linux_packages")["libraries"].items():
        try:
            ctypes.CDLL(library)
        except OSError:
            missing.append(package)
    return missing


def no_window_message(packages: Sequence[str]) -> str:
    """One line saying what to install (before Qt runs: no translator, so by the locale)."""
    from desktop.cli import system_language

    command = "sudo apt install " + " ".join(packages)
    if system_language() == "zh":
        return f"实名预检助手：窗口无法启动，缺少系统组件。请先安装：{command}"
    return f"RealName Precheck: the window cannot start, system libraries are missing: {command}"


def create_app(argv: list[str]):
    """The QApplication with our names (they locate the settings), icon and style sheet."""
    from PySide6.QtGui import QIcon
    from PySide6.QtWidgets import QApplication

    QApplication.setOrganizationName(ORGANIZATION)
    QApplication.setApplicationName(APP_NAME)
    QApplication.setApplicationDisplayName(APP_DISPLAY_NAME)
    QApplication.setApplicationVersion(__version__)
    app = QApplication.instance() or QApplication(argv)
    app.setWindowIcon(QIcon(str(resource_path("icons", "app-256.png"))))
    app.setStyleSheet(style_sheet())
    return app


def style_sheet() -> str:
    """The one style sheet (field highlights, banner, cards), or "" if it is missing."""
    path = resource_path("styles", "app.qss")
    return path.read_text(encoding="utf-8") if path.is_file() else ""


# -- smoke test ---------------------------------------------------------------------------


def smoke_test(window, screenshot: Path, translated: bool) -> int:
    """Example record + a generated PNG scan, convert it, wait, save a screenshot.

    Exit 1 with one line on stderr when anything a frozen build can lose is missing: the
    translation, the scan decoders, the encoder, the style sheet.
    """
    from desktop.commands.example import example_text

    problems = [] if translated else [f"translation for {window.lang} not loaded"]
    if not style_sheet():
        problems.append("style sheet missing")
    with tempfile.TemporaryDirectory(prefix="precheck-smoke-") as tmp:
        record = Path(tmp) / "record.json"
        record.write_text(example_text("organization"), encoding="utf-8")
        window.resize(1280, 800)
        window.show()
        window.open_record(record)
        problems += _smoke_scan(window, make_sample_scan(Path(tmp) / "营业执照 sample.png"))
        problems += _smoke_error_hook(window)
        window.run_checks()
        _wait(lambda: False, 0.2)
        if not window.grab().save(str(screenshot)):
            problems.append(f"cannot write {screenshot}")
        window.setWindowModified(False)
        window.close()
    for problem in problems:
        print(f"smoke test: {problem}", file=sys.stderr)
    return 1 if problems else 0


def _smoke_scan(window, scan: Path) -> list[str]:
    (card,) = window.scans.add([str(scan)])
    if not _wait(lambda: not window.scans.busy, 60):
        return ["scan inspection timed out"]
    _wait(lambda: card.preview is not None, 30)
    if card.report is None or card.preview is None:
        return [f"scan could not be read: {card.failure or 'no preview'}"]
    window.scans.convert(card, "jpg")
    if not _wait(lambda: not window.scans.busy, 60):
        return ["conversion timed out"]
    if card.converted is None or (card.report.format or "").upper() != "JPEG":
        return [f"conversion failed: {card.failure or card.report.format}"]
    return []


def _smoke_error_hook(window) -> list[str]:
    """An unexpected error reaches the dialog and the error log, also with no stderr at all (the
    windowed Windows executable), and its identity number does not."""
    from desktop.core import error_log
    from desktop.ui.error_dialog import ExceptionHook

    shown = []
    hook = ExceptionHook(window, show=lambda dialog: shown.append(dialog) or dialog.show())
    number = "110101199003071234"
    try:
        raise RuntimeError(f"smoke test of the error report {number}")
    except RuntimeError:
        hook(*sys.exc_info())
    log = error_log.log_dir() / error_log.LOG_NAME
    text = log.read_text(encoding="utf-8") if log.is_file() else ""
    problems = [] if shown and shown[0].isVisible() else ["error dialog not shown"]
    if "smoke test of the error report [redacted]" not in text or number in text:
        problems.append(f"error report not logged (scrubbed) in {log}")
    for dialog in shown:
        dialog.close()
    return problems


def _wait(done: Callable[[], bool], seconds: float) -> bool:
    from PySide6.QtCore import QCoreApplication, QEventLoop

    deadline = time.monotonic() + seconds
    while not done():
        if time.monotonic() > deadline:
            return False
        QCoreApplication.processEvents(QEventLoop.ProcessEventsFlag.AllEvents, 50)
        time.sleep(0.01)
    return True


def make_sample_scan(path: Path) -> Path:
    """Draw a colourful, card-like test image (PNG, so the window has a format error to show)."""
    from PySide6.QtCore import QRect, Qt
    from PySide6.QtGui import QColor, QFont, QImage, QPainter

    image = QImage(1200, 760, QImage.Format.Format_RGB32)
    image.fill(QColor("#f4efe1"))
    painter = QPainter(image)
    painter.fillRect(QRect(40, 40, 1120, 120), QColor("#b3261e"))
    painter.fillRect(QRect(60, 220, 300, 380), QColor("#9db4cf"))
    painter.setPen(QColor("#1f1f1f"))
    painter.setFont(QFont("Sans", 40))
    painter.drawText(QRect(400, 220, 760, 380), Qt.AlignmentFlag.AlignLeft, "SAMPLE\nNo. 0000")
    painter.end()
    image.save(str(path), "PNG")
    return path


if __name__ == "__main__":
    sys.exit(main())
