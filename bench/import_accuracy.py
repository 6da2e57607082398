"""Field-level precision and recall of `plancheck import` against hand-checked reference documents.

    python -m bench.import_accuracy
    python -m bench.import_accuracy --dir tests/import_refs/batch_new   # any folder of notices and references

References live in tests/import_refs/: `corpus/` (the notices the extractor was written from),
`tuning/` (notices written to tune it on other styles) and `heldout/` (notices written for evaluation
and kept out of its tuning). Each notice (.txt or .docx)
sits beside its reference (.yaml), or, for the corpus, in ../shared/corpus/.
"""

from __future__ import annotations

import argparse
import sys
import tempfile
from collections import defaultdict
from dataclasses import dataclass
from pathlib import Path

from compliance.documents import load_document
from compliance.errors import PlancheckError
from compliance.importer import extract, read_notice, render_draft
from compliance.models import Plan
from compliance.text import fold, fold_doc_no

ROOT = Path(__file__).resolve().parent.parent
REFERENCES = ROOT / "tests" / "import_refs"
CORPUS = ROOT.parent / "shared" / "corpus"
NOTICE_SUFFIXES = (".txt", ".docx")
DETAILS = False
PER_FILE = False


def _span(item) -> tuple:
    date = getattr(item, "date", None)
    if date is not None:
        return (date, date)
    return (getattr(item, "start", None), getattr(item, "end", None))


def facts(plan: Plan) -> dict[str, set[tuple]]:
    """What a clerk fills, as comparable facts grouped by field."""
    out: dict[str, set[tuple]] = defaultdict(set)
    if plan.org and plan.org != "TODO":
        out["org"].add((fold(plan.org),))
    out["level"].add((plan.level.value,))
    out["year"].add((plan.year,))
    if plan.edition:
        out["edition"].add((plan.edition,))
    if plan.theme:
        out["theme"].add((fold(plan.theme),))
    if plan.doc_no:
        out["doc_no"].add((fold_doc_no(plan.doc_no),))
    out["cites"] |= {(fold_doc_no(c),) for c in plan.cites}
    if plan.period:
        out["period"].add((plan.period.start, plan.period.end))
    out["campaigns"] |= {(fold(c.name), c.end) for c in plan.campaigns}
    group = plan.leading_group
    if group:
        people = [("leader", group.leader)] if group.leader else []
        people += [("deputy", p) for p in group.deputies] + [("member", p) for p in group.members]
        out["leading_group"] |= {(role, fold(p.name or p.title or "")) for role, p in people}
        if group.office:
            out["leading_group"].add(("office", fold(group.office)))
    for contact in plan.contacts:
        if contact.name:
            out["contacts"].add(("name", fold(contact.name)))
        if contact.phone:
            out["contacts"].add(("phone", "".join(ch for ch in contact.phone if ch.isdigit())))
        if contact.email:
            out["contacts"].add(("email", contact.email.lower()))
    for activity in plan.activities:
        sectors = tuple(sorted(s.value for s in activity.all_sectors))
        out["activities"].add((activity.kind.value, *_span(activity), sectors))
        for scenario in activity.scenarios:
            out["scenarios"].add((activity.kind.value, sectors, scenario))
    for report in plan.reports:
        out["reports"].add((report.kind.value, report.due, report.weekday.value if report.weekday else None))
    for requirement in plan.requirements:
        kind = requirement.type
        if kind == "report_due":
            out["requirements"].add((kind, requirement.report.value, requirement.due))
        elif kind == "activity":
            out["requirements"].add((kind, requirement.kind.value, *requirement.window))
        elif kind == "sectors_covered":
            out["requirements"] |= {(kind, requirement.kind.value, s.value) for s in requirement.sectors}
        elif kind == "drill_per_sector":
            out["requirements"] |= {(kind, s.value) for s in requirement.sectors}
        elif kind == "recurring_report":
            out["requirements"].add((kind, requirement.report.value, requirement.weekday.value))
        elif kind == "campaign":
            out["requirements"].add((kind, requirement.end_not_before))
        else:
            out["requirements"].add((kind,))
    return out


