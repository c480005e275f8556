"""How well and how fast are scans read? Accuracy on the synthetic set and timings on this machine.

Run by hand (slow: about a second per sample; the machine is shared, so be nice):

    nice -n 10 python3 benchmarks/bench_ocr.py [--set DIR] [--limit N] [--variant photo]
    nice -n 10 python3 benchmarks/bench_ocr.py --real ../shared/ocr-real   # timings, real scans

The set is generated into ``benchmarks/out/ocr-set`` (git-ignored) by ``scripts/make_ocr_set.py``
when missing. Reported: document kind right, name and number exact (clean and photographed
halves), false alarms (an OCR_*_MISMATCH on a record whose typed data matches the document),
mistakes caught (a look-alike name character or a wrong number character typed), expired
documents flagged, engine load time, and reading time per card, per phone photo and per A4 page.
Targets (issue 6): kind ≥ 98 %; name and number ≥ 95 % clean, ≥ 85 % photographed; false
alarms ≤ 1 %; clean ID card ≤ 0.7 s, phone photo ≤ 1.2 s, A4 licence ≤ 3 s, load ≤ 2 s.
"""

from __future__ import annotations

import argparse
import json
import random
import statistics
import subprocess
import sys
import tempfile
import time
from collections import Counter, defaultdict
from datetime import date
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from desktop.core import record as records  # noqa: E402
from desktop.core.normalize import has_cjk  # noqa: E402
from desktop.core.ocr import scan  # noqa: E402
from desktop.core.ocr.compare import (  # noqa: E402
    compare_names,
    look_alikes,
    normalise_name,
    normalise_number,
)
from desktop.core.ocr.crosscheck import crosscheck  # noqa: E402
from desktop.core.ocr.hanzi import to_simplified  # noqa: E402

MISMATCHES = {"OCR_NAME_MISMATCH", "OCR_NUMBER_MISMATCH", "OCR_CERT_TYPE_MISMATCH"}
# A typing mistake is caught when the scan reading names it, sure or "could not confirm".
CAUGHT = MISMATCHES | {"OCR_NAME_UNCONFIRMED"}
ALARM_SEVERITIES = ("error", "warning")  # an info "could not confirm" is no alarm
VARIANTS = ("clean", "photo", "rotated", "lowres", "twocol", "mrzdamage")
CARDS = {
    "id_front",
    "id_back",
    "hk_macao_permit",
    "tw_permit",
    "residence_permit",
    "residence_permit_back",
    "fpr",
}
LOAD_SNIPPET = (
    "import time; t = time.perf_counter(); from desktop.core.ocr import scan; scan.load(); "
    "print(time.perf_counter() - t)"
)


def ensure_set(folder: Path) -> None:
    if any(folder.glob("*.json")):
        return
    print(f"generating the test set in {folder} ...", flush=True)
    subprocess.run(
        [sys.executable, str(ROOT / "scripts" / "make_ocr_set.py"), str(folder)], check=True
    )


def load_times(runs: int = 3) -> list[float]:
    """Engine load (imports + models + first run) in fresh processes, seconds."""
    out = []
    for _ in range(runs):
        done = subprocess.run(
            [sys.executable, "-c", LOAD_SNIPPET],
            cwd=ROOT,
            check=True,
            capture_output=True,
            text=True,
        )
        out.append(float(done.stdout.strip().splitlines()[-1]))
    return out


def name_exact(read: str, truth: str) -> bool:
    if not has_cjk(truth):
        return compare_names(truth, read).same  # Latin: word order and punctuation free
    return normalise_name(read) == normalise_name(truth)


def mutated(rec: dict, truth: dict, rng: random.Random) -> dict | None:
    """The record with one realistic typing mistake (look-alike character or number slip)."""
    name, number = truth["name"], truth["number"]
    if name and has_cjk(name) and rng.random() < 0.5:
        spots = [i for i, c in enumerate(name) if lookalike(c)]
        if spots:
            i = rng.choice(spots)
            other = lookalike(name[i])
            return {**rec, "name_zh": name[:i] + other + name[i + 1 :]}
    if number:
        i = rng.randrange(len(number))
        return {**rec, "cert_number": number[:i] + slip(number[i]) + number[i + 1 :]}
    return None


def lookalike(char: str) -> str:
    """A look-alike of ``char`` that is not merely its traditional/simplified form ("" if none)."""
    others = [c for c in sorted(look_alikes(char)) if to_simplified(c) != to_simplified(char)]
    return others[0] if others else ""


