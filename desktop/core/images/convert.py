"""Convert any readable scan into a compliant JPG (or BMP) by re-encoding, never by renaming.

The output is upright (EXIF orientation applied), 24-bit sRGB RGB, free of every metadata block
(EXIF, GPS, XMP, ICC, comments), baseline JPEG, and inside the byte window. The original is
never touched; the output appears atomically (temporary file, then ``os.replace``).
"""

from __future__ import annotations

import errno
import math
import os
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from desktop.core import rules
from desktop.core.atomic import atomic_target, failure_texts, publish
from desktop.core.images import fit
from desktop.core.images.errors import ImageError, reason_params
from desktop.core.images.loading import Header, decode, read_header
from desktop.core.normalize import printable

TARGETS = {"jpg": "JPEG", "jpeg": "JPEG", "bmp": "BMP"}
SUFFIXES = {"JPEG": (".jpg", ".jpeg"), "BMP": (".bmp",)}
# Bytes of a JPEG at quality ~90 relative to the source file, by source format (None: unknown).
_JPEG_EQUIVALENT = {"JPEG": 1.0, "HEIF": 2.0, "AVIF": 2.0, "WEBP": 1.3}

Progress = Callable[[float], None]
Cancelled = Callable[[], bool]


@dataclass
class ConvertResult:
    """What was written. ``scale`` is output width over the upright source width."""

    input: Path
    output: Path
    format: str  # "JPEG" or "BMP"
    bytes: int
    width: int
    height: int
    quality: int | None  # JPEG quality (None for BMP)
    scale: float
    notes: list[str] = field(default_factory=list)  # "MULTI_PAGE", "UPSCALED", "LOW_RESOLUTION"
    note_params: dict[str, dict[str, Any]] = field(default_factory=dict)
    encodes: int = 0  # JPEG encodes spent fitting the window

    def note_messages(self, lang: str = "zh") -> list[str]:
        """The notes as sentences (messages CONVERT_<note> in resources/messages/images.json)."""
        return [
            rules.message_text(f"CONVERT_{note}", lang, self.note_params.get(note, {}))
            for note in self.notes
        ]

    def to_json(self) -> dict[str, Any]:
        """The ``--json`` shape: input, output, format, bytes, width, height, quality, scale,
        notes and their parameters (e.g. ``{"ROTATED": {"degrees": 90}}``)."""
        return {
            "input": str(self.input),
            "output": str(self.output),
            "format": self.format,
            "bytes": self.bytes,
            "width": self.width,
            "height": self.height,
            "quality": self.quality,
            "scale": self.scale,
            "notes": list(self.notes),
            "note_params": {k: dict(v) for k, v in self.note_params.items()},
        }


def output_path(
    src: str | Path,
    dst: str | Path | None = None,
    *,
    to: str = "jpg",
    out_dir: str | Path | None = None,
) -> Path:
    """The output: ``dst``, or ``<stem>_cnnic.<to>`` beside ``src`` or in ``out_dir``.

    >>> output_path("扫描/营业执照 副本.png").as_posix()
    '扫描/营业执照 副本_cnnic.jpg'
    >>> output_path("a.heic", to="bmp", out_dir="out").as_posix()
    'out/a_cnnic.bmp'
    """
    if dst is not None:
        return Path(dst)
    src = Path(src)
    folder = Path(out_dir) if out_dir is not None else src.parent
    return folder / f"{src.stem}_cnnic.{_suffix(to)}"


def _suffix(to: str) -> str:
    target = _target(to)
    return SUFFIXES[target][0].lstrip(".")


def _target(to: str) -> str:
    try:
        return TARGETS[to.lower().lstrip(".")]
    except KeyError:
        raise ValueError(f"cannot convert to {to!r}: choose jpg or bmp") from None


def convert_file(
    src: str | Path,
    dst: str | Path | None = None,
    *,
    to: str = "jpg",
    out_dir: str | Path | None = None,
    min_bytes: int = 56320,
    max_bytes: int = 1_000_000,
    force: bool = False,
    inputs: Sequence[str | Path] = (),
    progress: Progress | None = None,
    cancelled: Cancelled | None = None,
) -> ConvertResult:
    """Re-encode ``src`` as a compliant JPEG or BMP; see the module docstring for the guarantees.

    Raises ImageError: unreadable or missing input (IMAGE_UNREADABLE, IMAGE_MISSING), output that
    exists without ``force`` (CONVERT_OUTPUT_EXISTS), output equal to the input
    (CONVERT_SAME_FILE) or to another of the run's ``inputs`` (CONVERT_OUTPUT_IS_INPUT, even with
    ``force``), wrong output suffix (CONVERT_BAD_EXTENSION), write errors
    (CONVERT_WRITE_FAILED), or ``cancelled()`` turning true (CONVERT_CANCELLED). Safe to call from
    several threads at once (every call works on its own Image objects).
    """
    src, target = Path(src), _target(to)
    dst = output_path(src, dst, to=to, out_dir=out_dir)
    window = _window(min_bytes, max_bytes)
    _check_output(src, dst, target, force, inputs)
    if out_dir is not None:
        make_folder(Path(out_dir))
    steps = _Steps(src, progress, cancelled, force)
    header = read_header(src)
    steps.done(0.1)
    try:
        _check_shape(header)
        if target == "JPEG":
            result = _to_jpeg(src, dst, header, window, steps)
        else:
            result = _to_bmp(src, dst, header, window, steps)
    except fit.CannotFit as exc:
        raise _cannot_fit(src, header, target, window, exc) from None
    _add_notes(result, header)
    steps.done(1.0)
    return result


