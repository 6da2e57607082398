"""The XLSX format: the committee's statistics table, built by `xlsx_book` (openpyxl, loaded only when asked for)."""

from __future__ import annotations

from typing import BinaryIO

from . import formatter


@formatter("xlsx", "an XLSX workbook shaped like the committee's statistics table", binary=True, suffix=".xlsx")
def render(report, stream: BinaryIO, *, lang: str) -> None:
    from ..audit import Audit, audit_from_report
    from .xlsx_book import to_bytes, workbook

    audit = report if isinstance(report, Audit) else audit_from_report(report)
    stream.write(to_bytes(workbook(audit, lang=lang)))
