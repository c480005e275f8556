"""Where unexpected errors are kept: a small log in the user's local app-data folder.

The windowed Windows executable has no console (``sys.stderr`` is None), so a report written
only to stderr would be lost. Reports are scrubbed first: no identity number reaches the disk.
``REALNAME_PROFILE_DIR`` moves the log (and the settings, desktop/ui/settings.py) elsewhere,
which every test does.
"""

from __future__ import annotations

import os
import re
import sys
import time
from pathlib import Path

from desktop import APP_NAME
from desktop.core import atomic

PROFILE_ENV = "REALNAME_PROFILE_DIR"
LOG_NAME = "errors.log"
MAX_BYTES = 512 * 1024  # older reports are dropped beyond this
REDACTED = "[redacted]"
# A word holding five or more digits (any script's digits: full-width too) is identity-like:
# ID card, passport, licence and phone numbers. Line numbers have fewer; a dotted version number
# (Windows-10-10.0.19045) is kept whole.
_WORD = re.compile(r"[^\W_]+")
_VERSION = re.compile(r"(?<![\w.])\d+(?:\.\d+){2,}(?![\w.])")


def profile_dir() -> Path | None:
    """The override folder for settings and logs, or None for the platform's own places."""
    value = os.environ.get(PROFILE_ENV, "").strip()
    return Path(value) if value else None


def log_dir() -> Path:
    """``%LOCALAPPDATA%\\RealNamePrecheck\\logs`` on Windows, the XDG state or macOS Logs folder."""
    override = profile_dir()
    if override:
        return override / "logs"
    home = Path.home()
    if sys.platform == "win32":
        base = Path(os.environ.get("LOCALAPPDATA") or home / "AppData" / "Local")
        return base / APP_NAME / "logs"
    if sys.platform == "darwin":
        return home / "Library" / "Logs" / APP_NAME
    base = Path(os.environ.get("XDG_STATE_HOME") or home / ".local" / "state")
    return base / APP_NAME.lower() / "logs"


def scrub(text: str) -> str:
    """Replace every identity-like word (five or more digits in it) by ``[redacted]``.

    >>> scrub("ValueError: 11010119900307123X at line 42 (PySide6 6.6.3)")
    'ValueError: [redacted] at line 42 (PySide6 6.6.3)'
    >>> scrub("passport E12345678, licence 91350100M000100Y43, tel １３８００１３８０００")
    'passport [redacted], licence [redacted], tel [redacted]'
    >>> scrub("Windows-10-10.0.19045 read 110101199003071234.jpg")
    'Windows-10-10.0.19045 read [redacted].jpg'
    """
    parts = _VERSION.split(text)
    versions = _VERSION.findall(text)
    out = [_scrub_words(parts[0])]
    for version, part in zip(versions, parts[1:], strict=True):
        out += [version, _scrub_words(part)]
    return "".join(out)


def _scrub_words(text: str) -> str:
    return _WORD.sub(lambda m: REDACTED if _digits(m.group()) >= 5 else m.group(), text)


def _digits(word: str) -> int:
    return sum(ch.isdigit() for ch in word)


def write(report: str) -> Path | None:
    """Append ``report`` (scrubbed, time-stamped) to the log; the log's path, or None if the
    folder cannot be written (an error report must never raise an error of its own)."""
    path = log_dir() / LOG_NAME
    entry = f"--- {time.strftime('%Y-%m-%d %H:%M:%S')}\n{scrub(report).rstrip()}\n\n"
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        old = path.read_text(encoding="utf-8", errors="replace") if path.is_file() else ""
        kept = (old + entry)[-MAX_BYTES:]
        atomic.write_text(path, kept)  # a crash mid-write keeps the old log whole
    except OSError:
        return None
    return path
