"""What the extractor finds: each value with the line and phrase it came from."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import date
from typing import Any

QUOTED = re.compile(r"[“\"「『]([^”\"」』]{2,60})[”\"」』]")


@dataclass
class Sourced:
    value: Any
    line: int
    phrase: str


@dataclass
class Draft:
    fields: dict[str, Sourced] = field(default_factory=dict)
    cites: list[Sourced] = field(default_factory=list)
    campaigns: list[Sourced] = field(default_factory=list)
    leading_group: dict[str, Any] = field(default_factory=dict)
    contacts: list[Sourced] = field(default_factory=list)
    activities: list[Sourced] = field(default_factory=list)
    reports: list[Sourced] = field(default_factory=list)
    requirements: list[Sourced] = field(default_factory=list)
    todos: list[Sourced] = field(default_factory=list)  # what was seen but cannot be filled in: left to the clerk
    issued: date | None = None  # the day the notice is dated: what 即日起 means

    def value(self, name: str, default=None):
        found = self.fields.get(name)
        return found.value if found else default


def quote(text: str, start: int = 0, end: int | None = None, width: int = 36) -> str:
    end = len(text) if end is None else end
    low = max(0, start - 6)
    high = min(len(text), max(end, start + width))
    return text[low:high].strip()
