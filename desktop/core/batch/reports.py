"""What ``batch`` prints and writes: the --json object, the text lines, the portfolio HTML
report and the fixed CSV. The annotated workbook is in :mod:`desktop.core.batch.workbook`."""

from __future__ import annotations

import csv
import html
import io
import os
from collections import Counter
from collections.abc import Sequence
from datetime import datetime
from pathlib import Path
from typing import Any

from desktop import APP_DISPLAY_NAME, APP_DISPLAY_NAME_ZH
from desktop.core import report_text, rules
from desktop.core.batch.items import Item
from desktop.core.findings import outcome
from desktop.core.record import RECORD_KEYS, image_paths
from desktop.core.report_html import COLOURS, findings_html
from desktop.core.report_html import texts as record_texts

MARK = {**report_text.MARK, "ok": "✓"}  # the record marks, plus one for a clean record


def _texts(lang: str) -> dict[str, Any]:
    """The portfolio wording (resources/portfolio_report.json) in ``lang``."""
    return rules.load("portfolio_report")[rules.language(lang)]


def _counted(lang: str, key: str, **counts: int) -> str:
    """``key``'s text with English counts in words ("1 error", "2 errors"); {x_n} slots."""
    t = _texts(lang)
    if rules.language(lang) == "en":
        for name in ("errors", "warnings", "records"):
            if name in counts:
                n = counts[name]
                counts[f"{name}_n"] = (
                    t["one"][name] if n == 1 else t["many"][name].format(n=f"{n:,}")
                )
    return t[key].format(**counts)


def verdict(item: Item) -> str:
    """ "error", "warning" or "ok"."""
    return outcome(item.findings)


def to_json(items: Sequence[Item], lang: str) -> dict[str, Any]:
    """The public --json shape (README): keys are a contract, never rename them."""
    results = [
        {
            "source": item.source,
            "row": item.row,
            "name": item.name,
            "ok": item.ok,
            "errors": item.counts["errors"],
            "warnings": item.counts["warnings"],
            "findings": [f.to_json(lang) for f in item.findings],
        }
        for item in items
    ]
    failed = sum(1 for r in results if not r["ok"])
    return {"ok": failed == 0, "records": len(results), "failed": failed, "results": results}


def codes(item: Item) -> list[str]:
    """The item's codes, each once, errors first (as the findings are sorted)."""
    return list(dict.fromkeys(f.code for f in item.findings if f.severity != "info"))


def text_line(item: Item, lang: str) -> str:
    kind = verdict(item)
    c = item.counts
    head = f"{MARK[kind]} {item.label} {item.name or '—'}"
    if kind == "ok":
        return head
    return f"{head} — {_counted(lang, 'line', **c)}: {', '.join(codes(item))}"


def totals(items: Sequence[Item], lang: str) -> str:
    kinds = Counter(verdict(i) for i in items)
    return _counted(
        lang, "totals",
        records=len(items), failed=kinds["error"], warned=kinds["warning"], ready=kinds["ok"],
    )  # fmt: skip


def render_text(items: Sequence[Item], lang: str) -> str:
    return "\n".join([*(text_line(i, lang) for i in items), totals(items, lang)])


def render_html(items: Sequence[Item], lang: str, generated: datetime | None = None) -> str:
    """The portfolio report: summary counts by code, then one section per failing record."""
    lang = rules.language(lang)
    t, rt = _texts(lang), record_texts(lang)
    when = (generated or datetime.now()).strftime("%Y-%m-%d %H:%M")
    app = APP_DISPLAY_NAME if lang == "en" else APP_DISPLAY_NAME_ZH
    failing = [i for i in items if verdict(i) != "ok"]
    parts = [
        f'<html><head><meta charset="utf-8"><title>{_e(t["title"])}</title></head>',
        '<body style="font-family: sans-serif; font-size: 10pt">',
        f"<h1>{_e(t['title'])}</h1>",
        f'<p style="color:#555">{_e(app)} · {_e(rt["generated"])}: {_e(when)}</p>',
        f"<h2>{_e(totals(items, lang))}</h2>",
        _summary_table(items, lang, t),
        f"<h2>{_e(t['failing'])}</h2>" if failing else f"<p>{_e(t['none'])}</p>",
        *(_record_section(i, lang, t) for i in failing),
        "</body></html>",
    ]
    return "\n".join(p for p in parts if p)


