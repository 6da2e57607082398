"""The XLSX report: the committee's statistics table, read back with openpyxl."""

from __future__ import annotations

import io
import json
import os
from datetime import date, datetime
from pathlib import Path

import compliance.report.xlsx  # noqa: F401  (first: registers the format)
import openpyxl
import pytest
from compliance.audit import FAILED, MISSING, NO_PLAN, NOT_DUE, PASSED, UNLISTED, WAIVED, audit_folder
from compliance.report import FORMATTERS
from compliance.report.xlsx import render
from compliance.report.xlsx_book import CELL_FILL, MARK, SUBMISSION, sheet_title
from compliance.run import Checker

from .conftest import ROOT

AS_OF = date(2023, 6, 21)
HEADER = 2  # the title row, then the header row
FIXED = 5  # id, org, submission, submitted_on, due
INJECTIONS = ['=HYPERLINK("http://x","y")', "+1", "-2", "@SUM(A1)", "=cmd|' /C calc'!A0", "#N/A"]


@pytest.fixture(scope="module")
def audit():
    previous = Path.cwd()
    try:
        os.chdir(ROOT)  # paths in the report are relative to where the check runs
        return audit_folder(Path("plans"), checker=Checker(as_of=AS_OF))
    finally:
        os.chdir(previous)


def workbook_of(audit, *, lang: str = "zh"):
    stream = io.BytesIO()
    render(audit, stream, lang=lang)
    stream.seek(0)
    return openpyxl.load_workbook(stream)


def rgb(cell) -> str:
    return cell.fill.start_color.rgb[-6:]


def test_registered_as_a_binary_format():
    entry = FORMATTERS["xlsx"]
    assert entry.binary and entry.suffix == ".xlsx" and entry.render is render


def test_matrix_has_one_row_per_subordinate_and_one_column_per_requirement(audit):
    book = workbook_of(audit)
    matrix = audit.matrices[0]
    ws = book[matrix.superior_id]
    assert book.sheetnames[0] == matrix.superior_id
    assert matrix.superior_org in ws["A1"].value and AS_OF.isoformat() in ws["A1"].value
    headers = [c.value for c in ws[HEADER]]
    assert headers[:FIXED] == ["编号", "单位", "提交情况", "报送日期", "应报日期"]
    assert [h.split("\n")[0] for h in headers[FIXED:FIXED + len(matrix.columns)]] == [c.id for c in matrix.columns]
    assert headers[FIXED + len(matrix.columns):] == ["不符合项", "豁免项"]
    assert ws.max_column == FIXED + len(matrix.columns) + 2
    assert ws.max_row == HEADER + len(matrix.rows)
    for index, column in enumerate(matrix.columns, start=FIXED + 1):
        assert column.basis and column.basis in ws.cell(HEADER, index).comment.text
    for number, row in enumerate(matrix.rows, start=HEADER + 1):
        assert ws.cell(number, 1).value == row.id
        assert ws.cell(number, 2).value == row.org
        assert ws.cell(number, 3).value == SUBMISSION["zh"][row.state]
        submitted = ws.cell(number, 4).value
        assert (submitted.date() if submitted else None) == row.submitted_on
        for index, column in enumerate(matrix.columns, start=FIXED + 1):
            state = row.cells[column.id].state
            cell = ws.cell(number, index)
            assert cell.value == MARK["zh"][state], (row.id, column.id)
            assert rgb(cell) == CELL_FILL[state].start_color.rgb[-6:]
        assert ws.cell(number, ws.max_column - 1).value == row.count(FAILED)
        assert ws.cell(number, ws.max_column).value == row.count(WAIVED)


def test_the_known_gaps_of_the_example_plans(audit):
    ws = workbook_of(audit)["yingde-2023"]
    rows = {ws.cell(r, 1).value: r for r in range(HEADER + 1, ws.max_row + 1)}
    columns = {ws.cell(HEADER, c).value.split("\n")[0]: c for c in range(FIXED + 1, ws.max_column - 1)}
    failed = ws.cell(rows["dazhan-2023"], columns["YD-5IN"])
    assert failed.value == "✗ 不符合" and rgb(failed) == "FFC7CE"
    assert "农村" in failed.comment.text  # the finding's message, for the clerk
    passed = ws.cell(rows["donghua-2023"], columns["YD-5IN"])
    assert passed.value == "✓ 符合" and rgb(passed) == "C6EFCE"
    missing = [row for m, row in audit.missing]
    assert missing, "the example repository has a town that has not answered"
    for row in missing:
        assert ws.cell(rows[row.id], 3).value == "未提交"
        assert {ws.cell(rows[row.id], c).value for c in columns.values()} == {"—"}


def test_panes_filter_and_widths(audit):
    book = workbook_of(audit)
    ws = book["yingde-2023"]
    assert ws.freeze_panes == "C3"
    assert ws.auto_filter.ref.startswith("A2:")
    assert ws.column_dimensions["B"].width >= 12
    findings = book["问题清单"]
    assert findings.freeze_panes == "B3" and findings.auto_filter.ref.startswith("A2:")


