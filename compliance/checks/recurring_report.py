from __future__ import annotations

from pydantic import Field

from ..dates import as_int
from ..fields import PlanDate, WeekdayField
from ..findings import Bilingual
from ..patterns import absent, either, fact, gte, lte, missing
from ..vocab import ReportKind
from . import register
from .base import Params, RuleType, first_index, fired


class RecurringReportParams(Params):
    report: ReportKind
    weekday: WeekdayField
    from_: PlanDate | None = Field(default=None, alias="from")
    to: PlanDate | None = None


def covers(requirement, report) -> bool:
    if report.kind != requirement.report or report.weekday != requirement.weekday:
        return False
    if requirement.from_ and report.from_ and report.from_ > requirement.from_:
        return False
    if requirement.to and report.to and report.to < requirement.to:
        return False
    return True


@register
class RecurringReport(RuleType):
    """A report is committed to on a fixed weekday (weekly progress).

    What it checks
        The plan lists a report of kind `report` with `weekday:` equal to the required weekday.
        Where both the requirement and the report give `from` / `to`, the report's must cover the
        requirement's.

        The finding points at the `weekday:` of the first report of that kind (its line when it has
        no weekday); with none of that kind, the `reports:` key.

    Why it matters
        Notices ask for progress every week on a fixed day (每周四报送进展情况), so that the
        committee can compile its own weekly report.

    Failing example
        requirements: [{id: JN-WEEKLY, type: recurring_report, report: progress, weekday: thursday}]
        reports:      [{kind: progress, weekday: friday}]

    Passing example
        reports:      [{kind: progress, weekday: 周四, from: 2024-06-01, to: 2024-06-30}]

    How to fix
        Add `{kind: progress, weekday: thursday}` (or the required kind and day) to `reports:`.
    """

    type = "recurring_report"
    Params = RecurringReportParams

    def bind(self, requirement, defaults):
        if requirement.from_ and requirement.to and requirement.from_ > requirement.to:
            raise ValueError(f"from ({requirement.from_}) is after to ({requirement.to}): no day can meet it")
        return requirement

    def conditions(self, requirement, as_of):
        tests = []
        if requirement.from_:
            tests.append(either(missing("from"), lte("from", as_int(requirement.from_))))
        if requirement.to:
            tests.append(either(missing("to"), gte("to", as_int(requirement.to))))
        pattern = fact("rep", *tests, kind=requirement.report.value, wd=requirement.weekday.iso)
        return {"none": absent(pattern)}

    def observe(self, requirement, subject):
        return {"none": [] if any(covers(requirement, r) for r in subject.plan.reports) else [-1]}

    def conclude(self, requirement, subject, observed):
        if not fired(observed, "none"):
            return []
        kind, day = requirement.report, requirement.weekday
        reports = subject.plan.reports
        index = first_index(reports, lambda r: r.kind == kind)
        pointer = f"/reports/{index}/weekday" if index is not None else "/reports"
        span_zh = f"（{requirement.from_ or ''} 至 {requirement.to or ''}）" if requirement.from_ or requirement.to else ""
        span_en = f" ({requirement.from_ or '…'}..{requirement.to or '…'})" if requirement.from_ or requirement.to else ""
        message = Bilingual(f"方案未安排每{day.zh}报送“{kind.zh}”{span_zh}", f"The plan does not commit to a {kind.value} report every {day.value.title()}{span_en}")
        fix = Bilingual(f"在 reports 中加入 {{kind: {kind.value}, weekday: {day.value}}}", f"Add {{kind: {kind.value}, weekday: {day.value}}} to reports")
        if index is not None:
            stated = reports[index].weekday
            if stated is not None and stated != day:
                message = Bilingual(message.zh + f"（方案为每{stated.zh}）", message.en + f" (the plan says every {stated.value.title()})")
                fix = Bilingual(f"将 weekday 改为 {day.value}（{day.zh}）", f"Change weekday to {day.value}")
            elif stated is None:
                fix = Bilingual(f"为该报告写明 weekday: {day.value}（{day.zh}）", f"Give that report weekday: {day.value}")
            else:
                fix = Bilingual(f"将该报告的 from/to 改为覆盖{span_zh or '要求的日期'}", f"Make its from/to cover{span_en or ' the required days'}")
        return [self.finding(requirement, subject, pointer, message, fix)]
