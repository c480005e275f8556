"""The failure classes seen on real scans (issue 10), on recognised lines: no engine needed."""

from __future__ import annotations

from datetime import date

from PIL import Image

from desktop.core import record as records
from desktop.core.ocr import mrz, orient
from desktop.core.ocr.crosscheck import crosscheck
from desktop.core.ocr.document import understand
from desktop.core.ocr.lines import TextLine
from desktop.core.ocr.reading import Reading, Value

TODAY = date(2026, 12, 2)


def card(*rows: str | tuple[str, ...], height: int = 30) -> list[TextLine]:
    """Lines of a page: each row's pieces side by side, 20 px apart."""
    lines = []
    for index, row in enumerate(rows):
        x, top = 20, 20 + index * 2 * height
        for piece in (row,) if isinstance(row, str) else row:
            gap = 0
            if piece.startswith(" "):  # a leading space: a far column
                gap, piece = 20 * height, piece.strip()
            x += gap
            width = len(piece) * height
            lines.append(TextLine(piece, (x, top, x + width, top + height), 0.99))
            x += width + 20
    return lines


FRONT = ("性别男民族汉", "出生1961年8月4日", "住址北京市东城区某路1号")


def test_a_misprinted_number_label_is_still_a_front_never_the_back_side() -> None:
    for label in ("公民身份证号码", "公民生份证号", "公民出号码"):
        reading = understand(card("姓名奥巴马", *FRONT, label + "326221196108040096"))
        assert reading.kind == "id_front", label
        assert (reading.name.text, reading.number.text) == ("奥巴马", "326221196108040096")


def test_a_name_label_read_with_a_wrong_or_lost_character() -> None:
    assert (
        understand(card("姓色刘晓梅", *FRONT, "公民身份号码11010519491231002X")).name.text
        == "刘晓梅"
    )
    reading = understand(card("名张三", *FRONT, "公民身份号码11010519491231002X"))
    assert (reading.name.text, reading.name.label_edits) == ("张三", 1)


def test_a_label_that_lost_a_character_never_takes_the_first_character_of_its_value() -> None:
    """名(称 lost) on its own line, the name on the next: the name keeps its first character."""
    licence = understand(
        card(
            "营业执照",
            "统一社会信用代码",
            "91610113LQAQKBU93Y",
            ("名", "西安成弘文化传媒有限公司"),
            ("型", "有限责任公司"),
        )
    )
    assert (licence.name.text, licence.name.label_edits) == ("西安成弘文化传媒有限公司", 1)
    front = understand(card(("名", "张三"), *FRONT, "公民身份号码11010519491231002X"))
    assert (front.name.text, front.name.label_edits) == ("张三", 1)


def test_the_right_hand_column_never_joins_a_company_name() -> None:
    reading = understand(
        card(
            "营业执照",
            "统一社会信用代码",
            "92441284MA4UX0HN3X",
            ("名", "称", "四会市某某商贸工作室", " 组成形式", "个人经营"),
            ("机构名称上海某某信息服务有限公司", " 组织机构依法注销时"),
        )
    )
    assert reading.name.text == "四会市某某商贸工作室"
    assert reading.name.label == "名称"


def test_the_licence_serial_is_never_taken_for_the_registration_number() -> None:
    reading = understand(
        card(
            "营业执照",
            "(中国(上海)自由贸易试验区)注册号310141000185002",
            "证照编号41000000201508030102",
            ("名八称", "上海某某互联网金融信息服务有限公司"),
            "营业期限2015年8月3日至2045年8月2日",
        )
    )
    assert (reading.number.text, reading.number.verified) == ("310141000185002", True)
    assert reading.name.text == "上海某某互联网金融信息服务有限公司"
    assert reading.expiry_date == date(2045, 8, 2)


def test_a_term_whose_label_was_lost_and_chinese_numeral_dates() -> None:
    old = understand(
        card("企业法人营业执照", "注册号 110113011104699", "业自2008年06月12日至2028年06月11日")
    )
    assert (old.issue_date, old.expiry_date) == (date(2008, 6, 12), date(2028, 6, 11))
    org = understand(
        card(
            "组织机构代码证", "代码：35099027-8", "期：自二0一五年八月六日到二〇一九年八月四日截止"
        )
    )
    assert (org.number.text, org.expiry_date) == ("350990278", date(2019, 8, 4))


def test_mrz_letters_read_as_digits_are_repaired_by_the_check_digits() -> None:
    zone = mrz.parse(["P<GBRUNITED<KINGDOM<TWENTY<SIX<<JODIE<PIPPA<",
                      "107182890068R8501178F1601312<<<<<<<<<<<<<<06"])  # fmt: skip
    assert (zone.nation, zone.number, zone.number_ok) == ("GBR", "107182890", True)
    assert zone.expiry == date(2016, 1, 31) and zone.expiry_ok
    damaged = mrz.parse(
        ["P<UTOERIKSSON<<ANNA<MARIA<<<<", "L8989O2C36UTO7408122F1204159ZE184226B<<<<<10"]
    )
    assert (damaged.number, damaged.number_ok, damaged.repaired) == ("L898902C3", True, True)


