"""Domain findings: syntax, zone, restricted zones, national words (cnnic-rules.md 6)."""

from __future__ import annotations

import re

import pytest

from desktop.core import idna_cn, rules
from tests.records import codes, findings, one

DOMAIN_CODES = {
    "DOMAIN_SYNTAX", "DOMAIN_TLD", "DOMAIN_SUBDOMAIN", "DOMAIN_RESTRICTED_ZONE",
    "DOMAIN_NATIONAL_WORDS",
}  # fmt: skip
CITIES = "北京上海广州深圳杭州南京成都武汉西安重庆天津苏州长沙郑州青岛大连宁波厦门"
ORG_USCC = {"cert_type": "TYDM"}


def domain_codes(kind: str = "individual", **overrides: object) -> set[str]:
    return codes(kind, **overrides) & DOMAIN_CODES


def syntax_problems(domain: str) -> dict[str, object]:
    return {f.params["problem"]: f for f in findings(domain=domain) if f.code == "DOMAIN_SYNTAX"}


@pytest.mark.parametrize("kind", ["individual", "organization"])
def test_examples_raise_no_domain_findings(kind: str) -> None:
    assert domain_codes(kind) == set()


@pytest.mark.parametrize("domain", ["", "   "])
def test_empty_domain_is_fine_for_a_template(domain: str) -> None:
    assert domain_codes(domain=domain) == set()


@pytest.mark.parametrize(
    "domain",
    [
        "example.cn", "Example.CN", "a.cn", "a-b.com.cn", "123.net.cn", "abc.bj.cn", "abc.ac.cn",
        "中文域名.中国", "中文域名。中国", "xn--fiq06l2rdsvs.xn--fiqs8s", "中文.cn", "中文.公司",
        "中文.网络", "中文.網絡", "中文.中國", "域名-1.中国", "中文.公司.cn", "x" * 63 + ".cn",
        "ab-cd.cn", CITIES[:17] + ".中国",
    ],
)  # fmt: skip
def test_valid_domains(domain: str) -> None:
    assert domain_codes(domain=domain) == set()


@pytest.mark.parametrize(
    ("domain", "problem", "severity"),
    [
        ("-abc.cn", "hyphen_edge", "error"),
        ("abc-.cn", "hyphen_edge", "error"),
        ("-", "no_zone", "error"),
        ("ab--cd.cn", "hyphen_34", "error"),
        ("a--b.cn", "double_hyphen", "warning"),
        ("中文域--名.中国", "double_hyphen", "warning"),
        ("a_b.cn", "characters", "error"),
        ("a b.cn", "characters", "error"),
        ("a!b.cn", "characters", "error"),
        ("café.cn", "characters", "error"),
        ("中文🙂.中国", "characters", "error"),
        ("x" * 64 + ".cn", "label_length", "error"),
        ("abc.中国", "needs_chinese", "error"),
        ("123.公司", "needs_chinese", "error"),
        ("abc.网络", "needs_chinese", "error"),
        ("中文.com.cn", "chinese_under_zone", "error"),
        ("中文.org.cn", "chinese_under_zone", "error"),
        ("xn--zz.cn", "bad_ace", "error"),
        ("xn--abc-.cn", "bad_ace", "error"),
        ("cn", "no_name", "error"),
        ("com.cn", "no_name", "error"),
        ("中国", "no_name", "error"),
        ("example", "no_zone", "error"),
        ("a..cn", "empty_label", "error"),
        (".cn", "empty_label", "error"),
    ],
)
def test_domain_syntax(domain: str, problem: str, severity: str) -> None:
    f = syntax_problems(domain)[problem]
    assert (f.severity, f.fix, f.fields) == (severity, None, ("domain",))
    assert f.message("zh") and f.message("en") and f.registry_message("en")


@pytest.mark.parametrize(
    ("domain", "fix"),
    [
        ("http://www.example.cn/", "www.example.cn"),
        ("https://example.cn/path?q=1", "example.cn"),
        ("ｅｘａｍｐｌｅ.cn", "example.cn"),
        ("example.cn.", "example.cn"),
    ],
)
def test_typed_forms_get_the_bare_name(domain: str, fix: str) -> None:
    f = syntax_problems(domain)["typed_form"]
    assert (f.severity, f.fix) == ("warning", fix)


def test_ace_length_is_computed_not_counted() -> None:
    for size in range(15, len(CITIES) + 1):
        label = CITIES[:size]
        too_long = len("xn--" + label.encode("punycode").decode()) > 63
        assert ("ace_length" in syntax_problems(label + ".中国")) is too_long, size
    assert "ace_length" in syntax_problems(CITIES + ".中国")


@pytest.mark.parametrize(
    ("label", "ace"),
    [
        ("中国", "xn--fiqs8s"), ("公司", "xn--55qx5d"), ("网络", "xn--io0a7i"),
        ("中國", "xn--fiqz9s"), ("網絡", "xn--od0alg"), ("中文域名", "xn--fiq06l2rdsvs"),
    ],
)  # fmt: skip
def test_ace_forms_from_the_reference(label: str, ace: str) -> None:
    assert idna_cn.ace(label) == ace
    assert idna_cn.decode_label(ace) == label


@pytest.mark.parametrize(
    ("domain", "tld"),
    [("example.com", "com"), ("example.hk", "hk"), ("中文.com", "com"), ("a.cn.com", "com")],
)
def test_not_a_cnnic_name(domain: str, tld: str) -> None:
    f = one("DOMAIN_TLD", domain=domain)
    assert (f.severity, f.params["tld"]) == ("warning", tld)


