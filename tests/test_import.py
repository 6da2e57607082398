"""`plancheck import`: drafts that load, values that cite the line they came from, encodings, .docx."""

from __future__ import annotations

import re
from datetime import date

import pytest

from compliance.importer import extract, read_notice
from compliance.importer.dates import month_part, spans_in, weekday_in

from .conftest import ROOT, run_cli

CORPUS = ROOT.parent / "shared" / "corpus"
NOTICES = sorted(CORPUS.glob("*.txt"))
SOURCE = re.compile(r"#\s*L(?P<line>\d+):\s*“(?P<phrase>.*)”\s*$")


@pytest.mark.parametrize("notice", NOTICES, ids=lambda p: p.name)
def test_a_draft_validates_and_every_value_cites_its_line(notice, tmp_path):
    output = tmp_path / "draft.yaml"
    run = run_cli("import", notice, "-o", output)
    assert run.code == 0, run.err
    assert run_cli("validate", output).code == 0
    notice_lines = notice.read_text(encoding="utf-8").splitlines()
    cited = 0
    for line in output.read_text(encoding="utf-8").splitlines():
        if match := SOURCE.search(line):
            cited += 1
            quoted = match["phrase"]
            source_line = notice_lines[int(match["line"]) - 1].replace("\u3000", " ")
            assert quoted in source_line.strip() or quoted in source_line, (line, source_line)
    assert cited >= 10


def test_what_is_not_found_is_a_todo_never_a_guess(tmp_path):
    notice = tmp_path / "bare.txt"
    notice.write_text("关于做好安全生产工作的通知\n各单位：请认真做好有关工作。\n", encoding="utf-8")
    output = tmp_path / "bare.yaml"
    assert run_cli("import", notice, "-o", output, "--year", "2024").code == 0
    text = output.read_text(encoding="utf-8")
    assert "org: TODO" in text and "# theme: TODO" in text and "# period: {start: TODO" in text
    assert "activities:\n" not in text and "requirements:" not in text


def test_yingde_reads_its_deadlines_and_drills():
    draft = extract(read_notice(CORPUS / "004_cfdf00ca8d390286.txt"))
    # what the notice asks its towns to send is a requirement of theirs, not a report of the city's own
    asked = {(r.value["report"], r.value["due"].isoformat(), r.value["basis"]) for r in draft.requirements if r.value["type"] == "report_due"}
    assert {("plan", "2023-05-30", "七（三）"), ("summary", "2023-07-01", "七（三）"), ("campaign_summary", "2023-12-01", "七（三）")} <= asked
    assert draft.reports == []
    drills = {a.value["sector"]: set(a.value["scenarios"]) for a in draft.activities if a.value.get("sector")}
    assert drills["school"] == {"traffic", "fire", "earthquake", "drowning", "stampede"}
    assert drills["rural"] == {"weather", "geological", "flood", "fire"}
    assert [c.value["end"].isoformat() for c in draft.campaigns] == ["2023-12-31"]
    assert draft.value("theme") and draft.value("year") == 2023 and draft.value("edition") == 22


def test_qinglongshan_reads_the_weekly_report_and_its_number():
    draft = extract(read_notice(CORPUS / "001_a60b0ef712df242d.txt"))
    assert draft.value("doc_no") == "青政发﹝2022﹞121号"
    weekly = [r.value for r in draft.requirements if r.value["type"] == "recurring_report"]
    assert weekly == [{"type": "recurring_report", "report": "progress", "weekday": "thursday", "basis": "五（四）"}]
    assert [c.value["phone"] for c in draft.contacts] == ["18347582999"]


@pytest.mark.parametrize("text,expected", [("6月上旬", ("2024-06-01", "2024-06-10")), ("6月中旬", ("2024-06-11", "2024-06-20")),
                                           ("6月下旬", ("2024-06-21", "2024-06-30"))])
def test_parts_of_a_month(text, expected):
    import datetime

    start, end = month_part(2024, 6, text[2:])
    assert (start.isoformat(), end.isoformat()) == expected
    assert datetime.date.fromisoformat(expected[0]) == start


def test_spans_and_weekdays():
    [(start, end, _, _)] = spans_in("活动时间：2024年6月1日至6月30日", 2024)
    assert (start.isoformat(), end.isoformat()) == ("2024-06-01", "2024-06-30")
    assert weekday_in("于每周四上午报送") == "thursday"
    assert weekday_in("每星期五") == "friday"


def test_gb18030_bom_and_docx(tmp_path):
    text = "某县安委办文件\n\n今年6月是第23个全国“安全生产月”，主题是“人人讲安全、个个会应急——畅通生命通道”。\n联系人：王芳，电话：0838-1234567。\n"
    gbk = tmp_path / "gbk.txt"
    gbk.write_bytes(text.encode("gb18030"))
    bom = tmp_path / "bom.txt"
    bom.write_bytes(b"\xef\xbb\xbf" + text.encode("utf-8"))
    for path in (gbk, bom):
        draft = extract(read_notice(path))
        assert draft.value("theme") == "人人讲安全、个个会应急——畅通生命通道"
        assert draft.value("org") == "某县安委办"
    docx = pytest.importorskip("docx")
    document = docx.Document()
    for paragraph in text.splitlines():
        document.add_paragraph(paragraph)
    table = document.add_table(rows=2, cols=2)
    table.cell(0, 0).text, table.cell(0, 1).text = "组长", "李强（县长）"
    table.cell(1, 0).text, table.cell(1, 1).text = "成员", "张三（应急局局长）、李四"
    path = tmp_path / "notice.docx"
    document.save(str(path))
    draft = extract(read_notice(path))
    assert draft.value("edition") == 23
    assert draft.leading_group["leader"].value == {"name": "李强", "title": "县长"}
    assert [p.value for p in draft.leading_group["members"]] == [{"name": "张三", "title": "应急局局长"}, {"name": "李四"}]


def test_import_never_overwrites(tmp_path):
    output = tmp_path / "draft.yaml"
    output.write_text("mine\n", encoding="utf-8")
    run = run_cli("import", NOTICES[0], "-o", output)
    assert run.code == 2 and "never overwrites" in run.err and output.read_text(encoding="utf-8") == "mine\n"
    assert run_cli("import", NOTICES[0], "-o", output, "--force").code == 0


def test_a_missing_or_unreadable_notice_is_one_clear_line(tmp_path):
    run = run_cli("import", tmp_path / "nothing.txt")
    assert run.code == 2 and "nothing.txt" in run.err and "Traceback" not in run.err
    bad = tmp_path / "bad.docx"
    bad.write_bytes(b"not a zip")
    run = run_cli("import", bad, "-o", tmp_path / "x.yaml")
    assert run.code == 2 and "not a readable .docx" in run.err



@pytest.mark.parametrize("content, message", [
    (b"", "has no text [empty-notice]"),
    (b"  \r\n\r\n", "has no text [empty-notice]"),
    (b"Notice on the safety month\n", "has no Chinese text"),
])
def test_an_empty_or_non_chinese_notice_is_refused_not_drafted(tmp_path, content, message):
    notice = tmp_path / "notice.txt"
    notice.write_bytes(content)
    output = tmp_path / "draft.yaml"
    run = run_cli("import", notice, "-o", output)
    assert run.code == 2 and message in run.err and "notice.txt" in run.err and "Traceback" not in run.err
    assert not output.exists()

def _lines(text: str):
    from compliance.importer.reader import Line

    return [Line(number, line) for number, line in enumerate(text.splitlines(), start=1)]


def _group(text: str) -> dict:
    draft = extract(_lines(text), year=2025)
    group = draft.leading_group
    return {"leader": group["leader"].value if "leader" in group else None,
            "deputies": [p.value for p in group.get("deputies", [])], "members": [p.value for p in group.get("members", [])],
            "office": group["office"].value if "office" in group else None}


def test_a_leading_group_of_labelled_lines_with_padding_and_continuation_lines():
    group = _group("组  长：王建国  镇党委副书记、镇长\n副组长：李  明  镇党委委员、副镇长\n        赵红梅  镇人大主席团副主席\n"
                   "成  员：孙  涛  镇应急管理办公室主任\n领导小组办公室设在镇应急管理办公室，孙涛同志兼任办公室主任。\n")
    assert group["leader"] == {"name": "王建国", "title": "镇党委副书记、镇长"}
    assert group["deputies"] == [{"name": "李明", "title": "镇党委委员、副镇长"}, {"name": "赵红梅", "title": "镇人大主席团副主席"}]
    assert group["members"] == [{"name": "孙涛", "title": "镇应急管理办公室主任"}]
    assert group["office"] == "镇应急管理办公室"


def test_a_leading_group_as_table_rows_and_inline():
    table = _group("职务\t姓名\t职务\n组长\t杨建华\t县人民政府副县长\n成员\t—\t县教育体育局分管负责人\n")
    assert table["leader"] == {"name": "杨建华", "title": "县人民政府副县长"}
    assert table["members"] == [{"title": "县教育体育局分管负责人"}]
    inline = _group("集团成立领导小组，由集团董事长、总经理刘志强任组长，分管安全副总经理周海涛、总工程师马骏任副组长，"
                    "各分（子）公司经理、机关各部室负责人为成员。")
    assert inline["leader"] == {"name": "刘志强", "title": "集团董事长、总经理"}
    assert inline["deputies"] == [{"name": "周海涛", "title": "分管安全副总经理"}, {"name": "马骏", "title": "总工程师"}]
    assert inline["members"] == [{"title": "各分（子）公司经理"}, {"title": "机关各部室负责人"}]


def test_a_deadline_and_a_shared_time_on_drills_ordered_per_sector():
    draft = extract(_lines("6月中下旬，驻镇各企业要至少开展一次应急演练；学校要开展防溺水和地震疏散演练；各村要开展防汛避险转移演练。\n"
                           "社区要开展燃气安全和高层建筑疏散逃生演练。\n家庭要开展逃生演练。\n"), year=2025)
    drills = {a.value["sector"]: a.value for a in draft.activities if a.value.get("sector")}
    assert (drills["enterprise"]["start"].isoformat(), drills["enterprise"]["end"].isoformat()) == ("2025-06-11", "2025-06-30")
    assert drills["school"]["scenarios"] == ["drowning", "earthquake"]  # in the order the text names them
    assert drills["rural"]["scenarios"] == ["flood"]
    assert drills["community"]["scenarios"] == ["gas", "high_rise"]  # hazards named: not evacuation
    assert drills["family"]["scenarios"] == ["evacuation"]
    assert {r.value["sector"] for r in draft.requirements if r.value["type"] == "drill_per_sector"} == set(drills)


def test_deadlines_the_issuers_own_report_and_a_weekly_report():
    draft = extract(_lines("各乡（镇）要于5月31日前将活动方案报县安委办，7月1日前报送活动总结和统计表。\n"
                           "各乡（镇）要明确1名联络员，于5月27日前报送联络员回执。\n活动期间，各分公司每周五下班前将活动开展情况报集团安全环保部。\n"
                           "县安委办将于7月5日前向市安委办报送全县活动总结。\n"), year=2022)
    due = {(r.value["report"], r.value["due"].isoformat()) for r in draft.requirements if r.value["type"] == "report_due"}
    assert due == {("plan", "2022-05-31"), ("summary", "2022-07-01"), ("statistics", "2022-07-01"), ("liaison_form", "2022-05-27")}
    assert [(r.value["kind"], r.value["due"].isoformat()) for r in draft.reports] == [("summary", "2022-07-05")]
    assert [r.value["weekday"] for r in draft.requirements if r.value["type"] == "recurring_report"] == ["friday"]


def test_an_office_before_a_contacts_name_and_the_level_of_a_company():
    draft = extract(_lines("湖北楚江化工集团有限公司文件\n联系人：安全环保部 黄思远，电话：0716-8123456，手机：13972112345。\n"), year=2023)
    assert [(c.value["name"], c.value["phone"]) for c in draft.contacts] == [("黄思远", "13972112345")]
    assert draft.value("level") == "enterprise"


def test_tuning_references_validate():
    references = sorted((ROOT / "tests" / "import_refs" / "tuning").glob("*.yaml"))
    assert len(references) >= 4
    assert run_cli("validate", *references).code == 0


TUNING = ROOT / "tests" / "import_refs" / "tuning"


def _activities(draft, kind):
    return [a.value for a in draft.activities if a.value["kind"] == kind]


def test_schedule_rows_are_activities_and_since_today_is_the_notice_date():
    draft = extract(read_notice(TUNING / "hongliu-2023.txt"))
    assert draft.issued.isoformat() == "2023-05-25"
    launches = _activities(draft, "launch_ceremony")
    assert [a["date"].isoformat() for a in launches] == ["2023-06-02"]  # the clause only repeats row 1
    spans = {(a["start"].isoformat(), a["end"].isoformat()) for a in _activities(draft, "hazard_inspection") if "start" in a}
    assert ("2023-05-25", "2023-06-25") in spans  # 即日起至6月25日


def test_a_docx_table_reads_like_its_text():
    def facts(path):
        return sorted(str(sorted(a.value.items())) for a in extract(read_notice(path)).activities)

    assert facts(TUNING / "hongliu-2023.docx") == facts(TUNING / "hongliu-2023.txt")


def test_since_today_in_an_undated_notice_is_left_to_the_clerk(tmp_path):
    notice = tmp_path / "undated.txt"
    notice.write_text("2024年“安全生产月”活动方案\n序号\t活动内容\t时间\t责任单位\n1\t隐患排查整治\t即日起至6月30日\t各村\n"
                      "2\t应急演练\t6月20日\t各村\n", encoding="utf-8")
    draft = extract(read_notice(notice))
    assert draft.issued is None
    assert _activities(draft, "hazard_inspection") == []
    assert [a["date"].isoformat() for a in _activities(draft, "drill")] == ["2024-06-20"]


def test_items_take_the_span_of_their_phase_heading_and_their_sub_item_sector():
    draft = extract(read_notice(TUNING / "hongliu-2023.txt"))
    publicity = {a["sectors"][0]: (a["start"].isoformat(), a["end"].isoformat()) for a in _activities(draft, "publicity") if a.get("sectors")}
    assert publicity == {sector: ("2023-06-11", "2023-06-25") for sector in ("enterprise", "rural", "community", "school", "family")}
    drills = {a["sectors"][0] if a.get("sectors") else a.get("sector"): a for a in _activities(draft, "drill")}
    assert (drills["rural"]["start"].isoformat(), drills["rural"]["scenarios"]) == ("2023-06-11", ["flood", "geological"])


def test_a_leader_in_brackets_keeps_the_whole_title():
    group = extract(read_notice(TUNING / "hongliu-2023.txt")).leading_group
    assert group["leader"].value == {"name": "马永福", "title": "乡党委副书记、乡长"}
    assert [p.value.get("name") for p in group["members"]][:2] == ["张国庆", "何丽"]


def test_an_order_carries_its_own_window_and_weekly_reports_in_other_words():
    draft = extract(read_notice(TUNING / "dongguan-2024.txt"))
    orders = {(r.value["kind"], str(r.value.get("not_before")), str(r.value.get("not_after"))) for r in draft.requirements if r.value["type"] == "activity"}
    assert {("launch_ceremony", "None", "2024-06-07"), ("hazard_inspection", "2024-06-10", "2024-06-20")} <= orders
    weekly = [r.value["weekday"] for r in draft.requirements if r.value["type"] == "recurring_report"]
    assert weekly == ["thursday"]  # 每星期四12时前
    assert [(r.value["kind"], r.value["due"].isoformat()) for r in draft.reports] == [("summary", "2024-07-02")]
    assert draft.value("level") == "street"


def test_a_theme_heading_wins_and_a_bureau_reports_its_own_summary():
    draft = extract(read_notice(TUNING / "guilan-2025.txt"))
    assert draft.value("theme") == "人人讲安全、个个会应急——查找身边安全隐患"
    assert draft.value("level") == "department"
    assert [(r.value["kind"], r.value["due"].isoformat()) for r in draft.reports] == [("summary", "2025-07-08")]
    assert [r.value["weekday"] for r in draft.requirements if r.value["type"] == "recurring_report"] == ["monday"]


def test_drills_per_sector_are_all_unless_the_text_offers_a_choice(tmp_path):
    output = tmp_path / "draft.yaml"
    assert run_cli("import", TUNING / "dongguan-2024.txt", "-o", output).code == 0
    assert run_cli("validate", output).code == 0
    text = output.read_text(encoding="utf-8")
    assert "community: {min: 1, scenarios_all: [high_rise]}" in text
    assert "enterprise: {min: 1, scenarios_any: [confined_space, gas]}" in text  # 有限空间或燃气泄漏, in that order


REPORTS_NOTICE = """鹤岭市应急管理局关于开展2023年“安全生产月”活动的通知
各县区应急管理局：
一、活动主题
活动主题为：
人人讲安全
个个会应急
二、工作要求
（一）各单位于6月底前报送活动方案。
（二）活动总结请于7月5日之前报送市局，市局于7月8日前将全市活动开展情况报送省应急管理厅。
（三）活动期间每周报送一次工作进展；每周五下班前报送周报。
（四）各企业于6月28日前将总结材料报送市局。区安监局汇总后于7月1日前报市安委办。
"""


def test_reports_are_read_in_any_wording_and_the_issuers_own_by_its_subject():
    draft = extract(_lines(REPORTS_NOTICE))
    asked = {(r.value["report"], r.value["due"].isoformat()) for r in draft.requirements if r.value["type"] == "report_due"}
    assert asked == {("plan", "2023-06-30"), ("summary", "2023-07-05")}
    # 市局 is the issuer's own subject, and 活动开展情况 sent once after the month is its summary
    assert [(r.value["kind"], r.value["due"].isoformat()) for r in draft.reports] == [("summary", "2023-07-08")]
    weekly = [r.value for r in draft.requirements if r.value["type"] == "recurring_report"]
    assert [w["weekday"] for w in weekly] == ["friday"]
    assert [t.line for t in draft.todos] == [10]  # 每周报送一次 names no weekday: left to the clerk
    assert draft.value("theme") == "人人讲安全 个个会应急"


def test_a_report_gathered_by_the_issuers_office_is_what_was_sent_to_it():
    text = REPORTS_NOTICE.replace("鹤岭市应急管理局", "黔川经济开发区管理委员会")
    draft = extract(_lines(text))
    assert ("summary", "2023-07-01") in {(r.value["kind"], r.value["due"].isoformat()) for r in draft.reports}


@pytest.mark.parametrize(("org", "level"), [("赣源县卫生健康委员会", "department"), ("某市发改委", "department"),
                                            ("黔川经济开发区管理委员会", "county"), ("梅岭县安全生产委员会", "county"),
                                            ("桂岚区第一中学", "enterprise"), ("白果镇石门村村民委员会", "community"),
                                            ("江南社区居民委员会", "community")])
def test_committees_and_schools_get_their_level(org, level):
    from compliance.importer.header import level_of
    assert level_of(org) == level


def test_an_inline_group_shares_a_title_and_an_office_holder():
    text = ("2022年“安全生产月”活动实施方案\n成立开发区“安全生产月”活动领导小组，由管委会主任吴德明任组长，管委会副主任杨光辉、龙海燕任副组长，"
            "经济发展局、社会事务局主要负责人为成员。\n")
    group = extract(_lines(text)).leading_group
    assert [p.value["name"] for p in group["deputies"]] == ["杨光辉", "龙海燕"]
    assert [p.value["title"] for p in group["members"]] == ["经济发展局主要负责人", "社会事务局主要负责人"]


def test_two_orders_of_one_kind_with_different_windows_are_both_requirements():
    text = ("2024年“安全生产月”活动通知\n一、活动内容\n（一）各单位要在6月10日前组织一次全员安全培训。\n"
            "（二）6月下旬，各单位要组织新入职员工开展岗前安全培训。\n")
    orders = {(r.value["kind"], r.value.get("not_before"), r.value.get("not_after")) for r in extract(_lines(text)).requirements
              if r.value["type"] == "activity"}
    from datetime import date
    assert orders == {("training", None, date(2024, 6, 10)), ("training", date(2024, 6, 21), date(2024, 6, 30))}


def test_scenarios_follow_the_order_of_the_text():
    from compliance.importer.activities import drill_scenarios
    assert drill_scenarios("地震、火灾应急疏散演练") == ["earthquake", "fire"]
    assert drill_scenarios("燃气泄漏处置演练") == ["gas"]


def test_the_count_of_todos_leaves_out_the_header_that_explains_them(tmp_path):
    draft = tmp_path / "yingde.yaml"
    run = run_cli("import", CORPUS / "004_cfdf00ca8d390286.txt", "--output", draft)
    assert run.code == 0, run.err
    lines = draft.read_text(encoding="utf-8").splitlines()
    assert "TODO" in lines[1]  # the header says what a TODO is
    expected = sum(1 for line in lines[2:] if "TODO" in line)
    assert expected > 0 and f"({expected} line(s) with a TODO)" in run.out


def test_a_padded_contact_name_is_one_name_and_an_office_before_it_is_no_name():
    draft = extract(_lines("联系人：市应急管理局宣传教育科 赵  琳\n联系电话：0913-2136688  15991370012\n"
                           "联系人：镇安监站 谭小军，联系电话：0737-5521063，手机：13807376688。\n"), year=2023)
    assert [(c.value["name"], c.value["phone"]) for c in draft.contacts] == [("赵琳", "15991370012"), ("谭小军", "13807376688")]


def test_a_leader_of_several_posts_is_one_person_and_bodies_share_the_holder():
    group = _group("组长：集团公司党委书记、董事长\n副组长：集团公司总经理、分管安全副总经理\n")
    assert group["leader"] == {"title": "集团公司党委书记、董事长"}
    assert group["deputies"] == [{"title": "集团公司总经理"}, {"title": "分管安全副总经理"}]
    inline = _group("镇成立领导小组，由镇党委副书记、镇长任组长，分管安全生产的副镇长任副组长，镇安监站、派出所、中心学校负责人为成员。")
    assert inline["leader"] == {"title": "镇党委副书记、镇长"}
    assert [p["title"] for p in inline["members"]] == ["镇安监站负责人", "派出所负责人", "中心学校负责人"]


def test_a_name_with_a_middle_dot_keeps_its_title_apart():
    group = _group("组  长：马建军  集团公司党委书记、董事长\n副组长：王海涛  集团公司安全总监\n        艾力·买买提  集团公司总经理\n")
    assert group["deputies"][-1] == {"name": "艾力·买买提", "title": "集团公司总经理"}


def test_drills_for_villages_in_brackets_and_a_drill_that_ends_with_its_clause():
    draft = extract(_lines("主汛期将至，各村（社区）要在6月20日前组织一次防汛避险转移演练。\n"
                           "各县（区）要组织辖区企业开展一次生产安全事故应急演练，人员密集场所开展一次火灾疏散演练。\n"), year=2022)
    drills = {tuple(sorted(a.value.get("sectors") or [a.value.get("sector")])): a.value["scenarios"] for a in draft.activities
              if a.value["kind"] == "drill" and (a.value.get("sectors") or a.value.get("sector"))}
    assert drills == {("community", "rural"): ["flood"], ("enterprise",): ["industry_accident"]}


def test_a_campaigns_own_work_takes_its_span_and_a_period_under_time_arrangements():
    text = ("2023年“安全生产月”活动的通知\n一、时间安排\n2023年6月1日—6月30日。“安全生产三秦行”活动从6月持续至12月。\n二、重点活动\n"
            "（七）深化“安全生产三秦行”活动。各县（区）要组织媒体走进重点企业开展专题采访，对典型事故隐患进行集中曝光。\n"
            "（八）各县（区）安委办要确定1名联络员。\n")
    draft = extract(_lines(text))
    from datetime import date
    assert draft.value("period") == (date(2023, 6, 1), date(2023, 6, 30))
    assert [(c.value["name"], c.value["end"]) for c in draft.campaigns] == [("安全生产三秦行", date(2023, 12, 31))]
    spans = {a.value["kind"]: (a.value.get("start"), a.value.get("end")) for a in draft.activities}
    assert spans["media_campaign"] == spans["hazard_exposure"] == (date(2023, 6, 1), date(2023, 12, 31))
    assert any(r.value["type"] == "contact" for r in draft.requirements)


def test_enumerated_and_headed_sector_items_and_a_drill_with_its_own_hazard():
    text = ("（四）开展安全宣传“五进”。一是进企业，督促企业开展全员安全培训；五是进家庭，发放家庭安全常识手册。\n"
            "（六）安全知识进家庭。镇中心学校要通过“小手拉大手”活动，向学生家庭发放宣传单。\n"
            )
    draft = extract(_lines(text), year=2024)
    assert {(a.line, tuple(a.value["sectors"])) for a in draft.activities if a.value["kind"] == "publicity"} >= {
        (1, ("enterprise",)), (1, ("family",))}
    headed = extract(_lines(text.splitlines()[1]), year=2024)
    assert [a["sectors"] for a in _activities(headed, "publicity")] == [["family"]]
    from datetime import date

    from compliance.importer.activities import prune_vague
    from compliance.importer.draft import Draft, Sourced
    drills = Draft(activities=[Sourced({"kind": "drill", "date": date(2024, 6, 25), "scenarios": ["flood"]}, 1, ""),
                               Sourced({"kind": "drill", "scenarios": ["flood"]}, 1, ""), Sourced({"kind": "drill", "scenarios": ["traffic"]}, 2, "")])
    prune_vague(drills, _lines("各村要在6月25日前开展一次防汛演练。\n各企业要开展道路交通演练。"))  # an undated mention of the dated flood drill goes; a drill for another hazard is its own event
    assert [a.value["scenarios"] for a in drills.activities] == [["flood"], ["traffic"]]


def _reports_of(org: str, body: str):
    draft = extract(_lines(f"{org}关于开展2024年“安全生产月”活动的通知\n各有关单位：\n{body}\n"))
    own = [(r.value["kind"], r.value.get("due") and r.value["due"].isoformat(), r.value.get("weekday")) for r in draft.reports]
    asked = [(r.value.get("report"), r.value.get("due") and r.value["due"].isoformat(), r.value.get("weekday"))
             for r in draft.requirements if r.value["type"] in ("report_due", "recurring_report")]
    return own, asked


@pytest.mark.parametrize(("org", "body", "own"), [
    # a report to a superior body is the issuer's own, whatever its subject looks like
    ("岷山县安全生产委员会办公室", "县安委办将汇总全县活动开展情况，于7月5日前报市安委办。", [("summary", "2024-07-05", None)]),
    ("松岭区人民政府枫溪街道办事处", "各社区于6月25日前将活动总结报送街道平安办。\n街道平安办汇总后，于6月30日前报送区安委办。",
     [("summary", "2024-06-30", None)]),
    ("益河区教育局", "区教育局汇总全区教育系统活动情况，于7月5日前报区安委办。", [("summary", "2024-07-05", None)]),
    ("江澜化工园区管理委员会", "园区管委会将于7月3日前向市安委办书面报送园区活动总结。", [("summary", "2024-07-03", None)]),
    ("临江市第一人民医院", "保卫科负责汇总，形成全院活动总结，于7月2日前报市卫生健康委员会；每周五向市卫健委报送工作信息。",
     [("summary", "2024-07-02", None), ("progress", None, "friday")]),
    # the issuer's own office, or a body of its own level, receives what the level below sends
    ("岷山县安全生产委员会办公室", "请各乡镇于7月1日前将活动总结报送至县应急管理局邮箱。", []),
    ("临江市第一人民医院", "各科室于6月25日前将活动总结报保卫科。", []),
    ("岷山县安全生产委员会办公室", "请于7月5日前将活动总结报市安委办。", []),  # 请: an order, not the issuer's own
])
def test_a_report_sent_to_a_superior_is_the_issuers_own(org, body, own):
    assert _reports_of(org, body)[0] == own


@pytest.mark.parametrize(("body", "asked"), [
    ("请各乡镇于2024年7月1日（星期一）下午5点前将活动总结报送县安委办。", [("summary", "2024-07-01", None)]),
    ("各乡镇于6月28日下班前报送活动总结。", [("summary", "2024-06-28", None)]),
    ("请各乡镇于7月3日将活动总结报送县安委办。", [("summary", "2024-07-03", None)]),
    ("各乡镇活动总结报送截止时间为7月5日。", [("summary", "2024-07-05", None)]),
    ("书面总结请于6月底前报送县安委办，同时报送典型案例1个。", [("summary", "2024-06-30", None), ("cases", "2024-06-30", None)]),
    ("各乡镇于6月28日前将活动总结以电子版形式报送县安委办，并附活动情况统计表。",
     [("summary", "2024-06-28", None), ("statistics", "2024-06-28", None)]),
    ("各社区要明确1名联络员，并于5月30日前报县安委办。", [("liaison_form", "2024-05-30", None)]),
    ("各乡镇工作开展情况请于每周星期四报县应急管理局。", [("progress", None, "thursday")]),
    ("各乡镇于6月20日前全部整改到位。", []),
])
def test_report_deadlines_in_other_wordings(body, asked):
    assert _reports_of("岷山县安全生产委员会办公室", body)[1] == asked


def test_the_issuer_signed_at_the_foot_and_a_hospital_is_a_unit():
    draft = extract(_lines("枫溪街道2025年“安全生产月”活动实施方案\n一、组织领导\n…\n\n松岭区人民政府枫溪街道办事处\n2025年5月23日\n"))
    assert (draft.value("org"), draft.value("level")) == ("松岭区人民政府枫溪街道办事处", "street")
    draft = extract(_lines("临江市第一人民医院\n关于开展2024年“安全生产月”活动的通知\n院内各科室：\n"))
    assert (draft.value("org"), draft.value("level")) == ("临江市第一人民医院", "enterprise")
    draft = extract(_lines("益河区教育局关于开展2023年“安全生产月”活动的通知\n各学校：\n"))
    assert (draft.value("org"), draft.value("level")) == ("益河区教育局", "department")


def _activities_of(body: str, year: int = 2024):
    draft = extract(_lines(f"岷山县安全生产委员会办公室关于开展{year}年“安全生产月”活动的通知\n各乡镇：\n{body}\n"))
    return [(a.value["kind"], a.value.get("date") and a.value["date"].isoformat(), tuple(a.value.get("sectors") or
             ([a.value["sector"]] if a.value.get("sector") else [])), tuple(a.value.get("scenarios", ()))) for a in draft.activities]


def test_material_sent_up_is_no_activity():
    assert _activities_of("（二）各科室于6月25日前将演练记录、培训签到表等材料报保卫科。") == []


def test_a_consultation_desk_on_june_16_is_the_consultation_day():
    assert _activities_of("4.组织安全宣传咨询。6月16日，在门诊大厅设置安全宣传咨询台，发放安全宣传资料。") == [
        ("consultation_day", "2024-06-16", (), ())]


def test_a_clause_heading_and_its_sentence_are_one_event():
    found = _activities_of("（四）参与“安全宣传咨询日”活动。6月16日，各学校要组织师生参与所在乡镇“安全宣传咨询日”活动。")
    assert found == [("consultation_day", "2024-06-16", ("school",), ())]


def test_teachers_are_school_staff():
    found = _activities_of("（五）6月底前，各学校要对全体教职工开展一次消防安全培训。")
    assert found == [("training", "2024-06-30", ("school",), ())]


def test_a_high_rise_fire_is_one_hazard():
    from compliance.importer.activities import drill_scenarios
    assert drill_scenarios("高层住宅小区消防应急疏散演练") == ["high_rise"]
    assert drill_scenarios("消防和高层建筑应急演练") == ["fire", "high_rise"]


def test_villages_organised_by_the_towns_drill_by_their_deadline():
    found = _activities_of("（四）各乡镇要组织辖区各村于6月25日前开展一次防汛或地质灾害避险转移演练。")
    assert ("drill", "2024-06-25", ("rural",), ("flood", "geological")) in found


def test_schedule_rows_take_sectors_from_their_content_and_their_units():
    table = ("序号\t时间\t活动内容\t责任单位\t参与对象\n"
             "1\t6月上旬\t安全宣传进社区、进企业、进学校、进家庭\t各社区\t居民\n"
             "2\t6月中旬\t高层住宅小区消防应急疏散演练\t各社区\t居民\n"
             "3\t6月20日前\t企业员工安全生产知识培训\t辖区企业\t企业职工")
    found = {(kind, sectors, scenarios) for kind, _, sectors, scenarios in _activities_of(table)}
    assert found == {("publicity", ("community", "enterprise", "school", "family"), ()), ("drill", ("community",), ("high_rise",)),
                     ("training", ("enterprise",), ())}


def test_a_sentence_that_sets_a_window_dates_the_drills_after_it_and_is_none_itself():
    found = _activities_of("（三）应急演练周。6月12日至6月18日为园区应急演练周。各企业要至少组织一次危险化学品泄漏或火灾爆炸事故应急演练，"
                           "重大危险源企业还要开展一次夜间疏散演练。")
    assert ("drill", None, ("enterprise",), ("hazardous_chemicals", "fire")) in found
    assert all(sectors for kind, _, sectors, _ in found if kind == "drill")  # no drill of every hazard at once
    from compliance.importer.activities import declared_window
    assert declared_window("6月12日至6月18日为园区应急演练周。", 2024)[0]["start"].isoformat() == "2024-06-12"


def _todos_of(body: str, year: int = 2024) -> list[str]:
    draft = extract(_lines(f"岷山县安全生产委员会办公室关于开展{year}年“安全生产月”活动的通知\n各乡镇：\n{body}\n"))
    return [t.value for t in draft.todos]


def test_an_event_for_one_sectors_people_with_no_sector_read_is_a_todo():
    body = "（五）6月底前，县教育局要组织全体教师开展一次应急救护培训。"  # 教师 alone may be a hospital's
    assert [a for a in _activities_of(body) if a[0] == "training"] == []
    assert any("training" in todo and "教师" in todo for todo in _todos_of(body))


