"""Draw the app icon (an ID card with a check mark) into resources/icons/ as .png, .ico and .icns.

Usage: python scripts/make_icons.py

The mark is drawn once at 1024 px and scaled down (Lanczos), so every size comes from the same
geometry. Pillow writes all three formats on any platform; the output is committed.
"""

from __future__ import annotations

from pathlib import Path

from PIL import Image, ImageDraw

ROOT = Path(__file__).resolve().parents[1]
OUT = ROOT / "resources" / "icons"
CANVAS = 1024
BLUE = (29, 78, 216)  # card
LIGHT = (219, 234, 254)  # photo square and text lines
WHITE = (255, 255, 255)
GREEN = (22, 163, 74)  # check badge
ICO_SIZES = [(16, 16), (24, 24), (32, 32), (48, 48), (64, 64), (128, 128), (256, 256)]


def draw_mark() -> Image.Image:
    """The icon at 1024×1024 on a transparent background."""
    img = Image.new("RGBA", (CANVAS, CANVAS), (0, 0, 0, 0))
    d = ImageDraw.Draw(img)
    d.rounded_rectangle((72, 200, 952, 824), radius=96, fill=BLUE)  # the card
    d.rounded_rectangle((152, 320, 432, 640), radius=40, fill=LIGHT)  # photo
    d.ellipse((232, 370, 352, 490), fill=BLUE)  # head
    d.pieslice((192, 490, 392, 690), 180, 360, fill=BLUE)  # shoulders
    for top, right in ((340, 872), (440, 800), (540, 680)):  # text lines
        d.rounded_rectangle((496, top, right, top + 48), radius=24, fill=LIGHT)
    _draw_check_badge(d, centre=(760, 740), radius=210)
    return img


def _draw_check_badge(d: ImageDraw.ImageDraw, centre: tuple[int, int], radius: int) -> None:
    x, y = centre
    d.ellipse((x - radius - 28, y - radius - 28, x + radius + 28, y + radius + 28), fill=WHITE)
    d.ellipse((x - radius, y - radius, x + radius, y + radius), fill=GREEN)
    tick = [(x - 105, y + 5), (x - 30, y + 80), (x + 110, y - 75)]
    d.line(tick, fill=WHITE, width=64, joint="curve")
    for px, py in (tick[0], tick[-1]):  # round caps
        d.ellipse((px - 32, py - 32, px + 32, py + 32), fill=WHITE)


def scaled(img: Image.Image, size: int) -> Image.Image:
    return img.resize((size, size), Image.Resampling.LANCZOS)


def main() -> None:
    OUT.mkdir(parents=True, exist_ok=True)
    mark = draw_mark()
    for size in (256, 512):
        scaled(mark, size).save(OUT / f"app-{size}.png", optimize=True)
    scaled(mark, 256).save(OUT / "app.ico", sizes=ICO_SIZES)
    mark.save(OUT / "app.icns")
    for path in sorted(OUT.iterdir()):
        print(f"{path.relative_to(ROOT)}  {path.stat().st_size:,} bytes")


if __name__ == "__main__":
    main()
