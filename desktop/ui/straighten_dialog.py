"""Straighten a scan by hand: the detected corners over the photo, four draggable handles with a
magnifier, a preview of the result, then a straightened compliant copy (the original untouched).

A document that runs past the photo's edge has corners outside the picture: the view shows a
margin around the photo wide enough for them (handles can be dragged there too), marks the photo
edges the document crosses, and a note names them (ask the customer for a new photo).

Finding the document, previewing and writing all run in workers (:mod:`desktop.ui.workers`);
the preview is warped from the reduced picture shown, the copy from the full-size file.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from PySide6.QtCore import QPointF, QRectF, Qt, QTimer, Signal
from PySide6.QtGui import QColor, QImage, QMouseEvent, QPainter, QPaintEvent, QPen, QTransform
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QSizePolicy,
    QVBoxLayout,
    QWidget,
)

from desktop.ui.scan_jobs import fitted_pixmap, to_qimage
from desktop.ui.workers import Workers

HANDLE = 9  # handle radius, px
GRAB = 18  # how near a press must be to take a handle
LENS, ZOOM = 120, 4  # magnifier side and zoom
MARGIN = 0.06  # room around the photo for corners outside it, share of its longer side
PAST = 0.03  # beyond the farthest outside corner, share of the photo's longer side
REACH = 1.0  # at most this share of the photo's size beyond each of its edges
CUT_COLOUR = QColor(255, 150, 0)  # a photo edge the document runs past


class CornerView(QWidget):
    """The picture with the outline; drag a corner handle to move it (a lens shows the spot)."""

    cornersChanged = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("cornerView")
        self.setMinimumSize(480, 340)
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Expanding)
        self.setMouseTracking(True)
        self.image = QImage()
        self.corners: list[QPointF] = []  # in image pixels
        self.dragging: int | None = None
        self.bounds = QRectF()  # the area shown, in image pixels: the photo and a margin
        self.cut: list[str] = []  # photo edges the document runs past (marked)

    def set_image(self, image: QImage, corners: list[tuple[float, float]]) -> None:
        self.image = image
        self.corners = [QPointF(x, y) for x, y in corners]
        self.bounds = shown_area(image.width(), image.height(), corners)
        self.update()

    def set_cut(self, edges: list[str]) -> None:
        self.cut = list(edges)
        self.update()

    def corner_tuples(self) -> list[tuple[float, float]]:
        return [(p.x(), p.y()) for p in self.corners]

    # geometry: image pixels <-> widget pixels
    def _frame(self) -> tuple[float, QPointF]:
        area = self.bounds
        if self.image.isNull() or area.isEmpty():
            return 1.0, QPointF()
        scale = min(self.width() / area.width(), self.height() / area.height())
        offset = QPointF(
            (self.width() - area.width() * scale) / 2 - area.left() * scale,
            (self.height() - area.height() * scale) / 2 - area.top() * scale,
        )
        return scale, offset

    def to_widget(self, p: QPointF) -> QPointF:
        scale, offset = self._frame()
        return QPointF(p.x() * scale, p.y() * scale) + offset

    def to_image(self, p: QPointF) -> QPointF:
        scale, offset = self._frame()
        q = (p - offset) / scale
        area = self.bounds  # a corner may lie outside the photo, not outside the view
        return QPointF(
            min(max(q.x(), area.left()), area.right()),
            min(max(q.y(), area.top()), area.bottom()),
        )

    def handle_at(self, pos: QPointF) -> int | None:
        near = [
            (QPointF.dotProduct(d, d), i)
            for i, c in enumerate(self.corners)
            if (d := self.to_widget(c) - pos) is not None
        ]
        best = min(near, default=None)
        return best[1] if best and best[0] <= GRAB * GRAB else None

    def mousePressEvent(self, event: QMouseEvent) -> None:
        if event.button() == Qt.MouseButton.LeftButton:
            self.dragging = self.handle_at(event.position())
            self.update()

    def mouseMoveEvent(self, event: QMouseEvent) -> None:
        if self.dragging is None:
            over = self.handle_at(event.position()) is not None
            self.setCursor(Qt.CursorShape.OpenHandCursor if over else Qt.CursorShape.ArrowCursor)
            return
        self.corners[self.dragging] = self.to_image(event.position())
        self.update()

    def mouseReleaseEvent(self, event: QMouseEvent) -> None:
        if self.dragging is not None:
            self.corners[self.dragging] = self.to_image(event.position())
            self.dragging = None
            self.update()
            self.cornersChanged.emit()

    def paintEvent(self, event: QPaintEvent) -> None:
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        painter.fillRect(self.rect(), QColor(60, 60, 64))
        if self.image.isNull():
            return
        scale, offset = self._frame()
        target = QRectF(offset.x(), offset.y(), self.image.width() * scale,
                        self.image.height() * scale)  # fmt: skip
        painter.drawImage(target, self.image)
        self._paint_frame(painter, target)
        if len(self.corners) == 4:
            self._paint_outline(painter)
        if self.dragging is not None:
            self._paint_lens(painter, self.corners[self.dragging])

    def _paint_frame(self, painter: QPainter, photo: QRectF) -> None:
        """The photo's edge, dashed; the edges the document runs past, thick and orange."""
        painter.setBrush(Qt.BrushStyle.NoBrush)
        painter.setPen(QPen(QColor(200, 200, 200), 1, Qt.PenStyle.DashLine))
        painter.drawRect(photo)
        sides = {
            "top": (photo.topLeft(), photo.topRight()),
            "right": (photo.topRight(), photo.bottomRight()),
            "bottom": (photo.bottomLeft(), photo.bottomRight()),
            "left": (photo.topLeft(), photo.bottomLeft()),
        }
        painter.setPen(QPen(CUT_COLOUR, 4))
        for edge in self.cut:
            painter.drawLine(*sides[edge])

    def _paint_outline(self, painter: QPainter) -> None:
        points = [self.to_widget(c) for c in self.corners]
        painter.setPen(QPen(QColor(255, 0, 200), 2))
        for i in range(4):
            painter.drawLine(points[i], points[(i + 1) % 4])
        for i, p in enumerate(points):
            painter.setBrush(
                QColor(255, 255, 255, 200) if i != self.dragging else QColor(255, 0, 200)
            )
            painter.drawEllipse(p, HANDLE, HANDLE)

    def lens_box(self, corner: QPointF) -> QRectF:
        """Where the magnifier for ``corner`` goes: beside the handle, away from the finger."""
        at = self.to_widget(corner)
        x = at.x() + 30 if at.x() + 30 + LENS < self.width() else at.x() - 30 - LENS
        y = at.y() - 30 - LENS if at.y() - 30 - LENS > 0 else at.y() + 30
        return QRectF(x, y, LENS, LENS)

    def _paint_lens(self, painter: QPainter, corner: QPointF) -> None:
        """The picture around the handle, enlarged, in a box away from the finger."""
        side = LENS / ZOOM
        source = QRectF(corner.x() - side / 2, corner.y() - side / 2, side, side)
        box = self.lens_box(corner)
        painter.setPen(QPen(QColor(255, 0, 200), 1))
        painter.setBrush(QColor(60, 60, 64))  # beyond the photo: the view's own background
        painter.drawRect(box)
        painter.save()
        painter.setClipRect(box)  # the source may run past the photo: map it, then clip
        to_box = QTransform.fromTranslate(box.left(), box.top())
        to_box.scale(ZOOM, ZOOM)
        to_box.translate(-source.left(), -source.top())
        painter.setTransform(to_box, True)
        painter.drawImage(QPointF(0, 0), self.image)
        painter.restore()
        painter.setPen(QPen(QColor(255, 0, 200), 1))
        centre = box.center()
        painter.drawLine(QPointF(box.left(), centre.y()), QPointF(box.right(), centre.y()))
        painter.drawLine(QPointF(centre.x(), box.top()), QPointF(centre.x(), box.bottom()))


