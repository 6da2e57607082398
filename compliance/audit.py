"""The committee's view: every plan under a folder, checked against its superior, as a matrix of
subordinates × requirements, with who has not submitted, who was late, and what falls due next.

`build_audit` turns a check `Report` (and the tree it came from) into an `Audit`; every output
format of `plancheck audit` renders that one object.
"""

from __future__ import annotations

import gc
import re
from dataclasses import dataclass, field
from datetime import date, timedelta
from pathlib import Path

from .confine import led_to
from .documents import Document
from .engine import BoundRequirement
from .parallel import map_in_processes
from .findings import Bilingual, Finding
from .resolve import real, Resolver, display, looks_like_path
from .run import Checker, DocumentResult, PlanSummary, Report, expand
from .text import fold_doc_no
from .vocab import Level, ReportKind, Severity

HORIZON_DAYS = 14
LEVEL_ORDER = [Level.NATIONAL, Level.PROVINCE, Level.CITY, Level.COUNTY, Level.DEPARTMENT, Level.STREET,
               Level.COMMUNITY, Level.ENTERPRISE]

# Cell states of the matrix.
PASSED, FAILED, WAIVED, NOT_DUE, NO_PLAN = "passed", "failed", "waived", "not_due", "no_plan"
# Submission states of a subordinate.
SUBMITTED, LATE, MISSING, PENDING, UNLISTED = "submitted", "late", "missing", "pending", "unlisted"


@dataclass(frozen=True)
class Column:
    """A requirement of the superior: one column of the matrix."""

    id: str
    type: str
    title: str
    severity: Severity
    basis: str
    source: str  # the document or pack that imposes it


@dataclass(frozen=True)
class Cell:
    """One requirement of one subordinate. Frozen: rows with nothing found share their cells."""

    state: str
    findings: list[Finding] = field(default_factory=list)


@dataclass
class Row:
    """A subordinate: its plan (if any) and one cell per requirement."""

    id: str
    org: str
    state: str
    path: str | None = None
    submitted_on: date | None = None
    due: date | None = None
    cells: dict[str, Cell] = field(default_factory=dict)

    def count(self, state: str) -> int:
        return sum(1 for cell in self.cells.values() if cell.state == state)


@dataclass
class Matrix:
    superior_id: str
    superior_org: str
    superior_path: str
    columns: list[Column]
    rows: list[Row]
    plan_rule: str = "plan"  # the requirement that sets the plan's due day, if any


@dataclass(frozen=True)
class Deadline:
    """Something that falls due, for the timeline."""

    superior: str  # to whom it is owed
    day: date
    document: str  # who owes it
    org: str
    what: Bilingual
    rule: str
    overdue: bool


@dataclass(frozen=True)
class LateItem:
    superior: str
    document: str
    org: str
    what: Bilingual
    due: date
    submitted_on: date


@dataclass
class Audit:
    as_of: date
    report: Report
    matrices: list[Matrix]
    late: list[LateItem]
    timeline: list[Deadline]

    @property
    def missing(self) -> list[tuple[Matrix, Row]]:
        return [(m, r) for m in self.matrices for r in m.rows if r.state == MISSING]

    @property
    def pending(self) -> list[tuple[Matrix, Row]]:
        return [(m, r) for m in self.matrices for r in m.rows if r.state == PENDING]

    def exit_code(self) -> int:
        code = self.report.exit_code()
        if code == 0 and (self.missing or self.late):
            return 1
        return code


# Finding superiors by `cites` --------------------------------------------------------------------
def superiors_by_citation(summaries: dict) -> dict:
    """For plans without `superior:`, the document whose `doc_no` they cite, nearest level first.
    `summaries` are keyed by resolved path (a Path, or text); so is the answer."""
    rank = {level.value: position for position, level in enumerate(LEVEL_ORDER)}
    by_number: dict[str, list] = {}
    for path, summary in summaries.items():
        if summary.doc_no:
            by_number.setdefault(fold_doc_no(summary.doc_no), []).append(path)
    found = {}
    for path, summary in summaries.items():
        if summary.superior or not summary.cites:
            continue
        candidates = [
            cited
            for number in summary.cites
            for cited in by_number.get(fold_doc_no(number), [])
            if cited != path and rank[summaries[cited].level] <= rank[summary.level]
        ]
        if candidates:
            found[path] = max(candidates, key=lambda c: rank[summaries[c].level])
    return found


