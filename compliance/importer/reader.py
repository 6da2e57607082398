"""Read a notice as numbered lines: plain text (UTF-8, GB18030/GBK detected) or .docx."""

from __future__ import annotations

import re
import unicodedata
from collections import Counter
from dataclasses import dataclass
from pathlib import Path

from ..errors import InputError, Problem


@dataclass(frozen=True)
class Line:
    number: int  # 1-based, in the text as read (for .docx: paragraphs, then table rows, in document order)
    text: str


def _decode(raw: bytes, display: str) -> str:
    if raw.startswith(b"\xef\xbb\xbf"):
        return raw[3:].decode("utf-8", errors="replace")
    try:
        return raw.decode("utf-8")
    except UnicodeDecodeError:
        pass
    try:
        return raw.decode("gb18030")  # a superset of GBK and GB2312
    except UnicodeDecodeError:
        raise InputError(Problem(display, "the text is neither UTF-8 nor GB18030/GBK", code="unknown-encoding")) from None


_CJK = re.compile(r"[\u4e00-\u9fff]")

_W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"

_CN_COUNT = "〇一二三四五六七八九"


def _chinese_count(number: int) -> str:
    """一 … 九十九 as a notice writes its clause numbers (十, 十一, 二十, 二十一)."""
    if number < 10:
        return _CN_COUNT[number]
    if number < 100:
        tens, ones = divmod(number, 10)
        return ("" if tens == 1 else _CN_COUNT[tens]) + "十" + (_CN_COUNT[ones] if ones else "")
    return str(number)


def _roman(number: int) -> str:
    out = ""
    for value, letters in ((1000, "m"), (900, "cm"), (500, "d"), (400, "cd"), (100, "c"), (90, "xc"), (50, "l"), (40, "xl"),
                           (10, "x"), (9, "ix"), (5, "v"), (4, "iv"), (1, "i")):
        while number >= value:
            out, number = out + letters, number - value
    return out


