"""A synthetic tree of plancheck documents for benchmarks: one province, its cities, counties,
streets and towns, and their communities, villages and enterprises.

    python -m bench.generate --size 50000 --out /tmp/tree [--seed 1]

Every superior (province, city, county, street) carries 20-40 requirements of all 12 rule types,
inherited from its own superior and never weaker (so `plancheck validate` passes), and lists its
children under `subordinates:`. Each plan holds 20-80 items (activities, reports, contacts,
campaigns, members of the leading group) written to meet its superior's requirements; about a third
of the plans then miss one to five of them on purpose (an old theme, a late report, a drill without
its scenario, an activity outside its window...). A few subordinates are listed but have sent no plan.

Children name their superior by a relative path (`superior: ../yingde-2024.yaml`), by its id, or
not at all (the audit then finds it by the document number they cite). The tree is a git
repository (`git init`, nothing committed) so that ids resolve across folders as in a committee's
repository. The same size and seed give the same bytes.
"""

from __future__ import annotations

import argparse
import multiprocessing
import os
import random
import shutil
import subprocess
import sys
import time
from dataclasses import dataclass, field
from datetime import date, timedelta
from pathlib import Path

import yaml

YEAR = 2024
AS_OF = date(2024, 6, 21)  # the day the benchmark audits as of: the month is two-thirds through
THEME = "人人讲安全、个个会应急——畅通生命通道"
OLD_THEMES = ["人人讲安全 个个会应急", "遵守安全生产法 当好第一责任人", "落实安全责任，推动安全发展"]
EDITION = 23
PACK = "national-2024"
PERIOD = (date(YEAR, 6, 1), date(YEAR, 6, 30))
ROOT = Path(__file__).resolve().parent.parent

# Word lists -------------------------------------------------------------------------------------
PROVINCES = [
    ("广东省", "粤", "guangdong", "南粤行"), ("福建省", "闽", "fujian", "八闽行"), ("浙江省", "浙", "zhejiang", "之江行"),
    ("江西省", "赣", "jiangxi", "赣鄱行"), ("湖南省", "湘", "hunan", "三湘行"), ("四川省", "川", "sichuan", "巴蜀行"),
]
SYLLABLES = [
    ("东", "dong"), ("西", "xi"), ("南", "nan"), ("北", "bei"), ("华", "hua"), ("新", "xin"), ("安", "an"),
    ("平", "ping"), ("龙", "long"), ("山", "shan"), ("江", "jiang"), ("河", "he"), ("湖", "hu"), ("阳", "yang"),
    ("城", "cheng"), ("石", "shi"), ("桥", "qiao"), ("林", "lin"), ("水", "shui"), ("金", "jin"), ("宝", "bao"),
    ("兴", "xing"), ("丰", "feng"), ("福", "fu"), ("泰", "tai"), ("长", "chang"), ("青", "qing"), ("云", "yun"),
    ("白", "bai"), ("沙", "sha"), ("塘", "tang"), ("田", "tian"), ("岭", "ling"), ("港", "gang"), ("湾", "wan"),
    ("洲", "zhou"), ("坪", "ping"), ("源", "yuan"), ("英", "ying"), ("德", "de"), ("清", "qing"), ("远", "yuan"),
    ("梅", "mei"), ("桂", "gui"), ("海", "hai"), ("峰", "feng"), ("溪", "xi"), ("头", "tou"), ("坑", "keng"),
    ("口", "kou"), ("岗", "gang"), ("埔", "pu"), ("连", "lian"), ("潭", "tan"), ("圩", "xu"), ("茶", "cha"),
]
SURNAMES = "王李张刘陈杨黄赵吴周徐孙马朱胡郭何林罗高郑梁谢宋唐许韩冯邓曹彭曾萧田董潘袁蔡蒋余叶杜苏魏程吕丁沈任姚卢"
GIVEN = ["明", "华", "芳", "丽", "强", "军", "伟", "敏", "静", "磊", "洋", "勇", "艳", "杰", "娟", "涛", "超", "霞", "平",
         "刚", "桂英", "秀英", "建华", "志强", "海燕", "晓东", "文", "斌", "燕", "辉", "国庆", "丽琼", "嘉慧", "伟明", "少华"]
INDUSTRIES = ["水泥", "化工", "建材", "物流", "矿业", "食品", "机械", "电力", "纺织", "燃气", "陶瓷", "造纸", "冶金", "电子", "制药"]
BRANDS = ["华润", "海螺", "金辉", "宏达", "恒通", "永兴", "鸿运", "正大", "新奥", "广业", "粤电", "华美", "天利", "盛世", "万家"]
LEVEL_ZH = {"province": "省", "city": "市", "county": "县（区）", "street": "街道（镇）", "community": "社区（村）", "enterprise": "企业"}
LEADER_TITLES = {
    "province": ["省政府副省长", "省安委会主任"], "city": ["市委常委、副市长", "市政府副市长"], "county": ["县长", "区长", "县委副书记"],
    "street": ["街道党工委书记", "镇党委书记", "镇长", "街道办事处主任"], "community": ["社区党委书记", "村党支部书记", "居委会主任"],
    "enterprise": ["董事长", "总经理", "安全生产第一责任人"],
}
MEMBER_TITLES = ["应急管理局局长", "安全生产监督管理办公室主任", "党政综合办公室主任", "综合执法队队长", "派出所所长", "卫生院院长",
                 "中心学校校长", "安全主任", "网格员", "消防站站长", "市场监管所所长", "安全生产管理部经理"]
OFFICES = {
    "province": "省安委办（省应急管理厅）", "city": "市安委办（市应急管理局）", "county": "县安委办（县应急管理局）",
    "street": "安全生产监督管理办公室", "community": "居委会综合办公室", "enterprise": "安全生产管理部",
}
SECTORS = ["enterprise", "rural", "community", "school", "family", "public_place"]
SECTOR_ZH = {"enterprise": "企业", "rural": "农村", "community": "社区", "school": "校园", "family": "家庭", "public_place": "公共场所", "other": "其他"}
SCENARIO_ZH = {"fire": "火灾", "earthquake": "地震", "flood": "洪涝", "geological": "地质灾害", "weather": "气象灾害",
               "drowning": "防溺水", "stampede": "防踩踏", "traffic": "道路交通", "gas": "燃气", "ebike_charging": "电动车充电",
               "high_rise": "高层建筑", "commercial_complex": "大型商业综合体", "scenic_area": "旅游景区",
               "hazardous_chemicals": "危险化学品", "evacuation": "疏散逃生", "industry_accident": "行业事故"}
KIND_ZH = {"launch_ceremony": "启动仪式", "consultation_day": "安全宣传咨询日", "study_session": "学习贯彻重要论述",
           "publicity": "安全宣传", "drill": "应急演练", "training": "安全培训", "hazard_inspection": "隐患排查整治",
           "hazard_exposure": "隐患曝光", "whistleblower_promotion": "举报渠道宣传", "warning_education": "警示教育",
           "open_day": "公众开放日", "knowledge_contest": "安全知识竞赛", "leader_talk": "负责人谈安全",
           "door_to_door": "敲门行动", "media_campaign": "专题行", "case_recommendation": "典型案例推荐", "other": "其他活动"}
