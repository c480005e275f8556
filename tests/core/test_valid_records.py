"""Valid records of every certificate type and region raise no error (warnings may remain)."""

from __future__ import annotations

from pathlib import Path

import pytest

from desktop.core import cert_types, rules
from desktop.core.numbers import orgcode, uscc
from tests.records import findings

ORG_PART = "MA000000" + orgcode.calc_check_digit("MA000000")


def uscc_with(prefix: str) -> str:
    """A GB 32100-valid code of category ``prefix`` registered in Beijing (110000)."""
    body = f"{prefix}110000{ORG_PART}"
    return body + uscc.calc_check_digit(body)


def abroad(cc: str, phone: str, country: str, province: str, city: str) -> dict[str, str]:
    return {"phone_cc": cc, "phone": phone, "country": country, "province": province, "city": city}


ABROAD = {
    "HK": abroad("852", "91234567", "HK", "Hong Kong", "Hong Kong"),
    "MO": abroad("853", "66123456", "MO", "Macao", "Macao"),
    "TW": abroad("886", "912345678", "TW", "Taiwan", "Taipei"),
    "US": abroad("1", "2025550123", "US", "CA", "Los Angeles"),
}
LATIN_NAME = {"name_zh": "Chan Tai Man", "name_en": "Chan Tai Man"}
ABROAD_ADDRESS = {"address": "1 Queen's Road Central", "postal_code": ""}

INDIVIDUALS = [
    ("SFZ", "CN", "china", "110101199003071233"),
    ("SFZ", "CN", "china", "11010519491231002X"),
    ("HZ", "US", "international", "561234567"),
    ("HZ", "HK", "international", "K12345678"),
    ("GAJMTX", "HK", "international", "H12345678"),
    ("TXZ", "MO", "international", "M12345678"),
    ("TWJMTX", "TW", "international", "12345678"),
    ("WJLSFZ", "US", "international", "911840198001010013"),
    ("GAJZZ", "HK", "international", "810000199501010023"),
    ("GAJZZ", "MO", "international", "820000199501010033"),
    ("TWJZZ", "TW", "international", "830000199501010043"),
    ("HKMOJUMIN", "TW", "international", "830000199501010043"),
    ("QT", "CN", "china", "1234567"),
]
ORGANIZATIONS = [
    ("ORG", "D2143569-X"),
    ("ORG", "D2143569X"),
    ("YYZZ", "91110108MA01XY3R01"),
    ("YYZZ", "91350100M000100Y43"),
    ("TYDM", "91350100M000100Y43"),
    ("XYDM", "91110000600037341L"),
    *((code, uscc_with(t.uscc_prefixes[0])) for code in
      ("SYDWFR", "SHTTFR", "ZJCS", "MBFQY", "JJHFR", "LSZY", "WGZHWH", "WLCZJG", "SFJD",
       "SHFWJG", "GZJGZY") if (t := cert_types.lookup(code))),
    *((code, "91110108MA01XY3R01") for code in ("WGCZJG", "MBXXBX", "YLJGZY", "BJWSXX", "QT")),
]  # fmt: skip


def errors_of(kind: str, **overrides: object) -> list[str]:
    return [f"{f.code} {f.fields}" for f in findings(kind, **overrides) if f.severity == "error"]


@pytest.mark.parametrize(("cert", "region", "site", "number"), INDIVIDUALS)
def test_valid_individual(cert: str, region: str, site: str, number: str) -> None:
    where = {} if region == "CN" else {**ABROAD[region], **LATIN_NAME, **ABROAD_ADDRESS}
    record = {"cert_type": cert, "region": region, "site": site, "cert_number": number, **where}
    assert errors_of("individual", **record) == []


@pytest.mark.parametrize(("cert", "number"), ORGANIZATIONS)
def test_valid_mainland_organization(cert: str, number: str) -> None:
    assert errors_of("organization", cert_type=cert, cert_number=number) == []


@pytest.mark.parametrize("region", ["HK", "MO"])
def test_valid_hong_kong_and_macao_organization_on_china_site(region: str) -> None:
    name = {"name_zh": "Acme Trading Limited", "name_en": "Acme Trading Limited"}
    document = {"cert_type": "JWJG", "cert_number": "12345678"}
    record = {**ABROAD[region], "region": region, **document, **name, **ABROAD_ADDRESS}
    assert errors_of("organization", **record) == []


def test_every_finding_code_is_exercised_by_some_test() -> None:
    """A guard against codes that exist only in the data: each is named in some test.

    Conversion notes are named without their CONVERT_ prefix (``notes == ["MULTI_PAGE"]``).
    """
    tests = Path(__file__).resolve().parents[1]
    text = "\n".join(p.read_text(encoding="utf-8") for p in tests.rglob("*.py"))
    named = {"OCR_NOT_INSTALLED": "not_installed()"}
    missing = [
        code
        for code in rules.messages()
        if code not in text
        and f'"{code.removeprefix("CONVERT_")}"' not in text
        and named.get(code, code) not in text
    ]
    assert missing == []
