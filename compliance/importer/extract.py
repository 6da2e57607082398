"""Find the fields of a plancheck document in a notice's text. Each finding keeps its line and phrase.

The extractors are patterns over the wording notices use; a field is only filled when its pattern
is unambiguous. Everything else stays a TODO for the clerk.
"""

from __future__ import annotations

import calendar
import re
from dataclasses import dataclass, field
from datetime import date
from typing import Any

from ..text import fold, fold_doc_no
from .dates import MONTH_SPAN, days_in, month_parts_in, month_span, spans_in, weekday_in
from .reader import Line

CN_NUMBERS = "零一二三四五六七八九十"
BRACKETS = "〔〕［］\\[\\]()（）﹝﹞【】"
DOC_NO = re.compile(rf"[\u4e00-\u9fa5A-Za-z]{{1,12}}[〔［\[（(﹝【]\s*[12][0-9]{{3}}\s*[〕］\]）)﹞】]\s*[0-9]{{1,4}}\s*号")
QUOTED = re.compile(r"[“\"「『]([^”\"」』]{2,60})[”\"」』]")


@dataclass
class Sourced:
    value: Any
    line: int
    phrase: str


@dataclass
class Draft:
    fields: dict[str, Sourced] = field(default_factory=dict)
    cites: list[Sourced] = field(default_factory=list)
    campaigns: list[Sourced] = field(default_factory=list)
    leading_group: dict[str, Any] = field(default_factory=dict)
    contacts: list[Sourced] = field(default_factory=list)
    activities: list[Sourced] = field(default_factory=list)
    reports: list[Sourced] = field(default_factory=list)
    requirements: list[Sourced] = field(default_factory=list)

    def value(self, name: str, default=None):
        found = self.fields.get(name)
        return found.value if found else default


def _quote(text: str, start: int = 0, end: int | None = None, width: int = 36) -> str:
    end = len(text) if end is None else end
    low = max(0, start - 6)
    high = min(len(text), max(end, start + width))
    return text[low:high].strip()


# Clauses ----------------------------------------------------------------------------------------
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


# Header fields ----------------------------------------------------------------------------------
ORG_SUFFIX = re.compile(r"(人民政府办公室|人民政府|街道办事处|办事处|安全生产委员会办公室|安全生产委员会|安委会办公室|安委会|安委办|应急管理局|委员会|管理委员会)$")
LEVEL_BY_WORD = [("街道", "street"), ("镇", "street"), ("乡", "street"), ("社区", "community"), ("村", "community"),
                 ("区", "county"), ("县", "county"), ("旗", "county"), ("市", "city"), ("省", "province"), ("自治区", "province")]


def _level_of(org: str) -> str | None:
    org = re.split(r"(?<=人民政府)(?=\S)", org)[-1] or org  # 鲤城区人民政府江南街道办事处: the street
    head = ORG_SUFFIX.sub("", org)
    for word, level in LEVEL_BY_WORD:
        if head.endswith(word) or (word in ("街道", "镇", "乡") and word in head):
            return level
    for word, level in LEVEL_BY_WORD:
        if word in head:
            return level
    return None


def _find_org(lines: list[Line], draft: Draft) -> None:
    head = lines[:25]
    for line in head:
        text = line.text.strip()
        if text.endswith("文件") and 4 <= len(text) <= 40:
            org = text.removesuffix("文件").strip().replace(" ", "")
            draft.fields["org"] = Sourced(org, line.number, text)
            return
    for line in head:
        text = line.text.strip().replace(" ", "")
        match = re.match(r"^(?P<org>[\u4e00-\u9fa5]{2,30}?)关于(印发|开展|做好|组织)", text)
        if match and ORG_SUFFIX.search(match["org"]):
            draft.fields["org"] = Sourced(match["org"], line.number, text[:40])
            return
    for line in head:
        text = line.text.strip().replace(" ", "")
        if 4 <= len(text) <= 30 and ORG_SUFFIX.search(text) and not re.search(r"[，。：:、]", text):
            draft.fields["org"] = Sourced(text, line.number, text)
            return


