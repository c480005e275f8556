"""Contact findings: phone, e-mail, country, province/city, postal code, address (ref 5)."""

from __future__ import annotations

import pytest

from desktop.core import countries, gbt2260, phone, rules
from tests.records import codes, findings, one

CONTACT_CODES = {
    "CONTACT_FIELD_MISSING", "PHONE_CC_AREA_CODE", "PHONE_CC_INVALID", "PHONE_CC_REGION",
    "PHONE_FORMAT", "PHONE_AREA_CODE", "EMAIL_INVALID", "EMAIL_NEW_GTLD", "COUNTRY_CODE_INVALID",
    "COUNTRY_REGION_MISMATCH", "PROVINCE_NAME", "CITY_NAME", "POSTAL_CODE_FORMAT",
    "ADDRESS_LENGTH",
}  # fmt: skip

FOREIGN = {
    "region": "US", "site": "international", "cert_type": "HZ", "cert_number": "E12345678",
    "name_zh": "John Smith", "name_en": "John Smith", "country": "US", "province": "California",
    "city": "Los Angeles", "phone_cc": "1", "phone": "2135550123", "postal_code": "90012",
    "address": "200 N Spring St, Los Angeles",
}  # fmt: skip


def contact_codes(kind: str = "individual", **overrides: object) -> set[str]:
    return codes(kind, **overrides) & CONTACT_CODES


@pytest.mark.parametrize("kind", ["individual", "organization"])
def test_examples_raise_no_contact_findings(kind: str) -> None:
    assert contact_codes(kind) == set()


def test_foreign_holder_with_foreign_address_passes() -> None:
    assert contact_codes(**FOREIGN) == set()


@pytest.mark.parametrize("key", ["phone_cc", "phone", "email", "country", "province", "city"])
def test_required_field_missing(key: str) -> None:
    assert one("CONTACT_FIELD_MISSING", **{key: "  "}).fields == (key,)


def test_whitespace_only_address_is_missing_not_a_length_problem() -> None:
    found = findings(address=" \u3000 ")
    assert [f.fields for f in found if f.code == "CONTACT_FIELD_MISSING"] == [("address",)]
    assert "ADDRESS_LENGTH" not in {f.code for f in found}


def test_extension_and_postal_code_are_optional() -> None:
    assert contact_codes(phone_ext="", postal_code="") == set()


# --- calling code -------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("cc", "phone_number", "phone_fix"),
    [
        ("010", "58813000", "1058813000"),
        ("0571", "88888888", "57188888888"),
        ("021", "021-12345678", "2112345678"),
        (" 0755 ", "", "755"),
        ("86-10", "58813000", "1058813000"),
        ("86571", "88888888", "57188888888"),
    ],
)
def test_area_code_in_country_code_field(cc: str, phone_number: str, phone_fix: str) -> None:
    f = one("PHONE_CC_AREA_CODE", phone_cc=cc, phone=phone_number or "13800000000")
    assert (f.severity, f.fix) == ("error", "86")
    if phone_number:
        assert f.params["phone_fix"] == phone_fix
    assert "PHONE_CC_INVALID" not in codes(phone_cc=cc)


@pytest.mark.parametrize(
    ("cc", "severity", "fix"),
    [
        ("+86", "warning", "86"),
        ("＋８６", "warning", "86"),
        ("0086", "error", "86"),
        ("８６", "error", "86"),
        ("8 6", "error", "86"),
        ("8-6", "error", "86"),
        ("86a", "error", None),
        ("1234", "error", None),
        ("+", "error", None),
        ("中国", "error", None),
        ("999", "warning", None),
    ],
)
def test_invalid_calling_code(cc: str, severity: str, fix: str | None) -> None:
    f = one("PHONE_CC_INVALID", phone_cc=cc)
    assert (f.severity, f.fix) == (severity, fix)


@pytest.mark.parametrize("cc", ["86", "1", "7", "44", "852", "853", "886", "379", "800"])
def test_valid_calling_codes(cc: str) -> None:
    assert {"PHONE_CC_INVALID", "PHONE_CC_AREA_CODE"} & codes(phone_cc=cc) == set()


@pytest.mark.parametrize(
    ("overrides", "expected"),
    [
        ({"phone_cc": "852", "phone": "91234567"}, True),
        ({"phone_cc": "1", "phone": "2135550123"}, True),
        ({"phone_cc": "1", "phone": "2135550123", "country": "US"}, False),
        ({"phone_cc": "86"}, False),
        ({**FOREIGN, "phone_cc": "86", "phone": "13800000000"}, True),
        ({**FOREIGN, "phone_cc": "1"}, False),
    ],
)
def test_calling_code_must_fit_region_or_country(overrides: dict, expected: bool) -> None:
    found = findings(**overrides)
    region = [f for f in found if f.code == "PHONE_CC_REGION"]
    assert bool(region) is expected
    assert all(f.severity == "warning" for f in region)


