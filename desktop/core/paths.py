"""Locate the shipped data folder the same way from a checkout, a wheel and a frozen app."""

from __future__ import annotations

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
