from __future__ import annotations

from pydantic import Field

from ..dates import as_int
from ..fields import PlanDate
from ..findings import Bilingual
from ..patterns import absent, fact, gte, regex
from ..text import fold
from . import register
from .base import Params, RuleType, fired


class CampaignParams(Params):
    name: str = Field(min_length=1)
    end_not_before: PlanDate | None = None


def _name_regex(name: str) -> str:
    # `fold` keeps only letters, digits and CJK, so the folded name needs no escaping.
    return f".*{fold(name)}.*"


@register
class Campaign(RuleType):
    """The plan runs an extended campaign, long enough.

    What it checks
        `campaigns:` has one whose name contains `name` (after normalization), and, when
        `end_not_before` is given, one such campaign ends on or after that day.

        The finding points at the `campaigns:` key when none matches; else the first match's `end:`.

    Why it matters
        The month is followed by a campaign to the end of the year (安全生产万里行, 南粤行,
        英德行). A plan that stops on 30 June, or at the end of November, drops half of it.

    Failing example
        requirements: [{id: YD-CAMPAIGN, type: campaign, name: 英德行, end_not_before: 2023-12-31}]
        campaigns:    [{name: 安全生产英德行, start: 2023-06-01, end: 2023-11-30}]

    Passing example
        campaigns:    [{name: 安全生产英德行, start: 2023-06-01, end: 2023-12-31}]

    How to fix
        Add the campaign under `campaigns:` with its `end`, or extend the existing one's `end`.
    """

    type = "campaign"
    Params = CampaignParams

    def conditions(self, requirement, as_of):
        name = _name_regex(requirement.name)
        conditions = {"none": absent(fact("camp", regex("name", name)))}
        if requirement.end_not_before:
            conditions["short"] = absent(fact("camp", regex("name", name), gte("end", as_int(requirement.end_not_before))))
        return conditions

    def observe(self, requirement, subject):
        wanted = fold(requirement.name)
        matching = [c for c in subject.plan.campaigns if wanted in fold(c.name)]
        observed = {"none": [] if matching else [-1]}
        if requirement.end_not_before:
            long_enough = any(c.end and c.end >= requirement.end_not_before for c in matching)
            observed["short"] = [] if long_enough else [-1]
        return observed

    def conclude(self, requirement, subject, observed):
        name, until = requirement.name, requirement.end_not_before
        if fired(observed, "none"):
            until_zh = f"，持续至 {until}" if until else ""
            until_en = f", running to {until}" if until else ""
            return [
                self.finding(
                    requirement,
                    subject,
                    "/campaigns",
                    Bilingual(f"方案未安排“{name}”专项行动{until_zh}", f"The plan runs no “{name}” campaign{until_en}"),
                    Bilingual(
                        f"在 campaigns 中加入 {{name: {name}, end: {until or '…'}}}",
                        f"Add {{name: {name}, end: {until or '…'}}} to campaigns",
                    ),
                )
            ]
        if fired(observed, "short"):
            wanted = fold(name)
            campaigns = subject.plan.campaigns
            index = next(i for i, c in enumerate(campaigns) if wanted in fold(c.name))
            ends = campaigns[index].end
            return [
                self.finding(
                    requirement,
                    subject,
                    f"/campaigns/{index}/end",
                    Bilingual(
                        f"{campaigns[index].name}结束于 {ends or '（未写）'}，应持续至 {until}",
                        f"{campaigns[index].name} ends on {ends or '(not given)'}; it must run to {until}",
                    ),
                    Bilingual(f"将 end 改为 {until} 或更晚", f"Set its end to {until} or later"),
                )
            ]
        return []
