"""Certificate-number findings (cnnic-rules.md 2): each code from a record, none from valid ones."""

from __future__ import annotations

import pytest

from desktop.core import rules
from desktop.core.findings import Finding
from tests.records import findings, one

ABROAD = {"site": "international", "name_zh": "Chan Tai Man", "name_en": "Chan Tai Man"}

VALID = [
    ("individual", {}),
    ("individual", {"cert_number": "11010519491231002X"}),
    ("individual", {"cert_number": "440524188001010014"}),  # abolished county, 1880
    ("individual", {"cert_number": "50010119900101123X"}),  # python-stdnum rejects it
    ("individual", {"cert_type": "GAJZZ", "region": "HK", "cert_number": "810000199501010023"}),
    ("individual", {"cert_type": "GAJZZ", "region": "MO", "cert_number": "820000199501010033"}),
    ("individual", {"cert_type": "TWJZZ", "region": "TW", "cert_number": "830000199501010043"}),
    ("individual", {"cert_type": "HKMOJUMIN", "region": "TW", "cert_number": "830000199201300022"}),
    ("individual", {"cert_type": "GAJMTX", "region": "HK", "cert_number": "H12345678"}),
    ("individual", {"cert_type": "TXZ", "region": "MO", "cert_number": "M87654321"}),
    ("individual", {"cert_type": "TWJMTX", "region": "TW", "cert_number": "12345678"}),
    ("individual", {"cert_type": "WJLSFZ", "region": "US", "cert_number": "911840198001010013"}),
    ("individual", {"cert_type": "WAIGUOREN", "region": "US", "cert_number": "USA110080010111"}),
    ("individual", {"cert_type": "HZ", "region": "US", "cert_number": "561234567"}),
    ("individual", {"cert_type": "HZ", "region": "HK", "cert_number": "K12345678"}),
    ("individual", {"cert_type": "HZ", "region": "DE", "cert_number": "C01X00T47"}),
    ("individual", {"cert_type": "JGZ", "cert_number": "军字第1234567号"}),
    ("individual", {"cert_type": "QT", "region": "HK", "cert_number": "A123456(3)"}),
    ("individual", {"cert_type": "QT", "region": "MO", "cert_number": "1234567(8)"}),
    ("individual", {"cert_type": "QT", "region": "US", "cert_number": "DL-1234/56"}),
    ("organization", {}),
    ("organization", {"cert_number": "91350100M000100Y43"}),
    ("organization", {"cert_number": "92440300L12345674D"}),
    ("organization", {"cert_type": "XYDM", "cert_number": "11110000MB01234575"}),
    ("organization", {"cert_type": "TYDM", "cert_number": "Y1110105MA01ABCD5R"}),
    ("organization", {"cert_type": "ORG", "cert_number": "D2143569-X"}),
    ("organization", {"cert_type": "ORG", "cert_number": "D2143569X"}),
    ("organization", {"cert_type": "SYDWFR", "cert_number": "12110000400000122Y"}),
    ("organization", {"cert_type": "SYDWFR", "cert_number": "事证第110000001234号"}),
    ("organization", {"cert_type": "LSZY", "cert_number": "31110000E12345673F"}),
    ("organization", {"cert_type": "MBFQY", "cert_number": "52110000MJ01234569"}),
    ("organization", {"cert_type": "WGZHWH", "cert_number": "41110000MC0123450E"}),
    ("organization", {"cert_type": "JDDWFW", "cert_number": "A1110000MA001234XM"}),
    ("organization", {"cert_type": "NCJTJJZZ", "cert_number": "N2330106MA2CXY7K2Q"}),
    ("organization", {"cert_type": "JWJG", "region": "HK", "cert_number": "0"}),
    ("organization", {"cert_type": "JWJG", "region": "US", "cert_number": "C-0806592"}),
]


def cert_findings(kind: str = "individual", **overrides: object) -> list[Finding]:
    return [f for f in findings(kind, **overrides) if f.code.startswith("CERT_NUMBER")]


def codes(kind: str = "individual", **overrides: object) -> list[str]:
    return [f.code for f in cert_findings(kind, **overrides)]


@pytest.mark.parametrize(("kind", "overrides"), VALID)
def test_valid_numbers_raise_nothing(kind: str, overrides: dict) -> None:
    region = overrides.get("region", "CN")
    extra = ABROAD if region != "CN" else {}
    assert cert_findings(kind, **{**extra, **overrides}) == []


