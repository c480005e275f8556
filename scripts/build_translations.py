"""Update the Qt Linguist sources in i18n/ from desktop/ui and compile them into resources/i18n/.

Usage: python scripts/build_translations.py          # lupdate, then lrelease (commit the results)
       python scripts/build_translations.py --check  # exit 1 when i18n/ or the .qm are stale

The sources are English. ``realname_precheck_zh_CN.ts`` holds every string; the English catalogue
holds only the plural forms (``-pluralonly``: "1 error" / "2 errors"). Translate with Qt Linguist
(``pyside6-linguist i18n/realname_precheck_zh_CN.ts``), then run this script again.
"""

from __future__ import annotations

import filecmp
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
SOURCES = ROOT / "desktop" / "ui"
TS_DIR = ROOT / "i18n"
QM_DIR = ROOT / "resources" / "i18n"
CATALOG = "realname_precheck"
LOCALES = {"zh_CN": [], "en": ["-pluralonly"]}
QT_EXTRA = ("qt_extra_zh_CN",)  # Qt's own strings its catalogue misses: hand-written, no lupdate


def ts_path(locale: str, folder: Path = TS_DIR) -> Path:
    return folder / f"{CATALOG}_{locale}.ts"


def qm_path(locale: str, folder: Path = QM_DIR) -> Path:
    return folder / f"{CATALOG}_{locale}.qm"


def tool(name: str) -> str:
    """The PySide6 wrapper (``pyside6-lupdate``) next to this Python, or on PATH."""
    here = Path(sys.executable).parent / name
    found = str(here) if here.exists() else shutil.which(name)
    if not found:
        raise SystemExit(f"{name} not found: install PySide6 (pip install -e '.[test]')")
    return found


def lupdate(ts: Path, options: list[str]) -> None:
    sources = sorted(str(p) for p in SOURCES.glob("*.py"))
    command = [tool("pyside6-lupdate"), *sources, "-locations", "none", "-no-obsolete"]
    subprocess.run([*command, *options, "-ts", str(ts)], check=True, capture_output=True)


def lrelease(ts: Path, qm: Path) -> None:
    """Plain lrelease (no options), so build.spec's own compile step writes identical files."""
    command = [tool("pyside6-lrelease"), str(ts), "-qm", str(qm)]
    subprocess.run(command, check=True, capture_output=True)


def build() -> None:
    QM_DIR.mkdir(parents=True, exist_ok=True)
    for locale, options in LOCALES.items():
        lupdate(ts_path(locale), options)
        lrelease(ts_path(locale), qm_path(locale))
        print(qm_path(locale).relative_to(ROOT))
    for name in QT_EXTRA:
        lrelease(TS_DIR / f"{name}.ts", QM_DIR / f"{name}.qm")
        print((QM_DIR / f"{name}.qm").relative_to(ROOT))


def stale() -> list[str]:
    """Files that differ from what this script would write (empty when all is current)."""
    problems = []
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        for locale, options in LOCALES.items():
            ts, qm = ts_path(locale, folder), qm_path(locale, folder)
            shutil.copy(ts_path(locale), ts)
            lupdate(ts, options)
            if not filecmp.cmp(ts, ts_path(locale), shallow=False):
                problems.append(f"{ts_path(locale).relative_to(ROOT)} misses source strings")
            lrelease(ts_path(locale), qm)
            if not qm_path(locale).exists() or not filecmp.cmp(qm, qm_path(locale), shallow=False):
                problems.append(f"{qm_path(locale).relative_to(ROOT)} differs from lrelease")
        for name in QT_EXTRA:
            qm, shipped = folder / f"{name}.qm", QM_DIR / f"{name}.qm"
            lrelease(TS_DIR / f"{name}.ts", qm)
            if not shipped.exists() or not filecmp.cmp(qm, shipped, shallow=False):
                problems.append(f"{shipped.relative_to(ROOT)} differs from lrelease")
    return problems


def main(argv: list[str]) -> int:
    if "--check" in argv:
        problems = stale()
        for problem in problems:
            print(f"{problem}: run python scripts/build_translations.py", file=sys.stderr)
        return 1 if problems else 0
    build()
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
