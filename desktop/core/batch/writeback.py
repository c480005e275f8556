"""Save an edited record back where it came from: its row of the sheet (CSV or xlsx, the other
columns and rows untouched) or its JSON file. Always atomic; registrar exports are read-only."""

from __future__ import annotations

import csv
import io
from datetime import date, datetime
from pathlib import Path
from typing import Any

from desktop.core import record as records
from desktop.core.atomic import atomic_target
from desktop.core.batch.items import Item
from desktop.core.batch.tabular import SourceError, _dialect, decode_csv
from desktop.core.record import Record


class ReadOnlySource(ValueError):
    """The item comes from a registrar export: save the record as a file instead."""


def cell_texts(item: Item, record: Record) -> dict[str, Any]:
    """The record's values for the item's columns (header → value), in the sheet's wording."""
    data = record.to_dict()
    out: dict[str, Any] = {}
    for header, key in item.keys.items():
        value = data[key]
        if key == "images":
            value = ";".join(value)
        elif key == "special_occupation":
            chinese = str(item.columns.get(header) or "") in ("是", "否")
            value = ("是" if value else "否") if chinese else ("true" if value else "false")
        elif isinstance(item.columns.get(header), datetime | date) and _iso(value):
            value = datetime.fromisoformat(value)  # a date cell stays a date cell
        out[header] = value
    return out


def _iso(text: str) -> bool:
    try:
        date.fromisoformat(text)
    except ValueError:
        return False
    return True


def write_back(item: Item, record: Record) -> None:
    """Write ``record`` over the item's row (sheet) or file (JSON record)."""
    if item.registrar:
        raise ReadOnlySource("a registrar export cannot be edited: save the record as a file")
    path = Path(item.source.split("#", 1)[0])
    suffix = path.suffix.lower()
    if suffix in (".csv", ".txt"):
        _csv_row(path, item, record)
    elif suffix in (".xlsx", ".xlsm"):
        _xlsx_row(path, item, record)
    elif item.row is None:
        with atomic_target(path) as tmp:
            tmp.write_text(records.dumps(record), encoding="utf-8")
    else:
        raise ReadOnlySource("a record inside a list file cannot be saved in place")
    item.record = record
    item.columns.update(cell_texts(item, record))


def _csv_row(path: Path, item: Item, record: Record) -> None:
    data = path.read_bytes()
    text = decode_csv(data)
    encoding = _encoding(data)
    dialect = _dialect(text)
    rows = list(csv.reader(io.StringIO(text, newline=""), dialect))
    header = rows[0]
    index = item.row - 1
    if index >= len(rows):
        raise SourceError(f"{path}: row {item.row} is no longer there")
    row = rows[index] + [""] * (len(header) - len(rows[index]))
    for name, value in cell_texts(item, record).items():
        if name in header:
            row[header.index(name)] = "" if value is None else str(value)
    rows[index] = row
    out = io.StringIO(newline="")
    csv.writer(out, delimiter=dialect.delimiter, lineterminator="\r\n").writerows(rows)
    with atomic_target(path) as tmp:
        tmp.write_bytes(out.getvalue().encode(encoding))


def _encoding(data: bytes) -> str:
    """The encoding :func:`decode_csv` read ``data`` with (a BOM is written back)."""
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        return "utf-16"
    if data.startswith(b"\xef\xbb\xbf"):
        return "utf-8-sig"
    try:
        data.decode("utf-8")
    except UnicodeDecodeError:
        return "gb18030"
    return "utf-8"


def _xlsx_row(path: Path, item: Item, record: Record) -> None:
    from openpyxl import load_workbook

    book = load_workbook(path)
    title = item.source.split("#", 1)[1] if "#" in item.source else book.worksheets[0].title
    sheet = book[title]
    header = [c.value for c in sheet[1]]
    names = [str(h).strip() if h is not None else "" for h in header]
    for name, value in cell_texts(item, record).items():
        if name in names:
            cell = sheet.cell(row=item.row, column=names.index(name) + 1)
            cell.value = value if value != "" else None
            if isinstance(value, str) and value.startswith("="):
                cell.data_type = "s"
    with atomic_target(path) as tmp:
        book.save(tmp)
