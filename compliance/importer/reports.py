"""Deadlines for reports: what the level below must send, and when, and what the issuer itself sends up."""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date

from .clauses import sentences
from .dates import days_in, month_parts_in, weekday_in
from .draft import Draft, Sourced
from .reader import Line
from .recipients import is_superior, recipient_in

REPORT_KINDS = [
    # “安全生产罗岭行”活动总结 / 专项行动总结 / “电梯安全守护行动”工作总结 (a quoted action's own summary)
    # (燃气安全专项整治工作总结 / “百日安全行车”竞赛活动总结: the summary of a campaign named as a 专项整治 or a 竞赛 of its own)
    ("campaign_summary", re.compile(r"(?:(?:行|专项行动|专项整治)[”\"」]?|行动[”\"」]|[”\"」]竞赛)\s*(?:活动|专项|工作)?总结")),
    ("liaison_form", re.compile(r"联络员(?:反馈表|回执|信息表|登记表|名单|表|信息|姓名)|(?:明确|确定|指定|落实)\s*[1一]\s*名[^，。；]{0,10}联络员")),
    ("statistics", re.compile(r"统计表|报表")),
    ("summary", re.compile(r"总结")),
    # (本单位活动安排报安全质量部: a unit's schedule of its own activities is its plan)
    # (于5月31日前将本学院活动安排报保卫处: any unit's own, 本 and its name)
    ("plan", re.compile(r"(?:活动|实施|工作)?方案|(?:本[\u4e00-\u9fa5]{1,4}?|具体)(?:的)?活动安排")),
    ("progress", re.compile(r"进展情况|进展|印证资料|工作动态|活动信息|工作信息|开展情况|周报|简报")),
    ("cases", re.compile(r"典型案例")),
]
WHEN = r"(?:[12][0-9]{3}\s*年\s*)?[0-9]{1,2}\s*月\s*(?:[0-9]{1,2}\s*[日号]|底|末|上旬|中旬|下旬)"
# 7月5日（星期五）下午5时前 / 7月3日12:00前 / 6月28日下班前: the hour does not move the day
CLOCK = (r"(?:\s*[（(]\s*(?:星期|周)[一二三四五六日天]\s*[）)])?"
         r"(?:\s*(?:上午|下午|中午|晚上)?\s*[0-9]{1,2}\s*(?:[:：]\s*[0-9]{2}|时|点)(?:\s*[0-9]{1,2}\s*分)?|\s*下班)?")
SEND_WORD = r"(?:报送|上报|提交|(?<![举海简快情])报(?!道|名|刊|纸|警))"
# 于7月3日前 / 6月底前 / 7月5日之前 / 6月中旬前: a deadline; 请于7月5日将总结报送…: a day to send on is one too
DUE = re.compile(rf"(?:于|在)?\s*(?P<when>{WHEN}){CLOCK}\s*(?:前|之前|以前)"
                 rf"|(?<=于)\s*(?P<on>{WHEN}){CLOCK}(?=\s*[^，,。；;]{{0,20}}?{SEND_WORD})"
                 rf"|(?:截止|截至)(?:时间|日期)?\s*(?:为|是|：|:)?\s*(?P<by>{WHEN})")
SENDS = re.compile(r"(?<![举海简快情通])报(?!道|名|刊|纸|警)|送(?:至|达|交)|提交|上传")
NEXT_PART = re.compile(r"同时|[，,]\s*(?:并|另)|(?:于|在)?\s*[0-9]{1,2}\s*月\s*[0-9]{1,2}\s*日|每(?:周|星期|月)")
# 同时报送典型案例1个 / 并附统计表 / 并推荐1个典型案例: more of what is due that day, not another deadline
CONTINUES = re.compile(r"(?:同时|[，,]\s*(?:并|另|同时))\s*(?:附|报送|上报|提交|报|推荐|推送)")
# 请各单位… / 各乡镇…: the level below is told to send; 县安委办将…: the issuer sends
ORDERED = re.compile(r"请|各")
# 市安委办将于7月10日前将全市活动总结报省安委办: the issuer's own report, not an order to the level below
# 区教育局将于7月8日前将全区教育系统活动总结报区安委办 / 街道应急办于7月2日前将街道活动总结报区安委办
OWN_REPORT = re.compile(r"(?:全[市县区镇乡旗州盟][\u4e00-\u9fa5]{0,6}?|全街道|街道|集团(?:公司)?|全公司|本级)(?:活动|工作)?(?:总结|开展情况)")
# the issuer named as the subject of a deadline: 市局于… / 县卫健委于… / 区安监局汇总后于… / 集团公司于…
ISSUER_SUBJECT = re.compile(r"(?P<place>[市县区镇乡旗州盟]|街道)[\u4e00-\u9fa5]{0,8}?(?:局|委|办|办公室|政府|办事处|股|科|中心)"
                            r"|(?P<company>集团公司|集团|公司)|本级|我(?:局|委|办)")
