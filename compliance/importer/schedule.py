"""A notice's own schedule table (序号 | 活动内容 | 时间 | 责任单位), as tab-separated text or a .docx table."""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Any

from .activities import CHOICE, activity_window, add_activity, drill_scenarios, kind_of, requirement_window, school_sector, when_in
from .dates import days_in
from .draft import Draft, Sourced
from .gates import HELD_FOR_PEOPLE, mentioned_in_passing, sentence_of
from .reader import Line
from .sectors import CHECK_OF_ENTERPRISES
from .vocabulary import DRILL_SUBJECTS, SECTOR_WORDS

CONTENT_HEADER = re.compile(r"(?:活动|工作|具体)?(?:内容|项目|名称|事项)")
TASK_HEADER = re.compile(r"(?:工作|重点|具体)?任务")
TIME_HEADER = re.compile(r"时间|日期|时限")


RESPONSIBLE_HEADER = re.compile(r"责任|牵头|承办|主办|实施")


@dataclass
class Row:
    line: Line
    content: str
    time: str
    others: str = ""  # the remaining cells: who is responsible, who takes part
    responsible: str = ""  # the cell under 责任单位 / 牵头单位, when the header has one
    more: tuple[int, ...] = ()  # the lines its cells run over onto (an empty 序号 cell continues the row above)


def _cells(text: str) -> list[str]:
    """A table row as tab-separated text, or pasted with its columns padded by runs of spaces."""
    if "\t" in text:
        return [cell.strip() for cell in text.split("\t")]
    return [cell.strip() for cell in re.split(r"[ \u3000]{2,}", text.strip())]


NUMBER_HEADER = re.compile(r"序\s*号|编\s*号")


def _row(line: Line, cells: list[str], columns: tuple[int, ...], responsible: int | None, more: tuple[int, ...] = ()) -> Row:
    rest = "、".join(cell for i, cell in enumerate(cells) if i not in columns and not cell.isdigit() and cell)
    who = cells[responsible] if responsible is not None and responsible < len(cells) else ""
    content = cells[columns[0]] if columns[0] < len(cells) else ""
    if len(columns) > 2 and columns[2] < len(cells) and cells[columns[2]]:
        content = f"{cells[columns[2]]}：{content}"
    return Row(line, content, cells[columns[1]], rest, who, more)


def schedule_rows(lines: list[Line]) -> list[Row]:
    """Every row under a header that names a content column and a time column. Under a 序号 column, a line whose
    序号 cell is empty (6月1日— / <TAB>6月15日 on the next line) continues the row above: its cells are joined to
    that row's, column by column."""
    rows: list[Row] = []
    columns: tuple[int, ...] | None = None
    responsible: int | None = None
    numbered = False
    last: list[str] | None = None  # the cells of the row above, as joined so far
    for line in lines:
        cells = _cells(line.text)
        if (columns and numbered and last is not None and "\t" in line.text and cells and not cells[0]
                and any(cells)):
            last = [(last[i] if i < len(last) else "") + (cells[i] if i < len(cells) else "")
                    for i in range(max(len(last), len(cells)))]
            rows[-1] = _row(rows[-1].line, last, columns, responsible, rows[-1].more + (line.number,))
            continue
        last = None
        if len(cells) < 3:
            columns = None
            continue
        # (序号 工作任务 具体内容 责任单位 完成时限: the cell that says what is done, before the task's short name)
        content = next((i for i, cell in enumerate(cells) if CONTENT_HEADER.fullmatch(cell)), None)
        task = next((i for i, cell in enumerate(cells) if TASK_HEADER.fullmatch(cell)), None)
        time = next((i for i, cell in enumerate(cells) if TIME_HEADER.search(cell) and len(cell) <= 6), None)
        if (content is not None or task is not None) and time is not None:
            # the task's short name is read with what is done (安全宣传咨询日：设立城市管理安全宣传咨询点)
            columns = (content, time, task) if content is not None and task is not None else (content if content is not None else task, time)
            responsible = next((i for i, cell in enumerate(cells) if RESPONSIBLE_HEADER.search(cell) and len(cell) <= 6), None)
            numbered = bool(NUMBER_HEADER.fullmatch(cells[0])) and 0 not in columns
        elif columns and max(columns) < len(cells):
            rows.append(_row(line, cells, columns, responsible))
            last = cells if numbered and cells[0] else None
    return rows


