"""Scans: inspect them like the registry would, and convert them to a compliant JPG or BMP.

Public API (the CLI and the window call exactly these)::

    from desktop.core.images import (
        inspect_image, convert_file, load_preview, ImageReport, ConvertResult, ImageError,
    )

Names load on first use, so importing this package does not import Pillow (``check`` without
images stays fast).
"""

from __future__ import annotations

import importlib
from typing import Any

_EXPORTS = {
    "inspect_image": "inspect",
    "ImageReport": "inspect",
    "convert_file": "convert",
    "ConvertResult": "convert",
    "output_path": "convert",
    "load_preview": "loading",
    "ImageError": "errors",
    "convert_many": "batch",
}
__all__ = sorted(_EXPORTS)


def __getattr__(name: str) -> Any:
    module = _EXPORTS.get(name)
    if module is None:
        raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
    return getattr(importlib.import_module(f"{__name__}.{module}"), name)
