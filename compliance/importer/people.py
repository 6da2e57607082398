"""The leading group and the contacts a notice names."""

from __future__ import annotations

import re
from typing import Any

from .clauses import NUMBERED_HEADING
from .draft import Draft, Sourced, quote
from .reader import Line

PERSON = re.compile(r"(?P<name>[\u4e00-\u9fa5](?:[ \t]{0,3}[\u4e00-\u9fa5]){1,3})\s*[（(]\s*(?P<title>[^）)]{2,30})\s*[）)]")
# 王建国  镇党委副书记、镇长 / 李  明  镇党委委员 / 艾力·买买提  总经理: a name (padding allowed), a gap, then the title
NAME_THEN_TITLE = re.compile(r"(?P<name>[\u4e00-\u9fa5](?:[ \t]{0,3}[\u4e00-\u9fa5]){1,2}|[\u4e00-\u9fa5]{1,4}·[\u4e00-\u9fa5]{1,6})(?:[ \t]{2,}|\t|[ \t]*[，,][ \t]*)(?P<title>[^\s，,].{1,40})")
# 次仁多吉  县委常委、常务副县长: a name of four characters (Tibetan, Mongolian), a gap, then a post
LONG_NAME_THEN_TITLE = re.compile(r"(?P<name>[\u4e00-\u9fa5]{4})(?:[ \t\u3000]{2,}|\t)(?P<title>[^\s，,][^\s]{1,40})")
ROLE = re.compile(r"^(?P<role>组\s*长|副\s*组\s*长|成\s*员|组\s*员)\s*(?:[:：]|\t|\s{2,})\s*(?P<rest>.+)$")
ROLE_KEY = {"组长": "leader", "副组长": "deputies", "成员": "members", "组员": "members"}
NO_NAME = {"—", "-", "－", "/", "／", "无", ""}
COMMON_SURNAMES = ("王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘于蒋蔡余杜叶程苏魏吕丁任沈姚卢姜崔钟谭陆汪范金石廖贾夏韦付方白邹孟熊秦邱江尹薛闫段雷侯龙史陶黎贺顾毛郝龚邵万钱严覃武戴莫孔向汤常温康施文牛樊葛邢安齐易乔伍庞颜倪庄聂章鲁岳翟殷詹申欧耿关兰焦俞左柳甘祝包宁尚符舒阮柯纪梅童凌毕单季裴霍涂成苗谷盛曲翁冉骆蓝路游辛靳管柴蒙鲍华喻祁蒲房滕屈饶解牟艾尤阳时穆农司卓古吉缪简车项连芦麦褚娄窦戚岑景党宫费卜冷晏席卫米柏宗瞿桂全佟应臧闵苟邬边卞姬师和仇栾隋商刁沙荣巫寇桑郎甄丛仲虞敖巩明佘池查麻苑迟邝普")
# …总经理刘志强 / …总工程师马骏 / 村文书王强 / 村综治专干张红梅: a name right after the end of a title, at the end of an entry
# (副校长刘  洋: a padded name, too)
TITLE_THEN_NAME = re.compile(rf"(?:(?<=[长记理师任席员官人监委])|(?<=文书|专干))(?P<name>[{COMMON_SURNAMES}](?:[\u4e00-\u9fa5]{{1,2}}|[ \t\u3000]{{1,3}}[\u4e00-\u9fa5]))(?=、|$|同志)")


def _person(text: str) -> dict[str, str] | None:
    """One entry of a leading group: 杨建华（副县长）, 王建国  镇长, 马骏, or a title alone."""
    text = text.strip().rstrip("。；;")
    if not text:
        return None
    if match := PERSON.fullmatch(text):
        return {"name": re.sub(r"\s", "", match["name"]), "title": match["title"].strip()}
    if split := _title_and_name(text):
        return split
    if match := NAME_THEN_TITLE.fullmatch(text):
        return {"name": re.sub(r"\s", "", match["name"]), "title": match["title"].strip()}
    if split := _name_and_title(text):
        return split
    if split := _long_name_then_title(text):
        return split
    if re.fullmatch(r"[\u4e00-\u9fa5](?:\s{0,3}[\u4e00-\u9fa5]){1,2}", text) and text[0] in COMMON_SURNAMES \
            and not POST.search(text) and not BODY_END.search(text):  # 董事长 and 高级工程师 are posts, 应急办 is a body

        return {"name": re.sub(r"\s", "", text)}
    if split := _post_run_on_name(text):
        return split
    if 2 < len(text) <= 30:
        return {"title": text}
    return None


