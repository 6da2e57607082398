"""The result cache: a re-run after an edit never reports a stale finding."""

from __future__ import annotations

import shutil

from .conftest import PLANS, run_cli


def _tree(tmp_path):
    (tmp_path / ".git").mkdir(parents=True)
    shutil.copy(PLANS / "2023" / "yingde-2023.yaml", tmp_path / "yingde-2023.yaml")
    (tmp_path / "towns").mkdir()
    for name in ("donghua-2023.yaml", "dazhan-2023.yaml"):
        shutil.copy(PLANS / "2023" / "towns" / name, tmp_path / "towns" / name)
    return tmp_path


def _audit(tree, *extra):
    return run_cli("audit", ".", "--as-of", "2023-06-21", "--format", "json", "--jobs", "1", *extra, cwd=tree)


def test_edits_to_a_plan_its_superior_or_the_cache_are_seen(tmp_path):
    tree = _tree(tmp_path)
    first = _audit(tree)
    assert (tree / ".plancheck-cache").is_dir()
    assert _audit(tree).out == first.out == _audit(tree, "--no-cache").out

    town = tree / "towns" / "donghua-2023.yaml"  # the plan: move its consultation day
    town.write_text(town.read_text(encoding="utf-8").replace("    date: 6月16日\n    sectors: [public_place]", "    date: 6月18日\n    sectors: [public_place]"), encoding="utf-8")
    edited = _audit(tree)
    assert edited.out == _audit(tree, "--no-cache").out
    rules = {f["rule"] for f in edited.json()["report"]["findings"] if f["document"] == "donghua-2023"}
    assert "YD-616" in rules

    superior = tree / "yingde-2023.yaml"  # the superior: its summary deadline moves
    superior.write_text(superior.read_text(encoding="utf-8").replace("due: 2023-07-01", "due: 2023-06-10"), encoding="utf-8")
    moved = _audit(tree)
    assert moved.out == _audit(tree, "--no-cache").out
    assert moved.out != edited.out

    for stale in (tree / ".plancheck-cache").glob("*.pickle"):  # a damaged cache is ignored
        stale.write_bytes(b"not a pickle")
    assert _audit(tree).out == moved.out
    shutil.rmtree(tree / ".plancheck-cache")  # and a deleted one rebuilt
    assert _audit(tree).out == moved.out


def test_no_cache_writes_nothing(tmp_path):
    tree = _tree(tmp_path)
    _audit(tree, "--no-cache")
    assert not (tree / ".plancheck-cache").exists()


def test_a_link_pointed_elsewhere_is_checked_again(tmp_path):
    tree = _tree(tmp_path / "repo")
    outside = tmp_path / "outside"
    outside.mkdir()
    shutil.copy(tree / "yingde-2023.yaml", outside / "yingde-2023.yaml")
    town = tree / "towns" / "donghua-2023.yaml"
    (tree / "towns" / "superior.yaml").symlink_to(tree / "yingde-2023.yaml")
    town.write_text(town.read_text(encoding="utf-8").replace("superior: ../yingde-2023.yaml", "superior: superior.yaml"), encoding="utf-8")
    assert run_cli("check", "towns/donghua-2023.yaml", "--as-of", "2023-06-21", cwd=tree).code == 0
    (tree / "towns" / "superior.yaml").unlink()
    (tree / "towns" / "superior.yaml").symlink_to(outside / "yingde-2023.yaml")  # same bytes, now outside
    again = run_cli("check", "towns/donghua-2023.yaml", "--as-of", "2023-06-21", cwd=tree)
    assert again.code == 2 and "outside" in again.out + again.err


def test_a_nearer_document_with_the_cited_number_is_seen(tmp_path):
    """A plan naming no superior is checked against the nearest document whose number it cites. A new
    document with that number changes its superior, though neither the plan nor its old superior changed."""
    (tmp_path / ".git").mkdir()
    requirements = "requirements:\n  - {{id: {rule}, type: theme}}\n"
    (tmp_path / "county.yaml").write_text(
        "format: plancheck/v1\nid: county\norg: 某县安委办\nlevel: county\nyear: 2024\ndoc_no: 某安办〔2024〕7号\n"
        "theme: 人人讲安全、个个会应急——畅通生命通道\n" + requirements.format(rule="C-THEME"), encoding="utf-8")
    (tmp_path / "village.yaml").write_text(
        "format: plancheck/v1\nid: village\norg: 某村\nlevel: community\nyear: 2024\ncites: [某安办〔2024〕7号]\ntheme: 人人讲安全\n",
        encoding="utf-8")

    def superior_and_rules(*extra):
        run = run_cli("audit", ".", "--as-of", "2024-06-03", "--format", "json", "--jobs", "1", *extra, cwd=tmp_path)
        village = next(d for d in run.json()["report"]["documents"] if d["id"] == "village")
        return village["superior"], {f["rule"] for f in run.json()["report"]["findings"] if f["document"] == "village"}, run.out

    assert superior_and_rules()[:2] == ("county", {"C-THEME"})
    (tmp_path / "town.yaml").write_text(  # a town that (oddly) reuses the number: nearer to the village
        "format: plancheck/v1\nid: town\norg: 某镇\nlevel: street\nyear: 2024\ndoc_no: 某安办［2024］7号\n"
        "theme: 人人讲安全、个个会应急——畅通生命通道\n" + requirements.format(rule="T-THEME"), encoding="utf-8")
    superior, rules, out = superior_and_rules()
    assert (superior, rules) == ("town", {"T-THEME"})
    assert out == superior_and_rules("--no-cache")[2]
