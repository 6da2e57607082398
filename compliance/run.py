"""Check documents against their superiors: the job behind `plancheck check`."""

from __future__ import annotations

import os
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path

from .documents import Document
from .engine import make_engine
from .errors import EngineError, PlancheckError, Problem
from .findings import Finding
from .resolve import DOCUMENT_SUFFIXES, Resolver, display
from .subject import Subject
from .vocab import Severity


@dataclass
class DocumentResult:
    path: str
    id: str | None = None
    superior: str | None = None
    findings: list[Finding] = field(default_factory=list)
    problems: list[Problem] = field(default_factory=list)
    checked_against: list[str] = field(default_factory=list)

    def count(self, severity: Severity) -> int:
        return sum(1 for finding in self.findings if finding.severity == severity)

    def status(self, fail_on: Severity | None) -> str:
        if self.problems:
            return "error"
        if fail_on is not None and any(f.severity.rank >= fail_on.rank for f in self.findings):
            return "fail"
        return "pass"


@dataclass
class Report:
    as_of: date
    documents: list[DocumentResult]
    fail_on: Severity | None = Severity.ERROR

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
        return 0


def expand(paths: list[Path]) -> list[Path]:
    """Files as given; folders become the documents under them, in a stable order."""
    files: list[Path] = []
    for path in paths:
        if path.is_dir():
            for dirpath, dirnames, filenames in os.walk(path):
                dirnames[:] = sorted(d for d in dirnames if not d.startswith("."))
                files += [Path(dirpath) / f for f in sorted(filenames) if f.endswith(DOCUMENT_SUFFIXES)]
        else:
            files.append(path)
    return files


@dataclass
class Checker:
    as_of: date
    against: Path | None = None
    packs: list[str] = field(default_factory=list)
    engine_name: str = "durable"
    rules_dirs: list[Path] = field(default_factory=list)
    warn: object = None

    def __post_init__(self) -> None:
        self.resolver = Resolver(rules_dirs=self.rules_dirs)
        for name in self.packs:  # an unknown --pack is a mistake on the command line: stop at once
            self.resolver.pack(name)
        self.engine = make_engine(self.engine_name, warn=self.warn)

    def check_paths(self, paths: list[Path], *, fail_on: Severity | None = Severity.ERROR) -> Report:
        return Report(self.as_of, [self.check_path(path) for path in expand(paths)], fail_on)

    def check_path(self, path: Path) -> DocumentResult:
        result = DocumentResult(path=display(path))
        try:
            document = self.resolver.load(path)
            result.id = document.plan.id
            self._check(document, result)
        except PlancheckError as error:
            result.problems = error.problems
        except EngineError as error:
            result.problems = [Problem(result.path, f"the rule engine failed: {error}", code="engine-error")]
        return result

    def _superior(self, document: Document) -> Document | None:
        if self.against is not None:
            reference = str(self.against)
            if self.against.is_file():
                return self.resolver.load(self.against)
            return self.resolver.find_superior(document, reference, field_name="--against")
        if document.plan.superior:
            return self.resolver.find_superior(document, document.plan.superior)
        return None

    def _check(self, document: Document, result: DocumentResult) -> None:
        superior = self._superior(document)
        chain = self.resolver.chain(document, superior)
        sources: list[Document] = []
        if superior is not None:
            result.superior = superior.plan.id
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
        if not sources:
            return
        chains = {superior.path.resolve(): chain[1:]} if superior is not None else {}
        requirement_set = self.resolver.requirement_set(sources, chains)
        subject = Subject(document.plan, document.display_path, document.marks, self.as_of)
        result.findings = sorted(self.engine.evaluate(requirement_set, subject), key=Finding.sort_key)
