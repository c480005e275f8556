"""The portfolio readers on their own: encodings, headers, cells, sheets, registrar codes."""

from __future__ import annotations

from datetime import datetime
from pathlib import Path

import pytest

from desktop.core.batch import cells, sources
from desktop.core.batch.headers import match_header
from desktop.core.batch.tabular import SourceError, decode_csv
from tests.batch import portfolio


@pytest.mark.parametrize(
    "header, key",
    [("证件号码", "cert_number"), ("ｃｅｒｔ＿ｎｕｍｂｅｒ", "cert_number"), (" E mail ", "email"),
     ("IdentityCredentialNo", "cert_number"), ("ZhProvince", "province"),
     ("持有者名称（中文）", "name_zh"), ("持有者名称(中文)", "name_zh"),
     ("HOLDER TYPE", "holder_type"),
     ("OrganizationNameCN", "name_zh"), ("备注", None)],
)  # fmt: skip
def test_header_matching(header: str, key: str | None) -> None:
    assert match_header(header) == key


@pytest.mark.parametrize("encoding", ["utf-8", "utf-8-sig", "gbk", "gb18030", "utf-16"])
def test_csv_encodings_never_garble(encoding: str) -> None:
    text = "持有者名称（中文）,证件号码\r\n张三,110101199003071233\r\n𠀀某,1\r\n"
    if encoding == "gbk":
        text = text.replace("𠀀", "")  # GBK has no CJK extension B
    assert decode_csv(text.encode(encoding)) == text


def test_semicolon_and_tab_separated(tmp_path: Path) -> None:
    for sep in (";", "\t"):
        path = tmp_path / "s.csv"
        path.write_text(f"姓名{sep}证件号码{sep}电话\n张三{sep}110101199003071233{sep}138\n",
                        encoding="utf-8")  # fmt: skip
        (item,) = sources.read_inputs([path])
        assert item.record.name_zh == "张三" and item.record.phone == "138"


def test_empty_rows_skipped_and_row_numbers_kept(tmp_path: Path) -> None:
    path = tmp_path / "a.csv"
    path.write_text("姓名,证件号码\n张三,1\n,\n李四,2\n", encoding="utf-8")
    assert [i.row for i in sources.read_inputs([path])] == [2, 4]


@pytest.mark.parametrize(
    "cell, reason",
    [(45000, "not a date"), ("#VALUE!", "Excel error"), ("maybe", "expected true/false")],
)
def test_cells_that_cannot_become_values(cell, reason: str) -> None:
    key = "special_occupation" if cell == "maybe" else "cert_expiry_date"
    with pytest.raises(cells.CellError, match=reason):
        cells.record_of({key: cell}, {key: "列"})


def test_cell_values() -> None:
    record = cells.record_of({
        "holder_type": "个人", "cert_type": "居民身份证", "phone": 13800000000.0,
        "cert_expiry_date": datetime(2036, 6, 1), "special_occupation": "否",
        "images": "a.jpg；b.png", "postal_code": 310012,
    })  # fmt: skip
    assert (record.holder_type, record.cert_type, record.phone) == ("individual", "SFZ",
                                                                   "13800000000")  # fmt: skip
    assert record.cert_expiry_date == "2036-06-01" and record.images == ["a.jpg", "b.png"]
    assert record.postal_code == "310012" and record.special_occupation is False


def test_every_sheet_with_a_header(tmp_path: Path) -> None:
    from openpyxl import load_workbook

    path = portfolio.xlsx(tmp_path / "book.xlsx", portfolio.people()[:2])
    book = load_workbook(path)
    book.create_sheet("说明").append(["本表为客户资料"])
    other = book.create_sheet("组织")
    other.append(["持有者名称（中文）", "证件号码"])
    other.append(["北京星辰云科技有限公司", "91110108MA01XY3R01"])
    book.save(path)
    items = sources.read_inputs([path])
    assert [i.source.rsplit("#", 1)[1] for i in items] == ["客户", "客户", "组织"]
    assert [i.row for i in items] == [2, 3, 2]


def test_not_a_workbook(tmp_path: Path) -> None:
    path = tmp_path / "fake.xlsx"
    path.write_bytes(b"PK\x03\x04 truncated")
    with pytest.raises(SourceError):
        sources.read_inputs([path])


def test_tencent_codes_map_to_ours() -> None:
    assert cells.cert_type_of("TWSFZ") == "TWJMTX" and cells.cert_type_of("GWSFZ") == "WJLSFZ"


def test_verification_without_profile_is_reported(tmp_path: Path) -> None:
    folder = tmp_path / "a"
    folder.mkdir()
    _, info = portfolio.alibaba(folder, b"")
    (item,) = sources.read_inputs([info])
    assert item.invalid and "1001" in item.invalid


def test_write_back_to_its_row(tmp_path: Path) -> None:
    from desktop.core.batch.writeback import write_back

    rows = portfolio.people()
    for sheet in (portfolio.excel_csv(tmp_path / "a.csv", rows),
                  portfolio.xlsx(tmp_path / "b.xlsx", rows)):  # fmt: skip
        items = sources.read_inputs([sheet])
        record = items[2].record
        record.name_zh = "李四四"
        write_back(items[2], record)
        again = sources.read_inputs([sheet])
        assert [i.record.name_zh for i in again] == ["张三", "张三", "李四四", *[
            r["name_zh"] for r in rows[3:]]]  # fmt: skip
        assert again[0].columns == items[0].columns  # other rows untouched
        assert again[2].record.cert_expiry_date == rows[2]["cert_expiry_date"]
    assert "李四四".encode("gbk") in (tmp_path / "a.csv").read_bytes()  # still GBK


def test_csv_with_an_enormous_cell_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "n.csv"
    path.write_text('姓名,证件号码\n"' + "张" * 200_000 + '",1\n', encoding="utf-8")
    with pytest.raises(SourceError):
        sources.read_inputs([path])


def test_what_is_a_portfolio_input(tmp_path: Path) -> None:
    import json

    sheet = portfolio.excel_csv(tmp_path / "客户.csv", portfolio.people())
    book = portfolio.xlsx(tmp_path / "b.xlsx", portfolio.people()[:1])
    ali, verification = portfolio.alibaba(tmp_path, portfolio.jpeg(tmp_path / "x.jpg").read_bytes())
    record = tmp_path / "record.json"
    record.write_text(json.dumps(portfolio.example()), encoding="utf-8")
    broken = tmp_path / "broken.json"
    broken.write_bytes(b"\xff{")
    records, scans, empty = tmp_path / "records", tmp_path / "scans", tmp_path / "empty"
    for folder in (records / "sub", scans, empty):
        folder.mkdir(parents=True)
    (records / "sub" / "a.json").write_text(json.dumps(portfolio.example()), encoding="utf-8")
    portfolio.jpeg(scans / "a.JPG")
    (scans / "a.json").write_text("{}", encoding="utf-8")
    yes = [sheet, book, ali, verification, portfolio.tencent(tmp_path / "t.json"), records]
    no = [record, broken, scans, empty, tmp_path / "x.jpg", tmp_path / "missing.csv"]
    assert [sources.is_portfolio_input(p) for p in yes] == [True] * len(yes)
    assert [sources.is_portfolio_input(p) for p in no] == [False] * len(no)