def test_a_drill_ordered_for_one_sectors_units_keeps_its_sector_and_no_todo():
    body = "（三）6月中旬，各社区要组织居民开展一次燃气泄漏应急演练。"
    assert ("drill", None, ("community",), ("gas",)) in _activities_of(body)
    assert _todos_of(body) == []


@pytest.mark.parametrize("body, expected", [
    ("（五）6月底前，各中小学要组织全体教师开展一次应急救护培训。", ("training", "2024-06-30", ("school",), ())),
    ("（二）6月上旬，各乡镇要组织辖区重点企业主要负责人观看安全生产警示教育片。", ("warning_education", None, ("enterprise",), ())),
    ("（三）各乡镇要组织村民开展一次安全知识培训。", ("training", None, ("rural",), ())),
    ("（三）各村（社区）要组织一次应急救护培训。", ("training", None, ("rural", "community"), ())),
])
def test_an_event_takes_the_sector_of_its_holders_or_of_the_people_taking_part(body, expected):
    assert expected in _activities_of(body)
    assert _todos_of(body) == []


def test_an_event_for_the_people_of_several_sectors_is_in_each():
    assert ("training", "2024-06-16", ("school", "enterprise"), ()) in _activities_of("（三）6月16日，组织学校师生和企业职工开展安全知识培训。")


def test_an_order_shared_with_bodies_of_no_sector_puts_the_event_in_none():
    assert ("training", None, (), ()) in _activities_of("（三）各社区各行业主管部门要组织开展应急救护培训。")


def test_each_drill_of_a_sentence_takes_its_own_holder_and_hazards():
    body = "（三）各乡镇要于6月25日前，指导辖区危险化学品企业开展泄漏处置演练，指导人员密集场所开展疏散演练。"
    assert ("drill", "2024-06-25", ("enterprise",), ("hazardous_chemicals",)) in _activities_of(body)


def test_a_clause_heading_that_names_a_sector_carries_it_to_the_events_under_it():
    body = ("（三）安全宣传进企业\n6月份，组织开展一次安全生产专题培训。\n（四）安全宣传进学校\n6月中旬，组织开展一次防溺水应急演练。\n"
            "（五）其他\n6月中旬，组织开展一次应急演练。")
    found = _activities_of(body)
    assert ("training", None, ("enterprise",), ()) in found
    assert ("drill", None, ("school",), ("drowning",)) in found
    assert ("drill", None, (), ()) in found


def test_an_item_heading_takes_the_holders_its_body_names_for_the_same_event():
    found = _activities_of("2.开展负责人讲安全活动。各乡镇辖区企业负责人要为本单位员工上一堂安全课。")
    assert [a for a in found if a[0] == "leader_talk"] == [("leader_talk", None, ("enterprise",), ())]


def test_a_reporting_line_open_to_workers_needs_no_sector():
    body = "（六）广泛宣传12350举报电话，鼓励企业职工举报重大事故隐患。"
    assert [a[0] for a in _activities_of(body)] == ["whistleblower_promotion"]


def test_a_start_day_and_a_deadline_are_one_span():
    from compliance.importer.activities import when_in
    when, _, _ = when_in("5月20日起，各企业要开展一次隐患自查，6月25日前完成整改。", 2024)
    assert (when["start"].isoformat(), when["end"].isoformat()) == ("2024-05-20", "2024-06-25")


def test_a_start_day_with_no_end_is_a_todo_not_the_day_of_the_event():
    body = "（二）5月20日起，各企业要全面开展安全隐患排查整治。"
    assert [a for a in _activities_of(body) if a[0] == "hazard_inspection" and a[1]] == []
    assert any("starts" in todo for todo in _todos_of(body))


def test_the_issuers_own_contest_that_the_addressees_join_is_no_order():
    body = "（四）6月下旬，县安委办举办安全知识竞赛，各乡镇选派1支代表队参赛。"
    draft = extract(_lines(f"岷山县安全生产委员会办公室关于开展2024年“安全生产月”活动的通知\n各乡镇：\n{body}\n"))
    assert [r.value for r in draft.requirements if r.value["type"] == "activity"] == []
    assert any("take part" in t.value for t in draft.todos)
    ordered = extract(_lines("岷山县安全生产委员会办公室关于开展2024年“安全生产月”活动的通知\n各乡镇：\n"
                             "（四）各乡镇要在6月下旬组织一次安全知识竞赛。\n"))
    assert [r.value["kind"] for r in ordered.requirements if r.value["type"] == "activity"] == ["knowledge_contest"]


def test_a_post_and_a_name_not_told_apart_and_bodies_without_a_post_are_todos():
    group = _group("成立领导小组。\n组长：院长 冯建国 王强\n成员：保卫科、医务科\n")
    assert group["leader"] is None
    assert group["members"] == []
    kept = _group("成立领导小组：\n组  长：王建国  镇党委副书记\n成  员：孙涛  镇应急办主任\n")
    assert kept["leader"] == {"name": "王建国", "title": "镇党委副书记"}


def test_bodies_that_share_the_last_ones_post_are_members_each_with_that_post():
    group = _group("成立领导小组。\n组长：院长 冯建国\n成员：保卫科、医务科、总务科负责人\n")
    assert group["members"] == [{"title": "保卫科负责人"}, {"title": "医务科负责人"}, {"title": "总务科负责人"}]


def test_an_office_written_before_the_contacts_name_is_not_a_second_contact():
    draft = extract(_lines("雁溪镇人民政府关于开展2023年“安全生产月”活动的通知\n联系人：镇安办 罗建华，联系电话：0838-6212345，13881234567。\n"))
    assert [c.value for c in draft.contacts] == [{"name": "罗建华", "role": "contact", "phone": "13881234567"}]


def test_a_leader_whose_posts_go_on_after_the_one_read_is_a_todo():
    assert _group("成立领导小组：\n组长：集团董事长、刘志强  总经理\n副组长：周海涛（副总经理）\n")["leader"] is None
    assert _group("成立领导小组：\n副组长：集团公司总经理、分管安全副总经理\n")["deputies"] == [
        {"title": "集团公司总经理"}, {"title": "分管安全副总经理"}]


def test_an_office_given_as_the_contacts_name_is_a_todo_and_the_number_stays():
    draft = extract(_lines("岷山县安全生产委员会办公室关于开展2024年“安全生产月”活动的通知\n各乡镇：\n联系人：保卫科  电话：0736-2210119\n"))
    assert [c.value for c in draft.contacts] == [{"role": "contact", "phone": "0736-2210119"}]
    assert any("保卫科" in t.value and "office" in t.value for t in draft.todos)


def test_a_padded_name_is_no_post_and_name_run_together():
    from compliance.importer.gates import name_and_title_unsplit
    assert name_and_title_unsplit({"name": "刘  洋"}, "") is None
    assert name_and_title_unsplit({"title": "院长 冯建国"}, "") is not None


def test_the_accuracy_bench_scores_any_folder_of_notices_and_references(tmp_path, capsys):
    from bench import import_accuracy

    (tmp_path / "a.txt").write_text("岷山县安全生产委员会办公室关于开展2024年“安全生产月”活动的通知\n各乡镇：\n"
                                    "今年6月是第23个全国“安全生产月”。\n", encoding="utf-8")
    (tmp_path / "a.yaml").write_text("format: plancheck/v1\nid: a\norg: 岷山县安全生产委员会办公室\nlevel: county\nyear: 2024\n"
                                     "edition: 22\n", encoding="utf-8")
    assert import_accuracy.main(["--dir", str(tmp_path)]) == 0
    out = capsys.readouterr().out
    assert "(1 notices: a.txt)" in out
    assert "| edition | 1 | 1 | 0 | 0% | 0% |" in out and "| org | 1 | 1 | 1 | 100% | 100% |" in out
    assert import_accuracy.main(["--dir", str(tmp_path / "none")]) == 1


def test_undated_drills_of_other_units_with_other_hazards_are_events_of_their_own():
    body = ("4.应急演练。各分公司要在6月20日前开展一次燃气管道泄漏抢险演练；液化气储配站要开展一次火灾应急演练；"
            "6月18日，公司在城东门站组织燃气泄漏着火综合应急演练。")
    drills = [a for a in _activities_of(body) if a[0] == "drill"]
    assert ("drill", None, (), ("fire",)) in drills  # kept beside a drill of another day and hazard
    assert ("drill", "2024-06-18", (), ("gas", "fire")) in drills  # 着火 is a fire
    assert ("drill", None, (), ("gas",)) not in drills  # the 6月20日 drill read again without its day


def _reports_and_dues(text: str):
    draft = extract(_lines(text))
    return ({(r.value["kind"], r.value["due"].isoformat()) for r in draft.reports if r.value.get("due")},
            {(r.value["report"], r.value["due"].isoformat()) for r in draft.requirements if r.value["type"] == "report_due"})


def test_a_district_bureau_under_a_city_reports_up_to_the_city_what_it_gathers_is_a_summary():
    head = "滨海市金湾区应急管理局关于开展2023年全区“安全生产月”活动的通知\n各街道：\n"
    own, asked = _reports_and_dues(head + "（三）6月28日前，各单位将活动总结及统计表报局应急宣教科。\n"
                                          "（四）局应急宣教科汇总全区情况后，于7月3日前报市应急管理局。\n")
    assert own == {("summary", "2023-07-03")}  # not the statistics it was sent, and 市 is above a 区's bureau
    assert asked == {("summary", "2023-06-28"), ("statistics", "2023-06-28")}


def test_a_report_named_before_the_next_deadline_belongs_to_that_deadline():
    head = "乌拉山矿业集团有限责任公司关于开展2022年“安全生产月”活动的通知\n各单位：\n"
    _, asked = _reports_and_dues(head + "3.各单位于6月底前将活动总结报集团公司安全监察部，“安全生产北疆行”活动总结于12月31日前上报。\n")
    assert asked == {("summary", "2022-06-30"), ("campaign_summary", "2022-12-31")}


def test_checks_and_lectures_in_other_words():
    found = _activities_of("（三）6月5日起至6月25日，县安委办组织3个检查组对各乡镇开展安全生产大检查。\n"
                           "（四）6月中旬，县执法大队对辖区工贸企业开展专项执法检查。\n"
                           "（五）6月份，各乡镇组织网格员开展“查找身边安全隐患”排查。\n"
                           "（六）6月上旬，公司总经理为全体员工讲授燃气安全专题课。")
    kinds = [(kind, day) for kind, day, _, _ in found]
    assert kinds.count(("hazard_inspection", None)) == 3 and ("leader_talk", None) in kinds


def test_a_schedule_line_that_opens_with_its_time_gives_the_order_its_window():
    body = ("三、活动安排\n2.6月5日前：各村（社区）召开“安全生产月”动员会。\n7.6月20日前：各村组织开展一次地质灾害避险转移演练。\n"
            "8.6月底前：辖区各中小学、幼儿园开展一次地震和火灾应急疏散演练；辖区各企业结合实际开展一次应急演练。\n"
            "9.6月8日，县安委办为各村干部举办安全生产重要论述宣讲会。")
    draft = extract(_lines(f"岷山县人民政府关于开展2025年“安全生产月”活动的通知\n各村：\n{body}\n"))
    orders = {(r.value["kind"], (r.value.get("not_after") or r.value.get("date") or "") and str(r.value.get("not_after") or r.value["date"]))
              for r in draft.requirements if r.value["type"] == "activity"}
    assert ("launch_ceremony", "2025-06-05") in orders
    assert ("study_session", "") in orders and ("study_session", "2025-06-08") not in orders  # the issuer's own 6月8日 event sets no window
    drills = {(a.value.get("sector"), a.value.get("date") and a.value["date"].isoformat(), tuple(a.value["scenarios"]))
              for a in draft.activities if a.value["kind"] == "drill"}
    assert {("rural", "2025-06-20", ("geological",)), ("school", "2025-06-30", ("earthquake", "fire")),
            ("enterprise", "2025-06-30", ())} <= drills
    assert {r.value["sector"] for r in draft.requirements if r.value["type"] == "drill_per_sector"} == {"rural", "school", "enterprise"}


def test_publicity_ordered_in_two_named_sectors_is_sectors_covered_and_the_issuers_own_is_not():
    def covered(body: str):
        draft = extract(_lines(f"岷山县安全生产委员会办公室关于开展2024年“安全生产月”活动的通知\n各乡镇：\n{body}\n"))
        return [r.value["sectors"] for r in draft.requirements if r.value["type"] == "sectors_covered"]

    assert covered("4.开展社区宣传。各社区要开展安全宣传进社区、进家庭活动。") == [["community", "family"]]
    assert covered("4.开展社区宣传。6月16日，县安委办开展安全宣传进社区、进家庭活动。") == []


@pytest.mark.parametrize(("text", "leader"), [
    ("组长：院长 冯建国", {"name": "冯建国", "title": "院长"}),
    ("组长：公司总经理\u3000姜宏伟", {"name": "姜宏伟", "title": "公司总经理"}),
    ("组长：公司总经理、姜宏伟", {"name": "姜宏伟", "title": "公司总经理"}),
    ("组长：工会主席 欧阳明华", {"name": "欧阳明华", "title": "工会主席"}),
    ("组长：集团董事长、总经理  刘志强", {"name": "刘志强", "title": "集团董事长、总经理"}),
    ("组\u3000长：韩志远\u3000集团公司董事长", {"name": "韩志远", "title": "集团公司董事长"}),
    ("组  长：王建国  镇党委副书记、镇长", {"name": "王建国", "title": "镇党委副书记、镇长"}),
])
def test_a_leader_whose_post_comes_before_or_after_the_name(text, leader):
    assert _group(f"成立领导小组。\n{text}\n")["leader"] == leader


def test_deputies_whose_posts_come_before_their_names():
    group = _group("成立领导小组。\n副组长：分管安全副总经理\u3000李建国、工会主席\u3000王芳\n"
                   "\u3000\u3000\u3000\u3000李\u3000勇\u3000集团公司安全副总经理\n成员：安全科科长，王  芳\n")
    assert group["deputies"] == [{"name": "李建国", "title": "分管安全副总经理"}, {"name": "王芳", "title": "工会主席"},
                                 {"name": "李勇", "title": "集团公司安全副总经理"}]
    assert group["members"] == [{"name": "王芳", "title": "安全科科长"}]
    two = _group("成立领导小组。\n副组长：集团公司总经理、分管安全副总经理 李建国\n")  # one deputy of two posts, or two?
    assert two["deputies"] == [{"title": "集团公司总经理"}, {"name": "李建国", "title": "分管安全副总经理"}]


@pytest.mark.parametrize(("line", "reason"), [
    ("组长：王强 李明", "not told apart"),  # two names: which is the post?
    ("组长：院长 刘永长", "not told apart"),  # two posts: 刘永长 ends as a post does
    ("组长：公司总经理刘永长", "no space before it"),  # no separator, and 刘永长 ends as a post does: where does the name start?
])
def test_a_post_and_a_name_that_cannot_be_told_apart_stay_a_todo(line, reason):
    draft = extract(_lines(f"成立领导小组。\n{line}\n"), year=2025)
    assert "leader" not in draft.leading_group
    assert [t.value for t in draft.todos if t.value.startswith("leading_group leader") and reason in t.value]


def test_a_hazard_check_held_by_the_enterprises_or_made_of_them_is_in_sector_enterprise():
    body = ("（三）6月底前，区属各企业要开展一轮隐患自查自纠；6月中旬，局执法大队对辖区危险化学品、工贸企业开展专项执法检查。\n"
            "（四）各村、辖区各企业要开展安全隐患自查自纠，6月20日前完成。\n")
    checks = sorted((a[1] or "", a[2]) for a in _activities_of(body) if a[0] == "hazard_inspection")
    assert checks == [("", ("enterprise",)), ("2024-06-20", ()), ("2024-06-30", ("enterprise",))]


def test_drills_per_sector_written_as_enumerated_parts():
    draft = extract(_lines("雁溪镇人民政府关于开展2023年“安全生产月”活动的通知\n各村（社区）：\n"
                           "（四）应急演练。一是各村（社区）要于6月25日前，组织群众开展一次防汛或地质灾害避险转移演练；"
                           "二是镇中心校及各村小要开展一次地震和火灾应急疏散演练；三是辖区各企业要开展一次综合或专项应急演练。\n"))
    drills = {r.value["sector"]: r.value["scenarios"] for r in draft.requirements if r.value["type"] == "drill_per_sector"}
    assert drills == {"rural": ["flood", "geological"], "community": ["flood", "geological"], "school": ["earthquake", "fire"],
                      "enterprise": []}


def test_a_schedule_pasted_with_padded_columns_orders_the_rows_its_addressees_hold():
    text = ("淮澜经济技术开发区管理委员会关于开展2025年全区“安全生产月”活动的通知\n各街道办事处，区内各企业：\n附件1\n"
            "序号  时间           活动内容                                   责任单位\n"
            "1     6月上旬        企业主要负责人“讲安全、谈责任”              区内各企业\n"
            "2     6月1日—20日    “查找身边安全隐患”全员隐患排查              区内各企业\n"
            "3     6月16日        “安全宣传咨询日”集中宣传活动                安监局、各街道\n"
            "4     6月20日前      企业火灾、有限空间事故应急演练              区内各企业\n")
    draft = extract(_lines(text))
    orders = sorted((r.value["type"], r.value.get("kind") or r.value.get("sector")) for r in draft.requirements)
    assert orders == [("activity", "hazard_inspection"), ("activity", "leader_talk"), ("drill_per_sector", "enterprise")]
    checks = [a.value for a in draft.activities if a.value["kind"] == "hazard_inspection"]
    assert checks[0]["sectors"] == ["enterprise"]


def test_a_heads_lecture_ordered_with_its_deadline_before_a_comma():
    draft = extract(_lines("琼澜县住房和城乡建设局关于开展2022年“安全生产月”活动的通知\n各施工企业：\n"
                           "（一）各施工企业、物业服务企业主要负责人要在6月15日前，围绕新修订的《安全生产法》为一线作业人员讲一次安全课。\n"))
    assert [(r.value["kind"], str(r.value.get("not_after"))) for r in draft.requirements if r.value["type"] == "activity"] == [
        ("leader_talk", "2022-06-15")]


def test_what_a_summary_must_contain_is_neither_an_order_nor_another_report():
    draft = extract(_lines("琼澜县住房和城乡建设局关于开展2022年“安全生产月”活动的通知\n各施工企业：\n"
                           "（二）6月28日前，各单位将活动总结报局质安站，总结要包括活动开展情况、隐患排查整改情况、典型经验做法等内容。\n"))
    assert [(r.value["type"], r.value.get("report")) for r in draft.requirements] == [("report_due", "summary")]


def test_a_full_self_check_and_dangerous_goods():
    assert [a[0] for a in _activities_of("（三）6月1日至6月20日，各作业区要对危险货物堆场开展一轮全面自查。")] == ["hazard_inspection"]
    from compliance.importer.activities import drill_scenarios
    assert drill_scenarios("危险货物泄漏或火灾事故应急演练") == ["hazardous_chemicals", "fire"]


def test_an_office_set_up_below_the_group_in_a_named_body():
    assert _group("成立领导小组：\n组  长：刘志成  镇党委副书记、镇长\n领导小组下设办公室在镇安办，负责日常工作。\n")["office"] == "镇安办"


def test_a_bureau_named_alone_on_the_first_line_or_in_the_signature_is_the_issuer():
    first = extract(_lines("琼澜县住房和城乡建设局\n关于开展2022年全县住房城乡建设领域“安全生产月”活动的通知\n各乡镇规划建设服务中心：\n"))
    assert (first.value("org"), first.value("level")) == ("琼澜县住房和城乡建设局", "department")
    signed = extract(_lines("关于开展2022年全市卫生健康系统“安全生产月”活动的通知\n各县（市、区）卫生健康局：\n今年6月是第21个全国“安全生产月”。\n"
                            "荆川市卫生健康委员会\n2022年5月25日\n"))
    assert (signed.value("org"), signed.value("level")) == ("荆川市卫生健康委员会", "department")
    addressees = extract(_lines("关于开展2022年“安全生产月”活动的通知\n各县应急管理局\n2022年5月25日\n"))
    assert addressees.value("org") is None


def test_a_contact_block_with_a_padded_label_and_a_liaison_named_after_an_office():
    draft = extract(_lines("荆川市卫生健康委员会关于开展2022年“安全生产月”活动的通知\n"
                           "（一）各单位要成立相应的活动领导小组，明确具体科室和1名联络员，于5月31日前将联络员信息报委规划信息科。\n"
                           "联 系 人：市局安全生产综合协调科  郑晓明\n联系电话：0318-2156789  13831812345\n电子邮箱：hzyjzhk@163.com\n"))
    assert [c.value for c in draft.contacts] == [{"name": "郑晓明", "role": "contact", "phone": "13831812345", "email": "hzyjzhk@163.com"}]
    assert [r.value["role"] for r in draft.requirements if r.value["type"] == "contact"] == ["liaison"]


def test_an_items_heading_names_the_event_its_body_dates():
    draft = extract(_lines("榕屿港务物流有限公司关于开展2024年“安全生产月”活动的通知\n各部门：\n"
                           "（六）公众开放日。6月下旬，公司邀请港区周边居民代表走进危险货物监控中心，参观体验港口安全管理。\n"
                           "（七）网上答题。6月10日至6月20日，公司组织开展“港口安全知识网上答题”活动，全体员工均要参加。\n"
                           "（八）警示教育。6月份，各单位要组织职工观看《生命重于泰山》电视专题片。\n"))
    found = sorted((a.value["kind"], str(a.value.get("start"))) for a in draft.activities)
    assert found == [("knowledge_contest", "2024-06-10"), ("open_day", "2024-06-21"), ("warning_education", "2024-06-01")]
    assert [(r.value["kind"], str(r.value.get("not_before"))) for r in draft.requirements if r.value["type"] == "activity"] == [
        ("warning_education", "2024-06-01")]


def test_an_event_named_by_its_heading_that_the_addressees_only_join_orders_nothing():
    draft = extract(_lines("晋通高速公路集团有限公司关于开展2024年“安全生产月”活动的通知\n各子公司：\n"
                           "6.知识竞赛。6月中旬，集团公司举办全员安全生产知识网络竞赛，各子公司要组织职工参赛。\n"))
    assert [a.value["kind"] for a in draft.activities] == ["knowledge_contest"]
    assert not [r for r in draft.requirements if r.value["type"] == "activity"]


def test_a_schools_own_pupils_and_staff_are_in_no_sector():
    draft = extract(_lines("滇溪县第一中学\n2024年“安全生产月”暨校园安全教育活动实施方案\n各年级组、各处室：\n"
                           "4．应急疏散演练。6月12日下午，组织全校师生开展防地震应急疏散演练。\n"
                           "9．教职工培训。6月底前，总务处组织全体教职工开展消防安全培训。\n"
                           "6．致家长的一封信。政教处通过“小手拉大手”开展安全宣传进家庭活动。\n"))
    assert sorted((a.value["kind"], tuple(a.value.get("sectors") or [a.value.get("sector")])) for a in draft.activities) == [
        ("drill", (None,)), ("publicity", ("family",)), ("training", (None,))]
    assert not draft.todos


def test_drills_given_each_kind_of_unit_its_own_hazard_after_a_colon():
    draft = extract(_lines("关于开展2025年临江街道“安全生产月”活动的通知\n各居委会：\n"
                           "（三）应急演练。各居委会、各物业服务企业、辖区各企业要在6月25日前分别组织开展一次应急演练：居委会以高层住宅火灾疏散为重点，"
                           "物业服务企业以防汛排涝为重点，企业以生产安全事故或火灾为重点。6月18日，街道将在临江苑小区开展电动自行车充电火灾处置演练。\n"
                           "上海市滨浦区人民政府临江街道办事处\n2025年5月26日\n"))
    drills = sorted((a.value.get("sector") or "-", tuple(a.value["scenarios"]), str(a.value.get("date"))) for a in draft.activities)
    assert drills == [("-", ("ebike_charging",), "2025-06-18"), ("community", ("high_rise",), "2025-06-25"),
                      ("enterprise", ("flood", "industry_accident", "fire"), "2025-06-25")]
    orders = {r.value["sector"]: (r.value["scenarios"], r.value["any_of"]) for r in draft.requirements if r.value["type"] == "drill_per_sector"}
    assert orders == {"community": (["high_rise"], False), "enterprise": (["flood", "industry_accident", "fire"], True)}
    assert not [r for r in draft.requirements if r.value["type"] == "activity"]


def test_a_lecture_of_one_period_and_a_knock_on_the_door_in_quotes():
    found = _activities_of("（二）各县（市、区）应急管理局主要负责人要在6月15日前，为本单位干部职工讲一堂安全生产专题课。\n"
                           "（六）各居委会要组织楼组长开展“安全敲门”行动，6月底前实现独居老人全覆盖。")
    assert [(kind, day) for kind, day, _, _ in found] == [("leader_talk", "2024-06-15"), ("door_to_door", "2024-06-30")]


def test_an_undated_publicity_order_is_implied_by_the_sectors_it_must_cover():
    draft = extract(_lines("祁丰县安全生产委员会办公室关于开展2024年“安全生产月”活动的通知\n各乡镇：\n"
                           "（五）深入开展安全宣传“五进”活动。各乡镇、各有关部门要推动安全宣传进企业、进农村、进社区、进学校、进家庭，"
                           "利用农村大喇叭宣传应急避险知识。\n"))
    assert [r.value["type"] for r in draft.requirements] == ["sectors_covered"]
    dated = extract(_lines("松江燃气集团有限公司关于开展2024年“安全生产月”活动的通知\n各分公司：\n"
                           "2.6月1日至6月25日，各分公司要同步开展安全宣传进社区、进家庭活动。\n"))
    assert sorted(r.value["type"] for r in dated.requirements) == ["activity", "sectors_covered"]


def test_an_e_bikes_fire_is_the_e_bike_hazard_and_a_traffic_accident_is_traffic():
    from compliance.importer.activities import drill_scenarios
    assert drill_scenarios("电动自行车火灾或台风防御应急演练") == ["ebike_charging", "weather"]
    assert drill_scenarios("电瓶车起火处置演练") == ["ebike_charging"]
    assert drill_scenarios("隧道交通事故应急救援演练") == ["traffic"]


def test_a_schedule_row_repeating_a_drill_the_text_orders_in_one_sector_is_that_drill():
    draft = extract(_lines("祁丰县安全生产委员会办公室关于开展2024年“安全生产月”活动的通知\n各乡镇：\n"
                           "（三）开展应急演练。6月20日前，各乡镇要组织辖区各村至少开展1次地质灾害或防汛应急演练。\n"
                           "附件2\n序号\t时间\t活动内容\t责任单位\n1\t6月3日\t全县“安全生产月”活动启动仪式\t县安委办\n"
                           "2\t6月20日前\t地质灾害或防汛应急演练\t各乡镇\n"))
    drills = {(tuple(a.value.get("sectors") or [a.value.get("sector")]), str(a.value.get("date"))) for a in draft.activities if a.value["kind"] == "drill"}
    assert drills == {(("rural",), "2024-06-20")}
    assert [(r.value["type"], r.value.get("sector")) for r in draft.requirements if "drill" in r.value["type"] + str(r.value.get("kind"))] == [
        ("drill_per_sector", "rural")]


def test_drills_ordered_for_units_of_one_trade_are_drills_per_sector():
    draft = extract(_lines("黔山县交通运输局关于开展2022年全县交通运输行业“安全生产月”活动的通知\n各道路运输企业：\n"
                           "（三）开展应急演练\n6月25日前，各道路运输企业要开展一次道路交通事故或车辆火灾应急演练；"
                           "各在建项目施工单位要开展一次防汛或地质灾害应急演练。\n"))
    orders = [(r.value["type"], r.value.get("sector"), tuple(r.value.get("scenarios", ())), r.value.get("any_of")) for r in draft.requirements]
    assert orders == [("drill_per_sector", "enterprise", ("traffic", "fire"), True), ("drill_per_sector", "enterprise", ("flood", "geological"), True)]


def test_a_drill_whose_units_of_one_sector_come_before_it_but_whose_sector_was_not_read_is_a_todo():
    draft = extract(_lines("岷山县安全生产委员会办公室关于开展2024年“安全生产月”活动的通知\n各乡镇：\n"
                           "（三）三是各中心校、村小要在6月25日前开展防溺水应急演练。\n"
                           "（四）6月下旬，由各社区牵头，组织物业开展一次电梯困人应急演练。\n"))
    assert not [a for a in draft.activities if a.value["kind"] == "drill"]
    assert not [r for r in draft.requirements if r.value.get("kind") == "drill"]
    reasons = [t.value for t in draft.todos]
    assert any("中心校 are named before it" in r for r in reasons)
    assert any(r.startswith("requirement {type: activity, kind: drill") and "ordered for 社区" in r for r in reasons)
    own = extract(_lines("榕屿港务物流有限公司关于开展2024年“安全生产月”活动的通知\n各作业区：\n"
                         "（四）6月25日前，各作业区要开展一次危险货物泄漏应急演练。\n"))
    assert [a.value["kind"] for a in own.activities] == ["drill"] and not own.todos


def test_a_consultation_day_under_a_heading_or_in_a_schedule_is_ordered_when_its_clause_addresses_the_level_below():
    heading = extract(_lines("黔山县交通运输局关于开展2022年全县交通运输行业“安全生产月”活动的通知\n各道路运输企业：\n"
                             "（四）开展“安全宣传咨询日”活动\n"
                             "6月16日，局在县客运站设立安全宣传咨询点，各道路运输企业同步在车站、码头开展宣传咨询活动。\n"))
    assert [(r.value["kind"], str(r.value["date"])) for r in heading.requirements if r.value["type"] == "activity"] == [
        ("consultation_day", "2022-06-16")]
    row = extract(_lines("祁丰县安全生产委员会办公室关于开展2024年“安全生产月”活动的通知\n各乡镇：\n"
                         "（四）开展安全宣传咨询日活动。6月16日，县安委办在县城东湖广场举办全县“安全宣传咨询日”主场活动，各乡镇同步开展分会场活动。\n"
                         "附件2\n序号\t时间\t活动内容\t责任单位\n5\t6月16日\t“安全宣传咨询日”活动\t县安委办、各乡镇\n"))
    assert [r.value["kind"] for r in row.requirements if r.value["type"] == "activity"] == ["consultation_day"]
    passing = extract(_lines("江南街道办事处关于开展2024年江南街道安全生产月活动的通知\n各社区居委会：\n"
                             "今年6月是第23个全国“安全生产月”，6月16日为全国“安全宣传咨询日”。\n"
                             "三、精心组织开展系列活动\n组织参加区安办牵头开展的“安全宣传咨询日”主场活动，现场提供安全咨询。各社区要结合实际，组织举行安全倡议。\n"))
    assert not [r for r in passing.requirements if r.value.get("kind") == "consultation_day"]


def test_a_workshop_heads_lecture_a_launch_meeting_and_a_study_are_ordered():
    draft = extract(_lines("浙江永锐五金制品有限公司\n关于印发2023年“安全生产月”活动实施方案的通知\n公司各部门、各车间：\n"
                           "1、启动动员。6月1日早会后，公司召开“安全生产月”启动大会，董事长作动员讲话。\n"
                           "2、负责人讲安全课。6月15日前，各车间主任要在班前会上为本车间员工讲安全课。\n"))
    assert sorted((a.value["kind"], str(a.value.get("date"))) for a in draft.activities) == [
        ("launch_ceremony", "2023-06-01"), ("leader_talk", "2023-06-15")]
    assert [(r.value["kind"], str(r.value.get("not_after"))) for r in draft.requirements if r.value["type"] == "activity"] == [
        ("leader_talk", "2023-06-15")]
    towns = extract(_lines("祁丰县安全生产委员会办公室关于开展2024年“安全生产月”活动的通知\n各乡镇：\n"
                           "（一）6月上旬，各乡镇要通过专题会议等形式，集中学习习近平总书记关于安全生产的重要论述。\n"
                           "（二）各村（社区）要在6月8日前召开“两委”会议进行专题部署。\n"))
    assert sorted((r.value["kind"], str(r.value.get("not_after"))) for r in towns.requirements if r.value["type"] == "activity") == [
        ("launch_ceremony", "2024-06-08"), ("study_session", "2024-06-10")]


def test_members_labelled_zuyuan_and_a_companys_summary_to_its_parks_office():
    group = _group("组长：林永锐（董事长）\n组员：各车间主任\n")
    assert group["members"] == [{"title": "各车间主任"}]
    draft = extract(_lines("浙江永锐五金制品有限公司\n关于印发2023年“安全生产月”活动实施方案的通知\n公司各部门、各车间：\n"
                           "（三）各部门、各车间于6月26日前将活动总结报安环部，安环部汇总后于6月30日前报东港工业园区安监办。\n"))
    assert [(r.value["kind"], str(r.value["due"])) for r in draft.reports] == [("summary", "2023-06-30")]


def test_an_event_ordered_before_a_clause_that_sends_its_record_up_is_still_ordered():
    found = _activities_of("（十）各相关企业要在6月份开展一次应急预案演练，演练情况于6月28日前报县应急管理局。")
    assert [(kind, sectors) for kind, _, sectors, _ in found] == [("drill", ("enterprise",))]
    draft = extract(_lines("岷山县安全生产委员会办公室关于开展2024年“安全生产月”活动的通知\n各乡镇：\n"
                           "（十）各相关企业要在6月份开展一次应急预案演练，演练情况于6月28日前报县应急管理局。\n"))
    drill = next(a.value for a in draft.activities if a.value["kind"] == "drill")
    assert (str(drill.get("start")), str(drill.get("end"))) == ("2024-06-01", "2024-06-30")
    assert _activities_of("（二）各科室于6月25日前将演练记录、培训签到表等材料报保卫科。") == []


