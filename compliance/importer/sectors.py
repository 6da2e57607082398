"""Sectors read from who holds an event and who takes part in it: 各学校要…, 组织辖区重点企业…, 村民, 企业职工."""

from __future__ import annotations

import re

from .header import ENTERPRISE
from .vocabulary import BUSINESSES, EACH_SCHOOL

# the units of a sector, as the subject of an order or the object of 组织/指导 (各中小学, 辖区重点企业, 各村（社区）)
UNITS = [("enterprise", rf"企业|厂矿|生产经营单位|工矿商贸|煤矿|非煤矿山|加油(?:[（(]气[）)])?站|(?:大型)?商场超市|餐饮经营单位|{BUSINESSES}"), ("rural", r"农村|乡村|行政村|村(?![小民])|嘎查|连队"),
         ("community", r"社区|居委会|(?<=村[（(])居(?=[）)])"), ("school", rf"中小学|学校|幼儿园|{EACH_SCHOOL}"), ("family", r"家庭|居民家中"),
         ("public_place", r"公共场所")]
_ANY_UNIT = "|".join(words for _, words in UNITS)
# 各企业要 / 辖区各学校应 / 组织辖区重点企业 / 指导辖区危险化学品企业: a few words of qualifier may stand between;
# a bracket after the unit names more of the same class (各村（社区）)
_UNIT_NAMED = rf"(?P<who>(?:{_ANY_UNIT})(?:[（(][^）)]{{1,6}}[）)])?)"
# (对辖区内露天煤矿、…和人员密集场所开展大检查: what 对 names is checked, not told to hold it)
# (督促辖区内危险化学品、工贸等企业于…开展…: units pressed to act may follow a longer list of their trades)
HOLDER = re.compile(rf"(?<!对)(?:(?:各|辖区|组织|指导|督促)[^，,。；;要应对]{{0,8}}?|督促[^，,。；;要应对]{{9,12}}?){_UNIT_NAMED}")
# the people of one sector who take part; 教师 or 职工 alone may be a hospital's
PEOPLE = [("school", r"师生|学生|教职工|中小学校长"), ("rural", r"村民"), ("enterprise", r"(?:企业|厂矿)[^，,。；]{0,6}(?:职工|员工|负责人)")]
# 各社区各行业主管部门要… / 各企业、各相关部门及各重点企事业单位要…: an order shared with bodies of no sector
SHARED_WITH_BODIES = re.compile(r"[^，,。；;要应]{0,16}?(?:部门|单位|机关|机构)")
CLAUSE_END = re.compile(r"[，,；;。]")
# 乡属各单位、各生产经营单位要… / 各部门和各企业要…: bodies of no sector named before the units share the order
# (组织干部职工和企业从业人员观看…: people of no sector joined to them, too)
# (各县市政府主要负责人、州直各部门主要负责人和各企业主要负责人: the heads of bodies of no sector, too)
# (各县（市、区）交通运输局和各企业主要负责人: bureaus, too)
# (各苏木镇党委书记、镇长和辖区重点企业主要负责人: the heads of a government, too)
SHARED_BEFORE = re.compile(r"(?:部门|单位|机关|机构|局|干部职工|干部|群众|居民|党员|(?:部门|单位|机关|政府|党政|局)(?:主要|分管)?负责(?:人|同志)|党委书记|[省市县区旗镇乡]长)"
                           r"[、和及与]\s*(?:各|辖区)?[^，,。；;、]{0,6}$")


def _units_named(who: str) -> list[str]:
    found = {name: m.start() for name, words in UNITS if (m := re.search(words, who))}
    return sorted(found, key=found.get)


