"""Certificate number: typing slips, then the validator the certificate type names (ref 2).

Which validator applies comes from ``ctx.cert.number`` (resources/cert_types.json). The typed value
is normalised first (full-width folded, spaces, copy suffix, punctuation and lower case removed),
each slip is reported once, and the normalised number is still validated, so one record yields
every problem at once. ``fix`` carries the corrected number where the correction is safe.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from datetime import date
from types import ModuleType
from typing import Any

from stdnum.util import isdigits

from desktop.core import cert_types
from desktop.core.checks import Context
from desktop.core.findings import Finding, make
from desktop.core.numbers import (
    fpr,
    hk_macao_permit,
    hkid,
    macao_id,
    orgcode,
    passport,
    regno,
    residence_permit,
    ric,
    tw_permit,
    uscc,
    util,
)
from desktop.core.numbers.entry import Entry, read
from desktop.core.numbers.exceptions import (
    InvalidChecksum,
    InvalidDate,
    InvalidFormat,
    InvalidLength,
    InvalidRegion,
    LegacyNumber,
    ValidationError,
)

FIELD = ("cert_number",)
VALIDATORS: dict[str, ModuleType] = {
    "ric": ric, "residence_permit": residence_permit, "fpr": fpr, "uscc": uscc,
    "orgcode": orgcode, "regno": regno, "hk_macao_permit": hk_macao_permit,
    "tw_permit": tw_permit, "passport": passport, "hkid": hkid, "macao_id": macao_id,
}  # fmt: skip
_DATED = (ric, residence_permit, fpr)
_ERROR_CODES: tuple[tuple[type[ValidationError], str], ...] = (
    (LegacyNumber, "CERT_NUMBER_LEGACY"),
    (InvalidLength, "CERT_NUMBER_LENGTH"),
    (InvalidFormat, "CERT_NUMBER_FORMAT"),
    (InvalidChecksum, "CERT_NUMBER_CHECKSUM"),
    (InvalidDate, "CERT_NUMBER_BIRTHDATE"),
    (InvalidRegion, "CERT_NUMBER_REGION"),
)


@dataclass
class _Number:
    """The number under test and what the checks found so far."""

    key: str  # validator key of the certificate type (cert_types.json "number")
    name: str  # the validator module that applies to this value
    value: str
    errors: list[ValidationError]
    findings: list[Finding] = field(default_factory=list)
    suggestion: str = ""


def check(ctx: Context) -> Iterator[Finding]:
    raw = ctx.record.cert_number
    if not raw.strip():
        yield make("CERT_NUMBER_MISSING", FIELD)
        return
    key = ctx.cert.number if ctx.cert and ctx.cert.number in _formats() else "free"
    decoration = _formats().get(key, {}).get("decoration", "")
    entry = read(raw, decoration=decoration, strict=key != "free")
    number = _validate(ctx, key, entry.value)
    yield from _slips(entry, number.suggestion if number else entry.value)
    if number:
        yield from number.findings


def _formats() -> dict[str, Any]:
    return util.data()["formats"]


def _slips(entry: Entry, fix: str) -> Iterator[Finding]:
    for slip in entry.slips:
        params = {"chars": " ".join(entry.removed)} if slip == "punctuation" else {}
        yield make(f"CERT_NUMBER_{slip.upper()}", FIELD, fix=fix, **params)


def _validator_name(ctx: Context, key: str, value: str) -> str:
    """Which validator checks ``value`` under the selected type ("" for none)."""
    if key == "business_licence":
        return "regno" if len(value) == 15 and isdigits(value) else "uscc"
    if key == "uscc_optional":
        return "uscc" if len(value) == 18 else ""
    if key == "orgcode" and len(value) == 18:
        return "uscc"  # a USCC-era document under ORG: see _type_mismatch
    if key == "free":
        shape = util.data()["free_shapes"].get(ctx.region) if ctx.cert else None
        if shape and ctx.cert.code == "QT" and re.fullmatch(shape["pattern"], value):
            return shape["validator"]
        return ""
    return key


def _errors(name: str, value: str, today: date) -> list[ValidationError]:
    return _call(VALIDATORS[name], "errors", value, today)


def _call(module: ModuleType, function: str, value: str, today: date) -> Any:
    """``module.function(value)``, with ``today`` for the formats that hold a birth date."""
    run = getattr(module, function)
    return run(value, today) if module in _DATED else run(value)


def _validate(ctx: Context, key: str, value: str) -> _Number | None:
    name = _validator_name(ctx, key, value)
    if not name:
        return None
    number = _Number(key, name, value, _errors(name, value, ctx.today), suggestion=value)
    mismatch = _type_mismatch(ctx, number)
    if mismatch:
        number.findings.append(mismatch)
    elif number.errors:
        _repair_confusables(ctx, number)
    number.findings.extend(_error_finding(number, e) for e in number.errors)
    number.findings.extend(_doubts(ctx, number))
    for extra in (_category_mismatch, _permit_pairing, _old_licence):
        number.findings.extend(extra(ctx, number))
    return number


def _repair_confusables(ctx: Context, number: _Number) -> None:
    """Read look-alike letters in digit positions as digits (O→0, I→1 …), then validate again."""
    module = VALIDATORS[number.name]
    fix_confusables: Callable[[str], str] | None = getattr(module, "fix_confusables", None)
    compact = module.compact(number.value)
    fixed = fix_confusables(compact) if fix_confusables else compact
    if fixed == compact:
        return
    number.errors = _errors(number.name, fixed, ctx.today)
    restyled = module.format(fixed) if compact != number.value else fixed
    safe = not number.errors
    pairs = (f"{a}→{b}" for a, b in zip(compact, fixed, strict=True) if a != b)
    letters = ", ".join(dict.fromkeys(pairs))
    number.findings.append(
        make("CERT_NUMBER_CONFUSABLE", FIELD, fix=restyled if safe else None, letters=letters)
    )
    number.value = fixed
    if safe:
        number.suggestion = restyled


def _error_finding(number: _Number, error: ValidationError) -> Finding:
    code = next(c for kind, c in _ERROR_CODES if isinstance(error, kind))
    shape = _formats()[number.name if number.key in ("free", "orgcode") else number.key]
    params: dict[str, Any] = {}
    fix = None
    severity = None
    if code in ("CERT_NUMBER_LENGTH", "CERT_NUMBER_FORMAT"):
        params = {"length": len(number.value), "expected": shape["length"],
                  "shape_zh": shape["shape_zh"], "shape_en": shape["shape_en"]}  # fmt: skip
    elif isinstance(error, InvalidDate):
        params = {"date": error.value}
    elif isinstance(error, InvalidRegion):
        params = {"prefix": error.value, "expected": _region_expected(number.name)}
    elif isinstance(error, LegacyNumber):
        params = {"length": len(number.value)}
        fix = error.converted
        severity = util.data()["legacy"]["ric"]
    return make(code, FIELD, fix=fix, severity=severity, **params)


def _region_expected(name: str) -> str:
    if name == "residence_permit":
        return " / ".join(k for k in util.data()["residence_permit"] if not k.startswith("_"))
    return util.data()["province_prefixes"]["expected"]


def _doubts(ctx: Context, number: _Number) -> Iterator[Finding]:
    """Findings for rules the reference marks unconfirmed: warnings (or info), never errors."""
    module = VALIDATORS[number.name]
    if number.errors or not hasattr(module, "doubts"):
        return
    found = _call(module, "doubts", number.value, ctx.today)
    compact = module.compact(number.value)
    shape = _formats()[number.name]
    details = {
        "uscc_category": {"category": compact[:2]},
        "uscc_org_part": {"org": compact[8:17]},
        "fpr_birthdate": {"date": compact[6:14] if len(compact) == 18 else compact[7:13]},
        "hk_macao_permit_long": {"short": compact[:9]},
        "macao_id_first_digit": {"length": len(compact), "expected": shape["length"],
                                 "shape_zh": shape["shape_zh"], "shape_en": shape["shape_en"]},
    }  # fmt: skip
    for rule in found:
        spec = util.data()["unconfirmed"][rule]
        yield make(spec["code"], FIELD, severity=spec["severity"], **details.get(rule, {}))


def _type_mismatch(ctx: Context, number: _Number) -> Finding | None:
    """A number that fails the selected type but is a valid number of another type."""
    is_uscc_under_org = number.key == "orgcode" and number.name == "uscc"
    if ctx.cert is None or not (number.errors or number.key == "passport" or is_uscc_under_org):
        return None
    other = _other_type(number.value, ctx.today)
    if not other or other == ctx.cert.code:
        return None
    category = uscc.category(number.value) if uscc.is_valid(number.value) else ""
    return _mismatch_finding(ctx, other, category)


def _other_type(value: str, today: date) -> str:
    """The CNNIC type whose strong (check-digit) validator accepts ``value``, or ""."""
    if residence_permit.is_valid(value, today):
        return "TWJZZ" if residence_permit.region(value) == "TW" else "GAJZZ"
    if ric.is_valid(value, today):
        return "SFZ"
    if len(value) == 18 and fpr.is_valid(value, today):
        return "WJLSFZ"
    if uscc.is_valid(value):
        return _uscc_type(uscc.category(value))
    return ""


def _uscc_type(category: str) -> str:
    """The certificate type a USCC of this category is printed on (TYDM when unknown)."""
    explicit = util.data()["uscc_category_types"].get(category)
    if explicit:
        return explicit
    listed = (t.code for t in cert_types.all_types() if category in t.uscc_prefixes)
    return next(listed, "TYDM")


def _mismatch_finding(ctx: Context, other: str, category: str) -> Finding:
    assert ctx.cert is not None
    looks = cert_types.lookup(other)
    assert looks is not None
    return make(
        "CERT_NUMBER_TYPE_MISMATCH", ("cert_type", "cert_number"),
        cert=ctx.cert.code, cert_zh=ctx.cert.name_zh, cert_en=ctx.cert.name_en,
        looks_like=other, looks_like_zh=looks.name_zh, looks_like_en=looks.name_en,
        category=category,
    )  # fmt: skip


def _category_mismatch(ctx: Context, number: _Number) -> Iterator[Finding]:
    """USCC positions 1–2 against the categories the selected type carries (warning)."""
    if ctx.cert is None or number.name != "uscc" or number.errors or number.key == "orgcode":
        return
    category = uscc.category(number.value)
    if "uscc_category" in uscc.doubts(number.value):
        return
    allowed = ctx.cert.uscc_prefixes
    excluded = util.data()["uscc_prefixes_excluded"].get(ctx.cert.code, ())
    if (allowed and category not in allowed) or category in excluded:
        yield _mismatch_finding(ctx, _uscc_type(category), category)


def _permit_pairing(ctx: Context, number: _Number) -> Iterator[Finding]:
    """810000/820000 go with GAJZZ and region HK/MO, 830000 with TWJZZ and TW."""
    if ctx.cert is None or number.name != "residence_permit":
        return
    entry = util.data()["residence_permit"].get(residence_permit.compact(number.value)[:6])
    if not entry or len(number.value) != 18:
        return
    prefix = number.value[:6]
    typed = ctx.record.cert_type.strip().upper()
    if typed not in entry["types"] and ctx.cert.code not in entry["types"]:
        yield make("CERT_NUMBER_REGION", ("cert_number", "cert_type"),
                   prefix=prefix, expected=entry["types"][0])  # fmt: skip
    elif ctx.region in ctx.cert.regions and ctx.region != entry["region"]:
        yield make("CERT_NUMBER_REGION", ("cert_number", "region"),
                   prefix=prefix, expected=entry["region"])  # fmt: skip


def _old_licence(ctx: Context, number: _Number) -> Iterator[Finding]:
    """A pre-2015 registration number on a business licence: use the USCC (warning)."""
    if number.key == "business_licence" and number.name == "regno":
        severity = util.data()["legacy"]["business_licence"]
        yield make("CERT_NUMBER_LEGACY", FIELD, severity=severity, length=len(number.value))
