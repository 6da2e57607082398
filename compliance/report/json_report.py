"""The JSON report of FORMAT.md: the contract with tools outside plancheck."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any, TextIO

from ..findings import Finding, Waiver
from ..run import Report
from ..vocab import Severity
from . import formatter
from .json_stream import Streamed, write_json

REPORT_FORMAT = "plancheck-report/v1"


def finding_object(finding: Finding) -> dict[str, Any]:
    location = finding.location
    return {
        "document": finding.document,
        "rule": finding.rule,
        "type": finding.type,
        "severity": finding.severity.value,
        "message": {"zh": finding.message.zh, "en": finding.message.en},
        "basis": finding.basis,
        "location": {"path": location.path, "line": location.line, "column": location.column, "field": location.field},
        "fix": {"zh": finding.fix.zh, "en": finding.fix.en},
        "fingerprint": finding.fingerprint,
        **waiver_fields(finding),
        **({"baseline": True} if finding.in_baseline else {}),
    }


def waiver_object(waiver: Waiver) -> dict[str, Any]:
    return {"justification": waiver.justification, "approved_by": waiver.approved_by, "expires": waiver.expires.isoformat()}


def waiver_fields(finding: Finding) -> dict[str, Any]:
    if finding.waiver is None:
        return {}
    key = "waiver_expired" if finding.waiver.expired else "waived"
    return {key: waiver_object(finding.waiver)}


def document_object(result, fail_on) -> dict[str, Any]:
    entry: dict[str, Any] = {
        "path": result.path,
        "id": result.id,
        "superior": result.superior,
        "status": result.status(fail_on),
        "errors": result.count(Severity.ERROR),
        "warnings": result.count(Severity.WARNING),
        "infos": result.count(Severity.INFO),
    }
    if result.problems:
        entry["problems"] = [
            {"path": p.path, "line": p.line, "column": p.column, "field": p.field, "code": p.code, "message": p.message}
            for p in result.problems
        ]
    return entry


@dataclass
class Tally:
    """The counts of a report's summary, added up document by document."""

    documents: int = 0
    failed: int = 0
    errors: int = 0
    warnings: int = 0
    infos: int = 0
    unreadable: int = 0
    waived: int = 0
    baseline: int = 0

    @classmethod
    def of(cls, result, fail_on) -> Tally:
        status = result.status(fail_on)
        findings = result.findings
        return cls(1, int(status == "fail"), result.count(Severity.ERROR), result.count(Severity.WARNING), result.count(Severity.INFO),
                   int(status == "error"), sum(1 for f in findings if f.waived), sum(1 for f in findings if f.in_baseline))

    def __add__(self, other: Tally) -> Tally:
        return Tally(self.documents + other.documents, self.failed + other.failed, self.errors + other.errors,
                     self.warnings + other.warnings, self.infos + other.infos, self.unreadable + other.unreadable,
                     self.waived + other.waived, self.baseline + other.baseline)


def unused_waiver_object(waiver: Waiver) -> dict[str, Any]:
    return {"document": waiver.document, "rule": waiver.rule, "path": waiver.path, "line": waiver.line, **waiver_object(waiver)}


def report_layout(as_of, documents, findings, tally: Tally, unused_waivers) -> dict[str, Any]:
    """The report's keys in their order; `documents` and `findings` are arrays, made or given whole."""
    return {
        "format": REPORT_FORMAT,
        "as_of": as_of.isoformat(),
        "documents": documents,
        "findings": findings,
        "summary": {"documents": tally.documents, "failed": tally.failed, "errors": tally.errors, "warnings": tally.warnings,
                    "infos": tally.infos, "unreadable": tally.unreadable, "waived": tally.waived, "baseline": tally.baseline},
        "unused_waivers": unused_waivers,
    }


def report_object(report: Report) -> dict[str, Any]:
    """The report as JSON values; its long arrays are `Streamed`, made as they are written."""
    tally = sum((Tally.of(result, report.fail_on) for result in report.documents), Tally())
    return report_layout(report.as_of, Streamed(document_object(result, report.fail_on) for result in report.documents),
                         Streamed(finding_object(f) for f in report.findings), tally,
                         [unused_waiver_object(w) for w in report.unused_waivers])


AUDIT_FORMAT = "plancheck-audit/v1"


def _day(value) -> str | None:
    return value.isoformat() if value else None


def matrix_object(matrix) -> dict[str, Any]:
    def row_object(row) -> dict[str, Any]:
        return {
            "id": row.id, "org": row.org, "state": row.state, "path": row.path,
            "submitted_on": _day(row.submitted_on), "due": _day(row.due),
            "cells": {column: cell.state for column, cell in row.cells.items()},
            "findings": [f.fingerprint for cell in row.cells.values() for f in cell.findings],
        }

    return {
        "superior": {"id": matrix.superior_id, "org": matrix.superior_org, "path": matrix.superior_path},
        "requirements": [
            {"id": c.id, "type": c.type, "title": c.title, "severity": c.severity.value, "basis": c.basis, "source": c.source}
            for c in matrix.columns
        ],
        "subordinates": [row_object(row) for row in matrix.rows],
    }


def unsubmitted_object(matrix, row) -> dict[str, Any]:
    """A row of `missing` or `pending`."""
    return {"superior": matrix.superior_id, "id": row.id, "org": row.org, "due": _day(row.due)}


def late_object(item) -> dict[str, Any]:
    return {"document": item.document, "org": item.org, "what": {"zh": item.what.zh, "en": item.what.en}, "due": _day(item.due),
            "submitted_on": _day(item.submitted_on)}


def deadline_object(deadline) -> dict[str, Any]:
    return {"day": _day(deadline.day), "document": deadline.document, "org": deadline.org,
            "what": {"zh": deadline.what.zh, "en": deadline.what.en}, "rule": deadline.rule, "overdue": deadline.overdue}


def audit_layout(as_of, matrices, missing, pending, late, timeline, report) -> dict[str, Any]:
    """The audit's keys in their order; each of the arrays made or given whole."""
    return {"format": AUDIT_FORMAT, "as_of": as_of.isoformat(), "matrices": matrices, "missing": missing, "pending": pending,
            "late": late, "timeline": timeline, "report": report}


def audit_object(audit) -> dict[str, Any]:
    return audit_layout(
        audit.as_of,
        Streamed(matrix_object(m) for m in audit.matrices),
        [unsubmitted_object(m, r) for m, r in audit.missing],
        [unsubmitted_object(m, r) for m, r in audit.pending],
        [late_object(i) for i in audit.late],
        [deadline_object(d) for d in audit.timeline],
        report_object(audit.report),
    )


@formatter("json", "the JSON report of FORMAT.md, for other tools", audit_view=True)
def render(subject, stream: TextIO, *, lang: str) -> None:
    write_json(stream, report_object(subject) if isinstance(subject, Report) else audit_object(subject))
