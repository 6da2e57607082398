from __future__ import annotations

from pydantic import Field, model_validator

from ..dates import as_int
from ..fields import PlanDate, empty_list
from ..findings import Bilingual
from ..patterns import absent, contains, each, fact, gte, lte
from ..vocab import ActivityKind, Sector
from . import register
from .base import Params, RuleType, first_index


class ActivityParams(Params):
    kind: ActivityKind
    min: int = Field(default=1, ge=1, le=1000)
    date: PlanDate | None = None
    not_before: PlanDate | None = None
    not_after: PlanDate | None = None
    sectors: list[Sector] = empty_list()

    @model_validator(mode="after")
    def _one_window(self):
        if self.date is not None and (self.not_before or self.not_after):
            raise ValueError("give either date or not_before/not_after, not both")
        return self

    @property
    def window(self):
        if self.date is not None:
            return self.date, self.date
        return self.not_before, self.not_after


def window_text(requirement, lang: str) -> str:
    low, high = requirement.window
    if requirement.date is not None:
        return f"于 {low}" if lang == "zh" else f"on {low}"
    if low and high:
        return f"在 {low} 至 {high} 之间" if lang == "zh" else f"between {low} and {high}"
    if high:
        return f"不晚于 {high}" if lang == "zh" else f"by {high}"
    if low:
        return f"不早于 {low}" if lang == "zh" else f"from {low}"
    return ""


def _sectors_text(requirement, lang: str) -> str:
    if not requirement.sectors:
        return ""
    if lang == "zh":
        return "覆盖" + "、".join(s.zh for s in requirement.sectors)
    return "covering " + ", ".join(s.value for s in requirement.sectors)


def _span_text(span) -> str:
    if span is None:
        return "no date"
    return str(span.start) if span.start == span.end else f"{span.start}..{span.end}"


def counts(requirement, activity, span) -> bool:
    """Whether an activity counts towards the requirement (the oracle's view of `pattern`)."""
    if activity.kind != requirement.kind:
        return False
    low, high = requirement.window
    if low or high:
        if span is None or (low and span.end < low) or (high and span.start > high):
            return False
    return all(sector in activity.all_sectors for sector in requirement.sectors)


def pattern(requirement):
    low, high = requirement.window
    tests = []
    if low:
        tests.append(gte("e", as_int(low)))
    if high:
        tests.append(lte("s", as_int(high)))
    tests += [contains("sec", sector.value) for sector in requirement.sectors]
    return fact("act", *tests, kind=requirement.kind.value)


@register
class Activity(RuleType):
    """The plan holds at least `min` activities of a kind, in a window, covering sectors.

    What it checks
        At least `min` (default 1) activities of `kind` whose days overlap the window: `date` (that
        day), or `not_before` / `not_after` (either may be left open). An activity's days are its
        `date`, its `start`..`end`, or, with neither, the plan's whole period. With `sectors`, an
        activity counts only if its `sector`/`sectors` include every one of them.

        The finding points at the first activity of that kind that does not count (its `- ` line); with
        none of that kind, the `activities:` key.

    Why it matters
        Notices fix the core events: the launch ceremony by 1 June, the consultation day on
        16 June, a study session on the important expositions. A plan without them, or with them
        on the wrong day, misses the month's backbone.

    Failing example
        requirements: [{id: YD-616, type: activity, kind: consultation_day, date: 2023-06-16}]
        activities:   [{kind: consultation_day, date: 2023-06-18}]

    Passing example
        activities:   [{kind: consultation_day, date: 6月16日, title: 安全宣传咨询日}]

    How to fix
        Add the activity to `activities:` with its kind and a day inside the window, or move the
        existing one's `date`.
    """

    type = "activity"
    Params = ActivityParams

    def bind(self, requirement, defaults):
        if requirement.not_before and requirement.not_after and requirement.not_before > requirement.not_after:
            raise ValueError(f"not_before ({requirement.not_before}) is after not_after ({requirement.not_after}): no day can meet it")
        return requirement

    def conditions(self, requirement, as_of):
        if requirement.min == 1:
            return {"none": absent(pattern(requirement))}
        return {"counted": each(pattern(requirement))}

    def observe(self, requirement, subject):
        counted = [
            index
            for index, (activity, span) in enumerate(zip(subject.plan.activities, subject.spans))
            if counts(requirement, activity, span)
        ]
        if requirement.min == 1:
            return {"none": [] if counted else [-1]}
        return {"counted": counted}

    def conclude(self, requirement, subject, observed):
        if requirement.min == 1:
            found = 0 if observed.get("none") else 1
        else:
            found = len(observed.get("counted", []))
        if found >= requirement.min:
            return []
        activities = subject.plan.activities
        kind = requirement.kind
        same_kind = first_index(
            range(len(activities)),
            lambda i: activities[i].kind == kind and not counts(requirement, activities[i], subject.spans[i]),
        )
        pointer = f"/activities/{same_kind}" if same_kind is not None else "/activities"
        wanted_zh = "，".join(filter(None, [window_text(requirement, "zh"), _sectors_text(requirement, "zh")]))
        wanted_en = " ".join(filter(None, [window_text(requirement, "en"), _sectors_text(requirement, "en")]))
        plural = "y" if requirement.min == 1 else "ies"
        message = Bilingual(
            f"应有至少 {requirement.min} 项“{kind.zh}”活动{f'（{wanted_zh}）' if wanted_zh else ''}，方案中符合的有 {found} 项",
            f"At least {requirement.min} {kind.value} activit{plural}{f' ({wanted_en})' if wanted_en else ''} required; the plan has {found}",
        )
        if same_kind is not None:
            near_miss = activities[same_kind]
            span = subject.spans[same_kind]
            when = _span_text(span)
            message = Bilingual(
                message.zh + f"；第 {same_kind + 1} 项活动“{near_miss.title or kind.zh}”（{when}）不符合",
                message.en + f"; activity {same_kind + 1} “{near_miss.title or kind.value}” ({when}) does not count",
            )
            fix = Bilingual(
                f"调整该活动{'的日期（' + window_text(requirement, 'zh') + '）' if any(requirement.window) else ''}"
                f"{'并在 sectors 中写明' + _sectors_text(requirement, 'zh').removeprefix('覆盖') if requirement.sectors else ''}"
                f"{'，或再补充一项' if requirement.min > 1 else ''}",
                f"Change that activity{' to fall ' + window_text(requirement, 'en') if any(requirement.window) else ''}"
                f"{', with ' + ', '.join(s.value for s in requirement.sectors) + ' in its sectors' if requirement.sectors else ''}"
                f"{', or add more' if requirement.min > 1 else ''}",
            )
        else:
            fix = Bilingual(
                f"在 activities 中补充 kind: {kind.value}（{kind.zh}）的活动{('，日期' + window_text(requirement, 'zh')) if any(requirement.window) else ''}",
                f"Add a {kind.value} activity to activities{(', dated ' + window_text(requirement, 'en')) if any(requirement.window) else ''}",
            )
        return [self.finding(requirement, subject, pointer, message, fix)]
