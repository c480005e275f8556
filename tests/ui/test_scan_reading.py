"""Scan reading in the window: the typed name against the ID card, "Read from scan", no extra.

The OCR tests ask for ``scan_reading`` (tests/ui/conftest.py): they read a generated ID card with
the real engine (about a second) and are skipped when the ``ocr`` extra is not installed.
"""

from __future__ import annotations

import importlib.util
import random
import sys
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QMessageBox

from desktop.core import rules
from desktop.core.ocr import scan
from desktop.core.record import from_dict
from desktop.ui.highlight import severity_of
from desktop.ui.scan_card import ScanCard
from tests import images_factory as factory

ROOT = Path(__file__).resolve().parents[2]
READ_TIMEOUT_MS = 30_000  # engine load (~1–2 s) and one card (~1 s), on a busy 2-core machine


@pytest.fixture(scope="module")
def id_card(tmp_path_factory) -> tuple[Path, object]:
    """A generated resident ID card (photo side) as a JPEG, and its truth (name, number...)."""
    pytest.importorskip("numpy")
    pytest.importorskip("pypinyin")
    spec = importlib.util.spec_from_file_location("make_ocr_set", ROOT / "scripts/make_ocr_set.py")
    generator = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = generator  # its dataclasses look their module up
    spec.loader.exec_module(generator)
    image, truth = generator.id_front(random.Random(2026))
    path = tmp_path_factory.mktemp("id") / "身份证 正面.jpg"
    image.save(path, quality=90)
    return path, truth


def look_alike(name: str) -> str:
    """``name`` with its last character swapped for a look-alike from the core's table."""
    for group in rules.load("confusables_zh")["groups"]:
        if name[-1] in group:
            return name[:-1] + next(c for c in group if c != name[-1])
    raise AssertionError(f"no look-alike for {name[-1]}")


def read_card(qtbot, window, path: Path) -> ScanCard:
    """Add the scan; see it being read, then wait for what was read on it."""
    (card,) = window.scans.add([str(path)])
    qtbot.waitUntil(lambda: card.text_state == "reading", timeout=READ_TIMEOUT_MS)
    assert card.text.isVisible() and card.text.text() == "Reading the text on the scan…"
    assert card.pending
    qtbot.waitUntil(lambda: card.text_state == "read", timeout=READ_TIMEOUT_MS)
    qtbot.waitUntil(lambda: not window.scans.busy)
    return card


def test_a_look_alike_character_is_marked_in_the_field_and_on_the_card(
    qtbot, scan_reading, window, id_card
):
    path, truth = id_card
    typed = look_alike(truth.name)
    window.form.set_record(from_dict({**truth.record, "name_zh": typed}))

    card = read_card(qtbot, window, path)
    with qtbot.waitSignal(window.checked):
        window.run_checks()

    (mismatch,) = [f for f in window.findings if f.code == "OCR_NAME_MISMATCH"]
    assert mismatch.fields == ("name_zh", "images[0]")
    assert severity_of(window.form.editors["name_zh"]) == "error"
    assert severity_of(card) == "error"
    assert mismatch.message("en") in card.messages.text()
    assert mismatch.message("en") in window.form.rows["name_zh"].message.text()
    assert truth.name in card.text.text()
    assert not any(f.code == "OCR_NUMBER_MISMATCH" for f in window.findings)


def test_read_from_scan_fills_empty_fields_after_asking_and_keeps_typed_ones(
    qtbot, scan_reading, window, dialogs, id_card
):
    path, truth = id_card
    typed = look_alike(truth.name)
    window.form.set_record(from_dict({"holder_type": "individual", "name_zh": typed}))
    card = read_card(qtbot, window, path)
    dialogs.answers["question"] = QMessageBox.StandardButton.No

    qtbot.mouseClick(card.fill, Qt.MouseButton.LeftButton)
    assert window.form.record().cert_number == ""  # not confirmed: nothing changes

    dialogs.answers["question"] = QMessageBox.StandardButton.Yes
    qtbot.mouseClick(card.fill, Qt.MouseButton.LeftButton)
    asked = dialogs.calls[-1][1][2]
    assert truth.number in asked and typed in asked and truth.name in asked
    record = window.form.record()
    assert (record.cert_type, record.cert_number) == ("SFZ", truth.number)
    assert record.name_zh == typed  # typed values are never replaced


def test_without_the_extra_the_scan_area_says_how_to_enable_reading(qtbot, window, tmp_path):
    path = factory.save(factory.scan(), tmp_path / "licence.jpg", "JPEG", quality=90)
    (card,) = window.scans.add([str(path)])
    qtbot.waitUntil(lambda: not window.scans.busy, timeout=READ_TIMEOUT_MS)

    assert window.zone.reading_note.isVisible()
    note, command = window.zone.reading_note, window.zone.reading_command
    assert f"{note.text()} {command.text()}" == scan.not_installed().message("en")
    assert command.isVisible() and not command.wordWrap()  # never wrapped mid-word
    assert command.text() == 'pip install "realname-precheck[ocr]"'  # how to enable it
    assert not window.menus.read_from_scan.isVisible()
    assert card.text_state == "" and not card.fill.isVisible()
    assert not any(f.code.startswith("OCR_") for f in window.findings)  # not in the summary


def test_an_upside_down_card_is_reported_and_converted_upright(
    qtbot, scan_reading, window, id_card, tmp_path
):
    """Issue 10: IMAGE_ROTATED on the card; Convert writes the upright copy, the warning goes."""
    from PIL import Image

    path, truth = id_card
    flipped = tmp_path / "倒置.jpg"
    with Image.open(path) as im:
        im.rotate(180).save(flipped, quality=90)
    window.form.set_record(from_dict(truth.record))
    card = read_card(qtbot, window, flipped)
    assert (card.reading.rotation, card.reading.rotation_certain) == (180, True)
    with qtbot.waitSignal(window.checked):
        window.run_checks()
    (turned,) = [f for f in window.findings if f.code == "IMAGE_ROTATED"]
    assert turned.fields == ("images[0]",) and turned.message("en") in card.messages.text()
    assert not any(f.code.startswith("OCR_") and f.severity == "error" for f in window.findings)
    window.grab().save(str(ROOT / "build" / "issue10-rotated-card-before.png"))

    window.scans.convert(card, "jpg")
    qtbot.waitUntil(lambda: card.converted is not None and not window.scans.busy, timeout=30_000)
    assert card.converted.notes[-1] == "ROTATED"
    with qtbot.waitSignal(window.checked):
        window.run_checks()
    assert not any(f.code == "IMAGE_ROTATED" for f in window.findings)
    assert flipped.exists()  # the original is untouched beside its upright copy
    window.grab().save(str(ROOT / "build" / "issue10-rotated-card.png"))