# --- number -------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("number", "cc", "severity", "fix"),
    [
        ("138 0000 0000", "86", "error", "13800000000"),
        ("１３８００００００００", "86", "error", "13800000000"),
        ("138-0000-0000", "86", "error", "13800000000"),
        ("+86 13800000000", "86", "error", "13800000000"),
        ("+86.13800000000", "86", "error", "13800000000"),
        ("8613800000000", "86", "error", "13800000000"),
        ("01058813000", "86", "warning", "1058813000"),
        ("(0571) 8888-8888", "86", "error", "57188888888"),
        ("0571-88888888转801", "86", "error", "57188888888"),
        ("1058813000 ext 12", "86", "error", "1058813000"),
        ("1380000000", "86", "error", None),
        ("138000000000", "86", "error", None),
        ("0013800000000", "86", "error", None),
        ("88888888", "86", "warning", None),
        ("12345678901", "86", "warning", None),
        ("105881300000", "86", "warning", None),
        ("1380000abcd", "86", "error", None),
        ("123456789012345", "1", "error", None),
        ("1234567", "852", "warning", None),
        ("+85212345678", "86", "error", None),
    ],
)
def test_phone_format(number: str, cc: str, severity: str, fix: str | None) -> None:
    f = one("PHONE_FORMAT", phone=number, phone_cc=cc)
    assert (f.fields, f.severity, f.fix) == (("phone",), severity, fix)
    assert f.message("en") and f.message("zh") and f.registry_message("zh")


@pytest.mark.parametrize(
    ("number", "cc"),
    [
        ("13800000000", "86"),
        ("19912345678", "86"),
        ("57188888888", "86"),
        ("4008001234", "86"),
        ("2135550123", "1"),
        ("91234567", "852"),
        ("28123456", "853"),
        ("7911123456", "44"),
    ],
)
def test_valid_phone_numbers(number: str, cc: str) -> None:
    assert "PHONE_FORMAT" not in codes(phone=number, phone_cc=cc)


def test_fixed_numbers_pass_the_e164_pattern() -> None:
    for f in findings(phone="0571-8888 8888"):
        if f.code == "PHONE_FORMAT":
            assert phone.is_e164(phone.epp_form("86", f.fix))


@pytest.mark.parametrize(("ext", "fix"), [("ext 801", None), ("８０１", "801"), ("80-1", "801")])
def test_extension_digits_only(ext: str, fix: str | None) -> None:
    f = one("PHONE_FORMAT", phone_ext=ext)
    assert (f.fields, f.severity, f.fix) == (("phone_ext",), "warning", fix)


def test_plain_extension_passes() -> None:
    assert "PHONE_FORMAT" not in codes(phone_ext="801")


@pytest.mark.parametrize(
    ("province", "city", "number", "expected"),
    [
        ("浙江省", "杭州市", "1058813000", True),
        ("北京市", "北京市", "57188888888", True),
        ("四川省", "成都市", "2112345678", True),
        ("浙江省", "杭州市", "57188888888", False),
        ("北京市", "海淀区", "1058813000", False),
        ("四川省", "成都市", "2812345678", False),
        ("四川省", "自贡市", "8131234567", False),
        ("浙江省", "杭州市", "13800000000", False),
        ("浙江省", "杭州市", "4008001234", False),
    ],
)
def test_landline_area_code_must_fit_the_city(
    province: str, city: str, number: str, expected: bool
) -> None:
    found = codes(province=province, city=city, phone=number)
    assert ("PHONE_AREA_CODE" in found) is expected


# --- e-mail -------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "email",
    [
        "zhang", "zhang@", "@example.com", "zhang@@example.com", "zhang@example",
        "zhang@exa_mple.com", ".zhang@example.com", "zha..ng@example.com", "zhang.@example.com",
        "zhang@example.c", "zhang@-example.com", "zhang@example..com", "a" * 65 + "@example.com",
    ],
)  # fmt: skip
def test_invalid_email(email: str) -> None:
    f = one("EMAIL_INVALID", email=email)
    assert (f.severity, f.fix) == ("error", None)


@pytest.mark.parametrize(
    ("email", "severity", "fix"),
    [
        ("zhang＠example.com", "error", "zhang@example.com"),
        ("zhang @example.com", "error", "zhang@example.com"),
        ("zhang@example。com", "error", "zhang@example.com"),
        ("张三@example.com", "warning", None),
        ("zhang@example.con", "warning", "zhang@example.com"),
        ("zhang@example.cmo", "warning", "zhang@example.com"),
    ],
)
def test_email_with_fix_or_warning(email: str, severity: str, fix: str | None) -> None:
    f = one("EMAIL_INVALID", email=email)
    assert (f.severity, f.fix) == (severity, fix)


