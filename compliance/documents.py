"""Load a file into a validated document: parse, check against the JSON Schema, build the model."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from pydantic import ValidationError

from .checks import REGISTRY
from .errors import DocumentError, Problem
from .limits import MAX_PROBLEMS
from .loader import RawDocument, read_file
from .models import Plan
from .schema import locate, schema_problems
from .subject import Marks


@dataclass
class Document:
    path: Path
    display_path: str
    plan: Plan
    marks: Marks


def _pointer_from_loc(loc: tuple) -> str:
    parts = list(loc)
    # A discriminated union inserts the tag into the location: requirements/0/theme/theme.
    if len(parts) > 2 and parts[0] == "requirements" and parts[2] in REGISTRY:
        del parts[2]
    parts = [part for part in parts if not (isinstance(part, str) and part.startswith("function-"))]
    return "".join("/" + str(part).replace("~", "~0").replace("/", "~1") for part in parts)


def model_problems(error: ValidationError, raw: RawDocument) -> list[Problem]:
    problems = []
    for item in error.errors(include_url=False):
        pointer = _pointer_from_loc(item["loc"])
        line, column = locate(raw.marks, pointer)
        message = item["msg"].removeprefix("Value error, ")
        problems.append(Problem(raw.display_path, message, line, column, pointer or "/", item["type"].replace("_", "-")))
    return problems


def _at_most(problems: list[Problem], display_path: str) -> list[Problem]:
    """The first MAX_PROBLEMS problems, and one line counting the rest (a list of 100,000 wrong items)."""
    if len(problems) <= MAX_PROBLEMS:
        return problems
    last = problems[MAX_PROBLEMS - 1]
    rest = len(problems) - MAX_PROBLEMS
    return [*problems[:MAX_PROBLEMS], Problem(display_path, f"and {rest} more problem(s) in this document, not listed",
                                              last.line, last.column, last.field, "too-many-problems")]


def build_document(raw: RawDocument) -> Document:
    problems = schema_problems(raw.data, raw.marks, raw.display_path)
    year = raw.data.get("year") if isinstance(raw.data, dict) else None
    try:
        plan = Plan.model_validate(raw.data, context={"year": year if isinstance(year, int) else None})
    except ValidationError as error:
        # The schema names most problems more clearly; the model adds what it cannot see (2月30日).
        seen = [p.field for p in problems]
        problems += [
            p for p in model_problems(error, raw) if not any(p.field.startswith(f) or f.startswith(p.field) for f in seen)
        ]
        raise DocumentError(*_at_most(sorted(problems, key=lambda p: (p.line or 0, p.column or 0)), raw.display_path)) from None
    if problems:
        raise DocumentError(*_at_most(problems, raw.display_path))
    return Document(path=raw.path, display_path=raw.display_path, plan=plan, marks=raw.marks)


def load_document(path: Path, display_path: str | None = None, *, max_size: int | None = None) -> Document:
    return build_document(read_file(path, display_path, max_size=max_size))
