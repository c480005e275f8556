"""``realname-precheck gui``: open the window (Qt is imported only when this command runs)."""

from __future__ import annotations

import argparse


def add_parser(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser("gui", help="open the window")
    p.add_argument("record", nargs="?", help="record file (JSON) to open")
    p.add_argument("--lang", choices=("zh", "en"), help="language (default: remembered/system)")
    p.add_argument("--smoke-test", metavar="PNG", help="open offscreen, save a screenshot, exit")
    p.set_defaults(run=run)


def run(args: argparse.Namespace) -> int:
    from desktop.ui.app import main

    argv = [args.record] if args.record else []
    if args.lang:
        argv += ["--lang", args.lang]
    if args.smoke_test:
        argv += ["--smoke-test", args.smoke_test]
    return main(argv)
