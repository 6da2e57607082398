"""Hostile input: every broken file gets exit 2 and one line naming file, line and field; nothing else is lost.

The corpus is `tests/hostile/` (its README lists each case and what is expected); cases that cannot live
in git (a 6 MB file, a pipe, links, a loop of links) are made here in a temporary folder.
"""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import sys
import time
import tracemalloc
from pathlib import Path

import pytest

from compliance.errors import InputError, PlancheckError
from compliance.loader import parse_text, read_file

from .conftest import FIXTURES, ROOT, run_cli

HOSTILE = ROOT / "tests" / "hostile"
AS_OF = "2024-06-21"
PERFECT = FIXTURES / "no_gaps" / "pass" / "perfect.yaml"
FAILING = FIXTURES / "theme" / "fail" / "old_theme.yaml"
LINE = re.compile(r"^plancheck: (?P<path>.+?):(?P<line>\d+):(?P<column>\d+): (?P<field>/\S*) (?P<message>.+) \[(?P<code>[a-z0-9-]+)\]$")
ROW = re.compile(r"^\| `(?P<file>[^`]+)` \| (?P<what>.+) \| (?P<line>\d+) \| `(?P<field>[^`]+)` \| `(?P<code>[a-z0-9-]+)` \|$")
HEAD = "format: plancheck/v1\nid: {id}\norg: 某街道办事处\nlevel: street\nyear: 2024\n"


def corpus() -> dict[str, dict]:
    rows = [ROW.match(line) for line in (HOSTILE / "README.md").read_text(encoding="utf-8").splitlines()]
    return {row["file"]: row.groupdict() for row in rows if row}


CASES = corpus()


def stderr_lines(run) -> list[re.Match]:
    assert "Traceback" not in run.err + run.out
    lines = [line for line in run.err.splitlines() if line.strip()]
    matches = [LINE.match(line) for line in lines]
    assert all(matches), f"not of the form `plancheck: path:line:column: field message [code]`:\n{run.err}"
    return matches


def expect(match: re.Match, case: dict) -> None:
    assert int(match["line"]) == int(case["line"]), match.string
    field = case["field"]
    if field.endswith("…"):
        assert match["field"].startswith(field[:-1]), match.string
    else:
        assert match["field"] == field, match.string
    assert match["code"] == case["code"], match.string


def test_the_corpus_has_every_file_in_its_table_and_at_least_fifty():
    files = {path.name for path in HOSTILE.iterdir() if path.name != "README.md"}
    assert files == set(CASES)
    assert len(CASES) >= 50


@pytest.mark.parametrize("name", sorted(CASES))
def test_each_hostile_file_alone_gets_one_line_and_exit_2(name):
    run = run_cli("check", HOSTILE / name, "--format", "json", "--as-of", AS_OF)
    assert run.code == 2
    [line] = stderr_lines(run)
    assert line["path"].endswith(name)
    expect(line, CASES[name])
    [document] = run.json()["documents"]
    assert document["status"] == "error" and document["problems"][0]["code"] == CASES[name]["code"]


def test_all_hostile_files_together_lose_nothing_of_the_good_plans():
    alone = run_cli("check", FAILING, "--format", "json", "--as-of", AS_OF, "--no-cache").json()["findings"]
    assert alone, "the failing plan must have findings for this test to mean anything"
    files = [HOSTILE / name for name in sorted(CASES)]
    run = run_cli("check", *files[:40], PERFECT, *files[40:], FAILING, "--format", "json", "--as-of", AS_OF, "--no-cache")
    assert run.code == 2
    lines = stderr_lines(run)
    by_file = {}
    for line in lines:
        by_file.setdefault(Path(line["path"]).name, []).append(line)
    assert set(by_file) == set(CASES)
    for name, found in by_file.items():
        assert len(found) == 1, found
        expect(found[0], CASES[name])
    report = run.json()
    statuses = {Path(d["path"]).name: d["status"] for d in report["documents"]}
    assert statuses.pop(PERFECT.name) == "pass"
    assert statuses.pop(FAILING.name) == "fail"
    assert set(statuses.values()) == {"error"} and len(statuses) == len(CASES)
    together = [f for f in report["findings"] if f["location"]["path"].endswith(FAILING.name)]
    assert together == alone
    assert report["summary"]["unreadable"] == len(CASES)


def test_validate_reads_every_hostile_file_and_says_one_line_each():
    run = run_cli("validate", *(HOSTILE / name for name in sorted(CASES)), PERFECT)
    assert run.code == 2
    lines = stderr_lines(run)
    assert sorted(Path(line["path"]).name for line in lines) == sorted(CASES)
    for line in lines:
        expect(line, CASES[Path(line["path"]).name])


