"""The CI gate: SARIF, JUnit, annotations, Markdown, waivers, baselines, selection, validate."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
import textwrap
from pathlib import Path
from xml.etree import ElementTree as ET

import jsonschema
import pytest

from .conftest import FIXTURES, PLANS, ROOT, run_cli

SARIF_SCHEMA = ROOT.parent / "shared" / "schemas" / "sarif-schema-2.1.0.json"
TOWNS = PLANS / "2023" / "towns"


@pytest.fixture(scope="module")
def sarif_validator():
    schema = json.loads(SARIF_SCHEMA.read_text(encoding="utf-8"))
    return jsonschema.Draft7Validator(schema)


def test_sarif_validates_against_the_official_schema(sarif_validator, tmp_path):
    broken = tmp_path / "broken.yaml"
    broken.write_text("format: plancheck/v1\nid: [\n", encoding="utf-8")
    run = run_cli("check", TOWNS.relative_to(ROOT), broken, "--as-of", "2023-07-02", "--format", "sarif")
    sarif = json.loads(run.out)
    errors = sorted(sarif_validator.iter_errors(sarif), key=str)
    assert not errors, errors[0]
    results = sarif["runs"][0]["results"]
    json_report = run_cli("check", TOWNS.relative_to(ROOT), "--as-of", "2023-07-02", "--format", "json").json()
    assert len(results) == len(json_report["findings"])
    first, finding = results[0], json_report["findings"][0]
    assert first["ruleId"] == finding["rule"]
    region = first["locations"][0]["physicalLocation"]["region"]
    assert (region["startLine"], region["startColumn"]) == (finding["location"]["line"], finding["location"]["column"])
    rules = {rule["id"]: rule for rule in sarif["runs"][0]["tool"]["driver"]["rules"]}
    assert "What it checks" in rules[first["ruleId"]]["help"]["text"]
    assert sarif["runs"][0]["invocations"][0]["toolExecutionNotifications"][0]["locations"][0]["physicalLocation"]["artifactLocation"]["uri"].endswith("broken.yaml")


def test_junit_has_a_case_per_document_and_requirement_and_a_failure_per_finding():
    run = run_cli("check", TOWNS.relative_to(ROOT), "--as-of", "2023-07-02", "--format", "junit")
    report = run_cli("check", TOWNS.relative_to(ROOT), "--as-of", "2023-07-02", "--format", "json").json()
    root = ET.fromstring(run.out)
    suites = root.findall("testsuite")
    assert len(suites) == len(report["documents"]) >= 4
    cases = [case for suite in suites for case in suite.findall("testcase")]
    assert len(cases) == int(root.get("tests")) == sum(int(s.get("tests")) for s in suites)
    failures = [failure for case in cases for failure in case.findall("failure")]
    assert len(failures) == len([f for f in report["findings"]])
    failed_cases = {(case.get("classname"), case.get("name").split(" ")[0]) for case in cases if case.find("failure") is not None}
    assert failed_cases == {(f["document"], f["rule"]) for f in report["findings"]}
    assert int(root.get("failures")) == len(failed_cases)


def test_github_annotations_point_at_lines():
    run = run_cli("check", (TOWNS / "yingcheng-2023.yaml").relative_to(ROOT), "--as-of", "2023-05-25", "--format", "github")
    lines = run.out.splitlines()
    assert len(lines) == 3
    assert lines[0].startswith("::error file=plans/2023/towns/yingcheng-2023.yaml,line=21,col=44,title=YD-CAMPAIGN")
    assert all("\n" not in line for line in lines)


def test_markdown_lists_every_finding():
    run = run_cli("check", TOWNS.relative_to(ROOT), "--as-of", "2023-05-25", "--format", "markdown", "--lang", "en")
    report = run_cli("check", TOWNS.relative_to(ROOT), "--as-of", "2023-05-25", "--format", "json").json()
    for finding in report["findings"]:
        assert f"`{finding['rule']}`" in run.out
    assert run.out.startswith("## plancheck results (2023-05-25)")


def test_several_formats_in_one_run(tmp_path):
    a, b = tmp_path / "a.json", tmp_path / "b.sarif"
    run = run_cli("check", TOWNS.relative_to(ROOT), "--as-of", "2023-05-25", "--format", "json", "--output", a,
                  "--format", "sarif", "--output", b, "--format", "github")
    assert run.code == 1
    assert json.loads(a.read_text(encoding="utf-8"))["format"] == "plancheck-report/v1"
    assert json.loads(b.read_text(encoding="utf-8"))["version"] == "2.1.0"
    assert run.out.startswith("::") and "::error file=" in run.out
    both_to_screen = run_cli("check", TOWNS.relative_to(ROOT), "--format", "json", "--format", "sarif")
    assert both_to_screen.code == 2 and "more than one --format" in both_to_screen.err


def test_output_is_deterministic(tmp_path):
    outputs = []
    for _ in range(2):
        run = run_cli("check", PLANS.relative_to(ROOT), "--as-of", "2023-07-02", "--format", "sarif")
        outputs.append(run.out)
    assert outputs[0] == outputs[1]


def test_select_and_ignore_take_ids_and_prefixes():
    base = ["check", TOWNS.relative_to(ROOT), "--as-of", "2023-07-02", "--format", "json"]
    everything = {f["rule"] for f in run_cli(*base).json()["findings"]}
    only_national = {f["rule"] for f in run_cli(*base, "--select", "NAT23-").json()["findings"]}
    assert only_national and only_national == {r for r in everything if r.startswith("NAT23-")}
    ignored = {f["rule"] for f in run_cli(*base, "--ignore", "NAT23-", "--ignore", "YD-616").json()["findings"]}
    assert ignored == everything - only_national - {"YD-616"}


# Waivers ----------------------------------------------------------------------------------------
def _waivers(tmp_path: Path, body: str) -> Path:
    path = tmp_path / "plancheck-waivers.yaml"
    path.write_text(textwrap.dedent(body), encoding="utf-8")
    return path


DAZHAN = (TOWNS / "dazhan-2023.yaml").relative_to(ROOT)


def test_a_valid_waiver_hides_its_finding_but_keeps_it_in_the_report(tmp_path):
    waivers = _waivers(tmp_path, """\
        waivers:
          - document: dazhan-2023
            rule: YD-5IN
            justification: 镇辖区农村宣传由市级统一组织
            approved_by: 市安委办 王明
            expires: 2023-12-31
        """)
    plain = run_cli("check", DAZHAN, "--as-of", "2023-07-02", "--format", "json", "--select", "YD-5IN")
    waived = run_cli("check", DAZHAN, "--as-of", "2023-07-02", "--format", "json", "--select", "YD-5IN", "--waivers", waivers)
    assert plain.code == 1 and waived.code == 0
    finding = waived.json()["findings"][0]
    assert finding["waived"] == {"justification": "镇辖区农村宣传由市级统一组织", "approved_by": "市安委办 王明", "expires": "2023-12-31"}
    assert waived.json()["summary"]["waived"] == 1
    sarif = json.loads(run_cli("check", DAZHAN, "--as-of", "2023-07-02", "--format", "sarif", "--select", "YD-5IN", "--waivers", waivers).out)
    assert sarif["runs"][0]["results"][0]["suppressions"][0]["kind"] == "external"


def test_an_expired_waiver_no_longer_hides_and_says_so(tmp_path):
    waivers = _waivers(tmp_path, """\
        waivers:
          - {document: dazhan-2023, rule: YD-5IN, justification: 临时豁免, approved_by: 王明, expires: 2023-06-30}
        """)
    run = run_cli("check", DAZHAN, "--as-of", "2023-07-02", "--format", "json", "--select", "YD-5IN", "--waivers", waivers)
    assert run.code == 1
    finding = run.json()["findings"][0]
    assert "waived" not in finding and finding["waiver_expired"]["expires"] == "2023-06-30"
    table = run_cli("check", DAZHAN, "--as-of", "2023-07-02", "--select", "YD-5IN", "--waivers", waivers, "--lang", "en")
    assert "expired on 2023-06-30" in table.out


def test_an_unused_waiver_is_reported(tmp_path):
    waivers = _waivers(tmp_path, """\
        waivers:
          - {document: dazhan-2023, rule: YD-LEAD, justification: 已设, approved_by: 王明, expires: 2023-12-31}
        """)
    run = run_cli("check", DAZHAN, "--as-of", "2023-07-02", "--format", "json", "--waivers", waivers, "--fail-on", "never")
    assert run.json()["unused_waivers"][0]["rule"] == "YD-LEAD"
    table = run_cli("check", DAZHAN, "--as-of", "2023-07-02", "--waivers", waivers, "--lang", "en")
    assert "waiver matches no finding: dazhan-2023 / YD-LEAD" in table.out


@pytest.mark.parametrize("entry,field", [
    ("{document: dazhan-2023, rule: YD-5IN, approved_by: 王明, expires: 2023-12-31}", "/waivers/0/justification"),
    ("{document: dazhan-2023, rule: YD-5IN, justification: '  ', approved_by: 王明, expires: 2023-12-31}", "/waivers/0/justification"),
    ("{document: dazhan-2023, rule: YD-5IN, justification: 理由, approved_by: 王明}", "/waivers/0/expires"),
    ("{document: dazhan-2023, rule: YD-5IN, justification: 理由, approved_by: 王明, expires: 2023-02-30}", "/waivers/0/expires"),
])
def test_a_malformed_waiver_is_an_input_error(tmp_path, entry, field):
    waivers = _waivers(tmp_path, f"waivers:\n  - {entry}\n")
    run = run_cli("check", DAZHAN, "--as-of", "2023-07-02", "--waivers", waivers)
    assert run.code == 2
    assert ":2:" in run.err and f" {field} " in run.err and "Traceback" not in run.err


def test_the_waivers_file_at_the_repository_root_is_found(tmp_path):
    shutil.copytree(PLANS, tmp_path / "plans")
    (tmp_path / ".git").mkdir()
    _waivers(tmp_path, "waivers:\n  - {document: dazhan-2023, rule: YD-5IN, justification: 理由, approved_by: 王明, expires: 2023-12-31}\n")
    run = run_cli("check", "plans/2023/towns/dazhan-2023.yaml", "--as-of", "2023-07-02", "--format", "json", cwd=tmp_path)
    assert [f["rule"] for f in run.json()["findings"] if "waived" in f] == ["YD-5IN"]


# Baseline ---------------------------------------------------------------------------------------
def test_a_baseline_survives_an_edit_that_moves_lines(tmp_path):
    shutil.copytree(PLANS, tmp_path / "plans")
    (tmp_path / ".git").mkdir()  # a repository of plans: superiors anywhere in it may be read
    plan = tmp_path / "plans" / "2023" / "towns" / "yingcheng-2023.yaml"
    baseline = tmp_path / "baseline.json"
    first = run_cli("check", "plans/2023/towns/yingcheng-2023.yaml", "--as-of", "2023-05-25", "--format", "json", "--output", baseline, cwd=tmp_path)
    assert first.code == 1
    lines = plan.read_text(encoding="utf-8").splitlines(keepends=True)
    plan.write_text(lines[0] + "# 补充说明：本方案经镇党委会议审议通过。\n# 第二行说明。\n" + "".join(lines[1:]), encoding="utf-8")
    again = run_cli("check", "plans/2023/towns/yingcheng-2023.yaml", "--as-of", "2023-05-25", "--format", "json", "--baseline", baseline, cwd=tmp_path)
    assert again.code == 0, again.out
    moved = {f["rule"]: f["location"]["line"] for f in again.json()["findings"]}
    before = {f["rule"]: f["location"]["line"] for f in json.loads(baseline.read_text(encoding="utf-8"))["findings"]}
    assert moved == {rule: line + 2 for rule, line in before.items()}
    assert all(f["baseline"] for f in again.json()["findings"])
    # a new gap still fails
    text = plan.read_text(encoding="utf-8").replace("theme:", "theme: 旧主题 #", 1)
    plan.write_text(text, encoding="utf-8")
    new = run_cli("check", "plans/2023/towns/yingcheng-2023.yaml", "--as-of", "2023-05-25", "--format", "json", "--baseline", baseline, cwd=tmp_path)
    assert new.code == 1
    assert [f["rule"] for f in new.json()["findings"] if not f.get("baseline")] == ["YD-THEME", "NAT23-THEME"] or \
        sorted(f["rule"] for f in new.json()["findings"] if not f.get("baseline")) == ["NAT23-THEME", "YD-THEME"]


def test_a_baseline_that_is_not_a_report_is_an_input_error(tmp_path):
    bad = tmp_path / "baseline.json"
    bad.write_text("{}", encoding="utf-8")
    run = run_cli("check", DAZHAN, "--baseline", bad)
    assert run.code == 2 and "not a plancheck JSON report" in run.err


# validate ---------------------------------------------------------------------------------------
def test_validate_accepts_the_example_repository():
    run = run_cli("validate", "plans/", "rules/")
    assert run.code == 0, run.err


def test_validate_finds_impossible_and_weaker_requirements(tmp_path):
    shutil.copy(PLANS / "2023" / "yingde-2023.yaml", tmp_path / "yingde-2023.yaml")
    town = tmp_path / "town.yaml"
    town.write_text(textwrap.dedent("""\
        format: plancheck/v1
        id: town-2023
        org: 某镇
        level: street
        year: 2023
        superior: yingde-2023.yaml
        requirements:
          - {id: T-SUMMARY, type: report_due, report: summary, due: 2023-07-10}
          - {id: T-5IN, type: sectors_covered, sectors: [enterprise, community]}
          - {id: T-WIN, type: activity, kind: training, not_before: 2023-06-20, not_after: 2023-06-10}
          - {id: T-NEXT, type: report_due, report: cases, due: 2024-01-10}
          - id: T-DRILL
            type: drill_per_sector
            sectors: {school: {scenarios_all: [fire]}}
        """), encoding="utf-8")
    run = run_cli("validate", town)
    assert run.code in (1, 2)
    lines = run.err.splitlines()
    def line_of(field):
        return next(l for l in lines if f" {field} " in l)
    assert ":8:" in line_of("/requirements/0/due") and "later than the superior's 2023-07-01" in line_of("/requirements/0/due")
    assert "misses rural, school, family" in line_of("/requirements/1/sectors")
    assert "not_before" in run.err and "/requirements/2" in run.err
    assert "outside the document's year 2023" in line_of("/requirements/3/due")
    assert "misses traffic" in line_of("/requirements/4/sectors/school/scenarios_all")


# End to end: a real git repository of plans, gated as the README's CI job does -----------------
def _git(repo: Path, *args: str) -> None:
    env = {**os.environ, "GIT_AUTHOR_NAME": "clerk", "GIT_AUTHOR_EMAIL": "c@example.org",
           "GIT_COMMITTER_NAME": "clerk", "GIT_COMMITTER_EMAIL": "c@example.org"}
    subprocess.run(["git", *args], cwd=repo, check=True, capture_output=True, env=env)


@pytest.mark.skipif(shutil.which("git") is None, reason="git is not installed")
def test_a_git_repository_of_plans_is_gated(tmp_path):
    repo = tmp_path / "plans-repo"
    (repo / "2023" / "towns").mkdir(parents=True)
    _git(repo, "init", "-q")
    shutil.copy(PLANS / "2023" / "yingde-2023.yaml", repo / "2023")
    shutil.copy(TOWNS / "donghua-2023.yaml", repo / "2023" / "towns" / "town.yaml")
    _git(repo, "add", ".")
    _git(repo, "commit", "-qm", "good plan")
    gate = [sys.executable, str(ROOT / "cli.py"), "check", ".", "--as-of", "2023-05-25", "--format", "sarif", "--output", "plancheck.sarif"]
    assert subprocess.run(gate, cwd=repo).returncode == 0
    text = (repo / "2023" / "towns" / "town.yaml").read_text(encoding="utf-8")
    bad = text.replace("    date: 6月16日\n    sectors: [public_place]", "    date: 6月18日\n    sectors: [public_place]")
    assert bad != text
    (repo / "2023" / "towns" / "town.yaml").write_text(bad, encoding="utf-8")
    _git(repo, "commit", "-qam", "move the consultation day")
    assert subprocess.run(gate, cwd=repo).returncode == 1
    sarif = json.loads((repo / "plancheck.sarif").read_text(encoding="utf-8"))
    results = [r for r in sarif["runs"][0]["results"] if r["ruleId"] == "YD-616"]
    assert len(results) == 1
    location = results[0]["locations"][0]["physicalLocation"]
    assert location["artifactLocation"]["uri"] == "2023/towns/town.yaml"
    offending = bad.splitlines()[location["region"]["startLine"] - 1]
    assert offending == "  - id: consultation-day"


def _readme_job_command(marker: str) -> list[str]:
    """The `plancheck check` line of the README's CI job that follows `marker`."""
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    block = readme[readme.index(marker):]
    line = next(l for l in block.splitlines() if "plancheck check" in l)
    command = line.split("plancheck check", 1)[1].split()
    return [sys.executable, str(ROOT / "cli.py"), "check", *command]


