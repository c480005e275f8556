"""Scans: real drops, folders, the clipboard, conversion off the UI thread, broken files."""

from __future__ import annotations

import re
import shutil
import time
from pathlib import Path

import pytest
from PySide6.QtCore import QMimeData, QPointF, Qt, QTimer, QUrl
from PySide6.QtGui import QDragEnterEvent, QDropEvent, QGuiApplication, QImage
from PySide6.QtWidgets import QApplication

from desktop.ui.highlight import severity_of
from desktop.ui.scan_card import ScanCard
from tests import images_factory as factory

READ_TIMEOUT_MS = 20_000


@pytest.fixture(scope="module")
def phone_photo(tmp_path_factory) -> Path:
    """A noisy 4032×3024 phone photo of a document (made once: it takes a second)."""
    folder = tmp_path_factory.mktemp("photo")
    return factory.save(factory.photo(), folder / "phone.jpg", "JPEG", quality=92)


@pytest.fixture
def scans(tmp_path: Path) -> Path:
    folder = tmp_path / "scans"
    folder.mkdir()
    return folder


def good_jpeg(folder: Path, name: str = "licence.jpg") -> Path:
    return factory.save(factory.scan(), folder / name, "JPEG", quality=90)


def png_named_jpg(folder: Path, name: str = "营业执照 副本.jpg") -> Path:
    return factory.save(factory.scan(), folder / name, "PNG")


def drag_enter(pos: QPointF, mime: QMimeData) -> QDragEnterEvent:
    """PySide6 6.12 takes the position as QPointF, earlier releases as QPoint."""
    args = (Qt.DropAction.CopyAction, mime, Qt.MouseButton.LeftButton, Qt.NoModifier)
    try:
        return QDragEnterEvent(pos, *args)
    except TypeError:
        return QDragEnterEvent(pos.toPoint(), *args)


def drop(widget, paths: list[Path]) -> None:
    """A real drag-enter and drop, carrying file URLs as Explorer or Finder would."""
    mime = QMimeData()
    mime.setUrls([QUrl.fromLocalFile(str(p)) for p in paths])
    centre = widget.rect().center()
    action, button, keys = Qt.DropAction.CopyAction, Qt.MouseButton.LeftButton, Qt.NoModifier
    enter = drag_enter(QPointF(centre), mime)
    QApplication.sendEvent(widget, enter)
    assert enter.isAccepted()
    QApplication.sendEvent(widget, QDropEvent(QPointF(centre), action, mime, button, keys))


def wait_read(qtbot, window, count: int | None = None) -> list[ScanCard]:
    cards = window.scans.cards
    qtbot.waitUntil(
        lambda: (count is None or len(window.scans.cards) == count) and not window.scans.busy,
        timeout=READ_TIMEOUT_MS,
    )
    return cards


def codes(card: ScanCard) -> set[str]:
    return {f.code for f in card.report.findings} if card.report else set()


def test_dropping_a_png_named_jpg_shows_its_card_with_the_format_error(qtbot, window, scans):
    path = png_named_jpg(scans)
    with qtbot.waitSignal(window.zone.pathsDropped) as dropped:
        drop(window.zone, [path])
    assert dropped.args == [[str(path)]]

    (card,) = wait_read(qtbot, window, 1)

    assert card.path == path
    assert card.report.format == "PNG"
    assert "IMAGE_EXTENSION_MISMATCH" in codes(card)
    assert severity_of(card) == "error"
    assert card.messages.isVisible()
    assert "PNG" in card.facts.text()
    assert card.preview is not None
    assert any(f.fields == ("images[0]",) for f in window.findings)
    assert window.status.property("severity") == "error"


def test_dropping_a_folder_adds_its_images(qtbot, window, scans):
    good_jpeg(scans, "a.jpg")
    png_named_jpg(scans, "b.jpg")
    factory.save(factory.scan(), scans / "c.png", "PNG")
    (scans / "notes.txt").write_text("not a scan", encoding="utf-8")

    drop(window.zone, [scans])

    cards = wait_read(qtbot, window, 3)
    assert [c.path.name for c in cards] == ["a.jpg", "b.jpg", "c.png"]
    assert codes(cards[0]) == set()
    assert severity_of(cards[0]) == "ok"


def test_the_same_file_is_added_once(qtbot, window, scans):
    path = good_jpeg(scans)
    drop(window.zone, [path])
    drop(window.zone, [path, scans])
    assert len(wait_read(qtbot, window, 1)) == 1


def test_a_drag_without_files_is_refused(qtbot, window):
    mime = QMimeData()
    mime.setText("just text")
    enter = drag_enter(QPointF(5, 5), mime)
    with qtbot.assertNotEmitted(window.zone.pathsDropped):
        QApplication.sendEvent(window.zone, enter)
    assert not enter.isAccepted()


