"""Contact fields: phone, email, country, province, city, address, postal code (ref 5)."""

from __future__ import annotations

from collections.abc import Iterator

from desktop.core.checks import Context
from desktop.core.findings import Finding, make

REQUIRED = ("phone_cc", "phone", "email", "country", "province", "city", "address")


def check(ctx: Context) -> Iterator[Finding]:
    for key in REQUIRED:
        if not getattr(ctx.record, key).strip():
            yield make("CONTACT_FIELD_MISSING", (key,))
