"""Straighten and merge in the window: real mouse drags on the corner handles, off-thread work."""

from __future__ import annotations

import random
from pathlib import Path

import pytest
from PySide6.QtCore import QPoint, QPointF, Qt, QTimer
from PySide6.QtWidgets import QPushButton

from desktop.core.capture import geometry as geo
from desktop.ui.merge_dialog import MergeDialog
from desktop.ui.straighten_dialog import StraightenDialog
from tests import capture_factory as cf
from tests import merged_page
from tests.ui.test_scans import READ_TIMEOUT_MS, drop, wait_read

# the offscreen platform says so for every top-level dialog shown; nothing to fix in the app
pytestmark = pytest.mark.qt_log_ignore("This plugin does not support propagateSizeHints")


def desk_photo(folder: Path, name: str = "客户照片.jpg", seed: int = 0) -> tuple[Path, cf.Sample]:
    sample = cf.desk_photo("wood", seed)
    path = folder / name
    sample.image.save(path, quality=90)
    return path, sample


def has_picture(label) -> bool:
    return label.pixmap() is not None and not label.pixmap().isNull()


def shown_dialog(qtbot, src: Path, folder: Path) -> StraightenDialog:
    """The straighten dialog for ``src``, shown (writing to ``folder``/out.jpg)."""
    dialog = StraightenDialog(src, folder / "out.jpg", False)
    qtbot.addWidget(dialog)
    dialog.show()
    return dialog


def found_dialog(qtbot, folder: Path) -> tuple[StraightenDialog, cf.Sample]:
    """The dialog on a desk photo, once the document has been looked for."""
    src, sample = desk_photo(folder)
    dialog = shown_dialog(qtbot, src, folder)
    qtbot.waitUntil(lambda: dialog.save.isEnabled(), timeout=READ_TIMEOUT_MS)
    return dialog, sample


def test_dialog_shows_the_found_corners_and_a_drag_moves_one(qtbot, tmp_path) -> None:
    dialog, sample = found_dialog(qtbot, tmp_path)
    assert geo.max_corner_error(dialog.full_corners(), sample.corners) <= 0.02
    qtbot.waitUntil(lambda: has_picture(dialog.preview), timeout=READ_TIMEOUT_MS)

    view = dialog.view
    before = view.corners[0]
    start = view.to_widget(before).toPoint()
    end = start + QPoint(25, 18)
    qtbot.mousePress(view, Qt.MouseButton.LeftButton, pos=start)
    assert view.dragging == 0
    qtbot.mouseMove(view, pos=start + QPoint(10, 8))
    view.repaint()  # the magnifier is painted while dragging
    qtbot.mouseMove(view, pos=end)
    qtbot.mouseRelease(view, Qt.MouseButton.LeftButton, pos=end)
    assert view.dragging is None
    moved = view.to_widget(view.corners[0]).toPoint() - end
    assert abs(moved.x()) <= 1 and abs(moved.y()) <= 1
    assert view.corners[0] != before
    qtbot.mouseClick(dialog.reset, Qt.MouseButton.LeftButton)
    assert view.corners[0] == before
    dialog.reject()


def test_a_press_away_from_the_handles_moves_nothing(qtbot, tmp_path) -> None:
    dialog, _ = found_dialog(qtbot, tmp_path)
    corners = list(dialog.view.corners)
    centre = dialog.view.rect().center()
    qtbot.mousePress(dialog.view, Qt.MouseButton.LeftButton, pos=centre)
    qtbot.mouseMove(dialog.view, pos=centre + QPoint(40, 40))
    qtbot.mouseRelease(dialog.view, Qt.MouseButton.LeftButton, pos=centre + QPoint(40, 40))
    assert dialog.view.corners == corners
    dialog.reject()


def cut_off_dialog(qtbot, folder: Path) -> tuple[StraightenDialog, cf.Sample]:
    """The dialog on a photo whose card runs past the top, right and bottom edges."""
    sample = cf.desk_photo("cut_off", 0)
    src = folder / "裁切照片.jpg"
    sample.image.save(src, quality=90)
    dialog = shown_dialog(qtbot, src, folder)
    qtbot.waitUntil(lambda: dialog.save.isEnabled(), timeout=READ_TIMEOUT_MS)
    return dialog, sample


