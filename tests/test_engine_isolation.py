"""The durable-rules wrapper: no leak of findings or memory across documents, no crash on a plan
with no gaps, malformed rulesets refused, the Python fallback announced in one line."""

from __future__ import annotations

import resource
import shutil
import subprocess
import sys
from datetime import date

import pytest

from compliance import durable, engine
from compliance.errors import EngineError
from compliance.engine import DurableEngine, PythonEngine

from .conftest import FIXTURES, ROOT
from .test_engines_agree import REQUIREMENT_SET, YEAR
from compliance.models import Plan
from compliance.subject import Subject

pytestmark = pytest.mark.skipif(not durable.AVAILABLE, reason="durable-rules cannot be imported here")

PERFECT = {
    "format": "plancheck/v1", "id": "perfect", "org": "街道", "level": "street", "year": YEAR,
    "theme": "人人讲安全、个个会应急——畅通生命通道", "cites": ["测安办〔2024〕12号"], "submitted_on": "2024-05-29",
    "period": {"start": "2024-06-01", "end": "2024-06-30"},
    "leading_group": {"leader": {"title": "书记"}, "office": "办公室"},
    "contacts": [{"role": "liaison", "phone": "0595-12345678"}, {"role": "contact"}],
    "campaigns": [{"name": "安全生产万里行", "end": "2024-12-31"}, {"name": "南粤行"}],
    "activities": [
        {"kind": "launch_ceremony", "date": "2024-06-01", "held_on": "2024-06-01"},
        {"kind": "consultation_day", "date": "2024-06-16", "held_on": "2024-06-16"},
        {"kind": "training", "date": "2024-06-06", "sectors": ["school"], "held_on": "2024-06-06"},
        {"kind": "training", "date": "2024-06-07", "sectors": ["school"], "held_on": "2024-06-07"},
        *[{"kind": "publicity", "sectors": ["enterprise", "rural", "community", "school", "family"], "held_on": "2024-06-10"}] * 3,
        {"kind": "drill", "sector": "school", "scenarios": ["fire", "earthquake"], "date": "2024-06-10", "held_on": "2024-06-10"},
        {"kind": "drill", "sector": "community", "scenarios": ["gas"], "date": "2024-06-11", "held_on": "2024-06-11"},
        {"kind": "drill", "sector": "community", "scenarios": ["fire"], "date": "2024-06-12", "held_on": "2024-06-12"},
        {"kind": "drill", "sector": "enterprise", "scenarios": ["custom_scenario"], "date": "2024-06-13", "held_on": "2024-06-13"},
    ],
    "reports": [
        {"kind": "summary", "due": "2024-06-20", "submitted_on": "2024-06-19"},
        {"kind": "statistics", "due": "2024-06-30", "submitted_on": "2024-06-29"},
        {"kind": "progress", "weekday": "thursday"},
    ],
}
AS_OF = date(2024, 7, 2)


def subject(data) -> Subject:
    return Subject(Plan.model_validate(data, context={"year": YEAR}), "plan.yaml", {}, AS_OF)


def test_a_plan_with_no_gaps_does_not_crash_and_has_no_findings():
    assert DurableEngine().evaluate(REQUIREMENT_SET, subject(PERFECT)) == []
    assert PythonEngine().evaluate(REQUIREMENT_SET, subject(PERFECT)) == []


def test_ten_thousand_documents_leak_neither_findings_nor_memory():
    durable_engine = DurableEngine()
    perfect, empty = subject(PERFECT), subject({k: PERFECT[k] for k in ("format", "id", "org", "level", "year")})
    gaps = durable_engine.evaluate(REQUIREMENT_SET, empty)
    assert len(gaps) > 10
    for _ in range(200):  # warm up allocator pools before measuring
        durable_engine.evaluate(REQUIREMENT_SET, perfect)
    before = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    for index in range(10_000):
        if index % 2:
            assert durable_engine.evaluate(REQUIREMENT_SET, perfect) == []
        else:
            assert durable_engine.evaluate(REQUIREMENT_SET, empty) == gaps
    grown_mib = (resource.getrusage(resource.RUSAGE_SELF).ru_maxrss - before) / 1024
    assert grown_mib < 64, f"peak memory grew {grown_mib:.1f} MiB over 10,000 documents"


