"""Sheets: CSV (UTF-8 with or without BOM, UTF-16, GB18030/GBK as Excel on Chinese Windows
writes it) and xlsx (openpyxl; first sheet, or every sheet with a recognisable header)."""

from __future__ import annotations

import csv
import io
from collections.abc import Iterable, Iterator, Sequence
from pathlib import Path
from typing import Any

from desktop.core.batch import cells
from desktop.core.batch.headers import map_headers, recognisable
from desktop.core.batch.items import Item


class SourceError(ValueError):
    """An input that cannot be read at all (exit 2)."""


def decode_csv(data: bytes) -> str:
    """CSV bytes as text: BOMs first, then strict UTF-8, then GB18030 (a superset of GBK/GB2312).

    Never garbles: bytes that fit no encoding raise :class:`SourceError`.

    >>> decode_csv("姓名,证件号码".encode("gbk")), decode_csv("\\ufeff姓名".encode("utf-8"))
    ('姓名,证件号码', '姓名')
    """
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        return data.decode("utf-16")
    for encoding in ("utf-8-sig", "gb18030"):
        try:
            return data.decode(encoding)
        except UnicodeDecodeError:
            continue
    raise SourceError("the CSV file is neither UTF-8 nor GB18030/GBK text")


def _dialect(text: str) -> type[csv.Dialect] | csv.Dialect:
    first = text.split("\n", 1)[0]
    try:
        return csv.Sniffer().sniff(first, delimiters=",;\t")
    except csv.Error:
        return csv.excel


def read_csv(path: Path) -> list[Item]:
    try:
        data = path.read_bytes()
    except OSError as exc:
        raise SourceError(f"cannot read {path}: {exc.strerror}") from None
    text = decode_csv(data)
    rows = csv.reader(io.StringIO(text, newline=""), _dialect(text))  # row by row: a window
    try:
        header = next(rows, None)  # on a worker thread the UI thread runs between rows
    except csv.Error as exc:
        raise SourceError(f"{path}: not a readable CSV file ({exc})") from None
    if not header or not recognisable(header):
        raise SourceError(f"{path}: no recognisable header in the first row")
    try:
        return list(items_from_rows(str(path), path.parent, header, enumerate(rows, start=2)))
    except csv.Error as exc:
        raise SourceError(f"{path}: not a readable CSV file ({exc})") from None


def read_xlsx(path: Path) -> list[Item]:
    import zipfile

    import openpyxl  # only when a workbook is read
    from openpyxl.utils.exceptions import InvalidFileException

    try:
        book = openpyxl.load_workbook(path, read_only=True, data_only=True)
    except (InvalidFileException, zipfile.BadZipFile, OSError, KeyError, ValueError) as exc:
        raise SourceError(f"{path}: not a readable xlsx workbook ({exc})") from None
    try:
        found: list[Item] = []
        recognised = 0
        several = len(book.worksheets) > 1
        for ws in book.worksheets:
            rows = ws.iter_rows(values_only=True)
            header = next(rows, None)
            if header is None or not recognisable(header):
                continue
            recognised += 1
            source = f"{path}#{ws.title}" if several else str(path)
            found.extend(items_from_rows(source, path.parent, header, enumerate(rows, start=2)))
    finally:
        book.close()
    if not recognised:
        raise SourceError(f"{path}: no sheet has a recognisable header in its first row")
    return found


def items_from_rows(
    source: str, base: Path, header: Sequence[Any], rows: Iterable[tuple[int, Sequence[Any]]]
) -> Iterator[Item]:
    """One item per non-empty row; a row that cannot become a record carries RECORD_INVALID."""
    names = [cells.text_of(h).strip() or f"column {i + 1}" for i, h in enumerate(header)]
    mapping = map_headers(header)
    keys = {names[i]: key for i, key in mapping.items()}
    columns_of = {key: names[i] for i, key in mapping.items()}
    for number, row in rows:
        if not any(cells.text_of(v).strip() for v in row):
            continue
        values = dict(zip(names, row, strict=False))
        item = Item(source, number, base_dir=base, columns=values, keys=keys)
        picked = {key: row[i] for i, key in mapping.items() if i < len(row) and row[i] is not None}
        try:
            item.record = cells.record_of(picked, columns_of)
        except cells.CellError as exc:
            item.mark_invalid(str(exc))
        yield item