def _level_from_title(lines: list[Line], draft: Draft) -> None:
    """2023年英德市“安全生产月”…方案: the place in the title tells the level, not the issuing body."""
    for line in lines[:8]:
        match = re.search(r"[12][0-9]{3}\s*年\s*(?:全\s*)?(?P<place>[\u4e00-\u9fa5]{1,8}?(?:自治区|省|市|县|区|旗|镇|乡|街道))\s*[“\"]?安全生产月", line.text)
        if match and (level := _level_of(match["place"])):
            draft.fields["level"] = Sourced(level, line.number, _quote(line.text, match.start(), match.end()))
            return


def _find_title_year(lines: list[Line], draft: Draft) -> None:
    for line in lines[:25]:
        match = re.search(r"([12][0-9]{3})\s*年[^，。]{0,30}安全生产月", line.text)
        if match:
            draft.fields["year"] = Sourced(int(match.group(1)), line.number, _quote(line.text, match.start(), match.end()))
            return


def _find_edition_theme(lines: list[Line], draft: Draft) -> None:
    for line in lines:
        text = line.text
        if "edition" not in draft.fields and (match := re.search(r"第\s*([0-9]{1,2})\s*个\s*(?:全国\s*)?[“\"]?安全生产月", text)):
            draft.fields["edition"] = Sourced(int(match.group(1)), line.number, _quote(text, match.start(), match.end()))
        if "theme" not in draft.fields:
            match = re.search(r"主题(?:是|为)\s*[“\"「]([^”\"」]{4,40})[”\"」]", text) or re.search(
                r"以\s*[“\"「]([^”\"」]{4,40})[”\"」]\s*为(?:活动)?主题", text)
            if match:
                draft.fields["theme"] = Sourced(match.group(1).strip(), line.number, _quote(text, match.start(), match.end()))
    if "theme" not in draft.fields:
        for index, line in enumerate(lines[:-1]):
            if re.fullmatch(r"\s*(?:[一二三四五六七八九十]+\s*[、.．]?\s*)?(?:活动)?主题\s*[:：]?\s*", line.text):
                following = next((l for l in lines[index + 1:index + 3] if l.text.strip()), None)
                if following and 4 <= len(following.text.strip()) <= 40:
                    theme = following.text.strip().strip("“”\"。．.")
                    draft.fields["theme"] = Sourced(theme, following.number, following.text.strip())
                break
    if "year" not in draft.fields and "edition" in draft.fields:
        edition = draft.fields["edition"]
        draft.fields["year"] = Sourced(2001 + edition.value, edition.line, edition.phrase)


def _find_numbers(lines: list[Line], draft: Draft) -> None:
    for line in lines:
        text = line.text
        for match in DOC_NO.finditer(text):
            number = re.sub(r"\s+", "", match.group(0))
            before = text[: match.start()]
            cited = "《" in before or "根据" in before or "按照" in before or "（" in before[-2:] or "(" in before[-2:]
            if cited:
                if fold_doc_no(number) not in {fold_doc_no(c.value) for c in draft.cites}:
                    draft.cites.append(Sourced(number, line.number, _quote(text, match.start(), match.end())))
            elif "doc_no" not in draft.fields and line.number <= 25 and len(text.strip()) <= len(number) + 6:
                draft.fields["doc_no"] = Sourced(number, line.number, text.strip())


def _find_period(lines: list[Line], draft: Draft, year: int) -> None:
    for index, line in enumerate(lines):
        if re.search(r"(活动|安全生产月.{0,6})时间", line.text) and len(line.text) < 40:
            for candidate in lines[index:index + 3]:
                spans = spans_in(candidate.text, year)
                if spans:
                    start, end, low, high = spans[0]
                    draft.fields["period"] = Sourced((start, end), candidate.number, _quote(candidate.text, low, high))
                    return
    for line in lines:
        match = re.search(r"今年\s*6\s*月是第\s*[0-9]{1,2}\s*个\s*全国", line.text)
        if match:
            draft.fields["period"] = Sourced((date(year, 6, 1), date(year, 6, 30)), line.number, _quote(line.text, match.start(), match.end()))
            return
    for line in lines:
        match = re.search(r"(?:6月1日|6月1号)\s*(?:至|到|—)\s*6月30日", line.text)
        if match and "安全生产月" in line.text:
            draft.fields["period"] = Sourced((date(year, 6, 1), date(year, 6, 30)), line.number, _quote(line.text, match.start(), match.end()))
            return