def test_audit_of_a_tree_with_the_corpus_and_good_plans(tmp_path):
    tree = tmp_path / "tree"
    shutil.copytree(HOSTILE, tree / "hostile")
    shutil.copytree(FIXTURES / "no_gaps", tree / "no_gaps")
    run = run_cli("audit", tree, "--format", "json", "--as-of", AS_OF)
    assert run.code == 2
    lines = stderr_lines(run)
    # A folder holds only the files that say `plancheck/` near their start: the others are not plans.
    read = {Path(line["path"]).name for line in lines}
    assert read and read <= set(CASES) and all("/hostile/" in line["path"] for line in lines)
    for line in lines:
        expect(line, CASES[Path(line["path"]).name])
    statuses = {Path(d["path"]).name: d["status"] for d in run.json()["report"]["documents"]}
    assert statuses["perfect.yaml"] == "pass"
    assert {statuses[name] for name in read} == {"error"}


# Made here: what git cannot hold -----------------------------------------------------------------
def plan(tmp_path: Path, name: str, body: str = "", *, plan_id: str | None = None) -> Path:
    path = tmp_path / name
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(HEAD.format(id=plan_id or path.stem.replace("_", "-")) + body, encoding="utf-8")
    return path


def test_a_6_mb_file_is_refused_at_once_without_being_read(tmp_path):
    big = plan(tmp_path, "big.yaml")
    with big.open("a", encoding="utf-8") as stream:
        stream.write(("# " + "填充" * 500 + "\n") * 6000)
    assert big.stat().st_size > 6_000_000
    tracemalloc.start()
    started = time.perf_counter()
    with pytest.raises(InputError) as caught:
        read_file(big)
    elapsed = time.perf_counter() - started
    _, peak = tracemalloc.get_traced_memory()
    tracemalloc.stop()
    assert elapsed < 2 and peak < 1_000_000, (elapsed, peak)
    [problem] = caught.value.problems
    assert problem.code == "too-large" and "5 MB" in problem.message and problem.field == "/"
    run = run_cli("check", big, PERFECT, "--format", "json", "--as-of", AS_OF)
    [line] = stderr_lines(run)
    assert run.code == 2 and line["code"] == "too-large" and line["path"].endswith("big.yaml")
    assert {d["status"] for d in run.json()["documents"]} == {"error", "pass"}


def test_max_size_moves_the_limit_both_ways(tmp_path):
    padded = plan(tmp_path, "padded.yaml", "# " + "x" * 2000 + "\n")
    small = run_cli("check", padded, "--max-size", "1KB", "--format", "json")
    assert small.code == 2 and stderr_lines(small)[0]["code"] == "too-large" and "1 KB" in small.err
    big = plan(tmp_path, "big.yaml", ("# " + "x" * 998 + "\n") * 6000)
    assert run_cli("check", big, "--format", "json").code == 2
    assert run_cli("check", big, "--max-size", "7MB", "--format", "json").code == 0
    assert run_cli("validate", big, "--max-size", "7MB").code == 0
    assert run_cli("validate", big).code == 2
    assert run_cli("audit", tmp_path, "--max-size", "1KB", "--format", "json").code == 2
    bad = run_cli("check", padded, "--max-size", "lots")
    assert bad.code == 2 and "is not a size" in bad.err


def test_a_billion_laughs_is_refused_quickly_in_little_memory():
    text = (HOSTILE / "yaml_billion_laughs.yaml").read_text(encoding="utf-8")
    deeper = text + "".join(f"more{i}: &m{i} [" + ", ".join([f"*{'a9' if i == 0 else f'm{i - 1}'}"] * 9) + "]\n" for i in range(20))
    for sample in (text, deeper):
        tracemalloc.start()
        started = time.perf_counter()
        with pytest.raises(InputError) as caught:
            parse_text(sample, "lol.yaml")
        elapsed = time.perf_counter() - started
        _, peak = tracemalloc.get_traced_memory()
        tracemalloc.stop()
        assert elapsed < 2 and peak < 20_000_000, (elapsed, peak)
        assert caught.value.problems[0].code == "too-large"


def test_an_anchor_that_would_expand_without_end_is_refused():
    with pytest.raises(InputError) as caught:
        parse_text("a: &x {b: [1, *x]}\n", "loop.yaml")
    [problem] = caught.value.problems
    assert (problem.code, problem.line, problem.field) == ("recursive-alias", 1, "/a/b/1")


