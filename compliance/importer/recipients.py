"""Whom a report goes to, and whether that body is above the issuer (so the report is the issuer's own)."""

from __future__ import annotations

import re

BODY = r"[\u4e00-\u9fa5（）()]{2,24}?"
# 报市安委办 / 报送至县应急管理局宣教股邮箱 / 上报区安委办 / 向市安委办书面报送: the body named as the receiver
SENT_TO = re.compile(rf"(?:报送|上报|提交|报)\s*(?:至|到|给)?\s*(?P<to>{BODY})(?=[，,。；;（(：:\s]|邮箱|$)")
ADDRESSED_TO = re.compile(rf"向\s*(?P<to>{BODY})(?:书面|正式|及时|统一)?\s*(?:报送|上报|提交|报告|报)")
PLACE = re.compile(r"^[\u4e00-\u9fa5]{0,4}?(?P<place>自治区|省|市|州|盟|县|区|旗|街道|镇|乡)")
PLACE_RANK = {"自治区": 1, "省": 1, "市": 2, "州": 2, "盟": 2, "县": 3, "区": 3, "旗": 3, "街道": 4, "镇": 4, "乡": 4}
LEVEL_RANK = {"province": 1, "city": 2, "county": 3, "street": 4, "community": 5}
# the bodies a bureau or a unit of the same place reports up to: the safety committee, its office, the government
COMMITTEE_BODY = re.compile(r"安委办|安委会|安全生产委员会|人民政府|应急管理局")
# 东港工业园区安监办 / 开发区管委会: the administration of the park a company sits in
PARK_BODY = re.compile(r"园区|开发区|高新区|管委会|管理委员会")
NOT_A_BODY = re.compile(r"^(?:活动|工作|本|各|相关|有关|材料|方案|总结|情况)")


def recipient_in(text: str) -> str | None:
    """The body a piece of text sends its report to, if it names one."""
    for pattern in (ADDRESSED_TO, SENT_TO):
        for match in pattern.finditer(text):
            to = match["to"]
            if not NOT_A_BODY.match(to):
                return to
    return None


# 国务院安委会办公室 / 应急管理部: the national bodies a province reports up to
NATIONAL = re.compile(r"^(?:国务院|国家|应急管理部)")


def _rank(place_text: str) -> int | None:
    if NATIONAL.match(place_text):
        return 0
    match = PLACE.match(place_text)
    if not match or re.search(r"[司团部科室]", place_text[:match.start("place")]):
        return None  # 集团公司市场部: a company's own department, not a place
    return PLACE_RANK[match["place"]]


def issuer_rank(org: str, level: str | None) -> int | None:
    """The rank of the issuer's government: from its level, or for a bureau from the place in its name."""
    if level in LEVEL_RANK:
        return LEVEL_RANK[level]
    if level == "department":  # 滨海市金湾区应急管理局: the district's bureau, the last place its name gives
        places = re.findall(r"自治区|省|市|州|盟|县|区|旗|街道|镇|乡", org)
        return PLACE_RANK[places[-1]] if places else None
    return None


def is_superior(recipient: str, org: str, level: str | None) -> bool:
    """市安委办 above a county, 区安委办 above a district bureau, any government body above a company or a hospital;
    the issuer's own offices (县应急管理局宣教股 for a county 安委办, 集团安全环保部, 保卫科) are not. Of two bodies
    (报鹭澜控股集团安全环保部和临澜区应急管理局), either above the issuer makes the report its own."""
    parts = [part for part in re.split(r"和|及|、", recipient) if len(part) >= 2]
    if len(parts) > 1 and any(_is_superior(part, org, level) for part in parts):
        return True
    return _is_superior(recipient, org, level)


def _is_superior(recipient: str, org: str, level: str | None) -> bool:
    rank = _rank(recipient)
    if level == "enterprise":
        return rank is not None or bool(PARK_BODY.search(recipient)) or _parent_company(recipient, org)
    mine = issuer_rank(org, level)
    if rank is None or mine is None:
        return False
    if rank < mine:
        return True
    if rank == mine and level == "department":
        committee = COMMITTEE_BODY.search(recipient)
        return bool(committee) and committee.group(0) not in org
    return False


# 鸡兴煤业有限公司安全监察部 for 黑龙江鸡兴煤业有限公司兴安煤矿: a body of the company the issuer's name says it belongs to
PARENT_COMPANY = re.compile(r"^[\u4e00-\u9fa5]{2,16}?(?:有限责任公司|有限公司|集团公司|集团|公司)")


def _parent_company(recipient: str, org: str) -> bool:
    """A unit of a company (a mine, a plant, a branch) reports up to that company and its departments."""
    company = PARENT_COMPANY.match(recipient)
    if recipient.startswith("集团") and "集团" not in org:
        return True  # 报集团安全监察部 from a company that is no group: the group it belongs to, named short
    return bool(company) and company.group(0) in org and not org.endswith(company.group(0))
