"""The built ``realname-precheck convert``: every decoder and encoder the bundle must carry.

PNG and PDF exercise Pillow's codecs and PDFium, HEIC pillow-heif; the outputs must be real JPEG or
BMP files inside the registry's byte window, and the originals untouched.
"""

from __future__ import annotations

import hashlib
import json
import random
from pathlib import Path

import pytest
from PIL import Image, ImageDraw

from desktop.core import rules
from tests.frozen.conftest import run

pytestmark = pytest.mark.slow
FORMATS = {"jpg": "JPEG", "bmp": "BMP"}


def sample_card() -> Image.Image:
    """A card-like picture with sensor noise, so it compresses like a real photo of a document."""
    rnd = random.Random(5)
    image = Image.new("RGB", (1600, 1000), (236, 230, 214))
    draw = ImageDraw.Draw(image)
    draw.rectangle((40, 40, 1560, 180), fill=(179, 38, 30))
    draw.rectangle((80, 260, 480, 760), fill=(157, 180, 207))
    for y in range(280, 900, 70):
        draw.rectangle((560, y, 560 + rnd.randrange(500, 940), y + 24), fill=(30, 30, 36))
    noise = Image.effect_noise(image.size, 24).convert("RGB")
    return Image.blend(image, noise, 0.12)


def save_as(path: Path) -> Path:
    card = sample_card()
    if path.suffix == ".heic":
        import pillow_heif

        pillow_heif.register_heif_opener()
    card.save(path)
    return path


@pytest.mark.parametrize(
    ("name", "to"),
    [("营业执照 scan.png", "jpg"), ("phone photo.heic", "jpg"), ("scan.pdf", "jpg"),
     ("scan.png", "bmp")],
)  # fmt: skip
def test_convert_writes_a_compliant_file(cli: Path, tmp_path: Path, name: str, to: str) -> None:
    source = save_as(tmp_path / name)
    before = hashlib.sha256(source.read_bytes()).digest()
    out_dir = tmp_path / "out"
    result = run(cli, "convert", "--json", "--lang", "en", "--to", to, "--out-dir", str(out_dir),
                 str(source), timeout=120)  # fmt: skip
    assert result.returncode == 0, result.stderr
    (entry,) = json.loads(result.stdout)
    output = Path(entry["output"])
    assert output.parent == out_dir and output.is_file()
    window = rules.limits()["image"]
    assert window["min_bytes"] <= output.stat().st_size <= window["max_bytes"]
    with Image.open(output) as image:
        assert image.format == FORMATS[to]
    assert hashlib.sha256(source.read_bytes()).digest() == before


def test_unreadable_scan_is_reported_not_raised(cli: Path, tmp_path: Path) -> None:
    broken = tmp_path / "broken.jpg"
    broken.write_bytes(b"\xff\xd8\xff\xe0 not really a jpeg")
    result = run(cli, "convert", "--out-dir", str(tmp_path / "out"), str(broken))
    assert result.returncode == 2
    assert result.stderr.startswith("realname-precheck: ") and "Traceback" not in result.stderr


def test_convert_several_scans_at_once(cli: Path, tmp_path: Path) -> None:
    """Several inputs run in parallel (threads in a frozen build): every output is written."""
    sources = [save_as(tmp_path / name) for name in ("a.png", "b.heic", "c.pdf")]
    out_dir = tmp_path / "out"
    result = run(cli, "convert", "--json", "--out-dir", str(out_dir), *map(str, sources),
                 timeout=180)  # fmt: skip
    assert result.returncode == 0, result.stderr
    outputs = [Path(entry["output"]) for entry in json.loads(result.stdout)]
    assert len(outputs) == 3 and all(p.parent == out_dir and p.is_file() for p in outputs)
