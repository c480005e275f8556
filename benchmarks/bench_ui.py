"""How responsive is the window? Start-up, one live check, and UI-thread latency during scan work.

Run by hand: ``python benchmarks/bench_ui.py`` (offscreen; settings go to a temporary folder).

- start-up: process start to the window shown and painted (median of cold-ish runs), and the
  in-process part (building and showing ``MainWindow`` once Qt is imported);
- one live check: ``run_checks()`` on a full record with findings (what every keystroke costs
  after the 150 ms debounce);
- keystroke to highlight: a real key event into the certificate number that makes it wrong (or
  right again), until the field's mark changes on screen: p50 and p99 (the 150 ms debounce is
  part of it, by design: one check per burst of typing);
- UI-thread latency: a 1 ms timer on the UI thread while a 12 MP phone JPEG (and a 12 MP HEIC,
  when pillow-heif is installed) is inspected, previewed and converted in the workers. Reported:
  the longest gap between ticks and the 99th percentile, against the idle loop.
"""

from __future__ import annotations

import json
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

SHOWN = """
import sys, time
from desktop.ui.app import create_app
from desktop.ui.main_window import MainWindow
from desktop.ui.settings import Settings
from desktop.ui.translations import Translations
app = create_app([sys.argv[0]])
translations = Translations()
translations.switch("zh")
window = MainWindow(translations, Settings())
window.show()
app.processEvents()
window.grab()  # the first paint
print("shown", flush=True)
"""


def startup(runs: int = 7) -> float:
    """Median ms from process start to a painted window."""
    env = {**os.environ, "XDG_CONFIG_HOME": tempfile.mkdtemp(), "PYTHONPATH": str(ROOT)}
    total = []
    for _ in range(runs):
        start = time.perf_counter()
        out = subprocess.run([sys.executable, "-c", SHOWN], env=env, capture_output=True, text=True)
        assert "shown" in out.stdout, out.stderr
        total.append(time.perf_counter() - start)
    return statistics.median(total) * 1000


def _window_only() -> float:
    from desktop.ui.main_window import MainWindow
    from desktop.ui.settings import Settings

    start = time.perf_counter()
    window = _make_window(MainWindow, Settings)
    window.show()
    window.grab()
    elapsed = (time.perf_counter() - start) * 1000
    window.setWindowModified(False)
    window.close()
    return elapsed


def _make_window(main_window, settings):
    from desktop.ui.translations import Translations

    translations = Translations()
    translations.switch("zh")
    return main_window(translations, settings())


def live_check(runs: int = 300) -> float:
    from desktop.commands.example import example_text
    from desktop.core.record import from_dict
    from desktop.ui.main_window import MainWindow
    from desktop.ui.settings import Settings

    window = _make_window(MainWindow, Settings)
    window.show()
    data = {**json.loads(example_text("individual")), "cert_number": "110101199003071234",
            "phone": "1380013800", "email": "a@b"}  # fmt: skip
    window.form.set_record(from_dict(data))
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        window.run_checks()
        times.append(time.perf_counter() - start)
    window.setWindowModified(False)
    window.close()
    return statistics.median(times) * 1000


def keystroke_to_highlight(runs: int = 60) -> tuple[float, float]:
    """(p50, p99) ms from a key press in a field to its changed mark, painted."""
    from PySide6.QtCore import Qt
    from PySide6.QtTest import QTest

    from desktop.commands.example import example_text
    from desktop.core.record import from_dict
    from desktop.ui.highlight import severity_of
    from desktop.ui.main_window import MainWindow
    from desktop.ui.settings import Settings

    window = _make_window(MainWindow, Settings)
    window.show()
    window.form.set_record(from_dict(json.loads(example_text("individual"))))
    window.run_checks()
    editor = window.form.editors["cert_number"]
    editor.setFocus()
    editor.end(False)
    times = []
    for index in range(runs):
        before = severity_of(editor)
        start = time.perf_counter()
        if index % 2 == 0:
            QTest.keyClick(editor, Qt.Key.Key_4)  # one digit too many: an error
        else:
            QTest.keyClick(editor, Qt.Key.Key_Backspace)  # valid again
        _spin(lambda before=before: severity_of(editor) != before)
        editor.repaint()  # the mark is on screen
        times.append((time.perf_counter() - start) * 1000)
    window.setWindowModified(False)
    window.close()
    times.sort()
    return statistics.median(times), times[int(len(times) * 0.99)]


