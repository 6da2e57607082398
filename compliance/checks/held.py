from __future__ import annotations

from ..dates import as_int
from ..fields import PlanDate, empty_list
from ..findings import Bilingual
from ..patterns import each, either, exists, fact, gt, lt, missing
from ..vocab import ActivityKind
from . import register
from .base import Params, RuleType


class HeldParams(Params):
    kinds: list[ActivityKind] = empty_list()
    not_before: PlanDate | None = None
    not_after: PlanDate | None = None


@register
class Held(RuleType):
    """Planned activities whose day has passed were really held, in the window.

    What it checks
        (A `submitted_on` or `held_on` after the check's date counts as not yet done.)
        For every activity of `kinds` (default: all kinds) whose last planned day is before the
        check's date (`--as-of`): it has a `held_on` day, and that day lies within
        `not_before`..`not_after` when those are given. One finding per activity.

        The finding points at the activity's `held_on:` when it is outside the window; else the
        activity's line.

    Why it matters
        After the month the plan becomes the record of what happened. An activity planned for
        16 June with no `held_on` by 21 June was either not held or not reported.

    Failing example
        requirements: [{id: JN-HELD, type: held, kinds: [consultation_day], not_after: 2024-06-16}]
        activities:   [{kind: consultation_day, date: 2024-06-16}]          # checked as of 2024-06-21

    Passing example
        activities:   [{kind: consultation_day, date: 2024-06-16, held_on: 2024-06-16}]

    How to fix
        Record `held_on:` (and `evidence:`) for each activity that took place; move or drop the
        ones that did not.
    """

    type = "held"
    Params = HeldParams

    def bind(self, requirement, defaults):
        if requirement.not_before and requirement.not_after and requirement.not_before > requirement.not_after:
            raise ValueError(f"not_before ({requirement.not_before}) is after not_after ({requirement.not_after}): no day can meet it")
        return requirement

    def _due(self, requirement, as_of, *tests):
        kinds = [{"kind": kind.value} for kind in requirement.kinds]
        kind_test = [either(*kinds)] if kinds else []
        return fact("act", exists("e"), lt("e", as_int(as_of)), *kind_test, *tests)

    def conditions(self, requirement, as_of):
        conditions = {"not_held": each(self._due(requirement, as_of, missing("held")))}
        outside = []
        if requirement.not_before:
            outside.append(lt("held", as_int(requirement.not_before)))
        if requirement.not_after:
            outside.append(gt("held", as_int(requirement.not_after)))
        if outside:
            conditions["outside"] = each(self._due(requirement, as_of, exists("held"), either(*outside)))
        return conditions

    def observe(self, requirement, subject):
        not_held, outside = [], []
        for index, (activity, span) in enumerate(zip(subject.plan.activities, subject.spans)):
            if requirement.kinds and activity.kind not in requirement.kinds:
                continue
            if span is None or span.end >= subject.as_of:
                continue
            held = subject.known(activity.held_on)
            if held is None:
                not_held.append(index)
            elif (requirement.not_before and held < requirement.not_before) or (
                requirement.not_after and held > requirement.not_after
            ):
                outside.append(index)
        observed = {"not_held": not_held}
        if requirement.not_before or requirement.not_after:
            observed["outside"] = outside
        return observed

    def conclude(self, requirement, subject, observed):
        activities = subject.plan.activities
        findings = []
        for index in sorted(set(observed.get("not_held", []))):
            activity = activities[index]
            name = activity.title or activity.kind.zh
            span = subject.spans[index]
            planned = str(span.start) if span.start == span.end else f"{span.start} 至 {span.end}"
            planned_en = str(span.start) if span.start == span.end else f"{span.start}..{span.end}"
            findings.append(
                self.finding(
                    requirement,
                    subject,
                    f"/activities/{index}/held_on",
                    Bilingual(
                        f"“{name}”计划日期 {planned} 已过，未填写实际举办日期 held_on",
                        f"“{activity.title or activity.kind.value}” was planned for {planned_en}, which has passed, and has no held_on",
                    ),
                    Bilingual("填写 held_on（实际举办日期）及 evidence；未举办的请说明", "Record held_on (and evidence), or explain why it was not held"),
                )
            )
        low, high = requirement.not_before, requirement.not_after
        for index in sorted(set(observed.get("outside", []))):
            activity = activities[index]
            name = activity.title or activity.kind.zh
            findings.append(
                self.finding(
                    requirement,
                    subject,
                    f"/activities/{index}/held_on",
                    Bilingual(
                        f"“{name}”实际举办于 {activity.held_on}，不在要求的 {low or '…'} 至 {high or '…'} 之内",
                        f"“{activity.title or activity.kind.value}” was held on {activity.held_on}, outside {low or '…'}..{high or '…'}",
                    ),
                    Bilingual("核对 held_on；如确系延期举办，请在 notes 中说明", "Check held_on; if it was really held late, say why in notes"),
                )
            )
        return findings
