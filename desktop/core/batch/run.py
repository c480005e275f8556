"""Check every item of a portfolio: each record exactly as ``check`` does, scans inspected in
parallel on the available cores, then the checks across records."""

from __future__ import annotations

import os
import tempfile
from collections.abc import Callable, Sequence
from contextlib import ExitStack
from datetime import date
from pathlib import Path

from desktop.core import record as records
from desktop.core.batch import crosscheck, registrars
from desktop.core.batch.items import Item
from desktop.core.engine import check_record
from desktop.core.findings import Finding, sort_findings

Progress = Callable[[int, int], None]
LIGHT_CHUNK = 250  # records without scans per progress step (and per Cancel poll)


class Cancelled(Exception):
    """The caller asked to stop (the window's Cancel)."""


def default_jobs() -> int:
    return max(1, len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity")
               else os.cpu_count() or 1)  # fmt: skip


def check_items(
    items: Sequence[Item],
    *,
    today: date | None = None,
    jobs: int = 1,
    ocr: bool = False,
    progress: Progress | None = None,
    cancelled: Callable[[], bool] = lambda: False,
) -> list[Item]:
    """Fill every item's findings; returns the items with failed registrar profiles first."""
    day = today or date.today()
    with ExitStack() as stack:
        scans = _embedded_paths(items, stack)
        work = [i for i in items if i.record is not None]
        heavy = [i for i in work if i.record.images or id(i) in scans]
        light = [i for i in work if not (i.record.images or id(i) in scans)]
        done = [len(items) - len(work)]

        def tick(count: int = 1) -> None:
            done[0] += count
            if cancelled():
                raise Cancelled
            if progress:
                progress(done[0], len(items))

        for item in items:
            if item.record is None:
                item.findings = list(item.notes)
        _check_light(light, day, jobs, tick)
        _check_scans(heavy, scans, day, jobs, tick)
        if ocr:
            _read_scans(heavy, scans, day, cancelled)
    crosscheck.cross_findings(items)
    for item in items:
        item.findings = sort_findings(item.findings)
    return sorted(items, key=lambda i: not i.failed)


def _check_light(light: list[Item], day: date, jobs: int, tick) -> None:
    """Records without scans, in this process: a check takes ~0.3 ms, and worker processes
    (start-up, pickling the findings back) measured slower even for 10,000 records."""
    for n, item in enumerate(light, start=1):
        found = check_record(item.record, today=day, base_dir=item.base_dir)
        item.findings = _judged(item, found)
        if n % LIGHT_CHUNK == 0 or n == len(light):
            tick(n % LIGHT_CHUNK or LIGHT_CHUNK)


def _check_scans(heavy: list[Item], scans: dict, day: date, jobs: int, tick) -> None:
    payloads = [_payload(item, scans, day) for item in heavy]
    if jobs <= 1 or len(heavy) < 2:
        for item, payload in zip(heavy, payloads, strict=True):
            item.findings = _judged(item, check_payload(payload))
            tick()
        return
    from desktop.core.images.batch import worker_pool  # Pillow only when scans are checked

    with worker_pool(min(jobs, len(heavy))) as pool:
        futures = [pool.submit(check_payload, p) for p in payloads]
        for item, future in zip(heavy, futures, strict=True):
            item.findings = _judged(item, future.result())
            tick()


def _read_scans(heavy: list[Item], scans: dict, day: date, cancelled) -> None:
    from desktop.core.ocr import scan

    for item in heavy:
        if cancelled():
            raise Cancelled
        read = scan.scan_findings(item.record, today=day, base_dir=item.base_dir,
                                  extra_images=scans.get(id(item), ()))  # fmt: skip
        item.findings = [*item.findings, *_kept(item, read)]


def _payload(item: Item, scans: dict, day: date) -> tuple:
    base = str(item.base_dir) if item.base_dir else None
    return item.record.to_dict(), base, day.isoformat(), [str(p) for p in scans.get(id(item), ())]


def check_payload(payload: tuple) -> list[Finding]:
    """One record's check in a worker process (plain data in, findings out)."""
    data, base, day, extra = payload
    record = records.from_dict(data)
    return check_record(record, today=date.fromisoformat(day), base_dir=base, extra_images=extra)


def _embedded_paths(items: Sequence[Item], stack: ExitStack) -> dict[int, list[Path]]:
    """Inline scans (Alibaba FetchImage) go to a private temporary folder only while they are
    inspected; the folder is deleted when the run ends (the user's files are never written)."""
    holders = [i for i in items if i.embedded and i.record is not None]
    if not holders:
        return {}
    folder = Path(stack.enter_context(tempfile.TemporaryDirectory(prefix="rnp-batch-")))
    paths: dict[int, list[Path]] = {}
    for n, item in enumerate(holders):
        for k, data in enumerate(item.embedded):
            path = folder / f"{n}-{k}{_suffix(data)}"
            path.write_bytes(data)
            paths.setdefault(id(item), []).append(path)
    return paths


def _suffix(data: bytes) -> str:
    """The extension the bytes' format has (the image checks judge the real format anyway)."""
    if data.startswith(b"\xff\xd8"):
        return ".jpg"
    if data.startswith(b"BM"):
        return ".bmp"
    if data.startswith(b"\x89PNG"):
        return ".png"
    return ".bin"


def _judged(item: Item, findings: list[Finding]) -> list[Finding]:
    """The reading notes plus the findings the registrar's own rules keep."""
    return [*item.notes, *_kept(item, findings)]


def _kept(item: Item, findings: list[Finding]) -> list[Finding]:
    """Records from a registrar's export are judged by its rules: its accepted spellings, and
    no 'missing' for fields it never exports."""
    accepted = registrars.accepted_spellings(item.registrar)
    kept = []
    for f in findings:
        if f.params.get("problem") in accepted.get(f.code, ()):
            continue
        if f.code.endswith("_MISSING") and f.fields and f.fields[0] in item.unexported:
            continue
        kept.append(f)
    return kept


CROSS_CODES = ("DUPLICATE_CERT_NUMBER", "NAME_VARIANT", "DUPLICATE_SCAN")


def recheck(items: Sequence[Item], item: Item, today: date | None = None) -> None:
    """Check one edited item again, then the cross-record checks of the whole portfolio."""
    day = today or date.today()
    if item.record is not None:
        item.notes = [f for f in item.notes if f.code != "RECORD_INVALID"]
        item.invalid = ""
        found = check_record(item.record, today=day, base_dir=item.base_dir)
        item.findings = _judged(item, found)
    for other in items:
        other.findings = [f for f in other.findings if f.code not in CROSS_CODES]
    crosscheck.cross_findings(items)
    for other in items:
        other.findings = sort_findings(other.findings)
