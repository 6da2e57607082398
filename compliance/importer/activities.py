"""Activities: the issuer's own events and the ones it orders, with their days and sectors."""

from __future__ import annotations

import re
from datetime import date
from typing import Any

from .clauses import sentences
from .dates import MONTH_PART, MONTH_SPAN, SINCE_TODAY, days_in, month_part, month_parts_in, month_span, spans_in, whole_month_in
from .draft import QUOTED, Draft, Sourced, quote
from .header import CAMPAIGN_NAME
from .reader import Line
from .gates import HELD_FOR_PEOPLE, describe, lines_of_opening, sentence_of
from .sectors import _units_named, check_sectors, heading_sectors, holders_in, issuers_own_sector, sectors_in
from .vocabulary import BUSINESSES, DRILL_SUBJECTS, KINDS, SCENARIOS, SECTOR_WORDS


def when_in(sentence: str, year: int, issued: date | None = None) -> tuple[dict[str, date], int, int] | None:
    if since := SINCE_TODAY.search(sentence):
        return _since_today(sentence, since, year, issued)
    spans = spans_in(sentence, year)
    if spans:
        start, end, low, high = spans[0]
        return {"start": start, "end": end}, low, high
    parts = month_parts_in(sentence, year)
    days = days_in(sentence, year)
    if parts and days and parts[0][3] < days[0][1] and RANGE_ON.match(sentence, parts[0][4]):
        return _range_on(sentence, parts[0][0], parts[0][3], parts[0][4], year)  # 6月下旬至7月15日: from the part
    if days:
        day, low, high = days[0]
        if RANGE_ON.match(sentence, high):
            return _range_on(sentence, day, low, high, year)
        if (since := _since_day(sentence, day, high, year)) is not None:
            return since, low, high
        if sentence[high:high + 2].startswith(("前", "之前")):
            return {"end": day}, low, high  # by that day
        return {"date": day}, low, high
    if months := MONTH_SPAN.search(sentence):
        start, end = month_span(year, int(months["m1"]), int(months["m2"]))
        return {"start": start, "end": end}, months.start(), months.end()
    if whole := whole_month_in(sentence, year):
        return {"start": whole[0], "end": whole[1]}, whole[2], whole[3]
    if parts:
        start, end, part, low, high = parts[0]
        if RANGE_ON.match(sentence, high):
            return _range_on(sentence, start, low, high, year)
        if part in ("底", "末") or sentence[high:high + 1] == "前":
            return {"end": end}, low, high  # 6月底前: by the end of the month
        return {"start": start, "end": end}, low, high
    return None


def when_of_event(sentence: str, at: int, year: int, issued: date | None = None) -> tuple[dict[str, date], int, int] | None:
    """The time of the event named at `at`: the nearest one its own clause or the clauses before it give (各村要在6月10日前
    召开村民大会，6月中旬开展地质灾害隐患排查: the check is 6月中旬's, not the meeting's 6月10日前); a sentence that gives
    none before it or in its clause gives the first time after it (各企业要开展一次演练，于6月20日前完成)."""
    stop = re.search(r"[，,；;。]", sentence[at:])
    clause_end = at + stop.start() if stop else len(sentence)
    starts = [0] + [index + 1 for index, mark in enumerate(sentence[:at]) if mark in "，,；;"]
    for start, end in reversed(list(zip(starts, starts[1:] + [clause_end]))):
        # the clause's own time: read on to the sentence's end (6月1日起…至6月25日), or, when a time further on is read
        # first (一是6月中旬前…培训，二是…6月份…: a month before a part of one), within the clause alone
        if ((when := when_in(sentence[start:], year, issued)) and start + when[1] < end) or (when := when_in(sentence[start:end], year, issued)):
            return when[0], start + when[1], start + when[2]
    # with no time before it or in its clause, the first after it, but not one of other units' order further on (各社区以…为
    # 重点开展演练，各中小学校在6月中旬前完成…: the schools' time, not the communities')
    further = OTHER_UNITS_ACT.search(sentence, clause_end)
    return when_in(sentence[:further.start()] if further else sentence, year, issued)


OTHER_UNITS_ACT = re.compile(r"[，,；;]\s*(?:辖区)?各[\u4e00-\u9fa5（）()、]{1,12}?(?:要|应(?!急)|须|在(?=[0-9]{1,2}\s*月)|于(?=[0-9]{1,2}\s*月))")


RANGE_ON = re.compile(r"\s*(?:至|到|—|－|-|~|～)\s*(?=[0-9一二三四五六七八九十]{1,2}\s*[月日号]|[0-9]{1,2}\s*$|[上中下]旬)")


def _range_on(sentence: str, start: date, low: int, high: int, year: int) -> tuple[dict[str, date], int, int] | None:
    """6月中旬至7月上旬 / 6月20日至7月上旬: a time that runs on to an end in another form than its start. The span, when
    the end reads as a day or a part of a month; nothing (the clerk's to read) when it does not."""
    rest_at = RANGE_ON.match(sentence, high).end()
    if part := MONTH_PART.match(sentence, rest_at):
        span = month_part(int(part["y"]) if part["y"] else year, int(part["m"]), part["part"])
        if span and span[1] >= start:
            return {"start": start, "end": span[1]}, low, part.end()
    for day, day_low, day_high in days_in(sentence[rest_at:rest_at + 12], year):
        if day_low == 0 and day >= start:
            return {"start": start, "end": day}, low, rest_at + day_high
    return None


# 6月12日至6月18日为园区应急演练周 / 6月1日—10日为宣传发动阶段: a sentence that only sets the window of the next ones
DECLARES_WINDOW = re.compile(r"^\s*(?:[（(][一二三四五六七八九十0-9]+[）)]|[0-9]+[.．、])?[^，。；]{0,16}?[0-9]{1,2}\s*[日号]\s*为[^，。；]{0,14}(?:周|阶段|时段|期间)\s*[。；;]?\s*$")


# 6月9日至6月15日为集团“应急演练周”，各水厂要开展…: a window declared at the head of a sentence that goes on
DECLARES_WINDOW_FIRST = re.compile(r"^\s*(?:[（(][一二三四五六七八九十0-9]+[）)]|[0-9]+[.．、])?[^，。；]{0,16}?[0-9]{1,2}\s*[日号]\s*为[^，。；]{0,14}(?:周|阶段|时段|期间)[”\"]?\s*[，,]")


def declared_window(text: str, year: int) -> tuple[dict[str, date], int, int] | None:
    at = 0  # where the sentence begins in the text: the window's place is given in the text
    for sentence in re.split(r"(?<=[。；;])", text):
        if (DECLARES_WINDOW.match(sentence) or DECLARES_WINDOW_FIRST.match(sentence)) and (when := when_in(sentence, year)) and "start" in when[0]:
            return when[0], at + when[1], at + when[2]
        at += len(sentence)
    return None


SINCE = re.compile(r"\s*(?:起|开始)")


def _since_day(sentence: str, day: date, high: int, year: int) -> dict[str, date] | None:
    """5月20日起…6月25日前完成: from the one day to the other. With no end the sentence gives only a start."""
    if not (since := SINCE.match(sentence, high)):
        return None
    rest = when_in(sentence[since.end():], year)
    end = rest and (rest[0].get("end") or rest[0].get("date"))
    return {"start": day, "end": end} if end and end >= day else None


def _since_today(sentence: str, since: re.Match, year: int, issued: date | None) -> tuple[dict[str, date], int, int] | None:
    """即日起至6月25日 starts on the day the notice is dated; an undated notice leaves it to the clerk."""
    rest = when_in(sentence[since.end():], year)
    if issued is None or rest is None:
        return None
    end = rest[0].get("end") or rest[0].get("date")
    if not end or end < issued:
        return None
    return {"start": issued, "end": end}, since.start(), since.end() + rest[2]


def activity_window(when: dict[str, date]) -> dict[str, date]:
    """A deadline (6月底前) is an activity's date: the day it is due by."""
    if "end" in when and "start" not in when:
        return {"date": when["end"]}
    return dict(when)


def requirement_window(when: dict[str, date]) -> dict[str, date]:
    if "date" in when:
        return {"date": when["date"]}
    window = {"not_before": when.get("start"), "not_after": when.get("end")}
    return {key: day for key, day in window.items() if day}


def kind_of(sentence: str) -> tuple[str, re.Match] | None:
    for kind, pattern in KINDS:
        if match := pattern.search(sentence):
            return kind, match
    return None


# an item's heading that names an event and nothing else: （六）公众开放日。/ 10．警示教育。
HEADING_KINDS = {"open_day", "knowledge_contest", "warning_education", "launch_ceremony", "training", "leader_talk", "door_to_door",
                 "hazard_inspection", "study_session", "case_recommendation", "whistleblower_promotion"}  # (a 咨询日 is dated already)
# or that says only that it is held (（五）开展警示教育。6月中旬，各单位组织干部职工观看…): the body dates it
ITEM_HEAD = re.compile(r"^\s*(?:[（(]\s*[一二三四五六七八九十0-9]{1,2}\s*[）)]|[0-9]{1,2}\s*[.．、])\s*(?:深入开展|组织开展|开展|组织|举办)?[“\"]?"
                       r"(?P<name>(?!开展|组织|举办|做好|加强|强化)[\u4e00-\u9fa5“”\"]{2,10}?)[”\"]?(?:活动)?\s*[。.]")
CONTEST = re.compile(r"答题")  # （七）网上答题。: as a heading, an event of its own
BODY_ACTION = re.compile(r"观看|邀请|组织|开展|举办|举行|召开|参加|参观")


def heading_kind(line: Line) -> tuple[str, int] | None:
    """（六）公众开放日。6月下旬，公司邀请…参观…: the heading names the event its body dates without naming it again.
    The kind and where the body begins."""
    if not (head := ITEM_HEAD.match(line.text)):
        return None
    kind = "knowledge_contest" if CONTEST.search(head["name"]) else (found := kind_of(head["name"])) and found[0]
    return (kind, head.end()) if kind in HEADING_KINDS else None


def body_kind(line: Line, sentence: str, offset: int, found: tuple[str, re.Match] | None) -> tuple[str, re.Match] | None:
    """The kind of a sentence of an item's body: its own, or, when it names none, the one its heading names."""
    if found or not (head := heading_kind(line)) or offset != head[1] or not (action := BODY_ACTION.search(sentence)):
        return found  # only the body's first sentence: a later one may be about something else
    return head[0], action


_ALL_SECTORS = "|".join(words for _, words in SECTOR_WORDS)
# 1.进企业。/ （2）进农村： a sub-item of 五进 that names its sector and no subject
SECTOR_ITEM = re.compile(rf"^\s*(?:[0-9]{{1,2}}\s*[.．、]|[（(]\s*(?:[0-9]{{1,2}}|[一二三四五六七八九十]{{1,2}})\s*[）)])\s*(?:安全(?:宣传|知识|文化))?进(?P<where>{_ALL_SECTORS})\s*[。.：:，,]")
# 一是进企业，…；二是进农村，…: 五进 written as one paragraph of enumerated parts (…四进活动：进企业重点宣传…；进农村重点…:
# parts that begin with where they go and what they stress)
# 一是进企业，… / 进企业重点… / …要紧扣活动主题，1.进企业，…；2.进农村，…: a part of 五进 inside a paragraph
# (…进农村、进学校活动：进农村，利用…；进学校，联合…: a part after a stop, colon or semicolon, its place then a comma)
ENUMERATED_ITEM = re.compile(rf"(?:(?:^|(?P<c>[。；;：:])|“)\s*(?P<n>[一二三四五六]是)?|(?:^|[。；;：:“，,])\s*(?P<d>[1-6]\s*[.．、]|[（(][1-6][）)])\s*)"
                             rf"进(?P<where>{_ALL_SECTORS})\s*(?(n)[，,：:]|(?(d)[，,：:]|(?(c)(?:重点|[，,](?!进))|重点)))")
SCHOOL = re.compile(r"学校|小学|中学|幼儿园|师生|校园")


def item_sector(text: str) -> str | None:
    if match := SECTOR_ITEM.match(text):
        return _sector_named(match["where"])
    return None


def school_sector(text: str) -> str | None:
    """A drill held by a school or with its pupils is in sector school, unless the text names another sector too."""
    others = [name for name, words in DRILL_SUBJECTS if name != "school" and re.search(words, text)]
    return "school" if SCHOOL.search(text) and not others else None


