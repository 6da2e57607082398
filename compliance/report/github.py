"""GitHub workflow commands: each finding becomes an annotation on its line in the pull request."""

from __future__ import annotations

from typing import TextIO

from ..run import Report
from ..vocab import Severity
from . import formatter

COMMAND = {Severity.ERROR: "error", Severity.WARNING: "warning", Severity.INFO: "notice"}


def _data(text: str) -> str:
    return text.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")


def _property(text: str) -> str:
    return _data(text).replace(":", "%3A").replace(",", "%2C")


@formatter("github", "GitHub workflow annotations (::error file=…,line=…::)")
def render(report: Report, stream: TextIO, *, lang: str) -> None:
    for problem in report.problems:
        where = f"file={_property(problem.path)}" + (f",line={problem.line},col={problem.column or 1}" if problem.line else "")
        stream.write(f"::error {where},title={_property('plancheck: ' + problem.code)}::{_data(problem.message)}\n")
    for finding in report.findings:
        if not finding.counts:
            continue
        location = finding.location
        title = _property(f"{finding.rule} ({finding.type})")
        body = f"{finding.message.get(lang)}\n{finding.basis}\n→ {finding.fix.get(lang)}"
        stream.write(
            f"::{COMMAND[finding.severity]} file={_property(location.path)},line={location.line},col={location.column},"
            f"title={title}::{_data(body)}\n"
        )
