"""Without the ocr extra everything else works, and ``check --ocr`` says how to enable it."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from desktop.cli import main
from desktop.core.ocr import engine


def test_check_ocr_without_the_extra_exits_2_with_the_install_hint(
    tmp_path: Path, capsys, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(engine, "available", lambda: False)
    monkeypatch.setattr(engine, "_engine", None)
    scan = tmp_path / "scan.jpg"
    scan.write_bytes(b"\xff\xd8\xff")
    record = {"holder_type": "individual", "name_zh": "张三", "images": [str(scan)]}
    (tmp_path / "r.json").write_text(json.dumps(record, ensure_ascii=False), encoding="utf-8")
    code = main(["check", str(tmp_path / "r.json"), "--ocr"])
    err = capsys.readouterr().err
    assert code == 2
    assert err.strip().count("\n") == 0
    assert 'pip install "realname-precheck[ocr]"' in err


def test_check_without_ocr_never_loads_the_engine(tmp_path: Path, capsys, monkeypatch) -> None:
    monkeypatch.setattr(engine, "available", lambda: False)
    record = {"holder_type": "individual", "name_zh": "张三"}
    (tmp_path / "r.json").write_text(json.dumps(record, ensure_ascii=False), encoding="utf-8")
    assert main(["check", str(tmp_path / "r.json")]) in (0, 1)
    assert "realname-precheck[ocr]" not in capsys.readouterr().err


def test_the_window_can_say_how_to_enable_scan_reading() -> None:
    from desktop.core.ocr.scan import not_installed

    note = not_installed()
    assert note.severity == "info"
    assert 'pip install "realname-precheck[ocr]"' in note.message("zh")
    assert note.message("en").startswith("Scan reading (offline text recognition) is not")


def test_the_frozen_app_names_the_edition_in_plain_words(monkeypatch) -> None:
    from desktop.core.ocr.scan import not_installed

    monkeypatch.setattr("sys.frozen", True, raising=False)
    note = not_installed()
    assert "“含扫描件识别”的版本" in note.message("zh")
    assert "edition “with scan reading”" in note.message("en")
    for lang in ("zh", "en"):
        assert "REALNAME_BUILD_OCR" not in note.message(lang) and "pip" not in note.message(lang)
    assert note.params["command"] == ""