def test_a_corrupt_file_shows_an_error_card_and_nothing_breaks(qtbot, window, scans):
    broken = scans / "truncated.jpg"
    broken.write_bytes(b"\xff\xd8\xff\xe0" + b"\x00" * 200)

    drop(window.zone, [broken])

    (card,) = wait_read(qtbot, window, 1)
    assert "IMAGE_UNREADABLE" in codes(card)
    assert severity_of(card) == "error"
    assert not card.to_jpg.isEnabled()
    assert window.status.property("severity") == "error"


def test_convert_writes_a_compliant_jpeg_and_leaves_the_original_alone(qtbot, window, scans):
    path = png_named_jpg(scans)
    original = path.read_bytes()
    drop(window.zone, [path])
    (card,) = wait_read(qtbot, window, 1)

    qtbot.mouseClick(card.to_jpg, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: not window.scans.busy, timeout=READ_TIMEOUT_MS)

    output = scans / "营业执照 副本_cnnic.jpg"
    assert card.path == output
    assert output.read_bytes()[:3] == b"\xff\xd8\xff"
    assert 56_320 <= output.stat().st_size <= 1_000_000
    assert path.read_bytes() == original
    assert card.report.format == "JPEG" and card.report.compliant
    assert severity_of(card) in ("ok", "warning")
    assert "The original is unchanged" in card.note.text()
    assert window.current_record().images == [str(output)]
    assert window.isWindowModified()


def test_convert_asks_before_replacing_an_earlier_copy(qtbot, window, dialogs, scans):
    from PySide6.QtWidgets import QMessageBox

    path = png_named_jpg(scans, "id.jpg")
    earlier = scans / "id_cnnic.bmp"
    earlier.write_bytes(b"keep me")
    drop(window.zone, [path])
    (card,) = wait_read(qtbot, window, 1)
    dialogs.answers["question"] = QMessageBox.StandardButton.No

    qtbot.mouseClick(card.to_bmp, Qt.MouseButton.LeftButton)

    assert dialogs.names() == ["question"]
    assert earlier.read_bytes() == b"keep me"
    assert card.state == "ready" and card.converted is None


def test_converted_scans_go_to_the_chosen_folder(qtbot, window, dialogs, scans, tmp_path):
    out = tmp_path / "converted"
    out.mkdir()
    dialogs.answers["getExistingDirectory"] = str(out)
    window.menus.out_folder.trigger()
    path = png_named_jpg(scans, "id.jpg")
    drop(window.zone, [path])
    (card,) = wait_read(qtbot, window, 1)

    window.scans.convert(card, "bmp")
    qtbot.waitUntil(lambda: not window.scans.busy, timeout=READ_TIMEOUT_MS)

    assert card.path == out / "id_cnnic.bmp"
    assert card.path.read_bytes()[:2] == b"BM"
    assert not window.menus.out_beside.isChecked()


def test_pasting_an_image_adds_it_as_a_scan(qtbot, window, clean_store):
    image = QImage(1200, 760, QImage.Format.Format_RGB32)
    image.fill(Qt.GlobalColor.darkCyan)
    QGuiApplication.clipboard().setImage(image)

    window.menus.paste.trigger()

    (card,) = wait_read(qtbot, window, 1)
    assert card.path.suffix == ".png"
    assert card.path.parent == clean_store / "home" / "Documents" / "RealName Precheck" / (
        "Pasted scans"
    )  # a folder the user can find, and open from the card
    assert re.fullmatch(r"Pasted scan \d{4}-\d\d-\d\d \d\d-\d\d-\d\d\.png", card.path.name)
    assert card.report.format == "PNG"
    assert "IMAGE_FORMAT" in codes(card)
    assert card.to_jpg.isVisible() and not card.ready.isVisible()  # not compliant: convert it
    assert card.folder.isVisible() and card.folder.toolTip() == str(card.path.parent)


def test_pasted_scans_are_named_in_chinese_in_chinese(qtbot, make_window):
    window = make_window("zh")
    image = QImage(1200, 760, QImage.Format.Format_RGB32)
    image.fill(Qt.GlobalColor.darkCyan)
    first, second = window.scans.add_image(image), window.scans.add_image(image)
    names = [first[0].path.name, second[0].path.name]
    assert names[0].startswith("粘贴的扫描件 20") and names[0] != names[1]
    assert first[0].path.parent.name == "粘贴的扫描件"


def test_a_compliant_scan_says_ready_instead_of_offering_conversion(qtbot, window, scans):
    drop(window.zone, [good_jpeg(scans)])
    (card,) = wait_read(qtbot, window, 1)
    assert card.report.compliant
    assert card.ready.isVisible()
    assert not card.to_jpg.isVisible() and not card.to_bmp.isVisible()


