"""`realname-precheck check`: exit codes, JSON shape, readable report, malformed input."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from desktop import __version__
from desktop.cli import main
from desktop.commands.example import example_text

JSON_KEYS = {"code", "severity", "fields", "message", "registry_message", "fix"}


def write(tmp_path: Path, data: object, name: str = "record.json") -> Path:
    path = tmp_path / name
    text = data if isinstance(data, str) else json.dumps(data, ensure_ascii=False)
    path.write_text(text, encoding="utf-8")
    return path


def example(kind: str = "individual", **overrides: object) -> dict:
    return {**json.loads(example_text(kind)), **overrides}


def run_json(capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, dict]:
    code = main(["check", "--json", "--today", "2026-11-23", *args])
    return code, json.loads(capsys.readouterr().out)


@pytest.mark.parametrize("kind", ["individual", "organization"])
def test_good_example_exits_zero(tmp_path: Path, capsys, kind: str) -> None:
    code, out = run_json(capsys, str(write(tmp_path, example(kind))))
    assert code == 0
    assert out["ok"] is True and out["errors"] == 0
    assert {f["severity"] for f in out["findings"]} <= {"warning", "info"}


def test_bad_record_exits_one_with_every_finding(tmp_path: Path, capsys) -> None:
    record = example(
        cert_number="11010519491231002Ｘ", name_en="Zhang·San", cert_issue_date="2026-11-20"
    )
    code, out = run_json(capsys, str(write(tmp_path, record)))
    assert code == 1 and out["ok"] is False
    assert out["errors"] == sum(f["severity"] == "error" for f in out["findings"])
    assert out["warnings"] == sum(f["severity"] == "warning" for f in out["findings"])
    found = {f["code"] for f in out["findings"]}
    assert {"NAME_EN_PUNCTUATION", "CERT_NEWLY_ISSUED"} <= found
    for f in out["findings"]:
        assert set(f) >= JSON_KEYS and f["message"]
    severities = [f["severity"] for f in out["findings"]]
    assert severities == sorted(severities, key=["error", "warning", "info"].index)


def test_english_messages(tmp_path: Path, capsys) -> None:
    _, out = run_json(capsys, "--lang", "en", str(write(tmp_path, example(name_zh=""))))
    missing = next(f for f in out["findings"] if f["code"] == "NAME_MISSING")
    assert missing["message"].startswith("Enter the holder name")
    assert missing["registry_message"] == "Registrant contact information invalid"


def test_readable_report_groups_by_field(tmp_path: Path, capsys) -> None:
    path = write(tmp_path, example(name_zh="", email=""))
    assert main(["check", "--lang", "en", str(path)]) == 1
    out = capsys.readouterr().out
    assert "[Holder name (Chinese)]" in out and "NAME_MISSING" in out
    assert "would be rejected" in out


def test_missing_image_is_reported(tmp_path: Path, capsys) -> None:
    path = write(tmp_path, example(images=["扫描件/身份证 正面.jpg"]))
    code, out = run_json(capsys, str(path))
    f = next(f for f in out["findings"] if f["code"] == "IMAGE_MISSING")
    assert code == 1 and f["fields"] == ["images[0]"]


@pytest.mark.parametrize(
    ("content", "reason"),
    [
        ("{not json", "not valid JSON"),
        ("[1, 2]", "must be a JSON object"),
        ('{"holder_typ": "individual"}', "unknown key(s) in record: holder_typ"),
        ('{"cert_type": "XYZ"}', "unknown certificate code: XYZ"),
        ('{"special_occupation": "yes"}', "special_occupation must be true or false"),
        ('{"images": "a.jpg"}', "images must be a list"),
        ('{"name_zh": 5}', "name_zh must be a string"),
    ],
)
def test_malformed_records_exit_two_with_one_line(
    tmp_path: Path, capsys, content: str, reason: str
) -> None:
    assert main(["check", str(write(tmp_path, content))]) == 2
    err = capsys.readouterr().err
    assert reason in err and err.count("\n") == 1 and "Traceback" not in err


def test_not_utf8_and_missing_file(tmp_path: Path, capsys) -> None:
    path = tmp_path / "gbk.json"
    path.write_bytes('{"name_zh": "张三"}'.encode("gbk"))
    assert main(["check", str(path)]) == 2
    assert "not UTF-8" in capsys.readouterr().err
    assert main(["check", str(tmp_path / "nope.json")]) == 2
    assert "not found" in capsys.readouterr().err


def test_utf8_bom_and_chinese_path(tmp_path: Path, capsys) -> None:
    path = tmp_path / "客户 资料" / "记录.json"
    path.parent.mkdir()
    path.write_bytes(b"\xef\xbb\xbf" + example_text("individual").encode("utf-8"))
    assert main(["check", "--today", "2026-11-23", str(path)]) == 0


@pytest.mark.parametrize("bom", [b"", b"\xef\xbb\xbf"])
def test_stdin_is_utf8_whatever_the_code_page(monkeypatch, capsys, bom: bytes) -> None:
    """``check -`` on a Chinese Windows: stdin's text layer says cp936, the bytes are UTF-8."""
    import io

    data = example(address="浙江省杭州市西湖区文三路90号")
    raw = bom + json.dumps(data, ensure_ascii=False).encode("utf-8")
    from desktop.commands import check

    def cp936_stdin() -> io.TextIOWrapper:
        return io.TextIOWrapper(io.BytesIO(raw), encoding="cp936")

    monkeypatch.setattr(sys, "stdin", cp936_stdin())
    record, _ = check._read("-")
    assert record.address == "浙江省杭州市西湖区文三路90号"  # not "娴欐睙鐪..."
    monkeypatch.setattr(sys, "stdin", cp936_stdin())
    assert main(["check", "--json", "--today", "2026-11-23", "-"]) == 0
    assert json.loads(capsys.readouterr().out)["ok"] is True


