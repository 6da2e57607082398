"""The catalog of rule types: one module each, registered by its `type` name."""

from __future__ import annotations

from functools import cache
from typing import Annotated, Literal, Union

from pydantic import Field

from .base import RequirementBase, RuleType

REGISTRY: dict[str, RuleType] = {}


def register(cls: type[RuleType]) -> type[RuleType]:
    if cls.type in REGISTRY:
        raise ValueError(f"rule type {cls.type!r} is registered twice")
    REGISTRY[cls.type] = cls()
    return cls


@cache
def requirement_model(type_name: str) -> type[RequirementBase]:
    rule_type = REGISTRY[type_name]
    name = "".join(part.title() for part in type_name.split("_")) + "Requirement"
    model = type(
        name,
        (RequirementBase, rule_type.Params),
        {
            "__annotations__": {"type": Literal[type_name]},  # type: ignore[valid-type]
            "__doc__": rule_type.documentation().split("\n\n")[0],
            "__module__": __name__,
            "__qualname__": name,
        },
    )
    globals()[name] = model  # so that requirements pickle (results travel back from worker processes)
    return model


def requirement_union():
    models = tuple(requirement_model(name) for name in REGISTRY)  # also registers each model by name
    return Annotated[Union[models], Field(discriminator="type")]  # type: ignore[valid-type]


from . import (  # noqa: E402  (each module registers itself on import)
    activity,
    campaign,
    cites,
    contact,
    drill_per_sector,
    held,
    leading_group,
    period,
    recurring_report,
    report_due,
    sectors_covered,
    theme,
)

__all__ = ["REGISTRY", "RuleType", "register", "requirement_model", "requirement_union"]
