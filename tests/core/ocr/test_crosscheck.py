"""Cross-checks between the typed record and what was read from its scans."""

from __future__ import annotations

import importlib.util
from datetime import date

import pytest

from desktop.core import record as records
from desktop.core.ocr.crosscheck import crosscheck
from desktop.core.ocr.lines import TextLine
from desktop.core.ocr.reading import Reading, Value

TODAY = date(2026, 6, 1)
ID_NUMBER = "11010519491231002X"
USCC = "91350100M000100Y43"
needs_hanzi = pytest.mark.skipif(
    importlib.util.find_spec("opencc") is None or importlib.util.find_spec("pypinyin") is None,
    reason="the ocr extra (OpenCC, pypinyin) is not installed",
)


def person(**fields: str) -> records.Record:
    data = {"holder_type": "individual", "region": "CN", "cert_type": "SFZ", "name_zh": "王己明",
            "cert_number": ID_NUMBER, **fields}  # fmt: skip
    return records.from_dict(data)


def company(**fields: str) -> records.Record:
    data = {"holder_type": "organization", "region": "CN", "cert_type": "YYZZ",
            "name_zh": "星辰科技(北京)有限公司", "cert_number": USCC, **fields}  # fmt: skip
    return records.from_dict(data)


def id_front(name: str = "王己明", number: str = ID_NUMBER, score: float = 0.99, **kw) -> Reading:
    from desktop.core.ocr.codes import ric_valid

    read_number = Value(number, (60, 500, 700, 540), 0.99, ric_valid(number))
    return Reading(
        "id_front",
        name=Value(name, (60, 60, 300, 100), score, label="姓名"),
        number=read_number,
        **kw,
    )


def licence(kind: str = "business_licence", **kw) -> Reading:
    return Reading(kind, name=Value("星辰科技（北京）有限公司", score=0.99, label="名称"),
                   number=Value(USCC, verified=True), long_term=True, **kw)  # fmt: skip


def found(rec: records.Record, *readings: Reading) -> dict[str, list]:
    out: dict[str, list] = {}
    for f in crosscheck(rec, dict(enumerate(readings)), TODAY, {0: "scan.jpg", 1: "back.jpg"}):
        out.setdefault(f.code, []).append(f)
    return out


def test_matching_scans_give_no_findings() -> None:
    assert found(person(), id_front()) == {}
    assert found(company(), licence()) == {}
    assert found(company(name_zh="星辰科技（北京）有限公司"), licence()) == {}


@needs_hanzi
def test_look_alike_name_is_an_error_with_the_characters_marked() -> None:
    (finding,) = found(person(), id_front(name="王已明"))["OCR_NAME_MISMATCH"]
    assert finding.severity == "error"
    assert finding.fields == ("name_zh", "images[0]")
    assert finding.params["scan_marked"] == "王【已】明"
    assert finding.params["typed_marked"] == "王【己】明"
    assert "形近字" in finding.message("zh") and "look-alike" in finding.message("en")
    assert finding.registry_message("zh") == "注册者信息不一致"


def test_name_read_with_low_confidence_is_only_a_warning() -> None:
    (finding,) = found(person(), id_front(name="王已明", score=0.8))["OCR_NAME_MISMATCH"]
    assert finding.severity == "warning"


def test_abbreviated_company_name_is_reported_as_missing_characters() -> None:
    (finding,) = found(company(name_zh="星辰科技有限公司"), licence())["OCR_NAME_MISMATCH"]
    assert finding.params["reasons_en"] == "characters missing (abbreviated or dropped)"


def test_a_typed_name_printed_word_for_word_on_the_scan_is_no_mismatch() -> None:
    lines = (TextLine("姓名 王己明", (60, 60, 300, 100)),)
    assert found(person(), id_front(name="王己明住", lines=lines)) == {}


def test_verified_number_mismatch_is_an_error_with_letter_digit_reason() -> None:
    typed = ID_NUMBER[:6] + "I" + ID_NUMBER[7:]
    (finding,) = found(person(cert_number=typed), id_front())["OCR_NUMBER_MISMATCH"]
    assert finding.severity == "error"
    assert finding.fields == ("cert_number", "images[0]")
    assert finding.params["typed_marked"] == "110105【I】9491231002X"
    assert finding.fix == ID_NUMBER
    assert "0/O" in finding.message("zh")


def test_unverified_reading_never_contradicts_a_valid_typed_number() -> None:
    misread = ID_NUMBER[:-1] + "7"
    assert found(person(), id_front(number=misread)) == {}


def test_unverified_reading_against_an_invalid_typed_number_is_a_warning() -> None:
    typed, misread = ID_NUMBER[:-1] + "5", ID_NUMBER[:-1] + "7"
    (finding,) = found(person(cert_number=typed), id_front(number=misread))["OCR_NUMBER_MISMATCH"]
    assert (finding.severity, finding.fix) == ("warning", None)


@pytest.mark.parametrize(
    ("selected", "kind", "mismatch"),
    [("TYDM", "business_licence", True), ("YYZZ", "uscc_certificate", True),
     ("XYDM", "uscc_certificate", False), ("YYZZ", "business_licence", False),
     ("ORG", "business_licence", True), ("SFZ", "business_licence", True),
     ("QT", "business_licence", True), ("SYDWFR", "other", False)],
)  # fmt: skip
def test_certificate_type_must_be_the_document_uploaded(selected, kind, mismatch) -> None:
    codes = found(company(cert_type=selected), licence(kind))
    assert ("OCR_CERT_TYPE_MISMATCH" in codes) is mismatch
    if mismatch:
        (finding,) = codes["OCR_CERT_TYPE_MISMATCH"]
        assert finding.fields == ("cert_type", "images[0]")
        assert finding.registry_message("zh") == "注册者证件类型选择错误或证件号码位数不正确"


