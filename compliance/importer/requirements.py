"""Requirements for the level below that follow from what was found."""

from __future__ import annotations

import re
from datetime import date

from .activities import ADDRESSED, kind_of, listed_below
from .clauses import NUMBERED_HEADING
from .header import THEME_HEADING
from .draft import Draft, Sourced, quote
from .gates import TABLE_ROW, sentence_of
from .reader import Line
from .vocabulary import SECTOR_WORDS


# 安全宣传“五进” / ⑦“四进”宣传。: the whole campaign named
WHOLE_PUBLICITY = re.compile(r"安全宣传\s*[“\"]?([三四五六]进)[”\"]?|[“\"]([三四五六]进)[”\"]\s*宣传")


def find_requirements(lines: list[Line], draft: Draft, year: int, clauses: dict[int, str]) -> None:
    """Requirements that follow from what was found, each with the clause that says it."""
    _theme_order(lines, draft, clauses)
    if "period" in draft.fields:
        source = draft.fields["period"]
        if _in_time_section(lines, source.line):
            draft.requirements.append(Sourced({"type": "period", "basis": clauses.get(source.line, "")}, source.line, source.phrase))
        else:  # 今年6月是第23个全国“安全生产月”: the month named in passing, which no 活动时间 section sets for the level below
            draft.todos.append(Sourced("requirement {type: period}? the period is only mentioned, no 活动时间 section sets it",
                                       source.line, source.phrase))
    _consultation_day_order(lines, draft, year, clauses)
    mentions = [l for l in lines if WHOLE_PUBLICITY.search(l.text)]
    preferred = [l for l in mentions if re.search(r"(开展|推进).{0,8}([三四五六]进)", l.text)] or mentions
    for line in preferred[:1]:
        text = line.text
        match = WHOLE_PUBLICITY.search(text)
        if match:
            sectors = [name for name, words in SECTOR_WORDS if re.search(rf"进(?:{words})", " ".join(l.text for l in lines))]
            if len(sectors) >= 4:
                draft.requirements.append(Sourced({"type": "sectors_covered", "kind": "publicity", "sectors": sectors,
                                                   "basis": clauses.get(line.number, "")}, line.number, quote(text, match.start(), match.end())))
            break
    if not any(r.value["type"] == "sectors_covered" for r in draft.requirements):
        _publicity_ordered_in_sectors(lines, draft, clauses)
    if not any(r.value["type"] == "sectors_covered" for r in draft.requirements):
        _publicity_ordered_by_sub_items(lines, draft, clauses)
    for campaign in draft.campaigns:
        if campaign.value.get("end"):
            # 同步开展“安全生产黑土行”活动，持续至11月30日 in the opening, then （四）…集团公司党群工作部要…开展“安全生产黑土行”专题采访:
            # who must run it is read where the campaign is last named, its own clause
            line_number, phrase = _own_clause(lines, campaign) or (campaign.line, campaign.phrase)
            draft.requirements.append(Sourced({"type": "campaign", "name": campaign.value["name"], "end_not_before": campaign.value["end"],
                                               "basis": clauses.get(campaign.line, "")}, line_number, phrase))
    _leading_group_order(lines, draft, clauses)
    _sector_drill_orders(draft, lines)
    _drop_implied_drill(draft)
    _drop_implied_publicity(draft)
    for line in lines:
        if match := re.search(r"(?:明确|确定|指定|落实)(?:[^，。；]{1,8}?[和及、])?\s*(?:[1一]\s*名|专人).{0,12}联络员|联络员(?:制度|反馈表)|联络员(?:须|要|应|需)(?:留|提供|注明|填写|写明)[^，。；]{0,4}(?:手机|电话|联系方式)", line.text):
            liaison = {"type": "contact", "role": "liaison", "basis": clauses.get(line.number, "")}
            # 明确1名联络员，明确联系电话 / 将联络员姓名、职务、联系电话报…: the number is asked for too
            if re.search(r"电话|手机|联系方式", line.text[match.start():]):
                liaison["require_phone"] = True
            draft.requirements.append(Sourced(liaison, line.number, quote(line.text, match.start(), match.end())))
            break




