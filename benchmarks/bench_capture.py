"""Scan capture: corner accuracy per background and method, speed on a 12 MP photo, real images.

    .venv/bin/python benchmarks/bench_capture.py                 # accuracy (20 photos each) + speed
    .venv/bin/python benchmarks/bench_capture.py --samples 50 --repeat 15
    .venv/bin/python benchmarks/bench_capture.py --real ../shared/ocr-real --out /tmp/capture-real

Accuracy: a photo counts as found when every corner is within 2 % of the document's diagonal
of the truth (tests/capture_factory.py knows where it put them). For "cut_off" photos (the
document runs past the frame) it counts when the visible outline (the document clipped by the
frame) is within 2 % of the true one and the outline names some, and only, frame edges the
true document crosses (only edges facing a visible margin count: Outline.cut_edges).
Speed: detection + straightening of a 4032×3024 JPEG (decode reduced for detection, one
full-resolution warp), medians; the machine is shared, so run it with ``nice``
when others are idle, or read the minimum too.
"""

from __future__ import annotations

import argparse
import statistics
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from PIL import Image, ImageDraw

from desktop.core.capture import detect, files
from desktop.core.capture import geometry as geo
from tests import capture_factory as cf


def true_cut_edges(sample: cf.Sample) -> list[str]:
    w, h = sample.image.size
    xs, ys = [p[0] for p in sample.corners], [p[1] for p in sample.corners]
    gaps = {"top": min(ys), "right": w - max(xs), "bottom": h - max(ys), "left": min(xs)}
    return sorted(edge for edge, gap in gaps.items() if gap < 0)


def visible_error(outline: detect.Outline, sample: cf.Sample) -> float:
    """How far the visible outlines (document clipped by the frame) of the detection and the
    truth are apart: the largest distance from a vertex of one to the other's boundary, over
    the true document's diagonal."""
    truth = geo.clip_polygon(sample.corners, sample.image.size)
    found = outline.visible()
    worst = max(
        max(_to_boundary(p, truth) for p in found), max(_to_boundary(p, found) for p in truth)
    )
    return round(worst / geo.distance(sample.corners[0], sample.corners[2]), 4)


def _to_boundary(p: geo.Point, polygon: list[geo.Point]) -> float:
    best = float("inf")
    for i, a in enumerate(polygon):
        b = polygon[(i + 1) % len(polygon)]
        dx, dy = b[0] - a[0], b[1] - a[1]
        t = max(0.0, min(1.0, ((p[0] - a[0]) * dx + (p[1] - a[1]) * dy) / (dx * dx + dy * dy or 1)))
        best = min(best, geo.distance(p, (a[0] + t * dx, a[1] + t * dy)))
    return best


def accuracy(samples: int, methods: list[str]) -> None:
    print(f"corners within 2 % of the diagonal ({samples} generated photos per background;")
    print(" cut_off: the visible outline within 2 % and the cut edges named, some and only true)")
    for method in methods:
        for background in cf.BACKGROUNDS:
            ok, errors, missed, named = 0, [], 0, 0
            for seed in range(samples):
                sample = cf.desk_photo(background, 100 + seed)
                outline = detect.find_document(sample.image, method=method)
                if outline is None:
                    missed += 1
                    continue
                if background == "cut_off":
                    cut = outline.cut_edges()
                    right = bool(cut) and set(cut) <= set(true_cut_edges(sample))
                    named += right
                    error = visible_error(outline, sample)
                    errors.append(error)
                    ok += right and error <= 0.02
                    continue
                error = geo.max_corner_error(outline.corners, sample.corners)
                errors.append(error)
                ok += error <= 0.02
            median = f"median error {statistics.median(errors):.4f}" if errors else ""
            wrong = samples - ok - missed
            extra = f"  cut edges named {named}" if background == "cut_off" else ""
            print(
                f"  {method:7} {background:13} {ok:3}/{samples}  not found {missed:3}"
                f"  found but wrong {wrong:3}  {median}{extra}"
            )


