"""The registrant record: the JSON object the CLI reads and the window edits."""

from __future__ import annotations

import json
from dataclasses import dataclass, field, fields
from pathlib import Path
from typing import Any

from desktop.core import cert_types
from desktop.core.paths import extended

TEXT_KEYS = (
    "holder_type", "region", "site", "name_zh", "name_en", "cert_type", "cert_number",
    "cert_issue_date", "cert_expiry_date", "domain", "phone_cc", "phone", "phone_ext", "email",
    "country", "province", "city", "address", "postal_code",
)  # fmt: skip
HOLDER_TYPES = ("individual", "organization")
SITES = ("china", "international")


class RecordError(ValueError):
    """The record cannot be checked at all (not an object, unknown key, wrong type, bad code)."""


@dataclass
class Record:
    """A registrant submission. Every text field defaults to empty; ``site`` to "china"."""

    holder_type: str = ""
    region: str = ""
    site: str = "china"
    name_zh: str = ""
    name_en: str = ""
    cert_type: str = ""
    cert_number: str = ""
    cert_issue_date: str = ""
    cert_expiry_date: str = ""
    special_occupation: bool = False
    domain: str = ""
    phone_cc: str = ""
    phone: str = ""
    phone_ext: str = ""
    email: str = ""
    country: str = ""
    province: str = ""
    city: str = ""
    address: str = ""
    postal_code: str = ""
    images: list[str] = field(default_factory=list)

    @property
    def cert_code(self) -> str:
        """The CNNIC registry code of ``cert_type`` (Alibaba aliases resolved), or ""."""
        entry = cert_types.lookup(self.cert_type, self.region)
        return entry.code if entry else ""

    def to_dict(self) -> dict[str, Any]:
        return {f.name: getattr(self, f.name) for f in fields(self)}


RECORD_KEYS = tuple(f.name for f in fields(Record))


def from_dict(data: Any) -> Record:
    """Validate the shape of a decoded JSON record and build a :class:`Record`."""
    if not isinstance(data, dict):
        raise RecordError("the record must be a JSON object")
    unknown = sorted(set(data) - set(RECORD_KEYS))
    if unknown:
        raise RecordError(f"unknown key(s) in record: {', '.join(unknown)}")
    values: dict[str, Any] = {}
    for key, value in data.items():
        values[key] = _coerce(key, value)
    record = Record(**values)
    if record.cert_type.strip() and not cert_types.lookup(record.cert_type):
        raise RecordError(f"unknown certificate code: {record.cert_type.strip()}")
    return record


def _coerce(key: str, value: Any) -> Any:
    if key == "special_occupation":
        if not isinstance(value, bool):
            raise RecordError("special_occupation must be true or false")
        return value
    if key == "images":
        if not isinstance(value, list) or not all(isinstance(p, str) for p in value):
            raise RecordError("images must be a list of file paths")
        return list(value)
    if value is None:
        return ""
    if not isinstance(value, str):
        raise RecordError(f"{key} must be a string")
    return value


def load(path: str | Path) -> Record:
    """Read a record file; ``images`` stay as written (relative to the file)."""
    path = Path(path)
    try:
        text = Path(extended(path)).read_bytes().decode("utf-8-sig")
    except FileNotFoundError:
        raise RecordError(f"record file not found: {path}") from None
    except UnicodeDecodeError:
        raise RecordError(f"record file is not UTF-8 text: {path}") from None
    except OSError as exc:
        raise RecordError(f"cannot read record file {path}: {exc.strerror}") from None
    try:
        data = json.loads(text)
    except json.JSONDecodeError as exc:
        raise RecordError(f"not valid JSON ({exc.msg} at line {exc.lineno})") from None
    return from_dict(data)


def image_paths(record: Record, base: str | Path | None) -> list[Path]:
    """The record's images as paths, resolved against the record file's folder."""
    root = Path(base) if base is not None else Path.cwd()
    return [p if (p := Path(s)).is_absolute() else root / p for s in record.images]


def dumps(record: Record) -> str:
    """Serialise a record the way the CLI reads it (UTF-8, Chinese kept readable)."""
    return json.dumps(record.to_dict(), ensure_ascii=False, indent=2) + "\n"
