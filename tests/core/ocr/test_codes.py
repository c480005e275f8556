"""Numbers found in recognised text: look-alike letters repaired, check characters verified."""

from __future__ import annotations

import pytest

from desktop.core.ocr import codes

VALID_RIC = ["11010519491231002X", "110101199003071233", "330106198512013013",
             "810000199501010023", "830000199501010043", "911840198001010013"]  # fmt: skip
VALID_USCC = ["91350100M000100Y43", "91110000600037341L", "91110108MA01XY3R01",
              "Y1110105MA01ABCD5R", "N2330106MA2CXY7K2Q", "A1110000MA001234XM"]  # fmt: skip
VALID_ORG = ["D2143569-X", "12345678-8", "00000000-0", "79999999-3", "M000100Y4"]


@pytest.mark.parametrize("number", VALID_RIC)
def test_valid_id_numbers_pass(number: str) -> None:
    assert codes.ric_valid(number)


@pytest.mark.parametrize(
    "number", ["11010519491231002Y", "110105194912310021", "1101051949123100X"]
)
def test_invalid_id_numbers_fail(number: str) -> None:
    assert not codes.ric_valid(number)


@pytest.mark.parametrize("code", VALID_USCC)
def test_valid_uscc_pass_including_letter_prefixes(code: str) -> None:
    assert codes.uscc_valid(code)


@pytest.mark.parametrize("code", ["91350100M000100Y44", "91350100MO00100Y43", "9135010OM000100Y43"])
def test_invalid_uscc_fail(code: str) -> None:
    assert not codes.uscc_valid(code)


@pytest.mark.parametrize("code", VALID_ORG)
def test_valid_org_codes_pass(code: str) -> None:
    assert codes.org_code_valid(code)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("公民身份号码11010519491231002X", ("11010519491231002X", True)),
        ("公民身份号码11O1O519491231002x", ("11010519491231002X", True)),  # O read for 0
        ("公民身份号码l10105l9491231002X", ("11010519491231002X", True)),  # l read for 1
        ("证件号码/CardNo911840198001010013", ("911840198001010013", True)),  # "o" of No
        ("公民身份号码110105194912310021", ("110105194912310021", False)),  # unverified
        ("出生1949年12月31日", None),
    ],
)
def test_find_ric(text: str, expected) -> None:
    assert codes.find_ric(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("统一社会信用代码91350100M000100Y43", ("91350100M000100Y43", True)),
        ("91350100MO00100Y43", ("91350100M000100Y43", True)),  # O is not in the USCC alphabet
        ("913501OOM000100Y43", ("91350100M000100Y43", True)),  # region digits
        ("91350100M000100Y44", ("91350100M000100Y44", False)),
    ],
)
def test_find_uscc(text: str, expected) -> None:
    assert codes.find_uscc(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [("代码D2143569-X", ("D2143569X", True)), ("代码ODRRRTGF-2", ("0DRRRTGF2", True)),
     ("代码12345678一8", ("123456788", True)), ("登记号：组代管610113-713987", None)],
)  # fmt: skip
def test_find_org_code(text: str, expected) -> None:
    assert codes.find_org_code(text) == expected


def test_icao_check_digits_of_the_specimen_passport() -> None:
    assert [codes.icao_check(f) for f in ("L898902C3", "740812", "120415")] == ["6", "2", "9"]
