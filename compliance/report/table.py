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


_AUDIT_WORDS = {
    "zh": {
        "matrix": "{org}（{id}）下级报送与符合情况",
        "requirement": "要求",
        "submission": "报送",
        "missing": "未报送方案（已过期限）",
        "pending": "尚未报送（未到期限）",
        "late": "逾期报送",
        "overdue": "已逾期",
        "soon": "14 天内到期",
        "timeline": "时间节点",
        "nothing": "无",
        "legend": "✓ 符合  ✗ 不符合  ⚑ 豁免  … 未到期  — 无方案",
        "due": "期限 {due}",
        "sent": "{due} 到期，{sent} 报送",
        "states": {"submitted": "已报送", "late": "逾期", "missing": "未报送", "pending": "未到期", "unlisted": "名单外"},
    },
    "en": {
        "matrix": "{org} ({id}): submissions and requirements",
        "requirement": "Requirement",
        "submission": "Submission",
        "missing": "Missing plans (past the due day)",
        "pending": "Not yet submitted (not yet due)",
        "late": "Submitted late",
        "overdue": "overdue",
        "soon": "due within 14 days",
        "timeline": "Deadlines",
        "nothing": "none",
        "legend": "✓ passed  ✗ failed  ⚑ waived  … not yet due  — no plan",
        "due": "due {due}",
        "sent": "due {due}, submitted {sent}",
        "states": {"submitted": "submitted", "late": "late", "missing": "missing", "pending": "pending", "unlisted": "not listed"},
    },
}
_SYMBOL = {"passed": ("✓", "green"), "failed": ("✗", "bold red"), "waived": ("⚑", "cyan"), "not_due": ("…", "dim"), "no_plan": ("—", "dim")}
_STATE_STYLE = {"submitted": "green", "late": "yellow", "missing": "bold red", "pending": "dim", "unlisted": "magenta"}


def render_audit_to_console(audit, console: Console, *, lang: str) -> None:
    """Per superior, requirements down and subordinates across (it fits a terminal), then who is
    missing or late, and what falls due."""
    words = _AUDIT_WORDS[lang]
    for matrix in audit.matrices:
        console.print(Text(words["matrix"].format(org=matrix.superior_org, id=matrix.superior_id), style="bold"))
        table = Table(box=box.SIMPLE_HEAD, pad_edge=False)
        table.add_column(words["requirement"], no_wrap=True, overflow="ellipsis", max_width=44)
        for number, row in enumerate(matrix.rows, start=1):
            table.add_column(Text(f"{number}", style=_STATE_STYLE[row.state]), justify="center", no_wrap=True, min_width=2)
        for column in matrix.columns:
            label = Text(column.id, style="bold")
            if column.title and column.title != column.id:
                label.append(f" {column.title}", style="dim")
            cells = []
            for row in matrix.rows:
                symbol, style = _SYMBOL[row.cells[column.id].state]
                cells.append(Text(symbol, style=style))
            table.add_row(label, *cells)
        console.print(table)
        for number, row in enumerate(matrix.rows, start=1):
            failed = row.count("failed")
            tail = f"  ✗ {failed}" if failed else ""
            console.print(Text(f"  {number}. {row.org} ({row.id}) {words['states'][row.state]}{tail}", style=_STATE_STYLE[row.state]))
        console.print(Text(f"  {words['legend']}", style="dim"))
        console.print()
    sections = [
        (words["missing"], [f"{row.org} ({row.id}), {words['due'].format(due=row.due)}" if row.due else f"{row.org} ({row.id})" for _, row in audit.missing], "bold red"),
        (words["pending"], [f"{row.org} ({row.id}), {words['due'].format(due=row.due)}" if row.due else f"{row.org} ({row.id})" for _, row in audit.pending], "dim"),
        (words["late"], [f"{item.org} ({item.document}): {item.what.get(lang)}, {words['sent'].format(due=item.due, sent=item.submitted_on)}" for item in audit.late], "yellow"),
    ]
    for title, lines, style in sections:
        console.print(Text(title, style="bold"))
        for line in lines or [words["nothing"]]:
            console.print(Text(f"  {line}", style=style if lines else "dim"))
    console.print(Text(words["timeline"], style="bold"))
    for deadline in audit.timeline or []:
        flag = words["overdue"] if deadline.overdue else words["soon"]
        console.print(Text(f"  {deadline.day}  {deadline.org} ({deadline.document})  {deadline.what.get(lang)}  [{flag}]",
                           style="red" if deadline.overdue else "yellow"))
    if not audit.timeline:
        console.print(Text(f"  {words['nothing']}", style="dim"))
    console.print()
    render_to_console(audit.report, console, lang=lang)


@formatter("table", "a table per document, for reading at a terminal (default)", audit_view=True)
def render(subject, stream: TextIO, *, lang: str, width: int | None = None, color: bool | None = None) -> None:
    console = Console(file=stream, width=width, no_color=color is False, force_terminal=color, highlight=False, soft_wrap=False)
    if isinstance(subject, Report):
        render_to_console(subject, console, lang=lang)
    else:
        render_audit_to_console(subject, console, lang=lang)
