"""`superior:` and `evidence:` stay inside the repository root, through `..` or a link, unless --allow-outside."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from compliance.confine import Confinement

from .conftest import run_cli

HEAD = "format: plancheck/v1\nid: {id}\norg: 某街道办事处\nlevel: street\nyear: 2024\n"
LINE = re.compile(r"^plancheck: (?P<path>.+?):(?P<line>\d+):(?P<column>\d+): (?P<field>/\S*) (?P<message>.+) \[(?P<code>[a-z0-9-]+)\]$")
SUPERIOR = HEAD + "theme: 人人讲安全\nrequirements:\n  - {{id: UP-THEME, type: theme, basis: 通知第一条}}\n"


def write(path: Path, text: str) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")
    return path


def town(path: Path, body: str) -> Path:
    return write(path, HEAD.format(id=path.stem) + body)


def problems(run) -> list[re.Match]:
    assert "Traceback" not in run.err
    lines = [LINE.match(line) for line in run.err.splitlines() if line.strip()]
    assert all(lines), run.err
    return lines


@pytest.fixture
def tree(tmp_path):
    """tmp/outside/up.yaml beside tmp/repo/ (no .git): a superior and a secret out of reach."""
    write(tmp_path / "outside" / "up.yaml", SUPERIOR.format(id="up"))
    write(tmp_path / "outside" / "secret.jpg", "secret")
    (tmp_path / "repo").mkdir()
    return tmp_path


@pytest.mark.parametrize("command", ["check", "validate"])
@pytest.mark.parametrize("reference", ["../outside/up.yaml", "{tmp}/outside/up.yaml", "link.yaml", "linked/up.yaml"])
def test_a_superior_outside_the_root_is_an_error_unless_allowed(tree, command, reference):
    repo = tree / "repo"
    (repo / "link.yaml").symlink_to(tree / "outside" / "up.yaml")
    (repo / "linked").symlink_to(tree / "outside", target_is_directory=True)
    plan = town(repo / "town.yaml", f"theme: 旧主题\nsuperior: {reference.format(tmp=tree)}\n")
    run = run_cli(command, plan, "--format", "json") if command == "check" else run_cli(command, plan)
    assert run.code == 2
    [line] = problems(run)
    assert (line["line"], line["field"], line["code"]) == ("7", "/superior", "outside-root")
    allowed = run_cli(command, plan, "--allow-outside", *(["--format", "json"] if command == "check" else []))
    assert allowed.code == (1 if command == "check" else 0), allowed.err
    if command == "check":
        assert [f["rule"] for f in allowed.json()["findings"]] == ["UP-THEME"]


def test_the_root_outside_git_is_the_outermost_folder_given(tree):
    repo = tree / "repo"
    write(repo / "up.yaml", SUPERIOR.format(id="up"))
    plan = town(repo / "towns" / "town.yaml", "theme: 旧主题\nsuperior: ../up.yaml\n")
    # Given alone, the plan's folder is the root: `..` leaves it.
    assert problems(run_cli("check", plan, "--format", "json"))[0]["code"] == "outside-root"
    # Given with its repository folder, `..` stays inside.
    run = run_cli("check", repo, "--format", "json")
    assert run.code == 1 and not run.err
    # So does the audit of the folder.
    assert not problems(run_cli("audit", repo, "--format", "json"))


def test_the_root_is_the_nearest_folder_with_git(tree):
    repo = tree / "repo"
    (repo / ".git").mkdir()
    write(repo / "up.yaml", SUPERIOR.format(id="up"))
    plan = town(repo / "towns" / "town.yaml", "theme: 旧主题\nsuperior: ../up.yaml\n")
    run = run_cli("check", plan, "--format", "json")
    assert run.code == 1 and not run.err
    assert Confinement().root_for(plan) == repo.resolve()
    climbing = town(repo / "towns" / "climber.yaml", "superior: ../../outside/up.yaml\n")
    assert problems(run_cli("check", climbing, "--format", "json"))[0]["code"] == "outside-root"


def test_a_superior_found_by_id_through_a_link_out_is_an_error(tree):
    repo = tree / "repo"
    (repo / "up.yaml").symlink_to(tree / "outside" / "up.yaml")
    plan = town(repo / "town.yaml", "superior: up\n")
    [line] = problems(run_cli("check", plan, "--format", "json"))
    assert (line["field"], line["code"]) == ("/superior", "outside-root")


def test_a_superior_given_on_the_command_line_may_be_anywhere(tree):
    plan = town(tree / "repo" / "town.yaml", "theme: 旧主题\n")
    run = run_cli("check", plan, "--against", tree / "outside" / "up.yaml", "--format", "json")
    assert run.code == 1 and [f["rule"] for f in run.json()["findings"]] == ["UP-THEME"]


def test_a_chain_that_climbs_out_on_its_second_step_is_stopped(tree):
    repo = tree / "repo"
    write(repo / "city.yaml", SUPERIOR.format(id="city") + "superior: ../outside/up.yaml\n")
    plan = town(repo / "town.yaml", "superior: city.yaml\n")
    run = run_cli("check", repo, "--format", "json")
    assert run.code == 2
    lines = problems(run)
    assert {(Path(line["path"]).name, line["field"], line["code"]) for line in lines} == {("city.yaml", "/superior", "outside-root")}
    statuses = {Path(d["path"]).name: d for d in run.json()["documents"]}
    assert statuses[plan.name]["status"] == statuses["city.yaml"]["status"] == "error"
    assert statuses[plan.name]["problems"][0]["path"].endswith("city.yaml")  # where the chain leaves the root


@pytest.mark.parametrize(
    "entry,outside",
    [
        ("photos/launch.jpg", False),
        ("./photos/../photos/launch.jpg", False),
        ("https://example.org/launch.jpg", False),
        ("../outside/secret.jpg", True),
        ("../../../../../../../etc/passwd", True),
        ("/etc/passwd", True),
        ("file:///etc/passwd", True),
        ("..\\\\outside\\\\secret.jpg", True),
        ("C:\\\\Users\\\\clerk\\\\launch.jpg", True),
        ("shared/secret.jpg", True),  # shared -> ../outside, a link
    ],
)
def test_evidence_must_stay_inside_the_root(tree, entry, outside):
    repo = tree / "repo"
    (repo / "shared").symlink_to(tree / "outside", target_is_directory=True)
    plan = town(repo / "town.yaml", f'activities:\n  - kind: drill\n    date: 2024-06-16\n    evidence: [photos/ok.jpg, "{entry}"]\n')
    for command in (["check", plan, "--format", "json"], ["validate", plan], ["audit", repo, "--format", "json"]):
        run = run_cli(*command)
        lines = problems(run)
        if outside:
            assert run.code == 2
            [line] = lines
            assert (line["line"], line["field"], line["code"]) == ("9", "/activities/0/evidence/1", "outside-root")
            assert run_cli(*command, "--allow-outside").code == 0
        else:
            assert run.code == 0 and not lines, run.err


def test_evidence_need_not_exist_and_the_check_reads_nothing(tree):
    plan = town(tree / "repo" / "town.yaml", "activities:\n  - kind: drill\n    evidence: [photos/not-yet-taken.jpg]\n")
    assert run_cli("check", plan, "--format", "json").code == 0


def test_root_for_prefers_git_then_the_outermost_folder_given(tmp_path):
    inner = tmp_path / "a" / "b"
    inner.mkdir(parents=True)
    confinement = Confinement()
    assert confinement.root_for(inner / "x.yaml") == inner.resolve()
    confinement.add_inputs([inner / "x.yaml", tmp_path / "a"])
    assert confinement.root_for(inner / "x.yaml") == (tmp_path / "a").resolve()
    (tmp_path / ".git").mkdir()
    assert Confinement(roots=confinement.roots).root_for(inner / "x.yaml") == tmp_path.resolve()  # one run remembers folders
