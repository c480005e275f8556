"""Merge front and back: pick the two scans, preview them straightened and upright one above the
other on a white page, then write one compliant copy (both originals untouched). Work runs in
workers; which way up each scan is gets read once (scan reading) and is reused for the copy."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtGui import QImage
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QMessageBox,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from desktop.ui.scan_jobs import fitted_pixmap, to_qimage
from desktop.ui.workers import Workers

PREVIEW_SIDE = 600  # long side of each previewed face


class MergeDialog(QDialog):
    """Front and back chosen among ``paths``; ``result`` is the ConvertResult once written."""

    def __init__(
        self, paths: list[Path], front: Path, out_dir: Path | None, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.setObjectName("mergeDialog")
        self.paths, self.out_dir = paths, out_dir
        self.result: Any = None
        self.workers = Workers(self)
        self._generation = 0
        self.turns: dict[Path, int | None] = {}  # per scan: the upright turn read (None: unchecked)
        self.page: QImage | None = None  # the merged page previewed, before fitting the label
        self.setWindowTitle(self.tr("Merge front and back"))
        self.front, self.back = (
            QComboBox(objectName="mergeFront"),
            QComboBox(objectName="mergeBack"),
        )
        for box in (self.front, self.back):
            for path in paths:
                box.addItem(path.name, str(path))
        index = paths.index(front) if front in paths else 0
        self.front.setCurrentIndex(index)
        self.back.setCurrentIndex(next((i for i in range(len(paths)) if i != index), index))
        swap = QPushButton(self.tr("Swap front and back"), objectName="mergeSwap")
        swap.clicked.connect(self._swap)
        self.preview = QLabel(objectName="mergePreview", alignment=Qt.AlignmentFlag.AlignCenter)
        self.preview.setMinimumSize(320, 420)
        self.orientation = QLabel(objectName="mergeOrientation", wordWrap=True)
        self.status = QLabel(objectName="mergeStatus", wordWrap=True)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel
        )
        self.save = buttons.button(QDialogButtonBox.StandardButton.Save)
        self.save.setText(self.tr("Write merged copy"))
        buttons.accepted.connect(self._write)
        buttons.rejected.connect(self.reject)
        form = QFormLayout()
        form.addRow(self.tr("Front (top)"), self.front)
        form.addRow(self.tr("Back (bottom)"), self.back)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(swap)
        layout.addWidget(self.preview, 1)
        layout.addWidget(self.orientation)
        layout.addWidget(self.status)
        layout.addWidget(buttons)
        self.resize(540, 660)  # side notes on one line each; with its frame, fits a 1366×768 screen
        self.front.currentIndexChanged.connect(self._refresh)
        self.back.currentIndexChanged.connect(self._refresh)
        self._refresh()

    def chosen(self) -> tuple[Path, Path]:
        return Path(self.front.currentData()), Path(self.back.currentData())

    def output(self) -> Path:
        from desktop.core.images import output_path

        front = self.chosen()[0]
        plain = output_path(front, out_dir=self.out_dir)
        return plain.with_name(f"{front.stem}_front_back{plain.name[len(front.stem) :]}")

    def _swap(self) -> None:
        front, back = self.front.currentIndex(), self.back.currentIndex()
        self.front.setCurrentIndex(back)
        self.back.setCurrentIndex(front)

    def _refresh(self) -> None:
        front, back = self.chosen()
        same = front == back
        self.save.setEnabled(not same)
        if same:
            self.status.setText(self.tr("Choose two different scans: the front and the back."))
            self.orientation.clear()
            self.preview.clear()
            return
        self.status.setText(self.tr("Preparing the preview…"))
        known = {p: self.turns[p] for p in (front, back) if p in self.turns}
        if len(known) < 2:
            self.orientation.setText(self.tr("Checking which way up each side is…"))
        self._generation += 1
        generation = self._generation
        self.workers.submit(
            lambda task: _preview(front, back, known),
            on_done=lambda done: self._previewed(done, generation),
            on_failed=lambda error: self._failed(error, generation),
        )

    def _previewed(self, done: tuple[QImage, dict[Path, int | None]], generation: int) -> None:
        image, turns = done
        self.turns.update(turns)
        if generation != self._generation:
            return
        self.page = image
        self.preview.setPixmap(fitted_pixmap(image, self.preview.size()))
        front, back = self.chosen()
        sides = ((self.tr("Front"), self.turns[front]), (self.tr("Back"), self.turns[back]))
        self.orientation.setText("\n".join(self._turn_text(side, turn) for side, turn in sides))
        self.status.setText(self.tr("Will be written as %1").replace("%1", self.output().name))

    def _turn_text(self, side: str, turn: int | None) -> str:
        if turn is None:
            text = self.tr("%1: orientation not checked (no scan reading installed).")
        elif turn:
            text = self.tr("%1: turned %2° counter-clockwise, as its text reads.")
        else:
            text = self.tr("%1: not turned (reads upright, or which way up is not certain).")
        return text.replace("%1", side).replace("%2", str(turn))

    def _failed(self, error: Exception, generation: int) -> None:
        if generation == self._generation:
            message = error.message() if hasattr(error, "message") else str(error)
            self.status.setText(self.tr("Cannot merge: %1").replace("%1", message))

    def _write(self) -> None:
        front, back = self.chosen()
        if front == back:
            return
        dst = self.output()
        force = dst.exists()
        if force and not self._confirm_replace(dst):
            return
        self.save.setEnabled(False)
        self.status.setText(self.tr("Writing the merged copy…"))
        from desktop.core.capture.files import READ_TURN  # a side not read yet is read then

        turns = (self.turns.get(front, READ_TURN), self.turns.get(back, READ_TURN))
        self.workers.submit(
            lambda task: _merge(front, back, dst, force, turns),
            on_done=self._written,
            on_failed=lambda error: self._failed(error, self._generation),
        )

    def _confirm_replace(self, path: Path) -> bool:
        answer = QMessageBox.question(
            self,
            self.tr("Replace the merged copy?"),
            self.tr("%1 already exists. Replace it?").replace("%1", path.name),
        )
        return answer == QMessageBox.StandardButton.Yes

    def _written(self, result: Any) -> None:
        self.result = result
        self.accept()

    def done(self, code: int) -> None:
        self.workers.shutdown()
        super().done(code)


def _preview(
    front: Path, back: Path, known: dict[Path, int | None]
) -> tuple[QImage, dict[Path, int | None]]:
    """The merged page, small, each side upright; and each side's turn (read when not known:
    on a copy the size the scan reader wants, as "Straighten" reads it)."""
    from desktop.core.capture import files, upright

    faces = [
        files.upright_face(p, max_long_side=PREVIEW_SIDE, turn=known[p])
        if p in known
        else files.upright_face(p, max_long_side=upright.READ_SIDE)
        for p in (front, back)
    ]
    page = files.merge_images([face.image for face in faces])
    page.thumbnail((PREVIEW_SIDE * 2, PREVIEW_SIDE * 2))
    return to_qimage(page), {front: faces[0].turn, back: faces[1].turn}


def _merge(front: Path, back: Path, dst: Path, force: bool, turns: tuple) -> Any:
    from desktop.core.capture import files

    return files.merge_files(front, back, dst, force=force, turns=turns)
