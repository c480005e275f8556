"""Straighten or merge scan files into a compliant JPG/BMP, the way ``convert`` writes them.

Same guarantees as :func:`desktop.core.images.convert_file`: the original is never touched, the
output appears atomically, it is upright sRGB without metadata, and inside the byte window (the
resolution/quality search of :mod:`desktop.core.images.fit`).
"""

from __future__ import annotations

import math
import os
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from PIL import Image

from desktop.core import rules
from desktop.core.atomic import atomic_target
from desktop.core.capture import detect, straighten, upright
from desktop.core.capture.detect import Outline
from desktop.core.capture.geometry import Quad
from desktop.core.images import fit
from desktop.core.images.convert import SUFFIXES, ConvertResult, output_path
from desktop.core.images.errors import ImageError
from desktop.core.images.loading import Header, decode, read_header

DETECT_DRAFT, DETECT_MAX = 500, 1000  # detection decode: JPEG draft >= 500 px, at most 1000
READ_TURN = "read"  # straighten_file: find the upright turn with the scan reader


@dataclass(frozen=True)
class Found:
    """A reduced decode of a scan and the document found on it (corners in full-size pixels)."""

    preview: Image.Image
    full_size: tuple[int, int]
    outline: Outline | None

    @property
    def scale(self) -> float:
        return self.preview.width / self.full_size[0]


def find_in_file(src: str | Path, *, method: str | None = None) -> Found:
    """Decode ``src`` reduced (JPEG draft) and find the document; ImageError when unreadable."""
    decoded = decode(Path(src), max_long_side=DETECT_MAX, draft_long_side=DETECT_DRAFT)
    outline = detect.find_document(decoded.image, method=method)
    full = (decoded.header.width, decoded.header.height)
    if outline is not None:
        outline = outline.scaled(full[0] / decoded.image.width, full)
    return Found(decoded.image, full, outline)


def straightened_image(
    src: str | Path, corners: Quad | None = None, *, max_long_side: int | None = None
) -> tuple[Image.Image, straighten.Plan | None]:
    """The straightened document of ``src`` (``corners`` in full-size pixels, found when None);
    the whole upright picture and None when no document was found."""
    src = Path(src)
    if corners is None:
        found = find_in_file(src)
        if found.outline is None:
            return decode(src, max_long_side=max_long_side or _long_cap()).image, None
        corners = found.outline.corners
    header = read_header(src)
    layout = straighten.plan(corners, (header.width, header.height), max_long_side=max_long_side)
    need = max(layout.size)
    full = max(header.width, header.height)
    doc_long = max(straighten.geo.side_lengths(corners))
    # decode only as large as the output needs: a JPEG draft at 1/2 when the document allows it
    pixels = decode_for_warp(src, header, math.ceil(full * need / max(doc_long, 1)))
    width = pixels.width if isinstance(pixels, Image.Image) else pixels.shape[1]
    return straighten.warp(pixels, layout, width / header.width), layout


@dataclass(frozen=True)
class Face:
    """One document straightened, then turned upright: what straighten writes, one merge side."""

    image: Image.Image
    layout: straighten.Plan | None  # None: no document found, the whole picture
    turn: int | None  # counter-clockwise degrees applied; None: orientation not checked


def upright_face(
    src: str | Path,
    corners: Quad | None = None,
    *,
    max_long_side: int | None = None,
    turn: int | str | None = READ_TURN,
) -> Face:
    """``src``'s document straightened (:func:`straightened_image`) and turned ``turn`` degrees
    counter-clockwise; READ_TURN reads the turn on the straightened document with the ``ocr``
    extra (turned only when the reader is certain; None without the extra)."""
    image, layout = straightened_image(src, corners, max_long_side=max_long_side)
    if turn == READ_TURN:
        turn = upright.document_turn(image)
    return Face(upright.turned(image, turn or 0), layout, turn)