def _window(min_bytes: int, max_bytes: int) -> fit.Window:
    if not 0 < min_bytes < max_bytes:
        raise ValueError(f"need 0 < min_bytes < max_bytes (got {min_bytes}, {max_bytes})")
    if max_bytes < 4096:
        raise ValueError(f"max_bytes {max_bytes} is too small for any legible picture")
    return fit.Window(min_bytes, max_bytes)


def make_folder(folder: Path) -> None:
    """Create the output folder (CONVERT_WRITE_FAILED when a file or a read-only disk is there)."""
    try:
        folder.mkdir(parents=True, exist_ok=True)
    except FileExistsError as exc:  # a file of that name
        raise _write_failed(folder, NotADirectoryError(errno.ENOTDIR, exc.strerror)) from None
    except (OSError, ValueError) as exc:
        error = exc if isinstance(exc, OSError) else OSError(errno.EINVAL, str(exc))
        raise _write_failed(folder, error) from None


def _check_output(
    src: Path, dst: Path, target: str, force: bool, inputs: Sequence[str | Path] = ()
) -> None:
    if dst.suffix.lower() not in SUFFIXES[target]:
        raise ImageError(
            "CONVERT_BAD_EXTENSION", name=dst.name, format=target, extension=SUFFIXES[target][0]
        )
    if _same_file(src, dst):
        raise ImageError("CONVERT_SAME_FILE", name=src.name)
    if any(_same_file(Path(other), dst) for other in inputs):
        raise ImageError("CONVERT_OUTPUT_IS_INPUT", name=dst.name)
    if _exists_quietly(dst) and not force:
        raise ImageError("CONVERT_OUTPUT_EXISTS", name=dst.name, path=str(dst))


def _same_file(src: Path, dst: Path) -> bool:
    try:
        if dst.exists() and src.exists():
            return os.path.samefile(src, dst)
    except (OSError, ValueError):  # ValueError: a NUL or an unpaired surrogate in a name
        pass
    return os.path.normcase(os.path.abspath(src)) == os.path.normcase(os.path.abspath(dst))


def _check_shape(header: Header) -> None:
    """A strip (1×300,000) is no document and fits no window: refused before any decoding."""
    ratio = _rules()["max_aspect"]
    if max(header.width, header.height) > ratio * min(header.width, header.height):
        raise fit.CannotFit("fit_aspect", ratio=ratio)


def _cannot_fit(
    src: Path, header: Header, target: str, window: fit.Window, exc: fit.CannotFit
) -> ImageError:
    return ImageError(
        "CONVERT_CANNOT_FIT", name=src.name, width=header.width, height=header.height,
        format=target, min_bytes=window.min_bytes, max_bytes=window.max_bytes,
        **reason_params(exc.reason, **exc.params),
    )  # fmt: skip


def _exists_quietly(path: Path) -> bool:
    try:
        return path.exists()
    except ValueError:  # no file can have this name
        return False


class _Steps:
    """Progress reports and the cancellation check between the expensive steps."""

    def __init__(
        self, src: Path, progress: Progress | None, cancelled: Cancelled | None, force: bool
    ) -> None:
        self.src, self.progress, self.cancelled = src, progress, cancelled
        self.force = force  # replace an existing output (else the output is created exclusively)

    def check(self) -> None:
        if self.cancelled is not None and self.cancelled():
            raise ImageError("CONVERT_CANCELLED", name=self.src.name)

    def done(self, fraction: float) -> None:
        self.check()
        if self.progress is not None:
            self.progress(min(1.0, fraction))


def _rules() -> dict[str, Any]:
    return rules.load("image_rules")["convert"]


# --- JPEG --------------------------------------------------------------------------------------


def working_long_side(header: Header, max_bytes: int) -> int:
    """The long side to work at: the full size, unless the source's own bytes say it will not
    fit at a high quality (a 12 MP phone photo: about 2000 px, sharp, at quality 90-95)."""
    cfg = _rules()
    long_side = max(header.width, header.height)
    capped = min(long_side, cfg["scan_max_long_side"])
    ratio = _JPEG_EQUIVALENT.get(header.format or "")
    if ratio is None:
        return capped
    factor = math.sqrt(max_bytes * fit.AIM / (header.bytes * ratio))
    estimate = max(round(long_side * factor), min(long_side, cfg["photo_min_long_side"]))
    return min(capped, estimate)


