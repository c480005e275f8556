"""Certificate issue and expiry dates (cnnic-rules.md 7: 10 natural days, validity)."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date, timedelta

from desktop.core import rules
from desktop.core.checks import Context
from desktop.core.findings import Finding, make
from desktop.core.normalize import fold_fullwidth

NO_EXPIRY = date.max


def parse_date(text: str) -> date | None:
    """Parse YYYY-MM-DD (also with / or . separators, full-width digits); None when invalid.

    >>> parse_date("２０２４/０３/０１"), parse_date("2024-02-30")
    (datetime.date(2024, 3, 1), None)
    """
    value = fold_fullwidth(text).strip().replace("/", "-").replace(".", "-")
    if value.lower() in rules.limits()["no_expiry_words"]:
        return NO_EXPIRY
    try:
        return date.fromisoformat(value) if len(value) == 10 else None
    except ValueError:
        return None


def check(ctx: Context) -> Iterator[Finding]:
    issued = yield from _parsed(ctx, "cert_issue_date")
    expires = yield from _parsed(ctx, "cert_expiry_date")
    if issued == NO_EXPIRY:
        yield make("CERT_DATE_FORMAT", ("cert_issue_date",), value=ctx.record.cert_issue_date)
        issued = None
    if issued:
        yield from _issue_date(issued, ctx.today)
    if expires:
        yield from _expiry_date(expires, ctx.today)
    if issued and expires and expires <= issued:
        yield make("CERT_DATE_ORDER", ("cert_expiry_date", "cert_issue_date"))


def _parsed(ctx: Context, key: str) -> Iterator[Finding]:
    text = getattr(ctx.record, key)
    if not text.strip():
        return None
    value = parse_date(text)
    if value is None:
        yield make("CERT_DATE_FORMAT", (key,), value=text)
    return value


def _issue_date(issued: date, today: date) -> Iterator[Finding]:
    if issued > today:
        yield make("CERT_ISSUE_DATE_FUTURE", ("cert_issue_date",), date=issued.isoformat())
        return
    wait = rules.limits()["new_certificate_days"]
    if (today - issued).days < wait:
        # the last days of year 9999 have no "10 days later": date.max stands for it
        first = issued + timedelta(days=wait) if issued <= date.max - timedelta(wait) else date.max
        yield make("CERT_NEWLY_ISSUED", ("cert_issue_date",), first_date=first.isoformat(),
                   days=(today - issued).days)  # fmt: skip


def _expiry_date(expires: date, today: date) -> Iterator[Finding]:
    if expires == NO_EXPIRY:
        return
    if expires < today:
        yield make("CERT_EXPIRED", ("cert_expiry_date",), date=expires.isoformat())
    elif (expires - today).days <= rules.limits()["expiring_warning_days"]:
        yield make("CERT_EXPIRING", ("cert_expiry_date",), date=expires.isoformat(),
                   days=(expires - today).days)  # fmt: skip
