"""Deadlines for reports: what the level below must send, and when."""

from __future__ import annotations

import re

from .clauses import sentences
from .dates import days_in, weekday_in
from .draft import Draft, Sourced
from .reader import Line

REPORT_KINDS = [
    ("campaign_summary", re.compile(r"(?:行|专项行动)[”\"」]?\s*(?:活动)?总结")),
    ("liaison_form", re.compile(r"联络员(?:反馈|回执|信息)?表")),
    ("statistics", re.compile(r"统计表")),
    ("summary", re.compile(r"总结")),
    ("plan", re.compile(r"(?:活动|实施|工作)?方案")),
    ("progress", re.compile(r"进展情况|进展|印证资料|工作动态|活动信息")),
    ("cases", re.compile(r"典型案例")),
]
DUE = re.compile(r"(?:于|在)?\s*(?P<when>(?:[12][0-9]{3}\s*年\s*)?[0-9]{1,2}\s*月\s*[0-9]{1,2}\s*日)\s*(?:前|之前|以前)")


def find_reports(lines: list[Line], draft: Draft, year: int, clauses: dict[int, str]) -> None:
    for line in lines:
        for sentence, _ in sentences(line):
            if not re.search(r"报送|前报|上报|报\s*[“\"《]", sentence):
                continue
            # several deadlines in one sentence: 5月30日前报送活动方案；7月1日前报送…总结、《统计表》
            for piece in re.split(r"[；;]", sentence):
                due_match = DUE.search(piece)
                if due_match:
                    days = days_in(due_match["when"], year)
                    if not days:
                        continue
                    due = days[0][0]
                    tail = re.split(r"同时|[，,]\s*(?:并|另)|(?:于|在)?\s*[0-9]{1,2}\s*月\s*[0-9]{1,2}\s*日|每(?:周|星期)", piece[due_match.end():])[0]
                    if "连同" in tail:  # 制定具体活动方案，于6月20日前连同…反馈表报送: the plan goes too
                        tail = piece[max(0, due_match.start() - 16): due_match.start()] + tail
                    kinds = [k for k, pattern in REPORT_KINDS if pattern.search(tail)]
                    if "campaign_summary" in kinds:
                        kinds = [k for k in kinds if k != "summary"]
                    if "plan" in kinds and re.search(r"方案.{0,4}(要求|精神)", tail):
                        kinds.remove("plan")
                    for kind in dict.fromkeys(kinds):
                        draft.requirements.append(Sourced({"type": "report_due", "report": kind, "due": due,
                                                           "basis": clauses.get(line.number, "")}, line.number, piece.strip()[:40]))
                weekday = weekday_in(piece)
                if weekday and re.search(REPORT_KINDS[5][1], piece) or (weekday and "报送" in piece):
                    draft.requirements.append(Sourced({"type": "recurring_report", "report": "progress", "weekday": weekday,
                                                       "basis": clauses.get(line.number, "")}, line.number, piece.strip()[:40]))
