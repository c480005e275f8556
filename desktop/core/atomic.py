"""The one writer for every file the app writes (records, reports, converted scans).

A file either appears complete or not at all: it is written to a hidden temporary ``.part`` file
in the same folder (same disk, so the rename is atomic), then published with a rename. Temporary
files carry the writing process's id; a later run removes those whose process is gone, and they
are never taken as inputs. New files get normal permissions (0666 less the umask: 0644 usually,
never ``mkstemp``'s private 0600); a file that is replaced keeps its permissions.

``exclusive=True`` publishes only when the name is free (two runs racing: the second gets
FileExistsError); otherwise the last complete file wins. On Windows a target held open by another
program (Excel, a viewer) is retried briefly before the error reaches the user.
"""

from __future__ import annotations

import contextlib
import errno
import os
import re
import secrets
import stat
import sys
import time
from collections.abc import Callable, Iterator
from pathlib import Path

PART_SUFFIX = ".part"
_PART = re.compile(r"^\..*\.(\d+)-[0-9a-f]{8}\.part$")
STALE_SECONDS = 24 * 3600  # a temporary file this old is stale whoever wrote it
_RETRY_SECONDS = (0.05, 0.1, 0.2, 0.4, 0.8)  # a locked target: about 1.5 s in all
_WINDOWS = sys.platform == "win32"
_LOCKED_WINERRORS = {32, 33}  # sharing violation, lock violation
_HIDDEN, _NORMAL = 0x2, 0x80


def temp_path_beside(target: Path, tag: str = "") -> Path:
    """A new, empty, hidden temporary file beside ``target`` (removes stale ones first)."""
    target = Path(target)
    remove_stale(target.parent)
    for _ in range(100):
        name = f".{target.stem}{tag}.{os.getpid()}-{secrets.token_hex(4)}{PART_SUFFIX}"
        path = target.with_name(name)
        try:
            path.open("xb").close()
        except FileExistsError:
            continue
        _set_hidden(path, True)
        return path
    raise FileExistsError(errno.EEXIST, "no free temporary name", str(target))


def is_temporary(path: str | Path) -> bool:
    """True for a temporary file of this writer (never to be taken as an input).

    >>> is_temporary(".a_cnnic.fit.123-0a1b2c3d.part"), is_temporary("a.jpg")
    (True, False)
    """
    return bool(_PART.match(Path(path).name))


def remove_stale(folder: Path) -> int:
    """Delete temporary files in ``folder`` whose writer has died (or that are a day old)."""
    removed = 0
    try:
        entries = list(os.scandir(folder))
    except OSError:
        return 0
    for entry in entries:
        match = _PART.match(entry.name)
        if match is None or not _stale(entry, int(match.group(1))):
            continue
        with contextlib.suppress(OSError):
            os.unlink(entry.path)
            removed += 1
    return removed


def _stale(entry: os.DirEntry, pid: int) -> bool:
    try:
        age = time.time() - entry.stat(follow_symlinks=False).st_mtime
    except OSError:
        return False
    return age > STALE_SECONDS or (pid != os.getpid() and not _process_alive(pid))


def _process_alive(pid: int) -> bool:
    if _WINDOWS:
        return _windows_process_alive(pid)
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except OSError:  # exists, owned by someone else
        return True
    return not _zombie(pid)


def _zombie(pid: int) -> bool:
    """A process that has exited but not been reaped yet (Linux: state Z in /proc)."""
    try:
        stat_line = Path(f"/proc/{pid}/stat").read_text(encoding="ascii", errors="replace")
    except OSError:
        return False
    return stat_line.rpartition(")")[2].split()[:1] == ["Z"]


def _windows_process_alive(pid: int) -> bool:  # pragma: no cover - Windows only
    import ctypes

    kernel32 = ctypes.windll.kernel32
    handle = kernel32.OpenProcess(0x1000, False, pid)  # PROCESS_QUERY_LIMITED_INFORMATION
    if not handle:
        return ctypes.GetLastError() == 5  # access denied: it exists
    try:
        code = ctypes.c_ulong()
        kernel32.GetExitCodeProcess(handle, ctypes.byref(code))
        return code.value == 259  # STILL_ACTIVE
    finally:
        kernel32.CloseHandle(handle)


def _set_hidden(path: Path, hidden: bool) -> None:
    """Windows has no dot-file convention: set (or clear) the hidden attribute."""
    if _WINDOWS:  # pragma: no cover - Windows only
        import ctypes

        ctypes.windll.kernel32.SetFileAttributesW(str(path), _HIDDEN if hidden else _NORMAL)


def publish(tmp: Path, target: Path, *, exclusive: bool = False) -> None:
    """Move the finished ``tmp`` onto ``target`` (see the module docstring for the rules)."""
    tmp, target = Path(tmp), Path(target)
    _flush_to_disk(tmp)
    _set_hidden(tmp, False)  # a rename keeps the attributes: the output must not be hidden
    if exclusive:
        _publish_new(tmp, target)
    else:
        _keep_mode(target, tmp)
        _retry_locked(lambda: os.replace(tmp, target))


def _flush_to_disk(path: Path) -> None:
    with contextlib.suppress(OSError), open(path, "rb+") as fh:
        os.fsync(fh.fileno())


