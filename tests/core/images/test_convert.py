"""convert_file: every readable sample becomes a compliant, faithful, metadata-free JPEG or BMP."""

from __future__ import annotations

import threading
from pathlib import Path

import pytest
from PIL import Image

from desktop.core.images import ConvertResult, ImageError, convert_file, inspect_image
from desktop.core.images.batch import Job, convert_many
from tests import images_factory as f
from tests.core.images.conftest import CONVERTIBLE, UNREADABLE, digest, reference

WINDOW = (56_320, 1_000_000)
# Metadata segments that must never reach the registry: EXIF/XMP (APP1), ICC (APP2),
# Photoshop/IPTC (APP13), comments (COM). SOF2 would mean a progressive JPEG.
FORBIDDEN_MARKERS = {0xE1, 0xE2, 0xED, 0xFE, 0xC2}
SSIM_FLOOR = {"icc_swapped.jpg": 0.93}  # its profile's gamma-2.2 curve is not sRGB's exactly


@pytest.fixture(scope="module")
def converted(samples: Path, tmp_path_factory: pytest.TempPathFactory) -> dict[str, tuple]:
    """Each convertible sample converted to JPEG, with the input's digest before and after."""
    out = tmp_path_factory.mktemp("converted")
    results = {}
    for name in CONVERTIBLE:
        before = digest(samples / name)
        result = convert_file(samples / name, out / f"{name}.jpg")  # a.png, a.gif: two outputs
        results[name] = (result, before, digest(samples / name))
    return results


@pytest.mark.parametrize("name", CONVERTIBLE)
def test_output_is_a_compliant_jpeg(converted: dict, name: str) -> None:
    result, _, _ = converted[name]
    data = result.output.read_bytes()
    assert data[:3] == b"\xff\xd8\xff"
    assert WINDOW[0] <= len(data) == result.bytes <= WINDOW[1]
    assert not set(f.jpeg_markers(data)) & FORBIDDEN_MARKERS
    assert 0xC0 in f.jpeg_markers(data)  # baseline
    with Image.open(result.output) as image:
        assert (image.format, image.mode) == ("JPEG", "RGB")
        assert image.size == (result.width, result.height)
        assert not image.getexif() and "icc_profile" not in image.info
    assert inspect_image(result.output).compliant


@pytest.mark.parametrize("name", CONVERTIBLE)
def test_output_is_faithful_and_input_untouched(samples: Path, converted: dict, name: str) -> None:
    result, before, after = converted[name]
    assert before == after
    with Image.open(result.output) as image:
        expected = reference(samples / name).convert("RGB")
        expected = expected.resize(image.size, Image.Resampling.LANCZOS)
        assert f.ssim(image, expected) >= SSIM_FLOOR.get(name, 0.95)


def test_output_is_upright_without_gps(converted: dict) -> None:
    result, _, _ = converted["rotated_gps.jpg"]
    with Image.open(result.output) as image:
        assert image.size == f.scan().size
        r, g, b = image.getpixel((5, 5))
        assert g > 150 and r < 60 and b < 60  # the marker is top-left
    assert b"PhoneCam" not in result.output.read_bytes()
    assert b"customer" not in result.output.read_bytes()


def test_notes(converted: dict) -> None:
    assert converted["multipage.tif"][0].notes == ["MULTI_PAGE"]
    assert converted["document.pdf"][0].notes == ["MULTI_PAGE"]
    tiny = converted["tiny.jpg"][0]
    assert tiny.notes == ["UPSCALED", "LOW_RESOLUTION"]
    assert tiny.width > 300 and tiny.scale > 1
    assert converted["good_scan.jpg"][0].notes == []
    messages = converted["document.pdf"][0].note_messages("en")
    assert messages == [
        "The original has 2 pages; only page 1 was converted: make sure it shows the name, "
        "the number and the seal."
    ]


