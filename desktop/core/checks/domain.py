"""Domain name rules for .cn, .中国, .公司, .网络 (cnnic-rules.md 6).

An empty ``domain`` yields no finding: resellers verify a registrant template before any
domain is chosen, and the registry checks the holder, not a name, at that point. Only when a
name is given are its syntax, zone and the naming-review "national words" checked. No list of
sensitive words is shipped: the registry's list cannot be reproduced offline.
"""

from __future__ import annotations

from collections.abc import Iterator

from desktop.core import idna_cn, rules
from desktop.core.checks import Context
from desktop.core.findings import Finding, Severity, make
from desktop.core.normalize import fold_fullwidth, strip_whitespace

_TRADITIONAL = str.maketrans("國華", "国华")


def check(ctx: Context) -> Iterator[Finding]:
    text = ctx.record.domain
    if not text.strip():
        return
    domain = idna_cn.parse(text)
    yield from _syntax(domain)
    if any(p in ("empty_label", "no_zone", "no_name") for p, _ in domain.problems):
        return
    if not domain.zone:
        yield make("DOMAIN_TLD", ("domain",), domain=domain.cleaned, tld=domain.labels[-1])
        return
    if domain.registrable != ".".join(domain.labels):
        yield make("DOMAIN_SUBDOMAIN", ("domain",), fix=domain.registrable,
                   domain=domain.cleaned, registrable=domain.registrable)  # fmt: skip
    yield from _restricted_zone(ctx, domain)
    yield from _national_words(ctx, domain)


def _syntax(domain: idna_cn.Domain) -> Iterator[Finding]:
    """One DOMAIN_SYNTAX finding per kind of problem, with the cleaned name when that is safe."""
    specs = rules.load("domains")["problems"]
    seen: set[str] = set()
    only_typing = all(p == "typed_form" for p, _ in domain.problems)
    for problem, label in domain.problems:
        if problem in seen:
            continue
        seen.add(problem)
        spec = specs[problem]
        texts = {"detail_zh": spec["zh"], "detail_en": spec["en"]}
        yield make("DOMAIN_SYNTAX", ("domain",), severity=spec["severity"],
                   fix=domain.cleaned if only_typing else None, domain=domain.text.strip(),
                   label=label, problem=problem, **texts)  # fmt: skip


def uscc_of(cert_number: str) -> str:
    """The 18-character USCC in a certificate number field, or "" (no checksum test here).

    >>> uscc_of(" 11100000000013127X "), uscc_of("12345678-9")
    ('11100000000013127X', '')
    """
    value = strip_whitespace(fold_fullwidth(cert_number)).replace("-", "").upper()
    return value if len(value) == 18 and value.isalnum() else ""


def holder_standing(ctx: Context, rule: dict) -> str:
    """How a holder fits a restricted zone: "eligible", "possible" or "not"."""
    if ctx.record.holder_type != "organization":
        return "not"
    uscc = uscc_of(ctx.record.cert_number)
    code = ctx.cert.code if ctx.cert else ""
    if uscc:
        if uscc.startswith(tuple(rule["eligible_uscc"])):
            return "eligible"
        return "possible" if uscc.startswith(tuple(rule["possible_uscc"])) else "not"
    if code in rule["eligible_certs"]:
        return "eligible"
    return "possible" if code in rule["possible_certs"] else "not"


def _restricted_zone(ctx: Context, domain: idna_cn.Domain) -> Iterator[Finding]:
    rule = rules.load("domains")["restricted_zones"].get(domain.zone)
    if rule is None:
        return
    standing = holder_standing(ctx, rule)
    severity = {"eligible": Severity.INFO, "possible": Severity.WARNING}.get(standing)
    if standing == "eligible" and not rule["eligible_note"]:
        return
    yield make("DOMAIN_RESTRICTED_ZONE", ("domain", "holder_type"), severity=severity,
               zone=domain.zone, rule_zh=rule["rule_zh"], rule_en=rule["rule_en"])  # fmt: skip


def is_government(ctx: Context) -> bool:
    """A Party/government organ by its USCC (registration department 1, category 1)."""
    prefixes = tuple(rules.load("domains")["government_uscc"])
    r = ctx.record
    return r.holder_type == "organization" and uscc_of(r.cert_number).startswith(prefixes)


def _national_words(ctx: Context, domain: idna_cn.Domain) -> Iterator[Finding]:
    """中国/国家/中华/全国 in the name: only the corresponding rights holder may register it."""
    words = [w for w in rules.load("domains")["national_words"] if w in domain.name]
    if not words or is_government(ctx):
        return
    holder = ctx.record.name_zh.translate(_TRADITIONAL)
    own_name = ctx.record.holder_type == "organization" and all(
        w.translate(_TRADITIONAL) in holder for w in words
    )
    yield make("DOMAIN_NATIONAL_WORDS", ("domain",), severity=Severity.INFO if own_name else None,
               word="、".join(words), name=domain.name)  # fmt: skip
