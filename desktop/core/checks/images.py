"""Scans listed in the record or given with --image (cnnic-rules.md 3): one inspection each.

Pillow loads only when there is a scan to look at, so ``check`` on a bare record stays fast.
"""

from __future__ import annotations

from collections.abc import Iterator

from desktop.core.checks import Context
from desktop.core.findings import Finding


def check(ctx: Context) -> Iterator[Finding]:
    if not ctx.images:
        return
    from desktop.core.images import inspect_image

    # Front and back are expected in one picture: with several scans the faces may be split
    # across them, so only a lone scan of a both-sides document is measured for it.
    both_sides = ctx.cert is not None and ctx.cert.both_sides and len(ctx.images) == 1
    cert_code = ctx.cert.code if both_sides and ctx.cert else None
    for index, path in enumerate(ctx.images):
        yield from inspect_image(path, cert_code=cert_code, field=f"images[{index}]").findings
