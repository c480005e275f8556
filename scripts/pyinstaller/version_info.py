"""The Windows version resource (Explorer's Properties > Details) built from the app's version.

Imported by build.spec on Windows only: PyInstaller's ``versioninfo`` needs ``pefile``, which it
installs on Windows alone.
"""

from __future__ import annotations

import re


def version_tuple(version: str) -> tuple[int, int, int, int]:
    """Four numbers for the fixed part of the resource; non-numeric suffixes are dropped.

    >>> version_tuple("0.1.0"), version_tuple("1.2.3rc1"), version_tuple("2")
    ((0, 1, 0, 0), (1, 2, 3, 0), (2, 0, 0, 0))
    """
    numbers = [int(m.group()) if (m := re.match(r"\d+", p)) else 0 for p in version.split(".")]
    return (*numbers[:4], 0, 0, 0, 0)[:4]


def version_resource(version: str, file_name: str, description: str, product: str, company: str):
    """A ``VSVersionInfo`` for one executable (English US, Unicode)."""
    from PyInstaller.utils.win32 import versioninfo as vi

    numbers = version_tuple(version)
    strings = {
        "CompanyName": company,
        "FileDescription": description,
        "FileVersion": version,
        "InternalName": file_name,
        "LegalCopyright": f"© {company}",
        "OriginalFilename": f"{file_name}.exe",
        "ProductName": product,
        "ProductVersion": version,
    }
    table = vi.StringTable("040904B0", [vi.StringStruct(k, v) for k, v in strings.items()])
    english_unicode = vi.VarFileInfo([vi.VarStruct("Translation", [1033, 1200])])
    return vi.VSVersionInfo(
        ffi=vi.FixedFileInfo(filevers=numbers, prodvers=numbers),
        kids=[vi.StringFileInfo([table]), english_unicode],
    )