def test_stdin_not_utf8_is_one_line(monkeypatch, capsys) -> None:
    import io

    raw = json.dumps(example(), ensure_ascii=False).encode("gbk")
    monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO(raw), encoding="cp936"))
    assert main(["check", "-"]) == 2
    assert "not UTF-8" in capsys.readouterr().err


@pytest.mark.parametrize(
    "args", [["check"], ["check", "a.json", "--today", "2026-13-01"], ["frobnicate"], []]
)
def test_bad_arguments_exit_two(capsys, args: list[str]) -> None:
    assert main(args) == 2


def test_example_command_writes_a_checkable_record(tmp_path: Path, capsys) -> None:
    out = tmp_path / "new.json"
    assert main(["example", str(out)]) == 0
    assert main(["example", str(out)]) == 2  # refuses to overwrite
    assert main(["check", "--today", "2026-11-23", str(out)]) == 0


def test_version_and_process_exit_codes(tmp_path: Path) -> None:
    run = [sys.executable, "-m", "desktop.cli"]
    version = subprocess.run([*run, "--version"], capture_output=True, text=True)
    assert version.returncode == 0 and __version__ in version.stdout
    bad = subprocess.run([*run, "check", str(write(tmp_path, "{"))], capture_output=True, text=True)
    assert bad.returncode == 2 and "Traceback" not in bad.stderr


@pytest.mark.parametrize(
    ("env", "lang"),
    [({"LANG": "zh_CN.UTF-8"}, "zh"), ({"LANG": "zh_TW.UTF-8"}, "zh"),
     ({"LANG": "en_US.UTF-8"}, "en"), ({"LANG": "C.UTF-8"}, "en"), ({}, "en"),
     ({"LANG": "zh_CN.UTF-8", "LC_ALL": "de_DE.UTF-8"}, "en"),
     ({"LANG": "en_GB.UTF-8", "LC_MESSAGES": "zh_CN.UTF-8"}, "zh")],
)  # fmt: skip
def test_language_follows_the_system_locale(tmp_path, capsys, monkeypatch, env, lang) -> None:
    for name in ("LC_ALL", "LC_MESSAGES", "LANG"):
        monkeypatch.delenv(name, raising=False)
    for name, value in env.items():
        monkeypatch.setenv(name, value)
    path = write(tmp_path, example(cert_number="110101199003071234"))
    assert main(["check", "--today", "2026-11-23", str(path)]) == 1
    out = capsys.readouterr().out
    expected = "1 error, 0 warnings: would be rejected" if lang == "en" else "1 个错误，0 个警告"
    assert expected in out


def test_lang_option_overrides_the_locale(tmp_path, capsys, monkeypatch) -> None:
    monkeypatch.setenv("LANG", "en_US.UTF-8")
    path = write(tmp_path, example(cert_number="110101199003071234"))
    main(["check", "--lang", "zh", "--today", "2026-11-23", str(path)])
    assert "1 个错误" in capsys.readouterr().out


def test_messages_never_send_a_terminal_user_to_a_window_button() -> None:
    from desktop.core import rules

    for code, spec in rules.messages().items():
        for lang in ("zh", "en"):
            text = spec[lang]
            assert "Use Convert" not in text and "use Convert" not in text, code
            assert "请用“转换”" not in text and "本软件的“转换”" not in text, code
