"""``convert --straighten`` and ``convert --merge FRONT BACK -o OUT`` through the real CLI."""

from __future__ import annotations

import json

from desktop.cli import main
from desktop.core.ocr import engine
from tests import capture_factory as cf


def test_straighten_writes_beside_the_photo(tmp_path, capsys) -> None:
    src = tmp_path / "photo.jpg"
    cf.desk_photo("wood", 1).image.save(src, quality=90)
    assert main(["convert", "--straighten", str(src), "--json", "--lang", "en"]) == 0
    [entry] = json.loads(capsys.readouterr().out)
    assert entry["output"] == str(tmp_path / "photo_straight_cnnic.jpg")
    assert entry["width"] > entry["height"] and 56320 <= entry["bytes"] <= 1_000_000
    assert "CUT_OFF" not in entry["notes"]  # the whole card is in the photo


def test_straighten_names_the_edges_a_cut_off_card_runs_past(tmp_path, capsys) -> None:
    """The copy keeps the cut (blank there); the output says which edges, text and --json."""
    src = tmp_path / "裁切照片.jpg"
    cf.desk_photo("cut_off", 0).image.save(src, quality=90)
    assert main(["convert", "--straighten", str(src), "--lang", "zh"]) == 0
    out = capsys.readouterr().out
    assert "裁切照片_straight_cnnic.jpg" in out
    assert "证件超出了照片的上、右、下边缘" in out and "重新拍" in out
    args = ["convert", "--straighten", str(src), "--json", "--lang", "en", "--force"]
    assert main(args) == 0
    [entry] = json.loads(capsys.readouterr().out)
    assert "CUT_OFF" in entry["notes"]
    assert entry["note_params"]["CUT_OFF"] == {
        "edges": "top, right, bottom",
        "edges_zh": "上、右、下",
    }
    cut = [m for m in entry["messages"] if "(top, right, bottom)" in m]
    assert cut and "new photo" in cut[0]
    assert (tmp_path / "裁切照片_straight_cnnic.jpg").exists()


def test_merge_needs_two_inputs_and_an_output(tmp_path, capsys) -> None:
    src = tmp_path / "a.jpg"
    cf.desk_photo("dark", 0).image.save(src)
    assert main(["convert", "--merge", str(src), "-o", str(tmp_path / "m.jpg")]) == 2
    assert "--merge takes two inputs" in capsys.readouterr().err


def test_merge_front_and_back(tmp_path, capsys, monkeypatch) -> None:
    monkeypatch.setattr(engine, "available", lambda: False)  # turns: test_merge_upright.py
    front, back = tmp_path / "正面.jpg", tmp_path / "反面.jpg"
    cf.desk_photo("dark", 1).image.save(front, quality=90)
    cf.desk_photo("paper", 2).image.save(back, quality=90)
    out = tmp_path / "身份证 正反面.jpg"
    assert main(["convert", "--merge", str(front), str(back), "-o", str(out)]) == 0
    assert out.exists() and "身份证 正反面.jpg" in capsys.readouterr().out
    assert main(["convert", "--merge", str(front), str(back), "-o", str(out)]) == 2
    assert "已存在" in capsys.readouterr().err
