"""The scan card's capture actions, "Straighten" and "Merge front and back": open the dialog,
then hand the written copy to the scan controller like a conversion (the card then stands for
the straightened copy; a merged copy becomes a new card). Kept here so the controller gains
only a connection."""

from __future__ import annotations

from typing import Any

from PySide6.QtWidgets import QDialog


def run(controller: Any, card: Any, action: str) -> None:
    """``action`` is "straighten" or "merge" (see ScanCard.captureRequested)."""
    if card.busy:
        return
    if action == "straighten":
        straighten(controller, card)
    else:
        merge(controller, card)


def straighten(controller: Any, card: Any) -> None:
    from desktop.core.capture.files import straightened_name
    from desktop.ui.straighten_dialog import StraightenDialog

    out_dir = controller.settings.output_folder or None
    dst = straightened_name(card.path, out_dir=out_dir)
    force = dst.exists()
    if force and not controller._confirm_replace(dst):
        return
    dialog = StraightenDialog(card.path, dst, force, controller.window)
    controller.dialog = dialog  # for tests and for closing it with the window
    if dialog.exec() == QDialog.DialogCode.Accepted and dialog.result is not None:
        controller._converted(card, dialog.result)


def merge(controller: Any, card: Any) -> None:
    from pathlib import Path

    from desktop.ui.merge_dialog import MergeDialog

    paths = [c.path for c in controller.cards if not c.busy]
    out_dir = controller.settings.output_folder or None
    dialog = MergeDialog(paths, card.path, Path(out_dir) if out_dir else None, controller.window)
    controller.dialog = dialog
    if dialog.exec() == QDialog.DialogCode.Accepted and dialog.result is not None:
        controller.add([str(dialog.result.output)])
