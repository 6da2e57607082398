from __future__ import annotations

from ..findings import Bilingual
from ..patterns import absent, fact
from . import register
from .base import Params, RuleType, fired


class LeadingGroupParams(Params):
    require_office: bool = True


@register
class LeadingGroup(RuleType):
    """The plan names a leading group with a leader, and its office.

    What it checks
        `leading_group.leader` is given (a name or a title), and, unless `require_office: false`,
        `leading_group.office`. Each missing part is one finding.

        The finding points at the `leading_group:` key (the first line when there is none).

    Why it matters
        Notices ask each level to set up a leading group (领导小组) headed by a responsible leader,
        with an office that runs the month day to day. Without them nobody answers for the plan.

    Failing example
        requirements: [{id: YD-ORG, type: leading_group}]
        leading_group: {members: [{title: 安监办主任}]}

    Passing example
        leading_group: {leader: {title: 镇长}, office: 镇安全生产监督管理办公室}

    How to fix
        Fill in `leading_group.leader` and `leading_group.office`.
    """

    type = "leading_group"
    Params = LeadingGroupParams

    def conditions(self, requirement, as_of):
        conditions = {"no_leader": absent(fact("lg", leader=1))}
        if requirement.require_office:
            conditions["no_office"] = absent(fact("lg", office=1))
        return conditions

    def observe(self, requirement, subject):
        group = subject.plan.leading_group
        observed = {"no_leader": [] if group and group.leader else [-1]}
        if requirement.require_office:
            observed["no_office"] = [] if group and group.office else [-1]
        return observed

    def conclude(self, requirement, subject, observed):
        findings = []
        if fired(observed, "no_leader"):
            findings.append(
                self.finding(
                    requirement,
                    subject,
                    "/leading_group/leader",
                    Bilingual("方案未明确领导小组组长", "The plan names no leader of a leading group"),
                    Bilingual("在 leading_group 下填写 leader（姓名或职务）", "Fill in leading_group.leader (a name or a title)"),
                )
            )
        if fired(observed, "no_office"):
            findings.append(
                self.finding(
                    requirement,
                    subject,
                    "/leading_group/office",
                    Bilingual("方案未明确领导小组办公室", "The plan names no office of the leading group"),
                    Bilingual("在 leading_group 下填写 office", "Fill in leading_group.office"),
                )
            )
        return findings