TITLE_TEMPLATES = {
    "launch_ceremony": ["{org}“安全生产月”活动启动仪式", "“安全生产月”动员大会暨启动仪式", "组织收看全国“安全生产月”启动仪式"],
    "consultation_day": ["“安全宣传咨询日”现场咨询活动（{place}广场）", "6·16安全宣传咨询日集中宣传", "在{place}设置咨询点开展“安全宣传咨询日”活动"],
    "study_session": ["学习贯彻习近平总书记关于安全生产重要论述专题会", "集中宣讲《生命重于泰山》专题片", "党组（委）理论学习中心组专题学习"],
    "publicity": ["安全宣传进{sector}", "“畅通生命通道”主题宣传进{sector}", "发放安全宣传资料、张贴宣传海报（{place}）", "应急广播和宣教大屏滚动播放安全提示"],
    "drill": ["{place}{scenario}应急演练", "{scenario}事故应急疏散演练", "“畅通生命通道”{scenario}应急演练"],
    "training": ["{industry}企业主要负责人安全培训", "网格员安全知识培训", "特种作业人员安全技能培训", "农机安全技能培训"],
    "hazard_inspection": ["{industry}行业隐患排查整治", "电动车充电安全自查", "燃气安全专项检查", "消防通道“生命通道”集中治理", "自建房安全隐患排查"],
    "hazard_exposure": ["通过公众号曝光重大事故隐患", "“曝光台”集中曝光典型违法行为"],
    "whistleblower_promotion": ["宣传12350安全生产举报热线", "推广“安全生产举报微信小程序”", "宣传举报奖励办法"],
    "warning_education": ["观看事故警示教育片", "典型事故案例警示教育会", "组织参观警示教育基地"],
    "open_day": ["{industry}企业公众开放日", "消防站开放日", "应急科普场馆开放日"],
    "knowledge_contest": ["安全生产知识竞赛", "“人人讲安全”线上答题", "应急知识抢答赛"],
    "leader_talk": ["主要负责人谈安全", "“我是安全吹哨人”访谈", "负责人讲安全公开课"],
    "door_to_door": ["志愿者“敲门行动”入户宣传", "进门入户排查燃气和电动车隐患", "网格员入户送安全"],
    "media_campaign": ["“安全生产{province_tour}”专题报道", "联合电视台开设安全生产专栏", "新媒体安全知识系列推送"],
    "case_recommendation": ["推荐安全生产典型案例", "报送应急管理优秀案例"],
    "other": ["应急科普短视频征集", "安全文化示范创建", "安全生产月活动总结交流会", "“安全小卫士”评选"],
}
RESPONSIBLE = ["综合办公室", "安全生产监督管理办公室", "应急管理所", "宣传办", "综合执法队", "社会事务办", "党建办", "网格中心"]
CN_NUM = "一二三四五六七八九十"


class Rng(random.Random):
    """random.Random with a cheaper choice and randint (one call to random() each): the generator
    makes millions of them. Seeded with a string, so each document's content depends only on the
    seed and its id, whatever order or process makes it."""

    def choice(self, seq):
        return seq[int(self.random() * len(seq))]

    def randint(self, a: int, b: int) -> int:
        return a + int(self.random() * (b - a + 1))


def _name(rng: random.Random) -> str:
    return rng.choice(SURNAMES) + rng.choice(GIVEN)


# The tree ---------------------------------------------------------------------------------------
@dataclass
class Node:
    level: str
    id: str
    org: str
    short: str  # the name without its suffix, for titles
    code: str  # prefix of requirement ids
    doc_no: str
    rel: str  # path of the file, relative to the tree's root
    parent: Node | None = None
    children: list[Node] = field(default_factory=list)
    missing: bool = False  # listed by its superior, but no plan was sent
    requirements: list[dict] = field(default_factory=list)

    @property
    def is_superior(self) -> bool:
        return bool(self.children)


class Namer:
    """Unique ids, document numbers and names, in the order they are asked for (deterministic)."""

    def __init__(self, rng: random.Random):
        self.rng = rng
        self.ids: set[str] = set()
        self.numbers: set[str] = set()
        self.counter = 0

    def stem(self) -> tuple[str, str]:
        (a, pa), (b, pb) = self.rng.sample(SYLLABLES, 2)
        return a + b, pa + pb

    def unique_id(self, base: str) -> str:
        candidate, n = f"{base}-{YEAR}", 2
        while candidate in self.ids:
            candidate, n = f"{base}{n}-{YEAR}", n + 1
        self.ids.add(candidate)
        return candidate

    def doc_no(self, prefix: str) -> str:
        number = self.rng.randint(3, 60)
        candidate = f"{prefix}〔{YEAR}〕{number}号"
        while candidate in self.numbers:
            number += self.rng.randint(1, 9)
            candidate = f"{prefix}〔{YEAR}〕{number}号"
        self.numbers.add(candidate)
        return candidate


def plan_tree(size: int, seed: int) -> Node:
    """The shape of the tree: about `size` documents (plans sent), names, ids and paths."""
    rng = Rng(f"{seed}/tree")
    namer = Namer(rng)
    prov_name, prov_abbr, prov_py, _tour = PROVINCES[rng.randrange(len(PROVINCES))]
    root_id = namer.unique_id(prov_py)
    root = Node("province", root_id, f"{prov_name}安全生产委员会办公室", prov_name, prov_py.upper()[:4],
                namer.doc_no(f"{prov_abbr}安办"), f"{root_id}.yaml")
    # Streets with their leaves, grouped into counties and cities until the size is reached.
    total = 1
    city = county = None
    county_room = city_room = 0
    while total < size:
        new_city = city is None or (county_room == 0 and city_room == 0)
        new_county = county is None or county_room == 0
        overhead = 1 + (1 if new_county else 0) + (1 if new_city else 0)
        room = size - total - overhead
        if room < 1 and city is not None:
            break
        leaves = min(rng.randint(8, 32), max(room, 0))
        if room - leaves < 12:  # the last street takes what is left, so the total is the size
            leaves = max(room, 0)
        if new_city:
            stem, py = namer.stem()
            cid = namer.unique_id(py)
            city = Node("city", cid, f"{stem}市安全生产委员会办公室", f"{stem}市", py.upper()[:6], namer.doc_no(f"{stem[0]}安办"),
                        f"{cid}/{cid}.yaml", parent=root)
            root.children.append(city)
            city_room = rng.randint(4, 10)
            total += 1
        if new_county:
            stem, py = namer.stem()
            suffix = rng.choice(["县", "区", "市"])
            kid = namer.unique_id(py)
            county = Node("county", kid, f"{stem}{suffix}安全生产委员会办公室", f"{stem}{suffix}", py.upper()[:6],
                          namer.doc_no(f"{city.short[0]}{stem[0]}安办"), f"{city.rel.rsplit('/', 1)[0]}/{kid}/{kid}.yaml", parent=city)
            city.children.append(county)
            city_room -= 1
            county_room = rng.randint(6, 16)
            total += 1
        stem, py = namer.stem()
        town = rng.random() < 0.55
        sid = namer.unique_id(f"{county.id.rsplit('-', 1)[0]}-{py}")
        org = f"{county.short}{stem}{'镇人民政府' if town else '街道办事处'}"
        street = Node("street", sid, org, f"{stem}{'镇' if town else '街道'}", py.upper()[:6],
                      namer.doc_no(f"{county.short[0]}{stem[0]}{'府' if town else '办'}"),
                      f"{county.rel.rsplit('/', 1)[0]}/{py}/{sid}.yaml", parent=county)
        county.children.append(street)
        county_room -= 1
        total += 1
        folder = street.rel.rsplit("/", 1)[0]
        for _ in range(leaves):
            stem, py = namer.stem()
            roll = rng.random()
            if roll < 0.35:
                level, kind, org, tag = "community", "社区", f"{street.short}{stem}社区居民委员会", "sq"
            elif roll < 0.6:
                level, kind, org, tag = "community", "村", f"{street.short}{stem}村民委员会", "cun"
            else:
                industry = rng.choice(INDUSTRIES)
                level, kind, org, tag = "enterprise", industry, f"{county.short[:-1]}{rng.choice(BRANDS)}{industry}有限公司", "gs"
            lid = namer.unique_id(f"{py}-{tag}")
            short = {"sq": f"{stem}社区", "cun": f"{stem}村"}.get(tag, org)
            leaf = Node(level, lid, org, short, "", namer.doc_no(f"{stem}{'居' if tag == 'sq' else '村' if tag == 'cun' else '企'}"),
                        f"{folder}/units/{lid}.yaml", parent=street)
            street.children.append(leaf)
            total += 1
            if rng.random() < 0.02:  # listed, but its plan never came
                stem, py = namer.stem()
                ghost = Node("community", namer.unique_id(f"{py}-cun"), f"{street.short}{stem}村民委员会", stem, "", "", "", parent=street, missing=True)
                street.children.append(ghost)
    return root