def _long_name_then_title(text: str) -> dict[str, str] | None:
    """次仁多吉  县委常委、常务副县长: read only when the name could be no body or post and the title ends in a post."""
    if (match := LONG_NAME_THEN_TITLE.fullmatch(text)) and _is_name_of_any_origin(match["name"]) and POST_END.search(match["title"]):
        return {"name": match["name"], "title": match["title"]}
    return None


def _post_run_on_name(text: str) -> dict[str, str] | None:
    """生产部经理蒋文杰 / 安环部经理郑丽: a post and a name with nothing between, read only when exactly one cut leaves a
    post (ending in a post word) and a personal name of two or three characters that could be nothing else."""
    if re.search(r"\s", text):
        return None
    cuts = [end for end in (len(text) - 3, len(text) - 2)
            if end >= 2 and _is_post(text[:end]) and _is_name(text[end:]) and not POST.search(text[end:])]
    return {"name": text[cuts[0]:], "title": text[:cuts[0]]} if len(cuts) == 1 else None


# 应急办, 城管科, 派出所: a body, whatever its first character
BODY_END = re.compile(r"(?:办|科|局|股|室|部|处|站|所|队|委|院|中心)$")


def _people(text: str) -> list[dict[str, str]]:
    whole = text.strip().rstrip("。；;")
    if NAME_THEN_TITLE.fullmatch(whole) or _title_and_name(whole) or _name_and_title(whole) or _long_name_then_title(whole):
        return [p for p in [_person(text)] if p]  # the title may itself hold a 、 (镇党委副书记、镇长)
    chunks = _split_outside_brackets(text)
    people = _posts_then_names(chunks) or [p for chunk in chunks if (p := _person(chunk))]
    if len(people) > 1 and all(set(p) == {"title"} for p in people):
        # 安全环保部、生产业务部、物流分公司主要负责人: the last body's office holder is every body's
        return [{"title": t} for t in _shared_suffix([p["title"] for p in people])]
    return people


# what ends a post: 院长, 办公室主任, 党委书记, 总经理, 安全总监, 工会主席, 总工程师, 党委委员, 科室负责人
POST_END = re.compile(r"(?:长|主任|书记|经理|总监|主席|师|员|负责人|助理|干事|秘书|主管|常委)$")
COMPOUND_SURNAMES = "欧阳|司马|上官|诸葛|东方|皇甫|尉迟|公孙|慕容|夏侯|令狐|宇文|长孙|司徒|端木|申屠|独孤|南宫|万俟|闻人|呼延"
# 冯建国 / 李 勇 (padded) / 欧阳明华 / 艾力·买买提: a common surname and one or two characters, nothing more
PERSONAL_NAME = re.compile(rf"(?:[{COMMON_SURNAMES}](?:[\u4e00-\u9fa5]{{1,2}}|(?:\s{{1,3}}[\u4e00-\u9fa5]){{1,2}})"
                           rf"|(?:{COMPOUND_SURNAMES})[\u4e00-\u9fa5]{{1,2}}|[\u4e00-\u9fa5]{{1,4}}·[\u4e00-\u9fa5]{{1,6}})")
# characters of bodies and posts, not of names: 常务 and 安监 are not people, however they begin
NOT_IN_A_NAME = re.compile(r"[副总党委局办部科处室所队站镇乡县市区村街社司院厂矿务监管]")


def _is_name(text: str) -> bool:
    """A personal name, and nothing a post could also be: 冯建国 and 李 勇, never 主任, 常务 or 刘永长."""
    return bool(PERSONAL_NAME.fullmatch(text)) and not POST_END.search(text) and not NOT_IN_A_NAME.search(text)