def _sector_named(where: str) -> str:
    return next(name for name, words in SECTOR_WORDS if re.fullmatch(words, where))


def find_sector_items(lines: list[Line], draft: Draft, year: int | None = None, clauses: dict[int, str] | None = None) -> None:
    """Each 五进/四进 sub-item (1.进企业。…, 一是进企业，…) is a publicity activity for its sector."""
    for line in lines:
        if sector := item_sector(line.text):
            match = SECTOR_ITEM.match(line.text)
            value = {"kind": "publicity", "sectors": [sector]}
            # 2.进农村。由县农业农村局牵头，各乡（镇）具体组织，6月份利用赶街天…开展…宣传: the item's own time is its publicity's
            if year and (when := _item_publicity_time(line.text[match.end():], year)):
                value.update(activity_window(when))
            add_activity(draft, Sourced(value, line.number, quote(line.text, match.start(), match.end())))
        ordered = False
        for match in ENUMERATED_ITEM.finditer(line.text):
            value: dict[str, Any] = {"kind": "publicity", "sectors": [_sector_named(match["where"])]}
            if year and (when := _time_after_quoted_parts(line.text, match.start("where"), year)):
                value.update(activity_window(when[0]))
                if not ordered and ADDRESSED.search(line.text, 0, match.start()):
                    # 各县（市、区）要按照“一是…”的要求，于6月25日前集中开展一轮宣传: the publicity is ordered by that time
                    ordered = True
                    start = line.text.rfind("“", 0, match.start("where"))
                    draft.requirements.append(Sourced({"type": "activity", "kind": "publicity", **requirement_window(when[0]),
                                                       "basis": (clauses or {}).get(line.number, "")}, line.number,
                                                      quote(line.text, start, start + 40)))
            add_activity(draft, Sourced(value, line.number, quote(line.text, match.start(), match.end())))


def _item_publicity_time(body: str, year: int) -> dict[str, date] | None:
    """The time of a 五进 sub-item's body when what follows it in its sentence is the publicity (6月下旬组织开展“平安家庭”创建
    宣传), not another event (6月20日前完成一轮全员安全培训 is the training's time)."""
    if not (when := when_in(body, year)):
        return None
    rest = re.split(r"[。；;]", body[when[1]:])[0]
    told = re.search(r"宣传|宣讲|安全第一课", rest)
    other = [m.start() for kind, pattern in KINDS if kind != "publicity" and (m := pattern.search(rest))]
    return when[0] if told and all(told.start() < at for at in other) else None


def _time_after_quoted_parts(text: str, at: int, year: int):
    """按照“一是进企业，…；五是进家庭，…”的要求，于6月25日前集中开展一轮宣传: parts quoted as what is asked, and the time of
    the sentence that asks it after the quote, are the parts' time (each part with no time of its own)."""
    opening = text.rfind("“", 0, at)
    if opening < 0 or text.rfind("”", opening, at) >= 0 or (closing := text.find("”", at)) < 0:
        return None
    if re.search(r"[。]", text[opening:closing]) or not re.match(r"\s*的?(?:要求|部署|安排)", text[closing + 1:]):
        return None
    part_end = min([i for i in (text.find(mark, at, closing) for mark in "；;") if i >= 0] or [closing])
    if when_in(text[at:part_end], year):
        return None  # a part with a time of its own
    rest = re.split(r"[。；;]", text[closing + 1:])[0]
    return when_in(rest, year)


def find_activities(lines: list[Line], draft: Draft, year: int, clauses: dict[int, str], skip: set[int] = frozenset()) -> None:
    carried = heading_sectors(lines, clauses)
    for line in lines:
        if line.number in skip:
            continue
        specific_days: set[date] = set()  # days of this line already given to a specific kind
        declared = declared_window(line.text, year)
        for whole, offset in sentences(line):
            whole = before_sending(whole)
            if DECLARES_WINDOW.match(whole):
                continue  # 6月12日至6月18日为园区应急演练周: the window of what follows, not an event
            first = body_kind(line, whole, offset, kind_of(whole))
            if not first:
                continue
            for kind, match in [first] + _timed_others(whole, first, year, draft.issued):
                sentence = whole
                sentence = own_order(sentence, match.start())
                if (cut := later_order(sentence, match.start(), year)) is not None:
                    sentence, match = cut, dict(KINDS)[kind].search(cut) or match
                if kind == "publicity" and CAMPAIGN_NAME.search(sentence):
                    continue  # the extended campaign, not an activity
                when_now = when_of_event(sentence, match.start(), year, draft.issued) \
                    or (declared if declared and declared[1] < offset + match.start() else None)  # a window declared before it
                if kind != "publicity" and when_now and "date" in when_now[0]:
                    specific_days.add(when_now[0]["date"])
                if kind == "consultation_day":
                    specific_days.add(date(year, 6, 16))
                if kind == "publicity" and when_now and when_now[0].get("date") in specific_days:
                    continue
                if re.search(r"(报送|前报|总结|联络员|方案和附件)", sentence) and kind not in ("consultation_day", "launch_ceremony"):
                    continue
                if SENDS_MATERIAL.search(sentence):
                    continue  # 于6月25日前将演练记录、培训签到表等材料报保卫科: what is sent, not an event
                if kind == "publicity" and when_now and when_now[0].get("date") == date(year, 6, 16) and "咨询" in sentence:
                    kind = "consultation_day"  # 6月16日…设置安全宣传咨询台: the national consultation day
                when = when_now
                if when is None and kind not in ("consultation_day",):
                    continue
                if when is None:
                    when = ({"date": date(year, 6, 16)}, match.start(), match.end())
                value: dict[str, Any] = {"kind": kind, **activity_window(when[0])}
                if kind == "consultation_day" and "date" not in value:
                    continue
                drill_words = sentence
                if kind == "drill":
                    value["scenarios"] = _part_scenarios(sentence)
                positions = entered_sectors(kind, sentence, match)
                sectors = sorted(positions, key=positions.get) or _implied_sectors(kind, sentence, line.text, match.start()) \
                    or _carried(kind, carried.get(line.number))
                if kind == "drill" and sectors:
                    drill_words = _own_drill_part(sentence, match, sectors)
                    value["scenarios"] = _part_scenarios(drill_words)
                title_match = QUOTED.search(sentence)
                if title_match and dict(KINDS)[kind].search(title_match.group(1)):
                    value["title"] = title_match.group(1)
                phrase = quote(sentence, min(when[1], match.start()), max(when[2], match.end()))
                days = [d for d, _, _ in days_in(sentence, year)]
                if len(days) >= 2 and re.search(r"依次|分别", sentence) and "date" in value:
                    # 6月9日、6月20日，…依次到城西社区、泰强公司开展送安全进社区、进企业宣传活动
                    for position, day in enumerate(days):
                        one = {**value, "date": day}
                        if len(sectors) == len(days):
                            one["sectors"] = [sectors[position]]
                        add_activity(draft, Sourced(one, line.number, phrase))
                    continue
                if sectors:
                    value["sectors"] = sectors
                if kind == "drill":
                    add_drills(draft, value, sentence if joined_drills(sentence) else drill_words, line.number, phrase, sentence)
                    continue
                add_activity(draft, Sourced(value, line.number, phrase))


def _timed_others(sentence: str, first: tuple[str, re.Match], year: int, issued: date | None) -> list[tuple[str, re.Match]]:
    """各学校要在6月16日组织师生参加“安全宣传咨询日”活动，6月20日前开展一次防溺水演练: an event of another kind than the
    sentence's first, in another clause that gives its own time, is dated by that clause."""
    found = []
    for kind, pattern in KINDS:
        if kind == first[0] or not (match := pattern.search(sentence)):
            continue
        start = max(sentence.rfind(mark, 0, match.start()) for mark in "，,；;") + 1
        stop = re.search(r"[，,；;。]", sentence[match.end():])
        end = match.end() + stop.start() if stop else len(sentence)
        if (start > first[1].end() or end < first[1].start()) and when_in(sentence[start:end], year, issued):
            found.append((kind, match))
    # …主要负责人要于6月15日前…讲一次安全课，辖区各企业主要负责人要在6月份为本企业职工讲一次安全课: an event of the first's
    # kind that further units are told to hold with a time of their own is theirs
    for holder in NEXT_HOLDER.finditer(sentence) if first[0] != "drill" else ():  # (further units' drills: _later_holders_drills)
        if holder.start() >= first[1].end() and (again := KINDS_BY_NAME[first[0]].search(sentence, holder.end())) \
                and not NEXT_HOLDER.search(sentence, holder.end(), again.start()) and when_in(sentence[holder.end():again.end()], year, issued):
            found.append((first[0], again))
    # …视频会议，各县（市）、各行委设分会场参加，并于6月10日前召开本地动员部署会议: after attending the issuer's, the units
    # hold their own (本地, 本单位) by a time of its own
    if (own := OWN_AGAIN.search(sentence, first[1].end())) and (again := KINDS_BY_NAME[first[0]].search(sentence, own.end())) \
            and not re.search(r"[，,；;。]", sentence[own.end():again.start()]) and when_in(own["time"] + "前", year, issued):
        found.append((first[0], again))
    return found


OWN_AGAIN = re.compile(r"[，,]\s*并(?:于|在)(?P<time>[0-9]{1,2}\s*月[^，,。；;]{1,6}?)(?:前|之前)(?:召开|组织|开展|举办|举行)(?:本地|本单位|本辖区|本部门|本系统)")


# …应急演练，各非煤子公司要开展一次火灾应急演练: a comma before other units told to hold something begins their order
# (人员密集场所要…, 农机合作社要…, 各医疗机构要…: units of no sector begin an order of their own as well)
OTHER_UNITS = r"[\u4e00-\u9fa5]{0,8}?(?:场所|单位|机构|合作社|公司|医院|物业|景区|商场|超市|车站|码头|酒店|宾馆|负责同志|负责人)"
# (辖区各企业主要负责人要在6月份…讲一次安全课: heads told to give a lecture, too)
# (…组织专题学习，区内各企业要在6月15日前组织全体职工…: units of the zone named with 区内/园区 before 各, too)
NEXT_HOLDER = re.compile(r"[，,](?=\s*(?:[一二三四五六七八九十]是)?(?:(?:区内|园区内?)?各[\u4e00-\u9fa5（）()]{1,12}?|(?:(?!同时|并|还|也|另外|此外|结合|按照|根据|通过|重点|演练|活动|确保|切实|全面)[\u4e00-\u9fa5]{1,6}的|[镇乡县区](?=中心))?"
                         r"(?:" + "|".join(w for _, w in DRILL_SUBJECTS) + r")[\u4e00-\u9fa5]{0,4}?"
                         r"|(?!同时|并|还|也|另外|此外|结合|按照|根据|通过|重点|演练|活动|确保|切实|全面)" + OTHER_UNITS + r")"
                         r"(?:要|应(?!急)|须)[^，,。；;]{0,30}?(?:开展|组织|举办|召开|讲授|完成|[讲上]一[次堂节]|张贴|发放|悬挂))")


def later_order(sentence: str, at: int, year: int) -> str | None:
    """各单位要组织企业职工开展一次安全培训，各村要在6月25日前开展防汛演练: the order of a further unit told to act (its
    date, people and hazards are its own), from where it begins; a time that leads the whole sentence (6月20日前，各企业
    要…，各学校要…) is shared and kept. None when the event is in the sentence's first order."""
    start = _holder_start(sentence, at)
    if not start or not re.search(r"要|应(?!急)|须", sentence[:start]):
        return None  # 即日起至6月20日，各学校要…: the first unit told to act, after a time that is its own
    lead = LEADING_TIME.match(sentence)
    shared = lead.group(0) if lead and lead.end() <= start and not re.search(_ANY_SUBJECT + r"|各", lead["time"]) \
        and when_in(lead["time"], year) else ""
    return shared + sentence[start:]


def own_order(sentence: str, at: int) -> str:
    """The part of a sentence that is the order an event at `at` belongs to: up to where other units are told to hold
    another (its date and hazards are not theirs)."""
    for holder in NEXT_HOLDER.finditer(sentence):
        if holder.start() > at:
            return sentence[:holder.start()]
    return sentence


