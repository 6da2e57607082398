"""Clause numbers (五（3）9) and sentences of a notice."""

from __future__ import annotations

import re

from .reader import Line

CN_NUMBERS = "零一二三四五六七八九十"
HEADING_1 = re.compile(rf"^\s*([{CN_NUMBERS}]{{1,3}})\s*[、.．]?\s*(?=\S)")
HEADING_2 = re.compile(rf"^\s*[（(]\s*([{CN_NUMBERS}]{{1,3}}|[0-9]{{1,2}})\s*[）)]")
HEADING_3 = re.compile(r"^\s*([0-9]{1,2})\s*[.．、]\s*(?=\S)")


def clause_of_lines(lines: list[Line]) -> dict[int, str]:
    """The clause number (五（3）9, 七（二）) that each line falls under."""
    current = ["", "", ""]
    clauses: dict[int, str] = {}
    for line in lines:
        text = line.text
        if (match := HEADING_1.match(text)) and len(text) < 60 and not HEADING_2.match(text):
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