def test_missing() -> None:
    assert one("CERT_NUMBER_MISSING", cert_number=" ").severity == "error"


@pytest.mark.parametrize(
    ("code", "typed", "severity"),
    [
        ("CERT_NUMBER_FULLWIDTH", "１１０１０１１９９００３０７１２３３", "warning"),
        ("CERT_NUMBER_WHITESPACE", "110101 19900307 1233", "error"),
        ("CERT_NUMBER_WHITESPACE", "110101199003071233\u3000", "error"),
        ("CERT_NUMBER_PUNCTUATION", "110101-19900307-1233", "error"),
        ("CERT_NUMBER_LOWERCASE", "11010519491231002x", "warning"),
        ("CERT_NUMBER_CONFUSABLE", "11O1O119900307I233", "error"),
    ],
)
def test_typing_slips_of_a_resident_id(code: str, typed: str, severity: str) -> None:
    f = one(code, cert_number=typed)
    assert f.severity == severity and f.fields == ("cert_number",)
    assert f.fix in ("110101199003071233", "11010519491231002X")
    assert codes(cert_number=f.fix) == []


def test_copy_suffix_of_a_licence() -> None:
    f = one("CERT_NUMBER_COPY_SUFFIX", "organization", cert_number="91350100M000100Y43(1-1)")
    assert f.fix == "91350100M000100Y43"


def test_every_slip_reported_once_with_one_fix() -> None:
    found = cert_findings(cert_number=" 1101O5194912310O2x（1-1）")
    assert sorted(f.code for f in found) == sorted([
        "CERT_NUMBER_WHITESPACE", "CERT_NUMBER_FULLWIDTH", "CERT_NUMBER_COPY_SUFFIX",
        "CERT_NUMBER_LOWERCASE", "CERT_NUMBER_CONFUSABLE",
    ])  # fmt: skip
    assert {f.fix for f in found} == {"11010519491231002X"}


def test_typing_slips_and_validation_errors_together() -> None:
    found = codes(cert_number="９９１２３１ 199002301230")
    assert sorted(found) == sorted([
        "CERT_NUMBER_WHITESPACE", "CERT_NUMBER_FULLWIDTH", "CERT_NUMBER_REGION",
        "CERT_NUMBER_BIRTHDATE", "CERT_NUMBER_CHECKSUM",
    ])  # fmt: skip


def test_confusable_letters_name_the_correction() -> None:
    f = one("CERT_NUMBER_CONFUSABLE", "organization", cert_number="9135O1OOM000100Y43")
    assert f.fix == "91350100M000100Y43" and f.params["letters"] == "O→0"


def test_confusable_without_safe_correction_has_no_fix() -> None:
    found = cert_findings(cert_number="11O101199003071234")
    assert [f.code for f in found] == ["CERT_NUMBER_CONFUSABLE", "CERT_NUMBER_CHECKSUM"]
    assert found[0].fix is None


def test_confusable_keeps_the_printed_decoration() -> None:
    f = one("CERT_NUMBER_CONFUSABLE", "organization", cert_type="ORG", cert_number="12345678-B")
    assert f.fix == "12345678-8"


@pytest.mark.parametrize(
    ("code", "kind", "overrides"),
    [
        ("CERT_NUMBER_LENGTH", "individual", {"cert_number": "11010119900307123"}),
        ("CERT_NUMBER_LENGTH", "organization", {"cert_number": "91350100M000100Y4"}),
        ("CERT_NUMBER_LENGTH", "organization", {"cert_type": "ORG", "cert_number": "D2143569"}),
        ("CERT_NUMBER_FORMAT", "individual", {"cert_number": "11010119900307123Y"}),
        ("CERT_NUMBER_FORMAT", "organization", {"cert_number": "91350100M000100V43"}),
        ("CERT_NUMBER_CHECKSUM", "individual", {"cert_number": "110101199003071234"}),
        ("CERT_NUMBER_CHECKSUM", "organization", {"cert_number": "91350100M000100Y44"}),
        ("CERT_NUMBER_CHECKSUM", "organization", {"cert_type": "ORG", "cert_number": "D2143569-0"}),
        ("CERT_NUMBER_CHECKSUM", "organization",
         {"cert_type": "TYDM", "cert_number": "Y1110105MA01ABCD5Q"}),
        ("CERT_NUMBER_CHECKSUM", "organization", {"cert_number": "310115600985534"}),
        ("CERT_NUMBER_BIRTHDATE", "individual", {"cert_number": "110101199013010012"}),
        ("CERT_NUMBER_BIRTHDATE", "individual", {"cert_number": "110101209901011239"}),
        ("CERT_NUMBER_REGION", "individual", {"cert_number": "710101199003071235"}),
    ],
)  # fmt: skip
def test_validation_errors(code: str, kind: str, overrides: dict) -> None:
    f = one(code, kind, **overrides)
    assert f.severity == "error" and f.fix is None


