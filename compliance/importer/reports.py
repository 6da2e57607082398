"""Deadlines for reports: what the level below must send, and when."""

from __future__ import annotations

import re
from datetime import date

from .clauses import sentences
from .dates import days_in, weekday_in
from .draft import Draft, Sourced
from .reader import Line

REPORT_KINDS = [
    ("campaign_summary", re.compile(r"(?:行|专项行动)[”\"」]?\s*(?:活动)?总结")),
    ("liaison_form", re.compile(r"联络员(?:反馈表|回执|信息表|登记表|名单|表)")),
    ("statistics", re.compile(r"统计表")),
    ("summary", re.compile(r"总结")),
    ("plan", re.compile(r"(?:活动|实施|工作)?方案")),
    ("progress", re.compile(r"进展情况|进展|印证资料|工作动态|活动信息|开展情况")),
    ("cases", re.compile(r"典型案例")),
]
DUE = re.compile(r"(?:于|在)?\s*(?P<when>(?:[12][0-9]{3}\s*年\s*)?[0-9]{1,2}\s*月\s*[0-9]{1,2}\s*日)\s*(?:前|之前|以前)")
SENDS = re.compile(r"(?<![举海简快情])报(?!道|名|刊|纸|警)")
NEXT_PART = re.compile(r"同时|[，,]\s*(?:并|另)|(?:于|在)?\s*[0-9]{1,2}\s*月\s*[0-9]{1,2}\s*日|每(?:周|星期)")
# 市安委办将于7月10日前将全市活动总结报省安委办: the issuer's own report, not an order to the level below
# 区教育局将于7月8日前将全区教育系统活动总结报区安委办 / 街道应急办于7月2日前将街道活动总结报区安委办
OWN_REPORT = re.compile(r"(?:全[市县区镇乡旗州盟][\u4e00-\u9fa5]{0,6}?|全街道|街道|集团|全公司|本级)(?:活动|工作)?总结")


def _kinds(text: str) -> list[str]:
    kinds = [k for k, pattern in REPORT_KINDS if pattern.search(text)]
    if "campaign_summary" in kinds:
        kinds = [k for k in kinds if k != "summary"]
    if "plan" in kinds and re.search(r"方案.{0,4}(要求|精神)", text):
        kinds.remove("plan")
    return list(dict.fromkeys(kinds))


def _deadlines(piece: str, year: int) -> list[tuple[date, list[str]]]:
    """Each deadline in a piece of a sentence, with the kinds of report due on it."""
    found = []
    matches = list(DUE.finditer(piece))
    for index, match in enumerate(matches):
        days = days_in(match["when"], year)
        if not days:
            continue
        stop = matches[index + 1].start() if index + 1 < len(matches) else len(piece)
        tail = NEXT_PART.split(piece[match.end():stop])[0]
        if "连同" in tail:  # 制定具体活动方案，于6月20日前连同…反馈表报送: the plan goes too
            tail = piece[max(0, match.start() - 16): match.start()] + tail
        kinds = _kinds(tail)
        if not kinds and SENDS.match(tail.strip()):  # 制定本单位活动方案，于6月5日前报镇应急办: the object comes first
            kinds = _kinds(piece[max(0, match.start() - 20): match.start()])
        found.append((days[0][0], kinds))
    return found


def find_reports(lines: list[Line], draft: Draft, year: int, clauses: dict[int, str]) -> None:
    required: set[str] = set()
    for line in lines:
        for sentence, _ in sentences(line):
            if not SENDS.search(sentence):
                continue
            for piece in re.split(r"[；;]", sentence):
                basis, phrase = clauses.get(line.number, ""), piece.strip()[:40]
                own = OWN_REPORT.search(piece) and "各" not in piece[: piece.find("总结")]
                for due, kinds in _deadlines(piece, year):
                    for kind in kinds:
                        if own:
                            draft.reports.append(Sourced({"kind": kind, "due": due}, line.number, phrase))
                        elif kind not in required:  # the same report due again later is implied by the first
                            required.add(kind)
                            draft.requirements.append(Sourced({"type": "report_due", "report": kind, "due": due, "basis": basis}, line.number, phrase))
                weekday = weekday_in(piece)
                if weekday and SENDS.search(piece):
                    draft.requirements.append(Sourced({"type": "recurring_report", "report": "progress", "weekday": weekday,
                                                       "basis": basis}, line.number, phrase))