SUBJECT_PADDING = re.compile(r"(?:汇总后|统一|将|要|并|再|负责)+$")
GATHERS_SITUATION = re.compile(r"汇总[^，,。；;]{0,12}情况")
WEEKLY = re.compile(r"每(?:周|星期)|周报")
LISTED_DAYS = re.compile(r"\s*[、和及]\s*")


@dataclass
class Deadline:
    due: date
    kinds: list[str]
    start: int
    own: bool


# 总结要包括活动开展情况、隐患排查整改情况…: what a report must contain is not another report
CONTENTS = re.compile(r"(?:总结|内容|材料)[^，,。；;]{0,4}?(?:要|应|须)?(?:包括|包含|涵盖)")


def _kinds(text: str) -> list[str]:
    if contents := CONTENTS.search(text):
        text = text[:contents.start() + 2]
    kinds = [k for k, pattern in REPORT_KINDS if pattern.search(text)]
    if "campaign_summary" in kinds:
        kinds = [k for k in kinds if k != "summary"]
    if "plan" in kinds and re.search(r"方案.{0,4}(要求|精神)", text):
        kinds.remove("plan")
    return list(dict.fromkeys(kinds))


def _due_day(when: str, year: int) -> date | None:
    """7月5日 is that day; 6月底 and 6月中旬 are the last day of that part of the month."""
    if days := days_in(when, year):
        return days[0][0]
    parts = month_parts_in(when, year)
    return parts[0][1] if parts else None


def _subject_before(piece: str, at: int) -> str:
    """The words between the last comma and a deadline: who is to send."""
    head = re.split(r"[，,：:]", piece[:at])[-1]
    return SUBJECT_PADDING.sub("", re.sub(r"^\s*[（(][一二三四五六七八九十0-9]+[）)]|^\s*[0-9]+[.．、]", "", head).strip())


def is_issuer(subject: str, org: str) -> bool:
    """市局 of 鹤岭市应急管理局, 县卫健委 of 赣源县卫生健康委员会, 集团公司 of a group: the notice's own issuer."""
    if not subject or "各" in subject or "请" in subject:
        return False
    match = ISSUER_SUBJECT.fullmatch(subject)
    if not match:
        return False
    if match["place"]:
        return match["place"] in org
    if match["company"]:
        return bool(re.search(r"公司|集团", org))
    return True


def _tail(after: str) -> tuple[str, str]:
    """What follows a deadline up to the next part of the sentence, and what 同时报送典型案例 / 并附统计表 add to it."""
    stop = NEXT_PART.search(after)
    tail, more_text = (after[:stop.start()] if stop else after), ""
    while stop and (more := CONTINUES.match(after, stop.start())):
        stop = NEXT_PART.search(after, more.end())
        more_text += after[more.start(): stop.start() if stop else len(after)]
    return tail, more_text


def _up_to_next_object(between: str) -> str:
    """…报安全监察部，“北疆行”活动总结于12月31日前上报: a report named after the last comma before the next deadline
    is that deadline's object."""
    comma = max(between.rfind("，"), between.rfind(","))
    return between[:comma] if comma >= 0 and _kinds(between[comma + 1:]) else between


