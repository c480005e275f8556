"""What the built folder must contain: the data and plugins a frozen app loses silently."""

from __future__ import annotations

import os
import re
import subprocess
import sys
from pathlib import Path

import pytest

from desktop import __version__
from tests.frozen.conftest import ROOT

pytestmark = pytest.mark.slow
PLATFORM_PLUGIN = {"win32": "qwindows", "darwin": "libqcocoa"}.get(sys.platform, "libqxcb")


def internal(frozen_dir: Path) -> Path:
    return frozen_dir / "_internal"


def files_under(folder: Path) -> set[str]:
    return {p.relative_to(folder).as_posix() for p in folder.rglob("*") if p.is_file()}


def test_every_resource_is_shipped(frozen_dir: Path) -> None:
    shipped = files_under(internal(frozen_dir) / "resources")
    assert files_under(ROOT / "resources") <= shipped


def test_translations_are_compiled_and_shipped(frozen_dir: Path) -> None:
    shipped = files_under(internal(frozen_dir) / "resources" / "i18n")
    assert {ts.with_suffix(".qm").name for ts in (ROOT / "i18n").glob("*.ts")} <= shipped
    assert any(internal(frozen_dir).rglob("qtbase_zh_CN.qm")), "Qt's own Chinese catalogue"


def test_stdnum_data_is_shipped(frozen_dir: Path) -> None:
    import stdnum

    package = Path(stdnum.__file__).parent
    tables = {p.relative_to(package).as_posix() for p in package.rglob("*.dat")}
    assert tables and tables <= files_under(internal(frozen_dir) / "stdnum")


@pytest.mark.parametrize("plugin", ["qoffscreen", PLATFORM_PLUGIN])
def test_qt_platform_plugins_are_shipped(frozen_dir: Path, plugin: str) -> None:
    names = {p.stem.removeprefix("lib") for p in internal(frozen_dir).rglob("platforms/*")}
    assert plugin.removeprefix("lib") in names


def native_names(frozen_dir: Path) -> list[str]:
    """Names of the shared libraries and extension modules in the bundle."""
    native = re.compile(r"\.(so|pyd|dll|dylib)(\.|$)")
    return [p.name for p in internal(frozen_dir).rglob("*") if native.search(p.name)]


@pytest.mark.parametrize("library", ["_imaging", "heif", "pdfium"])
def test_codec_libraries_are_shipped(frozen_dir: Path, library: str) -> None:
    assert any(library in name for name in native_names(frozen_dir))


@pytest.mark.parametrize("module", ["Network", "Qml", "Quick", "WebEngine", "Pdf", "Sql", "3D"])
def test_unused_qt_modules_are_left_out(frozen_dir: Path, module: str) -> None:
    pattern = re.compile(rf"Qt6?{module}")
    assert not [name for name in native_names(frozen_dir) if pattern.search(name)]


def version_tables(exe: Path) -> dict[str, dict[str, str]]:
    """The string tables of a Windows executable's version resource, by language key."""
    import pefile  # PyInstaller's own dependency on Windows

    pe = pefile.PE(str(exe), fast_load=True)
    pe.parse_data_directories([pefile.DIRECTORY_ENTRY["IMAGE_DIRECTORY_ENTRY_RESOURCE"]])
    tables = {}
    for info in (item for group in getattr(pe, "FileInfo", []) for item in group):
        for table in getattr(info, "StringTable", []):
            entries = table.entries.items()
            tables[table.LangID.decode()] = {k.decode(): v.decode() for k, v in entries}
    pe.close()
    return tables


@pytest.mark.skipif(sys.platform != "win32", reason="version resources exist on Windows only")
def test_windows_version_resource_in_chinese_and_english(gui: Path, cli: Path) -> None:
    for exe in (gui, cli):
        tables = version_tables(exe)
        assert set(tables) == {"080404B0", "040904B0"}  # zh-CN and en-US, Unicode
        zh, en = tables["080404B0"], tables["040904B0"]
        assert zh["ProductVersion"] == en["ProductVersion"] == __version__
        assert zh["ProductName"] == "实名预检助手" and en["ProductName"] == "RealName Precheck"
        assert zh["OriginalFilename"] == en["OriginalFilename"] == exe.name


@pytest.mark.skipif(sys.platform != "win32", reason="Windows wheels only")
def test_software_opengl_is_not_shipped(frozen_dir: Path) -> None:
    """opengl32sw.dll (Mesa, 20 MB): the widgets never render with OpenGL."""
    assert not list(internal(frozen_dir).rglob("opengl32sw.dll"))


LOAD_ALL = """
import ctypes, os, re, sys
from pathlib import Path
for path in sorted(Path(sys.argv[1]).rglob("*")):
    plain = path.is_file() and not path.is_symlink() and re.search(r"\\.so(\\.|$)", path.name)
    if plain and not re.search(r"cpython|abi3|^libpython", path.name):
        try:
            ctypes.CDLL(str(path), mode=os.RTLD_LAZY)
        except OSError as exc:
            print(f"{path.name}: {exc}")
"""


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="stripped libraries: Linux")
def test_every_native_library_loads(frozen_dir: Path) -> None:
    """Stripping must not break a library (libraries of absent system packages excepted)."""
    lib_dirs = [internal(frozen_dir), internal(frozen_dir) / "PySide6" / "Qt" / "lib"]
    env = dict(os.environ, LD_LIBRARY_PATH=os.pathsep.join(map(str, lib_dirs)))
    out = subprocess.run([sys.executable, "-c", LOAD_ALL, str(internal(frozen_dir))],
                         capture_output=True, text=True, env=env, check=True).stdout  # fmt: skip
    shipped = {p.name for p in internal(frozen_dir).rglob("*")}
    failures = [line for line in out.splitlines() if not needs_absent_system_library(line, shipped)]
    assert failures == []


def needs_absent_system_library(error: str, shipped: set[str]) -> bool:
    """True for "libqxcb.so: libxcb-icccm.so.4: cannot open shared object file..." when the
    missing library is a system one (not ours) that this machine lacks."""
    found = re.search(r": (\S+): cannot open shared object file", error)
    return bool(found) and found.group(1) not in shipped