CAMPAIGN_NAME = re.compile(r"[“\"「]?((?:安全生产|安全宣传)[\u4e00-\u9fa5]{1,6}行)[”\"」]?")
CAMPAIGN_END = re.compile(r"(?:至|到|于)?\s*(?:(?P<y>[12][0-9]{3})\s*年\s*)?(?P<m>1[0-2]|[1-9])\s*月\s*(?P<end>底|末|(?P<d>[0-9]{1,2})\s*日)\s*(?:结束|止)?")


def _find_campaigns(lines: list[Line], draft: Draft, year: int) -> None:
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
                    seen[name] = Sourced({"name": name}, line.number, _quote(text, match.start(), match.end()))
                continue
            end_match = None
            for candidate in CAMPAIGN_END.finditer(tail):
                if re.search(r"(结束|止|底|末)", candidate.group(0)) or candidate.group("m") == "12":
                    end_match = candidate
            spans = spans_in(tail, year)
            value: dict[str, Any] = {"name": name}
            if spans:
                value["start"], value["end"] = spans[-1][0], spans[-1][1]
            elif end_match:
                y = int(end_match["y"]) if end_match["y"] else year
                m = int(end_match["m"])
                d = int(end_match["d"]) if end_match["d"] else calendar.monthrange(y, m)[1]
                try:
                    value["end"] = date(y, m, d)
                except ValueError:
                    pass
            if "end" in value or name not in seen or "end" not in seen[name].value:
                seen[name] = Sourced(value, line.number, _quote(text, match.start(), match.end() + 30))
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


# People -----------------------------------------------------------------------------------------
PERSON = re.compile(r"(?P<name>[\u4e00-\u9fa5]{2,4})\s*[（(]\s*(?P<title>[^）)]{2,30})\s*[）)]")
ROLE = re.compile(r"^(?P<role>组\s*长|副\s*组\s*长|成\s*员)\s*[:：]\s*(?P<rest>.+)$")


def _people(text: str) -> list[dict[str, str]]:
    people = []
    for chunk in re.split(r"[、，,；;]\s*", text):
        chunk = chunk.strip().rstrip("。")
        if not chunk:
            continue
        if match := PERSON.fullmatch(chunk):
            people.append({"name": match["name"], "title": match["title"].strip()})
        elif re.fullmatch(r"[\u4e00-\u9fa5]{2,4}", chunk):
            people.append({"name": chunk})
        elif 2 < len(chunk) <= 30:
            people.append({"title": chunk})
    return people


def _find_leading_group(lines: list[Line], draft: Draft) -> None:
    group: dict[str, Any] = {}
    for line in lines:
        text = line.text.strip().replace("\t", "：", 1).replace("\t", "、")
        if match := ROLE.match(text):
            role = re.sub(r"\s", "", match["role"])
            people = _people(match["rest"])
            if not people:
                continue
            key = {"组长": "leader", "副组长": "deputies", "成员": "members"}[role]
            if key == "leader":
                group["leader"] = Sourced(people[0], line.number, text[:40])
            else:
                group.setdefault(key, []).extend(Sourced(p, line.number, text[:40]) for p in people)
        elif match := re.search(r"(?:由|请)\s*(?P<who>[\u4e00-\u9fa5、]{2,20}?)\s*(?:同志)?\s*(?:任|担任)\s*组长", text):
            group.setdefault("leader", Sourced({"title": match["who"]}, line.number, _quote(text, match.start(), match.end())))
        if match := re.search(r"由\s*(?P<who>[\u4e00-\u9fa5]{4,30}?)\s*组成[^，。]{0,40}(?:领导小组|指导委员会|工作专班)", text):
            if "members" not in group and not re.search(r"组长|同志任", match["who"]):
                group["members"] = [Sourced({"title": match["who"]}, line.number, _quote(text, match.start(), match.end()))]
        if match := re.search(r"(?:领导小组|指导委员会|工作专班)?办公室设在\s*(?P<office>[^，。；,;（(]{2,30}(?:[（(][^）)]{1,20}[）)])?)", text):
            group.setdefault("office", Sourced(match["office"].strip(), line.number, _quote(text, match.start(), match.end())))
    draft.leading_group = group


