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
        return [
            self.finding(
                requirement,
                subject,
                pointer,
                Bilingual(f"方案未安排每{day.zh}报送“{kind.zh}”{span_zh}", f"The plan does not commit to a {kind.value} report every {day.value}{span_en}"),
                Bilingual(
                    f"在 reports 中加入 {{kind: {kind.value}, weekday: {day.value}}}",
                    f"Add {{kind: {kind.value}, weekday: {day.value}}} to reports",
                ),
            )
        ]
