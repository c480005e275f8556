"""Fuzz ``inspect`` and ``convert`` in-process with a mutational image corpus.

Run by hand (niced: the machine is shared): ``nice python benchmarks/fuzz_images.py -n 12000``.
For every mutated file: ``inspect_image`` (must never raise) and ``convert_file`` to JPG or BMP
(must succeed inside the byte window or raise ImageError). Counted: unhandled exceptions, answers
over 10 s (stopped by an alarm), inputs modified, outputs outside the window reported as success,
and the process's peak resident memory (an address-space cap of 3 GB keeps a blow-up from
taking the shared machine down; hitting it counts as a MemoryError).
"""

from __future__ import annotations

import hashlib
import json
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

from desktop.core.images import ImageError, convert_file, inspect_image  # noqa: E402
from tests.fuzz_corpus import corpus  # noqa: E402

TIME_LIMIT = 10
WINDOW = (56_320, 1_000_000)


def one(path: Path, out_dir: Path, to: str) -> list[str]:
    """The problems found with one input (empty: it behaved)."""
    problems = []
    before = hashlib.sha256(path.read_bytes()).hexdigest()
    signal.alarm(TIME_LIMIT)
    try:
        try:
            inspect_image(path)
        except Exception as exc:
            problems.append(f"inspect {type(exc).__name__}: {str(exc)[:100]}")
        dst = out_dir / f"{path.stem}_cnnic.{to}"
        try:
            result = convert_file(path, dst, to=to, force=True)
        except ImageError:
            pass
        except Exception as exc:
            problems.append(f"convert {type(exc).__name__}: {str(exc)[:100]}")
        else:
            size = dst.stat().st_size
            if not WINDOW[0] <= size <= WINDOW[1] or result.bytes != size:
                problems.append(f"outside window: {size} bytes reported as success")
            dst.unlink()
    except fuzz_harness.Timeout:
        problems.append("timeout")
    finally:
        signal.alarm(0)
    if hashlib.sha256(path.read_bytes()).hexdigest() != before:
        problems.append("input modified")
    return problems


def main() -> None:
    args = fuzz_harness.start()
    counts: Counter[str] = Counter()
    slowest = (0.0, "")
    examples: dict[str, str] = {}
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        for i, (name, data) in enumerate(corpus(args.n, args.seed)):
            path = folder / name
            path.write_bytes(data)
            start = time.perf_counter()
            problems = one(path, folder, "bmp" if i % 3 == 2 else "jpg")
            seconds = time.perf_counter() - start
            if seconds > slowest[0]:
                slowest = (seconds, name)
            path.unlink()
            counts["inputs_with_problems"] += bool(problems)
            for problem in problems:
                key = problem.split(":")[0]
                counts[key] += 1
                examples.setdefault(key, f"{name}: {problem}")
    peak_mb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(json.dumps({
        "images": args.n, "counts": dict(counts), "examples": examples,
        "slowest_s": round(slowest[0], 2), "slowest_input": slowest[1],
        "peak_rss_mb": round(peak_mb),
    }, ensure_ascii=False, indent=1))  # fmt: skip


if __name__ == "__main__":
    main()
