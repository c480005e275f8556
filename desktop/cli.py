"""``realname-precheck``: the command-line face of the core."""

from __future__ import annotations

import argparse
import contextlib
import errno
import os
import sys
from collections.abc import Sequence

from desktop import __version__
from desktop.commands import UsageError, batch, check, convert, example, fail, gui

COMMANDS = [check, batch, convert, example, gui]


class _Parser(argparse.ArgumentParser):
    def error(self, message: str) -> None:  # one line, exit 2, no usage dump
        raise UsageError(message)


def build_parser() -> argparse.ArgumentParser:
    parser = _Parser(prog="realname-precheck", description="CNNIC real-name pre-check (offline)")
    parser.add_argument("--version", action="version", version=f"realname-precheck {__version__}")
    sub = parser.add_subparsers(dest="command", metavar="COMMAND", parser_class=_Parser)
    for command in COMMANDS:
        command.add_parser(sub)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    _utf8_stdio()
    parser = build_parser()
    try:
        args = parser.parse_args(argv)
        if getattr(args, "lang", "") is None:  # no --lang: the system's language, as the window
            args.lang = system_language()
        if not getattr(args, "run", None):
            parser.print_help()
            return 2
        return args.run(args)
    except UsageError as exc:
        return fail(str(exc))
    except KeyboardInterrupt:
        return fail("interrupted")
    except OSError as exc:
        if not _reader_gone(exc):
            return fail(f"internal error: {type(exc).__name__}: {exc}")
        # the reader went away (`… | head`): stop quietly
        with contextlib.suppress(OSError, ValueError):
            os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
        return 1
    except Exception as exc:
        return fail(f"internal error: {type(exc).__name__}: {exc}")


def system_language() -> str:
    """ "zh" when the user's locale is Chinese (any region), else "en"."""
    if sys.platform == "win32":
        import ctypes

        language = ctypes.windll.kernel32.GetUserDefaultUILanguage() & 0x3FF
        return "zh" if language == 0x04 else "en"  # LANG_CHINESE: zh-CN, zh-TW, zh-HK...
    for name in ("LC_ALL", "LC_MESSAGES", "LANG"):  # the POSIX order of precedence
        if value := os.environ.get(name):
            return "zh" if value.lower().startswith("zh") else "en"
    return "en"


def _reader_gone(exc: OSError) -> bool:
    """A closed pipe: BrokenPipeError, or on Windows OSError(EINVAL) from writing to it."""
    if isinstance(exc, BrokenPipeError):
        return True
    if exc.errno != errno.EINVAL:
        return False
    try:  # the write that failed is still buffered: flushing fails again if stdout is gone
        sys.stdout.flush()
    except OSError:
        return True
    return False


def _utf8_stdio() -> None:
    """Chinese output on a Windows console (cp936) or a pipe must not crash."""
    for stream in (sys.stdout, sys.stderr):
        if hasattr(stream, "reconfigure"):
            stream.reconfigure(encoding="utf-8", errors="replace")


if __name__ == "__main__":
    sys.exit(main())