def test_other_registries_get_generic_rules_only() -> None:
    assert domain_codes(domain="a--b.com") == {"DOMAIN_TLD"}


@pytest.mark.parametrize(
    ("domain", "fix"),
    [("www.example.cn", "example.cn"), ("a.b.example.com.cn", "example.com.cn"),
     ("www.中文.中国", "中文.中国")],
)  # fmt: skip
def test_subdomain(domain: str, fix: str) -> None:
    f = one("DOMAIN_SUBDOMAIN", domain=domain)
    assert (f.severity, f.fix) == ("warning", fix)


@pytest.mark.parametrize(
    ("kind", "overrides", "domain", "severity"),
    [
        ("individual", {}, "abc.gov.cn", "error"),
        ("organization", {}, "abc.gov.cn", "error"),
        ("organization", {**ORG_USCC, "cert_number": "11100000000000000X"}, "abc.gov.cn", "info"),
        ("organization", {**ORG_USCC, "cert_number": "12100000000000000X"}, "abc.gov.cn",
         "warning"),
        ("organization", {"cert_type": "ORG", "cert_number": "12345678-9"}, "abc.gov.cn",
         "warning"),
        ("individual", {}, "abc.edu.cn", "error"),
        ("organization", {}, "abc.edu.cn", "error"),
        ("organization", {"cert_type": "SYDWFR", "cert_number": "12100000000000000X"},
         "abc.edu.cn", "warning"),
        ("organization", {}, "abc.mil.cn", "error"),
        ("organization", {"cert_type": "BDDM", "cert_number": "12345"}, "abc.mil.cn", None),
        ("individual", {}, "abc.com.cn", None),
        ("individual", {}, "gov.cn.example.cn", None),
    ],
)  # fmt: skip
def test_restricted_zones(kind: str, overrides: dict, domain: str, severity: str | None) -> None:
    found = [f for f in findings(kind, domain=domain, **overrides)
             if f.code == "DOMAIN_RESTRICTED_ZONE"]  # fmt: skip
    assert [f.severity for f in found] == ([severity] if severity else [])


@pytest.mark.parametrize(
    ("kind", "overrides", "domain", "severity"),
    [
        ("individual", {}, "中国人.中国", "warning"),
        ("individual", {}, "我的國家.中國", "warning"),
        ("individual", {}, "全国美食.cn", "warning"),
        ("organization", {}, "中华文化.公司", "warning"),
        ("organization", {"name_zh": "中华文化传播有限公司"}, "中华文化.公司", "info"),
        ("organization", {"name_zh": "中華文化傳播有限公司"}, "中华文化.cn", "info"),
        ("individual", {"name_zh": "中华"}, "中华.cn", "warning"),
        ("organization", {**ORG_USCC, "cert_number": "11100000000000000X"}, "国家数据.中国", None),
        ("individual", {}, "中文.中国", None),
        ("individual", {}, "china.cn", None),
        ("individual", {}, "中国.com", None),
    ],
)  # fmt: skip
def test_national_words(kind: str, overrides: dict, domain: str, severity: str | None) -> None:
    found = [f for f in findings(kind, domain=domain, **overrides)
             if f.code == "DOMAIN_NATIONAL_WORDS"]  # fmt: skip
    assert [f.severity for f in found] == ([severity] if severity else [])


def test_national_words_name_the_word() -> None:
    f = one("DOMAIN_NATIONAL_WORDS", domain="中华全国.cn")
    assert f.params["word"] == "中华、全国"


def test_zone_table_holds_the_cnnic_second_level_zones() -> None:
    data = rules.load("domains")
    provincial = [z for z in data["cn_zones"] if re.fullmatch(r"[a-z]{2}\.cn", z) and z != "ac.cn"]
    assert len(provincial) == 34
    assert {"gov.cn", "edu.cn", "mil.cn"} <= set(data["restricted_zones"])
    for code in DOMAIN_CODES:
        spec = rules.finding_spec(code)
        assert spec["zh"] and spec["en"]


@pytest.mark.parametrize("domain", ["http://[abc/", "xn--", "xn--.cn", "。", "/", "a\x00b.cn", "@"])
def test_odd_input_is_reported_not_raised(domain: str) -> None:
    severities = {f.severity for f in findings(domain=domain) if f.code == "DOMAIN_SYNTAX"}
    assert "error" in severities


def test_a_compatibility_ideograph_is_mapped_by_uts46_and_offered_as_the_fix() -> None:
    # U+F90A looks like 金 (U+91D1); IDNA 2008 disallows it, UTS 46 maps it
    found = one("DOMAIN_SYNTAX", domain="\uf90a.cn")
    assert found.fix == "金.cn" and found.params["problem"] == "typed_form"
    assert idna_cn.ace("金") == "xn--5m4a" and not idna_cn.idna_allowed("\uf90a")


@pytest.mark.parametrize("text", ["中" * 20_000 + ".cn", "xn--" + "a" * 1_000_000 + ".cn"])
def test_a_name_longer_than_253_characters_is_refused_by_length_alone(text: str) -> None:
    import time

    start = time.perf_counter()
    domain = idna_cn.parse(text)
    assert domain.problems == [("domain_length", "")]
    assert time.perf_counter() - start < 2  # was 82 s and 13 s (quadratic Punycode)


def test_a_character_idna_2008_does_not_allow_is_named() -> None:
    # U+FA6E sits in the compatibility block but is unassigned: nothing maps it
    assert "idna" in syntax_problems("\ufa6e中.cn")
