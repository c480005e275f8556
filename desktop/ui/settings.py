"""One typed wrapper over QSettings: geometry, language, folders, recent files.

Stored in the user's profile (INI format, user scope), never beside the executable.
``REALNAME_PROFILE_DIR`` (desktop/core/error_log.py) moves the store into that folder on every
platform: Qt on Windows reads the profile folder from the system, not from %APPDATA%, so the
tests and the frozen tests isolate themselves with it.
"""

from __future__ import annotations

import os
from pathlib import Path

from PySide6.QtCore import QByteArray, QSettings

from desktop import APP_NAME, ORGANIZATION
from desktop.core.error_log import profile_dir

MAX_RECENT = 8


def _store() -> QSettings:
    override = profile_dir()
    if override:  # one INI file in that folder, whatever the platform
        path = override / "settings" / ORGANIZATION / f"{APP_NAME}.ini"
        return QSettings(str(path), QSettings.Format.IniFormat)
    return QSettings(QSettings.Format.IniFormat, QSettings.Scope.UserScope, ORGANIZATION, APP_NAME)


class Settings:
    """Typed access to the app's settings; every getter has a safe default."""

    def __init__(self, store: QSettings | None = None) -> None:
        self._s = store or _store()

    def _text(self, key: str) -> str:
        value = self._s.value(key, "")
        return value if isinstance(value, str) else ""

    @property
    def language(self) -> str:
        """ "zh", "en", or "" when the user never chose (follow the system locale)."""
        value = self._text("ui/language")
        return value if value in ("zh", "en") else ""

    @language.setter
    def language(self, value: str) -> None:
        self._s.setValue("ui/language", value)

    def geometry(self, key: str) -> QByteArray | None:
        value = self._s.value(f"window/{key}")
        return value if isinstance(value, QByteArray) and not value.isEmpty() else None

    def set_geometry(self, key: str, value: QByteArray) -> None:
        self._s.setValue(f"window/{key}", value)

    def folder(self, kind: str) -> str:
        """Last folder used for ``kind`` ("record", "scan", "report", "output"), or ""."""
        path = self._text(f"folders/{kind}")
        return path if path and Path(path).is_dir() else ""

    def set_folder(self, kind: str, path: str | Path) -> None:
        self._s.setValue(f"folders/{kind}", str(path))

    @property
    def output_folder(self) -> str:
        """Where converted scans go; "" means next to the original."""
        return self.folder("output")

    @output_folder.setter
    def output_folder(self, path: str) -> None:
        self.set_folder("output", path)

    @property
    def recent_files(self) -> list[str]:
        value = self._s.value("files/recent", [])
        items = [value] if isinstance(value, str) else list(value or [])
        return [p for p in items if isinstance(p, str) and p][:MAX_RECENT]

    def add_recent_file(self, path: str | Path) -> None:
        path = os.path.abspath(path)  # as given: resolve() would turn Z:\ into \\server\share
        items = [path, *(p for p in self.recent_files if p != path)]
        self._s.setValue("files/recent", items[:MAX_RECENT])

    def remove_recent_file(self, path: str) -> None:
        self._s.setValue("files/recent", [p for p in self.recent_files if p != path])

    def sync(self) -> None:
        self._s.sync()
