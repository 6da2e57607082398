"""`plancheck init`: a new plan's skeleton, written from its superior's requirements.

Every requirement becomes a commented, pre-filled item with its id and basis, so the clerk
uncomments and edits; nothing is filled in for her. The skeleton itself is a valid document, and
`plancheck check` on it lists exactly the requirements still to meet.
"""

from __future__ import annotations

import os
from dataclasses import dataclass, field
from pathlib import Path

from .documents import Document
from .engine import BoundRequirement
from .vocab import Level, ReportKind, scenario_label


@dataclass
class _Sections:
    top: list[str] = field(default_factory=list)
    leading_group: list[str] = field(default_factory=list)
    contacts: list[str] = field(default_factory=list)
    campaigns: list[str] = field(default_factory=list)
    activities: list[str] = field(default_factory=list)
    reports: list[str] = field(default_factory=list)


def _todo(bound: BoundRequirement, indent: str = "") -> str:
    requirement = bound.requirement
    title = f" {requirement.title}" if requirement.title else ""
    basis = f" — {requirement.basis}" if requirement.basis else ""
    return f"# {indent}TODO {requirement.id}{title}{basis}".replace("\n", " ")


def _window(requirement) -> str:
    if getattr(requirement, "date", None):
        return str(requirement.date)
    low, high = getattr(requirement, "not_before", None), getattr(requirement, "not_after", None)
    if low and high:
        return f"TODO  # a day from {low} to {high}"
    if high:
        return f"TODO  # on or before {high}"
    if low:
        return f"TODO  # on or after {low}"
    return "TODO"


def _sections(requirements: list[BoundRequirement]) -> _Sections:
    out = _Sections()
    proposed: dict[str, str] = {}  # a top-level field already proposed, by the requirement that did

    def top(bound, key: str, line: str) -> None:
        if key in proposed:
            out.top += [_todo(bound), f"#   (the same `{key}` as for {proposed[key]} above)"]
        else:
            proposed[key] = bound.requirement.id
            out.top += [_todo(bound), line]

    for bound in requirements:
        r, kind = bound.requirement, bound.rule_type.type
        if kind == "theme":
            top(bound, "theme", f"# theme: {r.theme}")
        elif kind == "cites":
            top(bound, "cites", f"# cites: [{r.doc_no}]")
        elif kind == "period":
            top(bound, "period", f"# period: {{start: {r.start}, end: {r.end}}}")
        elif kind == "activity":
            sectors = f"\n#     sectors: [{', '.join(s.value for s in r.sectors)}]" if r.sectors else ""
            for _ in range(r.min):
                out.activities += [_todo(bound, "  "), f"#   - kind: {r.kind.value}  # {r.kind.zh}\n#     title: TODO\n#     date: {_window(r)}{sectors}"]
        elif kind == "sectors_covered":
            out.activities += [_todo(bound, "  "), f"#   - kind: {r.kind.value}  # {r.kind.zh}\n#     title: TODO\n#     sectors: [{', '.join(s.value for s in r.sectors)}]  # {'、'.join(s.zh for s in r.sectors)}"]
        elif kind == "drill_per_sector":
            by = f"TODO  # on or before {r.not_after}" if r.not_after else "TODO"
            for sector, wanted in r.sectors.items():
                scenarios = list(wanted.scenarios_all) + ([wanted.scenarios_any[0]] if wanted.scenarios_any else [])
                labels = "、".join(scenario_label(s, "zh") for s in scenarios)
                hint = f"  # {labels}" if labels else ""
                for _ in range(wanted.min):
                    out.activities += [_todo(bound, "  "), f"#   - kind: drill\n#     sector: {sector.value}  # {sector.zh}\n#     scenarios: [{', '.join(scenarios)}]{hint}\n#     date: {by}"]
        elif kind == "report_due":
            if r.report == ReportKind.PLAN:
                top(bound, "submitted_on", f"# submitted_on: TODO  # the day this plan is sent; due by {r.due}")
            else:
                out.reports += [_todo(bound, "  "), f"#   - kind: {r.report.value}  # {r.report.zh}\n#     due: {r.due}"]
        elif kind == "recurring_report":
            span = "".join(f"\n#     {name}: {value}" for name, value in (("from", r.from_), ("to", r.to)) if value)
            out.reports += [_todo(bound, "  "), f"#   - kind: {r.report.value}  # {r.report.zh}\n#     weekday: {r.weekday.value}  # {r.weekday.zh}{span}"]
        elif kind == "leading_group":
            office = "\n#   office: TODO" if r.require_office else ""
            out.leading_group += [_todo(bound), f"#   leader: {{name: TODO, title: TODO}}{office}"]
        elif kind == "contact":
            phone = ", phone: TODO" if r.require_phone else ""
            out.contacts += [_todo(bound, "  "), f"#   - {{name: TODO, role: {r.role.value}{phone}}}  # {r.role.zh}"]
        elif kind == "campaign":
            end = f", end: {r.end_not_before}" if r.end_not_before else ""
            out.campaigns += [_todo(bound, "  "), f"#   - {{name: {r.name}, start: TODO{end}}}"]
        elif kind == "held":
            out.top += [_todo(bound), "# After each activity takes place, record `held_on:` (and `evidence:`) under it."]
    return out


def skeleton(*, superior: Document, requirements: list[BoundRequirement], plan_id: str, org: str, level: Level,
             output: Path) -> str:
    relative = Path(os.path.relpath(superior.path.resolve(), output.resolve().parent)).as_posix()
    year = superior.plan.year
    sections = _sections(requirements)
    lines = [
        f"# {org} {year}年“安全生产月”活动方案 — skeleton from {superior.plan.org} ({superior.plan.id}).",
        "# Each requirement of the superior is below as a commented item: uncomment it (remove the leading '# '",
        "# of the item and of its section key) and replace every TODO. `plancheck check` on this file lists",
        "# the requirements still to meet.",
        "format: plancheck/v1",
        f"id: {plan_id}",
        f"org: {org}",
        f"level: {level.value}",
        f"year: {year}",
        f"superior: {relative}",
    ]
    lines += sections.top
    for key, items in (("leading_group", sections.leading_group), ("contacts", sections.contacts),
                       ("campaigns", sections.campaigns), ("activities", sections.activities), ("reports", sections.reports)):
        if items:
            lines += ["", f"# {key}:", *items]
    return "\n".join(lines) + "\n"
