"""A plain-Python reference evaluator of plancheck's requirements, for speed comparisons only.

    python -m bench.reference DIR [--as-of 2024-06-21] [--rules-dir rules]

Written from docs/FORMAT.md and `plancheck rules TYPE`, not from compliance/: it reads each file
with yaml.CSafeLoader, finds the superior (by `superior:` path or id, else by the number the plan
cites), binds the defaults (theme, doc_no, period) and counts the findings of each rule type. It
builds no positions, messages, pydantic models or reports, and validates nothing: it is what "the
same decisions in plain Python" costs, a lower bound for plancheck beside the read-and-validate
floor. tests/test_bench.py checks that it counts the same findings per document as plancheck.
"""

from __future__ import annotations

import argparse
import os
import re
import sys
import time
import unicodedata
from datetime import date, datetime
from pathlib import Path

import yaml

ROOT = Path(__file__).resolve().parent.parent
SUFFIXES = (".yaml", ".yml", ".json")
LEVELS = ["national", "province", "city", "county", "department", "street", "community", "enterprise"]

# Vocabulary labels a clerk may write instead of the value (FORMAT.md "Vocabularies").
LABELS = {
    "启动仪式": "launch_ceremony", "安全宣传咨询日": "consultation_day", "学习贯彻重要论述": "study_session", "安全宣传": "publicity",
    "应急演练": "drill", "培训": "training", "隐患排查整治": "hazard_inspection", "隐患曝光": "hazard_exposure",
    "举报渠道宣传": "whistleblower_promotion", "警示教育": "warning_education", "公众开放日": "open_day", "知识竞赛": "knowledge_contest",
    "负责人谈安全": "leader_talk", "敲门行动": "door_to_door", "专题行": "media_campaign", "典型案例推荐": "case_recommendation",
    "企业": "enterprise", "农村": "rural", "社区": "community", "学校": "school", "家庭": "family", "公共场所": "public_place",
    "活动方案": "plan", "联络员反馈表": "liaison_form", "进展情况": "progress", "统计表": "statistics", "活动总结": "summary",
    "专项行动总结": "campaign_summary", "典型案例": "cases", "联络员": "liaison", "联系人": "contact", "负责人": "leader",
    "其他": "other",
}
SCENARIOS = {"火灾": "fire", "地震": "earthquake", "洪涝": "flood", "地质灾害": "geological", "气象灾害": "weather", "防溺水": "drowning",
             "防踩踏": "stampede", "道路交通": "traffic", "燃气": "gas", "电动车充电": "ebike_charging", "高层建筑": "high_rise",
             "大型商业综合体": "commercial_complex", "旅游景区": "scenic_area", "危险化学品": "hazardous_chemicals",
             "疏散逃生": "evacuation", "行业事故": "industry_accident"}
WEEKDAYS = ["monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"]
_CN_DAYS = "一二三四五六日"
PHONE = re.compile(r"^((\+?86)?1[3-9]\d{9}|0\d{2,3}\d{7,8})$")
PHONE_NOISE = re.compile(r"[\s\-－—()（）]")
CN_FULL = re.compile(r"^(\d{4})年(\d{1,2})月(\d{1,2})日$")
CN_MONTH_DAY = re.compile(r"^(\d{1,2})月(\d{1,2})日$")
ISO = re.compile(r"^(\d{4})-(\d{1,2})-(\d{1,2})$")
OPEN, CLOSE = "〔［[(（【", "〕］])）】"


# Normalization ---------------------------------------------------------------------------------
def _kept(char: str) -> bool:
    return not (char.isspace() or unicodedata.category(char)[0] in "PSZC")


def fold(text) -> str:
    return "".join(c for c in unicodedata.normalize("NFKC", str(text)) if _kept(c)).lower()


def fold_number(text) -> str:
    out = []
    for c in unicodedata.normalize("NFKC", str(text)):
        if c in OPEN:
            out.append("〔")
        elif c in CLOSE:
            out.append("〕")
        elif _kept(c):
            out.append(c)
    return "".join(out).lower()