def _own_clause(lines: list[Line], campaign: Sourced) -> tuple[int, str] | None:
    """同步开展“安全生产黑土行”活动，持续至11月30日 in the opening, then （四）开展“安全生产黑土行”活动 / 集团公司党群工作部要…:
    who must run a campaign is read in its own clause, the body under the first heading after it that names it alone."""
    short = re.sub(r"[“”\"「」]", "", campaign.value["name"])[-3:]
    for index, line in enumerate(lines[:-1]):
        text = line.text.strip()
        if line.number > campaign.line and NUMBERED_HEADING.match(text) and len(text) < 30 and "。" not in text \
                and short in re.sub(r"[“”\"「」]", "", text) and (body := lines[index + 1].text.strip()):
            return lines[index + 1].number, body[:40]
    return None


# 进社区：各社区要… / （2）进企业方面，各企业要…: a sub-item of 四进 that tells the units of its sector what to do
SUB_ITEM = re.compile(r"^\s*(?:[0-9]{1,2}\s*[.．、]|[（(][0-9一二三四五六七八九十]{1,2}[）)]|[一二三四五六]是)?\s*(?:安全宣传)?进(?P<where>[\u4e00-\u9fa5]{2,4}?)(?:方面)?\s*[：:，,。]")


def _publicity_ordered_by_sub_items(lines: list[Line], draft: Draft, clauses: dict[int, str]) -> None:
    """四进 written as sub-items, each telling its sector's units what to do (进社区：各社区要…；进企业：各生产经营单位要…):
    the sectors the publicity must cover, as a 五进 clause names them."""
    named: dict[str, Line] = {}
    for line in lines:
        if (item := SUB_ITEM.match(line.text)) and ADDRESSED.search(line.text[item.end():]):
            sector = next((name for name, words in SECTOR_WORDS if re.fullmatch(rf"(?:{words})", item["where"])), None)
            if sector and sector not in named:
                named[sector] = line
    if len(named) >= 2:
        first = min(named.values(), key=lambda l: l.number)
        draft.requirements.append(Sourced({"type": "sectors_covered", "kind": "publicity", "sectors": sorted(named, key=lambda s: named[s].number),
                                           "basis": clauses.get(first.number, "")}, first.number, quote(first.text, 0, 30)))


CONSULTATION = re.compile(r"咨询日|6\s*[·•.]\s*16")
HEADING_ONLY = re.compile(r"^\s*(?:[（(][一二三四五六七八九十0-9]{1,3}[）)]|[一二三四五六七八九十]+、|[0-9]{1,2}\s*[.．、])[^。；]{2,30}$")


def _orders_another_event(sentence: str) -> bool:
    """同日，各水厂要同步举办“水厂开放日”活动: the units are told to hold an event of another kind alongside, not the
    consultation day."""
    found = kind_of(sentence)
    # (…在工地大门口或周边社区设立安全咨询点，同时开展“工地开放日”活动: the point is the day's, the open day another beside it)
    return bool(found) and found[0] not in ("consultation_day", "publicity") and not CONSULTATION.search(sentence) \
        and not re.search(r"咨询(?:点|台|站|活动)", sentence[:found[1].start()])


ROW_BRANCH_VENUE = re.compile(r"各[^，,。；;\t]{1,10}?(?:同步)?设立?分会场")


def _next_text_line(lines: list[Line], index: int) -> Line | None:
    return next((line for line in lines[index + 1:] if line.text.strip()), None)


