"""Find certificate numbers in recognised text, repairing look-alike letters, and verify them.

The check algorithms come from desktop.core.numbers (GB 11643, GB 32100, GB 11714); ICAO 9303 here.
A number that passes its check character is "verified": the recogniser cannot have misread it
in a way that still passes, except in rare coincidences.
"""

from __future__ import annotations

import re

from desktop.core import rules
from desktop.core.numbers import gb11643, orgcode, uscc

USCC_ALPHABET = uscc.ALPHABET
# What a recogniser may read where a digit is printed (for positions that hold digits only).
DIGIT_LOOKALIKES: dict[str, str] = rules.load("ocr_documents")["digit_lookalikes"]
AS_DIGIT = str.maketrans({c: d for d, cs in DIGIT_LOOKALIKES.items() for c in cs})
_LOOKALIKE = re.escape("".join(DIGIT_LOOKALIKES.values()))


def ric_valid(number: str) -> bool:
    """GB 11643 shape and check (resident ID, residence permits, new foreign permanent resident ID).

    >>> ric_valid("11010519491231002X"), ric_valid("110105194912310021")
    (True, False)
    """
    return not gb11643.shape_errors(number) and not gb11643.checksum_errors(number)


def uscc_valid(code: str) -> bool:
    """GB 32100 check of an 18-character Unified Social Credit Code.

    >>> uscc_valid("91350100M000100Y43"), uscc_valid("91350100M000100Y44")
    (True, False)
    """
    return uscc.is_valid(code)


def org_code_valid(code: str) -> bool:
    """GB 11714 check of a 9-character organization code (hyphen optional).

    >>> org_code_valid("D2143569-X"), org_code_valid("D21435690")
    (True, False)
    """
    return orgcode.is_valid(code)


def icao_check(field: str) -> str:
    """ICAO 9303 check digit (weights 7, 3, 1; A=10 … Z=35; filler < = 0).

    The ICAO 9303 specimen: document L898902C3, birth 740812, expiry 120415.

    >>> icao_check("L898902C3"), icao_check("740812"), icao_check("120415")
    ('6', '2', '9')
    """

    def value(c: str) -> int:
        return int(c) if c.isdigit() else 0 if c == "<" else ord(c) - 55

    return str(sum(value(c) * (7, 3, 1)[i % 3] for i, c in enumerate(field)) % 10)


def as_digits(text: str) -> str:
    """Read look-alike letters as the digits printed there.

    >>> as_digits("11O1O5l949")
    '1101051949'
    """
    return text.translate(AS_DIGIT)


_RIC_RUN = re.compile(rf"[0-9{_LOOKALIKE}]{{17}}[0-9Xx×{_LOOKALIKE}]")


def find_ric(text: str) -> tuple[str, bool] | None:
    """The 18-character ID number in ``text`` (letters repaired), preferring a valid one.

    Of several valid readings the one needing the fewest repairs wins, so the "o" of a
    label "Card No" is not taken for a leading zero.

    >>> find_ric("公民身份号码11O10519491231002x")
    ('11010519491231002X', True)
    """
    found: list[tuple[int, str]] = []
    for run in re.findall(r"[0-9A-Za-z|!×]{18,}", text):
        for start in range(len(run) - 17):
            piece = run[start : start + 18]
            if _RIC_RUN.fullmatch(piece):
                head, last = as_digits(piece[:17]), piece[17]
                last = "X" if last in "Xx×" else as_digits(last)
                repairs = sum(not c.isdigit() for c in piece[:17])
                found.append((repairs, head + last))
    return _best([number for _, number in sorted(found, key=lambda f: f[0])], ric_valid)


def find_uscc(text: str, whole: bool = False) -> tuple[str, bool] | None:
    """The 18-character USCC in ``text``, preferring one that passes its check.

    ``whole``: only a run of exactly 18 characters (a 20-digit serial number holds no USCC).
    A reading that fails its check is repaired where exactly one swap of recogniser look-alikes
    (3/8, 0/D …) makes it pass; it stays unverified (the check cannot tell which swap was right).

    >>> find_uscc("统一社会信用代码91350100MO00100Y43")
    ('91350100M000100Y43', True)
    >>> find_uscc("证照编号41000000201508030102", whole=True) is None
    True
    >>> find_uscc("91440300MA5H3E0T8W")
    ('91440300MA5H3E0T3W', False)
    """
    found = []
    for run in re.findall(r"[0-9A-Z]{18,}", text.upper()):
        if whole and len(run) != 18:
            continue
        for start in range(len(run) - 17):
            found.extend(_uscc_variants(run[start : start + 18]))
    best = _best(found, uscc_valid)
    if best and not best[1]:
        repaired = {r for piece in found for r in _one_swap(piece, USCC_SWAPS) if uscc_valid(r)}
        if len(repaired) == 1:
            return repaired.pop(), False
    return best


# Characters the recogniser reads for one another in printed codes (one swap is tried).
USCC_SWAPS = {"3": "8", "8": "3B6", "6": "8", "0": "D", "D": "0", "1": "7", "7": "1", "B": "8"}


def _one_swap(piece: str, swaps: dict[str, str]):
    for i, char in enumerate(piece):
        for other in swaps.get(char, ""):
            yield piece[:i] + other + piece[i + 1 :]


def _uscc_variants(piece: str) -> list[str]:
    """The piece as read, and with the letters the USCC alphabet lacks replaced."""
    fixed = piece[:2] + as_digits(piece[2:8]) + piece[8:]
    fixed = fixed.translate(str.maketrans("IOSVZ", "1052Z")).replace("Z", "2")
    return [piece, fixed] if fixed != piece else [piece]


def find_org_code(text: str) -> tuple[str, bool] | None:
    """An organization code printed ``XXXXXXXX-X`` in ``text``, returned without the hyphen.

    A letter O, I, S or Z may stand for the digit printed there: the reading that passes the
    check wins.

    >>> find_org_code("代码D2143569-X"), find_org_code("代码ODRRRTGF-2")
    (('D2143569X', True), ('0DRRRTGF2', True))
    """
    found = []
    for body, check in re.findall(r"([0-9A-Z]{8})[-—一_~]([0-9XO])", text.upper()):
        found.append(body + check)
        found.append(body.translate(_ORG_DIGITS) + check.replace("O", "0"))
    return _best(found, org_code_valid)


_ORG_DIGITS = str.maketrans("OISZ", "0152")


def _best(found: list[str], valid) -> tuple[str, bool] | None:
    for number in found:
        if valid(number):
            return number, True
    return (found[0], False) if found else None
