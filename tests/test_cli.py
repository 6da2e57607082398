"""The command line: exit codes, messages for bad input, and every command's help."""

from __future__ import annotations

import json
import re
import subprocess
import sys
from pathlib import Path

import pytest

from compliance.report import FORMATTERS

from .conftest import FIXTURES, ROOT, run_cli

GOOD_SUPERIOR = FIXTURES / "theme" / "superior.yaml"
LINE = re.compile(r"^plancheck: (?P<path>\S+?):(?P<line>\d+):(?P<column>\d+): (?P<field>/\S*) .+\[[a-z-]+\]$")


def write(tmp_path: Path, name: str, text: str) -> Path:
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return path


PLAN_HEAD = "format: plancheck/v1\nid: {id}\norg: 某街道\nlevel: street\nyear: 2024\n"


def error_lines(run) -> list[re.Match]:
    lines = [line for line in run.err.splitlines() if line.strip()]
    assert "Traceback" not in run.err + run.out
    return [LINE.match(line) for line in lines]


@pytest.mark.parametrize(
    "name,body,line,field",
    [
        ("malformed.yaml", PLAN_HEAD.format(id="bad") + "theme: [unclosed\n", 7, "/theme"),
        ("typo.yaml", PLAN_HEAD.format(id="bad") + f"superior: {GOOD_SUPERIOR}\nactivities:\n  - kind: drill\n    not_afer: 2024-06-01\n", 9, "/activities/0/not_afer"),
        ("impossible.yaml", PLAN_HEAD.format(id="bad") + "activities:\n  - kind: drill\n    date: 2月30日\n", 8, "/activities/0/date"),
        ("wrong_type.yaml", PLAN_HEAD.format(id="bad").replace("year: 2024", "year: twenty") , 5, "/year"),
        ("no_superior.yaml", PLAN_HEAD.format(id="bad") + "superior: ../nowhere.yaml\n", 6, "/superior"),
        ("no_superior_id.yaml", PLAN_HEAD.format(id="bad") + "superior: nobody-2024\n", 6, "/superior"),
    ],
)
def test_bad_input_gets_one_clear_line_and_exit_2(tmp_path, name, body, line, field):
    path = write(tmp_path, name, body)
    run = run_cli("check", path, "--format", "json")
    assert run.code == 2
    matches = error_lines(run)
    assert matches and all(matches), run.err
    first = matches[0]
    assert first["path"].endswith(name)
    assert int(first["line"]) == line
    assert first["field"] == field or first["field"].startswith(field + "/")


def test_unknown_field_suggests_the_right_one(tmp_path):
    path = write(tmp_path, "typo.yaml", PLAN_HEAD.format(id="bad") + "requirements:\n  - {id: R, type: activity, kind: drill, not_afer: 2024-06-01}\n")
    run = run_cli("check", path, "--format", "json")
    assert run.code == 2
    assert "/requirements/0/not_afer" in run.err and "did you mean `not_after`" in run.err


def test_missing_file(tmp_path):
    run = run_cli("check", tmp_path / "absent.yaml", "--format", "json")
    assert run.code == 2
    assert "absent.yaml" in run.err and "no such file" in run.err
    assert "Traceback" not in run.err


def test_cycle_of_superiors_is_an_error(tmp_path):
    write(tmp_path, "a.yaml", PLAN_HEAD.format(id="a") + "superior: b.yaml\n")
    write(tmp_path, "b.yaml", PLAN_HEAD.format(id="b") + "superior: a.yaml\n")
    run = run_cli("check", tmp_path / "a.yaml", "--format", "json")
    assert run.code == 2
    assert "cycle: a -> b -> a" in run.err
    assert error_lines(run)[0]["field"] == "/superior"


def test_one_unreadable_file_does_not_hide_the_others(tmp_path):
    broken = write(tmp_path, "broken.yaml", "format: plancheck/v1\nid: [\n")
    failing = FIXTURES / "theme" / "fail" / "old_theme.yaml"
    run = run_cli("check", broken, failing, "--format", "json", "--as-of", "2024-06-21")
    assert run.code == 2
    report = run.json()
    statuses = {d["path"].rsplit("/", 1)[-1]: d["status"] for d in report["documents"]}
    assert statuses == {"broken.yaml": "error", "old_theme.yaml": "fail"}
    assert {f["rule"] for f in report["findings"]} >= {"FX-THEME"}


def test_exit_codes_follow_fail_on():
    warning_only = FIXTURES / "leading_group" / "fail" / "no_office.yaml"
    codes = {level: run_cli("check", warning_only, "--fail-on", level, "--format", "json").code for level in ("error", "warning", "info", "never")}
    assert codes["never"] == 0
    assert codes["info"] == 1 and codes["warning"] == 1
    assert codes["error"] in (0, 1)


def test_passing_plan_exits_0():
    run = run_cli("check", FIXTURES / "no_gaps" / "pass" / "perfect.yaml", "--as-of", "2024-06-21")
    assert run.code == 0, run.out + run.err


def test_messages_in_chinese_by_default_and_english_on_request():
    failing = FIXTURES / "theme" / "fail" / "old_theme.yaml"
    zh = run_cli("check", failing, "--as-of", "2024-06-21")
    en = run_cli("check", failing, "--as-of", "2024-06-21", "--lang", "en")
    assert "活动主题" in zh.out and "不通过" in zh.out
    assert "differs from the required" in en.out and "FAIL" in en.out


