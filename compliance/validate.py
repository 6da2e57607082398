"""`plancheck validate`: lint documents and their requirements without checking any plan.

Beyond the schema, it finds requirements that cannot be met or that weaken the superior's:
an impossible window, a day outside the document's year, a later deadline, fewer sectors,
fewer drills or scenarios than the superior asks for the same thing.
"""

from __future__ import annotations

from datetime import date
from pathlib import Path
from typing import Iterator

from .checks import REGISTRY
from .documents import Document
from .confine import Confinement
from .errors import PlancheckError, Problem
from .resolve import Resolver, defaults_for, display
from .run import expand

DATE_PARAMS = ("date", "not_before", "not_after", "due", "start", "end", "from_", "to", "end_not_before")
WINDOWS = (("not_before", "not_after"), ("start", "end"), ("from_", "to"))


def _param_pointer(index: int, name: str) -> str:
    return f"/requirements/{index}/{'from' if name == 'from_' else name}"


def _problem(document: Document, pointer: str, message: str, code: str) -> Problem:
    probe = pointer
    while probe and probe not in document.marks:
        probe = probe.rsplit("/", 1)[0]
    line, column = document.marks.get(probe, (1, 1))
    return Problem(document.display_path, message, line, column, pointer, code)


def _own_problems(document: Document) -> Iterator[Problem]:
    plan = document.plan
    if plan.period and plan.period.start > plan.period.end:
        yield _problem(document, "/period", f"the period starts ({plan.period.start}) after it ends ({plan.period.end})", "impossible-window")
    for index, activity in enumerate(plan.activities):
        if activity.start and activity.end and activity.start > activity.end:
            yield _problem(document, f"/activities/{index}/start", f"the activity starts ({activity.start}) after it ends ({activity.end})", "impossible-window")
    for index, campaign in enumerate(plan.campaigns):
        if campaign.start and campaign.end and campaign.start > campaign.end:
            yield _problem(document, f"/campaigns/{index}/start", f"the campaign starts ({campaign.start}) after it ends ({campaign.end})", "impossible-window")
    for index, requirement in enumerate(plan.requirements):
        for low, high in WINDOWS:
            first, last = getattr(requirement, low, None), getattr(requirement, high, None)
            if isinstance(first, date) and isinstance(last, date) and first > last:
                yield _problem(document, _param_pointer(index, low), f"`{low.rstrip('_')}` ({first}) is after `{high}` ({last}): no day can meet it", "impossible-window")
        for name in DATE_PARAMS:
            value = getattr(requirement, name, None)
            if isinstance(value, date) and value.year != plan.year:
                yield _problem(document, _param_pointer(index, name), f"{value} is outside the document's year {plan.year}", "outside-year")


def _weaker(document: Document, superior: Document) -> Iterator[Problem]:
    """Requirements of `document` that ask less than its superior's for the same thing."""
    above = superior.plan.requirements
    for index, mine in enumerate(document.plan.requirements):
        pointer = f"/requirements/{index}"
        for theirs in (r for r in above if r.type == mine.type):
            where = f"{superior.display_path} {theirs.id}"
            if mine.type == "report_due" and mine.report == theirs.report and mine.due > theirs.due:
                yield _problem(document, pointer + "/due", f"due {mine.due} is later than the superior's {theirs.due} ({where})", "weaker-than-superior")
            elif mine.type == "activity" and mine.kind == theirs.kind:
                if mine.min < theirs.min:
                    yield _problem(document, pointer + "/min", f"min {mine.min} is fewer than the superior's {theirs.min} ({where})", "weaker-than-superior")
                if theirs.not_after and mine.window[1] and mine.window[1] > theirs.not_after:
                    yield _problem(document, pointer, f"the window ends {mine.window[1]}, after the superior's {theirs.not_after} ({where})", "weaker-than-superior")
            elif mine.type == "sectors_covered" and mine.kind == theirs.kind and not set(theirs.sectors) <= set(mine.sectors):
                missing = ", ".join(s.value for s in theirs.sectors if s not in mine.sectors)
                yield _problem(document, pointer + "/sectors", f"fewer sectors than the superior ({where}): misses {missing}", "weaker-than-superior")
            elif mine.type == "drill_per_sector":
                yield from _weaker_drills(document, pointer, mine, theirs, where)
            elif mine.type == "campaign" and theirs.name in mine.name and theirs.end_not_before and (
                mine.end_not_before is None or mine.end_not_before < theirs.end_not_before
            ):
                yield _problem(document, pointer + "/end_not_before", f"the campaign may end before the superior's {theirs.end_not_before} ({where})", "weaker-than-superior")
            elif mine.type == "contact" and mine.role == theirs.role and theirs.require_phone and not mine.require_phone:
                yield _problem(document, pointer + "/require_phone", f"the superior requires a phone ({where})", "weaker-than-superior")


