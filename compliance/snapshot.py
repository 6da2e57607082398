"""The last JSON audit of a tree, kept in pieces, so that a re-audit after a few edits checks again and
writes anew only what those edits touch.

`plancheck audit --format json` (the cache on) keeps in `.plancheck-cache/audit-<key>/` the pieces of
its report, rendered: each matrix with its missing, pending, late and timeline rows, each document's
entry and findings, and the results each matrix was drawn from. A re-audit looks at every file the
audit's walk meets (size, modification time, inode). When only plancheck documents changed, it checks
those again with every plan that depends on them (a changed superior re-checks its plans), draws again
the matrices they appear in, and writes the report from the pieces: the same bytes as a full audit.

Anything else is a full audit, which keeps new pieces: a file added, removed or renamed; a changed
file that is not a document (waivers, for one); a link or a `.git` folder that appeared or changed; a
changed pack or superior outside the tree; a changed document whose id, number, citations, superior,
level, or whether it lists subordinates at all, changed (the shape of the tree may have changed with
it); a superior that newly lists a plan checked against another; a waivers file that changed or
appeared; duplicate ids; findings pointing into another file; more changes than checking them one by one is worth. Paths that
lead out of the tree (a superior, a photo through a link) are resolved again on every run.
"""

from __future__ import annotations

import hashlib
import os
import pickle
import shutil
import tempfile
from dataclasses import dataclass, field, replace
from datetime import date
from pathlib import Path

from . import __version__
from .audit import MISSING, PENDING, Superior, late_and_timeline, late_order, matrix_for, matrix_order, superiors_of, timeline_order
from .cache import _digest, all_but_newest
from .confine import led_to
from .report.json_report import (Tally, audit_layout, deadline_object, document_object, finding_object, late_object, matrix_object,
                                 report_layout, unsubmitted_object, unused_waiver_object)
from .report.json_stream import Raw, Streamed, rendered
from .resolve import DOCUMENT_SUFFIXES, real, repository_root
from .run import Checker, DocumentResult, _lean
from .vocab import Severity
from .waivers import WAIVERS_FILE

LAYOUT = 2  # of the stored pieces: raise it when they change shape
SHARD = 500  # documents a file of document pieces or of results
MATRICES = 64  # matrices a file of matrix pieces: a province has thousands, and each new file costs
KEPT_AUDITS = 3  # sets of pieces kept (one per as-of day, folder and settings): the newest
MOST_RECHECKED = 2000  # beyond this many documents to check again, the full audit (in parallel) is as quick
# Depths of the pieces in the audit's JSON: a matrix is an item of a top-level array, a document's
# entry and its findings are items of arrays inside "report".
MATRIX_DEPTH, ITEM_DEPTH, DOCUMENT_DEPTH = 2, 2, 3


# The tree as the walk meets it ---------------------------------------------------------------------
@dataclass
class Scan:
    """Every file `expand` would consider, with (size, mtime, inode), in its order; and the links and
    `.git` folders met, which change where paths lead and what the repository root is."""

    files: dict[str, tuple[int, int, int]] = field(default_factory=dict)
    marks: list[tuple[str, str]] = field(default_factory=list)


def scan(folder: Path) -> Scan:
    found = Scan()
    base = str(folder)
    # The names expand gives (str of a Path): "./a.yaml" is "a.yaml"
    top = "" if base == "." else base if base.endswith("/") else base + "/"

    def walk(prefix: str) -> None:
        try:
            entries = list(os.scandir(prefix or "."))  # in no order: `files` is compared as a set
        except OSError as error:
            found.marks.append((prefix, f"unreadable: {error.strerror}"))
            return
        folders = []
        for entry in entries:
            path = prefix + entry.name
            if entry.name.startswith("."):
                if entry.name == ".git":
                    found.marks.append((path, "git"))
                continue  # hidden: neither walked nor a document
            if entry.is_symlink():
                try:
                    found.marks.append((path, "link: " + os.readlink(path)))
                except OSError:
                    found.marks.append((path, "link"))
            if entry.is_dir(follow_symlinks=False):
                folders.append(path + "/")
            elif entry.is_dir():
                continue  # a link to a folder: listed, never walked into (as os.walk)
            elif entry.name.endswith(DOCUMENT_SUFFIXES):
                try:
                    info = entry.stat()
                    found.files[path] = (info.st_size, info.st_mtime_ns, info.st_ino)
                except OSError:
                    found.files[path] = (-1, -1, -1)  # a broken link: the check says what it is
        for inner in folders:
            walk(inner)

    walk(top)
    found.marks.sort()  # compared with the last run's: the order folders list their entries in may differ
    return found