PHONE = re.compile(r"(?<![0-9])(?:1[3-9][0-9]{9}|0[0-9]{2,3}\s*[-－—–]\s*[0-9]{7,8}|0[0-9]{9,11})(?![0-9])")
EMAIL = re.compile(r"[A-Za-z0-9._%+-]+@[A-Za-z0-9.-]+\.[A-Za-z]{2,}")
CONTACT = re.compile(r"(?:联系人|联络人)(?:及联系方式)?\s*[:：]\s*(?P<names>[\u4e00-\u9fa5、，,\s]{2,20}?)(?=[；;，,。\s（(]|电话|联系电话|$|[0-9])")


def _find_contacts(lines: list[Line], draft: Draft) -> None:
    for index, line in enumerate(lines):
        text = line.text
        match = CONTACT.search(text)
        if not match:
            continue
        window = " ".join(l.text for l in lines[index:index + 4])
        names = [n.strip() for n in re.split(r"[、，,\s]+", match["names"]) if n.strip()]
        phones = [re.sub(r"\s|[－—–]", "-", p).replace("--", "-") for p in PHONE.findall(window)]
        emails = EMAIL.findall(window.replace(" ", "")) + EMAIL.findall(window)
        emails = list(dict.fromkeys(emails))
        for position, name in enumerate(names):
            contact = {"name": name, "role": "contact"}
            if phones:
                contact["phone"] = phones[min(position, len(phones) - 1)] if len(phones) == len(names) else phones[-1]
            if emails:
                contact["email"] = emails[0]
            draft.contacts.append(Sourced(contact, line.number, _quote(text, match.start(), match.end() + 20)))


# Activities, reports, requirements ----------------------------------------------------------------
KINDS = [
    ("consultation_day", re.compile(r"咨询日|6\s*[·•.]\s*16")),
    ("launch_ceremony", re.compile(r"启动仪式|启动日|动员大会|启动会|发车")),
    ("study_session", re.compile(r"重要论述.{0,12}(宣讲|学习|研讨|专题)|(宣讲会|学习会|研讨会).{0,20}重要论述|宣贯会")),
    ("knowledge_contest", re.compile(r"知识竞赛|知识竞答|有奖竞答")),
    ("open_day", re.compile(r"开放日")),
    ("leader_talk", re.compile(r"负责人谈安全|一把手谈安全|谈安全系列")),
    ("door_to_door", re.compile(r"敲门行动|进门入户")),
    ("warning_education", re.compile(r"警示教育")),
    ("hazard_exposure", re.compile(r"隐患曝光|曝光台|集中曝光")),
    ("whistleblower_promotion", re.compile(r"12350|举报(电话|热线|平台|渠道|小程序)")),
    ("case_recommendation", re.compile(r"推荐.{0,40}典型案例|典型案例.{0,6}推荐")),
    ("media_campaign", re.compile(r"专题行")),
    ("hazard_inspection", re.compile(r"隐患排查|排查整治|隐患自查|自查自纠|安全检查")),
    ("drill", re.compile(r"演练|推演")),
    ("training", re.compile(r"培训")),
    ("publicity", re.compile(r"进(?:企业|农村|社区|学校|校园|家庭)|宣传活动|安全宣传")),
]
SECTOR_WORDS = [("enterprise", "企业"), ("rural", "农村"), ("community", "社区"), ("school", "学校|校园"), ("family", "家庭")]
SCENARIOS = [
    ("fire", "火灾|消防"), ("earthquake", "地震"), ("flood", "洪涝|防汛|洪水"), ("geological", "地质"),
    ("weather", "气象|台风|暴雨"), ("drowning", "溺水"), ("stampede", "踩踏"), ("traffic", "道路交通|交通安全"),
    ("gas", "燃气"), ("ebike_charging", "电动车充电|电动自行车充电|电瓶车"), ("high_rise", "高层建筑"),
    ("commercial_complex", "商业综合体"), ("scenic_area", "旅游景区|景区"), ("hazardous_chemicals", "危险化学品|危化品"),
    ("evacuation", "疏散|逃生"), ("industry_accident", "行业性事故|行业事故|生产安全事故"),
]


def _sentences(line: Line) -> list[tuple[str, int]]:
    parts, start = [], 0
    for match in re.finditer(r"[。；;！!]", line.text):
        parts.append((line.text[start:match.end()], start))
        start = match.end()
    if start < len(line.text):
        parts.append((line.text[start:], start))
    return [(s, o) for s, o in parts if s.strip()]