def test_findings_sheet_has_one_row_per_finding(audit):
    ws = workbook_of(audit)["问题清单"]
    findings = audit.report.findings
    assert findings
    assert ws.max_row - HEADER == len(findings)
    for number, finding in enumerate(findings, start=HEADER + 1):
        row = [c.value for c in ws[number]]
        assert row[:8] == [finding.document, finding.location.path, finding.location.line, finding.location.column,
                           finding.location.field or "/", finding.rule, finding.type, finding.severity.zh]
        assert row[8:11] == [finding.message.zh, finding.basis, finding.fix.zh]


def test_submissions_sheet(audit):
    ws = workbook_of(audit)["报送情况"]
    values = [c.value for row in ws.iter_rows() for c in row if c.value is not None]
    for title in ("未提交方案", "逾期报送", "时间节点（已逾期及14天内到期）"):
        assert title in values
    for _, row in audit.missing:
        assert row.id in values
    for item in audit.timeline:
        assert item.what.zh in values


def test_english(audit):
    book = workbook_of(audit, lang="en")
    assert book.sheetnames == ["yingde-2023", "Findings", "Submissions"]
    ws = book["yingde-2023"]
    assert [c.value for c in ws[HEADER]][:FIXED] == ["ID", "Organization", "Submission", "Submitted on", "Due"]
    assert [c.value for c in book["Findings"][HEADER]][8] == "Finding"
    marks = {c.value for row in ws.iter_rows(min_row=HEADER + 1, min_col=FIXED + 1) for c in row}
    assert "✗ fail" in marks and not any(isinstance(m, str) and "符合" in m for m in marks)


def test_same_input_same_bytes(audit):
    first, second = io.BytesIO(), io.BytesIO()
    render(audit, first, lang="zh")
    render(audit, second, lang="zh")
    assert first.getvalue() == second.getvalue()
    book = openpyxl.load_workbook(io.BytesIO(first.getvalue()))
    assert book.properties.created == datetime(2023, 6, 21)


def test_a_check_report_is_rendered_through_its_audit(audit):
    book = workbook_of(audit.report)
    assert "yingde-2023" in book.sheetnames
    assert book["问题清单"].max_row - HEADER == len(audit.report.findings)


def test_sheet_titles_are_valid_and_unique():
    taken: set[str] = set()
    titles = [sheet_title(name, taken) for name in ["a[b]:c*d?e/f\\g", "x" * 40, "x" * 40, "History", "'q'", ""]]
    assert len({t.casefold() for t in titles}) == len(titles)
    for title in titles:
        assert 0 < len(title) <= 31 and not set(title) & set("[]:*?/\\") and not title.startswith("'")


# Text from documents is never a formula -----------------------------------------------------------
def write(path: Path, data: dict) -> None:
    path.write_text(json.dumps(data, ensure_ascii=False, indent=1), encoding="utf-8")


def write_hostile(tmp_path: Path) -> None:
    """A superior and its plans whose text would be formulas if written carelessly."""
    write(tmp_path / "district.json", {
        "format": "plancheck/v1", "id": "district", "org": INJECTIONS[0], "level": "county", "year": 2023,
        "title": INJECTIONS[1], "theme": "人人讲安全 个个会应急", "period": {"start": "2023-06-01", "end": "2023-06-30"},
        "requirements": [
            {"id": "R-THEME", "type": "theme", "title": INJECTIONS[2], "basis": INJECTIONS[3]},
            {"id": "R-LIAISON", "type": "contact", "title": INJECTIONS[4], "basis": INJECTIONS[0]},
            {"id": "R-PLAN", "type": "report_due", "report": "plan", "due": "2023-05-30", "basis": INJECTIONS[5]},
        ],
        "subordinates": [{"id": "town-a", "org": INJECTIONS[0]}, {"id": "town-b", "org": INJECTIONS[2]}],
    })
    plan = {"format": "plancheck/v1", "level": "street", "year": 2023, "superior": "district",
            "theme": INJECTIONS[1], "submitted_on": "2023-05-20", "title": INJECTIONS[0]}
    write(tmp_path / "town-a.json", {**plan, "id": "town-a", "org": INJECTIONS[1]})
    write(tmp_path / "town-c.json", {**plan, "id": "town-c", "org": INJECTIONS[3]})
    (tmp_path / "plancheck-waivers.yaml").write_text(
        "waivers:\n"
        "  - document: town-a\n    rule: R-LIAISON\n"
        f"    justification: {json.dumps(INJECTIONS[4])}\n    approved_by: {json.dumps(INJECTIONS[0])}\n"
        "    expires: 2023-12-31\n",
        encoding="utf-8",
    )


@pytest.fixture
def hostile(tmp_path):
    write_hostile(tmp_path)
    return audit_folder(tmp_path, checker=Checker(as_of=AS_OF))


