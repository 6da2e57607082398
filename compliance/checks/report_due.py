from __future__ import annotations

from datetime import date

from ..dates import as_int
from ..fields import PlanDate
from ..findings import Bilingual
from ..patterns import absent, exists, fact, gt, lte, missing
from ..vocab import ReportKind
from . import register
from .base import Params, RuleType, first_index, fired


LATE_FIX = Bilingual("迟报已成事实：在备注中说明原因，今后按期报送", "It came late: note the reason, and submit on time next time")


class ReportDueParams(Params):
    report: ReportKind
    due: PlanDate


@register
class ReportDue(RuleType):
    """A report is committed to, and sent, by its due day.

    What it checks
        (A `submitted_on` or `held_on` after the check's date counts as not yet done.)
        For `report: plan`, the document itself: once `due` has passed (as of the check's date)
        the plan must have a `submitted_on`, on or before `due`.
        For any other report kind, the first of these that applies is one finding:
        - the plan lists no report of that kind under `reports:`;
        - no report of that kind commits to a `due` on or before the required day;
        - once the day has passed, none was submitted (`submitted_on`);
        - none was submitted on or before the required day (it came late).

        The finding points at: for `plan`, the `submitted_on:` key (or the first line); otherwise the
        `reports:` key when no report of the kind is listed, the report's `due:` when it is
        later, the report's line when it was not sent, its `submitted_on:` when late.

    Why it matters
        The committee compiles its own report to its superior from the reports of the level
        below. A summary promised for 5 July cannot feed a superior report due on 1 July.

    Failing example
        requirements: [{id: YD-SUMMARY, type: report_due, report: summary, due: 2023-07-01}]
        reports:      [{kind: summary, due: 2023-07-05}]

    Passing example
        reports:      [{kind: summary, due: 2023-06-30, submitted_on: 2023-06-29}]

    How to fix
        Add the report under `reports:` with a `due` no later than required; once sent, record
        `submitted_on`. For `report: plan`, record the day the plan was sent in `submitted_on`.
    """

    type = "report_due"
    Params = ReportDueParams

    def conditions(self, requirement, as_of):
        due = as_int(requirement.due)
        passed = fact("end", gt("asof", due))
        if requirement.report == ReportKind.PLAN:
            return {
                "unsent": [{"m": passed}, {"x": fact("doc", missing("sub"))}],
                "late": [{"x": fact("doc", gt("sub", due))}],
            }
        kind = requirement.report.value
        return {
            "none": absent(fact("rep", kind=kind)),
            "later": absent(fact("rep", lte("due", due), kind=kind)),
            "unsent": absent(fact("rep", exists("sub"), kind=kind), end=passed),
            "late": absent(fact("rep", lte("sub", due), kind=kind), end=passed),
        }

    def observe(self, requirement, subject):
        due = requirement.due
        passed = subject.as_of > due
        plan = subject.plan
        if requirement.report == ReportKind.PLAN:
            sent = subject.known(plan.submitted_on)
            return {
                "unsent": [0] if passed and sent is None else [],
                "late": [0] if sent is not None and sent > due else [],
            }
        reports = [report for report in plan.reports if report.kind == requirement.report]
        return {
            "none": [] if reports else [-1],
            "later": [] if any(r.due is not None and r.due <= due for r in reports) else [-1],
            "unsent": [-1] if passed and not any(subject.known(r.submitted_on) for r in reports) else [],
            "late": [-1] if passed and not any((subject.known(r.submitted_on) or date.max) <= due for r in reports) else [],
        }

    def conclude(self, requirement, subject, observed):
        kind, due = requirement.report, requirement.due
        if kind == ReportKind.PLAN:
            return self._conclude_plan(requirement, subject, observed)
        reports = subject.plan.reports
        of_kind = [i for i, report in enumerate(reports) if report.kind == kind]
        if fired(observed, "none"):
            return [
                self.finding(
                    requirement,
                    subject,
                    "/reports",
                    Bilingual(f"方案未安排报送“{kind.zh}”（应于 {due} 前）", f"The plan commits to no {kind.value} report (due by {due})"),
                    Bilingual(
                        f"在 reports 中加入 {{kind: {kind.value}, due: {due}}}",
                        f"Add {{kind: {kind.value}, due: {due}}} to reports",
                    ),
                )
            ]
        if fired(observed, "later"):
            undated = first_index(of_kind, lambda i: reports[i].due is None)
            earliest = min(
                (i for i in of_kind if reports[i].due is not None), key=lambda i: reports[i].due, default=None
            )
            index = earliest if earliest is not None else of_kind[undated]
            committed = reports[index].due
            message = (
                Bilingual(f"“{kind.zh}”应于 {due} 前报送，方案定为 {committed}", f"The {kind.value} report is due by {due}; the plan says {committed}")
                if committed
                else Bilingual(f"“{kind.zh}”未写报送日期，应于 {due} 前", f"The {kind.value} report has no due day; it is due by {due}")
            )
            return [
                self.finding(
                    requirement,
                    subject,
                    f"/reports/{index}/due",
                    message,
                    Bilingual(f"将该报告的 due 改为 {due} 或更早", f"Set its due to {due} or earlier"),
                )
            ]
        if fired(observed, "unsent"):
            index = of_kind[0]
            return [
                self.finding(
                    requirement,
                    subject,
                    f"/reports/{index}/submitted_on",
                    Bilingual(f"“{kind.zh}”已过报送期限 {due}，尚未报送", f"The {kind.value} report was due by {due} and has not been submitted"),
                    Bilingual("报送后在该报告下填写 submitted_on", "Submit it and record submitted_on"),
                )
            ]
        if fired(observed, "late"):
            index = next(i for i in of_kind if subject.known(reports[i].submitted_on) is not None)
            sent = reports[index].submitted_on
            return [
                self.finding(
                    requirement,
                    subject,
                    f"/reports/{index}/submitted_on",
                    Bilingual(f"“{kind.zh}”于 {sent} 报送，迟于期限 {due}", f"The {kind.value} report was submitted on {sent}, after {due}"),
                    LATE_FIX,
                )
            ]
        return []

    def _conclude_plan(self, requirement, subject, observed):
        due = requirement.due
        if fired(observed, "unsent"):
            return [
                self.finding(
                    requirement,
                    subject,
                    "/submitted_on",
                    Bilingual(f"活动方案应于 {due} 前报送，尚无报送日期", f"The plan was due by {due} and has no submitted_on"),
                    Bilingual("报送方案后填写 submitted_on", "Send the plan and record submitted_on"),
                )
            ]
        if fired(observed, "late"):
            sent = subject.plan.submitted_on
            return [
                self.finding(
                    requirement,
                    subject,
                    "/submitted_on",
                    Bilingual(f"活动方案于 {sent} 报送，迟于期限 {due}", f"The plan was submitted on {sent}, after {due}"),
                    Bilingual("迟报已成事实：向上级说明原因，今后按期报送", "It came late: explain why to the superior, and send on time next year"),
                )
            ]
        return []
