"""Dates as notices write them: 6月1日, 2023年6月1日, 6月上旬, 6月底前, 12月底, 每周四."""

from __future__ import annotations

import calendar
import re
from datetime import date

from ..text import fold

NUMERAL = "0-9０-９"
DAY = re.compile(rf"(?:(?P<y>[{NUMERAL}]{{4}})\s*年\s*)?(?P<m>[{NUMERAL}]{{1,2}})\s*月\s*(?P<d>[{NUMERAL}]{{1,2}})\s*[日号]")
MONTH_PART = re.compile(rf"(?:(?P<y>[{NUMERAL}]{{4}})\s*年\s*)?(?P<m>[{NUMERAL}]{{1,2}})\s*月\s*(?P<part>上旬|中旬|下旬|底|末|中下旬|初)")
SPAN = re.compile(
    rf"(?:(?P<y>[{NUMERAL}]{{4}})\s*年\s*)?(?P<m1>[{NUMERAL}]{{1,2}})\s*月\s*(?P<d1>[{NUMERAL}]{{1,2}})\s*日?\s*(?:至|到|—|－|-|~|～)\s*"
    rf"(?:(?P<y2>[{NUMERAL}]{{4}})\s*年\s*)?(?:(?P<m2>[{NUMERAL}]{{1,2}})\s*月\s*)?(?P<d2>[{NUMERAL}]{{1,2}})\s*日"
)
WEEKDAY = re.compile(r"每(?:周|星期)(?:星期|周)?(?P<w>[一二三四五六日天])")
WEEKDAYS = {"一": "monday", "二": "tuesday", "三": "wednesday", "四": "thursday", "五": "friday", "六": "saturday", "日": "sunday", "天": "sunday"}


def _int(text: str) -> int:
    return int(fold(text) or text)


def _safe(y: int, m: int, d: int) -> date | None:
    try:
        return date(y, m, d)
    except ValueError:
        return None


def month_part(year: int, month: int, part: str) -> tuple[date, date] | None:
    last = calendar.monthrange(year, month)[1]
    spans = {"上旬": (1, 10), "初": (1, 10), "中旬": (11, 20), "下旬": (21, last), "中下旬": (11, last), "底": (21, last), "末": (21, last)}
    low, high = spans[part]
    return _safe(year, month, low), _safe(year, month, high)


def days_in(text: str, year: int) -> list[tuple[date, int, int]]:
    """Every single day in `text`, with its span in the text."""
    found = []
    for match in DAY.finditer(text):
        y = _int(match["y"]) if match["y"] else year
        day = _safe(y, _int(match["m"]), _int(match["d"]))
        if day:
            found.append((day, match.start(), match.end()))
    return found


def spans_in(text: str, year: int) -> list[tuple[date, date, int, int]]:
    found = []
    for match in SPAN.finditer(text):
        y = _int(match["y"]) if match["y"] else year
        y2 = _int(match["y2"]) if match["y2"] else y
        m1 = _int(match["m1"])
        m2 = _int(match["m2"]) if match["m2"] else m1
        start, end = _safe(y, m1, _int(match["d1"])), _safe(y2, m2, _int(match["d2"]))
        if start and end and start <= end:
            found.append((start, end, match.start(), match.end()))
    return found


def month_parts_in(text: str, year: int) -> list[tuple[date, date, str, int, int]]:
    found = []
    for match in MONTH_PART.finditer(text):
        y = _int(match["y"]) if match["y"] else year
        span = month_part(y, _int(match["m"]), match["part"])
        if span and all(span):
            found.append((span[0], span[1], match["part"], match.start(), match.end()))
    return found


def weekday_in(text: str) -> str | None:
    match = WEEKDAY.search(text)
    return WEEKDAYS[match["w"]] if match else None


MONTH_SPAN = re.compile(rf"(?P<m1>[{NUMERAL}]{{1,2}})\s*月\s*(?:持续|延续|一直)?\s*(?:至|到|—|－|~|～)\s*(?P<m2>[{NUMERAL}]{{1,2}})\s*月(?!\s*[{NUMERAL}])")


def month_span(year: int, first: int, last: int) -> tuple[date, date]:
    """6月至12月: from the first day of one month to the last day of the other."""
    return date(year, first, 1), date(year, last, calendar.monthrange(year, last)[1])


SINCE_TODAY = re.compile(r"即日起\s*(?:至|到|—|－|-|~|～)?\s*")


# 6月份 / 整个6月 / 6月全月: the whole month (整个6月 before a day or a part of it is not)
WHOLE_MONTH = re.compile(rf"(?<![{NUMERAL}年])(?P<m>[{NUMERAL}]{{1,2}})\s*月(?:份|全月|整月)|(?<=整个)\s*(?P<n>[{NUMERAL}]{{1,2}})\s*月(?!\s*(?:[{NUMERAL}]|[上中下]旬|底|末|初))")


def whole_month_in(text: str, year: int) -> tuple[date, date, int, int] | None:
    """6月份: the first to the last day of that month."""
    if match := WHOLE_MONTH.search(text):
        month = _int(match["m"] or match["n"])
        if 1 <= month <= 12:
            start, end = month_span(year, month, month)
            return start, end, match.start(), match.end()
    return None


