"""Holder type, region, site and certificate-type consistency (cnnic-rules.md 1.4, 1.5, 7)."""

from __future__ import annotations

from collections.abc import Iterator

from desktop.core import rules
from desktop.core.checks import Context
from desktop.core.findings import Finding, make
from desktop.core.normalize import fold_fullwidth, has_cjk, strip_whitespace
from desktop.core.record import HOLDER_TYPES, SITES


def check(ctx: Context) -> Iterator[Finding]:
    yield from _basics(ctx)
    if ctx.cert is None:
        return
    yield from _cert_fits_holder(ctx)
    yield from _site_eligibility(ctx)
    if ctx.cert.defence:
        yield make("DEFENCE_ORG", ("cert_type",), cert=ctx.cert.code)
    if ctx.record.special_occupation and ctx.cert.code == "SFZ":
        yield make("SPECIAL_OCCUPATION_SFZ", ("special_occupation", "cert_type"))
    if not ctx.cert.confirmed:
        yield make("CERT_TYPE_UNCONFIRMED", ("cert_type",), cert=ctx.cert.code)
    if ctx.record.site == "china" and not ctx.cert.alibaba:
        yield make("CERT_TYPE_NOT_OFFERED", ("cert_type",), cert=ctx.cert.code)


def _basics(ctx: Context) -> Iterator[Finding]:
    r = ctx.record
    if r.holder_type not in HOLDER_TYPES:
        yield make("HOLDER_TYPE_INVALID", ("holder_type",), value=r.holder_type)
    if not r.region.strip():
        yield make("REGION_MISSING", ("region",))
    elif len(r.region.strip()) != 2 or not r.region.strip().isalpha():
        yield make("REGION_INVALID", ("region",), value=r.region)
    if r.site not in SITES:
        yield make("SITE_INVALID", ("site",), value=r.site)
    if not r.cert_type.strip():
        yield make("CERT_TYPE_MISSING", ("cert_type",))


def _cert_fits_holder(ctx: Context) -> Iterator[Finding]:
    cert, r = ctx.cert, ctx.record
    assert cert is not None
    if r.holder_type in HOLDER_TYPES and cert.holder not in (r.holder_type, "any"):
        yield make("HOLDER_TYPE_CERT_MISMATCH", ("cert_type", "holder_type"),
                   cert=cert.code, holder=r.holder_type)  # fmt: skip
    if ctx.region and ctx.region not in cert.regions:
        yield make("REGION_CERT_MISMATCH", ("region", "cert_type"),
                   cert=cert.code, region=r.region.strip().upper())  # fmt: skip
    elif (permit_region := _permit_letter_region(ctx)) and ctx.region != permit_region:
        yield make("REGION_CERT_MISMATCH", ("region", "cert_number"), fix=permit_region,
                   cert=cert.code, region=r.region.strip().upper())  # fmt: skip
    name = r.name_zh.strip() or r.name_en.strip()
    is_org = r.holder_type == "organization"
    if r.holder_type in HOLDER_TYPES and name and looks_like_organization(name) != is_org:
        yield make("HOLDER_TYPE_NAME_MISMATCH", ("name_zh", "holder_type"), holder=r.holder_type)


def _permit_letter_region(ctx: Context) -> str:
    """H-permits belong to Hong Kong, M-permits to Macao (GAJMTX / TXZ)."""
    if ctx.cert is None or ctx.cert.number != "hk_macao_permit":
        return ""
    number = strip_whitespace(fold_fullwidth(ctx.record.cert_number)).upper()
    return rules.load("regions")["permit_letters"].get(number[:1], "")


def _site_eligibility(ctx: Context) -> Iterator[Finding]:
    r = ctx.record
    allowed = rules.load("regions")["sites"].get(r.site, {}).get(ctx.region)
    if allowed is None or r.holder_type not in HOLDER_TYPES or r.holder_type in allowed:
        return
    assert ctx.cert is not None
    severity = rules.load("regions")["exceptions"].get(ctx.cert.code)
    yield make("SITE_REGION_UNSUPPORTED", ("site", "region"), severity=severity,
               region=r.region.strip().upper(), holder=r.holder_type)  # fmt: skip


def looks_like_organization(name: str) -> bool:
    """Heuristic: does a holder name read like an organization rather than a person?

    >>> looks_like_organization("北京某某科技有限公司"), looks_like_organization("张三")
    (True, False)
    >>> looks_like_organization("ACME Trading Co., Ltd."), looks_like_organization("John Smith")
    (True, False)
    """
    data = rules.load("names")
    if has_cjk(name):
        return any(m in name for m in data["org_markers_zh"]) or len(name.strip()) > 8
    words = name.lower().replace(",", " ").split()
    return any(
        w in data["org_markers_en"] or w.rstrip(".") in data["org_markers_en"] for w in words
    )
