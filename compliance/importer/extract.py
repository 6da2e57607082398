"""Find the fields of a plancheck document in a notice's text. Each finding keeps its line and phrase.

The extractors are patterns over the wording notices use; a field is only filled when its pattern
is unambiguous. Everything else stays a TODO for the clerk.
"""

from __future__ import annotations

from .activities import (drop_same_line_repeats, drop_split_publicity, drop_twin_drills, drop_twin_rows, take_listed_drills, take_inline_listed_drills, drop_heading_twins, drop_alternative_training, find_activities, find_drills_per_sector, find_sector_items, find_undated_activities, prune_vague,
                         take_campaign_spans, take_heading_spans, take_time_limit_lines)
from .clauses import clause_of_lines, heading_spans
from .draft import Draft, Sourced
from .gates import apply_gates
from .header import find_campaigns, find_edition_theme, find_issue_date, find_numbers, find_org, find_period, find_title_year, level_from_title, level_of
from .people import find_contacts, find_leading_group
from .reader import Line
from .dates import same_day_named, this_month_named
from .reports import find_reports
from .sectors import drop_own_sector
from .schedule import date_publicity_items_by_row, find_row_orders, find_schedule_activities, schedule_rows
from .requirements import find_requirements

__all__ = ["Draft", "Sourced", "extract"]


def extract(lines: list[Line], *, year: int | None = None) -> Draft:
    draft = Draft()
    lines = [Line(line.number, same_day_named(line.text)) for line in lines]  # 同日 is the day named before it
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
    find_issue_date(lines, draft)
    if draft.issued:
        lines = [Line(line.number, this_month_named(line.text, draft.issued)) for line in lines]  # 本月 is the month it is dated in
    clauses = clause_of_lines(lines)
    find_leading_group(lines, draft)
    find_contacts(lines, draft)
    if the_year:
        find_period(lines, draft, the_year)
        find_campaigns(lines, draft, the_year)
        rows = schedule_rows(lines)
        in_table = {number for row in rows for number in (row.line.number, *row.more)}
        find_schedule_activities(rows, draft, the_year)
        find_activities(lines, draft, the_year, clauses, skip=in_table)
        find_drills_per_sector(lines, draft, the_year, clauses)
        find_sector_items(lines, draft, the_year, clauses)
        find_undated_activities(lines, draft, the_year, clauses, skip=in_table)
        find_row_orders(rows, draft, the_year, clauses, lines)
        take_inline_listed_drills(draft, lines)
        prune_vague(draft, lines)
        drop_twin_drills(draft, in_table)
        drop_twin_rows(draft, in_table)
        take_listed_drills(draft, lines, the_year, clauses)
        drop_heading_twins(draft, lines, clauses)
        drop_alternative_training(draft)
        drop_split_publicity(draft)
        take_campaign_spans(draft, lines, clauses)
        take_heading_spans(draft, heading_spans(lines, the_year))
        take_time_limit_lines(draft, lines, the_year, clauses)
        date_publicity_items_by_row(rows, draft, the_year)
        find_reports(lines, draft, the_year, clauses)
        find_requirements(lines, draft, the_year, clauses)
        drop_own_sector(draft)
        apply_gates(draft, lines)
        drop_same_line_repeats(draft)
    return draft
