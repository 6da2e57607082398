"""Errors a user can cause. Each names the file, the line and the field, and maps to exit code 2."""

from __future__ import annotations

import unicodedata
from dataclasses import dataclass

_UNPRINTABLE = {"Cc", "Cf", "Cs", "Co", "Cn", "Zl", "Zp"}  # controls, invisible format marks, line separators
_ESCAPES = {"\n": "\\n", "\r": "\\r", "\t": "\\t"}


def shorten(text: str, limit: int = 120) -> str:
    """A value quoted in a message: its start and its end when it is long (a 5000-character path)."""
    return text if len(text) <= limit else f"{text[: limit - 25]}…{text[-20:]}"


def one_line(text: str, limit: int) -> str:
    """`text` safe for one line of a terminal: invisible and control characters escaped, clipped to `limit`."""
    if len(text) > limit:
        text = text[: limit - 1] + "…"
    if text.isprintable():
        return text
    out = []
    for char in text:
        if char == " " or unicodedata.category(char) not in _UNPRINTABLE:
            out.append(char)
        elif char in _ESCAPES:
            out.append(_ESCAPES[char])
        else:
            code = ord(char)
            out.append(f"\\x{code:02x}" if code < 0x100 else f"\\u{code:04x}" if code < 0x10000 else f"\\U{code:08x}")
    return "".join(out)


@dataclass(frozen=True)
class Problem:
    """One thing wrong with an input, at one place."""

    path: str
    message: str
    line: int | None = None
    column: int | None = None
    field: str | None = None
    code: str = "invalid"

    def __str__(self) -> str:
        """`path:line:column: field message [code]`, always one line, whatever the input held."""
        where = one_line(self.path, 300)
        if self.line is not None:
            where += f":{self.line}:{self.column or 1}"
        field = f" {one_line(self.field, 200)}" if self.field else ""
        return f"{where}:{field} {one_line(self.message, 600)} [{self.code}]"


class PlancheckError(Exception):
    """An input plancheck cannot use. Carries one or more problems."""

    code = "plancheck-error"

    def __init__(self, *problems: Problem):
        self.problems = list(problems)
        super().__init__("\n".join(str(p) for p in problems))


class InputError(PlancheckError):
    """A file that cannot be read or parsed: missing, not UTF-8, malformed YAML or JSON."""


class DocumentError(PlancheckError):
    """A file that parses but is not a valid document: unknown field, wrong type, impossible date."""


class ResolveError(PlancheckError):
    """A superior or a pack that cannot be found, or a cycle of superiors."""


class RuleError(PlancheckError):
    """A requirement that cannot be evaluated as written (a theme rule with no theme to compare)."""


class EngineError(Exception):
    """The rule engine failed. Never the user's fault; reported with the document it was checking."""