_TOP_KEY = r"^{key}:[ \t]*(?:[\"']?(?P<value>[^\"'#\r\n]*?)[\"']?)?[ \t]*(?:#.*)?\r?$"
_SUPERIOR_LINE = re.compile(_TOP_KEY.format(key="superior").encode(), re.MULTILINE)
_DOC_NO_LINE = re.compile(_TOP_KEY.format(key="doc_no").encode(), re.MULTILINE)
_LEVEL_LINE = re.compile(_TOP_KEY.format(key="level").encode(), re.MULTILINE)
_CITES_FLOW = re.compile(rb"^cites:[ \t]*\[(?P<items>[^\]\[#\r\n]*)\][ \t]*(?:#.*)?\r?$", re.MULTILINE)
_CITES_BLOCK = re.compile(rb"^cites:[ \t]*(?:#.*)?\r?\n(?P<items>(?:[ \t]*-[ \t]+[^\r\n]*\r?\n)+)", re.MULTILINE)
_GLIMPSE_BYTES = 65536


@dataclass(frozen=True)
class _Glimpse:
    """What `superiors_by_citation` reads of a plan, seen without checking it."""

    level: str
    doc_no: str | None = None
    superior: str | None = None
    cites: tuple[str, ...] = ()


def _glimpse(path: str) -> _Glimpse | None:
    """A YAML plan's level, number, superior and cites read from its lines, without parsing it. None where
    the level cannot be read plainly; a value written in a way these lines miss is found by the check."""
    try:
        with open(path, "rb") as stream:
            head = stream.read(_GLIMPSE_BYTES)
    except OSError:
        return None
    level = _LEVEL_LINE.search(head)
    try:
        level_value = Level(level.group("value").decode("utf-8").strip()).value if level else None
    except (ValueError, UnicodeDecodeError):
        return None
    if level_value is None:
        return None
    number = _DOC_NO_LINE.search(head)
    doc_no = (number.group("value") or b"").decode("utf-8", "replace").strip() or None if number else None
    named = _SUPERIOR_LINE.search(head)
    superior = (named.group("value") or b"").decode("utf-8", "replace").strip() or None if named else None
    return _Glimpse(level_value, doc_no, superior, () if superior else _cites(head))


def _cites(head: bytes) -> tuple[str, ...]:
    if found := _CITES_FLOW.search(head):
        items = found.group("items").split(b",")
    elif found := _CITES_BLOCK.search(head):
        items = [line.strip()[1:] for line in found.group("items").splitlines()]
    else:
        return ()
    return tuple(text for item in items if (text := item.split(b" #")[0].strip().strip(b"\"'").decode("utf-8", "replace")))


def glimpses(files: list[Path], *, jobs: int = 1) -> dict[str, _Glimpse | None]:
    """What `_glimpse` sees of each YAML file, by path as text (read on `jobs` processes)."""
    yaml_files = [str(path) for path in files if path.suffix.lower() != ".json"]
    return dict(zip(yaml_files, map_in_processes(_glimpse, yaml_files, jobs)))


def superiors_all_by_path(files: list[Path], seen: dict[str, _Glimpse | None]) -> bool:
    """Whether every file was glimpsed and none names its superior by id: then no walk of the tree
    for ids is needed (a worker that meets one after all walks for itself)."""
    return len(seen) == len(files) and all(g is not None and (g.superior is None or looks_like_path(g.superior)) for g in seen.values())


def guess_superiors_by_citation(files: list[Path], *, jobs: int = 1, seen: dict[str, _Glimpse | None] | None = None) -> dict[Path, Path]:
    """`superiors_by_citation` as it will most likely come out, before anything is checked, so that
    plans citing their superior are checked against it the first time. The guess is compared with the
    real answer afterwards, and a plan it got wrong is checked again."""
    seen = glimpses(files, jobs=jobs) if seen is None else seen
    found = [(path, glimpse) for path, glimpse in seen.items() if glimpse is not None]
    cited = {fold_doc_no(number) for _, glimpse in found if not glimpse.superior for number in glimpse.cites}
    if not cited:
        return {}
    # Only the plans citing a number and the documents holding one of those numbers take part: those
    # few are resolved, not the whole tree.
    folders: dict[str, str] = {}
    taking_part = {Path(led_to(path, folders)): glimpse for path, glimpse in found
                   if (glimpse.cites and not glimpse.superior) or (glimpse.doc_no and fold_doc_no(glimpse.doc_no) in cited)}
    return superiors_by_citation(taking_part)


