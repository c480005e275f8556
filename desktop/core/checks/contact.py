"""Contact fields: phone, email, country, province, city, address, postal code (ref 5).

RFC 5733 facets (e164 phone form, two-letter country code, 16-char postal code, 255-char postal
lines) are errors; what only CNNIC notices or registrar habits suggest (GB/T 2260 names, area
codes, a calling code from another country, mainland postal codes) is a warning, because
rejecting a valid contact is worse than letting an odd one through. ``phone_ext`` and
``postal_code`` are optional.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from desktop.core import countries, email_address, rules
from desktop.core.checks import Context
from desktop.core.checks.location import area_code_findings, city_findings, province_findings
from desktop.core.checks.phone_fields import (
    calling_code,
    calling_code_fits,
    detail,
    extension_findings,
    number_findings,
    number_problems,
)
from desktop.core.findings import Finding, make
from desktop.core.normalize import fold_fullwidth
from desktop.core.record import Record

REQUIRED = ("phone_cc", "phone", "email", "country", "province", "city", "address")
_MEANINGFUL = re.compile(r"\w")


def check(ctx: Context) -> Iterator[Finding]:
    r = ctx.record
    for key in REQUIRED:
        if not getattr(r, key).strip():
            yield make("CONTACT_FIELD_MISSING", (key,))
    country = effective_country(r)
    yield from _country(r, country)
    yield from _phone(r, country)
    yield from _email(r.email)
    if country == "CN":
        yield from province_findings(r)
        yield from city_findings(r)
    yield from _postal_code(r.postal_code, country)
    yield from _lengths(r)


def effective_country(r: Record) -> str:
    """The country code meant: the typed one, its correction, or the region when left empty."""
    value = r.country.strip()
    if value:
        return countries.guess(value) or ""
    region = r.region.strip().upper()
    return region if countries.is_code(region) else ""


def _country(r: Record, country: str) -> Iterator[Finding]:
    value = r.country.strip()
    if value and not countries.is_code(value):
        only_case = country and country == fold_fullwidth(value).upper()
        yield make("COUNTRY_CODE_INVALID", ("country",), fix=country or None, value=value,
                   severity="warning" if only_case else None)  # fmt: skip
    region = r.region.strip().upper()
    if value and country and countries.is_code(region) and region != country:
        yield make("COUNTRY_REGION_MISMATCH", ("country", "region"), country=country,
                   region=region)  # fmt: skip


def _phone(r: Record, country: str) -> Iterator[Finding]:
    cc, found = calling_code(r.phone_cc, r.phone)
    yield from found
    yield from calling_code_fits(cc, [r.region.strip().upper(), country])
    yield from number_findings(r.phone, cc)
    yield from extension_findings(r.phone_ext)
    if cc == "86" and country == "CN" and r.phone.strip():
        yield from area_code_findings(r, number_problems(r.phone, cc)[2])


def _email(raw: str) -> Iterator[Finding]:
    if not raw.strip():
        return
    value = email_address.clean(raw)
    problem = email_address.problem(value)
    if problem:
        severity = rules.load("contact")["email_problems"][problem]["severity"]
        yield _email_finding(raw, [problem], severity=severity)
    elif value != raw.strip():
        yield _email_finding(raw, ["typed_form"], fix=value)
    else:
        yield from _email_domain(value)


def _email_finding(raw: str, keys: list[str], **kwargs: object) -> Finding:
    fmt = kwargs.pop("fmt", {})
    return make("EMAIL_INVALID", ("email",), value=raw.strip(), **kwargs,
                **detail("email_problems", keys, **fmt))  # fmt: skip


def _email_domain(value: str) -> Iterator[Finding]:
    """A suffix that is a typo of .com/.net/.org, or a new gTLD Alibaba warns about."""
    specs = rules.load("contact")
    tld = email_address.tld(value)
    if fixed := specs["email_typo_tlds"].get(tld):
        yield _email_finding(value, ["typo"], fix=value[: -len(tld)] + fixed, severity="warning",
                             fmt={"tld": tld, "fixed": fixed})  # fmt: skip
    elif len(tld) > 2 and tld not in specs["email_legacy_tlds"]:
        yield make("EMAIL_NEW_GTLD", ("email",), tld=tld)


def _postal_code(raw: str, country: str) -> Iterator[Finding]:
    value = raw.strip()
    if not value:
        return
    folded = " ".join(fold_fullwidth(value).split())
    limit = rules.load("contact")["postal_code"]["max"]
    if len(folded) > limit:
        yield make("POSTAL_CODE_FORMAT", ("postal_code",), severity="error", value=value)
    elif country == "CN":
        digits = folded.replace(" ", "")
        if not re.fullmatch(r"[0-9]{6}", digits):
            yield make("POSTAL_CODE_FORMAT", ("postal_code",), value=value)
        elif digits != value:
            yield make("POSTAL_CODE_FORMAT", ("postal_code",), fix=digits, value=value)
    elif folded != value:
        yield make("POSTAL_CODE_FORMAT", ("postal_code",), fix=folded, value=value)


def _lengths(r: Record) -> Iterator[Finding]:
    """Postal lines: at most 255 characters; the street address also not a mere placeholder."""
    limits = rules.load("contact")["address"]
    for key in ("address", "city", "province"):
        text = getattr(r, key).strip()
        if len(text) > limits["max"]:
            yield make("ADDRESS_LENGTH", (key,), length=len(text), min=1, max=limits["max"])
    text = r.address.strip()
    meaningful = len(_MEANINGFUL.findall(text))  # letters, digits and Chinese characters
    if text and meaningful < limits["min_meaningful"]:
        yield make("ADDRESS_LENGTH", ("address",), severity="warning", length=len(text),
                   min=limits["min_meaningful"], max=limits["max"])  # fmt: skip
