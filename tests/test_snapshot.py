"""A JSON audit kept in pieces: after every kind of edit, the re-audit writes the bytes a full audit
writes, and it takes the short way only for the edits it can follow."""

from __future__ import annotations

import os
import shutil
from pathlib import Path

import pytest

import compliance.cli as cli
from bench.generate import generate
from compliance.cli import main

AS_OF = "2024-06-21"
STREET = "xinhe-2024/qiaomei-2024/changtou/qiaomei-changtou-2024.yaml"
PLAN = "xinhe-2024/qiaomei-2024/changtou/units/baojin-gs-2024.yaml"
OTHER_STREET = "../../changlong/qiaomei-changlong-2024.yaml"


@pytest.fixture(scope="module")
def pristine(tmp_path_factory) -> Path:
    tree = tmp_path_factory.mktemp("pristine") / "tree"
    generate(60, tree, seed=3, jobs=1)
    assert (tree / STREET).is_file() and (tree / PLAN).is_file(), "the generator's tree changed: choose other files"
    return tree


@pytest.fixture
def tree(pristine, tmp_path, monkeypatch) -> Path:
    copy = tmp_path / "tree"
    shutil.copytree(pristine, copy, symlinks=True)
    monkeypatch.chdir(copy)
    return copy


@pytest.fixture
def full_audits(monkeypatch) -> list[int]:
    """How many times the whole tree was audited (not re-audited in pieces)."""
    calls: list[int] = []
    real_audit_folder = cli.audit_folder

    def counting(*args, **kwargs):
        calls.append(1)
        return real_audit_folder(*args, **kwargs)

    monkeypatch.setattr(cli, "audit_folder", counting)
    return calls


def audit(tree: Path, name: str, *extra: str) -> tuple[int, bytes]:
    output = tree.parent / f"{name}.json"
    code = main(["audit", ".", "--as-of", AS_OF, "--format", "json", "--output", str(output), "--jobs", "1", *extra])
    return code, output.read_bytes()


def edit(path: Path, old: str, new: str) -> None:
    text = path.read_text(encoding="utf-8")
    assert old in text, f"{old!r} not in {path}"
    path.write_text(text.replace(old, new, 1), encoding="utf-8")


def line_with(path: Path, start: str) -> str:
    return next(line for line in path.read_text(encoding="utf-8").splitlines(keepends=True) if line.lstrip().startswith(start))


def block_of(path: Path, requirement_id: str) -> str:
    """A requirement's lines, from its `- id:` to the next item."""
    lines = path.read_text(encoding="utf-8").splitlines(keepends=True)
    start = next(i for i, line in enumerate(lines) if line.strip() == f"- id: {requirement_id}")
    end = next(i for i in range(start + 1, len(lines)) if lines[i].lstrip().startswith("- ") or not lines[i].startswith(" "))
    return "".join(lines[start:end])


# Each edit: what it does to the tree, and whether the re-audit may follow it piece by piece.
EDITS = {
    "a plan drops its consultation day": (lambda t: edit(t / PLAN, line_with(t / PLAN, "- {kind: consultation_day"), ""), True),
    "a plan is sent late": (lambda t: edit(t / PLAN, "submitted_on: 2024-05-17", "submitted_on: 2024-06-10"), True),
    "a superior drops a requirement": (lambda t: edit(t / STREET, block_of(t / STREET, "CHANGT-LIAISON"), ""), True),
    "a superior renames a subordinate": (lambda t: edit(t / STREET, "org: 长头镇西海社区居民委员会", "org: 长头镇西海社区"), True),
    "a superior lists one more subordinate": (
        lambda t: edit(t / STREET, "subordinates:\n", "subordinates:\n  - {id: xinjian-sq-2024, org: 新建社区, level: community}\n"), True),
    "a superior lists a plan checked against another": (lambda t: edit((t / PLAN).parent / OTHER_STREET, "subordinates:\n",
                                                                       "subordinates:\n  - {id: baojin-gs-2024, org: 桥梅华润燃气有限公司, level: enterprise}\n"), False),
    "a file is touched, not changed": (lambda t: os.utime(t / PLAN, ns=(10**18, 10**18)), True),
    "a plan moves to another superior": (lambda t: edit(t / PLAN, "superior: ../qiaomei-changtou-2024.yaml", f"superior: {OTHER_STREET}"), False),
    "a plan is added": (lambda t: (t / PLAN).with_name("copy-2024.yaml").write_text(
        (t / PLAN).read_text(encoding="utf-8").replace("id: baojin-gs-2024", "id: copy-gs-2024"), encoding="utf-8"), False),
    "a plan is removed": (lambda t: (t / PLAN).unlink(), False),
    "a plan breaks": (lambda t: edit(t / PLAN, "activities:\n", "activities: [\n"), False),
    "waivers appear": (lambda t: (t / "plancheck-waivers.yaml").write_text(
        "waivers:\n  - {document: baojin-gs-2024, rule: CHANGT-THEME, justification: 已说明, approved_by: 安委办, "
        "expires: 2024-12-31}\n", encoding="utf-8"), False),
}


