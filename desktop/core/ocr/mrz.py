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
    r"(?P<number>[0-9A-Z<]{9})(?P<ncheck>\w)(?P<nation>[A-Z<]{3})"
    r"(?P<birth>\w{6})(?P<bcheck>\w)(?P<sex>[MFX<])(?P<expiry>\w{6})(?P<echeck>\w)"
)


@dataclass(frozen=True)
class Mrz:
    surname: str
    given: str
    number: str
    number_ok: bool
    expiry: date | None
    expiry_ok: bool
    birth: date | None

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


def parse(lines: Iterable[str]) -> Mrz | None:
    """Read the two MRZ lines among ``lines`` (other text is ignored).

    >>> m = parse(["P<UTOERIKSSON<<ANNA<MARIA<<<<<<<<<<<<<<<<<<<",
    ...            "L898902C36UTO7408122F1204159ZE184226B<<<<<10"])
    >>> m.surname, m.given, m.number, m.number_ok, m.expiry, m.expiry_ok
    ('ERIKSSON', 'ANNA MARIA', 'L898902C3', True, datetime.date(2012, 4, 15), True)
    """
    cleaned = [clean(t) for t in lines]
    first = next((t for t in cleaned if re.match(r"P[A-Z<][A-Z<]{3}[A-Z]", t) and "<<" in t), "")
    second = next((m for t in cleaned if t != first and (m := _line2(t))), None)
    if second is None:
        return None
    surname, given = _names(first)
    number = second["number"].rstrip("<")
    ncheck = as_digits(second["ncheck"])
    expiry_text = as_digits(second["expiry"])
    echeck = as_digits(second["echeck"])
    return Mrz(
        surname=surname,
        given=given,
        number=number,
        number_ok=icao_check(second["number"]) == ncheck,
        expiry=_date(expiry_text, future=True),
        expiry_ok=icao_check(expiry_text) == echeck,
        birth=_date(as_digits(second["birth"]), future=False),
    )


def _line2(text: str) -> re.Match | None:
    match = _LINE2.search(text) if len(text) >= 28 else None
    if match and as_digits(match["birth"] + match["expiry"]).isdigit():
        return match
    return None


def _names(line: str) -> tuple[str, str]:
    body = line[5:].strip("<")
    surname, _, given = body.partition("<<")
    tidy = str.maketrans({"|": "J", "0": "O", "1": "I", "5": "S", "8": "B"})
    return surname.replace("<", " ").translate(tidy), given.strip("<").replace("<", " ").translate(
        tidy
    )


def _date(text: str, future: bool) -> date | None:
    if not text.isdigit():
        return None
    year, month, day = int(text[:2]), int(text[2:4]), int(text[4:])
    century = 2000 if future or year <= date.today().year % 100 else 1900
    try:
        return date(century + year, month, day)
    except ValueError:
        return None
