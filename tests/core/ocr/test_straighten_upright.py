"""Issue 12: "Straighten" writes an upright document, turned as its text reads (ocr extra).

The orientation of each output is checked by reading it again with the OCR engine: the card's
name and number come out of the straightened file without any further turn.
"""

from __future__ import annotations

import json
import random
from pathlib import Path

import pytest
from PIL import Image

from desktop.cli import main
from desktop.core.capture import files
from desktop.core.ocr import engine, scan
from tests import capture_factory as cf

needs_ocr = pytest.mark.skipif(not engine.available(), reason="the ocr extra is not installed")
REAL = Path("/work/shared/ocr-real")


@pytest.fixture(scope="module")
def sideways_photo(make_ocr_set, tmp_path_factory) -> tuple[Path, object]:
    """A generated ID card lying sideways (a quarter turn clockwise) on a wooden desk."""
    card, truth = make_ocr_set.id_front(random.Random(1212))
    lying = card.rotate(-90, expand=True)
    sample = cf.desk_photo("wood", 3, doc=lying, tilt=12)
    path = tmp_path_factory.mktemp("sideways") / "侧放的身份证.jpg"
    sample.image.save(path, quality=92)
    return path, truth


def reads_upright(path: Path, truth) -> bool:
    """The engine reads the card's name and number with no turn of its own."""
    reading = scan.read_scan(path)
    return (reading.rotation, reading.name.text if reading.name else None) == (0, truth.name)


@needs_ocr
def test_straighten_turns_a_sideways_card_upright(sideways_photo, tmp_path) -> None:
    src, truth = sideways_photo
    original = src.read_bytes()
    result = files.straighten_file(src, tmp_path / "out.jpg")
    assert result.notes == ["ROTATED"] and result.note_params["ROTATED"] == {"degrees": 90}
    assert result.width > result.height  # an ID card is landscape once upright
    assert reads_upright(result.output, truth)
    assert src.read_bytes() == original


@needs_ocr
def test_an_upright_card_is_not_turned(make_ocr_set, tmp_path) -> None:
    card, truth = make_ocr_set.id_front(random.Random(1213))
    src = tmp_path / "card.jpg"
    cf.desk_photo("dark", 4, doc=card, tilt=10).image.save(src, quality=92)
    result = files.straighten_file(src, tmp_path / "out.jpg")
    assert result.notes == [] and reads_upright(result.output, truth)


@needs_ocr
def test_convert_straighten_reports_the_turn(sideways_photo, tmp_path, capsys) -> None:
    src, truth = sideways_photo
    out = tmp_path / "upright.jpg"
    args = ["convert", "--straighten", str(src), "-o", str(out), "--lang", "en"]
    assert main([*args, "--json"]) == 0
    [entry] = json.loads(capsys.readouterr().out)
    assert entry["notes"] == ["ROTATED"] and entry["note_params"] == {"ROTATED": {"degrees": 90}}
    assert "turned 90° counter-clockwise" in entry["messages"][0]
    assert reads_upright(out, truth)
    assert main([*args, "--force"]) == 0
    assert "turned 90° counter-clockwise" in capsys.readouterr().out


def test_without_the_extra_nothing_is_guessed(monkeypatch, tmp_path) -> None:
    monkeypatch.setattr(engine, "available", lambda: False)
    src = tmp_path / "photo.jpg"
    sample = cf.desk_photo("wood", 1)
    sample.image.save(src, quality=90)
    result = files.straighten_file(src, tmp_path / "out.jpg")
    assert result.notes == ["ORIENTATION_UNCHECKED"]
    assert "not checked" in result.note_messages("en")[0]
    assert result.width > result.height  # as the photo shows it: the generated card is landscape


@needs_ocr
@pytest.mark.skipif(not REAL.is_dir(), reason="the real documents are not on this machine")
@pytest.mark.parametrize("name", ["23_lic_xiongchu_rot90.jpg", "15_idb_longhai_rot90.jpg"])
def test_real_sideways_documents_come_out_upright(name, tmp_path) -> None:
    src = REAL / name
    result = files.straighten_file(src, tmp_path / "out.jpg")
    assert "ROTATED" in result.notes
    assert result.width > result.height  # a licence and a card back, both landscape upright
    again = scan.read_scan(result.output)
    assert again.rotation == 0 and again.kind in {"business_licence", "id_back"}
    with Image.open(result.output) as im:
        assert im.size == (result.width, result.height)
