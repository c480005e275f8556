"""The real format of a file, read from its first bytes (its name can lie: a PNG renamed .jpg)."""

from __future__ import annotations

from functools import cache
from pathlib import Path

from desktop.core import rules
from desktop.core.paths import extended

HEAD_BYTES = 1024
_BMP_HEADER_SIZES = {12, 16, 40, 52, 56, 64, 108, 124}
_HEIF_BRANDS = {b"heic", b"heix", b"hevc", b"hevx", b"heim", b"heis", b"hevm", b"hevs"}
_AVIF_BRANDS = {b"avif", b"avis"}
_GENERIC_BRANDS = {b"mif1", b"msf1", b"miaf"}


def sniff(head: bytes) -> str | None:
    """Name the format of a file from its first bytes (1 KB is enough), or None.

    >>> sniff(bytes.fromhex("ffd8ffe0") + b"JFIF"), sniff(b"\\x89PNG\\r\\n\\x1a\\n")
    ('JPEG', 'PNG')
    >>> sniff(b"hello world"), sniff(b"")
    (None, None)
    """
    for name, test in _TESTS:
        if test(head):
            return name
    return None


def _is_bmp(head: bytes) -> bool:
    return head[:2] == b"BM" and int.from_bytes(head[14:18], "little") in _BMP_HEADER_SIZES


def _is_tiff(head: bytes) -> bool:
    return head[:4] in (b"II*\x00", b"MM\x00*", b"II+\x00", b"MM\x00+")


def _iso_brands(head: bytes) -> set[bytes]:
    """Major and compatible brands of an ISO-BMFF ``ftyp`` box (HEIF, AVIF)."""
    if head[4:8] != b"ftyp":
        return set()
    size = min(int.from_bytes(head[:4], "big"), len(head))
    return {head[8:12]} | {head[i : i + 4] for i in range(16, size - 3, 4)}


def _is_avif(head: bytes) -> bool:
    return bool(_iso_brands(head) & _AVIF_BRANDS)


def _is_heif(head: bytes) -> bool:
    brands = _iso_brands(head)
    return bool(brands & _HEIF_BRANDS) or bool(brands & _GENERIC_BRANDS and not _is_avif(head))


_TESTS = (
    ("JPEG", lambda h: h[:3] == b"\xff\xd8\xff"),
    ("BMP", _is_bmp),
    ("PNG", lambda h: h[:8] == b"\x89PNG\r\n\x1a\n"),
    ("GIF", lambda h: h[:6] in (b"GIF87a", b"GIF89a")),
    ("TIFF", _is_tiff),
    ("WEBP", lambda h: h[:4] == b"RIFF" and h[8:12] == b"WEBP"),
    ("AVIF", _is_avif),
    ("HEIF", _is_heif),
    ("PDF", lambda h: b"%PDF-" in h[:HEAD_BYTES]),
)


def read_head(path: Path) -> bytes:
    """The first bytes of a file (raises OSError when it cannot be read)."""
    with Path(extended(path)).open("rb") as fh:
        return fh.read(HEAD_BYTES)


def accepted() -> tuple[str, ...]:
    """Formats the registry takes (JPEG and BMP, by content)."""
    return tuple(rules.load("image_rules")["formats"]["accepted"])


@cache
def _by_extension() -> dict[str, str]:
    table = rules.load("image_rules")["formats"]["extensions"]
    return {ext: fmt for fmt, exts in table.items() for ext in exts}


def scan_suffixes() -> frozenset[str]:
    """Every file extension of a format the scan pipeline reads (resources/image_rules.json).

    >>> {".jpg", ".heic", ".pdf"} <= scan_suffixes(), ".txt" in scan_suffixes()
    (True, False)
    """
    return frozenset(_by_extension())


def format_of_name(path: str | Path) -> str | None:
    """The format a file name claims by its extension (case-insensitive), or None.

    >>> format_of_name("扫描件/营业执照 副本.JPEG"), format_of_name("a.txt")
    ('JPEG', None)
    """
    return _by_extension().get(Path(path).suffix.lower())
