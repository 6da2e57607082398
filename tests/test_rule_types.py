"""Every rule type on its own fixtures: plans that must pass, plans that must fail at marked lines,
and a snapshot of the report. Regenerate snapshots with `pytest --update-snapshots`."""

from __future__ import annotations

import json
import re
from collections import Counter
from pathlib import Path

import pytest

from compliance.checks import REGISTRY
from compliance.checks.base import DOC_SECTIONS

from .conftest import AS_OF, FIXTURES, ROOT, run_cli

EXPECT = re.compile(r"#\s*expect:\s*(.+)$")
TYPES = sorted(REGISTRY)


def fixture_files(type_name: str, verdict: str) -> list[Path]:
    return sorted((FIXTURES / type_name / verdict).glob("*.yaml"))


def expected_marks(path: Path) -> Counter:
    marks = Counter()
    for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), start=1):
        if match := EXPECT.search(line):
            for rule in match.group(1).split(","):
                marks[(number, rule.strip())] += 1
    return marks


def check(path: Path, engine: str):
    run = run_cli("check", path.relative_to(ROOT), "--as-of", AS_OF, "--format", "json", "--engine", engine, "--fail-on", "info")
    assert run.code in (0, 1), run.err
    return run


@pytest.mark.parametrize("type_name", TYPES)
def test_every_type_has_fixtures(type_name):
    assert (FIXTURES / type_name / "superior.yaml").is_file()
    assert len(fixture_files(type_name, "pass")) >= 1, f"{type_name} has no passing fixture"
    assert len(fixture_files(type_name, "fail")) >= 1, f"{type_name} has no failing fixture"


@pytest.mark.parametrize("type_name", TYPES)
def test_every_type_is_documented(type_name):
    text = REGISTRY[type_name].documentation()
    positions = [text.find(section) for section in DOC_SECTIONS]
    assert all(p >= 0 for p in positions), f"{type_name} lacks a section: {dict(zip(DOC_SECTIONS, positions))}"
    assert positions == sorted(positions), f"{type_name}: sections out of order"


def _cases(verdict: str):
    return [
        pytest.param(path, engine, id=f"{path.parent.parent.name}/{path.name}-{engine}")
        for type_name in [*TYPES, "no_gaps"]
        for path in fixture_files(type_name, verdict)
        for engine in ("durable", "python")
    ]


@pytest.mark.parametrize("path,engine", _cases("pass"))
def test_passing_fixture_has_no_findings(path, engine):
    run = check(path, engine)
    assert run.code == 0
    assert run.json()["findings"] == []


@pytest.mark.parametrize("path,engine", _cases("fail"))
def test_failing_fixture_has_exactly_the_marked_findings(path, engine):
    run = check(path, engine)
    found = Counter((f["location"]["line"], f["rule"]) for f in run.json()["findings"])
    expected = expected_marks(path)
    assert expected, f"{path} marks no expected finding"
    assert found == expected
    assert run.code == 1


@pytest.mark.parametrize("type_name", TYPES)
def test_report_snapshot(type_name, update_snapshots):
    files = [p.relative_to(ROOT) for p in fixture_files(type_name, "pass") + fixture_files(type_name, "fail")]
    run = run_cli("check", *files, "--as-of", AS_OF, "--format", "json", "--fail-on", "never")
    assert run.code == 0, run.err
    report = json.dumps(run.json(), ensure_ascii=False, indent=2) + "\n"
    snapshot = FIXTURES / type_name / "report.snap.json"
    if update_snapshots or not snapshot.exists():
        snapshot.write_text(report, encoding="utf-8")
        if not update_snapshots:
            pytest.fail(f"wrote a new snapshot {snapshot.relative_to(ROOT)}: review it and run again")
    assert report == snapshot.read_text(encoding="utf-8")
