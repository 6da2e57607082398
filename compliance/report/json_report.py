"""The JSON report of FORMAT.md: the contract with tools outside plancheck."""

from __future__ import annotations

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


def _document_object(result, fail_on) -> dict[str, Any]:
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


def report_object(report: Report) -> dict[str, Any]:
    """The report as JSON values; its long arrays are `Streamed`, made as they are written."""
    findings = report.findings
    statuses = [result.status(report.fail_on) for result in report.documents]
    return {
        "format": REPORT_FORMAT,
        "as_of": report.as_of.isoformat(),
        "documents": Streamed(_document_object(result, report.fail_on) for result in report.documents),
        "findings": Streamed(finding_object(f) for f in findings),
        "summary": {
            "documents": len(report.documents),
            "failed": statuses.count("fail"),
            "errors": sum(1 for f in findings if f.severity == Severity.ERROR and f.counts),
            "warnings": sum(1 for f in findings if f.severity == Severity.WARNING and f.counts),
            "infos": sum(1 for f in findings if f.severity == Severity.INFO and f.counts),
            "unreadable": statuses.count("error"),
            "waived": sum(1 for f in findings if f.waived),
            "baseline": sum(1 for f in findings if f.in_baseline),
        },
        "unused_waivers": [
            {"document": w.document, "rule": w.rule, "path": w.path, "line": w.line, **waiver_object(w)}
            for w in report.unused_waivers
        ],
    }


AUDIT_FORMAT = "plancheck-audit/v1"


def _day(value) -> str | None:
    return value.isoformat() if value else None


def audit_object(audit) -> dict[str, Any]:
    def row_object(row) -> dict[str, Any]:
        return {
            "id": row.id, "org": row.org, "state": row.state, "path": row.path,
            "submitted_on": _day(row.submitted_on), "due": _day(row.due),
            "cells": {column: cell.state for column, cell in row.cells.items()},
            "findings": [f.fingerprint for cell in row.cells.values() for f in cell.findings],
        }

    return {
        "format": AUDIT_FORMAT,
        "as_of": audit.as_of.isoformat(),
        "matrices": Streamed(
            {
                "superior": {"id": m.superior_id, "org": m.superior_org, "path": m.superior_path},
                "requirements": [
                    {"id": c.id, "type": c.type, "title": c.title, "severity": c.severity.value, "basis": c.basis, "source": c.source}
                    for c in m.columns
                ],
                "subordinates": [row_object(row) for row in m.rows],
            }
            for m in audit.matrices
        ),
        "missing": [{"superior": m.superior_id, "id": r.id, "org": r.org, "due": _day(r.due)} for m, r in audit.missing],
        "pending": [{"superior": m.superior_id, "id": r.id, "org": r.org, "due": _day(r.due)} for m, r in audit.pending],
        "late": [
            {"document": i.document, "org": i.org, "what": {"zh": i.what.zh, "en": i.what.en}, "due": _day(i.due), "submitted_on": _day(i.submitted_on)}
            for i in audit.late
        ],
        "timeline": [
            {"day": _day(d.day), "document": d.document, "org": d.org, "what": {"zh": d.what.zh, "en": d.what.en}, "rule": d.rule,
             "overdue": d.overdue}
            for d in audit.timeline
        ],
        "report": report_object(audit.report),
    }


@formatter("json", "the JSON report of FORMAT.md, for other tools", audit_view=True)
def render(subject, stream: TextIO, *, lang: str) -> None:
    write_json(stream, report_object(subject) if isinstance(subject, Report) else audit_object(subject))
