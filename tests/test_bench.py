"""The benchmark's inputs are sound: the generated tree is valid and deterministic, and the reference
evaluator decides like plancheck (the same number of findings for every document). No timings here."""

from __future__ import annotations

from collections import Counter
from pathlib import Path

import pytest

from bench import floor, reference
from bench.generate import AS_OF, generate

from .conftest import run_cli

SIZE = 300


@pytest.fixture(scope="module")
def tree(tmp_path_factory) -> Path:
    root = tmp_path_factory.mktemp("bench") / "tree"
    assert generate(SIZE, root, seed=7, jobs=1) == SIZE
    return root


def _files(root: Path) -> dict[str, bytes]:
    return {str(p.relative_to(root)): p.read_bytes() for p in sorted(root.rglob("*.yaml")) if ".git" not in p.parts}


def test_the_tree_is_valid_and_shaped_like_a_province(tree):
    run = run_cli("validate", ".", cwd=tree)
    assert run.code == 0, run.out + run.err
    levels = Counter()
    for text in _files(tree).values():
        levels[text.decode("utf-8").split("\nlevel: ", 1)[1].split("\n", 1)[0]] += 1
    assert levels["province"] == 1 and levels["city"] >= 1 and levels["county"] >= 1 and levels["street"] >= 5
    assert levels["community"] + levels["enterprise"] > SIZE * 0.8


def test_the_same_seed_gives_the_same_bytes(tree, tmp_path):
    again = tmp_path / "again"
    generate(SIZE, again, seed=7, jobs=2)
    assert _files(again) == _files(tree)
    other = tmp_path / "other"
    generate(SIZE, other, seed=8, jobs=1)
    assert _files(other) != _files(tree)


def test_the_floor_reads_and_validates_every_document(tree, tmp_path):
    schema = tmp_path / "schema.json"
    schema.write_text(run_cli("schema").out, encoding="utf-8")
    floor._compile(str(schema))
    assert floor.check(floor.candidates(tree)) == (SIZE, 0)


def test_the_reference_finds_what_plancheck_finds_in_every_document(tree):
    run = run_cli("audit", ".", "--as-of", AS_OF.isoformat(), "--format", "json", "--jobs", "1", "--no-cache", cwd=tree)
    assert run.code == 1, run.err  # findings, and no unreadable document
    report = run.json()["report"]
    assert report["summary"]["unreadable"] == 0 and report["summary"]["documents"] == SIZE
    found = Counter(finding["document"] for finding in report["findings"])
    expected = reference.evaluate(tree, AS_OF)
    assert len(expected) == SIZE
    assert {doc: n for doc, n in expected.items() if n != found.get(doc, 0)} == {}
    # About a third of the plans miss something on purpose; the rest meet every requirement.
    failing = sum(1 for n in expected.values() if n)
    assert SIZE * 0.2 < failing < SIZE * 0.5
    assert {f["type"] for f in report["findings"]} == set(reference.RULES)  # every rule type is exercised
