"""Certificate number: presence, typing mistakes, and the per-type validators."""

from __future__ import annotations

from collections.abc import Iterator

from desktop.core.checks import Context
from desktop.core.findings import Finding, make


def check(ctx: Context) -> Iterator[Finding]:
    if not ctx.record.cert_number.strip():
        yield make("CERT_NUMBER_MISSING", ("cert_number",))
