"""The plancheck document model (FORMAT.md), in pydantic v2: the single source of truth in code."""

from __future__ import annotations

from typing import Annotated, Literal

from pydantic import BaseModel, BeforeValidator, ConfigDict, Field, StringConstraints, WithJsonSchema, model_validator

from .checks import requirement_union
from .fields import PlanDate, ScenarioField, WeekdayField, empty_list
from .vocab import ActivityKind, ContactRole, Level, ReportKind, Sector

DOCUMENT_FORMAT = "plancheck/v1"

DocumentId = Annotated[str, StringConstraints(pattern=r"^[a-z0-9][a-z0-9-]*$")]
Text = Annotated[str, StringConstraints(min_length=1)]


class Strict(BaseModel):
    model_config = ConfigDict(extra="forbid", use_enum_values=False, frozen=True)


class Period(Strict):
    start: PlanDate
    end: PlanDate


class Campaign(Strict):
    name: Text
    start: PlanDate | None = None
    end: PlanDate | None = None


class Person(Strict):
    """Real notices often name an office holder without a name: a name or a title is enough."""

    name: Text | None = None
    title: Text | None = None

    @model_validator(mode="after")
    def _name_or_title(self) -> Person:
        if self.name is None and self.title is None:
            raise ValueError("a person needs a name or a title")
        return self


class LeadingGroup(Strict):
    leader: Person | None = None
    deputies: list[Person] = empty_list()
    members: list[Person] = empty_list()
    office: Text | None = None


def _phone_text(value):
    # An unquoted 13905951234 in YAML is a number; it is still a phone number.
    return str(value) if isinstance(value, int) and not isinstance(value, bool) else value


PhoneField = Annotated[
    str,
    BeforeValidator(_phone_text),
    WithJsonSchema({"anyOf": [{"type": "string"}, {"type": "integer"}], "description": "a mobile or a landline with area code"}),
]


class Contact(Strict):
    name: Text | None = None
    role: ContactRole = ContactRole.LIAISON
    phone: PhoneField | None = None
    email: str | None = None


class Activity(Strict):
    id: DocumentId | None = None
    kind: ActivityKind
    title: str | None = None
    date: PlanDate | None = Field(default=None, description="a single day; or start/end for a span")
    start: PlanDate | None = None
    end: PlanDate | None = None
    sector: Sector | None = None
    sectors: list[Sector] = empty_list()
    scenarios: list[ScenarioField] = empty_list()
    responsible: str | None = None
    held_on: PlanDate | None = Field(default=None, description="filled in afterwards: the day it really took place")
    evidence: list[str] = empty_list()
    notes: str | None = None

    @property
    def all_sectors(self) -> list[Sector]:
        found = list(self.sectors)
        if self.sector is not None and self.sector not in found:
            found.append(self.sector)
        return found


class Report(Strict):
    kind: ReportKind
    title: str | None = None
    due: PlanDate | None = None
    weekday: WeekdayField | None = Field(default=None, description="for a recurring report: the day of the week")
    from_: PlanDate | None = Field(default=None, alias="from")
    to: PlanDate | None = None
    submitted_on: PlanDate | None = None
    notes: str | None = None

    model_config = ConfigDict(extra="forbid", frozen=True, populate_by_name=True)


class Subordinate(Strict):
    id: DocumentId
    org: Text
    level: Level | None = None


class Plan(Strict):
    """An organization's plan for the month; its `requirements:` are the rules for the level below."""

    format: Literal["plancheck/v1"]
    id: DocumentId
    org: Text
    level: Level
    year: int = Field(ge=2000, le=2100)
    title: str | None = None
    edition: int | None = Field(default=None, ge=1, le=200)
    doc_no: Text | None = None
    cites: list[Text] = empty_list()
    superior: Text | None = None
    theme: Text | None = None
    period: Period | None = None
    submitted_on: PlanDate | None = None
    campaigns: list[Campaign] = empty_list()
    leading_group: LeadingGroup | None = None
    contacts: list[Contact] = empty_list()
    activities: list[Activity] = empty_list()
    reports: list[Report] = empty_list()
    requirements: list[requirement_union()] = empty_list()  # type: ignore[valid-type]
    packs: list[Annotated[str, StringConstraints(pattern=r"^[a-z0-9][a-z0-9-]*$")]] = empty_list()
    subordinates: list[Subordinate] = empty_list()