@pytest.mark.parametrize("name", EDITS)
def test_a_re_audit_after_an_edit_writes_what_a_full_audit_writes(tree, full_audits, name):
    change, in_pieces = EDITS[name]
    first = audit(tree, "first")
    assert full_audits == [1]
    assert audit(tree, "again") == first, "nothing changed: the pieces give the same report"
    assert full_audits == [1], "nothing changed: no plan is checked again"

    change(tree)
    kept = audit(tree, "kept")
    full = audit(tree, "full", "--no-cache")
    assert kept == full
    assert full_audits == ([1, 1] if in_pieces else [1, 1, 1]), "the re-audit took the other way"
    assert audit(tree, "third") == full, "the pieces kept after the edit give the same report again"


def test_the_edits_change_the_report(tree):
    """Otherwise the comparisons above would prove nothing."""
    first = audit(tree, "first", "--no-cache")
    for name in ["a plan drops its consultation day", "a plan is sent late", "a superior drops a requirement",
                 "a superior renames a subordinate", "a superior lists one more subordinate"]:
        EDITS[name][0](tree)
        changed = audit(tree, "changed", "--no-cache")
        assert changed != first, name
        first = changed


def test_several_edits_in_a_row_stay_exact(tree, full_audits):
    audit(tree, "first")
    for name in ["a plan drops its consultation day", "a superior drops a requirement", "a plan is sent late", "a file is touched, not changed"]:
        EDITS[name][0](tree)
        assert audit(tree, "kept") == audit(tree, "full", "--no-cache"), name
    assert len(full_audits) == 1 + 4  # the first, and the four --no-cache runs


def test_a_damaged_piece_means_a_full_audit(tree, full_audits):
    first = audit(tree, "first")
    pieces = next((tree / ".plancheck-cache").glob("audit-*"))
    damaged = list(pieces.glob("matrices-*.pickle"))
    assert damaged
    for piece in damaged:
        piece.write_bytes(b"not a pickle")
    assert audit(tree, "again") == first
    assert len(full_audits) == 2


def test_other_formats_take_the_full_audit(tree, full_audits):
    audit(tree, "first")
    main(["audit", ".", "--as-of", AS_OF, "--format", "sarif", "--output", str(tree.parent / "r.sarif"), "--jobs", "1"])
    assert len(full_audits) == 2


def test_a_plan_listed_by_a_superior_it_does_not_answer_is_followed(tree, full_audits):
    """The other superior's matrix lists the plan as missing, and its timeline reads the plan's result."""
    changlong = (tree / PLAN).parent / OTHER_STREET
    edit(changlong, "subordinates:\n", "subordinates:\n  - {id: baojin-gs-2024, org: 桥梅华润燃气有限公司, level: enterprise}\n")
    audit(tree, "first")
    edit(tree / PLAN, line_with(tree / PLAN, "submitted_on:"), "")
    kept = audit(tree, "kept")
    full = audit(tree, "full", "--no-cache")
    assert kept == full
    assert len(full_audits) == 2  # the first and the --no-cache run: the edit was followed in pieces


