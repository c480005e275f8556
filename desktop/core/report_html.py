"""An HTML report to send the customer: verdict, findings, the record, and the scans.

Qt-free. The window turns it into PDF (QTextDocument), so the markup stays within what Qt's rich
text understands: tables, inline colours, ``<img>`` with ``data:`` URIs. Every text is escaped.
"""

from __future__ import annotations

import base64
import html
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime

from desktop import APP_DISPLAY_NAME, APP_DISPLAY_NAME_ZH
from desktop.core import cert_types, rules
from desktop.core.findings import Finding, summary
from desktop.core.record import RECORD_KEYS, Record
from desktop.core.report_text import field_label

COLOURS = {"error": "#b3261e", "warning": "#8a5a00", "info": "#1f5f99"}
TEXT = {
    "zh": {
        "title": "实名认证预检报告",
        "generated": "生成时间",
        "ready": "可以提交：未发现错误。",
        "rejected": "{e} 个错误，{w} 个警告：提交会被拒绝。",
        "warn_only": "无错误，{w} 个警告：可以提交，请核对警告。",
        "findings": "发现的问题",
        "record": "登记信息",
        "scans": "证件图片",
        "field": "字段",
        "problem": "问题",
        "registry": "注册局会回复",
        "fix": "建议改为",
        "error": "错误",
        "warning": "警告",
        "info": "提示",
        "yes": "是",
        "no": "否",
        "scan_ok": "符合格式和大小要求。",
        "format": "格式",
        "size": "大小",
        "pixels": "像素",
        "empty": "（未填写）",
    },
    "en": {
        "title": "Real-name verification pre-check report",
        "generated": "Generated",
        "ready": "Ready to submit: no errors found.",
        "rejected": "{e} error(s), {w} warning(s): the submission would be rejected.",
        "warn_only": "No errors, {w} warning(s): can be submitted; check the warnings.",
        "findings": "Findings",
        "record": "Registrant",
        "scans": "Certificate scans",
        "field": "Field",
        "problem": "Problem",
        "registry": "Registry would reply",
        "fix": "Suggested value",
        "error": "Error",
        "warning": "Warning",
        "info": "Note",
        "yes": "yes",
        "no": "no",
        "scan_ok": "Meets the format and size rules.",
        "format": "Format",
        "size": "Size",
        "pixels": "Pixels",
        "empty": "(empty)",
    },
}


@dataclass(frozen=True)
class ReportScan:
    """A scan as the report shows it; ``thumbnail_jpeg`` is a small JPEG (or None)."""

    name: str
    format: str
    bytes: int
    width: int
    height: int
    findings: tuple[Finding, ...] = ()
    thumbnail_jpeg: bytes | None = None


def render_html(
    record: Record,
    findings: Sequence[Finding],
    lang: str = "zh",
    scans: Sequence[ReportScan] = (),
    generated: datetime | None = None,
) -> str:
    """The whole report as one HTML document in ``lang`` ("zh" or "en").

    >>> page = render_html(Record(name_zh="<b>张三</b>"), [], "en")
    >>> "&lt;b&gt;张三&lt;/b&gt;" in page, "Ready to submit" in page
    (True, True)
    """
    lang = "en" if lang.startswith("en") else "zh"
    lang = rules.language(lang)
    t = TEXT[lang]
    when = (generated or datetime.now()).strftime("%Y-%m-%d %H:%M")
    title = APP_DISPLAY_NAME if lang == "en" else APP_DISPLAY_NAME_ZH
    parts = [
        f'<html><head><meta charset="utf-8"><title>{_e(t["title"])}</title></head>',
        '<body style="font-family: sans-serif; font-size: 10pt">',
        f"<h1>{_e(t['title'])}</h1>",
        f'<p style="color:#555">{_e(title)} · {_e(t["generated"])}: {_e(when)}</p>',
        _verdict(findings, t),
        _findings_table(findings, lang, t),
        _record_table(record, findings, lang, t),
        _scans_section(scans, lang, t),
        "</body></html>",
    ]
    return "\n".join(p for p in parts if p)


def _e(text: object) -> str:
    return html.escape(str(text), quote=True)