def _to_jpeg(
    src: Path, dst: Path, header: Header, window: fit.Window, steps: _Steps
) -> ConvertResult:
    cfg = _rules()
    long_side = working_long_side(header, window.max_bytes)
    # A JPEG draft scale within 15 % of the wanted size is used as it is: no resampling at all.
    slack = 1.15
    decoded = decode(
        src, max_long_side=round(long_side * slack), draft_long_side=round(long_side / slack)
    )
    steps.done(0.5)
    try:
        encoder = fit.Encoder(dst, steps.check)
    except OSError as exc:
        raise _write_failed(dst, exc) from None
    try:
        chosen = fit.fit_jpeg(decoded.image, window, encoder, fit.JpegPolicy.from_rules(cfg))
        if not window.min_bytes <= chosen.attempt.size <= window.max_bytes:
            raise fit.CannotFit("fit_window")  # never published, never reported as success
        steps.done(0.95)
        _publish(encoder.best, dst, steps, exclusive=not steps.force)
    except FileExistsError:
        raise _exists(dst) from None
    except OSError as exc:
        raise _write_failed(dst, exc) from None
    finally:
        encoder.close()
    width, height = chosen.size
    result = ConvertResult(
        src, dst, "JPEG", chosen.attempt.size, width, height, chosen.attempt.quality,
        round(width / header.width, 4), encodes=chosen.encodes,
    )  # fmt: skip
    if chosen.enlarged > 1:
        result.notes.append("UPSCALED")
        result.note_params["UPSCALED"] = {"scale": round(chosen.enlarged, 2)}
    return result


def _publish(temp: Path, dst: Path, steps: _Steps, *, exclusive: bool) -> None:
    """Move the finished temporary file onto the output name (atomic on one disk)."""
    steps.check()
    publish(temp, dst, exclusive=exclusive)


def _write_failed(dst: Path, exc: OSError) -> ImageError:
    """CONVERT_WRITE_FAILED with the real cause (locked, read-only, no space, name too long...).

    An OSError without an errno is the encoder's refusal (libjpeg's "Maximum supported image
    dimension"), not a write fault: that is CannotFit, not a word about disks.
    """
    if exc.errno is None and getattr(exc, "winerror", None) is None:
        raise fit.CannotFit("encoder", error=printable(str(exc), 120))
    return ImageError("CONVERT_WRITE_FAILED", name=dst.name, **failure_texts(exc, dst))


def _exists(dst: Path) -> ImageError:
    return ImageError("CONVERT_OUTPUT_EXISTS", name=dst.name, path=str(dst))


# --- BMP ---------------------------------------------------------------------------------------


def _to_bmp(
    src: Path, dst: Path, header: Header, window: fit.Window, steps: _Steps
) -> ConvertResult:
    from PIL import Image

    size = fit.bmp_size(header.width, header.height, window)
    if not window.min_bytes <= fit.bmp_bytes(*size) <= window.max_bytes:
        raise fit.CannotFit("fit_window")  # known from the size alone: before any decoding
    long_side = max(size)
    # Decode to at least twice the target, then one Lanczos step: text stays crisp (pitfall 4).
    decoded = decode(src, max_long_side=4 * long_side, draft_long_side=2 * long_side)
    steps.done(0.6)
    image = decoded.image
    if image.size != size:
        image = image.resize(size, Image.Resampling.LANCZOS, reducing_gap=3.0)
    try:
        with atomic_target(dst, exclusive=not steps.force) as tmp:
            image.save(tmp, "BMP")
            steps.check()
    except FileExistsError:
        raise _exists(dst) from None
    except OSError as exc:
        raise _write_failed(dst, exc) from None
    result = ConvertResult(
        src,
        dst,
        "BMP",
        dst.stat().st_size,
        size[0],
        size[1],
        None,
        round(size[0] / header.width, 4),
    )
    if size[0] > header.width:
        result.notes.append("UPSCALED")
        result.note_params["UPSCALED"] = {"scale": round(size[0] / header.width, 2)}
    return result


# --- notes -------------------------------------------------------------------------------------


def _add_notes(result: ConvertResult, header: Header) -> None:
    if header.pages > 1:
        result.notes.insert(0, "MULTI_PAGE")
        result.note_params["MULTI_PAGE"] = {"pages": header.pages}
    limits = rules.load("image_rules")["resolution"]
    long_side, short_side = max(header.width, header.height), min(header.width, header.height)
    if long_side < limits["min_long_side"] or short_side < limits["min_short_side"]:
        result.notes.append("LOW_RESOLUTION")
        result.note_params["LOW_RESOLUTION"] = {"width": header.width, "height": header.height}
