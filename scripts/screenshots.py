"""Render the window into docs/screenshots/: both languages, empty, with a record that fails, with
every fix offered at once, and (with the ``ocr`` extra) an ID card whose name differs from the
typed one by a look-alike character. The window opens on a 1366×768 screen and sizes itself.

Usage: python scripts/screenshots.py [OUT_DIR]

Runs offscreen. Chinese text needs a CJK font installed for the screenshots only (Debian:
``apt-get install fonts-wqy-microhei``); the app itself does not depend on one. Settings go to a
temporary folder, so your own settings are not touched.
"""

from __future__ import annotations

import json
import os
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
SIZE = (1366, 768)  # a common reseller laptop

# A customer's record with typical mistakes: wrong check digit, expired card, short phone, bad
# e-mail; and the scan sent by chat: a PNG screenshot renamed .jpg.
FAILING = {
    "cert_number": "110101199003071234",
    "cert_expiry_date": "2024-03-01",
    "phone": "1380013800",
    "email": "zhangsan@example",
}


def main(argv: list[str]) -> int:
    out = Path(argv[0]) if argv else ROOT / "docs" / "screenshots"
    out.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory(prefix="precheck-shots-") as tmp:
        _isolate_settings(Path(tmp))
        for lang in ("zh", "en"):
            for name, path in shoot(lang, Path(tmp), out).items():
                print(f"{name}: {path.relative_to(ROOT) if path.is_relative_to(ROOT) else path}")
    return 0


def _isolate_settings(tmp: Path) -> None:
    from PySide6.QtCore import QSettings

    QSettings.setPath(QSettings.Format.IniFormat, QSettings.Scope.UserScope, str(tmp / "settings"))
    os.environ["XDG_DATA_HOME"] = str(tmp / "data")


def shoot(lang: str, tmp: Path, out: Path) -> dict[str, Path]:
    from desktop.ui.app import create_app
    from desktop.ui.main_window import MainWindow
    from desktop.ui.settings import Settings
    from desktop.ui.translations import Translations
    from tests.ui.layout_probe import FIXABLE, screen_config

    create_app([sys.argv[0], "-platform", screen_config(*SIZE, tmp)])
    translations = Translations()
    translations.switch(lang)
    window = MainWindow(translations, Settings())
    window.show()
    shots = {"empty": _save(window, out / f"window-{lang}-empty.png")}
    fixes = tmp / lang / "fixes.json"
    fixes.parent.mkdir(parents=True, exist_ok=True)
    fixes.write_text(json.dumps(FIXABLE, ensure_ascii=False), encoding="utf-8")
    window.open_record(fixes)
    shots["fixes"] = _save(window, out / f"window-{lang}-fixes.png")
    record, scan = _failing_case(tmp / lang)
    window.open_record(record)
    window.scans.add([str(scan)])
    _wait(lambda: window.scans.cards and not window.scans.busy)
    window.form.focus_field("cert_number")
    shots["errors"] = _save(window, out / f"window-{lang}-errors.png")
    if window.scans.reader.available:
        record, scan = _look_alike_case(tmp / lang)
        window.open_record(record)
        window.scans.add([str(scan)])
        _wait(lambda: window.scans.cards and not window.scans.busy)
        window.form.focus_field("name_zh")
        shots["scan reading"] = _save(window, out / f"window-{lang}-scan-reading.png")
    window.setWindowModified(False)
    window.close()
    translations.uninstall()
    return shots


def _failing_case(folder: Path) -> tuple[Path, Path]:
    from desktop.commands.example import example_text
    from desktop.ui.app import make_sample_scan

    folder.mkdir(parents=True, exist_ok=True)
    record = folder / "zhang-san.json"
    data = {**json.loads(example_text("individual")), **FAILING}
    record.write_text(json.dumps(data, ensure_ascii=False, indent=2), encoding="utf-8")
    png = make_sample_scan(folder / "shenfenzheng.png")
    scan = png.rename(folder / "身份证 微信图片.jpg")  # a PNG named .jpg, as customers send them
    return record, scan


def _look_alike_case(folder: Path) -> tuple[Path, Path]:
    """A generated ID card, and the record typed from it with one look-alike character (形近字)."""
    import importlib.util
    import random

    from desktop.commands.example import example_text
    from desktop.core import rules

    spec = importlib.util.spec_from_file_location("make_ocr_set", ROOT / "scripts/make_ocr_set.py")
    generator = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = generator
    spec.loader.exec_module(generator)
    image, truth = generator.id_front(random.Random(2026))
    scan = folder / "身份证 正面.jpg"
    image.save(scan, quality=90)
    group = next(g for g in rules.load("confusables_zh")["groups"] if truth.name[-1] in g)
    typed = truth.name[:-1] + next(c for c in group if c != truth.name[-1])
    data = {**json.loads(example_text("individual")), **truth.record, "name_zh": typed}
    data["name_en"] = " ".join(generator.romanised(truth.name)).title()
    data["images"] = []
    record = folder / "customer.json"
    record.write_text(json.dumps(data, ensure_ascii=False, indent=2), encoding="utf-8")
    return record, scan


def _save(window, path: Path) -> Path:
    _wait(lambda: False, 0.3)
    window.grab().save(str(path))
    return path


def _wait(done, seconds: float = 30.0) -> None:
    from PySide6.QtCore import QCoreApplication

    deadline = time.monotonic() + seconds
    while not done() and time.monotonic() < deadline:
        QCoreApplication.processEvents()
        time.sleep(0.01)


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
