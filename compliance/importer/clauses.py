"""Clause numbers (五（3）9) and sentences of a notice."""

from __future__ import annotations

import re
from datetime import date

from .dates import spans_in
from .reader import Line

CN_NUMBERS = "零一二三四五六七八九十"
HEADING_1 = re.compile(rf"^\s*([{CN_NUMBERS}]{{1,3}})\s*[、.．]?\s*(?=\S)")
HEADING_2 = re.compile(rf"^\s*[（(]\s*([{CN_NUMBERS}]{{1,3}}|[0-9]{{1,2}})\s*[）)]")
HEADING_3 = re.compile(r"^\s*([0-9]{1,2})\s*[.．、]\s*(?=\S)")
# 附件1 / 附件 2 / 附件一 alone on its line: an attachment after the signature, whose rows are its own clause
# 三、 / （二） / 4. : a numbered heading of any level at the start of a line (not 6.16, a date)
NUMBERED_HEADING = re.compile(r"^\s*(?:[一二三四五六七八九十]+\s*[、.．]|[（(]\s*[一二三四五六七八九十0-9]{1,2}\s*[）)]|[0-9]{1,2}\s*[、.．](?![0-9]))")
ATTACHMENT = re.compile(r"^\s*附件\s*([0-9]{1,2}|[一二三四五六七八九十]{1,2})?\s*[:：]?\s*$")


def clause_of_lines(lines: list[Line]) -> dict[int, str]:
    """The clause number (五（3）9, 七（二）) that each line falls under."""
    current = ["", "", ""]
    clauses: dict[int, str] = {}
    for line in lines:
        text = line.text
        if match := ATTACHMENT.match(text):
            current = [f"附件{match.group(1) or ''}", "", ""]
        elif (match := HEADING_1.match(text)) and len(text) < 60 and not HEADING_2.match(text):
            current = [match.group(1), "", ""]
        elif match := HEADING_2.match(text):
            current = [current[0], f"（{match.group(1)}）", ""]
        elif match := HEADING_3.match(text):
            current = [current[0], current[1], match.group(1)]
        clauses[line.number] = "".join(current)
    return clauses


def sentences(line: Line) -> list[tuple[str, int]]:
    parts, start = [], 0
    for match in re.finditer(r"[。；;！!]", line.text):
        parts.append((line.text[start:match.end()], start))
        start = match.end()
    if start < len(line.text):
        parts.append((line.text[start:], start))
    return [(s, o) for s, o in parts if s.strip()]


PHASE_HEADING = re.compile(rf"^\s*第[{CN_NUMBERS}]{{1,2}}阶段")
BRACKETED = re.compile(r"[（(]([^（）()]{4,30})[）)]")


def _heading_span(text: str, year: int) -> tuple[date, date] | None:
    """（一）宣传发动阶段（6月1日—6月10日）: the span in a short heading's brackets."""
    if len(text.strip()) > 40:
        return None
    for inner in BRACKETED.findall(text):
        if spans := spans_in(inner, year):
            return spans[0][0], spans[0][1]
    return None


def heading_spans(lines: list[Line], year: int) -> dict[int, tuple[date, date]]:
    """The span each line falls under, when its heading (一、 or （一）) gives one."""
    outer: tuple[date, date] | None = None
    inner: tuple[date, date] | None = None
    found: dict[int, tuple[date, date]] = {}
    for line in lines:
        text = line.text
        if HEADING_1.match(text) and len(text) < 60 and not HEADING_2.match(text):
            outer, inner = _heading_span(text, year), None
        elif (match := HEADING_2.match(text)) and not match.group(1).isdigit():  # （1） is an item, not a phase
            inner = _heading_span(text, year)
        elif PHASE_HEADING.match(text):  # 第二阶段  集中开展（6月1日—6月25日）: a phase heading with no number of its own
            inner = _heading_span(text, year)
        if span := inner or outer:
            found[line.number] = span
    return found