def slip(char: str) -> str:
    """A character typed instead of ``char``: O for 0, I for 1, B for 8, else a neighbour."""
    if char in "018":
        return {"0": "O", "1": "I", "8": "B"}[char]
    if char.isdigit():
        return str((int(char) + 1) % 10)
    return "0"


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--set", type=Path, default=ROOT / "benchmarks" / "out" / "ocr-set")
    parser.add_argument("--limit", type=int, default=0, help="read only the first N samples")
    parser.add_argument("--variant", choices=VARIANTS, help="read only samples of this variant")
    parser.add_argument("--real", type=Path, help="time the real images in this folder instead")
    parser.add_argument("--repeat", type=int, default=3, help="reads per real image (median)")
    args = parser.parse_args()
    if args.real:
        return real_timings(args.real, args.repeat)
    ensure_set(args.set)
    loads = load_times()
    scan.load()

    stats: Counter = Counter()
    times: dict[str, list[float]] = defaultdict(list)
    misses: list[str] = []
    rng = random.Random(6)
    pattern = f"*-{args.variant}.json" if args.variant else "*.json"
    samples = sorted(args.set.glob(pattern))[: args.limit or None]
    for path in samples:
        truth = json.loads(path.read_text(encoding="utf-8"))
        image, variant, kind = path.with_suffix(".jpg"), truth["variant"], truth["kind"]
        start = time.perf_counter()
        reading = scan.read_scan(image)
        elapsed = time.perf_counter() - start
        bucket = (
            "hard"
            if variant not in ("clean", "photo")
            else "photo"
            if variant == "photo"
            else "a4"
            if kind == "business_licence"
            else "card"
            if kind in CARDS
            else "other"
        )
        times[bucket].append(elapsed)
        if kind == "id_front" and variant == "clean":
            times["id_clean"].append(elapsed)
        stats[variant, "n"] += 1
        stats[variant, "kind"] += reading.kind == kind
        if reading.kind != kind:
            misses.append(f"{path.stem}: kind {reading.kind}")
        if truth["name"]:
            stats[variant, "name_n"] += 1
            got = reading.name.text if reading.name else ""
            if name_exact(got, truth["name"]):
                stats[variant, "name"] += 1
            else:
                misses.append(f"{path.stem}: name {got!r} (truth {truth['name']!r})")
        if truth["number"]:
            stats[variant, "number_n"] += 1
            got = reading.number.text if reading.number else ""
            if normalise_number(got) == normalise_number(truth["number"]):
                stats[variant, "number"] += 1
            else:
                misses.append(f"{path.stem}: number {got!r} (truth {truth['number']!r})")
        today = date.fromisoformat(truth["today"])
        rec = records.from_dict(truth["record"])
        findings = crosscheck(rec, {0: reading}, today)
        codes = {f.code for f in findings}
        alarms = {f.code for f in findings if f.severity in ALARM_SEVERITIES} & MISMATCHES
        stats[variant, "alarm"] += bool(alarms)
        if alarms:
            misses.append(f"{path.stem}: false alarm {sorted(alarms)}")
        stats[variant, "rotated"] += bool(reading.rotation)
        stats[variant, "unreadable"] += "OCR_UNREADABLE" in codes
        stats[variant, "script"] += "OCR_NAME_SCRIPT" in codes
        if truth["expired"]:
            stats[variant, "expired_n"] += 1
            stats[variant, "expired"] += "OCR_EXPIRED" in codes
        stats[variant, "expired_wrong"] += "OCR_EXPIRED" in codes and not truth["expired"]
        wrong = mutated(truth["record"], truth, rng)
        if wrong:
            stats[variant, "caught_n"] += 1
            found = crosscheck(records.from_dict(wrong), {0: reading}, today)
            caught = any(f.code in CAUGHT for f in found)
            stats[variant, "caught"] += caught
            if not caught:
                typed = wrong.get("name_zh") if wrong.get("name_zh") != truth["name"] else None
                misses.append(f"{path.stem}: mistake not caught ({typed or wrong['cert_number']})")

    if not args.variant:  # a subset run skips the 12 MP timings
        times["photo12"] = twelve_megapixel_times(args.set)
    print("\n".join(misses) or "no misses")
    report(stats, times, loads)
    return 0


