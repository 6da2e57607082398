"""Who issued the notice, when, its number, theme, period and extended campaigns."""

from __future__ import annotations

import calendar
import re
from datetime import date
from typing import Any

from ..text import fold_doc_no
from .dates import MONTH_SPAN, days_in, month_span, spans_in
from .draft import Draft, Sourced, quote
from .reader import Line

DOC_NO = re.compile(r"[\u4e00-\u9fa5A-Za-z]{1,12}[〔［\[（(﹝【]\s*[12][0-9]{3}\s*[〕］\]）)﹞】]\s*[0-9]{1,4}\s*号")
ORG_SUFFIX = re.compile(r"(人民政府办公室|人民政府|街道办事处|办事处|安全生产委员会办公室|安全生产委员会|安委会办公室|安委会|安委办|应急管理局|委员会|管理委员会)$")
LEVEL_BY_WORD = [("街道", "street"), ("镇", "street"), ("乡", "street"), ("社区", "community"), ("村", "community"),
                 ("区", "county"), ("县", "county"), ("旗", "county"), ("市", "city"), ("州", "city"), ("盟", "city"),
                 ("省", "province"), ("自治区", "province")]

ENTERPRISE = re.compile(r"(?:有限公司|有限责任公司|股份公司|公司|集团|厂|矿)$")  # (兴安煤矿, 某某铁矿: a mine is an enterprise)
BUREAU = re.compile(r"(?<!安委)(?:局|厅)$")


# 卫生健康委员会, 卫健委, 发改委: a department of its government, unlike the 安委会 and a 管委会 that governs a zone
# 住房和城乡建设管理委员会, 城市管理委员会: a 管理委员会 named for a line of work is a department; one named for a zone
# (产业园管理委员会, 开发区管理委员会) governs it
COMMITTEE = re.compile(r"(?<!安全生产)(?<!管理)委员会$|(?<![安管党])委$|(?<![园区港城镇乡])管理委员会$")
SCHOOL = re.compile(r"(?:学校|中学|小学|幼儿园|学院|大学|职校|技校|医院|卫生院)$")


# 白果镇石门村村民委员会 / 江南社区居民委员会: a village's or a community's own committee, no department
RESIDENTS_COMMITTEE = re.compile(r"(?:村民委员会|居民委员会|村委会|居委会)$")


def level_of(org: str) -> str | None:
    if RESIDENTS_COMMITTEE.search(org):
        return "community"
    if ENTERPRISE.search(org) or SCHOOL.search(org):
        return "enterprise"  # a school or a hospital, like a company, plans for its own staff and premises
    if BUREAU.search(org) or COMMITTEE.search(org):
        return "department"  # a bureau writes to its own units, whatever the level of its government
    org = re.split(r"(?<=人民政府)(?=\S)", org)[-1] or org  # 鲤城区人民政府江南街道办事处: the street
    if "街道" in org:
        return "street"  # 东关街道办事处: the suffix that names the street is stripped below
    head = ORG_SUFFIX.sub("", org)
    if re.search(r"(?:产业|工业|科技|物流|创业)园$", head):
        return "county"  # 云浦产业园管理委员会: a park's 管委会, as a 开发区's or a 园区's
    for word, level in LEVEL_BY_WORD:
        if head.endswith(word) or (word in ("街道", "镇", "乡") and re.search(rf"(?<!城){word}", head)):  # 城乡 is no 乡
            return level
    for word, level in LEVEL_BY_WORD:
        if word in head:
            return level
    return None