@dataclass
class Score:
    extracted: int = 0
    reference: int = 0
    correct: int = 0

    def add(self, extracted: set, reference: set) -> None:
        self.extracted += len(extracted)
        self.reference += len(reference)
        self.correct += len(extracted & reference)

    @property
    def precision(self) -> float:
        return self.correct / self.extracted if self.extracted else 1.0

    @property
    def recall(self) -> float:
        return self.correct / self.reference if self.reference else 1.0


def notices_for(reference: Path) -> list[Path]:
    """Every form of the notice a reference describes (a .txt and a .docx of one notice both count)."""
    for folder in (reference.parent, CORPUS):
        found = [folder / (reference.stem + suffix) for suffix in NOTICE_SUFFIXES if (folder / (reference.stem + suffix)).is_file()]
        if found:
            return found
    return []


def imported_plan(notice: Path) -> Plan:
    text = render_draft(extract(read_notice(notice)), source=notice)
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "draft.yaml"
        path.write_text(text, encoding="utf-8")
        return load_document(path).plan


def score_set(folder: Path) -> tuple[dict[str, Score], list[str]]:
    """Score every reference in `folder` against the drafts of the notices beside it."""
    scores: dict[str, Score] = defaultdict(Score)
    names = []
    for reference, notice in [(r, n) for r in sorted(folder.glob("*.yaml")) for n in notices_for(r)]:
        expected = facts(load_document(reference).plan)
        try:
            found = facts(imported_plan(notice))
        except PlancheckError as error:
            print(f"{notice}: the draft does not load: {error}", file=sys.stderr)
            found = {}
        names.append(notice.name)
        mine = Score()
        for group in set(expected) | set(found):
            scores[group].add(found.get(group, set()), expected.get(group, set()))
            mine.add(found.get(group, set()), expected.get(group, set()))
            if DETAILS:
                for fact in sorted(found.get(group, set()) - expected.get(group, set()), key=str):
                    print(f"  {notice.name} {group}: extracted, not in reference: {fact}")
                for fact in sorted(expected.get(group, set()) - found.get(group, set()), key=str):
                    print(f"  {notice.name} {group}: missed: {fact}")
        if PER_FILE:
            print(f"  {notice.name}: {mine.correct}/{mine.extracted} extracted correct ({mine.precision:.1%}), "
                  f"{mine.correct}/{mine.reference} found ({mine.recall:.1%})")
    return scores, names


def table(title: str, scores: dict[str, Score], names: list[str]) -> str:
    total = Score()
    lines = [f"{title} ({len(names)} notices: {', '.join(names)})", "",
             "| field | extracted | reference | correct | precision | recall |", "| --- | ---: | ---: | ---: | ---: | ---: |"]
    for group in sorted(scores):
        s = scores[group]
        total.extracted += s.extracted
        total.reference += s.reference
        total.correct += s.correct
        lines.append(f"| {group} | {s.extracted} | {s.reference} | {s.correct} | {s.precision:.0%} | {s.recall:.0%} |")
    lines.append(f"| **all fields** | {total.extracted} | {total.reference} | {total.correct} | **{total.precision:.1%}** | **{total.recall:.1%}** |")
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m bench.import_accuracy", description=__doc__.splitlines()[0])
    parser.add_argument("--only", choices=("corpus", "tuning", "heldout"), help="score one set (tune on corpus and tuning only)")
    parser.add_argument("--details", action="store_true", help="list the facts missed and the facts extracted wrongly")
    parser.add_argument("--per-file", action="store_true", help="print each notice's precision and recall")
    parser.add_argument("--dir", type=Path, help="score the notices and references in this folder instead of the three sets")
    args = parser.parse_args(argv)
    if args.dir and args.only:
        parser.error("--dir and --only name different sets; give one")
    global DETAILS, PER_FILE
    DETAILS = args.details
    PER_FILE = args.per_file
    sets = (("corpus", "Notices the extractor was written from"), ("tuning", "Notices written for tuning"),
            ("heldout", "Notices kept out of tuning"))
    if args.dir:
        scores, names = score_set(args.dir)
        print(table(f"Notices in {args.dir}", scores, names) if names else f"{args.dir}: no reference beside a notice")
        return 0 if names else 1
    for name, title in sets:
        if args.only and name != args.only:
            continue
        scores, names = score_set(REFERENCES / name)
        if names:
            print(table(title, scores, names))
            print()
    return 0


if __name__ == "__main__":
    sys.exit(main())