def test_default_name_beside_the_input(samples: Path, tmp_path: Path) -> None:
    source = tmp_path / "营业执照 副本.png"
    source.write_bytes((samples / "营业执照 副本.png").read_bytes())
    result = convert_file(source)
    assert result.output == tmp_path / "营业执照 副本_cnnic.jpg"
    assert sorted(p.name for p in tmp_path.iterdir()) == [
        "营业执照 副本.png",
        "营业执照 副本_cnnic.jpg",
    ]


@pytest.mark.parametrize(
    "name", ["good_scan.jpg", "photo.heic", "document.pdf", "tiny.jpg", "rgba.png"]
)
def test_bmp_is_24_bit_inside_the_window(samples: Path, tmp_path: Path, name: str) -> None:
    result = convert_file(samples / name, out_dir=tmp_path, to="bmp")
    data = result.output.read_bytes()
    assert data[:2] == b"BM" and int.from_bytes(data[28:30], "little") == 24
    assert WINDOW[0] <= len(data) <= WINDOW[1]
    assert (result.format, result.quality, result.output.suffix) == ("BMP", None, ".bmp")
    with Image.open(result.output) as image:
        expected = (
            reference(samples / name).convert("RGB").resize(image.size, Image.Resampling.LANCZOS)
        )
        assert f.ssim(image, expected) >= 0.95


def test_photo_is_resized_and_fits_in_few_encodes(photo_12mp: Path, tmp_path: Path) -> None:
    result = convert_file(photo_12mp, out_dir=tmp_path)
    assert 1600 <= result.width <= 2400 and result.quality >= 90
    assert result.encodes <= 4
    assert result.bytes > 0.9 * WINDOW[1]  # the best quality that fits, not just any
    with Image.open(result.output) as image, Image.open(photo_12mp) as source:
        expected = source.convert("RGB").resize(image.size, Image.Resampling.LANCZOS)
        assert f.ssim(image, expected) >= 0.95


@pytest.mark.parametrize(
    ("low", "high", "min_long_side"),
    [
        (56_320, 300_000, 1200),
        (200_000, 400_000, 1200),
        (56_320, 120_000, 1000),  # too tight for the floors: quality 60, then a little smaller
    ],
)
def test_custom_windows(samples: Path, tmp_path: Path, low: int, high: int, min_long_side) -> None:
    source = samples / "营业执照 副本.png"
    result = convert_file(source, tmp_path / "out.jpg", min_bytes=low, max_bytes=high)
    assert low <= result.bytes <= high
    assert result.quality >= 60 and max(result.width, result.height) >= min_long_side


@pytest.mark.parametrize("name", UNREADABLE)
def test_unreadable_input_is_refused_cleanly(samples: Path, tmp_path: Path, name: str) -> None:
    with pytest.raises(ImageError) as caught:
        convert_file(samples / name, out_dir=tmp_path)
    assert caught.value.code == "IMAGE_UNREADABLE"
    assert list(tmp_path.iterdir()) == []  # no output, no temporary file


def test_existing_output_needs_force(samples: Path, tmp_path: Path) -> None:
    target = tmp_path / "out.jpg"
    target.write_bytes(b"keep me")
    with pytest.raises(ImageError) as caught:
        convert_file(samples / "good_scan.jpg", target)
    assert caught.value.code == "CONVERT_OUTPUT_EXISTS"
    assert target.read_bytes() == b"keep me"
    result = convert_file(samples / "good_scan.jpg", target, force=True)
    assert result.output.read_bytes()[:3] == b"\xff\xd8\xff"


def test_never_writes_over_the_input(samples: Path, tmp_path: Path) -> None:
    source = tmp_path / "scan.jpg"
    source.write_bytes((samples / "good_scan.jpg").read_bytes())
    before = digest(source)
    for target in (source, tmp_path / "." / "scan.jpg"):
        with pytest.raises(ImageError) as caught:
            convert_file(source, target, force=True)
        assert caught.value.code == "CONVERT_SAME_FILE"
    assert digest(source) == before