def test_table_shows_location_rule_severity_basis_and_fix():
    failing = FIXTURES / "theme" / "fail" / "old_theme.yaml"
    run = run_cli("check", failing.relative_to(ROOT), "--as-of", "2024-06-21", "--lang", "en")
    report = run_cli("check", failing.relative_to(ROOT), "--as-of", "2024-06-21", "--format", "json").json()
    finding = report["findings"][0]
    flat = re.sub(r"\s+", "", run.out)
    assert f"{finding['location']['line']}:{finding['location']['column']}" in flat
    assert finding["rule"] in flat and "error" in flat
    assert re.sub(r"\s+", "", finding["basis"])[:20] in flat
    assert "Fix:" in run.out


def test_json_report_has_the_documented_shape():
    report = run_cli("check", FIXTURES / "report_due" / "fail", "--as-of", "2024-06-21", "--format", "json").json()
    assert set(report) == {"format", "as_of", "documents", "findings", "summary", "unused_waivers"}
    assert report["format"] == "plancheck-report/v1"
    assert set(report["documents"][0]) >= {"path", "id", "superior", "status", "errors", "warnings", "infos"}
    finding = report["findings"][0]
    assert set(finding) == {"document", "rule", "type", "severity", "message", "basis", "location", "fix", "fingerprint"}
    assert set(finding["location"]) == {"path", "line", "column", "field"}
    assert set(finding["message"]) == set(finding["fix"]) == {"zh", "en"}
    assert set(report["summary"]) >= {"documents", "failed", "errors", "warnings", "infos"}


def test_output_is_written_atomically_and_never_over_an_input(tmp_path):
    target = tmp_path / "out" / "report.json"
    run = run_cli("check", FIXTURES / "theme" / "pass", "--format", "json", "--output", target)
    assert run.code == 0 and run.out == ""
    assert json.loads(target.read_text(encoding="utf-8"))["summary"]["documents"] == 3
    assert not [p for p in target.parent.iterdir() if p.name.endswith(".tmp")]
    plan = write(tmp_path, "plan.yaml", PLAN_HEAD.format(id="p"))
    before = plan.read_text(encoding="utf-8")
    run = run_cli("check", plan, "--output", plan)
    assert run.code == 2 and plan.read_text(encoding="utf-8") == before


def test_against_and_pack_options():
    plan = ROOT / "plans" / "2022" / "qinglongshan-2022.yaml"
    run = run_cli("check", plan, "--pack", "national-2022", "--as-of", "2022-06-10", "--format", "json")
    themes = [f for f in run.json()["findings"] if f["rule"] == "NAT22-THEME"]
    assert run.code == 1 and len(themes) == 1
    assert "落实安全责任" in themes[0]["message"]["zh"]
    unknown = run_cli("check", plan, "--pack", "national-1999")
    assert unknown.code == 2 and "no rule pack named `national-1999`" in unknown.err
    against = run_cli("check", FIXTURES / "theme" / "fail" / "old_theme.yaml", "--against", FIXTURES / "cites" / "superior.yaml", "--format", "json")
    assert {f["type"] for f in against.json()["findings"]} == {"cites"}


def test_schema_command_prints_a_valid_json_schema():
    import jsonschema

    run = run_cli("schema")
    schema = json.loads(run.out)
    jsonschema.Draft202012Validator.check_schema(schema)
    assert "not_after" in json.dumps(schema)


def test_rules_command_prints_documentation():
    listing = run_cli("rules")
    assert listing.code == 0 and "drill_per_sector" in listing.out
    one = run_cli("rules", "drill_per_sector")
    assert one.code == 0 and "What it checks" in one.out and "scenarios_all" in one.out
    assert run_cli("rules", "nonsense").code == 2


@pytest.mark.parametrize("command", ["check", "schema", "rules"])
def test_every_command_has_help(command):
    run = run_cli(command, "--help")
    assert run.code == 0 and "usage: plancheck" in run.out


def test_format_choices_come_from_the_registry():
    run = run_cli("check", "--help")
    for name in FORMATTERS:
        assert name in run.out


def test_python_cli_py_and_module_behave_alike():
    plan = FIXTURES / "theme" / "fail" / "old_theme.yaml"
    result = subprocess.run([sys.executable, "cli.py", "check", str(plan), "--format", "json", "--as-of", "2024-06-21"],
                            cwd=ROOT, capture_output=True, text=True)
    assert result.returncode == 1
    assert json.loads(result.stdout)["findings"][0]["rule"].startswith("FX-THEME")


def test_output_to_a_device_or_a_link_writes_through(tmp_path):
    import os
    import stat

    run = run_cli("check", FIXTURES / "theme" / "pass", "--format", "json", "--output", "/dev/null")
    assert run.code == 0
    assert stat.S_ISCHR(os.stat("/dev/null").st_mode)  # still the device, not a file put in its place
    target = tmp_path / "real.json"
    target.write_text("{}", encoding="utf-8")
    link = tmp_path / "link.json"
    link.symlink_to(target)
    assert run_cli("check", FIXTURES / "theme" / "pass", "--format", "json", "--output", link).code == 0
    assert link.is_symlink() and json.loads(target.read_text(encoding="utf-8"))["summary"]["documents"] == 3


def test_a_folder_without_plans_is_an_error_not_a_pass(tmp_path):
    (tmp_path / "notes.yaml").write_text("title: not a plan\n", encoding="utf-8")
    for command in ("check", "audit"):
        run = run_cli(command, tmp_path)
        assert run.code == 2 and "no plancheck documents" in run.err