def _verdict(findings: Sequence[Finding], t: dict[str, str]) -> str:
    c = summary(findings)
    if c["errors"]:
        text, colour = t["rejected"].format(e=c["errors"], w=c["warnings"]), COLOURS["error"]
    elif c["warnings"]:
        text, colour = t["warn_only"].format(w=c["warnings"]), COLOURS["warning"]
    else:
        text, colour = t["ready"], "#1b7f3b"
    return f'<h2 style="color:{colour}">{_e(text)}</h2>'


def _findings_table(findings: Sequence[Finding], lang: str, t: dict[str, str]) -> str:
    if not findings:
        return ""
    head = "".join(f"<th align='left'>{_e(t[k])}</th>" for k in ("field", "problem", "registry"))
    rows = [_finding_row(f, lang, t) for f in findings]
    return (
        f"<h3>{_e(t['findings'])}</h3>"
        f"<table border='1' cellspacing='0' cellpadding='4' width='100%'><tr>{head}</tr>"
        + "".join(rows)
        + "</table>"
    )


def _finding_row(f: Finding, lang: str, t: dict[str, str]) -> str:
    colour = COLOURS.get(str(f.severity), "#000")
    where = field_label(f.fields[0], lang) if f.fields else ""
    problem = _e(f.message(lang))
    if f.fix is not None:
        problem += f"<br><i>{_e(t['fix'])}: {_e(f.fix)}</i>"
    kind = _e(t.get(str(f.severity), str(f.severity)))
    return (
        f"<tr><td><b style='color:{colour}'>{kind}</b><br>{_e(where)}</td>"
        f"<td>{problem}</td><td>{_e(f.registry_message(lang))}</td></tr>"
    )


def _record_table(record: Record, findings: Sequence[Finding], lang: str, t: dict) -> str:
    flagged = {name: _worst(name, findings) for name in RECORD_KEYS}
    rows = []
    for name in RECORD_KEYS:
        if name == "images":
            continue
        value = _display_value(record, name, lang, t)
        colour = COLOURS.get(flagged[name], "")
        style = f" style='color:{colour}; font-weight:bold'" if colour else ""
        rows.append(f"<tr><td>{_e(field_label(name, lang))}</td><td{style}>{value}</td></tr>")
    return (
        f"<h3>{_e(t['record'])}</h3>"
        "<table border='1' cellspacing='0' cellpadding='4' width='100%'>"
        + "".join(rows)
        + "</table>"
    )


def _display_value(record: Record, name: str, lang: str, t: dict[str, str]) -> str:
    value = getattr(record, name)
    if isinstance(value, bool):
        return _e(t["yes"] if value else t["no"])
    if name == "cert_type" and (entry := cert_types.lookup(value)):
        return _e(f"{entry.name(lang)} ({value})")
    return _e(value) if str(value).strip() else f"<i>{_e(t['empty'])}</i>"


def _worst(name: str, findings: Sequence[Finding]) -> str:
    levels = [str(f.severity) for f in findings if name in f.fields]
    for level in ("error", "warning", "info"):
        if level in levels:
            return level
    return ""


def _scans_section(scans: Sequence[ReportScan], lang: str, t: dict[str, str]) -> str:
    if not scans:
        return ""
    rows = "".join(_scan_row(s, lang, t) for s in scans)
    return f"<h3>{_e(t['scans'])}</h3><table cellspacing='0' cellpadding='6'>{rows}</table>"


def _scan_row(scan: ReportScan, lang: str, t: dict[str, str]) -> str:
    thumb = ""
    if scan.thumbnail_jpeg:
        data = base64.b64encode(scan.thumbnail_jpeg).decode("ascii")
        thumb = f"<img src='data:image/jpeg;base64,{data}' width='180'>"
    facts = (
        f"{_e(t['format'])}: {_e(scan.format.upper() or '?')} · {_e(t['size'])}: "
        f"{scan.bytes:,} B · {_e(t['pixels'])}: {scan.width} × {scan.height}"
    )
    notes = [
        f"<span style='color:{COLOURS.get(str(f.severity), '#000')}'>{_e(f.message(lang))}</span>"
        for f in scan.findings
    ] or [f"<span style='color:#1b7f3b'>{_e(t['scan_ok'])}</span>"]
    return (
        f"<tr><td valign='top'>{thumb}</td><td valign='top'><b>{_e(scan.name)}</b><br>{facts}"
        f"<br>{'<br>'.join(notes)}</td></tr>"
    )