SENDS_MATERIAL = re.compile(r"将[^，。；]{1,30}?(?:报送|上报|提交|(?<![举海简快情])报(?!道|名|刊|纸|警|告会|告厅))")
SENDING_CLAUSE = re.compile(r"[，,][^，,]*?(?:报送|前报|上报|(?<![举海简快情预])报(?:县|市|区|镇|乡|街道|局|委|办|公司|集团)|将[^，,]{1,20}?报)")


# 于6月25日前将自查情况报… / 演练情况于6月25日前报…: what is sent is the account of the event the clauses before order
ACCOUNT_SENT = re.compile(r"情况|记录|结果|报告")


def deadline_of_account(sentence: str, own: str, year: int) -> dict[str, date] | None:
    """辖区各企业要…开展隐患自查自纠，于6月25日前将自查情况报镇安监站: an event with no time of its own whose account is
    to be sent by a day is held by that day (the clause that sends names the deadline the event keeps)."""
    rest = sentence[len(own):]
    if not rest or when_in(own, year) or not ACCOUNT_SENT.search(rest):
        return None
    when = when_in(rest, year)
    return {"date": when[0]["end"]} if when and set(when[0]) == {"end"} else None


def before_sending(sentence: str) -> str:
    """各企业要在6月份开展一次应急演练，演练情况于6月28日前报县应急管理局: the clauses before the one that sends
    material up may still order an event; the sending clause orders none."""
    if (cut := SENDING_CLAUSE.search(sentence)) and ACTION.search(sentence[:cut.start()]):
        return sentence[:cut.start()]
    return sentence
PUPILS = re.compile(r"师生|学生|教职工")
OTHER_PEOPLE = re.compile(r"企业|群众|居民|村民|(?<!教)职工|员工|家长")
WORKERS = re.compile(r"企业[^，。；]{0,8}组织[^，。；]{0,6}(?<!干部)(?:职工|员工)")  # 干部职工 are every unit's staff


# 开展安全用气宣传进社区、进家庭活动: a clause of its own that takes publicity into sectors
PUBLICITY_ENTERS = re.compile(r"[，,；;]\s*(?:同步|同时|并)?(?:开展|组织)[^，,；;]{0,8}宣传进(?:企业|农村|社区|学校|校园|家庭|公共场所)|^[^，,；;]*?(?:开展|组织)[^，,；;]{0,8}宣传进(?:企业|农村|社区|学校|校园|家庭|公共场所)[^，,；;]*?活动[，,]")


def entered_sectors(kind: str, sentence: str, match: re.Match) -> dict[str, int]:
    """The sectors a sentence's 进X names, where it names them. They are the publicity's (宣传进社区、进家庭); another
    kind of event takes them only from its own clause: in 各营业所要开展一次入户安检，同步开展宣传进社区、进家庭活动 the
    check is made in no sector, and in …宣传进社区、进家庭活动，组织居民开展火灾逃生演练 the drill is not held in the family."""
    where = sentence
    if kind != "publicity" and PUBLICITY_ENTERS.search(sentence):
        start = max(sentence.rfind(mark, 0, match.start()) for mark in "，,；;") + 1
        stop = re.search(r"[，,；;]", sentence[match.end():])
        own = sentence[start:match.end() + stop.start()] if stop else sentence[start:]
        if not PUBLICITY_ENTERS.search(own):
            where = own
    return {name: m.start() for name, words in SECTOR_WORDS if (m := re.search(rf"进(?:{words})", where))}


def _implied_sectors(kind: str, sentence: str, line_text: str, at: int = 0) -> list[str]:
    """The sector of a 五进 sub-item the sentence sits in, a school's own drill, or the people it is for
    (学校师生, 企业职工)."""
    if sector := item_sector(line_text):
        return [sector]
    if kind == "drill" and (sector := school_sector(sentence)):
        return [sector]
    if kind == "drill" and NAMED_VILLAGE_FIRST.match(sentence):
        return ["rural"]  # 石门村是地质灾害隐患点所在村，还要在25日前加搞一次…演练: one named village holds it
    if kind == "drill" and (site := COMPANY_SITE.search(sentence)) and site.end() <= at:
        return ["enterprise"]  # 6月14日，园区在江澜石化公司组织开展…演练: held at a company (in a company's own plan, its own)
    if PUPILS.search(sentence) and not OTHER_PEOPLE.search(sentence):
        return ["school"]
    if WORKERS.search(sentence):
        return ["enterprise"]
    if kind == "hazard_inspection":
        return check_sectors(sentence, at)
    if kind in HELD_FOR_PEOPLE:
        return sectors_in(sentence, at, by_holder=kind != "consultation_day") \
            or _sectors_of_item_body(kind, sentence, line_text)  # the 咨询日 is open to all
    return []


# 石门村是… / 石门村要…: a sentence whose subject is one village named (not 各村, not a 村小 or the 村委会 alone)
NAMED_VILLAGE_FIRST = re.compile(r"^\s*(?:[0-9]{1,2}\s*[.．、])?[\u4e00-\u9fa5]{1,4}?(?<![各每])村(?![小民委两])(?:是|要|应|须|还要)")


COMPANY_SITE = re.compile(r"在[\u4e00-\u9fa5]{2,14}?(?:公司|化工厂|企业)[\u4e00-\u9fa5]{0,6}?(?:组织|开展|举行|举办)")
ITEM_HEADING = re.compile(r"^\s*(?:[（(]\s*[一二三四五六七八九十0-9]{1,2}\s*[）)]|[0-9]{1,2}\s*[.．、])[^，,。；;]{2,20}[。.]\s*$")


def _sectors_of_item_body(kind: str, sentence: str, line_text: str) -> list[str]:
    """（一）企业主要负责人讲安全课。各企业主要负责人要…: an item's heading takes the holders its body names for the
    same event."""
    if not (ITEM_HEADING.match(sentence) and line_text.startswith(sentence)):
        return []
    body = line_text[len(sentence):]
    if not (again := dict(KINDS)[kind].search(body)):
        return []
    return holders_in(body, again.start()) or []


def _carried(kind: str, sector: str | None) -> list[str]:
    """An event held for people takes the sector its clause's heading names; a hazard check or a report does not."""
    return [sector] if sector and kind in HELD_FOR_PEOPLE else []


def _own_drill_part(sentence: str, match: re.Match, sectors: list[str]) -> str:
    """指导辖区企业开展泄漏处置演练，指导人员密集场所开展疏散演练: when a later drill of the sentence is held by
    others, this drill's hazards are those of its own clause."""
    for later in re.finditer(r"演练|推演", sentence[match.end():]):
        if (others := holders_in(sentence, match.end() + later.start())) is not None and others != sectors:
            stop = re.search(r"[，,；;]", sentence[match.end():])
            return sentence[:match.end() + stop.start()] if stop else sentence
    return sentence


# 消防演练和应急疏散演练各1次 / 指导企业开展泄漏处置演练，指导人员密集场所开展应急疏散演练: the word that joins one drill
# to the next one named (或 offers a choice of one drill, and a unit told 要 begins its own order, read elsewhere)
NEXT_DRILL = re.compile(r"^\s*(?:和|及|以及|与|、|[，,](?![^，,。；;]*?(?:要|应(?!急)|须|或)))")


def joined_drills(text: str) -> list[str]:
    """Drills named one after another in one order (燃气泄漏处置演练和应急疏散演练), each meeting hazards of its own:
    the words of each, so that each is a drill of its own. One drill, a later 演练 that names no hazard of its own
    (…演练，演练结束后…), or two naming the same hazards give nothing to split."""
    ends = [m.end() for m in re.finditer(r"演练|推演", text)]
    if len(ends) < 2:
        return []
    parts = [text[start:end] for start, end in zip([0] + ends[:-1], ends)]
    if not all(NEXT_DRILL.match(part) for part in parts[1:]):
        return []
    hazards = [tuple(_part_scenarios(part)) for part in parts]
    if not all(hazards) or len(set(hazards)) < len(hazards):
        return []
    return parts


def add_drills(draft: Draft, value: dict[str, Any], words: str, line: int, phrase: str, sentence: str = "") -> None:
    """A drill activity, or one for each drill the words name one after another, each with its own hazards. A drill
    after a comma (，指导人员密集场所开展疏散演练) is held by the units of its own clause, in their sector if any."""
    parts = joined_drills(words)
    if not parts:
        add_activity(draft, Sourced(value, line, phrase))
        return
    at = 0
    for part in parts:
        at += len(part)
        one = {**value, "scenarios": _part_scenarios(part)}
        if sentence and re.match(r"\s*[，,]", part):
            one.pop("sectors", None)
            if sectors := holders_in(sentence, at - 1):
                one["sectors"] = sectors
            # …于6月12日…开展校园防溺水演练，6月下旬在银杉社区组织…火灾应急演练: a drill after a comma that gives its own
            # time is held then
            if (year := draft.value("year")) and (own := when_in(part, year, draft.issued)):
                for key in ("date", "start", "end"):
                    one.pop(key, None)
                one.update(activity_window(own[0]))
        add_activity(draft, Sourced(one, line, phrase))


def add_activity(draft: Draft, found: Sourced) -> None:
    value = found.value

    def key(v):  # two drills of one window and sector are two events when they meet different hazards
        return (v["kind"], v.get("date"), v.get("start"), v.get("end"), tuple(v.get("sectors", ())), v.get("sector"),
                tuple(v.get("scenarios", ())))

    if value["kind"] == "publicity" and not value.get("sectors") and any(
        a.line == found.line and a.value.get("date") == value.get("date") for a in draft.activities
    ):
        return  # the rest of a sentence about an activity already found (6月16日，…集中宣传…)
    if all(key(a.value) != key(value) for a in draft.activities):
        draft.activities.append(found)


ACTION = re.compile(r"开展|组织|举办|举行|召开|参加|参与|推荐|曝光|推进|录制|普及|宣传|张贴[^，。；]{0,12}?(?:12350|举报)|公布[^，。；]{0,12}?(?:12350|举报)|[讲上]一[次堂节]|讲授|讲[^，。；]{0,4}安全[^，。；]{0,4}课|集中学习|专题学习|学习研讨|专题研讨|研讨交流|完成[^，。；]{0,4}(?:一次|一轮)|完成[^，。；]{0,6}?演练|完成[^，。；]{0,12}?培训|完成[^，。；]{0,6}?(?:隐患)?(?:自查自纠|自查|排查)")
# (镇应急办在各村公示栏张贴12350举报电话海报: 各村 after 在 is where the issuer acts, no addressee told to)
ADDRESSED = re.compile(r"各[\u4e00-\u9fa5（）()]{1,12}?(?<!主)(?:要|应(?!急)|须|同步|设立分会场)|各[区县市]、[\u4e00-\u9fa5（）()、]{1,10}?(?<!主)(?:要|应(?!急)|须)|各[\u4e00-\u9fa5]{0,4}[（(][\u4e00-\u9fa5、]{1,8}[）)][\u4e00-\u9fa5]{0,10}?(?<!主)(?:要|应(?!急)|须|同步)|各[\u4e00-\u9fa5（）()、]{1,24}?负责(?:人|同志)(?:要|应|须)|(?<!在)各(?:镇|街|乡|村|社区|企业|厂矿|单位|部门|有关|相关|行业|成员|级)|(?:企业|学校|社区|农村|家庭)(?:要|应(?!急))|要(?:组织|开展|结合|积极|广泛|认真|持续|通过)")
SUBJECT = [(name, re.compile(rf"^\s*(?:进)?(?:{words})(?:方面|要|应)")) for name, words in SECTOR_WORDS]
KINDS_BY_NAME = dict(KINDS)


# 组织集中学习 / 开展专题学习 / 组织学习: a study with nothing of its own to say what it studies
# (组织群众学习…: the public taught, which is publicity; 同步组织…集中学习: the line's study held alongside, read as such)
STUDY_AGAIN = re.compile(r"(?<!同步)(?<!同时)(?:组织|开展)(?![^，,。；;]{0,16}?(?:群众|村民|居民|家长|学生))[^，,。；;]{0,16}?(?:集中|专题)?学习(?![\u4e00-\u9fa5]{0,2}(?:强国|平台))")


