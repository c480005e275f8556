"""Certificate types from resources/cert_types.json, addressable by CNNIC or Alibaba code."""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache

from desktop.core import rules


@dataclass(frozen=True)
class CertType:
    code: str  # CNNIC registry code (EPP)
    alibaba: str  # Alibaba Domain API code ("" when Alibaba does not offer it)
    holder: str  # "individual", "organization" or "any"
    regions: tuple[str, ...]  # holder regions the document is meant for: CN HK MO TW OS
    name_zh: str
    name_en: str
    number: str  # validator key: see desktop.core.checks.cert_number
    both_sides: bool = False
    defence: bool = False
    confirmed: bool = True  # False: code seen only in one API, acceptance unconfirmed
    uscc_prefixes: tuple[str, ...] = ()

    def name(self, lang: str) -> str:
        return self.name_en if lang.startswith("en") else self.name_zh


@cache
def all_types() -> tuple[CertType, ...]:
    entries = rules.load("cert_types")["types"]
    return tuple(
        CertType(
            **{
                **{k: v for k, v in e.items() if k != "aliases"},
                "regions": tuple(e["regions"]),
                "uscc_prefixes": tuple(e.get("uscc_prefixes", ())),
            }
        )
        for e in entries
    )


@cache
def _index() -> dict[str, CertType]:
    table: dict[str, CertType] = {}
    raw = {e["code"]: e for e in rules.load("cert_types")["types"]}
    for t in all_types():
        for key in (t.code, t.alibaba, *raw[t.code].get("aliases", ())):
            if key:
                table.setdefault(key.upper(), t)
    return table


def lookup(code: str, region: str = "") -> CertType | None:
    """Find a type by CNNIC code, Alibaba code or legacy alias (case-insensitive).

    An alias shared by two CNNIC types (Alibaba's HKMOJUMIN) resolves by the holder's region.

    >>> lookup("xydm").code, lookup("HKMOJUMIN").code, lookup("HKMOJUMIN", "TW").code
    ('TYDM', 'GAJZZ', 'TWJZZ')
    """
    key = code.strip().upper() if code else ""
    shared = rules.load("cert_types").get("shared_aliases", {}).get(key, {})
    if region and (target := shared.get(region.strip().upper())):
        key = target
    return _index().get(key) if key else None


def for_holder(holder_type: str, region: str = "") -> list[CertType]:
    """Types that fit a holder type (and region, when given), for pick lists."""
    bucket = region_bucket(region) if region else ""
    return [
        t
        for t in all_types()
        if t.holder in (holder_type, "any") and (not bucket or bucket in t.regions)
    ]


def region_bucket(region: str) -> str:
    """CN, HK, MO, TW, or OS for every other country code."""
    code = region.strip().upper()
    return code if code in ("CN", "HK", "MO", "TW") else "OS"
