"""Errors a user can cause. Each names the file, the line and the field, and maps to exit code 2."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Problem:
    """One thing wrong with an input, at one place."""

    path: str
    message: str
    line: int | None = None
    column: int | None = None
    field: str | None = None
    code: str = "invalid"

    def __str__(self) -> str:
        where = self.path
        if self.line is not None:
            where += f":{self.line}:{self.column or 1}"
        field = f" {self.field}" if self.field else ""
        return f"{where}:{field} {self.message} [{self.code}]"


class PlancheckError(Exception):
    """An input plancheck cannot use. Carries one or more problems."""

    code = "plancheck-error"

    def __init__(self, *problems: Problem):
        self.problems = list(problems)
        super().__init__("\n".join(str(p) for p in problems))


class InputError(PlancheckError):
    """A file that cannot be read or parsed: missing, not UTF-8, malformed YAML or JSON."""


class DocumentError(PlancheckError):
    """A file that parses but is not a valid document: unknown field, wrong type, impossible date."""


class ResolveError(PlancheckError):
    """A superior or a pack that cannot be found, or a cycle of superiors."""


class RuleError(PlancheckError):
    """A requirement that cannot be evaluated as written (a theme rule with no theme to compare)."""


class EngineError(Exception):
    """The rule engine failed. Never the user's fault; reported with the document it was checking."""
