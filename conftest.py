"""Doctest collection over desktop/: skip the doctests that need the optional [ocr] extra."""

from __future__ import annotations

import importlib.util

OCR_EXTRA = ("pypinyin", "opencc")

collect_ignore: list[str] = []
if not all(importlib.util.find_spec(name) for name in OCR_EXTRA):
    collect_ignore.append("desktop/core/ocr/compare.py")