def outside_the_photo(view, corner) -> bool:
    return not (0 <= corner.x() <= view.image.width() and 0 <= corner.y() <= view.image.height())


def test_a_corner_outside_the_photo_is_shown_and_dragged_outside(qtbot, tmp_path) -> None:
    """The view leaves room around the photo: a handle beyond its edge is on screen, takes a
    real press, and can be dropped outside the photo (not clamped onto its edge)."""
    dialog, sample = cut_off_dialog(qtbot, tmp_path)
    view = dialog.view
    outside = [i for i, c in enumerate(view.corners) if outside_the_photo(view, c)]
    assert outside == [1, 2, 3]  # top-right, bottom-right, bottom-left: not photographed
    for i in range(4):
        assert view.rect().contains(view.to_widget(view.corners[i]).toPoint())
    i = max(outside, key=lambda k: view.corners[k].x())
    start = view.to_widget(view.corners[i]).toPoint()
    end = start + QPoint(-12, 10)
    qtbot.mousePress(view, Qt.MouseButton.LeftButton, pos=start)
    assert view.dragging == i
    qtbot.mouseMove(view, pos=start + QPoint(-6, 5))
    view.repaint()  # the magnifier, partly beyond the photo
    qtbot.mouseMove(view, pos=end)
    qtbot.mouseRelease(view, Qt.MouseButton.LeftButton, pos=end)
    assert view.dragging is None
    moved = view.to_widget(view.corners[i]).toPoint() - end
    assert abs(moved.x()) <= 1 and abs(moved.y()) <= 1
    assert outside_the_photo(view, view.corners[i])
    assert view.corners[i].x() / dialog.found.scale > sample.image.width  # still past the edge
    qtbot.waitUntil(lambda: has_picture(dialog.preview), timeout=READ_TIMEOUT_MS)
    dialog.reject()


def test_the_cut_edges_are_named_and_follow_the_corners(qtbot, tmp_path) -> None:
    dialog, _ = cut_off_dialog(qtbot, tmp_path)
    assert dialog.cut.isVisibleTo(dialog) and dialog.view.cut == ["top", "right", "bottom"]
    assert "(top, right, bottom)" in dialog.cut.text()
    assert "new photo" in dialog.cut.text()
    # every handle dragged into the photo: nothing is cut any more
    view = dialog.view
    for i in range(4):
        start = view.to_widget(view.corners[i]).toPoint()
        target = QPointF(
            min(max(view.corners[i].x(), 40), view.image.width() - 40),
            min(max(view.corners[i].y(), 40), view.image.height() - 40),
        )
        end = view.to_widget(target).toPoint()
        qtbot.mousePress(view, Qt.MouseButton.LeftButton, pos=start)
        qtbot.mouseMove(view, pos=end)
        qtbot.mouseRelease(view, Qt.MouseButton.LeftButton, pos=end)
    assert dialog.cut_edges() == [] and not dialog.cut.isVisibleTo(dialog)
    qtbot.mouseClick(dialog.reset, Qt.MouseButton.LeftButton)
    assert dialog.view.cut == ["top", "right", "bottom"] and dialog.cut.isVisibleTo(dialog)
    dialog.reject()


def test_a_photo_with_the_whole_card_names_no_cut_edge(qtbot, tmp_path) -> None:
    dialog, _ = found_dialog(qtbot, tmp_path)
    assert dialog.cut_edges() == [] and not dialog.cut.isVisibleTo(dialog)
    dialog.reject()


def test_the_cut_edges_are_named_in_chinese_and_the_copy_keeps_the_note(
    qtbot, make_window, tmp_path
) -> None:
    make_window("zh")
    dialog, _ = cut_off_dialog(qtbot, tmp_path)
    assert dialog.cut.text().startswith("证件超出了照片的上、右、下边缘")
    qtbot.mouseClick(dialog.save, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: dialog.result is not None, timeout=READ_TIMEOUT_MS)
    assert "CUT_OFF" in dialog.result.notes
    assert dialog.result.note_params["CUT_OFF"]["edges_zh"] == "上、右、下"
    assert (tmp_path / "out.jpg").exists()