def decode_for_warp(src: Path, header: Header, long_side: int) -> Any:
    """The full picture for the one warp: with OpenCV, a JPEG without a colour profile is
    decoded straight into a BGR array (EXIF orientation applied by OpenCV), which saves two
    full-size copies; anything else goes through the product's own decoder."""
    cv2 = detect.opencv()
    if cv2 is not None and header.format == "JPEG" and not _has_icc(src):
        import numpy as np

        reduced = long_side * 2 <= max(header.width, header.height)
        flag = cv2.IMREAD_REDUCED_COLOR_2 if reduced else cv2.IMREAD_COLOR
        try:
            array = cv2.imdecode(np.fromfile(src, np.uint8), flag)  # fromfile: any file name
        except (OSError, ValueError, cv2.error):
            array = None
        want = (header.width // 2, header.height // 2) if reduced else (header.width, header.height)
        if (
            array is not None
            and max(abs(array.shape[1] - want[0]), abs(array.shape[0] - want[1])) <= 1
        ):
            return array
    return decode(src, draft_long_side=long_side).image


def _has_icc(src: Path) -> bool:
    try:
        with Image.open(src) as im:
            return bool(im.info.get("icc_profile"))
    except (OSError, ValueError):
        return True


def _long_cap() -> int:
    return rules.load("image_rules")["convert"]["max_long_side"]


def straighten_file(
    src: str | Path,
    dst: str | Path | None = None,
    *,
    corners: Quad | None = None,
    to: str = "jpg",
    out_dir: str | Path | None = None,
    min_bytes: int = 56320,
    max_bytes: int = 1_000_000,
    force: bool = False,
    turn: int | str | None = READ_TURN,
) -> ConvertResult:
    """Write ``src``'s document straightened, cropped and upright as ``<stem>_straight_cnnic.jpg``.

    Without a found document the whole picture is converted as ``convert`` would (note
    ``NO_OUTLINE``); a document running past the photo's edge keeps its cut (white) and is
    noted ``CUT_OFF`` with the edges named (:func:`cut_edges`). ``turn``: counter-clockwise
    degrees to apply after the warp, None for none (orientation not checked), or READ_TURN to
    read it with the ``ocr`` extra (notes ``ROTATED`` or ``ORIENTATION_UNCHECKED``). Raises
    ImageError like ``convert_file``.
    """
    src = Path(src)
    dst = Path(dst) if dst is not None else _default(src, "straight", to, out_dir)
    check_output(src, dst, to, force)
    face = upright_face(src, corners, max_long_side=_long_cap(), turn=turn)
    result = save_fitted(face.image, src, dst, to=to, min_bytes=min_bytes, max_bytes=max_bytes)
    header = read_header(src)
    if face.layout is None:
        result.notes.append("NO_OUTLINE")
    elif cut := cut_edges(face.layout.corners, (header.width, header.height)):
        result.notes.append("CUT_OFF")
        result.note_params["CUT_OFF"] = detect.edge_params(cut)
    upright.note(result, face.turn)
    result.scale = round(result.width / header.width, 4)
    return result


def cut_edges(corners: Quad, frame: tuple[int, int]) -> list[str]:
    """The frame edges (top, right, bottom, left) that the document at ``corners`` runs past,
    in a ``frame``-sized picture (:meth:`Outline.cut_off`: a tight scan filling the whole frame
    is not called cut)."""
    outline = Outline(corners, frame, "corners", 1.0)
    return outline.cut_off()


def merge_files(
    front: str | Path,
    back: str | Path,
    dst: str | Path,
    *,
    to: str = "jpg",
    min_bytes: int = 56320,
    max_bytes: int = 1_000_000,
    force: bool = False,
    corners: tuple[Quad | None, Quad | None] = (None, None),
    turns: tuple[int | str | None, int | str | None] = (READ_TURN, READ_TURN),
) -> ConvertResult:
    """Front above back on a white page, each straightened and turned upright like
    :func:`straighten_file` does (``turns`` per side, as its ``turn``), in one compliant file
    ``dst``. Notes ``FRONT_ROTATED``/``BACK_ROTATED`` say which side was turned, or
    ``ORIENTATION_UNCHECKED``."""
    front, back, dst = Path(front), Path(back), Path(dst)
    check_output(front, dst, to, force)
    check_output(back, dst, to, force)
    sides = zip((front, back), corners, turns, strict=True)
    faces = [upright_face(path, quad, turn=turn) for path, quad, turn in sides]
    page = merge_images([face.image for face in faces])
    result = save_fitted(page, front, dst, to=to, min_bytes=min_bytes, max_bytes=max_bytes)
    if any(face.layout is None for face in faces):
        result.notes.append("NO_OUTLINE")
    upright.note_sides(result, [face.turn for face in faces])
    return result


def merge_images(faces: list[Image.Image]) -> Image.Image:
    """The faces stacked at one width on a white page, with a margin and a gap between them."""
    cfg = rules.load("capture")["merge"]
    width = min(cfg["width"], max(face.width for face in faces))
    scaled = [_to_width(face, width) for face in faces]
    margin, gap = round(cfg["margin"] * width), round(cfg["gap"] * width)
    height = 2 * margin + sum(f.height for f in scaled) + gap * (len(scaled) - 1)
    page = Image.new("RGB", (width + 2 * margin, height), straighten.WHITE)
    y = margin
    for face in scaled:
        page.paste(face, (margin, y))
        y += face.height + gap
    return page


def _to_width(image: Image.Image, width: int) -> Image.Image:
    if image.width == width:
        return image
    height = max(1, round(image.height * width / image.width))
    return image.resize((width, height), Image.Resampling.LANCZOS, reducing_gap=3.0)


def straightened_name(src: Path, *, to: str = "jpg", out_dir: str | Path | None = None) -> Path:
    """``<stem>_straight_cnnic.jpg`` beside ``src`` or in ``out_dir``.

    >>> straightened_name(Path("扫描/身份证.png")).as_posix()
    '扫描/身份证_straight_cnnic.jpg'
    """
    return _default(src, "straight", to, out_dir)


def _default(src: Path, tag: str, to: str, out_dir: str | Path | None) -> Path:
    plain = output_path(src, to=to, out_dir=out_dir)
    return plain.with_name(f"{src.stem}_{tag}{plain.name[len(src.stem) :]}")


def _target(to: str) -> str:
    return {"jpg": "JPEG", "jpeg": "JPEG", "bmp": "BMP"}[to.lower().lstrip(".")]


def check_output(src: Path, dst: Path, to: str, force: bool) -> None:
    """The same refusals as ``convert``: wrong suffix, the original itself, an existing file."""
    target = _target(to)
    if dst.suffix.lower() not in SUFFIXES[target]:
        raise ImageError(
            "CONVERT_BAD_EXTENSION", name=dst.name, format=target, extension=SUFFIXES[target][0]
        )
    if src.exists() and dst.exists() and os.path.samefile(src, dst):
        raise ImageError("CONVERT_SAME_FILE", name=src.name)
    if os.path.normcase(os.path.abspath(src)) == os.path.normcase(os.path.abspath(dst)):
        raise ImageError("CONVERT_SAME_FILE", name=src.name)
    if dst.exists() and not force:
        raise ImageError("CONVERT_OUTPUT_EXISTS", name=dst.name, path=str(dst))


def save_fitted(
    image: Image.Image, src: Path, dst: Path, *, to: str, min_bytes: int, max_bytes: int
) -> ConvertResult:
    """Encode ``image`` into the byte window at ``dst`` (atomic), as ``convert`` does."""
    if not 0 < min_bytes < max_bytes:
        raise ValueError(f"need 0 < min_bytes < max_bytes (got {min_bytes}, {max_bytes})")
    window = fit.Window(min_bytes, max_bytes)
    image = image.convert("RGB")
    image.info = {}
    try:
        if _target(to) == "BMP":
            return _save_bmp(image, src, dst, window)
        return _save_jpeg(image, src, dst, window)
    except OSError as exc:
        raise ImageError(
            "CONVERT_WRITE_FAILED", name=dst.name, error=exc.strerror or str(exc)
        ) from None


def _save_jpeg(image: Image.Image, src: Path, dst: Path, window: fit.Window) -> ConvertResult:
    policy = fit.JpegPolicy.from_rules(rules.load("image_rules")["convert"])
    encoder = fit.Encoder(dst, lambda: None)
    try:
        chosen = fit.fit_jpeg(image, window, encoder, policy)
        os.replace(encoder.best, dst)
    finally:
        encoder.close()
    width = chosen.size[0]
    result = _result(src, dst, "JPEG", chosen.attempt.size, chosen.size, chosen.attempt.quality)
    result.scale, result.encodes = round(width / image.width, 4), chosen.encodes
    if chosen.enlarged > 1:
        result.notes.append("UPSCALED")
        result.note_params["UPSCALED"] = {"scale": round(chosen.enlarged, 2)}
    return result


def _save_bmp(image: Image.Image, src: Path, dst: Path, window: fit.Window) -> ConvertResult:
    size = fit.bmp_size(image.width, image.height, window)
    if size != image.size:
        image = image.resize(size, Image.Resampling.LANCZOS, reducing_gap=3.0)
    with atomic_target(dst) as tmp:
        image.save(tmp, "BMP")
    return _result(src, dst, "BMP", dst.stat().st_size, size, None)


def _result(
    src: Path, dst: Path, fmt: str, size: int, dims: tuple[int, int], quality: int | None
) -> ConvertResult:
    return ConvertResult(src, dst, fmt, size, dims[0], dims[1], quality, 1.0)


def describe(result: ConvertResult) -> dict[str, Any]:
    """``--json`` shape of a straighten/merge result (the convert shape)."""
    return result.to_json()
