"""The report a reseller sends the customer: verdict, what to correct, the record, the scans.

Qt-free. The report is a list of blocks (:func:`report_blocks`), each a small self-contained HTML
table: :func:`render_html` joins them into a page, and the window's PDF writer paints them one
by one, starting a new page rather than splitting a block, so a row never breaks across pages.
The markup stays within Qt's rich text (tables, inline colours, ``data:`` images); the wording is
data (``resources/report.json``); every text from the record is escaped.
"""

from __future__ import annotations

import base64
import html
import re
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date, datetime
from typing import Any

from desktop import APP_DISPLAY_NAME, APP_DISPLAY_NAME_ZH
from desktop.core import cert_types, rules
from desktop.core.findings import Finding, outcome, sort_findings, summary, worst
from desktop.core.record import Record
from desktop.core.report_text import MARK, field_label

COLOURS = {"error": "#b3261e", "warning": "#8a5a00", "info": "#1f5f99", "ok": "#1b6e34"}
BACKGROUNDS = {"error": "#fdecea", "warning": "#fff4e0", "ok": "#e6f4ea"}
NBSP = "\u00a0"
ZWSP = "\u200b"  # a break opportunity Qt and browsers honour, invisible
LONG_WORD = 28  # longer unbroken values (e-mail, domain, number) may break after . @ / - _
FILE_NAME_UNSAFE = re.compile(r'[\\/:*?"<>|\x00-\x1f]+')  # not allowed in Windows file names


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


def texts(lang: str) -> dict[str, Any]:
    """The report's wording in ``lang`` ("zh" or "en")."""
    return rules.load("report")[rules.language(lang)]


def title(lang: str) -> str:
    """The report's title (also the PDF's title)."""
    return texts(lang)["title"]


def default_file_name(record: Record, lang: str, day: date | None = None) -> str:
    """``实名预检 北京星辰云科技有限公司 2026-12-02`` (no suffix): holder and date, file-safe."""
    t = texts(lang)
    chinese = rules.language(lang) == "zh"
    holder = (record.name_zh.strip() if chinese else "") or record.name_en.strip()
    holder = holder or record.name_zh.strip()
    holder = " ".join(FILE_NAME_UNSAFE.sub(" ", holder).split())[:60].strip(" .")
    when = (day or date.today()).isoformat()
    key = "file_name" if holder else "file_name_no_holder"
    return t[key].format(holder=holder, date=when)


def render_html(
    record: Record,
    findings: Sequence[Finding],
    lang: str = "zh",
    scans: Sequence[ReportScan] = (),
    generated: datetime | None = None,
) -> str:
    """The whole report as one HTML page in ``lang`` ("zh" or "en").

    >>> page = render_html(Record(name_zh="<b>张三</b>"), [], "en")
    >>> "&lt;b&gt;张三&lt;/b&gt;" in page, "Ready to submit" in page
    (True, True)
    """
    blocks = report_blocks(record, findings, lang, scans, generated)
    style = (
        "body { font-family: sans-serif; font-size: 10pt; max-width: 48em; margin: 2em auto; }"
        " table { border-collapse: collapse; page-break-inside: avoid; }"
    )
    return "\n".join([
        f'<html><head><meta charset="utf-8"><title>{_e(title(lang))}</title>'
        f"<style>{style}</style></head>",
        '<body style="font-family: sans-serif; font-size: 10pt">',
        *blocks,
        "</body></html>",
    ])  # fmt: skip


def report_blocks(
    record: Record,
    findings: Sequence[Finding],
    lang: str = "zh",
    scans: Sequence[ReportScan] = (),
    generated: datetime | None = None,
) -> list[str]:
    """The report as blocks that must each stay on one page, in reading order."""
    lang = rules.language(lang)
    t = texts(lang)
    findings = sort_findings(findings)
    blocks = [_header(record, findings, lang, t, generated)]
    blocks += _findings_blocks(findings, lang, t)
    blocks += _record_blocks(record, findings, lang, t)
    blocks += _scan_blocks(scans, lang, t)
    app = APP_DISPLAY_NAME if lang == "en" else APP_DISPLAY_NAME_ZH
    blocks.append(f'<p style="color:#6b7280; font-size:8pt">{_e(t["made_by"].format(app=app))}</p>')
    return blocks


def page_footer(lang: str, page: int, pages: int) -> str:
    """The plain-text footer of a PDF page: title and "page 1 of 3"."""
    return f"{title(lang)} · {texts(lang)['page'].format(page=page, pages=pages)}"


