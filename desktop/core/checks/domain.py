"""Domain name rules for .cn, .中国, .公司, .网络 (cnnic-rules.md 6)."""

from __future__ import annotations

from collections.abc import Iterator

from desktop.core.checks import Context
from desktop.core.findings import Finding


def check(ctx: Context) -> Iterator[Finding]:
    return iter(())
