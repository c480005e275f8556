"""Read scans and cross-check them against a record: the entry points for the CLI and the window.

Window use (never on the UI thread): in a worker call :func:`load` once, then
:func:`read_scan` per image; the resulting :class:`Reading` objects are plain data. Back on the
UI thread, :func:`desktop.core.ocr.crosscheck.crosscheck` turns them into findings (fast) and
:meth:`Reading.values` offers the fields to fill from the scan.
"""

from __future__ import annotations

import sys
from collections.abc import Iterable
from datetime import date
from pathlib import Path

from desktop.core import rules
from desktop.core.findings import Finding, make
from desktop.core.ocr import engine
from desktop.core.ocr.crosscheck import crosscheck
from desktop.core.ocr.document import understand
from desktop.core.ocr.orient import read_upright
from desktop.core.ocr.reading import Reading
from desktop.core.record import Record, image_paths


class ScanError(ValueError):
    """The file cannot be opened as an image; ``code`` is the image check's finding code."""

    def __init__(self, message: str, code: str = "") -> None:
        super().__init__(message)
        self.code = code


def not_installed() -> Finding:
    """An info finding saying scan reading is off and how to enable it (for the window)."""
    how = rules.load("ocr_install")["frozen" if getattr(sys, "frozen", False) else "source"]
    command = how.get("command", "")
    hints = {f"hint_{lang}": f"{how[lang]} {command}".strip() for lang in ("zh", "en")}
    return make("OCR_NOT_INSTALLED", (), command=command, **hints)


def load() -> engine.Engine:
    """Load the engine once (slow: call from a worker). Raises :class:`engine.OcrUnavailable`."""
    return engine.get_engine()


def open_image(path: str | Path):
    """The scan upright (EXIF orientation applied), RGB, at most ``engine.MAX_SIDE`` pixels.

    Decoding is the scans core's (format sniffing, HEIC, PDF first page, bomb guard).
    """
    from desktop.core.images import ImageError, load_preview

    try:
        return load_preview(path, engine.MAX_SIDE)
    except ImageError as exc:
        raise ScanError(exc.message("en"), exc.code) from None


def read_scan(path: str | Path) -> Reading:
    """Recognise one scan upright and understand it (slow: worker thread).

    A scan lying on its side or upside down is turned (see :mod:`desktop.core.ocr.orient`):
    ``Reading.rotation`` says by how much, and the boxes are in the turned image's pixels.
    """
    reader = engine.get_engine()  # first: a missing extra is said even for a broken file
    return read_upright(open_image(path), reader.read, understand)


def read_scans(paths: Iterable[str | Path]) -> dict[int, Reading]:
    """Read every scan that opens; missing or broken files are left to the image checks."""
    readings = {}
    for index, path in enumerate(paths):
        try:
            readings[index] = read_scan(path)
        except ScanError:
            continue
    return readings


def scan_findings(
    record: Record,
    *,
    today: date | None = None,
    base_dir: str | Path | None = None,
    extra_images: Iterable[str | Path] = (),
) -> list[Finding]:
    """OCR every scan of ``record`` (resolved like :func:`desktop.core.engine.check_record`)."""
    paths = [*image_paths(record, base_dir), *(Path(p) for p in extra_images)]
    readings = read_scans(paths)
    names = {i: p.name for i, p in enumerate(paths)}
    return crosscheck(record, readings, today or date.today(), names)
