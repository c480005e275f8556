"""What the fuzzers share: their command line, a per-input alarm and a memory cap."""

from __future__ import annotations

import argparse
import resource
import signal


class Timeout(BaseException):  # BaseException: no ``except Exception`` in the app can hide it
    pass


def _alarm(_sig: int, _frame: object) -> None:
    raise Timeout


def start() -> argparse.Namespace:
    """Parse ``-n`` and ``--seed``, turn SIGALRM into :class:`Timeout` and cap the address space."""
    parser = argparse.ArgumentParser()
    parser.add_argument("-n", type=int, default=12_000)
    parser.add_argument("--seed", type=int, default=13)
    args = parser.parse_args()
    signal.signal(signal.SIGALRM, _alarm)
    # A blow-up must not take the shared machine down with it: beyond 3 GB it is a MemoryError.
    resource.setrlimit(resource.RLIMIT_AS, (3 << 30, 3 << 30))
    return args
