"""Find the fields of a plancheck document in a notice's text. Each finding keeps its line and phrase.

The extractors are patterns over the wording notices use; a field is only filled when its pattern
is unambiguous. Everything else stays a TODO for the clerk.
"""

from __future__ import annotations

from .activities import find_activities, find_drills_per_sector, find_undated_activities, prune_vague
from .clauses import clause_of_lines
from .draft import Draft, Sourced
from .header import find_campaigns, find_edition_theme, find_numbers, find_org, find_period, find_title_year, level_from_title, level_of
from .people import find_contacts, find_leading_group
from .reader import Line
from .reports import find_reports
from .requirements import find_requirements

__all__ = ["Draft", "Sourced", "extract"]


def extract(lines: list[Line], *, year: int | None = None) -> Draft:
    draft = Draft()
    find_org(lines, draft)
    find_title_year(lines, draft)
    find_edition_theme(lines, draft)
    if year is not None:
        draft.fields["year"] = Sourced(year, 0, "--year")
    the_year = draft.value("year")
    org = draft.value("org")
    if org and (level := level_of(org)):
        draft.fields["level"] = Sourced(level, draft.fields["org"].line, draft.fields["org"].phrase)
    elif not org:
        level_from_title(lines, draft)
    find_numbers(lines, draft)
    clauses = clause_of_lines(lines)
    find_leading_group(lines, draft)
    find_contacts(lines, draft)
    if the_year:
        find_period(lines, draft, the_year)
        find_campaigns(lines, draft, the_year)
        find_activities(lines, draft, the_year, clauses)
        find_drills_per_sector(lines, draft, the_year, clauses)
        find_undated_activities(lines, draft, clauses)
        prune_vague(draft)
        find_reports(lines, draft, the_year, clauses)
        find_requirements(lines, draft, the_year, clauses)
    return draft
