"""Open any supported scan safely and decode it once into an upright sRGB RGB image.

Safety first: the byte size and the pixel count come from the header, and a picture that declares
more pixels than ``max_pixels`` is refused before a single pixel is decoded (a decompression bomb).
Speed: a large JPEG is decoded with ``draft()`` straight to the smallest 1/2, 1/4 or 1/8 scale that
is still big enough; a PDF page is rendered at the size needed. Every call builds its own Image
objects, so threads never share one (Pillow keeps save options on the Image).
"""

from __future__ import annotations

import functools
import math
import stat
import struct
import threading
import warnings
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, TypeVar

import PIL
from PIL import Image

from desktop.core import rules
from desktop.core.atomic import is_temporary
from desktop.core.images.colour import to_srgb
from desktop.core.images.errors import ImageError, unreadable
from desktop.core.images.formats import read_head, sniff
from desktop.core.normalize import printable
from desktop.core.paths import extended

# The same table as ImageOps.exif_transpose; applied here after the reduction (cheaper).
_TRANSPOSE = {
    2: Image.Transpose.FLIP_LEFT_RIGHT,
    3: Image.Transpose.ROTATE_180,
    4: Image.Transpose.FLIP_TOP_BOTTOM,
    5: Image.Transpose.TRANSPOSE,
    6: Image.Transpose.ROTATE_270,
    7: Image.Transpose.TRANSVERSE,
    8: Image.Transpose.ROTATE_90,
}
# Pillow 13 turns a TIFF upright itself: its size is reported upright and load() rotates it and
# drops the tag. Everything else is left to the caller, as ImageOps.exif_transpose expects.
_PILLOW_ROTATES_TIFF = int(PIL.__version__.split(".")[0]) >= 13
# The EXIF tags the header carries (the capture warnings read them: editor, camera, dates), so
# that nothing reopens the file to read them: every open goes through paths.extended here.
EXIF_TAGS = {0x010F: "Make", 0x0110: "Model", 0x0131: "Software", 0x0132: "DateTime"}
EXIF_IFD_TAGS = {0x829A: "ExposureTime", 0x8827: "ISOSpeedRatings", 0x9003: "DateTimeOriginal"}
_EXIF_IFD = 0x8769
_DECODE_ERRORS = (OSError, SyntaxError, ValueError, EOFError, IndexError, TypeError, struct.error)
_HEIF_LOCK = threading.Lock()
_PDF_LOCK = threading.Lock()  # PDFium is not thread-safe
_heif_ready = False
T = TypeVar("T")


@dataclass(frozen=True)
class Header:
    """What a file says about itself before decoding: format by bytes, size, dimensions."""

    path: Path
    format: str | None
    bytes: int
    width: int  # upright (EXIF orientation applied), full resolution (PDF: first page at pdf_dpi)
    height: int
    pages: int
    orientation: int = 1
    exif: dict[int, Any] = field(default_factory=dict, compare=False, repr=False)  # EXIF_TAGS


@dataclass(frozen=True)
class Decoded:
    """One decode: the upright sRGB RGB pixels (possibly reduced) and the file's header."""

    image: Image.Image
    header: Header

    @property
    def scale(self) -> float:
        """Decoded width over the full-resolution upright width."""
        return self.image.width / self.header.width


def max_pixels() -> int:
    return int(rules.load("image_rules")["max_pixels"])


def file_facts(path: Path) -> tuple[int, str | None]:
    """Byte size and real format of ``path``; ImageError when it is missing, empty, not a
    regular file (a FIFO or a device is refused at once: reading it would never end) or one of
    the writer's own temporary files."""
    name = printable(path.name)
    try:
        info = path.stat()
    except (OSError, ValueError):  # ValueError: a NUL or an unpaired surrogate in the name
        raise ImageError("IMAGE_MISSING", path=printable(str(path), 200), name=name) from None
    if not stat.S_ISREG(info.st_mode):
        raise unreadable(name, "not_regular")
    if is_temporary(path):
        raise unreadable(name, "temporary")
    if info.st_size == 0:
        raise unreadable(name, "empty")
    try:
        head = read_head(path)
    except OSError:
        raise ImageError("IMAGE_MISSING", path=printable(str(path), 200), name=name) from None
    return info.st_size, sniff(head)


def _guarded(function: Callable[..., T]) -> Callable[..., T]:
    """Every exception a decoder raises becomes IMAGE_UNREADABLE with its reason in words (a
    fuzzed file makes Pillow, libtiff, libheif or PDFium raise almost anything); the
    decoders' warnings are not the user's business."""

    @functools.wraps(function)
    def guarded(path: Path, *args: Any, **kwargs: Any) -> T:
        try:
            with warnings.catch_warnings():
                warnings.simplefilter("ignore")
                return function(path, *args, **kwargs)
        except ImageError:
            raise
        except MemoryError:
            raise unreadable(printable(path.name), "bomb", limit=max_pixels()) from None
        except _DECODE_ERRORS:
            raise unreadable(printable(path.name), "corrupt") from None
        except Exception as exc:
            error = printable(str(exc) or type(exc).__name__, 120)
            raise unreadable(printable(path.name), "decoder", error=error) from None

    return guarded