# The pieces ----------------------------------------------------------------------------------------
@dataclass(slots=True)
class DocumentPieces:
    entry: bytes  # its item of report.documents
    findings: list[bytes]  # its items of report.findings, in their order
    tally: tuple  # its Tally's fields
    problems: list
    waivers_used: frozenset | None  # (document, rule) of the waivers its findings met; None: none (read back faster)

    @classmethod
    def of(cls, result: DocumentResult, fail_on) -> DocumentPieces:
        tally = Tally.of(result, fail_on)
        return cls(rendered(document_object(result, fail_on), DOCUMENT_DEPTH), [rendered(finding_object(f), DOCUMENT_DEPTH) for f in result.findings],
                   (tally.documents, tally.failed, tally.errors, tally.warnings, tally.infos, tally.unreadable, tally.waived, tally.baseline),
                   result.problems, frozenset((f.waiver.document, f.waiver.rule) for f in result.findings if f.waiver is not None) or None)


@dataclass(slots=True)
class MatrixPieces:
    superior: tuple  # Superior's fields, the path as text: a Path is slow to read back, and few are ever needed
    matrix: bytes
    missing: list[bytes]
    pending: list[bytes]
    late: list[tuple[tuple, bytes]]  # (order, piece)
    timeline: list[tuple[tuple, bytes]]

    @classmethod
    def of(cls, superior: Superior, matrix, late: list, timeline: list) -> MatrixPieces:
        """`late` and `timeline`: the matrix's own items, in their order (`late_and_timeline`)."""
        return cls((str(superior.path), superior.id, superior.org, superior.level, superior.subordinates, superior.period_start),
                   rendered(matrix_object(matrix), MATRIX_DEPTH),
                   [rendered(unsubmitted_object(matrix, row), ITEM_DEPTH) for row in matrix.rows if row.state == MISSING],
                   [rendered(unsubmitted_object(matrix, row), ITEM_DEPTH) for row in matrix.rows if row.state == PENDING],
                   [(_plain(late_order(item)), rendered(late_object(item), ITEM_DEPTH)) for item in late],
                   [(_plain(timeline_order(item)), rendered(deadline_object(item), ITEM_DEPTH)) for item in timeline])

    def superior_of(self) -> Superior:
        path, *rest = self.superior
        return Superior(Path(path), *rest)


def _plain(order: tuple) -> tuple:
    """A sort key with its days as numbers, which sort alike and are read back many times faster."""
    return tuple(value.toordinal() if isinstance(value, date) else value for value in order)


@dataclass(slots=True)
class Group:
    """A superior and the plans checked against it (key: the superior's resolved path; "" for plans
    checked against none)."""

    order: int  # of its matrix among the others; -1 for ""
    rank: tuple  # what that order was sorted by: a superior's level and id
    members: list[int]  # indices of its plans, in the tree's order