LESSON = re.compile(r"主题班会|专题安全教育")
# …积极参加上述演练 / 参与以上活动: the addressees join the events already named
JOINS_THE_ABOVE = re.compile(r"(?:参加|参与)[^，。；]{0,4}(?:上述|以上|前述)[^，。；]{0,4}$")


def find_undated_activities(lines: list[Line], draft: Draft, year: int, clauses: dict[int, str], skip: set[int] = frozenset()) -> None:
    """Activities the notice asks for, dated or not: `企业要…开展…应急演练`, `进家庭方面…`; an order is a requirement."""
    asked: dict[str, Sourced] = {}
    carried = heading_sectors(lines, clauses)
    opening = lines_of_opening(lines)
    for line in lines:
        if line.number in skip:
            continue
        subject = item_sector(line.text) or next((name for name, pattern in SUBJECT if pattern.match(line.text)), None)
        previous = ""
        parts = sentences(line)
        for index, (whole, offset) in enumerate(parts):
            sentence = before_sending(whole)
            # 即日起至6月30日，各国有林场、各乡镇林业站要组织护林员加密巡山…；要对林区…开展森林火灾隐患排查: a part after a
            # semicolon that goes on with the same units (要…, no subject) shares the time leading the part before
            before, previous = previous, whole
            if not ACTION.search(sentence) or re.search(r"报送|前报", sentence) or SENDS_MATERIAL.search(sentence):
                continue  # 各单位将活动总结报…，总结要包括隐患排查整改情况: what is sent up orders no event
            by_account = deadline_of_account(whole, sentence, year)
            sentence_subject = next((name for name, pattern in SUBJECT if pattern.match(sentence)), subject)
            named = [(kind, match) for kind, pattern in KINDS if (match := pattern.search(sentence))]
            study = None
            if all(kind != "study_session" for kind, _ in named) and (study := STUDY_AGAIN.search(sentence)) \
                    and KINDS_BY_NAME["study_session"].search(line.text[:offset]):
                # 六月上旬，…中心组开展…重要论述专题学习；各村要…组织集中学习: the study the line has just named, held by others
                named.append(("study_session", study))
            if not named and (from_heading := body_kind(line, sentence, offset, None)):
                named = [from_heading]
            later = _later_holders_drills(sentence, named)
            named += later
            for kind, match in named:
                if kind in ("consultation_day",):
                    continue
                if kind == "publicity" and not re.search(r"进(?:企业|农村|社区|学校|校园|家庭|公共场所)", sentence) \
                        and not LESSON.fullmatch(match.group(0)):
                    continue  # (各二级学院要在6月7日前…召开一次安全教育主题班会: a lesson is an event of its own)
                if JOINS_THE_ABOVE.search(sentence[:match.start()]):
                    continue  # 各二级学院要组织本单位人员积极参加上述演练: the events named above, joined, no other held or ordered
                positions = entered_sectors(kind, sentence, match)
                sectors = sorted(positions, key=positions.get) or ([sentence_subject] if sentence_subject else []) \
                    or _implied_sectors(kind, _from_holder(sentence, match.start()), line.text, match.start() - _holder_start(sentence, match.start())) \
                    or _carried(kind, carried.get(line.number))
                if kind == "drill" and _holder_start(sentence, match.start()):  # a further unit's drill: that unit's sector, if any
                    holder = DRILL_SUBJECT.match(sentence[_holder_start(sentence, match.start()):])
                    sectors = _subject_sectors(holder["who"] or holder["field"]) if holder else []
                value: dict[str, Any] = {"kind": kind, **(by_account or {})}
                if kind == "study_session" and match is study and not by_account \
                        and (own_time := when_in(sentence[_holder_start(sentence, match.start()):match.start()], year, draft.issued)):
                    value.update(activity_window(own_time[0]))  # 二是各企业要在6月15日前组织全体员工学习…: the study again, by its own day
                elif kind == "drill" and not by_account and not _drill_read_per_sector(draft, line, sectors, _own_drill_scenarios(sentence, match, sectors)) \
                        and (above := _deadline_after(_after_full_stop(parts, index), year)):
                    value.update(activity_window(above[0]))  # …县教委要指导全县中小学校开展…演练。以上演练均须于6月20日前完成
                elif not by_account and (alongside := _held_alongside(sentence, match.start(), year, draft.issued)):
                    value.update(activity_window(alongside))
                elif not by_account and (lead := _only_time_leading(sentence, year, draft.issued)):
                    value.update(activity_window(lead))  # 6月份，镇应急办要组织…，并利用…宣传12350举报电话: the whole sentence's time
                elif not by_account and re.search(r"[；;]\s*$", before) and re.match(r"\s*(?:还|也|并|同时)?要", sentence) \
                        and not when_in(sentence, year, draft.issued) and (lead := _only_time_leading(before, year, draft.issued)):
                    value.update(activity_window(lead))
                elif not by_account and (declared := declared_window(line.text, year)) and declared[1] < offset + match.start():
                    value.update(activity_window(declared[0]))  # 6月9日至6月15日为“应急演练周”，各水厂要开展…演练: the week's
                if sectors:
                    value["sectors"] = sectors
                if line.number in opening:  # 为…全面排查整治校园安全隐患，…决定…组织开展: a purpose, no event (nor a later one's twin)
                    draft.todos.append(Sourced(f"activity {{{describe(value)}}}? named in the opening paragraph, which says why the "
                                               "notice acts, not held or ordered there", line.number, quote(sentence, match.start(), match.end())))
                    continue
                if kind == "drill":
                    # …火灾或地震演练，幼儿园要开展防踩踏演练: each drill's hazards are those of its own units' order
                    own = own_order(sentence, match.start())
                    own = (_own_drill_part(own, match, sectors) if sectors else own)[_holder_start(sentence, match.start()):]
                    value["scenarios"] = _own_drill_scenarios(sentence, match, sectors)
                    add_drills(draft, value, own, line.number, quote(sentence, match.start(), match.end()))
                else:
                    add_activity(draft, Sourced(value, line.number, quote(sentence, match.start(), match.end())))
                if ADDRESSED.search(sentence):
                    part, at = own_order(sentence, match.start()), match
                    if (cut := later_order(part, match.start(), year)) is not None:
                        part, at = cut, KINDS_BY_NAME[kind].search(cut) or match
                    order = _activity_order(kind, part, at, line, year, draft, clauses)
                    if by_account and not any(order.value.get(key) for key in ("date", "not_before", "not_after")):
                        order.value["not_after"] = by_account["date"]
                    asked.setdefault(_order_key(order.value), order)
    draft.requirements += _without_implied(list(asked.values()))


# (…应急演练，并结合演练开展一次…培训: joined to the drill before it, too)
# (…应急演练，演练前对全员进行应急处置培训: held before, after or during the drill, too)
ALONGSIDE = re.compile(r"[，,；;]\s*(?:并|还要|要)?(?:同步|同时|结合(?:此次|本次)?演练(?:同步|同时)?|演练(?:前|后|结束后|期间|过程中)[^，,；;。]{0,10}?)(?:开展|组织|举办|进行)[^，,；;。]*$")


def _held_alongside(sentence: str, at: int, year: int, issued: date | None) -> dict[str, date] | None:
    """6月1日至6月25日，各营业所要开展一次…隐患排查，同步开展安全用气宣传进社区、进家庭活动: an event its own clause says
    is held alongside (同步/同时) the one before takes that one's time."""
    if not ALONGSIDE.search(sentence[:at]):
        return None
    # …，各工矿企业要开展…演练，并结合演练同步开展…培训: within the order it is joined to (a time leading the sentence is shared)
    begins = 0 if _time_leads(sentence, year) else _holder_start(sentence, at)
    when = when_of_event(sentence[begins:], at - begins, year, issued)
    return when[0] if when and when[1] < at - begins else None


def _only_time_leading(sentence: str, year: int, issued: date | None) -> dict[str, date] | None:
    """6月份，镇应急管理办公室要组织…观看警示教育片，并利用…宣传12350举报电话: the one time of a sentence, leading it, is the
    time of every event in it (no time elsewhere in the sentence: 6月16日，…，6月底前… gives each clause its own)."""
    if not (lead := LEADING_TIME.match(sentence)) or not (when := when_in(lead["time"], year, issued)) or when_in(sentence[lead.end():], year, issued) \
            or len(days_in(lead["time"], year)) > 1:
        return None
    return when[0]


def _time_leads(sentence: str, year: int) -> bool:
    """6月1日至6月25日，各营业所要…: a time that leads the whole sentence, shared by every order in it."""
    return bool((lead := LEADING_TIME.match(sentence)) and (when_in(lead["time"], year) or SINCE_TODAY.search(lead["time"])))


def _holder_start(sentence: str, at: int) -> int:
    """Where the order of the event at `at` begins: after the last comma before it where other units were told to act."""
    return max((h.end() for h in NEXT_HOLDER.finditer(sentence) if h.end() <= at), default=0)


def _from_holder(sentence: str, at: int) -> str:
    """…各企业要在6月份组织员工观看…，各村（居）要在宣传栏张贴12350安全生产举报电话海报: the order the event at `at` belongs
    to, from where its own units are told to act to where others are (the people of an earlier order are not its)."""
    return own_order(sentence, at)[_holder_start(sentence, at):]


def _later_holders_drills(sentence: str, named: list[tuple[str, re.Match]]) -> list[tuple[str, re.Match]]:
    """…火灾或地震应急疏散演练，幼儿园要开展防踩踏演练: the drill of each further unit told to hold one in the sentence."""
    first = next((match for kind, match in named if kind == "drill"), None)
    found = []
    for holder in NEXT_HOLDER.finditer(sentence):
        if first and holder.start() > first.start() and (drill := KINDS_BY_NAME["drill"].search(sentence, holder.end())):
            if all(drill.start() != m.start() for _, m in named + found):
                found.append(("drill", drill))
    return found


def _order_key(order: dict[str, Any]) -> tuple:
    return order["kind"], order.get("date"), order.get("not_before"), order.get("not_after")


def _without_implied(orders: list[Sourced]) -> list[Sourced]:
    """Two orders of one kind with different windows are both kept; an undated one is implied by a dated one."""
    dated = {o.value["kind"] for o in orders if any(_order_key(o.value)[1:])}
    orders = [o for o in orders if any(_order_key(o.value)[1:]) or o.value["kind"] not in dated]
    # 各矿井要于6月20日前组织开展一次…演练，…；机关各部室要于6月25日前配合组织一次…演练: of two deadlines alone for a drill
    # (no sector), the later is kept by whatever keeps the earlier
    earliest: dict[str, date] = {}
    for o in orders:
        if _deadline_only(o.value):
            earliest[o.value["kind"]] = min(earliest.get(o.value["kind"], o.value["not_after"]), o.value["not_after"])
    return [o for o in orders if not _deadline_only(o.value) or o.value["not_after"] == earliest[o.value["kind"]]]


def _deadline_only(order: dict[str, Any]) -> bool:
    return order["kind"] == "drill" and bool(order.get("not_after")) and not order.get("not_before") and not order.get("date") \
        and not order.get("sectors")  # (checks of different things by different deadlines are each ordered: qionglan-2022)


ORDERED = re.compile(r"要|应|须")


def _activity_order(kind, sentence, match, line, year, draft, clauses) -> Sourced:
    """各社区要在6月7日前召开本社区动员会: the order, with the window its own sentence gives."""
    order: dict[str, Any] = {"type": "activity", "kind": kind}
    if kind != "drill" and (begins := _holder_start(sentence, match.start())) and not _time_leads(sentence, year):  # (drills: per sector)
        # 各社区以…开展演练，各中小学校在6月中旬前完成…，各工矿企业要开展…演练，并结合演练同步开展…培训: within its own order
        when = when_of_event(sentence[begins:], match.start() - begins, year, draft.issued)
        when = when and (when[0], when[1] + begins, when[2] + begins)
    elif ORDERED.search(sentence[:match.start()]) or re.search(r"(?<!重)要|须", match.group(0)):  # 各企业要… / 负责人要在6月15日前，…讲安全课
        when = when_of_event(sentence, match.start(), year, draft.issued)
    else:
        when = _leading_time(sentence, year, draft)
        clause = max(sentence.rfind(mark, 0, match.start()) for mark in "，,") + 1
        if when is None and _time_leads(sentence, year) and (lead := LEADING_TIME.match(sentence)) and clause > lead.end() \
                and re.match(r"\s*(?:辖区|驻[镇区县市街])?各", sentence[clause:]) and ADDRESSED.match(sentence, clause, match.start()) \
                and (found := when_in(lead["time"], year, draft.issued)):
            # 6月16日，全县…举办咨询日活动，…，各企业组织开放日活动: units told in a clause of their own, after the issuer's
            # own event, hold theirs at the time leading the sentence (为各村干部举办…: the issuer's, for them)
            when = (found[0], lead.start("time") + found[1], lead.start("time") + found[2])
    if when:
        order.update(requirement_window(when[0]))
        low, high = min(when[1], match.start()), max(when[2], match.end())
    else:
        low, high = match.start(), match.end()
    order["basis"] = clauses.get(line.number, "")
    return Sourced(order, line.number, quote(sentence, low, high))


