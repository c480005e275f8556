"""``realname-precheck convert INPUT...``: re-encode scans as compliant JPG or BMP (55 KB - 1 MB).

Never renames, never overwrites the original; several inputs run on two worker processes.
"""

from __future__ import annotations

import argparse
import json
import os
import sys
from pathlib import Path
from typing import Any

from desktop.commands import UsageError


def add_parser(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser("convert", help="re-encode scans as compliant JPG/BMP inside 55 KB-1 MB")
    p.add_argument("inputs", nargs="+", metavar="INPUT", help="scan(s): JPEG PNG BMP GIF TIFF "
                   "WebP HEIC AVIF PDF")  # fmt: skip
    p.add_argument("--to", choices=("jpg", "bmp"), help="output format (default jpg)")
    where = p.add_mutually_exclusive_group()
    where.add_argument("-o", "--output", metavar="OUT", help="output file (one input only)")
    where.add_argument("--out-dir", metavar="DIR", help="folder for <name>_cnnic.jpg files")
    p.add_argument("--min-bytes", type=_byte_count, metavar="N", help="default 56320")
    p.add_argument("--max-bytes", type=_byte_count, metavar="N", help="default 1000000")
    p.add_argument("--force", action="store_true", help="overwrite existing outputs")
    p.add_argument("--json", action="store_true", help="print a JSON list of results")
    p.add_argument("--lang", choices=("zh", "en"), help="message language (default: the system's)")
    p.add_argument("--straighten", action="store_true", help="find the document in each photo, "
                   "straighten and crop it (<name>_straight_cnnic.jpg)")  # fmt: skip
    p.add_argument("--merge", action="store_true", help="FRONT BACK -o OUT: both faces, "
                   "straightened, front above back in one image")  # fmt: skip
    p.add_argument("--upright", action="store_true", help="turn sideways or upside-down scans "
                   "upright, as their text reads (needs the ocr extra)")  # fmt: skip
    p.set_defaults(run=run)


def _byte_count(text: str) -> int:
    try:
        value = int(text.replace("_", "").replace(",", ""))
    except ValueError:
        raise argparse.ArgumentTypeError(f"not a number of bytes: {text}") from None
    if value <= 0:
        raise argparse.ArgumentTypeError(f"must be positive: {text}")
    return value


def run(args: argparse.Namespace) -> int:
    from desktop.core.images.batch import Job, convert_many

    if args.straighten or args.merge:
        from desktop.commands.convert_capture import run_capture

        return _report(args, *run_capture(args, _options(args), _outputs))

    pairs = _outputs(args)
    options = {**_options(args), "inputs": tuple(src for src, _ in pairs)}
    jobs = [Job(src, dst, options) for src, dst in pairs]
    outcomes = (
        _upright(jobs) if args.upright
        else convert_many(jobs, workers=2, on_fallback=_say_fallback)
    )  # fmt: skip
    return _report(args, jobs, outcomes)


def _report(args: argparse.Namespace, jobs: list, outcomes: list) -> int:
    """Print each outcome (a line or the --json list), the failures on stderr; the exit code."""
    failed = [(job, out) for job, out in zip(jobs, outcomes, strict=True) if _is_error(out)]
    if args.json:
        listing = [_json(job, out, args.lang) for job, out in zip(jobs, outcomes, strict=True)]
        print(json.dumps(listing, ensure_ascii=False, indent=2))
    else:
        for out in outcomes:
            if not _is_error(out):
                print(_line(out, args.lang))
    for job, err in failed:
        print(f"realname-precheck: {_shown(job.src)}: {err.message(args.lang)}", file=sys.stderr)
    return 2 if failed else 0


def _shown(path: Path) -> str:
    from desktop.core.normalize import printable

    return printable(str(path), 300)


def _say_fallback(reason: str) -> None:
    print(f"realname-precheck: worker processes could not start ({reason}); "
          "converting here, one file at a time", file=sys.stderr)  # fmt: skip


def _upright(jobs: list) -> list:
    """Issue 10: read each scan's orientation (one engine, in this process), then convert the
    turned ones upright and the rest as usual."""
    from desktop.core.images import ImageError
    from desktop.core.images.batch import convert_many
    from desktop.core.ocr import engine, scan
    from desktop.core.ocr.upright import certain_turn, convert_upright

    if not engine.available():
        raise UsageError(f"--upright needs scan reading: {engine.INSTALL_HINT}")
    turns = []
    for job in jobs:
        try:
            turns.append(certain_turn(scan.read_scan(job.src)))
        except (scan.ScanError, engine.OcrUnavailable):
            turns.append(0)  # unreadable: the conversion reports why
    outcomes = convert_many([j for j, t in zip(jobs, turns, strict=True) if not t], workers=2)
    plain = iter(outcomes)
    out = []
    for job, turn in zip(jobs, turns, strict=True):
        if not turn:
            out.append(next(plain))
            continue
        try:
            out.append(convert_upright(job.src, job.dst, turn, **job.options))
        except ImageError as exc:
            out.append(exc)
    return out


def _options(args: argparse.Namespace) -> dict[str, Any]:
    from desktop.core import rules

    window = rules.limits()["image"]
    low = args.min_bytes or window["min_bytes"]
    high = args.max_bytes or window["max_bytes"]
    if low >= high:
        raise UsageError(f"--min-bytes ({low}) must be smaller than --max-bytes ({high})")
    if high < 4096:
        raise UsageError(f"--max-bytes {high} is too small for a legible picture")
    return {"to": _target(args), "min_bytes": low, "max_bytes": high, "force": args.force}


def _target(args: argparse.Namespace) -> str:
    if args.to:
        return args.to
    if args.output and Path(args.output).suffix.lower() == ".bmp":
        return "bmp"
    return "jpg"


def _outputs(args: argparse.Namespace) -> list[tuple[Path, Path]]:
    """(input, output) pairs; two inputs that would share an output name get distinct names."""
    from desktop.core.images import output_path

    if args.output:
        if len(args.inputs) > 1:
            raise UsageError("-o/--output takes a single input; use --out-dir for several")
        return [(Path(args.inputs[0]), Path(args.output))]
    if args.out_dir:
        _make_folder(Path(args.out_dir), args.lang)
    pairs, taken = [], set()
    for text in args.inputs:
        src = Path(text)
        dst = output_path(src, to=_target(args), out_dir=args.out_dir)
        if _key(dst) in taken:  # a.png and a.jpg both want a_cnnic.jpg: a_png_cnnic.jpg
            kind = src.suffix.lstrip(".").lower()
            dst = dst.with_name(f"{src.stem}_{kind}{dst.name[len(src.stem) :]}")
        taken.add(_key(dst))
        pairs.append((src, dst))
    return pairs


def _make_folder(folder: Path, lang: str) -> None:
    from desktop.core.images import ImageError
    from desktop.core.images.convert import make_folder

    try:
        make_folder(folder)
    except ImageError as err:
        raise UsageError(err.message(lang)) from None


def _key(path: Path) -> str:
    return os.path.normcase(os.path.abspath(path)).casefold()


def _is_error(outcome: object) -> bool:
    from desktop.core.images import ImageError

    return isinstance(outcome, ImageError)


def _json(job: Any, outcome: Any, lang: str) -> dict[str, Any]:
    if _is_error(outcome):
        return {
            "input": str(job.src),
            "output": None,
            "error": outcome.code,
            "message": outcome.message(lang),
        }
    return {**outcome.to_json(), "messages": outcome.note_messages(lang)}


def _line(result: Any, lang: str) -> str:
    quality = f" q{result.quality}" if result.quality is not None else ""
    head = (
        f"{result.input} → {result.output}  {result.format} {result.width}×{result.height}"
        f"{quality} {result.bytes:,} B"
    )
    return "\n".join([head, *(f"  - {text}" for text in result.note_messages(lang))])
