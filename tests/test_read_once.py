"""A process reads each document once: a superior is not read again for every plan below it, nor
looked up again for every plan whose chain passes through it. Counted, not timed."""

from __future__ import annotations

from collections import Counter
from datetime import date
from pathlib import Path

import pytest

from bench.generate import generate
from compliance import resolve
from compliance.run import Checker, expand


@pytest.fixture(scope="module")
def tree(tmp_path_factory) -> Path:
    root = tmp_path_factory.mktemp("province")
    generate(150, root, seed=3, jobs=1)
    return root


def _check_every_file(tree: Path, monkeypatch) -> list:
    monkeypatch.chdir(tree)
    checker = Checker(as_of=date(2024, 6, 21))
    return [checker.check_path(path) for path in expand([Path(".")])]


def _count_reads(monkeypatch) -> Counter:
    reads: Counter = Counter()
    read = resolve.load_document

    def counted(path, *args, **kwargs):
        reads[str(Path(path).resolve())] += 1
        return read(path, *args, **kwargs)
    monkeypatch.setattr(resolve, "load_document", counted)
    return reads


def _count_lookups(monkeypatch) -> Counter:
    lookups: Counter = Counter()
    find = resolve.Resolver.find_superior

    def counted(self, document, reference, *args, **kwargs):
        lookups[(str(document.path.resolve()), reference)] += 1
        return find(self, document, reference, *args, **kwargs)
    monkeypatch.setattr(resolve.Resolver, "find_superior", counted)
    return lookups


def test_every_document_is_read_once_superiors_included(tree, monkeypatch):
    calls = _count_reads(monkeypatch)
    results = _check_every_file(tree, monkeypatch)
    superiors = {result.superior_path for result in results if result.superior_path}
    assert len(superiors) >= 5 and not any(result.problems for result in results)
    assert all(str(superior) in calls for superior in superiors)
    assert max(calls.values()) == 1, [path for path, count in calls.items() if count > 1][:3]


def test_a_superior_s_own_superior_is_looked_up_once_for_the_plans_below_it(tree, monkeypatch):
    """Twice at most: when the superior is checked as a plan itself, and for the chains of all the plans below it."""
    calls = _count_lookups(monkeypatch)
    results = _check_every_file(tree, monkeypatch)
    below = Counter(str(result.superior_path) for result in results if result.superior_path)
    asked_of_superiors = {key: count for key, count in calls.items() if key[0] in below}
    assert asked_of_superiors, "no chain of superiors in the tree"
    assert max(below[path] for path, _ in asked_of_superiors) >= 5
    assert max(asked_of_superiors.values()) <= 2
