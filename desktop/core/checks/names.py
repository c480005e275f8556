"""Holder names, Chinese and English (cnnic-rules.md 4)."""

from __future__ import annotations

import re
from collections.abc import Iterator

from desktop.core import rules
from desktop.core.checks import Context
from desktop.core.findings import Finding, make
from desktop.core.normalize import fold_fullwidth, has_cjk, has_fullwidth

_RARE = re.compile("[\ue000-\uf8ff\U00020000-\U0003134f\U000f0000-\U0010ffff]")
_BREAKS = re.compile(r"[\r\n\t\u3000]| {2,}")
_PRINTABLE_ASCII = re.compile(r"[ -~]*")
_FOREIGN_DOCUMENTS = ("HZ", "JWJG", "QT")


def check(ctx: Context) -> Iterator[Finding]:
    r = ctx.record
    if not r.name_zh.strip():
        yield make("NAME_MISSING", ("name_zh",))
    else:
        yield from _common(r.name_zh, "name_zh")
        yield from _chinese_name(ctx)
    if not r.name_en.strip():
        yield make("NAME_MISSING", ("name_en",), severity="warning")
    else:
        yield from _common(r.name_en, "name_en")
        yield from _english_name(r.name_en)


def _common(name: str, key: str) -> Iterator[Finding]:
    limits = rules.load("names")
    if has_fullwidth(name):
        yield make("NAME_FULLWIDTH", (key,), fix=fold_fullwidth(name))
    if name != name.strip() or _BREAKS.search(name) or (" " in name and _cjk_only(name)):
        yield make("NAME_WHITESPACE", (key,), fix=clean_spaces(name))
    length = len(name.strip())
    if length > limits["max"]:
        yield make("NAME_LENGTH", (key,), length=length, limit=limits["max"])
    elif key == "name_zh" and has_cjk(name) and length < limits["zh_min"]:
        yield make("NAME_LENGTH", (key,), length=length, limit=limits["zh_min"])
    elif key == "name_zh" and length > limits["zh_warn_max"]:
        yield make("NAME_LENGTH", (key,), severity="warning", length=length,
                   limit=limits["zh_warn_max"])  # fmt: skip


def clean_spaces(name: str) -> str:
    """Trim, drop line breaks, squeeze runs of spaces; remove spaces inside a Chinese name.

    >>> clean_spaces(" 张 三\\n"), clean_spaces("John  Smith ")
    ('张三', 'John Smith')
    """
    text = " ".join(name.replace("\u3000", " ").split())
    return text.replace(" ", "") if _cjk_only(text) else text


def _cjk_only(text: str) -> bool:
    letters = [c for c in text if not c.isspace() and c not in "·•()（）《》"]
    return bool(letters) and all(has_cjk(c) for c in letters)


def _chinese_name(ctx: Context) -> Iterator[Finding]:
    r, cert = ctx.record, ctx.cert
    name = r.name_zh.strip()
    mainland_document = cert is not None and cert.regions == ("CN",)
    if mainland_document and not has_cjk(name):
        yield make("NAME_ZH_NO_CJK", ("name_zh",))
    if cert is not None and ctx.region == "OS" and cert.code in _FOREIGN_DOCUMENTS:
        yield from _foreign_name(name, r.name_en.strip())
    if r.holder_type == "individual" and (rare := _RARE.findall(name)):
        yield make("NAME_RARE_CHAR", ("name_zh",), chars="".join(rare))
    if r.holder_type == "organization" and has_cjk(name) and _abbreviated(name):
        yield make("NAME_ABBREVIATION", ("name_zh",))


def _foreign_name(name_zh: str, name_en: str) -> Iterator[Finding]:
    """Foreign documents carry no Chinese: the Chinese-name field repeats the English name."""
    if has_cjk(name_zh) or (name_en and name_zh != name_en):
        yield make("NAME_ZH_FOREIGN", ("name_zh",), fix=name_en or None, name_en=name_en)


def _abbreviated(name: str) -> bool:
    """A short form ("(简称…)") or a name that ends without an organization word."""
    data = rules.load("names")
    if any(marker in name for marker in data["abbreviation_markers_zh"]):
        return True
    return not name.rstrip(")）").endswith(tuple(data["org_suffixes_zh"]))


def _english_name(name: str) -> Iterator[Finding]:
    removed = rules.load("names")["punctuation_removed_from_en"]
    if any(p in name for p in removed):
        fixed = " ".join("".join(" " if c in removed else c for c in name).split())
        yield make("NAME_EN_PUNCTUATION", ("name_en",), fix=fixed)
        name = fixed
    folded = fold_fullwidth(name)
    if not _PRINTABLE_ASCII.fullmatch(name):
        fix = folded if _PRINTABLE_ASCII.fullmatch(folded) else None
        yield make("NAME_EN_NON_ASCII", ("name_en",), fix=fix)