def test_a_two_digit_expiry_year_is_not_assumed_to_be_in_the_future() -> None:
    lines = ["P<UTOERIKSSON<<ANNA<<<<", "L898902C36UTO7408122F9801049ZE184226B<<<<<10"]
    assert mrz.parse(lines, today=TODAY).expiry == date(1998, 1, 4)
    assert mrz.parse(lines, issued=date(2088, 1, 4)).expiry == date(2098, 1, 4)


def test_bilingual_passport_labels() -> None:
    reading = understand(
        card(
            "PASSPORT",
            "姓名 / Name",
            "林美華",
            "(Surname, Given names)",
            "LIN, MEI-HUA",
            "P<TWNLIN<<MEI<HUA<<<<<<<<<<<<<<<<<<<<<<<<<<<",
            "0000000000TWN7601015F1404018A234567893<<<<18",
        )
    )
    assert (reading.kind, reading.name.text, reading.latin_name) == (
        "passport",
        "林美華",
        "MEI HUA LIN",
    )
    assert reading.expiry_date == date(2014, 4, 1) and reading.dates_verified


DOCUMENT = card("姓名张三", *FRONT, "公民身份号码11010519491231002X")


class Turning:
    """A recogniser stand-in: the document reads only when its marker pixel is top left."""

    def __init__(self) -> None:
        self.calls = 0

    def __call__(self, image: Image.Image) -> list[TextLine]:
        self.calls += 1
        if image.getbbox()[:2] == (0, 0):
            return DOCUMENT
        if image.height > image.width:  # on its side: vertical text lines
            return [TextLine("姓名张三性别", (10, 10, 40, 200), 0.9)] * 3
        return [TextLine("日月0000日", (0, 0, 100, 30), 0.5)]


def test_a_given_names_label_whose_chinese_half_was_misread() -> None:
    """A small passport reads 名/Given names as g/ or 8/: the English half still finds it."""
    for misread in ("g/Given names", "8/Given names"):
        reading = understand(
            card(
                "中华人民共和国 PASSPORT 护照",
                "姓/Surname",
                "曾 CENG",
                misread,
                "佩玲 PEILING",
                "P<HKGCENG<<PEILING<<<<<<<<<<<<<<<<<<<<<<<<<<",
                "K075218360HKG0301280F3112098<<<<<<<<<<<<<<04",
            )
        )
        assert (reading.name.text, reading.latin_name) == ("曾佩玲", "PEILING CENG"), misread


def test_a_latin_name_of_several_words_keeps_its_spaces() -> None:
    """Given names ANNA MARIA, read under their label, stay two words: no "could not confirm"."""
    reading = understand(
        card(
            "Passport/ Passeport",
            "Surname/ Nom",
            "ERIKSSON",
            "Given names/ Prénoms",
            "ANNA MARIA",
            "P<UT0ERIKSS0N<<ANNA<MARIA<<<<<<<<<<<<<<<<<<<",
            "L898902C36UT07408122F1204159ZE184226B<<<<<10",
        )
    )
    assert reading.latin_name == "ANNA MARIA ERIKSSON"
    typed = {"cert_type": "HZ", "name_zh": "ANNA MARIA ERIKSSON", "cert_number": "L898902C3"}
    rec = records.from_dict({"holder_type": "individual", "region": "NL", **typed})
    codes = {f.code for f in crosscheck(rec, {0: reading}, TODAY)}
    assert not {c for c in codes if c.startswith("OCR_NAME")}, codes


def page(size: tuple[int, int], marker: tuple[int, int]) -> Image.Image:
    image = Image.new("L", size)
    image.putpixel(marker, 255)
    return image


def test_an_upright_scan_is_read_once() -> None:
    read = Turning()
    reading = orient.read_upright(page((200, 100), (0, 0)), read, understand)
    assert (reading.rotation, read.calls) == (0, 1)


def test_a_sideways_or_upside_down_scan_is_turned_and_the_turn_is_certain() -> None:
    read = Turning()
    side = orient.read_upright(page((100, 200), (99, 0)), read, understand)  # top is right
    assert (side.kind, side.rotation, side.rotation_certain, read.calls) == (
        "id_front",
        90,
        True,
        2,
    )
    other_side = orient.read_upright(page((100, 200), (0, 199)), Turning(), understand)
    assert (other_side.rotation, other_side.name.text) == (270, "张三")
    read = Turning()
    flipped = orient.read_upright(page((200, 100), (199, 99)), read, understand)
    assert (flipped.name.text, flipped.rotation, read.calls) == ("张三", 180, 2)