@pytest.mark.parametrize(("target", "to"), [("out.png", "jpg"), ("out.jpg", "bmp"), ("out", "jpg")])
def test_output_name_must_match_the_format(
    samples: Path, tmp_path: Path, target: str, to: str
) -> None:
    with pytest.raises(ImageError) as caught:
        convert_file(samples / "good_scan.jpg", tmp_path / target, to=to)
    assert caught.value.code == "CONVERT_BAD_EXTENSION"


def test_write_failure_is_reported(samples: Path, tmp_path: Path) -> None:
    with pytest.raises(ImageError) as caught:
        convert_file(samples / "good_scan.jpg", tmp_path / "no such folder" / "out.jpg")
    assert caught.value.code == "CONVERT_WRITE_FAILED"
    assert "no such folder" not in [p.name for p in tmp_path.iterdir()]


def test_progress_and_cancel(samples: Path, tmp_path: Path) -> None:
    seen: list[float] = []
    convert_file(samples / "good_scan.jpg", tmp_path / "a.jpg", progress=seen.append)
    assert seen == sorted(seen) and seen[-1] == 1.0
    calls = iter(range(100))
    with pytest.raises(ImageError) as caught:
        convert_file(
            samples / "good_scan.jpg", tmp_path / "b.jpg", cancelled=lambda: next(calls) >= 2
        )
    assert caught.value.code == "CONVERT_CANCELLED"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["a.jpg"]


def test_threads_do_not_mix_their_settings(samples: Path, tmp_path: Path) -> None:
    """Pitfall 2: two threads converting the same picture into different windows."""
    windows = {"small": (56_320, 150_000), "large": (400_000, 1_000_000)}
    results: dict[str, ConvertResult] = {}

    def work(label: str) -> None:
        low, high = windows[label]
        results[label] = convert_file(
            samples / "营业执照 副本.png", tmp_path / f"{label}.jpg", min_bytes=low, max_bytes=high
        )

    threads = [threading.Thread(target=work, args=(label,)) for label in windows for _ in (0,)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    for label, (low, high) in windows.items():
        assert low <= results[label].output.stat().st_size <= high


def test_batch_keeps_order_and_reports_errors(samples: Path, tmp_path: Path) -> None:
    names = ["good_scan.jpg", "text.jpg", "photo.heic", "screenshot.png"]
    jobs = [Job(samples / n, options={"out_dir": tmp_path}) for n in names]
    outcomes = convert_many(jobs, workers=2)
    assert [type(o).__name__ for o in outcomes] == [
        "ConvertResult", "ImageError", "ConvertResult", "ConvertResult",
    ]  # fmt: skip
    assert outcomes[1].code == "IMAGE_UNREADABLE" and "text.jpg" in outcomes[1].message("en")
    assert [o.input.name for o in outcomes if isinstance(o, ConvertResult)] == [
        "good_scan.jpg", "photo.heic", "screenshot.png",
    ]  # fmt: skip


@pytest.mark.parametrize("workers", [1, 2])
def test_batch_cancelled_starts_nothing_more(samples: Path, tmp_path: Path, workers: int) -> None:
    jobs = [Job(samples / "good_scan.jpg", tmp_path / f"{i}.jpg") for i in range(12)]
    seen: list[tuple[int, int]] = []
    outcomes = convert_many(jobs, workers=workers, progress=lambda d, t: seen.append((d, t)),
                            cancelled=lambda: bool(seen))  # fmt: skip
    done = [o for o in outcomes if o is not None]
    assert 1 <= len(done) < 12 and outcomes[-1] is None  # what ran stays, the rest never starts
    assert sorted(p.name for p in tmp_path.glob("*.jpg")) == sorted(o.output.name for o in done)
    assert seen[0][1] == 12
