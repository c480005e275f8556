"""Any decoded Pillow mode → 8-bit sRGB RGB: ICC applied, alpha laid on white, 16-bit scaled."""

from __future__ import annotations

import contextlib
import io

from PIL import Image, ImageCms

WHITE = (255, 255, 255)
_ALPHA_MODES = {"RGBA", "RGBa", "LA", "La", "PA"}
_WIDE_MODES = {"I;16", "I;16L", "I;16B", "I;16N", "I", "F"}


def to_srgb(im: Image.Image, icc: bytes | None = None) -> Image.Image:
    """Return ``im`` as 8-bit RGB in sRGB; ``icc`` is the embedded profile (None: assume sRGB).

    >>> to_srgb(Image.new("RGBA", (2, 2), (0, 0, 0, 0))).getpixel((0, 0))
    (255, 255, 255)
    >>> to_srgb(Image.new("I;16", (2, 2), 65535)).getpixel((0, 0))
    (255, 255, 255)
    """
    im = _eight_bit(im)
    if im.mode == "P":
        im = im.convert("RGBA" if "transparency" in im.info else "RGB")
    if im.mode in _ALPHA_MODES:
        im = flatten_on_white(im)
    if icc and not _is_srgb(icc):
        converted = _apply_icc(im, icc)
        if converted is not None:
            return converted
    return im if im.mode == "RGB" else im.convert("RGB")


def _eight_bit(im: Image.Image) -> Image.Image:
    """16-bit and float greyscale scaled to 0..255 (``convert("L")`` would clamp them white)."""
    if im.mode not in _WIDE_MODES:
        return im.convert("L") if im.mode == "1" else im
    if im.mode == "F":
        high = im.getextrema()[1]
        factor = 255.0 if high <= 1.0 else (255.0 / 65535.0 if high > 255 else 1.0)
        return im.point(lambda v: v * factor).convert("L")
    wide = im if im.mode == "I" else im.convert("I")
    high = wide.getextrema()[1]
    if im.mode != "I" or high > 255:  # 16-bit samples, whatever the file actually used
        wide = wide.point(lambda v: v * (255.0 / 65535.0))
    return wide.convert("L")


def flatten_on_white(im: Image.Image) -> Image.Image:
    """Lay a transparent image over white (what a viewer shows), dropping the alpha channel."""
    rgba = im.convert("RGBA") if im.mode != "RGBA" else im
    base = Image.new("RGB", rgba.size, WHITE)
    base.paste(rgba, mask=rgba.getchannel("A"))
    return base


def _is_srgb(icc: bytes) -> bool:
    try:
        description = ImageCms.getProfileDescription(ImageCms.ImageCmsProfile(io.BytesIO(icc)))
    except (OSError, ImageCms.PyCMSError, TypeError):
        return True  # an unreadable profile: keep the pixels as they are
    return "srgb" in description.lower().replace(" ", "")


def _apply_icc(im: Image.Image, icc: bytes) -> Image.Image | None:
    """Convert through the embedded profile; None when the profile does not fit the pixels."""
    src_mode = im.mode if im.mode in ("RGB", "CMYK", "L") else None
    if src_mode is None:
        return None
    with contextlib.suppress(OSError, ImageCms.PyCMSError, ValueError):
        source = ImageCms.ImageCmsProfile(io.BytesIO(icc))
        target = ImageCms.createProfile("sRGB")
        intent = ImageCms.Intent.RELATIVE_COLORIMETRIC
        return ImageCms.profileToProfile(im, source, target, intent, outputMode="RGB")
    return None
