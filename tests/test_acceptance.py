"""Notices the rule types were not written from, transcribed by a clerk who marked the expected
findings (`# expect: RULE`) before any run: the check must list exactly those, on those lines."""

from __future__ import annotations

from collections import Counter
from pathlib import Path

import pytest

from .conftest import ROOT, run_cli
from .test_rule_types import expected_marks

CASES = ROOT / "tests" / "acceptance"


def _plans():
    return [
        pytest.param(plan, engine, id=f"{plan.parent.parent.name}/{plan.name}-{engine}")
        for case in sorted(p for p in CASES.iterdir() if p.is_dir())
        for plan in sorted((case / "plans").glob("*.yaml"))
        for engine in ("durable", "python")
    ]


@pytest.mark.parametrize("plan,engine", _plans())
def test_clerk_marked_findings(plan: Path, engine: str):
    as_of = (plan.parent.parent / "AS_OF").read_text(encoding="utf-8").strip()
    run = run_cli("check", plan.relative_to(ROOT), "--as-of", as_of, "--format", "json", "--fail-on", "info", "--engine", engine)
    assert run.code in (0, 1), run.err
    found = Counter((f["location"]["line"], f["rule"]) for f in run.json()["findings"])
    assert found == expected_marks(plan)
