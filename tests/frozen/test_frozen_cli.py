"""The built ``realname-precheck`` executable: version, example records, check exit codes and JSON.

Where the output depends on rules, the frozen program must print exactly what the source prints.
"""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest
from PIL import Image

from desktop import __version__
from tests.frozen.conftest import ROOT, run

pytestmark = pytest.mark.slow


def test_version(cli: Path) -> None:
    result = run(cli, "--version")
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == f"realname-precheck {__version__}"


@pytest.mark.parametrize("kind", ["individual", "organization"])
def test_good_example_passes(cli: Path, tmp_path: Path, kind: str) -> None:
    record = tmp_path / f"{kind}.json"
    assert run(cli, "example", "--kind", kind, str(record)).returncode == 0  # bundled resources/
    result = run(cli, "check", "--json", "--lang", "en", "--today", "2026-11-23", str(record))
    assert result.returncode == 0, result.stderr
    out = json.loads(result.stdout)
    assert out["ok"] is True and out["errors"] == 0


@pytest.mark.parametrize("lang", ["zh", "en"])
def test_bad_record_fails_with_findings(cli: Path, tmp_path: Path, lang: str) -> None:
    data = json.loads(run(cli, "example", "--kind", "individual").stdout)
    data.update(cert_number="110101199003071234", name_en="Zhang·San")  # wrong check digit
    record = tmp_path / "bad.json"
    record.write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")
    result = run(cli, "check", "--json", "--lang", lang, "--today", "2026-11-23", str(record))
    assert result.returncode == 1, result.stderr
    out = json.loads(result.stdout)
    assert out["ok"] is False and "NAME_EN_PUNCTUATION" in {f["code"] for f in out["findings"]}
    assert all(f["message"] and f["registry_message"] for f in out["findings"])
    assert out == json.loads(from_source("check", "--json", "--lang", lang, "--today",
                                         "2026-11-23", str(record)).stdout)  # fmt: skip


def test_readable_report_matches_source(cli: Path, tmp_path: Path) -> None:
    record = tmp_path / "record.json"
    data = json.loads(run(cli, "example").stdout)
    record.write_text(json.dumps({**data, "name_zh": ""}, ensure_ascii=False), encoding="utf-8")
    result = run(cli, "check", "--today", "2026-11-23", str(record))
    assert result.returncode == 1
    assert "NAME_MISSING" in result.stdout
    assert result.stdout == from_source("check", "--today", "2026-11-23", str(record)).stdout


def test_unreadable_record_is_one_line(cli: Path, tmp_path: Path) -> None:
    record = tmp_path / "broken.json"
    record.write_text("{not json", encoding="utf-8")
    result = run(cli, "check", str(record))
    assert result.returncode == 2
    assert result.stderr.startswith("realname-precheck: ") and "Traceback" not in result.stderr


def from_source(*args: str) -> subprocess.CompletedProcess[str]:
    """The same command run from the source tree."""
    cmd = [sys.executable, "-m", "desktop.cli", *args]
    return subprocess.run(cmd, capture_output=True, text=True, encoding="utf-8", cwd=ROOT)


def test_scan_reading_runs_or_says_it_is_not_included(
    cli: Path, frozen_dir: Path, tmp_path: Path
) -> None:
    """``check --ocr``: with REALNAME_BUILD_OCR=1 the engine runs; otherwise one clear line."""
    record = tmp_path / "record.json"
    run(cli, "example", str(record))
    scan = tmp_path / "scan.png"
    Image.new("RGB", (640, 400), "white").save(scan)
    result = run(cli, "check", "--ocr", "--json", "--image", str(scan), str(record), timeout=120)
    if (frozen_dir / "_internal" / "rapidocr").is_dir():
        assert result.returncode in (0, 1), result.stderr
        codes = {f["code"] for f in json.loads(result.stdout)["findings"]}
        assert any(code.startswith("OCR_") for code in codes)
    else:
        assert result.returncode == 2
        assert result.stderr.count("\n") == 1 and "Traceback" not in result.stderr


