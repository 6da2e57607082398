"""Check documents against their superiors: the job behind `plancheck check`."""

from __future__ import annotations

import os
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path

from dataclasses import replace

from .baseline import load_baseline
from .cache import Cache
from .documents import Document
from .engine import BoundRequirement, make_engine
from .parallel import CHUNK, check_in_parallel, map_in_processes
from .errors import EngineError, PlancheckError, Problem
from .findings import Finding
from .confine import Confinement, led_to
from .resolve import real, DOCUMENT_SUFFIXES, Resolver, display, repository_root
from .subject import Subject
from .vocab import Severity
from .findings import Waiver
from .waivers import WAIVERS_FILE, apply_waivers, load_waivers


def _references(document: Document, folders: dict[str, str]) -> tuple[tuple[str, str], ...]:
    """Where each path the plan names leads now: a link re-pointed later must not reuse a cached result."""
    base = document.path.parent
    written = [document.plan.superior] if document.plan.superior else []
    written += [item for activity in document.plan.activities for item in activity.evidence]
    led = []
    for item in written:
        try:
            led.append((str(base / item), led_to(str(base / item), folders)))
        except (ValueError, OSError):  # a path no file can have: the checks report it
            continue
    return tuple(led)


def _lean(result: DocumentResult) -> DocumentResult:
    """The result without its document, nor its dependencies (the cache keeps their digests): what a cache keeps."""
    return replace(result, document=None, dependencies=[])


def _shared_requirements(results: list[DocumentResult], shared: dict[tuple, list] | None = None) -> list[DocumentResult]:
    """One list of requirements per superior, shared by its plans, so a large tree holds (and pickles) it once.
    Results arriving from workers in chunks are shared as they come, through the same `shared`."""
    shared = {} if shared is None else shared
    for result in results:
        key = (result.superior_path, tuple(result.checked_against), tuple(b.requirement.id for b in result.requirements))
        result.requirements = shared.setdefault(key, result.requirements)
    return results


def selected(rule: str, select: list[str], ignore: list[str]) -> bool:
    """`--select` / `--ignore` take requirement ids or id prefixes (`YD-` selects YD-616 and YD-5IN)."""
    if select and not any(rule.startswith(prefix) for prefix in select):
        return False
    return not any(rule.startswith(prefix) for prefix in ignore)


@dataclass(frozen=True)
class PlanSummary:
    """What the committee's view needs of a plan: small enough to send back from a worker process."""

    id: str
    org: str
    level: str
    title: str | None
    doc_no: str | None
    cites: tuple[str, ...]
    superior: str | None
    submitted_on: date | None
    reports: tuple[tuple[str, date | None, date | None], ...]  # (kind, due, submitted_on)
    subordinates: tuple[tuple[str, str], ...]  # (id, org)
    period_start: date | None = None

    @classmethod
    def of(cls, plan) -> PlanSummary:
        return cls(plan.id, plan.org, plan.level.value, plan.title, plan.doc_no, tuple(plan.cites), plan.superior,
                   plan.submitted_on, tuple((r.kind.value, r.due, r.submitted_on) for r in plan.reports),
                   tuple((s.id, s.org) for s in plan.subordinates), plan.period.start if plan.period else None)


@dataclass
class DocumentResult:
    path: str
    id: str | None = None
    superior: str | None = None
    findings: list[Finding] = field(default_factory=list)
    problems: list[Problem] = field(default_factory=list)
    checked_against: list[str] = field(default_factory=list)
    requirements: list[BoundRequirement] = field(default_factory=list)  # what it was checked against
    dependencies: list[Path] = field(default_factory=list)  # the files its result depends on: superiors, packs
    references: tuple[tuple[str, str], ...] = ()  # (path as written, where it led) for superior and evidence
    document: Document | None = None  # in the process that checked it; workers send back only the summary
    summary: PlanSummary | None = None
    superior_path: Path | None = None  # resolved
    real_path: str | None = None  # the document's own, resolved: known to the process that read it

    def count(self, severity: Severity) -> int:
        """Findings of a severity that count: not waived, and new against the baseline."""
        return sum(1 for finding in self.findings if finding.severity == severity and finding.counts)

    def status(self, fail_on: Severity | None) -> str:
        if self.problems:
            return "error"
        if fail_on is not None and any(f.counts and f.severity.rank >= fail_on.rank for f in self.findings):
            return "fail"
        return "pass"