def real_timings(folder: Path, repeat: int) -> int:
    """Reading time per real image (median of ``repeat``), by kind, and what finding the upright
    page costs on scans that were upright already (one recogniser pass vs the whole read)."""
    from PIL import Image

    from desktop.core.ocr import engine

    loads = load_times()
    scan.load()
    kinds = {"id_front": "ID card", "id_back": "ID card", "passport": "passport"}
    times: dict[str, list[float]] = defaultdict(list)
    overhead: list[float] = []
    with tempfile.TemporaryDirectory() as tmp:
        images = []
        for truth_path in sorted(folder.glob("*.json")):
            truth = json.loads(truth_path.read_text(encoding="utf-8"))
            if "file" in truth and (folder / truth["file"]).is_file():
                images.append((folder / truth["file"], kinds.get(truth["kind"], "A4 licence")))
        licences = [p for p, k in images if k == "A4 licence"]
        if licences:  # a 600-dpi A4 scan: the largest licence enlarged to 4963×3508
            source = max(licences, key=lambda p: Image.open(p).width * Image.open(p).height)
            big = Path(tmp) / "a4-600dpi.jpg"
            with Image.open(source) as im:
                size = (4963, 3508) if im.width > im.height else (3508, 4963)
                im.convert("RGB").resize(size, Image.Resampling.LANCZOS).save(big, quality=90)
            images.append((big, "A4 licence"))
        for path, kind in images:
            runs = []
            for _ in range(repeat):
                start = time.perf_counter()
                reading = scan.read_scan(path)
                runs.append(time.perf_counter() - start)
            times[kind].append(statistics.median(runs))
            if not reading.rotation:
                image = scan.open_image(path)
                start = time.perf_counter()
                engine.get_engine().read(image)
                single = time.perf_counter() - start
                overhead.append(statistics.median(runs) / max(single, 1e-6) - 1)
            print(f"{path.name}: {kind}, {statistics.median(runs):.2f} s, turn {reading.rotation}")
    print(f"\nengine load, fresh process: median {statistics.median(loads):.2f} s")
    print("| kind | median s | max s | n |\n|---|---|---|---|")
    for kind, values in sorted(times.items()):
        print(f"| {kind} | {statistics.median(values):.2f} | {max(values):.2f} | {len(values)} |")
    if overhead:
        print(f"orientation on upright scans: median {100 * statistics.median(overhead):+.0f} %")
    return 0


def twelve_megapixel_times(folder: Path, count: int = 5) -> list[float]:
    """Reading time of full-size phone photos (4032×3024 JPEG): ID-card photos enlarged."""
    from PIL import Image

    out = []
    with tempfile.TemporaryDirectory() as tmp:
        for source in sorted(folder.glob("*-id_front-photo.jpg"))[:count]:
            big = Path(tmp) / source.name
            Image.open(source).resize((4032, 3024), Image.Resampling.LANCZOS).save(big, quality=90)
            start = time.perf_counter()
            scan.read_scan(big)
            out.append(time.perf_counter() - start)
    return out


def pct(stats: Counter, variant: str, key: str, total: str) -> str:
    n = stats[variant, total]
    return f"{100 * stats[variant, key] / n:5.1f} % ({stats[variant, key]}/{n})" if n else "—"


def report(stats: Counter, times: dict[str, list[float]], loads: list[float]) -> None:
    rows = [
        ("document kind right", "kind", "n"),
        ("name exact", "name", "name_n"),
        ("number exact", "number", "number_n"),
        ("false alarm (OCR_*_MISMATCH on matching data)", "alarm", "n"),
        ("typing mistake caught", "caught", "caught_n"),
        ("expired document flagged", "expired", "expired_n"),
        ("OCR_EXPIRED on a valid document", "expired_wrong", "n"),
        ("OCR_UNREADABLE (warning)", "unreadable", "n"),
        ("OCR_NAME_SCRIPT (info)", "script", "n"),
    ]
    variants = [v for v in VARIANTS if stats[v, "n"]]
    print("\n| measure | " + " | ".join(variants) + " |\n" + "|---" * (len(variants) + 1) + "|")
    for label, key, total in [*rows, ("scan turned upright (IMAGE_ROTATED)", "rotated", "n")]:
        print(f"| {label} | " + " | ".join(pct(stats, v, key, total) for v in variants) + " |")
    print("\n| timing (s) | median | p90 | n |\n|---|---|---|---|")
    print(
        f"| engine load, fresh process | {statistics.median(loads):.2f} | {max(loads):.2f} | "
        f"{len(loads)} |"
    )
    labels = {
        "id_clean": "clean ID card 1012×638",
        "card": "any clean card",
        "photo": "phone photo 2000×1500",
        "photo12": "phone photo 4032×3024 (12 MP)",
        "a4": "A4 licence 1654×2339 (200 dpi)",
        "other": "certificates / passports",
    }
    for key, label in labels.items():
        values = sorted(times.get(key, []))
        if values:
            p90 = values[min(len(values) - 1, int(0.9 * len(values)))]
            print(f"| {label} | {statistics.median(values):.2f} | {p90:.2f} | {len(values)} |")


if __name__ == "__main__":
    sys.exit(main())