# 2.6月5日前：各村（社区）召开动员会 / （二）6月份，各村组织…: a schedule's item opens with its time, and the order needs no 要
LEADS_WITH_TIME = re.compile(r"^\s*(?:[0-9]{1,2}\s*[.．、]|[（(][一二三四五六七八九十0-9]{1,2}[）)])?\s*(?P<time>[^，,：:；;各]{2,16})[，,：:]")


UNITS_NEXT = re.compile(r"\s*(?:辖区|驻[镇区县市街])?各")


def _leading_time(sentence: str, year: int, draft: Draft) -> tuple[dict[str, date], int, int] | None:
    if not (lead := LEADS_WITH_TIME.match(sentence)) or not (when := when_in(lead["time"], year, draft.issued)):
        return None
    if not UNITS_NEXT.match(sentence, lead.end()):
        return None  # 6月8日，市安委办举办…: the issuer's own event, which the units only attend
    return when[0], lead.start("time") + when[1], lead.start("time") + when[2]


_ANY_SUBJECT = "|".join(words for _, words in DRILL_SUBJECTS)
# 镇中心校及各村小: the town's school and all its village schools are every school (a 中心学校 alone is one named unit)
# 各道路运输企业, 各在建项目施工单位: a trade or a project before the kind of unit names some of that kind, all of them told
# (涉及有限空间作业的企业要…，粉尘涉爆企业要…，其他企业要…: enterprises named by what they do, by their trade or as the
# rest of them)
SUBJECT_PREFIX = r"(?:驻[镇区县市街]|[县市区]属|辖区|各类|各[\u4e00-\u9fa5]{2,6}?(?=企业|施工单位|煤矿|矿山|" + BUSINESSES + r")|各|[镇乡]中心(?:小学|学?校)[及和、](?=各)|[\u4e00-\u9fa5]{1,10}?的|[\u4e00-\u9fa5]{2,4}?(?=企业))*"
# 各村（社区）, 各乡镇（街道）: the bracket names more of the same class (各村（居）委会: and their committees)
QUALIFIER = r"(?:[（(][\u4e00-\u9fa5、]{1,6}[）)](?:委会)?)?"
DRILL_SUBJECT = re.compile(rf"^\s*(?:(?P<who>(?:{SUBJECT_PREFIX}(?:{_ANY_SUBJECT}){QUALIFIER}[、和及与]?)+)(?:[、和及与][^，。；：要]{{1,8}}?)?等?\s*(?:还|也|均|都)?(?:要|应|需|须)"
                           rf"|进(?P<field>{_ANY_SUBJECT})方面)")
# 组织各村开展… / 组织辖区各村于6月25日前开展…: the units the issuer's addressees are to have drill
# (指导各社区会同物业服务企业，开展…演练: units guided, with partners of theirs, hold it as well)
# (组织牧区乡镇、村（牧委会）开展…: the units joined to others before them; 督促本行业领域企业开展…: a department's own trade's)
# (组织地质灾害隐患点所在村开展…: units named by where they lie)
ORGANISED = re.compile(rf"(?:组织|指导|督促)(?:各|辖区|本行业领域|本行业|本领域)*(?:(?![^、和及与]{{0,5}}(?:{_ANY_SUBJECT}))[\u4e00-\u9fa5]{{1,6}}?[、和及与](?:各|辖区)*)?(?:[\u4e00-\u9fa5]{{2,10}}?所在)?(?P<who>(?:{_ANY_SUBJECT})(?:[（(][\u4e00-\u9fa5、]{{1,6}}[）)])?)(?:(?:会同|联合|协同)[\u4e00-\u9fa5]{{2,10}}[，,]?)?"
                       rf"(?:于[^，。；]{{2,12}}?[前内])?(?:至少|分别|全面|集中|认真|统一)?(?=针对|开展|进行|组织)")
LEADING_TIME = re.compile(r"^\s*(?P<time>[^，,：:；;]{2,16})[，,：:]")
# 各村组织开展… / 辖区各中小学、幼儿园开展…: units named with 各 hold the drill, told so without 要 (a schedule's line)
UNITS_HOLD = re.compile(rf"^\s*(?P<who>(?:辖区|驻[镇区县市街])?各类?(?:{_ANY_SUBJECT}){QUALIFIER}(?:[、和及与]各?(?:{_ANY_SUBJECT}){QUALIFIER})*)"
                        r"\s*(?=组织|开展|结合|进行|[在于][0-9]{1,2}\s*月)")


# …要组织地质灾害隐患点所在村开展避险转移演练，沿河村开展防汛演练，中小学校开展地震和火灾疏散演练: after 组织, a series of
# clauses each naming units (with what qualifies them) and the drill they hold
SERIES_HEAD = re.compile(rf"组织(?=[^，,。；;]{{0,16}}?(?:{_ANY_SUBJECT}){QUALIFIER}\s*(?:开展|进行))")
SERIES_CLAUSE = re.compile(rf"^\s*(?P<who>[^，,。；;要]{{0,16}}?(?:{_ANY_SUBJECT})){QUALIFIER}\s*(?:开展|进行)[^，,。；;]*?(?:演练|推演)")


def organised_series(part: str) -> list[tuple[str, str]]:
    """The units and their clauses of a series organised by one 组织 (at least two clauses, each with its own units)."""
    if not (head := SERIES_HEAD.search(part)):
        return []
    found = []
    for chunk in re.split(r"[，,]", part[head.end():]):
        if not (match := SERIES_CLAUSE.match(chunk)) or not _subject_sectors(match["who"]):
            break
        found.append((match["who"], chunk))
    return found if len(found) >= 2 else []


# 各县（市、区）要在6月25日前组织完成以下演练：…: a head that announces the drills listed after its colon, with their deadline
LIST_HEAD = re.compile(r"(?:以下|下列|如下)[^，,。；;：:]{0,4}?(?:演练|推演)\s*[：:]")
# 地质灾害隐患点所在村要开展一次避险转移演练 / 各中小学校、幼儿园要开展…演练: a listed clause, its units and their drill
LISTED_CLAUSE = re.compile(rf"^\s*(?P<who>[^，,。；;：:要]{{0,16}}?(?:{_ANY_SUBJECT})){QUALIFIER}\s*(?:还|也|均|都)?(?:要|应|须)?\s*"
                           r"(?:分别)?(?:组织)?(?:开展|进行)[^，,。；;]*?(?:演练|推演)")


def drills_listed_below(sentence: str, year: int) -> tuple[tuple[dict[str, date], int, int], list[tuple[str, str]]] | None:
    """The drills a head lists after its colon (…于6月25日前组织完成以下演练：X要开展…演练，Y要开展…演练；Z要…), each of its
    units, dated by the head's deadline; None unless every listed clause names its units and the head its deadline."""
    if not (head := LIST_HEAD.search(sentence)) or not (when := when_in(sentence[:head.start()], year)) or set(when[0]) != {"end"}:
        return None
    found = []
    for part in re.split(r"[；;]", sentence[head.end():]):
        for chunk in re.split(r"[，,](?=[^，,；;]{0,16}?(?:要|应|须)(?:分别)?(?:组织)?(?:开展|进行))", part):
            if not chunk.strip():
                continue
            if not (match := LISTED_CLAUSE.match(chunk)) or not _subject_sectors(match["who"]):
                return None
            found.append((match["who"], chunk.strip()))
    return ((when[0], when[1], when[2]), found) if found else None


# …各企业要开展一次应急演练；非煤矿山企业还要开展一次尾矿库防汛桌面推演: units named without 各 told they must do more
# (还要) are some of those told before (各学校也要…: a whole class)
ALSO_SOME = re.compile(r"^\s*(?!各|辖区|全)[\u4e00-\u9fa5、]{2,12}?(?:还要|还应|还须)")


def _subject_sectors(who: str) -> list[str]:
    found = []
    for name, words in DRILL_SUBJECTS:
        if re.search(words, who) and name not in found:
            found.append(name)
    return found


# how far after a place (景区) a hazard it names may stand: 景区大客流防踩踏, 景区游船落水
PLACE_TO_HAZARD = 8


def drill_scenarios(text: str) -> list[str]:
    """The hazards a drill clause names; `evacuation` only when it names none (安全疏散演练)."""
    text = re.sub(r"(高层(?:建筑|住宅|楼宇))火灾", r"\1", text)  # the high-rise is the hazard, its fire is not a second one
    # so is the e-bike's, charging or not (电动自行车充电火灾, 电动自行车火灾, 电瓶车起火)
    text = re.sub(r"((?:电动(?:自行)?车|电瓶车)(?:充电)?)(?:引发的?)?(?:火灾|起火|着火)", r"\1", text)
    positions = {name: m.start() for name, words in SCENARIOS if name != "evacuation" and (m := re.search(words, text))}
    if "high_rise" in positions and "fire" in positions and positions["fire"] > positions["high_rise"]:
        del positions["fire"]  # 高层住宅小区消防应急疏散演练: the same high-rise fire
    if "scenic_area" in positions and any(0 < at - positions["scenic_area"] <= PLACE_TO_HAZARD for at in positions.values()):
        del positions["scenic_area"]  # 景区大客流防踩踏综合演练: the scenic area is where the stampede it names happens
    named = sorted(positions, key=positions.get)  # in the order the text names them
    if not named and re.search(dict(SCENARIOS)["evacuation"], text):
        return ["evacuation"]
    return named


# 各景区要… / 各高层建筑物业要…: the units told to drill, whose name is no hazard of the drill
HOLDER = re.compile(r"^[^，。；]{0,12}?各[\u4e00-\u9fa5（）()、]{1,12}?(?:要|应(?!急)|须)")


def _part_scenarios(part: str) -> list[str]:
    part = part[holder.end():] if (holder := HOLDER.match(part)) else part
    if (target := re.search(r"针对(?P<what>[^，。；;]{2,60})", part)) and (named := drill_scenarios(target["what"])):
        return named  # 针对汛期特点，组织开展防汛抢险…演练: a target that names no hazard leaves the drill's own words
    found: list[str] = []
    for clause in re.split(r"[，,]", part):
        if re.search(r"演练|推演", clause):
            named = drill_scenarios(_drill_words(clause))
            if WHAT_IS_DRILLED.search(clause) and found:
                named = [s for s in named if s != "evacuation"]
            found += [s for s in named if s not in found]
    return found


# 道路交通事故应急演练，重点演练事故现场警戒、伤员救护和乘客疏散: what a drill of a named hazard rehearses is no hazard of
# its own (evacuation only when none is named)
WHAT_IS_DRILLED = re.compile(r"(?:重点|主要|着重)演练")


def _drill_words(clause: str) -> str:
    """开展电动自行车火灾警示教育和消防演练: the words of the drill, after an event of another kind the clause names before
    it (whose hazards are that event's)."""
    drill = list(re.finditer(r"演练|推演", clause))[-1]
    ends = [m.end() for kind, pattern in KINDS if kind not in ("drill", "publicity") for m in pattern.finditer(clause[:drill.start()])]
    own = clause[max(ends):] if ends else clause
    # 有限空间作业培训和应急演练: a drill that names no hazard of its own meets those of the event it is joined to
    return own if [s for s in drill_scenarios(own) if s != "evacuation"] else clause


