"""A superior named by id is the first document with that id in a walk of the plan's root (its git
repository, or outside git its own folder). Walks done once for a whole tree and handed to another
resolver, as a parallel run hands them to its workers, must find exactly what a walk of each root finds."""

from __future__ import annotations

from pathlib import Path

from compliance.resolve import Resolver
from compliance.documents import load_document


def _write(path: Path, plan_id: str, level: str, superior: str | None = None) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    lines = ["format: plancheck/v1", f"id: {plan_id}", f"org: {plan_id}", f"level: {level}", "year: 2024"]
    path.write_text("\n".join(lines + ([f"superior: {superior}"] if superior else [])) + "\n", encoding="utf-8")
    return path


def _tree(top: Path) -> list[Path]:
    _write(top / "boss.yaml", "boss", "city")
    _write(top / "b" / "boss.yaml", "boss", "county")  # the same id in a sibling folder
    _write(top / "a" / "sub" / "boss.yaml", "boss", "county")
    return [
        _write(top / "top-plan.yaml", "top-plan", "county", "boss"),
        _write(top / "a" / "plan.yaml", "a-plan", "street", "boss"),  # its root is a/: a/sub/boss.yaml
        _write(top / "b" / "plan.yaml", "b-plan", "street", "boss"),
        _write(top / "c" / "plan.yaml", "c-plan", "street", "boss"),  # nothing named boss under c/
        _write(top / ".hidden" / "plan.yaml", "h-plan", "street", "boss"),  # a walk of the top skips .hidden
        _write(top / ".hidden" / "boss.yaml", "boss", "county"),
    ]


def _found(resolver: Resolver, plan: Path) -> str:
    document = load_document(plan, str(plan))
    try:
        return str(resolver.find_superior(document, "boss", confined=False).path.relative_to(plan.parent.parent.parent))
    except Exception as error:  # noqa: BLE001 - the problem's code is the answer
        return type(error).__name__


def test_walks_handed_over_find_what_each_root_finds(tmp_path):
    plans = _tree(tmp_path / "tree")
    alone = [_found(Resolver(), plan) for plan in plans]  # a fresh resolver: each root walked by itself
    assert [Path(found).name for found in alone[:4]] == ["boss.yaml", "boss.yaml", "boss.yaml", "ResolveError"]
    assert alone[1].endswith("a/sub/boss.yaml") and alone[2].endswith("b/boss.yaml") and alone[4].endswith(".hidden/boss.yaml")

    walked = Resolver().walk_ids_for(plans)
    assert list(walked) == [(tmp_path / "tree").resolve()]  # one walk covers every plan's folder
    worker = Resolver()
    worker.know_ids(walked)
    assert [_found(worker, plan) for plan in plans] == alone
    # The plan at the top walked nothing new; only the hidden folder, which the top's walk skipped, was walked.
    assert set(worker._ids) == {(tmp_path / "tree").resolve(), (tmp_path / "tree" / ".hidden").resolve()}


def test_inside_git_the_repository_is_the_root(tmp_path):
    repository = tmp_path / "repo"
    (repository / ".git").mkdir(parents=True)
    plans = _tree(repository / "plans")
    walked = Resolver().walk_ids_for(plans)
    assert list(walked) == [repository.resolve()]
    worker = Resolver()
    worker.know_ids(walked)
    assert [_found(worker, plan) for plan in plans] == [_found(Resolver(), plan) for plan in plans]


def test_the_walk_for_ids_is_skipped_only_when_every_plan_names_its_superior_by_path(tmp_path):
    from compliance.audit import glimpses, superiors_all_by_path

    head = "format: plancheck/v1\norg: 单位\nlevel: {level}\nyear: 2024\n"
    (tmp_path / "city.yaml").write_text("id: city\n" + head.format(level="city"), encoding="utf-8")
    (tmp_path / "town.yaml").write_text("id: town\n" + head.format(level="street") + "superior: city.yaml\n", encoding="utf-8")
    files = sorted(tmp_path.glob("*.yaml"))
    assert superiors_all_by_path(files, glimpses(files))

    (tmp_path / "village.yaml").write_text("id: village\n" + head.format(level="community") + "superior: town\n", encoding="utf-8")
    files = sorted(tmp_path.glob("*.yaml"))
    assert not superiors_all_by_path(files, glimpses(files)), "a superior named by id needs the walk"

    (tmp_path / "village.yaml").unlink()
    (tmp_path / "plan.json").write_text('{"format": "plancheck/v1", "id": "p", "superior": "town"}', encoding="utf-8")
    files = sorted(tmp_path.glob("*.*"))
    assert not superiors_all_by_path(files, glimpses(files)), "a JSON plan is not glimpsed: the walk stays"