@dataclass
class Index:
    """A kept audit: the tree as it was, what depends on what, and the files its pieces are in."""

    key: str
    as_of: date
    fail_on: object
    repository: str  # the folder's repository root: a .git above the tree that appears changes it
    waiver_files: dict[str, str | None]  # waivers files outside the tree (default places, --waivers): digest, None when absent
    waivers: list  # the waivers the audit applied, in their order
    files: dict[str, tuple[int, int, int]]
    marks: list[tuple[str, str]]
    documents: list[str]  # as expand names them, in its order
    real_paths: list[str]
    identity: list[bytes]  # what may not change without a full audit
    group_of: list[str]
    by_citation: dict[int, str]  # plans checked against the superior their `cites` led to
    outside: dict[str, str]  # resolved path → digest: dependencies the walk does not see
    leading_out: list[tuple[int, str, str]]  # (plan, path as written, where it led): superior and evidence paths out of the tree
    dependents: dict[str, list[int]]  # resolved path → the plans whose results depend on it
    needed_by: dict[int, list[str]]  # plans a matrix of another group lists as its subordinates
    ids: dict[str, int]  # the plans by id
    groups: dict[str, Group]
    piece_files: list[str]  # document pieces, SHARD documents a file
    result_files: list[str]  # the documents' results, lean, SHARD a file: what matrices are drawn again from
    matrix_files: list[str]  # matrix pieces by group, MATRICES a file, in the matrices' order
    findings_order: list[int]  # documents by path: the order of report.findings

    def matrix_file(self, group: Group) -> str:
        return self.matrix_files[group.order // MATRICES]


def _identity(result: DocumentResult) -> bytes:
    """What of a plan may not change without a full audit, as a digest."""
    summary = result.summary
    plan = (summary.id, summary.doc_no, summary.cites, summary.superior, summary.level, bool(summary.subordinates)) if summary else None
    return hashlib.blake2b(repr((result.id, plan, str(result.superior_path or ""))).encode(), digest_size=12).digest()


def settings_key(folder: Path, checker: Checker, fail_on) -> str:
    settings = (__version__, LAYOUT, str(real(folder)), os.getcwd(), checker.as_of.isoformat(), checker.engine_name,
                [str(real(d)) for d in checker.rules_dirs], checker.max_size, checker.allow_outside, repr(fail_on))
    return hashlib.sha256(repr(settings).encode()).hexdigest()[:20]


class Store:
    """`.plancheck-cache/audit-<key>/`: an index and the files it names, each named by its content, so
    a file once written never changes and the index, replaced last, always names a whole set."""

    def __init__(self, cache_folder: Path, key: str) -> None:
        self.folder = cache_folder / f"audit-{key}"
        self._loaded: dict[str, object] = {}

    def read(self, name: str):
        if name not in self._loaded:
            with open(self.folder / name, "rb") as stream:
                self._loaded[name] = pickle.load(stream)
        return self._loaded[name]

    def write(self, kind: str, value, *, remember: bool = True) -> str:
        """Store `value`; with `remember`, this run reads it back from memory rather than from the file."""
        data = pickle.dumps(value, protocol=pickle.HIGHEST_PROTOCOL)
        name = f"{kind}-{hashlib.sha256(data).hexdigest()[:24]}.pickle"
        if not (self.folder / name).exists():
            self._put(name, data)
        if remember:
            self._loaded[name] = value
        return name

    def _put(self, name: str, data: bytes) -> None:
        # No fsync: a cache lost in a crash is read as no cache at all (load_index fails, or a file is missing).
        self.folder.mkdir(parents=True, exist_ok=True)
        handle, temporary = tempfile.mkstemp(prefix=".", suffix=".tmp", dir=self.folder)
        try:
            with os.fdopen(handle, "wb") as stream:
                stream.write(data)
            os.replace(temporary, self.folder / name)
        except BaseException:
            Path(temporary).unlink(missing_ok=True)
            raise

    def clear(self) -> None:
        """Forget every piece: one could not be read, and a file is never written again under the same name."""
        shutil.rmtree(self.folder, ignore_errors=True)
        self._loaded.clear()

    def load_index(self) -> Index | None:
        try:
            with open(self.folder / "index.pickle", "rb") as stream:
                stored = pickle.load(stream)
        except (OSError, EOFError, pickle.UnpicklingError, AttributeError, ImportError, TypeError, ValueError):
            return None
        return stored if isinstance(stored, Index) else None

    def save_index(self, index: Index) -> None:
        gitignore = self.folder.parent / ".gitignore"
        self.folder.mkdir(parents=True, exist_ok=True)
        if not gitignore.exists():
            gitignore.write_text("*\n", encoding="utf-8")
        self._put("index.pickle", pickle.dumps(index, protocol=pickle.HIGHEST_PROTOCOL))
        named = {"index.pickle", *index.piece_files, *index.result_files, *index.matrix_files}
        for entry in os.scandir(self.folder):  # what no index names any more
            if entry.name not in named and not entry.name.startswith("."):
                Path(entry.path).unlink(missing_ok=True)
        self._forget_older_audits()

    def _forget_older_audits(self) -> None:
        """Keep the KEPT_AUDITS audits used last: each day's as-of is another key, and a province's pieces take 300 MB."""
        for folder in all_but_newest(self.folder.parent.glob("audit-*"), KEPT_AUDITS, stamp=lambda folder: folder / "index.pickle"):
            if folder != self.folder:
                shutil.rmtree(folder, ignore_errors=True)


def _waiver_files(folder: Path, checker: Checker) -> dict[str, str | None]:
    """The waivers files a re-audit must find unchanged (or still absent): at the repository roots of
    the working folder and of the tree, and the one given with --waivers. Those inside the tree are
    among its files already."""
    places = {repository_root(Path.cwd() / "_") / WAIVERS_FILE, repository_root(Path(folder, "_")) / WAIVERS_FILE}
    if checker.waivers_path is not None:
        places.add(checker.waivers_path)
    return {str(place): _digest(place) for place in sorted(places)}


# A full audit, kept ---------------------------------------------------------------------------------
def keep(store: Store, key: str, folder: Path, audit, files: list[Path], checker: Checker, fail_on, found: Scan) -> Index | None:
    """Store the pieces of a full audit; None when this audit cannot be re-audited in pieces. They are
    not kept in memory as well: the caller lets the audit go, then reads them back, so a province's
    audit and its pieces are never in memory together."""
    report = audit.report
    documents = [str(path) for path in files]
    results = report.documents
    if checker.cache is None or len(results) != len(documents) or any(d not in found.files for d in documents):
        return None  # a file came or went during the run
    ids = [r.id for r in results if r.id]
    if len(ids) != len(set(ids)) or any(f.location.path != r.path for r in results for f in r.findings):
        return None
    folders: dict[str, str] = {}
    real_paths = [r.real_path or led_to(path, folders) for r, path in zip(results, documents)]
    position = {path: index for index, path in enumerate(real_paths)}
    outside: dict[str, str] = {}
    dependents: dict[str, list[int]] = {}
    for index, real_path in enumerate(real_paths):
        entry = checker.cache.entries.get(real_path)
        if entry is None:
            if not results[index].problems:
                return None  # checked but not cached: nothing says what it depends on
            continue
        for dependency, digest in entry.dependencies:
            dependents.setdefault(dependency, []).append(index)
            if dependency not in position:  # a pack, a superior outside the tree: its bytes are compared each time
                outside[dependency] = digest
    root = os.path.join(led_to(str(folder), folders), "")
    leading_out = [(i, written, led) for i, r in enumerate(results) for written, led in r.references if not led.startswith(root)]
    superiors, _ = superiors_of(report, checker.resolver)
    if len(superiors) != len(audit.matrices) or len({m.superior_id for m in audit.matrices}) != len(audit.matrices):
        return None
    members: dict[str, list[int]] = {}
    for index, result in enumerate(results):
        members.setdefault(str(result.superior_path) if result.superior_path is not None else "", []).append(index)
    index_of_id = {r.id: i for i, r in enumerate(results) if r.id}
    late_of = _by_superior(audit.late)
    timeline_of = _by_superior(audit.timeline)
    groups: dict[str, Group] = {}
    needed_by: dict[int, list[str]] = {}
    matrix_files: list[str] = []
    shard: dict[str, MatrixPieces] = {}
    for order, ((path, superior), matrix) in enumerate(zip(superiors.items(), audit.matrices)):
        groups[path] = Group(order, matrix_order(superior), members.get(path, []))
        shard[path] = MatrixPieces.of(superior, matrix, late_of.get(matrix.superior_id, []), timeline_of.get(matrix.superior_id, []))
        if len(shard) == MATRICES or order == len(superiors) - 1:
            matrix_files.append(store.write("matrices", shard, remember=False))
            shard = {}
        mine = set(groups[path].members)
        for row in matrix.rows:
            other = index_of_id.get(row.id)
            if other is not None and other not in mine:
                needed_by.setdefault(other, []).append(path)
    if "" in members:
        groups[""] = Group(-1, (), members[""])
    if set(members) - set(groups):
        return None  # a superior with plans but no matrix: not a shape this file knows
    index = Index(key, report.as_of, fail_on, str(repository_root(Path(folder, "_"))), _waiver_files(folder, checker), list(checker.waivers),
                  found.files, found.marks,
                  documents, real_paths, [_identity(r) for r in results],
                  [str(r.superior_path) if r.superior_path is not None else "" for r in results],
                  {position[str(plan)]: str(superior) for plan, superior in checker.superiors.items() if str(plan) in position},
                  outside, leading_out, dependents, needed_by, index_of_id, groups,
                  [store.write("documents", {i: DocumentPieces.of(results[i], fail_on) for i in range(start, min(start + SHARD, len(results)))},
                               remember=False) for start in range(0, len(results), SHARD)],
                  [store.write("results", {i: _lean(results[i]) for i in range(start, min(start + SHARD, len(results)))}, remember=False)
                   for start in range(0, len(results), SHARD)],
                  matrix_files,
                  sorted(range(len(results)), key=lambda i: results[i].path))
    store.save_index(index)
    return index


def _by_superior(items: list) -> dict[str, list]:
    """The audit's late or timeline items, by the superior they are owed to, each list in the audit's order."""
    grouped: dict[str, list] = {}
    for item in items:
        grouped.setdefault(item.superior, []).append(item)
    return grouped


# A re-audit in pieces --------------------------------------------------------------------------------
class FullAudit(Exception):
    """The change cannot be followed piece by piece: audit the whole tree."""


def reaudit(store: Store, index: Index, folder: Path, checker: Checker, fail_on, found: Scan) -> Index:
    """The index of this run's audit, made from `index` by checking again what changed; FullAudit otherwise."""
    if (index.as_of != checker.as_of or index.fail_on != fail_on or found.marks != index.marks or found.files.keys() != index.files.keys()
            or index.repository != str(repository_root(Path(folder, "_"))) or index.waiver_files != _waiver_files(folder, checker)):
        raise FullAudit("the tree's shape or the run's settings changed")
    position = {path: i for i, path in enumerate(index.documents)}
    changed = [path for path, stat in found.files.items() if index.files[path] != stat]
    if any(path not in position for path in changed):
        raise FullAudit("a file that is not a plan changed")
    if any(_digest(Path(path)) != digest for path, digest in index.outside.items()):
        raise FullAudit("a pack or superior outside the tree changed")
    again = {position[path] for path in changed}
    folders: dict[str, str] = {}
    again |= {i for i, written, led in index.leading_out if led_to(written, folders) != led}  # a link outside the tree re-pointed
    again |= {i for i, pieces in _all_documents(store, index) if pieces.problems}  # an input error is reported afresh each time
    for i in list(again):
        again.update(index.dependents.get(index.real_paths[i], ()))
    if len(again) > MOST_RECHECKED:
        raise FullAudit("too many plans to check one by one")
    fresh = _check_again(index, folder, checker, fail_on, sorted(again))
    for i, result in fresh.items():
        if _identity(result) != index.identity[i]:
            raise FullAudit("a plan's place in the tree changed")
    if not fresh:
        return index
    new = replace(index, files=found.files, piece_files=list(index.piece_files), result_files=list(index.result_files),
                  matrix_files=list(index.matrix_files))
    results = _results(store, new, fresh)
    _redraw(store, new, checker, fresh, results)
    _rewrite(store, new.result_files, "results", {i: _lean(result) for i, result in fresh.items()})
    _rewrite(store, new.piece_files, "documents", {i: DocumentPieces.of(result, fail_on) for i, result in fresh.items()})
    store.save_index(new)
    return new


def _all_documents(store: Store, index: Index):
    for name in index.piece_files:
        yield from store.read(name).items()


def _check_again(index: Index, folder: Path, checker: Checker, fail_on, indices: list[int]) -> dict[int, DocumentResult]:
    if not indices:
        return {}
    checker.superiors.update({Path(index.real_paths[i]): Path(index.by_citation[i]) for i in indices if i in index.by_citation})
    checker.cache_folder = None  # these few are checked here; the results cache is for full runs
    checker.explicit_waivers = index.waivers  # all the audit's, not only those at the roots of these few
    report = checker.check_paths([folder], fail_on=fail_on, files=[Path(index.documents[i]) for i in indices])
    return dict(zip(indices, report.documents))


def _touched(index: Index, fresh: dict[int, DocumentResult]) -> set[str]:
    """The groups whose matrices `fresh` results appear in: as plans, as listed subordinates, as the superior."""
    touched = {index.group_of[i] for i in fresh}
    touched |= {path for i in fresh for path in index.needed_by.get(i, ())}
    touched |= {index.real_paths[i] for i in fresh if index.real_paths[i] in index.groups}
    return touched


def _results(store: Store, index: Index, fresh: dict[int, DocumentResult]) -> dict[int, DocumentResult]:
    """The results the touched matrices are drawn from: their plans', and those of the plans they list."""
    touched = _touched(index, fresh) - {""}
    wanted = {i for path in touched for i in index.groups[path].members}
    wanted |= {i for i, paths in index.needed_by.items() if touched.intersection(paths)}
    results: dict[int, DocumentResult] = {}
    for shard in sorted({i // SHARD for i in wanted}):
        results.update(store.read(index.result_files[shard]))
    results.update(fresh)
    return results


def _redraw(store: Store, index: Index, checker: Checker, fresh: dict[int, DocumentResult], results: dict[int, DocumentResult]) -> None:
    """Draw again the matrices `fresh` results appear in."""
    fresh_by_real = {index.real_paths[i]: result for i, result in fresh.items()}
    by_id = {r.id: r for r in results.values() if r.id}
    redrawn: dict[str, MatrixPieces] = {}
    for path in sorted(_touched(index, fresh) - {""}):
        group = index.groups[path]
        superior = store.read(index.matrix_file(group))[path].superior_of()
        if path in fresh_by_real:
            summary = fresh_by_real[path].summary
            if summary is None:
                raise FullAudit("a superior can no longer be read")
            before = superior
            superior = Superior.of_summary(Path(path), summary)
            if matrix_order(superior) != group.rank:
                raise FullAudit("a superior's level or id changed")
            listed = {sub_id for sub_id, _ in superior.subordinates} - {sub_id for sub_id, _ in before.subordinates}
            if any(sub_id in index.ids and index.ids[sub_id] not in group.members for sub_id in listed):
                raise FullAudit("a superior now lists a plan checked against another")
        matrix = matrix_for(path, superior, [results[i] for i in group.members], checker.resolver, index.as_of)
        late, timeline = late_and_timeline([matrix], by_id, index.as_of)
        redrawn[path] = MatrixPieces.of(superior, matrix, late, timeline)
    for shard in sorted({index.groups[path].order // MATRICES for path in redrawn}):
        pieces = dict(store.read(index.matrix_files[shard]))
        pieces.update({path: value for path, value in redrawn.items() if index.groups[path].order // MATRICES == shard})
        index.matrix_files[shard] = store.write("matrices", pieces)


def _rewrite(store: Store, files: list[str], kind: str, changed: dict[int, object]) -> None:
    """Write again the files (SHARD documents each) holding the `changed` documents."""
    for shard in sorted({i // SHARD for i in changed}):
        values = dict(store.read(files[shard]))
        values.update({i: value for i, value in changed.items() if i // SHARD == shard})
        files[shard] = store.write(kind, values)


# Writing the report from its pieces ------------------------------------------------------------------
def outcome(store: Store, index: Index) -> tuple[int, list]:
    """The audit's exit code and the problems of its inputs, as a full audit gives them."""
    fail_on = index.fail_on
    documents = dict(_all_documents(store, index))
    problems = [problem for i in range(len(index.documents)) for problem in documents[i].problems]
    if problems:
        return 2, problems
    if any(pieces.tally[1] for pieces in documents.values()):  # Tally.failed
        return 1, []
    if _unused_waivers(index, documents) and fail_on is not None and fail_on.rank <= Severity.WARNING.rank:
        return 1, []  # as Report.exit_code: a stale waiver is a warning
    return (1 if any(m.missing or m.late for m in _matrices(store, index)) else 0), []


def _unused_waivers(index: Index, documents: dict[int, DocumentPieces]) -> list:
    """As `apply_waivers` finds them: matching no finding, and naming a document that was checked."""
    used = set().union(*(pieces.waivers_used for pieces in documents.values() if pieces.waivers_used))
    return [w for w in index.waivers if (w.document, w.rule) not in used and w.document in index.ids]


def _matrices(store: Store, index: Index) -> list[MatrixPieces]:
    """Every matrix's pieces, in the order of the matrices."""
    shards = [store.read(name) for name in index.matrix_files]
    groups = sorted((g for g in index.groups.items() if g[1].order >= 0), key=lambda item: item[1].order)
    return [shards[group.order // MATRICES][path] for path, group in groups]


def report_value(store: Store, index: Index) -> dict:
    """The audit's JSON value, its long arrays given as pieces: `write_json` writes the full audit's bytes."""
    matrices = _matrices(store, index)
    documents: dict[int, DocumentPieces] = dict(_all_documents(store, index))
    late = sorted((item for m in matrices for item in m.late), key=lambda item: item[0])
    timeline = sorted((item for m in matrices for item in m.timeline), key=lambda item: item[0])
    tally = Tally(*(sum(column) for column in zip(*(pieces.tally for pieces in documents.values())))) if documents else Tally()
    report = report_layout(index.as_of, Streamed(Raw(documents[i].entry) for i in range(len(index.documents))),
                           Streamed(Raw(piece) for i in index.findings_order for piece in documents[i].findings), tally,
                           [unused_waiver_object(w) for w in _unused_waivers(index, documents)])
    return audit_layout(index.as_of, Streamed(Raw(m.matrix) for m in matrices), Streamed(Raw(p) for m in matrices for p in m.missing),
                        Streamed(Raw(p) for m in matrices for p in m.pending), Streamed(Raw(p) for _, p in late),
                        Streamed(Raw(p) for _, p in timeline), report)
