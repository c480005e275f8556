"""Telephone numbers as CNNIC receives them: the EPP e164 form ``+CC.NUMBER`` (RFC 5733).

A submission carries a calling code (``phone_cc``, e.g. "86"), a national number (``phone``:
mainland mobile 11 digits, landline = area code without the trunk 0 + local number) and an
optional extension. The registrar joins them to ``+86.13800000000``; the XSD pattern is
``(\\+[0-9]{1,3}\\.[0-9]{1,14})?`` with at most 17 characters.
"""

from __future__ import annotations

import re
import threading
from typing import NamedTuple

from desktop.core.normalize import fold_fullwidth

E164 = re.compile(r"\+[0-9]{1,3}\.[0-9]{1,14}")
E164_MAX = 17
_SEPARATORS = re.compile(r"[\s\-‐‑–—()（）./·]")
_EXTENSION = re.compile(r"(?P<number>.*[0-9])\s*(?:转|分机|ext\.?|x|#)\s*(?P<ext>[0-9]{1,6})", re.I)
_AREA_CODE_CC = re.compile(r"0(?:10|2[0-9]|[3-9][0-9]{2})")


def clean(text: str) -> str:
    """Half-width digits, without spaces, hyphens, brackets or dots.

    >>> clean(" １３８-0000 0000 "), clean("(0571) 8888-8888")
    ('13800000000', '057188888888')
    """
    return _SEPARATORS.sub("", fold_fullwidth(text))


def clean_cc(text: str) -> str:
    """The calling code as typed, folded and without spaces ("+86" keeps its plus).

    >>> clean_cc(" ＋８６ ")
    '+86'
    """
    return "".join(fold_fullwidth(text).split())


def epp_form(cc: str, number: str) -> str:
    """The voice element the registrar sends: ``+CC.NUMBER``.

    >>> epp_form("86", "13800000000")
    '+86.13800000000'
    """
    return f"+{cc}.{number}"


def is_e164(value: str) -> bool:
    """True when ``value`` passes the RFC 5733 e164 pattern and length.

    >>> is_e164("+86.13800000000"), is_e164("+0571.88888888"), is_e164("+86 13800000000")
    (True, False, False)
    """
    return bool(E164.fullmatch(value)) and len(value) <= E164_MAX


def is_area_code_cc(cc: str) -> bool:
    """True for a mainland area code with its trunk 0 (010, 021, 0571) typed as calling code.

    >>> is_area_code_cc("010"), is_area_code_cc("0571"), is_area_code_cc("86")
    (True, True, False)
    """
    return bool(_AREA_CODE_CC.fullmatch(cc))


def area_code_in_cc(cc: str) -> str:
    """The mainland area code (with its 0) typed into the calling-code field, or "".

    Catches "010" and "0571" as well as "8610" / "86571" (country and area code together).

    >>> [area_code_in_cc(cc) for cc in ("0571", "8610", "86", "852")]
    ['0571', '010', '', '']
    """
    if is_area_code_cc(cc):
        return cc
    if cc.startswith("86") and is_area_code_cc("0" + cc[2:]):
        return "0" + cc[2:]
    return ""


def split_extension(text: str) -> tuple[str, str]:
    """Split "010-58813000转801" or "... ext 801" into number and extension ("" when none).

    >>> split_extension("010-58813000 转801"), split_extension("13800000000")
    (('010-58813000', '801'), ('13800000000', ''))
    """
    match = _EXTENSION.fullmatch(fold_fullwidth(text).strip())
    if match and len(clean(match["number"])) >= 7:
        return match["number"].strip(), match["ext"]
    return text, ""


class MainlandIssue(NamedTuple):
    """One problem with a mainland (+86) national number; ``fix`` is the corrected number."""

    problem: str
    fix: str | None = None


