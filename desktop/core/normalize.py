"""Text normalisation shared by the checks: full-width folding, whitespace, CJK detection."""

from __future__ import annotations

import re
import unicodedata

_FULLWIDTH = re.compile("[\uff01-\uff5e\u3000]")
_SPACE = re.compile(r"\s")
_CJK = re.compile("[\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff\U00020000-\U0003134f]")


def has_fullwidth(text: str) -> bool:
    """True when ``text`` holds full-width ASCII-range characters (incl. the ideographic space).

    >>> has_fullwidth("１１０１"), has_fullwidth("1101")
    (True, False)
    """
    return bool(_FULLWIDTH.search(text))


def fold_fullwidth(text: str) -> str:
    """Replace full-width ASCII-range characters by their half-width forms.

    >>> fold_fullwidth("９１３５（１－１）　Ａ")
    '9135(1-1) A'
    """
    return _FULLWIDTH.sub(lambda m: unicodedata.normalize("NFKC", m.group()), text)


def has_whitespace(text: str) -> bool:
    return bool(_SPACE.search(text))


def strip_whitespace(text: str) -> str:
    """Remove every whitespace character, including the ideographic space."""
    return _SPACE.sub("", text)


def has_cjk(text: str) -> bool:
    """True when ``text`` contains at least one Chinese character.

    >>> has_cjk("北京某某科技有限公司"), has_cjk("ACME Ltd")
    (True, False)
    """
    return bool(_CJK.search(text))


def printable(text: str, limit: int = 60) -> str:
    r"""``text`` safe for a terminal: control and unpaired characters escaped, long text cut.

    >>> print(printable("a\x1b[31m\nb"), printable("名" * 3, limit=2))
    a\x1b[31m\nb 名名…
    """
    shown = "".join(c if c.isprintable() or c == " " else ascii(c)[1:-1] for c in text[:limit])
    return shown + ("…" if len(text) > limit else "")
