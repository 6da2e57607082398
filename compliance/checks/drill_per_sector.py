from __future__ import annotations

from pydantic import Field

from ..dates import as_int
from ..fields import PlanDate, ScenarioField, empty_list
from ..findings import Bilingual
from ..patterns import absent, contains, contains_any, each, fact, lte
from ..vocab import Sector, scenario_label
from . import register
from .base import Params, RuleType


class SectorDrills(Params):
    min: int = Field(default=1, ge=1, le=1000)
    scenarios_any: list[ScenarioField] = empty_list()
    scenarios_all: list[ScenarioField] = empty_list()


class DrillPerSectorParams(Params):
    sectors: dict[Sector, SectorDrills] = Field(min_length=1)
    not_after: PlanDate | None = None


def drill_pattern(requirement, sector: Sector, *tests):
    bound = [lte("s", as_int(requirement.not_after))] if requirement.not_after else []
    return fact("act", contains("sec", sector.value), *bound, *tests, kind="drill")


def sector_drills(requirement, subject, sector: Sector) -> list[int]:
    """The oracle's view of `drill_pattern`: indices of the drills that count for a sector."""
    found = []
    for index, (activity, span) in enumerate(zip(subject.plan.activities, subject.spans)):
        if activity.kind.value != "drill" or sector not in activity.all_sectors:
            continue
        if requirement.not_after and (span is None or span.start > requirement.not_after):
            continue
        found.append(index)
    return found


@register
class DrillPerSector(RuleType):
    """Each sector holds its emergency drills, with the named scenarios.

    What it checks
        For every sector listed under `sectors`, the drills (`kind: drill`) of that sector held by
        `not_after` (when given):
        - number at least `min` (default 1);
        - include at least one of `scenarios_any` in one drill, when given;
        - together include every scenario of `scenarios_all`, when given (one finding per missing
          scenario).

        The finding points at the `activities:` key, one finding per sector and problem.

    Why it matters
        Notices name a drill per sector and what it rehearses: fire and earthquake evacuation in
        schools, gas and e-bike charging fires in communities, hazardous chemicals in enterprises.
        A drill that rehearses something else does not prepare for the risk that was named.

    Failing example
        requirements:
          - {id: YD-DRILL, type: drill_per_sector,
             sectors: {school: {scenarios_all: [fire, earthquake]}, community: {min: 1}}}
        activities:
          - {kind: drill, sector: school, scenarios: [fire]}

    Passing example
        activities:
          - {kind: drill, sector: school, scenarios: [fire, earthquake]}
          - {kind: drill, sector: community, scenarios: [gas]}

    How to fix
        Add a drill for the sector with `sector:` and `scenarios:`, or add the missing scenario to
        an existing drill of that sector.
    """

    type = "drill_per_sector"
    Params = DrillPerSectorParams

    def conditions(self, requirement, as_of):
        conditions = {}
        for sector, wanted in requirement.sectors.items():
            key = sector.value
            if wanted.min == 1:
                conditions[f"none:{key}"] = absent(drill_pattern(requirement, sector))
            else:
                conditions[f"counted:{key}"] = each(drill_pattern(requirement, sector))
            if wanted.scenarios_any:
                conditions[f"any:{key}"] = absent(
                    drill_pattern(requirement, sector, contains_any("sc", wanted.scenarios_any))
                )
            for scenario in wanted.scenarios_all:
                conditions[f"all:{key}:{scenario}"] = absent(drill_pattern(requirement, sector, contains("sc", scenario)))
        return conditions

    def observe(self, requirement, subject):
        observed = {}
        activities = subject.plan.activities
        for sector, wanted in requirement.sectors.items():
            key = sector.value
            drills = sector_drills(requirement, subject, sector)
            if wanted.min == 1:
                observed[f"none:{key}"] = [] if drills else [-1]
            else:
                observed[f"counted:{key}"] = drills
            if wanted.scenarios_any:
                hit = any(set(activities[i].scenarios) & set(wanted.scenarios_any) for i in drills)
                observed[f"any:{key}"] = [] if hit else [-1]
            for scenario in wanted.scenarios_all:
                hit = any(scenario in activities[i].scenarios for i in drills)
                observed[f"all:{key}:{scenario}"] = [] if hit else [-1]
        return observed

    def conclude(self, requirement, subject, observed):
        findings = []
        by = f"（{requirement.not_after} 前）" if requirement.not_after else ""
        by_en = f" by {requirement.not_after}" if requirement.not_after else ""
        for sector, wanted in requirement.sectors.items():
            key = sector.value
            if wanted.min == 1:
                found = 0 if observed.get(f"none:{key}") else 1
            else:
                found = len(observed.get(f"counted:{key}", []))
            if found < wanted.min:
                findings.append(
                    self._finding(
                        requirement,
                        subject,
                        f"{key}/min",
                        Bilingual(
                            f"{sector.zh}应急演练应至少 {wanted.min} 次{by}，方案中有 {found} 次",
                            f"The {key} sector needs at least {wanted.min} drill(s){by_en}; the plan has {found}",
                        ),
                        Bilingual(
                            f"在 activities 中补充 kind: drill、sector: {key} 的演练",
                            f"Add a drill with sector: {key} to activities",
                        ),
                    )
                )
            if wanted.scenarios_any and observed.get(f"any:{key}"):
                names_zh = "、".join(scenario_label(s, "zh") for s in wanted.scenarios_any)
                names_en = ", ".join(wanted.scenarios_any)
                names_both = "、".join(f"{s}（{scenario_label(s, 'zh')}）" for s in wanted.scenarios_any)
                findings.append(
                    self._finding(
                        requirement,
                        subject,
                        f"{key}/any",
                        Bilingual(
                            f"{sector.zh}的演练未涉及以下任一场景：{names_zh}",
                            f"No {key} drill rehearses any of: {names_en}",
                        ),
                        Bilingual(
                            f"为{sector.zh}演练的 scenarios 加入其中之一：{names_both}",
                            f"Add one of {names_en} to the scenarios of a {key} drill",
                        ),
                    )
                )
            for scenario in wanted.scenarios_all:
                if observed.get(f"all:{key}:{scenario}"):
                    label = scenario_label(scenario, "zh")
                    findings.append(
                        self._finding(
                            requirement,
                            subject,
                            f"{key}/{scenario}",
                            Bilingual(f"{sector.zh}演练缺少“{label}”场景", f"No {key} drill rehearses {scenario}"),
                            Bilingual(
                                f"在{sector.zh}演练的 scenarios 中加入 {scenario}（{label}）",
                                f"Add {scenario} to the scenarios of a {key} drill",
                            ),
                        )
                    )
        return findings

    def _finding(self, requirement, subject, detail, message, fix):
        return self.finding(requirement, subject, "/activities", message, fix, detail=detail)