def test_a_flat_list_of_two_million_values_is_refused_in_bounded_work():
    started = time.perf_counter()
    with pytest.raises(InputError) as caught:
        parse_text("cites: [" + ",".join(["1"] * 2_000_000) + "]\n", "flat.yaml")
    assert time.perf_counter() - started < 10
    assert caught.value.problems[0].code == "too-large"


def test_a_pipe_and_a_device_are_not_read(tmp_path):
    fifo = tmp_path / "folder" / "pipe.yaml"
    fifo.parent.mkdir()
    os.mkfifo(fifo)
    plan(tmp_path, "folder/good.yaml")
    # In a subprocess: if the pipe were opened, the check would wait for ever.
    for args in ([str(fifo)], [str(fifo.parent)], ["/dev/zero"]):
        result = subprocess.run([sys.executable, "cli.py", "check", *args, "--format", "json"], cwd=ROOT,
                                capture_output=True, text=True, timeout=60)
        assert result.returncode == 2, result.stderr
        assert "not a regular file" in result.stderr and "[not-a-file]" in result.stderr
        assert "Traceback" not in result.stderr


def test_a_loop_of_links_and_a_link_to_nothing_in_a_folder(tmp_path):
    folder = tmp_path / "plans"
    plan(tmp_path, "plans/good.yaml")
    (folder / "a.yaml").symlink_to("b.yaml")
    (folder / "b.yaml").symlink_to("a.yaml")
    (folder / "gone.yaml").symlink_to("nowhere.yaml")
    run = run_cli("check", folder, "--format", "json")
    assert run.code == 2
    lines = stderr_lines(run)
    assert sorted(Path(line["path"]).name for line in lines) == ["a.yaml", "b.yaml", "gone.yaml"]
    assert {line["code"] for line in lines} == {"broken-link"}
    assert {Path(d["path"]).name: d["status"] for d in run.json()["documents"]}["good.yaml"] == "pass"


@pytest.mark.skipif(os.geteuid() == 0, reason="root reads every file")
def test_an_unreadable_file(tmp_path):
    locked = plan(tmp_path, "locked.yaml")
    locked.chmod(0)
    run = run_cli("check", locked, "--format", "json")
    assert run.code == 2 and stderr_lines(run)[0]["code"] == "unreadable"


def test_a_folder_where_a_file_is_expected(tmp_path):
    good = plan(tmp_path, "good.yaml")
    (tmp_path / "waivers.yaml").mkdir()
    with pytest.raises(InputError) as caught:
        read_file(tmp_path / "waivers.yaml")
    assert caught.value.problems[0].code == "is-directory"
    run = run_cli("check", good, "--waivers", tmp_path / "waivers.yaml", "--format", "json")
    assert run.code == 2 and stderr_lines(run)[0]["code"] == "is-directory"
    run = run_cli("check", good, "--baseline", tmp_path, "--format", "json")
    assert run.code == 2 and "Traceback" not in run.err


@pytest.mark.parametrize(
    "body,code",
    [
        ("[" * 5000 + "]" * 5000, "bad-baseline"),
        ('{"format": "plancheck-report/v1", "findings": [' + "9" * 5000 + "]}", "bad-baseline"),
        ('{"format": "plancheck-report/v1", "findings": ["x"]}', "bad-baseline"),
        ('{"format": "plancheck-report/v1", "findings": {"a": 1}}', "bad-baseline"),
    ],
)
def test_a_hostile_baseline_is_one_line(tmp_path, body, code):
    baseline = tmp_path / "baseline.json"
    baseline.write_text(body, encoding="utf-8")
    run = run_cli("check", PERFECT, "--baseline", baseline, "--format", "json")
    assert run.code == 2
    [line] = stderr_lines(run)
    assert line["code"] == code


def test_a_list_of_a_hundred_thousand_wrong_items_is_a_hundred_lines_and_a_count(tmp_path):
    many = plan(tmp_path, "many.yaml", "cites: [" + ", ".join(["1"] * 100_000) + "]\n")
    started = time.perf_counter()
    run = run_cli("check", many, "--format", "json")
    assert time.perf_counter() - started < 30
    lines = stderr_lines(run)
    assert run.code == 2 and len(lines) == 101
    assert lines[-1]["code"] == "too-many-problems" and "99900 more" in lines[-1]["message"]


def test_every_line_is_one_line_whatever_the_input_holds(tmp_path):
    # Keys and values with line breaks, escape sequences and right-to-left marks stay on one escaped line.
    nasty = plan(tmp_path, "nasty.yaml", '"the\\nme\\e[2J\\u202e": x\n"level\\u2028": y\n')
    run = run_cli("check", nasty, "--format", "json")
    lines = stderr_lines(run)
    assert run.code == 2 and len(lines) == len(run.err.splitlines()) == 2
    assert "\x1b" not in run.err and "\u202e" not in run.err and "\u2028" not in run.err
    assert "\\n" in run.err and "\\x1b" in run.err and "\\u202e" in run.err


