"""The annotated workbook (``--out report.xlsx``): the original columns, then verdict, counts,
codes, messages and suggested fixes; failing cells red or amber with the message as a comment;
frozen header, filter on. Written with openpyxl, never by hand."""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path
from typing import Any

from desktop.core import rules
from desktop.core.batch.headers import match_header
from desktop.core.batch.items import Item
from desktop.core.batch.reports import codes, verdict
from desktop.core.findings import Finding, worst

FILLS = {"error": "FFC7CE", "warning": "FFEB9C", "ok": "C6EFCE"}
ADDED = {
    "zh": ("来源", "结论", "错误数", "警告数", "问题代码", "问题说明", "建议修改"),
    "en": ("Source", "Verdict", "Errors", "Warnings", "Codes", "Messages", "Suggested fixes"),
}
VERDICTS = {
    "zh": {"error": "会被拒绝", "warning": "请核对警告", "ok": "可以提交"},
    "en": {"error": "would be rejected", "warning": "check the warnings", "ok": "ready"},
}
MAX_CELL = 32_000  # Excel's cell limit is 32,767 characters


def headers_of(items: Sequence[Item]) -> list[str]:
    """The original columns of every item, in order of first appearance."""
    seen: dict[str, None] = {}
    for item in items:
        seen.update(dict.fromkeys(item.columns))
    return list(seen)


def write_workbook(items: Sequence[Item], path: Path, lang: str) -> None:
    """Write the annotated workbook to ``path`` (the caller makes it atomic)."""
    from openpyxl import Workbook

    lang = rules.language(lang)
    book = Workbook()
    sheet = book.active
    sheet.title = "Precheck" if lang == "en" else "预检结果"
    original = headers_of(items)
    added = ADDED[lang]
    sheet.append([*original, *added])
    for item in items:
        _write_row(sheet, item, original, lang)
    _style(sheet, len(original), len(added))
    book.save(path)


def _write_row(sheet, item: Item, original: list[str], lang: str) -> None:
    c = item.counts
    kind = verdict(item)
    row = [_safe(item.columns.get(h)) for h in original]
    row += [item.label, VERDICTS[lang][kind], c["errors"], c["warnings"], ", ".join(codes(item)),
            _messages(item.findings, lang), _fixes(item.findings)]  # fmt: skip
    sheet.append(row)
    r = sheet.max_row
    for cell in sheet[r]:
        if isinstance(cell.value, str) and cell.value.startswith("="):
            cell.data_type = "s"  # a value, never a formula
    _mark(sheet, r, len(original) + 2, kind, _messages(item.findings, lang))
    columns = _columns_by_field(item, original)
    for field, found in _by_field(item.findings).items():
        column = columns.get(field.partition("[")[0])
        if column is not None:
            _mark(sheet, r, column + 1, worst(found), _messages(found, lang))


def _columns_by_field(item: Item, original: list[str]) -> dict[str, int]:
    table: dict[str, int] = {}
    for index, header in enumerate(original):
        if header in item.columns:
            key = item.keys.get(header) or match_header(header)
            if key:
                table.setdefault(key, index)
    return table


def _by_field(findings: Sequence[Finding]) -> dict[str, list[Finding]]:
    groups: dict[str, list[Finding]] = {}
    for f in findings:
        if f.severity != "info":
            for name in f.fields[:1] or ("record",):
                groups.setdefault(name, []).append(f)
    return groups


def _mark(sheet, row: int, column: int, kind: str, text: str) -> None:
    from openpyxl.comments import Comment
    from openpyxl.styles import PatternFill

    cell = sheet.cell(row=row, column=column)
    cell.fill = PatternFill("solid", start_color=FILLS[kind], end_color=FILLS[kind])
    if kind != "ok" and text:
        comment = Comment(text[:MAX_CELL], "RealName Precheck")
        comment.width, comment.height = 360, 160
        cell.comment = comment


def _messages(findings: Sequence[Finding], lang: str) -> str:
    lines = [f"{f.code}: {f.message(lang)}" for f in findings if f.severity != "info"]
    return "\n".join(lines)[:MAX_CELL]


def _fixes(findings: Sequence[Finding]) -> str:
    return "\n".join(f"{f.fields[0]} → {f.fix}" for f in findings if f.fix is not None and f.fields)


def _safe(value: Any) -> Any:
    if isinstance(value, list | dict):
        return str(value)[:MAX_CELL]
    if isinstance(value, str):
        from openpyxl.cell.cell import ILLEGAL_CHARACTERS_RE

        return ILLEGAL_CHARACTERS_RE.sub("", value)[:MAX_CELL]
    return value


def _style(sheet, original: int, added: int) -> None:
    from openpyxl.styles import Alignment, Font
    from openpyxl.utils import get_column_letter

    for cell in sheet[1]:
        cell.font = Font(bold=True)
    sheet.freeze_panes = "A2"
    sheet.auto_filter.ref = sheet.dimensions
    sheet.page_setup.orientation = "landscape"  # printed: one page wide, header on every page
    sheet.sheet_properties.pageSetUpPr.fitToPage = True
    sheet.page_setup.fitToWidth, sheet.page_setup.fitToHeight = 1, 0
    sheet.print_title_rows = "1:1"
    for index in range(1, original + added + 1):
        letter = get_column_letter(index)
        sheet.column_dimensions[letter].width = 60 if index == original + 6 else 18
    wrap = Alignment(wrap_text=True, vertical="top")
    for row in sheet.iter_rows(min_row=2, min_col=original + 6, max_col=original + 7):
        for cell in row:
            cell.alignment = wrap
