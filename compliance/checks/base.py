"""The rule-type interface: parameters, engine conditions, a plain-Python oracle, and findings."""

from __future__ import annotations

import inspect
from abc import ABC, abstractmethod
from dataclasses import dataclass
from datetime import date
from typing import Annotated, ClassVar

from pydantic import BaseModel, ConfigDict, StringConstraints

from ..findings import Bilingual, Finding
from ..patterns import Condition
from ..subject import Subject
from ..vocab import Severity

DOC_SECTIONS = ("What it checks", "Why it matters", "Failing example", "Passing example", "How to fix")

RequirementId = Annotated[str, StringConstraints(pattern=r"^[A-Za-z0-9][A-Za-z0-9._-]*$")]

# What a condition observed: the index `i` of each fact it fired on, or ABSENT for an absence.
Observed = dict[str, list[int]]
ABSENT = -1


class RequirementBase(BaseModel):
    """Fields every requirement has, beside its type's parameters."""

    model_config = ConfigDict(extra="forbid", frozen=True, populate_by_name=True)

    id: RequirementId
    severity: Severity = Severity.ERROR
    basis: str = ""
    title: str | None = None


class Params(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True, populate_by_name=True)


@dataclass(frozen=True)
class Defaults:
    """What a requirement inherits from the document that imposes it (a superior plan or a pack)."""

    theme: str | None = None
    doc_no: str | None = None
    period_start: date | None = None
    period_end: date | None = None
    source: str = ""


class RuleType(ABC):
    """One kind of requirement. Subclasses set `type`, `Params` and a docstring in DOC_SECTIONS."""

    type: ClassVar[str]
    Params: ClassVar[type[Params]] = Params

    def bind(self, requirement, defaults: Defaults):
        """The requirement with defaults filled in; raise ValueError when a needed value is missing."""
        return requirement

    @abstractmethod
    def conditions(self, requirement, as_of: date) -> dict[str, Condition]:
        """The durable-rules conditions (`all` lists) that decide this requirement, by name.

        `as_of` is a literal in the conditions that need it: comparing one fact's field with
        another's (a join) reads uninitialised memory in durable-rules 2.0.28 and crashes it.
        """

    @abstractmethod
    def observe(self, requirement, subject: Subject) -> Observed:
        """The same conditions evaluated in plain Python: the oracle and the fallback engine."""

    @abstractmethod
    def conclude(self, requirement, subject: Subject, observed: Observed) -> list[Finding]:
        """Turn what the conditions observed into findings (shared by both engines)."""

    @classmethod
    def documentation(cls) -> str:
        return inspect.cleandoc(cls.__doc__ or "")

    def finding(
        self, requirement, subject: Subject, pointer: str, message: Bilingual, fix: Bilingual, *, detail: str = ""
    ) -> Finding:
        return Finding(
            document=subject.plan.id,
            rule=requirement.id,
            type=self.type,
            severity=requirement.severity,
            message=message,
            basis=requirement.basis,
            location=subject.locate(pointer),
            fix=fix,
            detail=detail,
        )


def first_index(items, predicate) -> int | None:
    return next((index for index, item in enumerate(items) if predicate(item)), None)


def fired(observed: Observed, name: str) -> bool:
    return bool(observed.get(name))
