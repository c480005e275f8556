"""Convert many scans at once on every core: a process pool (two workers by default).

Each conversion is independent, so processes scale without sharing any Pillow object. In a frozen
build without ``multiprocessing.freeze_support()`` in its entry point a process pool would start
the program again, so there threads are used instead (decoding and encoding into files release
the GIL; every call works on its own Image objects).

Workers die with their parent (a watchdog thread waits on it), so a batch that is killed stops
writing at once; their half-written temporary files are removed by the next run. When workers
cannot start at all, the batch runs in this process instead and ``on_fallback`` says why.
"""

from __future__ import annotations

import multiprocessing
import os
import sys
import threading
from collections.abc import Callable, Sequence
from concurrent.futures import (
    FIRST_COMPLETED,
    BrokenExecutor,
    Executor,
    Future,
    ProcessPoolExecutor,
    ThreadPoolExecutor,
    wait,
)
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from desktop.core.images.convert import ConvertResult, convert_file
from desktop.core.images.errors import ImageError, reason_params


@dataclass(frozen=True)
class Job:
    """One conversion: ``convert_file(src, dst, **options)``."""

    src: Path
    dst: Path | None = None
    options: dict[str, Any] = field(default_factory=dict)


Outcome = ConvertResult | ImageError


def convert_many(
    jobs: Sequence[Job],
    *,
    workers: int = 2,
    on_fallback: Callable[[str], None] | None = None,
    progress: Callable[[int, int], None] | None = None,
    cancelled: Callable[[], bool] | None = None,
) -> list[Outcome | None]:
    """Run every job; the outcomes come back in the jobs' order, errors as ImageError values.

    ``progress(done, total)`` follows the finished jobs. Once ``cancelled()`` is true no further
    job starts: those come back as None; the ones already running finish (their files stay).
    """
    if len(jobs) <= 1 or workers <= 1:
        return _in_process(jobs, "", None, progress, cancelled)
    try:
        with worker_pool(min(workers, len(jobs))) as pool:
            futures = [pool.submit(run_job, job) for job in jobs]
            _follow(futures, progress, cancelled)
            outcomes = [None if future.cancelled() else _outcome(job, future)
                        for job, future in zip(jobs, futures, strict=True)]  # fmt: skip
    except (OSError, RuntimeError, BrokenExecutor) as exc:  # no process could be started
        return _in_process(jobs, f"{type(exc).__name__}: {exc}", on_fallback, progress, cancelled)
    started = [f for f in futures if not f.cancelled()]
    if started and all(isinstance(f.exception(), BrokenExecutor) for f in started):
        return _in_process(jobs, str(started[0].exception()), on_fallback, progress, cancelled)
    return outcomes


def _follow(
    futures: list[Future[Outcome]],
    progress: Callable[[int, int], None] | None,
    cancelled: Callable[[], bool] | None,
) -> None:
    """Wait for the futures, reporting each finished one; on cancel, drop those not started."""
    pending = set(futures)
    while pending:
        done, pending = wait(pending, timeout=0.1, return_when=FIRST_COMPLETED)
        if progress is not None and done:
            progress(len(futures) - len(pending), len(futures))
        if cancelled is not None and cancelled():
            for future in pending:
                future.cancel()  # a job already handed to a worker still runs to its end
            wait(pending)
            return


def _in_process(
    jobs: Sequence[Job],
    reason: str,
    on_fallback: Callable[[str], None] | None,
    progress: Callable[[int, int], None] | None = None,
    cancelled: Callable[[], bool] | None = None,
) -> list[Outcome | None]:
    if on_fallback is not None and reason:
        on_fallback(reason)
    outcomes: list[Outcome | None] = []
    for job in jobs:
        stop = cancelled is not None and cancelled()
        outcomes.append(None if stop else run_job(job))
        if progress is not None and not stop:
            progress(len(outcomes), len(jobs))
    return outcomes


def _outcome(job: Job, future: Future[Outcome]) -> Outcome:
    """A worker that died (killed, out of memory) costs its own files, not the whole batch."""
    try:
        return future.result()
    except Exception as exc:  # BrokenExecutor, a result that cannot be unpickled...
        return _unexpected(job, exc)


def worker_pool(workers: int) -> Executor:
    """The pool for parallel image work: threads in a frozen build (no ``freeze_support`` in its
    entry point), else "spawn" processes started by ``start_worker``."""
    if getattr(sys, "frozen", False):
        return ThreadPoolExecutor(max_workers=workers)
    # "spawn" everywhere: what Windows does anyway, and safe in a process that runs threads.
    context = multiprocessing.get_context("spawn")
    return ProcessPoolExecutor(workers, mp_context=context, initializer=start_worker)


def start_worker() -> None:
    """Die with the parent; one decoding thread (the processes are the parallelism: libheif's
    own threads would oversubscribe)."""
    parent = multiprocessing.parent_process()
    if parent is not None:
        threading.Thread(target=_exit_with, args=(parent,), daemon=True).start()
    import pi_heif

    pi_heif.options.DECODE_THREADS = 1


def _exit_with(parent: multiprocessing.process.BaseProcess) -> None:
    """Wait until the parent process ends (killed or not), then stop this worker at once."""
    parent.join()
    os._exit(3)


def run_job(job: Job) -> Outcome:
    """One conversion that never raises: failures come back as ImageError values."""
    try:
        return convert_file(job.src, job.dst, **job.options)
    except ImageError as err:
        return err
    except Exception as exc:  # nothing may kill the rest of the batch
        return _unexpected(job, exc)


def _unexpected(job: Job, exc: BaseException) -> ImageError:
    detail = f"{type(exc).__name__}: {exc}"
    name = Path(job.src).name
    return ImageError("IMAGE_UNREADABLE", name=name, **reason_params("unexpected", error=detail))