# Requirements -----------------------------------------------------------------------------------
def d(month: int, day: int) -> date:
    return date(YEAR, month, day)


def _shift(day: date, days: int) -> date:
    return day + timedelta(days=days)


ACTIVITY_BASE = {  # kind -> params at the province (children inherit them, never weaker)
    "launch_ceremony": lambda r: {"not_after": d(6, r.choice([1, 2, 3]))},
    "consultation_day": lambda r: {"date": d(6, 16)},
    "study_session": lambda r: r.choice([{}, {"not_before": d(6, 1), "not_after": d(6, 30)}]),
    "whistleblower_promotion": lambda r: {},
    "hazard_exposure": lambda r: r.choice([{}, {"min": 2}]),
    "warning_education": lambda r: {"min": r.randint(1, 2), "not_before": d(6, 1), "not_after": d(6, 30)},
    "training": lambda r: {"min": r.randint(1, 3), "sectors": ["enterprise"]},
    "hazard_inspection": lambda r: {"min": r.randint(2, 4)},
    "knowledge_contest": lambda r: {"not_after": d(6, 30)},
    "open_day": lambda r: {"sectors": [r.choice(["enterprise", "public_place"])]},
    "door_to_door": lambda r: {"sectors": [r.choice(["family", "community"])]},
    "leader_talk": lambda r: {},
    "media_campaign": lambda r: {},
    "case_recommendation": lambda r: {"not_after": d(6, r.choice([25, 28, 30]))},
    "drill": lambda r: {"min": r.randint(2, 4), "not_before": d(6, 1), "not_after": d(6, 30)},
    "publicity": lambda r: {"min": r.randint(3, 5), "not_before": d(6, 1), "not_after": d(6, 30)},
}
CORE_KINDS = ["launch_ceremony", "consultation_day", "study_session", "publicity", "drill"]
REPORT_DUES = {  # report kind -> the province's due day; each level below asks a little earlier
    "plan": d(5, 31), "liaison_form": d(5, 31), "cases": d(6, 20), "statistics": d(6, 28), "summary": d(7, 10),
    "campaign_summary": d(12, 15),
}
REPORT_ZH = {"plan": "活动方案", "liaison_form": "联络员反馈表", "progress": "进展情况", "statistics": "统计表", "summary": "活动总结",
             "campaign_summary": "专项行动总结", "cases": "典型案例"}
DRILL_BASE = {
    "school": {"scenarios_all": ["fire", "earthquake"]},
    "community": {"scenarios_any": ["gas", "ebike_charging", "high_rise"]},
    "enterprise": {"min": 2, "scenarios_any": ["hazardous_chemicals", "fire", "industry_accident"]},
    "public_place": {"scenarios_any": ["stampede", "commercial_complex", "evacuation"]},
    "rural": {"scenarios_all": ["flood"]},
}
HELD_VARIANTS = [
    ("HELD", {}),
    ("HELD-616", {"kinds": ["consultation_day"], "not_before": d(6, 16), "not_after": d(6, 16)}),
    ("HELD-LAUNCH", {"kinds": ["launch_ceremony"], "not_before": d(5, 25), "not_after": d(6, 5)}),
    ("HELD-DRILL", {"kinds": ["drill", "publicity"], "not_before": d(5, 15)}),
]
WEEKDAYS = ["monday", "tuesday", "wednesday", "thursday", "friday"]
WEEKDAY_FORMS = {"monday": ["monday", "周一", "1"], "tuesday": ["tuesday", "周二", "2"], "wednesday": ["wednesday", "周三", "3"],
                 "thursday": ["thursday", "周四", "4", "星期四"], "friday": ["friday", "周五", "5", "星期五"],
                 "saturday": ["saturday", "周六"], "sunday": ["sunday", "周日"]}


def _req(node: Node, slot: str, type_: str, title: str, basis: str, params: dict, rng: random.Random, **bound) -> dict:
    severity = "error" if rng.random() < 0.75 else rng.choice(["warning", "warning", "info"])
    return {"id": f"{node.code}-{slot}", "type": type_, "title": title, "severity": severity, "basis": basis,
            "params": params, "bound": bound}


def _basis(rng: random.Random, node: Node, text: str) -> str:
    return f"{CN_NUM[rng.randrange(6)]}（{rng.randint(1, 6)}）：{text}"