# 指导人员密集场所开展… / 人员密集场所开展… / 组织商场、车站等人员密集场所开展…: a clause that names its own holder, of no sector
OWN_HOLDER = re.compile(r"^\s*(?:指导|督促|组织)?(?P<who>[\u4e00-\u9fa5]{2,12}?(?:、[\u4e00-\u9fa5]{1,8}?)*(?:等[\u4e00-\u9fa5]{0,8}?)?)(?:开展|组织|进行|举办)")
NOT_A_HOLDER = re.compile(r"(?<![绝针])对|积极|广泛|认真|深入|集中|同步|统一|全面|普遍|分别|还|也|并|同时|要|应|可|一次|至少|每|定期")


def holders_in(sentence: str, at: int) -> list[str] | None:
    """The sectors of the units told to hold the event named at `at`: the nearest subject before it, in its own
    clause or an earlier one; none if its own clause names a holder of no sector, and None if no holder is named."""
    stop = CLAUSE_END.search(sentence, at)
    clauses = re.split(r"[，,；;]", sentence[:stop.start() if stop else len(sentence)])
    for position, clause in enumerate(reversed(clauses)):
        if holders := [name for match in HOLDER.finditer(clause) if not SHARED_WITH_BODIES.match(clause, match.end())
                       and not SHARED_BEFORE.search(clause[:match.start("who")])
                       for name in _units_named(match["who"])]:
            return list(dict.fromkeys(holders))
        if position == 0 and (own := OWN_HOLDER.match(clause)) and not NOT_A_HOLDER.search(own["who"]):
            return []
    return None


# 局执法大队对辖区危险化学品、工贸企业开展专项执法检查 / 组织专家对重点企业进行“体检式”检查: a check made of enterprises
# …对辖区有限空间作业企业、燃气使用企业开展一次全覆盖检查: enterprises of several trades, listed with 、
CHECK_OF_ENTERPRISES = re.compile(r"对[^，,。；;对]{0,14}?(?:企业|厂矿)(?:、[^，,。；;对、]{1,10}?(?:企业|厂矿))*[^，,。；;]{0,6}?(?:开展|进行|实施)")


# …开展执法检查，重点检查危险化学品、非煤矿山、冶金工贸等企业，…: the clause after the check names what it is made of
CHECK_STRESSES_ENTERPRISES = re.compile(r"[，,]\s*重点(?:检查|排查|督查|抽查|对)[^，,。；;对]{0,24}?(?:企业|厂矿)\s*(?:[，,。；;]|$)")


# 带队检查一次项目或小区 / 检查一次在建工地: a check whose own words say it is made of sites
CHECK_OF_SITES = re.compile(r"(?:检查|排查)(?:一次|一轮)?[^，,。；;]{0,8}?(?:项目|工地|小区|门店|场所|站点|加油站|自建房)")


def check_sectors(sentence: str, at: int) -> list[str]:
    """A hazard check held by the enterprises alone (各企业要…自查自纠) or made of enterprises (对…企业开展执法检查) is
    in sector enterprise; a check shared with units of no sector, or made of places and sites, is in none."""
    word = re.search(r"检查|排查", sentence[at:at + 8])
    if word and CHECK_OF_SITES.match(sentence, at + word.start()):
        return []
    if holders_in(sentence, at) == ["enterprise"]:
        return ["enterprise"]
    start = max(sentence.rfind(mark, 0, at) for mark in "，,；;。") + 1
    stop = CLAUSE_END.search(sentence, at)
    # …对各企业进行抽查: the check's own word may begin with the verb (进行抽查); 各街道要组织对辖区…企业开展一次检查: or
    # with the verb that orders it, the enterprises named further on in its clause
    if CHECK_OF_ENTERPRISES.search(sentence[start:max(at + 2, stop.start() if stop else len(sentence))]):
        return ["enterprise"]
    if stop and CHECK_STRESSES_ENTERPRISES.match(sentence, stop.start()):
        return ["enterprise"]
    return []


# …实战演练，各施工企业安全负责人现场观摩 / 邀请各企业负责人观摩: people who watch or sit in take no part in the event
ONLOOKERS = re.compile(r"观摩|旁听|列席")


