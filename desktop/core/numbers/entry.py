"""What was typed into a number field: the typing slips registrars reject, and the number with
those slips undone (cnnic-rules.md 2: half-width only, no spaces, no "(1-1)" copy number).

``read()`` folds full-width characters, removes whitespace (and invisible characters pasted from
web pages) and a licence copy suffix, and for strict formats also punctuation the format does not
allow and lower case. Each slip is named once; the value is what the validators then check.

>>> read("９１３５０１００Ｍ０００１００Ｙ４３（１－１）")
Entry(value='91350100M000100Y43', slips=('fullwidth', 'copy_suffix'), removed='')
>>> read(" 1101-0119900307123x ")
Entry(value='11010119900307123X', slips=('whitespace', 'punctuation', 'lowercase'), removed='-')
>>> read("D2143569-x", decoration="-").value, read("军字 第1234567号", strict=False).value
('D2143569-X', '军字第1234567号')
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache

from desktop.core.normalize import fold_fullwidth, has_fullwidth, has_whitespace, strip_whitespace
from desktop.core.numbers import util

_INVISIBLE = re.compile("[\u00ad\u200b-\u200f\u2060\ufeff]")  # soft hyphen, zero-width, BOM


@dataclass(frozen=True)
class Entry:
    value: str  # the number with every slip undone
    slips: tuple[str, ...]  # whitespace, fullwidth, copy_suffix, punctuation, lowercase
    removed: str = ""  # the punctuation characters taken out


@cache
def _copy_suffix() -> re.Pattern[str]:
    return re.compile(util.data()["copy_suffix"])


def read(raw: str, *, decoration: str = "", strict: bool = True) -> Entry:
    """Undo the typing slips in ``raw``; ``decoration`` lists punctuation the format allows."""
    slips: list[str] = []
    text = raw
    if has_whitespace(text) or _INVISIBLE.search(text):
        slips.append("whitespace")
        text = _INVISIBLE.sub("", strip_whitespace(text))
    if has_fullwidth(text):
        slips.append("fullwidth")
        text = fold_fullwidth(text)
    suffix = _copy_suffix().search(text)
    if suffix and suffix.start() > 0:
        slips.append("copy_suffix")
        text = text[: suffix.start()]
    if not strict:
        return Entry(text, tuple(slips))
    banned = set(util.data()["punctuation"]) - set(decoration)
    removed = "".join(dict.fromkeys(c for c in text if c in banned))
    if removed:
        slips.append("punctuation")
        text = "".join(c for c in text if c not in banned)
    if text != text.upper():
        slips.append("lowercase")
        text = text.upper()
    return Entry(text, tuple(slips), removed)
