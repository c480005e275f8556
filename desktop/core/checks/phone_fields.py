"""Phone fields of the contact: calling code, number, extension (cnnic-rules.md 5.1, 5.3).

Called from :mod:`desktop.core.checks.contact`. The registrar joins the fields into the EPP
form ``+CC.NUMBER``; everything that breaks that form is an error, everything that only looks
unusual (trunk 0, landline length, a calling code from elsewhere) is a warning.
"""

from __future__ import annotations

from collections.abc import Iterator

from desktop.core import countries, phone, rules
from desktop.core.findings import Finding, Severity, make


def detail(group: str, keys: list[str], **fmt: object) -> dict[str, str]:
    """Message parameters for one or more reasons of a multi-reason code."""
    specs = [rules.load("contact")[group][k] for k in keys]
    return {
        "problem": ",".join(keys),
        "detail_zh": "；".join(s["zh"].format(**fmt) for s in specs),
        "detail_en": "; ".join(s["en"].format(**fmt) for s in specs),
    }


def calling_code(raw: str, number: str) -> tuple[str, list[Finding]]:
    """The calling code meant (digits, "" when unusable) and the findings about the field."""
    value = raw.strip()
    cc = phone.clean_cc(raw)
    digits = phone.clean(cc).removeprefix("+")
    if not cc:
        return "", []
    if area := phone.area_code_in_cc(digits):
        phone_fix = area[1:] + phone.clean(number).removeprefix(area).removeprefix(area[1:])
        return "86", [make("PHONE_CC_AREA_CODE", ("phone_cc",), fix="86", value=value,
                           area=area, phone_fix=phone_fix)]  # fmt: skip
    if digits.startswith("00") and digits[2:] in countries.all_calling_codes():
        return digits[2:], [_invalid(value, fix=digits[2:])]
    if not digits.isdigit() or not 1 <= len(digits) <= 3:
        return "", [_invalid(value)]
    if digits not in countries.all_calling_codes():
        return digits, [_invalid(value, severity="warning")]
    if cc == "+" + digits:  # "+86": many forms accept it, the EPP form must not double the plus
        return digits, [_invalid(value, fix=digits, severity="warning")]
    if value != digits:  # full-width digits, spaces or hyphens inside
        return digits, [_invalid(value, fix=digits)]
    return digits, []


def _invalid(value: str, **kwargs: object) -> Finding:
    return make("PHONE_CC_INVALID", ("phone_cc",), value=value, **kwargs)


def calling_code_fits(cc: str, places: list[str]) -> Iterator[Finding]:
    """PHONE_CC_REGION when the code belongs to none of the holder's region and country."""
    places = list(dict.fromkeys(p for p in places if countries.is_code(p)))
    expected = {c for p in places for c in countries.calling_codes(p)}
    if cc in countries.all_calling_codes() and expected and cc not in expected:
        yield make("PHONE_CC_REGION", ("phone_cc",), value=cc, where="/".join(places),
                   expected="/".join(sorted(expected)))  # fmt: skip


def number_problems(raw: str, cc: str) -> tuple[list[str], dict[str, object], str | None]:
    """Reasons a number breaks the registry form, message values, and the corrected number.

    >>> number_problems("010-5881 3000", "86")
    (['separators', 'trunk_zero'], {}, '1058813000')
    >>> number_problems("13800000000", "86")
    ([], {}, '13800000000')
    """
    keys: list[str] = []
    fmt: dict[str, object] = {}
    text, ext = phone.split_extension(raw)
    if ext:
        keys.append("extension")
        fmt["ext"] = ext
    number = phone.clean(text)
    if number != text.strip():
        keys.append("separators")
    if number.startswith("+"):
        keys.append("country_code_in_number")
        number = number[1:].removeprefix(cc) if cc and number[1:].startswith(cc) else "+"
    if not number.isdigit():
        return [*keys, "not_digits"], fmt, None
    fixed: str | None = number
    if cc == "86" and (issue := phone.mainland_issue(number)):
        keys.append(issue.problem)
        fixed = issue.fix
    elif (lengths := rules.load("contact")["phone_local_lengths"].get(cc)) and len(
        number
    ) not in lengths:
        keys.append("local_length")
        fmt["lengths"] = "/".join(map(str, lengths))
        fixed = None
    if cc and not phone.is_e164(phone.epp_form(cc, fixed or number)):
        keys.append("too_long")
        fixed = None
    return keys, fmt, fixed


def number_findings(raw: str, cc: str) -> Iterator[Finding]:
    """One PHONE_FORMAT finding naming every reason, with the corrected number when safe."""
    if not raw.strip():
        return
    keys, fmt, fixed = number_problems(raw, cc)
    if not keys:
        if phone.cannot_exist(cc, phone.clean(raw)):
            yield make("PHONE_NOT_ASSIGNED", ("phone",), value=raw.strip(), cc=cc)
        return
    specs = rules.load("contact")["phone_problems"]
    errors = any(specs[k]["severity"] == "error" for k in keys)
    yield make("PHONE_FORMAT", ("phone",), fix=fixed, value=raw.strip(),
               severity=Severity.ERROR if errors else Severity.WARNING,
               **detail("phone_problems", keys, **fmt))  # fmt: skip


def extension_findings(raw: str) -> Iterator[Finding]:
    """The optional extension holds digits only."""
    digits = phone.clean(raw)
    if raw.strip() and (digits != raw.strip() or not digits.isdigit()):
        yield make("PHONE_FORMAT", ("phone_ext",), severity=Severity.WARNING, value=raw.strip(),
                   fix=digits if digits.isdigit() else None,
                   **detail("phone_problems", ["extension_chars"]))  # fmt: skip