def test_a_link_out_of_the_tree_that_is_pointed_elsewhere_is_followed(pristine, tmp_path, monkeypatch, full_audits):
    """The tree is a folder of a repository; a plan's photo is reached through a link outside the tree.
    Pointed out of the repository, the link makes the plan's evidence an error, though no file of the tree changed."""
    repo = tmp_path / "repo"
    tree = repo / "tree"
    shutil.copytree(pristine, tree, symlinks=True)
    shutil.rmtree(tree / ".git")
    (repo / ".git").mkdir()
    (repo / "media").mkdir()
    (repo / "media" / "a.jpg").write_bytes(b"jpg")
    (tmp_path / "elsewhere").mkdir()
    (repo / "photos").symlink_to(repo / "media")
    edit(tree / PLAN, "evidence: [photos/media_campaign-10.jpg]", "evidence: [../../../../../photos/a.jpg]")
    monkeypatch.chdir(repo)

    def run(name: str, *extra: str) -> tuple[int, bytes]:
        output = tmp_path / f"{name}.json"
        code = main(["audit", "tree", "--as-of", AS_OF, "--format", "json", "--output", str(output), "--jobs", "1", *extra])
        return code, output.read_bytes()

    first = run("first")
    (repo / "photos").unlink()
    (repo / "photos").symlink_to(tmp_path / "elsewhere")
    kept = run("kept")
    assert kept == run("full", "--no-cache")
    assert kept != first and kept[0] == 2  # the evidence now leads out of the repository


def test_only_the_last_few_audits_are_kept(tree):
    """Each as-of day is another key: without a limit, a clerk's daily audit would leave 300 MB a day."""
    from compliance.cache import KEPT
    from compliance.snapshot import KEPT_AUDITS

    for day in range(10, 16):
        main(["audit", ".", "--as-of", f"2024-06-{day}", "--format", "json", "--output", str(tree.parent / "r.json"), "--jobs", "1"])
        assert audit(tree, "again", "--as-of", f"2024-06-{day}")[1] == (tree.parent / "r.json").read_bytes()
    cache = tree / ".plancheck-cache"
    assert len(list(cache.glob("audit-*"))) == KEPT_AUDITS
    assert len(list(cache.glob("results-*.pickle"))) == KEPT


def test_waivers_in_force_are_followed_in_pieces(tree, full_audits):
    """A waiver the edit brings into use: unused before (listed, and a warning), used after."""
    import json

    drop_consultation_day = EDITS["a plan drops its consultation day"][0]
    rules = lambda report: {f["rule"] for f in json.loads(report)["report"]["findings"] if f["document"] == "baojin-gs-2024"}  # noqa: E731
    before = rules(audit(tree, "before", "--no-cache")[1])
    original = (tree / PLAN).read_bytes()
    drop_consultation_day(tree)
    introduced = sorted(rules(audit(tree, "after", "--no-cache")[1]) - before)
    (tree / PLAN).write_bytes(original)
    assert introduced, "the edit must bring a finding for the waiver to meet"
    (tree / "plancheck-waivers.yaml").write_text(
        f"waivers:\n  - {{document: baojin-gs-2024, rule: {introduced[0]}, justification: 已说明, approved_by: 安委办, "
        "expires: 2024-12-31}\n", encoding="utf-8")
    calls = len(full_audits)

    first = audit(tree, "first", "--fail-on", "warning")
    assert first == audit(tree, "full-first", "--no-cache", "--fail-on", "warning")
    assert json.loads(first[1])["report"]["unused_waivers"]
    drop_consultation_day(tree)
    kept = audit(tree, "kept", "--fail-on", "warning")
    assert kept == audit(tree, "full", "--no-cache", "--fail-on", "warning")
    assert not json.loads(kept[1])["report"]["unused_waivers"]
    assert json.loads(kept[1])["report"]["summary"]["waived"] == 1
    assert len(full_audits) == calls + 3  # the first with the cache, and the two --no-cache runs: the edit was followed in pieces


def test_the_collector_is_on_again_after_a_re_audit(tree):
    import gc

    audit(tree, "first")
    audit(tree, "again")
    assert gc.isenabled()