def find_drills_per_sector(lines: list[Line], draft: Draft, year: int, clauses: dict[int, str]) -> None:
    """`农村要针对气象、地质、洪涝和火灾…组织一次逃生演练；学校要针对…` — one drill per sector, with scenarios."""
    own_sector = issuers_own_sector(draft.value("org"))
    for line in lines:
        declared = declared_window(line.text, year)
        sentences = re.split(r"。", line.text)
        for index, sentence in enumerate(sentences):
            if DECLARES_WINDOW.match(sentence):
                continue
            if not re.search(r"演练|推演", sentence):
                continue
            tail = ABOVE_IN_SENTENCE.search(sentence)  # …，以上演练均须在6月25日前完成: the same, closing the sentence
            after = _deadline_after(sentences[index + 1:], year) or (_deadline_after([tail.group(1)], year) if tail else None)
            lead = LEADING_TIME.match(sentence)
            shared = when_in(lead["time"], year) if lead and not re.search(_ANY_SUBJECT, lead["time"]) else None
            if _focus_drills(draft, line, sentence, year, clauses):
                continue
            if listed := drills_listed_below(sentence, year):
                # …要在6月25日前组织完成以下演练：地质灾害隐患点所在村要开展…演练，沿海乡镇各村要开展…演练；各社区要…
                head_when, series = listed
                by_sector: dict[str, list[str]] = {}
                for who, clause in series:
                    for sector in _subject_sectors(who):
                        if not (own_sector and sector == own_sector):
                            by_sector.setdefault(sector, []).append(clause)
                for sector, own_clauses in by_sector.items():
                    scenarios = list(dict.fromkeys(s for clause in own_clauses for s in _part_scenarios(clause)))
                    _add_sector_drill(draft, line, own_clauses[0], [sector], scenarios, head_when, clauses,
                                      any_of=True if len(own_clauses) > 1 else None)
                continue
            # (…，各中小学校、幼儿园要开展…: units of one sector joined with 、 begin a part of their own too)
            parts = re.split(rf"[；;：:]|[，,](?=\s*(?:{SUBJECT_PREFIX}(?:{_ANY_SUBJECT}){QUALIFIER})(?:[、和及与](?:{SUBJECT_PREFIX}(?:{_ANY_SUBJECT}){QUALIFIER}))*"
                             rf"[、和及与等]*\s*(?:要|应|需|[在于](?=[0-9]{{1,2}}\s*月)))", sentence)
            for part in parts:
                if shared and part.startswith(lead.group(0)):
                    part = part[lead.end():]
                part = ENUMERATOR.sub("", part, count=1)
                part = before_sending(part).rstrip("。")
                if not re.search(r"演练|推演|针对", part):
                    continue
                if _drill_only_sent(part):
                    continue
                if _focus_drills_before(draft, line, part, sentence, when_in(part, year) or when_in(sentence[:max(sentence.find(part), 0)], year) or shared or after, clauses):
                    continue
                if series := organised_series(part):
                    # …要组织地质灾害隐患点所在村开展避险转移演练，沿河村开展防汛演练，中小学校开展…演练: each unit its drill
                    by_sector: dict[str, list[str]] = {}
                    for who, clause in series:
                        for sector in _subject_sectors(who):
                            if not (own_sector and sector == own_sector):
                                by_sector.setdefault(sector, []).append(clause)
                    when = when_in(part, year) or shared or after
                    for sector, own_clauses in by_sector.items():
                        scenarios = list(dict.fromkeys(s for clause in own_clauses for s in _part_scenarios(clause)))
                        _add_sector_drill(draft, line, own_clauses[0], [sector], scenarios, when, clauses,
                                          any_of=True if len(own_clauses) > 1 else None)
                    continue
                organised = 0
                if match := DRILL_SUBJECT.match(part):
                    sectors = _subject_sectors(match["who"] or match["field"])
                elif match := UNITS_HOLD.match(part):
                    sectors = _subject_sectors(match["who"])
                elif match := ORGANISED.search(part):
                    sectors = _subject_sectors(match["who"])
                    organised = match.start()  # …组织辖区燃气经营企业开展燃气泄漏演练，组织学校开展地震疏散演练: the units' own drill
                elif (match := LISTED_AFTER_AMONG.match(part)) and AMONG.search(sentence[:sentence.find(part)]):
                    sectors = _subject_sectors(match["who"])  # …开展有针对性的应急演练，其中：企业重点开展…；学校开展…
                else:
                    continue
                if own_sector and not (sectors := [s for s in sectors if s != own_sector]):
                    continue  # 各煤矿要… in a mining group's own notice: its own mines, in no sector
                when = (when_of_event(part, organised, year) if organised else when_in(part, year)) or shared or after \
                    or (declared if declared and declared[1] < line.text.find(part) else None)
                own = _first_drill_clause(part[organised:])
                # …；非煤矿山企业还要开展一次…推演: some of the units told before, told to do more: their drill, no order
                _add_sector_drill(draft, line, own, sectors, _part_scenarios(own), when, clauses, ordered=not ALSO_SOME.match(part))


# …督促指导辖区企业、学校、社区和农村开展有针对性的应急演练，其中：企业重点开展…演练；学校开展…；农村结合汛期特点开展…:
# after 其中：, each part names the kind of unit and its drill, with no 要
AMONG = re.compile(r"其中\s*[：:]")
LISTED_AFTER_AMONG = re.compile(rf"^\s*(?P<who>(?:{SUBJECT_PREFIX}(?:{_ANY_SUBJECT}){QUALIFIER}[、和及与]?)+)\s*(?:重点|主要|要|应|可)?\s*(?=开展|组织|进行|结合|围绕|针对)")

# 一是各村（社区）要…；二是…, 3.各重点企业要…, （2）沿河学校要…: the enumerator or the item's number is no subject
ENUMERATOR = re.compile(r"^\s*(?:[一二三四五六七八九十]是|[0-9]{1,2}\s*[.．、](?![0-9])|[（(][0-9]{1,2}[）)])")

# …要在6月25日前分别组织开展一次应急演练：居委会以高层住宅火灾疏散为重点，物业服务企业以防汛排涝为重点，企业以…为重点
# (…，指导辖区危险化学品企业以…为重点: the units guided or organised to hold it)
FOCUS = re.compile(r"(?:^|[，,；;])\s*(?:指导|组织|督促)?(?P<who>[\u4e00-\u9fa5]{2,10}?)以(?P<what>[^，,；;。]{2,30}?)为(?:重点|主)")


# …指导辖区危险化学品企业以泄漏、火灾事故处置为重点，工贸企业以火灾事故为重点，各组织开展1次应急演练: the kinds of unit and
# their hazards first, then the drill each is to hold
FOCUS_BEFORE_DRILL = re.compile(r"(?P<parts>(?:(?:^|[，,])\s*(?:指导|组织|督促)?[\u4e00-\u9fa5]{2,10}?以[^，,；;。]{2,30}?为(?:重点|主)){2,})"
                                r"[，,]\s*(?:各|分别)(?:组织)?(?:开展|进行)[^，,；;。]{0,10}?(?:演练|推演)")


def _focus_drills(draft: Draft, line: Line, sentence: str, year: int, clauses: dict[int, str]) -> bool:
    """Drills ordered for several kinds of unit, each given its own hazard after a colon (X以…为重点): one drill per
    sector, its hazards those of its units (two kinds of unit of one sector meet either's)."""
    head, colon, tail = sentence.partition("：") if "：" in sentence else sentence.partition(":")
    if not colon or not re.search(r"演练|推演", head) or not ADDRESSED.search(head):
        return False
    focus: dict[str, list[str]] = {}
    parts: dict[str, list[str]] = {}
    for match in FOCUS.finditer(tail):
        units = _units_named(match["who"])
        if len(units) != 1:
            return False  # a unit of no sector, or of two: not to be split by sector
        focus.setdefault(units[0], []).extend(s for s in drill_scenarios(match["what"]) if s not in focus.get(units[0], []))
        parts.setdefault(units[0], []).append(match.group(0))
    if len(focus) < 2 or any(not hazards for hazards in focus.values()):
        return False
    when = when_in(head, year, draft.issued)
    for sector, hazards in focus.items():
        part = "，".join(parts[sector])
        choice = len(parts[sector]) > 1 or bool(CHOICE.search(part))
        _add_sector_drill(draft, line, part.lstrip("，,；; "), [sector], hazards, when, clauses, any_of=choice)
    return True


def _focus_drills_before(draft: Draft, line: Line, part: str, sentence: str, when, clauses: dict[int, str]) -> bool:
    """…要于6月25日前，指导辖区危险化学品企业以泄漏、火灾事故处置为重点，工贸企业以火灾事故为重点，各组织开展1次应急演练: the
    kinds of unit are named with their hazards before the drill each holds, so each holds a drill of its own hazards (the
    order, per sector, asks for either kind's)."""
    if not (before := FOCUS_BEFORE_DRILL.search(part)) or not ADDRESSED.search(sentence[:max(sentence.find(part), 0) + before.start("parts")]):
        return False
    kinds = []
    for match in FOCUS.finditer(before["parts"]):
        units = _units_named(match["who"])
        if len(units) != 1 or not (hazards := drill_scenarios(match.group(0))):
            return False  # a unit of no sector or of two, or no hazard named: not to be split
        kinds.append((units[0], hazards, match.group(0).lstrip("，,；; ")))
    for sector in dict.fromkeys(sector for sector, _, _ in kinds):
        own = [(hazards, part) for s, hazards, part in kinds if s == sector]
        either = list(dict.fromkeys(h for hazards, _ in own for h in hazards))
        for index, (hazards, part) in enumerate(own):
            _add_sector_drill(draft, line, part, [sector], hazards, when, clauses, any_of=len(own) > 1 or bool(CHOICE.search(part)),
                              ordered=index == 0, ordered_scenarios=either)
    return True


def _drill_only_sent(part: str) -> bool:
    """…报送镇平安建设办公室，同时…，举办大型活动、演练等可随时报送: a drill named only in a clause that sends
    material up orders no drill."""
    clauses = [c for c in re.split(r"[，,；;]", part) if re.search(r"演练|推演", c)]
    return bool(clauses) and all(re.search(r"报送|上报", c) for c in clauses)


# 上述演练须于6月25日前完成 / 以上演练均须在6月25日前完成: a deadline for every drill the sentence before ordered
ALL_ABOVE = re.compile(r"^\s*(?:上述|以上)[^，。；]{0,6}?演练")
ABOVE_IN_SENTENCE = re.compile(r"[，,；;]\s*((?:上述|以上)[^，。；]{0,6}?演练[^。]*)$")


def _deadline_after(following: list[str], year: int) -> tuple[dict[str, date], int, int] | None:
    """The deadline a next sentence sets for the drills just ordered (上述演练须于6月25日前完成)."""
    if following and ALL_ABOVE.match(following[0]) and (when := when_in(following[0], year)) and set(when[0]) == {"end"}:
        return when
    return None


def _drill_read_per_sector(draft: Draft, line: Line, sectors: list[str], scenarios: list[str]) -> bool:
    """A drill of these sectors and hazards already read from this line's orders per sector (it has their deadline). One of
    other hazards is another drill (…开展1次电梯困人应急救援演练；区内各压力容器使用企业要开展1次危险化学品泄漏或火灾应急
    演练。以上演练均须于6月25日前完成: the second is due by that day too)."""
    return any(a.line == line.number and a.value["kind"] == "drill" and _sectors_of(a.value) == set(sectors)
               and set(a.value.get("scenarios") or []) == set(scenarios) for a in draft.activities)


def _own_drill_scenarios(sentence: str, match: re.Match, sectors: list[str]) -> list[str]:
    """The hazards of the drill at `match` named in its own units' order (…火灾或地震演练，幼儿园要开展防踩踏演练)."""
    own = own_order(sentence, match.start())
    return _part_scenarios((_own_drill_part(own, match, sectors) if sectors else own)[_holder_start(sentence, match.start()):])


def _after_full_stop(parts: list[tuple[str, int]], index: int) -> list[str]:
    """The sentences after the one ending in 。 that part `index` belongs to (…；…开展…演练。以上演练均须于…完成: what
    follows the whole sentence, not its next part after a semicolon)."""
    end = next((i for i in range(index, len(parts)) if re.search(r"[。！!]\s*$", parts[i][0])), len(parts))
    return [text for text, _ in parts[end + 1:]]


