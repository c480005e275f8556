"""Write the README's before/after pictures of scan capture into docs/capture/ (generated photos).

.venv/bin/python scripts/capture_pictures.py
"""

from __future__ import annotations

import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from PIL import Image, ImageDraw  # noqa: E402

from desktop.core.capture import files  # noqa: E402
from tests import capture_factory as cf  # noqa: E402

OUT = ROOT / "docs" / "capture"
WIDTH = 640


def small(image: Image.Image) -> Image.Image:
    image = image.convert("RGB")
    return image.resize(
        (WIDTH, round(image.height * WIDTH / image.width)), Image.Resampling.LANCZOS
    )


def main() -> None:
    OUT.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory() as folder:
        front, back = Path(folder) / "front.jpg", Path(folder) / "back.jpg"
        cf.desk_photo("wood", 3, size=(2400, 1800), tilt=25).image.save(front, quality=92)
        cf.desk_photo("dark", 8, size=(2400, 1800), tilt=15).image.save(back, quality=92)
        found = files.find_in_file(front)
        before = found.preview.copy()
        corners = [(x * found.scale, y * found.scale) for x, y in found.outline.corners]
        ImageDraw.Draw(before).polygon(corners, outline=(255, 0, 200), width=4)
        small(before).save(OUT / "before.jpg", quality=85)
        straight, _ = files.straightened_image(front)
        small(straight).save(OUT / "after.jpg", quality=85)
        merged = Path(folder) / "merged.jpg"
        files.merge_files(front, back, merged)
        with Image.open(merged) as page:
            half = (WIDTH // 2, round(page.height * WIDTH / 2 / page.width))
            page.convert("RGB").resize(half, Image.Resampling.LANCZOS).save(
                OUT / "merged.jpg", quality=85
            )


if __name__ == "__main__":
    main()