def test_text_from_documents_is_stored_as_text(hostile):
    matrix = hostile.matrices[0]
    assert [(r.id, r.org, r.state) for r in matrix.rows] == [
        ("town-a", INJECTIONS[0], "submitted"), ("town-b", INJECTIONS[2], MISSING), ("town-c", INJECTIONS[3], UNLISTED)]
    assert {r.id: r.cells["R-THEME"].state for r in matrix.rows} == {"town-a": FAILED, "town-b": NO_PLAN, "town-c": FAILED}
    assert matrix.rows[0].cells["R-LIAISON"].state == WAIVED

    stream = io.BytesIO()
    render(hostile, stream, lang="zh")
    book = openpyxl.load_workbook(io.BytesIO(stream.getvalue()))
    ws = book["district"]
    assert ws["A1"].value.startswith(INJECTIONS[0]) and ws["A1"].data_type == "s"
    orgs = [ws.cell(r, 2) for r in range(HEADER + 1, ws.max_row + 1)]
    assert [c.value for c in orgs] == [INJECTIONS[0], INJECTIONS[2], INJECTIONS[3]]
    assert all(c.data_type == "s" for c in orgs)
    assert ws.cell(HEADER + 1, 3).value == "已提交"
    assert ws.cell(HEADER + 2, 3).value == "未提交"
    assert ws.cell(HEADER + 3, 3).value == "名单外"
    theme = ws.cell(HEADER + 1, FIXED + 1)
    assert theme.value == "✗ 不符合" and rgb(theme) == "FFC7CE"
    waived = ws.cell(HEADER + 1, FIXED + 2)
    assert waived.value == "豁免" and rgb(waived) == "FFEB9C"
    assert ws.cell(HEADER + 1, FIXED + 3).value == MARK["zh"][PASSED]
    assert ws.cell(HEADER, FIXED + 1).value == f"R-THEME\n{INJECTIONS[2]}"
    assert INJECTIONS[3] in ws.cell(HEADER, FIXED + 1).comment.text

    findings = book["问题清单"]
    by_rule = {findings.cell(r, 6).value: r for r in range(HEADER + 1, findings.max_row + 1)
               if findings.cell(r, 1).value == "town-a"}
    assert findings.cell(by_rule["R-THEME"], 10).value == INJECTIONS[3]  # basis
    assert findings.cell(by_rule["R-LIAISON"], 10).value == INJECTIONS[0]
    assert findings.cell(by_rule["R-LIAISON"], 12).value == "已豁免"
    assert findings.cell(by_rule["R-LIAISON"], 13).value == INJECTIONS[4]  # justification
    assert findings.cell(by_rule["R-LIAISON"], 14).value == INJECTIONS[0]  # approved by
    assert findings.max_row - HEADER == len(hostile.report.findings)

    seen = set()
    for sheet in book:
        for row in sheet.iter_rows():
            for cell in row:
                assert cell.data_type != "f", (sheet.title, cell.coordinate, cell.value)
                if isinstance(cell.value, str):
                    assert cell.data_type == "s", (sheet.title, cell.coordinate, cell.value)
                    seen.update(i for i in INJECTIONS if cell.value == i)
    assert seen >= {INJECTIONS[0], INJECTIONS[2], INJECTIONS[3], INJECTIONS[4]}


def test_not_due_and_control_characters(tmp_path):
    write(tmp_path / "district.json", {
        "format": "plancheck/v1", "id": "district", "org": "区安委办\x0b", "level": "county", "year": 2023,
        "requirements": [{"id": "R-SUMMARY", "type": "report_due", "report": "summary", "due": "2023-07-01"}],
        "subordinates": [{"id": "town-a", "org": "甲镇"}],
    })
    write(tmp_path / "town-a.json", {"format": "plancheck/v1", "id": "town-a", "org": "甲镇", "level": "street",
                                     "year": 2023, "superior": "district",
                                     "reports": [{"kind": "summary", "due": "2023-07-01"}]})
    audit = audit_folder(tmp_path, checker=Checker(as_of=AS_OF))
    assert audit.matrices[0].rows[0].cells["R-SUMMARY"].state == NOT_DUE
    ws = workbook_of(audit)["district"]
    cell = ws.cell(HEADER + 1, FIXED + 1)
    assert cell.value == "未到期" and rgb(cell) == "D9D9D9"
    assert "\x0b" not in ws["A1"].value


def test_a_gap_in_the_baseline_is_not_called_waived(tmp_path):
    write_hostile(tmp_path)
    first = audit_folder(tmp_path, checker=Checker(as_of=AS_OF))
    baseline = tmp_path / "baseline" / "report.json"
    baseline.parent.mkdir()
    with baseline.open("w", encoding="utf-8") as stream:
        FORMATTERS["json"].render(first.report, stream, lang="zh")
    audit = audit_folder(tmp_path, checker=Checker(as_of=AS_OF, baseline_path=baseline))
    assert audit.matrices[0].rows[0].cells["R-THEME"].state == FAILED  # a known gap is still a gap
    book = workbook_of(audit)
    assert book["district"].cell(HEADER + 1, FIXED + 1).value == "✗ 不符合（基线已有）"
    assert book["district"].cell(HEADER + 1, FIXED + 2).value == "豁免"  # a real waiver
    statuses = {r[5].value: r[11].value for r in book["问题清单"].iter_rows(min_row=HEADER + 1)
                if r[0].value == "town-a"}
    assert statuses == {"R-THEME": "基线已有", "R-LIAISON": "已豁免"}
