"""What a check reports: a finding, pointing at a place in a file."""

from __future__ import annotations

import hashlib
from dataclasses import dataclass, field
from datetime import date

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
    # What tells apart findings of one rule at one field (the missing sector, the drill scenario).
    detail: str = ""
    waiver: Waiver | None = field(default=None, compare=False)
    in_baseline: bool = field(default=False, compare=False)

    def sort_key(self) -> tuple:
        return (self.location.path, self.location.line, self.location.column, self.rule, self.detail, self.message.en)

    @property
    def fingerprint(self) -> str:
        """Stable across edits that move lines: document id, requirement id, field (and detail)."""
        key = "\x1f".join([self.document, self.rule, self.location.field, self.detail])
        return hashlib.sha256(key.encode("utf-8")).hexdigest()[:16]

    @property
    def waived(self) -> bool:
        return self.waiver is not None and not self.waiver.expired

    @property
    def counts(self) -> bool:
        """Whether the finding counts towards the exit code: not waived, and new against a baseline."""
        return not self.waived and not self.in_baseline


@dataclass(frozen=True)
class Waiver:
    """A gap accepted on purpose: written down with a reason, a name and an expiry date."""

    document: str
    rule: str
    justification: str
    approved_by: str
    expires: date
    expired: bool = False
    path: str = ""
    line: int = 0
