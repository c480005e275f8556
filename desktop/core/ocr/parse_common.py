"""Helpers shared by the document parsers: dates, validity periods, names after labels."""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from datetime import date

from desktop.core.ocr.lines import Row, after_label, below
from desktop.core.ocr.reading import Value

_DIGITISH = re.compile(
    r"(?<=[\d.年月\-])[OoDQ](?=[\d.年月日\-]|$)|(?<=[\d.年月\-])[Il|](?=[\d.年月日\-]|$)"
)
_DATE = re.compile(r"(\d{4})[.\-/年,，]?(\d{1,2})[.\-/月,，]?(\d{1,2})日?")
_MONTHS = ("JAN", "FEB", "MAR", "APR", "MAY", "JUN", "JUL", "AUG", "SEP", "OCT", "NOV", "DEC")
_EN_DATE = re.compile(r"(\d{1,2})(?:\d{1,2}月/?)?(" + "|".join(_MONTHS) + r")/?(\d{4})")
LONG_TERM = ("长期", "長期")


def repair_digits(text: str) -> str:
    """Letters read inside a date or number run become the digits printed there.

    >>> repair_digits("2O15.O3.01-2035.03.0l")
    '2015.03.01-2035.03.01'
    """
    previous = None
    while previous != text:
        previous = text
        text = _DIGITISH.sub(lambda m: "0" if m.group() in "OoDQ" else "1", text)
    return text


_CN_DIGITS = {c: str(i) for i, c in enumerate("〇一二三四五六七八九")} | {
    "零": "0",
    "○": "0",
    "O": "0",
    "0": "0",
    "o": "0",
}
_CN = "〇零○Oo0一二三四五六七八九"
_CN_DATE = re.compile(rf"([{_CN}]{{4}})年([{_CN}十]{{1,3}})月([{_CN}十]{{1,3}})日")


def _cn_number(text: str) -> str:
    """A month or day in Chinese numerals as digits: 八 → 8, 十二 → 12, 二十一 → 21."""
    if "十" not in text:
        return "".join(_CN_DIGITS[c] for c in text)
    tens, _, units = text.partition("十")
    tens_value = int(_CN_DIGITS.get(tens, "1")) if tens else 1
    return str(tens_value * 10 + (int(_CN_DIGITS.get(units, "0")) if units else 0))


def arabic_dates(text: str) -> str:
    """Dates written in Chinese numerals (二〇一九年八月四日, also read 二0一九) as digits.

    >>> arabic_dates("自二0一五年八月六日到二〇一九年十二月三十一日截止")
    '自2015年8月6日到2019年12月31日截止'
    """

    def digits(m: re.Match) -> str:
        year = "".join(_CN_DIGITS[c] for c in m[1])
        return f"{year}年{_cn_number(m[2])}月{_cn_number(m[3])}日"

    return _CN_DATE.sub(digits, text)


def dates_in(text: str) -> list[date]:
    """Every valid calendar date written as digits (2015.03.01, 2015年03月01日, 20150301) or in
    Chinese numerals (二〇一五年八月六日).

    >>> dates_in("自2016年01月01日至2021年1月1日")
    [datetime.date(2016, 1, 1), datetime.date(2021, 1, 1)]
    """
    found = []
    for y, m, d in _DATE.findall(repair_digits(arabic_dates(text))):
        try:
            found.append(date(int(y), int(m), int(d)))
        except ValueError:
            continue
    return found


def english_dates_in(text: str) -> list[date]:
    """Dates written day, month abbreviation, year (passports).

    >>> english_dates_in("有效期至/Dateofexpiry22APR2032")
    [datetime.date(2032, 4, 22)]
    """
    found = []
    for d, mon, y in _EN_DATE.findall(text.upper()):
        try:
            found.append(date(int(y), _MONTHS.index(mon) + 1, int(d)))
        except ValueError:
            continue
    return found


def validity(text: str) -> tuple[date | None, date | None, bool]:
    """Start, end and "long-term" from a validity text such as ``2015.03.01-长期``.

    >>> validity("2015.03.01-2035.03.01")
    (datetime.date(2015, 3, 1), datetime.date(2035, 3, 1), False)
    >>> validity("2007年08月03日至长期")
    (datetime.date(2007, 8, 3), None, True)
    """
    found = dates_in(text)
    long_term = any(word in text for word in LONG_TERM)
    start = found[0] if found else None
    end = found[1] if len(found) > 1 and not long_term else None
    return start, end, long_term


def consistent_span(start: date | None, end: date | None, years: Sequence[int]) -> bool:
    """True when ``end`` is ``start`` plus one of ``years`` (give or take a day).

    >>> consistent_span(date(2015, 3, 1), date(2035, 3, 1), (5, 10, 20))
    True
    """
    if not start or not end:
        return False
    for span in years:
        try:
            expected = start.replace(year=start.year + span)
        except ValueError:
            expected = start.replace(year=start.year + span, day=28)
        if abs((end - expected).days) <= 1:
            return True
    return False


def labelled_text(
    rows: Sequence[Row],
    labels: Sequence[str],
    look_below: int = 1,
    accept: Callable[[str], bool] = bool,
) -> Value | None:
    """The text after a label on its row, or, when that is not ``accept``-able (e.g. only an
    English label), the first acceptable row of the ``look_below`` rows under it."""
    for label in labels:
        hit = after_label(rows, (label,))
        if hit is None:
            continue
        text, row = hit
        if accept(text):
            return Value(text, row.image_box, row.score, label=label)
        for nxt in below(rows, row, look_below):
            if accept(nxt.text):
                return Value(nxt.text, nxt.image_box, nxt.score, label=label)
        return None
    return None


def has_date(text: str) -> bool:
    """True when ``text`` holds a date or says "long-term".

    >>> has_date("/PeriodofValidity"), has_date("2015.03.01-长期")
    (False, True)
    """
    return bool(dates_in(text)) or any(word in text for word in LONG_TERM)


_CJK_NAME = re.compile(r"[\u3400-\u9fff\uf900-\ufaff·•]+")


def cjk_name(text: str, limit: int = 20) -> str:
    """The first run of Chinese characters (with a middle dot) in ``text``, at most ``limit``.

    >>> cjk_name("贾英伟"), cjk_name("张三 ZHANG SAN"), cjk_name("阿依古丽•买买提性别女")
    ('贾英伟', '张三', '阿依古丽·买买提')
    """
    match = _CJK_NAME.search(text)
    name = match.group().replace("•", "·")[:limit] if match else ""
    return _NEXT_LABEL.split(name, maxsplit=1)[0]


_NEXT_LABEL = re.compile("性别|民族|出生|性別")