def _when(sentence: str, year: int) -> tuple[dict[str, date], int, int] | None:
    spans = spans_in(sentence, year)
    if spans:
        start, end, low, high = spans[0]
        return {"start": start, "end": end}, low, high
    parts = month_parts_in(sentence, year)
    days = days_in(sentence, year)
    if days:
        day, low, high = days[0]
        if sentence[high:high + 2].startswith(("前", "之前")):
            return {"end": day}, low, high  # by that day
        return {"date": day}, low, high
    if months := MONTH_SPAN.search(sentence):
        start, end = month_span(year, int(months["m1"]), int(months["m2"]))
        return {"start": start, "end": end}, months.start(), months.end()
    if parts:
        start, end, part, low, high = parts[0]
        if part in ("底", "末") or sentence[high:high + 1] == "前":
            return {"end": end}, low, high  # 6月底前: by the end of the month
        return {"start": start, "end": end}, low, high
    return None


def _kind_of(sentence: str) -> tuple[str, re.Match] | None:
    for kind, pattern in KINDS:
        if match := pattern.search(sentence):
            return kind, match
    return None


def _find_activities(lines: list[Line], draft: Draft, year: int, clauses: dict[int, str]) -> None:
    for line in lines:
        specific_days: set[date] = set()  # days of this line already given to a specific kind
        for sentence, offset in _sentences(line):
            found = _kind_of(sentence)
            if not found:
                continue
            kind, match = found
            if kind == "publicity" and CAMPAIGN_NAME.search(sentence):
                continue  # the extended campaign, not an activity
            when_now = _when(sentence, year)
            if kind != "publicity" and when_now and "date" in when_now[0]:
                specific_days.add(when_now[0]["date"])
            if kind == "consultation_day":
                specific_days.add(date(year, 6, 16))
            if kind == "publicity" and when_now and when_now[0].get("date") in specific_days:
                continue
            if re.search(r"(报送|前报|总结|联络员|方案和附件)", sentence) and kind not in ("consultation_day", "launch_ceremony"):
                continue
            when = _when(sentence, year)
            if when is None and kind not in ("consultation_day",):
                continue
            if when is None:
                when = ({"date": date(year, 6, 16)}, match.start(), match.end())
            value: dict[str, Any] = {"kind": kind, **when[0]}
            if kind == "consultation_day" and "date" not in value:
                continue
            positions = {name: m.start() for name, words in SECTOR_WORDS if (m := re.search(rf"进(?:{words})", sentence))}
            sectors = sorted(positions, key=positions.get)
            title_match = QUOTED.search(sentence)
            if title_match and dict(KINDS)[kind].search(title_match.group(1)):
                value["title"] = title_match.group(1)
            phrase = _quote(sentence, min(when[1], match.start()), max(when[2], match.end()))
            days = [d for d, _, _ in days_in(sentence, year)]
            if len(days) >= 2 and re.search(r"依次|分别", sentence) and "date" in value:
                # 6月9日、6月20日，…依次到城西社区、泰强公司开展送安全进社区、进企业宣传活动
                for position, day in enumerate(days):
                    one = {**value, "date": day}
                    if len(sectors) == len(days):
                        one["sectors"] = [sectors[position]]
                    _add_activity(draft, Sourced(one, line.number, phrase))
                continue
            if sectors:
                value["sectors"] = sectors
            _add_activity(draft, Sourced(value, line.number, phrase))


def _add_activity(draft: Draft, found: Sourced) -> None:
    value = found.value

    def key(v):
        return (v["kind"], v.get("date"), v.get("start"), v.get("end"), tuple(v.get("sectors", ())), v.get("sector"))

    if value["kind"] == "publicity" and not value.get("sectors") and any(
        a.line == found.line and a.value.get("date") == value.get("date") for a in draft.activities
    ):
        return  # the rest of a sentence about an activity already found (6月16日，…集中宣传…)
    if all(key(a.value) != key(value) for a in draft.activities):
        draft.activities.append(found)