def _first_drill_clause(part: str) -> str:
    """企业开展一次生产安全事故应急演练，人员密集场所开展一次火灾疏散演练: the subject's drill ends with the clause
    that names it; what follows is another drill, for someone else."""
    if (drill := re.search(r"演练|推演", part)) and (stop := re.search(r"[，,]", part[drill.end():])):
        return part[:drill.end() + stop.start()]
    return part


CHOICE = re.compile(r"等|或|之一")  # 火灾、危化品泄漏等 / 有限空间或燃气泄漏: one of them will do


def _add_sector_drill(draft, line, part, sectors, scenarios, when, clauses, any_of: bool | None = None, ordered: bool = True,
                      ordered_scenarios: list[str] | None = None) -> None:
    """One drill ordered for some sectors: an activity to hold, and the requirement that asks for it (with the hazards of
    every kind of unit the order names, when they are more than this drill's)."""
    value: dict[str, Any] = {"kind": "drill"}
    value.update({"sector": sectors[0]} if len(sectors) == 1 else {"sectors": sectors})
    value["scenarios"] = scenarios
    if when:
        value.update(activity_window(when[0]))
    text = line.text
    start = text.find(part.strip())
    draft.activities.append(Sourced(value, line.number, quote(text, start, start + min(len(part.strip()), 40))))
    for sector in sectors if ordered else ():
        draft.requirements.append(Sourced({"type": "drill_per_sector", "sector": sector, "scenarios": ordered_scenarios or scenarios,
                                           "any_of": bool(CHOICE.search(part)) if any_of is None else any_of, "basis": clauses.get(line.number, "")},
                                          line.number, part.strip()[:40]))


# （二）开展应急疏散演练。: an item's heading, a sentence of its own that only names the item's event
HEADING_OF_ITEM = re.compile(r"^\s*(?:[（(][一二三四五六七八九十0-9]{1,2}[）)]|[0-9]{1,2}\s*[.．、])[^，,。；;：:]{2,20}[。.]")


def _in_heading(activity: Sourced, text: str) -> bool:
    """Whether an activity was read from its line's item heading alone."""
    heading = HEADING_OF_ITEM.match(text)
    probe = activity.phrase.strip("“”… ")[:8]
    return bool(heading and probe and probe in heading.group(0) and probe not in text[heading.end():])


def prune_vague(draft: Draft, lines: list[Line]) -> None:
    """Drop an undated mention of a kind that the notice also gives more precisely (a day, or sectors)."""
    text_of = {line.number: line.text for line in lines}
    year = draft.value("year")

    def dated(v):
        return any(v.get(k) for k in ("date", "start", "end"))

    def sectored(v):
        return bool(v.get("sectors") or v.get("sector"))

    kept = []
    for activity in draft.activities:
        value = activity.value
        same = [a.value for a in draft.activities if a is not activity and a.value["kind"] == value["kind"]]
        # 液化气储配站要开展一次火灾应急演练；6月18日，公司…开展燃气泄漏着火演练: a drill of its own sentence is not
        # a vague mention of another sentence's drill that meets the same hazards
        own_hazards = value["kind"] == "drill" and value.get("scenarios") and not any(
            a is not activity and a.value["kind"] == "drill" and set(a.value.get("scenarios") or []) >= set(value["scenarios"])
            and sentence_of(a, text_of) == sentence_of(activity, text_of) for a in draft.activities)
        if not dated(value) and not sectored(value) and not own_hazards and any(dated(o) or sectored(o) for o in same):
            continue
        # 3.综合办公室于6月中旬组织员工宿舍夜间疏散演练。 beside the schedule row 6月中旬 员工宿舍夜间疏散演练: the sentence dates
        # its event as the row does, so the undated reading of it is that row's event
        if year and value["kind"] == "drill" and value.get("scenarios") and not dated(value) and not sectored(value):
            times = {_window(activity_window(when[0])) for piece in re.split(r"[，,；;]", sentence_of(activity, text_of))
                     if (when := when_in(piece, year))}
            if any(a.value["kind"] == "drill" and "\t" in text_of.get(a.line, "") and _window(a.value) in times
                   and set(a.value.get("scenarios") or []) == set(value["scenarios"]) for a in draft.activities):
                continue
        if not dated(value) and _in_heading(activity, text_of.get(activity.line, "")) and any(
                a is not activity and a.line == activity.line and a.value["kind"] == value["kind"] and dated(a.value) for a in draft.activities):
            continue  # （二）开展应急疏散演练。各学校要在6月20日前…演练: the item's heading names the event its body dates
        if not sectored(value) and value["kind"] != "drill" and any(
                a.line == activity.line and a.value["kind"] == value["kind"] and sectored(a.value) and _window(a.value) == _window(value)
                for a in draft.activities):
            continue  # （四）参与“安全宣传咨询日”活动。6月16日，各学校要组织师生参与…: the heading and its sentence are one event
        if not dated(value) and sectored(value) and not value.get("scenarios") and any(dated(o) and set(o.get("sectors") or [o.get("sector")]) >= set(value.get("sectors") or [value.get("sector")]) for o in same):
            continue
        kept.append(activity)
    draft.activities = kept


def drop_split_publicity(draft: Draft) -> None:
    """1.安全宣传“进社区、进企业、进家庭”。 followed by 进社区：…/进企业：…/进家庭：…: the sub-items are the events, one
    per sector; the heading read as one publicity of all their sectors is not another."""
    single = [a for a in draft.activities if a.value["kind"] == "publicity" and len(_sectors_of(a.value)) == 1]

    def item_of(one: Sourced, activity: Sourced) -> bool:
        if one.line != activity.line:
            return _window(one.value) == _window(activity.value)
        # …开展安全宣传进农村、进学校、进企业、进家庭活动：一是进农村，…；二是进学校，…6月底前…: the enumerated parts of
        # the same line are the events, each with its own time
        return bool(ENUMERATED_ITEM.search(one.phrase)) and not any(_window(activity.value))

    def split(activity: Sourced) -> bool:
        sectors = _sectors_of(activity.value)
        return len(sectors) > 1 and all(any(_sectors_of(o.value) == {s} and item_of(o, activity) for o in single) for s in sectors)

    draft.activities = [a for a in draft.activities if a.value["kind"] != "publicity" or not split(a)]
    _join_sectors_of_one_clause(draft)


def _join_sectors_of_one_clause(draft: Draft) -> None:
    """…开展安全宣传进农村活动；…开展安全宣传进社区活动；…进学校…；…进家庭…: 五进 written within one paragraph (not as items of
    their own) is one publicity of all the sectors it names, as a clause that says 五进 is."""
    by_line: dict[int, list[Sourced]] = {}
    for activity in draft.activities:
        if activity.value["kind"] == "publicity" and len(_sectors_of(activity.value)) == 1 and not ENUMERATED_ITEM.search(activity.phrase) \
                and not re.search(r"进[\u4e00-\u9fa5]{2,4}方面", activity.phrase):  # 进企业方面，…: a part of its own
            by_line.setdefault(activity.line, []).append(activity)
    for line, found in by_line.items():
        if len(found) < 3 or len({_window(a.value) for a in found}) != 1:
            continue
        sectors = list(dict.fromkeys(s for a in found for s in _sectors_of(a.value)))
        joined = Sourced({**{k: v for k, v in found[0].value.items() if k not in ("sector", "sectors")}, "sectors": sectors}, line, found[0].phrase)
        draft.activities = [a for a in draft.activities if a not in found]
        draft.activities.append(joined)


def _sectors_of(value: dict[str, Any]) -> set[str]:
    return set(value.get("sectors") or ([value["sector"]] if value.get("sector") else []))


def _window(value: dict[str, Any]) -> tuple:
    return value.get("date"), value.get("start"), value.get("end")


def drop_twin_rows(draft: Draft, rows: set[int] = frozenset()) -> None:
    """A schedule row (5  6月中下旬  危险化学品使用企业专项执法检查) that repeats, without its sector, a check its clause
    dates alike and reads in a sector (…将对辖区危险化学品使用企业开展专项执法检查: enterprise) is that clause's check."""
    def twin(activity: Sourced) -> bool:
        value = activity.value
        if value["kind"] == "hazard_inspection" and activity.line in rows and (due := value.get("date") or (not value.get("start") and value.get("end"))) \
                and any(o.line not in rows and o.value["kind"] == value["kind"] and o.value.get("start") and o.value.get("end") == due
                        and _sectors_of(value) <= _sectors_of(o.value) for o in draft.activities):
            return True  # 4  户外广告招牌检查  …  6月30日前 beside 即日起至6月30日，各区…开展一次“拉网式”安全检查: the row's deadline closes the text's span
        return value["kind"] == "hazard_inspection" and activity.line in rows and not _sectors_of(value) and any(_window(value)) and any(
            o.line not in rows and o.value["kind"] == value["kind"] and _sectors_of(o.value) and _window(o.value) == _window(value)
            for o in draft.activities)

    draft.activities = [a for a in draft.activities if not twin(a)]


def _event(value: dict) -> tuple:
    """What an activity says, with one sector written `sector` or `sectors: [..]` alike."""
    sectors = value.get("sectors") or ([value["sector"]] if value.get("sector") else [])
    return (value["kind"], value.get("date"), value.get("start"), value.get("end"), tuple(sorted(sectors)),
            tuple(sorted(value.get("scenarios") or ())), value.get("responsible"))


def drop_same_line_repeats(draft: Draft) -> None:
    """各乡镇要于6月20日前组织各村开展1次防汛应急演练: the drill read once as ordered for a sector and once as an event of
    the sentence is one event, listed once."""
    kept: dict[tuple, Sourced] = {}
    for activity in draft.activities:
        key = (activity.line, *_event(activity.value))
        if key not in kept or ("sector" in activity.value and "sector" not in kept[key].value):
            kept[key] = activity  # the drill read for its one sector is the one kept, in the place of the first read
    draft.activities = list(kept.values())


def drop_twin_drills(draft: Draft, rows: set[int] = frozenset()) -> None:
    """`6月中旬，各社区要…演练；企业要…演练` gives drills per sector: the same sentence read as one drill without a
    sector is not another event. Nor is an undated mention of a drill the schedule table dates, nor a schedule row
    that repeats, without its sector, a drill the text orders for one sector on the same day with the same hazards."""
    drills = [a for a in draft.activities if a.value["kind"] == "drill"]

    def twin(activity: Sourced) -> bool:
        value = activity.value
        if not _sectors_of(value) and activity.line in rows and any(_window(value)) and any(
                o.line not in rows and _sectors_of(o.value) and _window(o.value) == _window(value)
                and set(o.value.get("scenarios") or []) == set(value.get("scenarios") or []) for o in drills):
            return True  # 6  6月20日前  地质灾害或防汛应急演练  各乡镇: the row of 各乡镇要组织各村…演练
        if _sectors_of(value) and activity.line in rows and not value.get("scenarios") and any(_window(value)) and all(any(
                o.line not in rows and _sectors_of(o.value) == {sector} and _window(o.value) == _window(value) for o in drills)
                for sector in _sectors_of(value)):
            return True  # 8  6月20日前  社区、企业、学校应急演练: the row of 各社区要…演练；辖区各企业要…演练, each its sector's drill
        if not _sectors_of(value) and activity.line not in rows and any(_window(value)) and value.get("scenarios") and any(
                o.line in rows and _sectors_of(o.value) and _window(o.value) == _window(value)
                and set(o.value.get("scenarios") or []) == set(value["scenarios"]) for o in drills):
            return True  # 街道将于6月12日联合枫汀小学开展校园防溺水和地震疏散演练 beside the row 6月12日 校园防溺水和地震疏散演练: the row
        if not _sectors_of(value):
            if not any(_window(value)) and any(o.line == activity.line and set(o.value.get("scenarios") or ["-"]) < set(value.get("scenarios") or [])
                                               for o in drills):
                return True  # 各企业要…泄漏或火灾演练，重大危险源企业还要开展…疏散演练 read as one drill of every hazard
            twins = [o for o in drills if o.line == activity.line and _sectors_of(o.value) and _window(o.value) == _window(value)]
            met = {s for o in twins for s in o.value.get("scenarios") or []}
            # …指导危险化学品企业开展泄漏处置演练，指导人员密集场所开展疏散演练: beside one sector's drill, a drill of
            # other hazards is another event (beside several, it is the whole clause read once more)
            distinct = {(frozenset(_sectors_of(o.value)), frozenset(o.value.get("scenarios") or [])) for o in twins}  # one drill read twice is one
            return bool(twins) and not (len(distinct) == 1 and value.get("scenarios") and met and met.isdisjoint(value["scenarios"]))
        if len(_sectors_of(value)) > 1 and all(any(o.line == activity.line and _sectors_of(o.value) == {sector} and _window(o.value) == _window(value)
                                                   for o in drills) for sector in _sectors_of(value)):
            return True  # …分别组织演练：居委会以…为重点，企业以…为重点: the drills of each sector, read once more as one
        return not any(_window(value)) and any(
            o is not activity and any(_window(o.value)) and _sectors_of(o.value) == _sectors_of(value)
            and set(o.value.get("scenarios", [])) == set(value.get("scenarios", [])) for o in drills)

    draft.activities = [a for a in draft.activities if a.value["kind"] != "drill" or not twin(a)]


