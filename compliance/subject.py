"""The document under check, with the marks that turn a field into a file position."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from typing import TYPE_CHECKING

from .findings import Location

if TYPE_CHECKING:
    from .models import Activity, Plan

Marks = dict[str, tuple[int, int]]


@dataclass(frozen=True)
class Span:
    start: date
    end: date


@dataclass
class Subject:
    plan: Plan
    path: str
    marks: Marks
    as_of: date
    spans: list[Span | None] = field(init=False)

    def __post_init__(self) -> None:
        self.spans = [activity_span(activity, self.plan) for activity in self.plan.activities]

    def known(self, day: date | None) -> date | None:
        """A recorded day as of the check: a submission or a holding dated after it had not happened yet."""
        return day if day is not None and day <= self.as_of else None

    def locate(self, pointer: str) -> Location:
        """The position of `pointer`, or of its nearest existing parent; the field stays `pointer`."""
        probe = pointer
        while probe and probe not in self.marks:
            probe = probe.rsplit("/", 1)[0]
        line, column = self.marks.get(probe, (1, 1))
        return Location(path=self.path, line=line, column=column, field=pointer)


def activity_span(activity: Activity, plan: Plan) -> Span | None:
    """An activity's days: its date, its start..end (open ends from the period), or the whole period."""
    if activity.date is not None:
        return Span(activity.date, activity.date)
    period = plan.period
    start = activity.start or (period.start if period else None)
    end = activity.end or (period.end if period else None)
    if start is None and end is None:
        return None
    return Span(start or end, end or start)
