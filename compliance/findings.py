"""What a check reports: a finding, pointing at a place in a file."""

from __future__ import annotations

from dataclasses import dataclass

from .vocab import Severity


@dataclass(frozen=True)
class Location:
    path: str
    line: int
    column: int
    field: str

    def __str__(self) -> str:
        return f"{self.path}:{self.line}:{self.column} {self.field or '/'}"


@dataclass(frozen=True)
class Bilingual:
    zh: str
    en: str

    def get(self, lang: str) -> str:
        return self.zh if lang == "zh" else self.en


@dataclass(frozen=True)
class Finding:
    document: str
    rule: str
    type: str
    severity: Severity
    message: Bilingual
    basis: str
    location: Location
    fix: Bilingual

    def sort_key(self) -> tuple:
        return (self.location.path, self.location.line, self.location.column, self.rule, self.message.en)
