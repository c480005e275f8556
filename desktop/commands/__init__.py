"""Subcommands of ``realname-precheck``. Each module has ``add_parser(sub)`` and ``run(args)``.

Keep these modules light at import time: heavy imports (Pillow, Qt) go inside ``run``.
"""

from __future__ import annotations

import sys


class UsageError(Exception):
    """The command could not run (exit 2): the message is one plain line for stderr."""


def fail(message: str) -> int:
    """Print a one-line reason to stderr and return exit code 2."""
    print(f"realname-precheck: {message}", file=sys.stderr)
    return 2