# 各社区 / 区内各企业 / 辖区企业 / 各分（子）公司: a responsible cell that names only the units the notice addresses
ADDRESSEES = re.compile(r"(?:辖区|区内|园区内?|县内|镇内)各?[\u4e00-\u9fa5]{0,4}?(?:企业|单位|学校)|各[\u4e00-\u9fa5]{0,4}?"
                        r"(?:企业|村（社区）|村|社区|中小学|学校|(?:乡镇|镇)（街道）|街道|乡镇|镇|单位|部门|分（子）公司|分公司|车间|科室)"
                        # 各乡镇应急办, 各县（市、区）应急管理局: the addressees' own offices
                        r"|各[\u4e00-\u9fa5（）、]{1,8}?(?:应急办|应急管理办公室|应急管理局|应急管理站|安监站|安委办|办事处|人民政府)"
                        # 县直各部门, 县直有关部门, 县属各国有企业: the units of the issuer's own level it addresses as a class
                        r"|[县区市旗](?:直|属)(?:各|有关)[\u4e00-\u9fa5]{0,4}?(?:部门|单位|企业)")
UNIT_SECTORS = [("enterprise", "企业"), ("rural", "村(?!（社区）)|村（社区）"), ("community", "社区"), ("school", "学校|中小学")]


def _addressees(row: Row) -> list[str] | None:
    """The responsible cell's parts when every one of them is a class of the addressees (各社区、区内各企业), else None:
    a row shared with a body of the issuer (街道平安办、各社区) is the issuer's to hold."""
    parts = [part for part in re.split(r"[、，,]|及|和", row.responsible) if part]
    if not parts or not all(ADDRESSEES.fullmatch(part) for part in parts):
        return None
    return parts


def _addressee_sector(row: Row) -> str | None:
    """The one sector of the units a row names as responsible (区内各企业: enterprise), if they have one."""
    parts = _addressees(row) or []
    sectors = {name for part in parts for name, words in UNIT_SECTORS if re.search(words, part)}
    return sectors.pop() if len(sectors) == 1 and all(any(re.search(w, p) for _, w in UNIT_SECTORS) for p in parts) else None


def _row_sectors(kind: str, row: Row) -> list[str]:
    """安全宣传进社区、进企业…: the sectors it names; a drill by 各社区 is the communities'; 企业员工 training is the enterprises'."""
    named = {name: m.start() for name, words in SECTOR_WORDS if (m := re.search(rf"进(?:{words})", row.content))}
    if named:
        return sorted(named, key=named.get)
    if kind == "drill":
        if sector := school_sector(row.content):
            return [sector]
        if named := [name for name, words in DRILL_SUBJECTS if re.search(rf"各(?:{words})", row.others)]:
            return named
        # 各村（社区）开展…演练: the units the row's own text begins with
        subject = re.match(r"各(?P<who>[^，,。；：:]{1,12}?)(?:开展|组织|举办|进行)", row.content)
        if held := [name for name, words in DRILL_SUBJECTS if subject and re.search(words, subject["who"])]:
            return held
        # 社区高层建筑火灾疏散逃生演练 / 企业生产安全事故应急演练: a drill the row's text names by its sector's units first
        return [name for name, words in DRILL_SUBJECTS if re.match(rf"\s*(?:{words})(?![（(、和及与])", row.content)][:1]
    if re.search(r"企业(?:员工|职工)", row.content):
        return ["enterprise"]
    sector = _addressee_sector(row)
    if kind == "hazard_inspection":
        # a check held by the enterprises alone, or made of enterprises (对危险化学品、工贸企业开展专项执法检查)
        return ["enterprise"] if sector == "enterprise" or CHECK_OF_ENTERPRISES.search(row.content) else []
    if kind in HELD_FOR_PEOPLE and sector:
        return [sector]
    return []


# 6月10日、6月17日、6月24日: days listed apart, no span between them
SEVERAL_DAYS = re.compile(r"\s*(?:[0-9]{1,2}\s*月\s*[0-9]{1,2}\s*日\s*[、，,和及]\s*)+[0-9]{1,2}\s*月\s*[0-9]{1,2}\s*日\s*")


# 安全宣传进家庭：开展“小手拉大手”家庭隐患自查: a 五进 task's row is the publicity, whatever it has the families do
PUBLICITY_ROW = re.compile(r"^\s*(?:安全(?:宣传|知识|文化))?进(?:" + "|".join(words for _, words in SECTOR_WORDS) + r")\s*[：:]")


def find_schedule_activities(rows: list[Row], draft: Draft, year: int) -> None:
    """One activity for each row of a kind the vocabulary knows, dated by its time cell."""
    for row in rows:
        found = ("publicity", None) if PUBLICITY_ROW.match(row.content) else kind_of(row.content)
        if not found:
            continue
        for kind in [found[0]] + _other_kinds_of_row(row.content, found[0]):
            _add_row_activity(draft, row, kind, year)


def _other_kinds_of_row(content: str, first: str) -> list[str]:
    """召开“安全生产月”动员大会，董事长讲“安全第一课”: a clause after the first that names an event of another kind
    is one more activity of the row (an event of another kind in the same clause is a separate activity)."""
    clauses = re.split(r"[，,；;]", content)
    others = [found[0] for clause in clauses[1:] if (found := kind_of(clause)) and found[0] != first]
    return list(dict.fromkeys(others))


