"""A document as the flat facts the rule engine matches. One builder serves every rule type.

Facts keep to what durable-rules handles safely: a type field `t` in each, no `None` values,
dates as YYYYMMDD integers, few properties. The sentinel `end` fact comes last.
"""

from __future__ import annotations

import re
from typing import Any

from .dates import as_int
from .subject import Subject
from .text import fold, fold_doc_no

# A mainland mobile (optionally +86), or a landline with its area code (0 + 2-3 digits, then 7-8).
PHONE = re.compile(r"^((\+?86)?1[3-9]\d{9}|0\d{2,3}\d{7,8})$")


def is_valid_phone(phone: str | None) -> bool:
    if not phone:
        return False
    digits = re.sub(r"[\s\-－—()（）]", "", phone)
    return bool(PHONE.match(digits))


def _without_none(values: dict[str, Any]) -> dict[str, Any]:
    return {name: value for name, value in values.items() if value is not None}


def _day(value) -> int | None:
    return as_int(value) if value is not None else None


def document_facts(subject: Subject) -> list[dict[str, Any]]:
    plan = subject.plan
    facts: list[dict[str, Any]] = [
        _without_none(
            {
                "t": "doc",
                "theme": fold(plan.theme) if plan.theme else None,
                "ps": _day(plan.period.start) if plan.period else None,
                "pe": _day(plan.period.end) if plan.period else None,
                "sub": _day(subject.known(plan.submitted_on)),
            }
        )
    ]
    facts += [{"t": "cite", "i": index, "no": fold_doc_no(number)} for index, number in enumerate(plan.cites)]
    as_of = subject.as_of
    for index, (activity, span) in enumerate(zip(plan.activities, subject.spans)):
        fact = {"t": "act", "i": index, "kind": activity.kind.value}
        if span is not None:
            fact["s"] = as_int(span.start)
            fact["e"] = as_int(span.end)
        fact["sec"] = [sector.value for sector in activity.all_sectors]
        fact["sc"] = list(activity.scenarios)
        held = activity.held_on
        if held is not None and held <= as_of:  # Subject.known, inlined: tens of activities a plan
            fact["held"] = as_int(held)
        facts.append(fact)
    for index, report in enumerate(plan.reports):
        facts.append(
            _without_none(
                {
                    "t": "rep",
                    "i": index,
                    "kind": report.kind.value,
                    "due": _day(report.due),
                    "wd": report.weekday.iso if report.weekday else None,
                    "from": _day(report.from_),
                    "to": _day(report.to),
                    "sub": _day(subject.known(report.submitted_on)),
                }
            )
        )
    group = plan.leading_group
    if group is not None:
        facts.append(_without_none({"t": "lg", "leader": 1 if group.leader else None, "office": 1 if group.office else None}))
    facts += [
        {"t": "con", "i": index, "role": contact.role.value, "phone_ok": int(is_valid_phone(contact.phone))}
        for index, contact in enumerate(plan.contacts)
    ]
    facts += [
        _without_none({"t": "camp", "i": index, "name": fold(campaign.name), "end": _day(campaign.end)})
        for index, campaign in enumerate(plan.campaigns)
    ]
    facts.append({"t": "end", "asof": as_int(subject.as_of)})
    return facts
