"""Waivers: gaps accepted on purpose, each with a justification, an approver and an expiry date.

A waived finding stays in the report, marked waived, and does not count towards the exit code. An
expired waiver no longer hides its finding, and the finding says so. A waiver that matches nothing
is reported too.
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from datetime import date
from pathlib import Path

from typing import Annotated

from pydantic import BaseModel, ConfigDict, Field, StringConstraints, ValidationError, model_validator

from .documents import model_problems
from .errors import DocumentError
from .fields import PlanDate
from .findings import Finding, Waiver
from .loader import read_file

WAIVERS_FILE = "plancheck-waivers.yaml"


Required = Annotated[str, StringConstraints(strip_whitespace=True, min_length=1)]


class WaiverEntry(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)

    document: Required = Field(description="a document id")
    rule: Required = Field(description="a requirement id")
    justification: Required = Field(description="why the gap is accepted")
    approved_by: Required = Field(description="who accepted it")
    expires: PlanDate = Field(description="the last day the waiver applies")


class WaiversFile(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)

    waivers: list[WaiverEntry] = []

    @model_validator(mode="after")
    def _once_each(self):
        seen = set()
        for entry in self.waivers:
            if (entry.document, entry.rule) in seen:
                raise ValueError(f"the waiver for {entry.document} / {entry.rule} appears twice")
            seen.add((entry.document, entry.rule))
        return self


def load_waivers(path: Path, *, as_of: date, display_path: str | None = None, max_size: int | None = None) -> list[Waiver]:
    raw = read_file(path, display_path, max_size=max_size)
    try:
        parsed = WaiversFile.model_validate(raw.data if raw.data is not None else {})
    except ValidationError as error:
        raise DocumentError(*model_problems(error, raw)) from None
    waivers = []
    for index, entry in enumerate(parsed.waivers):
        line, _ = raw.marks.get(f"/waivers/{index}", (0, 0))
        waivers.append(
            Waiver(
                document=entry.document,
                rule=entry.rule,
                justification=entry.justification,
                approved_by=entry.approved_by,
                expires=entry.expires,
                expired=as_of > entry.expires,
                path=raw.display_path,
                line=line,
            )
        )
    return waivers


@dataclass
class WaiverOutcome:
    findings: list[Finding]
    unused: list[Waiver]


def apply_waivers(findings: list[Finding], waivers: list[Waiver], checked_documents: set[str]) -> WaiverOutcome:
    """Mark the findings each waiver matches; list the waivers that match nothing checked."""
    by_key = {(w.document, w.rule): w for w in waivers}
    used: set[tuple[str, str]] = set()
    marked = []
    for finding in findings:
        waiver = by_key.get((finding.document, finding.rule))
        if waiver is not None:
            used.add((waiver.document, waiver.rule))
            finding = replace(finding, waiver=waiver)
        marked.append(finding)
    unused = [w for w in waivers if (w.document, w.rule) not in used and w.document in checked_documents]
    return WaiverOutcome(marked, unused)

