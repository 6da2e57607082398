"""Build heldout/taoyuan-2025.docx from heldout/taoyuan-2025.txt (usage: python make_docx.py TXT DOCX): real paragraphs, the schedule (表2) as a
real Word table, the leading group (表1) as 组长：… paragraphs."""
import sys
from docx import Document
from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.oxml.ns import qn
from docx.shared import Pt

src, dst = sys.argv[1], sys.argv[2]
lines = open(src, encoding="utf-8").read().split("\n")

doc = Document()
style = doc.styles["Normal"]
style.font.name = "FangSong"
style.font.size = Pt(14)
style.element.rPr.rFonts.set(qn("w:eastAsia"), "仿宋_GB2312")

def para(text, bold=False, center=False, size=None):
    p = doc.add_paragraph()
    r = p.add_run(text)
    r.bold = bold
    if size:
        r.font.size = Pt(size)
    if center:
        p.alignment = WD_ALIGN_PARAGRAPH.CENTER
    return p

i = 0
titles = {"临江市澄湖区桃源街道办事处", "关于印发《桃源街道2025年“安全生产月”活动实施方案》的通知",
          "桃源街道2025年“安全生产月”活动实施方案"}
while i < len(lines):
    line = lines[i]
    if not line.strip():
        i += 1
        continue
    if line.startswith("表1"):
        # leading group: rendered as paragraphs in the .docx
        para(line.replace("表1  ", ""), bold=True, center=True)
        i += 2  # skip caption and header row
        rows = []
        while i < len(lines) and "\t" in lines[i]:
            rows.append(lines[i].split("\t"))
            i += 1
        label = {"组长": "组  长：", "副组长": "副组长：", "成员": "成  员："}
        last = None
        for role, name, title in rows:
            head = label[role] if role != last else "        "
            last = role
            who = title if name == "—" else f"{name}  {title}"
            para(head + who)
        continue
    if line.startswith("表2"):
        para(line, bold=True, center=True)
        i += 1
        rows = []
        while i < len(lines) and "\t" in lines[i]:
            rows.append(lines[i].split("\t"))
            i += 1
        table = doc.add_table(rows=len(rows), cols=len(rows[0]))
        table.style = "Table Grid"
        for r, row in enumerate(rows):
            for c, cell in enumerate(row):
                table.cell(r, c).text = cell
                if r == 0:
                    for run in table.cell(r, c).paragraphs[0].runs:
                        run.bold = True
        continue
    if line in titles or line.startswith("澄桃办发"):
        para(line, bold=line in titles, center=True, size=18 if line in titles else None)
    elif line.startswith(("一、", "二、", "三、", "四、", "五、", "六、")):
        para(line, bold=True)
    elif line.startswith(("临江市澄湖区桃源街道办事处", "2025年5月22日")):
        para(line).alignment = WD_ALIGN_PARAGRAPH.RIGHT
    else:
        p = para(line)
        p.paragraph_format.first_line_indent = Pt(28)
    i += 1

doc.core_properties.title = "关于印发《桃源街道2025年“安全生产月”活动实施方案》的通知"
doc.core_properties.author = ""
doc.save(dst)
