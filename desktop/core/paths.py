"""Locate the shipped data folder the same way from a checkout, a wheel and a frozen app."""

from __future__ import annotations

import ntpath
import os
import sys
from functools import cache
from pathlib import Path


@cache
def resources_dir() -> Path:
    """Return the folder that holds the rule data (``resources/``)."""
    frozen_root = getattr(sys, "_MEIPASS", None)
    if frozen_root:  # PyInstaller bundle: build.spec copies resources/ to the top
        return Path(frozen_root) / "resources"
    package = Path(__file__).resolve().parents[1]
    installed = package / "resources"  # wheel: mapped to desktop/resources
    if installed.is_dir():
        return installed
    return package.parent / "resources"  # source checkout or editable install


def resource_path(*parts: str) -> Path:
    """Return the path of one file inside ``resources/``."""
    return resources_dir().joinpath(*parts)


MAX_PATH = 260  # Windows' classic path limit, unless the system has long paths enabled


def extended(path: str | Path, windows: bool = sys.platform == "win32") -> str:
    r"""The path as a string the Windows file functions accept at any length: over MAX_PATH it
    gets the ``\\?\`` prefix (``\\?\UNC\`` for a share); elsewhere, or short, unchanged.

    >>> extended("C:\\cases\\" + "客户资料\\" * 60 + "scan.jpg", windows=True)[:14]
    '\\\\?\\C:\\cases\\客'
    >>> extended("\\\\server\\share\\" + "a" * 260, windows=True)[:15]
    '\\\\?\\UNC\\server\\'
    >>> extended("C:\\cases\\scan.jpg", windows=True), extended("/tmp/" + "a" * 300)[:6]
    ('C:\\cases\\scan.jpg', '/tmp/a')
    """
    text = os.fspath(path)
    if not windows or len(text) < MAX_PATH or text.startswith("\\\\?\\"):
        return text
    full = ntpath.normpath(os.path.abspath(text) if sys.platform == "win32" else text)
    if full.startswith("\\\\"):
        return "\\\\?\\UNC\\" + full[2:]
    return "\\\\?\\" + full
