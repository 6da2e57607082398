"""An XLSX workbook shaped like the committee's hand-filled statistics table (统计表).

One sheet per superior: its subordinates down, its requirements across, each cell a mark and a
colour. Then the list of findings (问题清单) and the submissions (报送情况): who has not sent a plan,
who sent it late, and what falls due next.

Every piece of text that comes from a document is written as a string cell, never a formula:
openpyxl reads a string that starts with `=` as a formula (and `#N/A` as an error), so each string
cell is forced back to the string type after its value is set.
"""

from __future__ import annotations

import io
import unicodedata
import zipfile
from datetime import date, datetime, time

from openpyxl import Workbook
from openpyxl.cell.cell import ILLEGAL_CHARACTERS_RE
from openpyxl.comments import Comment
from openpyxl.styles import Alignment, Border, Font, PatternFill, Side
from openpyxl.utils import get_column_letter
from openpyxl.worksheet.worksheet import Worksheet
from openpyxl.writer.excel import ExcelWriter

from ..audit import (FAILED, HORIZON_DAYS, LATE, MISSING, NO_PLAN, NOT_DUE, PASSED, PENDING, SUBMITTED, UNLISTED,
                     WAIVED, Audit, Matrix)
from ..findings import Finding
from ..vocab import Severity

WORDS = {
    "zh": {
        "matrix_title": "{org}（{id}）“安全生产月”活动方案落实情况统计表　截至 {as_of}",
        "id": "编号", "org": "单位", "submission": "提交情况", "submitted_on": "报送日期", "due": "应报日期",
        "failed_count": "不符合项", "waived_count": "豁免项",
        "basis": "依据", "source": "来源", "type": "类型", "severity": "严重程度", "fix": "整改",
        "findings_sheet": "问题清单", "findings_title": "问题清单　截至 {as_of}",
        "document": "文件", "path": "路径", "line": "行", "column": "列", "field": "字段", "rule": "要求",
        "message": "问题", "status": "状态",
        "justification": "豁免理由", "approved_by": "批准人", "expires": "豁免期限",
        "open": "待整改", "waived": "已豁免", "expired": "豁免已过期", "baseline": "基线已有",
        "submissions_sheet": "报送情况", "submissions_title": "报送情况　截至 {as_of}",
        "missing": "未提交方案", "pending": "方案未到报送期限", "late": "逾期报送",
        "timeline": "时间节点（已逾期及{days}天内到期）",
        "problems": "无法读取的文件", "unused": "未匹配任何问题的豁免",
        "superior": "上级", "what": "报送内容", "days_late": "逾期天数", "day": "日期", "when": "情况",
        "overdue": "已逾期", "upcoming": "即将到期", "problem": "问题", "none": "（无）",
    },
    "en": {
        "matrix_title": "{org} ({id}): Safety Production Month plans against its requirements, as of {as_of}",
        "id": "ID", "org": "Organization", "submission": "Submission", "submitted_on": "Submitted on", "due": "Due",
        "failed_count": "Failed", "waived_count": "Waived",
        "basis": "Basis", "source": "Source", "type": "Type", "severity": "Severity", "fix": "Fix",
        "findings_sheet": "Findings", "findings_title": "Findings, as of {as_of}",
        "document": "Document", "path": "Path", "line": "Line", "column": "Column", "field": "Field", "rule": "Rule",
        "message": "Finding", "status": "Status", "justification": "Justification", "approved_by": "Approved by",
        "expires": "Expires",
        "open": "open", "waived": "waived", "expired": "waiver expired", "baseline": "in baseline",
        "submissions_sheet": "Submissions", "submissions_title": "Submissions, as of {as_of}",
        "missing": "Plans not submitted", "pending": "Plans not yet due", "late": "Submitted late",
        "timeline": "Deadlines (overdue, or due within {days} days)",
        "problems": "Files that cannot be read", "unused": "Waivers that match no finding",
        "superior": "Superior", "what": "What", "days_late": "Days late", "day": "Day", "when": "Status",
        "overdue": "overdue", "upcoming": "due soon", "problem": "Problem", "none": "(none)",
    },
}
SUBMISSION = {
    "zh": {SUBMITTED: "已提交", LATE: "逾期", MISSING: "未提交", PENDING: "未到期", UNLISTED: "名单外"},
    "en": {SUBMITTED: "submitted", LATE: "late", MISSING: "missing", PENDING: "not yet due", UNLISTED: "not listed"},
}
MARK = {
    "zh": {PASSED: "✓ 符合", FAILED: "✗ 不符合", WAIVED: "豁免", NOT_DUE: "未到期", NO_PLAN: "—"},
    "en": {PASSED: "✓ pass", FAILED: "✗ fail", WAIVED: "waived", NOT_DUE: "not due", NO_PLAN: "—"},
}
# A gap known in a baseline is still a gap (the cell fails); the cell adds that it is known.
IN_BASELINE = {"zh": "基线已有", "en": "in baseline"}


