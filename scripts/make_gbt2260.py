"""Generate resources/gbt2260.json (GB/T 2260 provinces, prefectures, counties) offline.

Source: python-stdnum's ``stdnum/cn/loc.dat`` (the administrative division codes with their
history, taken from Chinese Wikipedia), plus the hand-written facts below (simplified names for
HK/MO, pinyin and English names of provinces, landline area codes). Only divisions that are
current in the data (no end year) are written; same-code renames are kept as ``former`` names.

Run from the repository root: ``python3 scripts/make_gbt2260.py``. The output is committed so the
app needs no build step.
"""

from __future__ import annotations

import json
import re
from pathlib import Path

import stdnum

LOC_DAT = Path(stdnum.__file__).parent / "cn" / "loc.dat"
OUT = Path(__file__).resolve().parents[1] / "resources" / "gbt2260.json"

MUNICIPALITIES = {"11", "12", "31", "50"}  # their "city" is the municipality or a district
SPECIAL = {"71": "台湾省", "81": "香港特别行政区", "82": "澳门特别行政区"}
GROUP_NAMES = {"市辖区", "县", "市", "省直辖县级行政单位", "自治区直辖县级行政区划"}
DIRECT_GROUP = "90"  # province-administered county-level units (仙桃市, 济源市, 石河子市...)
SUFFIXES = ("特别行政区", "维吾尔自治区", "壮族自治区", "回族自治区", "自治区", "省", "市")

# Hand-written: pinyin (as typed in the EPP int postal info) and common English names.
PROVINCE_LATIN = {
    "11": ["beijing"], "12": ["tianjin"], "13": ["hebei"], "14": ["shanxi"],
    "15": ["neimenggu", "inner mongolia", "nei mongol"], "21": ["liaoning"], "22": ["jilin"],
    "23": ["heilongjiang"], "31": ["shanghai"], "32": ["jiangsu"], "33": ["zhejiang"],
    "34": ["anhui"], "35": ["fujian"], "36": ["jiangxi"], "37": ["shandong"], "41": ["henan"],
    "42": ["hubei"], "43": ["hunan"], "44": ["guangdong"], "45": ["guangxi"], "46": ["hainan"],
    "50": ["chongqing"], "51": ["sichuan"], "52": ["guizhou"], "53": ["yunnan"],
    "54": ["xizang", "tibet"], "61": ["shaanxi"], "62": ["gansu"], "63": ["qinghai"],
    "64": ["ningxia"], "65": ["xinjiang"], "71": ["taiwan"],
    "81": ["xianggang", "hong kong", "hongkong"], "82": ["aomen", "macao", "macau"],
}  # fmt: skip

# Hand-written: landline area codes (without the trunk 0) of cities whose code is certain.
# Hainan uses 0898 province-wide; Chongqing 023 municipality-wide.
AREA_CODES = {
    "110000": "10", "120000": "22", "310000": "21", "500000": "23",
    "440100": "20", "210100": "24", "320100": "25", "420100": "27", "510100": "28",
    "610100": "29", "130100": "311", "130600": "312", "130200": "315", "140100": "351",
    "410100": "371", "410300": "379", "210200": "411", "220100": "431", "220200": "432",
    "230100": "451", "150100": "471", "320200": "510", "321100": "511", "320500": "512",
    "320600": "513", "320300": "516", "320400": "519", "370100": "531", "370200": "532",
    "370600": "535", "340100": "551", "330100": "571", "330400": "573", "330200": "574",
    "330600": "575", "331000": "576", "330300": "577", "330700": "579", "350100": "591",
    "350200": "592", "350500": "595", "430100": "731", "440300": "755", "440400": "756",
    "440600": "757", "442000": "760", "441900": "769", "450100": "771", "450300": "773",
    "360100": "791", "520100": "851", "530100": "871", "540100": "891", "460100": "898",
    "460200": "898", "460300": "898", "460400": "898", "620100": "931", "640100": "951",
    "630100": "971", "650100": "991",
}  # fmt: skip

# Hand-written fixes to the source data: codes listed as current there that are not (422900
# "林区" is the old code of 神农架林区; 429001 随州市 became the prefecture 421300 in 2000), and
# former names that belong to another place whose code was reused (涪陵市 is not 眉山市).
DROP_CODES = {"422900", "429001"}
NOT_RENAMES = {"511400": {"涪陵市"}}

_ENTRY = re.compile(r"(?:\[(\d*)-(\d*)\])?(.+)")


def parse_names(value: str) -> tuple[str | None, list[str]]:
    """The current name (None when abolished) and former names of one code.

    >>> parse_names("[-2010]襄樊市,[2010-]襄阳市")
    ('襄阳市', ['襄樊市'])
    """
    current, former = None, []
    for part in value.split(","):
        _, end, name = _ENTRY.fullmatch(part.strip()).groups()
        if end:
            former.append(name)
        else:
            current = name
    return current, [n for n in former if n != current]


def recent_former(value: str, since: int) -> list[str]:
    """Names of one code that ended in or after ``since`` (still on letterheads and licences).

    >>> recent_former("[1997-2025]江北区", 2015), recent_former("[-2010]崇文区", 2015)
    (['江北区'], [])
    """
    names = []
    for part in value.split(","):
        _, end, name = _ENTRY.fullmatch(part.strip()).groups()
        if end and int(end) >= since and name not in GROUP_NAMES:
            names.append(name)
    return names


