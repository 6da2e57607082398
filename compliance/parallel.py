"""Check many files on several processes, with results in the same order as one process gives.

durable-rules holds the GIL in C (DURABLE_RULES.md), so threads give nothing: files are split into
chunks checked by worker processes, each with its own engine. A worker that dies is replaced and
its chunk checked again; a chunk that kills a worker twice is checked in this process with the
Python engine, and said so, so no document is lost.
"""

from __future__ import annotations

import multiprocessing
import os
from concurrent.futures import ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool
from pathlib import Path
from typing import Callable

CHUNK = 200
_worker = None


def default_jobs() -> int:
    return len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else (os.cpu_count() or 1)


def _start(settings: dict) -> None:
    global _worker
    from .run import Checker

    _worker = Checker(**settings)


def _check_chunk(paths: list[Path]):
    results = [_worker.check_path(path) for path in paths]
    for result in results:
        result.document = None  # the summary travels back; the whole document would cost more to send than to read
    return results


def check_in_parallel(paths: list[Path], settings: dict, jobs: int, *, fallback: Callable,
                      progress: Callable[[int], None] | None = None, warn: Callable[[str], None] | None = None) -> list:
    """Results of `Checker(**settings).check_path` for each path, in order."""
    chunks = [paths[i:i + CHUNK] for i in range(0, len(paths), CHUNK)]
    results: list[list | None] = [None] * len(chunks)
    context = multiprocessing.get_context("fork")
    pending = list(range(len(chunks)))
    for attempt in range(2):
        if not pending:
            break
        failed: list[int] = []
        with ProcessPoolExecutor(max_workers=jobs, mp_context=context, initializer=_start, initargs=(settings,)) as pool:
            futures = {index: pool.submit(_check_chunk, chunks[index]) for index in pending}
            for index, future in futures.items():
                try:
                    results[index] = future.result()
                    if progress:
                        progress(len(chunks[index]))
                except BrokenProcessPool:
                    failed.append(index)
        pending = failed
    for index in pending:  # killed a worker twice: check here, with the Python engine
        if warn:
            warn(f"plancheck: a worker process died twice on {chunks[index][0]} … ({len(chunks[index])} files); "
                 "they were checked with the Python engine")
        results[index] = fallback(chunks[index])
        if progress:
            progress(len(chunks[index]))
    return [result for chunk in results for result in chunk]