def test_batch_gbk_csv_and_xlsx_like_the_source(cli: Path, tmp_path: Path) -> None:
    """The standalone command reads a GBK sheet and writes the annotated workbook (openpyxl
    and the Chinese codecs are bundled); PDF needs Qt, which this executable leaves out."""
    from tests.batch import portfolio

    sheet = portfolio.excel_csv(tmp_path / "客户.csv", portfolio.people())
    args = ("batch", "--json", "--today", "2026-11-23", "--jobs", "2", str(sheet))
    result = run(cli, *args, "--out", str(tmp_path / "report.xlsx"))
    assert result.returncode == 1, result.stderr
    assert json.loads(result.stdout) == json.loads(from_source(*args).stdout)
    assert (tmp_path / "report.xlsx").read_bytes()[:2] == b"PK"
    pdf = run(cli, "batch", str(sheet), "--out", str(tmp_path / "r.pdf"))
    assert pdf.returncode == 2 and "no PDF" in pdf.stderr and "Traceback" not in pdf.stderr


def test_record_piped_in_is_read_as_utf8(cli: Path) -> None:
    """``check -``: UTF-8 bytes on stdin (BOM or not), whatever the ANSI code page (936 under
    the Wine tests, as on a Chinese Windows); garbled text would no longer match the source."""
    data = json.loads(run(cli, "example").stdout)
    data.update(address="浙江省杭州市西湖区文三路90号", name_en="Zhang·San")
    for bom in (b"", b"\xef\xbb\xbf"):
        piped = bom + json.dumps(data, ensure_ascii=False).encode("utf-8")
        args = ["check", "--json", "--lang", "zh", "--today", "2026-11-23", "-"]
        result = subprocess.run([str(cli), *args], input=piped, capture_output=True, timeout=60)
        assert result.returncode == 1, result.stderr.decode("utf-8", "replace")
        expected = subprocess.run([sys.executable, "-m", "desktop.cli", *args], input=piped,
                                  capture_output=True, cwd=ROOT)  # fmt: skip
        assert json.loads(result.stdout) == json.loads(expected.stdout)


@pytest.mark.parametrize("kind", ["individual", "organization"])
def test_same_findings_as_the_source_under_a_chinese_path(cli: Path, tmp_path: Path, kind: str):
    """A record with its scan stored in 客户资料\\张三 (relative path in the record): the built
    program reports exactly what the source does, scan findings included."""
    folder = tmp_path / "客户资料" / "张三"
    folder.mkdir(parents=True)
    data = json.loads(run(cli, "example", "--kind", kind).stdout)
    Image.new("RGB", (300, 200), "white").save(folder / "证件 正面.png")
    data["images"] = ["证件 正面.png"]
    record = folder / "记录.json"
    record.write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")
    args = ["check", "--json", "--lang", "zh", "--today", "2026-11-23", str(record)]
    result = run(cli, *args)
    assert result.returncode == 1, result.stderr  # a PNG of 300x200 is not a compliant scan
    out = json.loads(result.stdout)
    assert any(f["code"].startswith("IMAGE_") for f in out["findings"]), out["findings"]
    assert out == json.loads(from_source(*args).stdout)


def test_record_and_scan_past_the_260_character_limit(cli: Path, tmp_path: Path) -> None:
    """A record and its scan nested deeper than MAX_PATH: read (\\\\?\\ paths on Windows), and the
    findings are the source's."""
    folder = tmp_path.joinpath(*["客户资料 customer records"] * 12)
    folder.mkdir(parents=True)
    assert len(str(folder)) > 300
    data = json.loads(run(cli, "example").stdout)
    Image.new("RGB", (300, 200), "white").save(folder / "scan.png")
    record = folder / "record.json"
    record.write_text(json.dumps({**data, "images": ["scan.png"]}, ensure_ascii=False), "utf-8")
    args = ["check", "--json", "--lang", "en", "--today", "2026-11-23", str(record)]
    result = run(cli, *args)
    assert result.returncode == 1, result.stderr
    out = json.loads(result.stdout)
    assert out == json.loads(from_source(*args).stdout)
    assert not {f["code"] for f in out["findings"]} & {"IMAGE_MISSING", "IMAGE_UNREADABLE"}
