"""How fast and how faithful is ``convert``? Ratios measured in one run on generated samples.

Run by hand: ``python benchmarks/bench_convert.py`` (about a minute; needs numpy for SSIM and,
for the comparison only, Debian's ``imagemagick``). Targets (issue 3):

- 12 MP JPEG → compliant JPG: median ≤ 1.5× (one full decode + one encode of the same image),
  ≥ 4× faster than ImageMagick's ``jpeg:extent``, SSIM ≥ 0.95 against the upright source
  resized (Lanczos) to the output's size;
- ≤ 4 encodes per fit on average;
- HEIC, PDF and A4 PNG: time per file, peak memory ≤ 4× the decoded image;
- 100 mixed files: both cores (process pool), files per second.
"""

from __future__ import annotations

import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from PIL import Image  # noqa: E402

from desktop.core.images import convert_file, inspect_image  # noqa: E402
from desktop.core.images.batch import Job, convert_many  # noqa: E402
from tests import images_factory as f  # noqa: E402

RUNS = 7


def median_ms(action: Callable[[], object], runs: int = RUNS) -> float:
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        action()
        times.append(time.perf_counter() - start)
    return statistics.median(times) * 1000


def make_sources(root: Path) -> dict[str, Path]:
    import pillow_heif

    pillow_heif.register_heif_opener()
    photo = f.photo()
    sources = {
        "photo": f.save(photo, root / "IMG_0001.jpg", quality=95, exif=f.gps_exif(1)),
        "noisy": f.save(f.photo(noise=6, texture=0), root / "IMG_noisy.jpg", quality=92),
        "heic": f.save(photo, root / "IMG_0002.heic", quality=80, enc_params={"preset": "fast"}),
        "a4png": f.save(f.licence(), root / "licence A4.png"),
        "pdf": f.save(
            f.licence(),
            root / "licence.pdf",
            save_all=True,
            append_images=[f.licence()],
            resolution=300,
        ),
        "scan": f.save(f.scan(), root / "scan.jpg", quality=90),
        "screenshot": f.save(f.scan(), root / "screenshot.png"),
        "webp": f.save(f.small_photo(), root / "chat.webp", quality=85),
        "tiny": f.save(f.scan().resize((300, 190)), root / "tiny.jpg", quality=90),
    }
    return sources


def one_decode_one_encode(path: Path, out: Path) -> None:
    with Image.open(path) as image:
        image.load()
        image.save(out, "JPEG")


def imagemagick() -> list[str] | None:
    for name in ("magick", "/usr/bin/convert-im6.q16", "/usr/bin/convert-im6", "/usr/bin/convert"):
        found = shutil.which(name)
        if found:
            return [found, "convert"] if name == "magick" else [found]
    return None


def ssim_against_source(output: Path, source: Path) -> float:
    with Image.open(output) as out, Image.open(source) as src:
        from PIL import ImageOps

        upright = ImageOps.exif_transpose(src).convert("RGB")
        return f.ssim(out, upright.resize(out.size, Image.Resampling.LANCZOS))


def _ssim(output: Path, source: Path) -> str:
    return f"{ssim_against_source(output, source):.3f}"


def phone_photo_rows(sources: dict[str, Path], out: Path) -> list[tuple[str, str]]:
    photo = sources["photo"]
    base = median_ms(lambda: one_decode_one_encode(photo, out / "base.jpg"))
    ours_out = out / "ours.jpg"
    result = convert_file(photo, ours_out, force=True)
    ours = median_ms(lambda: convert_file(photo, ours_out, force=True))
    rows = [
        ("12 MP JPEG source", f"{photo.stat().st_size:,} B, 4032×3024"),
        ("one full decode + one encode (Pillow)", f"{base:.0f} ms"),
        ("convert → compliant JPG (median)", f"{ours:.0f} ms"),
        ("ratio convert / (decode + encode), target ≤ 1.5", f"{ours / base:.2f}×"),
        ("output", f"{result.width}×{result.height} q{result.quality}, {result.bytes:,} B"),
        ("encodes for this fit", f"{result.encodes}"),
        ("SSIM vs source resized to output, target ≥ 0.95", _ssim(ours_out, photo)),
    ]
    magick = imagemagick()
    if magick:
        im_out = out / "magick.jpg"
        cmd = [
            *magick,
            str(photo),
            "-auto-orient",
            "-strip",
            "-define",
            "jpeg:extent=1000000b",
            str(im_out),
        ]
        im_ms = median_ms(lambda: subprocess.run(cmd, check=True), runs=3)
        rows += [
            ("ImageMagick jpeg:extent (command)", f"{im_ms:.0f} ms, {im_out.stat().st_size:,} B"),
            ("speed-up vs ImageMagick, target ≥ 4", f"{im_ms / ours:.1f}×"),
            ("ImageMagick SSIM (same measure)", f"{ssim_against_source(im_out, photo):.3f}"),
        ]
    else:
        rows.append(("ImageMagick", "not installed (apt-get install imagemagick)"))
    noisy = sources["noisy"]
    worst = convert_file(noisy, out / "noisy.jpg", force=True)
    noisy_ms = median_ms(lambda: convert_file(noisy, out / "noisy.jpg", force=True), runs=3)
    rows.append(
        (
            "worst case: white sensor noise σ6, no denoising",
            f"{noisy_ms:.0f} ms, {worst.width}×{worst.height} q{worst.quality}, "
            f"SSIM {ssim_against_source(out / 'noisy.jpg', noisy):.3f}",
        )
    )
    inspect_ms = median_ms(lambda: inspect_image(photo), runs=5)
    rows.append(("inspect_image on the 12 MP photo (one draft decode)", f"{inspect_ms:.0f} ms"))
    return rows


