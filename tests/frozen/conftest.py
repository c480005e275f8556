"""The frozen app under test: built once from build.spec, or an existing build named by env var.

``REALNAME_FROZEN_DIR=dist/RealNamePrecheck`` tests that folder (the release workflow does this).
Otherwise the session builds ``build.spec`` into ``build/frozen/`` and reuses that build while
nothing it is made from has changed (source digest stored next to it).
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
from pathlib import Path

import pytest

from desktop import APP_NAME

ROOT = Path(__file__).resolve().parents[2]
BUILD_ROOT = ROOT / "build" / "frozen"
CLI_NAME = "realname-precheck"
EXE_SUFFIX = ".exe" if sys.platform == "win32" else ""
INPUTS = ["build.spec", "pyproject.toml", "scripts/pyinstaller", "desktop", "resources", "i18n"]


@pytest.fixture(scope="session")
def frozen_dir() -> Path:
    """The onedir folder holding both executables."""
    given = os.environ.get("REALNAME_FROZEN_DIR")
    if given:
        folder = Path(given).resolve()
        assert (folder / f"{CLI_NAME}{EXE_SUFFIX}").is_file(), f"no frozen app in {folder}"
        return folder
    if importlib.util.find_spec("PyInstaller") is None:
        pytest.skip('PyInstaller is not installed: python -m pip install -e ".[build]"')
    return build_if_stale()


@pytest.fixture(scope="session")
def cli(frozen_dir: Path) -> Path:
    return frozen_dir / f"{CLI_NAME}{EXE_SUFFIX}"


@pytest.fixture(scope="session")
def gui(frozen_dir: Path) -> Path:
    return frozen_dir / f"{APP_NAME}{EXE_SUFFIX}"


def build_if_stale() -> Path:
    target = BUILD_ROOT / "dist" / APP_NAME
    stamp = BUILD_ROOT / "dist" / f"{APP_NAME}.digest"
    with _lock(BUILD_ROOT / "lock"):
        digest = source_digest()
        if target.is_dir() and stamp.is_file() and stamp.read_text() == digest:
            return target
        fresh = _build(BUILD_ROOT / f"tmp-{os.getpid()}")
        stamp.unlink(missing_ok=True)
        shutil.rmtree(target, ignore_errors=True)
        target.parent.mkdir(parents=True, exist_ok=True)
        fresh.rename(target)
        shutil.rmtree(BUILD_ROOT / f"tmp-{os.getpid()}", ignore_errors=True)
        stamp.write_text(digest)
        return target


def _build(scratch: Path) -> Path:
    shutil.rmtree(scratch, ignore_errors=True)
    scratch.mkdir(parents=True)
    log = scratch / "pyinstaller.log"
    cmd = [sys.executable, "-m", "PyInstaller", "--noconfirm", "--log-level", "WARN",
           "--distpath", str(scratch / "dist"), "--workpath", str(scratch / "work"),
           "build.spec"]  # fmt: skip
    with log.open("w", encoding="utf-8") as out:
        result = subprocess.run(cmd, cwd=ROOT, stdout=out, stderr=subprocess.STDOUT)
    if result.returncode != 0:
        tail = "\n".join(log.read_text(encoding="utf-8").splitlines()[-40:])
        pytest.fail(f"PyInstaller build failed (full log: {log}):\n{tail}", pytrace=False)
    return scratch / "dist" / APP_NAME


def source_digest() -> str:
    """Hash of everything the build is made from, and of the tools that make it."""
    import PyInstaller

    h = hashlib.sha256(f"{sys.version}|{PyInstaller.__version__}".encode())
    for name in INPUTS:
        base = ROOT / name
        files = [base] if base.is_file() else sorted(base.rglob("*"))
        for path in files:
            if path.is_file() and "__pycache__" not in path.parts and path.suffix != ".qm":
                h.update(str(path.relative_to(ROOT)).encode())
                h.update(path.read_bytes())
    return h.hexdigest()


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