LISTS_BELOW = re.compile(r"(?:其中|具体(?:如下|要求)?|分别为)\s*[:：]\s*$")
SUB_ITEM = re.compile(r"^\s*[（(][0-9一二三四五六七八九十]{1,2}[）)]")
NUMBERED_ITEM = re.compile(r"^\s*[0-9]{1,2}\s*[.．、](?![0-9])")
LISTED_PART = re.compile(rf"{SUB_ITEM.pattern}|{NUMBERED_ITEM.pattern}")
BARE_HEADING = re.compile(r"^\s*(?:[（(]\s*[一二三四五六七八九十0-9]{1,2}\s*[）)]|[0-9]{1,2}\s*[.．、])[^，,。；;]{2,20}[。.]?\s*$")


def listed_below(lines: list[Line], number: int) -> list[int]:
    """The lines of the parts listed below a drill order that ends 其中： (or 具体如下：), numbered （1） or 1."""
    numbered = [line for line in lines if line.text.strip()]
    for index, line in enumerate(numbered):
        if line.number != number:
            continue
        if not (LISTS_BELOW.search(line.text) and re.search(r"演练", line.text)):
            return []
        # the parts may be numbered （1） or, below an order that is not itself a 1. item, 1. (四（四） 各街镇要…演练，其中：/1.…)
        item = SUB_ITEM if NUMBERED_ITEM.match(line.text) else LISTED_PART
        children = []
        for below in numbered[index + 1:]:
            if not item.match(below.text):
                break
            children.append(below.number)
        return children
    return []


def take_listed_drills(draft: Draft, lines: list[Line], year: int, clauses: dict[int, str]) -> None:
    """1.各中小学校要于6月20日前至少组织一次应急疏散演练，其中：（1）寄宿制学校要…；（2）沿河学校要…: the sub-items are
    the drills ordered, each due when the item says; the item's own 应急疏散演练 is no other drill. Nor is the item's
    heading above them (（二）组织开展应急疏散演练), read as an undated drill with no sector."""
    numbered = [line for line in lines if line.text.strip()]
    for index, line in enumerate(numbered):
        if not (LISTS_BELOW.search(line.text) and re.search(r"演练", line.text)):
            continue
        when = when_in(line.text, year)
        children = listed_below(lines, line.number)
        drills = [a for a in draft.activities if a.value["kind"] == "drill" and a.line in children]
        if not drills:
            continue
        parent = [a for a in draft.activities if a.value["kind"] == "drill" and a.line == line.number]
        for drill in drills:
            if when and not any(_window(drill.value)):
                drill.value.update(activity_window(when[0]))
            if not _sectors_of(drill.value) and parent and _sectors_of(parent[0].value):
                drill.value["sectors"] = sorted(_sectors_of(parent[0].value))
        label = clauses.get(line.number, "")
        draft.activities = [a for a in draft.activities if not (
            a in parent and set(a.value.get("scenarios") or []) <= {"evacuation"}
            or a.value["kind"] == "drill" and not any(_window(a.value)) and not _sectors_of(a.value) and a.line < line.number
            and (heading := clauses.get(a.line, "")) and label.startswith(heading) and BARE_HEADING.match(next(
                (x.text for x in lines if x.number == a.line), "")))]


# …于6月25日前至少组织开展一次应急演练：1.化工、医药企业重点开展…演练；2.…企业重点开展…演练；3.…: the drill ordered, then its
# parts by type of unit after a colon on the same line
INLINE_PARTS = re.compile(r"演练\s*[：:]\s*(?:[（(][0-9一二三四五六七八九十]{1,2}[）)]|[0-9]{1,2}\s*[.．、](?![0-9]))")


def take_inline_listed_drills(draft: Draft, lines: list[Line]) -> None:
    """The parts of a drill order listed after a colon on its line are drills of that order: each part's drill that was
    read with no time and no sector of its own takes the order's (its hazards stay its own)."""
    for line in lines:
        if not (parts := INLINE_PARTS.search(line.text)):
            continue
        drills = [a for a in draft.activities if a.line == line.number and a.value["kind"] == "drill"]
        # the order is read before the colon (a drill read further on, such as the issuer's own, is not it)
        parent = next((a for a in drills if any(_window(a.value)) and _sectors_of(a.value)
                       and 0 <= line.text.find(a.phrase.strip("“”…")[:12]) < parts.start()), None)
        if not parent:
            continue
        for drill in drills:
            if drill is not parent and not any(_window(drill.value)) and not _sectors_of(drill.value):
                drill.value.update({k: v for k, v in parent.value.items() if k in ("date", "start", "end")})
                drill.value["sectors"] = sorted(_sectors_of(parent.value))


def drop_heading_twins(draft: Draft, lines: list[Line], clauses: dict[int, str]) -> None:
    """（四）开展“安全宣传咨询日”和家校共育活动 over 各学校要在6月16日“安全宣传咨询日”当天，组织师生参与…: the heading
    names the event its body orders, with the same time; it is no other event."""
    text = {line.number: line.text for line in lines}
    headings = [a for a in draft.activities if BARE_HEADING.match(text.get(a.line, "")) and clauses.get(a.line)]
    twins = [a for a in headings if any(
        b is not a and b.line > a.line and b.value["kind"] == a.value["kind"] and _window(b.value) == _window(a.value)
        and _sectors_of(a.value) <= _sectors_of(b.value) and clauses.get(b.line, "").startswith(clauses[a.line]) for b in draft.activities)]
    # （四）开展安全宣传进农村。各乡镇农业综合服务站要…开展…宣传进农村、进家庭活动: a heading that opens its body's line
    twins += [a for a in draft.activities if _heads_its_line(a, text.get(a.line, "")) and any(
        b.line == a.line and b.phrase != a.phrase and b.value["kind"] == a.value["kind"] and _window(b.value) == _window(a.value)
        and _sectors_of(a.value) <= _sectors_of(b.value) for b in draft.activities)]
    draft.activities = [a for a in draft.activities if a not in twins]


def _heads_its_line(activity: Sourced, line: str) -> bool:
    """The activity was read from the line's opening heading (（四）开展安全宣传进农村。), with the body after it."""
    head = re.match(r"[^。]*。", line)
    return bool(head) and head.end() < len(line.rstrip()) and bool(BARE_HEADING.match(head.group(0))) \
        and activity.phrase.strip() in head.group(0)


EITHER_TRAINING_OR_DRILL = re.compile(r"培训或[^，。；]{0,8}(?:演练|推演)|(?:演练|推演)或[^，。；]{0,8}培训")


def drop_alternative_training(draft: Draft) -> None:
    """家庭要针对…参加一次自救互救培训或逃生演练: a training offered as the alternative to a drill is that one event,
    read as the drill; it is no training of its own."""
    drills = [a for a in draft.activities if a.value["kind"] == "drill"]
    draft.activities = [a for a in draft.activities if not (
        a.value["kind"] == "training" and EITHER_TRAINING_OR_DRILL.search(a.phrase)
        and any(d.line == a.line and _sectors_of(d.value) == _sectors_of(a.value) for d in drills))]


# what an extended campaign (安全生产…行) itself consists of: media tours, exposure, the 12350 line, warning cases
CAMPAIGN_KINDS = {"media_campaign", "hazard_exposure", "whistleblower_promotion", "warning_education", "case_recommendation"}


def take_campaign_spans(draft: Draft, lines: list[Line], clauses: dict[int, str]) -> None:
    """The campaign's own work under 六、持续开展“安全生产英德行”活动 (媒体采访, 曝光, 12350), with no time of its
    own, runs as long as that campaign. A drill or a training the clause also names is the month's."""
    spans = {c.value["name"]: (c.value["start"], c.value["end"]) for c in draft.campaigns if c.value.get("start") and c.value.get("end")}
    if not spans:
        return
    headings: dict[str, str] = {}  # clause label -> the first sentence of the line that opens it
    for line in lines:
        label = clauses.get(line.number, "")
        if label and label not in headings:
            headings[label] = re.split(r"[。；;]", line.text)[0]
    text_of = {line.number: line.text for line in lines}

    def campaign_span(found: Sourced) -> tuple[date, date] | None:
        label = clauses.get(found.line, "")
        enclosing = [headings.get(label[:end], "") for end in range(1, len(label) + 1) if label[:end] in headings]
        return next((span for name, span in spans.items() if any(name in heading for heading in enclosing)
                     and found.value.get("date", span[1]) == span[1]), None)

    for activity in draft.activities:
        if activity.value["kind"] not in CAMPAIGN_KINDS:
            continue
        if any(_window(activity.value)) and not _runs_until(activity.value.get("date"), text_of.get(activity.line, "")):
            continue
        if span := campaign_span(activity):
            activity.value.pop("date", None)
            activity.value["start"], activity.value["end"] = span
    # 各县（市、区）要同步开展“安全生产江淮行”活动，持续至12月31日，组织新闻媒体…采访报道: the order runs with the campaign too
    for order in draft.requirements:
        if order.value["type"] == "activity" and order.value.get("kind") in CAMPAIGN_KINDS \
                and _runs_until(order.value.get("date"), text_of.get(order.line, "")) and (span := campaign_span(order)):
            order.value.pop("date")
            order.value["not_before"], order.value["not_after"] = span


def _runs_until(day: date | None, text: str) -> bool:
    """每月曝光一批重大事故隐患…，直至12月底: the day it runs until is no deadline, and it runs with the campaign."""
    return bool(day) and bool(re.search(rf"(?:直至|持续至|一直到|延续至)\s*(?:{day.year}年)?{day.month}月(?:{day.day}日|底|末)", text))


def take_heading_spans(draft: Draft, spans: dict[int, tuple[date, date]]) -> None:
    """An activity with no time of its own takes the span its heading gives (一、宣传发动阶段（6月1日—6月10日））."""
    for activity in draft.activities:
        value = activity.value
        if not any(_window(value)) and activity.line in spans:
            value["start"], value["end"] = spans[activity.line]

# 完成时限：6月10日前 / 完成时间：6月1日至6月20日 / 时间节点：6月份: a line of its own that gives the time of the task above it
TIME_LIMIT_LINE = re.compile(r"^\s*(?:完成时限|完成时间|完成期限|时间节点|时限要求|时间要求)\s*[:：]\s*(?P<time>\S.*)$")


def take_time_limit_lines(draft: Draft, lines: list[Line], year: int, clauses: dict[int, str]) -> None:
    """（一）开展学习宣贯。各县（区）住建局、各企业要组织干部职工深入学习…。/责任单位：…/完成时限：6月10日前: a task written
    with its time on a line of its own below it. Each event of the task's lines (its clause, since the last such line) that has no
    time of its own takes that time, and so does each order of it; an event the task dates itself (市局将于6月下旬…) keeps its own."""
    since = 0
    for line in lines:
        if not (limit := TIME_LIMIT_LINE.match(line.text)):
            continue
        label, task_from, since = clauses.get(line.number, ""), since, line.number
        if not label or not (when := when_in(limit["time"], year, draft.issued)):
            continue
        task = {n for n, l in clauses.items() if task_from < n < line.number and l == label}
        for activity in draft.activities:
            if activity.line in task and not any(_window(activity.value)):
                activity.value.update(activity_window(when[0]))
        for order in draft.requirements:
            if order.line in task and order.value["type"] == "activity" and not any(order.value.get(k) for k in ("date", "not_before", "not_after")):
                order.value.update(requirement_window(when[0]))