def id_record(**fields: str) -> records.Record:
    data = {"holder_type": "individual", "region": "CN", "cert_type": "SFZ", "name_zh": "张三",
            "cert_number": "11010519491231002X", **fields}  # fmt: skip
    return records.from_dict(data)


def test_a_turned_scan_gets_image_rotated() -> None:
    reading = Reading(
        "id_front", name=Value("张三", label="姓名"), rotation=270, rotation_certain=True
    )
    (finding,) = [
        f for f in crosscheck(id_record(), {0: reading}, TODAY) if f.code == "IMAGE_ROTATED"
    ]
    assert finding.severity == "warning" and finding.params["degrees"] == 270
    assert "顺时针" in finding.message("zh") and "clockwise" in finding.message("en")


def test_one_misread_character_of_a_long_name_is_could_not_confirm_not_an_alarm() -> None:
    rec = records.from_dict({"holder_type": "organization", "region": "CN", "cert_type": "ORG",
                             "name_zh": "上海奕铢互联网金融信息服务有限公司",
                             "cert_number": "35099027-8"})  # fmt: skip
    read = Value("上海奕铢工联网金融信息服务有限公司", score=0.99, label="机构名称")
    reading = Reading("org_code_certificate", name=read, number=Value("350990278", verified=True))
    (finding,) = crosscheck(rec, {0: reading}, TODAY)
    assert (finding.code, finding.severity) == ("OCR_NAME_UNCONFIRMED", "info")
    assert finding.params["evidence_label_exact"] and finding.params["evidence_confidence"] == 0.99
    assert "工" in finding.message("zh")


def test_a_name_mismatch_is_an_error_only_on_solid_evidence() -> None:
    def severity(**value) -> str:
        reading = Reading("id_front", name=Value("张山", **value))
        return next(f for f in crosscheck(id_record(), {0: reading}, TODAY)).severity

    assert severity(score=0.99, label="姓名") == "error"
    assert severity(score=0.99, label="姓名", label_edits=1) == "warning"  # label misread
    assert severity(score=0.9) == "warning"  # found without its label
    reading = Reading("id_front", name=Value("张山", score=0.99, label="姓名"))
    (finding,) = [
        f for f in crosscheck(id_record(), {0: reading}, TODAY) if f.code != "OCR_UNREADABLE"
    ]
    assert finding.params["evidence_label"] == "姓名"


def test_a_name_read_from_tiny_text_is_could_not_confirm_never_an_alarm() -> None:
    """Text a few pixels tall is read enlarged: a confident misreading there (盛辰 as 盛展 at
    0.98) is no evidence of a typing mistake, so the mismatch is an info "could not confirm"."""

    def name_finding(height: int):
        lines = card("姓名张山", *FRONT, "公民身份号码11010519491231002X", height=height)
        reading = understand(lines)
        return next(f for f in crosscheck(id_record(), {0: reading}, TODAY) if "NAME" in f.code)

    small = name_finding(10)
    assert (small.code, small.severity) == ("OCR_NAME_UNCONFIRMED", "info")
    assert small.params["evidence_text_height"] == 10
    legible = name_finding(30)
    assert (legible.code, legible.severity) == ("OCR_NAME_MISMATCH", "error")


def test_convert_upright_writes_the_turned_copy_and_leaves_the_original(tmp_path) -> None:
    from desktop.core.ocr.upright import certain_turn, convert_upright

    src = tmp_path / "side.png"
    Image.effect_noise((1000, 2200), 60).convert("RGB").save(src)
    before = src.read_bytes()
    result = convert_upright(src, tmp_path / "up.jpg", 90)
    assert result.width > result.height and result.input == src
    assert result.notes == ["ROTATED"] and "90" in result.note_messages("en")[0]
    assert Image.open(tmp_path / "up.jpg").size == (result.width, result.height)
    assert src.read_bytes() == before
    assert certain_turn(Reading("id_front", rotation=90, rotation_certain=True)) == 90
    assert certain_turn(Reading("id_front", rotation=90)) == 0  # not sure: never turned


def test_two_characters_of_a_long_name_read_unsure_is_could_not_confirm() -> None:
    rec = records.from_dict({"holder_type": "organization", "region": "CN", "cert_type": "TYDM",
                             "name_zh": "杭州锦瑞教育咨询股份有限公司",
                             "cert_number": "91350100M000100Y43"})  # fmt: skip
    read = Value("杭州德端教育咨询股份有限公司", score=0.9, label="名称")
    reading = Reading("uscc_certificate", name=read, number=Value("91350100M000100Y43"))
    codes = {f.code: f.severity for f in crosscheck(rec, {0: reading}, TODAY)}
    assert codes == {"OCR_NAME_UNCONFIRMED": "info"}