def test_length_names_what_is_expected() -> None:
    f = one("CERT_NUMBER_LENGTH", cert_number="11010119900307123")
    assert (f.params["length"], f.params["expected"]) == (17, "18")
    assert "17" in f.message("en") and "18" in f.message("zh")


def test_birth_date_in_the_future() -> None:
    f = one("CERT_NUMBER_BIRTHDATE", cert_number="11010120261124001X")  # the day after TODAY
    assert f.params["date"] == "2026-11-24"


def test_legacy_resident_id_suggests_the_18_digit_number() -> None:
    f = one("CERT_NUMBER_LEGACY", cert_number="110105491231002")
    assert f.severity == "error" and f.fix == "11010519491231002X"


def test_legacy_resident_id_with_impossible_date() -> None:
    found = cert_findings(cert_number="110105491331002")
    assert [f.code for f in found] == ["CERT_NUMBER_LEGACY", "CERT_NUMBER_BIRTHDATE"]
    assert found[0].fix is None


def test_old_licence_registration_number_is_a_warning() -> None:
    f = one("CERT_NUMBER_LEGACY", "organization", cert_number="310115600985533")
    assert f.severity == "warning" and f.fix is None


@pytest.mark.parametrize(
    ("cert_type", "region", "number", "fields", "expected"),
    [
        ("GAJZZ", "HK", "830000199501010043", ("cert_number", "cert_type"), "TWJZZ"),
        ("TWJZZ", "TW", "810000199501010023", ("cert_number", "cert_type"), "GAJZZ"),
        ("GAJZZ", "MO", "810000199501010023", ("cert_number", "region"), "HK"),
        ("GAJZZ", "HK", "820000199501010033", ("cert_number", "region"), "MO"),
        ("GAJZZ", "HK", "110101199003071233", ("cert_number",), "810000 / 820000 / 830000"),
    ],
)
def test_residence_permit_code_must_fit_type_and_region(
    cert_type: str, region: str, number: str, fields: tuple[str, ...], expected: str
) -> None:
    f = one("CERT_NUMBER_REGION", cert_type=cert_type, region=region, cert_number=number, **ABROAD)
    assert f.fields == fields and f.params["expected"] == expected


@pytest.mark.parametrize(
    ("kind", "overrides", "looks_like"),
    [
        ("individual", {"cert_number": "91350100M000100Y43"}, "YYZZ"),
        ("individual", {"cert_number": "810000199501010023"}, "GAJZZ"),
        ("individual", {"cert_number": "911840198001010013"}, "WJLSFZ"),
        ("organization", {"cert_number": "110101199003071233"}, "SFZ"),
        ("organization", {"cert_number": "12110000400000122Y"}, "SYDWFR"),
        ("organization", {"cert_type": "TYDM", "cert_number": "91350100M000100Y43"}, "YYZZ"),
        ("organization", {"cert_type": "ORG", "cert_number": "91350100M000100Y43"}, "YYZZ"),
        ("organization", {"cert_type": "LSZY", "cert_number": "52110000MJ01234569"}, "MBFQY"),
        ("organization", {"cert_type": "SYDWFR", "cert_number": "110101199003071233"}, "SFZ"),
        ("individual", {"cert_type": "HZ", "region": "US", "cert_number": "110101199003071233"},
         "SFZ"),
        ("individual", {"cert_type": "WJLSFZ", "region": "US", "cert_number": "110101199003071233"},
         "SFZ"),
    ],
)  # fmt: skip
def test_type_mismatch(kind: str, overrides: dict, looks_like: str) -> None:
    extra = ABROAD if overrides.get("region", "CN") != "CN" else {}
    f = one("CERT_NUMBER_TYPE_MISMATCH", kind, **{**extra, **overrides})
    assert f.severity == "warning" and f.params["looks_like"] == looks_like
    assert f.fields[:2] == ("cert_type", "cert_number")


