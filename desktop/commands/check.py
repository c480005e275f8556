"""``realname-precheck check RECORD.json``: report every field the registry would reject."""

from __future__ import annotations

import argparse
import io
import json
import os
import sys
from datetime import date
from pathlib import Path

from desktop.commands import UsageError
from desktop.core import record as records
from desktop.core.engine import check_record
from desktop.core.findings import Finding, sort_findings, summary
from desktop.core.report_text import render_text


def add_parser(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser("check", help="check a registrant record (JSON) and its scans")
    p.add_argument("record", help="record file (JSON); '-' reads standard input")
    p.add_argument("--image", action="append", default=[], metavar="PATH",
                   help="a scan to inspect as well (repeatable)")  # fmt: skip
    p.add_argument("--json", action="store_true", help="print one JSON object")
    p.add_argument("--lang", choices=("zh", "en"), help="message language (default: the system's)")
    p.add_argument("--today", type=parse_today, help="date to check against (YYYY-MM-DD)")
    p.add_argument("--ocr", action="store_true",
                   help="read each scan offline and cross-check name, number, type")  # fmt: skip
    p.set_defaults(run=run)


def parse_today(text: str) -> date:
    try:
        return date.fromisoformat(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"not a date (YYYY-MM-DD): {text}") from None


def run(args: argparse.Namespace) -> int:
    record, base = _read(args.record)
    findings = check_record(record, today=args.today, base_dir=base, extra_images=args.image)
    if args.ocr:
        findings = _with_scans(findings, record, base, args)
    if args.json:
        print(json.dumps(to_json(findings, args.lang), ensure_ascii=False, indent=2))
    else:
        print(render_text(findings, args.lang))
    return 1 if any(f.severity == "error" for f in findings) else 0


def _with_scans(findings: list[Finding], record, base: Path, args) -> list[Finding]:
    from desktop.core.ocr import engine, scan

    try:
        read = scan.scan_findings(record, today=args.today, base_dir=base, extra_images=args.image)
    except engine.OcrUnavailable as exc:
        raise UsageError(str(exc)) from None
    return sort_findings([*findings, *read])


def _read(path: str) -> tuple[records.Record, Path]:
    """The record and its folder; any fault is one line with its code (RECORD_INVALID)."""
    try:
        if path == "-":
            return records.loads(_stdin_text()), Path.cwd()
        return records.load(path), Path(os.path.abspath(path)).parent
    except records.RecordError as exc:
        raise UsageError(f"{exc} [{exc.code}]") from None


def _stdin_text() -> str:
    stream = getattr(sys.stdin, "buffer", None)  # the bytes, whatever the console's code page
    if stream is None:  # a text-only stream (an embedding host): its text, re-encoded
        stream = io.BytesIO(sys.stdin.read(records.limits()["max_bytes"] + 1).encode())
    return records.read_text(stream, "the record on standard input")


def to_json(findings: list[Finding], lang: str) -> dict:
    counts = summary(findings)
    return {
        "ok": counts["errors"] == 0,
        "errors": counts["errors"],
        "warnings": counts["warnings"],
        "findings": [f.to_json(lang) for f in findings],
    }
