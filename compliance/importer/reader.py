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
    lines: list[str] = []
    body = document.element.body
    for child in body.iterchildren():
        tag = child.tag.rsplit("}", 1)[-1]
        if tag == "p":
            lines.append(Paragraph(child, document).text)
        elif tag == "tbl":
            for row in Table(child, document).rows:
                cells = []
                for cell in row.cells:
                    text = cell.text.strip()
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
# a month in Chinese numerals is read only where it is plainly a date: after a year (年, 今年, 明年), or before a day,
# a part of the month (上旬, 底, 份) or a span (至, 到)
_CN_DATE = re.compile(
    rf"(?:(?<=年)|(?<=今年)|(?<=明年))?{_CN_MONTH}(?:(?P<d>{_CN_NUMBER})\s*(?P<unit>[日号]))?"
)
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


def join_wrapped(texts: list[str]) -> list[tuple[int, str]]:
    """Lines hard-wrapped at one width (text copied from a PDF) joined back into their paragraphs.

    A notice is hard-wrapped when many of its lines are cut at the same number of characters in the middle of a sentence;
    a line of that width is then continued by the next line unless the next is indented (a paragraph begins indented)
    or blank. Each joined line keeps the number of its first line."""
    stripped = [text.rstrip() for text in texts]
    cut = Counter(len(text) for text in stripped if len(text) >= 20 and not text.endswith(("。", "；", "：", ";", ":")))
    long_lines = sum(1 for text in stripped if len(text) >= 20)
    if not cut:
        return list(enumerate(stripped, start=1))
    width, count = cut.most_common(1)[0]
    if count < 5 or count * 3 < long_lines:
        return list(enumerate(stripped, start=1))
    joined: list[tuple[int, str]] = []
    continues = False
    for number, text in enumerate(stripped, start=1):
        if continues and text.strip() and not text[:1].isspace() and text[:1] != "\u3000":
            first, before = joined[-1]
            joined[-1] = (first, before + text)
        else:
            joined.append((number, text))
        continues = len(text) == width
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
    return [Line(number, arabic_dates(unicodedata.normalize("NFC", text.replace("\u3000", " ")).translate(_FULL_WIDTH)).rstrip())
            for number, text in join_wrapped(texts)]