def _fill(rgb: str) -> PatternFill:
    return PatternFill(fill_type="solid", start_color=rgb, end_color=rgb)


GREEN, RED, AMBER, GREY, LIGHT_GREY, BLUE = (_fill(c) for c in ("C6EFCE", "FFC7CE", "FFEB9C", "D9D9D9", "F2F2F2", "DDEBF7"))
CELL_FILL = {PASSED: GREEN, FAILED: RED, WAIVED: AMBER, NOT_DUE: GREY, NO_PLAN: LIGHT_GREY}
SUBMISSION_FILL = {SUBMITTED: GREEN, LATE: AMBER, MISSING: RED, PENDING: GREY, UNLISTED: LIGHT_GREY}
SEVERITY_FILL = {Severity.ERROR: RED, Severity.WARNING: AMBER, Severity.INFO: BLUE}
HEADER_FILL = _fill("BFBFBF")
THIN = Side(style="thin", color="808080")
BOX = Border(left=THIN, right=THIN, top=THIN, bottom=THIN)
BOLD = Font(bold=True)
TITLE_FONT = Font(bold=True, size=14)
CENTRE = Alignment(horizontal="center", vertical="center", wrap_text=True)
WRAP = Alignment(vertical="top", wrap_text=True)
DATE_FORMAT = "yyyy-mm-dd"

MAX_CELL_TEXT = 32767  # Excel's limit for one cell
SHEET_TITLE_MAX = 31
SHEET_TITLE_FORBIDDEN = set("[]:*?/\\")
SHORT_TITLE = 16  # characters of a requirement's title shown in its column header
HEADER_ROW = 2  # every table sheet: a title row, then the header row
FIXED_TIME = (1980, 1, 1, 0, 0, 0)  # zip entries: the same input gives the same bytes


# Writing cells -----------------------------------------------------------------------------------
def _text(value: str) -> str:
    """Text Excel can hold: no control characters (openpyxl refuses them), no more than one cell takes."""
    text = ILLEGAL_CHARACTERS_RE.sub("\ufffd", str(value))
    return text if len(text) <= MAX_CELL_TEXT else text[: MAX_CELL_TEXT - 1] + "…"


def put(ws: Worksheet, row: int, column: int, value, *, fill=None, font=None, alignment=None, border=BOX):
    """Write one cell. A string is always stored as a string, never as a formula or an error value."""
    cell = ws.cell(row=row, column=column)
    if isinstance(value, str):
        cell.value = _text(value)
        cell.data_type = "s"  # `=…` would be a formula, `#N/A` an error: text from a document is neither
    elif isinstance(value, date) and not isinstance(value, datetime):
        cell.value = value
        cell.number_format = DATE_FORMAT
    else:
        cell.value = value
    if fill is not None:
        cell.fill = fill
    if font is not None:
        cell.font = font
    if alignment is not None:
        cell.alignment = alignment
    if border is not None:
        cell.border = border
    return cell


def _comment(text: str, *, width: int = 360, height: int = 160) -> Comment:
    comment = Comment(_text(text), "plancheck")
    comment.width, comment.height = width, height
    return comment


def _width(text: str) -> int:
    """Columns of a monospace screen the text takes: a Chinese character takes two."""
    return max(sum(2 if unicodedata.east_asian_width(ch) in "WF" else 1 for ch in line) for line in str(text).split("\n"))


def _set_widths(ws: Worksheet, widths: dict[int, float]) -> None:
    for column, width in widths.items():
        ws.column_dimensions[get_column_letter(column)].width = width


def _fit(values, *, least: int = 6, most: int = 60) -> int:
    return max(least, min(most, max((_width(v) for v in values if v is not None), default=0) + 2))


