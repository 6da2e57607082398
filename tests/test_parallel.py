"""Several worker processes give byte-for-byte the output of one."""

from __future__ import annotations

import shutil

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
