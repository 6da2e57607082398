"""A notice's own schedule table (序号 | 活动内容 | 时间 | 责任单位), as tab-separated text or a .docx table."""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Any

from .activities import activity_window, add_activity, drill_scenarios, kind_of, school_sector, when_in
from .draft import Draft, Sourced
from .reader import Line
from .vocabulary import DRILL_SUBJECTS, SECTOR_WORDS

CONTENT_HEADER = re.compile(r"(?:活动|工作)?(?:内容|项目|名称|事项)")
TIME_HEADER = re.compile(r"时间|日期|时限")


@dataclass
class Row:
    line: Line
    content: str
    time: str
    others: str = ""  # the remaining cells: who is responsible, who takes part


def schedule_rows(lines: list[Line]) -> list[Row]:
    """Every row under a header that names a content column and a time column."""
    rows: list[Row] = []
    columns: tuple[int, int] | None = None
    for line in lines:
        cells = [cell.strip() for cell in line.text.split("\t")]
        if len(cells) < 3:
            columns = None
            continue
        content = next((i for i, cell in enumerate(cells) if CONTENT_HEADER.fullmatch(cell)), None)
        time = next((i for i, cell in enumerate(cells) if TIME_HEADER.search(cell) and len(cell) <= 6), None)
        if content is not None and time is not None:
            columns = (content, time)
        elif columns and max(columns) < len(cells):
            rest = "、".join(cell for i, cell in enumerate(cells) if i not in columns and not cell.isdigit())
            rows.append(Row(line, cells[columns[0]], cells[columns[1]], rest))
    return rows


def _row_sectors(kind: str, row: Row) -> list[str]:
    """安全宣传进社区、进企业…: the sectors it names; a drill by 各社区 is the communities'; 企业员工 training is the enterprises'."""
    named = {name: m.start() for name, words in SECTOR_WORDS if (m := re.search(rf"进(?:{words})", row.content))}
    if named:
        return sorted(named, key=named.get)
    if kind == "drill":
        if sector := school_sector(row.content):
            return [sector]
        return [name for name, words in DRILL_SUBJECTS if re.search(rf"各(?:{words})", row.others)]
    if re.search(r"企业(?:员工|职工)", row.content):
        return ["enterprise"]
    return []


def find_schedule_activities(rows: list[Row], draft: Draft, year: int) -> None:
    """One activity for each row of a kind the vocabulary knows, dated by its time cell."""
    for row in rows:
        found = kind_of(row.content)
        if not found:
            continue
        kind = found[0]
        value: dict[str, Any] = {"kind": kind}
        if row.time:
            when = when_in(row.time, year, draft.issued)
            if when is None:
                continue  # a time the importer cannot read (即日起 in an undated notice): left to the clerk
            value.update(activity_window(when[0]))
        if sectors := _row_sectors(kind, row):
            value["sectors"] = sectors
        if kind == "drill":
            value["scenarios"] = drill_scenarios(row.content)
        add_activity(draft, Sourced(value, row.line.number, row.content[:40]))
