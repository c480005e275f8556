"""Write a file so that it either appears complete or not at all (temporary file + os.replace)."""

from __future__ import annotations

import contextlib
import os
import secrets
from collections.abc import Iterator
from pathlib import Path


def temp_path_beside(target: Path, tag: str = "") -> Path:
    """A new, empty, hidden temporary file beside ``target`` (same disk: the rename is atomic).

    Created like any new file (permissions follow the umask), unlike ``mkstemp``'s private 0600.
    """
    for _ in range(100):
        path = target.with_name(f".{target.stem}{tag}.{secrets.token_hex(4)}.part")
        try:
            path.open("xb").close()
        except FileExistsError:
            continue
        return path
    raise FileExistsError(f"no free temporary name beside {target}")


@contextlib.contextmanager
def atomic_target(target: Path) -> Iterator[Path]:
    """Yield a temporary path to write; on success it replaces ``target``, on error it is removed.

    >>> import tempfile, pathlib
    >>> out = pathlib.Path(tempfile.mkdtemp()) / "a b.txt"
    >>> with atomic_target(out) as tmp:
    ...     _ = tmp.write_text("done")
    >>> out.read_text(), [p.name for p in out.parent.iterdir()]
    ('done', ['a b.txt'])
    """
    tmp = temp_path_beside(target)
    try:
        yield tmp
        os.replace(tmp, target)
    finally:
        remove_quietly(tmp)


def remove_quietly(path: Path) -> None:
    """Delete ``path`` if it still exists; never raises."""
    with contextlib.suppress(OSError):
        path.unlink(missing_ok=True)
