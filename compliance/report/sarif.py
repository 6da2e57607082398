"""SARIF 2.1.0, for code-scanning views that show a finding on its line in review."""

from __future__ import annotations

import json
from typing import Any, TextIO

from .. import __version__
from ..checks import REGISTRY
from ..run import Report
from ..vocab import Severity
from . import formatter

SARIF_SCHEMA = "https://json.schemastore.org/sarif-2.1.0.json"
LEVEL = {Severity.ERROR: "error", Severity.WARNING: "warning", Severity.INFO: "note"}


def _rules(report: Report, lang: str) -> list[dict[str, Any]]:
    rules: dict[str, dict[str, Any]] = {}
    for finding in report.findings:
        if finding.rule in rules:
            continue
        rule_type = REGISTRY[finding.type]
        documentation = rule_type.documentation()
        rules[finding.rule] = {
            "id": finding.rule,
            "name": finding.type,
            "shortDescription": {"text": documentation.splitlines()[0]},
            "fullDescription": {"text": finding.basis or documentation.splitlines()[0]},
            "help": {"text": documentation, "markdown": f"**{finding.type}**\n\n```text\n{documentation}\n```"},
            "defaultConfiguration": {"level": LEVEL[finding.severity]},
            "properties": {"type": finding.type, "basis": finding.basis},
        }
    return [rules[key] for key in sorted(rules)]


def sarif_object(report: Report, lang: str) -> dict[str, Any]:
    rules = _rules(report, lang)
    index = {rule["id"]: position for position, rule in enumerate(rules)}
    results = []
    for finding in report.findings:
        location = finding.location
        result: dict[str, Any] = {
            "ruleId": finding.rule,
            "ruleIndex": index[finding.rule],
            "level": LEVEL[finding.severity],
            "message": {"text": f"{finding.message.get(lang)} — {finding.fix.get(lang)}"},
            "locations": [
                {
                    "physicalLocation": {
                        "artifactLocation": {"uri": location.path.replace("\\", "/")},
                        "region": {"startLine": location.line, "startColumn": location.column},
                    },
                    "logicalLocations": [{"name": location.field or "/", "kind": "member"}],
                }
            ],
            "partialFingerprints": {"plancheck/v1": finding.fingerprint},
            "properties": {"document": finding.document, "field": location.field, "basis": finding.basis,
                           "message": {"zh": finding.message.zh, "en": finding.message.en},
                           "fix": {"zh": finding.fix.zh, "en": finding.fix.en}},
        }
        if finding.waiver is not None and not finding.waiver.expired:
            result["suppressions"] = [{
                "kind": "external",
                "status": "accepted",
                "justification": f"{finding.waiver.justification} ({finding.waiver.approved_by}, until {finding.waiver.expires})",
            }]
        if finding.in_baseline:
            result["baselineState"] = "unchanged"
        results.append(result)
    notifications = [
        {
            "level": "error",
            "message": {"text": problem.message},
            "descriptor": {"id": problem.code},
            "locations": [{"physicalLocation": {
                "artifactLocation": {"uri": problem.path.replace("\\", "/")},
                **({"region": {"startLine": problem.line, "startColumn": problem.column or 1}} if problem.line else {}),
            }}],
        }
        for problem in report.problems
    ]
    return {
        "$schema": SARIF_SCHEMA,
        "version": "2.1.0",
        "runs": [
            {
                "tool": {"driver": {"name": "plancheck", "version": __version__, "semanticVersion": __version__, "rules": rules}},
                "invocations": [{"executionSuccessful": not report.problems, "toolExecutionNotifications": notifications}],
                "columnKind": "unicodeCodePoints",
                "results": results,
            }
        ],
    }


@formatter("sarif", "SARIF 2.1.0, for code scanning in review")
def render(report: Report, stream: TextIO, *, lang: str) -> None:
    json.dump(sarif_object(report, lang), stream, ensure_ascii=False, indent=2)
    stream.write("\n")