def make_requirements(node: Node, rng: random.Random, tour: str) -> list[dict]:
    """20-40 requirements for the level below, the parent's made no weaker, and some of its own."""
    parent = node.parent.requirements if node.parent is not None else []
    by_type: dict[str, list[dict]] = {}
    for requirement in parent:
        by_type.setdefault(requirement["type"], []).append(requirement)
    reqs: list[dict] = []
    theme_params = {"theme": THEME} if node.level == "province" or rng.random() < 0.4 else {}
    reqs.append(_req(node, "THEME", "theme", "活动主题", _basis(rng, node, f"活动主题：{THEME}"), theme_params, rng, theme=THEME))
    cites_params = {"doc_no": node.doc_no} if rng.random() < 0.3 else {}
    reqs.append(_req(node, "CITES", "cites", "引用本通知文号", _basis(rng, node, f"根据本通知（{node.doc_no}）制定方案"), cites_params, rng,
                     doc_no=node.doc_no))
    period_params = {"start": PERIOD[0], "end": PERIOD[1]} if rng.random() < 0.3 else {}
    reqs.append(_req(node, "PERIOD", "period", "活动时间", _basis(rng, node, "活动时间为6月1日至6月30日"), period_params, rng,
                     start=PERIOD[0], end=PERIOD[1]))
    office = any(r["params"].get("require_office", True) for r in by_type.get("leading_group", [])) or rng.random() < 0.8
    reqs.append(_req(node, "ORG", "leading_group", "成立领导小组", _basis(rng, node, "成立活动领导小组，办公室设在安委办"),
                     {} if office else {"require_office": False}, rng))
    reqs.append(_req(node, "LIAISON", "contact", "确定联络员", _basis(rng, node, "各单位确定一名联络员，报送姓名和联系电话"), {}, rng))
    leader_phone = [r for r in by_type.get("contact", []) if r["params"].get("role") == "leader"]
    if leader_phone or rng.random() < 0.4:
        phone = not leader_phone or any(r["params"].get("require_phone", True) for r in leader_phone)
        params = {"role": "leader"} if phone and rng.random() < 0.5 else {"role": "leader", "require_phone": phone}
        reqs.append(_req(node, "LEADER", "contact", "明确负责人", _basis(rng, node, "明确活动负责人"), params, rng))
    campaigns = [r["params"] for r in by_type.get("campaign", [])] or [{"name": tour, "end_not_before": d(12, 31)}]
    if len(campaigns) < 2 and rng.random() < 0.3:
        campaigns.append({"name": "万里行"} if rng.random() < 0.5 else {"name": "万里行", "end_not_before": d(12, 31)})
    for index, params in enumerate(campaigns):
        reqs.append(_req(node, f"CAMPAIGN{index + 1}" if index else "CAMPAIGN", "campaign", f"安全生产{params['name']}",
                         _basis(rng, node, f"同步启动“安全生产{params['name']}”活动" + ("，到12月底结束" if params.get("end_not_before") else "")),
                         dict(params), rng))
    # Activities: the parent's kinds, as strict or stricter, and some of the rest.
    inherited = {r["params"]["kind"]: r["params"] for r in by_type.get("activity", [])}
    kinds = list(inherited)
    others = [k for k in ACTIVITY_BASE if k not in inherited]
    rng.shuffle(others)
    wanted = rng.randint(8, 13)
    for kind in CORE_KINDS + others:
        if len(kinds) >= wanted:
            break
        if kind not in kinds:
            kinds.append(kind)
    for kind in kinds:
        if kind in inherited:
            params = dict(inherited[kind])
            if "min" in params and rng.random() < 0.15:
                params["min"] = min(params["min"] + 1, 6)
            if kind == "launch_ceremony" and params["not_after"] > d(6, 1) and rng.random() < 0.3:
                params["not_after"] = _shift(params["not_after"], -1)
        else:
            params = {"kind": kind, **ACTIVITY_BASE[kind](rng)}
        params = {"kind": kind, **{k: v for k, v in params.items() if k != "kind"}}
        slot = {"consultation_day": "616", "launch_ceremony": "LAUNCH"}.get(kind, kind.upper().replace("_", "-"))
        reqs.append(_req(node, slot, "activity", KIND_ZH[kind], _basis(rng, node, f"组织开展{KIND_ZH[kind]}活动"), params, rng))
    # Sectors (五进), and drills per sector.
    covered = {r["params"].get("kind", "publicity"): list(r["params"]["sectors"]) for r in by_type.get("sectors_covered", [])}
    if not covered:
        covered = {"publicity": ["enterprise", "rural", "community", "school", "family"]}
        if rng.random() < 0.4:
            covered["hazard_inspection"] = ["enterprise", "community"]
    elif "public_place" not in covered.get("publicity", ["public_place"]) and rng.random() < 0.2:
        covered["publicity"] = covered["publicity"] + ["public_place"]
    for index, (kind, sectors) in enumerate(covered.items()):
        params = {"sectors": sectors} if kind == "publicity" and rng.random() < 0.5 else {"kind": kind, "sectors": sectors}
        reqs.append(_req(node, "5IN" if kind == "publicity" else f"COVER{index}", "sectors_covered",
                         "安全宣传“五进”" if kind == "publicity" else f"{KIND_ZH[kind]}覆盖",
                         _basis(rng, node, "深入开展安全宣传“五进”活动（进企业、进农村、进社区、进学校、进家庭）"), params, rng))
    drills = [r["params"] for r in by_type.get("drill_per_sector", [])]
    if not drills:
        chosen = rng.sample(sorted(DRILL_BASE), rng.randint(2, 4))
        split = rng.randint(1, len(chosen) - 1) if rng.random() < 0.4 else len(chosen)
        groups = [chosen[:split], chosen[split:]] if split < len(chosen) else [chosen]
        drills = [{"sectors": {s: dict(DRILL_BASE[s]) for s in group}, "not_after": d(6, 30)} for group in groups]
    for index, params in enumerate(drills):
        sectors = {}
        for sector, spec in params["sectors"].items():
            spec = dict(spec)
            if rng.random() < 0.1:
                spec["min"] = spec.get("min", 1) + 1
            sectors[sector] = spec
        reqs.append(_req(node, f"DRILL{index + 1}", "drill_per_sector", "分行业领域应急演练",
                         _basis(rng, node, "各行业领域组织开展应急演练"), {"sectors": sectors, "not_after": params["not_after"]}, rng))
    # Reports, due a little earlier than the parent asks of this level.
    dues = {r["params"]["report"]: r["params"]["due"] for r in by_type.get("report_due", [])}
    if not dues:
        dues = {kind: day for kind, day in REPORT_DUES.items() if kind in ("plan", "summary") or rng.random() < 0.6}
    for kind, due in dues.items():
        mine = _shift(due, -rng.randint(0, 3)) if due.month > 5 or due.day > 20 else due
        reqs.append(_req(node, f"REPORT-{kind.upper().replace('_', '-')}", "report_due", f"报送{REPORT_ZH[kind]}",
                         _basis(rng, node, f"于{mine.month}月{mine.day}日前报送{REPORT_ZH[kind]}"), {"report": kind, "due": mine}, rng))
    weekly = [r["params"] for r in by_type.get("recurring_report", [])] or [
        {"report": "progress", "weekday": rng.choice(WEEKDAYS), "from": d(6, 1), "to": d(6, 30)}]
    if len(weekly) == 1 and rng.random() < 0.15:
        second = rng.choice([w for w in WEEKDAYS if w != weekly[0]["weekday"]])
        weekly = weekly + [{"report": "progress", "weekday": second}]
    for index, params in enumerate(weekly):
        reqs.append(_req(node, f"WEEKLY{index + 1}" if index else "WEEKLY", "recurring_report", "每周报送进展",
                         _basis(rng, node, f"每{WEEKDAY_FORMS[params['weekday']][1]}报送活动进展情况"), dict(params), rng))
    helds = [(r["id"].split("-", 1)[1], r["params"]) for r in by_type.get("held", [])]
    if not helds:
        helds = [HELD_VARIANTS[0]] if rng.random() < 0.5 else []
        helds += rng.sample(HELD_VARIANTS[1:], rng.randint(1 if helds else 1, 2))
    for slot, params in helds:
        reqs.append(_req(node, slot, "held", "活动按计划举办", _basis(rng, node, "活动结束后及时填报举办情况"), dict(params), rng))
    return reqs