def speed(repeat: int) -> None:
    with tempfile.TemporaryDirectory() as folder:
        src = Path(folder) / "photo12mp.jpg"
        cf.desk_photo("wood", 7, size=(4032, 3024)).image.save(src, quality=92)
        files.straightened_image(src)
        times = []
        for _ in range(repeat):
            start = time.perf_counter()
            files.straightened_image(src)
            times.append(time.perf_counter() - start)
        times.sort()
        print(
            f"12 MP detection + straightening ({'opencv' if detect.opencv() else 'pillow'}): "
            f"median {statistics.median(times) * 1000:.0f} ms, min {times[0] * 1000:.0f} ms "
            f"({repeat} runs)"
        )


NEW_CODES = ("IMAGE_SCREEN_PHOTO", "IMAGE_SCREENSHOT", "IMAGE_COPY_OF_COPY", "IMAGE_EDITED",
             "IMAGE_DOC_SMALL", "IMAGE_GLARE", "IMAGE_CROPPED")  # fmt: skip


def clean_set(count: int):
    """Generated clean pictures: desk photos on four backgrounds, scans and licence pages."""
    from tests import images_factory as f

    for i in range(count):
        kind = i % 5
        if kind < 4:
            background = ("wood", "paper", "dark", "low_contrast")[kind]
            document = "licence" if i % 7 == 0 else "card"
            sample = cf.desk_photo(background, 1000 + i, document=document)
            w, h = sample.image.size
            if max(geo.side_lengths(sample.corners)) >= 0.5 * min(w, h):  # really not small
                yield f"{background}-{i}", sample.image
        elif i % 2:
            yield f"scan-{i}", f.add_noise(f.scan(margin=60 + i % 50), 1.5 + i % 3)
        else:
            yield f"licence-{i}", f.add_noise(f.licence((1240 + i, 1754 + i)), 2.0)


def positives():
    """(expected code, name, picture, EXIF or None) for each warning."""
    from tests import images_factory as f

    for i in range(10):
        yield "IMAGE_SCREEN_PHOTO", f"screen-{i}", cf.photo_of_screen(i), None
        yield "IMAGE_DOC_SMALL", f"small-{i}", cf.small_document(i), None
        sample = cf.desk_photo(("wood", "dark")[i % 2], 300 + i)
        yield "IMAGE_GLARE", f"glare-{i}", cf.glare_on_card(sample), None
        yield "IMAGE_CROPPED", f"cut-{i}", cf.desk_photo("cut_off", 400 + i).image, None
    for size in ((1080, 2340), (1170, 2532), (1920, 1080), (1366, 768)):
        yield "IMAGE_SCREENSHOT", f"screenshot-{size[0]}", cf.screenshot(size), None
    for i in range(4):
        yield "IMAGE_COPY_OF_COPY", f"halftone-{i}", cf.halftone(f.scan(margin=60 + i)), None
        yield "IMAGE_COPY_OF_COPY", f"flat-{i}", cf.flat_copy(f.scan(margin=60 + i)), None
    for editor in ("Adobe Photoshop 25.0 (Windows)", "Meitu 9.8", "GIMP 2.10", "Snapseed 2.19"):
        exif = Image.Exif()
        exif[0x0131] = editor
        yield "IMAGE_EDITED", editor, f.scan(), exif
    for i in range(10):  # even: the donor's grid lines up; odd: shifted
        yield "IMAGE_EDITED", f"pasted-{i}", cf.pasted_region(100 + i)[0], None