def mainland_issue(number: str) -> MainlandIssue | None:
    """The problem with a +86 national number made of digits, or None when it looks right.

    >>> mainland_issue("13800000000") is None, mainland_issue("1058813000") is None
    (True, True)
    >>> mainland_issue("01058813000")
    MainlandIssue(problem='trunk_zero', fix='1058813000')
    >>> mainland_issue("8613800000000")
    MainlandIssue(problem='country_code_in_number', fix='13800000000')
    >>> mainland_issue("1380000000").problem
    'mobile_length'
    """
    if number.startswith("00"):
        return MainlandIssue("international_prefix")
    if number.startswith("86") and is_mobile(number[2:]):
        return MainlandIssue("country_code_in_number", number[2:])
    if number.startswith("0"):
        fix = number[1:] if landline_issue(number[1:]) is None else None
        return MainlandIssue("trunk_zero", fix)
    if re.match(r"1[3-9]", number):
        return None if len(number) == 11 else MainlandIssue("mobile_length")
    problem = landline_issue(number)
    return MainlandIssue(problem) if problem else None


def is_mobile(number: str) -> bool:
    """Mainland mobile: 11 digits starting 13-19.

    >>> is_mobile("13800000000"), is_mobile("1058813000")
    (True, False)
    """
    return bool(re.fullmatch(r"1[3-9][0-9]{9}", number))


def landline_issue(number: str) -> str | None:
    """Why a mainland landline (area code without 0 + local number) looks wrong, or None.

    Area codes are 10 and 20-29 (two digits) or three digits 3xx-9xx; local numbers have 7 or 8
    digits; 400/800 service numbers have 10 digits.

    >>> landline_issue("1058813000"), landline_issue("57188888888"), landline_issue("88888888")
    (None, None, 'no_area_code')
    """
    if re.fullmatch(r"[48]00[0-9]{7}", number):
        return None
    if re.match(r"1[0-2]", number) and not number.startswith("10"):
        return "not_mainland"
    if len(number) <= 8:
        return "no_area_code"
    area = area_code(number)
    local = number[len(area) :]
    return None if 7 <= len(local) <= 8 else "landline_length"


def area_code(number: str) -> str:
    """The area code (without trunk 0) at the start of a mainland landline number.

    >>> area_code("1058813000"), area_code("2012345678"), area_code("57188888888")
    ('10', '20', '571')
    """
    return number[:2] if number.startswith(("10", "2")) else number[:3]


_plans_ready = threading.Event()
_in_background = False


def warm_in_background() -> None:
    """For the window: load the numbering-plan data on a thread (about 50 ms), so a check on the
    UI thread never waits for it; until it is ready, numbers get no PHONE_NOT_ASSIGNED warning
    (the next check has it). The command line loads it on first use instead."""
    global _in_background
    _in_background = True
    threading.Thread(target=_load_plans, name="phone plans", daemon=True).start()


def _load_plans() -> None:
    try:
        import phonenumbers

        phonenumbers.is_valid_number(phonenumbers.parse("+8613800000000"))
    except Exception:  # pragma: no cover - a warning source only
        pass
    finally:
        _plans_ready.set()


def cannot_exist(cc: str, number: str) -> bool:
    """True when Google's numbering-plan data (``phonenumbers``, lite build) says ``+cc number``
    cannot exist: an unassigned mobile prefix, an area code that does not exist. False when in
    doubt (no data for that plan, library missing): it only ever feeds a warning, never the EPP
    syntax rules. Imported on first use: ``check`` without a phone number does not pay for it.

    >>> cannot_exist("86", "13800000000"), cannot_exist("86", "12345678901")
    (False, True)
    """
    if not (cc.isdigit() and number.isdigit()) or len(cc) > 3 or len(number) > 14:
        return False
    if _in_background and not _plans_ready.is_set():
        return False
    try:
        import phonenumbers
    except ImportError:  # pragma: no cover - a dependency, but a warning source only
        return False
    if phonenumbers.region_code_for_country_code(int(cc)) == "ZZ":
        return False
    try:
        parsed = phonenumbers.parse(f"+{cc}{number}")
    except phonenumbers.NumberParseException:
        return False
    return not phonenumbers.is_valid_number(parsed)