@pytest.mark.parametrize(
    "email",
    [
        "zhang.san+tag@example.com.cn", "ADMIN@EXAMPLE.CN", "a_b-c@mail.xn--fiqs8s",
        "12345678@qq.com", " admin@example.org ", "o'brien@example.ie",
    ],
)  # fmt: skip
def test_valid_email(email: str) -> None:
    assert {"EMAIL_INVALID", "EMAIL_NEW_GTLD"} & codes(email=email) == set()


def test_new_gtld_email_is_only_info() -> None:
    f = one("EMAIL_NEW_GTLD", email="boss@example.club")
    assert (f.severity, f.params["tld"]) == ("info", "club")


# --- country ------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("country", "severity", "fix"),
    [
        ("cn", "warning", "CN"),
        ("ｃｎ", "warning", "CN"),
        ("China", "error", "CN"),
        ("中国", "error", "CN"),
        ("中华人民共和国", "error", "CN"),
        ("CHN", "error", "CN"),
        ("XX", "error", None),
        ("C", "error", None),
        ("C1", "error", None),
    ],
)
def test_country_code_invalid(country: str, severity: str, fix: str | None) -> None:
    f = one("COUNTRY_CODE_INVALID", country=country)
    assert (f.severity, f.fix) == (severity, fix)


@pytest.mark.parametrize(
    ("overrides", "expected"),
    [
        ({"country": "US"}, True),
        ({"country": "HK"}, True),
        ({"country": "cn"}, False),
        ({"country": "CN"}, False),
        (FOREIGN, False),
        ({**FOREIGN, "country": "CN"}, True),
    ],
)
def test_country_must_fit_region(overrides: dict, expected: bool) -> None:
    found = [f for f in findings(**overrides) if f.code == "COUNTRY_REGION_MISMATCH"]
    assert bool(found) is expected
    assert all(f.severity == "warning" for f in found)


# --- province and city (GB/T 2260) --------------------------------------------------------


@pytest.mark.parametrize(
    ("province", "city", "fix"),
    [
        ("浙江", "杭州市", "浙江省"),
        ("广西", "南宁市", "广西壮族自治区"),
        ("广西省", "南宁市", "广西壮族自治区"),
        ("内蒙古", "包头市", "内蒙古自治区"),
        ("北京", "北京市", "北京市"),
        ("Zhejiang", "杭州市", "浙江省"),
        ("shaanxi sheng", "西安市", "陕西省"),
        ("火星省", "杭州市", "浙江省"),
        ("火星省", "火星市", None),
    ],
)
def test_province_full_name(province: str, city: str, fix: str | None) -> None:
    f = one("PROVINCE_NAME", province=province, city=city)
    assert (f.severity, f.fix) == ("warning", fix)


@pytest.mark.parametrize(
    ("province", "city", "fix", "fields"),
    [
        ("浙江省", "杭州", "杭州市", ("city",)),
        ("云南省", "大理州", "大理白族自治州", ("city",)),
        ("湖北省", "襄樊市", "襄阳市", ("city",)),
        ("江苏省", "昆山市", "苏州市", ("city",)),
        ("浙江省", "杭州市西湖区", "杭州市", ("city",)),
        ("四川省", "四川省成都市", "成都市", ("city",)),
        ("北京市", "北京", "北京市", ("city",)),
        ("北京市", "海淀", "海淀区", ("city",)),
        ("北京市", "火星区", "北京市", ("city",)),
        ("江苏省", "鼓楼区", None, ("city",)),
        ("浙江省", "Hangzhou", None, ("city",)),
        ("浙江省", "成都市", None, ("city", "province")),
        ("北京市", "杭州市", None, ("city", "province")),
    ],
)
def test_city_full_name_within_province(
    province: str, city: str, fix: str | None, fields: tuple[str, ...]
) -> None:
    f = one("CITY_NAME", province=province, city=city)
    assert (f.severity, f.fix, f.fields) == ("warning", fix, fields)


@pytest.mark.parametrize(
    ("province", "city"),
    [
        ("四川省", "成都市"), ("北京市", "北京市"), ("北京市", "海淀区"), ("上海市", "浦东新区"),
        ("天津市", "天津市"), ("重庆市", "万州区"), ("湖北省", "仙桃市"), ("河南省", "济源市"),
        ("新疆维吾尔自治区", "石河子市"), ("海南省", "琼海市"), ("云南省", "大理白族自治州"),
        ("内蒙古自治区", "锡林郭勒盟"), ("黑龙江省", "大兴安岭地区"), ("广东省", "东莞市"),
        ("吉林省", "吉林市"), ("香港特别行政区", "九龙"),
    ],
)  # fmt: skip
def test_valid_province_and_city(province: str, city: str) -> None:
    assert {"PROVINCE_NAME", "CITY_NAME"} & codes(province=province, city=city) == set()


