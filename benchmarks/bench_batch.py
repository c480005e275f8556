"""Portfolio precheck speed and scale (run by hand; numbers go in the issue note).

    .venv/bin/python benchmarks/bench_batch.py [--records 10000] [--scans 100] [--repeat 3]

1. 10,000 records without scans (a GBK CSV as Excel writes it): the whole ``batch`` command,
   wall time and peak memory (child process, ru_maxrss of the children), against one ``check``.
2. 100 records with 100 scans (mixed JPEG/PNG/HEIC): files/s and how busy the cores were
   (CPU time of the children / wall time / cores).
3. The window: 10,000 rows loading into the portfolio table; the longest UI-thread gap,
   measured by a 10 ms timer (see benchmarks/bench_ui.py for the method).
Medians of --repeat runs. The machine is shared: say so when quoting the numbers.
"""

from __future__ import annotations

import argparse
import os
import resource
import statistics
import subprocess
import sys
import tempfile
import time
from datetime import date, timedelta
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
CLI = [sys.executable, "-m", "desktop.cli"]


def people(count: int) -> list[dict]:
    """Distinct valid holders: resident ID numbers with correct check digits."""
    from stdnum.cn import ric

    from tests.batch import portfolio

    rows = []
    for i in range(count):
        born = (date(1970, 1, 1) + timedelta(days=i // 900)).strftime("%Y%m%d")
        body = f"110101{born}{i % 900 + 100:03d}"
        rows.append(portfolio.example(name_zh=f"张{_hanzi(i)}", name_en=f"Zhang {i}",
                                      cert_number=body + ric.calc_check_digit(body)))  # fmt: skip
    return rows


def _hanzi(i: int) -> str:
    chars = "伟芳娜敏静丽强磊军洋勇艳杰娟涛明超秀霞平刚桂"
    return chars[i % len(chars)] + chars[(i // len(chars)) % len(chars)]


def run(args: list[str]) -> tuple[float, float, float]:
    """Wall seconds, children CPU seconds, peak MB of one command."""
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    start = time.perf_counter()
    subprocess.run([*CLI, *args], stdout=subprocess.DEVNULL, check=False, cwd=ROOT)
    wall = time.perf_counter() - start
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    cpu = (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)
    return wall, cpu, after.ru_maxrss / 1024


def median_run(args: list[str], repeat: int) -> tuple[float, float, float]:
    runs = [run(args) for _ in range(repeat)]
    return tuple(statistics.median(r[i] for r in runs) for i in range(3))  # type: ignore[return-value]


def bench_records(folder: Path, count: int, repeat: int) -> None:
    from tests.batch import portfolio

    sheet = portfolio.excel_csv(folder / "portfolio.csv", people(count))
    record = folder / "one.json"
    record.write_text(portfolio.json.dumps(portfolio.example(), ensure_ascii=False), "utf-8")
    one, _, _ = median_run(["check", str(record), "--today", "2026-11-23"], repeat)
    for jobs in (1, os.cpu_count() or 1):
        wall, cpu, peak = median_run(["batch", str(sheet), "--today", "2026-11-23", "--jobs",
                                      str(jobs)], repeat)  # fmt: skip
        print(f"{count} records, --jobs {jobs}: {wall:.2f} s wall ({wall / one:.1f}× one check "
              f"of {one:.3f} s), CPU {cpu:.2f} s, peak {peak:.0f} MB")  # fmt: skip


def bench_scans(folder: Path, count: int, repeat: int) -> None:
    from tests import images_factory
    from tests.batch import portfolio

    scans = folder / "scans"
    scans.mkdir()
    picture = images_factory.scan(images_factory.card())
    kinds = [("jpg", "JPEG"), ("png", "PNG"), ("heic", "HEIF")]
    rows = people(count)
    for i, row in enumerate(rows):
        ext, fmt = kinds[i % 3]
        path = scans / f"{i}.{ext}"
        own = images_factory.marked(picture)  # each holder's own scan (no DUPLICATE_SCAN)
        own.paste((i % 256, i // 256, 90), (40, 400, 60 + i % 200, 420))
        if fmt == "HEIF":
            images_factory._heif(own, path)
        else:
            images_factory.save(own, path, fmt)
        row["images"] = [f"scans/{path.name}"]
    sheet = portfolio.excel_csv(folder / "scans.csv", rows)
    cores = os.cpu_count() or 1
    for jobs in (1, cores):
        wall, cpu, _ = median_run(["batch", str(sheet), "--today", "2026-11-23", "--jobs",
                                   str(jobs)], repeat)  # fmt: skip
        busy = cpu / wall / cores
        print(f"{count} scans, --jobs {jobs}: {wall:.2f} s, {count / wall:.1f} files/s, "
              f"cores busy {busy:.0%} of {cores}")  # fmt: skip


def bench_window(folder: Path, count: int) -> None:
    code = subprocess.run([sys.executable, str(ROOT / "benchmarks" / "bench_batch_ui.py"),
                           str(folder / "portfolio.csv")], cwd=ROOT, check=False)  # fmt: skip
    if code.returncode:
        print("window benchmark failed", file=sys.stderr)


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--records", type=int, default=10_000)
    parser.add_argument("--scans", type=int, default=100)
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument("--skip-window", action="store_true")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        bench_records(folder, args.records, args.repeat)
        bench_scans(folder, args.scans, args.repeat)
        if not args.skip_window:
            bench_window(folder, args.records)


if __name__ == "__main__":
    main()