def test_straighten_from_the_scan_card_writes_a_copy(qtbot, window, tmp_path) -> None:
    src, _ = desk_photo(tmp_path)
    original = src.read_bytes()
    drop(window.zone, [src])
    (card,) = wait_read(qtbot, window, 1)

    def write() -> None:
        dialog = window.scans.dialog
        qtbot.waitUntil(lambda: dialog.save.isEnabled(), timeout=READ_TIMEOUT_MS)
        qtbot.mouseClick(dialog.save, Qt.MouseButton.LeftButton)

    QTimer.singleShot(0, write)
    qtbot.mouseClick(card.straighten, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: not window.scans.busy and card.report is not None,
                    timeout=READ_TIMEOUT_MS)  # fmt: skip
    output = tmp_path / "客户照片_straight_cnnic.jpg"
    assert card.path == output and output.exists()
    assert src.read_bytes() == original
    assert card.report.compliant and card.report.width > card.report.height
    assert window.current_record().images == [str(output)]


def test_merge_two_cards_into_a_new_one(qtbot, window, tmp_path) -> None:
    front, _ = desk_photo(tmp_path, "正面.jpg", 1)
    back, _ = desk_photo(tmp_path, "反面.jpg", 2)
    drop(window.zone, [front, back])
    first, _second = wait_read(qtbot, window, 2)

    def write() -> None:
        dialog = window.scans.dialog
        assert isinstance(dialog, MergeDialog) and dialog.chosen() == (front, back)
        qtbot.waitUntil(lambda: has_picture(dialog.preview), timeout=READ_TIMEOUT_MS)
        qtbot.mouseClick(dialog.save, Qt.MouseButton.LeftButton)

    QTimer.singleShot(0, write)
    qtbot.mouseClick(first.merge, Qt.MouseButton.LeftButton)
    cards = wait_read(qtbot, window, 3)
    merged = tmp_path / "正面_front_back_cnnic.jpg"
    assert cards[-1].path == merged and merged.exists()
    assert cards[-1].report.height > cards[-1].report.width


def test_a_sideways_card_is_previewed_and_written_upright(qtbot, scan_reading, tmp_path) -> None:
    """The orientation is read once off-thread; the preview and the copy are turned alike."""
    from PIL import Image

    card, _ = _ocr_generator().id_front(random.Random(1212))
    src = tmp_path / "侧放.jpg"
    cf.desk_photo("wood", 3, doc=card.rotate(-90, expand=True), tilt=12).image.save(src)
    dialog = shown_dialog(qtbot, src, tmp_path)
    qtbot.waitUntil(lambda: dialog.turn_known, timeout=READ_TIMEOUT_MS)
    assert dialog.turn == 90 and "90°" in dialog.orientation.text()
    qtbot.waitUntil(lambda: has_picture(dialog.preview), timeout=READ_TIMEOUT_MS)
    qtbot.wait(400)  # the preview after the turn is known
    dialog.grab().save(str(tmp_path / "straighten_sideways.png"))
    pixmap = dialog.preview.pixmap()
    assert pixmap.width() > pixmap.height()  # the card is landscape once upright
    qtbot.mouseClick(dialog.save, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: dialog.result is not None, timeout=READ_TIMEOUT_MS)
    assert dialog.result.notes == ["ROTATED"]
    with Image.open(dialog.result.output) as im:
        assert im.width > im.height


def _ocr_generator():
    import importlib.util
    import sys

    pytest.importorskip("numpy")
    pytest.importorskip("pypinyin")
    root = Path(__file__).resolve().parents[2]
    spec = importlib.util.spec_from_file_location("make_ocr_set", root / "scripts/make_ocr_set.py")
    generator = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = generator  # its dataclasses look their module up
    spec.loader.exec_module(generator)
    return generator


