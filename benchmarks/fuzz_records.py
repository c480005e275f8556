"""Fuzz ``check`` in-process with generated records: count internal errors, slow answers, memory.

Run by hand (niced: the machine is shared): ``nice python benchmarks/fuzz_records.py -n 12000``.
Every record goes through ``desktop.cli.main(["check", ...])`` exactly as a user's would. Counted:
unhandled exceptions (an exception escaping ``main`` or an "internal error" line), answers slower
than 10 s (stopped by an alarm), exit codes, and the process's peak resident memory.
"""

from __future__ import annotations

import contextlib
import io
import json
import os
import random
import resource
import signal
import sys
import tempfile
import time
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

import fuzz_harness  # noqa: E402  (beside this script)

from desktop import cli  # noqa: E402
from desktop.core.record import RECORD_KEYS  # noqa: E402

TIME_LIMIT = 10
BASE = json.loads((ROOT / "resources/examples/organization.json").read_text(encoding="utf-8"))
ODD_TEXT = [
    "",
    " ",
    "\x00",
    "\ud800",
    "\x1b[31mred\x1b[0m",
    "a\nb\r\nc",
    "\u200b",
    "\u00ad",
    "\ufeff",
    "１１０１０５",
    "长期",
    "9999-12-31",
    "0000-00-00",
    "2026-02-30",
    "xn--",
    "xn--zz",
    "ｘｎ－－",
    "中文域名。中国",
    "金.cn",
    "-a-.cn",
    "a" * 300,
    "中" * 300,
    "\U0001f600" * 50,
    "../../etc/passwd",
    "CON",
    "nul.jpg",
    "1e999",
    "NaN",
    "-0",
    "\u202eevil",
    "é" * 64,
    "\u3000\u3000",
]
DEEP = ("[" * 100_000) + ("]" * 100_000)


def random_text(rnd: random.Random) -> str:
    pick = rnd.random()
    if pick < 0.35:
        return rnd.choice(ODD_TEXT)
    if pick < 0.55:
        return "".join(chr(rnd.randrange(0, 0x110000)) for _ in range(rnd.randrange(0, 40)))
    if pick < 0.65:  # long values: the quadratic and "no limit" paths
        unit = rnd.choice(["中", "a", "xn--", "1", "。", ".", "-", "\u200b", "金"])
        return unit * rnd.choice([254, 1000, 10_000, 20_000, 100_000])
    if pick < 0.75:
        return "xn--" + "a" * rnd.choice([60, 1000, 1_000_000])
    alphabet = "0123456789Xx-·. 中文国华公司@_abcABC\u3000："
    return "".join(rnd.choice(alphabet) for _ in range(rnd.randrange(0, 30)))


def random_value(rnd: random.Random, depth: int = 0) -> object:
    pick = rnd.random()
    if pick < 0.8 or depth > 3:
        return random_text(rnd)
    if pick < 0.85:
        return rnd.choice([0, -1, 2**64, 10**300, 1.5, 1e308])
    if pick < 0.9:
        return rnd.choice([True, False, None])
    if pick < 0.95:
        return [random_value(rnd, depth + 1) for _ in range(rnd.randrange(0, 4))]
    return {random_text(rnd): random_value(rnd, depth + 1) for _ in range(rnd.randrange(0, 3))}


def record_text(rnd: random.Random, folder: Path) -> bytes:
    """One generated record file's bytes (valid JSON most of the time)."""
    pick = rnd.random()
    if pick < 0.03:
        return DEEP.encode()
    if pick < 0.05:
        return ('{"domain": ' + "[" * 5000 + "]" * 5000 + "}").encode()
    if pick < 0.07:
        return ('{"phone": ' + "9" * 5000 + "}").encode()
    if pick < 0.09:
        return bytes(rnd.randrange(256) for _ in range(rnd.randrange(0, 200)))
    data = dict(BASE)
    for _ in range(rnd.randrange(1, 6)):
        key = rnd.choice(RECORD_KEYS) if rnd.random() < 0.9 else random_text(rnd)
        data[key] = random_value(rnd)
    if rnd.random() < 0.1:
        data["images"] = [
            rnd.choice(
                [
                    "\x00.jpg",
                    "\ud800.png",
                    "/dev/zero",
                    "/dev/null",
                    str(folder / "fifo"),
                    str(folder),
                    "missing.jpg",
                ]
            )
        ]
    if rnd.random() < 0.05:
        data["cert_issue_date"] = "2026-12-01"
    text = json.dumps(data, ensure_ascii=rnd.random() < 0.5)
    return text.encode("utf-8", "surrogatepass")


def argv_for(rnd: random.Random, path: Path, folder: Path) -> list[str]:
    argv = ["check", str(path)]
    if rnd.random() < 0.3:
        argv.append("--json")
    if rnd.random() < 0.5:
        argv += ["--lang", rnd.choice(["zh", "en"])]
    if rnd.random() < 0.1:
        argv += ["--today", rnd.choice(["9999-12-31", "0001-01-01", "2026-12-02"])]
    if rnd.random() < 0.03:
        argv += ["--image", rnd.choice(["\x00a.jpg", "/dev/zero", str(folder / "fifo")])]
    if rnd.random() < 0.02:
        argv[1] = rnd.choice(["/dev/zero", str(folder / "fifo"), str(folder), "\x00x.json"])
    return argv


def run_one(argv: list[str]) -> tuple[str, float]:
    """("exit N" | "internal" | "timeout", seconds)."""
    out, err = io.StringIO(), io.StringIO()
    start = time.perf_counter()
    signal.alarm(TIME_LIMIT)
    try:
        with contextlib.redirect_stdout(out), contextlib.redirect_stderr(err):
            code = cli.main(argv)
        kind = "internal" if "internal error" in err.getvalue() else f"exit {code}"
    except fuzz_harness.Timeout:
        kind = "timeout"
    except BaseException as exc:  # escaped main entirely
        kind = "internal"
        err.write(f"escaped: {type(exc).__name__}: {exc}")
    finally:
        signal.alarm(0)
    if kind == "internal":
        line = (err.getvalue().strip().splitlines() or [""])[-1]
        print(f"  internal: {argv[1:]!r:.120} -> {line[:160]}", file=sys.__stderr__)
    return kind, time.perf_counter() - start


def main() -> None:
    args = fuzz_harness.start()
    rnd = random.Random(args.seed)
    kinds: Counter[str] = Counter()
    slowest = (0.0, "")
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        os.mkfifo(folder / "fifo")
        for i in range(args.n):
            path = folder / f"r{i % 50}.json"
            path.write_bytes(record_text(rnd, folder))
            argv = argv_for(rnd, path, folder)
            kind, seconds = run_one(argv)
            kinds[kind] += 1
            if seconds > slowest[0]:
                slowest = (seconds, path.read_bytes()[:80].decode("utf-8", "replace"))
    peak_mb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(json.dumps({
        "records": args.n,
        "internal_errors": kinds["internal"],
        "timeouts_over_10s": kinds["timeout"],
        "exit_codes": {k: v for k, v in sorted(kinds.items()) if k.startswith("exit")},
        "slowest_s": round(slowest[0], 2),
        "slowest_input": slowest[1],
        "peak_rss_mb": round(peak_mb),
    }, ensure_ascii=False, indent=1))  # fmt: skip


if __name__ == "__main__":
    main()
