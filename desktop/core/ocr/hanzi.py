"""Chinese-character facts for comparing names: traditional/simplified forms and readings.

OpenCC (``opencc-python-reimplemented``) and pypinyin come with the ``ocr`` extra; without them
the functions answer conservatively (no conversion, no known reading) instead of failing.
"""

from __future__ import annotations

from functools import cache


@cache
def _converter(config: str):
    try:
        from opencc import OpenCC
    except ImportError:
        return None
    return OpenCC(config)


def to_simplified(text: str) -> str:
    """Traditional characters replaced by their simplified forms.

    >>> to_simplified("統一社會信用代碼")
    '统一社会信用代码'
    """
    converter = _converter("t2s")
    return converter.convert(text) if converter else text


def is_traditional(char: str) -> bool:
    """True for a character that has a different simplified form.

    >>> is_traditional("陳"), is_traditional("陈"), is_traditional("林")
    (True, False, False)
    """
    return to_simplified(char) != char


def is_simplified(char: str) -> bool:
    """True for a character that has a different traditional form.

    >>> is_simplified("陈"), is_simplified("陳"), is_simplified("林")
    (True, False, False)
    """
    converter = _converter("s2t")
    return bool(converter) and converter.convert(char) != char and not is_traditional(char)


@cache
def readings(char: str) -> frozenset[str]:
    """Pinyin readings of a character without tones (every reading of a polyphone).

    >>> sorted(readings("杨")), "yang" in readings("扬")
    (['yang'], True)
    """
    try:
        from pypinyin import Style, pinyin
    except ImportError:
        return frozenset()
    found = pinyin(char, style=Style.NORMAL, heteronym=True, errors="ignore")
    return frozenset(found[0]) if found else frozenset()


def same_sound(a: str, b: str) -> bool:
    """Two different characters that share a reading (同音字, tones ignored).

    >>> same_sound("杨", "扬"), same_sound("杨", "汤")
    (True, False)
    """
    return a != b and bool(readings(a) & readings(b))