def find_org(lines: list[Line], draft: Draft) -> None:
    head = lines[:25]
    for line in head:
        text = line.text.strip()
        if text.endswith("文件") and 4 <= len(text) <= 40:
            org = text.removesuffix("文件").strip().replace(" ", "")
            draft.fields["org"] = Sourced(org, line.number, text)
            return
    # 北京市密岭区槐川乡人民政府 / 槐政发〔2023〕14号 / 槐川乡人民政府关于开展…: the letterhead names the issuer in full, as a
    # 文件 header does (the title's form is the same body, shortened)
    texts = [line for line in head if line.text.strip()]
    if len(texts) >= 2 and _names_issuer(first := texts[0].text.strip().replace(" ", "")) and DOC_NUMBER_LINE.match(texts[1].text):
        draft.fields["org"] = Sourced(first, texts[0].number, first)
        return
    for line in head:
        text = line.text.strip().replace(" ", "")
        match = re.match(r"^(?P<org>[\u4e00-\u9fa5]{2,30}?)关于(印发|开展|做好|组织)", text)
        if match and (ORG_SUFFIX.search(match["org"]) or SCHOOL.search(match["org"]) or BUREAU.search(match["org"])
                      or COMMITTEE.search(match["org"]) or ENTERPRISE.search(match["org"])):
            draft.fields["org"] = Sourced(match["org"], line.number, text[:40])
            return
    for line in head:
        text = line.text.strip().replace(" ", "")
        if _names_issuer(text):
            draft.fields["org"] = Sourced(text, line.number, text)
            return
    _signature(lines, draft)


DOC_NUMBER_LINE = re.compile(r"^\s*[\u4e00-\u9fa5]{1,10}\s*[〔［\[(（]\s*\d{4}\s*[〕］\])）]\s*\d{1,4}\s*号\s*$")


def _names_issuer(text: str) -> bool:
    """A line that is only a body's name: 琼澜县住房和城乡建设局, 滇溪县第一中学, 上海市…街道办事处. A bureau or a
    committee counts too (a first line or a signature names no one else), but not 各…局 (the addressees)."""
    if not 4 <= len(text) <= 30 or re.search(r"[，。：:、；;]", text) or text.startswith(("各", "根据", "按照", "关于")):
        return False
    return bool(ORG_SUFFIX.search(text) or ENTERPRISE.search(text) or SCHOOL.search(text) or BUREAU.search(text)
                or COMMITTEE.search(text))


def _signature(lines: list[Line], draft: Draft) -> None:
    """A plan with no issuer in its head is signed at its foot: the body on the line just above the date."""
    texts = [line for line in lines if line.text.strip()]
    for above, below in zip(texts, texts[1:]):
        text = above.text.strip().replace(" ", "")
        if ISSUE_DATE.fullmatch(below.text) and _names_issuer(text):
            draft.fields["org"] = Sourced(text, above.number, text)
            return


def level_from_title(lines: list[Line], draft: Draft) -> None:
    """2023年英德市“安全生产月”…方案: the place in the title tells the level, not the issuing body."""
    for line in lines[:8]:
        match = re.search(r"[12][0-9]{3}\s*年\s*(?:全\s*)?(?P<place>[\u4e00-\u9fa5]{1,8}?(?:自治区|省|市|县|区|旗|镇|乡|街道))\s*[“\"]?安全生产月", line.text)
        if match and (level := level_of(match["place"])):
            draft.fields["level"] = Sourced(level, line.number, quote(line.text, match.start(), match.end()))
            return


def find_title_year(lines: list[Line], draft: Draft) -> None:
    for line in lines[:25]:
        match = re.search(r"([12][0-9]{3})\s*年[^，。]{0,30}安全生产月", line.text)
        if match:
            draft.fields["year"] = Sourced(int(match.group(1)), line.number, quote(line.text, match.start(), match.end()))
            return


