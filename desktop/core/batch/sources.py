"""Read every INPUT of ``batch`` into items: folders of JSON files, CSV, xlsx, registrar exports.

An input that cannot be read at all raises :class:`SourceError` (exit 2); a row or a file inside
a folder that cannot become a record is an item with RECORD_INVALID, never the end of the batch.
"""

from __future__ import annotations

import json
from collections.abc import Iterable
from pathlib import Path
from typing import Any

from desktop.core import record as records
from desktop.core.batch import registrars, tabular
from desktop.core.batch.items import Item
from desktop.core.batch.tabular import SourceError
from desktop.core.images import formats

SHEETS = {".csv": tabular.read_csv, ".txt": tabular.read_csv, ".xlsx": tabular.read_xlsx,
          ".xlsm": tabular.read_xlsx}  # fmt: skip

# The names the scan pipeline reads (the window's scan drop uses the same list): a folder that
# holds one is a folder of scans, not of records.
IMAGE_SUFFIXES = formats.scan_suffixes()

__all__ = ["SourceError", "input_files", "is_portfolio_input", "read_inputs"]


def is_portfolio_input(path: str | Path) -> bool:
    """True for what opens as a portfolio, not a scan: a sheet, a registrar export (JSON that
    is an Alibaba or Tencent response), or a folder of JSON records holding no image.
    A single record file or anything unreadable is not (the caller treats it as before)."""
    path = Path(path)
    if path.is_dir():
        try:
            children = list(path.iterdir())
        except OSError:
            return False
        if any(c.suffix.lower() in IMAGE_SUFFIXES for c in children if c.is_file()):
            return False
        return next((True for p in path.rglob("*.json") if p.is_file()), False)
    if not path.is_file():
        return False
    if path.suffix.lower() in SHEETS:
        return path.suffix.lower() != ".txt"  # a .txt is not a sheet unless asked for
    if path.suffix.lower() != ".json":
        return False
    try:
        return registrars.kind_of(_load_json(path)) != ""
    except SourceError:
        return False


def input_files(paths: Iterable[str | Path]) -> list[Path]:
    """The files the inputs name: folders give every ``*.json`` in them, recursively."""
    files: list[Path] = []
    for raw in paths:
        path = Path(raw)
        if path.is_dir():
            files.extend(sorted(p for p in path.rglob("*.json") if p.is_file()))
        elif path.is_file():
            files.append(path)
        else:
            raise SourceError(f"input not found: {path}")
    return files


def read_inputs(paths: Iterable[str | Path]) -> list[Item]:
    """Every item of every input, in input order; Alibaba profiles joined with their
    verification responses (given in any of the inputs) by RegistrantProfileId."""
    items: list[Item] = []
    profiles: list[tuple[str, int, dict[str, Any]]] = []
    verifications: dict[str, dict[str, Any]] = {}
    named = [Path(p) for p in paths]
    given = {p.resolve() for p in named if p.is_file()}
    for path in input_files(named):
        reader = SHEETS.get(path.suffix.lower())
        if reader is not None:
            items.extend(reader(path))
            continue
        try:
            data = _load_json(path)
        except SourceError as exc:
            if path.resolve() in given:
                raise
            items.append(_invalid(str(path), None, str(exc)))
            continue
        items.extend(_from_json(path, data, profiles, verifications))
    alibaba = registrars.merge_alibaba(profiles, verifications)
    used = {str(p.get("RegistrantProfileId", "")) for _, _, p in profiles}
    for pid, info in verifications.items():
        if pid not in used:
            reason = f"verification info of profile {pid} has no QueryRegistrantProfiles entry"
            alibaba.append(_invalid(info["_source"], None, reason))
    return [*alibaba, *items] if alibaba else items


def _from_json(path: Path, data: Any, profiles: list, verifications: dict) -> list[Item]:
    kind = registrars.kind_of(data)
    source = str(path)
    if kind == "alibaba_profiles":
        found = registrars.alibaba_profiles(data)
        profiles.extend((source, i, p) for i, p in enumerate(found, start=1))
        return []
    if kind == "alibaba_verification":
        verifications[str(data["RegistrantProfileId"])] = {**data, "_source": source}
        return []
    if kind == "tencent_templates":
        return registrars.tencent_templates(source, data)
    if isinstance(data, list):
        return [_record_item(source, i, d, path) for i, d in enumerate(data, start=1)]
    return [_record_item(source, None, data, path)]


def _record_item(source: str, row: int | None, data: Any, path: Path) -> Item:
    item = Item(source, row, base_dir=path.resolve().parent)
    try:
        item.record = records.from_dict(data)
    except records.RecordError as exc:
        item.mark_invalid(str(exc))
        return item
    item.columns = item.record.to_dict()
    item.keys = {k: k for k in item.columns}
    return item


def _invalid(source: str, row: int | None, reason: str) -> Item:
    item = Item(source, row)
    item.mark_invalid(reason)
    return item


def _load_json(path: Path) -> Any:
    try:
        text = path.read_bytes().decode("utf-8-sig")
    except OSError as exc:
        raise SourceError(f"cannot read {path}: {exc.strerror}") from None
    except UnicodeDecodeError:
        raise SourceError(f"{path}: not UTF-8 text") from None
    try:
        return json.loads(text)
    except json.JSONDecodeError as exc:
        raise SourceError(f"{path}: not valid JSON ({exc.msg} at line {exc.lineno})") from None
