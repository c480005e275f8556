"""``realname-precheck example``: write a sample record to start from."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from desktop.commands import UsageError
from desktop.core.paths import resource_path


def add_parser(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser("example", help="write a sample record (stdout, or a file)")
    p.add_argument("output", nargs="?", help="file to write (default: print)")
    p.add_argument("--kind", choices=("individual", "organization"), default="organization")
    p.add_argument("--force", action="store_true", help="overwrite an existing file")
    p.set_defaults(run=run)


def example_text(kind: str = "organization") -> str:
    return resource_path("examples", f"{kind}.json").read_text(encoding="utf-8")


def run(args: argparse.Namespace) -> int:
    text = example_text(args.kind)
    if not args.output:
        sys.stdout.write(text)
        return 0
    from desktop.core import atomic

    out = Path(args.output)
    try:
        atomic.write_text(out, text, exclusive=not args.force)
    except FileExistsError:
        raise UsageError(f"{out} exists (use --force to overwrite)") from None
    except OSError as exc:
        reason = atomic.failure_texts(exc, out)["reason_en"]
        raise UsageError(f"cannot write {out}: {reason}") from None
    print(out)
    return 0