@pytest.mark.skipif(shutil.which("git") is None, reason="git is not installed")
@pytest.mark.parametrize("marker,report", [("GitHub Actions,", "plancheck.sarif"), ("GitLab CI,", "plancheck.sarif")])
def test_the_readme_ci_job_gates_a_plan_repository(tmp_path, marker, report):
    repo = tmp_path / "repo"
    (repo / "2023" / "towns").mkdir(parents=True)
    _git(repo, "init", "-q")
    (repo / ".gitlab-ci.yml").write_text("plancheck:\n  script: [x]\n", encoding="utf-8")  # not a plan: left alone
    shutil.copy(PLANS / "2023" / "yingde-2023.yaml", repo / "2023")
    shutil.copy(TOWNS / "donghua-2023.yaml", repo / "2023" / "towns" / "town.yaml")
    _git(repo, "add", ".")
    _git(repo, "commit", "-qm", "good plan")
    command = _readme_job_command(marker) + ["--as-of", "2023-05-25"]  # the example plans are of 2023
    assert subprocess.run(command, cwd=repo, capture_output=True).returncode == 0
    town = repo / "2023" / "towns" / "town.yaml"
    town.write_text(town.read_text(encoding="utf-8").replace("  leader: {title: 镇党委副书记、镇长}\n", ""), encoding="utf-8")
    _git(repo, "commit", "-qam", "drop the leader")
    gated = subprocess.run(command, cwd=repo, capture_output=True, text=True)
    assert gated.returncode == 1
    sarif = json.loads((repo / report).read_text(encoding="utf-8"))
    [result] = [r for r in sarif["runs"][0]["results"] if r["ruleId"] == "YD-LEAD"]
    line = result["locations"][0]["physicalLocation"]["region"]["startLine"]
    assert town.read_text(encoding="utf-8").splitlines()[line - 1].startswith("leading_group:")
