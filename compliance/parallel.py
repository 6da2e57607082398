"""Check many files on several processes, with results in the same order as one process gives.

durable-rules holds the GIL in C (DURABLE_RULES.md), so threads give nothing: files are split into
chunks checked by worker processes, each with its own engine. A worker that dies is replaced and
its chunk checked again; a chunk that kills a worker twice is checked in this process with the
Python engine, and said so, so no document is lost.

durable-rules never gives back the memory of a compiled ruleset (1-2.5 MB for a superior's
requirements, `delete_ruleset` included), and a province has thousands of superiors. So a worker
retires once it has compiled RETIRE_AFTER rulesets, and a fresh one takes its place: memory stays
flat however large the tree. (ProcessPoolExecutor's own `max_tasks_per_child` deadlocks on Python 3.11, so each worker
is a one-process pool of its own, replaced here.)
"""

from __future__ import annotations

import gc
import multiprocessing
import os
from concurrent.futures import FIRST_COMPLETED, Future, ProcessPoolExecutor, wait
from concurrent.futures.process import BrokenProcessPool
from dataclasses import dataclass, field
from pathlib import Path
from typing import Callable

CHUNK = 200
RETIRE_AFTER = 40  # rulesets a worker compiles before it retires: about 100 MB
AHEAD = 2  # chunks handed to a worker at once, so it never waits for the next one
_worker = None


def default_jobs() -> int:
    return len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else (os.cpu_count() or 1)


def map_in_processes(function: Callable, items: list, jobs: int, *, chunk: int = 2000) -> list:
    """`[function(item) for item in items]`, on `jobs` forked processes when there are many items:
    reading the first lines of 50,000 files takes seconds on one core before any plan is checked.
    `function` is a module's own function, and items and answers small: they are pickled."""
    if jobs <= 1 or len(items) < 2 * chunk:
        return [function(item) for item in items]
    with multiprocessing.get_context("fork").Pool(min(jobs, len(items) // chunk)) as pool:
        return pool.map(function, items, chunksize=chunk)


def _start(settings: dict) -> None:
    global _worker
    from .run import Checker

    _worker = Checker(**settings)


def _compiled() -> int:
    return getattr(_worker.engine, "compiled", 0)


def _check_chunk(paths: list[Path]):
    """Results for the first paths, as many as the worker can take before it must retire (at least
    one), and how many rulesets it has compiled."""
    results = []
    for path in paths:
        result = _worker.check_path(path)
        result.document = None  # the summary travels back; the whole document would cost more to send than to read
        results.append(result)
        if _compiled() >= RETIRE_AFTER:
            break
    return results, _compiled()


@dataclass
class _Worker:
    """One worker process, with the chunks it was given."""

    pool: ProcessPoolExecutor
    compiled: int = 0
    running: dict[Future, tuple[int, int]] = field(default_factory=dict)  # future -> (chunk index, first path)

    @property
    def spent(self) -> bool:
        return self.compiled >= RETIRE_AFTER


def check_in_parallel(paths: list[Path], settings: dict, jobs: int, *, fallback: Callable,
                      progress: Callable[[int], None] | None = None, warn: Callable[[str], None] | None = None,
                      arrived: Callable[[list], list] = lambda results: results) -> list:
    """Results of `Checker(**settings).check_path` for each path, in order; `arrived` sees each batch as it comes."""
    from .schema import fast_validator

    fast_validator()  # compiled once here, not in each of the dozens of workers forked from here
    chunks = [paths[i:i + CHUNK] for i in range(0, len(paths), CHUNK)]
    results: list[list] = [[] for _ in chunks]
    context = multiprocessing.get_context("fork")
    queue = [(index, 0) for index in reversed(range(len(chunks)))]  # (chunk, first path not done), next last
    deaths = [0] * len(chunks)
    given_up: list[int] = []
    workers: list[_Worker] = []

    def hire() -> _Worker:
        # Objects alive now (results so far) go to the collector's permanent generation: a worker forked
        # from here would otherwise copy every page they sit on as its collector walks them, and this
        # process's collector would walk them again and again as results pile up.
        gc.freeze()
        worker = _Worker(ProcessPoolExecutor(max_workers=1, mp_context=context, initializer=_start, initargs=(settings,)))
        workers.append(worker)
        return worker

    def retire(worker: _Worker) -> None:
        workers.remove(worker)
        worker.pool.shutdown(wait=False, cancel_futures=True)

    try:
        while queue or any(worker.running for worker in workers):
            for worker in [w for w in workers if w.spent and not w.running]:
                retire(worker)
            while len(workers) < jobs and queue:
                hire()
            for worker in workers:
                while queue and not worker.spent and len(worker.running) < AHEAD:
                    index, start = queue.pop()
                    worker.running[worker.pool.submit(_check_chunk, chunks[index][start:])] = index, start
            done, _ = wait([future for worker in workers for future in worker.running], return_when=FIRST_COMPLETED)
            for worker in list(workers):
                broken = False
                for future in [f for f in worker.running if f in done]:
                    index, start = worker.running.pop(future)
                    try:
                        done_here, worker.compiled = future.result()
                    except BrokenProcessPool:
                        broken = True
                        deaths[index] += 1
                        (given_up if deaths[index] >= 2 else queue).append((index, start))
                        continue
                    results[index] += arrived(done_here)
                    if start + len(done_here) < len(chunks[index]):  # the worker must retire: the rest goes first to the next
                        queue.append((index, start + len(done_here)))
                    if progress:
                        progress(len(done_here))
                if broken:  # its other chunks go back to the queue, to a new worker
                    for item in worker.running.values():
                        queue.append(item)
                    worker.running.clear()
                    retire(worker)
    finally:
        for worker in list(workers):
            retire(worker)
    for index, start in sorted(given_up):  # killed a worker twice: check here, with the Python engine
        rest = chunks[index][start:]
        if warn:
            warn(f"plancheck: a worker process died twice on {rest[0]} … ({len(rest)} files); "
                 "they were checked with the Python engine")
        results[index] += arrived(fallback(rest))
        if progress:
            progress(len(rest))
    return [result for chunk in results for result in chunk]
