"""Several worker processes give byte-for-byte the output of one."""

from __future__ import annotations

import os
import shutil
from datetime import date
from pathlib import Path

from compliance import parallel
from compliance.run import Checker

from .conftest import PLANS, run_cli


def test_jobs_do_not_change_the_output(tmp_path):
    (tmp_path / ".git").mkdir()
    shutil.copy(PLANS / "2023" / "yingde-2023.yaml", tmp_path / "yingde-2023.yaml")
    towns = tmp_path / "towns"
    towns.mkdir()
    for copy in range(80):  # 480 plans: more than two chunks of work
        for plan in sorted((PLANS / "2023" / "towns").glob("*.yaml")):
            text = plan.read_text(encoding="utf-8")
            old_id = text.split("\nid: ", 1)[1].split("\n", 1)[0]
            (towns / f"{plan.stem}-{copy}.yaml").write_text(text.replace(f"\nid: {old_id}\n", f"\nid: {old_id}-{copy}\n", 1), encoding="utf-8")
    outputs = {}
    for jobs in ("1", "2"):
        run = run_cli("audit", tmp_path, "--as-of", "2023-07-02", "--format", "json", "--jobs", jobs)
        assert run.code == 1, run.err
        outputs[jobs] = run.out
    assert outputs["1"] == outputs["2"]
    assert outputs["1"].count('"rule":') > 480


def _tree(tmp_path, copies: int):
    (tmp_path / ".git").mkdir(exist_ok=True)
    shutil.copy(PLANS / "2023" / "yingde-2023.yaml", tmp_path / "yingde-2023.yaml")
    towns = tmp_path / "towns"
    towns.mkdir()
    for copy in range(copies):
        for plan in sorted((PLANS / "2023" / "towns").glob("*.yaml")):
            text = plan.read_text(encoding="utf-8")
            old_id = text.split("\nid: ", 1)[1].split("\n", 1)[0]
            (towns / f"{plan.stem}-{copy}.yaml").write_text(text.replace(f"\nid: {old_id}\n", f"\nid: {old_id}-{copy}\n", 1), encoding="utf-8")
    return tmp_path


def _check(tree, jobs: int):
    checker = Checker(as_of=date(2023, 7, 2), jobs=jobs)
    previous = os.getcwd()
    os.chdir(tree)
    try:
        return [(r.path, [f.fingerprint for f in r.findings], r.problems) for r in checker.check_paths([Path(".")]).documents]
    finally:
        os.chdir(previous)


def test_workers_retire_after_compiling_their_share_and_nothing_is_lost(tmp_path, monkeypatch):
    tree = _tree(tmp_path, 40)  # 240 plans, more than a chunk
    alone = _check(tree, 1)
    hired = []

    class CountedPool(parallel.ProcessPoolExecutor):
        def __init__(self, *args, **kwargs):
            hired.append(1)
            super().__init__(*args, **kwargs)

    monkeypatch.setattr(parallel, "ProcessPoolExecutor", CountedPool)
    monkeypatch.setattr(parallel, "CHUNK", 50)
    monkeypatch.setattr(parallel, "RETIRE_AFTER", 1)  # every worker retires after its first ruleset
    assert _check(tree, 2) == alone
    assert len(hired) >= 4  # the rulesets of one superior, compiled by each of the 5 chunks' workers


def test_a_worker_that_dies_is_replaced_and_a_chunk_that_kills_twice_is_checked_here(tmp_path, monkeypatch):
    tree = _tree(tmp_path, 40)
    alone = _check(tree, 1)
    parent = os.getpid()
    original = Checker.check_path

    def dies_on_one_plan(self, path):
        if os.getpid() != parent and Path(path).name == "dazhan-2023-7.yaml":
            os._exit(9)
        return original(self, path)

    warnings = []
    monkeypatch.setattr(Checker, "check_path", dies_on_one_plan)
    monkeypatch.setattr(parallel, "CHUNK", 50)
    checker = Checker(as_of=date(2023, 7, 2), jobs=2, warn=warnings.append)
    previous = os.getcwd()
    os.chdir(tree)
    try:
        results = checker.check_paths([Path(".")]).documents
    finally:
        os.chdir(previous)
    assert [(r.path, [f.fingerprint for f in r.findings], r.problems) for r in results] == alone
    assert len(warnings) == 1 and "died twice" in warnings[0] and "Python engine" in warnings[0]
