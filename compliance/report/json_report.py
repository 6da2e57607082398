"""The JSON report of FORMAT.md: the contract with tools outside plancheck."""

from __future__ import annotations

import json
from typing import Any, TextIO

from ..findings import Finding
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
    }


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
            "errors": sum(1 for f in findings if f.severity == Severity.ERROR),
            "warnings": sum(1 for f in findings if f.severity == Severity.WARNING),
            "infos": sum(1 for f in findings if f.severity == Severity.INFO),
            "unreadable": sum(1 for d in documents if d["status"] == "error"),
        },
    }


@formatter("json", "the JSON report of FORMAT.md, for other tools")
def render(report: Report, stream: TextIO, *, lang: str) -> None:
    json.dump(report_object(report), stream, ensure_ascii=False, indent=2)
    stream.write("\n")
