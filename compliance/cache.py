"""A content-keyed cache of check results, so that a re-run after one edit checks one file.

`.plancheck-cache/` (safe to delete) holds one file per set of settings (plancheck's version, the
as-of day, the engine, the superior and packs asked for, the limits). An entry is used only if the
document's bytes are unchanged and so are those of every document it was checked against (its
chain of superiors, the packs): a changed superior or pack re-checks its plans, so no finding can be
stale. A plan that names no superior but cites a number keeps the superior that number led to; when
another document comes to hold the number, the plan is checked again. Waivers, baselines and --select/--ignore are applied after the cache, on every run.
"""

from __future__ import annotations

import hashlib
import os
import pickle
from dataclasses import dataclass, field
from pathlib import Path

from . import __version__
from .output import write_atomically
from .confine import led_to
from .resolve import real

FOLDER = ".plancheck-cache"
LAYOUT = 4  # of the stored results: raise it when DocumentResult or PlanSummary changes shape
KEPT = 3  # results files kept, the newest: one per as-of day and settings


def _digest(path: Path) -> str | None:
    try:
        return hashlib.sha256(path.read_bytes()).hexdigest()
    except OSError:
        return None


@dataclass
class Entry:
    stat: tuple[int, int]  # size, mtime_ns: when unchanged, the digest need not be computed again
    digest: str
    dependencies: tuple[tuple[str, str], ...]  # (resolved path, digest) of superiors and packs
    result: object
    by_citation: str | None = None  # the superior found by the plan's `cites`, when it names none


@dataclass
class Cache:
    folder: Path
    settings: dict
    entries: dict[str, Entry] = field(default_factory=dict)
    _digests: dict[str, str | None] = field(default_factory=dict)  # per run
    _folders: dict[str, str] = field(default_factory=dict)  # per run: real paths of folders
    changed: bool = False

    @property
    def file(self) -> Path:
        key = repr(sorted((k, repr(v)) for k, v in self.settings.items())) + __version__ + f"/{LAYOUT}"
        return self.folder / f"results-{hashlib.sha256(key.encode()).hexdigest()[:20]}.pickle"

    @classmethod
    def open(cls, folder: Path, settings: dict) -> Cache:
        cache = cls(folder, settings)
        try:
            with cache.file.open("rb") as stream:
                stored = pickle.load(stream)
            if stored.get("version") == __version__ and stored.get("layout") == LAYOUT:
                cache.entries = stored["entries"]
        except (OSError, EOFError, pickle.UnpicklingError, AttributeError, ImportError, KeyError, TypeError, ValueError):
            cache.entries = {}  # missing or unreadable: start afresh
        return cache

    def _stat(self, path: Path) -> tuple[int, int] | None:
        try:
            info = os.stat(path)
        except OSError:
            return None
        return info.st_size, info.st_mtime_ns

    def digest(self, path: str) -> str | None:
        if path not in self._digests:
            self._digests[path] = _digest(Path(path))
        return self._digests[path]

    def get(self, path: Path, by_citation: dict[str, str] | None = None):
        """The result kept for `path`, if nothing it depends on has changed; `by_citation` maps plans (resolved)
        to the superior their `cites` lead to in this run (another plan's number may have changed, not this plan)."""
        key = led_to(str(path), self._folders)
        entry = self.entries.get(key)
        if entry is None or entry.by_citation != (by_citation or {}).get(key):
            return None
        stat = self._stat(path)
        if stat != entry.stat:
            if self.digest(key) != entry.digest:
                return None
            entry.stat = stat
            self.changed = True
        if any(self.digest(dependency) != digest for dependency, digest in entry.dependencies):
            return None
        if any(led_to(written, self._folders) != led for written, led in getattr(entry.result, "references", ())):
            return None  # a link now leads elsewhere: check again (confinement included)
        return entry.result

    def put(self, path: Path, result, dependencies: list[Path], by_citation: dict[str, str] | None = None) -> None:
        key = led_to(str(path), self._folders)
        digest = self.digest(key)
        stat = self._stat(path)
        if digest is None or stat is None:
            return
        deps = tuple((str(real(d)), self.digest(str(real(d))) or "") for d in dependencies)
        self.entries[key] = Entry(stat, digest, deps, result, (by_citation or {}).get(key))
        self.changed = True

    def save(self) -> None:
        if not self.changed:
            return
        self.folder.mkdir(parents=True, exist_ok=True)
        gitignore = self.folder / ".gitignore"
        if not gitignore.exists():
            gitignore.write_text("*\n", encoding="utf-8")
        write_atomically(self.file, lambda stream: pickle.dump({"version": __version__, "layout": LAYOUT, "entries": self.entries}, stream,
                                                               protocol=pickle.HIGHEST_PROTOCOL), binary=True)
        self._forget_older()

    def _forget_older(self) -> None:
        """Keep the KEPT files used last: each as-of day is another set of settings, and a province's results take 100 MB."""
        for path in all_but_newest(self.folder.glob("results-*.pickle"), KEPT, stamp=lambda path: path):
            if path != self.file:
                path.unlink(missing_ok=True)


def all_but_newest(paths, kept: int, *, stamp) -> list[Path]:
    """`paths` but the `kept` modified last, judged by the file `stamp(path)` (one that cannot be read: oldest)."""
    def modified(path: Path) -> int:
        try:
            return stamp(path).stat().st_mtime_ns
        except OSError:
            return 0

    return sorted(paths, key=modified, reverse=True)[kept:]