@dataclass
class Report:
    as_of: date
    documents: list[DocumentResult]
    fail_on: Severity | None = Severity.ERROR
    unused_waivers: list[Waiver] = field(default_factory=list)

    @property
    def findings(self) -> list[Finding]:
        return sorted((f for d in self.documents for f in d.findings), key=Finding.sort_key)

    @property
    def problems(self) -> list[Problem]:
        return [p for d in self.documents for p in d.problems]

    def exit_code(self) -> int:
        if self.problems:
            return 2
        if any(d.status(self.fail_on) == "fail" for d in self.documents):
            return 1
        if self.unused_waivers and self.fail_on is not None and self.fail_on.rank <= Severity.WARNING.rank:
            return 1  # a stale waiver is a warning: it hides nothing, but should be removed
        return 0


def _is_plancheck_file(name: str) -> bool:
    """In a folder, YAML and JSON files that are not plancheck documents (CI files, settings) are not ours."""
    path = Path(name)
    if path.name.startswith(".") or path.name == WAIVERS_FILE:
        return False
    if not path.is_file():
        return True  # a pipe or a device: opening it could wait for ever; the check says what it is
    try:
        with path.open("rb") as stream:
            return b"plancheck/" in stream.read(4096)
    except OSError:
        return True  # let the check report why it cannot be read


def expand(paths: list[Path], *, jobs: int = 1) -> list[Path]:
    """Files as given; folders become the plancheck documents under them, in a stable order."""
    files: list[Path | str] = []
    for path in paths:
        if path.is_dir():
            for dirpath, dirnames, filenames in os.walk(path):
                dirnames[:] = sorted(d for d in dirnames if not d.startswith("."))
                files += [os.path.join(dirpath, f) for f in sorted(filenames) if f.endswith(DOCUMENT_SUFFIXES)]
        else:
            files.append(path)
    candidates = [file for file in files if isinstance(file, str)]
    ours = dict(zip(candidates, map_in_processes(_is_plancheck_file, candidates, jobs)))
    return [Path(file) if isinstance(file, str) else file for file in files if not isinstance(file, str) or ours[file]]