def test_a_new_card_is_scrolled_into_view(qtbot, window, scans):
    paths = [good_jpeg(scans, f"scan{i}.jpg") for i in range(8)]
    for path in paths:
        drop(window.zone, [path])
        qtbot.wait(20)
    cards = wait_read(qtbot, window, 8)
    qtbot.wait(50)
    bar = window.zone.scroll.verticalScrollBar()
    assert bar.maximum() > 0 and bar.value() > 0
    viewport = window.zone.scroll.viewport()
    top = cards[-1].mapTo(viewport, cards[-1].rect().topLeft()).y()
    assert 0 <= top < viewport.height()


def test_removing_a_scan_keeps_the_file(qtbot, window, scans):
    path = good_jpeg(scans)
    drop(window.zone, [path])
    (card,) = wait_read(qtbot, window, 1)
    qtbot.mouseClick(card.remove, Qt.MouseButton.LeftButton)
    assert window.scans.cards == []
    assert path.exists()
    assert window.current_record().images == []


def test_clicking_a_scan_finding_focuses_its_card(qtbot, window, scans):
    drop(window.zone, [good_jpeg(scans), png_named_jpg(scans)])
    cards = wait_read(qtbot, window, 2)
    (row,) = [r for r in window.panel.rows if r.finding.fields == ("images[1]",)]

    qtbot.mouseClick(row, Qt.MouseButton.LeftButton)

    assert window.focusWidget() is cards[1]


def test_scans_are_saved_with_the_record_and_come_back(qtbot, make_window, scans):
    first = make_window("en")
    drop(first.zone, [good_jpeg(scans), png_named_jpg(scans)])
    wait_read(qtbot, first, 2)
    record = scans / "record.json"
    first.save_to(record)
    assert first.current_record().images == ["licence.jpg", "营业执照 副本.jpg"]

    second = make_window("en")
    second.open_record(record)
    cards = wait_read(qtbot, second, 2)
    assert [c.path for c in cards] == [scans / "licence.jpg", scans / "营业执照 副本.jpg"]
    assert "IMAGE_EXTENSION_MISMATCH" in codes(cards[1])


def test_the_ui_thread_stays_responsive_while_a_12_mp_photo_converts(
    qtbot, window, scans, phone_photo
):
    """Event-loop latency while inspecting and converting a phone photo (generous bound)."""
    path = Path(shutil.copy(phone_photo, scans / "phone.jpg"))
    gaps: list[float] = []
    last = [time.perf_counter()]

    def tick() -> None:
        now = time.perf_counter()
        gaps.append(now - last[0])
        last[0] = now

    timer = QTimer(interval=5)
    timer.timeout.connect(tick)
    timer.start()
    drop(window.zone, [path])
    (card,) = wait_read(qtbot, window, 1)
    window.scans.convert(card, "jpg")
    qtbot.waitUntil(lambda: not window.scans.busy, timeout=READ_TIMEOUT_MS)
    timer.stop()

    assert card.report.compliant
    assert len(gaps) > 10
    assert max(gaps) < 0.5, f"UI thread blocked for {max(gaps) * 1000:.0f} ms"


def test_cancel_tells_the_truth_about_what_was_written(qtbot, window, scans, phone_photo):
    path = Path(shutil.copy(phone_photo, scans / "phone.heic.jpg"))
    drop(window.zone, [path])
    (card,) = wait_read(qtbot, window, 1)

    window.scans.convert(card, "jpg")
    qtbot.mouseClick(card.cancel, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: not window.scans.busy, timeout=READ_TIMEOUT_MS)

    output = scans / "phone.heic_cnnic.jpg"
    if card.converted is None:  # stopped in time: nothing written, and the card says so
        assert not output.exists()
        assert "cancelled" in card.note.text()
        assert card.path == path
    else:  # it had already finished: the card shows the finished copy
        assert card.path == output and output.exists()


def test_dropping_image_data_without_a_file_keeps_it_as_a_scan(qtbot, window, clean_store):
    image = QImage(900, 600, QImage.Format.Format_RGB32)
    image.fill(Qt.GlobalColor.darkYellow)
    mime = QMimeData()
    mime.setImageData(image)
    centre = QPointF(window.zone.rect().center())
    args = (Qt.DropAction.CopyAction, mime, Qt.MouseButton.LeftButton, Qt.NoModifier)
    enter = drag_enter(centre, mime)
    QApplication.sendEvent(window.zone, enter)
    assert enter.isAccepted()

    with qtbot.waitSignal(window.zone.imageDropped):
        QApplication.sendEvent(window.zone, QDropEvent(centre, *args))

    (card,) = wait_read(qtbot, window, 1)
    assert card.path.is_relative_to(clean_store) and card.report.format == "PNG"