def _is_post(text: str) -> bool:
    """A title: no space in it, ends in a post word, and is not itself a name (院长, 公司安全总监, 集团董事长、总经理)."""
    return len(text) >= 2 and not re.search(r"\s", text) and bool(POST_END.search(text)) and not _is_name(text)


def _title_and_name(text: str, *, posts_of_one: bool = False) -> dict[str, str] | None:
    """院长 冯建国 / 公司总经理　姜宏伟 / 副院长 李 勇: a post, a space, then a name. Read only when one side is a
    post and the other a name; 王强 李明 or 院长 刘永长 (both names, or both posts) is left for the clerk.

    总经理、副总经理 李强 may be two people, so posts joined by 、 are read only for the one person a line is
    known to name (posts_of_one: the leader)."""
    for match in re.finditer(r"\s+", text):
        title, name = text[:match.start()], text[match.end():]
        posts = re.split(r"[、，,]", title)
        if len(posts) > 1 and not posts_of_one:
            continue
        if all(_is_post(post) for post in posts) and _is_name(name):
            return {"name": re.sub(r"\s", "", name), "title": "、".join(posts)}
    return None


def _name_and_title(text: str) -> dict[str, str] | None:
    """韩志远　集团公司党委书记、董事长 / 李　勇　集团公司安全副总经理: a name, one space (full- or half-width), then a
    post; a single space is read only when the name side is a name and the post side ends in a post word."""
    for match in re.finditer(r"\s+", text):
        name, title = text[:match.start()], text[match.end():]
        if _is_name(name) and _is_post(title):
            return {"name": re.sub(r"\s", "", name), "title": title}
    return None


def _posts_then_names(chunks: list[str]) -> list[dict[str, str]]:
    """公司总经理、姜宏伟 / 分管安全副总经理、李建国、工会主席、王芳: posts and names that take turns, post first, all
    the way through, are each post's holder. Anything else (two posts or two names side by side) is not paired."""
    chunks = [c.strip() for c in chunks]
    if len(chunks) < 2 or len(chunks) % 2:
        return []
    pairs = list(zip(chunks[::2], chunks[1::2]))
    if not all(_is_post(title) and _is_name(name) for title, name in pairs):
        return []
    return [{"name": re.sub(r"\s", "", name), "title": title} for title, name in pairs]


def _split_outside_brackets(text: str) -> list[str]:
    """马永福（乡党委副书记、乡长）、何丽（…）: the 、 inside a title's brackets does not separate people."""
    chunks, depth, current = [], 0, ""
    for char in text:
        depth += char in "（("
        depth -= char in "）)" and depth > 0
        if depth == 0 and char in "、，,；;":
            chunks.append(current.strip())
            current = ""
        else:
            current += char
    return chunks + [current.strip()]


def _table_row(cells: list[str]) -> list[dict[str, str]]:
    """组长 | 杨建华 | 县人民政府副县长 (a name cell of — means the office alone), or 组长 | 李强（县长）、…"""
    if len(cells) == 2:
        return _people(cells[1])
    name, title = cells[1].strip(), cells[2].strip() if len(cells) > 2 else ""
    if name in NO_NAME:
        return [{"title": title}] if title else []
    person = {"name": re.sub(r"\s", "", name)}
    if title:
        person["title"] = title
    return [person]


def _one_leader(people: list[dict[str, str]]) -> dict[str, str]:
    """组长：集团公司党委书记、董事长 / 由镇党委副书记、镇长任组长: a group has one leader, so titles with no
    name between them are that one person's posts."""
    if len(people) > 1 and not any("name" in p for p in people):
        return {"title": "、".join(p["title"] for p in people)}
    return people[0]


# 副旗长巴特尔 / 局长乌日娜 / 副州长才让东智: a name of no common surname, right after a post and ending the entry
# (团长阿不都热合曼·吐尔逊: a name written with the 间隔号, each part up to eight characters)
NAME_AFTER_POST = re.compile(r"(?<=[长记理师任席员官])(?P<name>[\u4e00-\u9fa5]{1,8}·[\u4e00-\u9fa5]{1,8}|[\u4e00-\u9fa5]{2,4})(?=、|$|同志)")


