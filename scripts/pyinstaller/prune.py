"""Remove files the app never loads from a PyInstaller Analysis, and the libraries only they need.

PyInstaller's Qt hooks collect whole plugin folders (Wayland, EGL, GTK theme, TUIO touch...) and
then every shared library those plugins link to. Dropping a plugin afterwards leaves its libraries
behind, so :func:`prune` also drops each library that was only reachable through dropped files.
A library that anything kept still links to is never dropped.
"""

from __future__ import annotations

import fnmatch
import posixpath
from pathlib import PurePath

Entry = tuple[str, str, str]  # (destination in the bundle, source path, type code)


def matches(dest: str, patterns: list[str]) -> bool:
    """True when the bundle path ``dest`` matches one of the glob ``patterns``.

    >>> matches("PySide6/Qt/plugins/platforms/libqeglfs.so", ["PySide6/*plugins/platforms/*eglfs*"])
    True
    >>> matches("PySide6\\plugins\\platforms\\qeglfs.dll", ["PySide6/*plugins/platforms/*eglfs*"])
    True
    >>> matches("PySide6/Qt/plugins/platforms/libqxcb.so", ["PySide6/*plugins/platforms/*eglfs*"])
    False
    """
    dest = dest.replace("\\", "/")
    return any(fnmatch.fnmatch(dest, pattern) for pattern in patterns)


def prune_analysis(analysis, unused: list[str], keep: list[str] = ()) -> None:
    """Prune an Analysis' binaries and data files, then the symbolic links left pointing nowhere."""
    analysis.binaries = prune(analysis.binaries, unused, keep)
    analysis.datas = prune(analysis.datas, unused, keep)
    present = {PurePath(e[0]).as_posix() for e in analysis.binaries + analysis.datas}
    analysis.binaries = [e for e in analysis.binaries if not _dangling(e, present)]
    analysis.datas = [e for e in analysis.datas if not _dangling(e, present)]


def _dangling(entry: Entry, present: set[str]) -> bool:
    """A SYMLINK entry (destination, relative target) whose target is not in the bundle.

    >>> _dangling(("libQt6Network.so.6", "PySide6/Qt/lib/libQt6Network.so.6", "SYMLINK"), set())
    True
    """
    if entry[2] != "SYMLINK":
        return False
    target = posixpath.normpath(posixpath.join(PurePath(entry[0]).parent.as_posix(), entry[1]))
    return PurePath(target).as_posix() not in present


def prune(table: list[Entry], unused: list[str], keep: list[str] = ()) -> list[Entry]:
    """``table`` without the entries matching ``unused`` (unless ``keep``) and their orphans."""
    dropped = [e for e in table if matches(e[0], unused) and not matches(e[0], keep)]
    if not dropped:
        return table
    kept = [e for e in table if e not in dropped]
    orphans = _only_needed_by(dropped, kept)
    return [e for e in kept if _name(e) not in orphans]


def _only_needed_by(dropped: list[Entry], kept: list[Entry]) -> set[str]:
    """Names of kept libraries that the dropped files need and no remaining file needs."""
    candidates = _closure(dropped, kept) - {_name(e) for e in dropped}
    still_needed = _closure([e for e in kept if _name(e) not in candidates], kept)
    return candidates - still_needed


def _closure(start: list[Entry], table: list[Entry]) -> set[str]:
    """Library names linked, directly or not, by the files in ``start`` (resolved in ``table``)."""
    by_name = {_name(e): e for e in table}
    seen: set[str] = set()
    todo = list(start)
    while todo:
        entry = todo.pop()
        for dep in _imports(entry):
            if dep not in seen and dep in by_name:
                seen.add(dep)
                todo.append(by_name[dep])
    return seen


def _imports(entry: Entry) -> set[str]:
    from PyInstaller.depend import bindepend

    if entry[2] not in ("BINARY", "EXTENSION"):
        return set()
    return {PurePath(name).name for name, _ in bindepend.get_imports(entry[1])}


def _name(entry: Entry) -> str:
    return PurePath(entry[0]).name
