"""The frozen app: bundle size (budget 150 MiB, the ten largest parts) and start-up times.

Run by hand, after a build (or with ``--build``, which also times the build):

    python -m PyInstaller --noconfirm build.spec && python benchmarks/bench_frozen.py [FOLDER]

FOLDER defaults to $REALNAME_FROZEN_DIR, then dist/RealNamePrecheck, then the test build in
build/frozen/dist/RealNamePrecheck. For the edition with scan reading (``REALNAME_BUILD_OCR=1``,
built by the tests into build/frozen-ocr/dist/RealNamePrecheck) it also reports what the engine
and models add to the standard build (``--compare`` names another standard folder).

Start-up, median of several runs, wall clock from process start: the window until its first frame is
painted (offscreen; Qt logs the first flush), the CLI until ``check`` exits. "Cold" runs first evict
the bundle's files from the page cache (``posix_fadvise``), as after a reboot; "warm" runs find them
cached. Targets: window ≤ 1.5 s, CLI check ≤ 0.5 s.
"""

from __future__ import annotations

import argparse
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from collections import defaultdict
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from desktop import APP_NAME  # noqa: E402
from desktop.core.paths import resource_path  # noqa: E402

MIB = 1024 * 1024
BUDGET_MIB = 150
EXE = ".exe" if sys.platform == "win32" else ""
PARTS = [  # (label, markers in the path inside the folder); the first matching part wins
    ("OCR: PP-OCR models", ("rapidocr/models/",)),
    ("OCR: RapidOCR code and configuration", ("rapidocr",)),
    ("OCR: ONNX Runtime", ("onnxruntime",)),
    ("OCR: OpenCV headless (with FFmpeg, Qt-free)", ("cv2", "opencv")),
    ("OCR: numpy and OpenBLAS", ("numpy", "openblas", "gfortran", "quadmath")),
    ("OCR: shapely and pyclipper (text boxes)", ("shapely", "geos", "pyclipper")),
    ("OCR: pypinyin and OpenCC (name comparison)", ("pypinyin", "opencc")),
    ("ICU data and libraries (Qt on Linux only)", ("libicu",)),
    ("Qt libraries", ("Qt/lib/", "Qt6")),
    ("Qt plugins and translations", ("Qt/plugins", "Qt/translations")),
    ("PySide6 / shiboken6 bindings", ("PySide6", "shiboken6")),
    ("pi-heif (libheif, libde265)", ("heif",)),
    ("Pillow and its codecs", ("PIL", "pillow")),
    ("pypdfium2 (PDFium)", ("pdfium",)),
    ("python-stdnum and its tables", ("stdnum",)),
    ("Python runtime and standard library", ("python3", "base_library", "libpython")),
    ("OpenSSL (ssl, hashlib)", ("libcrypto", "libssl")),
    ("our resources/ (rules, icons, translations)", ("resources/",)),
]


def folder_from(arg: str | None) -> Path:
    candidates = [arg, os.environ.get("REALNAME_FROZEN_DIR"), ROOT / "dist" / APP_NAME,
                  ROOT / "build" / "frozen" / "dist" / APP_NAME]  # fmt: skip
    for candidate in candidates:
        if candidate and (Path(candidate) / f"realname-precheck{EXE}").is_file():
            return Path(candidate).resolve()
    raise SystemExit("no frozen build found: python -m PyInstaller --noconfirm build.spec")


def build() -> tuple[Path, float]:
    """Build into build/bench/ and return the folder and the wall time."""
    out = ROOT / "build" / "bench"
    shutil.rmtree(out, ignore_errors=True)
    cmd = [sys.executable, "-m", "PyInstaller", "--noconfirm", "--log-level", "WARN",
           "--distpath", str(out / "dist"), "--workpath", str(out / "work"),
           "build.spec"]  # fmt: skip
    start = time.perf_counter()
    subprocess.run(cmd, cwd=ROOT, check=True, capture_output=True)
    return out / "dist" / APP_NAME, time.perf_counter() - start


# -- size ---------------------------------------------------------------------------------------


def files(folder: Path) -> list[Path]:
    """Every regular file once (symbolic links are not counted twice)."""
    return [p for p in folder.rglob("*") if p.is_file() and not p.is_symlink()]


def part_of(path: Path, folder: Path) -> str:
    inside = path.relative_to(folder).as_posix()
    for label, markers in PARTS:
        if any(marker in inside for marker in markers):
            return label
    if path.parent == folder:
        return "the two executables (launcher + pure-Python archive)"
    native = ".so" in path.name or path.suffix in (".dll", ".dylib", ".pyd")
    return "other shared libraries (system, C/C++ runtime)" if native else "other files"


def sizes(folder: Path) -> dict[str, int]:
    return {p.relative_to(folder).as_posix(): p.stat().st_size for p in files(folder)}


def compare_report(folder: Path, standard: Path) -> None:
    """What the scan-reading edition adds to the standard one, by part."""
    ours, theirs = sizes(folder), sizes(standard)
    added = {name: size for name, size in ours.items() if name not in theirs}
    grown = sum(ours[name] - theirs[name] for name in ours.keys() & theirs.keys())
    gone = sum(size for name, size in theirs.items() if name not in ours)
    total = sum(ours.values()) - sum(theirs.values())
    print(f"\nScan reading adds {total / MIB:.1f} MiB to {standard} "
          f"({sum(theirs.values()) / MIB:.1f} MiB)\n")  # fmt: skip
    parts: dict[str, int] = defaultdict(int)
    for name, size in added.items():
        parts[part_of(folder / name, folder)] += size
    print("| Added | MiB |\n|---|---|")
    for name, size in sorted(parts.items(), key=lambda kv: -kv[1]):
        print(f"| {name} | {size / MIB:.1f} |")
    print(
        f"| files in both, grown (Python archives; OCR builds keep symbols) | {grown / MIB:.1f} |"
    )
    if gone:
        print(f"| files only in the standard build | -{gone / MIB:.1f} |")


