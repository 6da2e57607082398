"""durable-rules and the plain-Python oracle decide every condition alike: on every fixture and
example plan, and on thousands of generated documents."""

from __future__ import annotations

from datetime import date, timedelta
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from compliance import durable
from compliance.checks.base import Defaults
from compliance.checks import REGISTRY, requirement_model
from compliance.engine import BoundRequirement, DurableEngine, PythonEngine, RequirementSet
from compliance.models import Plan
from compliance.run import Checker, expand
from compliance.subject import Subject
from compliance.vocab import ActivityKind, ContactRole, ReportKind, Scenario, Sector

from .conftest import FIXTURES, PLANS

pytestmark = pytest.mark.skipif(not durable.AVAILABLE, reason="durable-rules cannot be imported here")

DURABLE, PYTHON = DurableEngine(), PythonEngine()


def _observe_both(checker: Checker, path: Path):
    document = checker.resolver.load(path)
    superior = checker._superior(document)
    if superior is None:
        return None
    sources = [superior, *(checker.resolver.pack(n, near=superior.path) for n in superior.plan.packs)]
    requirement_set = checker.resolver.requirement_set(sources, {})
    subject = Subject(document.plan, document.display_path, document.marks, checker.as_of)
    return DURABLE.observe(requirement_set, subject), PYTHON.observe(requirement_set, subject)


def _subordinate_plans() -> list[Path]:
    return [p for p in expand([FIXTURES, PLANS]) if "\nsuperior:" in p.read_text(encoding="utf-8")]


@pytest.mark.parametrize("path", _subordinate_plans(), ids=lambda p: str(p.relative_to(FIXTURES.parent.parent)))
@pytest.mark.parametrize("as_of", [date(2023, 5, 25), date(2023, 7, 2), date(2024, 6, 21)])
def test_engines_agree_on_fixtures_and_plans(path, as_of):
    observed = _observe_both(Checker(as_of=as_of), path)
    assert observed is not None
    assert observed[0] == observed[1]


# Generated documents ---------------------------------------------------------------------------
YEAR = 2024
days = st.integers(min_value=-40, max_value=220).map(lambda n: (date(YEAR, 6, 1) + timedelta(days=n)).isoformat())
sectors = st.sampled_from([s.value for s in Sector])
scenarios = st.sampled_from([s.value for s in Scenario] + ["custom_scenario"])
kinds = st.sampled_from([k.value for k in ActivityKind])


@st.composite
def activities(draw):
    activity = {"kind": draw(kinds)}
    shape = draw(st.sampled_from(["date", "span", "start", "none"]))
    if shape == "date":
        activity["date"] = draw(days)
    elif shape == "span":
        first, second = sorted([draw(days), draw(days)])
        activity.update(start=first, end=second)
    elif shape == "start":
        activity["start"] = draw(days)
    if draw(st.booleans()):
        activity["sector"] = draw(sectors)
    activity["sectors"] = draw(st.lists(sectors, max_size=3, unique=True))
    activity["scenarios"] = draw(st.lists(scenarios, max_size=3, unique=True))
    if draw(st.booleans()):
        activity["held_on"] = draw(days)
    return activity


@st.composite
def reports(draw):
    report = {"kind": draw(st.sampled_from([k.value for k in ReportKind]))}
    for name in ("due", "submitted_on", "from", "to"):
        if draw(st.booleans()):
            report[name] = draw(days)
    if draw(st.booleans()):
        report["weekday"] = draw(st.integers(1, 7))
    return report


@st.composite
def plans(draw):
    plan = {"format": "plancheck/v1", "id": "generated", "org": "生成的街道", "level": "street", "year": YEAR}
    if draw(st.booleans()):
        plan["theme"] = draw(st.sampled_from(["人人讲安全、个个会应急——畅通生命通道", "人人讲安全 个个会应急 畅通生命通道", "落实安全责任，推动安全发展"]))
    if draw(st.booleans()):
        first, second = sorted([draw(days), draw(days)])
        plan["period"] = {"start": first, "end": second}
    if draw(st.booleans()):
        plan["submitted_on"] = draw(days)
    plan["cites"] = draw(st.lists(st.sampled_from(["测安办〔2024〕12号", "测安办[2024]12号", "测安办〔2023〕9号"]), max_size=2))
    plan["activities"] = draw(st.lists(activities(), max_size=12))
    plan["reports"] = draw(st.lists(reports(), max_size=5))
    plan["contacts"] = draw(
        st.lists(
            st.fixed_dictionaries(
                {"role": st.sampled_from([r.value for r in ContactRole])},
                optional={"phone": st.sampled_from(["0595-12345678", "13812345678", "待定", "123"])},
            ),
            max_size=3,
        )
    )
    plan["campaigns"] = draw(
        st.lists(
            st.fixed_dictionaries({"name": st.sampled_from(["安全生产万里行", "安全生产 万里行", "南粤行"])}, optional={"end": days}),
            max_size=2,
        )
    )
    group = draw(st.sampled_from([None, {}, {"leader": {"title": "书记"}}, {"office": "办"}, {"leader": {"name": "王"}, "office": "办"}]))
    if group is not None:
        plan["leading_group"] = group
    return plan