def sheet_title(name: str, taken: set[str]) -> str:
    """A valid, unique sheet title: at most 31 characters, none of []:*?/\\, not quoted, unique ignoring case."""
    base = "".join("_" if ch in SHEET_TITLE_FORBIDDEN or not ch.isprintable() else ch for ch in name).strip().strip("'")
    base = base[:SHEET_TITLE_MAX] or "sheet"
    title, number = base, 1
    while title.casefold() in taken or title.casefold() == "history":  # Excel reserves "History"
        number += 1
        suffix = f" ({number})"
        title = base[: SHEET_TITLE_MAX - len(suffix)] + suffix
    taken.add(title.casefold())
    return title


# The matrix --------------------------------------------------------------------------------------
def _short(title: str) -> str:
    title = " ".join(title.split())
    return title if len(title) <= SHORT_TITLE else title[: SHORT_TITLE - 1] + "…"


def _cell_note(findings: list[Finding], lang: str) -> str:
    w = WORDS[lang]
    notes = []
    for finding in findings:
        note = f"{finding.message.get(lang)}\n{w['fix']}: {finding.fix.get(lang)}"
        if finding.waiver is not None:
            state = w["expired"] if finding.waiver.expired else w["waived"]
            note += (f"\n{state}: {finding.waiver.justification} ({finding.waiver.approved_by}, "
                     f"{w['expires']} {finding.waiver.expires.isoformat()})")
        elif finding.in_baseline:
            note += f"\n{w['baseline']}"
        notes.append(note)
    return "\n\n".join(notes)


def _matrix_sheet(ws: Worksheet, matrix: Matrix, as_of: date, lang: str) -> None:
    w = WORDS[lang]
    fixed = [w["id"], w["org"], w["submission"], w["submitted_on"], w["due"]]
    first_requirement = len(fixed) + 1
    counts = [w["failed_count"], w["waived_count"]]
    last = len(fixed) + len(matrix.columns) + len(counts)

    put(ws, 1, 1, w["matrix_title"].format(org=matrix.superior_org, id=matrix.superior_id, as_of=as_of.isoformat()),
        font=TITLE_FONT, alignment=Alignment(vertical="center"), border=None)
    ws.merge_cells(start_row=1, start_column=1, end_row=1, end_column=last)
    ws.row_dimensions[1].height = 28

    headers = [*fixed, *(f"{c.id}\n{_short(c.title)}" if c.title != c.id else c.id for c in matrix.columns), *counts]
    for index, header in enumerate(headers, start=1):
        put(ws, HEADER_ROW, index, header, font=BOLD, fill=HEADER_FILL, alignment=CENTRE)
    for index, column in enumerate(matrix.columns, start=first_requirement):
        note = (f"{column.id} {column.title}\n{w['basis']}: {column.basis or '—'}\n{w['source']}: {column.source}\n"
                f"{w['type']}: {column.type}\n{w['severity']}: {_severity(column.severity, lang)}")
        ws.cell(row=HEADER_ROW, column=index).comment = _comment(note)
    ws.row_dimensions[HEADER_ROW].height = 48

    for number, row in enumerate(matrix.rows, start=HEADER_ROW + 1):
        put(ws, number, 1, row.id)
        put(ws, number, 2, row.org, alignment=WRAP)
        put(ws, number, 3, SUBMISSION[lang][row.state], fill=SUBMISSION_FILL[row.state], alignment=CENTRE)
        put(ws, number, 4, row.submitted_on, alignment=CENTRE)
        put(ws, number, 5, row.due, alignment=CENTRE)
        for index, column in enumerate(matrix.columns, start=first_requirement):
            cell = row.cells.get(column.id)
            state = cell.state if cell is not None else NO_PLAN
            mark = MARK[lang][state]
            if state == FAILED and all(f.in_baseline for f in cell.findings):
                mark = f"{mark}（{IN_BASELINE[lang]}）" if lang == "zh" else f"{mark} ({IN_BASELINE[lang]})"
            written = put(ws, number, index, mark, fill=CELL_FILL[state], alignment=CENTRE)
            if cell is not None and cell.findings:
                written.comment = _comment(_cell_note(cell.findings, lang))
        put(ws, number, last - 1, row.count(FAILED), alignment=CENTRE, fill=RED if row.count(FAILED) else None)
        put(ws, number, last, row.count(WAIVED), alignment=CENTRE, fill=AMBER if row.count(WAIVED) else None)

    last_row = HEADER_ROW + max(len(matrix.rows), 1)
    ws.freeze_panes = ws.cell(row=HEADER_ROW + 1, column=3).coordinate
    ws.auto_filter.ref = f"A{HEADER_ROW}:{get_column_letter(last)}{last_row}"
    widths = {
        1: _fit([w["id"], *(r.id for r in matrix.rows)], most=24),
        2: _fit([w["org"], *(r.org for r in matrix.rows)], least=12, most=30),
        3: _fit([w["submission"], *SUBMISSION[lang].values()]),
        4: 12, 5: 12,
    }
    for index, column in enumerate(matrix.columns, start=first_requirement):
        widths[index] = max(11, min(20, _fit([column.id, _short(column.title)])))
    widths[last - 1] = widths[last] = _fit(counts)
    _set_widths(ws, widths)
    _print_setup(ws, last)


