"""Entry point of the frozen command line, ``realname-precheck`` (build.spec freezes this file).

The frozen command line carries no Qt (so ``check`` starts fast), hence ``realname-precheck gui
[ARGS]`` hands over to the window executable next to it, with the same arguments.
"""

import subprocess
import sys
from pathlib import Path

WINDOW = "RealNamePrecheck.exe" if sys.platform == "win32" else "RealNamePrecheck"


def open_window(args: list[str]) -> int:
    window = Path(sys.executable).with_name(WINDOW)
    if not window.is_file():
        print(f"realname-precheck: {window.name} is missing next to this program", file=sys.stderr)
        return 2
    return subprocess.call([str(window), *args])


if __name__ == "__main__":
    if sys.argv[1:2] == ["gui"]:
        sys.exit(open_window(sys.argv[2:]))
    from desktop.cli import main

    sys.exit(main())