def test_a_drill_aimed_at_a_season_takes_its_hazards_from_its_own_words():
    found = _activities_of("（一）各乡镇要针对汛期特点，组织开展防汛抢险、山洪灾害避险转移演练。")
    assert [scenarios for kind, _, _, scenarios in found if kind == "drill"] == [("flood",)]


def test_a_heading_that_says_an_event_is_held_gives_its_kind_to_the_body_that_dates_it():
    draft = extract(_lines("安宁市林业和草原局\n关于开展2024年全市林草系统“安全生产月”活动的通知\n各县（区）林业和草原局：\n"
                           "（五）开展警示教育。6月中旬，各单位组织干部职工观看《生命重于泰山》专题片。\n"))
    assert [(a.value["kind"], str(a.value.get("start"))) for a in draft.activities] == [("warning_education", "2024-06-11")]
    assert [(r.value["kind"], str(r.value.get("not_before"))) for r in draft.requirements if r.value["type"] == "activity"] == [
        ("warning_education", "2024-06-11")]


def test_units_named_only_where_the_issuers_own_event_is_broadcast_are_not_told_to_hold_it():
    draft = extract(_lines("青龙山镇人民政府关于印发2022年“安全生产月”活动实施方案的通知\n各村（社区）：\n"
                           "（八）开展企业负责人谈安全系列活动。在活动期间录制专题系列访谈，每周组织镇内重点企业负责人进行专题录制，"
                           "并在主流媒体和各行业领域自媒体公众号播出宣传。\n"))
    assert not [r for r in draft.requirements if r.value["type"] == "activity"]
    assert any("only take part" in t.value for t in draft.todos)


def test_members_that_are_bodies_sharing_the_last_ones_post_and_no_body_as_a_name():
    group = _group("组  长：孙立新  街道党工委副书记、办事处主任\n成  员：应急办、平安办、社区办、城管科、综合执法大队负责人\n")
    assert group["members"] == [{"title": "应急办负责人"}, {"title": "平安办负责人"}, {"title": "社区办负责人"}, {"title": "城管科负责人"},
                                {"title": "综合执法大队负责人"}]
    from compliance.importer.gates import name_is_body
    assert name_is_body({"name": "应急办"}, "") and not name_is_body({"name": "孙立新"}, "")


PUBLICITY_SUB_ITEMS = ("新港街道办事处关于开展2023年“安全生产月”活动的实施方案\n各社区居委会、辖区各生产经营单位：\n"
                       "（二）实施阶段（6月6日—6月25日）\n1.安全宣传“进社区、进企业、进家庭”。\n"
                       "进社区：各社区要利用宣传栏、楼宇电视播放安全提示，组织居民参加应急知识讲座。\n"
                       "进企业：各生产经营单位要组织员工开展岗位练兵和安全培训。\n"
                       "进家庭：各社区要向居民发放《家庭安全手册》，开展家庭燃气安全自查。\n")


def test_publicity_written_as_sub_items_per_sector_is_one_event_per_sector_and_the_sectors_to_cover():
    draft = extract(_lines(PUBLICITY_SUB_ITEMS))
    publicity = sorted(tuple(a.value.get("sectors") or [a.value.get("sector")]) for a in draft.activities if a.value["kind"] == "publicity")
    assert publicity == [("community",), ("enterprise",), ("family",)]
    covered = [r.value["sectors"] for r in draft.requirements if r.value["type"] == "sectors_covered"]
    assert covered == [["community", "enterprise", "family"]]
    assert not [r for r in draft.requirements if r.value.get("kind") == "publicity" and r.value["type"] == "activity"]
    assert not [t for t in draft.todos if "publicity" in t.value]


def test_a_drill_does_not_take_the_hazards_of_the_next_units_drill_in_its_sentence():
    draft = extract(_lines("黔北能源集团有限责任公司\n关于开展2025年“安全生产月”活动的通知\n各子（分）公司，各煤矿：\n"
                           "4.应急演练。各煤矿要在6月20日前开展一次瓦斯爆炸或透水事故应急演练，各非煤子公司要开展一次火灾应急演练。\n"))
    drills = sorted((str(a.value.get("date")), tuple(a.value["scenarios"])) for a in draft.activities if a.value["kind"] == "drill")
    assert drills == [("2025-06-20", ()), ("None", ("fire",))]


def test_a_month_named_only_in_passing_sets_no_period_for_the_level_below():
    opening = extract(_lines("沈北市浑河区安全生产委员会办公室\n关于开展2023年全区“安全生产月”活动的通知\n各街道办事处：\n"
                             "今年6月是第22个全国“安全生产月”，主题为“人人讲安全、个个会应急”。\n（一）各街道要于5月31日前将活动方案报区安委办。\n"))
    assert opening.value("period") and not [r for r in opening.requirements if r.value["type"] == "period"]
    assert any("no 活动时间 section" in t.value for t in opening.todos)
    section = extract(_lines("沈北市浑河区安全生产委员会办公室\n关于开展2023年全区“安全生产月”活动的通知\n各街道办事处：\n"
                             "一、时间安排\n2023年6月1日至6月30日。\n"))
    assert [r.value["basis"] for r in section.requirements if r.value["type"] == "period"] == ["一"]


def test_a_drill_one_named_department_holds_with_a_sectors_units_is_no_order_of_the_level_below():
    draft = extract(_lines("沈北市浑河区安全生产委员会办公室\n关于开展2023年全区“安全生产月”活动的通知\n各街道办事处：\n"
                           "（六）应急演练。区教育局要组织全区中小学开展防溺水、防踩踏应急疏散演练。\n"))
    assert [a.value.get("sectors") for a in draft.activities] == [["school"]]
    assert not [r for r in draft.requirements if "drill" in r.value["type"] + str(r.value.get("kind"))]
    assert any("given to one named body (区教育局)" in t.value for t in draft.todos)
    shared = extract(_lines("沈北市浑河区安全生产委员会办公室\n关于开展2023年全区“安全生产月”活动的通知\n各街道办事处：\n"
                            "（六）应急演练。各街道要在6月25日前组织一次防汛应急演练；区教育局组织全区中小学开展防溺水、防踩踏应急疏散演练。\n"))
    assert [(r.value["type"], r.value.get("kind")) for r in shared.requirements] == [("activity", "drill")]


def test_a_schedule_row_held_by_the_addressees_own_offices_orders_its_event():
    draft = extract(_lines("洛川县应急管理局\n关于开展2024年全县应急管理系统“安全生产月”活动的通知\n各乡镇应急管理办公室，局机关各股室：\n"
                           "二、重点活动安排\n序号\t活动名称\t时间\t牵头单位\t配合单位\n1\t“安全生产月”启动仪式\t6月3日\t局办公室\t各乡镇应急办\n"
                           "2\t主要负责人讲安全课\t6月10日前\t各乡镇应急办\t局机关各股室\n5\t安全宣传咨询日\t6月16日\t局宣教股\t各乡镇应急办\n"))
    assert [(r.value["kind"], str(r.value.get("not_after"))) for r in draft.requirements if r.value["type"] == "activity"] == [
        ("leader_talk", "2024-06-10")]


def test_a_post_run_on_to_a_name_is_read_when_only_one_cut_leaves_a_post_and_a_name():
    group = _group("组长：公司总经理姜宏伟\n组员：生产部经理蒋文杰、安环部经理郑丽、各车间主任\n")
    assert group["leader"] == {"name": "姜宏伟", "title": "公司总经理"}
    assert group["members"] == [{"name": "蒋文杰", "title": "生产部经理"}, {"name": "郑丽", "title": "安环部经理"}, {"title": "各车间主任"}]
    from compliance.importer.people import _post_run_on_name
    assert _post_run_on_name("镇长助理") is None and _post_run_on_name("主任科员") is None


def test_events_named_as_means_goals_or_circumstances_or_under_the_aims_are_todos():
    draft = extract(_lines("青山镇人民政府关于开展2024年“安全生产月”活动的通知\n各村（社区），辖区各企业：\n"
                           "一、指导思想\n以习近平新时代中国特色社会主义思想为指导，深入学习贯彻习近平总书记关于安全生产重要论述，"
                           "通过开展隐患排查、应急演练、安全宣传等系列活动，进一步强化安全意识。\n"
                           "二、活动目标\n实现全镇企业隐患排查全覆盖，学校应急演练全覆盖。\n"
                           "三、活动内容\n（五）总结提高。各村要认真总结活动中的好经验好做法，对演练中发现的问题及时整改。\n"
                           "（六）各村要把“安全生产月”活动与安全隐患排查整治、防汛备汛工作结合起来，统筹推进。\n"
                           "（七）各企业在演练时要确保安全，严防演练过程中发生次生事故。\n"
                           "（八）6月20日前，各村要开展一次防汛应急演练。\n"))
    assert {(a.value["kind"], tuple(a.value.get("sectors") or [a.value.get("sector")])) for a in draft.activities} == {("drill", ("rural",))}
    assert [r.value["type"] for r in draft.requirements] == ["drill_per_sector"]
    reasons = " ".join(t.value for t in draft.todos)
    assert "named only in passing" in reasons and "section of aims" in reasons


def test_five_sectors_within_one_paragraph_are_one_publicity_unless_each_has_a_part_of_its_own():
    one = _activities_of("（六）选树一批“五进”安全宣传活动精品典型。各企业、各相关部门要围绕农事活动开展安全宣传进农村活动；"
                         "围绕居家安全开展安全宣传进社区活动；重点围绕学生安全，开展安全宣传进学校活动；重点围绕家庭安全隐患查找，开展安全宣传进家庭活动。")
    assert [(kind, sorted(sectors)) for kind, _, sectors, _ in one if kind == "publicity"] == [("publicity", ["community", "family", "rural", "school"])]
    parts = _activities_of("（五）持续推进安全宣传“四进”工作。进企业方面，组织指导企业培育安全文化；进社区方面，要开展“进门入户送安全”宣传；"
                           "进学校方面，要将安全教育融入日常教学；进家庭方面，面向社会公众普及燃气安全知识。")
    found = [sectors for kind, _, sectors, _ in parts if kind == "publicity"]
    assert len(found) >= 3 and all(len(sectors) == 1 for sectors in found)


def test_a_time_that_runs_on_to_an_end_of_another_form_is_read_as_its_span_or_not_at_all():
    from compliance.importer.activities import when_in
    assert when_in("6月中旬至7月上旬，各村要组织开展防汛应急演练。", 2024)[0] == {"start": date(2024, 6, 11), "end": date(2024, 7, 10)}
    assert when_in("6月20日至7月上旬，各村要开展防汛演练。", 2024)[0] == {"start": date(2024, 6, 20), "end": date(2024, 7, 10)}
    assert when_in("6月下旬至7月15日，各企业要开展自查。", 2024)[0] == {"start": date(2024, 6, 21), "end": date(2024, 7, 15)}
    assert when_in("6月中旬至下旬，各村要开展演练。", 2024) is None  # an end it cannot read: the clerk's
    assert when_in("6月1日至20日，各村要开展演练。", 2024)[0] == {"start": date(2024, 6, 1), "end": date(2024, 6, 20)}


def test_a_gathered_report_sends_on_all_that_was_sent_in_not_what_the_last_clause_names():
    draft = extract(_lines("岷山县安全生产委员会办公室关于开展2024年“安全生产月”活动的通知\n各乡镇：\n"
                           "（五）请各乡镇于6月28日前将活动总结、统计表和1个典型案例报送县安委办，县安委办将于7月5日前汇总报市安委办。\n"))
    assert sorted((r.value["kind"], str(r.value["due"])) for r in draft.reports) == [
        ("cases", "2024-07-05"), ("statistics", "2024-07-05"), ("summary", "2024-07-05")]


def test_contacts_each_with_their_own_number_and_a_group_written_role_first():
    draft = extract(_lines("岷山县安全生产委员会办公室关于开展2024年“安全生产月”活动的通知\n各乡镇：\n联系人：张三（13912345678）；李四（13887654321）\n"))
    assert [(c.value["name"], c.value["phone"]) for c in draft.contacts] == [("张三", "13912345678"), ("李四", "13887654321")]
    one = extract(_lines("岷山县安全生产委员会办公室关于开展2024年“安全生产月”活动的通知\n各乡镇：\n联系人：赵建明，电话：0871-68012345，13908712345\n"))
    assert [(c.value["name"], c.value["phone"]) for c in one.contacts] == [("赵建明", "13908712345")]
    group = _group("成立活动领导小组。组长由公司总经理担任，副组长由分管安全副总经理担任，成员由各部门负责人组成。\n")
    assert (group["leader"], group["deputies"], group["members"]) == (
        {"title": "公司总经理"}, [{"title": "分管安全副总经理"}], [{"title": "各部门负责人"}])


def test_a_standing_committee_member_is_a_post():
    assert _group("组长：县委常委、常务副县长 马骏\n")["leader"] == {"name": "马骏", "title": "县委常委、常务副县长"}


def test_mountain_floods_and_debris_flows_and_no_hazard_from_the_units_name():
    found = _activities_of("（四）各村要针对山洪、泥石流等灾害开展避险转移演练。\n（七）各景区要开展游客踩踏事故应急演练。")
    assert sorted(scenarios for kind, _, _, scenarios in found if kind == "drill") == [("flood", "geological"), ("stampede",)]


def test_how_an_event_is_to_be_held_orders_none():
    draft = extract(_lines("岷山县安全生产委员会办公室关于开展2024年“安全生产月”活动的通知\n各乡镇：\n"
                           "（二）注重实效。各单位开展应急演练要贴近实战，严禁“演而不练”，坚决防止形式主义。\n"
                           "（三）各村防汛演练要在6月20日前完成。\n"))
    assert [str(a.value.get("date")) for a in draft.activities] == ["2024-06-20"]
    assert any("a manner" in t.value for t in draft.todos)


def test_a_theme_written_without_quotes_or_named_by_what_follows_it_and_a_time_section_in_one_sentence():
    def read(body):
        return extract(_lines("岷山县安全生产委员会办公室关于开展2024年“安全生产月”活动的通知\n各乡镇：\n今年6月是第23个全国“安全生产月”。\n" + body + "\n"))
    assert read("今年全国“安全生产月”活动主题为：人人讲安全、个个会应急——畅通生命通道。").value("theme") == "人人讲安全、个个会应急——畅通生命通道"
    around = read("围绕“人人讲安全、个个会应急——畅通生命通道”主题，各乡镇要结合实际开展活动。")
    assert around.value("theme") == "人人讲安全、个个会应急——畅通生命通道"
    assert [r.value["type"] for r in around.requirements] == ["theme"]
    assert [r.value["type"] for r in read("活动时间为2024年6月全月。").requirements] == ["period"]


def test_a_liaison_with_the_number_asked_for_and_one_named_as_a_person_in_charge():
    def liaisons(body):
        draft = extract(_lines("岷山县安全生产委员会办公室关于开展2024年“安全生产月”活动的通知\n各乡镇：\n" + body + "\n"))
        return [r.value.get("require_phone", False) for r in draft.requirements if r.value["type"] == "contact"]
    assert liaisons("（二）各单位要确定一名联络员，并于5月30日前将联络员姓名、职务、联系电话报县安委办。") == [True]
    assert liaisons("（一）各县（市、区）应急管理局要成立活动领导小组，明确1名联络员，于5月31日前将活动方案和联络员回执报市局。") == [False]
    assert liaisons("（三）请各乡镇指定专人担任联络员。") == [False]


def test_a_leading_group_asked_with_a_section_in_charge_asks_for_an_office():
    draft = extract(_lines("荆川市卫生健康委员会关于开展2022年“安全生产月”活动的通知\n各县（市、区）卫生健康局：\n"
                           "（一）各单位要成立相应的活动领导小组，明确具体科室和1名联络员，于5月31日前将联络员信息报委规划信息科。\n"))
    assert [r.value["require_office"] for r in draft.requirements if r.value["type"] == "leading_group"] == [True]


def test_addressees_named_with_a_bracketed_list_or_a_sub_venue_are_told_to_hold_the_consultation_day():
    def orders(body):
        draft = extract(_lines("衡泽市应急管理局\n关于开展2023年全市应急管理系统“安全生产月”活动的通知\n各县（市、区）应急管理局：\n" + body + "\n"))
        return [r.value["kind"] for r in draft.requirements if r.value["type"] == "activity"]
    assert orders("（五）开展“安全宣传咨询日”活动。6月16日，各县（市、区）应急管理局要在人员密集场所设立咨询点，集中开展安全宣传咨询活动。") == [
        "consultation_day"]
    assert orders("5.安全宣传咨询日。6月16日，公司在市政广场设立燃气安全咨询台，各分公司设立分会场。") == ["consultation_day"]
    assert orders("（一）召开动员部署会。5月31日，市局召开全市“安全生产月”动员部署视频会议，各县（市）区应急管理局主要负责同志在分会场参加。") == []


def test_a_check_to_complete_by_a_day_and_four_sectors_listed_without_naming_five_jin_are_ordered():
    draft = extract(_lines("惠州市惠湖区龙溪街道办事处\n关于印发活动工作方案的通知\n各村（社区），辖区各企业：\n"
                           "（四）企业安全生产检查。辖区各企业要在6月15日前完成一次全面隐患自查。\n"
                           "四、宣传教育\n结合“查找身边安全隐患”主题，广泛开展安全宣传进农村、进学校、进企业、进家庭活动。\n"), year=2025)
    assert [(r.value["kind"], str(r.value.get("not_after"))) for r in draft.requirements if r.value["type"] == "activity"] == [
        ("hazard_inspection", "2025-06-15")]
    assert [r.value["sectors"] for r in draft.requirements if r.value["type"] == "sectors_covered"] == [["rural", "school", "enterprise", "family"]]


def test_each_units_drill_in_one_sentence_keeps_its_own_hazards_and_one_sector_merges_their_orders(tmp_path):
    body = ("（二）开展应急疏散演练。各学校要在6月20日前至少组织1次全员参与的火灾或地震应急疏散演练，幼儿园要开展防踩踏演练。\n"
            "农村要针对气象、地质、洪涝和火灾事故灾害，社区要针对高层建筑、大型商业综合体等场所风险防控组织一次逃生演练。")
    found = {(sectors, scenarios) for kind, _, sectors, scenarios in _activities_of(body) if kind == "drill"}
    assert found == {(("school",), ("fire", "earthquake")), (("school",), ("stampede",)), (("rural",), ("weather", "geological", "flood", "fire")),
                     (("community",), ("high_rise", "commercial_complex"))}
    notice = tmp_path / "schools.txt"
    notice.write_text("青川区教育局\n关于开展2024年全区教育系统“安全生产月”活动的通知\n各中小学、幼儿园：\n" + body.split("\n")[0] + "\n", encoding="utf-8")
    output = tmp_path / "schools.yaml"
    assert run_cli("import", notice, "-o", output).code == 0
    assert "school: {min: 1, scenarios_any: [fire, earthquake, stampede]}" in output.read_text(encoding="utf-8")


def test_drills_ordered_after_an_item_number_or_dated_by_the_next_sentence_keep_their_sector_and_deadline():
    numbered = "3.各重点企业要针对本单位风险特点，组织开展生产安全事故或危险化学品泄漏应急演练，全面检验应急预案，演练于6月25日前完成。"
    assert ("drill", "2024-06-25", ("enterprise",), ("industry_accident", "hazardous_chemicals")) in _activities_of(numbered)
    body = ("（三）组织开展应急演练。各苏木镇要组织嘎查开展一次草原火灾或防汛应急演练；各露天煤矿、非煤矿山要开展一次边坡坍塌和透水事故应急演练；"
            "各中小学校要开展一次地震应急疏散演练。上述演练须于6月25日前完成。")
    found = {(day, sectors, scenarios) for kind, day, sectors, scenarios in _activities_of(body, 2022) if kind == "drill"}
    assert found == {("2022-06-25", ("rural",), ("fire", "flood")), ("2022-06-25", ("enterprise",), ()),
                     ("2022-06-25", ("school",), ("earthquake",))}


def test_a_leading_group_written_with_yi_wei_and_a_post_of_fuze_tongzhi_and_none_read_from_a_group_to_set_up():
    group = _group("（一）加强组织领导。旗安委会成立以旗委常委、副旗长巴特尔为组长，旗应急管理局局长乌日娜为副组长，"
                   "旗委宣传部、旗教育局、旗消防救援大队主要负责同志为成员的活动领导小组，办公室设在旗应急管理局。")
    assert group["leader"] == {"name": "巴特尔", "title": "旗委常委、副旗长"}
    assert group["deputies"] == [{"name": "乌日娜", "title": "旗应急管理局局长"}]
    assert group["members"] == [{"title": "旗委宣传部主要负责同志"}, {"title": "旗教育局主要负责同志"}, {"title": "旗消防救援大队主要负责同志"}]
    ordered = _group("（一）加强组织领导。各县（市、区）教育局、市直属各学校要成立由主要负责同志任组长的“安全生产月”活动领导小组，明确专门科室负责具体工作。")
    assert ordered["leader"] is None


def test_drills_listed_below_an_order_ending_qizhong_are_its_drills_dated_by_it_and_its_heading_is_no_other_drill():
    body = ("（二）组织开展应急疏散演练\n1.各中小学校、幼儿园要于6月20日前至少组织开展一次全体师生参加的应急疏散演练，其中：\n"
            "（1）寄宿制学校要开展一次宿舍夜间火灾疏散演练；\n（2）沿河沿湖学校要开展一次防溺水应急演练；\n（3）其他学校要开展一次地震或火灾应急疏散演练。")
    drills = sorted((day, sectors, scenarios) for kind, day, sectors, scenarios in _activities_of(body, 2025) if kind == "drill")
    assert drills == [("2025-06-20", ("school",), ("drowning",)), ("2025-06-20", ("school",), ("earthquake", "fire")),
                      ("2025-06-20", ("school",), ("fire",))]


def test_units_in_brackets_village_schools_a_closing_yishang_deadline_and_cadres_at_a_contest_read_as_written():
    drills = {(day, tuple(sorted(sectors)), scenarios) for kind, day, sectors, scenarios in _activities_of(
        "汛期已至，各苏木镇要组织嘎查（社区）开展一次防汛应急演练，镇中心小学及各村小要开展一次地震应急疏散演练，辖区各企业要开展一次消防应急演练，"
        "以上演练均须在6月25日前完成。", 2023) if kind == "drill"}
    assert drills == {("2023-06-25", ("community", "rural"), ("flood",)), ("2023-06-25", ("school",), ("earthquake",)),
                      ("2023-06-25", ("enterprise",), ("fire",))}
    assert _activities_of("（六）开展知识竞赛。旗应急管理局将于6月中旬组织开展全旗安全生产知识网络竞赛，各苏木镇、各部门、各企业要积极组织干部职工参加。") == [
        ("knowledge_contest", None, (), ())]
    kinds = [kind for kind, *_ in _activities_of("镇党委将于6月2日召开全镇安全生产工作会议，对“安全生产月”活动进行动员部署。"
                                                 "各乡镇（街道）、县直各部门主要负责同志要带头讲授一次安全公开课。")]
    assert kinds == ["launch_ceremony", "leader_talk"]


def _requirement_types(text: str) -> list[str]:
    return [r.value["type"] for r in extract(_lines(text), year=2025).requirements]


def test_a_theme_followed_in_the_aims_is_no_order_and_a_group_to_set_up_in_other_words_is():
    head = "皖阳市教育局关于开展2025年全市教育系统“安全生产月”活动的通知\n各县（市、区）教育局：\n今年6月是第24个全国“安全生产月”，主题为“人人讲安全、个个会应急——查找身边安全隐患”。\n"
    aims = "一、指导思想\n坚持安全第一，围绕“人人讲安全、个个会应急——查找身边安全隐患”主题，全面提升师生安全素养。\n"
    assert "theme" not in _requirement_types(head + aims)
    assert "theme" in _requirement_types(head + "二、活动内容\n（一）各学校要紧扣“查找身边安全隐患”主题开展宣传。\n")
    for order in ("各学校要成立由主要负责同志任组长的“安全生产月”活动领导小组。", "各乡镇（街道）、各部门要高度重视，成立相应的活动领导小组。",
                  "各苏木镇、各部门也要成立相应的组织机构。"):
        assert "leading_group" in _requirement_types(head + "四、工作要求\n（一）加强组织领导。" + order + "\n"), order


def test_a_three_year_xingdong_is_no_campaign_of_the_month():
    draft = extract(_lines("沂东县安全生产委员会办公室关于开展2024年“安全生产月”活动的通知\n各乡镇（街道）：\n"
                           "（五）各乡镇（街道）要结合安全生产治本攻坚三年行动，于6月1日至6月25日期间开展一次安全隐患排查整治。\n"
                           "（六）持续开展“安全生产沂东行”活动，从6月持续至12月底。\n"))
    assert [c.value["name"] for c in draft.campaigns] == ["安全生产沂东行"]


def test_spot_checks_a_long_study_order_mines_holding_a_check_and_places_a_check_is_made_of():
    assert ("hazard_inspection", None, (), ()) in _activities_of("县安委办将于6月中旬组织督导组对各乡镇（街道）进行抽查检查。")
    assert [k for k, *_ in _activities_of("各苏木镇、旗直各部门要在6月15日前组织召开一次专题学习会，集中学习新《安全生产法》和习近平总书记关于安全生产重要论述。")] == [
        "study_session"]
    assert _activities_of("各露天煤矿要在6月10日前完成一次边坡稳定性专项排查。") == [("hazard_inspection", "2024-06-10", ("enterprise",), ())]
    assert _activities_of("各苏木镇要在6月份对辖区内露天煤矿、非煤矿山、危险化学品和人员密集场所开展安全生产大检查。") == [
        ("hazard_inspection", None, (), ())]


def test_a_headings_event_repeated_by_its_body_is_one_event_and_school_heads_trained_are_of_the_school_sector():
    found = _activities_of("（四）开展“安全宣传咨询日”和家校共育活动\n各学校要在6月16日“安全宣传咨询日”当天，组织师生参与当地安委办举办的宣传咨询活动。", 2025)
    assert [a for a in found if a[0] == "consultation_day"] == [("consultation_day", "2025-06-16", ("school",), ())]
    assert _activities_of("市教育局将于6月12日举办全市中小学校长安全管理能力提升培训班。", 2025) == [("training", "2025-06-12", ("school",), ())]


def test_a_drill_named_only_in_a_clause_sending_material_up_takes_no_deadline_of_the_sentence():
    found = _activities_of("各企业、各相关部门要结合实际制定具体活动方案，于6月20日前报送镇平安建设办公室，同时于每周四上午报送活动情况，举办大型活动、演练等可随时报送。")
    assert [a for a in found if a[0] == "drill" and a[1]] == []


def test_a_training_offered_as_the_alternative_to_a_drill_is_the_drill_alone():
    found = _activities_of("企业要开展从业人员自救互救技能培训，组织一次行业性事故实战推演；家庭要针对燃气安全、电动车充电安全等参加一次自救互救培训或逃生演练。")
    assert {k for k, _, sectors, _ in found if sectors == ("family",)} == {"drill"}
    assert {k for k, _, sectors, _ in found if sectors == ("enterprise",)} == {"drill", "training"}


def test_a_class_meeting_or_a_safety_lesson_to_pupils_is_publicity_in_the_school():
    assert _activities_of("1.各中小学校要在6月上旬利用班会课、国旗下讲话等形式，对全体学生开展一次以防溺水为重点的专题安全教育。", 2025) == [
        ("publicity", None, ("school",), ())]
    assert [k for k, *_ in _activities_of("2．主题班会。6月上旬，各班级要利用班会课召开一次“人人讲安全、个个会应急”主题班会。")] == ["publicity"]


def test_two_drills_named_one_after_the_other_are_two_drills_each_with_its_own_hazards():
    found = _activities_of("6月13日，公司将在第二热电厂组织开展一次燃气泄漏处置演练和应急疏散演练。")
    assert sorted(s for k, _, _, s in found if k == "drill") == [("evacuation",), ("gas",)]
    found = _activities_of("各县区应急管理局要于6月25日前，指导辖区危险化学品企业开展泄漏处置演练，指导人员密集场所开展应急疏散演练。")
    assert sorted((d, s) for k, d, _, s in found if k == "drill") == [("2024-06-25", ("evacuation",)), ("2024-06-25", ("hazardous_chemicals",))]
    found = _activities_of("二级以上医院要开展消防演练和应急疏散演练各1次。")
    assert sorted(s for k, _, _, s in found if k == "drill") == [("evacuation",), ("fire",)]


def test_drills_named_one_after_the_other_are_not_split_when_one_names_no_hazard_or_they_are_alternatives():
    found = _activities_of("各企业要在6月20日前组织开展一次火灾应急演练，演练结束后及时总结评估。")
    assert [s for k, _, _, s in found if k == "drill"] == [("fire",)]
    found = _activities_of("各村要在6月25日前组织一次防汛演练或地质灾害演练。")
    assert {s for k, _, _, s in found if k == "drill"} == {("flood", "geological")}


def test_the_sectors_publicity_enters_are_not_those_of_another_event_of_its_sentence():
    found = _activities_of("6月1日至6月25日，各营业所要开展一次居民用户燃气设施隐患排查，同步开展安全用气宣传进社区、进家庭活动，张贴安全用气提示。")
    assert [(k, sectors) for k, _, sectors, _ in found if k == "hazard_inspection"] == [("hazard_inspection", ())]
    assert ("publicity", ("community", "family")) in [(k, sectors) for k, _, sectors, _ in found]
    found = _activities_of("各社区要开展安全宣传进社区、进家庭活动，组织居民开展火灾逃生演练。")
    assert {sectors for k, _, sectors, _ in found if k == "drill"} == {("community",)}


def test_a_study_of_the_new_safety_law_is_a_study_session_and_a_lecture_meeting_is_no_material_sent_up():
    found = _activities_of("1.6月10日前，各单位要组织干部职工集中学习新《安全生产法》，主要负责人要带头讲解“第一责任人”的法定职责。", 2022)
    assert ("study_session", "2022-06-10", (), ()) in found
    found = _activities_of("旗应急管理局将于6月8日举办全旗新《安全生产法》宣讲报告会，各苏木镇分管负责同志参加。", 2022)
    assert found == [("study_session", "2022-06-08", (), ())]


def _draft_of(body: str, year: int = 2024):
    return extract(_lines(f"岷山县安全生产委员会办公室关于开展{year}年“安全生产月”活动的通知\n各乡镇：\n{body}\n"))


def test_an_earthquake_drill_may_be_named_as_one_against_earthquakes():
    found = _activities_of("县教育局要指导全县中小学校、幼儿园在6月中旬开展一次防震减灾应急疏散演练，确保每一名师生熟悉疏散路线。")
    assert [s for k, _, _, s in found if k == "drill"] == [("earthquake",)]


def test_a_campaign_one_named_body_is_told_to_run_is_no_campaign_requirement():
    body = "（七）开展“安全生产河湟行”活动。县融媒体中心要从6月起至12月底，在县电视台开设“安全生产河湟行”专栏，对典型问题进行集中曝光。"
    draft = _draft_of(body)
    assert [c.value["name"] for c in draft.campaigns] == ["安全生产河湟行"]
    assert [r for r in draft.requirements if r.value["type"] == "campaign"] == []
    assert any("campaign" in t.value and "县融媒体中心" in t.value for t in draft.todos)
    body = "（七）开展“安全生产河湟行”活动。各乡镇要从6月起至12月底，组织媒体对典型问题进行集中曝光。"
    assert [r.value["end_not_before"].isoformat() for r in _draft_of(body).requirements if r.value["type"] == "campaign"] == ["2024-12-31"]


def test_an_undated_event_the_opening_paragraph_names_as_a_purpose_is_a_todo():
    opening = ("今年6月是第22个全国“安全生产月”。为进一步增强师生安全意识，全面排查整治校园安全隐患，区教育局决定在全区教育系统"
               "组织开展“安全生产月”活动。现将有关事项通知如下：")
    draft = _draft_of(f"{opening}\n一、活动时间\n2023年6月。", 2023)
    assert [a.value for a in draft.activities] == []
    assert any("hazard_inspection" in t.value and "opening" in t.value for t in draft.todos)
    later = "（十）各乡镇要全面开展自建房屋安全隐患排查整治工作，坚决防范各类重大事故发生。"
    draft = _draft_of(f"今年6月是第21个全国“安全生产月”。为推进自建房安全隐患排查整治，现就有关事项通知如下：\n一、主要活动\n{later}", 2022)
    assert [a.value["kind"] for a in draft.activities] == ["hazard_inspection"] and draft.activities[0].line == 5


def test_events_named_under_an_unnumbered_heading_of_aims_are_no_events():
    body = ("指导思想\n以习近平新时代中国特色社会主义思想为指导，通过开展教育培训、隐患曝光、问题整改、经验推广、案例警示、监督举报、"
            "知识普及等既有声势又有实效的活动，推动全镇各级树牢安全发展理念。\n活动主题\n“落实安全责任，推动安全发展”。")
    draft = _draft_of(body, 2022)
    assert [a.value for a in draft.activities] == []
    assert any("aims" in t.value for t in draft.todos)


def test_an_event_with_no_time_of_its_own_is_held_by_the_day_its_account_is_due():
    draft = _draft_of("辖区各企业要对照重大事故隐患判定标准开展隐患自查自纠，于6月25日前将自查情况报镇安监站。", 2023)
    assert [(a.value["kind"], a.value.get("date")) for a in draft.activities] == [("hazard_inspection", date(2023, 6, 25))]
    assert [(r.value["kind"], r.value.get("not_after")) for r in draft.requirements if r.value["type"] == "activity"] == [
        ("hazard_inspection", date(2023, 6, 25))]
    found = _activities_of("各企业要在6月份开展一次应急演练，演练情况于6月28日前报县应急管理局。")
    assert "2024-06-28" not in [d for k, d, _, _ in found if k == "drill"]  # 6月份 is its own time
    found = _activities_of("各村要组织开展一次防汛演练，演练影像资料报镇安监站备案。")
    assert {d for k, d, _, _ in found if k == "drill"} == {None}


