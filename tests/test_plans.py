"""The example repository in plans/: each town plan fails exactly what it was written to fail."""

from __future__ import annotations

import pytest

from .conftest import PLANS, ROOT, run_cli

TOWNS = PLANS / "2023" / "towns"
EXPECTED = {
    "2023-05-25": {
        "donghua-2023": set(),
        "dazhan-2023": {"YD-5IN", "YD-DRILL", "YD-CITES", "NAT23-5IN"},
        "yingcheng-2023": {"YD-SUMMARY", "YD-LIAISON", "YD-CAMPAIGN"},
        "lianjiangkou-2023": {"YD-616", "YD-LEAD", "NAT23-616"},
        "yinghong-2023": set(),  # its plan went out on 2023-06-02: as of 05-25, not yet sent and not yet due
        "hanguang-2023": {"YD-DRILL"},
    },
    "2023-07-02": {
        "donghua-2023": set(),
        "dazhan-2023": {"YD-5IN", "YD-DRILL", "YD-CITES", "NAT23-5IN"},
        "yingcheng-2023": {"YD-SUMMARY", "YD-LIAISON", "YD-CAMPAIGN"},
        "lianjiangkou-2023": {"YD-616", "YD-LEAD", "NAT23-616", "YD-PLAN", "YD-STATS", "YD-HELD"},
        "yinghong-2023": {"YD-PLAN"},
        "hanguang-2023": {"YD-DRILL", "YD-STATS"},  # its statistics went out on 07-04: as of 07-02, not yet
    },
}


@pytest.mark.parametrize("as_of", sorted(EXPECTED))
@pytest.mark.parametrize("engine", ["durable", "python"])
def test_town_plans_fail_what_they_were_written_to_fail(as_of, engine):
    run = run_cli("check", TOWNS.relative_to(ROOT), "--as-of", as_of, "--format", "json", "--engine", engine)
    assert run.code == 1, run.err
    report = run.json()
    found = {d["id"]: set() for d in report["documents"]}
    for finding in report["findings"]:
        found[finding["document"]].add(finding["rule"])
    assert found == EXPECTED[as_of]
    assert {d["id"]: d["superior"] for d in report["documents"]} == dict.fromkeys(EXPECTED[as_of], "yingde-2023")


def test_findings_point_at_the_offending_line():
    run = run_cli("check", (TOWNS / "yingcheng-2023.yaml").relative_to(ROOT), "--as-of", "2023-05-25", "--format", "json")
    lines = (TOWNS / "yingcheng-2023.yaml").read_text(encoding="utf-8").splitlines()
    for finding in run.json()["findings"]:
        line = lines[finding["location"]["line"] - 1]
        key = finding["location"]["field"].rsplit("/", 1)[-1]
        assert key in line or line.lstrip().startswith("-"), (finding["rule"], line)


def test_qinglongshan_2022_is_flagged_for_the_2021_theme():
    run = run_cli("check", "plans/2022/qinglongshan-2022.yaml", "--pack", "national-2022", "--as-of", "2022-06-10", "--format", "json")
    rules = {f["rule"]: f for f in run.json()["findings"]}
    assert "NAT22-THEME" in rules
    assert rules["NAT22-THEME"]["location"]["field"] == "/theme"
    assert "遵守安全生产法" in rules["NAT22-THEME"]["fix"]["zh"]


@pytest.mark.parametrize("year", [2022, 2023, 2024, 2025])
def test_national_packs_load_and_cite_their_basis(year):
    run = run_cli("check", "plans/2022/qinglongshan-2022.yaml", "--pack", f"national-{year}", "--format", "json", "--fail-on", "never")
    assert run.code == 0, run.err
    pack = (ROOT / "rules" / f"national-{year}.yaml").read_text(encoding="utf-8")
    assert pack.count("basis:") == pack.count("type:")


def test_the_whole_repository_is_checked_by_the_readme_command():
    run = run_cli("check", "plans/", "--as-of", "2023-05-25")
    assert run.code == 1
    for name in ("yingde-2023", "donghua-2023", "dazhan-2023", "jiangnan-2024", "qinglongshan-2022"):
        assert name in run.out