def _format_number(number: int, fmt: str) -> str:
    if fmt in ("chineseCounting", "chineseCountingThousand", "chineseLegalSimplified", "ideographDigital", "japaneseCounting",
               "taiwaneseCounting", "taiwaneseCountingThousand"):
        return _chinese_count(number)
    if fmt == "ideographTraditional" and 1 <= number <= 10:
        return "甲乙丙丁戊己庚辛壬癸"[number - 1]
    if fmt == "decimalEnclosedCircle" and 1 <= number <= 20:
        return chr(0x2460 + number - 1)
    if fmt in ("lowerLetter", "upperLetter") and number >= 1:
        letter = chr(ord("a") + (number - 1) % 26) * ((number - 1) // 26 + 1)
        return letter.upper() if fmt == "upperLetter" else letter
    if fmt in ("lowerRoman", "upperRoman") and number >= 1:
        return _roman(number).upper() if fmt == "upperRoman" else _roman(number)
    return str(number)  # decimal, decimalZero, decimalFullWidth and the rest


class _Numbering:
    """Word's automatic list numbering (numbering.xml) rebuilt as the text a reader of the document sees: a paragraph
    numbered by its own numPr or its style's gets its level's lvlText (“%1.”, “（%1）”) with the counters
    filled in. Counters belong to the abstract list, as in Word: a w:num with a startOverride restarts its level the
    first time it is used; a deeper level restarts after a shallower one is numbered. Bullets and levels with no text
    add nothing."""

    def __init__(self, document) -> None:
        self.abstract_of: dict[str, str] = {}
        self.levels: dict[str, dict[int, dict]] = {}  # abstractNumId -> ilvl -> {start, fmt, text, restart}
        self.overrides: dict[str, dict[int, dict]] = {}  # numId -> ilvl -> {start?, fmt?, text?}
        self.style_numpr: dict[str, tuple[str | None, int | None]] = {}
        self.counters: dict[str, dict[int, int]] = {}
        self.used: set[tuple[str, int]] = set()
        try:
            numbering = document.part.numbering_part.element
        except Exception:  # no numbering part: nothing is numbered automatically
            numbering = None
        if numbering is not None:
            for abstract in numbering.iter(f"{_W}abstractNum"):
                self.levels[abstract.get(f"{_W}abstractNumId")] = {
                    int(lvl.get(f"{_W}ilvl", "0")): self._level(lvl) for lvl in abstract.iter(f"{_W}lvl")}
            for num in numbering.iter(f"{_W}num"):
                num_id = num.get(f"{_W}numId")
                abstract = num.find(f"{_W}abstractNumId")
                if abstract is not None:
                    self.abstract_of[num_id] = abstract.get(f"{_W}val")
                for override in num.iter(f"{_W}lvlOverride"):
                    level = int(override.get(f"{_W}ilvl", "0"))
                    entry: dict = {}
                    lvl = override.find(f"{_W}lvl")
                    if lvl is not None:
                        entry.update({key: value for key, value in self._level(lvl).items() if value is not None})
                    start = override.find(f"{_W}startOverride")
                    if start is not None:
                        entry["start"] = int(start.get(f"{_W}val", "0"))
                    self.overrides.setdefault(num_id, {})[level] = entry
        try:
            styles = document.styles.element
        except Exception:
            styles = None
        if styles is not None:
            based: dict[str, str] = {}
            own: dict[str, tuple[str | None, int | None]] = {}
            for style in styles.iter(f"{_W}style"):
                style_id = style.get(f"{_W}styleId")
                parent = style.find(f"{_W}basedOn")
                if parent is not None:
                    based[style_id] = parent.get(f"{_W}val")
                ppr = style.find(f"{_W}pPr")
                numpr = ppr.find(f"{_W}numPr") if ppr is not None else None
                if numpr is not None:
                    own[style_id] = self._numpr(numpr)
            for style_id in set(based) | set(own):
                seen, current = set(), style_id
                while current and current not in own and current not in seen:
                    seen.add(current)
                    current = based.get(current)
                if current in own:
                    self.style_numpr[style_id] = own[current]

    @staticmethod
    def _val(element, name: str) -> str | None:
        child = element.find(f"{_W}{name}")
        return child.get(f"{_W}val") if child is not None else None

    def _level(self, lvl) -> dict:
        start = self._val(lvl, "start")
        restart = self._val(lvl, "lvlRestart")
        return {"start": int(start) if start is not None else None, "fmt": self._val(lvl, "numFmt"),
                "text": self._val(lvl, "lvlText"), "restart": int(restart) if restart is not None else None}

    def _numpr(self, numpr) -> tuple[str | None, int | None]:
        ilvl = self._val(numpr, "ilvl")
        return self._val(numpr, "numId"), int(ilvl) if ilvl is not None else None

    def _definition(self, num_id: str, abstract: str, level: int) -> dict:
        definition = {"start": 1, "fmt": "decimal", "text": None, "restart": None}
        definition.update({key: value for key, value in self.levels.get(abstract, {}).get(level, {}).items() if value is not None})
        definition.update({key: value for key, value in self.overrides.get(num_id, {}).get(level, {}).items() if key != "start"})
        return definition

    def label(self, paragraph) -> str:
        """The number Word shows before this paragraph (w:p element), counting it; "" when it is not numbered."""
        ppr = paragraph.find(f"{_W}pPr")
        num_id = level = None
        if ppr is not None:
            style = ppr.find(f"{_W}pStyle")
            if style is not None:
                num_id, level = self.style_numpr.get(style.get(f"{_W}val"), (None, None))
            numpr = ppr.find(f"{_W}numPr")
            if numpr is not None:
                own_id, own_level = self._numpr(numpr)
                num_id = own_id if own_id is not None else num_id
                level = own_level if own_level is not None else level
        level = level or 0
        if not num_id or num_id == "0" or num_id not in self.abstract_of:
            return ""
        abstract = self.abstract_of[num_id]
        definition = self._definition(num_id, abstract, level)
        if definition["fmt"] in ("bullet", "none") or not definition["text"]:
            return ""
        counters = self.counters.setdefault(abstract, {})
        start_override = self.overrides.get(num_id, {}).get(level, {}).get("start")
        if (num_id, level) not in self.used and start_override is not None:
            counters[level] = start_override
        elif level in counters:
            counters[level] += 1
        else:
            counters[level] = definition["start"]
        self.used.add((num_id, level))
        for deeper in [key for key in counters if key > level]:
            restart = self._definition(num_id, abstract, deeper)["restart"]
            if restart is None or restart > level:  # w:lvlRestart="0" keeps counting
                del counters[deeper]

        def fill(match: re.Match) -> str:
            shown = int(match.group(1)) - 1
            value = counters.get(shown)
            if value is None:
                value = self._definition(num_id, abstract, shown)["start"]
            return _format_number(value, self._definition(num_id, abstract, shown)["fmt"] or "decimal")

        return re.sub(r"%([1-9])", fill, definition["text"])


def _cell_text(paragraphs: list[str]) -> str:
    """A table cell's paragraphs (two units on two lines, 区安委办 / 各街镇) read as one list: joined with ；, or
    directly after a paragraph that ends its own sentence or clause."""
    text = ""
    for part in (part.strip() for part in paragraphs):
        if not part:
            continue
        if text and not text.endswith(("。", "；", "，", "、", "：", ";", ",", ":")):
            text += "；"
        text += part
    return text


def _docx_lines(path: Path) -> list[str]:
    try:
        import docx  # python-docx
        from docx.table import Table
        from docx.text.paragraph import Paragraph
    except ImportError:
        raise InputError(Problem(str(path), "reading .docx needs python-docx: pip install python-docx", code="missing-dependency")) from None
    try:
        document = docx.Document(str(path))
    except Exception as error:  # python-docx raises several kinds for a damaged file
        raise InputError(Problem(str(path), f"not a readable .docx file ({type(error).__name__})", code="bad-docx")) from None
    numbering = _Numbering(document)

    def paragraph_text(element) -> str:
        return numbering.label(element) + Paragraph(element, document).text

    lines: list[str] = []
    body = document.element.body
    for child in body.iterchildren():
        tag = child.tag.rsplit("}", 1)[-1]
        if tag == "p":
            lines.append(paragraph_text(child))
        elif tag == "tbl":
            for row in Table(child, document).rows:
                cells = []
                seen = []
                for cell in row.cells:
                    if any(cell._tc is other for other in seen):  # a merged cell is met once per grid column it spans
                        continue
                    seen.append(cell._tc)
                    text = _cell_text([paragraph_text(p) for p in cell._tc.iterchildren(f"{_W}p")])
                    if not cells or cells[-1] != text:  # merged cells repeat their text
                        cells.append(text)
                lines.append("\t".join(cells))
    return lines


# Full-width digits and Latin letters (２０２５年６月１日, 澄建管〔２０２５〕４１号) read as their ASCII forms; full-width
# punctuation (，；：（）) is how Chinese is written and stays.
_FULL_WIDTH = {code: code - 0xFEE0 for code in (*range(0xFF10, 0xFF1A), *range(0xFF21, 0xFF3B), *range(0xFF41, 0xFF5B))}

_CN_DIGIT = {"〇": 0, "零": 0, "○": 0, "一": 1, "二": 2, "两": 2, "三": 3, "四": 4, "五": 5, "六": 6, "七": 7, "八": 8, "九": 9}
_CN_NUMBER = r"(?:[一二三四五六七八九]?十[一二三四五六七八九]?|[一二三四五六七八九])"
_CN_YEAR = re.compile(r"(?<![〇零○一二三四五六七八九十])((?:一九|二[〇零○])[〇零○一二三四五六七八九]{2})(?=\s*年)")
_CN_MONTH = r"(?P<m>十[一二]?|[一二三四五六七八九])\s*月"
# a month in Chinese numerals is read only where it is plainly a date (arabic_dates.month decides): after a year
# (年, 今年, 明年), or before a day, a part of the month (上旬, 底, 份) or a span (至, 到)
_CN_DATE = re.compile(rf"{_CN_MONTH}(?:(?P<d>{_CN_NUMBER})\s*(?P<unit>[日号]))?")
_CN_DAY_ALONE = re.compile(rf"(?<=[至到—－~～])\s*(?P<d>{_CN_NUMBER})\s*(?P<unit>[日号])")


def _cn_number(text: str) -> int:
    if "十" in text:
        tens, _, ones = text.partition("十")
        return (_CN_DIGIT[tens] if tens else 1) * 10 + (_CN_DIGIT[ones] if ones else 0)
    return _CN_DIGIT[text]


def arabic_dates(text: str) -> str:
    """Dates written in Chinese numerals (二〇二三年六月十六日, 六月上旬, 六月一日至六月二十日, 六月二十日至三十日) written in digits."""
    if not re.search(r"[〇零○一二三四五六七八九十]\s*[年月日号]", text):
        return text
    text = _CN_YEAR.sub(lambda m: "".join(str(_CN_DIGIT[c]) for c in m.group(1)), text)

    def month(match: re.Match) -> str:
        after = text[match.end():match.end() + 3]
        before = text[max(0, match.start() - 2):match.start()]
        dated = match["d"] is not None
        if not dated and not re.match(r"\s*(?:上旬|中旬|下旬|中下旬|底|末|初|份|至|到|—|－|~|～)", after) and not before.endswith(("年", "今年", "明年")):
            return match.group(0)
        month_number = _cn_number(match["m"])
        day = f"{_cn_number(match['d'])}{match['unit']}" if dated else ""
        return f"{month_number}月{day}"

    text = _CN_DATE.sub(month, text)
    return _CN_DAY_ALONE.sub(lambda m: f"{_cn_number(m['d'])}{m['unit']}", text)


# — 2 — / - 3 -: a page's number on a line of its own, in text copied from a PDF
PAGE_MARK = re.compile(r"^\s*[—－\-–]\s*[0-9]{1,3}\s*[—－\-–]\s*$")
# 一、 / （三） / 2． / 第一，: after a full stop, a line that begins a heading or an item begins a paragraph of its own
_NEW_ITEM = re.compile(r"^\s*(?:[一二三四五六七八九十]{1,3}[、.．]|[（(][一二三四五六七八九十0-9]{1,3}[）)]|[0-9]{1,2}[.．、](?![0-9A-Za-z])|第[一二三四五六七八九十]{1,2}[，,、])")


_HANGING = ("，", "。", "、", "；", "：", "）", "”", "》")


def _visual(text: str) -> float:
    """The width a line takes on a page: a Chinese character or mark (“，”) is one, a digit or a Latin letter half."""
    return sum(1 if unicodedata.east_asian_width(c) in "WFA" else 0.5 for c in text)


def _page_breaks(stripped: list[str]) -> set[int]:
    """The lines of page furniture: page numbers (— 2 —), a header or footer line repeated beside them, and the blank
    lines around them."""
    marks = [i for i, text in enumerate(stripped) if PAGE_MARK.match(text)]
    if len(marks) < 2:
        return set()
    repeated = Counter(text.strip() for text in stripped if text.strip())
    furniture = set()
    for mark in marks:
        furniture.add(mark)
        for step in (-1, 1):
            i = mark + step
            while 0 <= i < len(stripped) and abs(i - mark) <= 4 and (
                    not stripped[i].strip() or (repeated[stripped[i].strip()] >= 2 and not PAGE_MARK.match(stripped[i]))):
                furniture.add(i)
                i += step
    return furniture


def join_wrapped(texts: list[str]) -> list[tuple[int, str]]:
    """Lines hard-wrapped at one width (text copied from a PDF) joined back into their paragraphs.

    A notice is hard-wrapped when many of its lines are cut at the same width in the middle of a sentence: the same
    number of characters, or (cut where the page ends) the same width on the page, within a character, a digit or a
    Latin letter taking half of one (a mark may hang past the edge). A line cut at that width is then continued by the next line unless the next is
    indented (a paragraph begins indented) or blank, or begins a heading after a full stop (…以宣传代替整改。 / 二、活动时间), and over page furniture (— 2 — and a header
    repeated on each page, which are dropped). Each joined line keeps the number of its first line."""
    stripped = [text.rstrip() for text in texts]
    open_lines = [text for text in stripped if len(text) >= 20 and not text.endswith(("。", "；", "：", ";", ":"))]
    long_lines = sum(1 for text in stripped if len(text) >= 20)
    by_count = Counter(len(text) for text in open_lines)
    by_width = Counter(_visual(text) for text in open_lines)
    if not by_count:
        return list(enumerate(stripped, start=1))
    width, count = by_count.most_common(1)[0]
    page = max(by_width, key=lambda w: sum(n for v, n in by_width.items() if w - 1 <= v <= w))
    on_page = sum(n for v, n in by_width.items() if page - 1 <= v <= page)
    if on_page > count:
        count = on_page

        def is_cut(text: str) -> bool:  # a mark may hang past the edge (…避险转移演练，)
            return page - 1 <= _visual(text) <= page + (1 if text.endswith(_HANGING) else 0)
    else:
        def is_cut(text: str) -> bool:
            return len(text) == width
    if count < 5 or count * 3 < long_lines:
        return list(enumerate(stripped, start=1))
    furniture = _page_breaks(stripped)
    joined: list[tuple[int, str]] = []
    continues = False
    for number, text in enumerate(stripped, start=1):
        if number - 1 in furniture:
            continue
        if continues and text.strip() and not text[:1].isspace() and text[:1] != "\u3000" and not (
                joined[-1][1].endswith("。") and _NEW_ITEM.match(text)):
            first, before = joined[-1]
            joined[-1] = (first, before + text)
        else:
            joined.append((number, text))
        continues = is_cut(text)
    return joined


def read_notice(path: Path) -> list[Line]:
    display = str(path)
    if not path.is_file():
        raise InputError(Problem(display, "no such file" if not path.exists() else "is not a file", code="missing-file"))
    if path.suffix.lower() == ".docx":
        texts = _docx_lines(path)
    elif path.suffix.lower() in (".txt", ".text", ""):
        texts = _decode(path.read_bytes(), display).splitlines()
    else:
        raise InputError(Problem(display, "import reads .txt or .docx notices", code="unsupported-format"))
    if not any(text.strip() for text in texts):
        raise InputError(Problem(display, "the notice has no text", code="empty-notice"))
    if not any(_CJK.search(text) for text in texts):
        raise InputError(Problem(display, "the notice has no Chinese text: import reads notices written in Chinese", code="not-a-notice"))
    return [Line(number, arabic_dates(unicodedata.normalize("NFC", text.replace("\u3000", " ")).translate(_FULL_WIDTH)).rstrip())
            for number, text in join_wrapped(texts)]