def day(value, year: int):
    if value is None or (isinstance(value, date) and not isinstance(value, datetime)):
        return value
    if isinstance(value, datetime):
        return value.date()
    text = unicodedata.normalize("NFKC", str(value)).strip()
    if m := ISO.match(text) or CN_FULL.match(text):
        return date(int(m[1]), int(m[2]), int(m[3]))
    if m := CN_MONTH_DAY.match(text):
        return date(year, int(m[1]), int(m[2]))
    raise ValueError(f"not a date: {value!r}")


def word(value) -> str | None:
    if value is None:
        return None
    text = str(value).strip()
    return LABELS.get(text, text.lower())


def weekday(value) -> str | None:
    if value is None:
        return None
    text = str(value).strip().lower().removeprefix("每")
    if text.isdigit():
        return WEEKDAYS[int(text) - 1]
    for prefix in ("星期", "周"):
        if text.startswith(prefix) and len(text) == len(prefix) + 1:
            return WEEKDAYS[_CN_DAYS.index(text[-1].replace("天", "日"))]
    return text


def scenario(value) -> str:
    text = str(value).strip()
    return SCENARIOS.get(text, text)


def valid_phone(phone) -> bool:
    return bool(phone) and bool(PHONE.match(PHONE_NOISE.sub("", str(phone))))


# Documents ------------------------------------------------------------------------------------
class Doc:
    __slots__ = ("path", "data", "year", "id", "level", "period")

    def __init__(self, path: Path, data: dict):
        self.path = path
        self.data = data
        self.year = data.get("year")
        self.id = data.get("id")
        self.level = data.get("level")
        period = data.get("period")
        self.period = (day(period["start"], self.year), day(period["end"], self.year)) if period else None

    def get(self, key, default=None):
        value = self.data.get(key)
        return default if value is None else value


def files_under(root: Path) -> list[Path]:
    found = []
    for dirpath, dirnames, filenames in os.walk(root):
        dirnames[:] = sorted(n for n in dirnames if not n.startswith("."))
        for name in sorted(filenames):
            if name.endswith(SUFFIXES) and not name.startswith(".") and name != "plancheck-waivers.yaml":
                found.append(Path(dirpath) / name)
    return found


def read(path: Path) -> Doc | None:
    raw = path.read_bytes()
    if b"plancheck/" not in raw[:4096]:
        return None
    return Doc(path, yaml.load(raw, Loader=yaml.CSafeLoader))


class Tree:
    """Every document under a folder, with what is needed to find superiors and packs."""

    def __init__(self, root: Path, rules_dirs: list[Path] | None = None):
        self.root = root
        self.docs = [doc for doc in map(read, files_under(root)) if doc is not None]
        self.by_path = {os.path.normpath(doc.path): doc for doc in self.docs}
        self.by_id: dict[str, Doc] = {}
        self.by_number: dict[str, list[Doc]] = {}
        for doc in self.docs:
            self.by_id.setdefault(doc.id, doc)
            if doc.get("doc_no"):
                self.by_number.setdefault(fold_number(doc.data["doc_no"]), []).append(doc)
        self.rules_dirs = [*(rules_dirs or []), root / "rules", ROOT / "rules"]
        self.packs: dict[str, Doc] = {}
        self._sets: dict[int, list] = {}

    def pack(self, name: str) -> Doc:
        if name not in self.packs:
            for folder in self.rules_dirs:
                for suffix in SUFFIXES:
                    candidate = folder / f"{name}{suffix}"
                    if candidate.is_file():
                        self.packs[name] = read(candidate)
                        return self.packs[name]
            raise LookupError(f"no rule pack {name}")
        return self.packs[name]

    def superior(self, doc: Doc) -> Doc | None:
        reference = doc.get("superior")
        if reference:
            reference = str(reference)
            if reference.endswith(SUFFIXES) or "/" in reference or "\\" in reference:
                return self.by_path.get(os.path.normpath(doc.path.parent / reference)) or read(doc.path.parent / reference)
            return self.by_id[reference]
        rank = LEVELS.index(doc.level)
        candidates = [cited for number in doc.get("cites", []) for cited in self.by_number.get(fold_number(number), [])
                      if cited is not doc and LEVELS.index(cited.level) <= rank]
        return max(candidates, key=lambda c: LEVELS.index(c.level)) if candidates else None

    def requirements(self, superior: Doc) -> list[tuple[dict, dict]]:
        """The superior's requirements and those of its packs, each with its defaults."""
        key = id(superior)
        if key not in self._sets:
            chain, current = [], superior
            while current is not None and len(chain) < 17:
                chain.append(current)
                current = self.superior(current) if current.get("superior") else None
            out = [(r, _defaults(superior, chain)) for r in superior.get("requirements", [])]
            for name in superior.get("packs", []):
                pack = self.pack(name)
                out += [(r, _defaults(pack, [pack])) for r in pack.get("requirements", [])]
            self._sets[key] = out
        return self._sets[key]