def _consultation_day_order(lines: list[Line], draft: Draft, year: int, clauses: dict[int, str]) -> None:
    """The 6-16 consultation day is ordered when the text about it (not a schedule row) addresses the level below: the
    line it was read from, the body under a heading that only names it (（四）开展“安全宣传咨询日”活动 / 6月16日，局在…
    设立咨询点，各道路运输企业同步…), or, when a schedule row gave it, the clause that names it. The gates judge
    whether the addressees hold it or only attend the issuer's."""
    days = [a for a in draft.activities if a.value["kind"] == "consultation_day" and a.value.get("date") == date(year, 6, 16)]
    if not days:
        return
    by_number = {line.number: index for index, line in enumerate(lines)}
    candidates = [lines[by_number[a.line]] for a in days if a.line in by_number]
    candidates += [line for line in lines if CONSULTATION.search(line.text) and line not in candidates]
    for line in candidates:
        if TABLE_ROW.search(line.text):
            # 6	6月16日	“安全宣传咨询日”主场活动（东墅文化广场），各镇（街道）设分会场	…: a row whose own text has the
            # addressees hold theirs at a 分会场 orders the day, as the same words in a clause do
            if CONSULTATION.search(line.text) and (own := ROW_BRANCH_VENUE.search(line.text)):
                draft.requirements.append(Sourced({"type": "activity", "kind": "consultation_day", "date": date(year, 6, 16),
                                                   "basis": clauses.get(line.number, "")}, line.number, own.group(0)))
                return
            continue
        body, index = line, by_number[line.number]
        following = _next_text_line(lines, index)
        if HEADING_ONLY.match(line.text) and following and not TABLE_ROW.search(following.text) and not HEADING_ONLY.match(following.text):
            body = following  # (a blank line may stand between the heading and its text)
        own = next((a for a in days if a.line == body.number), None)
        sentences = re.split(r"(?<=[。；])", body.text)
        item = body is not line or own or (CONSULTATION.search(sentences[0]) and HEADING_ONLY.match(sentences[0].rstrip("。")))
        if not (any(ADDRESSED.search(s) and not _orders_another_event(s) for s in sentences) if item
                else any(CONSULTATION.search(s) and ADDRESSED.search(s) for s in sentences)):
            continue  # 组织参加区安办牵头开展的“安全宣传咨询日”主场活动，…: a mention in passing, addressed to no one
        if own:
            phrase = own.phrase
        else:
            sentence = next((s for s in re.split(r"(?<=[。；])", body.text) if CONSULTATION.search(s) or ADDRESSED.search(s)), body.text)
            start = body.text.find(sentence)
            phrase = quote(body.text, start, start + min(len(sentence), 40))
        draft.requirements.append(Sourced({"type": "activity", "kind": "consultation_day", "date": date(year, 6, 16),
                                           "basis": clauses.get(line.number, "")}, body.number, phrase))
        return


# 二、活动时间 / 一、时间安排 / （一）“安全生产月”活动时间 / 活动时间：2024年6月1日至30日: a section that sets the period
# (三、时间安排和主要活动: one that sets it and then lists the events)
TIME_SECTION = re.compile(r"^\s*(?:第[一二三四五六七八九十]{1,2}\s*[，,]\s*)?[^，。；]{0,16}?(?:(?:活动|实施|开展)(?:时间|时限|期限)(?:安排)?|时间安排)\s*(?:[:：为]|(?:和|及|与)[\u4e00-\u9fa5]{2,6}\s*$|$)")


def _in_time_section(lines: list[Line], number: int) -> bool:
    """The notice has a 活动时间 section, so the period it sets is the level below's to keep; a month named only in
    passing (今年6月是第23个全国“安全生产月”) sets none."""
    return any(TIME_SECTION.match(line.text) for line in lines)