def _severity(severity: Severity, lang: str) -> str:
    return severity.zh if lang == "zh" else severity.value


def _print_setup(ws: Worksheet, last_column: int) -> None:
    """Landscape, one page wide, the header rows on every page: as the committee prints it."""
    ws.page_setup.orientation = "landscape"
    ws.page_setup.paperSize = ws.PAPERSIZE_A4
    ws.page_setup.fitToWidth = 1
    ws.page_setup.fitToHeight = 0
    ws.sheet_properties.pageSetUpPr.fitToPage = True
    ws.print_title_rows = f"1:{HEADER_ROW}"
    ws.print_area = f"A1:{get_column_letter(last_column)}{max(ws.max_row, HEADER_ROW)}"


# Findings ----------------------------------------------------------------------------------------
def _finding_status(finding: Finding, lang: str) -> str:
    w = WORDS[lang]
    if finding.waiver is not None:
        return w["expired"] if finding.waiver.expired else w["waived"]
    if finding.in_baseline:
        return w["baseline"]
    return w["open"]


def _findings_sheet(ws: Worksheet, findings: list[Finding], as_of: date, lang: str) -> None:
    w = WORDS[lang]
    headers = [w[k] for k in ("document", "path", "line", "column", "field", "rule", "type", "severity", "message",
                              "basis", "fix", "status", "justification", "approved_by", "expires")]
    put(ws, 1, 1, w["findings_title"].format(as_of=as_of.isoformat()), font=TITLE_FONT, border=None)
    ws.row_dimensions[1].height = 28
    for index, header in enumerate(headers, start=1):
        put(ws, HEADER_ROW, index, header, font=BOLD, fill=HEADER_FILL, alignment=CENTRE)
    for number, finding in enumerate(findings, start=HEADER_ROW + 1):
        location, waiver = finding.location, finding.waiver
        values = [
            finding.document, location.path, location.line, location.column, location.field or "/", finding.rule,
            finding.type, _severity(finding.severity, lang), finding.message.get(lang), finding.basis,
            finding.fix.get(lang), _finding_status(finding, lang),
            waiver.justification if waiver else None, waiver.approved_by if waiver else None,
            waiver.expires if waiver else None,
        ]
        for index, value in enumerate(values, start=1):
            fill = SEVERITY_FILL[finding.severity] if index == 8 else None
            if index == 12 and waiver is not None:
                fill = RED if waiver.expired else AMBER
            put(ws, number, index, value, fill=fill, alignment=WRAP)
    ws.freeze_panes = ws.cell(row=HEADER_ROW + 1, column=2).coordinate
    ws.auto_filter.ref = f"A{HEADER_ROW}:{get_column_letter(len(headers))}{HEADER_ROW + max(len(findings), 1)}"
    columns = list(zip(*[
        [f.document, f.location.path, f.location.line, f.location.column, f.location.field, f.rule, f.type,
         _severity(f.severity, lang)] for f in findings
    ])) or [[] for _ in range(8)]
    widths = {index: _fit([headers[index - 1], *columns[index - 1]], most=40) for index in range(1, 9)}
    widths.update({9: 50, 10: 50, 11: 40, 12: _fit([headers[11], w["expired"], w["open"]]), 13: 30, 14: 16, 15: 12})
    _set_widths(ws, widths)
    _print_setup(ws, len(headers))


# Submissions -------------------------------------------------------------------------------------
def _section(ws: Worksheet, row: int, title: str, headers: list[str], rows: list[list], lang: str,
             fills: list | None = None) -> int:
    """A titled table; returns the row after it and a blank line."""
    put(ws, row, 1, title, font=Font(bold=True, size=12), border=None)
    row += 1
    for index, header in enumerate(headers, start=1):
        put(ws, row, index, header, font=BOLD, fill=HEADER_FILL, alignment=CENTRE)
    row += 1
    if not rows:
        put(ws, row, 1, WORDS[lang]["none"], border=None)
        return row + 2
    for number, values in enumerate(rows):
        for index, value in enumerate(values, start=1):
            fill = fills[number] if fills and index == 1 else None
            put(ws, row, index, value, fill=fill, alignment=WRAP)
        row += 1
    return row + 1


