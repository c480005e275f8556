"""GB/T 2260 province and city names (resources/gbt2260.json, see scripts/make_gbt2260.py).

CNNIC (as relayed by resellers) wants the full official names: 四川省 not 四川, 成都市 not 成都,
and the city inside the province. For a municipality the city is the municipality itself or
one of its districts. Matching is forgiving so that a warning can carry a safe fix.
"""

from __future__ import annotations

import re
from functools import cache
from typing import NamedTuple

from desktop.core import rules
from desktop.core.normalize import fold_fullwidth

_CITY_SUFFIX = re.compile("(?:自治州|地区|市|州|盟)$")
_PROVINCE_SUFFIX = re.compile("(?:特别行政区|(?:壮族|回族|维吾尔)?自治区|省|市)$")
_LATIN_SUFFIX = re.compile(r"(sheng|province|shi|city|zizhiqu|autonomousregion|sar)$")


class Match(NamedTuple):
    """How a typed name relates to the table.

    ``status``: "ok" (exact full name), "fix" (a short/old/other form of ``fix``), "county" (a
    county-level name; ``fix`` is its city when unique), "elsewhere" (a city of ``province``),
    or "unknown". ``province`` is the full province name the city belongs to, when known.
    """

    status: str
    fix: str | None = None
    province: str | None = None


def squash(text: str) -> str:
    """Half-width, no whitespace at all.

    >>> squash(" 四川 省 "), squash("Zhe Jiang")
    ('四川省', 'ZheJiang')
    """
    return "".join(fold_fullwidth(text).split())


def _provinces() -> dict[str, dict]:
    return rules.load("gbt2260")["provinces"]


@cache
def _province_index() -> dict[str, str]:
    """Every accepted spelling of a province (full, short, latin) → province code."""
    index: dict[str, str] = {}
    for code, p in _provinces().items():
        for key in (p["name"], p["short"], *(_latin_key(s) for s in p["latin"])):
            index.setdefault(key, code)
    return index


def _latin_key(text: str) -> str:
    return _LATIN_SUFFIX.sub("", re.sub(r"[\s\-']", "", text.lower())) or text.lower()


def province_code(name: str) -> str | None:
    """The code of a province typed exactly by its full name.

    >>> province_code("四川省"), province_code("四川")
    ('510000', None)
    """
    code = _province_index().get(squash(name))
    return code if code and _provinces()[code]["name"] == squash(name) else None


def match_province(text: str) -> Match:
    """Match a typed province against the GB/T 2260 full names.

    >>> match_province("四川省")
    Match(status='ok', fix=None, province='四川省')
    >>> match_province("广西省").fix, match_province("zhe jiang sheng").fix
    ('广西壮族自治区', '浙江省')
    """
    value = squash(text)
    if province_code(value):
        return Match("ok", province=value)
    index = _province_index()
    code = (
        index.get(value)
        or index.get(_PROVINCE_SUFFIX.sub("", value))
        or index.get(_latin_key(value))
    )
    if code:
        name = _provinces()[code]["name"]
        return Match("fix", name, name)
    return Match("unknown")


def match_city(province: str, text: str) -> Match:
    """Match a typed city within a province given by its full name.

    >>> match_city("四川省", "成都市").status, match_city("四川省", "成都").fix
    ('ok', '成都市')
    >>> match_city("北京市", "海淀区").status, match_city("江苏省", "昆山市").fix
    ('ok', '苏州市')
    >>> match_city("四川省", "杭州市")
    Match(status='elsewhere', fix=None, province='浙江省')
    """
    code = province_code(province)
    value = squash(text)
    if code is None:
        return _match_anywhere(value)
    p = _provinces()[code]
    if p["kind"] == "special":
        return Match("ok", None, p["name"])
    value = _strip_province_prefix(value, p)
    if value in _exact_names(code):
        return (
            Match("ok", None, p["name"])
            if value == squash(text)
            else Match("fix", value, p["name"])
        )
    found = _near_match(code, value) or _elsewhere(value, p)
    if found.status == "unknown" and p["kind"] == "municipality":
        return Match("unknown", p["name"], p["name"])  # the municipality itself always fits
    return found


def _strip_province_prefix(value: str, p: dict) -> str:
    for prefix in (p["name"], p["short"]):
        if value.startswith(prefix) and len(value) > len(prefix) + 1:
            return value[len(prefix) :]
    return value


@cache
def _exact_names(code: str) -> frozenset[str]:
    """Names accepted as they are: cities; for a municipality also its (recent) districts."""
    p = _provinces()[code]
    names = {c["name"] for c in p["cities"].values()}
    if p["kind"] == "municipality":
        for city in p["cities"].values():
            names.update(city.get("counties", ()), city.get("former_counties", ()))
    return frozenset(names)


def _near_match(code: str, value: str) -> Match | None:
    p = _provinces()[code]
    name = p["name"]
    if fix := _unique_prefix(value, _exact_names(code)) or _leading_name(value, code):
        return Match("fix", fix, name)
    for city in p["cities"].values():
        if value in city.get("former", ()):
            return Match("fix", city["name"], name)
    owners = {c["name"] for c in p["cities"].values() if _county_in(value, c)}
    if owners:
        return Match("county", owners.pop() if len(owners) == 1 else None, name)
    return None


def _leading_name(value: str, code: str) -> str | None:
    """A city name followed by more address ("杭州市西湖区" → "杭州市")."""
    found = [n for n in _exact_names(code) if value.startswith(n)]
    return max(found, key=len) if found else None


def _county_in(value: str, city: dict) -> bool:
    counties = city.get("counties", ())
    return value in counties or (len(value) >= 2 and _unique_prefix(value, counties) is not None)


def _unique_prefix(value: str, names) -> str | None:
    """The one name that ``value`` (or ``value`` without 市/州/地区...) is the start of.

    >>> _unique_prefix("杭州", ["杭州市", "湖州市"]), _unique_prefix("大理州", ["大理白族自治州"])
    ('杭州市', '大理白族自治州')
    """
    for stem in dict.fromkeys((value, _CITY_SUFFIX.sub("", value))):
        found = {n for n in names if n.startswith(stem)} if len(stem) >= 2 else set()
        if len(found) == 1:
            return found.pop()
    return None


def _elsewhere(value: str, province: dict) -> Match:
    match = _match_anywhere(value)
    if match.province and match.province != province["name"]:
        return Match("elsewhere", None, match.province)
    return Match("unknown")


@cache
def _city_owners() -> dict[str, frozenset[str]]:
    """City full name (prefecture level, no districts) → names of the provinces that have it."""
    owners: dict[str, set[str]] = {}
    for p in _provinces().values():
        for city in p["cities"].values():
            owners.setdefault(city["name"], set()).add(p["name"])
    return {k: frozenset(v) for k, v in owners.items()}


def _match_anywhere(value: str) -> Match:
    """A city looked up without a (known) province: its province when the name is unique."""
    owners = _city_owners().get(value, frozenset())
    if len(owners) == 1:
        return Match("ok", None, next(iter(owners)))
    return Match("unknown")


def area_code(province: str, city: str) -> str | None:
    """The landline area code (no trunk 0) of a city, when the table knows it.

    >>> area_code("四川省", "成都市"), area_code("北京市", "海淀区"), area_code("四川省", "自贡市")
    ('28', '10', None)
    """
    code = province_code(province)
    if code is None:
        return None
    p = _provinces()[code]
    for entry in p["cities"].values():
        if squash(city) == entry["name"] or (
            p["kind"] == "municipality" and squash(city) in _exact_names(code)
        ):
            return entry.get("area_code")
    return None