def read_loc() -> dict[str, dict[str, str]]:
    """{province code: {4-digit county code or "name": raw value}}."""
    provinces: dict[str, dict[str, str]] = {}
    key = ""
    for line in LOC_DAT.read_text(encoding="utf-8").splitlines():
        if not line.strip() or line.startswith("#"):
            continue
        code, _, rest = line.strip().partition(" ")
        value = rest.split("=", 1)[1].strip('"')
        if not line.startswith(" "):
            key = code
            provinces[key] = {"name": value}
        else:
            provinces[key][code] = value
    return provinces


def short_name(name: str) -> str:
    for suffix in SUFFIXES:
        if name.endswith(suffix) and len(name) > len(suffix) + 1:
            return name[: -len(suffix)]
    return name


def build_province(code: str, raw: dict[str, str]) -> dict:
    name = SPECIAL.get(code) or parse_names(raw["0000"])[0] or raw["name"]
    kind = "province"
    if code in MUNICIPALITIES or code in SPECIAL:
        kind = "municipality" if code in MUNICIPALITIES else "special"
    entry = {
        "name": name,
        "short": short_name(name),
        "latin": PROVINCE_LATIN[code],
        "kind": kind,
        "cities": {},
    }
    if kind == "special":
        return entry
    counties = _counties(raw)
    if kind == "municipality":
        city = _city(
            f"{code}0000", name, [], [n for group in counties.values() for n in group.values()]
        )
        old = [n for k, v in sorted(raw.items()) if k != "name" for n in recent_former(v, 2015)]
        city["former_counties"] = sorted(set(old) - set(city["counties"]))
        entry["cities"][f"{code}0000"] = city
        return entry
    for pref, value in sorted(raw.items()):
        if pref == "name" or not pref.endswith("00") or pref == "0000":
            continue
        current, former = parse_names(value)
        if current is None or f"{code}{pref}" in DROP_CODES:
            continue
        former = [n for n in former if n not in NOT_RENAMES.get(f"{code}{pref}", ())]
        if pref[:2] == DIRECT_GROUP:
            for county_code, county in sorted(counties.get(pref[:2], {}).items()):
                full = f"{code}{county_code}"
                if full not in DROP_CODES:
                    entry["cities"][full] = _city(full, county, [], [])
            continue
        full = f"{code}{pref}"
        names = list(counties.get(pref[:2], {}).values())
        entry["cities"][full] = _city(full, current, former, names)
    return entry


def _counties(raw: dict[str, str]) -> dict[str, dict[str, str]]:
    """Current county-level names grouped by prefecture digits: {"01": {"0101": "东城区"}}."""
    groups: dict[str, dict[str, str]] = {}
    for code, value in sorted(raw.items()):
        if code == "name" or code.endswith("00"):
            continue
        current, _ = parse_names(value)
        if current and current not in GROUP_NAMES:
            groups.setdefault(code[:2], {})[code] = current
    return groups


def _city(code: str, name: str, former: list[str], counties: list[str]) -> dict:
    city: dict = {"name": name}
    if former:
        city["former"] = former
    if code in AREA_CODES:
        city["area_code"] = AREA_CODES[code]
    if counties:
        city["counties"] = counties
    return city


def dump(data: dict) -> str:
    """JSON with one city per line: readable diffs when the source data changes."""
    lines = ["{", f' "_comment": {_j(data["_comment"])},', ' "provinces": {']
    provinces = list(data["provinces"].items())
    for i, (code, p) in enumerate(provinces):
        head = {k: v for k, v in p.items() if k != "cities"}
        lines.append(f'  "{code}": {_j(head)[:-1]}, "cities": {{')
        cities = list(p["cities"].items())
        for j, (city_code, city) in enumerate(cities):
            lines.append(f'   "{city_code}": {_j(city)}' + ("," if j < len(cities) - 1 else ""))
        lines.append("  }}" + ("," if i < len(provinces) - 1 else ""))
    lines += [" }", "}"]
    return "\n".join(lines) + "\n"


def _j(value: object) -> str:
    return json.dumps(value, ensure_ascii=False)


def main() -> None:
    raw = read_loc()
    provinces = {f"{code}0000": build_province(code, raw[code]) for code in sorted(raw)}
    data = {
        "_comment": (
            "GB/T 2260 provinces, prefecture-level divisions and current county-level names. "
            "Generated by scripts/make_gbt2260.py from python-stdnum's stdnum/cn/loc.dat plus "
            "hand-written fixes (simplified HK/MO names, pinyin, area codes without trunk 0). "
            "Municipalities have one city entry named like the municipality, whose counties are "
            "its districts; province-administered county-level units are cities of their own."
        ),
        "provinces": provinces,
    }
    text = dump(data)
    assert json.loads(text) == data
    OUT.write_text(text, encoding="utf-8")
    cities = sum(len(p["cities"]) for p in provinces.values())
    print(f"{OUT}: {len(provinces)} provinces, {cities} cities, {len(text)} chars")


if __name__ == "__main__":
    main()
