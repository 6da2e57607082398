"""The date forms FORMAT.md accepts: 2024-06-16, 2024年6月16日, and 6月16日 (in the document's year)."""

from __future__ import annotations

import re
import unicodedata
from datetime import date

ISO = re.compile(r"^(\d{4})-(\d{1,2})-(\d{1,2})$")
CHINESE_FULL = re.compile(r"^(\d{4})年(\d{1,2})月(\d{1,2})日$")
CHINESE_MONTH_DAY = re.compile(r"^(\d{1,2})月(\d{1,2})日$")

# The same forms as a JSON Schema pattern (full-width digits allowed, as the loader folds them).
_D = "[0-9０-９]"
SCHEMA_PATTERN = (
    rf"^\s*({_D}{{4}}-{_D}{{1,2}}-{_D}{{1,2}}|{_D}{{4}}年{_D}{{1,2}}月{_D}{{1,2}}日|{_D}{{1,2}}月{_D}{{1,2}}日)\s*$"
)


def parse_date(text: str, *, year: int | None) -> date:
    """Parse one of the accepted forms; raise ValueError naming the form or the impossible day."""
    folded = unicodedata.normalize("NFKC", text).strip()
    if match := ISO.match(folded) or CHINESE_FULL.match(folded):
        y, m, d = (int(part) for part in match.groups())
    elif match := CHINESE_MONTH_DAY.match(folded):
        if year is None:
            raise ValueError(f"{text!r} has no year and the document's year is unknown")
        y = year
        m, d = (int(part) for part in match.groups())
    else:
        raise ValueError(f"{text!r} is not a date: write 2024-06-16, 2024年6月16日 or 6月16日")
    try:
        return date(y, m, d)
    except ValueError:
        raise ValueError(f"{text!r} is not a day of the calendar ({y}-{m:02d}-{d:02d} does not exist)") from None


def as_int(day: date) -> int:
    """A date as a YYYYMMDD integer: the form the rule engine compares."""
    return day.year * 10000 + day.month * 100 + day.day