# 6月16日，集团设立咨询台；同日，各水厂要同步举办“水厂开放日”: 同日/当日/当天 at the head of a clause is the last day named before
SAME_DAY = re.compile(r"(?<=[，,；;。：:])\s*(?:同日|当日|当天|同一天)(?=\s*[，,])")


# 6.16当天，公司在…举办“电力公众开放日”活动: the day written with a point, as the 安全宣传咨询日 is named (6·16), before 当天
DOTTED_DAY = re.compile(r"(?<![0-9.．])(?P<m>[0-9]{1,2})\s*[.．·•]\s*(?P<d>[0-9]{1,2})(?=\s*(?:当天|当日))")


# 6.5前 / 6.1—6.20 / 6.16，镇在… / 于6.12在局四楼 / 1.5.28，镇召开…: a day written month, point, day wherever it reads as a time
# (by, from, to, during, then a comma or what is held), also right after an item's number; never a number with a unit
# (2.5万元), a part of a longer number, or 6.16 named in quotes as the 咨询日 is
POINTED_DATE = re.compile(r"(?:(?P<item>^\s*[0-9]{1,2}[.．](?=[0-9]{1,2}[.．][0-9]))|(?<![0-9.．]))(?P<m>[0-9]{1,2})[.．](?P<d>[0-9]{1,2})"
                          r"(?=\s*(?:前|之前|当天|当日|起|期间|[—－~～至到]|[-](?=[0-9])|[，,、；;）)]|在|开展|召开|举办|举行|组织|进行|完成))")


# 2.2 开展应急演练 / 3.1、召开动员部署会: at the head of a line, a number with a point is a section's number unless a
# time word or a comma follows it at once (6.16，镇在… / 6.5前完成)
HEADING_NUMBER_NOT_DATE = re.compile(r"(?!前|之前|当天|当日|起|期间|[—－~～至到]|-[0-9]|[，,；;])")


def _pointed_date(match: re.Match) -> str:
    month, day = int(match["m"]), int(match["d"])
    if not (1 <= month <= 12 and 1 <= day <= calendar.monthrange(2024, month)[1]):
        return match.group(0)
    line_head = match.string[match.string.rfind("\n", 0, match.start()) + 1: match.start()]
    if not match["item"] and not line_head.strip() and HEADING_NUMBER_NOT_DATE.match(match.string, match.end()):
        return match.group(0)
    return f"{match['item'] or ''}{month}月{day}日"


def same_day_named(text: str) -> str:
    """The line with 同日 (and 当日, 当天) at a clause's head written as the day the line named last before it, and a day
    written with a point (6.16当天, 6.5前, 6.1—6.20) written 6月16日."""
    text = POINTED_DATE.sub(_pointed_date, DOTTED_DAY.sub(lambda m: f"{m['m']}月{m['d']}日", text))

    def day_before(match: re.Match) -> str:
        days = list(DAY.finditer(text, 0, match.start()))
        return days[-1].group(0) if days else match.group(0)
    return SAME_DAY.sub(day_before, text)


# 本月10日前 / 本月上旬 / 本月内 / 本月26日前: the month the notice is dated in, written as a number (a notice dated 6月1日
# writes June's days so); 本月 before anything else (本月安全生产月要做的事情) is left as written
THIS_MONTH = re.compile(rf"本月(?=\s*(?:[{NUMERAL}]{{1,2}}\s*[日号]|上旬|中旬|下旬|中下旬|初|底|末|内|份))")
THIS_MONTH_WITHIN = re.compile(r"本月内")


# 15日前自查完 / 在中下旬对企业进行抽查 / 16日上午在乡政府门口…: a day or a part of a month with no month of its own
# (not the end of a span, 5月25日至31日, nor a day after a month or a year, nor 每月15日)
BARE_DAY = re.compile(rf"(?<![{NUMERAL}月年号至到—－\-~～])(?<!每月)(?=[{NUMERAL}]{{1,2}}\s*[日号])")
BARE_MONTH_PART = re.compile(r"(?<![月中0-9０-９至到—－\-~～])(?=(?:上旬|中下旬|中旬|下旬))")  # (not 下旬 inside 中下旬)
CAMPAIGN_MONTH = 6


def this_month_named(text: str, issued: date) -> str:
    """The line with 本月 written as the month the notice is dated in: 本月10日前 as 6月10日前, 本月内 as 6月份. A notice
    dated in the month of the campaign writes that month's days with no month too (15日前, 中下旬, 16日): they are
    read as its days; a notice dated before it leaves them alone."""
    text = THIS_MONTH_WITHIN.sub(f"{issued.month}月份", text)
    text = THIS_MONTH.sub(f"{issued.month}月", text)
    if issued.month == CAMPAIGN_MONTH:
        text = BARE_MONTH_PART.sub(f"{issued.month}月", BARE_DAY.sub(f"{issued.month}月", text))
    return text
