"""``realname-precheck batch INPUT...``: check a whole portfolio (folders, sheets, registrar
exports) and find what only shows across records."""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

from desktop.commands import UsageError
from desktop.commands.check import parse_today

OUT_KINDS = (".xlsx", ".html", ".htm", ".pdf", ".csv")
FROZEN_CLI = "realname-precheck"  # build.spec CLI_NAME: the executable without Qt


def add_parser(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser("batch", help="check many records: folder, CSV, xlsx, registrar exports")
    inputs = "folder of *.json records, .csv, .xlsx, Alibaba/Tencent API responses"
    p.add_argument("inputs", nargs="+", metavar="INPUT", help=inputs)
    out = "also write report.xlsx (annotated sheet), .html/.pdf, or a fixed .csv"
    p.add_argument("--out", metavar="FILE", help=out)
    p.add_argument("--json", action="store_true", help="print one JSON object")
    p.add_argument("--lang", choices=("zh", "en"), help="message language (default: the system's)")
    p.add_argument("--today", type=parse_today, help="date to check against (YYYY-MM-DD)")
    p.add_argument("--jobs", type=_jobs, default=None, metavar="N",
                   help="processes inspecting scans (default: every core)")  # fmt: skip
    p.add_argument("--ocr", action="store_true", help="also read every scan offline")
    p.set_defaults(run=run)


def _jobs(text: str) -> int:
    try:
        value = int(text)
    except ValueError:
        value = 0
    if value < 1:
        raise argparse.ArgumentTypeError(f"--jobs must be a whole number ≥ 1: {text}")
    return value


def run(args: argparse.Namespace) -> int:
    from desktop.core.batch import reports, sources
    from desktop.core.batch import run as batch_run
    from desktop.core.ocr.engine import OcrUnavailable

    out = _out_path(args.out, args.inputs) if args.out else None
    if args.ocr:
        _ocr_available()
    try:
        items = sources.read_inputs(args.inputs)
    except sources.SourceError as exc:
        raise UsageError(str(exc)) from None
    bar = _Bar() if sys.stderr.isatty() and not args.json else None
    jobs = args.jobs or batch_run.default_jobs()
    try:
        items = batch_run.check_items(items, today=args.today, jobs=jobs, ocr=args.ocr,
                                      progress=bar.update if bar else None)  # fmt: skip
    except OcrUnavailable as exc:
        raise UsageError(str(exc)) from None
    if bar:
        bar.done()
    if out is not None:
        write_out(items, out, args.lang)
    if args.json:
        print(json.dumps(reports.to_json(items, args.lang), ensure_ascii=False, indent=2))
    else:
        print(reports.render_text(items, args.lang))
    return 0 if all(i.ok for i in items) else 1


def _ocr_available() -> None:
    from desktop.core.ocr import engine

    if not engine.available():
        raise UsageError(f"scan reading is not installed: {engine.INSTALL_HINT}")


def _out_path(text: str, inputs: list[str]) -> Path:
    """The report path; refuses a kind we cannot write, and any input (never overwritten)."""
    out = Path(text)
    if out.suffix.lower() not in OUT_KINDS:
        raise UsageError(f"--out must end in .xlsx, .html, .pdf or .csv: {text}")
    target = out.resolve()
    for raw in inputs:
        path = Path(raw).resolve()
        if target == path:
            raise UsageError(f"--out would write over an input: {text}")
    if not target.parent.is_dir():
        raise UsageError(f"--out folder does not exist: {out.parent}")
    return out


def write_out(items, out: Path, lang: str) -> None:
    """Write the report atomically: a complete file or none."""
    from desktop.core.atomic import atomic_target
    from desktop.core.batch import reports, workbook

    kind = out.suffix.lower()
    with atomic_target(out) as tmp:
        if kind == ".xlsx":
            workbook.write_workbook(items, tmp, lang)
        elif kind in (".html", ".htm"):
            tmp.write_text(reports.render_html(items, lang), encoding="utf-8")
        elif kind == ".csv":
            text = reports.fixed_csv(items, out.resolve().parent)
            tmp.write_bytes(text.encode("utf-8-sig"))
        else:
            _pdf(reports.render_html(items, lang), tmp)


def _pdf(html: str, path: Path) -> None:
    """PDF needs Qt's text engine. The standalone command line is built without Qt (loading the
    window's Qt from it would abort the process), so there it says what to use instead."""
    if getattr(sys, "frozen", False) and Path(sys.executable).stem == FROZEN_CLI:
        raise UsageError("this build writes no PDF: use --out report.html, or the window")
    from desktop.ui.portfolio_pdf import html_to_pdf

    html_to_pdf(html, path)


class _Bar:
    """A one-line progress bar on a terminal's stderr."""

    WIDTH = 30

    def __init__(self) -> None:
        self.shown = -1

    def update(self, done: int, total: int) -> None:
        filled = self.WIDTH * done // max(total, 1)
        if filled == self.shown and done != total:
            return
        self.shown = filled
        bar = "█" * filled + "·" * (self.WIDTH - filled)
        sys.stderr.write(f"\r{bar} {done}/{total}")
        sys.stderr.flush()

    def done(self) -> None:
        if self.shown >= 0:
            sys.stderr.write("\r" + " " * (self.WIDTH + 24) + "\r")
            sys.stderr.flush()
