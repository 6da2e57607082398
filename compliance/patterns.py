"""Builders for durable-rules patterns (its JSON ruleset form), used by the rule types.

A condition is the `all` list of a durable-rules rule. Every pattern names its fact type `t`, so
no pattern consists of `$nex` alone (which makes the engine loop). The sentinel fact `end`, asserted
last, carries the check's as-of day, so absences and deadlines are decided as facts, never by a clock.
No pattern refers to a field of another fact: such joins crash durable-rules 2.0.28 (see durable.py).
"""

from __future__ import annotations

from typing import Any, Iterable

Pattern = dict[str, Any]
Condition = list[dict[str, Pattern]]

SUBJECT = "x"  # the alias whose fact's index `i` a condition reports
END = "m"  # the alias of the sentinel fact


def fact(fact_type: str, *tests: Pattern, **equals: Any) -> Pattern:
    parts: list[Pattern] = [{"t": fact_type}]
    parts += [{name: value} for name, value in equals.items()]
    parts += list(tests)
    return parts[0] if len(parts) == 1 else {"$and": parts}


def lt(field: str, value: Any) -> Pattern:
    return {"$lt": {field: value}}


def lte(field: str, value: Any) -> Pattern:
    return {"$lte": {field: value}}


def gt(field: str, value: Any) -> Pattern:
    return {"$gt": {field: value}}


def gte(field: str, value: Any) -> Pattern:
    return {"$gte": {field: value}}


def exists(field: str) -> Pattern:
    return {"$ex": {field: 1}}


def missing(field: str) -> Pattern:
    return {"$nex": {field: 1}}


def either(*tests: Pattern) -> Pattern:
    return tests[0] if len(tests) == 1 else {"$or": list(tests)}


def contains(field: str, item: Any) -> Pattern:
    """The array `field` holds `item`."""
    return {"$iany": {field: {"$i": item}}}


def contains_any(field: str, items: Iterable[Any]) -> Pattern:
    """The array `field` holds one of `items`: an `$or` of single-item tests, since an `$or` inside
    `$iany` leaves a node uninitialised in durable-rules 2.0.28 (error 102 at random, valgrind)."""
    return either(*(contains(field, item) for item in items))


def regex(field: str, expression: str) -> Pattern:
    return {"$mt": {field: expression}}


def absent(pattern: Pattern, *, end: Pattern | None = None) -> Condition:
    """Fires once, on the sentinel, when no fact matches `pattern`."""
    return [{END: end or {"t": "end"}}, {f"{SUBJECT}$not": pattern}]


def each(pattern: Pattern, *, end: Pattern | None = None) -> Condition:
    """Fires once for every fact matching `pattern`, once the sentinel is there."""
    return [{END: end or {"t": "end"}}, {SUBJECT: pattern}]
