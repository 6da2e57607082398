"""Time `plancheck audit` against its floor, a plain-Python reference, across sizes, and after one edit.

    python -m bench [--size 10000] [--repeat R] [--tree DIR] [--seed 1] [--json results.json]

In one run, on the same files (a synthetic tree from bench.generate, or --tree DIR):

- the floor: read + schema-validate only (bench.floor), on 1 and 2 processes;
- `plancheck audit DIR --format json --no-cache` with --jobs 1 and --jobs 2 (the report goes to
  stdout, thrown away: `--output /dev/null` would have plancheck's atomic write rename a temporary
  file over /dev/null, which as root replaces the device);
- the reference evaluator (bench.reference) on 1 process;
- scaling: the same at 1k, 10k and 50k documents (--size 50000), or at size/10 and size;
- the cache: a first audit that fills it, a re-audit with nothing changed, and a re-audit after one
  plan's content changed (a different edit each repeat; the file is restored afterwards).

Every command runs as a child process, from the tree's root (as a committee runs `plancheck audit .`
in its repository); its wall time is measured, its peak memory read two ways: the largest max RSS
of one process (wait4 rusage) and the peak sum of RSS over its process tree (sampled at 10 Hz from
/proc/PID/statm: pages a forked worker shares with its parent count in both, so it is an upper bound). Each row shows the
median of R repeats (default 3, 1 at 50,000 documents and more), repeats interleaved across rows.
Timings are never asserted anywhere: this prints figures, it does not pass or fail.
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import resource
import shutil
import signal
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from dataclasses import asdict, dataclass, field
from pathlib import Path

from .generate import AS_OF, generate

ROOT = Path(__file__).resolve().parent.parent
CLI = ROOT / "cli.py"
CACHE_FOLDER = ".plancheck-cache"
REVISION = ["unknown"]  # at the start of the run


# Running one command ---------------------------------------------------------------------------
def _tree(pid: int) -> list[int]:
    pids, index = [pid], 0
    while index < len(pids):
        current = pids[index]
        index += 1
        try:
            for task in os.listdir(f"/proc/{current}/task"):
                with open(f"/proc/{current}/task/{task}/children") as stream:
                    pids += [int(child) for child in stream.read().split()]
        except OSError:
            continue
    return pids


PAGE_KIB = os.sysconf("SC_PAGE_SIZE") // 1024


def _rss_kib(pid: int) -> int:
    """Resident set of one process, from /proc/PID/statm (cheap: no page-table walk as smaps_rollup does)."""
    try:
        with open(f"/proc/{pid}/statm") as stream:
            return int(stream.read().split()[1]) * PAGE_KIB
    except (OSError, IndexError, ValueError):
        return 0


def _pss_kib(pid: int) -> int:
    """Proportional set size: each page shared after fork divided among the processes that share it,
    so the sum over a process tree is the memory the run really holds (a page-table walk: sampled less often)."""
    try:
        with open(f"/proc/{pid}/smaps_rollup") as stream:
            for line in stream:
                if line.startswith("Pss:"):
                    return int(line.split()[1])
    except (OSError, IndexError, ValueError):
        pass
    return 0


PSS_EVERY = 5  # RSS samples per PSS sample


@dataclass
class Sample:
    seconds: float
    max_rss_mib: float  # the largest single process (the child or one of its workers)
    tree_mib: float  # the peak sum of RSS over the child and its workers (shared pages counted in each)
    code: int
    stdout: str = ""
    pss_mib: float = 0.0  # the peak sum of PSS over the child and its workers (shared pages divided among them)
    failed: str | None = None  # why the run did not finish (out of memory under --memory-limit)


MEMORY_LIMIT = 4 * 1024**3  # bytes of address space per process (set by --memory-limit); 0: none
TIMEOUT = 1800.0  # seconds a run may take (set by --timeout); 0: none


def _limit_memory() -> None:
    if MEMORY_LIMIT:
        resource.setrlimit(resource.RLIMIT_AS, (MEMORY_LIMIT, MEMORY_LIMIT))


def run(command: list[str], cwd: Path, *, keep_stdout: bool = False) -> Sample:
    """Run `command` from `cwd`; its wall time and memory. A run that runs out of memory under the
    limit is a result (marked failed), not an error of the bench."""
    env = {**os.environ, "PYTHONPATH": os.pathsep.join(filter(None, [str(ROOT), os.environ.get("PYTHONPATH")]))}
    with tempfile.TemporaryFile() as out, tempfile.TemporaryFile() as err:
        started = time.perf_counter()
        process = subprocess.Popen(command, cwd=cwd, env=env, stdout=out if keep_stdout else subprocess.DEVNULL, stderr=err,
                                   preexec_fn=_limit_memory, start_new_session=True)
        timed_out = threading.Event()

        def kill() -> None:  # the child and its workers: they are one process group
            timed_out.set()
            try:
                os.killpg(process.pid, signal.SIGKILL)
            except ProcessLookupError:
                pass

        timer = threading.Timer(TIMEOUT, kill) if TIMEOUT else None
        if timer:
            timer.start()
        peak = pss_peak = ticks = 0
        stop = threading.Event()

        def sample() -> None:
            nonlocal peak, pss_peak, ticks
            while not stop.wait(0.1):
                pids = _tree(process.pid)
                peak = max(peak, sum(_rss_kib(pid) for pid in pids))
                ticks += 1
                if ticks % PSS_EVERY == 0:
                    pss_peak = max(pss_peak, sum(_pss_kib(pid) for pid in pids))

        sampler = threading.Thread(target=sample, daemon=True)
        sampler.start()
        _, status, usage = os.wait4(process.pid, 0)
        seconds = time.perf_counter() - started
        if timer:
            timer.cancel()
        stop.set()
        sampler.join()
        process.returncode = os.waitstatus_to_exitcode(status)
        out.seek(0)
        err.seek(0)
        stdout, stderr = out.read().decode("utf-8", "replace"), err.read().decode("utf-8", "replace")
    sample = Sample(seconds, usage.ru_maxrss / 1024, peak / 1024, process.returncode, stdout, pss_peak / 1024)
    limit = f" (limit {MEMORY_LIMIT / 1024**3:g} GiB a process)" if MEMORY_LIMIT else ""
    if timed_out.is_set():
        sample.failed = f"timed out after {seconds:.0f} s" + (" with MemoryError on the way" + limit if "MemoryError" in stderr else "")
    elif "MemoryError" in stderr or "Cannot allocate memory" in stderr:
        sample.failed = f"out of memory after {seconds:.0f} s{limit}"
    elif process.returncode == -9:
        sample.failed = f"killed (SIGKILL, the kernel's OOM killer?) after {seconds:.0f} s"
    elif process.returncode not in (0, 1):
        raise SystemExit(f"bench: {' '.join(command)} failed ({process.returncode}):\n{stderr[-2000:]}")
    return sample


# What is measured -------------------------------------------------------------------------------
@dataclass
class Row:
    what: str
    size: int
    jobs: int
    floor: str | None  # the key of the floor row it is compared with
    samples: list[Sample] = field(default_factory=list)

    @property
    def key(self) -> str:
        return f"{self.what}|{self.size}|{self.jobs}"

    @property
    def finished(self) -> list[Sample]:
        return [s for s in self.samples if s.failed is None]

    @property
    def failed(self) -> str | None:
        return next((s.failed for s in self.samples if s.failed), None)

    @property
    def median(self) -> float | None:
        return statistics.median(s.seconds for s in self.finished) if self.finished else None

    @property
    def max_rss(self) -> float:
        return max(s.max_rss_mib for s in self.samples)

    @property
    def tree_mib(self) -> float:
        return max(s.tree_mib for s in self.samples)

    @property
    def pss_mib(self) -> float:
        return max(s.pss_mib for s in self.samples)


FLOOR = "floor: read + validate"
AUDIT = "plancheck audit --no-cache"
REFERENCE = "reference evaluator"
CACHE_FILL = "audit, first run (fills the cache)"
CACHE_SAME = "re-audit, nothing changed"
CACHE_EDIT = "re-audit after one change"


def audit_command(jobs: int, *, cache: bool) -> list[str]:
    command = [sys.executable, str(CLI), "audit", ".", "--as-of", AS_OF.isoformat(), "--format", "json", "--jobs", str(jobs)]
    return command if cache else [*command, "--no-cache"]


def floor_command(schema: Path, jobs: int) -> list[str]:
    return [sys.executable, "-m", "bench.floor", ".", "--schema", str(schema), "--jobs", str(jobs)]


def reference_command() -> list[str]:
    return [sys.executable, "-m", "bench.reference", ".", "--as-of", AS_OF.isoformat()]


def warm(tree: Path) -> int:
    """Read every file once, so that no run pays for a cold page cache; return the number of files."""
    count = 0
    for dirpath, dirnames, filenames in os.walk(tree):
        dirnames[:] = [d for d in dirnames if not d.startswith(".")]
        for name in filenames:
            with open(os.path.join(dirpath, name), "rb") as stream:
                stream.read()
            count += 1
    return count


def edit_target(tree: Path) -> Path:
    """A plan of the lowest level, in the middle of the tree: the usual edit of a committee's day."""
    plans = sorted(p for p in tree.rglob("units/*.yaml"))
    if not plans:
        plans = sorted(p for p in tree.rglob("*.yaml") if not any(part.startswith(".") for part in p.relative_to(tree).parts))
    return plans[len(plans) // 2]


def edited(original: bytes, number: int) -> bytes:
    """The plan with its title revised (a content change; the document stays valid)."""
    lines = original.split(b"\n")
    for index, line in enumerate(lines):
        if line.startswith(b"title: "):
            lines[index] = line + f"（修订{number}）".encode("utf-8")
            return b"\n".join(lines)
    return original + f"\n# 修订{number}\n".encode("utf-8")


# The run ----------------------------------------------------------------------------------------
def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m bench", description=__doc__.splitlines()[0])
    parser.add_argument("--size", type=int, default=10_000, help="documents in the main tree (default 10000)")
    parser.add_argument("--repeat", type=int, default=None, help="repeats per row (default 3; 1 at 50000 documents and more)")
    parser.add_argument("--tree", type=Path, help="use this tree instead of generating one (its files are read; one is "
                        "edited and restored for the re-audit)")
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--no-scaling", action="store_true", help="skip the smaller trees")
    parser.add_argument("--no-cache-runs", action="store_true", help="skip the runs with the cache")
    parser.add_argument("--keep", action="store_true", help="keep the generated trees (their folder is printed)")
    parser.add_argument("--json", type=Path, help="also write the rows as JSON here")
    parser.add_argument("--memory-limit", type=float, default=4, metavar="GIB",
                        help="address space allowed to each process run (default 4 GiB; 0: none); a run beyond it is "
                             "reported as out of memory, and the machine stays usable")
    parser.add_argument("--timeout", type=float, default=1800, metavar="SECONDS",
                        help="time allowed to each run (default 1800; 0: none); a run beyond it is killed and reported")
    args = parser.parse_args(argv)
    global MEMORY_LIMIT, TIMEOUT
    MEMORY_LIMIT = int(args.memory_limit * 1024**3)
    TIMEOUT = args.timeout

    REVISION[0] = revision()
    _log(f"plancheck {REVISION[0]}")
    _log(f"load average at the start: {'/'.join(f'{x:.1f}' for x in os.getloadavg())} (other work on the machine skews the figures)")
    work = Path(tempfile.mkdtemp(prefix="plancheck-bench-"))
    schema = work / "schema.json"
    try:
        schema.write_text(subprocess.run([sys.executable, str(CLI), "schema"], check=True, capture_output=True, text=True).stdout,
                          encoding="utf-8")
        trees: dict[int, Path] = {}
        if args.tree:
            main_tree = args.tree.resolve()
            size = json.loads(run(floor_command(schema, 1), main_tree, keep_stdout=True).stdout)["documents"]
        else:
            size = args.size
            main_tree = work / f"tree-{size}"
            _log(f"generating {size:,} documents in {main_tree}")
            generate(size, main_tree, args.seed)
        trees[size] = main_tree
        scales = [] if args.no_scaling else ([1_000, 10_000] if size >= 50_000 else [max(20, size // 10)])
        for scale in scales:
            trees[scale] = work / f"tree-{scale}"
            _log(f"generating {scale:,} documents in {trees[scale]}")
            generate(scale, trees[scale], args.seed)
        for tree in trees.values():
            warm(tree)

        rows: list[Row] = []
        plan: list[tuple[Row, list[str], Path]] = []
        for scale in sorted(trees):
            tree = trees[scale]
            floors = {jobs: Row(FLOOR, scale, jobs, None) for jobs in (1, 2)}
            for jobs, row in floors.items():
                plan.append((row, floor_command(schema, jobs), tree))
            for jobs in (1, 2):
                plan.append((Row(AUDIT, scale, jobs, floors[jobs].key), audit_command(jobs, cache=False), tree))
            if scale == size:
                plan.append((Row(REFERENCE, scale, 1, floors[1].key), reference_command(), tree))
        rows = [row for row, _, _ in plan]
        by_size = {scale: args.repeat or (1 if scale >= 50_000 else 3) for scale in trees}
        for repeat in range(max(by_size.values())):
            for row, command, tree in plan:
                if repeat < by_size[row.size]:
                    row.samples.append(run(command, tree))
                    _log(f"{row.what} --jobs {row.jobs} at {row.size:,}: {row.samples[-1].seconds:.2f} s"
                         + (f" ({row.samples[-1].failed})" if row.samples[-1].failed else ""))
        if not args.no_cache_runs:
            rows += cache_runs(main_tree, size, by_size[size], rows)
        print(table(rows, size, by_size))
        if args.json:
            args.json.write_text(json.dumps(
                {"size": size, "as_of": AS_OF.isoformat(), "machine": machine(), "plancheck": REVISION[0], "plancheck_at_end": revision(),
                 "memory_limit_gib": args.memory_limit,
                 "rows": [{**{k: v for k, v in asdict(row).items() if k != "samples"}, "median_s": row.median,
                           "max_rss_mib": row.max_rss, "tree_mib": row.tree_mib, "pss_mib": row.pss_mib, "seconds": [s.seconds for s in row.samples],
                           "failed": row.failed}
                          for row in rows]},
                ensure_ascii=False, indent=2) + "\n", encoding="utf-8")
    finally:
        if args.keep:
            _log(f"trees kept in {work}")
        else:
            shutil.rmtree(work, ignore_errors=True)
    return 0


def cache_runs(tree: Path, size: int, repeat: int, rows: list[Row]) -> list[Row]:
    """A first audit with the cache, a re-audit with nothing changed, and re-audits after one edit."""
    floor = next(r.key for r in rows if r.what == FLOOR and r.size == size and r.jobs == 2)
    fill, same, edit = (Row(what, size, 2, floor) for what in (CACHE_FILL, CACHE_SAME, CACHE_EDIT))
    cache = tree / CACHE_FOLDER
    aside = tree / f"{CACHE_FOLDER}.bench-{os.getpid()}"
    existed = cache.exists()
    if existed:  # a cache of the user's own: set aside, so that the first run really fills one
        cache.rename(aside)
    target = edit_target(tree)
    original = target.read_bytes()
    try:
        for number in range(1, repeat + 1):
            shutil.rmtree(cache, ignore_errors=True)
            fill.samples.append(run(audit_command(2, cache=True), tree))
            if fill.samples[-1].failed:
                _log(f"cache at {size:,}: the first run failed ({fill.samples[-1].failed}); no re-audit")
                return [fill]
            same.samples.append(run(audit_command(2, cache=True), tree))
            target.write_bytes(edited(original, number))
            edit.samples.append(run(audit_command(2, cache=True), tree))
            target.write_bytes(original)
            _log(f"cache at {size:,}: first {fill.samples[-1].seconds:.2f} s, unchanged {same.samples[-1].seconds:.2f} s, "
                 f"one edit ({target.relative_to(tree)}) {edit.samples[-1].seconds:.2f} s")
    finally:
        target.write_bytes(original)
        shutil.rmtree(cache, ignore_errors=True)
        if existed:
            aside.rename(cache)
    return [fill, same, edit]


def revision() -> str:
    """The plancheck being measured: its commit, and whether compliance/ has uncommitted changes."""
    try:
        head = subprocess.run(["git", "-C", str(ROOT), "rev-parse", "--short", "HEAD"], capture_output=True, text=True,
                              check=True).stdout.strip()
        dirty = subprocess.run(["git", "-C", str(ROOT), "status", "--porcelain", "--", "compliance", "cli.py", "rules"],
                               capture_output=True, text=True, check=True).stdout.strip()
    except (OSError, subprocess.CalledProcessError):
        return "unknown"
    return head + (" with uncommitted changes in compliance/" if dirty else "")


def machine() -> str:
    load = "/".join(f"{x:.1f}" for x in os.getloadavg())
    return (f"{os.cpu_count()} cores, {platform.python_implementation()} {platform.python_version()}, "
            f"{platform.system()} {platform.release()}, load average {load} at the end")


def table(rows: list[Row], size: int, repeats: dict[int, int]) -> str:
    keyed = {row.key: row for row in rows}
    header = f"{'what':<36} {'docs':>7} {'jobs':>4} {'median s':>9} {'ms/doc':>7} {'× floor':>8} {'peak MiB':>9} {'all MiB':>8} {'PSS MiB':>8}"
    order = {FLOOR: 0, AUDIT: 1, REFERENCE: 2, CACHE_FILL: 3, CACHE_SAME: 4, CACHE_EDIT: 5}

    def line(row: Row) -> str:
        floor = keyed[row.floor].median if row.floor else row.median
        if row.median is None:
            return f"{row.what:<36} {row.size:>7,} {row.jobs:>4}   {row.failed}; peak {row.max_rss:.0f} MiB, all {row.tree_mib:.0f} MiB, PSS {row.pss_mib:.0f} MiB"
        ratio = f"{row.median / floor:.2f}" if floor else "-"
        note = f"  ({len(row.samples) - len(row.finished)} of {len(row.samples)} runs {row.failed})" if row.failed else ""
        return (f"{row.what:<36} {row.size:>7,} {row.jobs:>4} {row.median:>9.2f} {row.median / row.size * 1000:>7.2f} {ratio:>8} "
                f"{row.max_rss:>9.0f} {row.tree_mib:>8.0f} {row.pss_mib:>8.0f}{note}")

    lines = [f"plancheck bench: {size:,} documents, as of {AS_OF}, plancheck {REVISION[0]}"
             + (f" (at the end: {revision()})" if revision() != REVISION[0] else "") + f"; {machine()}",
             f"median of {', '.join(f'{r} at {s:,}' for s, r in sorted(repeats.items()))} run(s); × floor: against the floor with "
             "the same number of processes; peak MiB: the largest max RSS of one process; all MiB: the peak sum of RSS over "
             "the process and its workers (pages shared after fork counted in each); PSS MiB: the peak sum of proportional "
             "set sizes (shared pages divided among the processes: the memory the run holds), sampled at 2 Hz", "", header, "-" * len(header)]
    lines += [line(row) for row in sorted((r for r in rows if r.size == size), key=lambda r: (order[r.what], r.jobs))]
    scaling = sorted((r for r in rows if r.what in (FLOOR, AUDIT)), key=lambda r: (r.what != FLOOR, r.jobs, r.size))
    if len({r.size for r in scaling}) > 1:
        lines += ["", "scaling", header, "-" * len(header)] + [line(row) for row in scaling]
    return "\n".join(lines)


def _log(text: str) -> None:
    print(f"bench: {text}", file=sys.stderr, flush=True)


if __name__ == "__main__":
    sys.exit(main())
