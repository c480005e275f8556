"""Holder type, region, site and certificate-type findings (cnnic-rules.md 1.4, 1.5, 7)."""

from __future__ import annotations

import pytest

from tests.records import codes, one

HOLDER_CODES = {
    "HOLDER_TYPE_INVALID", "REGION_MISSING", "REGION_INVALID", "SITE_INVALID",
    "CERT_TYPE_MISSING", "HOLDER_TYPE_CERT_MISMATCH", "REGION_CERT_MISMATCH",
    "SITE_REGION_UNSUPPORTED", "DEFENCE_ORG", "SPECIAL_OCCUPATION_SFZ",
    "CERT_TYPE_UNCONFIRMED", "CERT_TYPE_NOT_OFFERED", "HOLDER_TYPE_NAME_MISMATCH",
}  # fmt: skip


@pytest.mark.parametrize("kind", ["individual", "organization"])
def test_examples_raise_no_holder_findings(kind: str) -> None:
    assert codes(kind) & HOLDER_CODES == set()


def test_organization_document_for_an_individual() -> None:
    f = one("HOLDER_TYPE_CERT_MISMATCH", cert_type="YYZZ", cert_number="91350100M000100Y43")
    assert f.severity == "error" and "cert_type" in f.fields


def test_alibaba_alias_is_the_same_type() -> None:
    assert "HOLDER_TYPE_CERT_MISMATCH" in codes(cert_type="XYDM")


def test_mainland_individual_with_passport() -> None:
    f = one("REGION_CERT_MISMATCH", cert_type="HZ", cert_number="E12345678")
    assert f.params["cert"] == "HZ"


@pytest.mark.parametrize(
    ("number", "region", "fix"), [("H12345678", "MO", "HK"), ("M1234567801", "HK", "MO")]
)
def test_travel_permit_letter_must_match_region(number: str, region: str, fix: str) -> None:
    f = one("REGION_CERT_MISMATCH", cert_type="TXZ", cert_number=number, region=region,
            site="international", name_zh="Chan Tai Man", name_en="Chan Tai Man")  # fmt: skip
    assert f.fix == fix


@pytest.mark.parametrize("number", ["H12345678", "M1234567801"])
def test_travel_permit_with_matching_region_passes(number: str) -> None:
    region = "HK" if number[0] == "H" else "MO"
    found = codes(cert_type="GAJMTX", cert_number=number, region=region, site="international")
    assert "REGION_CERT_MISMATCH" not in found


@pytest.mark.parametrize(
    ("holder", "region", "site", "expected"),
    [
        ("individual", "HK", "china", True),
        ("individual", "MO", "china", True),
        ("individual", "TW", "china", True),
        ("individual", "US", "china", True),
        ("organization", "HK", "china", False),
        ("organization", "TW", "china", True),
        ("organization", "US", "china", True),
        ("individual", "US", "international", False),
        ("individual", "CN", "china", False),
    ],
)
def test_china_site_eligibility(holder: str, region: str, site: str, expected: bool) -> None:
    kind = holder
    cert = "HZ" if holder == "individual" else "JWJG"
    if region == "CN":
        cert = "SFZ"
    found = codes(kind, region=region, site=site, cert_type=cert)
    assert ("SITE_REGION_UNSUPPORTED" in found) is expected


def test_foreign_permanent_resident_on_china_site_is_only_a_warning() -> None:
    name = {"name_zh": "John Smith", "name_en": "John Smith"}
    f = one(
        "SITE_REGION_UNSUPPORTED",
        cert_type="WJLSFZ",
        region="US",
        cert_number="911840198001010013",
        **name,
    )
    assert f.severity == "warning"


def test_defence_organisation() -> None:
    assert one("DEFENCE_ORG", "organization", cert_type="BDDM").severity == "error"


def test_special_occupation_cannot_use_resident_id() -> None:
    f = one("SPECIAL_OCCUPATION_SFZ", special_occupation=True)
    assert set(f.fields) == {"special_occupation", "cert_type"}


def test_special_occupation_with_officer_certificate_is_fine() -> None:
    found = codes(special_occupation=True, cert_type="JGZ", cert_number="军字第1234567号")
    assert "SPECIAL_OCCUPATION_SFZ" not in found


def test_unconfirmed_and_not_offered_types_warn() -> None:
    assert one("CERT_TYPE_UNCONFIRMED", "organization", cert_type="CHNSHXYD").severity == "warning"
    assert (
        one("CERT_TYPE_NOT_OFFERED", special_occupation=True, cert_type="JGZ").severity == "warning"
    )


@pytest.mark.parametrize(
    ("overrides", "code"),
    [
        ({"holder_type": "person"}, "HOLDER_TYPE_INVALID"),
        ({"region": ""}, "REGION_MISSING"),
        ({"region": "China"}, "REGION_INVALID"),
        ({"site": "aliyun"}, "SITE_INVALID"),
        ({"cert_type": ""}, "CERT_TYPE_MISSING"),
    ],
)
def test_basic_fields(overrides: dict, code: str) -> None:
    assert one(code, **overrides).severity == "error"


@pytest.mark.parametrize(
    ("kind", "name"),
    [
        ("individual", "杭州某某网络科技有限公司"),
        ("organization", "李四"),
        ("individual", "ACME Trading Co., Ltd."),
    ],
)
def test_name_that_does_not_fit_holder_type_warns(kind: str, name: str) -> None:
    assert one("HOLDER_TYPE_NAME_MISMATCH", kind, name_zh=name).severity == "warning"


def test_alibaba_merged_residence_permit_code_follows_region() -> None:
    taiwan = {"region": "TW", "site": "international", "cert_number": "830000199501010043"}
    assert "REGION_CERT_MISMATCH" not in codes(cert_type="HKMOJUMIN", **taiwan)
    assert "REGION_CERT_MISMATCH" in codes(cert_type="GAJZZ", **taiwan)
