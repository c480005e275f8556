"""Holder-name findings (cnnic-rules.md 4)."""

from __future__ import annotations

import pytest

from tests.records import codes, one

NAME_CODES = {
    "NAME_MISSING", "NAME_ZH_NO_CJK", "NAME_ZH_FOREIGN", "NAME_FULLWIDTH", "NAME_WHITESPACE",
    "NAME_EN_PUNCTUATION", "NAME_EN_NON_ASCII", "NAME_RARE_CHAR", "NAME_ABBREVIATION",
    "NAME_LENGTH",
}  # fmt: skip

FOREIGNER = {
    "region": "US", "site": "international", "cert_type": "HZ", "cert_number": "561234567",
    "name_zh": "John Smith", "name_en": "John Smith",
}  # fmt: skip


@pytest.mark.parametrize(
    ("kind", "overrides"),
    [
        ("individual", {}),
        ("organization", {}),
        ("individual", {"name_zh": "买买提·艾力", "name_en": "Maimaiti Aili"}),
        ("organization", {"name_zh": "上海某某文化传播有限公司浦东分公司"}),
        ("organization", {"name_zh": "北京《读者》杂志社", "name_en": "Beijing Duzhe Magazine"}),
        ("individual", FOREIGNER),
    ],
)
def test_good_names_raise_nothing(kind: str, overrides: dict) -> None:
    assert codes(kind, **overrides) & NAME_CODES == set()


def test_missing_chinese_name_is_an_error_english_a_warning() -> None:
    assert one("NAME_MISSING", name_zh="").fields == ("name_zh",)
    f = one("NAME_MISSING", name_en="")
    assert f.fields == ("name_en",) and f.severity == "warning"


def test_mainland_document_needs_chinese_characters() -> None:
    assert one("NAME_ZH_NO_CJK", name_zh="Zhang San").registry_message("zh").startswith("审核失败")


def test_foreign_document_chinese_field_repeats_english_name() -> None:
    f = one("NAME_ZH_FOREIGN", **{**FOREIGNER, "name_zh": "约翰·史密斯"})
    assert f.fix == "John Smith"
    f = one("NAME_ZH_FOREIGN", **{**FOREIGNER, "name_zh": "JOHN SMITH"})
    assert f.fix == "John Smith"


def test_fullwidth_brackets_warn_with_half_width_fix() -> None:
    f = one("NAME_FULLWIDTH", "organization", name_zh="北京星辰云科技有限公司（海淀分公司）")
    assert f.severity == "warning" and f.fix == "北京星辰云科技有限公司(海淀分公司)"


@pytest.mark.parametrize(
    ("name", "fix"),
    [(" 张三", "张三"), ("张 三", "张三"), ("张三\n", "张三"), ("张\u3000三", "张三")],
)
def test_spaces_in_chinese_name(name: str, fix: str) -> None:
    assert one("NAME_WHITESPACE", name_zh=name).fix == fix


def test_english_name_keeps_single_spaces() -> None:
    assert "NAME_WHITESPACE" not in codes(name_en="Zhang San")
    assert one("NAME_WHITESPACE", name_en="Zhang  San ").fix == "Zhang San"


def test_middle_dot_removed_from_english_name() -> None:
    f = one("NAME_EN_PUNCTUATION", name_zh="买买提·艾力", name_en="Maimaiti·Aili")
    assert f.fix == "Maimaiti Aili" and f.registry_message("zh") == "联系人信息无效"


def test_english_name_must_be_ascii() -> None:
    assert one("NAME_EN_NON_ASCII", name_en="张三").fix is None
    assert one("NAME_EN_NON_ASCII", name_en="Ｚｈａｎｇ San").fix == "Zhang San"


def test_rare_characters_in_a_personal_name() -> None:
    f = one("NAME_RARE_CHAR", name_zh="王\U0002a6a5")
    assert f.severity == "warning" and f.params["chars"] == "\U0002a6a5"
    assert "NAME_RARE_CHAR" in codes(name_zh="李\ue000")


def test_abbreviated_organization_name() -> None:
    assert one("NAME_ABBREVIATION", "organization", name_zh="北京星辰云科技").severity == "warning"
    assert "NAME_ABBREVIATION" in codes("organization", name_zh="星辰云（简称：星辰）有限公司")


@pytest.mark.parametrize(
    ("name", "severity"), [("张", "error"), ("某" * 70, "warning"), ("某" * 256, "error")]
)
def test_name_length(name: str, severity: str) -> None:
    assert one("NAME_LENGTH", name_zh=name).severity == severity