def _keep_mode(target: Path, tmp: Path) -> None:
    with contextlib.suppress(OSError):
        os.chmod(tmp, stat.S_IMODE(os.stat(target).st_mode))


def _publish_new(tmp: Path, target: Path) -> None:
    """Publish only if ``target`` does not exist, atomically (no check-then-rename race)."""
    if _WINDOWS:  # MoveFileEx without REPLACE_EXISTING refuses an existing target
        _retry_locked(lambda: os.rename(tmp, target))
        return
    try:
        os.link(tmp, target)  # fails with FileExistsError when the name is taken
    except FileExistsError:
        raise
    except OSError:  # a file system without hard links (FAT, some network shares)
        os.close(os.open(target, os.O_CREAT | os.O_EXCL | os.O_WRONLY, 0o666))
        os.replace(tmp, target)
        return
    remove_quietly(tmp)


def _retry_locked(action: Callable[[], None]) -> None:
    """Run ``action``; while Windows says the target is in use, wait a little and try again."""
    for delay in (*_RETRY_SECONDS, None):
        try:
            action()
            return
        except PermissionError as exc:
            if delay is None or not _maybe_locked(exc):
                raise
            time.sleep(delay)


def _maybe_locked(exc: OSError) -> bool:
    return _WINDOWS and getattr(exc, "winerror", None) in {5, *_LOCKED_WINERRORS}


@contextlib.contextmanager
def atomic_target(target: str | Path, *, exclusive: bool = False) -> Iterator[Path]:
    """Yield a temporary path to write; on success it is published as ``target``, on error
    removed.

    >>> import tempfile, pathlib
    >>> out = pathlib.Path(tempfile.mkdtemp()) / "a b.txt"
    >>> with atomic_target(out) as tmp:
    ...     _ = tmp.write_text("done")
    >>> out.read_text(), [p.name for p in out.parent.iterdir()]
    ('done', ['a b.txt'])
    """
    target = Path(target)
    tmp = temp_path_beside(target)
    try:
        yield tmp
        publish(tmp, target, exclusive=exclusive)
    finally:
        remove_quietly(tmp)


def write_bytes(target: str | Path, data: bytes, *, exclusive: bool = False) -> None:
    """Write ``data`` as ``target`` atomically (raises OSError; see :func:`failure`)."""
    with atomic_target(target, exclusive=exclusive) as tmp:
        tmp.write_bytes(data)


def write_text(target: str | Path, text: str, *, exclusive: bool = False) -> None:
    """Write ``text`` as UTF-8 to ``target`` atomically."""
    write_bytes(target, text.encode("utf-8"), exclusive=exclusive)


def remove_quietly(path: Path) -> None:
    """Delete ``path`` if it still exists; never raises."""
    with contextlib.suppress(OSError):
        Path(path).unlink(missing_ok=True)


# --- why writing failed, in words a user can act on ---------------------------------------------

_BY_ERRNO = {
    errno.ENOSPC: "no_space",
    errno.EROFS: "read_only",
    errno.ENAMETOOLONG: "name_too_long",
    errno.ENOENT: "no_folder",
    errno.ENOTDIR: "not_folder",
    errno.EISDIR: "is_folder",
    errno.EEXIST: "exists",
}
_BY_WINERROR = {32: "locked", 33: "locked", 112: "no_space", 39: "no_space", 206: "name_too_long",
                123: "bad_name", 3: "no_folder", 19: "read_only"}  # fmt: skip
if hasattr(errno, "EDQUOT"):
    _BY_ERRNO[errno.EDQUOT] = "no_space"


def failure(exc: OSError, target: str | Path | None = None) -> str:
    """The cause of a failed write, a key of ``_reasons`` "write_<cause>" in messages/images.json:
    locked, read_only, no_space, name_too_long, no_folder, not_folder, is_folder, exists,
    bad_name, permission or other.

    >>> failure(OSError(errno.ENOSPC, "No space left on device"))
    'no_space'
    """
    winerror = getattr(exc, "winerror", None)
    if winerror in _BY_WINERROR:
        return _BY_WINERROR[winerror]
    if exc.errno in _BY_ERRNO:
        return _BY_ERRNO[exc.errno]
    if exc.errno in (errno.EACCES, errno.EPERM):
        if target is not None and _read_only(Path(target)):
            return "read_only"
        return "locked" if winerror == 5 else "permission"
    if exc.errno == errno.EINVAL:
        return "bad_name"
    return "other"


def _read_only(target: Path) -> bool:
    try:
        return target.exists() and not os.access(target, os.W_OK)
    except (OSError, ValueError):
        return False


def failure_texts(exc: OSError, target: str | Path | None = None) -> dict[str, str]:
    """``reason``, ``reason_zh``, ``reason_en`` and ``error`` of a failed write, for messages."""
    from desktop.core import rules

    cause = failure(exc, target)
    detail = exc.strerror or str(exc) or type(exc).__name__
    texts = rules.load("messages/images")["_reasons"][f"write_{cause}"]
    zh, en = (texts[lang].format(error=detail) for lang in ("zh", "en"))
    return {"reason": cause, "reason_zh": zh, "reason_en": en, "error": detail}