REQUIREMENTS = [
    {"id": "G-THEME", "type": "theme"},
    {"id": "G-CITE", "type": "cites"},
    {"id": "G-PERIOD", "type": "period"},
    {"id": "G-LAUNCH", "type": "activity", "kind": "launch_ceremony", "not_after": "2024-06-01"},
    {"id": "G-616", "type": "activity", "kind": "consultation_day", "date": "2024-06-16"},
    {"id": "G-TRAIN", "type": "activity", "kind": "training", "min": 2, "not_before": "2024-06-05", "sectors": ["school"]},
    {"id": "G-ANY", "type": "activity", "kind": "publicity", "min": 3},
    {"id": "G-5IN", "type": "sectors_covered", "sectors": ["enterprise", "rural", "community", "school", "family"]},
    {"id": "G-DRILL", "type": "drill_per_sector", "not_after": "2024-06-25", "sectors": {
        "school": {"scenarios_all": ["fire", "earthquake"]},
        "community": {"min": 2, "scenarios_any": ["gas", "ebike_charging"]},
        "enterprise": {"scenarios_all": ["custom_scenario"]}}},
    {"id": "G-PLAN", "type": "report_due", "report": "plan", "due": "2024-05-30"},
    {"id": "G-SUM", "type": "report_due", "report": "summary", "due": "2024-06-20"},
    {"id": "G-STAT", "type": "report_due", "report": "statistics", "due": "2024-07-01"},
    {"id": "G-WEEK", "type": "recurring_report", "report": "progress", "weekday": "thursday", "from": "2024-06-01", "to": "2024-06-30"},
    {"id": "G-LG", "type": "leading_group"},
    {"id": "G-LG2", "type": "leading_group", "require_office": False},
    {"id": "G-LIA", "type": "contact"},
    {"id": "G-ANYCON", "type": "contact", "role": "contact", "require_phone": False},
    {"id": "G-CAMP", "type": "campaign", "name": "万里行", "end_not_before": "2024-12-31"},
    {"id": "G-CAMP2", "type": "campaign", "name": "南粤行"},
    {"id": "G-HELD", "type": "held"},
    {"id": "G-HELD2", "type": "held", "kinds": ["drill", "launch_ceremony"], "not_before": "2024-06-01", "not_after": "2024-06-20"},
]
DEFAULTS = Defaults(theme="人人讲安全、个个会应急——畅通生命通道", doc_no="测安办〔2024〕12号",
                    period_start=date(2024, 6, 1), period_end=date(2024, 6, 30))
REQUIREMENT_SET = RequirementSet([
    BoundRequirement(REGISTRY[r["type"]].bind(requirement_model(r["type"]).model_validate(r, context={"year": YEAR}), DEFAULTS),
                     REGISTRY[r["type"]], "generated-superior", "generated.yaml")
    for r in REQUIREMENTS
])


def test_every_type_is_generated():
    assert {r["type"] for r in REQUIREMENTS} == set(REGISTRY)


@settings(max_examples=2500, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(plan=plans(), as_of=days)
def test_engines_agree_on_generated_documents(plan, as_of):
    subject = Subject(Plan.model_validate(plan, context={"year": YEAR}), "generated.yaml", {}, date.fromisoformat(as_of))
    assert DURABLE.observe(REQUIREMENT_SET, subject) == PYTHON.observe(REQUIREMENT_SET, subject)
    assert DURABLE.evaluate(REQUIREMENT_SET, subject) == PYTHON.evaluate(REQUIREMENT_SET, subject)
