"""The optional scan-reading engine: RapidOCR (PP-OCR models) on ONNX Runtime, loaded once.

Install with ``pip install "realname-precheck[ocr]"``. Loading and reading are slow (about a
second each), so a window calls :func:`get_engine` and :meth:`Engine.read` from a worker
thread. The models come inside the ``rapidocr`` wheel; they are passed by path, so a missing
model is a clear :class:`OcrUnavailable`, never a download.
"""

from __future__ import annotations

import importlib.util
import os
import sys
import threading
from pathlib import Path

from desktop.core.ocr.lines import TextLine, from_quads


def _install_hint() -> str:
    """How to get scan reading: the extra from source, a scan-reading build for the frozen app."""
    if getattr(sys, "frozen", False):
        return "install the edition “with scan reading”"
    return 'pip install "realname-precheck[ocr]"'


INSTALL_HINT = _install_hint()
MAX_SIDE = 2000  # the recogniser reads crops of an image at most this large
# A smaller scan (a card photographed ~300 px wide, a page ~700 px tall) has text only a few
# pixels tall: the detector misses or merges its lines and the recogniser, which reads lines
# 48 px tall, confuses its characters. It is enlarged first, as a normal scan's size.
SMALL_SIDE = 1000
UPSCALE_SIDE = 1600
DETECT_SIDE = 960  # the text detector sees the image at this long side (speed)
THREADS = 2
MODEL_GLOBS = {"Det": "*det*.onnx", "Rec": "*rec*.onnx"}


class OcrUnavailable(RuntimeError):
    """Scan reading cannot run here: the ``ocr`` extra or its model files are missing."""


def available() -> bool:
    """True when the ``ocr`` extra is installed (checked without importing it). A module already
    imported counts as is: while one thread imports cv2, its loader briefly leaves a module without
    ``__spec__`` in sys.modules, and find_spec would raise in another thread (a merge preview then
    said "not checked")."""
    modules = ("rapidocr", "onnxruntime", "cv2")
    try:
        return all(sys.modules.get(m) is not None or importlib.util.find_spec(m) for m in modules)
    except (ImportError, ValueError):  # a module blocked or half-installed
        return False


def model_files(folder: Path | None = None) -> dict[str, Path]:
    """The detector and recogniser model files shipped in the rapidocr package."""
    if folder is None:
        spec = importlib.util.find_spec("rapidocr")
        if spec is None or not spec.submodule_search_locations:
            raise OcrUnavailable(f"scan reading is not installed: {INSTALL_HINT}")
        folder = Path(next(iter(spec.submodule_search_locations))) / "models"
    found = {}
    for task, pattern in MODEL_GLOBS.items():
        matches = sorted(folder.glob(pattern))
        if not matches:
            raise OcrUnavailable(
                f"scan reading model missing ({pattern} in {folder}); reinstall: {INSTALL_HINT}"
            )
        found[task] = matches[0]
    return found


def _disable_telemetry() -> None:
    """onnxruntime >= 1.29 queues usage telemetry in the profile and uploads it unless told not to.

    The variable must be set before onnxruntime loads; the call covers Windows event tracing.
    """
    os.environ["ORT_DISABLE_TELEMETRY"] = "1"
    try:
        import onnxruntime
    except ImportError:
        return
    if hasattr(onnxruntime, "disable_telemetry_events"):
        onnxruntime.disable_telemetry_events()


class Engine:
    """A loaded recogniser. ``read`` is thread-safe (calls are serialised)."""

    def __init__(self, models: dict[str, Path] | None = None) -> None:
        if not available():
            raise OcrUnavailable(f"scan reading is not installed: {INSTALL_HINT}")
        paths = models or model_files()
        for path in paths.values():
            if not Path(path).is_file():
                raise OcrUnavailable(f"scan reading model missing ({path}); {INSTALL_HINT}")
        _disable_telemetry()
        try:
            from rapidocr import RapidOCR
        except ImportError as exc:  # a broken install (e.g. a missing native library)
            raise OcrUnavailable(f"scan reading cannot start ({exc}); {INSTALL_HINT}") from None
        self._ocr = RapidOCR(params=_params(paths))
        self._lock = threading.Lock()
        self.read(_blank())  # the first run allocates: pay for it while loading

    def read(self, image) -> list[TextLine]:
        """Text lines of an upright RGB PIL image, boxes in that image's pixels."""
        import numpy as np

        small, scale = _fit(image)
        pixels = np.ascontiguousarray(np.asarray(small.convert("RGB"))[:, :, ::-1])
        with self._lock:
            result = self._ocr(pixels)
        if result.boxes is None or not result.txts:
            return []
        found = zip(result.boxes, result.txts, result.scores, strict=True)
        return from_quads(
            (text, [(x / scale, y / scale) for x, y in box], score) for box, text, score in found
        )


def _params(paths: dict[str, Path]) -> dict:
    return {
        "Global.log_level": "error",
        "Global.use_cls": False,  # upright images: orientation comes from EXIF
        "Global.max_side_len": MAX_SIDE,
        "Det.limit_type": "max",
        "Det.limit_side_len": DETECT_SIDE,
        "Det.model_path": str(paths["Det"]),
        "Rec.model_path": str(paths["Rec"]),
        "EngineConfig.onnxruntime.intra_op_num_threads": THREADS,
    }


def _fit(image):
    """Shrink to ``MAX_SIDE``, enlarge one smaller than ``SMALL_SIDE`` to ``UPSCALE_SIDE``;
    return the image and the scale used (boxes are divided by it).

    >>> from PIL import Image
    >>> [(im.size, round(s, 2)) for im, s in map(_fit, [Image.new("RGB", (w, w // 2))
    ...                                                  for w in (320, 1012, 4000)])]
    [((1600, 800), 5.0), ((1012, 506), 1.0), ((2000, 1000), 0.5)]
    """
    side = max(image.size)
    if side > MAX_SIDE:
        scale = MAX_SIDE / side
    elif 0 < side < SMALL_SIDE:
        scale = UPSCALE_SIDE / side
    else:
        return image, 1.0
    size = (max(1, round(image.width * scale)), max(1, round(image.height * scale)))
    from PIL import Image

    return image.resize(size, Image.Resampling.LANCZOS), scale


def _blank():
    """A card-sized page of dark bars: warms the detector and recogniser for real scans."""
    from PIL import Image, ImageDraw

    image = Image.new("RGB", (1012, 638), "white")
    draw = ImageDraw.Draw(image)
    for row, width in enumerate((240, 160, 420, 520, 600)):
        draw.rectangle((60, 60 + 110 * row, 60 + width, 96 + 110 * row), fill="black")
    return image


_engine: Engine | None = None
_engine_lock = threading.Lock()


def get_engine() -> Engine:
    """The process-wide engine, loaded on first use (call from a worker: ~1–2 s)."""
    global _engine
    with _engine_lock:
        if _engine is None:
            _engine = Engine()
        return _engine


def is_loaded() -> bool:
    return _engine is not None