def without_onlookers(sentence: str) -> str:
    return "，".join(clause for clause in re.split(r"[，,；;]", sentence) if not ONLOOKERS.search(clause))


def people_in(sentence: str) -> list[str]:
    sentence = without_onlookers(sentence)
    # 各部门主要负责人和各企业主要负责人: people of one sector named after those of bodies of no sector share the event
    positions = {name: m.start() for name, words in PEOPLE if (m := re.search(words, sentence)) and not SHARED_BEFORE.search(sentence[:m.start()])}
    return sorted(positions, key=positions.get)


def sectors_in(sentence: str, at: int = 0, *, by_holder: bool = True) -> list[str]:
    """The sectors a sentence puts the event named at `at` in: those of its holders and of the people taking part
    (组织学校师生和企业职工…: school and enterprise)."""
    holders = holders_in(sentence, at) if by_holder else None
    if holders == []:
        return []  # 指导人员密集场所开展…: held by a venue of no sector, whoever else the sentence names
    return list(dict.fromkeys((holders or []) + people_in(sentence)))


_SECTOR_PLACES = [("enterprise", "企业"), ("rural", "农村"), ("community", "社区"), ("school", "学校|校园"), ("family", "家庭"),
                  ("public_place", "公共场所")]
# （三）安全宣传进企业 / 2.进学校: a heading with nothing after it that names one sector
SECTOR_HEADING = re.compile(r"^\s*(?:[（(]\s*[一二三四五六七八九十0-9]{1,2}\s*[）)]|[0-9]{1,2}\s*[.．、])\s*[\u4e00-\u9fa5“”\"]{0,8}?进"
                            r"(?P<where>[\u4e00-\u9fa5]{2,4}?)\s*[。.：:]?\s*$")


def heading_sectors(lines, clauses: dict[int, str]) -> dict[int, str]:
    """The sector each line falls under when its clause's heading names one and nothing else (（三）安全宣传进企业)."""
    carried: dict[int, str] = {}
    label, sector = None, None
    for line in lines:
        own = clauses.get(line.number, "")
        if (heading := SECTOR_HEADING.match(line.text)) and (named := _places_named(heading["where"])):
            label, sector = own, named
            continue
        if label is not None and own.startswith(label) and own:
            carried[line.number] = sector
        else:
            label, sector = None, None
    return carried


def _places_named(where: str) -> str | None:
    return next((name for name, words in _SECTOR_PLACES if re.fullmatch(words, where)), None)


# a school's or a company's own notice: its pupils, staff and premises are its own, in no sector
# 星林大学 / 某某师范学院: a university's own plan is a school's, its 师生 its own
ISSUER_OF_SECTOR = [("school", re.compile(r"(?:学校|中学|小学|幼儿园|职校|技校|大学|学院)$")),
                    ("enterprise", ENTERPRISE),
                    # 源塘村民委员会: a village's own plan, its 村民 its own
                    ("rural", re.compile(r"(?:村民委员会|村委会)$"))]


def issuers_own_sector(org: str | None) -> str | None:
    """The sector the issuer itself belongs to (滇溪县第一中学: school), whose people an event of its own names
    without putting it in a sector."""
    return next((name for name, pattern in ISSUER_OF_SECTOR if org and pattern.search(org)), None)


def drop_own_sector(draft) -> None:
    """In a school's own plan, a drill with 全校师生 or a training of 教职工 is the school's own event, not one held in
    the school sector (as a company's own plan names its 员工 in no sector)."""
    own = issuers_own_sector(draft.value("org"))
    if own is None:
        return
    for found in [*draft.activities, *(r for r in draft.requirements if r.value.get("type") == "activity")]:
        value = found.value
        for key in ("sector", "sectors"):
            held = value.get(key)
            if held == own or (isinstance(held, list) and own in held):
                rest = [] if held == own else [s for s in held if s != own]
                value.pop(key)
                if rest:
                    value["sectors"] = rest
