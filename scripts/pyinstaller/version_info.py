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


ENGLISH_US, CHINESE_PRC, UNICODE = 0x0409, 0x0804, 1200  # language ids, code page


def version_resource(version: str, file_name: str, names: dict[str, tuple[str, str]],
                     company: str):  # fmt: skip
    """A ``VSVersionInfo`` for one executable with a Chinese (PRC) and an English (US) table:
    Explorer's Details tab shows the one of the system's language.

    ``names`` maps "zh" and "en" to (product name, file description).
    """
    from PyInstaller.utils.win32 import versioninfo as vi

    numbers = version_tuple(version)
    tables = []
    for lang, language_id in (("zh", CHINESE_PRC), ("en", ENGLISH_US)):
        product, description = names[lang]
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
        key = f"{language_id:04X}{UNICODE:04X}"
        tables.append(vi.StringTable(key, [vi.StringStruct(k, v) for k, v in strings.items()]))
    translations = vi.VarFileInfo(
        [vi.VarStruct("Translation", [CHINESE_PRC, UNICODE, ENGLISH_US, UNICODE])]
    )
    return vi.VSVersionInfo(
        ffi=vi.FixedFileInfo(filevers=numbers, prodvers=numbers),
        kids=[vi.StringFileInfo(tables), translations],
    )
