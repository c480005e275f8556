"""Run every check over a record and return its findings, errors first."""

from __future__ import annotations

from collections.abc import Iterable
from datetime import date
from pathlib import Path

from desktop.core import cert_types
from desktop.core.checks import Check, Context
from desktop.core.findings import Finding, sort_findings
from desktop.core.record import Record, image_paths


def _checks() -> tuple[Check, ...]:
    from desktop.core.checks import cert_number, contact, dates, domain, holder, images, names

    return (
        holder.check, names.check, cert_number.check, dates.check,
        contact.check, domain.check, images.check,
    )  # fmt: skip


def check_record(
    record: Record,
    *,
    today: date | None = None,
    base_dir: str | Path | None = None,
    extra_images: Iterable[str | Path] = (),
) -> list[Finding]:
    """Check a record; images are resolved against ``base_dir`` (the record file's folder)."""
    images = (*image_paths(record, base_dir), *(Path(p) for p in extra_images))
    cert = cert_types.lookup(record.cert_type, record.region)
    ctx = Context(record, today or date.today(), cert, images)
    findings: list[Finding] = []
    for check in _checks():
        findings.extend(check(ctx))
    return sort_findings(findings)