@dataclass
class Checker:
    as_of: date
    against: Path | None = None
    packs: list[str] = field(default_factory=list)
    engine_name: str = "durable"
    rules_dirs: list[Path] = field(default_factory=list)
    select: list[str] = field(default_factory=list)
    ignore: list[str] = field(default_factory=list)
    waivers_path: Path | None = None
    baseline_path: Path | None = None
    superiors: dict[Path, Path] = field(default_factory=dict)  # found otherwise (by `cites`), by resolved path
    max_size: int | None = None  # bytes of one input file; None: limits.MAX_SIZE
    allow_outside: bool = False  # may `superior:` and `evidence:` lead out of the repository root?
    roots: list[Path] = field(default_factory=list)  # outside git: the folders given on the command line
    jobs: int = 1
    cache_folder: Path | None = None  # .plancheck-cache/; None: no cache
    walked_ids: dict = field(default_factory=dict)  # documents by id under folders walked already (Resolver.walk_ids_for)
    walk_for_ids: bool = True  # hand workers a walk of the tree for superiors named by id (False: no plan names one)
    progress: object = None  # called with the number of files done, for a progress bar
    warn: object = None

    def __post_init__(self) -> None:
        self.resolver = Resolver(rules_dirs=self.rules_dirs, max_size=self.max_size,
                                 confinement=Confinement(allow_outside=self.allow_outside, roots=self.roots))
        for name in self.packs:  # an unknown --pack is a mistake on the command line: stop at once
            self.resolver.pack(name)
        # Input files of the run itself: read before any plan, so a bad one stops the run at once.
        self.baseline = load_baseline(self.baseline_path) if self.baseline_path else None
        self.explicit_waivers = load_waivers(self.waivers_path, as_of=self.as_of, display_path=display(self.waivers_path),
                                             max_size=self.max_size) if self.waivers_path else None
        self.resolver.know_ids(self.walked_ids)
        self.engine = make_engine(self.engine_name, warn=self.warn)
        self._folders: dict[str, str] = {}  # real paths of folders, for this run
        self.cache: Cache | None = None  # the one the last check_files read and wrote
        self.waivers: list[Waiver] = []  # those the last check_paths applied

    def settings(self) -> dict:
        """What a worker process needs to check files exactly as this checker does."""
        return {"as_of": self.as_of, "against": self.against, "packs": self.packs, "engine_name": self.engine_name,
                "rules_dirs": self.rules_dirs, "superiors": self.superiors,
                "max_size": self.max_size, "allow_outside": self.allow_outside, "roots": self.roots}

    def check_files(self, files: list[Path]) -> list[DocumentResult]:
        if self.cache_folder is None:
            return self._check_files(files)
        # Paths in results are shown relative to the working directory: it is part of the key. The
        # superiors found by citation are not: each entry keeps its own, so one new number re-checks its plans only.
        cache = self.cache = Cache.open(self.cache_folder, {**self.settings(), "superiors": None, "cwd": os.getcwd()})
        by_citation = {str(plan): str(superior) for plan, superior in self.superiors.items()}
        found = {index: cache.get(path, by_citation) for index, path in enumerate(files)}
        missing = [index for index, result in found.items() if result is None]
        if self.progress and len(missing) < len(files):
            self.progress(len(files) - len(missing))
        for index, result in zip(missing, self._check_files([files[i] for i in missing])):
            found[index] = result
            if not result.problems:  # an input error is reported afresh each time
                cache.put(files[index], _lean(result), result.dependencies, by_citation)
        cache.save()
        return _shared_requirements([found[index] for index in range(len(files))])

    def _check_files(self, files: list[Path]) -> list[DocumentResult]:
        if len(files) > CHUNK:  # even with one job: the engine's memory is given back only when a process ends
            walked = self.resolver.walk_ids_for(files, jobs=self.jobs) if self.walk_for_ids else {}
            settings = {**self.settings(), "walked_ids": walked}  # workers are forked: not copied
            python_only = Checker(**{**settings, "engine_name": "python"})
            shared: dict[tuple, list] = {}
            return check_in_parallel(files, settings, self.jobs, progress=self.progress, warn=self.warn,
                                     fallback=lambda chunk: [python_only.check_path(path) for path in chunk],
                                     arrived=lambda results: _shared_requirements(results, shared))
        results = []
        for path in files:
            results.append(self.check_path(path))
            if self.progress:
                self.progress(1)
        return results

    def check_paths(self, paths: list[Path], *, fail_on: Severity | None = Severity.ERROR,
                    files: list[Path] | None = None) -> Report:
        """Check the documents under `paths`; `files` is `expand(paths)` when the caller has it already."""
        given = [*paths, *([self.against] if self.against is not None and self.against.is_file() else [])]
        self.resolver.confinement.add_inputs(given)  # what the user named is the root, outside git
        files = expand(paths) if files is None else files
        results = self.check_files(files)
        for result in results:
            result.findings = [f for f in result.findings if selected(f.rule, self.select, self.ignore)]
        waivers = self.waivers = self.explicit_waivers if self.explicit_waivers is not None else self._default_waivers(files)
        checked = {result.id for result in results if result.id}
        # Findings go back to the result they came from, not to whatever has the same id: two files that
        # share an id (a copied plan), or one file given twice, must not take each other's findings.
        owners = [index for index, result in enumerate(results) for _ in result.findings]
        outcome = apply_waivers([f for r in results for f in r.findings], waivers, checked)  # one out for each in
        mine: list[list[Finding]] = [[] for _ in results]
        for owner, finding in zip(owners, outcome.findings, strict=True):
            if self.baseline is not None and finding.fingerprint in self.baseline:
                finding = replace(finding, in_baseline=True)
            mine[owner].append(finding)
        for result, findings in zip(results, mine):
            result.findings = sorted(findings, key=Finding.sort_key)
        return Report(self.as_of, results, fail_on, outcome.unused)

    def _default_waivers(self, files: list[Path]) -> list:
        """`plancheck-waivers.yaml` at the root of each repository the checked files live in."""
        found: dict[str, Path] = {}  # by the real folder: a tree has thousands of files in a few hundred folders
        for path in [Path.cwd() / "_", *files]:
            folder = os.path.dirname(led_to(str(path), self._folders))
            if folder not in found:
                found[folder] = repository_root(Path(folder, "_"))
        roots = dict.fromkeys(found.values())
        waivers = []
        for root in roots:
            candidate = root / WAIVERS_FILE
            if candidate.is_file():
                waivers += load_waivers(candidate, as_of=self.as_of, display_path=display(candidate), max_size=self.max_size)
        return waivers

    def check_path(self, path: Path) -> DocumentResult:
        result = DocumentResult(path=display(path))
        try:
            document = self.resolver.load(path, keep=False)
            result.real_path = str(real(path))
            result.id = document.plan.id
            result.summary = PlanSummary.of(document.plan)
            self.resolver.confinement.check_evidence(document)
            result.references = _references(document, self._folders)
            self._check(document, result)
        except PlancheckError as error:
            result.problems = error.problems
        except EngineError as error:
            result.problems = [Problem(result.path, f"the rule engine failed: {error}", 1, 1, "/", "engine-error")]
        except Exception as error:  # noqa: BLE001 - a bug met on one document must not stop the others
            result.problems = [Problem(result.path, f"internal error while checking this document: {type(error).__name__}: "
                                       f"{error} (please report it)", 1, 1, "/", "internal-error")]
        return result

    def _superior(self, document: Document) -> Document | None:
        if self.against is not None:
            reference = str(self.against)
            if self.against.is_file():
                return self.resolver.load(self.against)
            return self.resolver.find_superior(document, reference, field_name="--against", confined=False)
        if document.plan.superior:
            return self.resolver.find_superior(document, document.plan.superior)
        found = self.superiors.get(real(document.path))
        return self.resolver.load(found) if found is not None else None

    def _check(self, document: Document, result: DocumentResult) -> None:
        superior = self._superior(document)
        chain = self.resolver.chain(document, superior)
        sources: list[Document] = []
        if superior is not None:
            result.superior = superior.plan.id
            result.superior_path = real(superior.path)
            sources.append(superior)
            for index, name in enumerate(superior.plan.packs):
                sources.append(self.resolver.pack(name, near=superior.path, referrer=superior, pointer=f"/packs/{index}"))
        for name in self.packs:
            pack = self.resolver.pack(name, near=document.path)
            if pack not in sources:
                sources.append(pack)
        if result.superior is None and self.packs:
            result.superior = ",".join(self.packs)
        result.checked_against = [source.plan.id for source in sources]
        result.dependencies = [d.path for d in [*sources, *chain]]
        if not sources:
            return
        chains = {real(superior.path): chain[1:]} if superior is not None else {}
        requirement_set = self.resolver.requirement_set(sources, chains)
        result.requirements = [b for b in requirement_set.requirements if selected(b.requirement.id, self.select, self.ignore)]
        subject = Subject(document.plan, document.display_path, document.marks, self.as_of)
        result.findings = sorted(self.engine.evaluate(requirement_set, subject), key=Finding.sort_key)
