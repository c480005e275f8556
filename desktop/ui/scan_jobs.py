"""What the workers run for a scan: inspect, draw a thumbnail, convert. No widgets here.

These functions run on pool threads (see :mod:`desktop.ui.workers`). They build a ``QImage``
(safe off the UI thread), never a ``QPixmap`` or a widget. Inspecting and drawing the thumbnail
are separate tasks so that, on two cores, a slow HEIC or PDF is decoded for both at once.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from PySide6.QtCore import QSize, Qt
from PySide6.QtGui import QImage, QPixmap

from desktop.ui.workers import Task

UNREADABLE = ("IMAGE_UNREADABLE", "IMAGE_MISSING")


def inspect_scan(path: Path, cert_code: str) -> Any:
    """The core's ImageReport (never raises for a bad file: problems become findings)."""
    from desktop.core.images import inspect_image

    return inspect_image(path, cert_code=cert_code or None)


def preview_scan(path: Path, side: int) -> QImage | None:
    """An upright thumbnail of at most ``side`` pixels, or None when the file cannot be drawn."""
    from desktop.core.images import ImageError, load_preview

    try:
        return to_qimage(load_preview(path, max_side=side))
    except ImageError:
        return None  # the report says why the file cannot be read


def convert_scan(task: Task, src: Path, dst: Path, to: str, force: bool, turn: int = 0) -> Any:
    """Write the compliant copy (atomic, original untouched); reports progress, honours cancel.

    ``turn``: degrees counter-clockwise that the scan reader is sure make the scan upright.
    """
    from desktop.core.ocr.upright import convert_upright

    options = {"to": to, "force": force, "progress": task.report, "cancelled": task.is_cancelled}
    return convert_upright(src, dst, turn, **options)


def readable(report: Any) -> bool:
    """Could the core open the file (so it can be converted)?"""
    return report is not None and not any(f.code in UNREADABLE for f in report.findings)


def to_qimage(image: Any) -> QImage:
    """A Pillow image as an independent ``QImage`` (RGB888)."""
    rgb = image.convert("RGB")
    data = rgb.tobytes("raw", "RGB")
    width, height = rgb.size
    return QImage(data, width, height, 3 * width, QImage.Format.Format_RGB888).copy()


def fitted_pixmap(image: QImage, size: QSize) -> QPixmap:
    """``image`` scaled smoothly to fit ``size``, keeping its proportions (a dialog's preview)."""
    return QPixmap.fromImage(image).scaled(
        size, Qt.AspectRatioMode.KeepAspectRatio, Qt.TransformationMode.SmoothTransformation
    )