def size_report(folder: Path) -> None:
    all_files = files(folder)
    total = sum(p.stat().st_size for p in all_files)
    verdict = "within" if total <= BUDGET_MIB * MIB else "OVER"
    print(f"\nBundle {folder}: {total / MIB:.1f} MiB ({total / 1e6:.1f} MB) in {len(all_files)} "
          f"files, {verdict} the {BUDGET_MIB} MiB budget\n")  # fmt: skip
    parts: dict[str, int] = defaultdict(int)
    for p in all_files:
        parts[part_of(p, folder)] += p.stat().st_size
    print("| Part | MiB |\n|---|---|")
    for name, size in sorted(parts.items(), key=lambda kv: -kv[1]):
        print(f"| {name} | {size / MIB:.1f} |")
    print("\n| Ten largest files | MiB |\n|---|---|")
    for p in sorted(all_files, key=lambda p: -p.stat().st_size)[:10]:
        print(f"| `{p.relative_to(folder).as_posix()}` | {p.stat().st_size / MIB:.1f} |")


# -- start-up -----------------------------------------------------------------------------------


def evict(folder: Path) -> None:
    """Drop the bundle's files from the page cache (no root needed; a no-op where unsupported)."""
    if not hasattr(os, "posix_fadvise"):
        return
    for p in files(folder):
        fd = os.open(p, os.O_RDONLY)
        try:
            os.posix_fadvise(fd, 0, 0, os.POSIX_FADV_DONTNEED)
        finally:
            os.close(fd)


def time_cli(cmd: list[str], record: Path) -> float:
    start = time.perf_counter()
    subprocess.run([*cmd, "check", "--json", str(record)], capture_output=True, check=False)
    return time.perf_counter() - start


def time_window(cmd: list[str], env: dict[str, str]) -> float:
    """Seconds from launch until Qt logs the first flush of the main window to the screen."""
    start = time.perf_counter()
    proc = subprocess.Popen(cmd, env=env, stderr=subprocess.PIPE, stdout=subprocess.DEVNULL,
                            text=True, encoding="utf-8", errors="replace")  # fmt: skip
    try:
        for line in proc.stderr:
            if "Flushing" in line and "MainWindow" in line:
                return time.perf_counter() - start
        raise SystemExit(f"the window never painted (exit {proc.wait()})")
    finally:
        proc.kill()
        proc.wait()


def window_env(profile: Path) -> dict[str, str]:
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen", QT_FORCE_STDERR_LOGGING="1",
               QT_LOGGING_RULES="qt.widgets.painting.debug=true")  # fmt: skip
    for var in ("HOME", "XDG_CONFIG_HOME", "APPDATA", "LOCALAPPDATA"):
        env[var] = str(profile)
    return env


def median_ms(measure, runs: int, before=None) -> float:
    times = []
    for _ in range(runs):
        if before:
            before()
        times.append(measure())
    return statistics.median(times) * 1000


def startup_report(folder: Path, runs: int, source: bool) -> None:
    record = resource_path("examples", "organization.json")
    cli, gui = [str(folder / f"realname-precheck{EXE}")], [str(folder / f"{APP_NAME}{EXE}")]
    src_cli = [sys.executable, "-m", "desktop.cli"]
    src_gui = [sys.executable, "-m", "desktop.ui.app"]
    with tempfile.TemporaryDirectory() as profile:
        env = window_env(Path(profile))
        time_window(gui, env)  # the first start writes the settings file

        def cold() -> None:
            evict(folder)

        measures = [  # (what, measure, before each run, target ms)
            ("frozen window shown, cold", lambda: time_window(gui, env), cold, 1500),
            ("frozen window shown, warm", lambda: time_window(gui, env), None, 1500),
            ("frozen CLI check, cold", lambda: time_cli(cli, record), cold, 500),
            ("frozen CLI check, warm", lambda: time_cli(cli, record), None, 500),
        ]
        if source:
            measures += [
                ("source window shown, warm", lambda: time_window(src_gui, env), None, 0),
                ("source CLI check, warm", lambda: time_cli(src_cli, record), None, 0),
            ]
        rows = [
            (name, median_ms(fn, runs, before), target) for name, fn, before, target in measures
        ]
    print(f"\n| Start-up (median of {runs}) | ms | Target |\n|---|---|---|")
    for name, ms, target in rows:
        verdict = f"≤ {target} ms: {'met' if ms <= target else 'MISSED'}" if target else ""
        print(f"| {name} | {ms:.0f} | {verdict} |")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("folder", nargs="?", help="the onedir folder (default: see above)")
    parser.add_argument("--build", action="store_true", help="build first, and time the build")
    parser.add_argument("--runs", type=int, default=5, help="runs per start-up measurement")
    parser.add_argument("--source", action="store_true", help="also time the source tree")
    parser.add_argument("--compare", metavar="STANDARD",
                        help="standard build to compare a scan-reading build with")  # fmt: skip
    args = parser.parse_args()
    if args.build:
        folder, seconds = build()
        print(f"Build (python -m PyInstaller build.spec): {seconds:.0f} s")
    else:
        folder = folder_from(args.folder)
    size_report(folder)
    standard = Path(args.compare or ROOT / "build" / "frozen" / "dist" / APP_NAME)
    if (folder / "_internal" / "rapidocr").is_dir() and standard.is_dir():
        compare_report(folder, standard.resolve())
    startup_report(folder, args.runs, args.source)


if __name__ == "__main__":
    main()