def _weaker_drills(document, pointer, mine, theirs, where) -> Iterator[Problem]:
    for sector, wanted in theirs.sectors.items():
        if sector not in mine.sectors:
            continue  # another requirement of this document may cover the sector
        asked = mine.sectors[sector]
        at = f"{pointer}/sectors/{sector.value}"
        if asked.min < wanted.min:
            yield _problem(document, at + "/min", f"{sector.value}: min {asked.min} is fewer drills than the superior's {wanted.min} ({where})", "weaker-than-superior")
        missing = [s for s in wanted.scenarios_all if s not in asked.scenarios_all]
        if missing:
            yield _problem(document, at + "/scenarios_all", f"{sector.value}: fewer scenarios than the superior ({where}): misses {', '.join(missing)}", "weaker-than-superior")
        extra = [s for s in asked.scenarios_any if wanted.scenarios_any and s not in wanted.scenarios_any]
        if extra:
            yield _problem(document, at + "/scenarios_any", f"{sector.value}: accepts scenarios the superior does not ({where}): {', '.join(extra)}", "weaker-than-superior")


def validate_paths(paths: list[Path], *, rules_dirs: list[Path] | None = None, max_size: int | None = None,
                   allow_outside: bool = False) -> tuple[list[Problem], list[Problem]]:
    """(unreadable, lint): problems that stop a document being read, and requirements that cannot serve."""
    confinement = Confinement(allow_outside=allow_outside)
    confinement.add_inputs(paths)
    resolver = Resolver(rules_dirs=rules_dirs or [], max_size=max_size, confinement=confinement)
    unreadable: list[Problem] = []
    lint: list[Problem] = []
    for path in expand(paths):
        try:
            document = resolver.load(path)
            confinement.check_evidence(document)
            superior = resolver.find_superior(document, document.plan.superior) if document.plan.superior else None
            chain = resolver.chain(document, superior)
            packs = [resolver.pack(name, near=document.path, referrer=document, pointer=f"/packs/{i}") for i, name in enumerate(document.plan.packs)]
        except PlancheckError as error:
            unreadable += error.problems
            continue
        except Exception as error:  # noqa: BLE001 - a bug met on one document must not stop the others
            unreadable.append(Problem(display(path), f"internal error while reading this document: {type(error).__name__}: "
                                      f"{error} (please report it)", 1, 1, "/", "internal-error"))
            continue
        own = list(_own_problems(document))
        lint += own
        defaults = defaults_for(document, chain)
        for index, requirement in enumerate(document.plan.requirements):
            pointer = f"/requirements/{index}"
            if any(p.field.startswith(pointer + "/") and p.code == "impossible-window" for p in own):
                continue  # already said, at the parameter
            try:
                REGISTRY[requirement.type].bind(requirement, defaults)
            except ValueError as error:
                lint.append(_problem(document, pointer, str(error), "unusable-requirement"))
        if superior is not None:
            lint += list(_weaker(document, superior))
        for pack in packs:
            lint += list(_own_problems(pack))
    return unreadable, sorted(lint, key=lambda p: (p.path, p.line or 0, p.column or 0))


__all__ = ["validate_paths", "display"]