# The matrix --------------------------------------------------------------------------------------
def _column(bound: BoundRequirement) -> Column:
    requirement = bound.requirement
    return Column(requirement.id, bound.rule_type.type, requirement.title or requirement.id, requirement.severity,
                  requirement.basis, bound.source_id)


def _plan_requirement(columns: list[BoundRequirement]):
    plans = [b.requirement for b in columns if b.rule_type.type == "report_due" and b.requirement.report == ReportKind.PLAN]
    return min(plans, key=lambda r: r.due) if plans else None


def _plan_due(columns: list[BoundRequirement]) -> date | None:
    requirement = _plan_requirement(columns)
    return requirement.due if requirement else None


def _found_cell(mine: list[Finding]) -> Cell:
    if any(not f.waived for f in mine):  # a gap known in a baseline is still a gap to the committee
        return Cell(FAILED, mine)
    return Cell(WAIVED, mine)


def _unfound_cell(bound: BoundRequirement, as_of: date) -> Cell:
    if bound.rule_type.type == "report_due" and as_of <= bound.requirement.due:
        return Cell(NOT_DUE)
    return Cell(PASSED)


def _by_rule(findings: list[Finding]) -> dict[str, list[Finding]]:
    grouped: dict[str, list[Finding]] = {}
    for finding in findings:
        grouped.setdefault(finding.rule, []).append(finding)
    return grouped


def _matrix(superior: Superior, results: list[DocumentResult], as_of: date, *, listed_only_if_checked: bool = False) -> Matrix:
    bound = results[0].requirements if results else []
    plan_due = _plan_due(bound)
    listed = dict(superior.subordinates)
    by_id = {r.id: r for r in results if r.id}
    rows: list[Row] = []
    order = [*listed, *sorted(set(by_id) - set(listed))]
    if listed_only_if_checked:  # a `check` of some files says nothing of the plans it was not given
        order = [sub_id for sub_id in order if sub_id in by_id]
    unfound = {b.requirement.id: _unfound_cell(b, as_of) for b in bound}  # shared by the rows: cells are frozen
    no_plan = {b.requirement.id: Cell(NO_PLAN) for b in bound}
    for sub_id in order:
        result = by_id.get(sub_id)
        org = listed[sub_id] if sub_id in listed else (result.summary.org if result and result.summary else sub_id)
        if result is None:
            passed = plan_due is not None and as_of > plan_due
            started = superior.period_start is not None and as_of >= superior.period_start
            state = MISSING if passed or (plan_due is None and started) else PENDING
            rows.append(Row(sub_id, org, state, due=plan_due, cells=dict(no_plan)))
            continue
        recorded = result.summary.submitted_on if result.summary else None
        submitted_on = recorded if recorded is not None and recorded <= as_of else None
        if recorded is not None and submitted_on is None:  # sent after the as-of day: not yet, as of then
            passed = plan_due is not None and as_of > plan_due
            state = MISSING if passed else PENDING
        elif sub_id not in listed:
            state = UNLISTED
        elif plan_due is not None and submitted_on is not None and submitted_on > plan_due:
            state = LATE
        else:
            state = SUBMITTED
        cells = dict(unfound)
        for rule, mine in _by_rule(result.findings).items():
            if rule in cells:
                cells[rule] = _found_cell(mine)
        rows.append(Row(sub_id, org, state, path=result.path, submitted_on=submitted_on, due=plan_due, cells=cells))
    plan_requirement = _plan_requirement(bound)
    return Matrix(superior.id, superior.org, display(superior.path), [_column(b) for b in bound], rows,
                  plan_requirement.id if plan_requirement else "plan")