def test_a_check_held_by_the_schools_or_made_of_them_leaves_its_sector_to_the_clerk():
    for body in ("1.各中小学校、幼儿园要从6月1日至6月20日，对校舍、消防设施、食堂、校车等开展一次全面自查，建立隐患台账。",
                 "2.区教育局将于6月下旬组织督查组，对各学校隐患排查整治情况开展专项督查。"):
        draft = _draft_of(body, 2023)
        assert [a.value for a in draft.activities if a.value["kind"] == "hazard_inspection"] == []
        assert any("hazard_inspection" in t.value and "school" in t.value for t in draft.todos)
    draft = _draft_of("各社区要于6月1日至6月20日对辖区出租房屋开展一次隐患排查。", 2023)
    assert [a.value["kind"] for a in draft.activities] == ["hazard_inspection"]


def test_a_further_units_order_keeps_its_own_date_and_people_and_shares_only_a_leading_time():
    draft = _draft_of("（四）各单位要组织企业职工开展一次安全培训，各村要在6月25日前开展防汛演练。")
    assert {tuple(a.value.get("sectors") or [a.value.get("sector")]) for a in draft.activities if a.value["kind"] == "drill"} == {("rural",)}
    assert [r.value.get("not_after") for r in draft.requirements if r.value.get("kind") == "training"] == [None]
    assert {r.value["sector"] for r in draft.requirements if r.value["type"] == "drill_per_sector"} == {"rural"}
    found = _activities_of("6月20日前，各企业要开展一次消防演练，各学校要开展一次防震演练。")
    assert {(d, sectors, s) for k, d, sectors, s in found if k == "drill"} == {
        ("2024-06-20", ("enterprise",), ("fire",)), ("2024-06-20", ("school",), ("earthquake",))}


def test_units_of_no_sector_told_to_act_begin_an_order_of_their_own():
    found = _activities_of("（三）各企业要开展一次火灾应急演练，人员密集场所要开展一次疏散演练。")
    assert ("drill", None, ("enterprise",), ("fire",)) in found
    assert ("drill", None, ("enterprise",), ("fire", "evacuation")) not in found
    found = _activities_of("（三）粮食仓储企业要开展一次有限空间作业事故应急演练，农机合作社要组织开展一次道路交通事故应急演练。")
    assert sorted(s for k, _, _, s in found if k == "drill") == [("confined_space",), ("traffic",)]


def test_units_named_as_examples_of_a_class_of_no_sector_give_no_sector():
    for body in ("（三）各学校、医院、商场等人员密集场所要组织开展一次疏散演练。", "（三）辖区学校、医院等重点单位要于6月20日前开展一次消防演练。"):
        draft = _draft_of(body)
        assert [a.value for a in draft.activities if a.value.get("sectors") or a.value.get("sector")] == []
        assert [r.value for r in draft.requirements if r.value["type"] == "drill_per_sector"] == []
        assert any("examples of a class" in t.value for t in draft.todos)


def test_an_event_takes_the_time_of_its_own_clause_not_an_earlier_clauses():
    draft = _draft_of("（一）各村要在6月10日前召开村民大会进行动员部署，6月中旬开展地质灾害隐患排查。")
    assert [(a.value.get("start"), a.value.get("end"), a.value.get("date")) for a in draft.activities if a.value["kind"] == "hazard_inspection"] == [
        (date(2024, 6, 11), date(2024, 6, 20), None)]
    assert [(r.value.get("not_before"), r.value.get("not_after")) for r in draft.requirements if r.value.get("kind") == "hazard_inspection"] == [
        (date(2024, 6, 11), date(2024, 6, 20))]
    found = _activities_of("（四）6月16日，各乡镇要在集镇设立咨询点，6月底前组织企业开展一次应急演练。")
    assert {d for k, d, _, _ in found if k == "drill"} == {"2024-06-30"}
    found = _activities_of("（三）各企业要开展一次消防演练，于6月20日前完成。")  # a time after the event's clause is still its own
    assert {d for k, d, _, _ in found if k == "drill"} == {"2024-06-20"}


def test_a_drill_takes_no_school_sector_from_a_later_units_order():
    found = _activities_of("（二）县卫健局要组织各医疗机构开展一次消防演练，各学校要开展防震演练。")
    assert {(sectors, s) for k, _, sectors, s in found if k == "drill"} == {((), ("fire",)), (("school",), ("earthquake",))}


def test_an_event_held_alongside_a_dated_one_takes_its_time():
    draft = _draft_of("6月1日至6月25日，各营业所要开展一次居民用户燃气设施隐患排查，同步开展安全用气宣传进社区、进家庭活动，张贴安全用气提示。")
    assert [(a.value.get("start"), a.value.get("end")) for a in draft.activities if a.value["kind"] == "publicity"] == [
        (date(2024, 6, 1), date(2024, 6, 25))]
    draft = _draft_of("各社区要于6月20日前开展一次隐患排查，组织开展安全宣传进社区、进家庭活动。")
    assert [a.value.get("date") for a in draft.activities if a.value["kind"] == "publicity"] == [None]


def test_a_four_ins_clause_whose_parts_are_enumerated_on_its_line_is_no_event_beside_them():
    body = ("四、紧扣主题，广泛开展安全宣传进农村、进学校、进企业、进家庭活动：一是进农村，利用“村村响”广播每天播放安全提示；二是进学校，"
            "镇中心小学在6月底前组织一次防溺水主题班会；三是进企业，各企业在厂区张贴安全警示标识；四是进家庭，结合网格走访发放手册。")
    found = [sectors for k, _, sectors, _ in _activities_of(body, 2025) if k == "publicity"]
    assert sorted(found) == [("enterprise",), ("family",), ("rural",), ("school",)]


def test_an_event_of_another_kind_in_a_later_clause_with_its_own_time_is_dated_by_it():
    found = _activities_of("（一）各学校要在6月16日组织师生参加“安全宣传咨询日”活动，6月20日前开展一次防溺水演练。")
    assert ("drill", "2024-06-20", ("school",), ("drowning",)) in found
    draft = _draft_of("（三）县应急局将于6月16日举办咨询日活动，6月下旬组织开展全县安全生产知识竞赛。")
    assert [(a.value.get("start"), a.value.get("end")) for a in draft.activities if a.value["kind"] == "knowledge_contest"] == [
        (date(2024, 6, 21), date(2024, 6, 30))]


def test_an_encouragement_or_a_task_of_some_units_only_is_no_requirement():
    for body in ("（三）鼓励各企业开展安全生产开放日活动。", "（六）有条件的企业要组织开展公众开放日活动。", "（五）寄宿制学校要在6月20日前开展一次夜间疏散演练。",
                 "2.设有检验科、病理科的医疗机构要开展一次危险化学品泄漏处置演练。"):
        draft = _draft_of(body)
        assert draft.activities and [r.value for r in draft.requirements if r.value["type"] in ("activity", "drill_per_sector")] == []
        assert any("encouraged" in t.value or "some units" in t.value for t in draft.todos)
    draft = _draft_of("（六）各企业要组织开展公众开放日活动。")
    assert [r.value["kind"] for r in draft.requirements if r.value["type"] == "activity"] == ["open_day"]


def test_the_work_an_order_is_joined_to_is_no_event_of_it():
    draft = _draft_of("（四）各企业要结合安全生产治本攻坚三年行动和危险化学品专项整治，于6月25日前开展一次应急演练。")
    assert [a.value["kind"] for a in draft.activities] == ["drill"]
    assert [r.value.get("kind") for r in draft.requirements if r.value["type"] == "activity"] == []
    found = _activities_of("各学校要结合“安全宣传咨询日”，在6月16日同步组织开展安全宣传咨询活动。")
    assert [k for k, *_ in found] == ["consultation_day"]


def test_a_drill_takes_no_hazard_of_another_kind_of_event_named_before_it_in_its_clause():
    found = _activities_of("（三）各社区要组织开展电动自行车火灾警示教育和消防演练。")
    assert {s for k, _, _, s in found if k == "drill"} == {("fire",)}
    found = _activities_of("（三）各企业要针对汛期开展隐患排查和防汛演练。")
    assert {s for k, _, _, s in found if k == "drill"} == {("flood",)}


def test_the_work_an_order_is_joined_to_is_no_event_when_another_kind_of_event_follows():
    draft = _draft_of("（七）持续开展“安全生产槐安行”活动。6月至12月，各社区要结合“畅通生命通道”专项整治，每月曝光一批占用堵塞消防通道问题。")
    assert [r.value["kind"] for r in draft.requirements if r.value["type"] == "activity"] == ["hazard_exposure"]


def test_the_heads_told_to_act_after_a_comma_begin_an_order_that_keeps_no_earlier_deadline():
    draft = _draft_of("1.各乡镇（街道）、县直各部门要把学习贯彻习近平总书记关于安全生产重要论述作为首要任务，于6月10日前通过理论学习中心组学习等形式"
                      "开展一次集中学习，主要负责同志要带头讲授一次安全公开课。")
    assert [(a.value.get("date"), a.value.get("start")) for a in draft.activities if a.value["kind"] == "leader_talk"] == [(None, None)]
    assert [r.value.get("not_after") for r in draft.requirements if r.value.get("kind") == "leader_talk"] == [None]
    assert [r.value.get("not_after") for r in draft.requirements if r.value.get("kind") == "study_session"] == [date(2024, 6, 10)]


def test_enumerated_parts_of_one_sentence_keep_each_its_own_time():
    body = ("（一）宣贯安全生产法。各单位要把新修订的《安全生产法》纳入班前会学习内容：一是6月中旬前组织全员开展一次《安全生产法》专题培训，"
            "二是各矿井主要负责人要在6月份为职工讲一次安全课，三是各区队要组织职工观看事故警示教育片。")
    draft = _draft_of(body, 2022)
    kinds = {a.value["kind"]: (a.value.get("date"), a.value.get("start")) for a in draft.activities}
    assert kinds["training"] == (date(2022, 6, 20), None) and kinds["leader_talk"] == (None, date(2022, 6, 1))
    orders = {r.value["kind"]: r.value.get("not_after") for r in draft.requirements if r.value["type"] == "activity"}
    assert orders == {"training": date(2022, 6, 20), "leader_talk": date(2022, 6, 30), "warning_education": None}


def test_the_issuers_drill_at_a_company_is_the_clerks_call_unless_the_company_is_the_issuer():
    # read in the enterprise sector (jianglan-2023) and in none (qingtan-2023, wenling-2024, yunpu-2024): a TODO
    for body in ("6月14日，园区在江澜石化公司组织开展园区级危化品泄漏事故综合应急演练。", "镇政府将于6月下旬在青檀化工有限公司组织开展一次危险化学品泄漏事故综合应急演练。",
                 "管委会将于6月20日在鹏信新材料股份有限公司组织园区危险化学品泄漏暨消防综合应急演练，各企业安全管理人员到场观摩。"):
        draft = _draft_of(body, 2023)
        assert [a for a in draft.activities if a.value["kind"] == "drill"] == [], body
        assert any("one company" in t.value for t in draft.todos), body
    # units told to drill at their own companies are still ordered in their sector
    assert {s for k, _, s, _ in _activities_of("各企业要于6月25日前在本企业组织开展一次应急演练。", 2023) if k == "drill"} == {("enterprise",)}
    draft = extract(_lines("准东能源集团有限公司关于开展2025年“安全生产月”活动的通知\n各单位：\n6月13日，集团公司将在准东煤电公司组织开展一次燃气泄漏应急演练。\n"))
    assert [a.value.get("sectors") for a in draft.activities] == [None]


def test_a_letterhead_over_a_document_number_names_the_issuer_in_full():
    text = "北京市密岭区槐川乡人民政府\n\n槐政发〔2023〕14号\n\n槐川乡人民政府关于开展2023年“安全生产月”活动的通知\n各村民委员会：\n"
    assert extract(_lines(text)).value("org") == "北京市密岭区槐川乡人民政府"
    text = "槐川乡人民政府关于开展2023年“安全生产月”活动的通知\n各村民委员会：\n"
    assert extract(_lines(text)).value("org") == "槐川乡人民政府"


def test_units_named_after_bodies_of_no_sector_share_their_order_and_give_it_no_sector():
    found = _activities_of("（六）开展警示教育。乡属各单位、各生产经营单位要在6月份组织观看《生命重于泰山》专题片和事故警示教育片。", 2023)
    assert [(k, sectors) for k, _, sectors, _ in found] == [("warning_education", ())]
    found = _activities_of("（六）开展警示教育。各生产经营单位要在6月份组织观看事故警示教育片。", 2023)
    assert [(k, sectors) for k, _, sectors, _ in found] == [("warning_education", ("enterprise",))]


def test_an_items_heading_naming_sectors_over_a_body_addressed_to_the_level_below_orders_them():
    draft = _draft_of("（五）推进安全宣传进农村、进社区、进家庭。各村（社区）要利用大喇叭、宣传栏广泛宣传防汛避险知识。", 2023)
    assert [r.value["sectors"] for r in draft.requirements if r.value["type"] == "sectors_covered"] == [["rural", "community", "family"]]
    draft = _draft_of("（五）推进安全宣传进农村、进社区、进家庭。乡政府将利用大喇叭广泛宣传防汛避险知识。", 2023)
    assert [r.value for r in draft.requirements if r.value["type"] == "sectors_covered"] == []


def test_a_check_named_only_as_one_round_of_checking_is_a_hazard_check():
    draft = _draft_of("（三）各物业服务企业要在6月20日前对所服务小区的消防通道、电动自行车充电设施开展一次排查，清理楼道堆物。")
    assert [(a.value["kind"], a.value.get("date"), a.value.get("sectors")) for a in draft.activities] == [
        ("hazard_inspection", date(2024, 6, 20), ["enterprise"])]


def test_an_event_named_as_a_means_or_as_what_qualifies_other_work_is_no_event():
    for body in ("（三）各乡镇要以开展应急演练为抓手，提升基层应急能力。", "（六）各乡镇要做好应急演练的组织保障工作，确保演练安全。"):
        draft = _draft_of(body)
        assert draft.activities == [] and [r for r in draft.requirements if r.value["type"] == "activity"] == []
        assert any("passing" in t.value for t in draft.todos)
    found = _activities_of("（三）各乡镇要以“安全生产月”为契机，于6月20日前开展一次应急演练。")
    assert [(k, d) for k, d, _, _ in found] == [("drill", "2024-06-20")]


def test_units_organised_in_a_later_clause_hold_the_drill_of_that_clause():
    found = _activities_of("（五）各乡镇要在6月份组织辖区燃气经营企业开展燃气泄漏演练，组织学校开展地震疏散演练。")
    assert {(sectors, s) for k, _, sectors, s in found if k == "drill"} == {(("enterprise",), ("gas",)), (("school",), ("earthquake",))}


def test_a_drill_naming_no_hazard_meets_those_of_the_event_it_is_joined_to():
    found = _activities_of("（四）各企业要于6月20日前组织员工开展一次有限空间作业培训和应急演练。")
    assert {s for k, _, _, s in found if k == "drill"} == {("confined_space",)}


def test_a_sweep_check_and_a_collective_study_of_the_law_named_after_it_are_read():
    found = _activities_of("1.各社区要组织网格员在6月份对辖区出租房屋、“九小场所”开展一次拉网式排查。", 2022)
    assert [k for k, *_ in found] == ["hazard_inspection"]
    found = _activities_of("2.各社区要在6月10日前组织社区干部、网格员开展一次新《安全生产法》集中学习。", 2022)
    assert found == [("study_session", "2022-06-10", (), ())]


def test_a_group_the_level_below_is_told_to_set_up_lends_the_issuer_no_leader_and_no_office():
    group = _group("（一）加强组织领导。各乡镇、各部门要高度重视，成立由主要负责同志任组长的活动领导小组，明确具体办事机构和人员。")
    assert group["leader"] is None
    group = _group("（一）各县（市、区）要成立“安全生产月”活动领导小组，领导小组办公室设在应急管理局，精心组织实施。")
    assert group["office"] is None
    group = _group("集团公司成立“安全生产月”活动领导小组，由总经理刘志强任组长。领导小组办公室设在安全环保部。")
    assert group["leader"] == {"name": "刘志强", "title": "总经理"} and group["office"] == "安全环保部"


def test_the_same_day_at_a_clauses_head_is_the_day_named_before_it():
    for same in ("同日", "当日", "当天"):
        found = _activities_of(f"（六）6月16日，集团在水厂门前广场设立安全宣传咨询台；{same}，各水厂要同步举办“水厂开放日”活动，邀请市民参观。", 2025)
        assert ("open_day", "2025-06-16", (), ()) in found
    draft = _draft_of("（六）6月16日，集团在水厂门前广场设立安全宣传咨询台；同日，各水厂要同步举办“水厂开放日”活动。", 2025)
    assert [r.value.get("date") for r in draft.requirements if r.value.get("kind") == "open_day"] == [date(2025, 6, 16)]


def test_a_schedule_row_that_repeats_a_five_sector_clause_dates_its_sub_items():
    body = ("（三）开展安全宣传“五进”活动。各乡镇要深入开展安全宣传进企业、进农村、进学校活动：\n"
            "1.进企业。各乡镇要组织企业张贴安全宣传海报。\n2.进农村。各乡镇要利用农村“大喇叭”宣传防溺水常识。\n"
            "3.进学校。各乡镇要配合学校开展“安全第一课”。\n附件1\n序号\t活动内容\t时间\t责任单位\n"
            "1\t安全宣传“五进”活动\t6月份\t各乡镇\n2\t全县安全生产专题辅导讲座\t6月8日\t县安委办")
    found = [(k, d, s) for k, d, s, _ in _activities_of(body) if k == "publicity"]
    assert sorted(found) == [("publicity", None, ("enterprise",)), ("publicity", None, ("rural",)), ("publicity", None, ("school",))]
    draft = _draft_of(body)
    assert {(tuple(a.value["sectors"]), a.value.get("start"), a.value.get("end")) for a in draft.activities if a.value["kind"] == "publicity"} == {
        ((s,), date(2024, 6, 1), date(2024, 6, 30)) for s in ("enterprise", "rural", "school")}


def test_further_units_told_to_hold_an_event_of_the_same_kind_with_a_time_of_their_own_hold_their_own():
    found = _activities_of("（二）各乡镇主要负责人要于6月15日前在本地区讲一次安全课，辖区各企业主要负责人要在6月份为本企业职工讲一次安全课。")
    assert ("leader_talk", None, ("enterprise",), ()) in found and ("leader_talk", "2024-06-15", ("enterprise",), ()) not in found
    found = _activities_of("（二）各单位要于6月10日前组织一次安全培训，各企业要在6月下旬组织员工开展一次安全培训。")
    assert sorted(found, key=str) == sorted([("training", "2024-06-10", (), ()), ("training", None, ("enterprise",), ())], key=str)


def test_five_sector_parts_that_begin_with_where_they_go_and_what_they_stress_are_one_publicity_each():
    body = ("（四）开展安全宣传进企业、进农村、进学校活动。各乡镇要组织开展四进活动：进企业重点宣传《安全生产法》；"
            "进农村重点宣传农机安全知识；进学校重点开展“安全第一课”。")
    found = [s for k, _, s, _ in _activities_of(body) if k == "publicity"]
    assert sorted(found) == [("enterprise",), ("rural",), ("school",)]


def test_units_told_to_hold_another_event_on_the_consultation_day_are_not_ordered_the_consultation_day():
    def ordered(body):
        return [r.value.get("date") for r in _draft_of(body, 2025).requirements if r.value.get("kind") == "consultation_day"]
    assert ordered("（六）安全宣传咨询日和水厂开放日。6月16日，集团在水厂门前广场设立安全宣传咨询台；同日，各水厂要同步举办“水厂开放日”活动。") == []
    assert ordered("（四）安全宣传咨询日。6月16日，集团在广场设立安全宣传咨询台；同日，各分公司要组织开展一次应急演练。") == []
    assert ordered("（四）安全宣传咨询日。6月16日，县安委办在广场设立主会场，各乡镇要同步设立分会场。") == [date(2025, 6, 16)]


def test_people_of_no_sector_joined_to_an_enterprises_people_put_the_event_in_no_sector():
    found = _activities_of("（七）各乡镇、各部门要在6月份组织干部职工和企业从业人员观看《生命重于泰山》等警示教育片。")
    assert found == [("warning_education", None, (), ())]
    found = _activities_of("（七）各乡镇要在6月份组织群众和辖区企业观看警示教育片。")
    assert found == [("warning_education", None, (), ())]
    found = _activities_of("（七）各乡镇要在6月份组织辖区企业从业人员观看警示教育片。")
    assert found == [("warning_education", None, ("enterprise",), ())]


def test_a_check_whose_next_clause_says_it_stresses_enterprises_is_in_their_sector():
    found = _activities_of("（六）6月1日至30日，各县（市、区）要组织开展由政府主要负责人带队的执法检查，重点检查危险化学品、非煤矿山、冶金工贸等企业，对发现的重大事故隐患挂牌督办。")
    assert [(k, s) for k, _, s, _ in found] == [("hazard_inspection", ("enterprise",))]
    found = _activities_of("（六）6月1日至30日，各乡镇要开展一次隐患排查，重点检查农村自建房、山塘水库和人员密集场所。")
    assert [(k, s) for k, _, s, _ in found] == [("hazard_inspection", ())]


def test_a_drill_week_declared_at_the_head_of_a_sentence_dates_the_drills_after_it_only():
    found = _activities_of("（四）应急演练周。6月9日至6月15日为集团“应急演练周”，各水厂要开展一次危险化学品泄漏应急处置演练，"
                           "污水处理公司要开展有限空间救援演练；集团各部门要在演练周内配合开展一次应急疏散演练。", 2025)
    draft = _draft_of("（四）应急演练周。6月9日至6月15日为集团“应急演练周”，各水厂要开展一次危险化学品泄漏应急处置演练，"
                      "污水处理公司要开展有限空间救援演练；集团各部门要在演练周内配合开展一次应急疏散演练。", 2025)
    assert {(a.value.get("start"), a.value.get("end")) for a in draft.activities if a.value["kind"] == "drill"} == {(date(2025, 6, 9), date(2025, 6, 15))}
    assert {s for k, _, _, s in found} >= {("hazardous_chemicals",), ("confined_space",), ("evacuation",)}
    draft = _draft_of("（四）各企业要开展一次有限空间救援演练。6月20日至6月26日为集中宣传周，各乡镇要开展宣传活动。", 2025)
    assert [a.value.get("start") for a in draft.activities if a.value["kind"] == "drill"] == [None]


def test_a_training_joined_to_a_drill_takes_its_time_within_the_order_it_is_joined_to():
    draft = _draft_of("（三）各矿井要于6月20日前组织开展一次防汛应急演练，并结合演练开展一次全员自救器使用培训；各部室要于6月25日前组织一次疏散演练。")
    assert [a.value.get("date") for a in draft.activities if a.value["kind"] == "training"] == [date(2024, 6, 20)]
    body = ("（四）各社区以高层建筑火灾为重点开展演练，各中小学校在6月中旬前完成地震应急疏散演练，"
            "各工矿企业要开展一次生产安全事故应急演练，并结合演练同步开展一次从业人员应急处置培训。")
    draft = _draft_of(body)
    assert [a.value.get("date") for a in draft.activities if a.value["kind"] == "training"] == [None]
    assert [(r.value.get("not_after"), r.value.get("date")) for r in draft.requirements if r.value.get("kind") == "training"] == [(None, None)]


def test_units_told_with_a_time_of_their_own_and_no_要_keep_it_from_the_units_before_them():
    body = ("（四）各县（市、区）要于6月25日前组织开展一次综合应急演练；各社区以高层建筑火灾为重点开展演练，"
            "各中小学校在6月中旬前完成地震应急疏散演练，各工矿企业要开展一次生产安全事故应急演练。")
    draft = _draft_of(body, 2023)
    drills = {(tuple(a.value.get("sectors") or [a.value.get("sector")]), a.value.get("date")) for a in draft.activities if a.value["kind"] == "drill"}
    assert (("community",), None) in drills and (("school",), date(2023, 6, 20)) in drills
    assert (("community",), date(2023, 6, 20)) not in drills
    found = _activities_of("（四）各村要开展一次防汛演练，各学校于6月20日前开展一次消防演练。")
    assert ("drill", None, ("rural",), ("flood",)) in found and ("drill", "2024-06-20", ("school",), ("fire",)) in found


def test_the_one_time_of_a_sentence_leading_it_dates_every_event_in_it():
    found = _activities_of("（七）6月份，镇应急管理办公室要组织辖区企业职工观看安全生产事故警示教育片，并利用镇政府微信公众号宣传12350举报电话。", 2022)
    assert ("whistleblower_promotion", None, (), ()) in found
    draft = _draft_of("（七）6月份，镇应急管理办公室要组织辖区企业职工观看安全生产事故警示教育片，并利用镇政府微信公众号宣传12350举报电话。", 2022)
    assert [(a.value.get("start"), a.value.get("end")) for a in draft.activities if a.value["kind"] == "whistleblower_promotion"] == [
        (date(2022, 6, 1), date(2022, 6, 30))]
    found = _activities_of("（四）6月16日，各乡镇要在集镇设立咨询点，6月底前组织企业开展一次应急演练。")
    assert {d for k, d, _, _ in found if k == "drill"} == {"2024-06-30"}


def test_of_two_drill_orders_by_deadline_alone_the_later_is_implied_by_the_earlier():
    draft = _draft_of("（三）各矿井要于6月20日前组织开展一次防汛应急演练；集团机关各部室要于6月25日前配合组织一次办公楼疏散逃生演练。")
    assert [r.value.get("not_after") for r in draft.requirements if r.value.get("kind") == "drill"] == [date(2024, 6, 20)]
    draft = _draft_of("（三）各村要于6月20日前开展一次隐患排查；各企业要于6月30日前开展一次隐患自查。")
    assert len([r for r in draft.requirements if r.value.get("kind") == "hazard_inspection"]) == 2


def test_防台_names_a_typhoon_drill():
    found = _activities_of("（三）各在建项目要结合汛期特点，开展一次防汛防台桌面推演。", 2025)
    assert [set(s) for k, _, _, s in found if k == "drill"] == [{"flood", "weather"}]


def test_the_issuers_supervision_of_the_checks_is_a_hazard_check():
    for body in ("（六）县安委办于6月中下旬组织督导组进行抽查，发现的重大事故隐患公开曝光。",
                 "（二）集团公司安全监察部将于6月中下旬组成3个督查组，对各单位整治情况进行督查。",
                 "（二）公司安全环保部将于6月下旬组织专项督查，督查结果在公司内部通报。"):
        draft = _draft_of(body)
        assert (date(2024, 6, 30)) in [a.value.get("end") for a in draft.activities if a.value["kind"] == "hazard_inspection"], body
    draft = _draft_of("（八）县安委办将组织督查组对各乡镇活动开展情况进行督查。")
    assert [a for a in draft.activities if a.value["kind"] == "hazard_inspection"] == []
    # made of schools: the clerk's call (check_of_schools), whichever clause names the schools
    draft = _draft_of("2.区教育局将于6月下旬组织督查组，对各学校隐患排查整治情况开展专项督查。")
    assert [a for a in draft.activities if a.value["kind"] == "hazard_inspection"] == [] and any("clerk's call" in t.value for t in draft.todos)


def test_a_lecture_meeting_on_safe_production_is_a_study_session():
    for body in ("2.6月9日，市安委办举办全市安全生产专题宣讲报告会，邀请省安全生产专家作专题辅导。",
                 "（一）县安委办将于6月8日在县委党校举办一期全县安全生产专题辅导讲座。"):
        assert [k for k, *_ in _activities_of(body)] == ["study_session"], body


def test_an_order_to_hold_an_event_in_light_of_local_conditions_is_an_order_of_it():
    for body in ("（一）各县（市、区）要于6月5日前结合实际举行本地区启动仪式，并通过电视台进行报道。",
                 "（一）各乡镇要于6月5日前结合本地实际，召开一次动员部署会。"):
        draft = _draft_of(body)
        assert [(a.value["kind"], a.value.get("date")) for a in draft.activities] == [("launch_ceremony", date(2024, 6, 5))], body
        assert [r.value.get("not_after") for r in draft.requirements if r.value.get("kind") == "launch_ceremony"] == [date(2024, 6, 5)]


def test_units_told_under_the_aims_to_keep_to_the_theme_are_ordered_the_theme():
    head = "岷山县安全生产委员会办公室关于开展2024年“安全生产月”活动的通知\n各乡镇：\n今年6月是第23个全国“安全生产月”，主题为“人人讲安全、个个会应急”。\n一、总体要求\n"
    draft = extract(_lines(head + "各地各部门要紧扣“人人讲安全、个个会应急”主题，推动安全宣传走深走实。\n"))
    assert [r.value["type"] for r in draft.requirements if r.value["type"] == "theme"] == ["theme"]
    draft = extract(_lines(head + "紧紧围绕“人人讲安全、个个会应急”主题，推动安全宣传走深走实。\n"))
    assert [r for r in draft.requirements if r.value["type"] == "theme"] == []


def _notice_lines(tmp_path, text: str):
    path = tmp_path / "notice.txt"
    path.write_text(text, encoding="utf-8")
    return read_notice(path)


def test_dates_in_chinese_numerals_read_as_digits(tmp_path):
    from compliance.importer.reader import arabic_dates

    for written, read in (("六月十六日上午，镇政府举办咨询日活动", "6月16日上午，镇政府举办咨询日活动"),
                          ("六月一日至六月二十日，各企业要开展自查", "6月1日至6月20日，各企业要开展自查"),
                          ("六月二十日至三十日", "6月20日至30日"), ("镇中心学校要在六月中旬组织演练", "镇中心学校要在6月中旬组织演练"),
                          ("十二月底前完成", "12月底前完成"), ("二〇二三年六月二十五日", "2023年6月25日"), ("今年六月是第22个", "今年6月是第22个"),
                          ("各村要在六月份组织一次", "各村要在6月份组织一次")):
        assert arabic_dates(written) == read, written
    for untouched in ("每月一次", "第一月一次", "一二三四年", "三月一次的例会"):
        assert arabic_dates(untouched) == untouched
    lines = _notice_lines(tmp_path, "某镇关于开展2023年“安全生产月”活动的通知\n各村：\n（三）各企业要在六月二十日前组织全体职工开展一次安全培训。\n")
    draft = extract(lines)
    assert [(a.value["kind"], a.value.get("date")) for a in draft.activities] == [("training", date(2023, 6, 20))]


def test_full_width_digits_read_as_digits(tmp_path):
    lines = _notice_lines(tmp_path, "某区住建委文件\n澄建管〔２０２５〕４１号\n关于做好２０２５年“安全生产月”活动的通知\n"
                                    "（四）６月１６日，各施工企业要设置“安全宣传咨询点”，联系电话：６２３４５６７８。\n")
    assert lines[1].text == "澄建管〔2025〕41号" and "，联系电话：62345678。" in lines[3].text  # full-width punctuation stays
    draft = extract(lines)
    assert draft.value("doc_no") == "澄建管〔2025〕41号" and draft.value("year") == 2025