def _defaults(source: Doc, chain: list[Doc]) -> dict:
    theme = next((d.data["theme"] for d in chain if d.get("theme")), None)
    period = next((d.period for d in chain if d.period), None)
    return {"theme": theme, "doc_no": source.get("doc_no"), "period": period, "year": source.year}


# The rule types -------------------------------------------------------------------------------
class Plan:
    """A subordinate's plan as the rules read it: normalized once."""

    def __init__(self, doc: Doc, as_of: date):
        year = self.year = doc.year
        data = doc.data
        self.as_of = as_of
        self.data = data
        self.period = doc.period
        self.activities = []
        for a in data.get("activities") or []:
            sectors = [word(s) for s in a.get("sectors") or []]
            if a.get("sector") is not None and word(a["sector"]) not in sectors:
                sectors.append(word(a["sector"]))
            if a.get("date") is not None:
                span = (day(a["date"], year),) * 2
            else:
                start = day(a.get("start"), year) or (self.period[0] if self.period else None)
                end = day(a.get("end"), year) or (self.period[1] if self.period else None)
                span = None if start is None and end is None else (start or end, end or start)
            held = day(a.get("held_on"), year)
            self.activities.append((word(a["kind"]), span, set(sectors), {scenario(s) for s in a.get("scenarios") or []},
                                    held if held is not None and held <= as_of else None))
        self.reports = []
        for r in data.get("reports") or []:
            sent = day(r.get("submitted_on"), year)
            self.reports.append((word(r["kind"]), day(r.get("due"), year), weekday(r.get("weekday")), day(r.get("from"), year),
                                 day(r.get("to"), year), sent if sent is not None and sent <= as_of else None))
        sent = day(data.get("submitted_on"), year)
        self.submitted_on = sent if sent is not None and sent <= as_of else None


def _window(r, year):
    if r.get("date") is not None:
        one = day(r["date"], year)
        return one, one
    return day(r.get("not_before"), year), day(r.get("not_after"), year)


def theme(plan, r, defaults, year):
    wanted = r.get("theme") or defaults["theme"]
    stated = plan.data.get("theme")
    return 1 if stated is None or fold(stated) != fold(wanted) else 0


def cites(plan, r, defaults, year):
    wanted = fold_number(r.get("doc_no") or defaults["doc_no"])
    return 0 if any(fold_number(c) == wanted for c in plan.data.get("cites") or []) else 1


def period(plan, r, defaults, year):
    start = day(r.get("start"), year) or defaults["period"][0]
    end = day(r.get("end"), year) or defaults["period"][1]
    return 1 if plan.period is None or plan.period[0] > start or plan.period[1] < end else 0


def activity(plan, r, defaults, year):
    kind, low, high = word(r["kind"]), *_window(r, year)
    sectors = {word(s) for s in r.get("sectors") or []}
    found = 0
    for a_kind, span, a_sectors, _, _ in plan.activities:
        if a_kind != kind:
            continue
        if (low or high) and (span is None or (low and span[1] < low) or (high and span[0] > high)):
            continue
        if sectors <= a_sectors:
            found += 1
    return 1 if found < r.get("min", 1) else 0


def sectors_covered(plan, r, defaults, year):
    kind = word(r.get("kind") or "publicity")
    covered = set().union(*(a[2] for a in plan.activities if a[0] == kind))
    return sum(1 for s in r["sectors"] if word(s) not in covered)


