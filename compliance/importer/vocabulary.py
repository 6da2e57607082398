"""The words notices use for activity kinds, sectors and drill scenarios."""

from __future__ import annotations

import re

KINDS = [
    ("consultation_day", re.compile(r"咨询日|6\s*[·•.]\s*16")),
    ("launch_ceremony", re.compile(r"启动仪式|启动日|动员(?:部署)?[\u4e00-\u9fa5]{0,4}?(?:大会|会议|会)|启动(?:大)?会|召开[^，。；]{0,12}会议?[^，。；]{0,4}?(?:进行|作出)?专题部署|召开[^，。；]{0,14}会议[，,]对[^，。；]{0,16}?(?:进行|作出)动员部署|召开[^，。；]{0,14}会议(?:进行|作出)(?:动员)?部署|召开[^，。；]{0,20}会议[，,][^，。；]{0,10}?作(?:专题)?动员|发车|举[办行][^，。；]{0,10}启动活动")),
    ("study_session", re.compile(r"重要论述.{0,12}(宣讲|学习|研讨|专题)|(宣讲会|学习会|研讨会).{0,20}重要论述|学习.{0,16}重要论述|学习[^，。；]{0,24}重要论述|宣贯会"
                                   r"|(?:集中|专题)学习[^，。；]{0,4}《[^》]{0,12}安全生产法|安全生产法》?[^，。；]{0,2}(?:集中|专题)学习|安全生产法》?[^，。；]{0,4}宣讲(?:报告)?会"
                                   # 举办全市安全生产专题宣讲报告会 / 举办一期全县安全生产专题辅导讲座: a lecture on safe production
                                   r"|安全生产[^，。；]{0,6}专题(?:宣讲报告会|宣讲会|辅导讲座)")),
    ("knowledge_contest", re.compile(r"知识(?:网络|网上|在线)?竞赛|知识竞答|有奖竞答|(?:网上|网络|在线)答题")),
    ("open_day", re.compile(r"开放日")),
    ("leader_talk", re.compile(r"负责人[“\"「]?[谈讲]安全|一把手[”\"」]?[谈讲]安全|谈安全系列|负责(?:人|同志)(?!带头)[^。；]{0,36}?(?:上|讲)[^，。；]{0,4}安全[^，。；]{0,6}?课"
                                 r"|(?:总经理|董事长|经理|厂长|矿长|校长|院长|局长|书记|主任)(?:[^，。；]{0,24}|[^。；]{0,40}?[，,][^，。；]{0,16}?)(?:讲授|讲|上)[^，。；]{0,8}安全[^，。；]{0,6}课")),
    ("door_to_door", re.compile(r"敲门[”\"」]?行动|进门入户")),
    ("warning_education", re.compile(r"警示教育")),
    ("hazard_exposure", re.compile(r"隐患曝光(?![^，。；]{0,4}台账)|曝光台|集中曝光|曝光一批")),
    ("whistleblower_promotion", re.compile(r"12350|举报(电话|热线|平台|渠道|小程序)")),
    ("case_recommendation", re.compile(r"推荐.{0,40}典型案例|典型案例.{0,6}推荐")),
    ("media_campaign", re.compile(r"专题行|专题采访|行[”\"」]?采访|媒体[^，。；]{0,6}(?:深入|走进)|采访组")),
    # 隐患排查知识宣讲: knowledge of hazard checks is taught, no check is held
    ("hazard_inspection", re.compile(r"隐患[”\"」]?排查(?!知识)|排查整治|隐患自查|自查自纠|安全检查|(?:联合|专项)检查|执法检查|大检查|(?:全面|专项|集中|一次|一轮|拉网式)排查|(?:一轮|一次)?全面自查|(?:清理|集中|专项)整治|抽查检查|督导检查|督查检查"
                                       # 组织督导组进行抽查，发现的重大事故隐患… / 组成3个督查组，对各单位整治情况进行督查: a supervision of the checks
                                       r"|专项督查|交叉(?:检查|互查)|开展(?:一次|一轮)[^，。；]{0,12}?自查(?!报告|表)|(?:自查|排查|整改)情况(?:进行|开展)(?:抽查|督查|检查)|带队(?:开展)?(?:检查|排查)|带队对[^，。；]{0,12}?开展[^，。；]{0,8}?安全[^，。；]{0,6}?督查|(?:(?:组织|派出|组成)[^，。；]{0,4}督(?:查|导)组|进行抽查)(?=[^。；]{0,24}?(?:隐患|整治|整改|排查))|暗查暗访")),
    ("drill", re.compile(r"演练|推演")),
    ("training", re.compile(r"培训")),
    # 主题班会 / 利用班会课…开展一次专题安全教育: lessons to pupils are publicity in the school
    ("publicity", re.compile(r"进(?:企业|农村|社区|学校|校园|家庭)|宣传活动|安全宣传|主题班会|专题安全教育")),
]
SECTOR_WORDS = [("enterprise", "企业"), ("rural", "农村"), ("community", "社区"), ("school", "学校|校园"), ("family", "家庭"), ("public_place", "公共场所")]
SCENARIOS = [
    ("fire", "火灾|灭火|着火|起火|消防(?!救援)"), ("earthquake", "地震|防震|抗震"), ("flood", "洪涝|防汛|洪水|山洪|内涝"), ("geological", "地质|泥石流|山体滑坡|滑坡|崩塌"),
    ("weather", "气象|台风|防台|暴雨"), ("drowning", "溺水"), ("stampede", "踩踏"), ("traffic", "道路交通|交通安全|交通事故"),
    ("gas", "燃气"), ("ebike_charging", "电动(?:自行)?车|电瓶车"), ("high_rise", "高层(?:建筑|住宅|楼宇)"),
    ("commercial_complex", "商业综合体"), ("scenic_area", "旅游景区|景区"), ("hazardous_chemicals", "危险化学品|危化品|危险货物"),
    ("evacuation", "疏散|逃生"), ("industry_accident", "行业性事故|行业(?:领域)?事故|生产安全事故"), ("confined_space", "有限空间"),
]
# Who a drill is ordered for, as notices name them: 各类企业, 驻镇各企业, 各露天煤矿, 各中小学, 各行政村, 嘎查 (a 内蒙古 village;
# a 村小 is a village school)
DRILL_SUBJECTS = [("enterprise", "企业|厂矿|生产经营单位|施工单位|煤矿|非煤矿山|矿山"), ("school", "学校|中小学校?|幼儿园|校园|中心学?校|村小"), ("community", "社区|(?<=村[（(])居(?=[）)])"),
                  ("rural", "农村|行政村|村(?!小)|嘎查"), ("family", "家庭")]