# Plans ------------------------------------------------------------------------------------------
def _day_in(rng: random.Random, low: date | None, high: date | None) -> date:
    low = max(low or d(5, 20), d(5, 20))
    high = min(high or d(6, 30), d(6, 30))
    if high < low:
        return high
    return _shift(low, rng.randint(0, (high - low).days))


class PlanBuilder:
    """A plan that meets `requirements`, then (for some) misses a few of them on purpose."""

    def __init__(self, node: Node, requirements: list[dict], rng: random.Random, tour: str):
        self.node, self.requirements, self.rng, self.tour = node, requirements, rng, tour
        self.theme: str | None = THEME
        parent = node.parent
        self.cites = [parent.doc_no] if parent is not None else [f"安委办〔{YEAR}〕3号"]
        if parent is not None and parent.parent is not None and rng.random() < 0.4:
            self.cites.append(parent.parent.doc_no)
        self.period: list[date] | None = list(PERIOD)
        self.submitted_on: date | None = None
        self.campaigns: list[dict] = []
        self.leader: dict | None = None
        self.office: str | None = OFFICES[node.level]
        self.contacts: list[dict] = []
        self.activities: list[dict] = []
        self.reports: list[dict] = []
        self.not_held: set[int] = set()  # ids of activities left without held_on on purpose
        self.held_outside: set[int] = set()

    # what the superior asks -------------------------------------------------------------------
    def activity(self, kind: str, *, day: date | None = None, span: tuple[date, date] | None = None, sectors=(), scenarios=()):
        rng = self.rng
        item = {"kind": kind}
        if day is not None:
            item["date"] = day
        elif span is not None:
            item["start"], item["end"] = span
        if sectors:
            if len(sectors) == 1 and rng.random() < 0.6:
                item["sector"] = sectors[0]
            else:
                item["sectors"] = list(sectors)
        if scenarios:
            item["scenarios"] = list(scenarios)
        item["_key"] = len(self.activities)
        self.activities.append(item)
        return item

    def meet(self) -> None:
        for requirement in self.requirements:
            getattr(self, f"_meet_{requirement['type']}")(requirement["params"], requirement["bound"])

    def _meet_theme(self, params, bound):
        self.theme = THEME

    def _meet_cites(self, params, bound):
        number = params.get("doc_no") or bound.get("doc_no")
        if number and number not in self.cites:
            self.cites.append(number)

    def _meet_period(self, params, bound):
        pass  # the plan's period is the month

    def _meet_leading_group(self, params, bound):
        pass  # every plan has a leader and an office unless one is taken away

    def _meet_contact(self, params, bound):
        role = params.get("role", "liaison")
        if not any(c["role"] == role for c in self.contacts):
            self.contacts.append({"name": _name(self.rng), "role": role, "phone": self._phone()})

    def _meet_campaign(self, params, bound):
        name = params["name"]
        if not any(name in c["name"] for c in self.campaigns):
            self.campaigns.append({"name": f"安全生产{name}", "start": d(6, 1), "end": d(12, 31)})

    def _meet_activity(self, params, bound):
        rng = self.rng
        kind, low, high = params["kind"], params.get("not_before"), params.get("not_after")
        if "date" in params:
            low = high = params["date"]
        for _ in range(params.get("min", 1)):
            sectors = list(params.get("sectors", []))
            if kind == "publicity" and not sectors:
                sectors = [rng.choice(SECTORS)]
            if kind == "launch_ceremony":
                day = _day_in(rng, max(_shift(high, -3), d(5, 28)), high)
            elif low is None and high is None and rng.random() < 0.3:
                self.activity(kind, sectors=sectors)  # throughout the period
                continue
            else:
                day = _day_in(rng, low or d(6, 1), high)
            if kind not in ("consultation_day", "launch_ceremony") and rng.random() < 0.2:
                end = min(_shift(day, rng.randint(1, 10)), high or d(6, 30), d(6, 30))
                self.activity(kind, span=(day, end), sectors=sectors) if end > day else self.activity(kind, day=day, sectors=sectors)
            else:
                self.activity(kind, day=day, sectors=sectors)

    def _meet_sectors_covered(self, params, bound):
        kind = params.get("kind", "publicity")
        covered = {s for a in self.activities if a["kind"] == kind for s in a.get("sectors", [a.get("sector")])}
        missing = [s for s in params["sectors"] if s not in covered]
        while missing:
            take = missing[: self.rng.randint(1, 3)]
            missing = missing[len(take):]
            self.activity(kind, day=_day_in(self.rng, d(6, 3), d(6, 28)), sectors=take)

    def _meet_drill_per_sector(self, params, bound):
        rng = self.rng
        high = params.get("not_after")
        for sector, spec in params["sectors"].items():
            scenarios_all = list(spec.get("scenarios_all", []))
            any_of = spec.get("scenarios_any", [])
            for index in range(spec.get("min", 1)):
                scenarios = scenarios_all if index == 0 else []
                if any_of and index == 0:
                    scenarios = scenarios + [rng.choice(any_of)]
                if not scenarios:
                    scenarios = [rng.choice(["fire", "evacuation", "gas", "flood", "traffic"])]
                if rng.random() < 0.3:
                    scenarios = scenarios + [rng.choice(["evacuation", "fire", "drowning", "weather"])]
                self.activity("drill", day=_day_in(rng, d(6, 5), high), sectors=[sector], scenarios=dict.fromkeys(scenarios))

    def _meet_report_due(self, params, bound):
        rng = self.rng
        kind, due = params["report"], params["due"]
        if kind == "plan":
            self.submitted_on = _shift(due, -rng.randint(0, 6))
            return
        if any(r["kind"] == kind for r in self.reports):
            return
        mine = _shift(due, -rng.randint(0, 2))
        report = {"kind": kind, "due": mine}
        if AS_OF > due or (mine < AS_OF and rng.random() < 0.5):
            report["submitted_on"] = min(_shift(mine, -rng.randint(0, 3)), AS_OF)
        self.reports.append(report)

    def _meet_recurring_report(self, params, bound):
        report = {"kind": params["report"], "weekday": params["weekday"]}
        if "from" in params or self.rng.random() < 0.5:
            report["from"], report["to"] = d(6, 1), d(6, 30)
        self.reports.append(report)

    def _meet_held(self, params, bound):
        pass  # past activities are recorded as held when the plan is finished

    # what everyone writes anyway -----------------------------------------------------------------
    def _phone(self) -> str | int:
        rng = self.rng
        if rng.random() < 0.5:
            return int(f"1{rng.choice('3578')}{rng.randint(0, 9)}{rng.randint(10000000, 99999999)}")
        return f"0{rng.randint(660, 799)}-{rng.randint(2000000, 8999999)}"

    def fill(self, items: int) -> None:
        rng = self.rng
        level = self.node.level
        if self.leader is None:
            self.leader = {"name": _name(rng), "title": rng.choice(LEADER_TITLES[level])}
        self.deputies = [{"name": _name(rng), "title": "副组长"} for _ in range(rng.randint(1, 2))]
        self.members = [{"title": t} if rng.random() < 0.3 else {"name": _name(rng), "title": t}
                        for t in rng.sample(MEMBER_TITLES, rng.randint(2, 6))]
        for _ in range(rng.randint(0, 2)):
            self.contacts.append({"name": _name(rng), "role": "contact", "phone": self._phone()})
        if not any("万里行" in c["name"] for c in self.campaigns) and rng.random() < 0.3:
            self.campaigns.append({"name": "安全生产万里行", "start": d(6, 1), "end": d(12, 31)})
        fillers = [k for k in KIND_ZH if k not in ("launch_ceremony", "consultation_day")]
        count = len(self.activities) + len(self.reports) + len(self.contacts) + len(self.campaigns) + len(self.members) + len(self.deputies) + 1
        while count < items:
            kind = rng.choice(fillers)
            roll = rng.random()
            sectors = [rng.choice(SECTORS)] if kind in ("publicity", "drill", "hazard_inspection", "training") or roll < 0.2 else []
            scenarios = [rng.choice(list(SCENARIO_ZH))] if kind == "drill" else []
            if roll < 0.15:
                self.activity(kind, sectors=sectors, scenarios=scenarios)
            elif roll < 0.3:
                day = _day_in(rng, d(5, 20), d(6, 25))
                self.activity(kind, span=(day, _shift(day, rng.randint(2, 20))), sectors=sectors, scenarios=scenarios)
            else:
                self.activity(kind, day=_day_in(rng, d(5, 20), d(6, 30)), sectors=sectors, scenarios=scenarios)
            count += 1
        rng.shuffle(self.activities)

    # missing requirements on purpose -----------------------------------------------------------
    def miss(self, requirement: dict) -> None:
        getattr(self, f"_miss_{requirement['type']}")(requirement["params"], requirement["bound"])

    def _miss_theme(self, params, bound):
        self.theme = self.rng.choice(OLD_THEMES) if self.rng.random() < 0.8 else None

    def _miss_cites(self, params, bound):
        number = params.get("doc_no") or bound["doc_no"]
        self.cites = [c.replace(f"〔{YEAR}〕", f"〔{YEAR - 1}〕") if c == number else c for c in self.cites]

    def _miss_period(self, params, bound):
        if self.rng.random() < 0.6:
            self.period[0] = d(6, self.rng.randint(3, 10))
        else:
            self.period[1] = d(6, self.rng.randint(22, 28))

    def _miss_leading_group(self, params, bound):
        if params.get("require_office", True) and self.rng.random() < 0.6:
            self.office = None
        else:
            self.leader = None

    def _miss_contact(self, params, bound):
        role = params.get("role", "liaison")
        if params.get("require_phone", True) and self.rng.random() < 0.7:
            for contact in self.contacts:
                if contact["role"] == role:
                    contact["phone"] = self.rng.choice(["待定", "0763-123", "12345"])
        else:
            self.contacts = [c for c in self.contacts if c["role"] != role]

    def _miss_campaign(self, params, bound):
        name = params["name"]
        if params.get("end_not_before") and self.rng.random() < 0.7:
            for campaign in self.campaigns:
                if name in campaign["name"]:
                    campaign["end"] = d(self.rng.choice([9, 10, 11]), 30)
        else:
            self.campaigns = [c for c in self.campaigns if name not in c["name"]]

    def _span(self, activity) -> tuple[date, date] | None:
        if "date" in activity:
            return activity["date"], activity["date"]
        start = activity.get("start") or (self.period[0] if self.period else None)
        end = activity.get("end") or (self.period[1] if self.period else None)
        if start is None and end is None:
            return None
        return start or end, end or start

    def _counts(self, params, activity) -> bool:
        if activity["kind"] != params["kind"]:
            return False
        low, high = params.get("not_before"), params.get("not_after")
        if "date" in params:
            low = high = params["date"]
        span = self._span(activity)
        if low or high:
            if span is None or (low and span[1] < low) or (high and span[0] > high):
                return False
        sectors = set(activity.get("sectors", [])) | ({activity["sector"]} if "sector" in activity else set())
        return all(s in sectors for s in params.get("sectors", []))

    def _miss_activity(self, params, bound):
        counted = [a for a in self.activities if self._counts(params, a)]
        spoil = counted[params.get("min", 1) - 1:] if params.get("min", 1) > 1 else counted
        low, high = params.get("not_before"), params.get("not_after")
        if "date" in params:
            low = high = params["date"]
        for activity in spoil:
            for key in ("date", "start", "end"):
                activity.pop(key, None)
            if high is not None and high < d(6, 28):
                activity["date"] = _shift(high, self.rng.randint(1, 3))
            elif low is not None and low > d(5, 22):
                activity["date"] = _shift(low, -self.rng.randint(1, 3))
            elif params.get("sectors"):
                activity.pop("sector", None)
                activity["sectors"] = ["other"]
            else:
                activity["kind"] = "other"
                activity.pop("scenarios", None)

    def _miss_sectors_covered(self, params, bound):
        kind = params.get("kind", "publicity")
        gone = set(self.rng.sample(params["sectors"], min(len(params["sectors"]), self.rng.randint(1, 2))))
        for activity in self.activities:
            if activity["kind"] != kind:
                continue
            sectors = [s for s in activity.pop("sectors", []) + [activity.pop("sector", None)] if s and s not in gone]
            if not sectors:
                sectors = ["public_place"] if "public_place" not in gone else ["other"]
            activity["sectors"] = list(dict.fromkeys(sectors))

    def _miss_drill_per_sector(self, params, bound):
        rng = self.rng
        sector, spec = rng.choice(list(params["sectors"].items()))
        drills = [a for a in self.activities if a["kind"] == "drill" and (a.get("sector") == sector or sector in a.get("sectors", []))]
        how = rng.choice(["none", *(["all"] if spec.get("scenarios_all") else []), *(["any"] if spec.get("scenarios_any") else [])])
        if how == "none":
            for activity in drills:
                activity.pop("sector", None)
                activity["sectors"] = [s for s in activity.get("sectors", []) if s != sector] or ["other"]
        elif how == "all":
            gone = rng.choice(spec["scenarios_all"])
            for activity in drills:
                activity["scenarios"] = [s for s in activity.get("scenarios", []) if s != gone] or ["evacuation" if gone != "evacuation" else "fire"]
        else:
            for activity in drills:
                kept = [s for s in activity.get("scenarios", []) if s not in spec["scenarios_any"]]
                activity["scenarios"] = kept or [next(s for s in ("evacuation", "traffic", "weather") if s not in spec["scenarios_any"])]

    def _miss_report_due(self, params, bound):
        rng = self.rng
        kind, due = params["report"], params["due"]
        passed = AS_OF > due
        if kind == "plan":
            if passed and rng.random() < 0.4:
                self.submitted_on = None
            else:
                self.submitted_on = min(_shift(due, rng.randint(1, 5)), AS_OF)
            return
        how = rng.choice(["none", "later", *(["unsent", "late"] if passed else [])])
        mine = [r for r in self.reports if r["kind"] == kind]
        if how == "none":
            self.reports = [r for r in self.reports if r["kind"] != kind]
        for report in mine:
            if how == "later":
                report["due"] = _shift(due, rng.randint(2, 7))
                if report["due"] > AS_OF:
                    report.pop("submitted_on", None)
            elif how == "unsent":
                report.pop("submitted_on", None)
            elif how == "late":
                report["submitted_on"] = min(_shift(due, rng.randint(1, 4)), AS_OF)

    def _miss_recurring_report(self, params, bound):
        for report in self.reports:
            if report["kind"] == params["report"] and report.get("weekday") == params["weekday"]:
                report["weekday"] = self.rng.choice([w for w in WEEKDAY_FORMS if w != params["weekday"]])

    def _miss_held(self, params, bound):
        kinds = params.get("kinds") or []
        due = [a for a in self.activities if (not kinds or a["kind"] in kinds) and (s := self._span(a)) and s[1] < AS_OF]
        if not due:
            return
        chosen = self.rng.choice(due)
        if (params.get("not_before") or params.get("not_after")) and self.rng.random() < 0.5:
            self.held_outside.add(chosen["_key"])
        else:
            self.not_held.add(chosen["_key"])

    def finish(self, params_of_held: list[dict]) -> None:
        """Past activities record the day they were held (all of them: some superior asks for each)."""
        rng = self.rng
        for activity in self.activities:
            span = self._span(activity)
            if span is None or span[1] >= AS_OF or activity["_key"] in self.not_held:
                continue
            held = span[0]
            if activity["_key"] in self.held_outside:
                windows = [p for p in params_of_held if not p.get("kinds") or activity["kind"] in p["kinds"]]
                low = min((p["not_before"] for p in windows if p.get("not_before")), default=None)
                high = max((p["not_after"] for p in windows if p.get("not_after")), default=None)
                held = _shift(high, 1) if high and high < _shift(AS_OF, -1) else _shift(low, -1) if low else held
            activity["held_on"] = held
            if rng.random() < 0.15:
                activity["evidence"] = [f"photos/{activity['kind']}-{activity['_key']:02d}.jpg"]


