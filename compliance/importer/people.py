"""The leading group and the contacts a notice names."""

from __future__ import annotations

import re
from typing import Any

from .draft import Draft, Sourced, quote
from .reader import Line

PERSON = re.compile(r"(?P<name>[\u4e00-\u9fa5]{2,4})\s*[（(]\s*(?P<title>[^）)]{2,30})\s*[）)]")
ROLE = re.compile(r"^(?P<role>组\s*长|副\s*组\s*长|成\s*员)\s*[:：]\s*(?P<rest>.+)$")


def _people(text: str) -> list[dict[str, str]]:
    people = []
    for chunk in re.split(r"[、，,；;]\s*", text):
        chunk = chunk.strip().rstrip("。")
        if not chunk:
            continue
        if match := PERSON.fullmatch(chunk):
            people.append({"name": match["name"], "title": match["title"].strip()})
        elif re.fullmatch(r"[\u4e00-\u9fa5]{2,4}", chunk):
            people.append({"name": chunk})
        elif 2 < len(chunk) <= 30:
            people.append({"title": chunk})
    return people


def find_leading_group(lines: list[Line], draft: Draft) -> None:
    group: dict[str, Any] = {}
    for line in lines:
        text = line.text.strip().replace("\t", "：", 1).replace("\t", "、")
        if match := ROLE.match(text):
            role = re.sub(r"\s", "", match["role"])
            people = _people(match["rest"])
            if not people:
                continue
            key = {"组长": "leader", "副组长": "deputies", "成员": "members"}[role]
            if key == "leader":
                group["leader"] = Sourced(people[0], line.number, text[:40])
            else:
                group.setdefault(key, []).extend(Sourced(p, line.number, text[:40]) for p in people)
        elif match := re.search(r"(?:由|请)\s*(?P<who>[\u4e00-\u9fa5、]{2,20}?)\s*(?:同志)?\s*(?:任|担任)\s*组长", text):
            group.setdefault("leader", Sourced({"title": match["who"]}, line.number, quote(text, match.start(), match.end())))
        if match := re.search(r"由\s*(?P<who>[\u4e00-\u9fa5]{4,30}?)\s*组成[^，。]{0,40}(?:领导小组|指导委员会|工作专班)", text):
            if "members" not in group and not re.search(r"组长|同志任", match["who"]):
                group["members"] = [Sourced({"title": match["who"]}, line.number, quote(text, match.start(), match.end()))]
        if match := re.search(r"(?:领导小组|指导委员会|工作专班)?办公室设在\s*(?P<office>[^，。；,;（(]{2,30}(?:[（(][^）)]{1,20}[）)])?)", text):
            group.setdefault("office", Sourced(match["office"].strip(), line.number, quote(text, match.start(), match.end())))
    draft.leading_group = group


PHONE = re.compile(r"(?<![0-9])(?:1[3-9][0-9]{9}|0[0-9]{2,3}\s*[-－—–]\s*[0-9]{7,8}|0[0-9]{9,11})(?![0-9])")
EMAIL = re.compile(r"[A-Za-z0-9._%+-]+@[A-Za-z0-9.-]+\.[A-Za-z]{2,}")
CONTACT = re.compile(r"(?:联系人|联络人)(?:及联系方式)?\s*[:：]\s*(?P<names>[\u4e00-\u9fa5、，,\s]{2,20}?)(?=[；;，,。\s（(]|电话|联系电话|$|[0-9])")


def find_contacts(lines: list[Line], draft: Draft) -> None:
    for index, line in enumerate(lines):
        text = line.text
        match = CONTACT.search(text)
        if not match:
            continue
        window = " ".join(l.text for l in lines[index:index + 4])
        names = [n.strip() for n in re.split(r"[、，,\s]+", match["names"]) if n.strip()]
        phones = [re.sub(r"\s|[－—–]", "-", p).replace("--", "-") for p in PHONE.findall(window)]
        emails = EMAIL.findall(window.replace(" ", "")) + EMAIL.findall(window)
        emails = list(dict.fromkeys(emails))
        for position, name in enumerate(names):
            contact = {"name": name, "role": "contact"}
            if phones:
                contact["phone"] = phones[min(position, len(phones) - 1)] if len(phones) == len(names) else phones[-1]
            if emails:
                contact["email"] = emails[0]
            draft.contacts.append(Sourced(contact, line.number, quote(text, match.start(), match.end() + 20)))