def _is_name_of_any_origin(text: str) -> bool:
    return not POST_END.search(text) and not NOT_IN_A_NAME.search(text) and not BODY.search(text) and not re.search(r"[长记理师任席员官]", text)


def _inline_people(who: str) -> list[dict[str, str]]:
    """集团董事长、总经理刘志强 / 分管安全副总经理周海涛、总工程师马骏 / 各部室负责人 (titles only)."""
    who = re.sub(r"^\s*由\s*|(?<!负责)\s*同志\s*$", "", who)  # 孙立国同志, but 分管负责同志 is a post
    # 党委副书记、院长吴明辉和副院长熊丽萍: 和 (及, 与) after a name joins two people, each with a post of their own
    # (住房和城乡建设局局长张三: 和 inside a post joins nothing)
    for joint in re.finditer(r"和|及|与", who):
        left = _inline_people(who[:joint.start()])
        if left and left[-1].get("name") and who[:joint.start()].endswith(left[-1]["name"]) and "title" in left[-1]:
            if right := _inline_people(who[joint.end():]):
                return left + right
    # 州应急管理局局长巴图、州委宣传部副部长李红梅: names of any origin, each right after its post, beside common ones
    common = [m for m in TITLE_THEN_NAME.finditer(who) if _is_name(m["name"])]
    names = sorted(common + [m for m in NAME_AFTER_POST.finditer(who) if _is_name_of_any_origin(m["name"])
                             and not any(m.start() < c.end() and c.start() < m.end() for c in common)], key=lambda m: m.start())
    if not names:
        # 乡派出所、乡卫生院负责人和各行政村党支部书记: 和 (及) after the bodies' holder joins a post of its own, shared with none
        # (校团委及各学院主要负责人: 及 after a body joins one more body, and the holder after both is each one's)
        # (村两委其他成员和各村民小组长: 和 after the committee's members joins a post of its own)
        titles = [part for t in re.split(r"[、，,]", who)
                  for part in re.split(r"(?:(?<=负责人)|(?<=负责同志)|(?<=主要领导)|(?<=成员)|(?<=[委局办部科股室处队所站])|(?<=中心))(?:和|及|以及)(?=各)", t)]
        return [{"title": t} for t in _shared_suffix([t.strip() for t in titles if len(t.strip()) > 1])]
    people, start = [], 0
    for match in names:
        title = who[start:match.start()].strip("、，, ")
        name = re.sub(r"\s", "", match["name"])
        people.append({"name": name, "title": title} if title else {"name": name})
        start = match.end()
    # 管委会副主任杨光辉、龙海燕: a second name after the first shares its title
    for name in re.split(r"[、，,]", who[start:]):
        if re.fullmatch(r"[\u4e00-\u9fa5·]{2,4}", name.strip()) and people and "title" in people[-1]:
            people.append({"name": name.strip(), "title": people[-1]["title"]})
    return people


BODY = re.compile(r"(?:局|委|办|部|科|股|室|中心|队|所|站)$")
HOLDER = re.compile(r"(?:主要|分管|有关)?负责(?:人|同志)$|主要领导$")
POST = re.compile(r"(?:长|主任|书记|经理|总监|师|员)$")
# a title that already names a person (派出所所长, 镇长, 书记): it does not take the last body's holder
OFFICE_HOLDER = re.compile(r"(?:长|主任|书记|委员|员|人|经理|师|总监|领导|主席)$")


def _shared_suffix(titles: list[str]) -> list[str]:
    """安全生产监督管理局、经济发展局、社会事务局主要负责人: the last body's office holder is every body's. Posts of their
    own after it (…、保卫处主要负责人，各二级学院院长) share nothing and leave it the last of the bodies."""
    last = len(titles)
    while last > 1 and OFFICE_HOLDER.search(titles[last - 1]) and not HOLDER.search(titles[last - 1]) and not BODY.search(titles[last - 1]):
        last -= 1
    if last < 2 or not (holder := HOLDER.search(titles[last - 1])):
        return titles
    return [t + holder.group(0) if BODY.search(t) or not OFFICE_HOLDER.search(t) else t for t in titles[:last - 1]] + titles[last - 1:]