def test_a_number_too_large_is_named_not_converted():
    for text, shown in (("year: " + "9" * 100_000, "100000 characters"), ("year: -1e99999", "-1e99999"), ("year: 0o" + "7" * 50, "0o")):
        with pytest.raises(InputError) as caught:
            parse_text(text + "\n", "n.yaml")
        [problem] = caught.value.problems
        assert problem.code == "number-too-large" and shown in problem.message and problem.field == "/year"
    data, _ = parse_text("phone: 13905951234\nbig: 9223372036854775807\n", "ok.yaml")
    assert data == {"phone": 13905951234, "big": 9223372036854775807}
    with pytest.raises(InputError):
        parse_text("big: 9223372036854775808\n", "n.yaml")


def test_the_loader_raises_nothing_but_plancheck_errors_on_the_corpus():
    for name in sorted(CASES):
        try:
            read_file(HOSTILE / name)
        except PlancheckError as error:
            assert all(p.path and p.line and p.field for p in error.problems)


# Superiors: bounded chains, no cycles ------------------------------------------------------------
def superior_chain(tmp_path: Path, length: int, *, by_id: bool = False) -> Path:
    """p0 -> p1 -> ... -> p{length}: a plan with `length` superiors above it."""
    for index in range(length + 1):
        above = "" if index == length else f"superior: {'p' if by_id else './p'}{index + 1}{'' if by_id else '.yaml'}\n"
        plan(tmp_path, f"p{index}.yaml", above, plan_id=f"p{index}")
    return tmp_path / "p0.yaml"


@pytest.mark.parametrize("by_id", [False, True])
def test_a_chain_of_sixteen_superiors_is_read_and_seventeen_is_an_error(tmp_path, by_id):
    first = superior_chain(tmp_path / "ok", 16, by_id=by_id)
    assert run_cli("check", first, "--format", "json").code == 0
    first = superior_chain(tmp_path / "long", 300, by_id=by_id)
    started = time.perf_counter()
    run = run_cli("check", first, "--format", "json")
    assert time.perf_counter() - started < 20
    [line] = stderr_lines(run)
    assert run.code == 2 and (line["line"], line["field"], line["code"]) == ("6", "/superior", "superior-chain-too-long")
    assert line["path"].endswith("p0.yaml")


@pytest.mark.parametrize("by_id", [False, True])
def test_a_cycle_of_superiors_is_an_error_for_each_plan_in_it(tmp_path, by_id):
    for name, above in (("a", "b"), ("b", "c"), ("c", "a")):
        plan(tmp_path, f"{name}.yaml", f"superior: {above if by_id else f'./{above}.yaml'}\n", plan_id=name)
    plan(tmp_path, "good.yaml", plan_id="good")
    run = run_cli("check", tmp_path, "--format", "json")
    assert run.code == 2
    lines = stderr_lines(run)
    assert sorted(Path(line["path"]).name for line in lines) == ["a.yaml", "b.yaml", "c.yaml"]
    assert {(line["field"], line["code"]) for line in lines} == {("/superior", "superior-cycle")}
    assert "a -> b -> c -> a" in run.err
    assert {Path(d["path"]).name: d["status"] for d in run.json()["documents"]}["good.yaml"] == "pass"


def test_two_files_with_one_id_do_not_take_each_others_findings(tmp_path):
    shutil.copytree(FIXTURES / "theme", tmp_path / "theme")
    (tmp_path / ".git").mkdir()  # a repository: the superior one folder up is inside it
    failing = tmp_path / "theme" / "fail" / FAILING.name
    copy = failing.with_name("copy.yaml")  # a copied plan whose id was not changed, its theme corrected
    text = failing.read_text(encoding="utf-8")
    copy.write_text(re.sub(r"(?m)^theme: .*$", "theme: 人人讲安全、个个会应急——畅通生命通道", text), encoding="utf-8")
    alone = run_cli("check", failing, "--format", "json", "--as-of", AS_OF).json()["findings"]
    run = run_cli("check", failing, copy, failing, "--format", "json", "--as-of", AS_OF)
    documents = run.json()["documents"]
    counts = [(Path(d["path"]).name, d["status"], d["errors"] + d["warnings"] + d["infos"]) for d in documents]
    assert counts == [(failing.name, "fail", len(alone)), ("copy.yaml", "pass", 0), (failing.name, "fail", len(alone))]
    assert len(run.json()["findings"]) == 2 * len(alone)