def latency(path: Path | None, seconds_idle: float = 1.0) -> tuple[float, float, float]:
    """(longest gap, p99 gap in ms; wall s) on the UI thread while ``path`` is read, converted."""
    from PySide6.QtCore import QCoreApplication, QTimer

    from desktop.ui.main_window import MainWindow
    from desktop.ui.settings import Settings

    window = _make_window(MainWindow, Settings)
    window.show()
    gaps: list[float] = []
    last = [time.perf_counter()]

    def tick() -> None:
        now = time.perf_counter()
        gaps.append(now - last[0])
        last[0] = now

    timer = QTimer(interval=1)
    timer.timeout.connect(tick)
    timer.start()
    start = time.perf_counter()
    if path is None:
        _spin(lambda: time.perf_counter() - start > seconds_idle)
    else:
        (card,) = window.scans.add([str(path)])
        _spin(lambda: not window.scans.busy)
        window.scans.convert(card, "jpg")
        _spin(lambda: not window.scans.busy)
        assert card.converted is not None, card.failure
    wall = time.perf_counter() - start
    timer.stop()
    QCoreApplication.processEvents()
    window.setWindowModified(False)
    window.close()
    gaps.sort()
    return gaps[-1] * 1000, gaps[int(len(gaps) * 0.99)] * 1000, wall


def _spin(done) -> None:
    from PySide6.QtCore import QCoreApplication, QEventLoop

    while not done():
        QCoreApplication.processEvents(QEventLoop.ProcessEventsFlag.AllEvents, 5)


def samples(folder: Path) -> dict[str, Path]:
    from tests import images_factory as factory

    photo = factory.photo()
    for kind in ("jpeg", "heic"):  # separate folders: both would convert to phone_cnnic.jpg
        (folder / kind).mkdir()
    found = {"12 MP JPEG": factory.save(photo, folder / "jpeg/phone.jpg", "JPEG", quality=92)}
    try:
        import pillow_heif

        pillow_heif.register_heif_opener()
        found["12 MP HEIC"] = factory.save(photo, folder / "heic/phone.heic", "HEIF", quality=80)
    except ImportError:
        pass
    return found


def main() -> int:
    from PySide6.QtCore import QSettings

    from desktop.ui.app import create_app

    with tempfile.TemporaryDirectory() as tmp:
        QSettings.setPath(QSettings.Format.IniFormat, QSettings.Scope.UserScope, tmp)
        os.environ["XDG_DATA_HOME"] = tmp
        shown = startup()
        print(f"start-up to a painted window: {shown:.0f} ms (median of 7 processes)")
        create_app([sys.argv[0]])
        print(f"  of which building and showing MainWindow: {_window_only():.0f} ms")
        print(f"one live check (run_checks, full record with findings): {live_check():.2f} ms")
        p50, p99 = keystroke_to_highlight()
        print(f"keystroke to highlight (150 ms debounce included): p50 {p50:.0f} ms, "
              f"p99 {p99:.0f} ms")  # fmt: skip
        longest, p99, _ = latency(None)
        print(f"UI-thread gaps, idle: longest {longest:.1f} ms, p99 {p99:.1f} ms")
        for name, path in samples(Path(tmp)).items():
            longest, p99, wall = latency(path)
            print(f"UI-thread gaps while a {name} is read + converted ({wall:.2f} s): "
                  f"longest {longest:.1f} ms, p99 {p99:.1f} ms")  # fmt: skip
    return 0


if __name__ == "__main__":
    sys.exit(main())