ACTION = re.compile(r"开展|组织|举办|举行|参加|参与|推荐|曝光|推进|录制|普及|宣传")
ADDRESSED = re.compile(r"各(?:镇|街|乡|村|社区|企业|厂矿|单位|部门|有关|相关|行业|成员|级)|(?:企业|学校|社区|农村|家庭)(?:要|应)|要(?:组织|开展|结合|积极|广泛|认真|持续)")
SUBJECT = [(name, re.compile(rf"^\s*(?:进)?(?:{words})(?:方面|要|应)")) for name, words in SECTOR_WORDS]


def _find_undated_activities(lines: list[Line], draft: Draft, clauses: dict[int, str]) -> None:
    """Activities the notice asks for without a day: `企业要…开展…应急演练`, `进家庭方面…`."""
    asked: dict[str, Sourced] = {}
    for line in lines:
        subject = next((name for name, pattern in SUBJECT if pattern.match(line.text)), None)
        for sentence, offset in _sentences(line):
            if not ACTION.search(sentence) or re.search(r"报送|前报", sentence):
                continue
            sentence_subject = next((name for name, pattern in SUBJECT if pattern.match(sentence)), subject)
            for kind, pattern in KINDS:
                match = pattern.search(sentence)
                if not match or kind in ("consultation_day",):
                    continue
                if kind == "publicity" and not re.search(r"进(?:企业|农村|社区|学校|校园|家庭)", sentence):
                    continue
                positions = {name: m.start() for name, words in SECTOR_WORDS if (m := re.search(rf"进(?:{words})", sentence))}
                sectors = sorted(positions, key=positions.get) or ([sentence_subject] if sentence_subject else [])
                value: dict[str, Any] = {"kind": kind}
                if sectors:
                    value["sectors"] = sectors
                _add_activity(draft, Sourced(value, line.number, _quote(sentence, match.start(), match.end())))
                if ADDRESSED.search(sentence) and kind not in asked:
                    asked[kind] = Sourced({"type": "activity", "kind": kind, "basis": clauses.get(line.number, "")},
                                          line.number, _quote(sentence, match.start(), match.end()))
    draft.requirements += list(asked.values())


def _find_drills_per_sector(lines: list[Line], draft: Draft, year: int, clauses: dict[int, str]) -> None:
    """`农村要针对气象、地质、洪涝和火灾…组织一次逃生演练；学校要针对…` — one drill per sector, with scenarios."""
    sector_start = "|".join(words for _, words in SECTOR_WORDS)
    for line in lines:
        text = line.text
        if not re.search(r"演练|推演", text):
            continue
        for sentence in re.split(r"。", text):
            if not re.search(r"演练|推演", sentence):
                continue
            parts = re.split(rf"[；;，,](?=\s*(?:{sector_start})(?:要|应|需))", sentence)
            for part in parts:
                part = re.split(r"[；;]", part)[0] if not re.match(rf"^\s*(?:{sector_start})(?:要|应|需)", part) else part
                sector = next((name for name, words in SECTOR_WORDS if re.match(rf"^\s*(?:{words})(?:要|应|需)", part)), None)
                if sector is None:
                    continue
                target = re.search(r"针对(?P<what>[^，。；;]{2,60})", part)
                drill_clause = next((c for c in re.split(r"[，,]", part) if re.search(r"演练|推演", c)), "")
                where = target["what"] if target else drill_clause
                scenarios = [name for name, words in SCENARIOS if re.search(words, where) and name != "evacuation"]
                _add_sector_drill(draft, line, text, part, sector, scenarios, clauses)


def _add_sector_drill(draft, line, text, part, sector, scenarios, clauses) -> None:
    """One sector's drill: an activity to hold, and the requirement that asks for it."""
    value = {"kind": "drill", "sector": sector, "scenarios": scenarios}
    start = text.find(part.strip())
    draft.activities.append(Sourced(value, line.number, _quote(text, start, start + min(len(part), 40))))
    draft.requirements.append(Sourced({"type": "drill_per_sector", "sector": sector, "scenarios": scenarios,
                                       "basis": clauses.get(line.number, "")}, line.number, part.strip()[:40]))


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


def _find_reports(lines: list[Line], draft: Draft, year: int, clauses: dict[int, str]) -> None:
    for line in lines:
        for sentence, _ in _sentences(line):
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


