"""The JSON report of FORMAT.md: the contract with tools outside plancheck."""

from __future__ import annotations

import json
from typing import Any, TextIO

from ..findings import Finding, Waiver
from ..run import Report
from ..vocab import Severity
from . import formatter

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


def report_object(report: Report) -> dict[str, Any]:
    documents = []
    for result in report.documents:
        entry: dict[str, Any] = {
            "path": result.path,
            "id": result.id,
            "superior": result.superior,
            "status": result.status(report.fail_on),
            "errors": result.count(Severity.ERROR),
            "warnings": result.count(Severity.WARNING),
            "infos": result.count(Severity.INFO),
        }
        if result.problems:
            entry["problems"] = [
                {"path": p.path, "line": p.line, "column": p.column, "field": p.field, "code": p.code, "message": p.message}
                for p in result.problems
            ]
        documents.append(entry)
    findings = report.findings
    return {
        "format": REPORT_FORMAT,
        "as_of": report.as_of.isoformat(),
        "documents": documents,
        "findings": [finding_object(f) for f in findings],
        "summary": {
            "documents": len(report.documents),
            "failed": sum(1 for d in documents if d["status"] == "fail"),
            "errors": sum(1 for f in findings if f.severity == Severity.ERROR and f.counts),
            "warnings": sum(1 for f in findings if f.severity == Severity.WARNING and f.counts),
            "infos": sum(1 for f in findings if f.severity == Severity.INFO and f.counts),
            "unreadable": sum(1 for d in documents if d["status"] == "error"),
            "waived": sum(1 for f in findings if f.waived),
            "baseline": sum(1 for f in findings if f.in_baseline),
        },
        "unused_waivers": [
            {"document": w.document, "rule": w.rule, "path": w.path, "line": w.line, **waiver_object(w)}
            for w in report.unused_waivers
        ],
    }


@formatter("json", "the JSON report of FORMAT.md, for other tools")
def render(report: Report, stream: TextIO, *, lang: str) -> None:
    json.dump(report_object(report), stream, ensure_ascii=False, indent=2)
    stream.write("\n")
