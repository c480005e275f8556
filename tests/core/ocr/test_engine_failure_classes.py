"""The failure classes of real scans on generated ones, read by the engine (issue 10)."""

from __future__ import annotations

import pytest

from desktop.core.ocr import engine, scan

pytestmark = pytest.mark.skipif(not engine.available(), reason="the ocr extra is not installed")


def test_an_upside_down_card_is_read_upright(scans) -> None:
    path, truth = scans["id_upside_down"]
    reading = scan.read_scan(path)
    assert (reading.kind, reading.name.text, reading.number.text) == (
        "id_front",
        truth.name,
        truth.number,
    )
    assert (reading.rotation, reading.rotation_certain) == (180, True)


def test_a_low_resolution_card(scans) -> None:
    path, truth = scans["id_lowres"]
    reading = scan.read_scan(path)
    assert reading.kind == "id_front"
    assert reading.number.text == truth.number


def test_a_small_scan_is_enlarged_for_the_recogniser(scans, make_ocr_set) -> None:
    """A passport page 320 px wide: read as it is, the name 曾文儀 comes out 曾文值; enlarged
    to a normal scan's size first, it is read right (boxes stay in the scan's pixels)."""
    import random

    image, truth = make_ocr_set.passport(random.Random(16))
    small = make_ocr_set.low_resolution(image)
    assert max(small.size) < engine.SMALL_SIDE
    lines = engine.get_engine().read(small)
    assert max(line.box[2] for line in lines) <= small.width + 2  # boxes in the scan's pixels
    path = scans["id_front"][0].with_name("passport_small.jpg")
    small.save(path, quality=90)
    reading = scan.read_scan(path)
    assert (reading.name.text, reading.number.text) == (truth.name, truth.number)


def test_a_sideways_two_column_licence(scans) -> None:
    path, truth = scans["licence_sideways"]
    reading = scan.read_scan(path)
    assert (reading.kind, reading.rotation) == ("business_licence", 90)
    assert reading.number.text == truth.number
    tidy = str.maketrans("（）", "()")
    assert reading.name.text.translate(tidy) == truth.company.translate(tidy)


def test_a_damaged_mrz_character_is_repaired_by_the_check_digit(scans) -> None:
    path, truth = scans["passport_damaged"]
    reading = scan.read_scan(path)
    assert (reading.number.text, reading.number.verified) == (truth.number, True)