def test_uscc_under_organization_code_is_only_a_warning() -> None:
    found = cert_findings("organization", cert_type="ORG", cert_number="91350100M000100Y43")
    assert [(f.code, f.severity) for f in found] == [("CERT_NUMBER_TYPE_MISMATCH", "warning")]


@pytest.mark.parametrize(
    ("code", "kind", "overrides", "severity"),
    [
        ("CERT_NUMBER_CATEGORY", "organization", {"cert_number": "B1110000600037341J"}, "warning"),
        ("CERT_NUMBER_ORG_PART", "organization", {"cert_number": "92440300L12345678R"}, "warning"),
        ("CERT_NUMBER_CHECKSUM_UNCONFIRMED", "individual",
         {"cert_type": "WJLSFZ", "region": "US", "cert_number": "USA110080010112"}, "warning"),
        ("CERT_NUMBER_BIRTHDATE", "individual",
         {"cert_type": "WJLSFZ", "region": "US", "cert_number": "911840198013010010"}, "warning"),
        ("CERT_NUMBER_PERMIT_LONG", "individual",
         {"cert_type": "GAJMTX", "region": "HK", "cert_number": "H1234567801"}, "info"),
    ],
)  # fmt: skip
def test_unconfirmed_rules_never_raise_errors(
    code: str, kind: str, overrides: dict, severity: str
) -> None:
    extra = ABROAD if overrides.get("region", "CN") != "CN" else {}
    found = cert_findings(kind, **{**extra, **overrides})
    assert [(f.code, f.severity) for f in found] == [(code, severity)]


def test_hkid_under_other_is_validated_for_hong_kong_only() -> None:
    hk = {**ABROAD, "cert_type": "QT", "cert_number": "A123456(4)"}
    assert codes(region="HK", **hk) == ["CERT_NUMBER_CHECKSUM"]
    assert codes(region="US", **hk) == []


def test_free_numbers_get_typing_checks_only() -> None:
    found = codes("organization", cert_type="JWJG", region="HK", cert_number="１２３ 45(1-1)")
    assert sorted(found) == [
        "CERT_NUMBER_COPY_SUFFIX", "CERT_NUMBER_FULLWIDTH", "CERT_NUMBER_WHITESPACE"
    ]  # fmt: skip


def test_optional_uscc_is_validated_only_at_18_characters() -> None:
    assert codes("organization", cert_type="SYDWFR", cert_number="12110000400000122A") == [
        "CERT_NUMBER_CHECKSUM"
    ]
    assert codes("organization", cert_type="SYDWFR", cert_number="1211000040000012") == []


SAMPLES = [
    ("individual", {"cert_number": " 1101O5194912310O2x（1-1）"}),
    ("individual", {"cert_number": "９９１２３１ 199002301230"}),
    ("individual", {"cert_number": "110105491231002"}),
    ("individual", {"cert_number": "91350100M000100Y43"}),
    ("individual", {"cert_number": "110.101-199003071233"}),
    ("individual", {"cert_number": "1101011990"}),
    ("individual", {"cert_type": "GAJZZ", "region": "MO", "cert_number": "810000199501010023"}),
    ("individual", {"cert_type": "WJLSFZ", "region": "US", "cert_number": "USA110080130115"}),
    ("individual", {"cert_type": "GAJMTX", "region": "HK", "cert_number": "H1234567801"}),
    ("organization", {"cert_number": "B1110000600037341J"}),
    ("organization", {"cert_number": "92440300L12345678R"}),
    ("organization", {"cert_number": "310115600985533"}),
    ("organization", {"cert_type": "TYDM", "cert_number": "91350100M000100Y43"}),
    ("organization", {"cert_type": "ORG", "cert_number": "D2143569-Y"}),
]


@pytest.mark.parametrize(("kind", "overrides"), SAMPLES)
@pytest.mark.parametrize("lang", ["zh", "en"])
def test_messages_are_complete(kind: str, overrides: dict, lang: str) -> None:
    found = cert_findings(kind, **overrides)
    assert found
    for f in found:
        assert f.message(lang) and "{" not in f.message(lang), f.code
        assert f.registry_message(lang)


def test_every_code_has_texts_and_a_known_registry_message() -> None:
    registry = rules.load("registry_messages")
    entries = {c: s for c, s in rules.messages().items() if c.startswith("CERT_NUMBER")}
    assert len(entries) >= 18
    for spec in entries.values():
        assert spec["severity"] in ("error", "warning", "info")
        assert spec["registry"] in registry and spec["zh"] and spec["en"]
