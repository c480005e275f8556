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
    BrokenExecutor,
    Executor,
    Future,
    ProcessPoolExecutor,
    ThreadPoolExecutor,
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
    jobs: Sequence[Job], *, workers: int = 2, on_fallback: Callable[[str], None] | None = None
) -> list[Outcome]:
    """Run every job; the outcomes come back in the jobs' order, errors as ImageError values."""
    if len(jobs) <= 1 or workers <= 1:
        return [run_job(job) for job in jobs]
    try:
        with _executor(min(workers, len(jobs))) as pool:
            futures = [pool.submit(run_job, job) for job in jobs]
            outcomes = [_outcome(job, future) for job, future in zip(jobs, futures, strict=True)]
    except (OSError, RuntimeError, BrokenExecutor) as exc:  # no process could be started
        return _in_process(jobs, f"{type(exc).__name__}: {exc}", on_fallback)
    if all(isinstance(future.exception(), BrokenExecutor) for future in futures):
        return _in_process(jobs, str(futures[0].exception()), on_fallback)
    return outcomes


def _in_process(
    jobs: Sequence[Job], reason: str, on_fallback: Callable[[str], None] | None
) -> list[Outcome]:
    if on_fallback is not None:
        on_fallback(reason)
    return [run_job(job) for job in jobs]


def _outcome(job: Job, future: Future[Outcome]) -> Outcome:
    """A worker that died (killed, out of memory) costs its own files, not the whole batch."""
    try:
        return future.result()
    except Exception as exc:  # BrokenExecutor, a result that cannot be unpickled...
        return _unexpected(job, exc)


def _executor(workers: int) -> Executor:
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