INLINE_ROLES = [
    ("leader", re.compile(r"(?P<who>[^，。；:：]{2,40}?)\s*(?:同志)?\s*(?:任|担任)\s*组长")),
    # 成立以旗委常委、副旗长巴特尔为组长，旗应急管理局局长乌日娜为副组长，…为成员的领导小组
    ("leader", re.compile(r"以\s*(?P<who>[^，。；:：以]{2,40}?)\s*(?:同志)?\s*为\s*组长")),
    ("deputies", re.compile(r"(?P<who>[^，。；:：]{2,60}?)\s*(?:同志)?\s*(?:任|担任|为)\s*副组长")),
    ("members", re.compile(r"(?P<who>[^，。；:：]{2,60}?)\s*(?:同志)?\s*(?:为|任|担任)\s*(?:领导小组)?成员")),
    # 组长由公司总经理担任，副组长由…担任，成员由各部门负责人组成: the role first, then who holds it
    ("leader", re.compile(r"(?<!副)组长由\s*(?P<who>[^，。；:：]{2,40}?)\s*(?:同志)?\s*担任")),
    ("deputies", re.compile(r"副组长由\s*(?P<who>[^，。；:：]{2,60}?)\s*(?:同志)?\s*担任")),
    ("members", re.compile(r"成员由\s*(?P<who>[^，。；:：]{2,60}?)\s*(?:组成|担任)")),
]


# 各学校要成立… / 各乡镇、各部门要高度重视，成立由主要负责同志任组长的领导小组: the 要 may govern a clause before
ORDERED_GROUP = re.compile(r"(?:要|应|须|也要)(?:[^。；;，,要]{0,12}[，,])?\s*成立")


def _inline_group(text: str, line: Line, group: dict[str, Any]) -> None:
    """由…刘志强任组长，…周海涛、…马骏任副组长，…为成员: a leading group written in one sentence."""
    for key, pattern in INLINE_ROLES:
        if key in group:
            continue
        for match in pattern.finditer(text):
            if ORDERED_GROUP.search(text[:match.end()].rsplit("。", 1)[-1]):
                continue  # 各学校要成立由主要负责同志任组长的领导小组: a group the level below is to set up
            who = re.split(r"由|(?:领导小组|指导委员会|工作专班)[，,]?", match["who"])[-1]
            if who.endswith("负责") and text[match.end("who"):].lstrip().startswith("同志"):
                who += "同志"  # …分管负责同志为成员: 负责同志 is the post, not a name's 同志
            people = _inline_people(who)
            if not people:
                continue
            phrase = quote(text, match.start(), match.end())
            if key == "leader":
                group[key] = Sourced(_one_leader(people), line.number, phrase)
            else:
                group[key] = [Sourced(p, line.number, phrase) for p in people]
            break


# 领导小组下设办公室，办公室设在保卫处…: a sentence about the group or its office, not one more member
GROUP_SENTENCE = re.compile(r"领导小组|工作专班|指导委员会|下设办公室|办公室设在")


# 公司党委副书记、总经理 / 局党组成员、副局长: a party post, then the administrative post the same person holds
PARTY_POST_FIRST = re.compile(r"^[^、]{0,12}?(?:党委|党组|党工委|党支部|党总支)(?:副?书记|委员|成员)、[^、]+$")


