"""Markdown, for a merge-request comment."""

from __future__ import annotations

from typing import TextIO

from ..run import Report
from ..vocab import Severity
from . import formatter

ICON = {Severity.ERROR: "🔴", Severity.WARNING: "🟡", Severity.INFO: "🔵"}
WORDS = {
    "zh": {"title": "plancheck 检查结果", "doc": "文件", "status": "结果", "e": "错误", "w": "警告", "i": "提示",
           "where": "位置", "rule": "要求", "finding": "问题", "basis": "依据", "fix": "整改", "waived": "已豁免",
           "expired": "豁免已过期", "baseline": "基线已有", "unused": "未匹配任何问题的豁免",
           "pass": "通过", "fail": "不通过", "error": "无法读取"},
    "en": {"title": "plancheck results", "doc": "Document", "status": "Status", "e": "Errors", "w": "Warnings", "i": "Infos",
           "where": "Where", "rule": "Rule", "finding": "Finding", "basis": "Basis", "fix": "Fix", "waived": "waived",
           "expired": "waiver expired", "baseline": "in baseline", "unused": "Waivers that match no finding",
           "pass": "pass", "fail": "fail", "error": "unreadable"},
}


def _cell(text: str) -> str:
    return text.replace("|", "\\|").replace("\n", "<br>")


@formatter("markdown", "Markdown, for a merge-request comment")
def render(report: Report, stream: TextIO, *, lang: str) -> None:
    w = WORDS[lang]
    stream.write(f"## {w['title']} ({report.as_of})\n\n")
    stream.write(f"| {w['doc']} | {w['status']} | {w['e']} | {w['w']} | {w['i']} |\n| --- | --- | ---: | ---: | ---: |\n")
    for result in report.documents:
        status = result.status(report.fail_on)
        stream.write(
            f"| `{_cell(result.path)}` | {w[status]} | {result.count(Severity.ERROR)} | "
            f"{result.count(Severity.WARNING)} | {result.count(Severity.INFO)} |\n"
        )
    for result in report.documents:
        if not result.findings and not result.problems:
            continue
        stream.write(f"\n### `{_cell(result.path)}`\n\n")
        for problem in result.problems:
            stream.write(f"- ❌ `{_cell(str(problem))}`\n")
        if not result.findings:
            continue
        stream.write(f"| | {w['where']} | {w['rule']} | {w['finding']} | {w['basis']} | {w['fix']} |\n| --- | --- | --- | --- | --- | --- |\n")
        for finding in result.findings:
            note = ""
            if finding.waiver is not None:
                note = f" _({w['expired'] if finding.waiver.expired else w['waived']}: {_cell(finding.waiver.justification)})_"
            elif finding.in_baseline:
                note = f" _({w['baseline']})_"
            location = finding.location
            stream.write(
                f"| {ICON[finding.severity]} | `{location.line}:{location.column}` `{_cell(location.field)}` | `{finding.rule}` | "
                f"{_cell(finding.message.get(lang))}{note} | {_cell(finding.basis)} | {_cell(finding.fix.get(lang))} |\n"
            )
    if report.unused_waivers:
        stream.write(f"\n### {w['unused']}\n\n")
        for waiver in report.unused_waivers:
            stream.write(f"- `{waiver.document}` / `{waiver.rule}` ({_cell(waiver.path)}:{waiver.line})\n")