# -- header and verdict ---------------------------------------------------------------------


def _header(record: Record, findings: Sequence[Finding], lang: str, t: dict,
            generated: datetime | None) -> str:  # fmt: skip
    when = (generated or datetime.now()).strftime("%Y-%m-%d %H:%M")
    who = " · ".join(_e(v.strip()) for v in (_holder(record, lang), record.domain) if v.strip())
    level, verdict, detail = _verdict(findings, t, lang)
    return (
        "<table width='100%' cellspacing='0' cellpadding='0'><tr>"
        "<td width='72%'><span style='font-size:17pt; font-weight:bold'>"
        f"{_e(t['title'])}</span><br>"
        f"<span style='font-size:12pt'>{who}</span></td>"
        "<td align='right' valign='top' style='color:#6b7280'>"
        f"{_e(t['generated'].format(when=when))}</td></tr></table>"
        f"<table width='100%' cellspacing='0' cellpadding='10' style='margin-top:8px'>"
        f"<tr><td bgcolor='{BACKGROUNDS[level]}' style='border-left: 6px solid {COLOURS[level]}'>"
        f"<span style='font-size:15pt; font-weight:bold; color:{COLOURS[level]}'>{_e(verdict)}"
        f"</span><br>{_e(detail)}</td></tr></table>"
    )


def _holder(record: Record, lang: str) -> str:
    if lang == "en" and record.name_en.strip():
        return record.name_en
    return record.name_zh or record.name_en


def _verdict(findings: Sequence[Finding], t: dict, lang: str) -> tuple[str, str, str]:
    c = summary(findings)
    counts = {"errors": c["errors"], "warnings": c["warnings"],
              "errors_n": _count(c["errors"], "error", t, lang),
              "warnings_n": _count(c["warnings"], "warning", t, lang)}  # fmt: skip
    if c["errors"]:
        return "error", t["verdict_rejected"], t["verdict_rejected_detail"].format(**counts)
    if c["warnings"]:
        return "warning", t["verdict_warnings"], t["verdict_warnings_detail"].format(**counts)
    return "ok", t["verdict_ready"], t["verdict_ready_detail"]


def _count(n: int, noun: str, t: dict, lang: str) -> str:
    if lang == "zh":
        return f"{n}"
    return t["one"][noun] if n == 1 else t["many"][noun].format(n=f"{n:,}")


# -- findings -------------------------------------------------------------------------------


def findings_html(findings: Sequence[Finding], lang: str) -> str:
    """The findings as the record report shows them (the portfolio report reuses them)."""
    return "".join(_findings_blocks(findings, rules.language(lang), texts(lang)))


def _findings_blocks(findings: Sequence[Finding], lang: str, t: dict) -> list[str]:
    rows = [_finding_row(f, lang, t) for f in findings if f.severity != "info" or f.fields]
    if not rows:
        return []
    rows[0] = _heading(t["findings"]) + rows[0]  # a heading never ends a page alone
    return rows


def _finding_row(f: Finding, lang: str, t: dict) -> str:
    level = str(f.severity)
    colour = COLOURS.get(level, "#000")
    where = ", ".join(field_label(name, lang) for name in f.fields[:2])
    lines = [f"<b>{_e(where)}</b>" if where else "", _e(f.message(lang))]
    if f.fix is not None:
        lines.append(f"<i>{_e(t['fix'].format(fix=_breakable(f.fix)))}</i>")
    if reply := f.registry_message(lang):
        key = "registry" if level == "error" else "may_lead"
        lines.append(f"<span style='color:#6b7280'>{_e(t[key].format(reply=reply))}</span>")
    body = "<br>".join(line for line in lines if line)
    return (
        "<table width='100%' cellspacing='0' cellpadding='5' style='margin-top:4px'><tr>"
        f"<td width='14%' valign='top' style='border-left: 4px solid {colour}'>"
        f"<b style='color:{colour}'>{MARK.get(level, '')} {_e(t.get(level, level))}</b></td>"
        f"<td valign='top'>{body}</td></tr></table>"
    )


def _heading(text: str) -> str:
    return (
        "<p style='font-size:13pt; font-weight:bold; margin-top:14px; margin-bottom:2px'>"
        f"{_e(text)}</p>"
    )


# -- the record -----------------------------------------------------------------------------


