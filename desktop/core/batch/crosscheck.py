"""Checks only a whole portfolio can make: one certificate number under different holder
names, and one scan (same content) attached to records of different holders.

The same holder with several templates is normal and gives no finding.
"""

from __future__ import annotations

import hashlib
import re
import unicodedata
from collections.abc import Sequence
from pathlib import Path

from desktop.core.batch.items import Item
from desktop.core.findings import make
from desktop.core.record import image_paths

_SPACE = re.compile(r"\s")
MAX_LISTED = 3


def number_key(number: str) -> str:
    """A certificate number as compared: width folded, no spaces, upper case.

    >>> number_key(" １１０１０１ 19900307123x ")
    '11010119900307123X'
    """
    return _SPACE.sub("", unicodedata.normalize("NFKC", number)).upper()


def name_key(name: str) -> str:
    """A holder name as compared for variants: width folded, no spaces, case folded.

    >>> name_key("ＡＣＭＥ（北京） Ltd") == name_key("acme(北京)ltd")
    True
    """
    return _SPACE.sub("", unicodedata.normalize("NFKC", name)).casefold()


def cross_findings(items: Sequence[Item]) -> None:
    """Add DUPLICATE_CERT_NUMBER / NAME_VARIANT / DUPLICATE_SCAN to the items concerned."""
    _numbers(items)
    _scans(items)


def _numbers(items: Sequence[Item]) -> None:
    groups: dict[str, list[Item]] = {}
    for item in items:
        if item.record is not None and (key := number_key(item.record.cert_number)):
            groups.setdefault(key, []).append(item)
    for group in groups.values():
        names = {item.name.strip() for item in group}
        if len(names) < 2:
            continue
        for item in group:
            others = [o for o in group if o.name.strip() != item.name.strip()]
            different = [o for o in others if name_key(o.name) != name_key(item.name)]
            variants = [o for o in others if name_key(o.name) == name_key(item.name)]
            fields = ("cert_number", "name_zh")
            if different:
                found = make("DUPLICATE_CERT_NUMBER", fields, others=_listed(different))
                item.findings.append(found)
            if variants:
                item.findings.append(make("NAME_VARIANT", fields, others=_listed(variants)))


def _scans(items: Sequence[Item]) -> None:
    seen: dict[str, list[tuple[Item, int, str]]] = {}
    for item in items:
        for index, name, digest in _digests(item):
            seen.setdefault(digest, []).append((item, index, name))
    for uses in seen.values():
        for item, index, name in uses:
            others = [o for o, _, _ in uses if o is not item and _different(o, item)]
            if others:
                item.findings.append(
                    make(
                        "DUPLICATE_SCAN", (f"images[{index}]",), image=name, others=_listed(others)
                    )
                )


def _different(a: Item, b: Item) -> bool:
    """Different holders: the names differ, or both numbers are given and differ."""
    if a.record is None or b.record is None:
        return False
    na, nb = number_key(a.record.cert_number), number_key(b.record.cert_number)
    return name_key(a.name) != name_key(b.name) or bool(na and nb and na != nb)


def _digests(item: Item) -> list[tuple[int, str, str]]:
    if item.record is None:
        return []
    out = []
    paths = image_paths(item.record, item.base_dir)
    for index, path in enumerate(paths):
        if (digest := _file_digest(path)) is not None:
            out.append((index, Path(path).name, digest))
    for offset, data in enumerate(item.embedded, start=len(paths)):
        out.append((offset, "IdentityCredential", hashlib.sha256(data).hexdigest()))
    return out


def _file_digest(path: Path) -> str | None:
    try:
        with path.open("rb") as fh:
            return hashlib.file_digest(fh, "sha256").hexdigest()
    except OSError:
        return None  # a missing or unreadable scan already has its own finding


def _listed(items: Sequence[Item]) -> str:
    shown = [f"{o.short_label} ({o.name or '—'})" for o in items[:MAX_LISTED]]
    more = len(items) - MAX_LISTED
    return "; ".join(shown) + (f" +{more}" if more > 0 else "")
