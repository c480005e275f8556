"""Entry point of the frozen window, ``RealNamePrecheck`` (build.spec freezes this file)."""

import sys

from desktop.ui.app import main

if __name__ == "__main__":
    sys.exit(main())
