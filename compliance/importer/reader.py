"""Read a notice as numbered lines: plain text (UTF-8, GB18030/GBK detected) or .docx."""

from __future__ import annotations

import unicodedata
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
    return [Line(number, unicodedata.normalize("NFC", text.replace("\u3000", " ")).rstrip()) for number, text in enumerate(texts, start=1)]
