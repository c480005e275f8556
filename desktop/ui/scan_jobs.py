"""What the workers run for a scan: inspect + thumbnail, and convert. No widgets here.

These functions run on pool threads (see :mod:`desktop.ui.workers`). They build a ``QImage``
(safe off the UI thread), never a ``QPixmap`` or a widget.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Any

from PySide6.QtGui import QImage

from desktop.ui.workers import Task


@dataclass(frozen=True)
class Inspected:
    """A scan's report from the core and its thumbnail (None when it cannot be drawn)."""

    path: Path
    report: Any  # desktop.core.images.ImageReport
    preview: QImage | None


def inspect_scan(path: Path, cert_code: str | None, side: int) -> Inspected:
    """Inspect one file (never raises for a bad file) and draw its thumbnail when readable."""
    from desktop.core.images import ImageError, inspect_image, load_preview

    report = inspect_image(path, cert_code=cert_code or None)
    try:
        preview = to_qimage(load_preview(path, max_side=side))
    except ImageError:
        preview = None  # the report already says why the file cannot be read
    return Inspected(path, report, preview)


def convert_scan(task: Task, src: Path, dst: Path, to: str, force: bool) -> Any:
    """Write the compliant copy (atomic, original untouched); reports progress, honours cancel."""
    from desktop.core.images import convert_file

    return convert_file(
        src, dst, to=to, force=force, progress=task.report, cancelled=task.is_cancelled
    )


def to_qimage(image: Any) -> QImage:
    """A Pillow image as an independent ``QImage`` (RGB888)."""
    rgb = image.convert("RGB")
    data = rgb.tobytes("raw", "RGB")
    width, height = rgb.size
    return QImage(data, width, height, 3 * width, QImage.Format.Format_RGB888).copy()
