from __future__ import annotations

from ..dates import as_int
from ..fields import PlanDate
from ..findings import Bilingual
from ..patterns import either, fact, gt, lt, missing
from . import register
from .base import Defaults, Params, RuleType, fired


class PeriodParams(Params):
    start: PlanDate | None = None
    end: PlanDate | None = None


@register
class Period(RuleType):
    """The plan's period covers the required days.

    What it checks
        The plan's `period` starts on or before `start` and ends on or after `end`. Both default
        to the superior's own period.

        The finding points at the `period:` key (the document's first line when there is none).

    Why it matters
        The month runs from 1 to 30 June everywhere. A plan that starts on 10 June, or stops on
        20 June, leaves days of the month without activities.

    Failing example
        requirements: [{id: NAT-PERIOD, type: period, start: 2024-06-01, end: 2024-06-30}]
        plan:         period: {start: 2024-06-05, end: 2024-06-30}

    Passing example
        plan:         period: {start: 2024-06-01, end: 2024-06-30}

    How to fix
        Set `period:` to at least the required days.
    """

    type = "period"
    Params = PeriodParams

    def bind(self, requirement, defaults: Defaults):
        start = requirement.start or defaults.period_start
        end = requirement.end or defaults.period_end
        if start is None or end is None:
            raise ValueError("a period rule needs `start:` and `end:`, and the superior has no period")
        if start > end:
            raise ValueError(f"the period rule starts ({start}) after it ends ({end})")
        return requirement.model_copy(update={"start": start, "end": end})

    def conditions(self, requirement, as_of):
        return {
            "missing": [{"x": fact("doc", either(missing("ps"), missing("pe")))}],
            "short": [{"x": fact("doc", either(gt("ps", as_int(requirement.start)), lt("pe", as_int(requirement.end))))}],
        }

    def observe(self, requirement, subject):
        period = subject.plan.period
        return {
            "missing": [0] if period is None else [],
            "short": [0] if period and (period.start > requirement.start or period.end < requirement.end) else [],
        }

    def conclude(self, requirement, subject, observed):
        start, end = requirement.start, requirement.end
        fix = Bilingual(f"将 period 设为 {start} 至 {end}（或更长）", f"Set period to {start}..{end} or longer")
        if fired(observed, "missing"):
            message = Bilingual(f"方案未写明活动时间，应为 {start} 至 {end}", f"The plan states no period; it must cover {start}..{end}")
        elif fired(observed, "short"):
            period = subject.plan.period
            message = Bilingual(
                f"活动时间 {period.start} 至 {period.end} 未覆盖 {start} 至 {end}",
                f"The period {period.start}..{period.end} does not cover {start}..{end}",
            )
        else:
            return []
        return [self.finding(requirement, subject, "/period", message, fix)]