def _named(org: str, id_: str, lang: str) -> str:
    return f"{org}（{id_}）" if lang == "zh" else f"{org} ({id_})"


def _submissions_sheet(ws: Worksheet, audit: Audit, lang: str) -> None:
    w = WORDS[lang]
    put(ws, 1, 1, w["submissions_title"].format(as_of=audit.as_of.isoformat()), font=TITLE_FONT, border=None)
    ws.row_dimensions[1].height = 28
    row = 3
    for key, pairs in (("missing", audit.missing), ("pending", audit.pending)):
        row = _section(ws, row, w[key], [w["id"], w["org"], w["due"], w["superior"]],
                       [[r.id, r.org, r.due, _named(m.superior_org, m.superior_id, lang)] for m, r in pairs], lang)
    row = _section(ws, row, w["late"], [w["id"], w["org"], w["what"], w["due"], w["submitted_on"], w["days_late"]],
                   [[i.document, i.org, i.what.get(lang), i.due, i.submitted_on, (i.submitted_on - i.due).days]
                    for i in audit.late], lang)
    row = _section(ws, row, w["timeline"].format(days=HORIZON_DAYS),
                   [w["when"], w["day"], w["id"], w["org"], w["what"], w["rule"]],
                   [[w["overdue"] if d.overdue else w["upcoming"], d.day, d.document, d.org, d.what.get(lang), d.rule]
                    for d in audit.timeline], lang, fills=[RED if d.overdue else AMBER for d in audit.timeline])
    report = audit.report
    row = _section(ws, row, w["problems"], [w["path"], w["line"], w["field"], w["problem"]],
                   [[p.path, p.line, p.field, f"{p.message} [{p.code}]"] for p in report.problems], lang)
    unused_headers = [w["document"], w["rule"], w["justification"], w["approved_by"], w["expires"], w["path"]]
    _section(ws, row, w["unused"], unused_headers,
             [[u.document, u.rule, u.justification, u.approved_by, u.expires, f"{u.path}:{u.line}"]
              for u in report.unused_waivers], lang)
    _set_widths(ws, {1: 24, 2: 30, 3: 28, 4: 30, 5: 28, 6: 24})
    _print_setup(ws, 6)


# The workbook ------------------------------------------------------------------------------------
def workbook(audit: Audit, *, lang: str) -> Workbook:
    w = WORDS[lang]
    book = Workbook()
    book.remove(book.active)
    taken: set[str] = set()
    reserved = [w["findings_sheet"], w["submissions_sheet"]]
    taken.update(name.casefold() for name in reserved)
    for matrix in audit.matrices:
        _matrix_sheet(book.create_sheet(sheet_title(matrix.superior_id, taken)), matrix, audit.as_of, lang)
    taken.difference_update(name.casefold() for name in reserved)
    findings = book.create_sheet(sheet_title(w["findings_sheet"], taken))
    _findings_sheet(findings, audit.report.findings, audit.as_of, lang)
    _submissions_sheet(book.create_sheet(sheet_title(w["submissions_sheet"], taken)), audit, lang)
    book.active = 0
    moment = datetime.combine(audit.as_of, time())
    book.properties.creator = "plancheck"
    book.properties.lastModifiedBy = "plancheck"
    book.properties.created = book.properties.modified = moment
    return book


def to_bytes(book: Workbook) -> bytes:
    """The .xlsx file, the same bytes for the same workbook: fixed times in the parts and in the zip."""
    raw = io.BytesIO()
    with zipfile.ZipFile(raw, "w", zipfile.ZIP_DEFLATED, allowZip64=True) as archive:
        ExcelWriter(book, archive).save()  # unlike save_workbook, keeps properties.modified as set
    fixed = io.BytesIO()
    with zipfile.ZipFile(raw) as source, zipfile.ZipFile(fixed, "w", zipfile.ZIP_DEFLATED) as target:
        for info in source.infolist():
            entry = zipfile.ZipInfo(info.filename, date_time=FIXED_TIME)
            entry.compress_type = zipfile.ZIP_DEFLATED
            entry.create_system = 3
            entry.external_attr = 0o644 << 16
            target.writestr(entry, source.read(info.filename))
    return fixed.getvalue()
