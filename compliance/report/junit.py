"""JUnit XML: a test case per document and requirement, a failure per finding."""

from __future__ import annotations

from typing import TextIO
from xml.etree import ElementTree as ET

from ..run import Report
from . import formatter


def _describe(finding, lang: str) -> str:
    location = finding.location
    return (
        f"{location.path}:{location.line}:{location.column} {location.field}\n"
        f"{finding.message.get(lang)}\nbasis: {finding.basis}\nfix: {finding.fix.get(lang)}"
    )


def junit_tree(report: Report, lang: str) -> ET.ElementTree:
    suites = ET.Element("testsuites", name="plancheck")
    total = failures = errors = skipped = 0
    for result in report.documents:
        suite = ET.SubElement(suites, "testsuite", name=result.path)
        cases = failed = erred = skipped_here = 0
        if result.problems:
            case = ET.SubElement(suite, "testcase", classname=result.path, name="read")
            error = ET.SubElement(case, "error", message=result.problems[0].message, type=result.problems[0].code)
            error.text = "\n".join(str(problem) for problem in result.problems)
            cases, erred = 1, 1
        by_rule: dict[str, list] = {}
        for finding in result.findings:
            by_rule.setdefault(finding.rule, []).append(finding)
        for bound in result.requirements:
            rule_id, rule_type = bound.requirement.id, bound.rule_type.type
            case = ET.SubElement(suite, "testcase", classname=result.id or result.path, name=f"{rule_id} ({rule_type})")
            cases += 1
            found = by_rule.get(rule_id, [])
            counted = [f for f in found if f.counts]
            for finding in counted:
                failure = ET.SubElement(case, "failure", message=finding.message.get(lang), type=finding.severity.value)
                failure.text = _describe(finding, lang)
            if counted:
                failed += 1
            elif found:
                waived = [f for f in found if f.waived]
                reason = f"waived: {waived[0].waiver.justification}" if waived else "known in the baseline"
                ET.SubElement(case, "skipped", message=reason)
                skipped_here += 1
        suite.set("tests", str(cases))
        suite.set("failures", str(failed))
        suite.set("errors", str(erred))
        suite.set("skipped", str(skipped_here))
        total, failures, errors, skipped = total + cases, failures + failed, errors + erred, skipped + skipped_here
    suites.set("tests", str(total))
    suites.set("failures", str(failures))
    suites.set("errors", str(errors))
    suites.set("skipped", str(skipped))
    ET.indent(suites)
    return ET.ElementTree(suites)


@formatter("junit", "JUnit XML: a test case per document and requirement")
def render(report: Report, stream: TextIO, *, lang: str) -> None:
    stream.write('<?xml version="1.0" encoding="UTF-8"?>\n')
    stream.write(ET.tostring(junit_tree(report, lang).getroot(), encoding="unicode"))
    stream.write("\n")
