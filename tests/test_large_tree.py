"""A tree of 10,000 plans, one of them broken, is checked completely: the broken one is reported and no
finding of the others is lost (each plan has exactly the findings of its template checked alone)."""

from __future__ import annotations

import re
import time
from collections import Counter
from pathlib import Path

from .conftest import FIXTURES, run_cli

AS_OF = "2024-06-21"
PLANS = 10_000
BROKEN = 4321
PERFECT = (FIXTURES / "no_gaps" / "pass" / "perfect.yaml").read_text(encoding="utf-8").replace(
    "superior: ../superior.yaml", "superior: ../../superior.yaml")
TEMPLATES = {
    "perfect": PERFECT,
    "old-theme": PERFECT.replace("theme: 人人讲安全，个个会应急——畅通生命通道", "theme: 落实安全责任，推动安全发展"),
    "no-drills": re.sub(r"(?ms)^  - kind: drill\n(    .*?\n)+", "", PERFECT),
    "bare": "format: plancheck/v1\nid: x\norg: 某社区居委会\nlevel: community\nyear: 2024\nsuperior: ../../superior.yaml\n",
}
LINE = re.compile(r"^plancheck: (?P<path>.+?):(?P<line>\d+):(?P<column>\d+): (?P<field>/\S*) (?P<message>.+) \[(?P<code>[a-z0-9-]+)\]$")


def plan_text(template: str, plan_id: str) -> str:
    return re.sub(r"(?m)^id: .*$", f"id: {plan_id}", TEMPLATES[template], count=1)


def tree(root: Path, templates: list[str]) -> dict[str, str]:
    """A plan from each template in turn under root/plans/NN/, beside root/superior.yaml; {file name: template}."""
    (root / ".git").mkdir(parents=True)
    (root / "superior.yaml").write_text((FIXTURES / "no_gaps" / "superior.yaml").read_text(encoding="utf-8"), encoding="utf-8")
    made = {}
    for index, template in enumerate(templates):
        folder = root / "plans" / f"{index // 500:02d}"
        folder.mkdir(parents=True, exist_ok=True)
        name = f"{template}-{index}.yaml"
        (folder / name).write_text(plan_text(template, f"{template}-{index}"), encoding="utf-8")
        made[name] = template
    return made


def test_ten_thousand_plans_one_broken_nothing_lost(tmp_path):
    # What each template gives when checked alone.
    expected = {}
    for template in TEMPLATES:
        tree(tmp_path / "alone" / template, [template])
        run = run_cli("check", tmp_path / "alone" / template / "plans", "--format", "json", "--as-of", AS_OF, "--no-cache", "--jobs", "1")
        assert run.code in (0, 1) and not run.err, run.err
        expected[template] = len(run.json()["findings"])
    assert len(set(expected.values())) == len(expected), f"templates should differ in their findings: {expected}"

    started = time.perf_counter()
    names = list(TEMPLATES)
    made = tree(tmp_path / "big", [names[index % len(names)] for index in range(PLANS)])
    broken_name = f"{names[BROKEN % len(names)]}-{BROKEN}.yaml"
    broken = next((tmp_path / "big" / "plans").rglob(broken_name))
    text = broken.read_text(encoding="utf-8")
    assert "    date: 2024-06-01\n" in text
    broken.write_text(text.replace("    date: 2024-06-01\n", "    date: 2月30日\n", 1), encoding="utf-8")
    run = run_cli("check", tmp_path / "big" / "plans", "--format", "json", "--as-of", AS_OF, "--no-cache", "--jobs", "2")
    elapsed = time.perf_counter() - started
    assert "Traceback" not in run.err
    assert run.code == 2
    [line] = [LINE.match(text) for text in run.err.splitlines() if text.strip()]
    assert line and line["path"].endswith(broken_name) and (line["field"], line["code"]) == ("/activities/0/date", "bad-date")

    report = run.json()
    assert len(report["documents"]) == PLANS
    statuses = Counter(d["status"] for d in report["documents"])
    assert statuses["error"] == 1
    per_file = Counter(Path(f["location"]["path"]).name for f in report["findings"])
    for name, template in made.items():
        if name != broken_name:
            assert per_file[name] == expected[template], name
    total = sum(expected[t] for n, t in made.items() if n != broken_name)
    assert len(report["findings"]) == total
    assert elapsed < 120, elapsed  # about 25 s on two cores