def encodes_row(sources: dict[str, Path], out: Path) -> tuple[str, str]:
    counts = []
    windows = [(56_320, 1_000_000), (56_320, 500_000), (100_000, 300_000)]
    for name, path in sources.items():
        for low, high in windows:
            result = convert_file(
                path, out / f"fit_{name}.jpg", force=True, min_bytes=low, max_bytes=high
            )
            counts.append(result.encodes)
    mean = statistics.mean(counts)
    return (
        f"encodes per fit, target ≤ 4 ({len(counts)} fits: 9 sources × 3 windows)",
        f"mean {mean:.2f}, max {max(counts)}",
    )


# Linux: VmHWM is the peak resident memory of this process image; writing 5 to clear_refs resets
# it to the current size, so the difference is what the conversion itself needed at its peak.
# (ru_maxrss would not do: a child inherits the parent's value at fork.)
MEMORY_PROBE = """
import sys
from pathlib import Path
sys.path.insert(0, sys.argv[1])
from desktop.core.images import convert_file

def status(key):
    for line in Path("/proc/self/status").read_text().splitlines():
        if line.startswith(key + ":"):
            return int(line.split()[1])

convert_file(sys.argv[2], sys.argv[4], force=True)  # warm up codecs and caches on a tiny file
Path("/proc/self/clear_refs").write_text("5")
before = status("VmRSS")
convert_file(sys.argv[3], sys.argv[4], force=True)
print(before, status("VmHWM"))
"""


def peak_memory_mb(source: Path, tiny: Path, out: Path) -> float:
    args = [sys.executable, "-c", MEMORY_PROBE, str(ROOT), str(tiny), str(source), str(out)]
    before, after = map(
        int, subprocess.run(args, capture_output=True, text=True, check=True).stdout.split()
    )
    return (after - before) / 1024


def format_rows(sources: dict[str, Path], out: Path) -> list[tuple[str, str]]:
    rows = []
    for key, label in (
        ("heic", "HEIC 12 MP"),
        ("pdf", "PDF, A4 page at 300 dpi"),
        ("a4png", "A4 300-dpi PNG scan"),
        ("photo", "12 MP JPEG"),
    ):
        path = sources[key]
        ms = median_ms(lambda p=path: convert_file(p, out / "fmt.jpg", force=True), runs=3)
        result = convert_file(path, out / "fmt.jpg", force=True)
        header = inspect_image(path)
        decoded_mb = header.width * header.height * 3 / 2**20
        peak = peak_memory_mb(path, sources["tiny"], out / "mem.jpg")
        rows.append(
            (
                f"{label} → JPG",
                f"{ms:.0f} ms; {result.width}×{result.height} q{result.quality}; "
                f"peak +{peak:.0f} MB = {peak / decoded_mb:.1f}× the decoded image "
                f"({decoded_mb:.0f} MB), target ≤ 4×",
            )
        )
    return rows


def _cpu_seconds() -> float:
    """CPU time of this process and of its finished children (the pool's workers)."""
    t = os.times()
    return t.user + t.system + t.children_user + t.children_system


def batch_rows(sources: dict[str, Path], root: Path) -> list[tuple[str, str]]:
    folder = root / "batch"
    folder.mkdir()
    kinds = list(sources.values())
    files = []
    for i in range(100):
        source = kinds[i % len(kinds)]
        copy = folder / f"{i:03d} {source.name}"
        shutil.copyfile(source, copy)
        files.append(copy)
    rows = []
    for workers in (1, 2):
        out = root / f"batch_out_{workers}"
        jobs = [Job(p, options={"out_dir": out, "force": True}) for p in files]
        start, cpu_start = time.perf_counter(), _cpu_seconds()
        outcomes = convert_many(jobs, workers=workers)
        seconds = time.perf_counter() - start
        cores = (_cpu_seconds() - cpu_start) / seconds
        ok = sum(1 for o in outcomes if not isinstance(o, Exception))
        rate = (
            f"{seconds:.1f} s, {len(files) / seconds:.1f} files/s ({ok} converted), "
            f"{cores:.1f} cores busy on average"
        )
        rows.append((f"batch of 100 mixed files, {workers} worker(s)", rate))
    return rows


def main() -> None:
    with tempfile.TemporaryDirectory(prefix="bench convert ") as tmp:
        root = Path(tmp)
        out = root / "out"
        out.mkdir()
        print("generating samples...", file=sys.stderr)
        sources = make_sources(root)
        rows = phone_photo_rows(sources, out)
        rows.append(encodes_row(sources, out))
        rows += format_rows(sources, out)
        rows += batch_rows(sources, root)
    print(f"Machine: {os.cpu_count()} cores, load average {os.getloadavg()[0]:.1f}\n")
    print("| What | Measured |\n|---|---|")
    for what, value in rows:
        print(f"| {what} | {value} |")


if __name__ == "__main__":
    main()