def late_and_timeline(matrices: list[Matrix], results: dict[str, DocumentResult], as_of: date):
    late: list[LateItem] = []
    timeline: list[Deadline] = []
    horizon = as_of + timedelta(days=HORIZON_DAYS)
    for matrix in matrices:
        result_of = {row.id: results.get(row.id) for row in matrix.rows}
        for row in matrix.rows:
            result = result_of[row.id]
            plan = result.summary if result else None
            bound = result.requirements if result else []
            if row.state == LATE:
                late.append(LateItem(matrix.superior_id, row.id, row.org, Bilingual("活动方案", "the plan"), row.due, row.submitted_on))
            for b in (b for b in (bound or []) if b.rule_type.type == "report_due"):
                requirement = b.requirement
                kind = requirement.report
                noun = "the plan" if kind == ReportKind.PLAN else f"the {kind.value.replace('_', ' ')} report"
                what = Bilingual(f"{kind.zh}（{requirement.id}）", f"{noun} ({requirement.id})")
                if kind == ReportKind.PLAN:
                    recorded = [plan.submitted_on] if plan and plan.submitted_on else []
                else:
                    recorded = [sent for k, _, sent in (plan.reports if plan else ()) if k == kind.value and sent]
                sent = [day for day in recorded if day <= as_of]  # what had been sent as of the audit's day
                if kind != ReportKind.PLAN and sent and min(sent) > requirement.due:
                    late.append(LateItem(matrix.superior_id, row.id, row.org, what, requirement.due, min(sent)))
                if sent:
                    continue
                if requirement.due < as_of:
                    timeline.append(Deadline(matrix.superior_id, requirement.due, row.id, row.org, what, requirement.id, True))
                elif requirement.due <= horizon:
                    timeline.append(Deadline(matrix.superior_id, requirement.due, row.id, row.org, what, requirement.id, False))
            if row.path is None and row.due is not None and row.due <= horizon:
                timeline.append(Deadline(matrix.superior_id, row.due, row.id, row.org, Bilingual("活动方案", "the plan"),
                                         matrix.plan_rule, row.due < as_of))
    late.sort(key=late_order)
    timeline.sort(key=timeline_order)
    return late, timeline


def late_order(item: LateItem) -> tuple:
    return item.due, item.document


def timeline_order(deadline: Deadline) -> tuple:
    return not deadline.overdue, deadline.day, deadline.document, deadline.rule


@dataclass(frozen=True)
class Superior:
    """What a matrix needs of the superior it is drawn for."""

    path: Path  # resolved
    id: str
    org: str
    level: str
    subordinates: tuple[tuple[str, str], ...]  # (id, org)
    period_start: date | None

    @classmethod
    def of_summary(cls, path: Path, summary: PlanSummary) -> Superior:
        return cls(path, summary.id, summary.org, summary.level, summary.subordinates, summary.period_start)

    @classmethod
    def of_document(cls, document) -> Superior:
        return cls.of_summary(real(document.path), PlanSummary.of(document.plan))


def _summaries(results: list[DocumentResult]) -> dict[str, PlanSummary]:
    """The summaries of the documents read, by their resolved paths (as text: a province has 50,000)."""
    folders: dict[str, str] = {}
    return {r.real_path or led_to(r.path, folders): r.summary for r in results if r.summary is not None}


def superiors_of(report: Report, resolver: Resolver, *, whole_tree: bool = True) -> tuple[dict[str, Superior], dict[str, list[DocumentResult]]]:
    """The superiors to draw a matrix for, by resolved path (as text), in the order of the matrices; and
    the checked documents grouped by the superior they were checked against."""
    by_superior: dict[str, list[DocumentResult]] = {}
    for result in report.documents:
        if result.superior_path is not None:
            by_superior.setdefault(str(result.superior_path), []).append(result)
    # A superior that was itself checked in this run is known by its summary: reading it again would
    # cost as much as checking it (a province has thousands of superiors).
    summaries = _summaries(report.documents)
    listing = [path for path, summary in summaries.items() if summary.subordinates] if whole_tree else []
    superiors = {path: Superior.of_summary(Path(path), summaries[path]) if path in summaries else Superior.of_document(resolver.load(Path(path)))
                 for path in [*listing, *by_superior]}
    return dict(sorted(superiors.items(), key=lambda item: matrix_order(item[1]))), by_superior