def _summary_table(items: Sequence[Item], lang: str, t: dict[str, str]) -> str:
    counts: Counter[str] = Counter()
    severity: dict[str, str] = {}
    for item in items:
        for f in item.findings:
            severity.setdefault(f.code, str(f.severity))
        counts.update({f.code for f in item.findings})
    if not counts:
        return ""
    rows = []
    for code, n in sorted(counts.items(), key=lambda kv: (kv[0] not in _errors(severity), -kv[1])):
        colour = COLOURS.get(severity[code], "#000")
        meaning = rules.registry_text(code, lang) or ""
        rows.append(f"<tr><td><b style='color:{colour}'>{_e(code)}</b></td>"
                    f"<td align='right'>{n}</td><td>{_e(meaning)}</td></tr>")  # fmt: skip
    head = "".join(f"<th align='left'>{_e(t[k])}</th>" for k in ("code", "records", "message"))
    return (
        f"<h3>{_e(t['summary'])}</h3><table border='1' cellspacing='0' cellpadding='4'>"
        f"<tr>{head}</tr>{''.join(rows)}</table>"
    )


def _errors(severity: dict[str, str]) -> set[str]:
    return {code for code, level in severity.items() if level == "error"}


def _record_section(item: Item, lang: str, t: dict[str, str]) -> str:
    c = item.counts
    colour = COLOURS["error"] if c["errors"] else COLOURS["warning"]
    note = f" — {t['failed_at_registrar']}" if item.failed else ""
    title = f"{item.label} · {item.name or '—'}"
    return (
        f"<h3 style='color:{colour}'>{_e(title)}</h3>"
        f"<p>{_e(_counted(lang, 'line', **c))}{_e(note)}</p>" + findings_html(item.findings, lang)
    )


def _e(text: object) -> str:
    return html.escape(str(text), quote=True)


def fixed_rows(items: Sequence[Item], out_dir: Path) -> list[dict[str, str]]:
    """Every record with each safe fix applied (a finding's ``fix`` for its first field).

    Rows that never became a record are written with the cells they had, so nothing is lost.
    Scan paths are rewritten relative to the folder of the new file.
    """
    rows = []
    for item in items:
        if item.record is None:
            values = {item.keys[h]: _cell(v) for h, v in item.columns.items() if h in item.keys}
        else:
            values = _fixed(item, out_dir)
        where = {"source": item.source, "row": "" if item.row is None else str(item.row)}
        rows.append({**{k: values.get(k, "") for k in RECORD_KEYS}, **where})
    return rows


def _fixed(item: Item, out_dir: Path) -> dict[str, str]:
    data = item.record.to_dict()
    for f in item.findings:
        key = f.fields[0] if f.fields else ""
        if f.fix is not None and isinstance(data.get(key), str):
            data[key] = f.fix
    paths = image_paths(item.record, item.base_dir)
    data["images"] = ";".join(_relative(p, out_dir) for p in paths)
    data["special_occupation"] = "true" if data["special_occupation"] else "false"
    return data


def _relative(path: Path, out_dir: Path) -> str:
    try:
        return os.path.relpath(path.resolve(), out_dir.resolve())
    except ValueError:  # another drive on Windows
        return str(path.resolve())


def _cell(value: Any) -> str:
    from desktop.core.batch.cells import text_of

    return text_of(value)


def fixed_csv(items: Sequence[Item], out_dir: Path) -> str:
    """The fixed records as CSV text (our record keys as headers; Excel opens it as UTF-8
    when written with a BOM)."""
    buffer = io.StringIO(newline="")
    writer = csv.DictWriter(buffer, [*RECORD_KEYS, "source", "row"], lineterminator="\r\n")
    writer.writeheader()
    writer.writerows(safe_csv_row(r) for r in fixed_rows(items, out_dir))
    return buffer.getvalue()


def safe_csv_row(row: dict[str, str]) -> dict[str, str]:
    """A cell that starts with = or @ (or + - followed by a formula) would run in Excel: quote it.

    >>> safe_csv_row({"a": "=1+1", "b": "-", "c": "+86", "d": ""})
    {'a': "'=1+1", 'b': '-', 'c': '+86', 'd': ''}
    """
    return {k: "'" + v if _formula(v) else v for k, v in row.items()}


def _formula(value: str) -> bool:
    if not value or value[0] not in "=@+-":
        return False
    return value[0] in "=@" or any(ch.isalpha() or ch in "(!" for ch in value[1:])
