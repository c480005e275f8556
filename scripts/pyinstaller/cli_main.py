"""Entry point of the frozen command line, ``realname-precheck`` (build.spec freezes this file)."""

import sys

from desktop.cli import main

if __name__ == "__main__":
    sys.exit(main())