def test_org_code_typed_from_a_licence_is_the_same_number() -> None:
    codes = found(company(cert_type="ORG", cert_number="M000100Y4"), licence())
    assert "OCR_NUMBER_MISMATCH" not in codes


@pytest.mark.parametrize(
    ("selected", "number", "mismatch"),
    [("HKMOJUMIN", "830000199501010043", False), ("TWJZZ", "830000199501010043", False),
     ("GAJZZ", "830000199501010043", True), ("GAJZZ", "810000199501010023", False)],
)  # fmt: skip
def test_residence_permit_region_follows_its_number(selected, number, mismatch) -> None:
    reading = Reading("residence_permit", name=Value("王己明", score=0.99),
                      number=Value(number, verified=True))  # fmt: skip
    rec = person(cert_type=selected, cert_number=number, region="TW")
    assert ("OCR_CERT_TYPE_MISMATCH" in found(rec, reading)) is mismatch


def test_id_back_alone_is_flagged_but_not_beside_the_front() -> None:
    back = Reading("id_back", expiry_date=date(2035, 3, 1), dates_verified=True, title="居民身份证")
    (finding,) = found(person(), back)["OCR_ID_BACK_SIDE"]
    assert finding.severity == "error" and finding.fields[0] == "images[0]"
    assert finding.params["evidence_label"] == "居民身份证"
    misread = Reading("id_back", expiry_date=date(2035, 3, 1))  # heading not read as printed
    assert found(person(), misread)["OCR_ID_BACK_SIDE"][0].severity == "warning"
    assert "OCR_ID_BACK_SIDE" not in found(person(), id_front(), back)


@pytest.mark.parametrize(
    ("reading", "severity"),
    [(Reading("id_back", expiry_date=date(2025, 3, 1), dates_verified=True), "error"),
     (Reading("id_back", expiry_date=date(2025, 3, 1)), "warning"),
     (Reading("id_back", issue_date=date(2010, 3, 1), long_term=True), None),
     (Reading("id_back", expiry_date=date(2026, 6, 1)), None)],
)  # fmt: skip
def test_expired_document(reading: Reading, severity) -> None:
    codes = found(person(), id_front(), reading)
    if severity is None:
        assert "OCR_EXPIRED" not in codes
    else:
        (finding,) = codes["OCR_EXPIRED"]
        assert finding.severity == severity
        assert finding.fields == ("cert_expiry_date", "images[1]")
        assert finding.params["expiry"] == "2025-03-01"


def test_unreadable_name_or_number_is_a_warning() -> None:
    (finding,) = found(person(), Reading("id_front", number=Value(ID_NUMBER)))["OCR_UNREADABLE"]
    assert finding.severity == "warning" and finding.fields == ("images[0]",)
    assert finding.params["what_en"] == "name"
    blank = found(person(), Reading("other", lines=(TextLine("某", (0, 0, 10, 10)),)))
    assert blank["OCR_UNREADABLE"][0].params["what_en"] == "text"
    assert "OCR_UNREADABLE" not in found(person(), Reading("id_back"))


@needs_hanzi
def test_traditional_name_on_a_permit_is_a_note_not_a_mismatch() -> None:
    rec = person(cert_type="GAJMTX", name_zh="陈大文", cert_number="H12345678", region="HK")
    permit = Reading("hk_macao_permit", name=Value("陳大文", score=0.99), number=Value("H12345678"))
    codes = found(rec, permit)
    assert set(codes) == {"OCR_NAME_SCRIPT"}
    assert codes["OCR_NAME_SCRIPT"][0].severity == "info"


@needs_hanzi
def test_traditional_characters_read_on_mainland_documents_are_misreadings() -> None:
    assert found(person(name_zh="王国明"), id_front(name="王國明")) == {}


@needs_hanzi
def test_traditional_characters_typed_for_a_mainland_document_are_a_mismatch() -> None:
    (finding,) = found(person(name_zh="吳国明"), id_front(name="吴国明"))["OCR_NAME_MISMATCH"]
    assert finding.params["reasons_zh"] == "繁体与简体不同"
    assert finding.params["typed_marked"] == "【吳】国明"


def test_latin_passport_name_order_is_free_but_case_is_not() -> None:
    passport = Reading("passport", name=Value("MARY JOHNSON", score=0.99),
                       number=Value("123456789"), latin_name="MARY JOHNSON")  # fmt: skip
    rec = person(cert_type="HZ", region="US", name_zh="JOHNSON MARY", cert_number="123456789")
    assert found(rec, passport) == {}
    (finding,) = found(person(cert_type="HZ", region="US", name_zh="Mary Johnson",
                              cert_number="123456789"), passport)["OCR_NAME_MISMATCH"]  # fmt: skip
    assert finding.severity == "warning" and finding.params["reasons_en"] == "different letter case"


def test_every_message_is_filled_in_both_languages() -> None:
    readings = (id_front(name="王已明", number=ID_NUMBER[:-1] + "7"),
                Reading("id_back", expiry_date=date(2025, 3, 1)))  # fmt: skip
    findings = crosscheck(person(cert_type="TYDM"), dict(enumerate(readings)), TODAY)
    assert len({f.code for f in findings}) >= 3
    for finding in findings:
        for lang in ("zh", "en"):
            assert "{" not in finding.message(lang), finding.message(lang)