def _role_lines(lines: list[Line], group: dict[str, Any]) -> None:
    """组  长：… lines, table rows (组长<TAB>杨建华<TAB>副县长), and the indented lines that continue them."""
    role = None
    for line in lines:
        raw = line.text
        cells = raw.strip().split("\t")
        label = re.sub(r"\s", "", cells[0])
        if len(cells) >= 2 and label in ROLE_KEY:
            role, people = ROLE_KEY[label], _table_row(cells)
        elif match := ROLE.match(raw.strip()):
            role, people = ROLE_KEY[re.sub(r"\s", "", match["role"])], _people(match["rest"])
            if role in ("leader", "deputies") and (leader := _title_and_name(match["rest"].strip().rstrip("。；;"), posts_of_one=True)) \
                    and (role == "leader" or PARTY_POST_FIRST.match(leader["title"])):
                # 组长：集团董事长、总经理 刘志强: the leader is one person, so every post is his; so is a deputy's party post
                # and the post after it (副组长：公司党委副书记、总经理　吴　昊), as one person holds both
                people = [leader]
        # an indented line names more of the role above, unless it is a heading that ends the group (　　三、活动安排)
        elif role and raw[:1].isspace() and raw.strip() and len(raw.strip()) <= 40 and not NUMBERED_HEADING.match(raw) \
                and not GROUP_SENTENCE.search(raw):
            people = _people(raw.strip())
        else:
            role = None
            continue
        phrase = raw.strip()[:40]
        if role == "leader" and people:
            people = [_one_leader(people)]
        for person in people:
            if role == "leader":
                group.setdefault("leader", Sourced(person, line.number, phrase))
            else:
                group.setdefault(role, []).append(Sourced(person, line.number, phrase))


# 职务 / 姓名 / 单位及职务 on lines of their own: the header of a table pasted one cell to a line
CELL_HEADER = ("职务", "姓名")


def _rows_of_cells_one_to_a_line(lines: list[Line]) -> list[tuple[Line, Line]]:
    """A table of the group pasted one cell to a line (职务 / 姓名 / 单位及职务, then 组长 / 韩卫东 / 区政府副区长 / …):
    each row as one line of tab-separated cells, numbered as the line of its name (of the office, when the name is —),
    with that line."""
    cells = [line for line in lines if line.text.strip()]
    rows = []
    index = 0
    while index < len(cells):
        header = [re.sub(r"\s", "", line.text) for line in cells[index:index + 3]]
        if tuple(header[:2]) != CELL_HEADER or len(header) < 3 or len(header[2]) > 8 or "职" not in header[2] and "单位" not in header[2]:
            index += 1
            continue
        index += 3
        while index + 2 < len(cells) and re.sub(r"\s", "", cells[index].text) in ROLE_KEY:
            role, name, title = cells[index:index + 3]
            joined = "\t".join(line.text.strip() for line in (role, name, title))
            cited = title if re.sub(r"\s", "", name.text) in NO_NAME else name  # — for the name: the office's line
            rows.append((Line(cited.number, joined), cited))
            index += 3
    return rows


def _table_of_cells_one_to_a_line(lines: list[Line], group: dict[str, Any]) -> None:
    """The group read from a table pasted one cell to a line, each value citing the line of its name."""
    rows = _rows_of_cells_one_to_a_line(lines)
    if not rows or group.get("leader"):
        return
    found: dict[str, Any] = {}
    _role_lines([row for row, _ in rows], found)
    text_of = {name.number: name.text.strip()[:40] for _, name in rows}
    for role, value in found.items():
        if role == "leader":
            group["leader"] = Sourced(value.value, value.line, text_of[value.line])
        else:
            group.setdefault(role, []).extend(Sourced(v.value, v.line, text_of[v.line]) for v in value)


def find_leading_group(lines: list[Line], draft: Draft) -> None:
    group: dict[str, Any] = {}
    _role_lines(lines, group)
    _table_of_cells_one_to_a_line(lines, group)
    for line in lines:
        text = line.text.strip()
        if not group.get("leader") and re.search(r"组长", text) and not ROLE.match(text):
            _inline_group(text, line, group)
        if match := re.search(r"由\s*(?P<who>[\u4e00-\u9fa5]{4,30}?)\s*组成[^，。]{0,40}(?:领导小组|指导委员会|工作专班)", text):
            if "members" not in group and not re.search(r"组长|同志任", match["who"]):
                group["members"] = [Sourced({"title": match["who"]}, line.number, quote(text, match.start(), match.end()))]
        if match := re.search(r"(?:(?:领导小组|指导委员会|工作专班)?办公室设在|下设办公室(?:在|于))\s*(?P<office>[^，。；,;（(]{2,30}(?:[（(][^）)]{1,20}[）)])?)", text):
            if ORDERED_GROUP.search(re.split(r"[。；;]", text[:match.start()])[-1]):
                continue  # 各县（市、区）要成立…领导小组，领导小组办公室设在应急管理局: the office of a group the level below sets up
            group.setdefault("office", Sourced(match["office"].strip(), line.number, quote(text, match.start(), match.end())))
    draft.leading_group = group


