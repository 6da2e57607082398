"""Output formats: one module each, all behind one call, `render(report, stream, lang=...)`."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Callable, TextIO

from ..run import Report

Render = Callable[..., None]


@dataclass(frozen=True)
class Formatter:
    name: str
    description: str
    render: Render  # render(report: Report, stream: TextIO, *, lang: str) -> None
    binary: bool = False  # writes bytes (a binary stream), so only to a file
    suffix: str = ""
    audit_view: bool = False  # renders an Audit itself; otherwise it is given the audit's check report


FORMATTERS: dict[str, Formatter] = {}


def formatter(
    name: str, description: str, *, binary: bool = False, suffix: str = "", audit_view: bool = False
) -> Callable[[Render], Render]:
    """Register a render function as the output format `name`."""

    def register(render: Render) -> Render:
        if name in FORMATTERS:
            raise ValueError(f"output format {name!r} is registered twice")
        FORMATTERS[name] = Formatter(name, description, render, binary, suffix, audit_view)
        return render

    return register


def render(subject, stream: TextIO, *, format_name: str, lang: str) -> None:
    """Render a check `Report`, or an `Audit` (formats without an audit view get its check report)."""
    chosen = FORMATTERS[format_name]
    if not chosen.audit_view and not isinstance(subject, Report):
        subject = subject.report
    chosen.render(subject, stream, lang=lang)


from . import github, html, json_report, junit, markdown, sarif, table, xlsx  # noqa: E402,F401  (each registers itself)