# Rendering --------------------------------------------------------------------------------------
_DAYS = [date.fromordinal(n) for n in range(date(YEAR, 1, 1).toordinal(), date(YEAR + 1, 1, 1).toordinal())]
DAY_FORMS = {  # how a clerk writes a day: 2024-06-16 (most), 6月16日, 2024年6月16日
    "iso": {day: day.isoformat() for day in _DAYS},
    "md": {day: f"{day.month}月{day.day}日" for day in _DAYS},
    "ymd": {day: f"{day.year}年{day.month}月{day.day}日" for day in _DAYS},
}


def day_writer(rng: random.Random):
    roll = rng.random()
    return DAY_FORMS["iso" if roll < 0.75 else "md" if roll < 0.92 else "ymd"].__getitem__


def _flow(items) -> str:
    return "[" + ", ".join(str(i) for i in items) + "]"


PLACES = ["文化广场", "人民广场", "中心小学", "工业园", "农贸市场", "社区服务中心", "商业综合体"]
_TITLES: dict[str, dict[str, list[str]]] = {}


def _titles(tour: str) -> dict[str, list[str]]:
    """Every title of each kind with its place, industry and campaign filled in; {sector}, {scenario}
    and {org} are left for the activity."""
    if tour not in _TITLES:
        keep = {"sector": "{sector}", "scenario": "{scenario}", "org": "{org}"}
        _TITLES[tour] = {
            kind: [t.format(place=p, industry=i, province_tour=tour, **keep) for t in templates for p in PLACES for i in INDUSTRIES[:5]]
            for kind, templates in TITLE_TEMPLATES.items()
        }
    return _TITLES[tour]