def find_edition_theme(lines: list[Line], draft: Draft) -> None:
    theme_under_heading(lines, draft)  # a 活动主题 heading states the theme itself; 以“…”为主题 may name only part of it
    for line in lines:
        text = line.text
        if "edition" not in draft.fields and (match := re.search(r"第\s*([0-9]{1,2})\s*个\s*(?:全国\s*)?[“\"]?安全生产月", text)):
            draft.fields["edition"] = Sourced(int(match.group(1)), line.number, quote(text, match.start(), match.end()))
        if "theme" not in draft.fields:
            match = re.search(r"主题(?:是|为)\s*[“\"「]([^”\"」]{4,40})[”\"」]", text) or re.search(
                r"以\s*[“\"「]([^”\"」]{4,40})[”\"」]\s*为(?:活动)?主题", text) or re.search(
                # 围绕“…”主题 / 紧扣“…”这一主题: the theme named by what is to follow it
                r"(?:围绕|紧扣|突出|聚焦|紧紧围绕)\s*[“\"「]([^”\"」]{4,40})[”\"」]\s*(?:这一|的)?(?:活动)?主题", text) or re.search(
                # 紧紧围绕第24个全国“安全生产月”“人人讲安全…”主题: the quote right before 主题, after the month's name
                r"(?:围绕|紧扣|突出|聚焦)[^。；;，,]{0,24}?[“\"「]([^”\"」]{4,40})[”\"」]\s*(?:这一|的)?(?:活动)?主题", text) or re.search(
                # 活动主题为：人人讲安全、个个会应急——畅通生命通道。: written without quotes, up to the sentence's end
                r"主题(?:是|为)\s*[:：]\s*([^“\"「。；;\s][^。；;“”\"]{3,38}?)\s*[。；;]", text)
            if match and "安全" not in match.group(1):
                match = None
            if match:
                draft.fields["theme"] = Sourced(match.group(1).strip(), line.number, quote(text, match.start(), match.end()))
    if "year" not in draft.fields and "edition" in draft.fields:
        edition = draft.fields["edition"]
        draft.fields["year"] = Sourced(2001 + edition.value, edition.line, edition.phrase)


# 一、活动主题 / （一）活动主题 / 活动主题：
THEME_HEADING = re.compile(r"\s*(?:[一二三四五六七八九十]+\s*[、.．]?\s*|[（(]\s*[一二三四五六七八九十0-9]{1,2}\s*[）)]\s*)?(?:活动)?主题\s*[:：]?\s*")
THEME_LEAD_IN = re.compile(r"主题(?:是|为)?\s*[:：]\s*$")  # 活动主题为： / 今年是第24个…，活动主题是：
THEME_THEN_MORE = re.compile(r"\s*[“\"]?(?P<theme>[^，,。；;：:“”\"]{4,40}?)[”\"]?\s*。\s*\S")
SECTION_HEADING = re.compile(r"\s*(?:[一二三四五六七八九十]+\s*[、.．]|[（(][一二三四五六七八九十0-9]+[）)])")


def theme_under_heading(lines: list[Line], draft: Draft) -> None:
    """A 活动主题 heading (or a line ending 主题是：) states the theme on the next lines, perhaps over two."""
    for index, line in enumerate(lines[:-1]):
        heading = THEME_HEADING.fullmatch(line.text)
        if not heading and not THEME_LEAD_IN.search(line.text):
            continue
        following = [l for l in lines[index + 1:index + 5] if l.text.strip()]
        if heading and following and THEME_LEAD_IN.search(following[0].text):
            following = following[1:]
        if theme_lines := _theme_lines(following):
            theme = _joined(theme_lines)
            if 4 <= len(theme) <= 40:
                first = theme_lines[0]
                draft.fields["theme"] = Sourced(theme, first.number, first.text.strip())
        elif heading and following and (stated := THEME_THEN_MORE.match(following[0].text)) \
                and not re.search(r"要|开展|围绕|紧扣|主题|今年|第\s*[0-9]+\s*个|[0-9]\s*月", stated["theme"]):
            # 人人讲安全、个个会应急——畅通生命通道。各街镇要紧扣活动主题，…: the theme as the first sentence of the line
            draft.fields["theme"] = Sourced(stated["theme"], following[0].number, following[0].text.strip()[:40])
        if heading:
            return


def _theme_lines(following: list[Line]) -> list[Line]:
    """The lines of a theme: short, no sentence punctuation, or one quotation that runs on to a second line."""
    taken: list[Line] = []
    quoted = False
    for line in following[:3]:
        text = line.text.strip()
        if SECTION_HEADING.match(text) or len(text) > 40 or (re.search(r"[，。]", text.rstrip("。")) and not quoted):
            break
        taken.append(line)
        quoted = quoted or text.startswith(("“", "\""))
        if quoted and text.endswith(("”", "\"", "”。")):
            break
        if not quoted and not text.endswith(("——", "—", "、")) and len(taken) >= 1 and not _short_phrase(text):
            break
    return taken