def drill_per_sector(plan, r, defaults, year):
    by = day(r.get("not_after"), year)
    count = 0
    for sector, wanted in r["sectors"].items():
        wanted = wanted or {}
        sector = word(sector)
        drills = [a for a in plan.activities if a[0] == "drill" and sector in a[2]
                  and not (by and (a[1] is None or a[1][0] > by))]
        count += len(drills) < wanted.get("min", 1)
        any_of = {scenario(s) for s in wanted.get("scenarios_any") or []}
        if any_of and not any(a[3] & any_of for a in drills):
            count += 1
        count += sum(1 for s in wanted.get("scenarios_all") or [] if not any(scenario(s) in a[3] for a in drills))
    return count


def report_due(plan, r, defaults, year):
    kind, due = word(r["report"]), day(r["due"], year)
    passed = plan.as_of > due
    if kind == "plan":
        sent = plan.submitted_on
        return 1 if (passed and sent is None) or (sent is not None and sent > due) else 0
    mine = [rep for rep in plan.reports if rep[0] == kind]
    if not mine or not any(rep[1] is not None and rep[1] <= due for rep in mine):
        return 1
    if passed and not any(rep[5] for rep in mine):
        return 1
    if passed and not any(rep[5] is not None and rep[5] <= due for rep in mine):
        return 1
    return 0


def recurring_report(plan, r, defaults, year):
    kind, wd = word(r["report"]), weekday(r["weekday"])
    start, end = day(r.get("from"), year), day(r.get("to"), year)
    for rep in plan.reports:
        if rep[0] != kind or rep[2] != wd:
            continue
        if start and rep[3] and rep[3] > start:
            continue
        if end and rep[4] and rep[4] < end:
            continue
        return 0
    return 1


def leading_group(plan, r, defaults, year):
    group = plan.data.get("leading_group") or {}
    missing = 0 if group.get("leader") else 1
    if r.get("require_office", True) and not group.get("office"):
        missing += 1
    return missing


def contact(plan, r, defaults, year):
    role = word(r.get("role") or "liaison")
    holders = [c for c in plan.data.get("contacts") or [] if word(c.get("role") or "liaison") == role]
    if not holders:
        return 1
    if r.get("require_phone", True) and not any(valid_phone(c.get("phone")) for c in holders):
        return 1
    return 0


def campaign(plan, r, defaults, year):
    wanted = fold(r["name"])
    matching = [c for c in plan.data.get("campaigns") or [] if wanted in fold(c["name"])]
    if not matching:
        return 1
    until = day(r.get("end_not_before"), year)
    if until and not any(c.get("end") is not None and day(c["end"], plan.year) >= until for c in matching):
        return 1
    return 0


def held(plan, r, defaults, year):
    kinds = {word(k) for k in r.get("kinds") or []}
    low, high = day(r.get("not_before"), year), day(r.get("not_after"), year)
    count = 0
    for kind, span, _, _, held_on in plan.activities:
        if (kinds and kind not in kinds) or span is None or span[1] >= plan.as_of:
            continue
        if held_on is None or (low and held_on < low) or (high and held_on > high):
            count += 1
    return count


RULES = {f.__name__: f for f in (theme, cites, period, activity, sectors_covered, drill_per_sector, report_due,
                                  recurring_report, leading_group, contact, campaign, held)}


def evaluate(root: Path, as_of: date, rules_dirs: list[Path] | None = None) -> dict[str, int]:
    """Findings per document id (0 for a plan that meets everything or has no superior)."""
    tree = Tree(root, rules_dirs)
    counts: dict[str, int] = {}
    for doc in tree.docs:
        superior = tree.superior(doc)
        if superior is None:
            counts[doc.id] = 0
            continue
        plan = Plan(doc, as_of)
        counts[doc.id] = sum(RULES[r["type"]](plan, r, defaults, defaults["year"]) for r, defaults in tree.requirements(superior))
    return counts


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m bench.reference", description=__doc__.splitlines()[0])
    parser.add_argument("folder", type=Path)
    parser.add_argument("--as-of", type=date.fromisoformat, default=date(2024, 6, 21))
    parser.add_argument("--rules-dir", type=Path, action="append", default=[])
    args = parser.parse_args(argv)
    started = time.perf_counter()
    counts = evaluate(args.folder, args.as_of, args.rules_dir)
    elapsed = time.perf_counter() - started
    failing = sum(1 for n in counts.values() if n)
    print(f"{len(counts)} documents, {failing} with findings, {sum(counts.values())} findings ({elapsed:.2f} s)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