def test_lines_hard_wrapped_at_one_width_are_joined_into_their_paragraphs(tmp_path):
    from compliance.importer.reader import join_wrapped

    paragraph = "　　（一）开展应急演练。各企业要于6月25日前至少组织开展一次危险化学品泄漏事故应急演练，各学校要在6月中旬组织师生开展地震和火灾应急疏散演练，各村要开展防汛演练。"
    wrapped = ["某园区管委会关于开展2024年“安全生产月”活动的通知", "园区各企业："]
    for text in (paragraph, paragraph.replace("（一）", "（二）"), paragraph.replace("（一）", "（三）")):
        wrapped += [text[i:i + 30] for i in range(0, len(text), 30)]
    joined = [text for _, text in join_wrapped(wrapped)]
    assert joined == ["某园区管委会关于开展2024年“安全生产月”活动的通知", "园区各企业：", paragraph, paragraph.replace("（一）", "（二）"),
                      paragraph.replace("（一）", "（三）")]
    assert [number for number, _ in join_wrapped(wrapped)] == [1, 2, 3, 3 + len(paragraph) // 30 + 1, 3 + 2 * (len(paragraph) // 30 + 1)]
    # a notice written a paragraph a line is left as it is, however long its lines
    plain = ["某县关于开展2024年“安全生产月”活动的通知", paragraph, paragraph.replace("（一）", "（二）"), "", paragraph.replace("（一）", "（三）")]
    assert [text for _, text in join_wrapped(plain)] == plain
    draft = extract(_notice_lines(tmp_path, "\n".join(wrapped) + "\n"))
    assert ("drill", date(2024, 6, 25)) in [(a.value["kind"], a.value.get("date")) for a in draft.activities]


def test_lines_cut_at_one_width_on_the_page_are_joined_over_page_furniture(tmp_path):
    import unicodedata

    from compliance.importer.reader import join_wrapped

    def cut(paragraph: str, width: float = 24) -> list[str]:  # as a PDF lays it out: a digit takes half a place
        lines, line, used = [], "", 0.0
        for char in paragraph:
            place = 1 if unicodedata.east_asian_width(char) in "WFA" else 0.5
            if used + place > width and char not in "，。；":  # a mark may hang past the edge
                lines, line, used = lines + [line], "", 0.0
            line, used = line + char, used + place
        return lines + [line]

    opening = "今年6月是第24个全国“安全生产月”。根据省安委办《关于开展2025年全省“安全生产月”活动的通知》部署，现就做好我市活动通知如下。"
    drills = ("（一）组织开展应急演练。各县（市、区）要在6月25日前组织完成以下演练：各社区要开展高层住宅火灾应急疏散演练；各中小学校要开展"
              "地震和火灾应急疏散演练；各企业要开展危险化学品泄漏事故应急演练。")
    films = "（二）开展警示教育。6月份，各地要组织企业职工观看《生命重于泰山》专题片和近年典型事故警示教育片，以案说法、以案促改。"
    page_two = cut(drills)
    page_two[3:3] = ["", "— 1 —", "", "某市人民政府门户网站 政府信息公开", ""]  # a page break in the middle of the paragraph
    wrapped = (["某市安委办关于开展2025年“安全生产月”活动的通知", "各县（市、区）安委会：", *cut(opening), "一、活动时间",
                "2025年6月1日至6月30日。", "二、重点活动", *page_two, *cut(films), "", "— 2 —", "", "某市人民政府门户网站 政府信息公开",
                "", "某市安委办"])
    assert len({len(text) for text in wrapped if len(text) > 20}) > 1  # no one number of characters
    joined = [text for _, text in join_wrapped(wrapped)]
    assert opening in joined and drills in joined and films in joined
    assert not any("门户网站" in text or "— 1 —" in text for text in joined)
    assert "一、活动时间" in joined and "二、重点活动" in joined
    draft = extract(_notice_lines(tmp_path, "\n".join(wrapped) + "\n"))
    assert {"school", "enterprise"} <= {a.value.get("sector") for a in draft.activities if a.value["kind"] == "drill"}
    assert draft.value("period") == (date(2025, 6, 1), date(2025, 6, 30))


def test_a_media_campaign_its_visits_and_its_ledger():
    for body in ("（六）6月至12月，市安委办联合市级媒体组成采访组，深入各县（市、区）重点行业领域开展暗查暗访、曝光典型隐患。",
                 "（六）县应急局会同县融媒体中心组成联合采访组，赴各乡镇开展暗查暗访，曝光一批典型隐患问题。"):
        draft = _draft_of(body)
        kinds = [a.value["kind"] for a in draft.activities]
        assert "media_campaign" in kinds and "hazard_inspection" not in kinds, body
        assert any("media" in t.value for t in draft.todos), body
    # unannounced visits with no media are still a check
    assert "hazard_inspection" in [k for k, *_ in _activities_of("（二）6月中旬，县安委办组织对重点企业开展暗查暗访。")]
    # a ledger of exposed hazards is no exposure ordered
    draft = _draft_of("（六）各乡镇要建立问题隐患曝光整改台账，逐项销号。")
    assert [r for r in draft.requirements if r.value.get("kind") == "hazard_exposure"] == []
    assert [r.value.get("kind") for r in _draft_of("（六）各乡镇要开展隐患曝光，每月曝光一批典型问题。").requirements] == ["hazard_exposure"]


def test_a_campaigns_own_summary_may_be_called_its_special_summary():
    for body in ("（六）各县（市、区）要于12月10日前报送“嘉屏行”专项总结。", "（六）各乡镇要于12月10日前报送“三秦行”活动总结。"):
        draft = _draft_of(body)
        assert [(r.value.get("report"), r.value.get("due")) for r in draft.requirements if r.value["type"] == "report_due"] == [("campaign_summary", date(2024, 12, 10))], body


def test_the_level_of_a_committee_for_a_line_of_work_and_of_a_park():
    from compliance.importer.header import level_of

    assert level_of("上海市澄浦区住房和城乡建设管理委员会") == "department"  # 城乡 is no 乡; a 管理委员会 named for its work
    assert level_of("某市城市管理委员会") == "department"
    assert level_of("云浦产业园管理委员会") == "county"  # a park's 管委会, as a 开发区's
    assert level_of("江澜化工园区管理委员会") == "county" and level_of("某开发区管理委员会") == "county"
    assert level_of("某乡人民政府") == "street" and level_of("某县城乡建设局") == "department"


def test_an_indented_heading_after_the_groups_lines_names_no_member():
    for after in ("　　领导小组办公室设在安全生产基础和宣传教育股。\n　　三、活动安排\n", "　　三、活动内容\n", "　　（二）工作要求\n"):
        group = _group("　　组  长：孙  涛  局党委书记、局长\n　　成  员：刘光明  办公室主任\n　　　　　　韩  雪  宣传教育股股长\n" + after)
        assert [m.get("name") for m in group["members"]] == ["刘光明", "韩雪"], after
    group = _group("职务\t姓名\t单位及职务\n组长\t陈国栋\t镇长\n成员\t黄俊\t镇农业服务中心主任\n　　三、活动内容\n")
    assert [m.get("name") for m in group["members"]] == ["黄俊"]


def test_units_in_a_series_after_one_organise_each_hold_their_own_drill():
    found = _activities_of("（四）6月份，各县（市、区）要组织地质灾害隐患点所在村开展避险转移演练，沿河村开展防汛演练，中小学校开展地震和火灾疏散演练，"
                           "危化品、工贸等企业开展危险化学品泄漏、有限空间等事故应急演练。")
    assert sorted((sectors, scenarios) for kind, _, sectors, scenarios in found if kind == "drill") == [
        (("enterprise",), ("hazardous_chemicals", "confined_space")), (("rural",), ("geological", "flood")), (("school",), ("earthquake", "fire"))]
    draft = _draft_of("（四）6月份，各县（市、区）要组织地质灾害隐患点所在村开展避险转移演练，沿河村开展防汛演练，中小学校开展地震和火灾疏散演练。")
    assert sorted(r.value["sector"] for r in draft.requirements if r.value["type"] == "drill_per_sector") == ["rural", "school"]
    found = _activities_of("（三）各乡镇要于6月20日前组织辖区企业开展一次火灾应急演练，学校开展防震疏散演练。")
    assert (("school",), ("earthquake",)) in [(sectors, scenarios) for kind, _, sectors, scenarios in found if kind == "drill"]
    assert ((), ("earthquake",)) not in [(sectors, scenarios) for kind, _, sectors, scenarios in found if kind == "drill"]
    # a series of other events is no drill series
    assert [k for k, *_ in _activities_of("（三）各乡镇要组织企业职工开展一次培训，学校开展地震演练。") if k == "drill"] == []


def test_quoted_parts_of_what_is_asked_take_the_time_of_the_sentence_that_asks_it():
    body = ("（三）扎实开展安全宣传“五进”。各县（市、区）要按照“一是进企业，组织职工开展岗位风险辨识；二是进农村，利用农村大喇叭宣讲用电知识；"
            "三是进社区，组织网格员开展入户宣传；四是进学校，开展‘安全第一课’；五是进家庭，推广家庭应急包”的要求，于6月25日前集中开展一轮宣传。")
    found = sorted((sectors, when) for kind, when, sectors, _ in _activities_of(body) if kind == "publicity")
    assert found == [(("community",), "2024-06-25"), (("enterprise",), "2024-06-25"), (("family",), "2024-06-25"), (("rural",), "2024-06-25"),
                     (("school",), "2024-06-25")]
    # a part with a time of its own keeps it; parts not quoted as what is asked take no time from after them
    found = dict((sectors, when) for kind, when, sectors, _ in _activities_of(body.replace("开展‘安全第一课’", "6月10日前开展‘安全第一课’")) if kind == "publicity")
    assert found[("school",)] != "2024-06-25" and found[("rural",)] == "2024-06-25"
    plain = "（三）各乡镇要开展安全宣传：一是进企业，组织职工开展岗位风险辨识；二是进农村，利用大喇叭宣讲用电知识。"
    assert [when for kind, when, _, _ in _activities_of(plain) if kind == "publicity"] == [None, None]


def test_people_who_only_watch_an_event_put_it_in_no_sector():
    for body in ("（三）区住房城乡建设管理委将于6月18日在澄浦新城地块项目组织一次深基坑坍塌等建筑施工生产安全事故应急救援实战演练，各施工企业安全负责人现场观摩。",
                 "（三）县应急局将于6月20日组织一次危险化学品泄漏综合应急演练，邀请各企业负责人观摩。"):
        assert [(k, sectors) for k, _, sectors, _ in _activities_of(body)] == [("drill", ())], body
    # those who take part still put it in theirs
    assert [(k, sectors) for k, _, sectors, _ in _activities_of("（三）6月20日前，组织企业职工开展一次消防演练，各村干部现场观摩。")] == [("drill", ("enterprise",))]


def test_a_task_given_to_one_named_school_is_no_order_to_the_level_below():
    for body in ("（四）镇中心学校要在6月中旬组织师生开展地震和火灾应急疏散演练。", "（四）县实验小学要在6月中旬组织师生开展地震应急疏散演练。"):
        draft = _draft_of(body)
        assert [r for r in draft.requirements if r.value["type"] in ("drill_per_sector", "activity")] == [], body
        assert [a.value["kind"] for a in draft.activities] == ["drill"]
    for body in ("（四）各中小学校要在6月中旬组织师生开展地震应急疏散演练。", "（四）各镇中心学校要在6月中旬组织师生开展地震应急疏散演练。"):
        assert [r.value["sector"] for r in _draft_of(body).requirements if r.value["type"] == "drill_per_sector"] == ["school"], body


def test_an_event_held_before_or_after_the_drill_is_in_the_drills_order():
    found = _activities_of("（三）各企业要在6月20日前开展一次应急演练，演练前对全员进行应急处置培训。")
    assert ("training", "2024-06-20", ("enterprise",), ()) in found
    # 对全员 is whom the training is for, not a holder of no sector
    found = _activities_of("（三）各企业要在6月20日前开展一次应急演练，对全员进行应急处置培训。")
    assert [(k, sectors) for k, _, sectors, _ in found if k == "training"] == [("training", ("enterprise",))]


def test_units_told_after_the_issuers_own_event_hold_theirs_at_the_time_leading_the_sentence():
    draft = _draft_of("1.6月16日，全县在汶岭文化广场举办“安全宣传咨询日”活动，各乡镇（街道）同步在集贸市场设置咨询点，各企业组织开放日活动。")
    assert [r.value.get("date") for r in draft.requirements if r.value.get("kind") == "open_day"] == [date(2024, 6, 16)]
    # the units only taking part are ordered nothing
    assert _draft_of("（四）6月8日，市安委办举办专题培训，各乡镇分管负责同志参加。").requirements == []


def test_a_meeting_that_deploys_or_mobilises_is_a_launch():
    for body in ("（一）各乡镇（街道）要在6月上旬召开辖区企业负责人会议进行部署。",
                 "（二）区住房城乡建设管理委在6月上旬召开全区建设系统安全生产工作会议，委主要领导作专题动员。"):
        assert [k for k, *_ in _activities_of(body)] == ["launch_ceremony"], body
    assert _activities_of("（二）6月上旬召开安全生产工作会议，听取各单位汇报。") == []


def test_units_told_they_too_must_drill_are_that_sectors():
    found = _activities_of("（三）各企业要在6月20日前开展一次应急演练；非煤矿山企业还要开展一次尾矿库防汛桌面推演。")
    assert (("enterprise",), ("flood",)) in [(sectors, scenarios) for kind, _, sectors, scenarios in found if kind == "drill"]
    found = _activities_of("（三）各村要开展防汛演练，各学校也要开展地震疏散演练。")
    assert (("school",), ("earthquake",)) in [(sectors, scenarios) for kind, _, sectors, scenarios in found if kind == "drill"]


def test_heads_leading_a_check_of_sites_hold_a_hazard_check_in_no_sector():
    draft = _draft_of("（二）各施工总承包企业、物业服务企业主要负责人要在6月10日前带头讲一次安全课，带队检查一次项目或小区。")
    assert [(r.value["kind"], r.value.get("not_after")) for r in draft.requirements if r.value.get("kind") == "hazard_inspection"] == [
        ("hazard_inspection", date(2024, 6, 10))]
    assert [(a.value["kind"], a.value.get("sectors")) for a in draft.activities if a.value["kind"] == "hazard_inspection"] == [("hazard_inspection", None)]
    assert ("hazard_inspection", "2024-06-15", ("enterprise",), ()) in _activities_of("（二）各乡镇主要负责同志要在6月15日前带队检查一次辖区重点企业。")


def test_a_liaison_told_to_give_a_phone_is_a_liaison_asked_for():
    draft = _draft_of("（一）各县（市、区）要于5月30日前将活动方案和联络员信息表报市安委办，联络员须留手机号码。")
    assert [r.value for r in draft.requirements if r.value["type"] == "contact"] == [
        {"type": "contact", "role": "liaison", "basis": "（一）", "require_phone": True}]
    assert [r for r in _draft_of("（一）请各乡镇于5月30日前报送联络员信息。").requirements if r.value["type"] == "contact"] == []


def test_an_online_quiz_is_a_knowledge_contest_and_a_leaders_safety_inspection_a_check():
    draft = _draft_of("2.6月中旬，保卫科牵头举办全员安全生产法律知识网络答题活动，各科室要组织本科室人员全员参与。")
    assert [(a.value["kind"], a.value.get("start"), a.value.get("end")) for a in draft.activities] == [
        ("knowledge_contest", date(2024, 6, 11), date(2024, 6, 20))]
    # taking part in the national events listed is no contest held
    assert _activities_of("各部门要积极组织人员参加“避险逃生训练营”短视频展播、网络知识答题等全国性活动。") == []
    draft = _draft_of("2.6月下旬，集团领导带队对各院区开展安全生产综合督查。")
    assert [(a.value["kind"], a.value.get("start")) for a in draft.activities] == [("hazard_inspection", date(2024, 6, 21))]
    assert _activities_of("2.6月下旬，县领导带队对各乡镇活动开展情况进行督查。") == []  # a supervision of the month's work


def test_two_people_joined_by_he_in_an_inline_group_each_keep_their_post():
    group = _group("集团成立“安全生产月”活动领导小组，党委书记、理事长罗振华任组长，党委副书记、院长吴明辉和副院长熊丽萍任副组长。")
    assert group["deputies"] == [{"name": "吴明辉", "title": "党委副书记、院长"}, {"name": "熊丽萍", "title": "副院长"}]
    group = _group("县里成立领导小组，县长张三任组长，县住房和城乡建设局局长王五任副组长。")  # 和 inside a post
    assert group["deputies"] == [{"name": "王五", "title": "县住房和城乡建设局局长"}]


def test_some_units_told_to_drill_in_addition_hold_a_drill_and_are_ordered_nothing_more():
    draft = _draft_of("（三）各企业要在6月20日前开展一次应急演练；非煤矿山企业还要开展一次尾矿库防汛桌面推演。")
    assert [(r.value["sector"], r.value["scenarios"]) for r in draft.requirements if r.value["type"] == "drill_per_sector"] == [("enterprise", [])]
    assert {"kind": "drill", "sector": "enterprise", "scenarios": ["flood"]} in [a.value for a in draft.activities]


def test_quoted_parts_due_by_a_time_order_the_publicity_by_it_and_a_special_study_is_ordered():
    body = ("（三）扎实开展安全宣传“五进”。各县（市、区）要按照“一是进企业，组织职工开展岗位风险辨识；二是进农村，利用农村大喇叭宣讲用电知识；"
            "三是进社区，组织网格员开展入户宣传；四是进学校，开展‘安全第一课’；五是进家庭，推广家庭应急包”的要求，于6月25日前集中开展一轮宣传。")
    assert [r.value.get("not_after") for r in _draft_of(body).requirements if r.value["type"] == "activity" and r.value.get("kind") == "publicity"] == [
        date(2024, 6, 25)]
    draft = _draft_of("（一）各县（市、区）党委理论学习中心组要在6月上旬专题学习习近平总书记关于安全生产的重要论述。")
    assert [(r.value["kind"], r.value.get("not_before"), r.value.get("not_after")) for r in draft.requirements] == [
        ("study_session", date(2024, 6, 1), date(2024, 6, 10))]


def test_parts_of_a_drill_order_listed_after_a_colon_are_drills_of_that_order():
    body = ("（三）分类开展应急演练。各企业要结合行业特点，于6月25日前至少组织开展一次应急演练：1.化工、医药企业重点开展危险化学品泄漏事故应急演练；"
            "2.电子、纺织等劳动密集型企业重点开展火灾应急疏散演练；3.涉及有限空间作业的企业重点开展有限空间作业事故应急救援演练。")
    found = {scenarios: (when, sectors) for kind, when, sectors, scenarios in _activities_of(body) if kind == "drill"}
    assert found[("fire",)] == ("2024-06-25", ("enterprise",)) and found[("confined_space",)] == ("2024-06-25", ("enterprise",))


def test_the_theme_is_the_quote_right_before_its_word_after_the_months_name():
    draft = extract(_lines("关于做好2025年“安全生产月”活动的通知\n各街道：\n为深入贯彻…，紧紧围绕第24个全国“安全生产月”“人人讲安全、个个会应急——查找身边安全隐患”主题，"
                           "进一步夯实行业安全生产基础，现就有关事项通知如下。\n"))
    assert draft.value("theme") == "人人讲安全、个个会应急——查找身边安全隐患"
    assert not any(r.value["type"] == "theme" for r in draft.requirements)


def test_units_told_to_study_after_the_lines_study_hold_that_study():
    for body in ("（一）开展学习宣贯活动。6月上旬，镇党委理论学习中心组开展习近平总书记关于安全生产重要论述专题学习；各村（社区）要通过“两委”会议、"
                 "党员大会等形式组织集中学习，各企业要组织主要负责人和安全管理人员开展专题学习。",
                 "1.6月上旬，集团党委理论学习中心组开展新《安全生产法》专题学习；各院区、各科室要利用晨会、科务会组织学习，科室主任要讲一次安全课。"):
        assert [r.value for r in _draft_of(body).requirements if r.value.get("kind") == "study_session"] == [
            {"type": "activity", "kind": "study_session", "basis": body[:3] if body[0] == "（" else "1"}], body
    # the public taught is publicity; a study named by nothing before it is none
    body = "（一）一是6月上旬，镇党委理论学习中心组开展习近平总书记关于安全生产重要论述专题学习；二是各村（社区）要组织群众学习新知识。"
    assert [r for r in _draft_of(body).requirements if r.value.get("kind") == "study_session"] == []
    assert [r for r in _draft_of("（一）各企业要组织职工开展专题学习。").requirements if r.value.get("kind") == "study_session"] == []


def test_units_the_addressees_guide_or_urge_hold_the_drill_of_their_sector():
    draft = _draft_of("（三）开展应急演练。各施工总承包企业要于6月25日前在所属项目组织一次防汛或生产安全事故应急演练；"
                      "各街镇要指导各社区会同物业服务企业，开展一次高层住宅火灾应急疏散演练。")
    assert sorted(r.value["sector"] for r in draft.requirements if r.value["type"] == "drill_per_sector") == ["community", "enterprise"]
    draft = _draft_of("（三）各乡镇要督促辖区企业开展一次消防演练。")
    assert [(r.value["sector"], r.value["scenarios"]) for r in draft.requirements if r.value["type"] == "drill_per_sector"] == [("enterprise", ["fire"])]


def _numbered_docx(path):
    """A notice whose clause numbers are Word's automatic numbering: （%1） in Chinese numerals restarting under 五, and
    List Number 1./2. restarting under each （一）; a schedule cell holds two units on two lines."""
    docx = pytest.importorskip("docx")
    from docx.oxml import parse_xml

    w = 'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"'
    document = docx.Document()
    numbering = document.part.numbering_part.element
    numbering.insert(0, parse_xml(f'<w:abstractNum {w} w:abstractNumId="90"><w:lvl w:ilvl="0"><w:start w:val="1"/>'
                                  '<w:numFmt w:val="chineseCounting"/><w:lvlText w:val="（%1）"/></w:lvl></w:abstractNum>'))
    list_number = document.styles["List Number"].element.pPr.numPr.numId.val
    list_abstract = numbering.num_having_numId(list_number).abstractNumId.val
    numbering.append(parse_xml(f'<w:num {w} w:numId="90"><w:abstractNumId w:val="90"/></w:num>'))
    numbering.append(parse_xml(f'<w:num {w} w:numId="91"><w:abstractNumId w:val="90"/><w:lvlOverride w:ilvl="0">'
                               '<w:startOverride w:val="1"/></w:lvlOverride></w:num>'))
    for num_id in (92, 93):
        numbering.append(parse_xml(f'<w:num {w} w:numId="{num_id}"><w:abstractNumId w:val="{list_abstract}"/>'
                                   '<w:lvlOverride w:ilvl="0"><w:startOverride w:val="1"/></w:lvlOverride></w:num>'))

    def numbered(text, num_id=None, style=None):
        paragraph = document.add_paragraph(text, style=style)
        if num_id is not None:
            paragraph._p.get_or_add_pPr().insert(0, parse_xml(
                f'<w:numPr {w}><w:ilvl w:val="0"/><w:numId w:val="{num_id}"/></w:numPr>'))

    numbered("石岭县应急管理局")
    numbered("关于开展2024年“安全生产月”活动的通知")
    numbered("四、活动内容")
    numbered("集中学习。", 90)
    numbered("6月上旬，各村要组织集中学习。", 92, "List Number")
    numbered("各企业要于6月15日前开展一次隐患自查自纠。", 92, "List Number")
    numbered("组织开展应急演练。", 90)
    numbered("各学校要于6月20日前开展1次地震应急疏散演练。", 93, "List Number")
    numbered("县应急管理局将于6月下旬开展防汛应急演练。", 93, "List Number")
    numbered("五、工作要求")
    numbered("加强组织领导。", 91)
    numbered("强化信息报送。各村要于每周四前将活动开展情况报县应急管理局。", 91)
    table = document.add_table(rows=2, cols=3)
    for cell, text in zip(table.rows[0].cells, ("序号", "时间", "责任单位")):
        cell.text = text
    row = table.rows[1].cells
    row[0].text, row[1].text = "1", "6月下旬"
    row[2].paragraphs[0].text = "县应急管理局"
    row[2].add_paragraph("各乡镇")
    document.save(str(path))
    return path


def test_word_automatic_numbering_is_read_as_the_clause_numbers_a_reader_sees(tmp_path):
    lines = [line.text for line in read_notice(_numbered_docx(tmp_path / "numbered.docx"))]
    assert lines[3:12] == ["（一）集中学习。", "1.6月上旬，各村要组织集中学习。", "2.各企业要于6月15日前开展一次隐患自查自纠。",
                           "（二）组织开展应急演练。", "1.各学校要于6月20日前开展1次地震应急疏散演练。",
                           "2.县应急管理局将于6月下旬开展防汛应急演练。", "五、工作要求", "（一）加强组织领导。",
                           "（二）强化信息报送。各村要于每周四前将活动开展情况报县应急管理局。"]
    draft = extract(read_notice(tmp_path / "numbered.docx"))
    drills = [r.value for r in draft.requirements if r.value.get("type") == "drill_per_sector"]
    assert drills and {d["basis"] for d in drills} == {"四（二）1"}


def test_a_table_cell_of_several_lines_reads_as_one_list(tmp_path):
    lines = [line.text for line in read_notice(_numbered_docx(tmp_path / "numbered.docx"))]
    assert lines[-1] == "1\t6月下旬\t县应急管理局；各乡镇"


def test_drills_listed_as_numbered_lines_below_an_order_ending_qizhong_take_its_deadline():
    body = ("（四）组织开展应急演练。各乡镇要于6月25日前至少组织1次应急演练，其中：\n1.各村（社区）重点开展防汛或地质灾害避险转移演练；\n"
            "2.辖区生产经营单位重点开展火灾、危险化学品泄漏、有限空间事故应急演练；\n3.辖区中小学校、幼儿园开展地震、火灾应急疏散演练。")
    drills = {(day, tuple(sorted(sectors)), scenarios) for kind, day, sectors, scenarios in _activities_of(body) if kind == "drill"}
    assert drills == {("2024-06-25", ("community", "rural"), ("flood", "geological")),
                      ("2024-06-25", ("enterprise",), ("fire", "hazardous_chemicals", "confined_space")),
                      ("2024-06-25", ("school",), ("earthquake", "fire"))}


def test_drills_listed_on_numbered_lines_below_an_order_are_ordered_per_sector():
    body = ("（四）组织开展应急演练。各乡镇要于6月25日前至少组织1次应急演练，其中：\n1.各村（社区）重点开展防汛或地质灾害避险转移演练；\n"
            "2.辖区生产经营单位重点开展火灾、危险化学品泄漏、有限空间事故应急演练；\n3.辖区中小学校、幼儿园开展地震、火灾应急疏散演练。")
    draft = extract(_lines(f"岷山县安全生产委员会办公室关于开展2024年“安全生产月”活动的通知\n各乡镇：\n{body}\n"))
    orders = {r.value["sector"] for r in draft.requirements if r.value["type"] == "drill_per_sector"}
    assert orders == {"rural", "community", "enterprise", "school"}
    assert not [r for r in draft.requirements if r.value["type"] == "activity" and r.value.get("kind") == "drill"]


def test_a_unit_named_before_yingji_is_not_told_anything():
    draft = extract(_lines("江苏某化工有限公司关于开展2023年“安全生产月”活动的通知\n公司各部门、各车间：\n（四）宣传教育\n"
                           "2.6月中旬，公司组织青年志愿者走进周边社区开展安全宣传进社区、进家庭活动，宣传化工企业应急避险和燃气安全常识。\n"))
    assert not [r for r in draft.requirements if r.value["type"] == "sectors_covered"]


def test_a_dated_clause_repeating_a_schedule_row_is_that_rows_drill_and_no_undated_other():
    draft = extract(_lines("江苏某化工有限公司关于开展2023年“安全生产月”活动的通知\n公司各部门、各车间：\n（三）应急演练\n"
                           "3.综合办公室于6月中旬组织员工宿舍夜间疏散演练。\n附件1\n序号\t时间\t活动内容\t责任单位\n"
                           "1\t6月中旬\t员工宿舍夜间疏散演练\t综合办公室\n"))
    drills = [a.value for a in draft.activities if a.value["kind"] == "drill"]
    assert drills and all(d.get("start") and d["start"].isoformat() == "2023-06-11" for d in drills)


def test_a_drill_after_a_comma_with_its_own_time_is_held_then():
    draft = extract(_lines("某街道办事处关于开展2025年“安全生产月”活动的通知\n各社区：\n"
                           "（五）组织开展应急演练。街道将于6月12日联合枫汀小学开展校园防溺水和地震疏散演练，6月下旬在银杉社区组织电动自行车充电火灾应急演练。\n"))
    ebike = [a.value for a in draft.activities if a.value["kind"] == "drill" and "ebike_charging" in a.value.get("scenarios", [])]
    assert [(d.get("date"), d.get("start") and d["start"].isoformat(), d.get("end") and d["end"].isoformat()) for d in ebike] == [
        (None, "2025-06-21", "2025-06-30")]


def test_the_issuers_drill_repeating_a_schedule_row_is_the_rows_with_its_sector():
    draft = extract(_lines("某街道办事处关于开展2025年“安全生产月”活动的通知\n各社区：\n"
                           "（五）组织开展应急演练。6月25日前，各社区要开展1次高层住宅火灾应急疏散演练。"
                           "街道将于6月12日联合枫汀小学开展校园防溺水和地震疏散演练，6月下旬在银杉社区组织电动自行车充电火灾应急演练。\n附件1\n序号\t时间\t活动内容\t责任单位\n"
                           "1\t6月12日\t校园防溺水和地震疏散演练\t街道应急管理办；枫汀小学\n"))
    drills = [a.value for a in draft.activities if a.value["kind"] == "drill" and "drowning" in a.value.get("scenarios", [])]
    assert drills and all(d.get("sectors") == ["school"] or d.get("sector") == "school" for d in drills)


def test_a_meetings_branch_venues_order_no_launch():
    draft = extract(_lines("重庆市某区安全生产委员会办公室关于开展2024年全区“安全生产月”活动的通知\n各街道办事处、镇人民政府：\n"
                           "（一）集中学习研讨。区安委办将于6月5日组织召开全区“安全生产月”动员部署视频会，区安委会成员单位分管负责同志参加，各街镇设分会场。\n"))
    assert not [r for r in draft.requirements if r.value.get("kind") == "launch_ceremony"]


def test_a_check_held_by_a_class_of_schools_in_their_sector_is_left_to_the_clerk():
    draft = extract(_lines("某县教育局关于开展2022年全县教育系统“安全生产月”活动的通知\n各乡镇中心学校，县直各中小学：\n（二）开展校园安全隐患排查整治\n"
                           "2.寄宿制学校要重点对学生宿舍用电、夜间值守情况开展专项检查。\n"))
    assert not [a for a in draft.activities if a.value["kind"] == "hazard_inspection"]


def test_heads_told_a_duty_first_then_to_give_a_safety_lesson_hold_a_leader_talk():
    kinds = [(kind, day, sectors) for kind, day, sectors, _ in _activities_of(
        "1.各学校校长要切实当好学校安全第一责任人，于6月15日前为全校师生讲一堂安全课。", 2022)]
    assert kinds == [("leader_talk", "2022-06-15", ("school",))]


def test_a_schedule_row_repeating_a_check_of_enterprises_without_its_sector_is_that_check():
    draft = extract(_lines("某街道办事处关于开展2025年“安全生产月”活动的通知\n各社区：\n"
                           "（二）开展隐患排查。6月中下旬，街道综合行政执法队将对辖区危险化学品使用企业开展专项执法检查。\n附件1\n序号\t时间\t活动内容\t责任单位\n"
                           "5\t6月中下旬\t危险化学品使用企业专项执法检查\t街道综合行政执法队\n"))
    checks = [a.value for a in draft.activities if a.value["kind"] == "hazard_inspection"]
    assert checks and all(c.get("sectors") == ["enterprise"] or c.get("sector") == "enterprise" for c in checks)


def test_wujin_parts_numbered_1_inside_a_paragraph_are_one_publicity_each():
    found = _activities_of("（三）深入开展安全宣传“五进”活动。各社区、各企业要紧扣活动主题，1.进企业，组织职工开展岗位大讨论；2.进农村，宣传农用机械安全；"
                           "3.进社区，利用宣传栏宣传消防安全；4.进学校，配合学校开展“安全第一课”；5.进家庭，入户提醒居民清理楼道杂物。", 2025)
    assert sorted(sectors for kind, _, sectors, _ in found if kind == "publicity") == [
        ("community",), ("enterprise",), ("family",), ("rural",), ("school",)]


def test_a_theme_under_its_heading_followed_by_an_order_on_the_same_line_is_the_first_sentence():
    draft = extract(_lines("重庆市某区安全生产委员会办公室关于开展2024年全区“安全生产月”活动的通知\n各街道办事处：\n一、活动主题\n"
                           "人人讲安全、个个会应急——畅通生命通道。各街镇要紧扣活动主题，结合辖区实际组织开展各项活动。\n二、活动时间\n2024年6月1日至6月30日。\n"))
    assert draft.value("theme") == "人人讲安全、个个会应急——畅通生命通道"
    assert [r for r in draft.requirements if r.value["type"] == "theme"]


def test_units_told_to_set_up_a_group_of_their_own_accordingly_are_ordered_one():
    assert "leading_group" in _requirement_types("三、组织领导\n领导小组办公室设在区应急管理局。各街镇要相应成立领导小组，明确专门科室和人员，并确定1名联络员。")


def test_units_told_to_complete_their_self_check_by_a_day_are_ordered_it():
    assert "activity" in _requirement_types("（二）开展专项检查。区属各国有企业要在6月20日前完成本单位隐患自查自纠。")


def test_rows_of_an_attachment_after_the_signature_cite_the_attachment_not_the_last_clause():
    from compliance.importer.clauses import clause_of_lines
    from compliance.importer.reader import Line

    texts = ["五、工作要求", "（四）6月25日前，各单位报送活动总结（附件2）。", "附件：1.重点活动安排表", "2.活动情况统计表",
             "淮澜经开区安委办", "附件1", "序号\t时间\t活动内容\t责任单位", "1\t6月上旬\t企业主要负责人讲安全\t各企业",
             "附件 2：", "单位名称\t活动场次"]
    clauses = clause_of_lines([Line(number, text) for number, text in enumerate(texts, start=1)])
    assert clauses[2] == "五（四）"
    assert clauses[3] == "五（四）"  # the list of attachments under the body is no attachment itself
    assert clauses[8] == "附件1"
    assert clauses[10] == "附件2"


def test_a_schedule_row_whose_cells_run_on_under_an_empty_number_is_one_row():
    draft = extract(_lines("某县安全生产委员会办公室关于开展2025年“安全生产月”活动的通知\n各乡镇：\n附件1\n序号\t时间\t活动内容\t责任单位\n"
                           "1\t6月1日—\t开展“查找身边安全隐患”专项排查，重点排查农村自建房、瓶装\t各乡镇人民政府；\n"
                           "\t6月25日\t液化石油气、电动自行车充电等\t县住建局\n"
                           "2\t6月10日、\t县安委办对各乡镇开展督导检查\t县安委办\n\t6月17日\n"
                           "3\t6月中旬\t组织企业职工观看警示教育片\t县应急管理局\n"))
    checks = [a for a in draft.activities if a.value["kind"] == "hazard_inspection"]
    assert [(a.value.get("start") and a.value["start"].isoformat(), a.value.get("end") and a.value["end"].isoformat())
            for a in checks if a.line == 5] == [("2025-06-01", "2025-06-25")]
    assert not [a for a in checks if a.line in (6, 8)]  # the lines a row runs on to are no rows of their own
    films = [a for a in draft.activities if a.value["kind"] == "warning_education"]
    assert [a.line for a in films] == [9] and films[0].phrase.startswith("组织企业职工")  # read as a row, after a run-on of two cells


def test_a_rows_drill_for_the_units_it_begins_with_is_their_sectors_and_ordered_so_beside_a_plain_order():
    draft = extract(_lines("某县安全生产委员会办公室关于开展2025年“安全生产月”活动的通知\n各乡镇：\n"
                           "（三）扎实开展应急演练。各乡镇要指导各村（社区）结合汛期特点开展避险转移演练。\n附件1\n序号\t时间\t活动内容\t责任单位\n"
                           "1\t6月20日前\t各村（社区）开展防汛或地质灾害避险转移演练\t各乡镇人民政府\n"))
    drills = [a.value for a in draft.activities if a.value["kind"] == "drill"]
    assert [(d["date"].isoformat(), sorted(d["sectors"])) for d in drills] == [("2025-06-20", ["community", "rural"])]
    assert sorted(r.value["sector"] for r in draft.requirements if r.value["type"] == "drill_per_sector") == ["community", "rural"]
    assert not [r for r in draft.requirements if r.value.get("kind") == "drill"]


def test_bodies_that_share_their_youguan_fuze_tongzhi_each_hold_the_post():
    draft = _draft_of("（一）加强组织领导。省局成立领导小组，由局党组成员、副局长刘建新任组长，特种设备安全监察处处长周文斌任副组长，"
                      "局办公室、新闻宣传处、执法稽查局有关负责同志为成员。", 2023)
    assert [p.value for p in draft.leading_group["members"]] == [
        {"title": "局办公室有关负责同志"}, {"title": "新闻宣传处有关负责同志"}, {"title": "执法稽查局有关负责同志"}]


def test_bodies_sharing_a_holder_before_a_post_of_its_own_each_hold_it():
    draft = extract(_lines("某职业技术学院关于印发2024年“安全生产月”活动方案的通知\n各二级学院、各部门：\n二、组织领导\n"
                           "　　组  长：刘国栋  党委书记\n"
                           "　　成  员：党政办公室、教务处、保卫处主要负责人，各二级学院院长\n"))
    assert [p.value for p in draft.leading_group["members"]] == [
        {"title": "党政办公室主要负责人"}, {"title": "教务处主要负责人"}, {"title": "保卫处主要负责人"}, {"title": "各二级学院院长"}]


def test_an_indented_line_about_the_groups_office_after_its_members_is_no_member():
    draft = extract(_lines("某职业技术学院关于印发2024年“安全生产月”活动方案的通知\n各二级学院、各部门：\n二、组织领导\n"
                           "　　组  长：刘国栋  党委书记\n"
                           "　　成  员：党政办公室、教务处、保卫处主要负责人\n"
                           "　　领导小组下设办公室，办公室设在保卫处，由保卫处处长杨帆兼任办公室主任。\n"))
    assert [p.value["title"] for p in draft.leading_group["members"]] == ["党政办公室主要负责人", "教务处主要负责人", "保卫处主要负责人"]
    assert draft.leading_group["office"].value == "保卫处"


def test_knowledge_of_hazard_checks_taught_at_a_venue_is_no_check():
    found = _activities_of("（二）办好“安全宣传咨询日”。各乡镇要在6月16日同步设立分会场，组织辖区企业、村（社区）参加，"
                           "现场开展隐患排查知识宣讲、应急技能体验和政策咨询。", 2025)
    assert not [f for f in found if f[0] == "hazard_inspection"]
    assert [f for f in found if f[0] == "consultation_day"]


def test_a_schedule_rows_gathering_of_the_whole_county_sent_up_is_its_summary_alone():
    own, _ = _reports_of("罗岭县安全生产委员会办公室", "附件1\n序号\t时间\t活动内容\t责任单位\n"
                         "19\t6月26日前\t报送活动总结和“安全生产月”活动统计表\t各乡镇、县安委会各成员单位\n"
                         "20\t6月30日前\t汇总全县活动情况报市安委办\t县安委办\n")
    assert own == [("summary", "2024-06-30", None)]


def test_units_told_to_take_part_in_the_drills_above_are_ordered_no_drill():
    body = ("4．应急演练\n（1）6月12日下午，学院在教学区组织全院地震应急疏散演练。\n"
            "各二级学院、各部门要组织本单位人员积极参加上述演练，演练前要做好方案，确保演练安全。")
    assert "activity" not in _requirement_types(body)
    assert "activity" in _requirement_types(body.replace("积极参加上述演练", "开展一次消防演练"))


def test_publicity_ordered_in_one_sector_per_sentence_covers_those_sectors():
    draft = _draft_of("（五）广泛开展安全宣传。各市州局要设立咨询台。要组织开展特种设备安全宣传进社区活动，在住宅小区张贴安全乘梯须知。"
                      "要组织开展特种设备安全宣传进学校活动，在中小学校开展主题宣传。", 2023)
    covered = [r.value for r in draft.requirements if r.value["type"] == "sectors_covered"]
    assert [c["sectors"] for c in covered] == [["community", "school"]]
    assert not [r for r in draft.requirements if r.value.get("kind") == "publicity" and r.value["type"] == "activity"]


def test_a_drill_of_the_villages_and_their_residents_committees_is_rural_and_community():
    found = _activities_of("⑤应急演练。各村（居）要在6月25日前搞一次防汛转移避险演练。", 2024)
    assert {tuple(sorted(sectors)) for kind, _, sectors, _ in found if kind == "drill"} == {("community", "rural")}


def test_a_spot_check_made_of_the_enterprises_is_in_their_sector():
    found = _activities_of("③隐患排查。乡安监站6月下旬会同派出所、供电所对各企业进行抽查，查出问题的要限期整改。", 2024)
    assert [(kind, sectors) for kind, _, sectors, _ in found] == [("hazard_inspection", ("enterprise",))]


@pytest.mark.parametrize("text", ["各乡镇要参照成立相应的领导小组，加强对本辖区活动的组织领导。",
                                  "各二级学院、各部门要成立以主要负责人为组长的工作小组，做到有部署、有检查。",
                                  "各门店、各物业项目要相应成立以门店总经理（项目经理）为组长的活动小组，切实把活动抓在手上。"])
def test_units_told_to_set_up_a_group_in_other_words_are_ordered_one(text):
    assert "leading_group" in _requirement_types(f"三、组织领导\n{text}")


def test_a_row_for_the_towns_and_the_countys_own_departments_as_a_class_orders_its_event():
    table = "附件1\n序号\t时间\t活动内容\t责任单位\n"
    for who in ("各乡镇、县直各部门", "各乡镇、县直有关部门", "各乡镇、县属各国有企业"):
        draft = extract(_lines(f"某县安全生产委员会办公室关于开展2025年“安全生产月”活动的通知\n各乡镇：\n{table}"
                               f"3\t6月上旬\t理论学习中心组专题学习习近平总书记关于安全生产的重要论述\t{who}\n"))
        assert [r.value.get("kind") for r in draft.requirements if r.value["type"] == "activity"] == ["study_session"], who
    draft = extract(_lines(f"某县安全生产委员会办公室关于开展2025年“安全生产月”活动的通知\n各乡镇：\n{table}"
                           "3\t6月上旬\t理论学习中心组专题学习习近平总书记关于安全生产的重要论述\t各乡镇、县应急管理局\n"))
    assert not [r for r in draft.requirements if r.value["type"] == "activity"]  # shared with one named bureau: the issuer's


def test_heads_of_the_addressees_named_by_their_post_hold_the_lecture_they_are_told_to_give():
    draft = extract(_lines("某商业管理有限公司关于开展2022年“安全生产月”活动的通知\n各门店、各物业项目：\n"
                           "（二）开展负责人讲安全。各门店总经理、各物业项目经理要于6月15日前，在本店（本项目）早班会上为员工讲一次安全课。\n"))
    assert [(r.value["kind"], r.value["not_after"].isoformat()) for r in draft.requirements if r.value["type"] == "activity"] == [
        ("leader_talk", "2022-06-15")]


def test_heads_told_to_give_a_first_safety_class_hold_a_leader_talk():
    found = _activities_of("1．动员部署\n各二级学院院长要于6月14日前，为本院学生上一次“安全第一课”，讲清本专业的安全风险。", 2024)
    assert [(kind, day) for kind, day, _, _ in found] == [("leader_talk", "2024-06-14")]


def test_a_named_action_started_with_the_month_and_running_to_december_is_a_campaign():
    body = ("（三）组织开展“电梯安全守护行动”。行动与“安全生产月”同步启动，持续至2023年12月31日。各市州局要对老旧电梯开展隐患排查。\n"
            "（四）开展“安全敲门行动”。各社区要组织网格员开展“安全敲门行动”。")
    draft = _draft_of(body, 2023)
    assert [(c.value["name"], c.value["start"].isoformat(), c.value["end"].isoformat()) for c in draft.campaigns] == [
        ("电梯安全守护行动", "2023-06-01", "2023-12-31")]
    assert [r.value["name"] for r in draft.requirements if r.value["type"] == "campaign"] == ["电梯安全守护行动"]


def test_a_quoted_actions_own_summary_is_a_campaign_summary():
    _, asked = _reports_of("湖南省市场监督管理局", "（二）及时报送信息。7月3日前报送活动总结。12月15日前报送“电梯安全守护行动”工作总结。")
    assert asked == [("summary", "2024-07-03", None), ("campaign_summary", "2024-12-15", None)]


def test_units_told_to_post_the_12350_number_promote_it():
    assert "activity" in _requirement_types("⑧举报电话。各村要在村务公开栏张贴“12350”举报电话和乡安监站值班电话，发动群众举报身边的安全隐患。")
    found = _activities_of("⑧举报电话。各村要在村务公开栏张贴“12350”举报电话和乡安监站值班电话，发动群众举报身边的安全隐患。")
    assert [kind for kind, _, _, _ in found] == ["whistleblower_promotion"]


def test_a_clause_headed_by_the_quoted_campaign_before_xuanchuan_covers_its_sectors():
    draft = _draft_of("⑦“四进”宣传。安全宣传要进企业、进农村、进学校、进家庭，用好“村村响”大喇叭和村民微信群。")
    assert [r.value["sectors"] for r in draft.requirements if r.value["type"] == "sectors_covered"] == [
        ["enterprise", "rural", "school", "family"]]


def test_the_month_named_as_6yuefen_in_passing_is_the_documents_period_and_no_requirement():
    draft = _draft_of("　　今年6月份是第23个全国“安全生产月”，主题是“人人讲安全、个个会应急——畅通生命通道”。")
    assert [day.isoformat() for day in draft.value("period")] == ["2024-06-01", "2024-06-30"]
    assert not [r for r in draft.requirements if r.value["type"] == "period"]


@pytest.mark.parametrize("text", ["公司安全管理部于6月下旬对各门店进行交叉检查，检查结果在公司内部通报。",
                                  "资产与实验室管理处于6月下旬对各二级学院自查情况进行抽查。"])
def test_a_cross_check_or_a_spot_check_of_the_self_checks_is_a_hazard_check(text):
    found = _activities_of(text, 2022)
    assert [(kind, day) for kind, day, _, _ in found] == [("hazard_inspection", None)]


def test_units_told_to_hold_one_self_check_of_their_labs_hold_a_hazard_check():
    assert "activity" in _requirement_types("（1）实验室危险化学品专项检查。6月1日至6月20日，各二级学院要对本院所有实验室、实训室开展一次危险化学品“全链条”自查，发现问题立行立改。")
    found = _activities_of("6月1日至6月20日，各二级学院要对本院所有实验室、实训室开展一次危险化学品“全链条”自查，发现问题立行立改。")
    assert [kind for kind, _, _, _ in found] == ["hazard_inspection"]


def test_a_weekly_check_whose_results_are_circulated_is_no_weekly_report():
    _, asked = _reports_of("某职业技术学院", "（2）学生公寓安全检查。学生工作处、后勤服务中心每周五联合开展学生公寓安全检查，检查结果在全院通报。")
    assert asked == []
    _, asked = _reports_of("某职业技术学院", "活动期间，各部门每周五下午4点前将本周活动开展情况报保卫处。")
    assert asked == [("progress", None, "friday")]


def test_a_knowledge_contest_held_online_is_a_knowledge_contest():
    found = _activities_of("（2）6月中旬，校团委组织“安全知识网络竞赛”，鼓励全体学生积极参加。")
    assert [kind for kind, _, _, _ in found] == ["knowledge_contest"]


def test_units_told_to_hold_a_class_meeting_by_a_day_are_ordered_that_publicity():
    draft = _draft_of("（2）各二级学院要在6月7日前，以班级为单位召开一次安全教育主题班会，重点讲清防溺水等内容。")
    assert [(r.value["kind"], r.value["not_after"].isoformat()) for r in draft.requirements if r.value["type"] == "activity"] == [
        ("publicity", "2024-06-07")]


def test_a_companys_gathered_report_to_its_parent_group_and_the_district_bureau_is_its_own():
    own, asked = _reports_of("浙江鹭澜商业管理有限公司", "（三）6月28日前，各门店、各项目将活动总结报公司安全管理部。"
                             "公司安全管理部汇总后，于7月5日前报鹭澜控股集团安全环保部和临澜区应急管理局。")
    assert own == [("summary", "2024-07-05", None)]
    assert asked == [("summary", "2024-06-28", None)]


def test_units_told_to_complete_their_drills_by_a_day_are_ordered_them():
    draft = _draft_of("（五）开展应急演练。各门店、各项目要于6月25日前，按照下表完成应急演练。", 2022)
    assert [(r.value["kind"], r.value["not_after"].isoformat()) for r in draft.requirements if r.value["type"] == "activity"] == [
        ("drill", "2022-06-25")]


def test_a_mobilisation_joined_to_another_meeting_by_ji_is_a_launch():
    found = _activities_of("6月3日下午，学院召开“安全生产月”活动动员暨安全稳定工作会议，对活动进行全面部署。")
    assert [(kind, day) for kind, day, _, _ in found] == [("launch_ceremony", "2024-06-03")]


def test_a_schedule_row_listing_several_days_is_one_event_on_each():
    draft = extract(_lines("某县安全生产委员会办公室关于开展2025年“安全生产月”活动的通知\n各乡镇：\n附件1\n序号\t时间\t活动内容\t责任单位\n"
                           "7\t6月10日、\t县安委办分三轮对各乡镇隐患排查整治情况开展督导检查\t县安委办\n\t6月17日、\n\t6月24日\n"))
    checks = [a.value for a in draft.activities if a.value["kind"] == "hazard_inspection"]
    assert [c["date"].isoformat() for c in checks] == ["2025-06-10", "2025-06-17", "2025-06-24"]


def test_heads_of_enterprises_named_after_bodies_of_no_sector_leave_the_talk_in_none():
    draft = extract(_lines("某县安全生产委员会办公室关于开展2025年“安全生产月”活动的通知\n各乡镇：\n附件1\n序号\t时间\t活动内容\t责任单位\n"
                           "4\t6月1日—6月15日\t“一把手”讲安全：各乡镇、各部门和县属国有企业主要负责人至少讲一次安全课\t各乡镇、各部门、县属各国有企业\n"))
    talks = [a.value for a in draft.activities if a.value["kind"] == "leader_talk"]
    assert [(t.get("start").isoformat(), t.get("sectors")) for t in talks] == [("2025-06-01", None)]


def test_a_sentence_that_goes_on_with_yao_tongguo_addresses_the_units_the_clause_named():
    body = ("（五）广泛开展安全宣传。6月16日，各市州局要设立特种设备安全咨询台。"
            "要通过多种渠道广泛宣传12315投诉举报热线和“12350”安全生产举报电话，畅通群众投诉举报渠道。")
    kinds = [r.value.get("kind") for r in _draft_of(body, 2023).requirements if r.value["type"] == "activity"]
    assert "whistleblower_promotion" in kinds


def test_a_double_random_spot_check_is_a_hazard_check():
    found = _activities_of("省局将于7月至12月组织开展“双随机、一公开”抽查，对各地行动开展情况进行跟踪问效。", 2023)
    assert [kind for kind, _, _, _ in found] == ["hazard_inspection"]


def test_drills_listed_after_a_head_with_their_deadline_are_each_units_by_it():
    body = ("（四）组织开展应急演练。各县（市、区）要在6月25日前组织完成以下演练：地质灾害隐患点所在村要开展一次避险转移演练，"
            "沿海乡镇各村要开展一次防台风演练；各社区要开展高层住宅火灾应急疏散演练；各中小学校、幼儿园要开展地震和火灾应急疏散演练；"
            "危险化学品、工贸等企业要开展危险化学品泄漏、火灾等事故应急演练。")
    draft = _draft_of(body, 2025)
    drills = {(a.value.get("sector"), a.value.get("date"), tuple(a.value.get("scenarios") or ())) for a in draft.activities
              if a.value["kind"] == "drill"}
    assert drills == {("rural", date(2025, 6, 25), ("geological", "weather")), ("community", date(2025, 6, 25), ("high_rise",)),
                      ("school", date(2025, 6, 25), ("earthquake", "fire")),
                      ("enterprise", date(2025, 6, 25), ("hazardous_chemicals", "fire"))}
    orders = {r.value["sector"]: r.value["any_of"] for r in draft.requirements if r.value["type"] == "drill_per_sector"}
    assert orders == {"rural": True, "community": False, "school": False, "enterprise": True}
    # a listed clause that names no units of a sector leaves the sentence to the other readings
    assert _nothing_listed_below("各县（市、区）要在6月25日前组织完成以下演练：县应急局要开展一次综合演练，各社区要开展疏散演练。")


def _nothing_listed_below(sentence: str) -> bool:
    from compliance.importer.activities import drills_listed_below
    return drills_listed_below(sentence, 2025) is None


def test_a_village_committees_own_reports_to_its_town_are_its_own():
    text = ("白果镇石门村村民委员会\n石门村2023年“安全生产月”活动方案\n四、报送要求\n1、6月5日前将本方案报镇应急办。\n"
            "2、活动期间每周五下午把本周开展情况报镇应急办。\n3、6月25日前将活动总结和照片报镇应急办。\n")
    draft = extract(_lines(text))
    assert draft.value("level") == "community"
    assert {(r.value["kind"], r.value.get("due")) for r in draft.reports} >= {("plan", date(2023, 6, 5)), ("summary", date(2023, 6, 25))}
    assert not [r for r in draft.requirements if r.value["type"] in ("report_due", "recurring_report")]


def test_heads_of_enterprises_named_after_heads_of_bodies_of_no_sector_put_a_talk_in_no_sector():
    for body in ("（二）开展“一把手”讲安全活动。各乡镇主要负责人、县直各部门主要负责人和各企业主要负责人要在6月份至少讲一次安全课。",
                 "（二）各县（市、区）党政主要负责人、市安委会各成员单位主要负责人和市属各企业主要负责人要在6月20日前至少讲一次安全课。"):
        talks = [a for a in _activities_of(body) if a[0] == "leader_talk"]
        assert talks and all(sectors == () for _, _, sectors, _ in talks), body
    # the heads of enterprises alone are the enterprises' talk
    talks = [a for a in _activities_of("（二）各企业主要负责人要在6月20日前至少讲一次安全课。") if a[0] == "leader_talk"]
    assert [sectors for _, _, sectors, _ in talks] == [("enterprise",)]



def test_a_row_held_by_every_town_written_with_its_streets_in_brackets_orders_its_event():
    table = ("序号\t时间\t活动内容\t责任单位\n"
             "2\t6月上旬\t开展新《安全生产法》专题学习\t各镇（街道）、区属各企业\n"
             "6\t6月16日\t“安全宣传咨询日”主场活动\t区应急管理局、各镇（街道）\n")
    orders = [r.value for r in _draft_of(table, 2022).requirements if r.value["type"] == "activity"]
    assert [(o["kind"], o.get("not_before"), o.get("not_after")) for o in orders] == [("study_session", date(2022, 6, 1), date(2022, 6, 10))]


def test_a_drill_row_that_names_its_sectors_units_first_is_theirs():
    table = ("序号\t时间\t活动内容\t责任单位\t参加人员\n"
             "7\t6月10日—6月25日\t社区高层建筑火灾疏散逃生演练\t各街道\t社区居民\n"
             "8\t6月10日—6月25日\t企业生产安全事故应急演练\t县应急管理局\t企业员工\n"
             "9\t6月22日\t危险化学品泄漏事故综合应急演练（浙禾化工有限公司）\t县应急管理局\t各街道观摩")
    found = {(sectors, scenarios) for kind, _, sectors, scenarios in _activities_of(table) if kind == "drill"}
    assert found == {(("community",), ("high_rise",)), (("enterprise",), ("industry_accident",)), ((), ("hazardous_chemicals",))}


def test_a_check_row_made_of_enterprises_is_in_their_sector():
    table = ("序号\t时间\t活动内容\t责任单位\n"
             "5\t6月中旬\t对危险化学品、工贸企业开展专项执法检查\t区应急管理行政执法队\n"
             "6\t6月下旬\t对人员密集场所开展消防安全检查\t区消防救援大队\n")
    found = {(kind, when, sectors) for kind, when, sectors, _ in _activities_of(table, 2022) if kind == "hazard_inspection"}
    assert found == {("hazard_inspection", None, ("enterprise",)), ("hazard_inspection", None, ())}


def test_an_event_named_as_a_rule_studied_or_with_the_manner_it_is_held_in_is_no_order():
    body = ("（一）突出学法普法。各镇（街道）、区属各企业要把学习新《安全生产法》作为活动的首要任务，重点学习全员安全生产责任制和事故隐患排查"
            "治理等新规定，企业主要负责人讲安全公开课要结合本企业实际，讲清岗位风险。")
    draft = _draft_of(body, 2022)
    kinds = {r.value.get("kind") for r in draft.requirements if r.value["type"] == "activity"}
    assert not kinds & {"hazard_inspection", "leader_talk"}
    assert any("in passing" in t.value for t in draft.todos)
    # an order to hold the check is still one
    draft = _draft_of("（二）各企业要在6月20日前开展一次隐患排查，排查要覆盖全部生产场所。", 2022)
    assert [r.value["kind"] for r in draft.requirements if r.value["type"] == "activity"] == ["hazard_inspection"]


def test_a_row_whose_event_the_text_names_only_in_passing_orders_it_by_the_rows_time():
    body = ("四、活动安排\n序号\t时间\t活动内容\t责任单位\n3\t6月上旬\t企业主要负责人讲安全公开课\t区属各企业\n"
            "（一）突出学法普法。区属各企业要把学习新《安全生产法》作为活动的首要任务，企业主要负责人讲安全公开课要结合本企业实际，讲清岗位风险。")
    orders = [r.value for r in _draft_of(body, 2022).requirements if r.value["type"] == "activity"]
    assert [(o["kind"], o.get("not_before"), o.get("not_after")) for o in orders] == [("leader_talk", date(2022, 6, 1), date(2022, 6, 10))]


def test_an_inline_group_with_names_of_no_common_surname_beside_common_ones():
    text = ("2022年“安全生产月”活动的通知\n州安委会成立活动领导小组，由州人民政府副州长才让东智任组长，州应急管理局局长巴图、州委宣传部副部长李红梅任副组长，"
            "州教育局、州交通运输局分管负责同志为成员。\n")
    group = extract(_lines(text)).leading_group
    assert group["leader"].value == {"name": "才让东智", "title": "州人民政府副州长"}
    assert [(p.value["name"], p.value["title"]) for p in group["deputies"]] == [("巴图", "州应急管理局局长"), ("李红梅", "州委宣传部副部长")]


def test_units_of_one_sector_joined_with_a_dun_hao_begin_their_own_drill_order():
    found = _activities_of("（四）各县市要组织开展一次草原火灾扑救应急演练，各中小学校、幼儿园要开展一次地震应急疏散演练，"
                           "以上演练均须于6月25日前完成。", 2022)
    assert ("drill", "2022-06-25", ("school",), ("earthquake",)) in found


def test_units_organised_with_others_before_them_hold_the_drill():
    found = _activities_of("（四）各县市要组织牧区乡镇、村（牧委会）开展一次草原火灾扑救应急演练，有林区的县市同时要开展森林火灾扑救演练，"
                           "各中小学校、幼儿园要开展一次地震应急疏散演练，以上演练均须于6月25日前完成；州应急管理局将于6月下旬组织全州森林草原"
                           "火灾扑救综合演练，各县市分管负责同志现场观摩。", 2022)
    rural = [when for kind, when, sectors, _ in found if kind == "drill" and sectors == ("rural",)]
    assert rural == ["2022-06-25"]
    # a named body's schools (县教育局要组织中小学校、幼儿园开展演练) are left as they were: no sector order read from them
    found = _draft_of("（三）县教育局要组织中小学校、幼儿园开展演练。", 2022)
    assert not [r for r in found.requirements if r.value["type"] == "drill_per_sector"]


def test_a_campaigns_span_read_from_its_time_section_is_kept_when_its_own_clause_gives_only_the_end():
    text = ("某州安委会关于开展2022年“安全生产月”和“安全生产塔拉行”活动的通知\n各县（市）人民政府：\n一、活动时间\n"
            "“安全生产月”活动时间为2022年6月1日至30日；“安全生产塔拉行”活动与“安全生产月”同步启动，持续至12月31日。\n"
            "（七）深入开展“安全生产塔拉行”活动。各县市要同步组织开展本地“塔拉行”活动，持续至12月31日。其一，各县市要联合新闻媒体深入"
            "重点行业领域开展采访报道和暗查暗访。\n")
    draft = extract(_lines(text))
    assert [(c.value["name"], c.value.get("start"), c.value["end"]) for c in draft.campaigns] == [("安全生产塔拉行", date(2022, 6, 1), date(2022, 12, 31))]
    media = [a.value for a in draft.activities if a.value["kind"] == "media_campaign"]
    assert [(m.get("start"), m.get("end")) for m in media] == [(date(2022, 6, 1), date(2022, 12, 31))]


def test_campaign_work_that_runs_until_the_campaigns_end_takes_its_span():
    text = ("某州安委会关于开展2022年“安全生产月”和“安全生产塔拉行”活动的通知\n各县（市）人民政府：\n一、活动时间\n"
            "“安全生产塔拉行”活动与“安全生产月”同步启动，持续至12月31日。\n"
            "（七）深入开展“安全生产塔拉行”活动。其三，州应急管理局将在“哈尔塔拉发布”开设“曝光台”，每月曝光一批重大事故隐患和典型执法案例，直至12月底。\n")
    exposure = [a.value for a in extract(_lines(text)).activities if a.value["kind"] == "hazard_exposure"]
    assert [(e.get("date"), e.get("start"), e.get("end")) for e in exposure] == [(None, date(2022, 6, 1), date(2022, 12, 31))]


def test_a_deputy_named_once_after_a_party_post_and_another_holds_both():
    text = ("2023年“安全生产月”活动方案\n组　长：公司党委书记、董事长　周立群\n副组长：公司党委副书记、总经理　吴　昊\n　　　　公司安全总监　陈光辉\n")
    group = extract(_lines(text)).leading_group
    assert [p.value for p in group["deputies"]] == [{"name": "吴昊", "title": "公司党委副书记、总经理"}, {"name": "陈光辉", "title": "公司安全总监"}]
    # two administrative posts before one name may be two deputies (test_deputies_whose_posts_come_before_their_names)


def test_the_background_after_a_plan_is_declared_and_before_its_first_section_holds_no_event():
    text = ("石门村2023年“安全生产月”活动方案\n今年6月是第22个全国“安全生产月”。根据镇里的通知要求，结合我村实际，制定本方案。\n"
            "我村地处山区，群众安全意识还比较弱，喊着要他参加演练、培训，还有人不愿意来。\n一、活动时间\n2023年6月1日至6月30日。\n"
            "二、活动内容\n第一，6月2日晚上，召开村两委会议，组织开展一次安全培训。\n")
    draft = extract(_lines(text))
    assert [(a.value["kind"], a.line) for a in draft.activities if a.value["kind"] == "training"] == [("training", 7)]
    assert any(t.line == 3 and "opening" in t.value for t in draft.todos)


def test_a_named_action_given_a_span_past_the_month_is_a_campaign():
    text = ("某集团关于开展2024年“安全生产月”暨“安全生产百日攻坚”专项行动的通知\n各分公司：\n一、时间安排\n"
            "“安全生产月”活动时间：2024年6月1日至6月30日。\n“安全生产百日攻坚”专项行动：2024年6月1日至9月8日，分三个阶段进行。\n"
            "四、工作要求\n1.各分公司要将百日攻坚与“安全生产月”统筹推进，攻坚行动持续至9月8日，不得提前收官。\n")
    draft = extract(_lines(text))
    assert [(c.value["name"], c.value["start"], c.value["end"]) for c in draft.campaigns] == [
        ("安全生产百日攻坚专项行动", date(2024, 6, 1), date(2024, 9, 8))]
    # a span within the month is no campaign
    assert not extract(_lines(text.replace("9月8日", "6月25日"))).campaigns


def test_a_form_filled_in_and_sent_together_by_a_day_is_due_that_day():
    draft = _draft_of("（二）明确联络员。各单位要明确1名熟悉业务的联络员，填写联络员回执（附件1），注明办公电话和手机号码，于5月28日前一并报送。", 2025)
    due = {(r.value["report"], r.value["due"]) for r in draft.requirements if r.value["type"] == "report_due"}
    assert due == {("liaison_form", date(2025, 5, 28))}


def test_a_case_recommended_with_the_summary_is_due_with_it():
    draft = _draft_of("（三）各部门6月26日前报送活动总结，并推荐1个典型案例或经验做法。", 2023)
    due = {(r.value["report"], r.value["due"]) for r in draft.requirements if r.value["type"] == "report_due"}
    assert due == {("summary", date(2023, 6, 26)), ("cases", date(2023, 6, 26))}


def test_a_units_own_schedule_of_activities_sent_up_is_its_plan():
    draft = _draft_of("（一）各部门、各分子公司于6月5日前将本单位活动安排报安全质量部。", 2023)
    assert {(r.value["report"], r.value["due"]) for r in draft.requirements if r.value["type"] == "report_due"} == {("plan", date(2023, 6, 5))}


def test_a_village_clerk_and_a_full_time_officer_named_after_their_posts():
    text = ("2023年“安全生产月”活动方案\n村里成立“安全生产月”活动领导小组，由村党支部书记、村委会主任李长贵任组长，村委会副主任何秀英任副组长，"
            "村文书王强、村综治专干张红梅、妇女主任陈小琴和8个村民小组组长为成员。\n")
    group = extract(_lines(text)).leading_group
    assert [(p.value.get("name"), p.value.get("title")) for p in group["members"]] == [
        ("王强", "村文书"), ("张红梅", "村综治专干"), ("陈小琴", "妇女主任"), (None, "8个村民小组组长")]


def test_a_study_held_in_the_form_of_discussions_is_ordered():
    draft = _draft_of("（一）开展集中学习研讨。6月上旬，各县（市、区）、市安委会各成员单位要通过党委（党组）理论学习中心组学习、专题辅导、"
                      "研讨交流等形式，深入学习习近平总书记关于安全生产的重要论述和安全生产法律法规。", 2025)
    orders = [r.value for r in draft.requirements if r.value["type"] == "activity"]
    assert [(o["kind"], o.get("not_before"), o.get("not_after")) for o in orders] == [("study_session", date(2025, 6, 1), date(2025, 6, 10))]


def test_units_told_to_complete_a_training_by_a_day_are_ordered_it():
    draft = _draft_of("（六）培训和竞赛。6月底前，各部门要完成全员消防“四个能力”培训和急救技能培训，一线岗位人员培训覆盖率达到100%。", 2023)
    orders = [r.value for r in draft.requirements if r.value["type"] == "activity"]
    assert [(o["kind"], o.get("not_after")) for o in orders] == [("training", date(2023, 6, 30))]


def test_a_consultation_point_ordered_beside_an_open_day_orders_the_day():
    draft = _draft_of("6.安全宣传咨询日。2024年6月16日，各分公司要组织所属项目部在工地大门口或周边社区设立安全咨询点，同时开展“工地开放日”活动，"
                      "邀请周边居民和工人家属走进工地。", 2024)
    orders = {(r.value["kind"], r.value.get("date")) for r in draft.requirements if r.value["type"] == "activity"}
    assert {("consultation_day", date(2024, 6, 16)), ("open_day", date(2024, 6, 16))} <= orders


def test_a_schedule_row_that_has_the_addressees_set_up_branch_venues_orders_the_consultation_day():
    table = ("序号\t时间\t活动内容\t责任单位\n6\t6月16日\t“安全宣传咨询日”主场活动（东墅文化广场），各镇（街道）设分会场\t区应急管理局、各镇（街道）\n")
    orders = [(r.value["kind"], r.value.get("date")) for r in _draft_of(table, 2022).requirements if r.value["type"] == "activity"]
    assert orders == [("consultation_day", date(2022, 6, 16))]
    # the issuer's own day in a row, with no branch venue, orders nothing
    plain = table.replace("，各镇（街道）设分会场", "").replace("区应急管理局、各镇（街道）", "区应急管理局")
    assert not [r for r in _draft_of(plain, 2022).requirements if r.value["type"] == "activity"]


def test_units_that_attend_the_issuers_meeting_then_hold_their_own_by_a_day():
    found = _activities_of("（一）州人民政府将于6月2日召开全州“安全生产月”活动动员部署视频会议，各县（市）、各行委设分会场参加，"
                           "并于6月10日前召开本地动员部署会议。", 2022)
    assert sorted(when for kind, when, _, _ in found if kind == "launch_ceremony") == ["2022-06-02", "2022-06-10"]


def test_the_issuers_gathered_account_of_the_whole_area_sent_up_once_is_its_summary():
    text = ("某县白岗乡人民政府\n关于开展2024年“安全生产月”活动的通知\n各行政村：\n"
            "1.各村要于6月27日前将活动总结报乡应急办。\n2.乡政府将汇总全乡活动开展情况，于6月30日前报县安委办。\n")
    draft = extract(_lines(text))
    assert ("summary", date(2024, 6, 30)) in {(r.value["kind"], r.value.get("due")) for r in draft.reports}
    assert "progress" not in {r.value["kind"] for r in draft.reports}


def test_an_undated_event_under_a_phase_heading_with_no_number_takes_the_phases_span():
    body = ("三、时间安排和主要活动\n第二阶段  集中开展（6月1日—6月25日）\n"
            "7.警示教育。辖区企业要组织员工观看《生命重于泰山》和事故警示教育片，用身边事教育身边人。\n")
    films = [a.value for a in _draft_of(body).activities if a.value["kind"] == "warning_education"]
    assert [(f.get("start"), f.get("end")) for f in films] == [(date(2024, 6, 1), date(2024, 6, 25))]


def test_a_campaign_started_with_the_month_runs_on_to_the_day_it_lasts_until():
    body = ("二、活动时间\n“安全生产月”活动时间为2023年6月1日至30日。“安全生产翠屏行”活动与“安全生产月”同步启动，持续至2023年11月30日。\n"
            "三、主要活动\n（八）深入开展“安全生产翠屏行”活动。各乡镇要同步组织开展本地区“翠屏行”活动。\n")
    draft = _draft_of(body, 2023)
    assert [(c.value["name"], c.value["end"]) for c in draft.campaigns] == [("安全生产翠屏行", date(2023, 11, 30))]
    assert [r.value["end_not_before"] for r in draft.requirements if r.value["type"] == "campaign"] == [date(2023, 11, 30)]


def test_a_campaign_declared_in_the_opening_that_its_own_clause_gives_one_department_is_no_requirement():
    text = ("某农垦集团有限公司\n关于开展2025年“安全生产月”活动的通知\n各分公司：\n"
            "集团公司决定于2025年6月1日至6月30日组织开展“安全生产月”活动，同步开展“安全生产黑土行”活动，持续至11月30日。\n"
            "（四）开展“安全生产黑土行”活动\n集团公司党群工作部要会同安全生产监督管理部，从6月1日起至11月30日，深入各分公司开展“安全生产黑土行”专题采访报道。\n")
    draft = extract(_lines(text))
    assert [(c.value["name"], c.value["end"]) for c in draft.campaigns] == [("安全生产黑土行", date(2025, 11, 30))]
    assert not [r for r in draft.requirements if r.value["type"] == "campaign"]


def test_drills_listed_after_qizhong_by_kind_of_unit_with_no_yao_are_each_sectors_drill():
    body = ("（五）扎实开展应急演练。各乡镇要督促指导辖区企业、学校、社区和农村开展有针对性的应急演练，其中：企业重点开展生产安全事故应急救援演练；"
            "学校开展地震、火灾应急疏散演练；社区开展高层建筑、燃气安全等应急演练；农村结合汛期特点开展防汛避险转移演练。上述演练须于6月25日前完成。")
    draft = _draft_of(body, 2023)
    drills = {(a.value.get("sector"), a.value.get("date")) for a in draft.activities if a.value["kind"] == "drill"}
    assert {(s, date(2023, 6, 25)) for s in ("enterprise", "school", "community", "rural")} <= drills
    assert {r.value["sector"] for r in draft.requirements if r.value["type"] == "drill_per_sector"} == {"enterprise", "school", "community", "rural"}


def test_filling_stations_shops_and_restaurants_told_to_drill_are_enterprises():
    body = ("（四）扎实开展应急演练。各加油（气）站要组织开展一次火灾事故应急演练，各大型商场超市要开展一次人员密集场所疏散逃生演练，"
            "各餐饮经营单位要开展一次燃气泄漏应急处置演练，以上演练于6月25日前完成。")
    drills = [a.value for a in _draft_of(body, 2025).activities if a.value["kind"] == "drill"]
    assert sorted((d.get("sector"), tuple(d["scenarios"]), d.get("date")) for d in drills) == [
        ("enterprise", ("evacuation",), date(2025, 6, 25)), ("enterprise", ("fire",), date(2025, 6, 25)), ("enterprise", ("gas",), date(2025, 6, 25))]


def test_an_unquoted_work_started_with_the_month_and_run_on_past_it_is_a_campaign():
    body = ("二、活动时间\n“安全生产月”活动时间为2025年6月1日至6月30日。餐饮场所燃气安全专项整治与“安全生产月”同步启动，持续至2025年12月31日。"
            "夏季“百日安全行车”竞赛活动与“安全生产月”同步启动，6月1日起至9月30日结束。")
    found = {(c.value["name"], c.value["start"], c.value["end"]) for c in _draft_of(body, 2025).campaigns}
    assert found == {("餐饮场所燃气安全专项整治", date(2025, 6, 1), date(2025, 12, 31)),
                     ("夏季“百日安全行车”竞赛活动", date(2025, 6, 1), date(2025, 9, 30))}


def test_the_sentence_declaring_a_campaigns_span_holds_no_event():
    body = "二、活动时间\n“安全生产月”活动时间为2025年6月1日至6月30日。餐饮场所燃气安全专项整治与“安全生产月”同步启动，持续至2025年12月31日。"
    draft = _draft_of(body, 2025)
    assert not draft.activities
    assert [c.value["end"] for c in draft.campaigns] == [date(2025, 12, 31)]


def test_a_filling_stations_self_check_is_in_the_enterprise_sector():
    body = "（三）深入查找身边安全隐患。一是各加油（气）站要即日起至6月20日对照有关规范开展一次全面自查，重点检查油罐区和消防器材。"
    checks = [a.value for a in _draft_of(body, 2025).activities if a.value["kind"] == "hazard_inspection"]
    assert [c.get("sectors") for c in checks] == [["enterprise"]]


def test_the_study_again_held_by_others_by_a_day_of_their_own_is_dated_by_it():
    body = ("（一）抓好学习教育。一是局党组于6月上旬专题学习习近平总书记关于安全生产的重要论述和重要指示精神；"
            "二是各企业要在6月15日前组织全体员工学习《商贸企业重大事故隐患判定标准》和本岗位安全操作规程。")
    found = _activities_of(body, 2025)
    assert ("study_session", "2025-06-15", ("enterprise",), ()) in found
    assert ("study_session", None, ("enterprise",), ()) not in found


def test_a_post_of_its_own_joined_by_he_after_the_bodies_holder_is_another_member():
    text = ("某县白岗乡人民政府\n关于开展2024年“安全生产月”活动的通知\n各行政村：\n"
            "乡政府成立由乡长任组长，分管安全生产工作的副乡长任副组长，乡应急管理办公室、乡派出所、乡中心学校、乡卫生院负责人和各行政村党支部书记为成员的“安全生产月”活动领导小组。\n")
    members = [m.value.get("title") for m in extract(_lines(text)).leading_group["members"]]
    assert members == ["乡应急管理办公室负责人", "乡派出所负责人", "乡中心学校负责人", "乡卫生院负责人", "各行政村党支部书记"]


def test_a_period_written_as_where_it_begins_and_ends_under_a_time_and_events_heading_is_set():
    body = "三、时间安排和主要活动\n本次活动从2024年5月25日开始，至6月30日结束，分三个阶段进行。"
    draft = _draft_of(body)
    assert draft.value("period") == (date(2024, 5, 25), date(2024, 6, 30))
    assert [r for r in draft.requirements if r.value["type"] == "period"]


def test_publicity_parts_after_a_colon_or_stop_that_begin_with_their_place_and_a_comma_are_each_sectors():
    body = ("（2）要深入开展水利安全宣传进农村、进学校活动：进农村，利用“村村响”广播宣传山洪灾害避险“明白卡”；"
            "进学校，联合当地中小学开展防溺水专题教育。")
    found = [sectors for kind, _, sectors, _ in _activities_of(body) if kind == "publicity"]
    assert sorted(found) == [("rural",), ("school",)]
    body = ("（四）深入推进安全宣传“五进”。各乡镇要深入企业、农村、社区广泛开展安全宣传“五进”活动。进企业，要聚焦重大事故隐患判定标准；"
            "进农村，要充分利用应急广播开展宣传；进社区，要突出电动自行车充电安全。")
    found = [sectors for kind, _, sectors, _ in _activities_of(body) if kind == "publicity"]
    assert sorted(found) == [("community",), ("enterprise",), ("rural",)]


def test_a_schedule_row_of_several_sectors_drills_that_its_clause_orders_each_is_no_other_drill():
    text = ("某区双桥街道办事处\n关于开展2022年“安全生产月”活动的通知\n各社区：\n"
            "5.应急演练。各社区要组织居民开展燃气泄漏应急处置演练；辖区各企业要结合行业特点开展火灾、危险化学品泄漏等应急演练；"
            "辖区中小学、幼儿园要开展地震应急疏散演练。以上演练均须于6月20日前完成。\n"
            "表1\n序号\t时间\t活动内容\t责任单位\n8\t6月20日前\t社区、企业、学校应急演练\t各社区、辖区各企业、辖区中小学和幼儿园\n")
    drills = [a.value for a in extract(_lines(text)).activities if a.value["kind"] == "drill"]
    assert sorted(d.get("sector") or "-" for d in drills) == ["community", "enterprise", "school"]


def test_a_campaigns_summary_named_as_a_contest_or_a_special_rectification_and_not_sent_on_before_it_is_due():
    text = ("某市公共交通集团有限公司\n关于开展2025年“安全生产月”活动的通知\n各分公司：\n"
            "3.按时报送材料。各分公司要于6月27日前报送活动总结和《“安全生产月”活动统计表》（附件）；“百日安全行车”竞赛活动总结于10月10日前报送。"
            "集团将汇总后于7月3日前报市交通运输局。\n")
    draft = extract(_lines(text))
    assert {(r.value["report"], r.value["due"]) for r in draft.requirements if r.value["type"] == "report_due"} >= {("campaign_summary", date(2025, 10, 10))}
    assert {(r.value["kind"], r.value["due"]) for r in draft.reports} == {("summary", date(2025, 7, 3)), ("statistics", date(2025, 7, 3))}
    text = text.replace("“百日安全行车”竞赛活动总结", "燃气安全专项整治工作总结")
    assert ("campaign_summary", date(2025, 10, 10)) in {(r.value["report"], r.value["due"]) for r in extract(_lines(text)).requirements
                                                        if r.value["type"] == "report_due"}


def test_a_provinces_gathered_report_to_the_state_councils_safety_office_is_its_own():
    text = ("翠屏省安全生产委员会办公室\n关于开展2023年全省“安全生产月”活动的通知\n各市（州）安委会：\n"
            "（三）及时报送信息。各市（州）安委办要于7月5日前报送活动总结。省安委办将汇总全省活动情况，于7月10日前报国务院安委会办公室。\n")
    draft = extract(_lines(text))
    assert ("summary", date(2023, 7, 10)) in {(r.value["kind"], r.value["due"]) for r in draft.reports}


def test_station_heads_told_to_give_a_safety_lesson_are_ordered_a_leader_talk():
    found = _activities_of("2.开展“一把手”讲安全。各水管站站长要在6月底前为本站职工讲一次安全课，重点讲清所辖水库的风险点位。")
    assert [(kind, day) for kind, day, _, _ in found] == [("leader_talk", "2024-06-30")]


def test_a_check_that_covers_everything_is_a_hazard_check():
    found = _activities_of("①即日起至6月20日，各分公司要对所属营运车辆的灭火器、安全锤、应急门开关开展一次全覆盖排查，建立隐患台账。", 2025)
    assert [kind for kind, _, _, _ in found] == ["hazard_inspection"]


def test_a_check_the_addressees_organise_of_filling_stations_and_houses_is_made_of_sites_in_no_sector():
    # (README: a check made of places or sites, 加油站 and 自建房, carries none; one the stations hold themselves is theirs)
    assert _activities_of("（三）各乡镇要于6月20日前组织对辖区加油站、自建房开展一次全面排查。") == [("hazard_inspection", "2024-06-20", (), ())]
    assert _activities_of("（三）各乡镇要于6月20日前组织对辖区企业开展一次全面排查。") == [("hazard_inspection", "2024-06-20", ("enterprise",), ())]


def test_a_meeting_held_to_mobilise_for_the_activities_is_a_launch():
    found = _activities_of("2.各行政村（社区）要在5月31日前召开村“两委”扩大会议，对本村活动进行动员，并制定活动方案。")
    assert ("launch_ceremony", "2024-05-31") in [(kind, day) for kind, day, _, _ in found]


def test_units_told_to_organise_a_launch_of_their_own_by_a_day_are_ordered_it():
    found = _activities_of("各乡镇要于6月5日前结合实际组织本地区启动活动，营造浓厚氛围。", 2023)
    assert [(kind, day) for kind, day, _, _ in found] == [("launch_ceremony", "2023-06-05")]


def test_a_sector_item_with_a_time_of_its_own_dates_its_publicity_not_another_event():
    draft = extract(_lines("某县安全生产委员会办公室关于开展2025年“安全生产月”活动的通知\n各乡镇：\n（二）深入开展安全宣传“五进”活动。\n"
                           "2.进农村。由县农业农村局牵头，各乡（镇）具体组织，6月份利用赶街天，在集镇开展防溺水等安全知识宣传。\n"
                           "5.进家庭。由县妇联牵头，6月下旬组织开展“平安家庭”创建宣传，引导家庭成员查找身边隐患。\n"
                           "1.进企业。各企业要组织开展岗位练兵活动，6月20日前完成一轮全员安全培训。\n"))
    publicity = {a.value["sectors"][0]: (a.value.get("start"), a.value.get("end"))
                 for a in draft.activities if a.value["kind"] == "publicity" and len(a.value.get("sectors", [])) == 1}
    assert publicity["rural"] == (date(2025, 6, 1), date(2025, 6, 30))
    assert publicity["family"] == (date(2025, 6, 21), date(2025, 6, 30))
    assert publicity["enterprise"] == (None, None)  # 6月20日前 is the training's


def test_five_parts_each_led_by_one_named_body_are_no_sectors_the_level_below_must_cover():
    parts = ("1.进企业。由县工业商务和信息化局牵头，6月10日—6月20日在工业园区组织开展集中宣讲。\n"
             "2.进农村。由县农业农村局牵头，各乡（镇）具体组织，6月份在集镇开展安全知识宣传。\n"
             "3.进社区。由县住房城乡建设局牵头，6月16日前在城区各社区开展燃气安全宣传。\n"
             "4.进学校。由县教育体育局牵头，6月20日前在全县中小学开展“安全第一课”。\n")
    head = "某县安全生产委员会办公室关于开展2025年“安全生产月”活动的通知\n各乡（镇）：\n（二）深入开展安全宣传“五进”活动。\n"
    draft = extract(_lines(head + parts))
    assert not [r for r in draft.requirements if r.value["type"] == "sectors_covered"]
    assert any("led by one named body" in t.value for t in draft.todos)
    # parts the level below is told to hold still name the sectors to cover
    draft = extract(_lines(head + parts.replace("由县教育体育局牵头，", "各中小学要")))
    assert [r for r in draft.requirements if r.value["type"] == "sectors_covered"]


def test_units_qualified_with_de_or_a_town_school_begin_a_drill_order_of_their_own():
    draft = extract(_lines("某镇人民政府关于开展2022年“安全生产月”活动的通知\n各村（居）委会：\n"
                           "三是抓好应急演练，各村要结合汛期开展一次防汛避险转移演练，地处山区的村要同时开展地质灾害避险演练，"
                           "镇中心学校和各村小要于6月15日前开展一次地震应急疏散演练，6月23日镇里将在某建材有限公司组织开展一次危险化学品泄漏应急处置综合演练。\n"))
    drills = [(a.value.get("sector") or tuple(a.value.get("sectors", ())), tuple(a.value.get("scenarios", ())))
              for a in draft.activities if a.value["kind"] == "drill"]
    assert ("rural", ("flood",)) in drills
    assert not [d for d in drills if d[0] in ("rural", ("rural",)) and set(d[1]) & {"earthquake", "hazardous_chemicals"}]


def test_units_told_to_post_a_poster_after_another_order_take_neither_its_time_nor_its_sector():
    draft = extract(_lines("某镇人民政府关于开展2022年“安全生产月”活动的通知\n各村（居）委会，辖区各企业：\n"
                           "五是抓好警示教育和举报宣传，各企业要在6月份组织员工观看事故警示教育片，开展一次“一把手讲安全”活动，"
                           "各村（居）要在宣传栏张贴12350安全生产举报电话海报，引导群众积极举报身边的安全隐患。\n"))
    promotion = [a.value for a in draft.activities if a.value["kind"] == "whistleblower_promotion"]
    assert promotion and not any(p.get("sectors") or p.get("start") for p in promotion)
    orders = [r.value for r in draft.requirements if r.value.get("kind") == "whistleblower_promotion"]
    assert orders and not any(o.get("not_before") or o.get("not_after") for o in orders)


def test_a_table_of_tasks_with_a_task_column_and_a_content_column_is_a_schedule():
    from compliance.importer.schedule import schedule_rows
    rows = schedule_rows(_lines("四、具体任务分工\n序号\t工作任务\t具体内容\t责任单位\t完成时限\n"
                                "6\t安全宣传咨询日\t设立城市管理安全宣传咨询点\t市局、各区城市管理局\t6月16日\n"))
    assert [(r.content, r.time) for r in rows] == [("安全宣传咨询日：设立城市管理安全宣传咨询点", "6月16日")]
    draft = extract(_lines("某市城市管理局关于开展2022年“安全生产月”活动的通知\n各区城市管理局：\n四、具体任务分工\n"
                           "序号\t工作任务\t具体内容\t责任单位\t完成时限\n"
                           "4\t户外广告招牌检查\t“拉网式”安全检查，建立隐患台账\t各区城市管理局\t6月30日前\n"
                           "6\t安全宣传咨询日\t设立城市管理安全宣传咨询点\t市局、各区城市管理局\t6月16日\n"))
    assert not [a for a in draft.activities if a.value["kind"] == "publicity"]  # the row is the 咨询日, not a publicity of its own


def test_a_row_whose_deadline_closes_the_span_the_text_gives_its_check_is_that_check():
    draft = extract(_lines("某市城市管理局关于开展2022年“安全生产月”活动的通知\n各区城市管理局：\n"
                           "（三）户外广告和招牌设施安全检查。即日起至6月30日，各区城市管理局要对辖区内大型户外广告开展一次“拉网式”安全检查。\n"
                           "四、具体任务分工\n序号\t工作任务\t具体内容\t责任单位\t完成时限\n"
                           "4\t户外广告招牌检查\t“拉网式”安全检查，建立隐患台账\t各区城市管理局\t6月30日前\n"
                           "某市城市管理局\n2022年5月20日\n"))
    checks = [a.value for a in draft.activities if a.value["kind"] == "hazard_inspection"]
    assert [(c.get("start"), c.get("end"), c.get("date")) for c in checks] == [(date(2022, 5, 20), date(2022, 6, 30), None)]


def test_a_drill_named_as_where_harm_is_to_be_prevented_is_no_drill():
    draft = extract(_lines("某幼儿园2025年“安全生产月”活动方案\n各班级：\n第五，工作要求\n"
                           "一要高度重视。各班级要把本次活动作为保障幼儿安全的重要抓手，认真组织，坚决防止演练中发生踩踏、摔伤等意外。\n"))
    assert not [a for a in draft.activities if a.value["kind"] == "drill"]


def test_the_issuers_own_people_taken_to_watch_anothers_consultation_day_are_no_order():
    text = ("某幼儿园2025年“安全生产月”活动方案\n各班级：\n"
            "⑦安全知识宣传。各班级要利用主题墙开展安全宣传，6月16日“安全宣传咨询日”当天，园里组织大班幼儿到镇文化广场观看镇政府组织的安全宣传咨询活动。\n")
    draft = extract(_lines(text))
    assert not [r for r in draft.requirements if r.value.get("kind") == "consultation_day"]
    assert any("only watch" in t.value for t in draft.todos)


def test_a_part_after_a_semicolon_going_on_with_the_same_units_shares_the_time_leading_the_part_before():
    draft = extract(_lines("某县林业局关于开展2023年“安全生产月”活动的通知\n各国有林场、各乡镇林业站：\n"
                           "（三）强化林区巡护和隐患排查。即日起至6月30日，各国有林场、各乡镇林业站要组织护林员加密巡山频次；"
                           "要对林区输电线路、木材加工企业等开展森林火灾隐患排查，建立隐患台账。\n某县林业局\n2023年5月22日\n"))
    checks = [a.value for a in draft.activities if a.value["kind"] == "hazard_inspection"]
    assert [(c.get("start"), c.get("end")) for c in checks] == [(date(2023, 5, 22), date(2023, 6, 30))]


def test_a_day_written_with_a_point_before_dangtian_dates_its_event():
    draft = extract(_lines("国网某县供电公司2024年“安全生产月”活动方案\n各供电所：\n"
                           "(6)公众开放日。6.16当天，公司在城区营业厅举办“电力公众开放日”活动，邀请社区居民走进变电站参观。\n"))
    assert [a.value.get("date") for a in draft.activities if a.value["kind"] == "open_day"] == [date(2024, 6, 16)]


def test_a_time_section_headed_di_san_with_a_comma_sets_the_period():
    draft = extract(_lines("某幼儿园2025年“安全生产月”活动方案\n各班级：\n第三，活动时间\n2025年6月1日至6月30日。\n"))
    assert [r.value["type"] for r in draft.requirements if r.value["type"] == "period"] == ["period"]


@pytest.mark.parametrize("sentence", ["6月上旬，园长为全体教职工上一堂安全专题课，讲清门卫值守、晨午检等环节的风险点。",
                                      "县委、县政府主要领导将在6月上旬为全县干部讲授安全专题党课。"])
def test_a_kindergarten_head_or_the_main_leaders_giving_a_safety_lesson_is_a_leaders_talk(sentence):
    draft = extract(_lines("某县2025年“安全生产月”活动方案\n各单位：\n" + sentence + "\n"))
    talks = [a.value for a in draft.activities if a.value["kind"] == "leader_talk"]
    assert [(t.get("start"), t.get("end")) for t in talks] == [(date(2025, 6, 1), date(2025, 6, 10))]


def test_a_mobilisation_speech_that_launches_the_month_is_a_launch():
    draft = extract(_lines("某幼儿园2025年“安全生产月”活动方案\n各班级：\n"
                           "①安全主题升旗仪式暨活动启动。6月3日（周二）晨间，全园举行“安全伴我成长”主题升旗仪式，园长作安全动员讲话，正式启动本园“安全生产月”活动。\n"))
    assert [a.value.get("date") for a in draft.activities if a.value["kind"] == "launch_ceremony"] == [date(2025, 6, 3)]


def test_a_universitys_own_drill_with_its_students_is_in_no_sector():
    draft = extract(_lines("星林大学文件\n星林大学2023年“安全生产月”活动实施方案\n各学院、各部门：\n"
                           "（三）开展应急演练。6月14日晚，后勤管理处、学生工作部在北区学生公寓5号楼组织夜间消防应急疏散演练，全体住宿学生参加。\n"))
    drills = [a.value for a in draft.activities if a.value["kind"] == "drill"]
    assert [(d.get("date"), d.get("sectors")) for d in drills] == [(date(2023, 6, 14), None)]


def test_units_of_the_zone_named_with_qunei_begin_an_order_of_their_own():
    draft = extract(_lines("某经济开发区管理委员会关于开展2022年“安全生产月”活动的通知\n区内各企业，管委会各部门：\n"
                           "一是开展安全生产法学习宣传，管委会党工委于6月上旬组织专题学习新修改的《安全生产法》，"
                           "区内各企业要在6月15日前组织全体职工开展一次安全生产法专题培训。\n"))
    studies = [a.value for a in draft.activities if a.value["kind"] == "study_session"]
    assert [(s.get("start"), s.get("sectors")) for s in studies] == [(date(2022, 6, 1), None)]


def test_an_inline_deputy_with_a_padded_name_after_the_post():
    group = _group("学校成立“安全生产月”活动领导小组，校党委副书记王建平任组长，副校长刘  洋任副组长，保卫处、后勤管理处主要负责人为成员。")
    assert group["deputies"] == [{"name": "刘洋", "title": "副校长"}]


def test_a_body_joined_with_ji_to_units_shares_the_holder_after_them():
    group = _group("学校成立“安全生产月”活动领导小组，校党委副书记王建平任组长，保卫处、后勤管理处、校团委及各学院主要负责人为成员。")
    assert group["members"] == [{"title": "保卫处主要负责人"}, {"title": "后勤管理处主要负责人"}, {"title": "校团委主要负责人"},
                                {"title": "各学院主要负责人"}]


def test_a_deadline_for_all_drills_above_dates_the_drill_after_a_semicolon():
    draft = extract(_lines("某县安全生产委员会办公室关于开展2025年“安全生产月”活动的通知\n各乡镇（街道）：\n"
                           "（二）集中开展阶段（6月1日—6月25日）\n"
                           "5.分行业开展应急演练。县属各重点企业要开展火灾事故应急演练；县教委要指导全县中小学校、幼儿园开展地震和火灾应急疏散演练。"
                           "以上演练均须于6月20日前完成。\n"))
    drills = [a.value for a in draft.activities if a.value["kind"] == "drill" and a.value.get("sectors") == ["school"]]
    assert [(d.get("date"), d.get("start")) for d in drills] == [(date(2025, 6, 20), None)]


def test_what_a_drill_of_a_named_hazard_rehearses_is_no_scenario_of_its_own():
    draft = extract(_lines("某市交通运输局关于开展2022年“安全生产月”活动的通知\n各客运、货运企业：\n"
                           "（三）组织开展应急演练。各客运、货运企业要于6月25日前，至少组织开展1次道路交通事故应急演练，"
                           "重点演练事故现场警戒、伤员救护和乘客疏散。\n"))
    assert [a.value.get("scenarios") for a in draft.activities if a.value["kind"] == "drill"] == [["traffic"]]


def test_bad_weather_names_the_weather_scenario():
    draft = extract(_lines("某市交通运输局关于开展2022年“安全生产月”活动的通知\n各公路建设项目参建单位：\n"
                           "（三）各公路建设项目参建单位要于6月25日前，结合汛期特点，开展1次防汛或恶劣天气应急演练。\n"))
    assert [a.value.get("scenarios") for a in draft.activities if a.value["kind"] == "drill"] == [["flood", "weather"]]


def test_addressees_told_to_bring_their_people_to_the_issuers_consultation_day_are_ordered_it():
    draft = extract(_lines("某经济开发区管理委员会关于开展2022年“安全生产月”活动的通知\n区内各企业：\n"
                           "四是开展“安全宣传咨询日”活动，6月16日管委会在园区服务中心广场设置咨询点，各企业要组织员工参加，每家企业不少于5人。\n"))
    orders = [r.value for r in draft.requirements if r.value.get("kind") == "consultation_day"]
    assert [o.get("date") for o in orders] == [date(2022, 6, 16)]


def test_a_report_after_the_issuers_own_one_goes_with_it_when_no_new_sender_is_named():
    draft = extract(_lines("东湖街道水月社区居民委员会\n关于开展2024年水月社区“安全生产月”活动的工作方案\n各网格员、辖区各物业服务企业：\n"
                           "三、工作要求\n社区于每周三下午向街道应急办报送一次工作进展，6月25日前报送活动总结。\n"))
    assert [(r.value["kind"], r.value.get("due")) for r in draft.reports if r.value["kind"] == "summary"] == [("summary", date(2024, 6, 25))]
    assert not [r for r in draft.requirements if r.value["type"] == "report_due"]


def test_enterprises_named_by_what_they_do_or_their_trade_each_drill_in_the_enterprise_sector():
    draft = extract(_lines("某经济开发区管理委员会关于开展2022年“安全生产月”活动的通知\n区内各企业：\n"
                           "三是开展应急演练，涉及有限空间作业的企业要开展1次有限空间中毒窒息事故应急救援演练，粉尘涉爆企业要开展1次粉尘爆炸事故应急演练，"
                           "其他企业要结合实际开展火灾等应急疏散演练，以上演练均须于6月25日前完成。\n"))
    drills = [a.value for a in draft.activities if a.value["kind"] == "drill"]
    assert [(d.get("sector"), d.get("scenarios"), d.get("date")) for d in drills] == [
        ("enterprise", ["confined_space"], date(2022, 6, 25)), ("enterprise", [], date(2022, 6, 25)), ("enterprise", ["fire"], date(2022, 6, 25))]


def test_the_heads_of_bureaus_and_enterprises_giving_a_lecture_share_it_in_no_sector():
    draft = extract(_lines("某市交通运输局关于开展2022年“安全生产月”活动的通知\n各县（市、区）交通运输局，各企业：\n"
                           "（一）各县（市、区）交通运输局和各企业主要负责人要在6月份带头讲一次安全课，讲清本单位安全风险和防范措施。\n"))
    talks = [a.value for a in draft.activities if a.value["kind"] == "leader_talk"]
    assert [(t.get("start"), t.get("sectors")) for t in talks] == [(date(2022, 6, 1), None)]


@pytest.mark.parametrize("sentence", ["6月下旬，社区联合街道安监中队开展一次复查。",
                                      "后勤保障部于6月下旬对各院区整改情况进行复查。",
                                      "国有资产管理处于6月下旬组织校内外专家开展专项抽查，对问题突出的实验室予以通报。"])
def test_a_recheck_or_a_special_spot_check_is_a_hazard_check(sentence):
    draft = extract(_lines("某单位2024年“安全生产月”活动方案\n各部门：\n" + sentence + "\n"))
    checks = [a.value for a in draft.activities if a.value["kind"] == "hazard_inspection"]
    assert [(c.get("start"), c.get("end")) for c in checks] == [(date(2024, 6, 21), date(2024, 6, 30))]


def test_a_liaisons_details_named_clauses_before_their_day_are_the_liaison_form():
    draft = extract(_lines("某市交通运输局关于开展2022年“安全生产月”活动的通知\n各单位：\n"
                           "（二）明确联络员。各单位要明确1名联络员，填写联络员回执（附件1，含姓名、职务、手机号码），于5月31日前报送市局安全监督科。\n"))
    assert [(r.value["report"], r.value["due"]) for r in draft.requirements if r.value["type"] == "report_due"] == [("liaison_form", date(2022, 5, 31))]


def test_a_person_named_as_liaison_with_a_colon_is_a_liaison_contact():
    draft = extract(_lines("某经济开发区管理委员会关于开展2022年“安全生产月”活动的通知\n区内各企业：\n"
                           "管委会联络员：安全生产监督管理局　钱晓峰，手机：13757512368，邮箱：psajj@163.com\n"))
    assert [c.value for c in draft.contacts] == [{"name": "钱晓峰", "role": "liaison", "phone": "13757512368", "email": "psajj@163.com"}]


def test_a_units_own_activity_schedule_named_with_ben_is_its_plan():
    draft = extract(_lines("星林大学2023年“安全生产月”活动实施方案\n各学院：\n"
                           "（一）各学院要明确1名安全联络员，于5月31日前将本学院活动安排报保卫处。\n"))
    assert [(r.value["report"], r.value["due"]) for r in draft.requirements if r.value["type"] == "report_due"] == [("plan", date(2023, 5, 31))]


def test_a_day_of_a_year_before_the_notices_is_background_not_an_event():
    draft = extract(_lines("河南某化工有限公司2025年“安全生产月”活动方案\n公司各部门、各车间：\n"
                           "2024年3月22日，公司合成车间曾发生一起氢气管线法兰泄漏闪爆未遂事件，暴露出隐患排查不细、岗位应急处置能力不足等问题。\n"
                           "6月中旬，安全环保部对罐区、有限空间作业开展专项检查。\n"))
    checks = [a.value for a in draft.activities if a.value["kind"] == "hazard_inspection"]
    assert [(c.get("start"), c.get("date")) for c in checks] == [(date(2025, 6, 11), None)]


def test_this_month_is_the_month_the_notice_is_dated_in():
    draft = extract(_lines("某乡2023年“安全生产月”活动方案\n各村（社区）、辖区各企业：\n"
                           "7.看警示片。各企业本月内要组织职工看一次事故警示教育片，看完以后班组座谈。\n"
                           "某乡人民政府\n2023年6月1日\n"))
    films = [a.value for a in draft.activities if a.value["kind"] == "warning_education"]
    assert [(f.get("start"), f.get("end")) for f in films] == [(date(2023, 6, 1), date(2023, 6, 30))]


def test_a_check_ordered_of_enterprises_of_several_trades_is_in_sector_enterprise():
    draft = extract(_lines("某区安委会办公室关于开展2022年“安全生产月”活动的通知\n各街道、乡镇：\n"
                           "（三）开展隐患排查治理。6月1日至6月25日，各街道、乡镇要组织对辖区有限空间作业企业、燃气使用企业开展一次全覆盖检查。\n"))
    checks = [a.value for a in draft.activities if a.value["kind"] == "hazard_inspection"]
    assert [(c.get("start"), c.get("sectors") or c.get("sector")) for c in checks] in (
        [(date(2022, 6, 1), ["enterprise"])], [(date(2022, 6, 1), "enterprise")])


def test_a_leading_group_table_pasted_one_cell_to_a_line():
    draft = extract(_lines("凉水区安委会办公室关于开展2022年“安全生产月”活动的通知\n各街道、乡镇：\n附件1\n\n"
                           "凉水区“安全生产月”活动领导小组组成人员名单\n\n职务\n姓名\n单位及职务\n组长\n韩卫东\n区政府副区长\n"
                           "副组长\n郑  涛\n区应急管理局局长\n成员\n孙  丽\n区教委副主任\n成员\n—\n区消防救援支队有关负责同志\n\n附件2\n"))
    group = draft.leading_group
    assert group["leader"].value == {"name": "韩卫东", "title": "区政府副区长"}
    assert [d.value for d in group["deputies"]] == [{"name": "郑涛", "title": "区应急管理局局长"}]
    assert [m.value for m in group["members"]] == [{"name": "孙丽", "title": "区教委副主任"}, {"title": "区消防救援支队有关负责同志"}]


def test_a_theme_under_a_heading_numbered_with_brackets_is_the_theme_to_keep():
    draft = extract(_lines("濠溪街道2023年“安全生产月”活动实施方案\n各社区居委会：\n第一部分  总体要求\n\n（一）活动主题\n\n"
                           "人人讲安全、个个会应急\n\n（二）活动时间\n\n2023年6月1日至6月30日。\n"))
    assert draft.value("theme") == "人人讲安全、个个会应急"
    assert [r.value["type"] for r in draft.requirements if r.value["type"] == "theme"] == ["theme"]


def test_a_drill_one_named_village_holds_is_rural():
    draft = extract(_lines("某乡2023年“安全生产月”活动方案\n各村（社区）：\n"
                           "石门村是地质灾害隐患点所在村，还要在6月25日前加搞一次地质灾害避险演练。\n"))
    drills = [a.value for a in draft.activities if a.value["kind"] == "drill"]
    assert [(d.get("date"), d.get("sector") or d.get("sectors")) for d in drills] in (
        [(date(2023, 6, 25), "rural")], [(date(2023, 6, 25), ["rural"])])


def test_a_notice_dated_in_june_writes_junes_days_with_no_month():
    notice = ("某乡2023年“安全生产月”活动方案\n各村（社区）、辖区各企业：\n"
              "中心学校在中旬搞一次防溺水和地震逃生演练。\n"
              "5.16日搞宣传咨询。16日上午在乡政府门口坪里摆摊子搞安全宣传咨询。\n"
              "某乡人民政府\n{}\n")
    draft = extract(_lines(notice.format("2023年6月1日")))
    drills = [a.value for a in draft.activities if a.value["kind"] == "drill"]
    assert [(d.get("start"), d.get("end")) for d in drills] == [(date(2023, 6, 11), date(2023, 6, 20))]
    assert [a.value.get("date") for a in draft.activities if a.value["kind"] == "consultation_day"] == [date(2023, 6, 16)]
    dated_in_may = extract(_lines(notice.format("2023年5月20日")))
    assert not [a for a in dated_in_may.activities if a.value["kind"] == "drill" and a.value.get("start")]


def test_a_part_of_june_with_no_month_is_read_whole():
    draft = extract(_lines("某乡2023年“安全生产月”活动方案\n各村（社区）：\n各村要在中下旬开展一次隐患排查。\n某乡人民政府\n2023年6月1日\n"))
    checks = [a.value for a in draft.activities if a.value["kind"] == "hazard_inspection"]
    assert [(c.get("start"), c.get("end")) for c in checks] == [(date(2023, 6, 11), date(2023, 6, 30))]


@pytest.mark.parametrize("sentence", ["6月中旬，区应急管理局执法队将对检查情况进行抽查。",
                                      "乡应急办会同派出所在6月中旬对企业进行抽查，查出问题的要通报。"])
def test_a_spot_check_of_the_checks_or_of_enterprises_is_a_hazard_check(sentence):
    draft = extract(_lines("某区安委会办公室关于开展2022年“安全生产月”活动的通知\n各街道、乡镇：\n" + sentence + "\n"))
    checks = [a.value for a in draft.activities if a.value["kind"] == "hazard_inspection"]
    assert [(c.get("start"), c.get("end")) for c in checks] == [(date(2022, 6, 11), date(2022, 6, 20))]


def test_a_check_by_every_employee_is_a_hazard_check():
    draft = extract(_lines("某化工有限公司2025年“安全生产月”活动方案\n公司各部门、各车间：\n"
                           "（三）6月1日至6月20日，各车间要开展“查找身边安全隐患”全员排查，每名员工至少查找上报1条隐患。\n"))
    checks = [a.value for a in draft.activities if a.value["kind"] == "hazard_inspection"]
    assert [(c.get("start"), c.get("end")) for c in checks] == [(date(2025, 6, 1), date(2025, 6, 20))]


def test_a_schedule_row_with_a_clause_of_another_kind_is_two_activities():
    draft = extract(_lines("某化工有限公司2025年“安全生产月”活动方案\n公司各部门、各车间：\n序号\t时间\t内容\t责任部门\n"
                           "1\t6月3日\t召开“安全生产月”动员大会，董事长讲“安全第一课”\t安全环保部、综合办公室\n"))
    assert sorted((a.value["kind"], a.value.get("date")) for a in draft.activities) == [
        ("launch_ceremony", date(2025, 6, 3)), ("leader_talk", date(2025, 6, 3))]


def test_a_day_written_with_a_point_is_that_day():
    draft = extract(_lines("岑江县白沙镇人民政府\n白沙镇2025年“安全生产月”活动实施方案\n各村（社区）：\n"
                           "1.5.28，镇召开“安全生产月”活动动员部署会，各村（社区）党组织书记参加。\n"
                           "2.学习教育。6.10前，各村（社区）、镇直各单位要组织干部职工集中学习习近平总书记关于安全生产重要论述。\n"))
    assert [a.value.get("date") for a in draft.activities if a.value["kind"] == "launch_ceremony"] == [date(2025, 5, 28)]
    assert [a.value.get("date") for a in draft.activities if a.value["kind"] == "study_session"] == [date(2025, 6, 10)]


def test_a_time_limit_line_dates_the_task_above_it():
    draft = extract(_lines("敦泉市住房和城乡建设局关于开展2023年全市住建领域“安全生产月”活动的通知\n各县（区）住建局，市直各建筑施工企业：\n"
                           "三、重点任务\n"
                           "（一）开展学习宣贯。各县（区）住建局、各企业要组织干部职工深入学习习近平总书记关于安全生产重要论述，做到全员覆盖。\n"
                           "责任单位：各县（区）住建局，各建筑施工企业\n完成时限：6月10日前\n"))
    assert [a.value.get("date") for a in draft.activities if a.value["kind"] == "study_session"] == [date(2023, 6, 10)]
    assert [r.value.get("not_after") for r in draft.requirements if r.value.get("kind") == "study_session"] == [date(2023, 6, 10)]


def test_a_mine_is_an_enterprise():
    draft = extract(_lines("黑龙江鸡兴煤业有限公司兴安煤矿\n兴矿发〔2024〕22号\n关于印发《兴安煤矿2024年“安全生产月”活动实施方案》的通知\n各区队、各科室：\n"))
    assert (draft.value("org"), draft.value("level")) == ("黑龙江鸡兴煤业有限公司兴安煤矿", "enterprise")


def test_two_named_bodies_given_a_task_order_nothing_of_the_level_below():
    draft = extract(_lines("兴安煤矿2024年“安全生产月”活动实施方案\n各区队、各科室：\n"
                           "2．矿工会、团委要组织开展“安全嘱托进家庭”活动，6月20日前收集职工家属安全嘱托，在井口候车室展出。\n"))
    assert [r.value for r in draft.requirements if r.value.get("kind") == "publicity"] == []


def test_each_school_written_xiao_yuan_is_a_school():
    draft = extract(_lines("莲山县教育局关于开展2023年全县教育系统“安全生产月”活动的通知\n各中小学、幼儿园：\n"
                           "（三）扎实开展应急疏散演练。各校（园）要根据学段特点，于6月25日前至少组织1次应急疏散演练，做到全员参与。\n"))
    assert [r.value["sector"] for r in draft.requirements if r.value["type"] == "drill_per_sector"] == ["school"]


def test_crowded_places_named_with_examples_hold_their_drill_in_no_sector():
    draft = extract(_lines("皖岭市安全生产委员会关于开展2022年全市“安全生产月”活动的通知\n各县（市、区）安委会：\n"
                           "（六）组织应急演练。各县（市、区）要于6月25日前组织中小学校开展地震、火灾应急疏散演练，组织商场、车站等人员密集场所开展疏散逃生演练。\n"))
    drills = [a.value for a in draft.activities if a.value["kind"] == "drill"]
    assert all("evacuation" not in (d.get("scenarios") or []) for d in drills if d.get("sectors") == ["school"] or d.get("sector") == "school")


def test_an_order_that_runs_until_the_campaigns_end_runs_with_the_campaign():
    draft = extract(_lines("皖岭市安全生产委员会关于开展2022年全市“安全生产月”和“安全生产江淮行”活动的通知\n各县（市、区）安委会：\n"
                           "二、活动时间\n“安全生产月”活动时间为2022年6月1日至30日；“安全生产江淮行”活动与“安全生产月”同步启动，持续至2022年12月31日。\n"
                           "（八）开展“安全生产江淮行”活动。各县（市、区）要同步开展“安全生产江淮行”活动，持续至12月31日，组织新闻媒体深入企业一线开展采访报道和暗访曝光。\n"))
    orders = [r.value for r in draft.requirements if r.value.get("kind") == "media_campaign"]
    assert [(o.get("date"), o.get("not_before"), o.get("not_after")) for o in orders] == [(None, date(2022, 6, 1), date(2022, 12, 31))]


def test_a_weekly_report_after_the_issuers_own_report_goes_to_the_same_superior():
    draft = extract(_lines("源塘村2024年“安全生产月”活动方案\n各村民小组，村属各单位：\n"
                           "村委会于6月5日前将活动方案报镇应急办，活动期间每周五报送工作开展情况，6月25日前报送活动总结。\n"
                           "源塘村民委员会\n2024年5月30日\n"))
    assert [r.value.get("weekday") for r in draft.reports if r.value["kind"] == "progress"] == ["friday"]
    assert [r.value for r in draft.requirements if r.value["type"] == "recurring_report"] == []


def test_a_villages_own_villagers_put_its_own_event_in_no_sector():
    draft = extract(_lines("源塘村2024年“安全生产月”活动方案\n各村民小组：\n"
                           "（四）6月16日上午，在村部广场摆点开展安全宣传咨询活动，组织村民不少于60人参加。\n"
                           "源塘村民委员会\n2024年5月30日\n"))
    days = [a.value for a in draft.activities if a.value["kind"] == "consultation_day"]
    assert [(d.get("date"), d.get("sector"), d.get("sectors")) for d in days] == [(date(2024, 6, 16), None, None)]


def test_heads_of_a_government_before_the_enterprises_share_their_lecture():
    draft = extract(_lines("乌河图旗安全生产委员会办公室关于开展2024年“安全生产月”活动的通知\n各苏木镇，旗直各部门：\n"
                           "（二）开展“一把手”讲安全活动。各苏木镇党委书记、镇长和辖区重点企业主要负责人要于6月20日前至少讲授1次安全公开课。\n"))
    talks = [a.value for a in draft.activities if a.value["kind"] == "leader_talk"]
    assert [(t.get("date"), t.get("sectors")) for t in talks] == [(date(2024, 6, 20), None)]


def test_a_drill_after_a_semicolon_is_due_by_the_deadline_for_all_the_drills_above():
    draft = extract(_lines("溪茂区市场监督管理局关于开展2023年特种设备“安全生产月”活动的通知\n各市场监管所：\n"
                           "1.各住宅小区物业服务企业要会同电梯维保单位开展1次电梯困人应急救援演练；区内各压力容器使用企业要开展1次危险化学品泄漏或火灾应急演练。以上演练均须于6月25日前完成。\n"))
    drills = [a.value for a in draft.activities if a.value["kind"] == "drill"]
    assert drills and all(d.get("date") == date(2023, 6, 25) for d in drills)


def test_enterprises_a_bureau_presses_after_a_list_of_trades_hold_the_check():
    draft = extract(_lines("山西省应急管理厅关于开展2025年全省应急管理系统“安全生产月”活动的通知\n各市应急管理局：\n"
                           "（三）组织企业开展隐患自查自纠。各市局要督促辖区内危险化学品、工贸等企业于6月1日至6月20日全面开展隐患自查自纠，建立隐患清单。\n"))
    checks = [a.value for a in draft.activities if a.value["kind"] == "hazard_inspection"]
    assert [(c.get("start"), c.get("sectors") or [c.get("sector")]) for c in checks] == [(date(2025, 6, 1), ["enterprise"])]


def test_the_whole_of_june_is_the_month():
    draft = extract(_lines("源塘村2024年“安全生产月”活动方案\n各村民小组：\n"
                           "（六）整个6月，利用村广播、微信群每天播放一条安全提示，宣传12350举报电话。\n"))
    found = [a.value for a in draft.activities if a.value["kind"] == "whistleblower_promotion"]
    assert [(f.get("start"), f.get("end")) for f in found] == [(date(2024, 6, 1), date(2024, 6, 30))]


def test_the_committees_other_members_and_each_group_leader_are_two_members():
    draft = extract(_lines("源塘村2024年“安全生产月”活动方案\n各村民小组：\n"
                           "成立源塘村“安全生产月”活动领导小组，由村党总支书记、村委会主任黄建国任组长，村委会副主任周丽任副组长，村两委其他成员和各村民小组长为成员。\n"))
    assert [p.value for p in draft.leading_group["members"]] == [{"title": "村两委其他成员"}, {"title": "各村民小组长"}]


def test_villages_named_by_where_they_lie_hold_the_drill_they_are_organised_for():
    draft = extract(_lines("山西省应急管理厅关于开展2025年全省应急管理系统“安全生产月”活动的通知\n各市应急管理局：\n"
                           "（四）组织开展应急演练。各市局要于6月25日前，要会同自然资源部门，组织地质灾害隐患点所在村开展1次地质灾害避险转移演练。\n"))
    drills = [a.value for a in draft.activities if a.value["kind"] == "drill"]
    assert [(d.get("date"), d.get("sector") or d.get("sectors"), d.get("scenarios")) for d in drills] == [(date(2025, 6, 25), "rural", ["geological"])]


def test_kinds_of_enterprise_named_with_their_hazards_before_the_drill_each_hold_their_own():
    draft = extract(_lines("山西省应急管理厅关于开展2025年全省应急管理系统“安全生产月”活动的通知\n各市应急管理局：\n"
                           "（四）组织开展应急演练。各市局要于6月25日前，指导辖区危险化学品企业以泄漏、火灾事故处置为重点，工贸企业以火灾事故为重点，各组织开展1次应急演练。\n"))
    drills = sorted((a.value.get("date"), a.value.get("sector"), tuple(a.value["scenarios"])) for a in draft.activities if a.value["kind"] == "drill")
    assert drills == [(date(2025, 6, 25), "enterprise", ("fire",)), (date(2025, 6, 25), "enterprise", ("hazardous_chemicals", "fire"))]
    orders = [r.value for r in draft.requirements if r.value["type"] == "drill_per_sector"]
    assert [(o["sector"], o["scenarios"], o["any_of"]) for o in orders] == [("enterprise", ["hazardous_chemicals", "fire"], True)]


def test_a_check_made_of_each_school_written_xiao_yuan_is_left_to_the_clerk():
    draft = extract(_lines("莲山县教育局关于开展2023年全县教育系统“安全生产月”活动的通知\n各中小学、幼儿园：\n"
                           "（二）全面排查校园安全隐患。局将于6月下旬组织督查组，对各校（园）自查整改情况进行抽查。\n"))
    assert [a.value for a in draft.activities if a.value["kind"] == "hazard_inspection"] == []
    assert any("clerk" in todo.value for todo in draft.todos)


def test_a_supervisory_spot_check_is_a_hazard_check():
    draft = extract(_lines("溪茂区市场监督管理局关于开展2023年特种设备“安全生产月”活动的通知\n各市场监管所：\n"
                           "3.各市场监管所要于6月中下旬对辖区住宅小区、医院、商场和轨道交通站点电梯开展监督抽查，抽查比例不低于辖区在用电梯的5%。\n"))
    checks = [a.value for a in draft.activities if a.value["kind"] == "hazard_inspection"]
    assert [(c.get("start"), c.get("end")) for c in checks] == [(date(2023, 6, 11), date(2023, 6, 30))]
    assert [(r.value.get("not_before"), r.value.get("not_after")) for r in draft.requirements if r.value.get("kind") == "hazard_inspection"] == [(date(2023, 6, 11), date(2023, 6, 30))]


def test_a_self_check_of_named_things_completed_by_a_week_is_a_hazard_check():
    draft = extract(_lines("溪茂区市场监督管理局关于开展2023年特种设备“安全生产月”活动的通知\n各市场监管所：\n"
                           "2.各压力容器使用单位、气瓶充装单位要于6月第二周（6月5日至9日）完成安全附件、安全阀校验和充装前后检查记录的自查。\n"))
    checks = [a.value for a in draft.activities if a.value["kind"] == "hazard_inspection"]
    assert [(c.get("start"), c.get("end")) for c in checks] == [(date(2023, 6, 5), date(2023, 6, 9))]


def test_a_spot_check_begun_with_kaizhan_whose_problems_are_to_be_rectified_is_a_hazard_check():
    draft = extract(_lines("水坪县卫生健康局关于开展2025年全县卫生健康系统“安全生产月”活动的通知\n各乡镇卫生院：\n"
                           "三是县卫健局将于6月中下旬会同县消防救援大队对县直医疗机构开展抽查，对发现的问题督促限期整改。\n"))
    checks = [a.value for a in draft.activities if a.value["kind"] == "hazard_inspection"]
    assert [(c.get("start"), c.get("end")) for c in checks] == [(date(2025, 6, 11), date(2025, 6, 30))]


def test_a_mines_gathered_summary_to_its_parent_companys_department_is_its_own():
    draft = extract(_lines("黑龙江鸡兴煤业有限公司兴安煤矿\n兴矿发〔2024〕22号\n关于印发《兴安煤矿2024年“安全生产月”活动实施方案》的通知\n各区队、各科室：\n"
                           "（三）各区队、科室于6月27日前报送活动总结。安全监察科汇总形成矿井活动总结，于7月3日前报鸡兴煤业有限公司安全监察部。\n"))
    assert [(r.value["kind"], r.value["due"]) for r in draft.reports] == [("summary", date(2024, 7, 3))]


def test_a_meeting_held_to_deploy_the_months_work_is_a_launch():
    draft = extract(_lines("白沙镇2025年“安全生产月”活动实施方案\n各村（社区）：\n"
                           "2.各村（社区）要于6月5日前召开“两委”会议，对本村（社区）活动进行部署。\n"))
    assert [a.value.get("date") for a in draft.activities if a.value["kind"] == "launch_ceremony"] == [date(2025, 6, 5)]


def test_days_listed_with_fenbie_share_the_recipient_after_the_last():
    draft = extract(_lines("皖岭市安全生产委员会关于开展2022年全市“安全生产月”和“安全生产江淮行”活动的通知\n各县（市、区）安委会：\n"
                           "（三）各县（市、区）要于6月28日前报送“安全生产月”活动总结和统计表，12月10日前报送“安全生产江淮行”活动总结。"
                           "市安委办汇总后，分别于7月5日前、12月20日前报省安委办。\n"))
    assert sorted((r.value["kind"], r.value["due"]) for r in draft.reports) == [("campaign_summary", date(2022, 12, 20)), ("summary", date(2022, 7, 5))]


def test_the_heads_of_two_classes_of_addressee_are_ordered_their_lecture():
    draft = extract(_lines("皖岭市安全生产委员会关于开展2022年全市“安全生产月”活动的通知\n各县（市、区）安委会：\n"
                           "（三）开展“一把手”讲安全。各县（市、区）政府主要负责同志和市属企业主要负责人要于6月20日前讲授一次安全课。\n"))
    assert [r.value.get("not_after") for r in draft.requirements if r.value.get("kind") == "leader_talk"] == [date(2022, 6, 20)]


def test_bodies_told_to_set_up_their_organisation_in_turn_are_ordered_a_leading_group():
    draft = extract(_lines("皖岭市安全生产委员会关于开展2022年全市“安全生产月”活动的通知\n各县（市、区）安委会：\n"
                           "三、组织领导\n市安委会成立“安全生产月”活动领导小组，领导小组办公室设在市应急管理局，承担日常工作。各县（市、区）要相应成立组织机构，明确具体办事机构和人员。\n"))
    assert [r.value["require_office"] for r in draft.requirements if r.value["type"] == "leading_group"] == [True]


def test_a_supervision_team_sent_to_supervise_is_a_hazard_check():
    draft = extract(_lines("皖岭市安全生产委员会关于开展2022年全市“安全生产月”活动的通知\n各县（市、区）安委会：\n"
                           "各县（市、区）要于6月1日至6月25日开展执法检查。市安委会将于6月中下旬组织督查组进行督查。\n"))
    checks = [a.value for a in draft.activities if a.value["kind"] == "hazard_inspection"]
    assert (date(2022, 6, 11), date(2022, 6, 30)) in [(c.get("start"), c.get("end")) for c in checks]


def test_a_section_number_with_a_point_is_no_date():
    draft = extract(_lines("二、主要活动\n2.2 开展应急演练。各乡镇要于6月20日前组织各村开展1次防汛应急演练。\n3.1、召开动员部署会。\n"
                           "6.16，镇在文化广场设立安全宣传咨询台。\n"), year=2024)
    days = sorted(d for a in draft.activities for d in (a.value.get("date"), a.value.get("start")) if d)
    assert days and all(day.month == 6 for day in days)  # not 2月2日 or 3月1日
    assert date(2024, 6, 16) in days  # a day with a point and a comma is still a day


def test_a_drill_read_twice_from_one_line_is_listed_once():
    draft = extract(_lines("（二）开展应急演练。各乡镇要于6月20日前组织各村开展1次防汛应急演练。\n"), year=2024)
    drills = [a.value for a in draft.activities if a.value["kind"] == "drill"]
    assert len(drills) == 1
    assert drills[0].get("sector") == "rural" and drills[0]["scenarios"] == ["flood"]


def test_cooperatives_farms_tenants_and_operators_are_enterprises():
    draft = extract(_lines("宁县农业农村局关于开展2022年“安全生产月”活动的通知\n各农机专业合作社，各规模养殖场：\n"
                           "（三）开展应急演练。各规模养殖场要组织一次有限空间作业中毒窒息事故应急演练，以上演练均须于6月25日前完成。\n"
                           "（1）景区各经营单位要于6月20日前组织一次防踩踏应急疏散演练。\n"), year=2022)
    drills = [a.value for a in draft.activities if a.value["kind"] == "drill"]
    assert len(drills) == 2 and all(d.get("sectors", [d.get("sector")]) == ["enterprise"] for d in drills)
    assert "enterprise" in [r.value.get("sector") for r in draft.requirements if r.value["type"] == "drill_per_sector"]


def test_a_name_with_the_interpunct_after_its_post_is_the_leader():
    group = _group("一八七团安全生产委员会办公室关于开展2025年“安全生产月”活动的通知\n各连队：\n"
                   "三、组织领导\n团成立活动领导小组，团党委副书记、团长阿不都热合曼·吐尔逊任组长，团党委常委、副团长王建军任副组长，"
                   "团应急管理办公室、党委宣传部主要负责人为成员。\n")
    assert group["leader"] == {"name": "阿不都热合曼·吐尔逊", "title": "团党委副书记、团长"}


def test_a_scenic_area_that_names_where_its_hazard_happens_is_no_scenario():
    from compliance.importer.activities import drill_scenarios
    assert drill_scenarios("管委会定于6月13日在索道下站广场组织景区大客流防踩踏综合演练") == ["stampede"]
    assert drill_scenarios("高层建筑、商业综合体、景区等人员密集场所应急演练") == ["high_rise", "commercial_complex", "scenic_area"]


def test_a_company_reports_every_week_to_the_group_it_belongs_to():
    draft = extract(_lines("禾阳市轨道交通运营有限公司\n关于印发2024年“安全生产月”活动方案的通知\n公司各部门、各中心：\n"
                           "（二）各部门、各中心每周一中午12点前将上周活动开展情况报安全质量部；安全质量部汇总后，于每周二下午5点前报集团安全监察部。\n"), year=2024)
    assert [r.value["weekday"] for r in draft.reports if r.value["kind"] == "progress"] == ["tuesday"]
    assert [r.value["weekday"] for r in draft.requirements if r.value["type"] == "recurring_report"] == ["monday"]


def test_businesses_named_by_their_trade_hold_the_drills_a_closing_deadline_dates():
    draft = extract(_lines("（三）开展应急演练。各规模养殖场要组织一次有限空间作业中毒窒息事故应急演练，各农机专业合作社要组织一次农机库棚火灾应急演练，"
                           "以上演练均须于6月25日前完成。\n"), year=2022)
    drills = sorted((a.value.get("sector"), tuple(a.value["scenarios"]), a.value.get("date")) for a in draft.activities if a.value["kind"] == "drill")
    assert drills == [("enterprise", ("confined_space",), date(2022, 6, 25)), ("enterprise", ("fire",), date(2022, 6, 25))]


def test_a_regiment_farms_companies_are_its_villages():
    draft = extract(_lines("（四）应急演练。各连队要于6月20日前组织一次防洪抢险或棉花堆垛火灾应急演练；团属各企业要于6月25日前组织一次火灾或有限空间事故应急演练。\n"), year=2025)
    drills = {a.value.get("date"): a.value.get("sectors", [a.value.get("sector")]) for a in draft.activities if a.value["kind"] == "drill"}
    assert drills[date(2025, 6, 20)] == ["rural"]
    assert "rural" in [r.value.get("sector") for r in draft.requirements if r.value["type"] == "drill_per_sector"] \
        or any("rural" in r.value.get("sectors", {}) for r in draft.requirements if r.value["type"] == "drill_per_sector")


def test_a_flood_defence_drill_is_a_flood_drill():
    from compliance.importer.activities import drill_scenarios
    assert drill_scenarios("各连队要于6月20日前组织一次防洪抢险或棉花堆垛火灾应急演练") == ["flood", "fire"]


def test_a_whole_wujin_clause_in_the_campaign_month_implies_its_publicity_order():
    draft = extract(_lines("歌林区应急管理局关于开展2025年“安全生产月”活动的通知\n各街镇：\n一、活动时间\n2025年6月1日至6月30日。\n"
                           "（五）开展安全宣传“五进”。各街镇要推动安全宣传进企业、进农村、进社区、进学校、进家庭，6月份每个街镇至少开展1次集中宣传。\n"), year=2025)
    assert [r.value["sectors"] for r in draft.requirements if r.value["type"] == "sectors_covered"] == [["enterprise", "rural", "community", "school", "family"]]
    assert not [r for r in draft.requirements if r.value["type"] == "activity" and r.value.get("kind") == "publicity"]


def test_units_named_as_where_the_issuer_acts_are_not_told_to():
    draft = extract(_lines("飞云镇关于开展2023年“安全生产月”活动的通知\n各村（社区）：\n"
                           "★ 镇应急办在各村公示栏张贴12350举报电话海报，欢迎广大群众举报身边安全隐患。\n"), year=2023)
    assert [a.value["kind"] for a in draft.activities] == ["whistleblower_promotion"]
    assert not [r for r in draft.requirements if r.value["type"] == "activity"]


def test_publicity_into_the_villages_named_xiangcun_is_rural():
    draft = extract(_lines("东嘎县安全生产委员会办公室关于开展2022年“安全生产月”活动的通知\n各乡（镇）：\n"
                           "（二）开展安全宣传“四进”。各乡（镇）要组织开展安全宣传进企业、进乡村、进寺庙、进学校活动，用藏汉双语讲解安全用电、用火、用气常识。\n"), year=2022)
    assert [r.value["sectors"] for r in draft.requirements if r.value["type"] == "sectors_covered"] == [["enterprise", "rural", "school"]]


def test_four_character_names_on_padded_leading_group_lines():
    group = _group("县成立“安全生产月”活动领导小组：\n组  长：次仁多吉  县委常委、常务副县长\n副组长：扎西平措  县应急管理局局长\n"
                   "        普布卓玛  县委宣传部副部长\n成  员：格桑旺堆  县教育局副局长\n        县交通运输局分管负责同志\n")
    assert group["leader"] == {"name": "次仁多吉", "title": "县委常委、常务副县长"}
    assert [p.get("name") for p in group["deputies"]] == ["扎西平措", "普布卓玛"]
    assert [p.get("name") for p in group["members"]] == ["格桑旺堆", None]


def test_a_check_of_escape_routes_or_one_named_by_what_it_checks_is_a_hazard_check():
    draft = extract(_lines("潭北镇人民政府关于开展2024年“安全生产月”活动的通知\n各村（居）委会：\n"
                           "1.各村（居）委会要在6月1日至6月20日期间，组织网格员对辖区出租屋、“三小”场所和经营性自建房开展一次生命通道排查，重点清理堵塞消防通道。\n"
                           "（3）各村要于6月20日前对辖区农家乐、民宿开展一次消防和燃气安全排查。\n"), year=2024)
    checks = {(a.value.get("start"), a.value.get("end"), a.value.get("date")) for a in draft.activities if a.value["kind"] == "hazard_inspection"}
    assert checks == {(None, None, date(2024, 6, 20)), (date(2024, 6, 1), date(2024, 6, 20), None)}


def test_a_consultation_day_heading_with_a_blank_line_before_its_text_orders_the_day():
    draft = extract(_lines("云峰管委会关于开展2024年“安全生产月”活动的通知\n各村（居）委会：\n4.“6·16”安全宣传咨询日\n\n"
                           "6月16日上午，管委会在游客中心广场举办“安全宣传咨询日”活动，设置应急救护体验区和安全知识展板。各村要同步设立宣传咨询点。\n"), year=2024)
    assert [r.value["date"] for r in draft.requirements if r.value.get("kind") == "consultation_day"] == [date(2024, 6, 16)]


def test_a_heading_that_opens_its_bodys_line_is_no_second_publicity():
    draft = extract(_lines("宁县农业农村局关于开展2022年“安全生产月”活动的通知\n各乡镇农业综合服务站：\n"
                           "（四）开展安全宣传进农村。各乡镇农业综合服务站要结合农技服务，开展农机安全、农药使用、沼气安全知识宣传进农村、进家庭活动，向农户发放安全明白纸。\n"), year=2022)
    assert [a.value.get("sectors") for a in draft.activities if a.value["kind"] == "publicity"] == [["rural", "family"]]


def test_units_told_to_organise_their_staffs_study_of_the_law_hold_a_study():
    draft = extract(_lines("泺州汇港商业管理有限公司\n关于印发2023年“安全生产月”活动方案的通知\n公司各部门：\n"
                           "（2）各部门要在6月上旬组织员工学习《安全生产法》和消防安全“四个能力”知识，做到人人过关。\n"), year=2023)
    assert [(a.value.get("start"), a.value.get("end")) for a in draft.activities if a.value["kind"] == "study_session"] == [(date(2023, 6, 1), date(2023, 6, 10))]


def test_a_wujin_tasks_row_is_publicity_whatever_it_has_the_families_do():
    draft = extract(_lines("汝城区安委办关于开展2022年“安全生产月”活动的通知\n各街道、镇：\n附件\n任务清单\n"
                           "序号\t任务\t具体内容\t牵头单位\t完成时限\n"
                           "1\t安全宣传进学校\t开展安全主题班会，发放《致家长的一封信》\t区教育局\t6月15日前\n"
                           "2\t安全宣传进家庭：开展“小手拉大手”家庭隐患自查\t发放《家庭安全隐患自查清单》\t区妇联\t6月25日前\n"), year=2022)
    found = {(a.value["kind"], a.value.get("date")) for a in draft.activities}
    assert ("publicity", date(2022, 6, 25)) in found and ("hazard_inspection", date(2022, 6, 25)) not in found


def test_a_full_check_of_named_places_is_a_hazard_check():
    draft = extract(_lines("兰县民政局关于开展2023年“安全生产月”活动的通知\n各乡镇民政所：\n"
                           "2.各乡镇民政所要在6月底前对辖区敬老院开展一次全面检查。\n"), year=2023)
    assert [a.value.get("date") for a in draft.activities if a.value["kind"] == "hazard_inspection"] == [date(2023, 6, 30)]


def test_a_check_of_each_exit_or_by_patrol_is_a_hazard_check():
    draft = extract(_lines("禾阳市轨道交通运营有限公司\n关于印发2024年“安全生产月”活动方案的通知\n公司各部门、各中心：\n"
                           "1.6月1日至6月20日，各车站要对出入口、疏散通道、安全出口、消防设施逐一检查，清理占用堵塞问题，建立问题台账。\n"
                           "三是局农机化管理股将于6月中旬组织农机安全监理人员，深入田间地头开展跨区作业农机巡查。\n"), year=2024)
    checks = {(a.value.get("start"), a.value.get("end")) for a in draft.activities if a.value["kind"] == "hazard_inspection"}
    assert checks == {(date(2024, 6, 1), date(2024, 6, 20)), (date(2024, 6, 11), date(2024, 6, 20))}


def test_the_village_and_residents_committees_are_drill_subjects():
    draft = extract(_lines("潭北镇人民政府关于开展2024年“安全生产月”活动的通知\n各村（居）委会：\n"
                           "1.各村（居）委会要在6月20日前，组织开展一次防台风或防汛避险转移演练，确保危房户、低洼地带群众“应转尽转”。\n"), year=2024)
    drills = [a.value for a in draft.activities if a.value["kind"] == "drill"]
    assert [(sorted(d.get("sectors", [d.get("sector")])), d.get("date")) for d in drills] == [(["community", "rural"], date(2024, 6, 20))]


def test_a_pile_up_drill_is_a_traffic_drill():
    from compliance.importer.activities import drill_scenarios
    assert drill_scenarios("6月18日，公司在K126服务区组织高速公路多车相撞及车辆火灾事故应急演练") == ["traffic", "fire"]
