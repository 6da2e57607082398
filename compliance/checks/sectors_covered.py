from __future__ import annotations

from pydantic import Field

from ..findings import Bilingual
from ..patterns import absent, contains, fact
from ..vocab import ActivityKind, Sector
from . import register
from .base import Params, RuleType


class SectorsCoveredParams(Params):
    kind: ActivityKind = ActivityKind.PUBLICITY
    sectors: list[Sector] = Field(min_length=1)


@register
class SectorsCovered(RuleType):
    """Activities of a kind reach every listed sector (五进).

    What it checks
        The union of the `sector`/`sectors` of all activities of `kind` (default `publicity`)
        includes every sector listed. Each missing sector is one finding.

        The finding points at the `activities:` key, one finding per missing sector.

    Why it matters
        Publicity must go "into" enterprises, villages, communities, schools and families (五进).
        A plan that covers only communities and schools leaves three sectors unreached.

    Failing example
        requirements: [{id: LC-5IN, type: sectors_covered, sectors: [enterprise, rural, community, school, family]}]
        activities:   [{kind: publicity, sectors: [community, school]}]

    Passing example
        activities:   [{kind: publicity, sectors: [enterprise, rural, community, school, family]}]

    How to fix
        Add the missing sectors to a publicity activity's `sectors:`, or add an activity for them.
    """

    type = "sectors_covered"
    Params = SectorsCoveredParams

    def conditions(self, requirement, as_of):
        return {
            f"missing:{sector.value}": absent(fact("act", contains("sec", sector.value), kind=requirement.kind.value))
            for sector in requirement.sectors
        }

    def observe(self, requirement, subject):
        covered = {
            sector
            for activity in subject.plan.activities
            if activity.kind == requirement.kind
            for sector in activity.all_sectors
        }
        return {f"missing:{sector.value}": [] if sector in covered else [-1] for sector in requirement.sectors}

    def conclude(self, requirement, subject, observed):
        kind = requirement.kind
        return [
            self.finding(
                requirement,
                subject,
                "/activities",
                detail=sector.value,
                message=Bilingual(f"“{kind.zh}”活动未覆盖{sector.zh}", f"No {kind.value} activity covers the sector {sector.value}"),
                fix=Bilingual(
                    f"在一项 kind: {kind.value} 活动的 sectors 中加入 {sector.value}（{sector.zh}）",
                    f"Add {sector.value} to the sectors of a {kind.value} activity",
                ),
            )
            for sector in requirement.sectors
            if observed.get(f"missing:{sector.value}")
        ]
