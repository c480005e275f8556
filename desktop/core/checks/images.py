"""Scans listed in the record or given with --image (cnnic-rules.md 3): one inspection each.

Pillow loads only when there is a scan to look at, so ``check`` on a bare record stays fast.
"""

from __future__ import annotations

from collections.abc import Iterator

from desktop.core.cert_types import CertType
from desktop.core.checks import Context
from desktop.core.findings import Finding


def both_sides_code(cert: CertType | None, scan_count: int) -> str | None:
    """The type a lone scan must show both faces of, or None.

    Front and back are expected in one picture: with several scans the faces may be split
    across them, so only a lone scan of a both-sides document is measured for it.
    """
    return cert.code if cert is not None and cert.both_sides and scan_count == 1 else None


def check(ctx: Context) -> Iterator[Finding]:
    if not ctx.images:
        return
    from desktop.core.images import inspect_image

    cert_code = both_sides_code(ctx.cert, len(ctx.images))
    for index, path in enumerate(ctx.images):
        yield from inspect_image(path, cert_code=cert_code, field=f"images[{index}]").findings
