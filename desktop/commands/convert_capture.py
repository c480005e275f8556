"""``convert --straighten`` and ``convert --merge FRONT BACK -o OUT`` (desktop.core.capture).

Kept apart from convert.py so that the plain conversion stays as it is; the output lines and
``--json`` shape are convert's own.
"""

from __future__ import annotations

import argparse
from collections.abc import Callable
from pathlib import Path
from typing import Any

from desktop.commands import UsageError


def run_capture(
    args: argparse.Namespace,
    options: dict[str, Any],
    outputs: Callable[[argparse.Namespace], list[tuple[Path, Path]]],
) -> tuple[list[Any], list[Any]]:
    """The jobs and their outcomes (a result or an ImageError each); convert reports them."""
    from desktop.core.capture import files
    from desktop.core.images import ImageError
    from desktop.core.images.batch import Job

    if args.merge:
        if len(args.inputs) != 2 or not args.output:
            raise UsageError("--merge takes two inputs, FRONT BACK, and -o OUT")
        if args.straighten:
            raise UsageError("--merge already straightens both faces; leave out --straighten")
        jobs = [Job(Path(args.inputs[0]), Path(args.output), options)]
        work = [lambda: files.merge_files(args.inputs[0], args.inputs[1], args.output, **options)]
    else:
        pairs = [(src, _straight_name(src, dst, args)) for src, dst in outputs(args)]
        jobs = [Job(src, dst, options) for src, dst in pairs]
        work = [lambda s=s, d=d: files.straighten_file(s, d, **options) for s, d in pairs]
    outcomes = []
    for task in work:
        try:
            outcomes.append(task())
        except ImageError as err:
            outcomes.append(err)
    return jobs, outcomes


def _straight_name(src: Path, dst: Path, args: argparse.Namespace) -> Path:
    """``a_cnnic.jpg`` becomes ``a_straight_cnnic.jpg`` unless -o named the output."""
    if args.output:
        return dst
    return dst.with_name(f"{src.stem}_straight{dst.name[len(src.stem) :]}")