@_guarded
def read_header(path: Path) -> Header:
    """Facts from the header only, no pixel decoded (ImageError when unreadable or a bomb)."""
    size, fmt = file_facts(path)
    if fmt == "PDF":
        return _pdf_header(path, size)
    with _open(path, fmt) as im:
        return _header_of(im, path, size, fmt)


@_guarded
def decode(
    path: Path,
    *,
    max_long_side: int | None = None,
    draft_long_side: int | None = None,
    resample: Image.Resampling = Image.Resampling.LANCZOS,
) -> Decoded:
    """Decode ``path`` once into upright sRGB RGB with a long side of at most ``max_long_side``.

    ``draft_long_side`` (default: ``max_long_side``) is the smallest long side a reduced JPEG
    decode may give before the final Lanczos resize; ask for about twice the target to keep text
    crisp (pitfall 4 in measured-here.md). ``resample`` is the filter of that final reduction.
    """
    size, fmt = file_facts(path)
    if fmt == "PDF":
        return _decode_pdf(path, size, max_long_side)
    with _open(path, fmt) as im:
        header = _header_of(im, path, size, fmt)
        box = _draft(im, draft_long_side or max_long_side)
        _load(im, path)
        orientation = _orientation(im)  # after load: what Pillow's loader left to do
        icc = im.info.get("icc_profile")
        rgb = to_srgb(im, icc if isinstance(icc, bytes) else None)
        if rgb is im:  # detach the pixels from the file, which closes on leaving this block
            rgb = im.copy()
    rgb = _fit_long_side(rgb, max_long_side, box, resample)
    if orientation in _TRANSPOSE:  # after the reduction: the cheap place to turn it
        rgb = rgb.transpose(_TRANSPOSE[orientation])
    rgb.info = {}
    return Decoded(rgb, header)


def load_preview(path: str | Path, max_side: int = 512) -> Image.Image:
    """An upright RGB thumbnail no larger than ``max_side``, decoded cheaply (draft mode).

    Raises ImageError (missing, unreadable, decompression bomb).
    """
    return decode(Path(path), max_long_side=max_side).image


class _open:
    """Context manager: Pillow's lazy open with the bomb guard, never decoding pixels."""

    def __init__(self, path: Path, fmt: str | None) -> None:
        self.path, self.fmt, self.im = path, fmt, None

    def __enter__(self) -> Image.Image:
        if self.fmt == "HEIF":
            _register_heif()
        try:
            with warnings.catch_warnings():
                warnings.simplefilter("error", Image.DecompressionBombWarning)
                self.im = Image.open(extended(self.path))
        except (Image.DecompressionBombError, Image.DecompressionBombWarning):
            raise unreadable(self.path.name, "bomb", limit=max_pixels()) from None
        except Image.UnidentifiedImageError:
            raise unreadable(self.path.name, "not_image") from None
        except _DECODE_ERRORS:
            raise unreadable(self.path.name, "corrupt") from None
        _refuse_bomb(self.path, *self.im.size)
        return self.im

    def __exit__(self, *exc: object) -> None:
        if self.im is not None:
            self.im.close()


def _refuse_bomb(path: Path, width: int, height: int) -> None:
    if width <= 0 or height <= 0:
        raise unreadable(path.name, "corrupt")
    if width * height > max_pixels():
        raise unreadable(path.name, "bomb", width=width, height=height, limit=max_pixels())


def _orientation(im: Image.Image) -> int:
    """The EXIF orientation still to apply (1: none); a broken EXIF block counts as none."""
    try:
        value = int(im.getexif().get(0x0112, 1) or 1)
    except _DECODE_ERRORS:
        return 1
    if _PILLOW_ROTATES_TIFF and im.format == "TIFF":
        return 1  # Pillow applies it on load
    return value if value in _TRANSPOSE else 1


def _header_of(im: Image.Image, path: Path, size: int, fmt: str | None) -> Header:
    orientation = _orientation(im)
    width, height = im.size
    if orientation in (5, 6, 7, 8):
        width, height = height, width
    pages = int(getattr(im, "n_frames", 1) or 1)
    return Header(path, fmt or im.format, size, width, height, pages, orientation, _exif_tags(im))


