"""Write a draft as a plancheck document in YAML, each value beside the line and phrase it came from.

What was not found is a commented TODO. The document is valid as written: required fields that
could not be found get a placeholder that `plancheck validate` accepts and the comment flags.
"""

from __future__ import annotations

import json
import re
from datetime import date
from pathlib import Path
from typing import Any

from .draft import Draft, Sourced


def _scalar(value: Any) -> str:
    if isinstance(value, date):
        return value.isoformat()
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, int):
        return str(value)
    text = str(value)
    if re.fullmatch(r"[\w\u4e00-\u9fa5·、，—（）()〔〕［］﹝﹞\-.@ ]+", text) and not re.match(r"^[\d\-.]|^(on|off|yes|no|true|false|null)$", text, re.I):
        return text
    return json.dumps(text, ensure_ascii=False)


def _flow(value: dict[str, Any]) -> str:
    parts = []
    for key, item in value.items():
        if isinstance(item, list):
            parts.append(f"{key}: [{', '.join(_scalar(x) for x in item)}]")
        elif isinstance(item, dict):
            parts.append(f"{key}: {_flow(item)}")
        elif item is not None:
            parts.append(f"{key}: {_scalar(item)}")
    return "{" + ", ".join(parts) + "}"


def _source(found: Sourced) -> str:
    if found.line == 0:
        return f"  # {found.phrase}"
    phrase = found.phrase.replace("\n", " ")
    return f"  # L{found.line}: “{phrase}”"


def _slug(path: Path, year: Any) -> str:
    stem = re.sub(r"[^a-z0-9]+", "-", path.stem.lower()).strip("-") or "notice"
    return stem if stem[0].isalnum() else f"notice-{stem}"


HEADER_LINES = 2  # the comment at the top of a draft, which explains TODO without being one


def count_todos(text: str) -> int:
    """Lines of a draft that still hold a TODO for the clerk."""
    return sum(1 for line in text.splitlines()[HEADER_LINES:] if "TODO" in line)


def render_draft(draft: Draft, *, source: Path) -> str:
    out: list[str] = [
        f"# Drafted by `plancheck import` from {source.name}. Review every line against the notice:",
        "# each value names the line (L12) and the phrase it was read from; TODO marks what was not found.",
        "format: plancheck/v1",
    ]
    fields = draft.fields
    year = draft.value("year")
    out.append(f"id: {_slug(source, year)}  # TODO: a short id of your choosing (lowercase letters, digits, '-')")

    def required(name: str, placeholder: str) -> None:
        found = fields.get(name)
        if found is not None:
            out.append(f"{name}: {_scalar(found.value)}{_source(found)}")
        else:
            out.append(f"{name}: {placeholder}  # TODO: not found in the notice; a placeholder to replace")

    required("org", "TODO")
    required("level", "street")
    required("year", str(date.today().year))
    for name in ("edition", "doc_no", "theme"):
        found = fields.get(name)
        out.append(f"{name}: {_scalar(found.value)}{_source(found)}" if found else f"# {name}: TODO  # not found in the notice")
    if draft.cites:
        out.append("cites:")
        out += [f"  - {_scalar(c.value)}{_source(c)}" for c in draft.cites]
    else:
        out.append("# cites: [TODO]  # the superior notices' numbers: none found")
    period = fields.get("period")
    if period:
        out.append(f"period: {{start: {period.value[0]}, end: {period.value[1]}}}{_source(period)}")
    else:
        out.append("# period: {start: TODO, end: TODO}  # not found in the notice")
    if draft.campaigns:
        out.append("campaigns:")
        out += [f"  - {_flow(c.value)}{_source(c)}" for c in draft.campaigns]
    group = draft.leading_group
    if group:
        out.append("leading_group:")
        if "leader" in group:
            out.append(f"  leader: {_flow(group['leader'].value)}{_source(group['leader'])}")
        for key in ("deputies", "members"):
            if group.get(key):
                out.append(f"  {key}:")
                out += [f"    - {_flow(p.value)}{_source(p)}" for p in group[key]]
        if "office" in group:
            out.append(f"  office: {_scalar(group['office'].value)}{_source(group['office'])}")
    else:
        out.append("# leading_group: TODO  # no leading group found")
    if draft.contacts:
        out.append("contacts:")
        out += [f"  - {_flow(c.value)}{_source(c)}" for c in draft.contacts]
    if draft.activities:
        out.append("activities:")
        for activity in draft.activities:
            out.append(f"  - {_flow(activity.value)}{_source(activity)}")
    else:
        out.append("# activities: TODO  # no dated activity found")
    if draft.reports:
        out.append("reports:")
        out += [f"  - {_flow(r.value)}{_source(r)}" for r in draft.reports]
    requirements = _requirements(draft)
    if requirements:
        out.append("# Requirements for the level below, as read from the notice: check each basis clause.")
        out.append("requirements:")
        out += requirements
    out += [f"# TODO: {todo.value}{_source(todo)}" for todo in draft.todos]
    return "\n".join(out) + "\n"


def _requirements(draft: Draft) -> list[str]:
    lines: list[str] = []
    drills: dict[str, dict[str, Any]] = {}
    drill_source: Sourced | None = None
    seen: set[str] = set()
    counters: dict[str, int] = {}

    def rid(kind: str) -> str:
        counters[kind] = counters.get(kind, 0) + 1
        base = kind.upper().replace("_", "-")
        return base if counters[kind] == 1 else f"{base}-{counters[kind]}"

    for found in draft.requirements:
        value = dict(found.value)
        kind = value.pop("type")
        basis = value.pop("basis", "") or "TODO: the clause"
        if kind == "drill_per_sector":
            sector = value["sector"]
            entry = {"min": 1}
            scenarios = list(value["scenarios"])
            any_of = bool(value.get("any_of"))
            if sector in drills:  # 各学校要…火灾或地震…演练，幼儿园要开展防踩踏演练: two kinds of unit of one sector meet either's
                before = drills[sector]
                earlier = before.get("scenarios_any") or before.get("scenarios_all") or []
                if earlier and scenarios and set(earlier) != set(scenarios):
                    any_of = True
                scenarios = list(dict.fromkeys([*earlier, *scenarios])) if earlier and scenarios else []
            if scenarios:
                entry["scenarios_any" if any_of else "scenarios_all"] = scenarios
            drills[sector] = entry
            drill_source = drill_source or found
            drill_basis = basis
            continue
        key = json.dumps([kind, value], sort_keys=True, default=str)
        if key in seen:
            continue
        seen.add(key)
        params = {"id": rid(kind if kind != "report_due" else f"report-{value.get('report')}"), "type": kind, "basis": basis, **value}
        lines.append(f"  - {_flow(params)}{_source(found)}")
    if drills:
        params = {"id": "DRILL", "type": "drill_per_sector", "basis": drill_basis, "sectors": drills}
        lines.append(f"  - {_flow(params)}{_source(drill_source)}")
    return lines
