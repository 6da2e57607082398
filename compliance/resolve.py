"""Find a document's superior and packs, follow the chain of superiors, and bind requirements."""

from __future__ import annotations

import os
import re
from dataclasses import dataclass, field
from functools import lru_cache
from importlib import resources
from pathlib import Path

from .checks import REGISTRY
from .checks.base import Defaults
from .confine import Confinement
from .documents import Document, load_document
from .engine import BoundRequirement, RequirementSet
from .parallel import map_in_processes
from .errors import PlancheckError, Problem, ResolveError, RuleError, shorten

MAX_CHAIN = 16
DOCUMENT_SUFFIXES = (".yaml", ".yml", ".json")
BUILTIN_RULES = Path(__file__).resolve().parent.parent / "rules"  # a source checkout


_FOLDERS: dict[str, str] = {}  # the real path of each folder met, for this process


@lru_cache(maxsize=65536)
def _real(cwd: str, path: str) -> Path:
    # os.path.realpath (unlike Path.resolve on 3.11, it never raises on a loop of links) costs a system
    # call per part of the path; a tree's plans share a few hundred folders, so a new file costs one.
    folder, name = os.path.split(os.path.join(cwd, path))
    if name in ("", ".", ".."):
        return Path(os.path.realpath(os.path.join(cwd, path)))
    known = _FOLDERS.get(folder)
    if known is None:
        known = _FOLDERS[folder] = os.path.realpath(folder)
    inside = os.path.join(known, name)
    return Path(os.path.realpath(inside) if os.path.islink(inside) else inside)


def real(path: Path) -> Path:
    """`path.resolve()`, remembered: a large tree resolves the same superiors and folders again and again."""
    return _real(os.getcwd(), str(path))


def display(path: Path) -> str:
    """A path as the user sees it: relative to the working directory when inside it."""
    try:
        return str(real(path).relative_to(real(Path("."))))
    except ValueError:
        return os.path.normpath(str(path))  # towns/../city.yaml and city.yaml are shown alike


_YAML_ID = re.compile(rb"^id:[ \t]*[\"']?([a-z0-9][a-z0-9-]*)[\"']?[ \t]*(?:#.*)?$", re.MULTILINE)
_JSON_ID = re.compile(rb'"id"\s*:\s*"([a-z0-9][a-z0-9-]*)"')


def _quick_id(path: str) -> str | None:
    """A document's id read from its first lines, without parsing it: an index of a large tree by id
    would otherwise read every plan twice. The superior found by it is loaded and checked in full."""
    try:
        with open(path, "rb") as stream:
            head = stream.read(8192)
    except OSError:
        return None
    match = (_JSON_ID if path.lower().endswith(".json") else _YAML_ID).search(head)
    return match.group(1).decode() if match else None


def looks_like_path(reference: str) -> bool:
    """A superior named by path (`../city.yaml`), not by id (`city-2024`)."""
    return reference.endswith(DOCUMENT_SUFFIXES) or "/" in reference or "\\" in reference


def repository_root(path: Path) -> Path:
    for folder in [path.parent, *path.parent.parents]:
        if (folder / ".git").exists():
            return folder
    return path.parent


