"""Province, city and landline area code of a mainland address (GB/T 2260, cnnic-rules.md 5.3).

Called from :mod:`desktop.core.checks.contact` only when the address country is CN. All
findings are warnings: the full-name rule comes from a CNNIC notice relayed by a reseller and
whether the registry enforces it is open (reference, Open question 12).
"""

from __future__ import annotations

from collections.abc import Iterator

from desktop.core import gbt2260, phone
from desktop.core.checks.phone_fields import detail
from desktop.core.findings import Finding, make
from desktop.core.record import Record


def province_findings(r: Record) -> Iterator[Finding]:
    if not r.province.strip():
        return
    match = gbt2260.match_province(r.province)
    if match.status == "ok":
        return
    fix = match.fix or gbt2260.match_city("", r.city).province
    key = "latin" if r.province.isascii() else "short" if match.fix else "unknown"
    yield make("PROVINCE_NAME", ("province",), fix=fix, value=r.province.strip(),
               **detail("location_problems", [key], fix=fix))  # fmt: skip


def city_findings(r: Record) -> Iterator[Finding]:
    province = gbt2260.match_province(r.province).province
    if not r.city.strip() or not province:
        return  # an unknown province already has its warning; nothing to place the city in
    match = gbt2260.match_city(province, r.city)
    if match.status == "ok":
        return
    key = {"fix": "short", "county": "county", "elsewhere": "elsewhere"}.get(match.status)
    key = key or ("latin" if r.city.isascii() else "unknown")
    fields = ("city", "province") if match.status == "elsewhere" else ("city",)
    texts = detail("location_problems", [key], fix=match.fix, other=match.province)
    yield make("CITY_NAME", fields, fix=match.fix, value=r.city.strip(), **texts)


def place(r: Record) -> tuple[str, str]:
    """The province and city the reseller meant, in their full names ("" when unknown)."""
    province = gbt2260.match_province(r.province).province or ""
    if not province:
        return "", ""
    match = gbt2260.match_city(province, r.city)
    city = r.city.strip() if match.status == "ok" else (match.fix or "")
    return province, city if match.status in ("ok", "fix") else ""


def area_code_findings(r: Record, number: str | None) -> Iterator[Finding]:
    """PHONE_AREA_CODE when a landline's area code is not the one of the city given."""
    if not number or phone.is_mobile(number) or phone.landline_issue(number) is not None:
        return
    if number.startswith(("400", "800")):
        return
    province, city = place(r)
    expected = gbt2260.area_code(province, city) if city else None
    area = phone.area_code(number)
    if expected and area != expected:
        yield make("PHONE_AREA_CODE", ("phone", "city"), area=f"0{area}",
                   expected=f"0{expected}", city=city)  # fmt: skip
