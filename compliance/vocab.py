"""The vocabularies of FORMAT.md: each member carries its usual Chinese label."""

from __future__ import annotations

from enum import Enum


class LabelledEnum(str, Enum):
    """A string enum whose members also carry a Chinese label (`member.zh`)."""

    def __new__(cls, value: str, zh: str):
        member = str.__new__(cls, value)
        member._value_ = value
        member.zh = zh
        return member

    def __str__(self) -> str:
        return self.value

    @classmethod
    def _missing_(cls, value):
        """A clerk may write the Chinese label (联络员) for the value (liaison)."""
        if isinstance(value, str):
            text = value.strip()
            for member in cls:
                if text in (member.zh, member.value.upper(), member.value.title()):
                    return member
        return None

    @classmethod
    def __get_pydantic_json_schema__(cls, core_schema, handler):
        schema = handler(core_schema)
        target = handler.resolve_ref_schema(schema)
        values = [member.value for member in cls]
        target["enum"] = values + [member.zh for member in cls if member.zh not in values]
        target["description"] = "; ".join(f"{member.value} {member.zh}" for member in cls)
        return schema

    def label(self, lang: str) -> str:
        return self.zh if lang == "zh" else self.value


class Level(LabelledEnum):
    NATIONAL = "national", "国家"
    PROVINCE = "province", "省"
    CITY = "city", "市"
    COUNTY = "county", "县（区）"
    STREET = "street", "街道（镇）"
    COMMUNITY = "community", "社区（村）"
    ENTERPRISE = "enterprise", "企业"
    DEPARTMENT = "department", "部门"


class ActivityKind(LabelledEnum):
    LAUNCH_CEREMONY = "launch_ceremony", "启动仪式"
    CONSULTATION_DAY = "consultation_day", "安全宣传咨询日"
    STUDY_SESSION = "study_session", "学习贯彻重要论述"
    PUBLICITY = "publicity", "安全宣传"
    DRILL = "drill", "应急演练"
    TRAINING = "training", "培训"
    HAZARD_INSPECTION = "hazard_inspection", "隐患排查整治"
    HAZARD_EXPOSURE = "hazard_exposure", "隐患曝光"
    WHISTLEBLOWER_PROMOTION = "whistleblower_promotion", "举报渠道宣传"
    WARNING_EDUCATION = "warning_education", "警示教育"
    OPEN_DAY = "open_day", "公众开放日"
    KNOWLEDGE_CONTEST = "knowledge_contest", "知识竞赛"
    LEADER_TALK = "leader_talk", "负责人谈安全"
    DOOR_TO_DOOR = "door_to_door", "敲门行动"
    MEDIA_CAMPAIGN = "media_campaign", "专题行"
    CASE_RECOMMENDATION = "case_recommendation", "典型案例推荐"
    OTHER = "other", "其他"


class Sector(LabelledEnum):
    ENTERPRISE = "enterprise", "企业"
    RURAL = "rural", "农村"
    COMMUNITY = "community", "社区"
    SCHOOL = "school", "学校"
    FAMILY = "family", "家庭"
    PUBLIC_PLACE = "public_place", "公共场所"
    OTHER = "other", "其他"


class Scenario(LabelledEnum):
    """The usual drill scenarios. The list is open: other names are accepted as plain text."""

    FIRE = "fire", "火灾"
    EARTHQUAKE = "earthquake", "地震"
    FLOOD = "flood", "洪涝"
    GEOLOGICAL = "geological", "地质灾害"
    WEATHER = "weather", "气象灾害"
    DROWNING = "drowning", "防溺水"
    STAMPEDE = "stampede", "防踩踏"
    TRAFFIC = "traffic", "道路交通"
    GAS = "gas", "燃气"
    EBIKE_CHARGING = "ebike_charging", "电动车充电"
    HIGH_RISE = "high_rise", "高层建筑"
    COMMERCIAL_COMPLEX = "commercial_complex", "大型商业综合体"
    SCENIC_AREA = "scenic_area", "旅游景区"
    HAZARDOUS_CHEMICALS = "hazardous_chemicals", "危险化学品"
    EVACUATION = "evacuation", "疏散逃生"
    INDUSTRY_ACCIDENT = "industry_accident", "行业事故"


class ReportKind(LabelledEnum):
    PLAN = "plan", "活动方案"
    LIAISON_FORM = "liaison_form", "联络员反馈表"
    PROGRESS = "progress", "进展情况"
    STATISTICS = "statistics", "统计表"
    SUMMARY = "summary", "活动总结"
    CAMPAIGN_SUMMARY = "campaign_summary", "专项行动总结"
    CASES = "cases", "典型案例"


class ContactRole(LabelledEnum):
    LIAISON = "liaison", "联络员"
    CONTACT = "contact", "联系人"
    LEADER = "leader", "负责人"
    OTHER = "other", "其他"


class Severity(LabelledEnum):
    ERROR = "error", "错误"
    WARNING = "warning", "警告"
    INFO = "info", "提示"

    @property
    def rank(self) -> int:
        return {"error": 3, "warning": 2, "info": 1}[self.value]


class Weekday(LabelledEnum):
    MONDAY = "monday", "周一"
    TUESDAY = "tuesday", "周二"
    WEDNESDAY = "wednesday", "周三"
    THURSDAY = "thursday", "周四"
    FRIDAY = "friday", "周五"
    SATURDAY = "saturday", "周六"
    SUNDAY = "sunday", "周日"

    @property
    def iso(self) -> int:
        return list(Weekday).index(self) + 1


def scenario_label(name: str, lang: str) -> str:
    try:
        return Scenario(name).label(lang)
    except ValueError:
        return name