def _deadlines(piece: str, year: int, org: str, level: str | None, history: list[Deadline]) -> list[Deadline]:
    """Each deadline in a piece of a sentence, with the kinds of report due on it and whether the issuer sends it."""
    found: list[Deadline] = []
    matches = list(DUE.finditer(piece))
    for index, match in enumerate(matches):
        due = _due_day(match["when"] or match["on"] or match["by"], year)
        if not due:
            continue
        stop = matches[index + 1].start() if index + 1 < len(matches) else len(piece)
        run = index  # 市安委办汇总后，分别于7月5日前、12月20日前报省安委办: days listed with 、 share what follows the last of them
        while run + 1 < len(matches) and LISTED_DAYS.fullmatch(piece[matches[run].end():matches[run + 1].start()]):
            run += 1
        listed = run > index or bool(index and LISTED_DAYS.fullmatch(piece[matches[index - 1].end():match.start()]))
        if run > index:
            stop = matches[run + 1].start() if run + 1 < len(matches) else len(piece)
            tail, more = _tail(piece[matches[run].end():stop])
        else:
            tail, more = _tail(_up_to_next_object(piece[match.end():stop]) if stop < len(piece) else piece[match.end():stop])
        if "连同" in tail:  # 制定具体活动方案，于6月20日前连同…反馈表报送: the plan goes too
            tail = piece[max(0, match.start() - 16): match.start()] + tail
        if not SENDS.search(tail) and not SENDS.search(piece[max(0, match.start() - 20): match.start()]):
            continue  # 6月20日前全部整改到位: a deadline for work, not for a report
        kinds = _kinds(tail)
        # 制定本单位活动方案，于6月5日前报镇应急办 / 活动总结报送截止时间为7月5日: the object comes first
        if not kinds and (SENDS.search(tail.strip()[:4]) or not SENDS.search(tail)):
            before_it = piece[max(0, match.start() - 20): match.start()]
            # …和1个典型案例报送县安委办，县安委办将于…: what a sending verb of an earlier clause sent went with it
            if (sent := list(SENDS.finditer(before_it))) and re.search(r"[，,]", before_it[sent[-1].end():]):
                before_it = before_it[sent[-1].end():]
            kinds = _kinds(before_it)
            if not kinds and re.match(r"\s*(?:一并|一同|一起)", tail):
                # 填写联络员回执（附件1），注明办公电话和手机号码，于5月28日前一并报送: what the sentence named before, sent together
                kinds = _kinds(piece[matches[index - 1].end() if index else 0: match.start()])
            if not kinds and "liaison_form" in _kinds(piece[matches[index - 1].end() if index else 0: match.start()]):
                # 各单位要明确1名联络员，填写联络员回执（附件1，含姓名、职务、手机号码），于5月31日前报送…: the liaison's details,
                # named clauses before the day they are sent by
                kinds = ["liaison_form"]
        kinds += [kind for kind in _kinds(more) if kind not in kinds]
        tail += more
        subject = _subject_before(piece, match.start())
        if match.start() < 4 or not subject:  # 7月3日前，各县（市）区应急管理局将…: the subject follows the deadline
            subject = SUBJECT_PADDING.sub("", re.split(r"将|报|于", tail.lstrip("，, "))[0])
        since = matches[index - 1].end() if index else 0
        ordered = bool(ORDERED.search(piece[since:match.start()]) or ORDERED.search(subject))
        recipient = recipient_in(tail)
        if not recipient and not subject and not ordered and "各" not in piece[since:match.start()]:
            # 社区于每周三下午向街道应急办报送一次工作进展，6月25日前报送活动总结: no new sender nor recipient, so the
            # same body sends it to the same one
            recipient = recipient_in(piece[since:match.start()])
        # 县安委办将汇总…，于7月5日前报市安委办: sent up by the issuer, unless another body is named as sending it
        another_sender = bool(ISSUER_SUBJECT.fullmatch(subject)) and not is_issuer(subject, org)
        upward = bool(recipient) and not ordered and not another_sender and is_superior(recipient, org, level)
        own = upward or is_issuer(subject, org) or bool(OWN_REPORT.search(tail) and "各" not in subject)
        gathers = GATHERS_SITUATION.search(piece[since:match.start()]) or GATHERS_SITUATION.search(tail)
        if own and kinds == ["progress"] and gathers and not WEEKLY.search(piece):
            # 乡政府将汇总全乡活动开展情况，于6月30日前报县安委办: the whole area's account sent up once is its summary
            kinds = ["summary"]
        if own and not kinds and gathers:
            # 汇总全区情况后…报市应急管理局 / 6月30日前  汇总全县活动情况报市安委办: an account of the whole area, whatever was sent in
            kinds = ["summary"]
        if own and not kinds:  # 区安监局汇总后于7月1日前报市安委办: what it gathered, due just before
            # (…“百日安全行车”竞赛活动总结于10月10日前报送。集团将汇总后于7月3日前报…: not what is due only after it)
            # (分别于7月5日前、12月20日前报…: what the level below sent in, not the issuer's own report of an earlier day; of
            # days listed so, each is a summary, the month's or the campaign's)
            kinds = next((d.kinds for d in reversed(history + found) if d.kinds and d.due <= due and not d.own), [])
            if listed:
                kinds = [kind for kind in kinds if kind in ("summary", "campaign_summary")] or kinds
        if own and not kinds and re.search(r"汇总|总结", piece[since:match.start()]):
            kinds = ["summary"]
        found.append(Deadline(due, kinds, match.start(), own))
    return found