def warnings(count: int) -> None:
    """False alarms of the capture warnings on ``count`` clean pictures; hits on positives."""
    from desktop.core.images import inspect_image

    alarms: dict[str, list[str]] = {code: [] for code in NEW_CODES}
    with tempfile.TemporaryDirectory() as folder:
        seen = 0
        for name, image in clean_set(count):
            seen += 1
            path = Path(folder) / f"{name}.jpg"
            image.save(path, quality=90)
            for finding in inspect_image(path).findings:
                if finding.code in alarms:
                    alarms[finding.code].append(name)
            path.unlink()
        print(f"false alarms on {seen} generated clean pictures:")
        for code, names in alarms.items():
            shown = ", ".join(names[:6])
            print(f"  {code:20} {len(names):3} ({len(names) / seen:.1%}) {shown}")
        hits: dict[str, list[int]] = {}
        for code, name, image, exif in positives():
            suffix = ".png" if code == "IMAGE_SCREENSHOT" else ".jpg"
            path = Path(folder) / f"{name}{suffix}"
            options = {"exif": exif} if exif is not None else {}
            image.save(path, **({"quality": 90} if suffix == ".jpg" else {}), **options)
            codes = {f.code for f in inspect_image(path).findings}
            key = f"{code} (pasted)" if name.startswith("pasted") else code
            hits.setdefault(key, []).append(code in codes)
        print("generated positives found:")
        for code, found in hits.items():
            print(f"  {code:29} {sum(found):3}/{len(found)}")
        controls(folder)


def controls(folder: str) -> None:
    """IMAGE_EDITED (pasted region) on JPEGs that were never edited: saved once, saved twice
    on the same grid (a chat app's copy), resized."""
    from desktop.core.images import inspect_image
    from tests import images_factory as f

    alarms, seen = [], 0
    for i in range(30):
        photo = cf.desk_photo(("wood", "dark", "paper", "low_contrast")[i % 4], 2000 + i).image
        if i % 5 == 4:
            photo = f.add_noise(f.scan(margin=60 + i), 2.0)
        variants = {
            "twice": cf.recompressed(photo, 50 + i % 40),
            "resized": photo.resize((photo.width * 3 // 4, photo.height * 3 // 4)),
        }
        for kind, image in variants.items():
            path = Path(folder) / f"{kind}-{i}.jpg"
            image.save(path, quality=85 + i % 10)
            seen += 1
            if "IMAGE_EDITED" in {x.code for x in inspect_image(path).findings}:
                alarms.append(path.name)
    print(f"IMAGE_EDITED on {seen} JPEGs saved twice or resized: {len(alarms)} {alarms[:6]}")


def real(folder: Path, out: Path) -> None:
    """Outline every real picture; write a picture with it drawn, and the straightened copy."""
    out.mkdir(parents=True, exist_ok=True)
    for path in sorted(folder.iterdir()):
        if path.suffix.lower() not in (".jpg", ".jpeg", ".png"):
            continue
        found = files.find_in_file(path)
        preview = found.preview.copy()
        line = "no outline"
        if found.outline is not None:
            o = found.outline
            draw = ImageDraw.Draw(preview)
            corners = [(x * found.scale, y * found.scale) for x, y in o.corners]
            draw.polygon(corners, outline=(255, 0, 255), width=3)
            image, layout = files.straightened_image(path, o.corners)
            image.save(out / f"{path.stem}-straight.jpg", quality=90)
            line = (
                f"score {o.score:.2f} angle {o.angle:6.1f} cut {','.join(o.cut_edges()) or '-':12}"
                f" crossed {','.join(o.crossed()) or '-':12}"
                f" coverage {o.coverage():.2f} kind {layout.kind if layout else '-'}"
            )
        preview.save(out / f"{path.stem}-outline.jpg", quality=85)
        print(f"  {path.name:42} {found.full_size[0]:5}×{found.full_size[1]:<5} {line}")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--samples", type=int, default=20)
    parser.add_argument("--repeat", type=int, default=11)
    parser.add_argument("--real", type=Path, help="folder of real photos to outline")
    parser.add_argument(
        "--warnings", type=int, metavar="N", help="false alarms on N clean pictures"
    )
    parser.add_argument("--out", type=Path, default=Path(tempfile.gettempdir()) / "capture-real")
    args = parser.parse_args()
    if args.real:
        real(args.real, args.out)
        return
    if args.warnings:
        warnings(args.warnings)
        return
    methods = ["opencv", "pillow"] if detect.opencv() else ["pillow"]
    accuracy(args.samples, methods)
    speed(args.repeat)


if __name__ == "__main__":
    Image.MAX_IMAGE_PIXELS = None
    main()
