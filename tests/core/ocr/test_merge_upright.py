"""Issue 12: "Merge front and back" turns each side upright, as its text reads (ocr extra).

Each side is straightened and turned by the same code as "Straighten"; the merged file is read
back with the OCR engine, one face at a time, and each must read upright with no further turn.
"""

from __future__ import annotations

import json
import random
from pathlib import Path

import pytest
from PIL import Image

from desktop.cli import main
from desktop.core.capture import files
from desktop.core.ocr import engine
from desktop.core.ocr.document import understand
from desktop.core.ocr.orient import read_upright
from tests import capture_factory as cf
from tests import merged_page

needs_ocr = pytest.mark.skipif(not engine.available(), reason="the ocr extra is not installed")
REAL = Path("/work/shared/ocr-real")


@pytest.fixture(scope="module")
def lying_sides(make_ocr_set, tmp_path_factory) -> tuple[Path, Path, object]:
    """Desk photos of a generated ID card: the front on its side (a quarter turn clockwise),
    the back upside down."""
    rng = random.Random(1216)
    front, truth = make_ocr_set.id_front(rng)
    back, _ = make_ocr_set.id_back(rng)
    folder = tmp_path_factory.mktemp("sides")
    paths = folder / "侧放的正面.jpg", folder / "倒置的反面.jpg"
    cf.desk_photo("wood", 3, doc=front.rotate(-90, expand=True), tilt=12).image.save(paths[0])
    cf.desk_photo("dark", 5, doc=back.rotate(180), tilt=10).image.save(paths[1], quality=92)
    return *paths, truth


def faces(path: Path) -> tuple[Image.Image, Image.Image]:
    with Image.open(path) as im:
        return merged_page.faces(im)


def read(face: Image.Image):
    """The face read as the scan reader reads a file: turned upright if it needs to be."""
    return read_upright(face, engine.get_engine().read, understand)


@needs_ocr
def test_merge_turns_each_side_upright(lying_sides, tmp_path) -> None:
    front, back, truth = lying_sides
    originals = front.read_bytes(), back.read_bytes()
    result = files.merge_files(front, back, tmp_path / "正反面.jpg")
    assert result.notes == ["FRONT_ROTATED", "BACK_ROTATED"]
    turned = {"FRONT_ROTATED": {"degrees": 90}, "BACK_ROTATED": {"degrees": 180}}
    assert result.note_params == turned
    top, bottom = faces(result.output)
    assert top.width > top.height and bottom.width > bottom.height  # both cards landscape
    on_top, below = read(top), read(bottom)
    assert (on_top.kind, on_top.rotation, on_top.name.text) == ("id_front", 0, truth.name)
    assert (below.kind, below.rotation) == ("id_back", 0)
    assert (front.read_bytes(), back.read_bytes()) == originals


@needs_ocr
def test_convert_merge_reports_each_side(lying_sides, tmp_path, capsys) -> None:
    front, back, _ = lying_sides
    out = tmp_path / "merged.jpg"
    args = ["convert", "--merge", str(front), str(back), "-o", str(out), "--lang", "en"]
    assert main([*args, "--json"]) == 0
    [entry] = json.loads(capsys.readouterr().out)
    turned = {"FRONT_ROTATED": {"degrees": 90}, "BACK_ROTATED": {"degrees": 180}}
    assert entry["note_params"] == turned
    assert "front" in entry["messages"][0] and "back" in entry["messages"][1]
    assert all(face.width > face.height for face in faces(out))


def test_merge_without_the_extra_guesses_no_turn(monkeypatch, tmp_path) -> None:
    monkeypatch.setattr(engine, "available", lambda: False)
    front, back = tmp_path / "front.jpg", tmp_path / "back.jpg"
    cf.desk_photo("dark", 1).image.save(front, quality=90)
    cf.desk_photo("paper", 2).image.save(back, quality=90)
    result = files.merge_files(front, back, tmp_path / "out.jpg")
    assert result.notes == ["ORIENTATION_UNCHECKED"]
    assert "not checked" in result.note_messages("en")[0]


def test_known_turns_are_applied_without_reading(monkeypatch, tmp_path) -> None:
    """The window passes the turns it has already read: nothing is read again."""
    monkeypatch.setattr(engine, "get_engine", lambda: pytest.fail("read again"))
    front, back = tmp_path / "front.jpg", tmp_path / "back.jpg"
    cf.desk_photo("dark", 1).image.save(front, quality=90)
    cf.desk_photo("paper", 2).image.save(back, quality=90)
    result = files.merge_files(front, back, tmp_path / "out.jpg", turns=(0, 90))
    assert result.notes == ["BACK_ROTATED"] and result.note_params["BACK_ROTATED"]["degrees"] == 90
    top, bottom = faces(result.output)
    assert top.width > top.height and bottom.height > bottom.width  # the landscape back, turned


@needs_ocr
@pytest.mark.skipif(not REAL.is_dir(), reason="the real documents are not on this machine")
def test_real_upside_down_front_and_sideways_back_merge_upright(tmp_path) -> None:
    front, back = REAL / "01_idf_daiyongming_rot180.jpg", REAL / "15_idb_longhai_rot90.jpg"
    if not (front.exists() and back.exists()):
        pytest.skip("the real ID card pair is not on this machine")
    result = files.merge_files(front, back, tmp_path / "out.jpg")
    assert result.note_params["FRONT_ROTATED"] == {"degrees": 180}
    assert result.note_params["BACK_ROTATED"]["degrees"] in (90, 270)
    top, bottom = faces(result.output)
    on_top, below = read(top), read(bottom)
    assert (on_top.kind, on_top.rotation, on_top.name.text) == ("id_front", 0, "代用名")
    assert (below.kind, below.rotation) == ("id_back", 0)
    assert 56320 <= result.bytes <= 1_000_000