def _short_phrase(text: str) -> bool:
    """人人讲安全 / 个个会应急: one half of a theme written over two lines."""
    return len(text) <= 8 and not re.search(r"[“”\"]", text)


def _joined(theme_lines: list[Line]) -> str:
    parts = [l.text.strip().strip("“”\"。．.") for l in theme_lines]
    theme = parts[0]
    for part in parts[1:]:
        theme += part if theme.endswith(("——", "—", "、")) else " " + part
    return theme


def find_numbers(lines: list[Line], draft: Draft) -> None:
    for line in lines:
        text = line.text
        for match in DOC_NO.finditer(text):
            number = re.sub(r"\s+", "", match.group(0))
            before = text[: match.start()]
            cited = "《" in before or "根据" in before or "按照" in before or "（" in before[-2:] or "(" in before[-2:]
            if cited:
                if fold_doc_no(number) not in {fold_doc_no(c.value) for c in draft.cites}:
                    draft.cites.append(Sourced(number, line.number, quote(text, match.start(), match.end())))
            elif "doc_no" not in draft.fields and line.number <= 25 and len(text.strip()) <= len(number) + 6:
                draft.fields["doc_no"] = Sourced(number, line.number, text.strip())


# 本次活动从2024年5月25日开始，至6月30日结束: a span written as where it begins and where it ends
BEGUN_AND_ENDED = re.compile(r"从\s*(?P<from>(?:[0-9]{4}\s*年\s*)?[0-9]{1,2}\s*月\s*[0-9]{1,2}\s*日)\s*(?:开始|起)[，,]?\s*(?:至|到)\s*"
                             r"(?P<to>(?:[0-9]{4}\s*年\s*)?[0-9]{1,2}\s*月\s*[0-9]{1,2}\s*日)\s*(?:结束|止)")


def _begun_and_ended(text: str, year: int) -> list[tuple[date, date, int, int]]:
    if not (match := BEGUN_AND_ENDED.search(text)):
        return []
    begins, ends = days_in(match["from"], year), days_in(match["to"], year)
    if begins and ends and begins[0][0] <= ends[0][0]:
        return [(begins[0][0], ends[0][0], match.start(), match.end())]
    return []


def find_period(lines: list[Line], draft: Draft, year: int) -> None:
    for index, line in enumerate(lines):
        if re.search(r"(活动|安全生产月.{0,6})时间|时间安排", line.text) and len(line.text) < 40:
            for candidate in lines[index:index + 3]:
                spans = spans_in(candidate.text, year) or _begun_and_ended(candidate.text, year)
                if spans:
                    start, end, low, high = spans[0]
                    draft.fields["period"] = Sourced((start, end), candidate.number, quote(candidate.text, low, high))
                    return
    for line in lines:
        match = re.search(r"今年\s*6\s*月(?:份)?是第\s*[0-9]{1,2}\s*个\s*全国", line.text)
        if match:
            draft.fields["period"] = Sourced((date(year, 6, 1), date(year, 6, 30)), line.number, quote(line.text, match.start(), match.end()))
            return
    for line in lines:
        match = re.search(r"(?:6月1日|6月1号)\s*(?:至|到|—)\s*6月30日", line.text)
        if match and "安全生产月" in line.text:
            draft.fields["period"] = Sourced((date(year, 6, 1), date(year, 6, 30)), line.number, quote(line.text, match.start(), match.end()))
            return


