"""Check modules: each exposes ``check(ctx) -> Iterable[Finding]`` over one group of fields."""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path

from desktop.core.cert_types import CertType, region_bucket
from desktop.core.findings import Finding
from desktop.core.record import Record


@dataclass(frozen=True)
class Context:
    """Everything a check may look at: the record, its certificate type, today, the images."""

    record: Record
    today: date
    cert: CertType | None
    images: tuple[Path, ...] = field(default_factory=tuple)

    @property
    def region(self) -> str:
        """The holder's region bucket: CN, HK, MO, TW or OS ("" when not given)."""
        return region_bucket(self.record.region) if self.record.region.strip() else ""


Check = Callable[[Context], Iterable[Finding]]
