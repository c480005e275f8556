"""Scans listed in the record or given with --image (cnnic-rules.md 3)."""

from __future__ import annotations

from collections.abc import Iterator

from desktop.core.checks import Context
from desktop.core.findings import Finding, make


def check(ctx: Context) -> Iterator[Finding]:
    for index, path in enumerate(ctx.images):
        if not path.is_file():
            yield make("IMAGE_MISSING", (f"images[{index}]",), path=str(path), name=path.name)