def _find_requirements(lines: list[Line], draft: Draft, year: int, clauses: dict[int, str]) -> None:
    """Requirements that follow from what was found, each with the clause that says it."""
    for name in ("theme",):
        if name in draft.fields:
            source = draft.fields[name]
            draft.requirements.append(Sourced({"type": "theme", "basis": clauses.get(source.line, "")}, source.line, source.phrase))
    if "period" in draft.fields:
        source = draft.fields["period"]
        draft.requirements.append(Sourced({"type": "period", "basis": clauses.get(source.line, "")}, source.line, source.phrase))
    for activity in draft.activities:
        addressed = any(ADDRESSED.search(l.text) for l in lines if l.number == activity.line)
        if activity.value["kind"] == "consultation_day" and activity.value.get("date") == date(year, 6, 16) and addressed:
            draft.requirements.append(Sourced({"type": "activity", "kind": "consultation_day", "date": date(year, 6, 16),
                                               "basis": clauses.get(activity.line, "")}, activity.line, activity.phrase))
            break
    mentions = [l for l in lines if re.search(r"安全宣传\s*[“\"]?(五进|四进)", l.text)]
    preferred = [l for l in mentions if re.search(r"(开展|推进).{0,8}(五进|四进)", l.text)] or mentions
    for line in preferred[:1]:
        text = line.text
        match = re.search(r"安全宣传\s*[“\"]?(五进|四进)[”\"]?", text)
        if match:
            sectors = [name for name, words in SECTOR_WORDS if re.search(rf"进(?:{words})", " ".join(l.text for l in lines))]
            if len(sectors) >= 4:
                draft.requirements.append(Sourced({"type": "sectors_covered", "kind": "publicity", "sectors": sectors,
                                                   "basis": clauses.get(line.number, "")}, line.number, _quote(text, match.start(), match.end())))
            break
    for campaign in draft.campaigns:
        if campaign.value.get("end"):
            draft.requirements.append(Sourced({"type": "campaign", "name": campaign.value["name"], "end_not_before": campaign.value["end"],
                                               "basis": clauses.get(campaign.line, "")}, campaign.line, campaign.phrase))
    for line in lines:
        if match := re.search(r"明确\s*[1一]\s*名.{0,12}联络员|联络员(?:制度|反馈表)", line.text):
            draft.requirements.append(Sourced({"type": "contact", "role": "liaison", "basis": clauses.get(line.number, "")},
                                              line.number, _quote(line.text, match.start(), match.end())))
            break


def _prune_vague(draft: Draft) -> None:
    """Drop an undated mention of a kind that the notice also gives more precisely (a day, or sectors)."""
    def dated(v):
        return any(v.get(k) for k in ("date", "start", "end"))

    def sectored(v):
        return bool(v.get("sectors") or v.get("sector"))

    kept = []
    for activity in draft.activities:
        value = activity.value
        same = [a.value for a in draft.activities if a is not activity and a.value["kind"] == value["kind"]]
        if not dated(value) and not sectored(value) and any(dated(o) or sectored(o) for o in same):
            continue
        if not dated(value) and sectored(value) and not value.get("scenarios") and any(dated(o) and set(o.get("sectors") or [o.get("sector")]) >= set(value.get("sectors") or [value.get("sector")]) for o in same):
            continue
        kept.append(activity)
    draft.activities = kept


def extract(lines: list[Line], *, year: int | None = None) -> Draft:
    draft = Draft()
    _find_org(lines, draft)
    _find_title_year(lines, draft)
    _find_edition_theme(lines, draft)
    if year is not None:
        draft.fields["year"] = Sourced(year, 0, "--year")
    the_year = draft.value("year")
    org = draft.value("org")
    if org and (level := _level_of(org)):
        draft.fields["level"] = Sourced(level, draft.fields["org"].line, draft.fields["org"].phrase)
    elif not org:
        _level_from_title(lines, draft)
    _find_numbers(lines, draft)
    clauses = clause_of_lines(lines)
    _find_leading_group(lines, draft)
    _find_contacts(lines, draft)
    if the_year:
        _find_period(lines, draft, the_year)
        _find_campaigns(lines, draft, the_year)
        _find_activities(lines, draft, the_year, clauses)
        _find_drills_per_sector(lines, draft, the_year, clauses)
        _find_undated_activities(lines, draft, clauses)
        _prune_vague(draft)
        _find_reports(lines, draft, the_year, clauses)
        _find_requirements(lines, draft, the_year, clauses)
    return draft
