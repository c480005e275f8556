"""`realname-precheck batch`: every input kind end to end, per-row results equal to `check`,
cross-record codes, exit codes and the --out reports."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from desktop.cli import main
from tests.batch import portfolio
from tests.batch.portfolio import TODAY

ROOT = Path(__file__).resolve().parents[2]


def batch(capsys, *args: str) -> tuple[int, dict]:
    code = main(["batch", "--json", "--today", TODAY, "--jobs", "1", *args])
    return code, json.loads(capsys.readouterr().out)


def check(capsys, record: dict, tmp_path: Path, name: str = "one.json") -> list[dict]:
    path = tmp_path / name
    path.write_text(json.dumps(record, ensure_ascii=False), encoding="utf-8")
    main(["check", "--json", "--today", TODAY, str(path)])
    return json.loads(capsys.readouterr().out)["findings"]


def codes(result: dict) -> set[str]:
    return {f["code"] for f in result["findings"]}


CROSS = {"DUPLICATE_CERT_NUMBER", "NAME_VARIANT", "DUPLICATE_SCAN"}


def without_cross(findings: list[dict]) -> list[dict]:
    return [f for f in findings if f["code"] not in CROSS]


def test_gbk_csv_with_chinese_headers_equals_check_per_row(tmp_path, capsys) -> None:
    rows = portfolio.people()
    sheet = portfolio.excel_csv(tmp_path / "客户.csv", rows)
    assert "持有者名称".encode("gbk") in sheet.read_bytes()  # really GBK, not UTF-8
    code, out = batch(capsys, str(sheet))
    assert code == 1 and out["records"] == 5 and out["failed"] >= 3
    assert [r["row"] for r in out["results"]] == [2, 3, 4, 5, 6]
    assert out["results"][2]["name"] == "李四"
    for row, result in zip(rows, out["results"], strict=True):
        assert without_cross(result["findings"]) == check(capsys, row, tmp_path)


def test_cross_record_codes(tmp_path, capsys) -> None:
    sheet = portfolio.excel_csv(tmp_path / "a.csv", portfolio.people(), encoding="utf-8-sig")
    _, out = batch(capsys, str(sheet))
    found = [codes(r) & CROSS for r in out["results"]]
    assert found[0] == found[1] == found[2] == {"DUPLICATE_CERT_NUMBER"}
    assert found[3] == found[4] == {"NAME_VARIANT"}
    other = next(f for f in out["results"][2]["findings"] if f["code"] == "DUPLICATE_CERT_NUMBER")
    assert "a.csv:2" in other["message"] and "张三" in other["message"]


def test_same_holder_twice_is_normal(tmp_path, capsys) -> None:
    scan = portfolio.jpeg(tmp_path / "身份证.jpg")
    rows = [portfolio.example(images=[scan.name]),
            portfolio.example(domain="b.cn", images=[scan.name])]  # fmt: skip
    sheet = portfolio.excel_csv(tmp_path / "same.csv", rows)
    _, out = batch(capsys, str(sheet))
    assert all(not (codes(r) & CROSS) for r in out["results"])


def test_one_scan_for_two_holders(tmp_path, capsys) -> None:
    portfolio.jpeg(tmp_path / "scan.jpg")
    (tmp_path / "copy.jpg").write_bytes((tmp_path / "scan.jpg").read_bytes())
    rows = [portfolio.example(images=["scan.jpg"]),
            portfolio.example(name_zh="王五", cert_number="11010519491231002X",
                              images=["copy.jpg"])]  # fmt: skip
    folder = tmp_path / "records"
    folder.mkdir()
    for n, row in enumerate(rows):
        row["images"] = [str(tmp_path / p) for p in row["images"]]
        (folder / f"r{n}.json").write_text(json.dumps(row, ensure_ascii=False), encoding="utf-8")
    _, out = batch(capsys, str(folder), "--jobs", "2")
    assert all("DUPLICATE_SCAN" in codes(r) for r in out["results"])
    assert all(r["row"] is None for r in out["results"])
    for n, result in enumerate(out["results"]):
        assert without_cross(result["findings"]) == check(capsys, rows[n], tmp_path)


def test_xlsx_dates_and_numbers_as_cells(tmp_path, capsys) -> None:
    rows = [*portfolio.people()[:2], portfolio.example(cert_type="NOPE")]
    book = portfolio.xlsx(tmp_path / "portfolio.xlsx", rows)
    code, out = batch(capsys, str(book))
    assert code == 1
    first, _, bad = out["results"]
    assert first["findings"] == check(capsys, rows[0], tmp_path)
    assert codes(bad) == {"RECORD_INVALID"} and "NOPE" in bad["findings"][0]["message"]
    assert bad["row"] == 4


def test_alibaba_profiles_merged_with_verification(tmp_path, capsys) -> None:
    scan = portfolio.jpeg(tmp_path / "scan.jpg").read_bytes()
    folder = tmp_path / "aliyun"
    folder.mkdir()
    portfolio.alibaba(folder, scan)
    before = sorted(p.name for p in tmp_path.rglob("*"))
    code, out = batch(capsys, str(folder))
    assert sorted(p.name for p in tmp_path.rglob("*")) == before  # the image written nowhere
    failed, merged = out["results"]
    assert failed["name"] == "北京星辰云科技有限公司"  # RealNameStatus FAILED comes first
    assert failed["row"] == 2 and merged["row"] == 1
    assert "VERIFICATION_INFO_MISSING" in codes(failed)
    assert not codes(failed) & {"CERT_TYPE_MISSING", "CERT_NUMBER_MISSING"}
    assert "PROVINCE_NAME" not in codes(merged)  # 浙江 is Alibaba's own spelling
    assert "CERT_TYPE_MISSING" not in codes(merged)
    assert any(f["fields"] == ["images[0]"] for f in merged["findings"]) or merged["ok"]
    assert code == (0 if failed["ok"] and merged["ok"] else 1)


def test_alibaba_inline_scan_is_inspected(tmp_path, capsys) -> None:
    folder = tmp_path / "aliyun"
    folder.mkdir()
    portfolio.alibaba(folder, b"not an image at all")
    _, out = batch(capsys, str(folder / "profiles.json"), str(folder / "verification-1001.json"))
    merged = next(r for r in out["results"] if r["name"] == "张三")
    assert any(f["fields"] == ["images[0]"] and f["severity"] == "error"
               for f in merged["findings"])  # fmt: skip


def test_tencent_template_list(tmp_path, capsys) -> None:
    path = portfolio.tencent(tmp_path / "templates.json")
    code, out = batch(capsys, str(path))
    (result,) = out["results"]
    assert result["row"] == 1 and result["name"] == "北京星辰云科技有限公司"
    assert not codes(result) & {"CERT_TYPE_MISSING", "RECORD_INVALID", "CONTACT_FIELD_MISSING"}
    assert code == (0 if result["ok"] else 1)


def test_text_output_names_each_record(tmp_path, capsys) -> None:
    sheet = portfolio.excel_csv(tmp_path / "a.csv", portfolio.people())
    code = main(["batch", "--today", TODAY, "--lang", "en", str(sheet)])
    lines = capsys.readouterr().out.splitlines()
    assert code == 1 and len(lines) == 6
    assert lines[0].startswith("✗ ") and "a.csv:2 张三" in lines[0]
    assert "DUPLICATE_CERT_NUMBER" in lines[0]
    assert lines[-1].startswith("5 records:")


def test_unreadable_input_exits_2(tmp_path, capsys) -> None:
    bad = tmp_path / "x.csv"
    bad.write_bytes(b"\xff\xfe\x00")  # not even UTF-16
    assert main(["batch", str(tmp_path / "missing.csv")]) == 2
    garbage = tmp_path / "g.csv"
    garbage.write_bytes(bytes(range(128, 256)) * 3)
    assert main(["batch", str(garbage)]) == 2
    headerless = tmp_path / "h.csv"
    headerless.write_text("a,b\n1,2\n", encoding="utf-8")
    assert main(["batch", str(headerless)]) == 2
    assert "no recognisable header" in capsys.readouterr().err


def test_broken_file_in_folder_is_one_invalid_row(tmp_path, capsys) -> None:
    (tmp_path / "good.json").write_text(json.dumps(portfolio.example()), encoding="utf-8")
    (tmp_path / "bad.json").write_text("{not json", encoding="utf-8")
    code, out = batch(capsys, str(tmp_path))
    assert code == 1 and out["records"] == 2
    assert codes(out["results"][0]) == {"RECORD_INVALID"}


def test_never_writes_over_an_input(tmp_path, capsys) -> None:
    sheet = portfolio.excel_csv(tmp_path / "a.csv", portfolio.people())
    before = sheet.read_bytes()
    assert main(["batch", str(sheet), "--out", str(sheet)]) == 2
    assert sheet.read_bytes() == before
    assert "over an input" in capsys.readouterr().err


@pytest.mark.parametrize("suffix", [".html", ".pdf"])
def test_portfolio_report(tmp_path, capsys, suffix: str) -> None:
    sheet = portfolio.excel_csv(tmp_path / "a.csv", portfolio.people())
    out = tmp_path / f"report{suffix}"
    args = ["batch", "--today", TODAY, str(sheet), "--out", str(out)]
    if suffix == ".pdf":  # its own process, as a user runs it: the PDF starts a QApplication
        done = subprocess.run([sys.executable, "-m", "desktop.cli", *args], capture_output=True,
                              text=True, cwd=ROOT, timeout=120)  # fmt: skip
        assert done.returncode == 1, done.stderr
    else:
        assert main(args) == 1
    data = out.read_bytes()
    if suffix == ".pdf":
        assert data.startswith(b"%PDF") and len(data) > 5000
    else:
        text = data.decode("utf-8")
        assert "DUPLICATE_CERT_NUMBER" in text and "a.csv:4 · 李四" in text


def test_fixed_csv_applies_safe_fixes_and_reads_back(tmp_path, capsys) -> None:
    rows = portfolio.people()
    rows[0]["cert_number"] = "１１０１０１１９９００３０７１２３３"  # full-width digits: safe fix
    sheet = portfolio.excel_csv(tmp_path / "a.csv", rows, encoding="utf-8")
    fixed = tmp_path / "out" / "fixed.csv"
    fixed.parent.mkdir()
    main(["batch", "--today", TODAY, str(sheet), "--out", str(fixed)])
    capsys.readouterr()
    text = fixed.read_bytes().decode("utf-8-sig")
    assert "110101199003071233" in text and "１１０１" not in text
    _, out = batch(capsys, str(fixed))
    assert out["records"] == 5
    assert "CERT_NUMBER_FULLWIDTH" not in codes(out["results"][0])


def test_ocr_unavailable_exits_2(tmp_path, capsys, monkeypatch) -> None:
    from desktop.core.ocr import engine

    monkeypatch.setattr(engine, "available", lambda: False)
    sheet = portfolio.excel_csv(tmp_path / "a.csv", portfolio.people()[:1])
    assert main(["batch", "--ocr", str(sheet)]) == 2
    assert "scan reading is not installed" in capsys.readouterr().err


def test_ocr_reads_like_check(tmp_path, capsys) -> None:
    from desktop.core.ocr import engine

    if not engine.available():
        pytest.skip("the ocr extra is not installed")
    portfolio.jpeg(tmp_path / "card.jpg")
    row = portfolio.example(images=["card.jpg"])
    sheet = portfolio.excel_csv(tmp_path / "a.csv", [row])
    _, out = batch(capsys, "--ocr", str(sheet))
    path = tmp_path / "one.json"
    path.write_text(json.dumps(row, ensure_ascii=False), encoding="utf-8")
    main(["check", "--json", "--ocr", "--today", TODAY, str(path)])
    assert out["results"][0]["findings"] == json.loads(capsys.readouterr().out)["findings"]