# 安全生产英德行, 安全宣传彩云行; not 安全生产治本攻坚三年行动, an 行动 the month's work is joined to
CAMPAIGN_NAME = re.compile(r"[“\"「]?((?:安全生产|安全宣传)[\u4e00-\u9fa5]{1,6}行)(?!动)[”\"」]?")
CAMPAIGN_END = re.compile(r"(?:至|到|于)?\s*(?:(?P<y>[12][0-9]{3})\s*年\s*)?(?P<m>1[0-2]|[1-9])\s*月\s*(?P<end>底|末|(?P<d>[0-9]{1,2})\s*日)\s*(?:结束|止)?")


UNQUOTED_ACTION = re.compile(r"(?:^|[。；;])\s*(?P<name>[\u4e00-\u9fa5“”\"]{2,20}?(?:专项整治|专项行动|竞赛活动|竞赛|行动))(?=\s*与)")
ACTION_WITH_SPAN = re.compile(r"[“\"「]([\u4e00-\u9fa5]{2,12})[”\"」](专项行动|专项整治行动|行动)?\s*(?:活动)?(?:时间)?\s*[：:为]\s*")
NAMED_ACTION = re.compile(r"[“\"「]([\u4e00-\u9fa5]{2,12}行动)[”\"」]")
# 。行动与“安全生产月”同步启动，持续至 / ，与安全生产月同步启动，至: the action's own start, with the month, and its end next
ACTION_STARTS = re.compile(r"[。，,]?\s*(?:该|本|此)?(?:行动|活动)?\s*与\s*[“\"]?安全生产月[”\"]?(?:活动)?同步(?:启动|开展)[，,]?\s*(?:持续|延续|一直)?")