def _add_row_activity(draft: Draft, row: Row, kind: str, year: int) -> None:
    value: dict[str, Any] = {"kind": kind}
    if SEVERAL_DAYS.fullmatch(row.time) and len(days := days_in(row.time, year)) >= 2:
        # 6月10日、6月17日、6月24日 | 县安委办分三轮…开展督导检查: one event on each day the cell lists
        for day, _, _ in days:
            one = {**value, "date": day}
            if sectors := _row_sectors(kind, row):
                one["sectors"] = sectors
            add_activity(draft, Sourced(one, row.line.number, row.content[:40]))
        return
    if row.time:
        when = when_in(row.time, year, draft.issued)
        if when is None:
            return  # a time the importer cannot read (即日起 in an undated notice): left to the clerk
        value.update(activity_window(when[0]))
    if sectors := _row_sectors(kind, row):
        value["sectors"] = sectors
    if kind == "drill":
        value["scenarios"] = drill_scenarios(row.content)
    add_activity(draft, Sourced(value, row.line.number, row.content[:40]))


def find_row_orders(rows: list[Row], draft: Draft, year: int, clauses: dict[int, str], lines: list[Line] = ()) -> None:
    """A row whose responsible cell names only the addressees (区内各企业, 各社区) orders its event of them, with the
    row's window; a drill by one sector's units is that sector's drill. A kind the text itself orders is left to the
    text (a clause that repeats a row is that row); one the text names only in passing (…讲安全公开课要结合本企业实际)
    is not ordered there."""
    text_of = {line.number: line.text for line in lines}
    ordered = {r.value.get("kind") for r in draft.requirements if r.value["type"] == "activity"
               and not mentioned_in_passing(r.value, sentence_of(r, text_of))}
    per_sector = {r.value["sector"] for r in draft.requirements if r.value["type"] == "drill_per_sector"}
    if per_sector:
        ordered.add("drill")
    for row in rows:
        found = kind_of(row.content)
        if not found or _addressees(row) is None:
            continue
        if found[0] in ordered and not (found[0] == "drill" and not per_sector and _row_sectors("drill", row)):
            continue  # a plain drill order in the text (各乡镇要指导各村（社区）…开展…演练) leaves the row its sector
        kind = found[0]
        if kind == "publicity" and re.search(r"进(?:企业|农村|社区|学校|校园|家庭)", row.content):
            continue  # 四进 in one row: sectors_covered, read with the notice's other publicity
        when = when_in(row.time, year, draft.issued) if row.time else None
        if row.time and when is None:
            continue
        basis = clauses.get(row.line.number, "")
        sectors = _row_sectors(kind, row)
        if kind == "drill" and sectors:
            for sector in sectors:
                draft.requirements.append(Sourced({"type": "drill_per_sector", "sector": sector, "scenarios": drill_scenarios(row.content),
                                                   "any_of": bool(CHOICE.search(row.content)), "basis": basis},
                                                  row.line.number, row.content[:40]))
            continue
        order: dict[str, Any] = {"type": "activity", "kind": kind}
        if sectors:
            order["sectors"] = sectors
        if when:
            order.update(requirement_window(when[0]))
        order["basis"] = basis
        draft.requirements.append(Sourced(order, row.line.number, row.content[:40]))


# 安全宣传“五进”活动 / 开展安全宣传四进: a row of the whole 五进 (or 四进, 三进) clause
WHOLE_PUBLICITY_ROW = re.compile(r"[三四五六]进")


def date_publicity_items_by_row(rows: list[Row], draft: Draft, year: int) -> None:
    """A schedule row that repeats a 五进 clause (安全宣传“五进”活动 | 6月份) is that clause: its sub-items (进企业。…, 进农村。…),
    read undated, take the row's time, and the row is no publicity of its own beside them."""
    items = [a for a in draft.activities if a.value["kind"] == "publicity" and len(a.value.get("sectors") or []) == 1
             and not any(a.value.get(k) for k in ("date", "start", "end"))]
    if len(items) < 2:
        return
    for row in rows:
        found = kind_of(row.content)
        if not found or found[0] != "publicity" or not WHOLE_PUBLICITY_ROW.search(row.content) or re.search(r"进(?:企业|农村|社区|学校|校园|家庭)", row.content):
            continue
        when = when_in(row.time, year, draft.issued) if row.time else None
        if when is None:
            continue
        window = activity_window(when[0])
        twins = [a for a in draft.activities if a.line == row.line.number and a.value["kind"] == "publicity" and not a.value.get("sectors")]
        draft.activities = [a for a in draft.activities if a not in twins]
        for item in items:
            item.value.update(window)
        return
