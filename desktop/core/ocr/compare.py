"""Compare a typed name or number with the one read from the scan, character by character,
and say why they differ: look-alike (形近字), same sound (同音字), traditional vs simplified,
brackets, missing or extra characters; in numbers letters typed for digits (0/O, 1/I).

Bracket width alone is no difference: registrars ask for half-width brackets even where the
licence prints full-width ones (cnnic-rules.md 4.2.5), and the names check warns about it.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from difflib import SequenceMatcher
from functools import cache

from desktop.core import rules
from desktop.core.normalize import fold_fullwidth, has_cjk
from desktop.core.ocr import hanzi

BRACKETS = set("()[]{}（）【】〔〕［］｛｝<>《》")
# Letters and digits that look alike (numbers are typed from paper: 0/O, 1/I, 8/B ...).
LETTER_DIGIT = (set("0OQD"), set("1IL"), set("2Z"), set("5S"), set("6G"), set("8B"))
MARK = "【{}】"


@dataclass(frozen=True)
class Difference:
    """One place where typed and scanned text differ; ``at``/``at_scan`` index each side."""

    reason: str  # a key of "reasons" in resources/ocr_documents.json
    typed: str
    scanned: str
    at: int
    at_scan: int


@dataclass(frozen=True)
class Comparison:
    """The outcome: both texts (normalised) and every difference, in order."""

    typed: str
    scanned: str
    differences: tuple[Difference, ...]

    @property
    def same(self) -> bool:
        return not self.differences

    @property
    def reasons(self) -> tuple[str, ...]:
        """Reason keys in order of appearance, each once."""
        return tuple(dict.fromkeys(d.reason for d in self.differences))

    def marked_typed(self) -> str:
        """The typed text with the differing characters in 【】 (a gap shown as 【…】)."""
        return _mark(self.typed, [(d.at, len(d.typed)) for d in self.differences])

    def marked_scanned(self) -> str:
        return _mark(self.scanned, [(d.at_scan, len(d.scanned)) for d in self.differences])


def _mark(text: str, spans: list[tuple[int, int]]) -> str:
    out, pos = [], 0
    for start, size in sorted(spans):
        out.append(text[pos:start])
        out.append(MARK.format(text[start : start + size] or "…"))
        pos = start + size
    out.append(text[pos:])
    return "".join(out)


@cache
def _confusables() -> dict[str, frozenset[str]]:
    table: dict[str, set[str]] = {}
    for group in rules.load("confusables_zh")["groups"]:
        for char in group:
            table.setdefault(char, set()).update(group)
    return {char: frozenset(others - {char}) for char, others in table.items()}


def look_alikes(char: str) -> frozenset[str]:
    """The characters listed as looking like ``char``.

    >>> sorted(look_alikes("己"))
    ['已', '巳']
    """
    return _confusables().get(char, frozenset())


def look_alike(a: str, b: str) -> bool:
    """Two characters listed together in ``resources/confusables_zh.json``.

    >>> look_alike("己", "已"), look_alike("己", "张")
    (True, False)
    """
    return b in _confusables().get(a, ())


def reason_for(typed: str, scanned: str) -> str:
    """Why one typed character differs from the one on the scan.

    >>> [reason_for(a, b) for a, b in ("己已", "明鸣", "陈陳", "(【", "张李")]
    ['look_alike', 'same_sound', 'traditional', 'bracket', 'different']
    """
    if typed in BRACKETS and scanned in BRACKETS:
        return "bracket"
    if hanzi.to_simplified(typed) == hanzi.to_simplified(scanned):
        return "traditional"
    if look_alike(typed, scanned):
        return "look_alike"
    if hanzi.same_sound(typed, scanned):
        return "same_sound"
    return "different"


def normalise_name(text: str) -> str:
    """What counts in a name: no spaces, bracket width folded.

    >>> normalise_name(" 某某（北京）有限公司 ")
    '某某(北京)有限公司'
    """
    return re.sub(r"\s", "", fold_fullwidth(text))


def compare_names(typed: str, scanned: str) -> Comparison:
    """Differences between a typed holder name and the name read from the scan.

    >>> c = compare_names("张己", "张已")
    >>> c.reasons, c.marked_typed(), c.marked_scanned()
    (('look_alike',), '张【己】', '张【已】')
    >>> compare_names("北京星辰科技公司", "北京星辰科技有限公司").reasons
    ('missing',)
    >>> compare_names("某某（北京）有限公司", "某某(北京)有限公司").same
    True
    """
    if not has_cjk(scanned) and not has_cjk(typed):
        return _compare_latin(typed, scanned)
    a, b = normalise_name(typed), normalise_name(scanned)
    key_a, key_b = hanzi.to_simplified(a), hanzi.to_simplified(b)
    if len(key_a) != len(a) or len(key_b) != len(b):
        key_a, key_b = a, b
    return Comparison(a, b, tuple(_align(a, b, key_a, key_b, reason_for)))


def _align(a: str, b: str, key_a: str, key_b: str, reason) -> list[Difference]:
    diffs: list[Difference] = []
    for op, i1, i2, j1, j2 in SequenceMatcher(None, key_a, key_b, autojunk=False).get_opcodes():
        if op == "equal":
            pairs = zip(range(i1, i2), range(j1, j2), strict=True)
            diffs += [Difference("traditional", a[i], b[j], i, j) for i, j in pairs if a[i] != b[j]]
        elif op == "delete":
            diffs.append(Difference("extra", a[i1:i2], "", i1, j1))
        elif op == "insert":
            diffs.append(Difference("missing", "", b[j1:j2], i1, j1))
        else:
            diffs += _replaced(a, b, i1, i2, j1, j2, reason)
    return diffs


def _replaced(a, b, i1, i2, j1, j2, reason) -> list[Difference]:
    pairs = min(i2 - i1, j2 - j1)
    diffs = [
        Difference(reason(a[i1 + k], b[j1 + k]), a[i1 + k], b[j1 + k], i1 + k, j1 + k)
        for k in range(pairs)
    ]
    if i2 - i1 > pairs:
        diffs.append(Difference("extra", a[i1 + pairs : i2], "", i1 + pairs, j1 + pairs))
    if j2 - j1 > pairs:
        diffs.append(Difference("missing", "", b[j1 + pairs : j2], i1 + pairs, j1 + pairs))
    return diffs


def _compare_latin(typed: str, scanned: str) -> Comparison:
    """Latin names (passports, foreign documents): word order and punctuation are free.

    >>> _compare_latin("SAN ZHANG", "ZHANG, SAN").same
    True
    >>> _compare_latin("San Zhang", "ZHANG SAN").reasons
    ('case',)
    """
    words_typed = sorted(re.findall(r"[A-Za-z]+", typed))
    words_scan = sorted(re.findall(r"[A-Za-z]+", scanned))
    if [w.upper() for w in words_typed] != [w.upper() for w in words_scan]:
        reason = "different"
    elif words_typed != words_scan:
        reason = "case"
    else:
        return Comparison(typed, scanned, ())
    return Comparison(typed, scanned, (Difference(reason, typed, scanned, 0, 0),))


def normalise_number(text: str) -> str:
    """Half-width, upper-case, without spaces and hyphens.

    >>> normalise_number(" ｄ2143569－x ")
    'D2143569X'
    """
    return re.sub(r"[\s\-]", "", fold_fullwidth(text)).upper()


def _number_reason(typed: str, scanned: str) -> str:
    if any(typed in group and scanned in group for group in LETTER_DIGIT):
        return "letter_digit"
    return "different"


def compare_numbers(typed: str, scanned: str) -> Comparison:
    """Differences between a typed certificate number and the one read from the scan.

    >>> compare_numbers("11010519491231OO2X", "11010519491231002X").reasons
    ('letter_digit',)
    >>> c = compare_numbers("1101051949123102X", "11010519491231002X")
    >>> c.reasons, c.marked_typed()
    (('missing',), '110105194912310【…】2X')
    >>> compare_numbers("d2143569-x", "D2143569X").same
    True
    """
    a, b = normalise_number(typed), normalise_number(scanned)
    diffs = _align(a, b, a, b, _number_reason)
    return Comparison(a, b, tuple(_swaps(diffs, a, b)))


def _swaps(diffs: list[Difference], a: str, b: str) -> list[Difference]:
    """A character moved by one place (``13`` for ``31``) is one swap, not a gap and an extra."""
    out: list[Difference] = []
    for d in diffs:
        prev = out[-1] if out else None
        moved = prev and {prev.reason, d.reason} == {"missing", "extra"}
        if (
            moved
            and (prev.typed + prev.scanned) == (d.typed + d.scanned)
            and len(d.typed + d.scanned) == 1
        ):
            at, at_scan = min(prev.at, d.at), min(prev.at_scan, d.at_scan)
            out[-1] = Difference("order", a[at : at + 2], b[at_scan : at_scan + 2], at, at_scan)
        else:
            out.append(d)
    return out
