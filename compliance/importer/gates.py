"""Precision gates: a value that rests on evidence of a kind that has misled the extractor on unseen notices
becomes a TODO for the clerk, with its line and the reason, instead of a value in the draft.

Each gate names the shape of text it distrusts. A wrong value is worse than a TODO: the clerk fills a
TODO, but has to catch a wrong value.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from functools import partial
from typing import Any

from .draft import Draft, Sourced
from .reader import Line
from .dates import days_in
from .people import COMMON_SURNAMES, POST_END
from .sectors import SHARED_BEFORE, holders_in, issuers_own_sector, without_onlookers
from .vocabulary import DRILL_SUBJECTS, EACH_SCHOOL, KINDS

_UNITS = "|".join(words for _, words in DRILL_SUBJECTS)
# 6月底前，各中小学要… / 辖区各企业应…: the units of one sector are the ones told to act
ORDERED_UNITS = re.compile(rf"^\s*(?:[^，,。；]{{2,14}}[，,])?\s*(?:辖区|驻[镇区县市街]|各类|各)+(?P<who>{_UNITS})[^，,。；]{{0,12}}?(?:要|应|须|需)")
# 三是各中心校、村小要… / 6月下旬，由各社区牵头… / 各在建项目施工单位于…完成: units of one sector named with 各 (a trade or a
# project may come between) before the event, wherever the sentence names them
UNITS_BEFORE = re.compile(rf"(?:辖区|驻[镇区县市街]|各类|各)+[\u4e00-\u9fa5]{{0,6}}?(?P<who>{_UNITS})(?:[（(][\u4e00-\u9fa5、]{{1,6}}[）)])?"
                          r"[^，,。；]{0,12}?(?:要|应(?!急)|须|需|牵头|负责|于|在)")
# 教师, 教职工, 学生, 企业职工: the people of one sector take part
SECTOR_PEOPLE = re.compile(r"师生|学生|教师|教职工|(?:企业|厂矿)[^，,。；]{0,6}(?:职工|员工|负责人)")
ALWAYS_SECTORED = {"drill", "publicity"}  # the kinds a clerk always gives a sector when the text has one
# events held for people, which take the sector of those people; reporting lines and campaigns are open to all
HELD_FOR_PEOPLE = ALWAYS_SECTORED | {"training", "leader_talk", "warning_education", "consultation_day"}


def _sectors(value: dict[str, Any]) -> list[str]:
    return list(value.get("sectors") or ([value["sector"]] if value.get("sector") else []))


def sentence_of(found: Sourced, lines_by_number: dict[int, str]) -> str:
    """The sentence of its line that a value was read from (its quoted phrase falls in it)."""
    text = lines_by_number.get(found.line, "")
    probe = found.phrase[:12]
    for sentence in re.split(r"(?<=[。；;！!])", text):
        if probe and probe in sentence:
            return sentence
    return text


def describe(value: dict[str, Any]) -> str:
    return ", ".join(f"{key}: {item.isoformat() if hasattr(item, 'isoformat') else item}" for key, item in value.items()
                     if item not in (None, [], ""))


def unsure_sector(value: dict[str, Any], sentence: str, own: str | None = None) -> str | None:
    """An activity with no sector whose sentence tells one sector's units to hold it, or has one sector's people take
    part: the sector was there and was not read, so the event is not what the draft would say. The issuer's own
    people (a school's 师生, `own`) put its own event in no sector."""
    if _sectors(value):
        return None
    if value["kind"] in ALWAYS_SECTORED and (units := ORDERED_UNITS.match(sentence)) and _sector_of(units["who"]) != own:
        return f"ordered for {units['who']}, but no sector was read"
    if value["kind"] in HELD_FOR_PEOPLE and (people := SECTOR_PEOPLE.search(plain := without_onlookers(sentence))) and _sector_of(people.group(0)) != own \
            and not SHARED_BEFORE.search(plain[:people.start()]):  # 各乡镇、各部门和县属国有企业主要负责人: shared with bodies of no sector
        return f"held with {people.group(0)}, but no sector was read"
    if value["kind"] in ALWAYS_SECTORED and (units := _units_before_event(value["kind"], sentence)) and _sector_of(units) != own:
        return f"{units} are named before it, but no sector was read"
    return None


def _units_before_event(kind: str, sentence: str) -> str | None:
    """The units of one sector the sentence names (with 各) before the word for an event of this kind, if any."""
    event = dict(KINDS)[kind].search(sentence)
    units = UNITS_BEFORE.search(sentence)
    return units["who"] if units and event and units.start() < event.start() else None


def order_without_its_sector(value: dict[str, Any], sentence: str, own: str | None = None) -> str | None:
    """各中心校、村小要…演练 read as a plain order for a drill: the units told to hold it are of one sector, so the order
    is that sector's drill (or publicity), and the sector was not read."""
    if value.get("type") != "activity" or value.get("kind") not in ALWAYS_SECTORED or value.get("sectors"):
        return None
    if (units := _units_before_event(value["kind"], sentence)) and _sector_of(units) != own:
        return f"ordered for {units}, but no sector was read"
    return None


def _sector_of(words: str) -> str:
    return "enterprise" if re.search(r"企业|厂矿", words) else "school" if re.search(r"师|学|教|校|幼儿园", words) else \
        next((name for name, pattern in DRILL_SUBJECTS if re.search(pattern, words)), "")


def start_without_end(value: dict[str, Any], sentence: str) -> str | None:
    """5月20日起开展…: a day the event starts from, read as the day it is held."""
    day = value.get("date")
    for found, _, high in days_in(sentence, day.year) if day else []:
        if found == day and re.match(r"\s*(?:起|开始)", sentence[high:]):
            return "the text gives the day it starts, and no end was read"
    return None


# 通过开展隐患排查、应急演练等系列活动 / 实现…隐患排查全覆盖 / 对演练中发现的问题 / 把活动与隐患排查整治…结合起来 / 在演练时要确保安全:
# 各单位开展应急演练要贴近实战: the event's word is the means, the goal, the circumstance or the manner of what the clause
# says, not an event it holds or orders
PASSING_BEFORE = re.compile(r"通过(?:开展|组织)[^，,；;。：:]{0,12}$")  # …with a list of means after it (等系列活动)
PASSING_AFTER = re.compile(r"^[^，,；;。]{0,12}?(?:全覆盖|中发现|中暴露|中发生|中出现|过程中|时要|时应|时须|结合起来|相结合)"
                           # 各单位开展应急演练要贴近实战: how an event is to be held, not an order to hold it
                           r"|^[^，,；;。0-9]{0,6}?(?:要|应|须)(?:贴近|注重|突出|确保|坚持|避免|防止|严禁|务求|注意|做到|讲求|力戒|结合|覆盖)"
                           # 学习…全员安全生产责任制和事故隐患排查治理等新规定: a rule studied, which the event's word names
                           r"|^[^，,；;。]{0,4}?等?新?(?:规定|制度|条款|法定职责)"
                           # 以开展应急演练为抓手 / 做好应急演练的组织保障工作: a means, or what qualifies the work ordered
                           r"|^[^，,；;。]{0,6}?为(?:抓手|载体|契机|切入点|突破口|主线)|^的(?:组织|保障|安全|后勤|经费|总结|评估|指导|监督)")
# 以开展应急演练为抓手: the word after 以 is the means of what the sentence asks
MEANS_BEFORE = re.compile(r"以(?:开展|组织)?[^，,；;。]{0,8}$")


def mentioned_in_passing(value: dict[str, Any], sentence: str) -> str | None:
    """An event's word read where the clause only names it as a means (通过开展…), a goal (实现…全覆盖), or the
    circumstance of something else (对演练中发现的问题…, 在演练时要确保安全): no event is held or ordered there."""
    if TABLE_ROW.search(sentence) or value.get("type") not in (None, "activity", "drill_per_sector"):
        return None
    kind = value.get("kind") or ("drill" if value.get("type") == "drill_per_sector" else None)
    if not kind or not (word := dict(KINDS)[kind].search(sentence)):
        return None
    before, after = sentence[:word.start()], sentence[word.end():]
    means = re.match(r"^[^，,；;。]{0,6}?为(?:抓手|载体|契机|切入点|突破口|主线)", after)
    if (PASSING_AFTER.search(after) and (not means or MEANS_BEFORE.search(before))) \
            or (PASSING_BEFORE.search(before) and re.match(r"[^，,；;。]{0,20}?等", after)):
        return "named only in passing (a means, a goal, a circumstance or a manner), not held or ordered there"
    # 各企业要结合…危险化学品专项整治，于6月25日前开展一次应急演练: the work the order is to be joined to, not an event of it
    # (各学校要结合“安全宣传咨询日”，在校内同步组织开展安全宣传咨询活动: the day is the event the order holds)
    # (结合实际举行本地区启动仪式: 结合实际 is how, not what it is joined to)
    if kind != "consultation_day" and (joined := COMBINED_WITH.search(before)) and not re.search(r"开展|组织|进行|举办|举行|召开|实施", joined.group(1)) \
            and not re.match(r"(?:本地区?|本单位|本部门|本行业|各自|工作|自身)?实际", joined.group(1)) \
            and re.match(r"[^，,；;。]{0,12}[，,]", after) and not dict(KINDS)[kind].search(after) \
            and (re.search(r"开展|组织|进行|举办", after) or any(pattern.search(after) for _, pattern in KINDS)):
        return "named as the work the order is joined to (结合…), not an event of it"
    return None


COMBINED_WITH = re.compile(r"结合([^，,；;。：:]{0,30})$")


# 各学校、医院、商场等人员密集场所要… / 辖区学校、医院等重点单位要…: units named as examples of a class of no sector
EXAMPLES_OF_A_CLASS = re.compile(r"(?:学校|中小学|幼儿园|企业|社区|村)[、和及][^，,。；;要]{1,20}?等[\u4e00-\u9fa5]{0,6}?(?:场所|单位|机构|部位)"
                                 r"(?:要|应(?!急)|须|需)")


def examples_of_a_class(value: dict[str, Any], sentence: str) -> str | None:
    """各学校、医院、商场等人员密集场所要组织开展一次疏散演练: the school is one example of the crowded places told to
    drill, a class of no sector; the sector read from the example is not what the text orders."""
    if not _sectors(value) or value.get("type") not in (None, "activity", "drill_per_sector"):
        return None
    if match := EXAMPLES_OF_A_CLASS.search(sentence):
        return f"the units named are examples of a class of no sector ({match.group(0)})"
    return None


# 区教育局…组织督查组，对各学校隐患排查整治情况开展专项督查: a check made of schools
CHECK_OF_SCHOOLS = re.compile(rf"对[^，,。；;对]{{0,14}}?(?:学校|中小学|幼儿园|校园|{EACH_SCHOOL})[^，,。；;]{{0,24}}?(?:开展|进行|实施)")


# 2.寄宿制学校要重点对学生宿舍用电…开展专项检查: a class of schools, the sentence's subject, holds the check
SCHOOLS_HOLD = re.compile(rf"^\s*(?:[（(]?[0-9一二三四五六七八九十]{{1,2}}[）)]|[0-9]{{1,2}}\s*[.．、])?\s*(?:各|辖区|全县|全区|全市)?[\u4e00-\u9fa5、]{{0,8}}?(?:学校|中小学|幼儿园|{EACH_SCHOOL})(?:要|应(?!急)|须)")


def check_of_schools(value: dict[str, Any], sentence: str, own: str | None = None) -> str | None:
    """各中小学校要…对校舍、消防设施…开展一次全面自查 / 对各学校…开展专项督查: a hazard check held by the schools alone or
    made of schools, read in no sector. The references read such a check both ways (guilan-2025 in no sector,
    wanyang-2025 in the school's), so the clerk decides; in a school's own plan it is the school's own (no sector)."""
    if value.get("kind") != "hazard_inspection" or set(_sectors(value)) not in (set(), {"school"}) or own == "school":
        return None
    # every word for the check (组织督查组，对各学校…开展专项督查: the second clause says what it is made of)
    for word in dict(KINDS)["hazard_inspection"].finditer(sentence):
        stop = re.search(r"[，,；;。]", sentence[word.end():])
        start = max(sentence.rfind(mark, 0, word.start()) for mark in "，,；;。") + 1
        clause = sentence[start:word.end() + stop.start()] if stop else sentence[start:]
        if holders_in(sentence, word.start()) == ["school"] or CHECK_OF_SCHOOLS.search(clause) or SCHOOLS_HOLD.match(sentence):
            return "a check held by the schools or made of them: whether it is in the school sector is the clerk's call"
    return None


# 镇政府将于六月下旬在青檀化工有限公司组织开展…演练 / 园区在江澜石化公司组织开展…演练: the issuer's own drill at one company
HELD_AT_A_COMPANY = re.compile(r"(?P<who>[^，,。；;]{0,16}?)在[\u4e00-\u9fa5]{2,14}?(?:公司|化工厂|企业)[\u4e00-\u9fa5]{0,6}?(?:组织|开展|举行|举办)")


def drill_held_at_a_company(value: dict[str, Any], sentence: str) -> str | None:
    """The issuer's own drill held at one named company: the references read its sector both ways (jianglan-2023 in the
    enterprise sector, qingtan-2023, wenling-2024 and yunpu-2024 in none, as a drill at one site), so the clerk decides."""
    if value.get("kind") != "drill" or _sectors(value) != ["enterprise"] or len(re.findall(r"演练|推演", sentence)) != 1:
        return None
    if (site := HELD_AT_A_COMPANY.search(sentence)) and "各" not in site["who"]:
        return "the issuer's own drill at one company: in the enterprise sector or in none is the clerk's call"
    return None


MEDIA = re.compile(r"媒体|记者|采访")


def undercover_visits_of_the_media(value: dict[str, Any], sentence: str) -> str | None:
    """市安委办联合市级媒体组成采访组，深入…开展暗查暗访、曝光典型隐患: visits the media make unannounced are how they
    report, not a hazard check; a check named in other words beside them (专项检查) is still one."""
    if value.get("kind") != "hazard_inspection" or not MEDIA.search(sentence):
        return None
    words = [word.group(0) for word in dict(KINDS)["hazard_inspection"].finditer(sentence)]
    if words and all(word == "暗查暗访" for word in words):
        return "unannounced visits made with the media: a hazard check or the media's reporting is the clerk's call"
    return None


# 餐饮场所燃气安全专项整治与“安全生产月”同步启动，持续至2025年12月31日: a campaign started with the month and its span
CAMPAIGN_DECLARED = re.compile(r"与\s*[“\"]?安全生产月[”\"]?(?:活动)?同步(?:启动|开展)[，,]?[^。；;]{0,24}(?:至|到)[^。；;]{0,16}(?:[0-9]\s*日|底|末|结束)")


def campaign_declared(value: dict[str, Any], sentence: str) -> str | None:
    """餐饮场所燃气安全专项整治与“安全生产月”同步启动，持续至2025年12月31日: the sentence sets a campaign's span; the work
    its name calls (整治) is no event held on the day it ends."""
    if CAMPAIGN_DECLARED.search(sentence):
        return "read from the sentence that declares a campaign and its span, not an event of it"
    return None


ACTIVITY_GATES: list[Callable[[dict[str, Any], str], str | None]] = [unsure_sector, check_of_schools, examples_of_a_class, start_without_end,
                                                                    mentioned_in_passing, undercover_visits_of_the_media, drill_held_at_a_company,
                                                                    campaign_declared]

# 县安委办举办知识竞赛，各乡镇选派代表队参赛: the addressees come after the event and only take part in it
ADDRESSEES = re.compile(r"各[\u4e00-\u9fa5（）()]{1,12}?(?:要|应(?!急)|须|需|选派|参加|参与|报名|组织)|各(?:镇|街|乡|村|社区|企业|单位|部门|学校|县|区|行业|有关|相关|成员)")


# 各企业要组织员工参加 / 各村（社区）要组织群众参与: the addressees bring their people to the issuer's event
BRING_THEIR_PEOPLE = re.compile(r"[^，,。；;]{0,4}?组织[^，,。；;]{0,8}?(?:参加|参与)")


# 进社区：/ 进企业方面，/ 1.进家庭。: the label of a 五进 sub-item
SUB_ITEM_LABEL = re.compile(r"^\s*(?:[0-9]{1,2}\s*[.．、]|[（(][0-9一二三四五六七八九十]{1,2}[）)])?\s*(?:安全宣传)?进[\u4e00-\u9fa5]{2,3}(?:方面)?\s*[：:，,。]")
TABLE_ROW = re.compile(r"\t|\S[ \u3000]{2,}\S")


def issuers_own_event(value: dict[str, Any], sentence: str) -> str | None:
    """An order of an activity whose sentence names the addressees only after the event: it is the issuer's own
    event, which they join, and asks nothing of them that a rule could check."""
    if value.get("type") != "activity" or TABLE_ROW.search(sentence):
        return None  # a schedule row names who is responsible in a column after the event, not after it in a sentence
    # （六）知识竞赛。6月中旬，集团公司举办…网络竞赛，各子公司要组织职工参赛: a body that names its heading's event
    # only by what is done (举办) places the event there
    # …录制专题系列访谈，每周组织镇内重点企业负责人…，并在…各行业领域自媒体公众号播出: a body whose event is named by
    # its heading alone is placed where it is done (组织, 录制, 观看)
    kind = dict(KINDS)[value["kind"]].search(sentence) or re.search(r"举办|举行|开展|组织|录制|观看|邀请|召开", sentence)
    if kind and SUB_ITEM_LABEL.match(sentence) and kind.start() < SUB_ITEM_LABEL.match(sentence).end():
        return None  # 进社区：各社区要…: the label names the sector of the item, not an event held before the units
    if kind and re.search(r"各[\u4e00-\u9fa5（）()]{0,8}$", sentence[:kind.start()]):
        return None  # 各门店总经理、各物业项目经理要…讲一次安全课: the post that names the event is the addressees' own
    first = ADDRESSEES.search(sentence)
    # …举办主场活动，各乡镇同步开展分会场活动: the addressees hold their own, the same day; but a meeting's 分会场
    # (…召开全区…动员部署视频会，…各街镇设分会场) is where they sit in on the issuer's meeting
    if first and re.search(r"同步" if value["kind"] == "launch_ceremony" else r"同步|分会场", sentence[first.start():]):
        return None
    if value["kind"] == "consultation_day" and first and BRING_THEIR_PEOPLE.match(sentence, first.end()):
        return None  # …6月16日管委会在园区服务中心广场设置咨询点，各企业要组织员工参加: told to bring their people (README)
    if kind and first and first.start() > kind.start() and not re.search(r"要|应(?!急)|须", sentence[:kind.start()]):
        return f"the addressees ({first.group(0)}) only take part in an event the issuer holds"
    return None


# 区教育局要组织全区中小学… / 县住建局负责…: one named body is the subject (an enumerator, a heading or a time may lead);
# 矿工会、团委要组织开展…: two named bodies are as well
ONE_BODY = re.compile(r"^\s*(?:[（(][一二三四五六七八九十0-9]{1,2}[）)]|[0-9]{1,2}\s*[.．、]|[一二三四五六七八九十]是)?\s*(?:[^，。；]{1,12}[。.])?"
                      r"\s*(?:[^，。；各]{2,16}[，,])?\s*(?P<body>(?:[县区市镇乡旗]?[\u4e00-\u9fa5]{1,10}?(?:局|委|办公室|办|大队|支队|中心|站|工会)[、和])?"
                      r"[县区市镇乡旗]?[\u4e00-\u9fa5]{1,10}?(?:局|委|办公室|办|大队|支队|中心|站|工会)"
                      r"|(?:集团公司|集团|公司)[\u4e00-\u9fa5]{1,8}?部"  # 集团公司党群工作部要…: one department of the company
                      # 镇中心学校要… / 县实验小学要…: one named school (镇中小学要… names them all)
                      r"|[县区市镇乡旗][\u4e00-\u9fa5]{0,8}?(?:中心学校|中心小学|中心校|(?<!中)小学|中学|幼儿园))"
                      r"(?:要|应(?!急)|须|负责|牵头)")


def one_named_body(value: dict[str, Any], sentence: str) -> str | None:
    """区教育局要组织全区中小学开展…演练: a task given to one named department is that department's, not the level below's
    (tests/import_refs/README.md), even when the units it works with are of one sector."""
    if value.get("type") not in ("activity", "drill_per_sector"):
        return None
    if (subject := ONE_BODY.match(sentence)) and "各" not in subject["body"]:
        return f"given to one named body ({subject['body']}), not to the level below"
    return None


# 鼓励各企业开展… / 提倡…: an encouragement; 有条件的企业要… / 寄宿制学校要… / 部分乡镇要…: some units only
ENCOURAGED = re.compile(r"鼓励|提倡|倡导|支持[^，,。；;]{0,12}?(?:开展|举办|组织)")
SOME_UNITS = re.compile(r"^[^，,。；;]{0,20}?(?:有条件的|具备条件的|条件成熟的|部分|个别|寄宿制|沿河|沿湖|临水|(?:设有|涉及|存在)[^，,。；;要]{1,12}?的)[^，,。；;]{0,12}?(?:要|应(?!急)|须|可)")


def encouraged_or_some_units(value: dict[str, Any], sentence: str) -> str | None:
    """鼓励各企业开展开放日活动 / 有条件的企业要组织开展公众开放日活动 / 寄宿制学校要…开展夜间疏散演练 / 设有检验科的医疗
    机构要…: an encouragement, or a task for some units only, which the README counts as no requirement."""
    if value.get("type") not in ("activity", "drill_per_sector"):
        return None
    kind = value.get("kind") or "drill"
    word = dict(KINDS)[kind].search(sentence)
    before = sentence[:word.start()] if word else sentence
    body = re.sub(r"^\s*(?:[（(][一二三四五六七八九十0-9]{1,2}[）)]|[0-9]{1,2}\s*[.．、]|[一二三四五六七八九十]是)", "", before)
    if ENCOURAGED.search(before):
        return "encouraged, not ordered"
    if SOME_UNITS.search(body):
        return "asked of some units only, not of the level below"
    return None


# …“安全宣传咨询日”当天，园里组织大班幼儿到镇文化广场观看镇政府组织的安全宣传咨询活动: they watch one another holds
WATCHES_ANOTHERS = re.compile(r"(?:观看|观摩|参观)[^，,。；;]{0,12}?(?:组织|举办|开展|举行)的")


def only_watched(value: dict[str, Any], sentence: str) -> str | None:
    """An event the issuer takes its own people to watch, held by another (园里组织大班幼儿…观看镇政府组织的安全宣传咨询
    活动), asks nothing of the level below: no addressee is told (要) to bring theirs, as 各村（居）要组织群众参加 is."""
    if value.get("type") != "activity" or not (word := dict(KINDS)[value["kind"]].search(sentence)):
        return None
    clause = re.split(r"[。；;]", sentence[word.start():])[0]
    if (watched := WATCHES_ANOTHERS.search(clause)) and not re.search(r"要|应(?!急)|须", clause[:watched.start()]) \
            and not ADDRESSEES.search(clause[:watched.start()]):
        return "the issuer's own people only watch an event another holds, nothing is asked of the level below"
    return None


REQUIREMENT_GATES: list[Callable[[dict[str, Any], str], str | None]] = [issuers_own_event, order_without_its_sector, one_named_body, only_watched,
                                                                       mentioned_in_passing, examples_of_a_class,
                                                                       encouraged_or_some_units]


def campaign_of_one_body(value: dict[str, Any], line_text: str) -> str | None:
    """（七）开展“安全生产河湟行”活动。县融媒体中心要从6月起至12月底…开设专栏: a campaign one named body is told to run
    (its line addresses no class of the level below) is that body's, not a campaign the level below must keep."""
    if value.get("type") != "campaign":
        return None
    parts = [part for part in re.split(r"(?<=[。；;])", line_text) if part.strip()]
    if any(ADDRESSEES.search(part) for part in parts):
        return None
    for part in parts:
        if (subject := ONE_BODY.match(part)) and "各" not in subject["body"]:
            return f"run by one named body ({subject['body']}), not by the level below"
    return None


def _gated(found: list[Sourced], gates: list, noun: str, text_of: dict[int, str], todos: list[Sourced], *,
           whole_line: bool = False) -> list[Sourced]:
    """What passes every gate; the rest becomes a TODO naming the value (its basis aside) and the reason.
    A gate reads the sentence the value came from, or with `whole_line` the whole line (a heading and its body)."""
    kept = []
    for item in found:
        text = text_of.get(item.line, "") if whole_line else sentence_of(item, text_of)
        reason = next((r for gate in gates if (r := gate(item.value, text))), None)
        if reason:
            shown = {k: v for k, v in item.value.items() if k != "basis"}
            todos.append(Sourced(f"{noun} {{{describe(shown)}}}? {reason}", item.line, item.phrase))
        else:
            kept.append(item)
    return kept


# 一、指导思想 / 二、活动目标 / 总体要求: a section that says why and to what end, where no event is held or ordered
AIMS_HEADING = re.compile(r"^\s*(?:[一二三四五六七八九十]+\s*[、.．]\s*)?(?:指导思想|总体要求|总体目标|活动目标|工作目标|目标任务|基本原则)\s*$")
SECTION_HEADING = re.compile(r"^\s*[一二三四五六七八九十]+\s*[、.．]")
# 指导思想 / 活动主题 / 活动时间 on a line of their own: the headings of a plan that numbers no section
BARE_SECTION = re.compile(r"^\s*[\u4e00-\u9fa5]{2,8}\s*$")


def _lines_of_aims(lines: list[Line]) -> set[int]:
    """The lines under a heading of aims (指导思想, 活动目标), numbered (一、指导思想) or not, up to the next section."""
    inside, found = False, set()
    for line in lines:
        if SECTION_HEADING.match(line.text) or (AIMS_HEADING.match(line.text) or inside and BARE_SECTION.match(line.text)):
            inside = bool(AIMS_HEADING.match(line.text))
        elif inside:
            found.add(line.number)
    return found


# …现将有关事项通知如下 / 区教育局决定在全区教育系统组织开展… / 特制定本方案: the opening paragraph, which says why the
# notice acts and what it is about
OPENING = re.compile(r"通知如下|(?<!研究)决定(?:在|于|从|自|今年|组织|开展)|制定本[\u4e00-\u9fa5]{0,4}方案|特制定|方案如下")


PLAN_DECLARED = re.compile(r"制定本[\u4e00-\u9fa5]{0,4}方案[。.]?\s*$")


def lines_of_opening(lines: list[Line]) -> set[int]:
    """The opening paragraph's lines: before the first numbered section, saying why the notice acts."""
    found, after = set(), set()
    declared = False
    for line in lines:
        if SECTION_HEADING.match(line.text):
            return found | after
        if OPENING.search(line.text):
            found.add(line.number)
        elif declared and line.text.strip():
            # 结合我村实际，制定本方案。 / 我村地处山区…，喊着要他参加演练、培训…: after the plan is declared, the
            # paragraphs before its first section tell the background, not the plan
            after.add(line.number)
        declared = declared or bool(PLAN_DECLARED.search(line.text))
    return found  # no numbered section: what follows the opening may be the plan itself


def _undated_in_opening(draft: Draft, lines: list[Line], found: list[Sourced]) -> list[Sourced]:
    """为…全面排查整治校园安全隐患，…区教育局决定在全区教育系统组织开展“安全生产月”活动: an undated event the opening
    names is a purpose of the month, not an event held or ordered (what is held comes in the sections below). A day
    the opening gives (6月16日为全国“安全宣传咨询日”) is kept."""
    opening = lines_of_opening(lines)
    return _left_to_clerk(draft, found, lambda item: "named in the opening paragraph, which says why the notice acts, "
                          "not held or ordered there" if item.line in opening and not _days(item) else None)


def _days(item: Sourced) -> list:
    return [item.value.get(key) for key in ("date", "start", "end") if item.value.get(key)]


def _left_to_clerk(draft: Draft, found: list[Sourced], why_not) -> list[Sourced]:
    """The activities kept; each one `why_not` gives a reason for becomes a TODO with that reason."""
    kept = []
    for item in found:
        if reason := why_not(item):
            shown = {k: v for k, v in item.value.items() if k != "basis"}
            draft.todos.append(Sourced(f"activity {{{describe(shown)}}}? {reason}", item.line, item.phrase))
        else:
            kept.append(item)
    return kept


def _in_aims(draft: Draft, lines: list[Line], noun: str, found: list[Sourced]) -> list[Sourced]:
    """What was read under 指导思想 or 活动目标 becomes a TODO: those sections name events as aims, not as orders."""
    aims = _lines_of_aims(lines)
    for item in found:
        if item.line in aims:
            shown = {k: v for k, v in item.value.items() if k != "basis"}
            draft.todos.append(Sourced(f"{noun} {{{describe(shown)}}}? named in a section of aims, not held or ordered there", item.line, item.phrase))
    return [item for item in found if item.line not in aims]


def _dated_before_the_year(draft: Draft, found: list[Sourced]) -> list[Sourced]:
    """2024年3月22日，公司合成车间曾发生一起氢气管线法兰泄漏闪爆未遂事件，暴露出隐患排查不细… in a 2025 notice: a day of
    a year before the notice's is background (an accident, last year's work), never an event of this year's month."""
    year = draft.value("year")
    return _left_to_clerk(draft, found, lambda item: f"dated in a year before the notice's {year}: background, not an "
                          "event of this year's month" if year and any(day.year < year for day in _days(item)) else None)


def gate_activities(draft: Draft, lines: list[Line]) -> None:
    own = issuers_own_sector(draft.value("org"))
    gates = [partial(gate, own=own) if gate in (unsure_sector, check_of_schools) else gate for gate in ACTIVITY_GATES]
    draft.activities = _dated_before_the_year(draft, _undated_in_opening(draft, lines, _in_aims(draft, lines, "activity", _gated(
        draft.activities, gates, "activity", {line.number: line.text for line in lines}, draft.todos))))


# 1.进企业。由县工业商务和信息化局牵头，县市场监管局…配合，… / （2）进农村：由县农业农村局牵头，…: a part of 五进 led by one
# named body
PART_LED = re.compile(r"^\s*(?:[0-9]{1,2}\s*[.．、]|[（(]\s*(?:[0-9]{1,2}|[一二三四五六七八九十]{1,2})\s*[）)])\s*(?:安全(?:宣传|知识|文化))?"
                      r"进(?:企业|农村|乡村|社区|学校|校园|家庭)\s*[。.：:，,]\s*(?P<led>由(?P<body>[^，,。；;]{2,20}?)牵头)?")


def _parts_led_by_named_bodies(draft: Draft, lines: list[Line], found: list[Sourced]) -> list[Sourced]:
    """1.进企业。由县工业商务和信息化局牵头…；2.进农村。由县农业农村局牵头…；…5.进家庭。由县妇联牵头…: when every part of 五进
    is led by one named department, the parts are those departments' tasks (tests/import_refs/README.md), not the sectors
    the level below must cover."""
    parts = [match for line in lines if (match := PART_LED.match(line.text))]
    if len(parts) < 2 or not all(part["led"] and "各" not in part["body"] for part in parts):
        return found
    kept = []
    for item in found:
        if item.value.get("type") == "sectors_covered":
            shown = {k: v for k, v in item.value.items() if k != "basis"}
            draft.todos.append(Sourced(f"requirement {{{describe(shown)}}}? every part of 五进 is led by one named body "
                                       f"({parts[0]['body']}, …), not given to the level below", item.line, item.phrase))
        else:
            kept.append(item)
    return kept


def gate_requirements(draft: Draft, lines: list[Line]) -> None:
    own = issuers_own_sector(draft.value("org"))
    gates = [partial(gate, own=own) if gate is order_without_its_sector else gate for gate in REQUIREMENT_GATES]
    text_of = {line.number: line.text for line in lines}
    kept = _gated(draft.requirements, gates, "requirement", text_of, draft.todos)
    kept = _gated(kept, [campaign_of_one_body], "requirement", text_of, draft.todos, whole_line=True)
    kept = _parts_led_by_named_bodies(draft, lines, kept)
    draft.requirements = [r for r in kept if r.value["type"] in ("theme", "period")] + _in_aims(
        draft, lines, "requirement", [r for r in kept if r.value["type"] not in ("theme", "period")])


BODY = re.compile(r"(?:科|股|处|室|部|局|办|站|所|中心|学校|大队|支队)$")


def name_and_title_unsplit(person: dict[str, str], line_text: str) -> str | None:
    """院长 冯建国 / 王建国  镇党委副书记 kept as one field: a name and a post the split did not part."""
    if any(re.search(r"\S{2}\s+\S{2}", person.get(key) or "") for key in ("name", "title")):  # not 刘  洋, a padded name
        return "a name and a post are not told apart"
    return None


def body_without_post(person: dict[str, str], line_text: str) -> str | None:
    """保卫科 as a member: a body stands for the holder of a post the text names further on (负责人)."""
    if not person.get("name") and BODY.search(person.get("title") or ""):
        return "a body is named, not the post of the person who sits for it"
    return None


def name_is_body(person: dict[str, str], line_text: str) -> str | None:
    """应急办 read as a name: a body is no person (its holder's post is what the text names, or should)."""
    if BODY.search(person.get("name") or ""):
        return "a body is read as a person's name"
    return None


def posts_cut_short(person: dict[str, str], line_text: str) -> str | None:
    """组长：集团董事长、总经理  刘志强 read as 集团董事长: more posts (and the name) follow the one read."""
    title = person.get("title") or ""
    if title and not person.get("name") and re.search(re.escape(title) + r"\s*、", line_text):
        return "more follows the post read on this line"
    return None


def name_run_on(person: dict[str, str], line_text: str) -> str | None:
    """公司总经理姜宏伟 read as a post: a name may run on from the post word, with nothing to mark where it starts."""
    title = person.get("title") or ""
    if person.get("name"):
        return None
    for end in (len(title) - 3, len(title) - 2):  # a name of three characters, or of two
        if end > 1 and POST_END.search(title[:end]) and title[end] in COMMON_SURNAMES:
            return "a name may run on from the post, with no space before it"
    return None


PERSON_GATES: list[Callable[[dict[str, str], str], str | None]] = [name_and_title_unsplit, body_without_post, name_run_on, name_is_body]
LEADER_GATES = PERSON_GATES + [posts_cut_short]  # the leader is one person; deputies and members may be listed with 、


def gate_leading_group(draft: Draft, lines: list[Line]) -> None:
    text_of = {line.number: line.text for line in lines}
    group = draft.leading_group
    for role, gates in (("leader", LEADER_GATES), ("deputies", PERSON_GATES), ("members", PERSON_GATES)):
        found = group.get(role)
        people = found if isinstance(found, list) else [found] if found else []
        kept = []
        for person in people:
            reason = next((r for gate in gates if (r := gate(person.value, text_of.get(person.line, "")))), None)
            if reason:
                draft.todos.append(Sourced(f"leading_group {role}: {{{describe(person.value)}}}? {reason}", person.line, person.phrase))
            else:
                kept.append(person)
        if isinstance(found, list):
            group[role] = kept
        elif found and not kept:
            del group[role]


def gate_contacts(draft: Draft) -> None:
    """联系人：保卫科 电话…: an office is where to call, not the contact's name; the number and address stay."""
    kept = []
    for contact in draft.contacts:
        name = contact.value.get("name") or ""
        if BODY.search(name):
            draft.todos.append(Sourced(f"contact name: {name}? an office, not a person, is named", contact.line, contact.phrase))
            rest = {key: item for key, item in contact.value.items() if key != "name"}
            if rest.get("phone") or rest.get("email"):
                kept.append(Sourced(rest, contact.line, contact.phrase))
        else:
            kept.append(contact)
    draft.contacts = kept


def apply_gates(draft: Draft, lines: list[Line]) -> None:
    gate_activities(draft, lines)
    gate_requirements(draft, lines)
    gate_leading_group(draft, lines)
    gate_contacts(draft)