def test_malformed_rulesets_are_refused_before_the_engine():
    with pytest.raises(durable.RulesetDefinitionError):
        durable.validate_ruleset({"r": [{"x": {"$s": 1}}]})
    with pytest.raises(durable.RulesetDefinitionError):
        durable.validate_ruleset({"r": [{"x": {"$nex": {"a": 1}}}]})  # no fact type: the engine would loop
    with pytest.raises(durable.RulesetDefinitionError):
        durable.validate_ruleset({"r": [{"x": {"$and": [{"t": "act"}, {"$lt": {"e": {"m": "asof"}}}]}}]})
    with pytest.raises(durable.RulesetDefinitionError):  # reads an uninitialised node (error 102)
        durable.validate_ruleset({"r": [{"x": {"$and": [{"t": "act"}, {"$iany": {"sc": {"$or": [{"$i": "a"}, {"$i": "b"}]}}}]}}]})
    durable.validate_ruleset(REQUIREMENT_SET.conditions(AS_OF))


def test_more_rules_than_one_engine_ruleset_holds():
    rules = {f"r{i}": [{"m": {"t": "end"}}, {"x$not": {"$and": [{"t": "act"}, {"kind": f"k{i}"}]}}] for i in range(300)}
    compiled = durable.CompiledRuleset(rules)
    fired = compiled.run([{"t": "act", "i": 0, "kind": "k7"}, {"t": "end", "asof": 20240621}])
    assert set(fired) == {f"r{i}" for i in range(300)} - {"r7"}


def test_facts_the_engine_cannot_take_are_refused():
    compiled = durable.CompiledRuleset({"r": [{"m": {"t": "end"}}]})
    with pytest.raises(Exception, match="None"):
        compiled.run([{"t": "act", "x": None}, {"t": "end"}])
    with pytest.raises(Exception, match="last"):
        compiled.run([{"t": "end"}, {"t": "act"}])
    for too_large in (2**63, 2**64 + 1):  # orjson writes the first and refuses the second
        with pytest.raises(EngineError, match="integer range"):
            compiled.run([{"t": "act", "n": too_large}, {"t": "end"}])
    with pytest.raises(EngineError, match="properties"):
        compiled.run([{"t": "act", **{f"p{i}": i for i in range(durable.MAX_PROPERTIES)}}, {"t": "end"}])


def test_fallback_to_python_is_announced_in_one_line(monkeypatch):
    monkeypatch.setattr(durable, "AVAILABLE", False)
    monkeypatch.setattr(durable, "IMPORT_ERROR", "ImportError: no module")
    said = []
    chosen = engine.make_engine("durable", warn=said.append)
    assert isinstance(chosen, PythonEngine)
    assert len(said) == 1 and "\n" not in said[0] and "Python engine" in said[0]


VALGRIND_SCRIPT = """
import sys
from datetime import date
from pathlib import Path
from compliance.run import Checker
from tests.test_engine_isolation import PERFECT, subject
from tests.test_engines_agree import REQUIREMENT_SET
from compliance.engine import DurableEngine
engine = DurableEngine()
engine.evaluate(REQUIREMENT_SET, subject(PERFECT))
engine.evaluate(REQUIREMENT_SET, subject({k: PERFECT[k] for k in ("format", "id", "org", "level", "year")}))
Checker(as_of=date(2024, 6, 21)).check_paths([Path("tests/fixtures"), Path("plans/2023")])
"""


@pytest.mark.skipif(shutil.which("valgrind") is None, reason="valgrind is not installed")
def test_the_engine_reads_no_uninitialised_memory():
    """The crashes of durable-rules found so far were reads of uninitialised memory; none may remain
    in the rulesets plancheck generates. (Reports from the dynamic loader are not the engine's.)"""
    result = subprocess.run(
        ["valgrind", "--errors-for-leak-kinds=none", "--num-callers=30", sys.executable, "-c", VALGRIND_SCRIPT],
        cwd=ROOT, capture_output=True, text=True, timeout=900,
    )
    assert result.returncode == 0, result.stderr[-3000:]
    reports, current = [], []  # valgrind separates its reports with blank `==pid==` lines
    for line in result.stderr.splitlines():
        body = line.split("== ", 1)[-1] if line.startswith("==") else line
        if not body.strip():
            if current:
                reports.append("\n".join(current))
            current = []
        else:
            current.append(body)
    engine_errors = [r for r in reports if "durable_rules_engine" in r and ("uninitialised" in r or "Invalid" in r)]
    assert not engine_errors, engine_errors[0]
