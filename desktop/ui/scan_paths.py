"""Turn dropped or chosen paths into the scan files to add (folders expand to their images)."""

from __future__ import annotations

import os
from collections.abc import Iterable
from pathlib import Path

from desktop.core.batch.sources import IMAGE_SUFFIXES

# Formats the scan pipeline reads. A file is added by its name here; what it really is (a PNG
# renamed .jpg, a text file) is decided by the core when it inspects the bytes.
SCAN_SUFFIXES = IMAGE_SUFFIXES


def is_scan_name(path: Path) -> bool:
    """True for names the scan pipeline may read.

    >>> is_scan_name(Path("营业执照 副本.PNG")), is_scan_name(Path("notes.txt"))
    (True, False)
    """
    return path.suffix.lower() in SCAN_SUFFIXES


def expand(paths: Iterable[str | Path]) -> list[Path]:
    """Files as given (any name: the core reports what they are), folders as their scans.

    Folders are walked one level deep, in name order; duplicates are dropped.
    """
    found: dict[Path, None] = {}
    for raw in paths:
        path = Path(raw)
        if path.is_dir():
            for child in sorted(path.iterdir(), key=lambda p: p.name.lower()):
                if child.is_file() and is_scan_name(child):
                    found.setdefault(child, None)
        elif str(raw):
            found.setdefault(path, None)
    return list(found)


def as_given(path: str | Path) -> Path:
    """An absolute path spelled as the user gave it: made absolute and normalised, never
    resolved (resolve() turns a mapped drive Z:\\ into \\\\server\\share, follows links).

    >>> as_given("/cases/acme/../acme/record.json").as_posix()
    '/cases/acme/record.json'
    """
    return Path(os.path.abspath(path))


def file_key(path: Path) -> tuple[str, int, int] | None:
    """(path, mtime, size): a changed file gets a new key, so a cached report is not reused."""
    try:
        stat = path.stat()
    except OSError:
        return None
    return (os.path.normcase(str(path.resolve())), stat.st_mtime_ns, stat.st_size)


def relative_to_record(scan: Path, record_file: Path | None) -> str:
    """How a scan is written into a saved record: relative to its folder when inside it.

    >>> relative_to_record(Path("/cases/acme/scan.jpg"), Path("/cases/acme/record.json"))
    'scan.jpg'
    >>> relative_to_record(Path("/elsewhere/scan.jpg"), Path("/cases/acme/record.json"))
    '/elsewhere/scan.jpg'
    """
    if record_file is not None:
        try:
            return scan.relative_to(record_file.parent).as_posix()
        except ValueError:
            pass
    return str(scan)