def _publicity_ordered_in_sectors(lines: list[Line], draft: Draft, clauses: dict[int, str]) -> None:
    """各社区要开展安全宣传进社区、进家庭活动: publicity ordered in several named sectors, with no 五进 to name them."""
    for line in lines:
        parts = re.split(r"(?<=[。；;])", line.text)
        for index, sentence in enumerate(parts):
            named = {name: m.start() for name, words in SECTOR_WORDS if (m := re.search(rf"进(?:{words})", sentence))}
            # 广泛开展安全宣传进农村、进学校、进企业、进家庭活动: four sectors or more are the 五进 campaign of the level
            # below, addressed or not (in a unit's own plan, its own publicity)
            listed = len(named) >= 4 and draft.value("level") != "enterprise" and re.search(r"开展|推进|推动", sentence)
            # （五）推进安全宣传进农村、进社区、进家庭。各村（社区）要…: an item's heading whose body tells the level below
            headed = index == 0 and HEADING_ONLY.match(sentence.rstrip("。；; ")) and len(parts) > 1 \
                and re.match(r"\s*(?:各|辖区)", parts[1]) and ADDRESSED.search(parts[1])
            if len(named) >= 2 and (ADDRESSED.search(sentence) or listed or headed):
                first, last = min(named.values()), max(named.values())
                draft.requirements.append(Sourced({"type": "sectors_covered", "kind": "publicity", "sectors": sorted(named, key=named.get),
                                                   "basis": clauses.get(line.number, "")}, line.number, quote(sentence, first, last + 3)))
                return
    # 要组织开展特种设备安全宣传进社区活动，…。要组织开展特种设备安全宣传进学校活动，…: one sector per order, the orders
    # following one another in one clause, cover those sectors as one order naming them all would
    for line in lines:
        named, first_at = {}, None
        for sentence in re.split(r"(?<=[。；;])", line.text):
            found = [(name, m) for name, words in SECTOR_WORDS if (m := re.search(rf"安全宣传[“\"]?进(?:{words})", sentence))]
            if len(found) == 1 and ADDRESSED.search(sentence[:found[0][1].start()]):
                named.setdefault(found[0][0], line.text.find(sentence) + found[0][1].start())
                first_at = first_at if first_at is not None else line.text.find(sentence) + found[0][1].start()
        if len(named) >= 2:
            draft.requirements.append(Sourced({"type": "sectors_covered", "kind": "publicity", "sectors": sorted(named, key=named.get),
                                               "basis": clauses.get(line.number, "")}, line.number, quote(line.text, first_at, first_at + 40)))
            return


THEME_ORDER = re.compile(r"(?:紧扣|围绕|突出|聚焦)[^，。；]{0,40}主题")
AIMS_HEADING = re.compile(r"^\s*[一二三四五六七八九十]+\s*[、.．]\s*(?:指导思想|总体要求|活动目标|工作目标)\s*$")


def _theme_order(lines: list[Line], draft: Draft, clauses: dict[int, str]) -> None:
    """A theme is the level below's to keep when a 活动主题 section states it or a clause tells them to follow it;
    a theme merely mentioned in the opening paragraph (今年6月是…，主题是…) orders nothing."""
    source = draft.fields.get("theme")
    if source is None:
        return
    if any(THEME_HEADING.fullmatch(line.text) for line in lines):
        draft.requirements.append(Sourced({"type": "theme", "basis": clauses.get(source.line, "")}, source.line, source.phrase))
        return
    aims = {clauses.get(line.number) for line in lines if AIMS_HEADING.match(line.text)} - {None, ""}
    for line in lines:
        if clauses.get(line.number) in aims and not ((match := THEME_ORDER.search(line.text))
                                                      and re.search(r"各[^，。；]{1,12}?(?:要|应(?!急)|须)[^，。；]{0,4}$", line.text[:match.start()])):
            continue  # the 指导思想 (紧紧围绕…主题，…): the issuer's aim, no order to the level below (各地各部门要紧扣“…”主题: an order)
        if (match := THEME_ORDER.search(line.text)) and not clauses.get(line.number) and not re.search(
                r"要|应(?!急)|须", line.text[match.end():].split("。")[0]):
            continue  # the opening: 围绕…主题，在全旗范围内组织开展…活动 orders nothing; 围绕…主题，各乡镇要… does
        if match:
            draft.requirements.append(Sourced({"type": "theme", "basis": clauses.get(line.number, "")}, line.number,
                                              quote(line.text, match.start(), match.end())))
            return


# 要成立由主要负责同志任组长的“安全生产月”活动领导小组 / 要高度重视，成立相应的活动领导小组 / 也要成立相应的组织机构
# 要参照成立相应的领导小组 / 要成立以主要负责人为组长的工作小组 / 要相应成立以门店总经理为组长的活动小组
GROUP_ORDER = re.compile(r"要(?:相应地?|参照)?(?:成立|建立|组建)[^，。；]{0,30}(?:领导小组|工作专班|指挥部|(?:工作|活动)小组)|要[^，。；]{0,10}[，,]\s*成立相应的?[^，。；]{0,10}"
                         r"(?:领导小组|工作专班|指挥部|组织机构)|要成立相应的?(?:组织机构|工作机构)"
                         r"|要相应地?成立(?:组织机构|工作机构)")  # 各县（市、区）要相应成立组织机构，明确具体办事机构和人员


