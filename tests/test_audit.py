"""`plancheck audit` on the example repository, and `plancheck init` followed by `check`."""

from __future__ import annotations

import re
from datetime import date
from pathlib import Path

import pytest

from compliance.audit import FAILED, MISSING, NO_PLAN, NOT_DUE, PASSED, PENDING, audit_folder, guess_superiors_by_citation
from compliance.run import Checker

from .conftest import PLANS, ROOT, run_cli

YINGDE = PLANS / "2023" / "yingde-2023.yaml"


@pytest.fixture(scope="module")
def june_audit():
    return audit_folder(PLANS.relative_to(ROOT), checker=Checker(as_of=date(2023, 6, 21)))


def test_the_matrix_agrees_with_the_checks(june_audit):
    [matrix] = [m for m in june_audit.matrices if m.superior_id == "yingde-2023"]
    findings = {}
    for finding in june_audit.report.findings:
        findings.setdefault(finding.document, set()).add(finding.rule)
    assert [c.id for c in matrix.columns][:3] == ["YD-THEME", "YD-CITES", "YD-PERIOD"]
    assert any(c.id.startswith("NAT23-") for c in matrix.columns)  # the city's pack applies to its towns
    for row in matrix.rows:
        for column in matrix.columns:
            state = row.cells[column.id].state
            if row.path is None:
                assert state == NO_PLAN
            elif column.id in findings.get(row.id, set()):
                assert state == FAILED
            else:
                assert state in (PASSED, NOT_DUE)
    assert {row.id for row in matrix.rows} >= {"donghua-2023", "dazhan-2023", "qingtang-2023"}


def test_missing_late_and_deadlines(june_audit):
    assert [(row.id, row.state) for _, row in june_audit.missing] == [("qingtang-2023", MISSING)]
    assert ("yinghong-2023", date(2023, 5, 30), date(2023, 6, 2)) in [(i.document, i.due, i.submitted_on) for i in june_audit.late]
    overdue = {(d.document, d.rule) for d in june_audit.timeline if d.overdue}
    assert ("qingtang-2023", "YD-PLAN") in overdue
    soon = [d for d in june_audit.timeline if not d.overdue]
    assert soon and all(date(2023, 6, 21) <= d.day <= date(2023, 7, 5) for d in soon)


def test_before_the_due_day_a_plan_not_yet_sent_is_pending():
    audit = audit_folder(PLANS.relative_to(ROOT), checker=Checker(as_of=date(2023, 5, 25)))
    pending = {row.id: row for _, row in audit.pending}
    assert "qingtang-2023" in pending and pending["qingtang-2023"].path is None
    # plans sent after 05-25 had not been sent as of then
    assert {"yinghong-2023", "donghua-2023", "yingcheng-2023"} <= set(pending)
    assert "lianjiangkou-2023" not in pending  # it records no day: it is in the tree, so it was sent
    assert audit.missing == [] and audit.late == []


def test_audit_command_prints_the_matrix_and_names_missing_and_late():
    run = run_cli("audit", "plans/", "--as-of", "2023-06-21", "--lang", "en")
    assert run.code == 1
    assert "Missing plans (past the due day)" in run.out
    missing_section = run.out.split("Missing plans (past the due day)")[1].split("Not yet submitted")[0]
    assert "qingtang-2023" in missing_section
    late_section = run.out.split("Submitted late")[1].split("Deadlines")[0]
    assert "yinghong-2023" in late_section
    assert "YD-5IN" in run.out and "✗" in run.out


def test_audit_json_has_the_same_numbers(june_audit):
    report = run_cli("audit", "plans/", "--as-of", "2023-06-21", "--format", "json").json()
    assert report["format"] == "plancheck-audit/v1"
    [matrix] = [m for m in report["matrices"] if m["superior"]["id"] == "yingde-2023"]
    [expected] = [m for m in june_audit.matrices if m.superior_id == "yingde-2023"]
    assert {r["id"]: r["cells"] for r in matrix["subordinates"]} == {
        r.id: {c: cell.state for c, cell in r.cells.items()} for r in expected.rows
    }
    assert [m["id"] for m in report["missing"]] == ["qingtang-2023"]
    assert report["report"]["format"] == "plancheck-report/v1"


def test_audit_needs_a_folder():
    run = run_cli("audit", "plans/2023/yingde-2023.yaml")
    assert run.code == 2 and "not a folder" in run.err


def test_superior_found_by_the_number_it_cites(tmp_path):
    superior = tmp_path / "county.yaml"
    superior.write_text(
        "format: plancheck/v1\nid: county\norg: 某县安委办\nlevel: county\nyear: 2024\ndoc_no: 某安办〔2024〕7号\n"
        "theme: 人人讲安全、个个会应急——畅通生命通道\nsubordinates: [{id: town, org: 某镇}, {id: other, org: 另一镇}]\n"
        "requirements:\n  - {id: C-THEME, type: theme}\n  - {id: C-PLAN, type: report_due, report: plan, due: 2024-05-31}\n",
        encoding="utf-8",
    )
    (tmp_path / "town.yaml").write_text(
        "format: plancheck/v1\nid: town\norg: 某镇\nlevel: street\nyear: 2024\ncites: [某安办［2024］7号]\n"
        "theme: 人人讲安全 个个会应急\nsubmitted_on: 2024-05-30\n",
        encoding="utf-8",
    )
    audit = audit_folder(tmp_path, checker=Checker(as_of=date(2024, 6, 3)))
    [matrix] = audit.matrices
    states = {row.id: (row.state, {c: cell.state for c, cell in row.cells.items()}) for row in matrix.rows}
    assert states == {"town": ("submitted", {"C-THEME": FAILED, "C-PLAN": PASSED}), "other": (MISSING, {"C-THEME": NO_PLAN, "C-PLAN": NO_PLAN})}