def test_merge_previews_and_writes_each_side_upright(
    qtbot, scan_reading, window, tmp_path, monkeypatch
) -> None:
    """A sideways front and an upside-down back: each side's turn is read once, the preview
    shows both upright (read back with the OCR engine), Swap reuses the turns, the copy too."""
    from PIL import Image

    from desktop.core.capture import upright
    from desktop.core.ocr import engine
    from desktop.core.ocr.document import understand
    from desktop.core.ocr.orient import read_upright

    generator = _ocr_generator()
    rng = random.Random(1216)
    front_card, truth = generator.id_front(rng)
    back_card, _ = generator.id_back(rng)
    front, back = tmp_path / "侧放的正面.jpg", tmp_path / "倒置的反面.jpg"
    cf.desk_photo("wood", 3, doc=front_card.rotate(-90, expand=True), tilt=12).image.save(front)
    cf.desk_photo("dark", 5, doc=back_card.rotate(180), tilt=10).image.save(back, quality=92)
    reads = []
    read_turn = upright.document_turn
    monkeypatch.setattr(upright, "document_turn", lambda image: reads.append(1) or read_turn(image))
    drop(window.zone, [front, back])
    first, _second = wait_read(qtbot, window, 2)
    seen: dict = {}

    def previewed(dialog, chosen) -> bool:
        return dialog.chosen() == chosen and dialog.status.text().startswith("Will be written")

    def merge() -> None:
        dialog = window.scans.dialog
        try:
            qtbot.waitUntil(lambda: previewed(dialog, (front, back)), timeout=2 * READ_TIMEOUT_MS)
            seen["turns"], seen["text"] = dict(dialog.turns), dialog.orientation.text()
            seen["page"] = dialog.page
            swap = dialog.findChild(QPushButton, "mergeSwap")
            qtbot.mouseClick(swap, Qt.MouseButton.LeftButton)
            qtbot.waitUntil(lambda: previewed(dialog, (back, front)), timeout=READ_TIMEOUT_MS)
            seen["swapped"] = dialog.orientation.text()
            qtbot.mouseClick(swap, Qt.MouseButton.LeftButton)
            qtbot.waitUntil(lambda: previewed(dialog, (front, back)), timeout=READ_TIMEOUT_MS)
            qtbot.mouseClick(dialog.save, Qt.MouseButton.LeftButton)
        except BaseException:
            dialog.reject()  # a failed check must not leave the modal dialog waiting
            raise

    QTimer.singleShot(0, merge)
    qtbot.mouseClick(first.merge, Qt.MouseButton.LeftButton)
    cards = wait_read(qtbot, window, 3)
    assert seen["turns"] == {front: 90, back: 180} and len(reads) == 2  # read once per side
    assert seen["text"].splitlines() == [
        "Front: turned 90° counter-clockwise, as its text reads.",
        "Back: turned 180° counter-clockwise, as its text reads.",
    ]
    assert seen["swapped"].startswith("Front: turned 180°")
    page = seen["page"].convertToFormat(seen["page"].Format.Format_RGB888)
    shown = Image.frombytes("RGB", (page.width(), page.height()), page.constBits().tobytes(),
                            "raw", "RGB", page.bytesPerLine())  # fmt: skip
    top, bottom = (read_upright(f, engine.get_engine().read, understand)
                   for f in merged_page.faces(shown))  # fmt: skip
    assert (top.kind, top.rotation, top.name.text) == ("id_front", 0, truth.name)
    assert (bottom.kind, bottom.rotation) == ("id_back", 0)
    merged = tmp_path / "侧放的正面_front_back_cnnic.jpg"
    assert cards[-1].path == merged
    assert window.scans.dialog.result.notes == ["FRONT_ROTATED", "BACK_ROTATED"]
    with Image.open(merged) as im:
        assert all(face.width > face.height for face in merged_page.faces(im))


def test_the_magnifier_at_a_photo_corner_shows_the_photo_only_on_its_side(qtbot) -> None:
    """At the photo's top-right corner the lens shows the photo in its lower-left quarter and
    the view's background elsewhere (its source runs past the photo)."""
    from PySide6.QtGui import QColor, QImage

    from desktop.ui.straighten_dialog import LENS, CornerView

    photo = QImage(400, 300, QImage.Format.Format_RGB32)
    photo.fill(QColor(0, 200, 0))
    view = CornerView()
    qtbot.addWidget(view)
    view.resize(600, 450)
    view.set_image(photo, [(10, 10), (400, 0), (390, 290), (10, 290)])
    view.dragging = 1
    shot = view.grab().toImage()
    box = view.lens_box(view.corners[1])
    assert view.rect().contains(box.toRect())
    green = [
        shot.pixelColor(int(box.x() + dx * LENS), int(box.y() + dy * LENS)).green() == 200
        for dx, dy in ((0.25, 0.25), (0.75, 0.25), (0.25, 0.75), (0.75, 0.75))
    ]
    assert green == [False, False, True, False]