def _record_blocks(record: Record, findings: Sequence[Finding], lang: str, t: dict) -> list[str]:
    blocks = []
    for group, names in rules.load("report")["groups"]:
        rows = "".join(_record_row(record, name, findings, lang, t) for name in names)
        table = (
            f"<p style='font-weight:bold; margin-top:8px; margin-bottom:2px'>"
            f"{_e(t['groups'][group])}</p>"
            "<table width='100%' cellspacing='0' cellpadding='4' "
            f"style='border-top: 1px solid #d5d9de'>{rows}</table>"
        )
        blocks.append(table)
    blocks[0] = _heading(t["record"]) + blocks[0]
    return blocks


def _record_row(record: Record, name: str, findings: Sequence[Finding], lang: str,
                t: dict) -> str:  # fmt: skip
    level = worst(f for f in findings if name in f.fields)
    value = display_value(record, name, lang)
    shown = _e(_breakable(value)) if value else f"<i style='color:#6b7280'>{_e(t['empty'])}</i>"
    if level in ("error", "warning"):
        style = f"color:{COLOURS[level]}; font-weight:bold"
        shown = f"<span style='{style}'>{MARK[level]} {shown}</span>"
    return (
        f"<tr><td width='32%' valign='top' style='color:#374151; border-bottom: 1px solid #eceef1'>"
        f"{_e(field_label(name, lang))}</td>"
        f"<td valign='top' style='border-bottom: 1px solid #eceef1'>{shown}</td></tr>"
    )


def display_value(record: Record, name: str, lang: str) -> str:
    """A stored value in words: 企业/组织, 中国内地, 长期 / long-term, the certificate's name."""
    lang = rules.language(lang)
    value = getattr(record, name)
    words = rules.load("report")["values"]
    if isinstance(value, bool):
        return words["special_occupation"][str(value).lower()][lang]
    text = str(value).strip()
    if name in ("holder_type", "site") and text in words[name]:
        return words[name][text][lang]
    if name == "region" and (region := rules.load("regions")["region_names"].get(text.upper())):
        return region[lang]
    if name == "country" and (country := rules.load("countries")["countries"].get(text.upper())):
        return f"{country[lang]} ({text.upper()})"
    if name == "cert_type" and (entry := cert_types.lookup(text)):
        return entry.name(lang)
    if name == "cert_expiry_date" and text.lower() in rules.limits()["no_expiry_words"]:
        return words["long_term"][lang]
    return text


def _breakable(text: str) -> str:
    """Let a long unbroken value (an e-mail, a URL) wrap after its punctuation, not anywhere."""
    return " ".join(
        re.sub(r"([.@/_\-])", "\\1" + ZWSP, word) if len(word) > LONG_WORD else word
        for word in text.split(" ")
    )


# -- scans ----------------------------------------------------------------------------------


def _scan_blocks(scans: Sequence[ReportScan], lang: str, t: dict) -> list[str]:
    blocks = [_scan_row(s, lang, t) for s in scans]
    if blocks:
        blocks[0] = _heading(t["scans"]) + blocks[0]
    return blocks


def _scan_row(scan: ReportScan, lang: str, t: dict) -> str:
    thumb = ""
    if scan.thumbnail_jpeg:
        data = base64.b64encode(scan.thumbnail_jpeg).decode("ascii")
        thumb = f"<img src='data:image/jpeg;base64,{data}' width='170'>"
    if scan.width and scan.height:
        facts = t["scan_facts"].format(
            format=scan.format.upper() or "?", size=f"{scan.bytes:,}",
            width=scan.width, height=scan.height,
        ).replace(" × ", f"{NBSP}×{NBSP}")  # fmt: skip
        facts = re.sub(r"(\d) (字节|bytes|像素|px)", "\\1" + NBSP + "\\2", facts)
    else:
        facts = t["scan_unread"]
    level = outcome(scan.findings)
    notes = [
        f"<span style='color:{COLOURS.get(str(f.severity), '#000')}'>"
        f"{MARK.get(str(f.severity), '')} {_e(f.message(lang))}</span>"
        for f in sort_findings(scan.findings)
    ] or [f"<span style='color:{COLOURS['ok']}'>✓ {_e(t['scan_ok'])}</span>"]
    border = COLOURS.get(level, COLOURS["ok"])
    return (
        "<table width='100%' cellspacing='0' cellpadding='6' style='margin-top:4px'><tr>"
        f"<td width='180' valign='top' style='border-left: 4px solid {border}'>{thumb}</td>"
        f"<td valign='top'><b>{_e(scan.name)}</b><br><span style='color:#374151'>{_e(facts)}"
        f"</span><br>{'<br>'.join(notes)}</td></tr></table>"
    )


def _e(text: object) -> str:
    return html.escape(str(text), quote=True)
