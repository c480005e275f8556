"""One entry of a portfolio: where it came from, the record (or why there is none), its result."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from desktop.core.findings import Finding, make, summary
from desktop.core.record import Record


@dataclass
class Item:
    """A record read from one row, file or registrar profile.

    ``row`` is the row number Excel shows (header = 1), the 1-based position in an API list, or
    None for a record file. ``columns`` keeps the original cells (header → value) for ``--out``;
    ``keys`` maps those headers to record keys. ``embedded`` holds scans given inline (Alibaba
    FetchImage, base64 decoded): checked like files, never written anywhere unless asked.
    """

    source: str
    row: int | None
    record: Record | None = None
    invalid: str = ""  # why the row could not become a record
    base_dir: Path | None = None
    columns: dict[str, Any] = field(default_factory=dict)
    keys: dict[str, str] = field(default_factory=dict)
    registrar: str = ""  # "alibaba", "tencent" or "" (judged by that registrar's spelling rules)
    failed: bool = False  # the registrar reports the verification as failed
    embedded: list[bytes] = field(default_factory=list)
    unexported: set[str] = field(default_factory=set)  # fields the export does not carry
    notes: list[Finding] = field(default_factory=list)  # findings made while reading
    findings: list[Finding] = field(default_factory=list)

    def mark_invalid(self, reason: str) -> None:
        """This entry could not become a record: say why (RECORD_INVALID)."""
        self.invalid = reason
        self.notes.append(make("RECORD_INVALID", ("record",), reason=reason))

    @property
    def name(self) -> str:
        if self.record is None:  # a row that is no record: the name cell as typed
            cells = {key: self.columns.get(h) for h, key in self.keys.items()}
            return str(cells.get("name_zh") or cells.get("name_en") or "").strip()
        return self.record.name_zh.strip() or self.record.name_en.strip()

    @property
    def counts(self) -> dict[str, int]:
        return summary(self.findings)

    @property
    def ok(self) -> bool:
        return self.counts["errors"] == 0

    @property
    def label(self) -> str:
        """``file`` or ``file:row`` for messages and the text report."""
        return self.source if self.row is None else f"{self.source}:{self.row}"

    @property
    def short_label(self) -> str:
        """The label with the file name only (messages that name other records)."""
        name = Path(self.source.split("#")[0]).name + (
            "#" + self.source.split("#", 1)[1] if "#" in self.source else ""
        )
        return name if self.row is None else f"{name}:{self.row}"