def _as_sent_once(kind: str, due: date, year: int) -> str:
    """A progress report due once, after the month, is the month's summary (活动开展情况 by 7月5日)."""
    return "summary" if kind == "progress" and due > date(year, 6, 30) else kind


def find_reports(lines: list[Line], draft: Draft, year: int, clauses: dict[int, str]) -> None:
    required: set[str] = set()
    org, level = draft.value("org") or "", draft.value("level")
    history: list[Deadline] = []  # the deadlines read so far: what 街道平安办汇总后…报区安委办 sends on
    for line in lines:
        for sentence, _ in sentences(line):
            if not SENDS.search(sentence):
                continue
            for piece in re.split(r"[；;]", sentence):
                basis, phrase = clauses.get(line.number, ""), piece.strip()[:40]
                for deadline in _deadlines(piece, year, org, level, history):
                    history.append(deadline)
                    for kind in dict.fromkeys(_as_sent_once(k, deadline.due, year) for k in deadline.kinds):
                        if deadline.own:
                            draft.reports.append(Sourced({"kind": kind, "due": deadline.due}, line.number, phrase))
                        elif kind not in required:  # the same report due again later is implied by the first
                            required.add(kind)
                            draft.requirements.append(Sourced({"type": "report_due", "report": kind, "due": deadline.due, "basis": basis}, line.number, phrase))
                _weekly(piece, draft, basis, line.number, org, level)


def _weekly(piece: str, draft: Draft, basis: str, line_number: int, org: str, level: str | None) -> None:
    """每周四报送进展 is a recurring report; 每周报送一次 names no weekday, so the clerk picks it. Sent every week to a
    superior (每周五向市卫健委报送工作信息), it is the issuer's own report."""
    if not (SENDS.search(piece) and WEEKLY.search(piece)):
        return
    phrase = piece.strip()[:40]
    weekday = weekday_in(piece)
    # (村委会于6月5日前将活动方案报镇应急办，活动期间每周五报送工作开展情况: no new recipient, so the one the sentence
    # named before, as for a deadline)
    recipient = recipient_in(piece[WEEKLY.search(piece).start():]) or recipient_in(piece)
    if recipient and not ORDERED.search(piece) and is_superior(recipient, org, level):
        if weekday:
            draft.reports.append(Sourced({"kind": "progress", "weekday": weekday}, line_number, phrase))
        else:
            draft.todos.append(Sourced("reports: a weekly progress report to the superior, weekday not stated", line_number, phrase))
        return
    if weekday:
        draft.requirements.append(Sourced({"type": "recurring_report", "report": "progress", "weekday": weekday, "basis": basis},
                                          line_number, phrase))
    else:
        draft.todos.append(Sourced("recurring_report: a weekly progress report, weekday not stated", line_number, phrase))
