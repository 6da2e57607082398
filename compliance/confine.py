"""Where the paths inside a document may lead: `superior:` and `evidence:` stay inside the repository.

A plan is data written by someone else. Its `superior: ../../../etc/x.yaml`, an absolute path, or a
symbolic link that leads out of the repository must not make plancheck read (or point a report at)
a file the user did not ask about. The root of a document is the nearest folder above it holding
`.git`; outside a git repository, the outermost folder given on the command line that holds it (a
folder argument itself, or the folder of a file argument, or the audit folder); else its own folder.
`--allow-outside` lifts the rule.
"""

from __future__ import annotations

import os
import re
from dataclasses import dataclass, field
from pathlib import Path
from urllib.parse import unquote, urlsplit

from .errors import Problem, ResolveError, shorten

_REMOTE = re.compile(r"^[A-Za-z][A-Za-z0-9+.-]*://")  # https://…: evidence kept elsewhere, not a file here
_DRIVE = re.compile(r"^[A-Za-z]:[\\/]")  # C:\…, written on Windows: absolute


def real_path(path: Path) -> Path:
    """The absolute path with links followed; unlike Path.resolve on Python 3.11, never raises on a loop of links."""
    return Path(os.path.realpath(path))


def led_to(path: str, folders: dict[str, str]) -> str:
    """`real_path(path)` as text, with the real path of each folder (and file) remembered in `folders`:
    a tree of thousands of plans names the same few folders and files over and over."""
    answer = folders.get("\1" + path)  # the same text asked again: a cache checks every plan's photos
    if answer is not None:
        return answer
    folder, name = os.path.split(path)
    if name in ("", ".", ".."):
        return os.path.realpath(path)
    if folder not in folders:
        folders[folder] = os.path.realpath(folder or ".")
    inside = os.path.join(folders[folder], name)
    key = "\0" + inside  # a file's own answer: plans in different folders name the same photos
    if key not in folders:
        folders[key] = os.path.realpath(inside) if os.path.islink(inside) else inside
    folders["\1" + path] = folders[key]
    return folders[key]


@dataclass
class Confinement:
    """The roots that `superior:` and `evidence:` paths must stay inside, and the check."""

    allow_outside: bool = False
    roots: list[Path] = field(default_factory=list)  # folders given on the command line, followed
    # Remembered for the run: a large tree asks about the same folders and superiors thousands of times,
    # and os.path.realpath costs a system call per part of the path.
    _folders: dict[str, str] = field(default_factory=dict, repr=False)
    _git_roots: dict[Path, Path | None] = field(default_factory=dict, repr=False)

    def resolve(self, path: Path) -> Path:
        return Path(led_to(os.fspath(path), self._folders))

    def _git_root(self, folder: Path) -> Path | None:
        asked = []
        while folder not in self._git_roots:
            asked.append(folder)
            if (folder / ".git").exists():
                self._git_roots[folder] = folder
                break
            if folder.parent == folder:
                self._git_roots[folder] = None
                break
            folder = folder.parent
        found = self._git_roots[folder]
        for below in asked:
            self._git_roots[below] = found
        return found

    def add_inputs(self, paths: list[Path]) -> None:
        """Folders given on the command line, and the folders of files given on it, are roots outside git."""
        for path in paths:
            folder = real_path(path if path.is_dir() else path.parent)
            if folder not in self.roots:
                self.roots.append(folder)

    def root_for(self, path: Path) -> Path:
        resolved = self.resolve(path)
        found = self._git_root(resolved.parent)
        if found is not None:
            return found
        holding = [root for root in self.roots if resolved.is_relative_to(root)]
        return min(holding, key=lambda root: len(root.parts)) if holding else resolved.parent

    def _outside(self, target: Path, root: Path) -> bool:
        if self.allow_outside:
            return False
        resolved, inside = led_to(os.fspath(target), self._folders), os.fspath(root)
        return resolved != inside and not resolved.startswith(inside.rstrip(os.sep) + os.sep)

    def check_superior(self, document, target: Path, reference: str, field_name: str) -> None:
        """ResolveError if the superior `target` (named `reference` at `field_name`) leads out of the root."""
        root = self.root_for(document.path)
        if self._outside(target, root):
            line, column = document.marks.get(field_name, (None, None))
            raise ResolveError(
                Problem(document.display_path, f"the superior `{shorten(reference)}` leads outside the repository (its root is {root}); "
                        "keep plans inside it, or pass --allow-outside", line, column, field_name, "outside-root")
            )

    def evidence_problems(self, document) -> list[Problem]:
        """A problem for each `evidence:` entry that leads out of the root (the file need not exist)."""
        if self.allow_outside:
            return []
        root = self.root_for(document.path)
        problems = []
        for index, activity in enumerate(document.plan.activities):
            for number, entry in enumerate(activity.evidence):
                pointer = f"/activities/{index}/evidence/{number}"
                line, column = document.marks.get(pointer, (None, None))
                if "\x00" in entry:
                    problems.append(Problem(document.display_path, f"the evidence {shorten(entry)!r} is not a path (it holds "
                                            "a NUL character)", line, column, pointer, "bad-path"))
                    continue
                target = _evidence_path(entry, document.path.parent)
                if target is not None and self._outside(target, root):
                    problems.append(
                        Problem(document.display_path, f"the evidence `{shorten(entry)}` leads outside the repository (its root is "
                                f"{root}); keep evidence inside it, or pass --allow-outside", line, column,
                                pointer, "outside-root")
                    )
        return problems

    def check_evidence(self, document) -> None:
        problems = self.evidence_problems(document)
        if problems:
            raise ResolveError(*problems)


def _evidence_path(entry: str, folder: Path) -> Path | None:
    """The local file an evidence entry names, or None for a remote address (https://…)."""
    text = entry.strip()
    if text.lower().startswith("file:"):
        text = unquote(urlsplit(text).path) or "/"
    elif _REMOTE.match(text):
        return None
    if _DRIVE.match(text):
        return Path("/") / text  # absolute on the machine that wrote it; never inside this root
    text = text.replace("\\", "/")  # a Windows path's `..\..\` climbs too
    return folder / text
