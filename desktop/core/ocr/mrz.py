"""The machine-readable zone of a passport data page (ICAO 9303 TD3: two lines of 44).

Line 1 ``P<CHNZHANG<<SAN<<<…``: type, issuing state, surname ``<<`` given names.
Line 2: number (9) + check, nationality, birth YYMMDD + check, sex, expiry YYMMDD + check,
personal number (14) + check, composite check. Recognisers read the filler ``<`` as ``«`` or
``く`` and drop a few fillers, so the fields are located from the left and checked one by one.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date

from desktop.core.ocr.codes import as_digits, icao_check

_FILLERS = str.maketrans({c: "<" for c in "«‹くく〈＜(ㄑ"})
_LINE2 = re.compile(
    r"(?P<number>[0-9A-Z<]{9})(?P<ncheck>\w)(?P<nation>[A-Z0-9<]{3})"
    r"(?P<birth>\w{6})(?P<bcheck>\w)(?P<sex>[MFX<])(?P<expiry>\w{6})(?P<echeck>\w)"
)
# Letter fields (issuing state, nationality, names) read with a digit: the letter printed there.
AS_LETTER = str.maketrans({"0": "O", "1": "I", "2": "Z", "5": "S", "6": "G", "8": "B", "|": "J"})
# In the alphanumeric number field either may be printed: each swap is tried against the check.
SWAPS = {"0": "OD", "O": "0", "D": "0", "Q": "0", "1": "I", "I": "1", "5": "S", "S": "5"} | {
    "8": "B",
    "B": "8",
    "2": "Z",
    "Z": "2",
    "6": "G",
    "G": "6",
}
MAX_VALIDITY_YEARS = 15  # no passport is valid longer: bounds the century of a 2-digit expiry


@dataclass(frozen=True)
class Mrz:
    surname: str
    given: str
    number: str
    number_ok: bool
    expiry: date | None
    expiry_ok: bool
    birth: date | None
    nation: str = ""
    repaired: bool = False  # a character was corrected because the check digit confirmed it

    @property
    def name(self) -> str:
        """Given names then surname, as people type them (``SAN ZHANG``)."""
        return f"{self.given} {self.surname}".strip()


def clean(text: str) -> str:
    """Upper-case, fillers unified, spaces gone.

    >>> clean("P<CHNZHANG«SAN くく")
    'P<CHNZHANG<SAN<<'
    """
    return re.sub(r"\s", "", text.upper().translate(_FILLERS))


def parse(
    lines: Iterable[str], issued: date | None = None, today: date | None = None
) -> Mrz | None:
    """Read the two MRZ lines among ``lines`` (other text is ignored).

    Letters read as digits in letter fields (``UT0``, ``68R``) are repaired; the number field is
    repaired where exactly one look-alike swap makes its check digit pass. The expiry century
    comes from ``issued`` (or the birth date and ``today``), not "always in the future".

    >>> m = parse(["P<UT0ERIKSS0N<<ANNA<MARIA<<<<<<<<<<<<<<<<<<<",
    ...            "L898902C36UT07408122F1204159ZE184226B<<<<<10"])
    >>> m.surname, m.given, m.number, m.number_ok, m.expiry, m.expiry_ok, m.nation
    ('ERIKSSON', 'ANNA MARIA', 'L898902C3', True, datetime.date(2012, 4, 15), True, 'UTO')
    >>> parse(["x", "L898902C36UTO7408122F9801049ZE184226B<<<<<10"]).expiry
    datetime.date(1998, 1, 4)
    """
    cleaned = [clean(t) for t in lines]
    first = next((t for t in cleaned if _line1(t)), "")
    second = next((m for t in cleaned if t != first and (m := _line2(t))), None)
    if second is None:
        return None
    surname, given = _names(first)
    number, number_ok, repaired = _checked_number(second["number"], as_digits(second["ncheck"]))
    expiry_text, expiry_ok = _checked_digits(
        as_digits(second["expiry"]), as_digits(second["echeck"])
    )
    birth_text, _ = _checked_digits(as_digits(second["birth"]), as_digits(second["bcheck"]))
    birth = _date(birth_text)
    birth = birth and _century(birth, lambda d: d <= (today or date.today()))
    expiry = _date(expiry_text)
    if expiry:
        expiry = _expiry_century(expiry, issued, birth, today or date.today())
    return Mrz(
        surname=surname,
        given=given,
        number=number.rstrip("<"),
        number_ok=number_ok,
        expiry=expiry,
        expiry_ok=expiry_ok,
        birth=birth,
        nation=second["nation"].translate(AS_LETTER),
        repaired=repaired,
    )


def _line1(text: str) -> bool:
    """``P`` + type + issuing state + names: fillers, and (misread) digits only a few."""
    head = re.match(r"P[A-Z<][A-Z0-9<]{3}[A-Z0-9]", text)
    return bool(head) and "<<" in text and sum(c.isdigit() for c in text) <= 3


def _line2(text: str) -> re.Match | None:
    match = _LINE2.search(text) if len(text) >= 28 else None
    if match and as_digits(match["birth"] + match["expiry"]).isdigit():
        return match
    return None


def _checked_number(field: str, check: str) -> tuple[str, bool, bool]:
    """(number, check passes, repaired): one look-alike swap is kept if it alone passes.

    >>> _checked_number("L898902C3", "6"), _checked_number("L8989O2C3", "6")
    (('L898902C3', True, False), ('L898902C3', True, True))
    >>> _checked_number("B07302157", "5")
    ('807302157', True, True)
    """
    if icao_check(field) == check:
        return field, True, False
    fixes = {
        field[:i] + other + field[i + 1 :]
        for i, char in enumerate(field)
        for other in SWAPS.get(char, "")
    }
    passing = [fix for fix in fixes if icao_check(fix) == check]
    if len(passing) > 1:  # several pass: a number's shape (letters first), fewest letters
        passing = [fix for fix in passing if _NUMBER_SHAPE.fullmatch(fix)]
        fewest = min((sum(c.isalpha() for c in fix) for fix in passing), default=0)
        passing = [fix for fix in passing if sum(c.isalpha() for c in fix) == fewest]
    if len(passing) == 1:
        return passing[0], True, True
    return field, False, False


_NUMBER_SHAPE = re.compile(r"[A-Z]{0,2}[0-9]+<*")
# Digits a recogniser reads for one another in the MRZ font (date fields are digits only).
DIGIT_SWAPS = {"8": "36", "3": "8", "6": "85", "5": "6", "0": "86", "1": "7", "7": "1", "9": "0"}


def _checked_digits(raw: str, check: str) -> tuple[str, bool]:
    """A date field as digits and whether its check passes. Where the recogniser read letters
    (``B30609``), only those places are repaired, over the digits each letter looks like; else
    one digit swap is tried. A repair is kept when it alone passes and gives a calendar date.

    >>> _checked_digits("B30609", "1"), _checked_digits("3306O9", "1")
    (('330609', True), ('330609', True))
    """
    field = as_digits(raw)
    if icao_check(field) == check:
        return field, True
    letters = [i for i, c in enumerate(raw) if not c.isdigit()]
    options = LETTER_DIGITS if letters else DIGIT_SWAPS
    spots = letters or range(len(field))
    passing = {
        field[:i] + other + field[i + 1 :] for i in spots for other in options.get(raw[i], "")
    }
    passing = [f for f in passing if icao_check(f) == check and _date(f)]
    return (passing[0], True) if len(passing) == 1 else (field, False)


LETTER_DIGITS = {"B": "83", "O": "0", "D": "0", "Q": "0", "S": "5", "I": "1", "L": "1"} | {
    "Z": "2",
    "G": "6",
    "T": "7",
}


def _names(line: str) -> tuple[str, str]:
    body = line[5:].strip("<")
    surname, _, given = body.partition("<<")
    return (
        surname.replace("<", " ").translate(AS_LETTER),
        given.strip("<").replace("<", " ").translate(AS_LETTER),
    )


def _date(text: str) -> date | None:
    """YYMMDD in the 2000s (the century is settled by the callers)."""
    if not text.isdigit():
        return None
    try:
        return date(2000 + int(text[:2]), int(text[2:4]), int(text[4:]))
    except ValueError:
        return None


def _in_century(day: date, century: int) -> date | None:
    try:
        return day.replace(year=century + day.year % 100)
    except ValueError:  # 29 February
        return None


def _century(day: date, fits) -> date | None:
    """The latest of the 1900s/2000s readings of ``day`` for which ``fits`` holds."""
    for century in (2000, 1900):
        candidate = _in_century(day, century)
        if candidate and fits(candidate):
            return candidate
    return None


def _expiry_century(day: date, issued: date | None, birth: date | None, today: date) -> date:
    """An expiry lies within ``MAX_VALIDITY_YEARS`` of its issue date; without one, after the
    birth date and no more than that far past today (a passport valid to 98 expired in 1998)."""
    span = MAX_VALIDITY_YEARS * 366

    def fits(candidate: date) -> bool:
        if issued:
            return 0 < (candidate - issued).days <= span
        return (not birth or candidate > birth) and (candidate - today).days <= span

    return _century(day, fits) or day