def find_campaigns(lines: list[Line], draft: Draft, year: int) -> None:
    seen: dict[str, Sourced] = {}
    for line in lines:
        text = line.text
        for match in CAMPAIGN_NAME.finditer(text):
            name = match.group(1)
            if name in ("安全宣传咨询行",):
                continue
            tail = text[match.end(): match.end() + 60]
            if not re.search(r"(结束|至|到|止)", tail) and "活动时间" not in text:
                if name not in seen:
                    seen[name] = Sourced({"name": name}, line.number, quote(text, match.start(), match.end()))
                continue
            end_match = None
            for candidate in CAMPAIGN_END.finditer(tail):
                if re.search(r"(结束|止|底|末)", candidate.group(0)) or candidate.group("m") == "12":
                    end_match = candidate
                # 与“安全生产月”同步启动，持续至2023年11月30日: a day the campaign runs on to, past the month
                elif int(candidate.group("m")) > 6 and re.search(r"(?:持续|延续|一直)(?:至|到)\s*$", tail[:candidate.start() + 1]):
                    end_match = candidate
            spans = spans_in(tail, year)
            months = MONTH_SPAN.search(tail)
            value: dict[str, Any] = {"name": name}
            if spans:
                value["start"], value["end"] = spans[-1][0], spans[-1][1]
            elif months:  # 从6月至12月
                value["start"], value["end"] = month_span(year, int(months["m1"]), int(months["m2"]))
            elif end_match:
                y = int(end_match["y"]) if end_match["y"] else year
                m = int(end_match["m"])
                d = int(end_match["d"]) if end_match["d"] else calendar.monthrange(y, m)[1]
                try:
                    value["end"] = date(y, m, d)
                except ValueError:
                    pass
            if "end" in value and "start" not in value and re.search(r"同步(?:启动|开展)", text):
                value = {"name": name, "start": date(year, 6, 1), "end": value["end"]}  # starts with the month
            # (…持续至12月31日 again in the campaign's own clause leaves the span read before, 同步启动 with the month)
            if name not in seen or "end" not in seen[name].value or ("end" in value and ("start" in value or "start" not in seen[name].value)):
                seen[name] = Sourced(value, line.number, quote(text, match.start(), match.end() + 30))
    # （三）组织开展“电梯安全守护行动”。行动与“安全生产月”同步启动，持续至2023年12月31日: a named action that starts with
    # the month and runs on past it is a campaign too (an action named with no span of its own, 敲门行动, is none)
    for line in lines:
        for match in NAMED_ACTION.finditer(line.text):
            tail = line.text[match.end(): match.end() + 40]
            if not (start := ACTION_STARTS.match(tail)):
                continue
            ends = [c for c in CAMPAIGN_END.finditer(tail, start.end()) if c.group("m") == "12" and c.start() - start.end() <= 8]
            if ends and match.group(1) not in seen:
                end = ends[0]
                y = int(end["y"]) if end["y"] else year
                seen[match.group(1)] = Sourced({"name": match.group(1), "start": date(year, 6, 1),
                                                "end": date(y, 12, int(end["d"]) if end["d"] else 31)},
                                               line.number, quote(line.text, match.start(), match.end() + end.end()))
    # 餐饮场所燃气安全专项整治与“安全生产月”同步启动，持续至2025年12月31日 / 夏季“百日安全行车”竞赛活动与“安全生产月”同步启动，
    # 6月1日起至9月30日结束: a work named unquoted as its sentence's subject, started with the month and run on past it
    for line in lines:
        for match in UNQUOTED_ACTION.finditer(line.text):
            name, tail = match["name"], line.text[match.end(): match.end() + 40]
            if name in seen or not (start := ACTION_STARTS.match(tail)):
                continue
            rest = re.split(r"[。；;]", tail[start.end():])[0]
            if (spans := spans_in(rest, year)) and spans[0][1].month > 6:
                begin, end = spans[0][0], spans[0][1]
            elif (ends := [c for c in CAMPAIGN_END.finditer(rest) if int(c["m"]) > 6 and c.start() <= 8]):
                y = int(ends[0]["y"]) if ends[0]["y"] else year
                m = int(ends[0]["m"])
                begin, end = date(year, 6, 1), date(y, m, int(ends[0]["d"]) if ends[0]["d"] else calendar.monthrange(y, m)[1])
            else:
                continue
            seen[name] = Sourced({"name": name, "start": begin, "end": end}, line.number,
                                 quote(line.text, match.start("name"), match.end() + start.end() + len(rest)))
    # “安全生产百日攻坚”专项行动：2024年6月1日至9月8日: a named action given a span of its own that runs on past the month
    for line in lines:
        for match in ACTION_WITH_SPAN.finditer(line.text):
            name = match.group(1) + (match.group(2) or "")
            if not name.endswith("行动") or name in seen or not (spans := spans_in(line.text[match.end(): match.end() + 30], year)):
                continue
            start, end = spans[0][0], spans[0][1]
            if start.month >= 5 and end.month > 6:
                seen[name] = Sourced({"name": name, "start": start, "end": end}, line.number, quote(line.text, match.start(), match.end() + 20))
    # the campaign's own time heading: （二）“安全生产英德行”活动时间 / 6月1日至12月31日
    for index, line in enumerate(lines[:-1]):
        match = CAMPAIGN_NAME.search(line.text)
        if match and "时间" in line.text and len(line.text) < 40:
            spans = spans_in(lines[index + 1].text, year)
            if spans:
                seen[match.group(1)] = Sourced({"name": match.group(1), "start": spans[0][0], "end": spans[0][1]},
                                                lines[index + 1].number, lines[index + 1].text.strip())
    by_place: dict[str, Sourced] = {}
    for name, found in seen.items():
        if "end" not in found.value:
            continue
        place = name[-3:]
        kept = by_place.get(place)
        if kept is None or ("start" in found.value and "start" not in kept.value):
            by_place[place] = found
    draft.campaigns = list(by_place.values())


ISSUE_DATE = re.compile(r"\s*(?P<y>[12][0-9]{3})\s*年\s*(?P<m>[0-9]{1,2})\s*月\s*(?P<d>[0-9]{1,2})\s*日\s*")


def find_issue_date(lines: list[Line], draft: Draft) -> None:
    """The date line under the signature (2023年5月25日 alone on its line); the first one is the notice's own."""
    for line in lines:
        if match := ISSUE_DATE.fullmatch(line.text):
            try:
                draft.issued = date(int(match["y"]), int(match["m"]), int(match["d"]))
            except ValueError:
                continue
            return
