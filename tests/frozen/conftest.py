"""The frozen app under test: built once from build.spec, or an existing build named by env var.

``REALNAME_FROZEN_DIR=dist/RealNamePrecheck`` tests that folder (the release workflow does this).
Otherwise the session builds ``build.spec`` into ``build/frozen/`` and reuses that build while
nothing it is made from has changed (source digest stored next to it). The edition with scan
reading (``REALNAME_BUILD_OCR=1``) is built the same way into ``build/frozen-ocr/``, or named by
``REALNAME_FROZEN_OCR_DIR``; only the tests that need it build it.
"""

from __future__ import annotations

import hashlib
import importlib.util
import os
import shutil
import subprocess
import sys
import time
from collections.abc import Iterator
from contextlib import contextmanager
from importlib.metadata import PackageNotFoundError, version
from pathlib import Path

import pytest

from desktop import APP_NAME

ROOT = Path(__file__).resolve().parents[2]
BUILD_ROOT = ROOT / "build" / "frozen"
OCR_BUILD_ROOT = ROOT / "build" / "frozen-ocr"
CLI_NAME = "realname-precheck"
EXE_SUFFIX = ".exe" if sys.platform == "win32" else ""
INPUTS = ["build.spec", "pyproject.toml", "scripts/pyinstaller", "desktop", "resources", "i18n"]
# What REALNAME_BUILD_OCR=1 bundles (build.spec OCR_MODULES), by import name and distribution
OCR_PACKAGES = {"rapidocr": "rapidocr", "onnxruntime": "onnxruntime",
                "cv2": "opencv-python-headless", "numpy": "numpy", "pypinyin": "pypinyin",
                "opencc": "opencc-python-reimplemented"}  # fmt: skip


@pytest.fixture(scope="session")
def frozen_dir() -> Path:
    """The onedir folder holding both executables."""
    given = os.environ.get("REALNAME_FROZEN_DIR")
    if given:
        return _given(given)
    _need_pyinstaller()
    return build_if_stale()


@pytest.fixture(scope="session")
def frozen_ocr_dir() -> Path:
    """The same folder built with scan reading: engine, ONNX Runtime and models inside."""
    given = os.environ.get("REALNAME_FROZEN_OCR_DIR")
    if given:
        return _given(given)
    _need_pyinstaller()
    missing = [name for name in OCR_PACKAGES if importlib.util.find_spec(name) is None]
    if missing:
        pytest.skip(f'the ocr extra is not installed ({", ".join(missing)} missing): '
                    'python -m pip install -e ".[ocr]"')  # fmt: skip
    return build_if_stale(OCR_BUILD_ROOT, ocr=True)


def _given(path: str) -> Path:
    folder = Path(path).resolve()
    assert (folder / f"{CLI_NAME}{EXE_SUFFIX}").is_file(), f"no frozen app in {folder}"
    return folder


def _need_pyinstaller() -> None:
    if importlib.util.find_spec("PyInstaller") is None:
        pytest.skip('PyInstaller is not installed: python -m pip install -e ".[build]"')


@pytest.fixture(scope="session")
def cli(frozen_dir: Path) -> Path:
    return frozen_dir / f"{CLI_NAME}{EXE_SUFFIX}"


@pytest.fixture(scope="session")
def gui(frozen_dir: Path) -> Path:
    return frozen_dir / f"{APP_NAME}{EXE_SUFFIX}"


def build_if_stale(root: Path = BUILD_ROOT, ocr: bool = False) -> Path:
    """The build in ``root``, rebuilt first if anything it is made from has changed."""
    target = root / "dist" / APP_NAME
    stamp = root / "dist" / f"{APP_NAME}.digest"
    with _lock(root / "lock"):
        digest = source_digest(ocr)
        if target.is_dir() and stamp.is_file() and stamp.read_text() == digest:
            return target
        fresh = _build(root / f"tmp-{os.getpid()}", ocr)
        stamp.unlink(missing_ok=True)
        shutil.rmtree(target, ignore_errors=True)
        target.parent.mkdir(parents=True, exist_ok=True)
        fresh.rename(target)
        shutil.rmtree(root / f"tmp-{os.getpid()}", ignore_errors=True)
        stamp.write_text(digest)
        return target


def _build(scratch: Path, ocr: bool) -> Path:
    shutil.rmtree(scratch, ignore_errors=True)
    scratch.mkdir(parents=True)
    log = scratch / "pyinstaller.log"
    cmd = [sys.executable, "-m", "PyInstaller", "--noconfirm", "--log-level", "WARN",
           "--distpath", str(scratch / "dist"), "--workpath", str(scratch / "work"),
           "build.spec"]  # fmt: skip
    env = {**os.environ, "REALNAME_BUILD_OCR": "1" if ocr else "0"}  # never inherited
    with log.open("w", encoding="utf-8") as out:
        result = subprocess.run(cmd, cwd=ROOT, env=env, stdout=out, stderr=subprocess.STDOUT)
    if result.returncode != 0:
        tail = "\n".join(log.read_text(encoding="utf-8").splitlines()[-40:])
        pytest.fail(f"PyInstaller build failed (full log: {log}):\n{tail}", pytrace=False)
    return scratch / "dist" / APP_NAME


def source_digest(ocr: bool = False) -> str:
    """Hash of everything the build is made from, and of the tools that make it."""
    import PyInstaller

    h = hashlib.sha256(f"{sys.version}|{PyInstaller.__version__}".encode())
    if ocr:  # the engine and models come from these installed distributions
        h.update(" ".join(f"{d}={_version(d)}" for d in OCR_PACKAGES.values()).encode())
    for name in INPUTS:
        base = ROOT / name
        files = [base] if base.is_file() else sorted(base.rglob("*"))
        for path in files:
            if path.is_file() and "__pycache__" not in path.parts and path.suffix != ".qm":
                h.update(str(path.relative_to(ROOT)).encode())
                h.update(path.read_bytes())
    return h.hexdigest()


def _version(distribution: str) -> str:
    try:
        return version(distribution)
    except PackageNotFoundError:  # e.g. opencv-python instead of the headless build
        return "absent"


@contextmanager
def _lock(path: Path, timeout: float = 900) -> Iterator[None]:
    """Serialise builds of concurrent test sessions (mkdir is atomic everywhere)."""
    path.parent.mkdir(parents=True, exist_ok=True)
    deadline = time.monotonic() + timeout
    while True:
        try:
            path.mkdir()
            break
        except FileExistsError:
            if _age(path) > timeout:  # left behind by a killed session
                path.rmdir()
            elif time.monotonic() > deadline:
                pytest.fail(f"another session holds {path} for too long", pytrace=False)
            time.sleep(1)
    try:
        yield
    finally:
        path.rmdir()


def _age(path: Path) -> float:
    try:
        return time.time() - path.stat().st_mtime
    except FileNotFoundError:
        return 0.0


def run(exe: Path, *args: str, timeout: float = 60) -> subprocess.CompletedProcess[str]:
    """Run a frozen executable; output decoded as UTF-8 (what the CLI writes on every platform)."""
    return subprocess.run(
        [str(exe), *args], capture_output=True, text=True, encoding="utf-8", timeout=timeout
    )
