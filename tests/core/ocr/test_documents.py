"""Understanding scans from recognised lines (fixtures: real engine output on generated scans)."""

from __future__ import annotations

import importlib.util
from datetime import date

import pytest

from desktop.core import record as records
from desktop.core.normalize import has_cjk
from desktop.core.ocr.compare import compare_names, normalise_name, normalise_number
from desktop.core.ocr.crosscheck import crosscheck
from desktop.core.ocr.document import understand
from desktop.core.ocr.lines import TextLine, from_quads
from tests.core.ocr.conftest import fixture_names, load_fixture

MISMATCHES = {"OCR_NAME_MISMATCH", "OCR_NUMBER_MISMATCH", "OCR_CERT_TYPE_MISMATCH"}
needs_hanzi = pytest.mark.skipif(
    importlib.util.find_spec("opencc") is None, reason="the ocr extra (OpenCC) is not installed"
)


def read(name: str):
    data = load_fixture(name)
    lines = from_quads((ln["text"], ln["box"], ln["score"]) for ln in data["lines"])
    return understand(lines), data


@needs_hanzi
@pytest.mark.parametrize("name", fixture_names())
def test_fixture_is_understood(name: str) -> None:
    reading, data = read(name)
    truth = data["truth"]
    assert reading.kind == truth["kind"]
    want = data.get("misread", {}).get("name", truth["name"])
    got = reading.name.text if reading.name else ""
    if has_cjk(want):
        assert normalise_name(got) == normalise_name(want)
    else:
        assert compare_names(want, got).same
    got_number = reading.number.text if reading.number else ""
    assert normalise_number(got_number) == normalise_number(truth["number"])
    expiry = "long-term" if reading.long_term else str(reading.expiry_date or "")
    assert expiry == truth["expiry_date"]


@needs_hanzi
@pytest.mark.parametrize("name", fixture_names())
def test_matching_record_raises_no_mismatch(name: str) -> None:
    reading, data = read(name)
    rec = records.from_dict(data["truth"]["record"])
    today = date.fromisoformat(data["truth"]["today"])
    found = {f.code for f in crosscheck(rec, {0: reading}, today)}
    assert not found & MISMATCHES


def lines(*rows: tuple[str, int]) -> list[TextLine]:
    """Lines at the given heights, each in one box starting at the left margin."""
    return [TextLine(text, (60, y, 60 + 30 * len(text), y + 36)) for text, y in rows]


def test_label_and_value_in_separate_boxes_on_one_row() -> None:
    reading = understand(
        [
            TextLine("营业执照", (500, 100, 900, 220)),
            TextLine("91350100M000100Y43", (140, 480, 700, 520)),
            TextLine("名", (140, 630, 180, 670)),
            TextLine("称", (200, 630, 240, 670)),
            TextLine("星辰科技有限公司", (420, 634, 900, 672)),
        ]
    )
    assert (reading.kind, reading.name.text) == ("business_licence", "星辰科技有限公司")
    assert (reading.number.text, reading.number.verified) == ("91350100M000100Y43", True)


ID_FRONT = (("姓名张三", 60), ("公民身份号码11010519491231002X", 500))
ID_BACK = (("中华人民共和国", 800), ("居民身份证", 880), ("签发机关北京市公安局", 1100))


def test_id_card_front_and_back_in_one_image() -> None:
    reading = understand(lines(*ID_FRONT, *ID_BACK, ("有效期限2015.03.01-2035.03.01", 1160)))
    assert (reading.kind, reading.has_back) == ("id_front", True)
    assert (reading.expiry_date, reading.dates_verified) == (date(2035, 3, 1), True)


def test_id_back_with_long_term_validity() -> None:
    reading = understand(lines(*ID_BACK, ("有效期限2010.03.01-长期", 1160)))
    assert (reading.kind, reading.long_term, reading.issue_date) == (
        "id_back",
        True,
        date(2010, 3, 1),
    )
    expected = {"cert_type": "SFZ", "cert_issue_date": "2010-03-01", "cert_expiry_date": "长期"}
    assert reading.values() == expected


USCC_ROW = ("统一社会信用代码91350100M000100Y43", 400)
KINDS = [
    ((("营业执照", 100), USCC_ROW), "business_licence"),
    ((("统一社会信用代码证书", 100), USCC_ROW), "uscc_certificate"),
    ((("组织机构代码证", 100), ("代码D2143569-X", 300)), "org_code_certificate"),
    ((("港澳居民来往内地通行证", 40), ("姓名张三", 120)), "hk_macao_permit"),
    ((("台湾居民来往大陆通行证", 40), ("姓名张三", 120)), "tw_permit"),
    ((("台湾居民居住证", 170), ("有效期限2020.01.01-2025.01.01", 500)), "residence_permit_back"),
    ((("姓名张三", 60), ("公民身份号码830000199501010043", 500)), "residence_permit"),
    ((("P<CHNZHANG<<SAN<<<<<<<<<<<<<<<<<<<<<<<<<<<<<<", 800),), "passport"),
    ((("姓名张三", 60), ("11010519491231002X", 500)), "id_front"),
    ((("户口登记", 60), ("常住人口登记卡", 120)), "other"),
]


@pytest.mark.parametrize(("rows", "kind"), KINDS)
def test_document_kinds(rows, kind: str) -> None:
    assert understand(lines(*rows)).kind == kind