def _exif_tags(im: Image.Image) -> dict[int, Any]:
    """The EXIF_TAGS and EXIF_IFD_TAGS the file has; a broken EXIF block gives none."""
    try:
        exif = im.getexif()
        tags = {tag: exif[tag] for tag in EXIF_TAGS if tag in exif}
        if _EXIF_IFD in exif:
            ifd = exif.get_ifd(_EXIF_IFD)
            tags.update((tag, ifd[tag]) for tag in EXIF_IFD_TAGS if tag in ifd)
        return tags
    except Exception:  # a fuzzed EXIF block makes Pillow raise almost anything
        return {}


def _draft(im: Image.Image, long_side: int | None) -> tuple[float, float, float, float] | None:
    """Ask a JPEG decoder for the smallest 1/2..1/8 scale still at least ``long_side`` long."""
    if not long_side or im.format != "JPEG":
        return None
    reduction = max((r for r in (8, 4, 2, 1) if max(im.size) / r >= long_side), default=1)
    if reduction == 1:
        return None
    requested = (max(1, im.size[0] // reduction), max(1, im.size[1] // reduction))
    result = im.draft(im.mode, requested)
    return result[1] if result else None


def _load(im: Image.Image, path: Path) -> None:
    try:
        im.load()
    except MemoryError:
        raise unreadable(path.name, "bomb", limit=max_pixels()) from None
    except _DECODE_ERRORS:
        raise unreadable(path.name, "truncated") from None


def _fit_long_side(
    im: Image.Image,
    long_side: int | None,
    box: tuple[float, float, float, float] | None,
    resample: Image.Resampling = Image.Resampling.LANCZOS,
) -> Image.Image:
    """Lanczos down to ``long_side`` (never up); ``box`` is the valid area after a draft decode."""
    box_w, box_h = (box[2] - box[0], box[3] - box[1]) if box else im.size
    if not long_side or max(box_w, box_h) <= long_side:
        return im.crop(tuple(round(v) for v in box)) if box and _partial(im, box) else im
    factor = long_side / max(box_w, box_h)
    target = (max(1, round(box_w * factor)), max(1, round(box_h * factor)))
    return im.resize(target, resample, box=box, reducing_gap=3.0)


def _partial(im: Image.Image, box: tuple[float, float, float, float]) -> bool:
    return (round(box[2]), round(box[3])) != im.size


def _register_heif() -> None:
    global _heif_ready
    with _HEIF_LOCK:
        if not _heif_ready:
            import pi_heif  # pillow-heif's decode-only build: no 20 MB HEVC encoder to ship

            pi_heif.register_heif_opener()
            _heif_ready = True


# --- PDF: the first page, rendered (PDFium via pypdfium2) -------------------------------------


def _pdf_header(path: Path, size: int) -> Header:
    return _read_pdf(path, size, render=False)[0]


def _decode_pdf(path: Path, size: int, max_long_side: int | None) -> Decoded:
    header, image = _read_pdf(path, size, render=True, max_long_side=max_long_side)
    assert image is not None
    rgb = image.convert("RGB") if image.mode != "RGB" else image
    rgb.info = {}
    return Decoded(rgb, header)


def _read_pdf(
    path: Path, size: int, *, render: bool, max_long_side: int | None = None
) -> tuple[Header, Image.Image | None]:
    """Page count and first-page size at pdf_dpi; with ``render``, the page's pixels too."""
    import pypdfium2 as pdfium

    with _PDF_LOCK:
        try:
            pdf = pdfium.PdfDocument(path.read_bytes())
        except (pdfium.PdfiumError, OSError, ValueError):
            raise unreadable(path.name, "pdf") from None
        try:
            if len(pdf) == 0:
                raise unreadable(path.name, "pdf")
            page = pdf[0]
            width_pt, height_pt = page.get_size()
            if width_pt <= 0 or height_pt <= 0:
                raise unreadable(path.name, "pdf")
            full = _pdf_scale(width_pt, height_pt, None)
            width, height = math.ceil(width_pt * full), math.ceil(height_pt * full)  # as PDFium
            header = Header(path, "PDF", size, width, height, len(pdf))
            if not render:
                return header, None
            scale = _pdf_scale(width_pt, height_pt, max_long_side)
            return header, page.render(scale=scale).to_pil()
        except pdfium.PdfiumError:
            raise unreadable(path.name, "pdf") from None
        finally:
            pdf.close()


def _pdf_scale(width_pt: float, height_pt: float, max_long_side: int | None) -> float:
    """Render scale (pixels per point): pdf_dpi, less when a smaller image is wanted or needed."""
    scale = rules.load("image_rules")["pdf_dpi"] / 72.0
    scale = min(scale, math.sqrt(max_pixels() / max(width_pt * height_pt, 1.0)))
    if max_long_side:
        scale = min(scale, max_long_side / max(width_pt, height_pt, 1.0))
    return scale