def _title(rng: random.Random, node: Node, activity: dict, tour: str) -> str:
    title = rng.choice(_titles(tour)[activity["kind"]])
    if "{" not in title:
        return title
    sectors = activity.get("sectors") or ([activity["sector"]] if "sector" in activity else [])
    scenario = activity.get("scenarios", ["fire"])[0]
    return title.format(org=node.short, sector="、".join(SECTOR_ZH.get(s, s) for s in sectors) or "社区",
                        scenario=SCENARIO_ZH.get(scenario, scenario))


def render(node: Node, builder: PlanBuilder, rng: random.Random, tour: str, superior_ref: str | None) -> str:
    day = day_writer(rng)
    out = []
    w = out.append
    w(f"# {YEAR}年{node.short}“安全生产月”活动方案\n")
    w("format: plancheck/v1\n")
    w(f"id: {node.id}\norg: {node.org}\nlevel: {node.level}\nyear: {YEAR}\n")
    w(f"title: 关于开展{YEAR}年{node.short}“安全生产月”活动的通知\n")
    if rng.random() < 0.7:
        w(f"edition: {EDITION}\n")
    w(f"doc_no: {node.doc_no}\n")
    b = builder
    w(f"cites: {_flow(b.cites)}\n")
    if superior_ref:
        w(f"superior: {superior_ref}\n")
    if b.theme:
        w(f"theme: {b.theme}\n")
    if b.period:
        w(f"period: {{start: {day(b.period[0])}, end: {day(b.period[1])}}}\n")
    if b.submitted_on:
        w(f"submitted_on: {day(b.submitted_on)}\n")
    if b.campaigns:
        w("campaigns:\n")
        for c in b.campaigns:
            w(f"  - {{name: {c['name']}, start: {day(c['start'])}, end: {day(c['end'])}}}\n")
    w("leading_group:\n")
    if b.leader:
        w(f"  leader: {{name: {b.leader['name']}, title: {b.leader['title']}}}\n")
    w("  deputies:\n")
    for p in b.deputies:
        w(f"    - {{name: {p['name']}, title: {p['title']}}}\n")
    w("  members:\n")
    for p in b.members:
        w("    - {" + ", ".join(f"{k}: {v}" for k, v in p.items()) + "}\n")
    if b.office:
        w(f"  office: {b.office}\n")
    if b.contacts:
        w("contacts:\n")
        for c in b.contacts:
            phone = c["phone"]
            email = f", email: aqb{rng.randint(10, 999)}@{node.id.split('-')[0]}.gov.cn" if rng.random() < 0.3 else ""
            w(f"  - {{name: {c['name']}, role: {c['role']}, phone: {phone}{email}}}\n")
    w("activities:\n")
    block_every = 4 if rng.random() < 0.5 else 1000
    for index, a in enumerate(b.activities):
        fields = [f"kind: {a['kind']}", f"title: {_title(rng, node, a, tour)}"]
        if "date" in a:
            fields.append(f"date: {day(a['date'])}")
        if "start" in a:
            fields.append(f"start: {day(a['start'])}")
            fields.append(f"end: {day(a['end'])}")
        if "sector" in a:
            fields.append(f"sector: {a['sector']}")
        if "sectors" in a:
            fields.append(f"sectors: {_flow(a['sectors'])}")
        if "scenarios" in a:
            scenarios = [SCENARIO_ZH[s] if rng.random() < 0.15 else s for s in a["scenarios"]]
            fields.append(f"scenarios: {_flow(scenarios)}")
        if rng.random() < 0.3:
            fields.append(f"responsible: {rng.choice(RESPONSIBLE)}")
        if "held_on" in a:
            fields.append(f"held_on: {day(a['held_on'])}")
        if "evidence" in a:
            fields.append(f"evidence: {_flow(a['evidence'])}")
        if index % block_every == 3:
            w("  - " + "\n    ".join(fields) + "\n")
        else:
            w("  - {" + ", ".join(fields) + "}\n")
    if b.reports:
        w("reports:\n")
        for r in b.reports:
            fields = [f"kind: {r['kind']}"]
            if "due" in r:
                fields.append(f"due: {day(r['due'])}")
            if "weekday" in r:
                fields.append(f"weekday: {rng.choice(WEEKDAY_FORMS[r['weekday']])}")
            if "from" in r:
                fields.append(f"from: {day(r['from'])}, to: {day(r['to'])}")
            if "submitted_on" in r:
                fields.append(f"submitted_on: {day(r['submitted_on'])}")
            w("  - {" + ", ".join(fields) + "}\n")
    if node.requirements:
        w("requirements:\n")
        for r in node.requirements:
            w(f"  - id: {r['id']}\n    type: {r['type']}\n    title: {r['title']}\n")
            if r["severity"] != "error" or rng.random() < 0.3:
                w(f"    severity: {r['severity']}\n")
            for key, value in r["params"].items():
                w(f"    {key}: {_param(key, value, day, rng)}\n")
            w(f"    basis: {r['basis']}\n")
    if node.parent is None:
        w(f"packs: [{PACK}]\n")  # the national baseline applies to the cities too
    if node.children:
        w("subordinates:\n")
        for child in node.children:
            w(f"  - {{id: {child.id}, org: {child.org}, level: {child.level}}}\n")
    return "".join(out)