_COUNTY = (
    "format: plancheck/v1\nid: county\norg: 某县安委办\nlevel: county\nyear: 2024\n{doc_no}\n"
    "theme: 人人讲安全、个个会应急——畅通生命通道\nsubordinates: [{{id: town, org: 某镇}}]\n"
    "requirements:\n  - {{id: C-THEME, type: theme}}\n{extra}"
)
_TOWN = "format: plancheck/v1\nid: town\norg: 某镇\nlevel: street\nyear: 2024\ncites:\n  - 某安办〔2024〕7号  # 县\ntheme: 人人讲安全\n"


def _town_findings(tmp_path) -> tuple[dict, set]:
    audit = audit_folder(tmp_path, checker=Checker(as_of=date(2024, 6, 3)))
    town = next(r for r in audit.report.documents if r.id == "town")
    return town, {f.rule for f in town.findings}


def test_citations_guessed_from_the_lines_are_checked_against_the_whole_tree(tmp_path):
    (tmp_path / "town.yaml").write_text(_TOWN, encoding="utf-8")
    county = tmp_path / "county.yaml"
    # The lines read before the check see this number (a block list of cites, a comment) and guess right.
    county.write_text(_COUNTY.format(doc_no="doc_no: 某安办〔2024〕7号", extra=""), encoding="utf-8")
    assert guess_superiors_by_citation([tmp_path / "town.yaml", county]) == {(tmp_path / "town.yaml").resolve(): county.resolve()}
    town, rules = _town_findings(tmp_path)
    assert town.superior == "county" and rules == {"C-THEME"}
    # A number the lines cannot read (a folded block) is found by the check, and the plan checked again.
    county.write_text(_COUNTY.format(doc_no="doc_no: >-\n  某安办〔2024〕7号", extra=""), encoding="utf-8")
    assert guess_superiors_by_citation([tmp_path / "town.yaml", county]) == {}
    town, rules = _town_findings(tmp_path)
    assert town.superior == "county" and rules == {"C-THEME"}
    # A guess the check proves wrong (the superior does not load) is taken back: the plan has no superior.
    county.write_text(_COUNTY.format(doc_no="doc_no: 某安办〔2024〕7号", extra="  - {id: C-X, type: no_such_type}\n"), encoding="utf-8")
    assert guess_superiors_by_citation([tmp_path / "town.yaml", county]) != {}
    town, rules = _town_findings(tmp_path)
    assert town.superior is None and rules == set()


# init -------------------------------------------------------------------------------------------
def test_init_then_check_lists_the_superiors_requirements(tmp_path):
    output = tmp_path / "shihuipu-2023.yaml"
    run = run_cli("init", "--against", YINGDE, "--org", "英德市石灰铺镇人民政府", "--output", output)
    assert run.code == 0, run.err
    text = output.read_text(encoding="utf-8")
    assert "superior: " in text and "TODO YD-DRILL" in text
    # The new plan is written outside the superior's repository: its `superior:` may lead there only on request.
    assert run_cli("validate", output).code == 2
    assert run_cli("validate", output, "--allow-outside").code == 0
    checked = run_cli("check", output, "--as-of", "2023-05-25", "--format", "json", "--allow-outside")
    assert checked.code == 1
    listed = {f["rule"] for f in checked.json()["findings"]}
    superior = run_cli("check", output, "--as-of", "2023-05-25", "--format", "junit", "--allow-outside")
    everything = {case.split(" ")[0] for case in re.findall(r'name="([A-Z0-9-]+ \(\w+\))"', superior.out)}
    # Nothing is due yet for the plan's own submission, and nothing was planned that could be unheld.
    assert listed == everything - {"YD-PLAN", "YD-HELD"}
    for line in text.splitlines():
        if line.startswith("# TODO "):
            assert line.split()[2] in everything


def test_init_uncommented_items_satisfy_their_requirements(tmp_path):
    output = tmp_path / "filled-2023.yaml"
    run_cli("init", "--against", YINGDE, "--org", "某镇", "--output", output)
    text = output.read_text(encoding="utf-8")
    lines = []
    for line in text.splitlines():  # a clerk uncommenting the theme and the leading group only
        if line in ("# theme: 人人讲安全 个个会应急", "# leading_group:", "#   leader: {name: TODO, title: TODO}", "#   office: TODO"):
            line = line[2:]
        lines.append(line)
    output.write_text("\n".join(lines) + "\n", encoding="utf-8")
    checked = run_cli("check", output, "--as-of", "2023-05-25", "--format", "json", "--allow-outside")  # written outside the repository
    findings = {f["rule"] for f in checked.json()["findings"]}
    assert "YD-THEME" not in findings and "YD-LEAD" not in findings and "YD-5IN" in findings


def test_init_never_overwrites(tmp_path):
    output = tmp_path / "town-2023.yaml"
    output.write_text("mine\n", encoding="utf-8")
    run = run_cli("init", "--against", YINGDE, "--org", "某镇", "--output", output)
    assert run.code == 2 and "never overwrites" in run.err
    assert output.read_text(encoding="utf-8") == "mine\n"
    forced = run_cli("init", "--against", YINGDE, "--org", "某镇", "--output", output, "--force")
    assert forced.code == 0 and output.read_text(encoding="utf-8").startswith("# 某镇")


def test_init_needs_an_id(tmp_path):
    run = run_cli("init", "--against", YINGDE, "--org", "某镇", cwd=tmp_path)
    assert run.code == 2 and "--id" in run.err
