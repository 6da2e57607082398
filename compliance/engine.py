"""Compile requirement sets into durable-rules rulesets, and evaluate documents with an engine.

Two engines give the same findings: `durable` (durable-rules, the default) and `python` (each
rule type's plain-Python oracle). Both feed the rule type's `conclude`, so they differ only in
how the conditions are decided.
"""

from __future__ import annotations

import sys
from dataclasses import dataclass
from datetime import date
from typing import Any

from . import durable
from .checks import REGISTRY
from .checks.base import ABSENT, Observed, RuleType
from .facts import document_facts
from .findings import Finding
from .subject import Subject

ENGINES = ("durable", "python")


@dataclass(frozen=True)
class BoundRequirement:
    """A requirement with its defaults filled in, and where it was written."""

    requirement: Any
    rule_type: RuleType
    source_id: str
    source_path: str


@dataclass
class RequirementSet:
    requirements: list[BoundRequirement]

    def conditions(self, as_of: date) -> dict[str, list]:
        """Every requirement's conditions, named `r<index>|<condition>` in one ruleset."""
        rules = {}
        for index, bound in enumerate(self.requirements):
            for name, condition in bound.rule_type.conditions(bound.requirement, as_of).items():
                rules[f"r{index}|{name}"] = condition
        return rules

    def rule_names(self, conditions: dict[str, list]) -> list[list[tuple[str, str]]]:
        """For each requirement, its conditions as (condition name, rule name in `conditions`)."""
        names: list[list[tuple[str, str]]] = [[] for _ in self.requirements]
        for rule_name in conditions:
            index, name = rule_name.split("|", 1)
            names[int(index[1:])].append((name, rule_name))
        return names


def _conclude(requirement_set: RequirementSet, subject: Subject, observations: list[Observed]) -> list[Finding]:
    findings = []
    for bound, observed in zip(requirement_set.requirements, observations):
        findings += bound.rule_type.conclude(bound.requirement, subject, observed)
    return findings


class PythonEngine:
    name = "python"

    def observe(self, requirement_set: RequirementSet, subject: Subject) -> list[Observed]:
        return [
            {name: sorted(set(values)) for name, values in b.rule_type.observe(b.requirement, subject).items()}
            for b in requirement_set.requirements
        ]

    def evaluate(self, requirement_set: RequirementSet, subject: Subject) -> list[Finding]:
        return _conclude(requirement_set, subject, self.observe(requirement_set, subject))


class DurableEngine:
    name = "durable"

    def __init__(self) -> None:
        self._compiled: dict[bytes, durable.CompiledRuleset] = {}
        # The set is kept beside its ruleset so that its id() is never reused while cached.
        self._by_set: dict[tuple[int, date], tuple[RequirementSet, durable.CompiledRuleset, list]] = {}

    @property
    def compiled(self) -> int:
        """Rulesets compiled into the engine so far: memory it will not give back (DURABLE_RULES.md, trap 5)."""
        return len(self._compiled)

    def _ruleset(self, requirement_set: RequirementSet, as_of: date) -> tuple[durable.CompiledRuleset, list]:
        """The compiled ruleset of a set on a day, and each requirement's (condition, rule) names in it."""
        cache_key = (id(requirement_set), as_of)
        if cache_key not in self._by_set:
            conditions = requirement_set.conditions(as_of)
            key = durable.canonical_json(conditions)  # sets of the same conditions share one ruleset
            if key not in self._compiled:
                self._compiled[key] = durable.CompiledRuleset(conditions)
            self._by_set[cache_key] = (requirement_set, self._compiled[key], requirement_set.rule_names(conditions))
        return self._by_set[cache_key][1:]

    def observe(self, requirement_set: RequirementSet, subject: Subject) -> list[Observed]:
        ruleset, rule_names = self._ruleset(requirement_set, subject.as_of)
        fired = ruleset.run(document_facts(subject))
        observations: list[Observed] = []
        for names in rule_names:
            observed: Observed = {}
            for name, rule_name in names:
                matches = fired.get(rule_name, ())
                # A `$or` fires once per branch that holds: what was observed is the set of facts.
                observed[name] = sorted({match["x"].get("i", 0) if "x" in match else ABSENT for match in matches})
            observations.append(observed)
        return observations

    def evaluate(self, requirement_set: RequirementSet, subject: Subject) -> list[Finding]:
        return _conclude(requirement_set, subject, self.observe(requirement_set, subject))


def make_engine(name: str = "durable", *, warn=None):
    """The engine asked for; durable-rules falls back to Python when it cannot be imported."""
    if name == "python":
        return PythonEngine()
    if not durable.AVAILABLE:
        (warn or (lambda text: print(text, file=sys.stderr)))(
            f"plancheck: durable-rules is not available ({durable.IMPORT_ERROR}); using the Python engine"
        )
        return PythonEngine()
    return DurableEngine()


__all__ = ["ENGINES", "REGISTRY", "BoundRequirement", "RequirementSet", "DurableEngine", "PythonEngine", "make_engine"]
