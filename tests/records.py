"""Build test records from the shipped examples, with overrides."""

from __future__ import annotations

import json
from datetime import date

from desktop.core import record as records
from desktop.core.engine import check_record
from desktop.core.findings import Finding
from desktop.core.paths import resource_path

TODAY = date(2026, 11, 23)


def example(kind: str = "individual", **overrides: object) -> records.Record:
    """The shipped example record of ``kind`` with some keys replaced."""
    data = json.loads(resource_path("examples", f"{kind}.json").read_text(encoding="utf-8"))
    data.update(overrides)
    return records.from_dict(data)


def findings(kind: str = "individual", **overrides: object) -> list[Finding]:
    return check_record(example(kind, **overrides), today=TODAY)


def codes(kind: str = "individual", **overrides: object) -> set[str]:
    return {f.code for f in findings(kind, **overrides)}


def one(code: str, kind: str = "individual", **overrides: object) -> Finding:
    """The single finding with ``code`` (fails when absent or repeated)."""
    matches = [f for f in findings(kind, **overrides) if f.code == code]
    assert len(matches) == 1, f"{code}: {[f.code for f in findings(kind, **overrides)]}"
    return matches[0]