def shown_area(width: int, height: int, corners: list[tuple[float, float]]) -> QRectF:
    """The part of the plane a CornerView shows, in image pixels: the photo with a margin
    (MARGIN of its longer side), widened to hold every corner (and PAST beyond), up to REACH
    of its size beyond each edge."""
    if width <= 0 or height <= 0:
        return QRectF()
    long_side = max(width, height)
    pad, past = MARGIN * long_side, PAST * long_side
    xs, ys = [x for x, _ in corners], [y for _, y in corners]
    left = min(max(pad, -min(xs, default=0) + past), REACH * width)
    top = min(max(pad, -min(ys, default=0) + past), REACH * height)
    right = min(max(pad, max(xs, default=0) - width + past), REACH * width)
    bottom = min(max(pad, max(ys, default=0) - height + past), REACH * height)
    return QRectF(-left, -top, width + left + right, height + top + bottom)


class StraightenDialog(QDialog):
    """Straighten ``path`` into ``dst``; ``result`` holds the ConvertResult once written."""

    def __init__(self, path: Path, dst: Path, force: bool, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("straightenDialog")
        self.path, self.dst, self.force = path, dst, force
        self.result: Any = None
        self.found: Any = None  # desktop.core.capture.files.Found
        self.detected: list[tuple[float, float]] = []
        self.workers = Workers(self)
        self._preview_pending = False
        self.turn: int | None = None  # counter-clockwise degrees that make it upright
        self.turn_known = False  # the orientation check (scan reading) has answered
        self._build()
        self.workers.submit(lambda task: _find(path), on_done=self._found, on_failed=self._failed)

    def _build(self) -> None:
        self.setWindowTitle(self.tr("Straighten and crop – %1").replace("%1", self.path.name))
        self.view = CornerView()
        self.view.cornersChanged.connect(self._schedule_preview)
        self.view.cornersChanged.connect(self._show_cut)
        self.preview = QLabel(
            objectName="straightenPreview", alignment=Qt.AlignmentFlag.AlignCenter
        )
        self.preview.setMinimumSize(300, 200)
        self.orientation = QLabel(objectName="straightenOrientation", wordWrap=True)
        self.status = QLabel(objectName="straightenStatus", wordWrap=True)
        self.status.setText(self.tr("Finding the document…"))
        self.cut = QLabel(objectName="straightenCut", wordWrap=True)
        self.cut.setStyleSheet("color: #b35900; font-weight: bold;")
        self.cut.hide()
        self.reset = QPushButton(self.tr("Reset corners"), objectName="resetCorners")
        self.reset.clicked.connect(self._reset)
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel
        )
        self.save = self.buttons.button(QDialogButtonBox.StandardButton.Save)
        self.save.setText(self.tr("Write straightened copy"))
        self.save.setEnabled(False)
        self.buttons.accepted.connect(self._write)
        self.buttons.rejected.connect(self.reject)
        side = QVBoxLayout()
        side.addWidget(QLabel(self.tr("Result")))
        side.addWidget(self.preview, 1)
        side.addWidget(self.orientation)
        side.addWidget(self.status)
        side.addWidget(self.cut)
        side.addWidget(self.reset)
        row = QHBoxLayout()
        row.addWidget(self.view, 3)
        row.addLayout(side, 2)
        layout = QVBoxLayout(self)
        hint = self.tr(
            "Drag the four corners onto the document's corners; the original stays as it is."
        )
        layout.addWidget(QLabel(hint, wordWrap=True))
        layout.addLayout(row, 1)
        layout.addWidget(self.buttons)
        self.resize(1000, 620)
        self._timer = QTimer(self, singleShot=True, interval=120)
        self._timer.timeout.connect(self._start_preview)

    # -- finding ----------------------------------------------------------------------------

    def _found(self, found: Any) -> None:
        self.found = found
        w, h = found.preview.size
        if found.outline is not None:
            s = found.scale
            self.detected = [(x * s, y * s) for x, y in found.outline.corners]
            self.status.setText(self.tr("Document found. Check the corners, then write the copy."))
        else:
            m = 0.05
            self.detected = [(w * m, h * m), (w * (1 - m), h * m),
                             (w * (1 - m), h * (1 - m)), (w * m, h * (1 - m))]  # fmt: skip
            self.status.setText(self.tr("No document outline found: place the corners by hand."))
        self.view.set_image(to_qimage(found.preview), self.detected)
        self._show_cut()
        self.save.setEnabled(True)
        self._start_preview()
        self._check_orientation()

    def _failed(self, error: Exception) -> None:
        message = error.message() if hasattr(error, "message") else str(error)
        self.status.setText(self.tr("This file cannot be straightened: %1").replace("%1", message))

    def _reset(self) -> None:
        if self.found is not None:
            self.view.set_image(self.view.image, self.detected)
            self._show_cut()
            self._schedule_preview()

    def full_corners(self) -> tuple[tuple[float, float], ...]:
        """The handles' corners in full-size pixels, ordered tl, tr, br, bl."""
        from desktop.core.capture.geometry import order_corners

        s = self.found.scale
        return order_corners([(x / s, y / s) for x, y in self.view.corner_tuples()])

    def cut_edges(self) -> list[str]:
        """The photo edges the document, at the handles' corners, runs past (see
        :func:`desktop.core.capture.files.cut_edges`)."""
        from desktop.core.capture.files import cut_edges

        return cut_edges(self.full_corners(), self.found.full_size) if self.found else []

    def _show_cut(self) -> None:
        """Name the photo edges the document runs past, and mark them on the photo."""
        edges = self.cut_edges()
        self.view.set_cut(edges)
        self.cut.setVisible(bool(edges))
        if not edges:
            self.cut.clear()
            return
        names = {
            "top": self.tr("top", "photo edge"),
            "right": self.tr("right", "photo edge"),
            "bottom": self.tr("bottom", "photo edge"),
            "left": self.tr("left", "photo edge"),
        }
        listed = self.tr(", ", "between photo edges").join(names[e] for e in edges)
        text = self.tr(
            "The document runs past the photo's edge (%1): that part was not photographed and "
            "stays blank in the copy. Ask the customer for a new photo of the whole document."
        )
        self.cut.setText(text.replace("%1", listed))

    # -- orientation -------------------------------------------------------------------------

    def _check_orientation(self) -> None:
        """Read once which way up the straightened document is (a reduced copy, off-thread)."""
        self.orientation.setText(self.tr("Checking which way up the document is…"))
        path, corners = self.path, self.full_corners()
        self.workers.submit(
            lambda task: _turn(path, corners),
            on_done=self._oriented,
            on_failed=lambda error: self._oriented(0),
        )

    def _oriented(self, turn: int | None) -> None:
        self.turn, self.turn_known = turn, True
        if turn is None:
            text = self.tr("Orientation not checked (no scan reading installed): nothing guessed.")
        elif turn:
            text = self.tr("Turned %1° counter-clockwise, as its text reads.").replace(
                "%1", str(turn)
            )
        else:
            text = self.tr("Not turned: its text reads upright, or which way up is not certain.")
        self.orientation.setText(text)
        self._schedule_preview()

    # -- preview ----------------------------------------------------------------------------

    def _schedule_preview(self) -> None:
        self._timer.start()

    def _start_preview(self) -> None:
        if self.found is None:
            return
        if self._preview_pending:  # one at a time: the newest corners are previewed next
            self._timer.start()
            return
        self._preview_pending = True
        image, corners = self.found.preview, self.view.corner_tuples()
        turn = self.turn or 0
        self.workers.submit(
            lambda task: to_qimage(_straighten_preview(image, corners, turn)),
            on_done=self._previewed,
            on_failed=lambda error: self._previewed(None),
        )

    def _previewed(self, image: QImage | None) -> None:
        self._preview_pending = False
        if image is None or image.isNull():
            self.preview.setText(self.tr("These corners do not make a document shape."))
            return
        self.preview.setPixmap(fitted_pixmap(image, self.preview.size()))

    # -- writing ----------------------------------------------------------------------------

    def _write(self) -> None:
        if self.found is None:
            return
        self.save.setEnabled(False)
        self.status.setText(self.tr("Writing the straightened copy…"))
        src, dst, force, corners = self.path, self.dst, self.force, self.full_corners()
        turn = self.turn if self.turn_known else "read"
        self.workers.submit(
            lambda task: _write(src, dst, corners, force, turn),
            on_done=self._written,
            on_failed=self._not_written,
        )

    def _written(self, result: Any) -> None:
        self.result = result
        self.accept()

    def _not_written(self, error: Exception) -> None:
        message = error.message() if hasattr(error, "message") else str(error)
        self.status.setText(self.tr("Not written: %1").replace("%1", message))
        self.save.setEnabled(True)

    def done(self, code: int) -> None:
        self.workers.shutdown()
        super().done(code)


def _find(path: Path) -> Any:
    from desktop.core.capture import files

    return files.find_in_file(path)


def _straighten_preview(image: Any, corners: list[tuple[float, float]], turn: int = 0) -> Any:
    from desktop.core.capture import geometry, straighten, upright

    quad = geometry.order_corners(corners)
    return upright.turned(straighten.straighten(image, quad), turn)


def _turn(path: Path, corners: Any) -> int | None:
    """The upright turn of the document at ``corners``, read on a reduced straightened copy."""
    from desktop.core.capture import files, upright

    image, _ = files.straightened_image(path, corners, max_long_side=upright.READ_SIDE)
    return upright.document_turn(image)


def _write(src: Path, dst: Path, corners: Any, force: bool, turn: Any) -> Any:
    from desktop.core.capture import files

    return files.straighten_file(src, dst, corners=corners, to="jpg", force=force, turn=turn)