def matrix_order(superior: Superior) -> tuple[int, str]:
    return LEVEL_ORDER.index(Level(superior.level)), superior.id


def matrix_for(path: str, superior: Superior, results: list[DocumentResult], resolver: Resolver, as_of: date, *,
               whole_tree: bool = True) -> Matrix | None:
    """The matrix of one superior's subordinates (`results`: the plans checked against it)."""
    if not results and not whole_tree:
        return None
    if not results:  # nobody has answered yet: the columns come from the superior itself
        requirements = _unanswered(resolver.load(Path(path)), resolver, as_of).requirements
        matrix = _matrix(superior, [], as_of)
        matrix.columns = [_column(b) for b in requirements]
        no_plan = {b.requirement.id: Cell(NO_PLAN) for b in requirements}
        for row in matrix.rows:
            row.cells = dict(no_plan)
            row.due = _plan_due(requirements)
        return matrix
    return _matrix(superior, results, as_of, listed_only_if_checked=not whole_tree)


def build_audit(report: Report, resolver: Resolver, *, whole_tree: bool = True) -> Audit:
    """Group the checked documents by superior into matrices, and add submissions and deadlines."""
    superiors, by_superior = superiors_of(report, resolver, whole_tree=whole_tree)
    matrices = [matrix for path, superior in superiors.items()
                if (matrix := matrix_for(path, superior, by_superior.get(path, []), resolver, report.as_of, whole_tree=whole_tree))]
    late, timeline = late_and_timeline(matrices, {r.id: r for r in report.documents if r.id}, report.as_of)
    return Audit(report.as_of, report, matrices, late, timeline)


def _unanswered(superior: Document, resolver: Resolver, as_of: date) -> DocumentResult:
    sources = [superior, *(resolver.pack(n, near=superior.path, referrer=superior, pointer=f"/packs/{i}") for i, n in enumerate(superior.plan.packs))]
    chain = resolver.chain(superior, None)
    requirement_set = resolver.requirement_set(sources, {real(superior.path): chain})
    return DocumentResult(path=display(superior.path), requirements=list(requirement_set.requirements))


def audit_folder(folder: Path, *, checker: Checker, fail_on: Severity | None = Severity.ERROR,
                 files: list[Path] | None = None) -> Audit:
    """Check every plan under `folder`. Plans that name no superior but cite one's number are checked
    against it: the superior is guessed from the files' lines first, and a plan is checked again if the
    whole tree, once checked, says otherwise."""
    files = expand([folder]) if files is None else files  # the caller may have them already
    seen = glimpses(files, jobs=checker.jobs)
    guessed = guess_superiors_by_citation(files, seen=seen)
    checker.superiors.update(guessed)
    checker.walk_for_ids = not superiors_all_by_path(files, seen)
    report = checker.check_paths([folder], fail_on=fail_on, files=files)
    by_citation = {Path(plan): Path(superior) for plan, superior in superiors_by_citation(_summaries(report.documents)).items()}
    again = {path for path in {*guessed, *by_citation} if guessed.get(path) != by_citation.get(path)}
    if again:
        for path in again:
            checker.superiors.pop(path, None)
        checker.superiors.update(by_citation)
        # By superior: a worker then compiles each superior's rules once, not once for every plan citing it.
        folders: dict[str, str] = {}
        plans = sorted((path for path in files if Path(led_to(str(path), folders)) in again), key=lambda path: str(by_citation.get(real(path))))
        rechecked = checker.check_paths(plans, fail_on=fail_on)
        replaced = {led_to(r.path, folders): r for r in rechecked.documents}
        report.documents = [replaced.get(led_to(r.path, folders), r) for r in report.documents]
        found = {(f.document, f.rule) for r in report.documents for f in r.findings}
        report.unused_waivers = [w for w in report.unused_waivers if (w.document, w.rule) not in found]
    # The results live until the end: the collector need not walk them again while the audit and its
    # report add millions of objects of their own.
    gc.freeze()
    return build_audit(report, checker.resolver)


def audit_from_report(report: Report) -> Audit:
    """The matrix view of a `check` run: the checked plans grouped by their superiors."""
    return build_audit(report, Resolver(), whole_tree=False)