PHONE = re.compile(r"(?<![0-9])(?:1[3-9][0-9]{9}|0[0-9]{2,3}\s*[-－—–]\s*[0-9]{7,8}|0[0-9]{9,11})(?![0-9])")
EMAIL = re.compile(r"[A-Za-z0-9._%+-]+@[A-Za-z0-9.-]+\.[A-Za-z]{2,}")
# (管委会联络员：安全生产监督管理局　钱晓峰，手机：…: a person named as 联络员, the liaison)
CONTACT = re.compile(r"(?:联\s*系\s*人|联\s*络\s*人|(?P<liaison>联\s*络\s*员))(?:及联系方式)?\s*[:：]\s*(?P<names>[\u4e00-\u9fa5、，,\s]{2,30}?)(?=[；;，,。（(]|电话|联系电话|手机|$|[0-9])")
OFFICE = re.compile(r"(?:局|处|科|室|部|办|中心|委|所|队|股|站|公司|街道|社区)$")
# 张三（13912345678）；李四（13887654321） / 王芳，电话：0871-1234567；李强，电话：…: a name and its own number
NAME_THEN_PHONE = re.compile(r"(?P<name>[\u4e00-\u9fa5]{2,4})\s*[（(，,：:\s]\s*(?:联系)?(?:电话|手机)?\s*[：:]?\s*(?P<phone>" + PHONE.pattern + ")")


def _contact_names(text: str) -> list[str]:
    """石丽琼、姚嘉慧 / 宣教处 陈晓燕 / 赵  琳: names apart, with the padding inside one name dropped."""
    names: list[str] = []
    for chunk in re.split(r"[、，,]", text):
        pieces = chunk.split()
        single = 0
        while single < len(pieces) and len(pieces[len(pieces) - 1 - single]) == 1:
            single += 1
        if 2 <= single <= 3:  # 赵  琳: single characters at the end are one padded name
            pieces = pieces[:-single] + ["".join(pieces[-single:])]
        names += pieces
    return names


def find_contacts(lines: list[Line], draft: Draft) -> None:
    for index, line in enumerate(lines):
        text = line.text
        match = CONTACT.search(text)
        if not match:
            continue
        following = lines[index + 1:index + 4]
        stop = next((i for i, l in enumerate(following) if CONTACT.search(l.text)), len(following))  # the next contact's own
        window = " ".join(l.text for l in [line, *following[:stop]])
        names = [n for n in _contact_names(match["names"]) if not (len(n) >= 4 and OFFICE.search(n))]
        # 镇安办 罗建华: an office written before the name is where the person sits, not a second contact
        names = [n for n in names if not (OFFICE.search(n) and re.search(re.escape(n) + r"[ \t\u3000]+[\u4e00-\u9fa5]", match["names"]))]
        phones = [re.sub(r"\s|[－—–]", "-", p).replace("--", "-") for p in PHONE.findall(window)]
        emails = EMAIL.findall(window.replace(" ", "")) + EMAIL.findall(window)
        emails = list(dict.fromkeys(emails))
        pairs = [(m["name"], m["phone"]) for m in NAME_THEN_PHONE.finditer(window[match.start("names"):])
                 if _is_name(m["name"]) or m["name"] in names]
        if len({name for name, _ in pairs}) >= 2:  # 张三（139…）；李四（138…）: each name with the number after it
            names = list(dict.fromkeys(name for name, _ in pairs))
            phones = [re.sub(r"\s|[－—–]", "-", dict(pairs)[name]).replace("--", "-") for name in names]
        for position, name in enumerate(names):
            contact = {"name": name, "role": "liaison" if match["liaison"] else "contact"}
            if phones:
                contact["phone"] = phones[min(position, len(phones) - 1)] if len(phones) == len(names) else phones[-1]
            if emails:
                contact["email"] = emails[0]
            draft.contacts.append(Sourced(contact, line.number, quote(text, match.start(), match.end() + 20)))
