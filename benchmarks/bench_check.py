"""How fast is ``check``? In-process median per record, and CLI cold start (process start to exit).

Run by hand: ``python benchmarks/bench_check.py``. Targets: < 1 ms in-process, < 150 ms cold start.
"""

from __future__ import annotations

import json
import statistics
import subprocess
import sys
import time
from datetime import date
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from desktop.core import record  # noqa: E402
from desktop.core.engine import check_record  # noqa: E402
from desktop.core.paths import resource_path  # noqa: E402

BAD = {"cert_number": "１１０１０５４９１２３１００２", "name_en": "Zhang·San", "phone_cc": "0571",
       "email": "zhangsan@", "domain": "-bad--name.cn", "province": "浙江"}  # fmt: skip


def in_process(kind: str, overrides: dict, runs: int = 2000) -> float:
    data = json.loads(resource_path("examples", f"{kind}.json").read_text(encoding="utf-8"))
    rec = record.from_dict({**data, **overrides})
    check_record(rec, today=date(2026, 11, 23))  # warm the data caches
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        check_record(rec, today=date(2026, 11, 23))
        times.append(time.perf_counter() - start)
    return statistics.median(times) * 1000


def cold_start(runs: int = 15) -> float:
    example = resource_path("examples", "organization.json")
    cmd = [sys.executable, "-m", "desktop.cli", "check", "--json", str(example)]
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        subprocess.run(cmd, capture_output=True, check=False, cwd=ROOT)
        times.append(time.perf_counter() - start)
    return statistics.median(times) * 1000


def main() -> None:
    print("| What | Median |\n|---|---|")
    for kind in ("individual", "organization"):
        print(f"| check_record, valid {kind} record | {in_process(kind, {}):.3f} ms |")
    bad = in_process("individual", BAD)
    print(f"| check_record, individual record with 6 bad fields | {bad:.3f} ms |")
    bare = [sys.executable, "-c", "pass"]
    start = time.perf_counter()
    for _ in range(15):
        subprocess.run(bare, check=True)
    python_only = (time.perf_counter() - start) / 15 * 1000
    print(f"| `realname-precheck check` process, start to exit | {cold_start():.0f} ms |")
    print(f"| (bare `python -c pass` on this machine) | {python_only:.0f} ms |")


if __name__ == "__main__":
    main()
