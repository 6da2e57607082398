"""A rich table per document, for a clerk at a terminal."""

from __future__ import annotations

from typing import TextIO

from rich import box
from rich.console import Console
from rich.table import Table
from rich.text import Text

from ..run import Report
from ..vocab import Severity
from . import formatter

_STYLE = {Severity.ERROR: "bold red", Severity.WARNING: "yellow", Severity.INFO: "cyan"}
_WORDS = {
    "zh": {
        "location": "位置",
        "rule": "要求",
        "severity": "级别",
        "message": "问题",
        "basis": "依据",
        "fix": "整改",
        "against": "对照",
        "nothing": "未指定上级要求，未检查（用 --against 或 --pack，或在文件中写 superior:）",
        "clean": "全部符合",
        "summary": "共 {documents} 份文件：{failed} 份不符合，{unreadable} 份无法读取；错误 {errors}，警告 {warnings}，提示 {infos}",
        "waived": "已豁免：{w.justification}（{w.approved_by}批准，有效期至 {w.expires}）",
        "expired": "豁免已于 {w.expires} 过期，不再生效（{w.justification}）",
        "baseline": "基线中已有，不计入结果",
        "unused": "豁免未匹配任何问题：{w.document} / {w.rule}（{w.path}:{w.line}）",
        "pass": "通过",
        "fail": "不通过",
        "error": "无法读取",
    },
    "en": {
        "location": "Location",
        "rule": "Rule",
        "severity": "Severity",
        "message": "Finding",
        "basis": "Basis",
        "fix": "Fix",
        "against": "against",
        "nothing": "no superior requirements: nothing checked (use --against or --pack, or write superior: in the file)",
        "clean": "no findings",
        "summary": "{documents} document(s): {failed} failed, {unreadable} unreadable; {errors} error(s), {warnings} warning(s), {infos} info(s)",
        "waived": "waived: {w.justification} (approved by {w.approved_by}, until {w.expires})",
        "expired": "the waiver expired on {w.expires} and no longer applies ({w.justification})",
        "baseline": "already in the baseline: not counted",
        "unused": "waiver matches no finding: {w.document} / {w.rule} ({w.path}:{w.line})",
        "pass": "pass",
        "fail": "FAIL",
        "error": "UNREADABLE",
    },
}


def render_to_console(report: Report, console: Console, *, lang: str) -> None:
    words = _WORDS[lang]
    for result in report.documents:
        status = result.status(report.fail_on)
        heading = Text(f"{result.path}", style="bold")
        if result.id:
            heading.append(f"  ({result.id})", style="dim")
        heading.append(f"  {words[status]}", style={"pass": "green", "fail": "bold red", "error": "bold magenta"}[status])
        if result.checked_against:
            heading.append(f"  {words['against']} {', '.join(result.checked_against)}", style="dim")
        console.print(heading)
        if result.problems:
            for problem in result.problems:
                console.print(Text(f"  {problem}", style="magenta"))
            continue
        if not result.checked_against:
            console.print(Text(f"  {words['nothing']}", style="dim"))
            continue
        if not result.findings:
            console.print(Text(f"  {words['clean']}", style="green"))
            continue
        table = Table(box=box.SIMPLE_HEAD, expand=True, pad_edge=False)
        table.add_column(words["location"], overflow="fold", ratio=3)
        table.add_column(words["rule"], no_wrap=True)
        table.add_column(f"{words['message']} / {words['basis']} / {words['fix']}", overflow="fold", ratio=5)
        for finding in result.findings:
            location = finding.location
            detail = Text(finding.message.get(lang))
            if finding.basis:
                detail.append(f"\n{words['basis']}: {finding.basis}", style="dim")
            detail.append(f"\n{words['fix']}: {finding.fix.get(lang)}", style="green")
            if finding.waiver is not None:
                waiver = finding.waiver
                template = words["expired"] if waiver.expired else words["waived"]
                detail.append("\n" + template.format(w=waiver), style="yellow" if waiver.expired else "cyan")
            if finding.in_baseline:
                detail.append(f"\n{words['baseline']}", style="dim")
            table.add_row(
                f"{location.path}:{location.line}:{location.column}\n{location.field or '/'}",
                Text.assemble(finding.rule, "\n", (finding.severity.label(lang), _STYLE[finding.severity])),
                detail,
            )
        console.print(table)
    for waiver in report.unused_waivers:
        console.print(Text(words["unused"].format(w=waiver), style="yellow"))
    findings = [f for f in report.findings if f.counts]
    documents = [d.status(report.fail_on) for d in report.documents]
    console.print(
        words["summary"].format(
            documents=len(report.documents),
            failed=documents.count("fail"),
            unreadable=documents.count("error"),
            errors=sum(1 for f in findings if f.severity == Severity.ERROR),
            warnings=sum(1 for f in findings if f.severity == Severity.WARNING),
            infos=sum(1 for f in findings if f.severity == Severity.INFO),
        )
    )


@formatter("table", "a table per document, for reading at a terminal (default)")
def render(report: Report, stream: TextIO, *, lang: str, width: int | None = None, color: bool | None = None) -> None:
    console = Console(file=stream, width=width, no_color=color is False, force_terminal=color, highlight=False, soft_wrap=False)
    render_to_console(report, console, lang=lang)