def _leading_group_order(lines: list[Line], draft: Draft, clauses: dict[int, str]) -> None:
    """各区、县（市）要成立…领导小组，明确具体办事机构: a leading group, with an office only if one is asked for."""
    for line in lines:
        for sentence in re.split(r"。", line.text):
            if match := GROUP_ORDER.search(sentence):
                office = bool(re.search(r"办事机构|办公室|专门科室|具体科室|专门机构|牵头科室", sentence[match.start():]))
                draft.requirements.append(Sourced({"type": "leading_group", "require_office": office, "basis": clauses.get(line.number, "")},
                                                  line.number, quote(sentence, match.start(), match.end())))
                return


def _drop_implied_publicity(draft: Draft) -> None:
    """五进, or publicity ordered in named sectors, implies an order for publicity: an undated one in those sectors (or
    in none) says nothing more. A dated one (6月20日前) sets a window the sectors do not, and one in another sector
    (公共场所) asks for more: those stay. A window that is the campaign's own (6月份 in a 6月1日至6月30日 campaign) sets
    none."""
    covered = {s for r in draft.requirements if r.value["type"] == "sectors_covered" and r.value.get("kind") == "publicity"
               for s in r.value["sectors"]}
    if covered:
        draft.requirements = [r for r in draft.requirements if not (
            r.value["type"] == "activity" and r.value.get("kind") == "publicity" and set(r.value.get("sectors") or []) <= covered
            and not _sets_a_window(r.value, draft.value("period")))]


def _sets_a_window(order: dict, period: tuple[date, date] | None) -> bool:
    """6月20日前 sets a window; 6月份 in a 6月1日至6月30日 campaign does not."""
    if order.get("date"):
        return True
    window = (order.get("not_before"), order.get("not_after"))
    return any(window) and window != tuple(period or ())


CHOICE = re.compile(r"等|或|之一")
LISTS_BELOW_END = re.compile(r"[:：]\s*$")


def _sector_drill_orders(draft: Draft, lines: list[Line]) -> None:
    """6月25日前，各道路运输企业要开展一次…演练: a drill ordered on a line whose drill was read in one sector is that
    sector's drill, ordered as a drill per sector (a plain order for a drill would drop the sector)."""
    ordered = {(r.line, r.value["sector"]) for r in draft.requirements if r.value["type"] == "drill_per_sector"}
    text_of = {line.number: line.text for line in lines}
    for order in [r for r in draft.requirements if r.value["type"] == "activity" and r.value.get("kind") == "drill"]:
        # the drill read in a sector must be the one ordered: in the same sentence (…演练；区教育局组织全区中小学…: not)
        # …至少组织1次应急演练，其中：/1.各村（社区）重点开展…演练；: the parts listed below the order are its drills
        below = listed_below(lines, order.line) if LISTS_BELOW_END.search(sentence_of(order, text_of)) else []
        for drill in [a for a in draft.activities if a.value["kind"] == "drill" and (
                a.line == order.line and sentence_of(a, text_of) == sentence_of(order, text_of) or a.line in below)]:
            for sector in drill.value.get("sectors") or ([drill.value["sector"]] if drill.value.get("sector") else []):
                if (order.line, sector) not in ordered:
                    ordered.add((order.line, sector))
                    draft.requirements.append(Sourced({"type": "drill_per_sector", "sector": sector, "scenarios": drill.value.get("scenarios") or [],
                                                       "any_of": bool(CHOICE.search(sentence_of(drill, text_of))), "basis": order.value.get("basis", "")},
                                                      order.line, drill.phrase))


def _drop_implied_drill(draft: Draft) -> None:
    """An order for drills in each sector implies the order for a drill."""
    if any(r.value["type"] == "drill_per_sector" for r in draft.requirements):
        draft.requirements = [r for r in draft.requirements if not (r.value["type"] == "activity" and r.value.get("kind") == "drill"
                                                                      )]