def test_names_are_only_checked_for_mainland_addresses() -> None:
    overrides = {**FOREIGN, "province": "四川", "city": "成都"}
    assert {"PROVINCE_NAME", "CITY_NAME"} & codes(**overrides) == set()


# --- postal code and address --------------------------------------------------------------


@pytest.mark.parametrize(
    ("overrides", "severity", "fix"),
    [
        ({"postal_code": "31001"}, "warning", None),
        ({"postal_code": "3100123"}, "warning", None),
        ({"postal_code": "abcdef"}, "warning", None),
        ({"postal_code": "３１００１２"}, "warning", "310012"),
        ({"postal_code": "310 012"}, "warning", "310012"),
        ({"postal_code": "12345678901234567"}, "error", None),
        ({**FOREIGN, "postal_code": "90012-1234567890123"}, "error", None),
        ({**FOREIGN, "postal_code": "９００１２"}, "warning", "90012"),
    ],
)
def test_postal_code_format(overrides: dict, severity: str, fix: str | None) -> None:
    f = one("POSTAL_CODE_FORMAT", **overrides)
    assert (f.severity, f.fix) == (severity, fix)


@pytest.mark.parametrize(
    "overrides",
    [
        {"postal_code": "100190"},
        {"postal_code": " 310012 "},
        {**FOREIGN, "postal_code": "SW1A 1AA"},
        {**FOREIGN, "postal_code": "90012-1234"},
    ],
)
def test_valid_postal_codes(overrides: dict) -> None:
    assert "POSTAL_CODE_FORMAT" not in codes(**overrides)


@pytest.mark.parametrize(
    ("key", "value", "severity"),
    [
        ("address", "路" * 256, "error"),
        ("address", "无", "warning"),
        ("address", "-", "warning"),
        ("address", "N/A", "warning"),
        ("city", "x" * 256, "error"),
    ],
    ids=["long", "one-char", "dash", "n/a", "long-city"],
)
def test_address_length(key: str, value: str, severity: str) -> None:
    f = one("ADDRESS_LENGTH", **{**FOREIGN, key: value})
    assert (f.fields, f.severity) == ((key,), severity)


def test_address_of_255_characters_passes() -> None:
    assert "ADDRESS_LENGTH" not in codes(address="路" * 255)


# --- rule data ----------------------------------------------------------------------------


def test_every_contact_code_has_texts_in_both_languages() -> None:
    for code in CONTACT_CODES:
        spec = rules.finding_spec(code)
        assert spec["zh"] and spec["en"] and spec["severity"] in ("error", "warning", "info")


def test_country_table_is_iso_3166_alpha_2() -> None:
    table = rules.load("countries")["countries"]
    assert len(table) == 249
    for code, entry in table.items():
        assert len(code) == 2 and code.isupper() and code.isalpha()
        assert all(c.isdigit() and 1 <= len(c) <= 3 for c in entry["calling"])
    assert countries.calling_codes("CN") == ("86",) and countries.calling_codes("HK") == ("852",)


def test_gbt2260_table_shape() -> None:
    provinces = rules.load("gbt2260")["provinces"]
    assert len(provinces) == 34
    kinds = [p["kind"] for p in provinces.values()]
    assert (kinds.count("municipality"), kinds.count("special")) == (4, 3)
    for p in provinces.values():
        assert p["name"].endswith(("省", "市", "自治区", "特别行政区"))
        names = [c["name"] for c in p["cities"].values()]
        assert len(names) == len(set(names)), p["name"]
        assert gbt2260.match_province(p["name"]).status == "ok"
        for name in names:
            assert gbt2260.match_city(p["name"], name).status == "ok"


@pytest.mark.parametrize(
    ("number", "expected"),
    [
        ("14012345678", True),
        ("5901234567", True),
        ("19912345678", False),
        ("1058813000", False),
        ("13800000000", False),
    ],
)
def test_a_number_the_numbering_plan_does_not_have_is_a_warning(number: str, expected: bool):
    found = [f for f in findings(phone=number) if f.code == "PHONE_NOT_ASSIGNED"]
    assert bool(found) is expected
    if found:
        assert found[0].severity == "warning" and found[0].fields == ("phone",)


@pytest.mark.parametrize("typed", ["zhang\u200bsan@example.com", "zhang\u00adsan@example.com",
                                   "\ufeffzhangsan@example.com\u200e"])  # fmt: skip
def test_invisible_characters_in_an_email_get_the_clean_address_as_fix(typed: str) -> None:
    found = one("EMAIL_INVALID", email=typed)
    assert found.fix == "zhangsan@example.com"
