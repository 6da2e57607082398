"""Field types shared by the document model and the rule types' parameters."""

from __future__ import annotations

import datetime
from functools import lru_cache
from typing import Annotated, Any

from pydantic import BeforeValidator, Field, ValidationInfo, WithJsonSchema
from pydantic_core import PydanticCustomError

from .dates import SCHEMA_PATTERN, parse_date
from .vocab import Scenario, Weekday


@lru_cache(maxsize=4096)
def _parsed(text: str, year: int | None) -> datetime.date:
    """parse_date, remembered: a tree of plans writes the same few days over and over."""
    return parse_date(text, year=year)


def _to_date(value: Any, info: ValidationInfo) -> Any:
    if isinstance(value, datetime.datetime):
        return value.date()
    if isinstance(value, datetime.date):
        return value
    if isinstance(value, str):
        year = (info.context or {}).get("year")
        try:
            return _parsed(value, year)
        except ValueError as error:  # a form plancheck does not read, or a day that does not exist (2月30日)
            raise PydanticCustomError("bad_date", "{reason}", {"reason": str(error)}) from None
    return value


PlanDate = Annotated[
    datetime.date,
    BeforeValidator(_to_date),
    WithJsonSchema({"type": "string", "pattern": SCHEMA_PATTERN, "description": "2024-06-16, 2024年6月16日 or 6月16日"}),
]

_WEEKDAY_ALIASES = {
    **{str(index): day for index, day in enumerate(Weekday, start=1)},
    **{day.zh: day for day in Weekday},
    **{day.zh.replace("周", "星期"): day for day in Weekday},
    "周天": Weekday.SUNDAY,
    "星期天": Weekday.SUNDAY,
    "星期日": Weekday.SUNDAY,
}


def _to_weekday(value: Any) -> Any:
    if isinstance(value, int) and not isinstance(value, bool):
        value = str(value)
    if isinstance(value, str):
        key = value.strip().lower().removeprefix("每")
        if key in _WEEKDAY_ALIASES:
            return _WEEKDAY_ALIASES[key]
    return value


WeekdayField = Annotated[
    Weekday,
    BeforeValidator(_to_weekday),
    WithJsonSchema(
        {
            "anyOf": [
                {"type": "string", "enum": [day.value for day in Weekday]},
                {"type": "integer", "minimum": 1, "maximum": 7},
                {"type": "string", "pattern": "^(每)?(周|星期)[一二三四五六日天]$"},
            ],
            "description": "monday..sunday, 1..7 (ISO), or 周四 / 星期四",
        }
    ),
]


def _to_scenario(value: Any) -> Any:
    if isinstance(value, str):
        return _SCENARIO_BY_LABEL.get(value.strip(), value.strip())
    return value


_SCENARIO_BY_LABEL = {scenario.zh: scenario.value for scenario in Scenario}

ScenarioField = Annotated[
    str,
    BeforeValidator(_to_scenario),
    WithJsonSchema(
        {
            "type": "string",
            "minLength": 1,
            "description": "a drill scenario; the usual ones: " + ", ".join(s.value for s in Scenario),
            "examples": [s.value for s in Scenario],
        }
    ),
]


def empty_list() -> Any:
    """An optional list, empty by default. A list default (`= []`) is deep-copied for every model
    built, which costs a checked tree of 50,000 plans seconds; a factory does not, and the schema still
    says `"default": []`."""
    return Field(default_factory=list, json_schema_extra={"default": []})