@dataclass
class Resolver:
    """Loads and caches documents and packs, and answers "what applies to this document"."""

    rules_dirs: list[Path] = field(default_factory=list)
    max_size: int | None = None  # bytes of one file; None: limits.MAX_SIZE
    confinement: Confinement = field(default_factory=Confinement)  # where `superior:` may lead
    _documents: dict[Path, Document] = field(default_factory=dict)
    _ids: dict[Path, dict[str, list[Path]]] = field(default_factory=dict)  # by the folder walked
    _packs: dict[str, Document] = field(default_factory=dict)
    _sets: dict[tuple, RequirementSet] = field(default_factory=dict)
    _above: dict[tuple[Path, str], Document] = field(default_factory=dict)  # (a superior, its `superior:`) -> its superior

    def load(self, path: Path, *, keep: bool = True) -> Document:
        """A document, read once. Superiors and packs are kept for the run; a plan read only to be
        checked (`keep=False`) is not, so a tree of 50,000 plans is never all in memory at once, unless
        it sets requirements: the plans below it, checked next, read it again as their superior."""
        key = real(path)
        if key in self._documents:
            return self._documents[key]
        document = load_document(path, display(path), max_size=self.max_size)
        if keep or document.plan.requirements:
            self._documents[key] = document
        return document

    # superiors -------------------------------------------------------------------------------
    def _walk_ids(self, root: Path, jobs: int = 1) -> dict[str, list[Path]]:
        """Every document under `root` by id, in the order of a walk of `root`."""
        candidates = []
        for dirpath, dirnames, filenames in os.walk(root):
            dirnames[:] = [d for d in dirnames if not d.startswith(".")]
            candidates += [os.path.join(dirpath, name) for name in filenames if name.endswith(DOCUMENT_SUFFIXES)]
        index: dict[str, list[Path]] = {}
        for candidate, found in zip(candidates, map_in_processes(_quick_id, candidates, jobs)):
            if found is None:
                try:
                    found = self.load(Path(candidate), keep=False).plan.id
                except PlancheckError:
                    continue  # not a document; reported when checked itself
            index.setdefault(found, []).append(Path(candidate))
        return index

    def walk_ids_for(self, files: list[Path], *, jobs: int = 1) -> dict[Path, dict[str, list[Path]]]:
        """The walks that finding these files' superiors by id will need, done now, to hand to workers:
        each worker would otherwise walk the whole tree again, since every chain of superiors reaches
        the top, whose folder holds the tree."""
        # By folder, not by file: a plan that is a link to another folder is not seen here, and the worker
        # that needs its root walks it itself.
        roots = {repository_root(Path(os.path.realpath(folder or "."), "_")) for folder in {os.path.dirname(str(path)) for path in files}}
        tops = [root for root in roots if not any(parent in roots for parent in root.parents)]
        for root in tops:
            if root not in self._ids:
                self._ids[root] = self._walk_ids(root, jobs)
        return {root: self._ids[root] for root in tops}

    def know_ids(self, walked: dict[Path, dict[str, list[Path]]]) -> None:
        """Walks done by `walk_ids_for` in another process of the same run."""
        self._ids.update(walked)

    def _find_by_id(self, root: Path, reference: str) -> Path | None:
        """The first document with id `reference` in a walk of `root` (resolved). A folder walked before
        answers for the folders under it: its walk visits each of them whole, in the order their own walk
        would. Outside git each plan's own folder is its root, and every one would otherwise be walked again."""
        for walked in (root, *root.parents):
            if walked in self._ids:
                break
            if walked.name.startswith("."):  # a walk from higher up skips this folder
                walked = None
                break
        else:
            walked = None
        if walked is None:
            walked = root
            self._ids[root] = self._walk_ids(root)
        inside = "" if walked == root else str(root).rstrip(os.sep) + os.sep
        return next((path for path in self._ids[walked].get(reference, ()) if str(path).startswith(inside)), None)

    def find_superior(self, document: Document, reference: str, *, field_name: str = "/superior",
                      confined: bool = True) -> Document:
        """The superior `reference` (a path relative to the document, or an id) names; it must stay inside
        the document's root unless `confined` is False (a superior given on the command line)."""
        line, column = document.marks.get(field_name, (None, None))

        def problem(message: str, code: str) -> ResolveError:
            return ResolveError(Problem(document.display_path, message, line, column, field_name, code))

        shown = shorten(reference)
        if looks_like_path(reference):
            if "\x00" in reference:
                raise problem(f"the superior {shown!r} is not a path (it holds a NUL character)", "bad-path")
            candidate = (document.path.parent / reference) if not Path(reference).is_absolute() else Path(reference)
            if confined:  # before looking: a path outside says nothing of what is there
                self.confinement.check_superior(document, candidate, reference, field_name)
            try:
                is_file, is_dir = candidate.is_file(), candidate.is_dir()
            except OSError as error:  # a name too long, a folder that cannot be entered
                raise problem(f"the superior `{shown}` cannot be read: {error.strerror or error}", "superior-unreadable") from None
            if is_dir:
                raise problem(f"the superior `{shown}` is a folder, not a document", "superior-not-a-file")
            if is_file:
                return self._load_superior(document, candidate, line, column, field_name)
            raise problem(f"the superior `{shown}` does not exist (looked for {display(candidate)})", "superior-not-found")
        root = repository_root(document.path.resolve())
        path = self._find_by_id(root, reference)
        if path is None:
            raise problem(f"no document with id `{shown}` under {display(root)}", "superior-not-found")
        if confined:  # a file in the folder may be a link that leads out of it
            self.confinement.check_superior(document, path, reference, field_name)
        superior = self._load_superior(document, path, line, column, field_name)
        if superior.plan.id != reference:  # the quick index read a line that was not the document's id
            raise problem(f"no document with id `{shown}` under {display(root)} (the file that seemed to hold it, "
                          f"{display(path)}, has id `{superior.plan.id}`)", "superior-not-found")
        return superior

    def _load_superior(self, document, path, line, column, field_name) -> Document:
        try:
            return self.load(path)
        except PlancheckError as error:
            first = error.problems[0]
            raise ResolveError(
                Problem(document.display_path, f"the superior cannot be read: {first}", line, column, field_name,
                        "superior-unreadable"),
                *error.problems,
            ) from None

    def chain(self, document: Document, superior: Document | None) -> list[Document]:
        """The superior and its own superiors, nearest first; a cycle or a chain too long is an error."""
        chain: list[Document] = []
        seen = {real(document.path)}
        current = superior
        while current is not None:
            key = real(current.path)
            if key in seen:
                names = " -> ".join([document.plan.id, *(d.plan.id for d in chain), current.plan.id])
                line, column = document.marks.get("/superior", (None, None))
                raise ResolveError(
                    Problem(document.display_path, f"the superiors form a cycle: {names}", line, column, "/superior",
                            "superior-cycle")
                )
            seen.add(key)
            chain.append(current)
            if len(chain) > MAX_CHAIN:
                line, column = document.marks.get("/superior", (None, None))
                raise ResolveError(
                    Problem(document.display_path, f"the chain of superiors is longer than {MAX_CHAIN}", line, column,
                            "/superior", "superior-chain-too-long")
                )
            reference = current.plan.superior
            current = self._superior_above(current, reference) if reference else None
        return chain

    def _superior_above(self, superior: Document, reference: str) -> Document:
        """find_superior for a document already found as a superior: every plan below it asks again."""
        key = (real(superior.path), reference)
        found = self._above.get(key)
        if found is None:
            found = self._above[key] = self.find_superior(superior, reference)
        return found

    # packs -----------------------------------------------------------------------------------
    def pack(self, name: str, *, near: Path | None = None, referrer: Document | None = None, pointer: str = "") -> Document:
        if name in self._packs:
            return self._packs[name]
        folders = list(self.rules_dirs)
        if near is not None:
            folders.append(repository_root(real(near)) / "rules")
        folders.append(BUILTIN_RULES)
        for folder in folders:
            for suffix in DOCUMENT_SUFFIXES:
                candidate = folder / f"{name}{suffix}"
                if candidate.is_file():
                    self._packs[name] = self.load(candidate)
                    return self._packs[name]
        installed = resources.files("compliance").joinpath("packs", f"{name}.yaml")
        if installed.is_file():
            with resources.as_file(installed) as path:
                self._packs[name] = self.load(Path(path))
            return self._packs[name]
        known = ", ".join(sorted(self.known_packs())) or "none"
        if referrer is not None:
            line, column = referrer.marks.get(pointer, (None, None))
            raise ResolveError(
                Problem(referrer.display_path, f"no rule pack named `{name}` (known: {known})", line, column, pointer,
                        "pack-not-found")
            )
        raise ResolveError(Problem(f"--pack {name}", f"no rule pack named `{name}` (known: {known})", code="pack-not-found"))

    def known_packs(self) -> set[str]:
        names = set()
        for folder in [*self.rules_dirs, BUILTIN_RULES]:
            if folder.is_dir():
                names |= {p.stem for p in folder.iterdir() if p.suffix in DOCUMENT_SUFFIXES}
        packs = resources.files("compliance").joinpath("packs")
        if packs.is_dir():
            names |= {p.name.rsplit(".", 1)[0] for p in packs.iterdir() if p.name.endswith(".yaml")}
        return names

    # requirements ----------------------------------------------------------------------------
    def requirement_set(self, sources: list[Document], chains: dict[Path, list[Document]]) -> RequirementSet:
        """The bound requirements of the given sources (a superior, or packs), in order."""
        key = tuple(real(source.path) for source in sources)
        if key in self._sets:
            return self._sets[key]
        bound: list[BoundRequirement] = []
        seen: dict[str, Document] = {}
        for source in sources:
            defaults = defaults_for(source, chains.get(real(source.path), []))
            for index, requirement in enumerate(source.plan.requirements):
                pointer = f"/requirements/{index}"
                line, column = source.marks.get(pointer, (None, None))
                if requirement.id in seen:
                    raise RuleError(
                        Problem(source.display_path, f"the requirement id `{requirement.id}` is also used in "
                                f"{seen[requirement.id].display_path}", line, column, pointer + "/id", "duplicate-requirement")
                    )
                seen[requirement.id] = source
                rule_type = REGISTRY[requirement.type]
                try:
                    requirement = rule_type.bind(requirement, defaults)
                except ValueError as error:
                    raise RuleError(Problem(source.display_path, str(error), line, column, pointer, "unusable-requirement")) from None
                bound.append(BoundRequirement(requirement, rule_type, source.plan.id, source.display_path))
        self._sets[key] = RequirementSet(bound)
        return self._sets[key]


def defaults_for(source: Document, chain: list[Document]) -> Defaults:
    """What a source's requirements inherit: its own theme and period, else its superiors'."""
    documents = [source, *chain]
    theme = next((d.plan.theme for d in documents if d.plan.theme), None)
    period = next((d.plan.period for d in documents if d.plan.period), None)
    return Defaults(
        theme=theme,
        doc_no=source.plan.doc_no,
        period_start=period.start if period else None,
        period_end=period.end if period else None,
        source=source.plan.id,
    )
