"""Typed name and number against the scan: differences and the reasons given for them."""

from __future__ import annotations

import importlib.util

import pytest

from desktop.core.ocr.compare import compare_names, compare_numbers

needs_hanzi = pytest.mark.skipif(
    importlib.util.find_spec("opencc") is None or importlib.util.find_spec("pypinyin") is None,
    reason="the ocr extra (OpenCC, pypinyin) is not installed",
)


@pytest.mark.parametrize(
    ("typed", "scanned"),
    [("张三", "张三"), ("北京某某科技（北京）有限公司", "北京某某科技(北京)有限公司"),
     (" 张三 ", "张三"), ("SAN ZHANG", "ZHANG, SAN"), ("JOHNSON, MARY", "MARY JOHNSON")],
)  # fmt: skip
def test_same_names(typed: str, scanned: str) -> None:
    assert compare_names(typed, scanned).same


@needs_hanzi
@pytest.mark.parametrize(
    ("typed", "scanned", "reasons", "marked_typed", "marked_scanned"),
    [
        ("王己明", "王已明", ("look_alike",), "王【己】明", "王【已】明"),
        ("王明", "王鸣", ("same_sound",), "王【明】", "王【鸣】"),
        ("陈大文", "陳大文", ("traditional",), "【陈】大文", "【陳】大文"),
        (
            "星辰科技公司",
            "星辰科技有限公司",
            ("missing",),
            "星辰科技【…】公司",
            "星辰科技【有限】公司",
        ),
        (
            "星辰科技有限公司公司",
            "星辰科技有限公司",
            ("extra",),
            "星辰科技有限公司【公司】",
            "星辰科技有限公司【…】",
        ),
        (
            "某某[北京]公司",
            "某某(北京)公司",
            ("bracket",),
            "某某【[】北京【]】公司",
            "某某【(】北京【)】公司",
        ),
        ("张三", "李四", ("different",), "【张】【三】", "【李】【四】"),
    ],
)
def test_name_differences_are_explained(typed, scanned, reasons, marked_typed, marked_scanned):
    result = compare_names(typed, scanned)
    assert result.reasons == reasons
    assert (result.marked_typed(), result.marked_scanned()) == (marked_typed, marked_scanned)


def test_latin_name_letter_case_is_a_difference() -> None:
    assert compare_names("Mary Johnson", "JOHNSON, MARY").reasons == ("case",)


@pytest.mark.parametrize(
    ("typed", "scanned"),
    [("11010519491231002X", "11010519491231002X"), ("11010519491231002x", "11010519491231002X"),
     ("D2143569-X", "D2143569X"), ("９１３５０１００Ｍ０００１００Ｙ４３", "91350100M000100Y43")],
)  # fmt: skip
def test_same_numbers(typed: str, scanned: str) -> None:
    assert compare_numbers(typed, scanned).same


@pytest.mark.parametrize(
    ("typed", "scanned", "reasons", "marked_typed"),
    [
        (
            "11010519491231OO2X",
            "11010519491231002X",
            ("letter_digit",),
            "11010519491231【O】【O】2X",
        ),
        ("91350100MI00100Y43", "91350100M100100Y43", ("letter_digit",), "91350100M【I】00100Y43"),
        ("1101051949123102X", "11010519491231002X", ("missing",), "110105194912310【…】2X"),
        ("110105194912310022X", "11010519491231002X", ("extra",), "11010519491231002【2】X"),
        ("11010519491213002X", "11010519491231002X", ("order",), "110105194912【13】002X"),
        ("11010519491231003X", "11010519491231002X", ("different",), "1101051949123100【3】X"),
    ],
)
def test_number_differences_are_explained(typed, scanned, reasons, marked_typed) -> None:
    result = compare_numbers(typed, scanned)
    assert result.reasons == reasons
    assert result.marked_typed() == marked_typed