def _param(key: str, value, day, rng) -> str:
    if isinstance(value, date):
        return day(value)
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, list):
        return _flow(value)
    if key == "sectors" and isinstance(value, dict):
        parts = []
        for sector, spec in value.items():
            inner = ", ".join(f"{k}: {_flow(v) if isinstance(v, list) else v}" for k, v in spec.items())
            parts.append(f"{sector}: {{{inner}}}")
        return "{" + ", ".join(parts) + "}"
    if key == "weekday":
        return rng.choice(WEEKDAY_FORMS[value])
    return str(value)


# Putting it together ----------------------------------------------------------------------------
def pack_requirements() -> list[dict]:
    """The national pack the province passes down to its cities, as this generator's requirements."""
    data = yaml.load((ROOT / "rules" / f"{PACK}.yaml").read_text(encoding="utf-8"), Loader=yaml.CSafeLoader)
    out = []
    for r in data["requirements"]:
        params = {k: v for k, v in r.items() if k not in ("id", "type", "severity", "title", "basis")}
        out.append({"id": r["id"], "type": r["type"], "params": params,
                    "bound": {"theme": data["theme"], "doc_no": data["doc_no"], "start": PERIOD[0], "end": PERIOD[1]}})
    return out


def superior_reference(node: Node, rng: random.Random) -> str | None:
    """How a child names its superior: a relative path mostly, an id sometimes, or nothing (by citation)."""
    roll = rng.random()
    if roll < 0.85:
        return os.path.relpath(node.parent.rel, os.path.dirname(node.rel))
    if roll < 0.95:
        return node.parent.id
    return None


def plan_text(node: Node, seed: int, tour: str, pack: list[dict]) -> str:
    """The plan of one organization (and its requirements, kept on the node for its children)."""
    rng = Rng(f"{seed}/{node.id}")
    if node.is_superior:
        node.requirements = make_requirements(node, rng, tour)
    if node.parent is None:  # the province answers the national notice, and misses nothing
        asked, reference = pack, None
    else:
        asked = node.parent.requirements + (pack if node.parent.parent is None else [])
        reference = superior_reference(node, rng)
    builder = PlanBuilder(node, asked, rng, tour)
    builder.meet()
    builder.fill(int(rng.triangular(20, 80, 30)) if not node.is_superior else rng.randint(20, 40))
    if node.parent is not None and rng.random() < 1 / 3:
        # A plan found by the number it cites keeps citing it, or it would have no superior at all.
        missable = [r for r in asked if reference is not None or r["type"] != "cites"]
        for requirement in rng.sample(missable, min(len(missable), rng.randint(1, 5))):
            builder.miss(requirement)
    builder.finish([r["params"] for r in asked if r["type"] == "held"])
    return render(node, builder, rng, tour, reference)


def _tour(root: Node) -> str:
    return next(p[3] for p in PROVINCES if p[0] == root.short)


def write_subtree(top: Node, out: Path, seed: int, pack: list[dict]) -> int:
    """Write `top` and everything under it (its superior's requirements must be known); return the count."""
    tour, count, stack, made = _tour(_root_of(top)), 0, [top], set()
    while stack:
        node = stack.pop()
        text = plan_text(node, seed, tour, pack)
        folder = node.rel.rpartition("/")[0]
        if folder and folder not in made:
            os.makedirs(out / folder, exist_ok=True)
            made.add(folder)
        with open(out / node.rel, "wb") as stream:
            stream.write(text.encode("utf-8"))
        count += 1
        stack.extend(reversed([c for c in node.children if not c.missing]))
    return count


def _root_of(node: Node) -> Node:
    while node.parent is not None:
        node = node.parent
    return node


_JOB: tuple | None = None  # (root, out, seed, pack), inherited by forked workers


def _write_city(index: int) -> int:
    root, out, seed, pack = _JOB
    return write_subtree(root.children[index], out, seed, pack)


def generate(size: int, out: Path, seed: int = 1, *, jobs: int | None = None) -> int:
    """Write the tree under `out` (which must be empty or absent); return the number of documents.

    Cities are written in parallel (forked workers); the bytes do not depend on it."""
    global _JOB
    if out.exists() and any(out.iterdir()):
        raise SystemExit(f"{out} is not empty: give a new folder")
    out.mkdir(parents=True, exist_ok=True)
    root = plan_tree(size, seed)
    pack = pack_requirements()
    out.joinpath(root.rel).write_bytes(plan_text(root, seed, _tour(root), pack).encode("utf-8"))
    count = 1
    jobs = min(jobs or os.cpu_count() or 1, len(root.children))
    cities = range(len(root.children))
    if jobs > 1 and "fork" in multiprocessing.get_all_start_methods():
        _JOB = (root, out, seed, pack)
        try:
            with multiprocessing.get_context("fork").Pool(jobs) as pool:
                count += sum(pool.imap_unordered(_write_city, cities))
        finally:
            _JOB = None
    else:
        count += sum(write_subtree(root.children[i], out, seed, pack) for i in cities)
    _make_repository(out)
    return count


def _make_repository(out: Path) -> None:
    """A committee keeps its plans in git: ids resolve across the repository (nothing is committed)."""
    if shutil.which("git"):
        subprocess.run(["git", "init", "-q", str(out)], check=True)
    else:
        (out / ".git").mkdir()


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m bench.generate", description=__doc__.splitlines()[0])
    parser.add_argument("--size", type=int, required=True, help="about how many documents (at least 20)")
    parser.add_argument("--out", type=Path, required=True, help="an empty or new folder")
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--jobs", type=int, default=None, help="processes writing cities (default: the number of cores)")
    args = parser.parse_args(argv)
    if args.size < 20:
        parser.error("--size must be at least 20")
    started = time.perf_counter()
    count = generate(args.size, args.out, args.seed, jobs=args.jobs)
    print(f"{count} documents in {args.out} ({time.perf_counter() - started:.1f} s)", file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())
