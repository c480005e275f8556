"""The registrant record: the JSON object the CLI reads and the window edits."""

from __future__ import annotations

import json
import os
import re
import stat
from dataclasses import dataclass, field, fields
from pathlib import Path
from typing import Any, BinaryIO

from desktop.core import cert_types, rules
from desktop.core.normalize import printable
from desktop.core.paths import extended

TEXT_KEYS = (
    "holder_type", "region", "site", "name_zh", "name_en", "cert_type", "cert_number",
    "cert_issue_date", "cert_expiry_date", "domain", "phone_cc", "phone", "phone_ext", "email",
    "country", "province", "city", "address", "postal_code",
)  # fmt: skip
HOLDER_TYPES = ("individual", "organization")
SITES = ("china", "international")


class RecordError(ValueError):
    """The record cannot be checked at all (not an object, unknown key, wrong type, bad code,
    over a limit). The message is one plain line; ``code`` names the kind for scripts."""

    code = "RECORD_INVALID"


_BRACKETS = re.compile(r'"(?:[^"\\]|\\.)*"|[\[\]{}]')


def limits() -> dict[str, int]:
    """Record limits from resources/limits.json ("record"), enforced before any work."""
    return rules.limits()["record"]


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
        shown = ", ".join(printable(key, 40) for key in unknown[:5])
        more = f" and {len(unknown) - 5} more" if len(unknown) > 5 else ""
        raise RecordError(f"unknown key(s) in record: {shown}{more}")
    values: dict[str, Any] = {}
    for key, value in data.items():
        values[key] = _coerce(key, value)
    record = Record(**values)
    if record.cert_type.strip() and not cert_types.lookup(record.cert_type):
        raise RecordError(f"unknown certificate code: {printable(record.cert_type.strip())}")
    return record


def _coerce(key: str, value: Any) -> Any:
    if key == "special_occupation":
        if not isinstance(value, bool):
            raise RecordError("special_occupation must be true or false")
        return value
    if key == "images":
        if not isinstance(value, list) or not all(isinstance(p, str) for p in value):
            raise RecordError("images must be a list of file paths")
        if len(value) > limits()["max_images"]:
            raise RecordError(
                f"images lists {len(value)} scans; the limit is {limits()['max_images']}"
            )
        for path in value:
            _check_length("images", path)
        return list(value)
    if value is None:
        return ""
    if not isinstance(value, str):
        raise RecordError(f"{key} must be a string")
    _check_length(key, value)
    return value


def _check_length(key: str, value: str) -> None:
    limit = limits()["max_field_chars"]
    if len(value) > limit:
        raise RecordError(f"{key} is {len(value):,} characters long; the limit is {limit:,}")


def loads(text: str) -> Record:
    """Parse a record from JSON text, refusing oversized, too deeply nested or huge-number input
    before decoding it (RecordError)."""
    limit = limits()
    if len(text) > limit["max_bytes"]:
        raise RecordError(
            f"the record is over {limit['max_bytes']:,} bytes; a record is about 1 KB"
        )
    _check_depth(text, limit["max_depth"])
    try:
        data = json.loads(text, parse_int=_parse_int)
    except json.JSONDecodeError as exc:
        raise RecordError(f"not valid JSON ({exc.msg} at line {exc.lineno})") from None
    except RecursionError:  # pragma: no cover - _check_depth stops this first
        raise RecordError(
            f"the record is nested more than {limit['max_depth']} levels deep"
        ) from None
    return from_dict(data)


def _check_depth(text: str, max_depth: int) -> None:
    """Refuse nesting deeper than ``max_depth`` without parsing (strings skipped, O(n))."""
    depth = 0
    for match in _BRACKETS.finditer(text):
        token = match.group()
        if token in "[{":
            depth += 1
            if depth > max_depth:
                raise RecordError(f"the record is nested more than {max_depth} levels deep")
        elif token in "]}":
            depth -= 1


def _parse_int(digits: str) -> int:
    if len(digits) > limits()["max_number_digits"]:
        raise RecordError(f"the record holds a number of {len(digits):,} digits")
    return int(digits)


def read_text(stream: BinaryIO, name: str) -> str:
    """A record's UTF-8 text read from ``stream``: at most ``max_bytes``, a BOM allowed
    (RecordError otherwise); ``name`` says where it came from."""
    limit = limits()["max_bytes"]
    data = stream.read(limit + 1)
    if len(data) > limit:
        raise RecordError(f"{name} is over {limit:,} bytes")
    return decode_bytes(data, name)


def decode_bytes(data: bytes, name: str = "the record") -> str:
    """UTF-8 text (a BOM is allowed) of a record file's bytes (RecordError otherwise)."""
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError:
        raise RecordError(f"{name} is not UTF-8 text") from None


def load(path: str | Path) -> Record:
    """Read a record file; ``images`` stay as written (relative to the file)."""
    path = Path(path)
    shown = printable(str(path), 200)
    limit = limits()["max_bytes"]
    try:
        info = os.stat(extended(path))
        if not stat.S_ISREG(info.st_mode):  # a FIFO or /dev/zero would never end
            raise RecordError(f"not a regular file: {shown} (a folder, a pipe or a device)")
        if info.st_size > limit:
            raise RecordError(f"record file is over {limit:,} bytes: {shown}")
        with open(extended(path), "rb", buffering=0) as fh:
            fd_info = os.fstat(fh.fileno())  # the name could have been swapped meanwhile
            if not stat.S_ISREG(fd_info.st_mode):
                raise RecordError(f"not a regular file: {shown}")
            text = read_text(fh, f"record file {shown}")
    except RecordError:
        raise
    except FileNotFoundError:
        raise RecordError(f"record file not found: {shown}") from None
    except OSError as exc:
        raise RecordError(f"cannot read record file {shown}: {exc.strerror or exc}") from None
    except ValueError:  # a NUL or an unpaired surrogate: no file can have that name
        raise RecordError(f"not a usable file name: {shown}") from None
    return loads(text)


def image_paths(record: Record, base: str | Path | None) -> list[Path]:
    """The record's images as paths, resolved against the record file's folder."""
    root = Path(base) if base is not None else Path.cwd()
    return [p if (p := Path(s)).is_absolute() else root / p for s in record.images]


def dumps(record: Record) -> str:
    """Serialise a record the way the CLI reads it (UTF-8, Chinese kept readable)."""
    return json.dumps(record.to_dict(), ensure_ascii=False, indent=2) + "\n"
